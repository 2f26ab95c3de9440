// A user service: the store throws NoSuchElementException or ConflictException,
// callers catch them by class.
// Run: java Users.java
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;

public class Users {
    record User(int id, String name) {}

    static class ConflictException extends RuntimeException {
        ConflictException(String message) { super(message); }
    }

    static class MemoryStore {
        final Map<String, User> users = new HashMap<>();

        User byName(String name) {
            User user = users.get(name);
            if (user == null) throw new NoSuchElementException("user " + name + " not found");
            return user;
        }

        User create(String name) {
            if (users.containsKey(name)) throw new ConflictException("user " + name + " already exists");
            User user = new User(users.size() + 1, name);
            users.put(name, user);
            return user;
        }
    }

    static User getOrCreate(MemoryStore store, String name) {
        try {
            return store.byName(name);
        } catch (NoSuchElementException e) {
            // not there yet: create it
        }
        try {
            return store.create(name);
        } catch (ConflictException e) {
            return store.byName(name); // created meanwhile
        }
    }

    static int statusFor(Exception e) {
        if (e instanceof NoSuchElementException) return 404;
        if (e instanceof ConflictException) return 409;
        if (e instanceof TimeoutException) return 504;
        return 500;
    }

    public static void main(String[] args) {
        MemoryStore store = new MemoryStore();
        System.out.println(getOrCreate(store, "ada") + " " + getOrCreate(store, "ada")); // created, then found
        for (Runnable op : new Runnable[] {() -> store.byName("grace"), () -> store.create("ada")}) {
            try {
                op.run();
            } catch (RuntimeException e) {
                System.out.println(statusFor(e) + " " + e.getMessage()); // 404 user grace not found, 409 user ada already exists
            }
        }
    }
}
