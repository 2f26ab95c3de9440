// A handler with a budget: load the user, then their orders, all within 500ms,
// and stop at once if the caller aborts first.
// Run: node profile.js
const { setTimeout: sleep } = require("node:timers/promises");

const BUDGET_MS = 500;

async function loadProfile(id, backend, { signal }) {
  const budget = AbortSignal.any([signal, AbortSignal.timeout(BUDGET_MS)]);
  const user = await backend.user(id, { signal: budget });
  const orders = await backend.orders(user.id, { signal: budget });
  return { user, orders };
}

// A fake backend: each call takes a fixed time, or rejects when its signal aborts.
function fakeBackend(userMs, ordersMs) {
  return {
    user: (id, { signal }) => sleep(userMs, { id, name: "Ada" }, { signal }),
    orders: (userId, { signal }) => sleep(ordersMs, [{ id: "o1", cents: 1250 }], { signal }),
  };
}

async function main() {
  const caller = new AbortController(); // e.g. aborted when the client disconnects
  console.log(await loadProfile("u1", fakeBackend(100, 150), { signal: caller.signal }));
  try {
    await loadProfile("u1", fakeBackend(300, 300), { signal: caller.signal });
  } catch (err) {
    console.log("gave up:", err.cause.name); // an AbortError caused by a TimeoutError
  }
}

main();
