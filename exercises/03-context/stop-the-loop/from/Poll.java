// A polling worker: call check every 100ms until the caller cancels it.
// Run: java Poll.java
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public class Poll {
    public static void main(String[] args) throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger n = new AtomicInteger();
        ScheduledFuture<?> polling = scheduler.scheduleAtFixedRate(
                () -> System.out.println("check " + n.incrementAndGet()),
                100, 100, TimeUnit.MILLISECONDS);

        Thread.sleep(350);
        polling.cancel(true); // no more runs; interrupts the thread if a check is running
        scheduler.shutdownNow();
        System.out.println("stopped");
    }
}
