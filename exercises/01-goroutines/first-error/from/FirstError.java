import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

// Fail fast by hand: run every fetch on a pool; the first one that fails
// records its exception and calls shutdownNow(), which interrupts the
// threads of the others. The caller then waits, with awaitTermination,
// until every task has returned, the interrupted ones included, and throws
// that first failure. (Cancelling Futures would not do: get() on a
// cancelled Future throws at once, while its task may still be running.)
// Java 21's StructuredTaskScope packages this pattern, but it is a preview
// API, still changing between releases; this file does not use it.
// Run: java FirstError.java
public class FirstError {
    interface Fetcher {
        String fetchText(String url) throws Exception;
    }

    static List<String> fetchAll(List<String> urls, Fetcher fetcher) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        AtomicReference<Exception> first = new AtomicReference<>();
        String[] bodies = new String[urls.size()];
        try {
            for (int i = 0; i < urls.size(); i++) {
                int idx = i;
                String url = urls.get(i);
                pool.execute(() -> {
                    try {
                        bodies[idx] = fetcher.fetchText(url);
                    } catch (InterruptedException e) {
                        System.out.println(url + " interrupted");
                    } catch (Exception e) {
                        if (first.compareAndSet(null, new Exception("fetch " + url + ": " + e.getMessage(), e))) {
                            pool.shutdownNow(); // interrupt the others
                        }
                    }
                });
            }
        } catch (RejectedExecutionException e) {
            // a fetch failed and shut the pool down before the last was submitted
        } finally {
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // every task returns once interrupted; wait for the last one
            }
        }
        if (first.get() != null) {
            throw first.get();
        }
        return List.of(bodies);
    }

    // Stands in for an HttpClient request: b fails fast, the others are slow.
    static final Map<String, Long> DELAYS = Map.of(
            "https://a.example", 300L, "https://b.example", 100L, "https://c.example", 300L);

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        List<String> urls = List.of("https://a.example", "https://b.example", "https://c.example");
        try {
            fetchAll(urls, url -> {
                Thread.sleep(DELAYS.get(url));
                if (url.equals("https://b.example")) {
                    throw new Exception("503 service unavailable");
                }
                return "body of " + url;
            });
        } catch (Exception e) {
            System.out.println(e.getMessage() + " after " + (System.nanoTime() - started) / 1_000_000 + "ms"); // ~100ms
        }
    }
}
