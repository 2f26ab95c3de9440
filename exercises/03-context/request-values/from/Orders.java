// Every log line carries the ID of the request it belongs to, without
// passing the ID to every method: a ThreadLocal, one value per thread, and a
// server that serves each request on its own thread.
// Run: java Orders.java
import java.util.List;
import java.util.Map;

public class Orders {
    static final ThreadLocal<String> requestId = ThreadLocal.withInitial(() -> "");
    static final Map<String, Long> takes = Map.of("ada", 100L, "bob", 30L);

    static void log(String message) {
        System.out.println("req=" + requestId.get() + " " + message);
    }

    // The user is a parameter: orders cannot work without it.
    static List<String> orders(String userId) throws InterruptedException {
        Thread.sleep(takes.get(userId)); // the store
        List<String> found = List.of(userId + "-o1");
        log("loaded " + found.size() + " orders for " + userId);
        return found;
    }

    static Thread handle(String rid, String userId) {
        Thread t = new Thread(() -> {
            requestId.set(rid);
            try {
                log("GET /orders user=" + userId);
                orders(userId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                requestId.remove(); // pooled threads would keep it for the next request
            }
        });
        t.start();
        return t;
    }

    public static void main(String[] args) throws InterruptedException {
        Thread a = handle("req-a", "ada");
        Thread.sleep(10); // bob's request arrives while ada's is at the store
        Thread b = handle("req-b", "bob");
        a.join();
        b.join();
    }
}
