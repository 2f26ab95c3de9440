// Retry a publish only when the failure may go away: sort exceptions by class.
// Run: java Publisher.java
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

public class Publisher {
    static class UnavailableException extends IOException {
        UnavailableException(String message) { super(message); }
    }

    static class ThrottledException extends IOException {
        ThrottledException(String message) { super(message); }
    }

    static class RejectedException extends IOException {
        RejectedException(String message) { super(message); }
    }

    static <T> T retry(Callable<T> op, int attempts) throws Exception {
        long delayMs = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                return op.call();
            } catch (UnavailableException | ThrottledException | SocketTimeoutException e) {
                if (attempt >= attempts) throw e;
            } // anything else propagates at once
            // Full jitter: a random wait in [0, delayMs), so the clients that
            // failed together do not all come back together.
            Thread.sleep(ThreadLocalRandom.current().nextLong(delayMs));
            delayMs = Math.min(delayMs * 2, 1000);
        }
    }

    // A broker that fails with the given exceptions, then takes the message.
    static Callable<String> broker(Exception... failures) {
        Deque<Exception> pending = new ArrayDeque<>(List.of(failures));
        int[] calls = {0};
        return () -> {
            calls[0]++;
            if (!pending.isEmpty()) throw pending.pop();
            return "published after " + calls[0] + " calls";
        };
    }

    public static void main(String[] args) throws Exception {
        System.out.println(retry(broker(new UnavailableException("broker unavailable"), new SocketTimeoutException("Read timed out")), 5));
        try {
            retry(broker(new RejectedException("message too large")), 5);
        } catch (RejectedException e) {
            System.out.println("gave up at once: " + e.getMessage());
        }
    }
}
