import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

// A token bucket from a Semaphore and a scheduler: the permits are the
// tokens, and a task releases one every interval while there are fewer than
// burst. stop() shuts the scheduler down; without it, its thread keeps the
// JVM running.
// Run: java Limiter.java
public class Limiter {
    private final Semaphore tokens;
    private final ScheduledExecutorService refills = Executors.newSingleThreadScheduledExecutor();

    Limiter(int burst, long everyMillis) {
        tokens = new Semaphore(burst);
        refills.scheduleAtFixedRate(() -> {
            if (tokens.availablePermits() < burst) {
                tokens.release();
            }
        }, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    void acquire() throws InterruptedException {
        tokens.acquire();
    }

    boolean tryAcquire(long timeoutMillis) throws InterruptedException {
        return tokens.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    void stop() {
        refills.shutdownNow();
    }

    public static void main(String[] args) throws InterruptedException {
        Limiter limiter = new Limiter(3, 100); // bursts of 3, then one every 100ms
        long start = System.nanoTime();
        List<Long> calls = new ArrayList<>();
        try {
            for (int i = 1; i <= 6; i++) {
                limiter.acquire();
                calls.add((System.nanoTime() - start) / 1_000_000);
            }
            System.out.println("calls at " + calls + " ms"); // [0, 0, 0, 100, 200, 300]
            if (!limiter.tryAcquire(50)) {
                System.out.println("gave up at " + (System.nanoTime() - start) / 1_000_000 + "ms");
            }
        } finally {
            limiter.stop();
        }
    }
}
