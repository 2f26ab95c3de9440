import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

// Ask every replica, keep the first answer, give up after a timeout.
// Run: java First.java
public class First {
    static String first(String query, List<Function<String, String>> replicas, long timeoutMillis)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(replicas.size());
        try {
            List<Callable<String>> tasks = replicas.stream()
                    .map(ask -> (Callable<String>) () -> ask.apply(query))
                    .toList();
            // Returns the first result; cancels (interrupts) the tasks still running.
            return pool.invokeAny(tasks, timeoutMillis, TimeUnit.MILLISECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    static Function<String, String> replica(String name, long delayMillis) {
        return query -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeException(e);
            }
            return name + ": " + query;
        };
    }

    public static void main(String[] args) throws Exception {
        System.out.println(first("users/42",
                List.of(replica("eu", 300), replica("us", 10), replica("ap", 1500)), 1000));
        try {
            first("users/42", List.of(replica("eu", 1500)), 1000);
        } catch (TimeoutException e) {
            System.out.println("no replica answered within 1000ms");
        }
    }
}
