// Retry a publish only when the failure may go away: sort errors by class and code.
// Run: node publish.js
const { setTimeout: sleep } = require('node:timers/promises');

class UnavailableError extends Error {}
class ThrottledError extends Error {}
class RejectedError extends Error {}

function retryable(err) {
  return err instanceof UnavailableError || err instanceof ThrottledError || err.code === 'ETIMEDOUT';
}

async function retry(op, attempts) {
  let delayMs = 100;
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (!retryable(err) || attempt >= attempts) throw err;
    }
    // Full jitter: a random wait in [0, delayMs), so the clients that failed
    // together do not all come back together.
    await sleep(Math.random() * delayMs);
    delayMs = Math.min(delayMs * 2, 1000);
  }
}

// A broker that fails with the given errors, then takes the message.
function broker(...failures) {
  let calls = 0;
  return async () => {
    calls++;
    if (failures.length > 0) throw failures.shift();
    return `published after ${calls} calls`;
  };
}

const timeout = Object.assign(new Error('read ETIMEDOUT'), { code: 'ETIMEDOUT' });

async function main() {
  console.log(await retry(broker(new UnavailableError('broker unavailable'), timeout), 5)); // after 3 calls
  try {
    await retry(broker(new RejectedError('message too large')), 5);
  } catch (err) {
    console.log(`gave up at once: ${err.message}`);
  }
}

main();
