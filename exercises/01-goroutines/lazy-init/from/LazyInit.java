import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

// Double-checked locking: the textbook Java lazy singleton. The first check
// skips the lock once the config is loaded; `volatile` is what makes that
// unlocked read safe under the Java memory model (without it, a thread may
// see a half-constructed Config).
// Run: java LazyInit.java
public class LazyInit {
    record Config(String addr, int workers) {}

    static final AtomicInteger loads = new AtomicInteger();
    private static volatile Config config;

    static Config loadConfig() throws InterruptedException {
        loads.incrementAndGet();
        Thread.sleep(50); // read and parse the file
        return new Config(":8080", 4);
    }

    static Config getConfig() throws InterruptedException {
        Config c = config;
        if (c == null) { // fast path, no lock
            synchronized (LazyInit.class) {
                c = config;
                if (c == null) { // somebody may have loaded it while we waited
                    config = c = loadConfig();
                }
            }
        }
        return c;
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Config>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(pool.submit(LazyInit::getConfig));
        }
        Config first = futures.get(0).get();
        boolean same = true;
        for (Future<Config> f : futures) {
            same &= f.get() == first;
        }
        pool.shutdown();
        System.out.println(first + " same object: " + same + ", loads: " + loads.get()); // loads: 1
    }
}
