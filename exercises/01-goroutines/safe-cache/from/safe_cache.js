// A memoizing cache in Node: the Map holds promises, not values. The first
// caller for a key starts the fetch and stores its promise; callers that
// arrive while it runs await the same promise, so each key is fetched once.
// No lock: one thread runs one callback at a time.
// Run: node safe_cache.js

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const fetches = {};

async function fetchAvatar(user) {
  fetches[user] = (fetches[user] ?? 0) + 1;
  await sleep(user === "slow" ? 300 : 50);
  return `https://cdn.example/${user}.png`;
}

class Cache {
  constructor(fetch) {
    this.fetch = fetch;
    this.entries = new Map(); // key -> Promise
  }

  get(key) {
    let p = this.entries.get(key);
    if (!p) {
      p = this.fetch(key);
      this.entries.set(key, p);
    }
    return p;
  }
}

async function main() {
  const cache = new Cache(fetchAvatar);
  const started = Date.now();
  cache.get("slow");
  const users = ["ada", "ada", "grace", "ada", "grace"];
  const urls = await Promise.all(users.map((u) => cache.get(u)));
  console.log(urls, fetches, `${Date.now() - started}ms`); // ada and grace fetched once each, before slow is done
}

main();
