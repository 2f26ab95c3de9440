// Record how long named operations take: count, mean and max per name.
// Run: java Latency.java
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

public class Latency {
    private static final class Stat {
        long count;
        Duration total = Duration.ZERO;
        Duration max = Duration.ZERO;
    }

    private final Map<String, Stat> stats = new HashMap<>();

    <T> T track(String name, Callable<T> op) throws Exception {
        // nanoTime(), not currentTimeMillis(): the wall clock can be set back mid-call.
        long start = System.nanoTime();
        try {
            return op.call();
        } finally {
            record(name, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private synchronized void record(String name, Duration d) {
        Stat s = stats.computeIfAbsent(name, k -> new Stat());
        s.count++;
        s.total = s.total.plus(d);
        if (d.compareTo(s.max) > 0) s.max = d;
    }

    synchronized Duration mean(String name) {
        Stat s = stats.get(name);
        return s == null ? Duration.ZERO : s.total.dividedBy(s.count);
    }

    synchronized Duration max(String name) {
        Stat s = stats.get(name);
        return s == null ? Duration.ZERO : s.max;
    }

    public static void main(String[] args) throws Exception {
        Latency latency = new Latency();
        latency.track("db", () -> { Thread.sleep(20); return null; });
        latency.track("db", () -> { Thread.sleep(40); return null; });
        try {
            latency.track("db", () -> { throw new IllegalStateException("timeout"); });
        } catch (IllegalStateException e) {
            // recorded all the same
        }
        System.out.printf("db: mean %dms, max %dms%n",
                latency.mean("db").toMillis(), latency.max("db").toMillis());
    }
}
