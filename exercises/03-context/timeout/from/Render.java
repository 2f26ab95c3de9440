// Render a document, but give the caller an answer within a time limit.
// Run: java Render.java
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

public class Render {
    static final ExecutorService pool = Executors.newCachedThreadPool();

    // Checks for an interrupt between pages (Thread.sleep throws on one).
    static String render(String doc, int pages) throws InterruptedException {
        for (int i = 0; i < pages; i++) {
            Thread.sleep(30); // one page
        }
        return doc + ": " + pages + " pages";
    }

    static String renderWithin(String doc, int pages, long millis) throws Exception {
        Future<String> job = pool.submit(() -> render(doc, pages));
        try {
            return job.get(millis, TimeUnit.MILLISECONDS);
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
    }
}
