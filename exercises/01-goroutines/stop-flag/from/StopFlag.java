import java.util.concurrent.atomic.AtomicInteger;

// A worker thread with a volatile stop flag, checked before each job.
// volatile makes the write in stop() visible to the worker's loop; without
// it the JIT may read the field once and loop forever. stop() sets the
// flag and joins the thread, so when it returns no job is running.
// Run: java StopFlag.java
public class StopFlag {
    static class Worker {
        private volatile boolean running = true;
        private final Thread thread;

        Worker(Runnable step) {
            thread = new Thread(() -> {
                while (running) {
                    step.run();
                }
            });
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(); // the job in progress finishes first
        }
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger jobs = new AtomicInteger();
        Worker worker = new Worker(() -> {
            try {
                Thread.sleep(20); // take the next job off a queue and process it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            jobs.incrementAndGet();
        });
        Thread.sleep(70);
        worker.stop();
        int atStop = jobs.get();
        Thread.sleep(50);
        System.out.println(atStop + " jobs when stop() returned, " + jobs.get() + " after"); // the same number
    }
}
