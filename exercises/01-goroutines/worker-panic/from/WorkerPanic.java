import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// invokeAll: every job runs on the pool, and a job that throws (a bug such
// as a NullPointerException included) stores the exception in its Future;
// get() rethrows it wrapped in an ExecutionException, stack trace attached.
// The pool thread survives, and so do the other jobs and the JVM.
// Run: java WorkerPanic.java
public class WorkerPanic {
    static final Map<String, Integer> SIZES = Map.of("a.png", 200, "c.png", 100);

    static String handle(String job) throws InterruptedException {
        Thread.sleep(50);
        int size = SIZES.get(job); // unboxing null: NullPointerException for b.png
        return "resized to " + size;
    }

    public static void main(String[] args) throws Exception {
        List<String> jobs = List.of("a.png", "b.png", "c.png");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Callable<String>> tasks = new ArrayList<>();
        for (String job : jobs) {
            tasks.add(() -> handle(job));
        }
        List<Future<String>> futures = pool.invokeAll(tasks);
        for (int i = 0; i < jobs.size(); i++) {
            try {
                System.out.println(jobs.get(i) + ": " + futures.get(i).get());
            } catch (ExecutionException e) {
                System.out.println(jobs.get(i) + ": " + e.getCause() + " at " + e.getCause().getStackTrace()[0]);
            }
        }
        pool.shutdown();
    }
}
