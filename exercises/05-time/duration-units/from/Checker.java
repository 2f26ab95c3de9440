// A health checker configured in milliseconds and seconds, as the config file says.
// Run: java Checker.java
import java.io.StringReader;
import java.time.Duration;
import java.util.Properties;

public class Checker {
    record Settings(Duration timeout, Duration interval) {}

    static Settings load(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        long timeoutMs = Long.parseLong(p.getProperty("timeoutMs", "1500"));
        double intervalSeconds = Double.parseDouble(p.getProperty("intervalSeconds", "10"));
        if (timeoutMs < 0 || intervalSeconds < 0) throw new IllegalArgumentException("negative duration");
        // A Duration says its unit when it is made; nothing downstream has to guess.
        return new Settings(Duration.ofMillis(timeoutMs), Duration.ofMillis(Math.round(intervalSeconds * 1000)));
    }

    public static void main(String[] args) throws Exception {
        Settings s = load("timeoutMs=50\nintervalSeconds=0.1\n");
        for (int n = 1; n <= 3; n++) {
            Thread.sleep(s.interval().toMillis()); // Thread.sleep wants a long of ms
            System.out.printf("check %d ok (timeout %s, every %s)%n", n, s.timeout(), s.interval());
        }
        System.out.println(load("").timeout()); // PT1.5S
    }
}
