// Fan-out / fan-in with async workers: each worker pulls URLs from one
// shared iterator, results are handed on as soon as they are ready, and
// Promise.all says when every worker is done.
// Run: node check_all.js

async function checkAll(urls, workers, check, onResult) {
  const queue = urls[Symbol.iterator](); // shared: each next() hands out one URL
  const worker = async () => {
    for (const url of queue) {
      onResult({ url, status: await check(url) });
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}

// Stands in for (await fetch(url, { method: "HEAD" })).status.
const delays = { "https://a.example": 300, "https://b.example": 100, "https://c.example": 200 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function check(url) {
  await sleep(delays[url] ?? 100);
  return 200;
}

async function main() {
  const urls = [...Object.keys(delays), "https://d.example", "https://e.example"];
  await checkAll(urls, 3, check, (result) => console.log(result));
  console.log("all checked");
}

main();
