// Rebuild once a burst of file changes has gone quiet: a trailing-edge debounce.
// Run: java Watch.java
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

public class Watch {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final TreeSet<String> pending = new TreeSet<>();
    private final long quietMs;
    private final Consumer<List<String>> rebuild;
    private ScheduledFuture<?> timer;

    Watch(long quietMs, Consumer<List<String>> rebuild) {
        this.quietMs = quietMs;
        this.rebuild = rebuild;
    }

    synchronized void changed(String file) {
        pending.add(file);
        if (timer != null) timer.cancel(false); // the quiet period starts over
        timer = scheduler.schedule(this::flush, quietMs, TimeUnit.MILLISECONDS);
    }

    synchronized void flush() {
        if (pending.isEmpty()) return;
        List<String> files = new ArrayList<>(pending);
        pending.clear();
        rebuild.accept(files);
    }

    void close() {
        synchronized (this) {
            if (timer != null) timer.cancel(false);
        }
        flush();
        scheduler.shutdown(); // or the JVM never exits
    }

    public static void main(String[] args) throws InterruptedException {
        long start = System.nanoTime();
        Watch w = new Watch(30, files -> System.out.printf("rebuild at ~%dms: %s%n",
                (System.nanoTime() - start) / 1_000_000, files));
        w.changed("a.go");
        Thread.sleep(10);
        w.changed("b.go");
        Thread.sleep(15);
        w.changed("a.go");
        Thread.sleep(15);
        w.changed("c.go");
        Thread.sleep(65);
        w.changed("d.go");
        Thread.sleep(95);
        w.close();
        // rebuild at ~70ms: [a.go, b.go, c.go]   (30ms after c.go, plus the JVM's warm-up)
        // rebuild at ~135ms: [d.go]
    }
}
