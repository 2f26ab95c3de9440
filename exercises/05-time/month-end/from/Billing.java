// Billing dates of a plan billed on the 31st, at 09:00 Berlin time.
// Run: java Billing.java
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

public class Billing {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final int DAY = 31;

    static ZonedDateTime due(YearMonth ym) {
        int day = Math.min(DAY, ym.lengthOfMonth());
        return ym.atDay(day).atTime(LocalTime.of(9, 0)).atZone(BERLIN);
    }

    // Not last.plusMonths(1): it clamps 31 January to 28 February, then stays on the 28th.
    static ZonedDateTime next(ZonedDateTime last) {
        return due(YearMonth.from(last).plusMonths(1));
    }

    static List<ZonedDateTime> year(int y) {
        List<ZonedDateTime> out = new ArrayList<>();
        for (Month m : Month.values()) out.add(due(YearMonth.of(y, m))); // JANUARY is 1
        return out;
    }

    static ZonedDateTime retryAt(ZonedDateTime failed) {
        return failed.plusDays(1); // the same local time tomorrow; plusHours(24) would not be
    }

    public static void main(String[] args) {
        StringBuilder days = new StringBuilder();
        for (ZonedDateTime d : year(2026)) days.append(d.getDayOfMonth()).append(' ');
        System.out.println(days.toString().trim()); // 31 28 31 30 31 30 31 31 30 31 30 31
        ZonedDateTime jan = due(YearMonth.of(2026, 1));
        System.out.println(next(jan) + " " + next(next(jan))); // 28 Feb, then 31 Mar
        System.out.println(retryAt(ZonedDateTime.of(2026, 3, 28, 10, 0, 0, 0, BERLIN))); // 2026-03-29T10:00+02:00
    }
}
