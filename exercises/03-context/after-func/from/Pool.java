// Lend a pooled connection for as long as a request (a CompletableFuture)
// lives: it goes back when the handler releases it or when the request
// completes, whichever comes first, and only once.
// Run: java Pool.java
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

public class Pool {
    final Deque<Integer> idle = new ArrayDeque<>();

    Pool(int n) {
        for (int i = 1; i <= n; i++) idle.push(i);
    }

    synchronized void put(int conn) { idle.push(conn); }

    synchronized int take() {
        if (idle.isEmpty()) throw new IllegalStateException("pool exhausted");
        return idle.pop();
    }

    record Lease(int conn, Runnable release) {}

    // A whenComplete callback cannot be removed, so a flag makes sure the
    // connection goes back once.
    Lease acquire(CompletableFuture<?> request) {
        int conn = take();
        AtomicBoolean returned = new AtomicBoolean();
        Runnable release = () -> {
            if (returned.compareAndSet(false, true)) put(conn);
        };
        request.whenComplete((r, e) -> release.run());
        return new Lease(conn, release);
    }

    public static void main(String[] args) {
        Pool pool = new Pool(2);

        CompletableFuture<Void> a = new CompletableFuture<>();
        Lease lease = pool.acquire(a);
        System.out.println("lent " + lease.conn() + ", idle: " + pool.idle);
        lease.release().run();
        a.complete(null); // changes nothing: it went back already
        System.out.println("released, idle: " + pool.idle);

        CompletableFuture<Void> b = new CompletableFuture<>();
        pool.acquire(b);
        b.cancel(true); // the client went away before the handler released it
        System.out.println("cancelled, idle: " + pool.idle);
    }
}
