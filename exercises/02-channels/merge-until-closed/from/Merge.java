import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

// Merge two feeds of the same updates, each seq once, until both have ended.
// A thread per feed copies it to one queue and puts END when the feed is
// exhausted, so counting the END markers is enough.
// Run: java Merge.java
public class Merge {
    record Update(int seq, String text) {}

    static final Object END = new Object();

    static void merge(List<Iterable<Update>> feeds, Consumer<Update> onUpdate) throws InterruptedException {
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        for (Iterable<Update> feed : feeds) {
            new Thread(() -> {
                try {
                    for (Update u : feed) {
                        queue.put(u);
                    }
                    queue.put(END); // once per feed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).start();
        }
        Set<Integer> seen = new HashSet<>();
        for (int open = feeds.size(); open > 0; ) {
            Object item = queue.take();
            if (item == END) {
                open--;
                continue;
            }
            Update u = (Update) item;
            if (seen.add(u.seq())) { // false for a copy: the other feed was first
                onUpdate.accept(u);
            }
        }
    }

    // A feed sends each {delay, seq} after delay ms, then ends.
    static Iterable<Update> feed(String name, int[][] steps) {
        return () -> Arrays.stream(steps).map(step -> {
            try {
                Thread.sleep(step[0]);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            return new Update(step[1], name + " " + step[1]);
        }).iterator();
    }

    public static void main(String[] args) throws InterruptedException {
        Iterable<Update> primary = feed("primary", new int[][] {{0, 1}, {40, 3}}); // lost 2, ends early
        Iterable<Update> backup = feed("backup", new int[][] {{20, 1}, {10, 2}, {40, 3}, {30, 4}});
        merge(List.of(primary, backup), System.out::println);
        System.out.println("both feeds ended");
    }
}
