import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// ExecutorService.invokeAll: submit every fetch, wait until all are done, and
// read the futures in the order of the URLs. get() throws the first failure
// (in input order) wrapped in an ExecutionException.
// Run: java FetchAll.java
public class FetchAll {
    interface Fetcher {
        String fetchText(String url) throws Exception;
    }

    static List<String> fetchAll(List<String> urls, Fetcher fetcher)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (String url : urls) {
                tasks.add(() -> fetcher.fetchText(url));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                bodies.add(f.get());
            }
            return bodies;
        } finally {
            pool.shutdown();
        }
    }

    // Stands in for an HttpClient request: the first URL is the slowest.
    static final Map<String, Long> DELAYS = Map.of(
            "https://a.example", 300L, "https://b.example", 200L, "https://c.example", 100L);

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        List<String> urls = List.of("https://a.example", "https://b.example", "https://c.example");
        List<String> bodies = fetchAll(urls, url -> {
            Thread.sleep(DELAYS.get(url));
            return "body of " + url;
        });
        System.out.println(bodies + " " + (System.nanoTime() - started) / 1_000_000 + "ms"); // in input order, ~300ms
    }
}
