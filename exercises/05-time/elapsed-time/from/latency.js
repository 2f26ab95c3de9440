// Record how long named operations take: count, mean and max per name.
// Run: node latency.js
const { performance } = require('node:perf_hooks');
const { setTimeout: sleep } = require('node:timers/promises');

class Latency {
  #stats = new Map();

  async track(name, op) {
    // performance.now(), not Date.now(): the wall clock can be set back mid-call.
    const start = performance.now(); // milliseconds, with a fraction
    try {
      return await op();
    } finally {
      this.#record(name, performance.now() - start);
    }
  }

  #record(name, ms) {
    const s = this.#stats.get(name) ?? { count: 0, total: 0, max: 0 };
    s.count++;
    s.total += ms;
    s.max = Math.max(s.max, ms);
    this.#stats.set(name, s);
  }

  mean(name) {
    const s = this.#stats.get(name);
    return s ? s.total / s.count : 0;
  }

  max(name) {
    return this.#stats.get(name)?.max ?? 0;
  }
}

async function main() {
  const latency = new Latency();
  await latency.track('db', () => sleep(20));
  await latency.track('db', () => sleep(40));
  await latency.track('db', async () => { await sleep(10); throw new Error('timeout'); }).catch(() => {});
  console.log(`db: mean ${latency.mean('db').toFixed(1)}ms, max ${latency.max('db').toFixed(1)}ms`);
}

main();
