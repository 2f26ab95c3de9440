import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

// A fixed thread pool: `limit` threads take the submitted jobs from the
// pool's queue, so at most `limit` run at once and a free thread picks the
// next job at once. invokeAll waits for all; futures keep the order of the
// jobs. shutdown() lets the threads end (forget it and the JVM never exits).
// Run: java BoundedPool.java
public class BoundedPool {
    static List<String> processAll(List<String> jobs, int limit, Function<String, String> process)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(limit);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (String job : jobs) {
                tasks.add(() -> process.apply(job));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    static final AtomicInteger inFlight = new AtomicInteger();
    static final AtomicInteger maxInFlight = new AtomicInteger();

    // Stands in for resizing an image or calling a rate-limited API.
    static String resize(String name) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
        return name + " resized";
    }

    public static void main(String[] args) throws Exception {
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            jobs.add("img-" + i + ".png");
        }
        List<String> results = processAll(jobs, 3, BoundedPool::resize);
        System.out.println(results + " at most " + maxInFlight.get() + " at once");
    }
}
