// Promise.all: start every fetch at once, wait for all of them, and get the
// bodies back in the order of the URLs, not the order they finished.
// The first rejection rejects the whole call.
// Run: node fetch_all.js

async function fetchAll(urls, fetchText) {
  return Promise.all(urls.map((url) => fetchText(url)));
}

// Stands in for (await fetch(url)).text(): the first URL is the slowest.
const delays = { "https://a.example": 300, "https://b.example": 200, "https://c.example": 100 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchText(url) {
  await sleep(delays[url]);
  return `body of ${url}`;
}

async function main() {
  const started = Date.now();
  const bodies = await fetchAll(Object.keys(delays), fetchText);
  console.log(bodies, `${Date.now() - started}ms`); // in input order, ~300ms
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
