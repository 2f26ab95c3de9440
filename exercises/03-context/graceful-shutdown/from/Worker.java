// A queue worker that shuts down gracefully: on SIGTERM (or Ctrl-C, or
// System.exit) a shutdown hook stops taking jobs, gives the running ones a
// grace period, then lets the JVM exit.
// Run: java Worker.java
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

public class Worker {
    static final long GRACE_MILLIS = 200;

    public static void main(String[] args) throws InterruptedException {
        ExecutorService pool = Executors.newCachedThreadPool();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("shutting down, taking no more jobs");
            pool.shutdown(); // running jobs go on
            try {
                if (!pool.awaitTermination(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    pool.shutdownNow(); // the grace period is over: interrupt them
                    pool.awaitTermination(1, TimeUnit.SECONDS); // and let them return
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
            }
            System.out.println("drained");
        }));

        for (int i = 1; i <= 5; i++) {
            int id = i;
            pool.submit(() -> {
                try {
                    Thread.sleep(50 + (id * 37) % 100);
                    System.out.println("job " + id + " done");
                } catch (InterruptedException e) {
                    System.out.println("job " + id + " interrupted");
                }
            });
            Thread.sleep(20);
        }
        // The orchestrator's SIGTERM runs the hook; so does System.exit, which
        // keeps this demo's exit status 0 (a JVM killed by SIGTERM exits 143).
        System.exit(0);
    }
}
