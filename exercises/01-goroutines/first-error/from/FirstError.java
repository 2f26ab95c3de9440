import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

// Fail fast by hand (Java 21's StructuredTaskScope.ShutdownOnFailure packages
// this): submit every fetch; the first one that fails records its exception
// and cancels the others, and cancel(true) interrupts their threads. The
// caller waits for every future, then throws that first failure.
// Run: java FirstError.java
public class FirstError {
    interface Fetcher {
        String fetchText(String url) throws Exception;
    }

    static List<String> fetchAll(List<String> urls, Fetcher fetcher) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        List<Future<?>> futures = new CopyOnWriteArrayList<>();
        AtomicReference<Exception> first = new AtomicReference<>();
        String[] bodies = new String[urls.size()];
        try {
            for (int i = 0; i < urls.size(); i++) {
                int idx = i;
                String url = urls.get(i);
                futures.add(pool.submit(() -> {
                    try {
                        bodies[idx] = fetcher.fetchText(url);
                    } catch (InterruptedException e) {
                        System.out.println(url + " interrupted");
                    } catch (Exception e) {
                        if (first.compareAndSet(null, new Exception("fetch " + url + ": " + e.getMessage(), e))) {
                            futures.forEach(f -> f.cancel(true)); // interrupt the rest
                        }
                    }
                }));
            }
            if (first.get() != null) {
                futures.forEach(f -> f.cancel(true)); // a fetch failed before the last was submitted
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception cancelled) {
                    // cancelled after the first failure
                }
            }
            if (first.get() != null) {
                throw first.get();
            }
            return List.of(bodies);
        } finally {
            pool.shutdownNow();
        }
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
