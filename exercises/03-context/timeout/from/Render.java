// Render a document, but give the caller an answer within a time limit.
// Run: java Render.java
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public class Render {
    static final ExecutorService pool = Executors.newCachedThreadPool();

    // One page: 30ms of work that nothing interrupts (an interrupt only sets a flag).
    static void page() {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    // Checks for an interrupt between pages, as cancel(true) asks it to.
    static String render(String doc, int pages) {
        for (int i = 0; i < pages; i++) {
            if (Thread.currentThread().isInterrupted()) {
                System.out.println(doc + ": interrupted, stopping after " + i + " pages");
                throw new CancellationException();
            }
            page();
        }
        return doc + ": " + pages + " pages";
    }

    static String renderWithin(String doc, int pages, long millis) throws Exception {
        Future<String> job = pool.submit(() -> render(doc, pages));
        try {
            return job.get(millis, TimeUnit.MILLISECONDS); // returns at the limit, mid-page
        } finally {
            job.cancel(true); // a no-op if it finished; interrupts the render if not
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println(renderWithin("invoice.pdf", 3, 300));
        try {
            renderWithin("report.pdf", 30, 300);
        } catch (TimeoutException e) {
            System.out.println("gave up: timed out");
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.SECONDS); // the render finishes its page, then stops
    }
}
