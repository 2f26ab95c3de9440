import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// Fan-out / fan-in with an ExecutorCompletionService: a fixed pool checks the
// URLs, and take() hands back each result as soon as it is done. The caller
// counts: it submitted n tasks, so it takes n results.
// Run: java CheckAll.java
public class CheckAll {
    record Result(String url, int status) {}

    // Stands in for an HttpClient HEAD request.
    static final Map<String, Long> DELAYS = Map.of(
            "https://a.example", 300L, "https://b.example", 100L, "https://c.example", 200L);

    static int check(String url) throws InterruptedException {
        Thread.sleep(DELAYS.getOrDefault(url, 100L));
        return 200;
    }

    static List<Result> checkAll(List<String> urls, int workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CompletionService<Result> done = new ExecutorCompletionService<>(pool);
            for (String url : urls) {
                done.submit(() -> new Result(url, check(url)));
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                Result r = done.take().get();
                System.out.println(r);
                results.add(r);
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    public static void main(String[] args) throws Exception {
        checkAll(List.of("https://a.example", "https://b.example", "https://c.example",
                "https://d.example", "https://e.example"), 3);
        System.out.println("all checked");
    }
}
