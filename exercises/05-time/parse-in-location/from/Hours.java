// Opening hours typed by the staff as wall clock in the shop's zone.
// Run: java Hours.java
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

public class Hours {
    static final DateTimeFormatter LAYOUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    final ZoneId zone;

    Hours(String zone) {
        this.zone = ZoneId.of(zone);
    }

    ZonedDateTime parse(String s) {
        // A LocalDateTime is not an instant yet: atZone says where the wall clock hangs.
        return LocalDateTime.parse(s, LAYOUT).atZone(zone);
    }

    boolean isOpen(String opens, String closes, Instant now) {
        return !now.isBefore(parse(opens).toInstant()) && now.isBefore(parse(closes).toInstant());
    }

    Duration opensIn(String opens, Instant now) {
        return Duration.between(now, parse(opens).toInstant());
    }

    public static void main(String[] args) {
        Hours berlin = new Hours("Europe/Berlin");
        System.out.println(berlin.parse("2026-03-29 09:00").toInstant()); // 2026-03-29T07:00:00Z
        System.out.println(berlin.isOpen("2026-03-29 09:00", "2026-03-29 18:00",
                Instant.parse("2026-03-29T07:30:00Z"))); // true
        System.out.println(berlin.opensIn("2026-03-29 09:00", Instant.parse("2026-03-29T00:30:00Z"))); // PT6H30M
        System.out.println(berlin.isOpen("2026-03-29 09:00", "2026-03-29 18:00", Instant.now()));
    }
}
