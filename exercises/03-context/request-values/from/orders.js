// Every log line carries the ID of the request it belongs to, without
// passing the ID to every function: AsyncLocalStorage.
// Run: node orders.js
const { AsyncLocalStorage } = require("node:async_hooks");
const { setTimeout: sleep } = require("node:timers/promises");

const requestContext = new AsyncLocalStorage();

function log(message) {
  const { requestId } = requestContext.getStore() ?? {};
  console.log(`req=${requestId} ${message}`);
}

const takes = { ada: 100, bob: 30 };

// The user is a parameter: orders cannot work without it.
async function orders(userId) {
  await sleep(takes[userId]); // the store
  const found = [`${userId}-o1`];
  log(`loaded ${found.length} orders for ${userId}`);
  return found;
}

function handle(requestId, userId) {
  // Everything called from here, awaits included, sees this store.
  return requestContext.run({ requestId }, async () => {
    log(`GET /orders user=${userId}`);
    return orders(userId);
  });
}

async function main() {
  const a = handle("req-a", "ada");
  await sleep(10); // bob's request arrives while ada's is at the store
  await Promise.all([a, handle("req-b", "bob")]);
}

main();
