// Lend a pooled connection for as long as a request lives: it goes back when
// the handler releases it or when the request is aborted, whichever comes
// first, and only once.
// Run: node pool.js
class Pool {
  constructor(n) {
    this.idle = Array.from({ length: n }, (_, i) => ({ id: i + 1 }));
  }

  acquire(signal) {
    signal.throwIfAborted();
    const conn = this.idle.pop();
    if (!conn) throw new Error("pool exhausted");
    const onAbort = () => this.idle.push(conn);
    signal.addEventListener("abort", onAbort, { once: true });
    let released = false;
    const release = () => {
      if (released || signal.aborted) return; // the abort listener has returned it
      released = true;
      signal.removeEventListener("abort", onAbort); // or it would return it a second time
      this.idle.push(conn);
    };
    return { conn, release };
  }
}

const pool = new Pool(2);

const a = new AbortController();
const { conn, release } = pool.acquire(a.signal);
console.log("lent", conn.id, "idle:", pool.idle.map((c) => c.id));
release();
a.abort(); // too late to matter: the listener was removed
console.log("released, idle:", pool.idle.map((c) => c.id));

const b = new AbortController();
pool.acquire(b.signal);
b.abort(); // the client went away before the handler released it
console.log("aborted, idle:", pool.idle.map((c) => c.id));
