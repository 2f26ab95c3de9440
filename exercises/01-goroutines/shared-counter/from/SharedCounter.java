import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

// A hit counter shared by request threads. `hits++` on a plain long field is
// a read, an add and a write, and threads lose updates; `synchronized` or an
// AtomicLong makes it one step. getAndSet(0) reads and resets in one step, so
// a reporter never loses the hits that land in between.
// Run: java SharedCounter.java
public class SharedCounter {
    static class Counter {
        private final AtomicLong hits = new AtomicLong();

        void hit() {
            hits.incrementAndGet();
        }

        long hits() {
            return hits.get();
        }

        long take() {
            return hits.getAndSet(0);
        }
    }

    public static void main(String[] args) throws Exception {
        Counter counter = new Counter();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    counter.hit();
                }
            });
        }
        long reported = 0;
        pool.shutdown();
        while (!pool.awaitTermination(1, TimeUnit.MILLISECONDS)) {
            reported += counter.take(); // a reporter running while requests come in
        }
        reported += counter.take();
        System.out.println("reported " + reported + " hits, " + counter.hits() + " left"); // 8000, 0
    }
}
