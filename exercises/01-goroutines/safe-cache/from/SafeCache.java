import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

// A memoizing cache shared by threads: a ConcurrentHashMap of futures.
// computeIfAbsent stores one future per key, atomically, so each key is
// fetched once; threads asking while it runs join the same future. The
// fetch itself runs outside the map's lock, so a slow key holds up no other.
// Run: java SafeCache.java
public class SafeCache {
    static class Cache {
        private final Map<String, CompletableFuture<String>> entries = new ConcurrentHashMap<>();
        private final Function<String, String> fetch;
        private final ExecutorService pool;

        Cache(Function<String, String> fetch, ExecutorService pool) {
            this.fetch = fetch;
            this.pool = pool;
        }

        String get(String key) {
            return entries.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> fetch.apply(k), pool)).join();
        }
    }

    static final Map<String, Integer> fetches = new ConcurrentHashMap<>();

    static String fetchAvatar(String user) {
        fetches.merge(user, 1, Integer::sum);
        try {
            Thread.sleep(user.equals("slow") ? 300 : 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "https://cdn.example/" + user + ".png";
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        Cache cache = new Cache(SafeCache::fetchAvatar, pool);
        long started = System.nanoTime();
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> cache.get("slow"), pool);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (String user : List.of("ada", "ada", "grace", "ada", "grace")) {
            calls.add(CompletableFuture.supplyAsync(() -> cache.get(user), pool));
        }
        List<String> urls = new ArrayList<>();
        for (CompletableFuture<String> c : calls) {
            urls.add(c.join());
        }
        long took = (System.nanoTime() - started) / 1_000_000;
        slow.join();
        System.out.println(urls + " " + fetches + " " + took + "ms"); // ada and grace once each, before slow is done
        pool.shutdown();
    }
}
