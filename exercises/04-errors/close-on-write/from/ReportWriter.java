// Save a report to a file; try-with-resources closes it, and close() may throw.
// Run: java ReportWriter.java [file]   (try /dev/full on Linux: the error surfaces at close)
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class ReportWriter {
    record Row(String name, int count) {}

    record Report(String title, List<Row> rows) {}

    static void save(Path path, Report report) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(path)) {
            out.write("# " + report.title() + "\n");
            for (Row row : report.rows()) {
                out.write(row.name() + "\t" + row.count() + "\n");
            }
        } // close() flushes: its IOException is thrown, or added as suppressed to the body's
    }

    public static void main(String[] args) {
        Report report = new Report("requests", List.of(new Row("GET", 12), new Row("POST", 3)));
        try {
            save(Path.of(args.length > 0 ? args[0] : "report.txt"), report);
            System.out.println("saved");
        } catch (IOException e) {
            System.err.println("save report: " + e.getMessage());
        }
    }
}
