// Retry a flaky operation with exponential backoff and full jitter: a random wait
// below 100ms, 200ms, 400ms ... capped at 1s.
// Run: java Retry.java
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

public class Retry {
    static <T> T retry(Callable<T> op, int attempts) throws Exception {
        long backoffMs = 100; // Thread.sleep counts in milliseconds
        for (int attempt = 1; ; attempt++) {
            try {
                return op.call();
            } catch (Exception e) {
                if (attempt >= attempts) throw e;
            }
            // Full jitter: anywhere in [0, backoffMs). Throws InterruptedException
            // as soon as someone interrupts this thread.
            Thread.sleep(ThreadLocalRandom.current().nextLong(backoffMs));
            backoffMs = Math.min(backoffMs * 2, 1000);
        }
    }

    public static void main(String[] args) throws Exception {
        int[] calls = {0};
        long start = System.nanoTime();
        String result = retry(() -> {
            if (++calls[0] < 4) throw new IllegalStateException("attempt " + calls[0] + " failed");
            return "ok";
        }, 5);
        System.out.printf("%s after %dms%n", result, (System.nanoTime() - start) / 1_000_000);

        Thread worker = new Thread(() -> {
            try {
                retry(() -> { throw new IllegalStateException("down"); }, 10);
            } catch (InterruptedException e) {
                System.out.println("gave up: interrupted"); // at ~250ms
            } catch (Exception e) {
                System.out.println("gave up: " + e.getMessage());
            }
        });
        worker.start();
        Thread.sleep(250);
        worker.interrupt();
        worker.join();
    }
}
