// Timestamps for a report, written and read in the report's time zone.
// Run: java Report.java
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

public class Report {
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("'report-'yyyy-MM'.csv'");

    static String stamp(Instant t, ZoneId zone) {
        return STAMP.format(t.atZone(zone));
    }

    static Instant parseStamp(String s, ZoneId zone) {
        // A LocalDateTime has no zone: say which zone the wall clock was read in.
        return LocalDateTime.parse(s, STAMP).atZone(zone).toInstant();
    }

    static String reportFile(Instant t, ZoneId zone) {
        return FILE.format(t.atZone(zone));
    }

    public static void main(String[] args) {
        ZoneId ny = ZoneId.of("America/New_York");
        Instant t = Instant.parse("2024-03-09T19:30:00Z");
        System.out.println(stamp(t, ny)); // 2024-03-09 14:30
        System.out.println(parseStamp("2024-03-09 14:30", ny).equals(t)); // true
        System.out.println(reportFile(t, ZoneId.of("Asia/Tokyo"))); // report-2024-03.csv
    }
}
