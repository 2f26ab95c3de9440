// Retry a flaky operation with exponential backoff and full jitter: a random wait
// below 100ms, 200ms, 400ms ... capped at 1s.
// Run: node retry.js
const { setTimeout: sleep } = require('node:timers/promises');

async function retry(op, attempts, { signal } = {}) {
  let backoffMs = 100; // setTimeout counts in milliseconds
  for (let attempt = 1; ; attempt++) {
    try {
      return await op({ signal });
    } catch (err) {
      if (attempt >= attempts) throw err;
    }
    // Full jitter: anywhere in [0, backoffMs), so clients that failed together
    // do not retry together. Rejects with an AbortError as soon as the signal aborts.
    await sleep(Math.random() * backoffMs, undefined, { signal });
    backoffMs = Math.min(backoffMs * 2, 1000);
  }
}

async function main() {
  let calls = 0;
  const flaky = async () => {
    calls++;
    if (calls < 4) throw new Error(`attempt ${calls} failed`);
    return 'ok';
  };
  const start = Date.now();
  const result = await retry(flaky, 5);
  console.log(`${result} after ${Date.now() - start}ms`); // ok after less than 700ms

  try {
    const down = async () => { throw new Error('down'); };
    await retry(down, 10, { signal: AbortSignal.timeout(250) });
  } catch (err) {
    console.log(`gave up: ${err.name}`); // gave up: AbortError, at ~250ms
  }
}

main();
