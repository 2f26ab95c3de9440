// A handler with a budget: load the user, then their orders, all within 500ms.
// If the caller interrupts this thread, the running call is cancelled too.
// Run: java Profile.java
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public class Profile {
    static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    static final ExecutorService pool = Executors.newCachedThreadPool();

    record User(String id, String name) {}
    record Order(String id, int cents) {}
    record Result(User user, List<Order> orders) {}

    interface Backend {
        User user(String id) throws InterruptedException;
        List<Order> orders(String userId) throws InterruptedException;
    }

    static Result loadProfile(String id, Backend backend) throws Exception {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        User user = within(deadline, () -> backend.user(id));
        List<Order> orders = within(deadline, () -> backend.orders(user.id()));
        return new Result(user, orders);
    }

    // Runs task with what is left of the budget; on timeout or interrupt, cancels it.
    static <T> T within(long deadline, Callable<T> task) throws Exception {
        Future<T> call = pool.submit(task);
        try {
            return call.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } finally {
            call.cancel(true); // a no-op if it finished; interrupts it if not
        }
    }

    static Backend fake(long userMillis, long ordersMillis) {
        return new Backend() {
            public User user(String id) throws InterruptedException {
                Thread.sleep(userMillis);
                return new User(id, "Ada");
            }

            public List<Order> orders(String userId) throws InterruptedException {
                Thread.sleep(ordersMillis);
                return List.of(new Order("o1", 1250));
            }
        };
    }

    public static void main(String[] args) throws Exception {
        System.out.println(loadProfile("u1", fake(100, 150)));
        try {
            loadProfile("u1", fake(300, 300));
        } catch (TimeoutException e) {
            System.out.println("gave up: over budget");
        }
        pool.shutdownNow();
    }
}
