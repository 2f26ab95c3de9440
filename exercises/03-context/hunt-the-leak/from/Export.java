// Stream a table to a slow client, one line per row; stop when it leaves.
// A producer thread reads ahead; when the client leaves, the handler must
// stop it, or it waits in put() forever.
// Run: java Export.java
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;

public class Export {
    static final ExecutorService pool = Executors.newCachedThreadPool();

    static String row(String table, int i) throws InterruptedException {
        Thread.sleep(10);
        return table + "-" + i;
    }

    static void exportTable(String table, List<String> client, long hangUpAt) throws Exception {
        SynchronousQueue<String> rows = new SynchronousQueue<>();
        Future<?> producer = pool.submit(() -> {
            for (int i = 0; i < 1000; i++) {
                rows.put(row(table, i)); // blocks until the writer takes it
            }
            return null;
        });
        try {
            while (true) {
                String r = rows.take();
                Thread.sleep(50); // a slow link
                if (System.currentTimeMillis() >= hangUpAt) throw new IOException("Broken pipe");
                client.add(r);
            }
        } finally {
            producer.cancel(true); // interrupts put(): the producer does not outlive the request
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> client = new ArrayList<>();
        try {
            exportTable("orders", client, System.currentTimeMillis() + 175);
        } catch (IOException e) {
            System.out.println("stopped: " + e.getMessage());
        }
        System.out.println("sent " + client);
        pool.shutdown(); // exits only because the producer was cancelled
    }
}
