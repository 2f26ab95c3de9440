// Merge the event streams of two gateways: each event once, in time order.
// Run: java Merge.java
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

public class Merge {
    record Event(String sensor, OffsetDateTime at, String gateway) {}

    // OffsetDateTime.equals also compares the offset; isEqual compares the instant.
    static boolean same(Event a, Event b) {
        return a.sensor().equals(b.sensor()) && a.at().isEqual(b.at());
    }

    // Key the set by Instant, which has no offset to differ in.
    record Key(String sensor, Instant at) {}

    @SafeVarargs
    static List<Event> merge(List<Event>... streams) {
        List<Event> all = new ArrayList<>();
        for (List<Event> s : streams) all.addAll(s);
        all.sort(Comparator.comparing(e -> e.at().toInstant())); // stable
        Set<Key> seen = new HashSet<>();
        List<Event> out = new ArrayList<>();
        for (Event e : all) {
            if (seen.add(new Key(e.sensor(), e.at().toInstant()))) out.add(e);
        }
        return out;
    }

    static Event ev(String sensor, String at, String gateway) {
        return new Event(sensor, OffsetDateTime.parse(at), gateway);
    }

    public static void main(String[] args) {
        List<Event> a = List.of(ev("door-3", "2026-03-09T08:00:00.250Z", "a"), ev("door-3", "2026-03-09T08:00:00.750Z", "a"));
        List<Event> b = List.of(ev("door-3", "2026-03-09T09:00:00.250+01:00", "b"), ev("motion-2", "2026-03-09T09:02:00+01:00", "b"));
        System.out.println(same(a.get(0), b.get(0)) + " " + a.get(0).at().equals(b.get(0).at())); // true false
        for (Event e : merge(a, b)) System.out.println(e.sensor() + " " + e.at() + " " + e.gateway());
    }
}
