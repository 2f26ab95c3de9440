import java.util.List;
import java.util.stream.Stream;

// A lazy Stream: map and filter are stages, limit stops pulling after n,
// and nothing is left running once toList returns.
// Run: java Pipeline.java
public class Pipeline {
    record Entry(String level, String message) {
        static Entry parse(String line) {
            String[] parts = line.split(" ", 2);
            return new Entry(parts[0], parts.length > 1 ? parts[1] : "");
        }
    }

    static List<Entry> firstErrors(Stream<String> lines, int n) {
        return lines
                .map(Entry::parse)
                .filter(e -> e.level().equals("ERROR"))
                .limit(n)
                .toList();
    }

    public static void main(String[] args) {
        List<String> log = List.of(
                "INFO server started",
                "ERROR disk full",
                "WARN slow request",
                "ERROR connection reset",
                "INFO request served",
                "ERROR timeout talking to db");
        System.out.println(firstErrors(log.stream(), 2));
    }
}
