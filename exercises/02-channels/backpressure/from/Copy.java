import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

// Backpressure with an ArrayBlockingQueue: put() blocks while the queue is
// full, so a fast reader thread waits for a slow writer.
// Run: java Copy.java
public class Copy {
    static final String EOF = new String("EOF"); // compared by identity

    static int copy(Supplier<String> read, Consumer<String> write, int ahead) throws InterruptedException {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(ahead); // a LinkedBlockingQueue never fills
        Thread reader = new Thread(() -> {
            try {
                for (String chunk = read.get(); chunk != null; chunk = read.get()) {
                    queue.put(chunk); // blocks while ahead chunks are waiting
                }
                queue.put(EOF);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();
        int written = 0;
        for (String chunk = queue.take(); chunk != EOF; chunk = queue.take()) {
            write.accept(chunk);
            written++;
        }
        return written;
    }

    static int n = 0;

    public static void main(String[] args) throws InterruptedException {
        Supplier<String> read = () -> n < 12 ? "chunk " + ++n : null; // fast
        Consumer<String> write = chunk -> { // slow: an upload
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("wrote " + chunk + ", read " + n + " so far");
        };
        System.out.println("copied " + copy(read, write, 4) + " chunks");
    }
}
