// A download the user can cancel, limited in time, and the caller learns WHY
// it stopped: Future.cancel says only that it was cancelled, so the reason
// travels as the exception a CompletableFuture completes with.
// Run: java Download.java
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

public class Download {
    static class CanceledByUser extends RuntimeException {
        CanceledByUser() { super("canceled by the user"); }
    }

    static CompletableFuture<List<String>> start(String name, int chunks, long maxMillis) {
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            List<String> data = new ArrayList<>();
            try {
                for (int i = 0; i < chunks; i++) {
                    Thread.sleep(20); // one chunk; an interrupt ends it
                    data.add(name + "#" + i);
                }
                result.complete(data);
            } catch (InterruptedException e) {
                // stopped: the future already holds the reason
            }
        });
        worker.start();
        result.whenComplete((r, why) -> worker.interrupt()); // however it ends, stop the worker
        return result.orTimeout(maxMillis, TimeUnit.MILLISECONDS); // a TimeoutException if too slow
    }

    static String why(CompletableFuture<?> f) {
        try {
            f.join();
            return "completed";
        } catch (CompletionException e) {
            return e.getCause().getClass().getSimpleName(); // CanceledByUser, TimeoutException
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println(start("a.iso", 3, 500).join());

        CompletableFuture<List<String>> b = start("b.iso", 10, 500);
        Thread.sleep(50);
        b.completeExceptionally(new CanceledByUser());
        System.out.println("b stopped: " + why(b));

        System.out.println("c stopped: " + why(start("c.iso", 100, 100)));
    }
}
