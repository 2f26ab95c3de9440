// A token bucket refilled by setInterval: take() resolves at once while
// there are tokens, and otherwise when the next refill comes round.
// stop() is the clearInterval; without it the interval keeps the process
// alive.
// Run: node limiter.js

class Limiter {
  #tokens;
  #waiting = []; // one grant() per take() call that waits for a token
  #interval;

  constructor(burst, everyMs) {
    this.#tokens = burst;
    this.#interval = setInterval(() => {
      const next = this.#waiting.shift();
      if (next) next(); // hand the new token straight to a waiter
      else this.#tokens = Math.min(this.#tokens + 1, burst);
    }, everyMs);
  }

  async take({ signal } = {}) {
    signal?.throwIfAborted();
    if (this.#tokens > 0) {
      this.#tokens--;
      return;
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.#waiting = this.#waiting.filter((w) => w !== grant);
        reject(signal.reason);
      };
      const grant = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      this.#waiting.push(grant);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  stop() {
    clearInterval(this.#interval);
  }
}

async function main() {
  const limiter = new Limiter(3, 100); // bursts of 3, then one every 100ms
  const start = Date.now();
  try {
    for (let i = 1; i <= 6; i++) {
      await limiter.take();
      console.log(`call ${i} at ${Date.now() - start}ms`); // 0, 0, 0, 100, 200, 300
    }
    await limiter.take({ signal: AbortSignal.timeout(50) });
  } catch (err) {
    console.log(`gave up: ${err.name} at ${Date.now() - start}ms`);
  } finally {
    limiter.stop();
  }
}

main();
