// Lazy initialization in Node: cache the promise, not the value. Callers
// that arrive while the config is loading get the same promise, so it loads
// once; a rejected promise stays cached, so a failure is not retried.
// Run: node lazy_init.js

let loads = 0;
let configPromise;

async function loadConfig() {
  loads++;
  await new Promise((resolve) => setTimeout(resolve, 50)); // read and parse the file
  return { addr: ":8080", workers: 4 };
}

function getConfig() {
  configPromise ??= loadConfig();
  return configPromise;
}

async function main() {
  const configs = await Promise.all(Array.from({ length: 10 }, () => getConfig()));
  console.log(configs[0], `same object: ${configs.every((c) => c === configs[0])}, loads: ${loads}`); // loads: 1
}

main();
