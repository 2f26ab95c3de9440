import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Count words with one producer and several consumers sharing a BlockingQueue.
// Run: java WordCount.java
public class WordCount {
    // Compared with ==, so no real line (not even "") is ever mistaken for it.
    private static final String POISON = new String("<end of input>");

    static void produce(List<String> lines, BlockingQueue<String> queue, int consumers)
            throws InterruptedException {
        for (String line : lines) {
            queue.put(line);
        }
        for (int i = 0; i < consumers; i++) {
            queue.put(POISON); // one pill per consumer: each take() removes one
        }
    }

    static int consume(BlockingQueue<String> queue) throws InterruptedException {
        int words = 0;
        for (String line = queue.take(); line != POISON; line = queue.take()) {
            String trimmed = line.strip();
            words += trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        }
        return words;
    }

    static int countWords(List<String> lines, int workers) throws Exception {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(64);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                counts.add(pool.submit(() -> consume(queue)));
            }
            produce(lines, queue, workers);
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get();
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> poem = List.of("so much depends", "upon", "", "a red wheel", "barrow", "",
                "glazed with rain", "water");
        System.out.println(countWords(poem, 4)); // 12
    }
}
