import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

// Publish/subscribe with listeners: subscribe adds a callback and returns a
// Runnable that removes it. publish calls every listener in turn, on the
// publisher's thread, so a slow listener holds everyone up.
// Run: java Hub.java
public class Hub {
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    Runnable subscribe(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener); // safe to call twice
    }

    int publish(String msg) {
        int delivered = 0;
        for (Consumer<String> listener : listeners) { // a snapshot: safe while others (un)subscribe
            listener.accept(msg);
            delivered++;
        }
        return delivered;
    }

    public static void main(String[] args) {
        Hub hub = new Hub();
        Runnable unsubscribeLog = hub.subscribe(msg -> System.out.println("log: " + msg));
        Runnable unsubscribeSlow = hub.subscribe(msg -> {
            try {
                Thread.sleep(50); // publish waits for this
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println("slow: " + msg);
        });
        System.out.println("delivered to " + hub.publish("deploy started"));
        unsubscribeLog.run();
        unsubscribeLog.run();
        System.out.println("delivered to " + hub.publish("deploy finished"));
        unsubscribeSlow.run();
    }
}
