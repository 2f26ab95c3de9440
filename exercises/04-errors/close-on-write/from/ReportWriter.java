// Save a report to a file; try-with-resources closes it, and close() may throw.
// Run: java ReportWriter.java [file]   (try /dev/full on Linux: the error surfaces at the final flush)
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

public class ReportWriter {
    record Row(String name, int count) {}

    record Report(String title, List<Row> rows) {}

    static void save(Path path, Report report) throws IOException {
        try (FileChannel channel = FileChannel.open(path, CREATE, WRITE, TRUNCATE_EXISTING);
             BufferedWriter out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8))) {
            out.write("# " + report.title() + "\n");
            for (Row row : report.rows()) {
                out.write(row.name() + "\t" + row.count() + "\n");
            }
            out.flush();
            channel.force(true); // the kernel's cache to the disk: close() alone does not
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
