// A hit counter in a Node server: every request handler does hits++, and a
// reporter reads the count and resets it. No lock anywhere, and none needed:
// one thread runs one callback at a time, so nothing can run between the
// read and the write of hits++, or between `const n = hits` and `hits = 0`.
// Run: node shared_counter.js

let hits = 0;

function handleRequest() {
  hits++;
}

function take() {
  const n = hits;
  hits = 0;
  return n;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  // 8 "clients", 1000 requests each, interleaved on the event loop.
  const clients = Array.from({ length: 8 }, async () => {
    for (let i = 0; i < 1000; i++) {
      handleRequest();
      if (i % 100 === 0) await sleep(1);
    }
  });
  let reported = 0;
  const reporter = setInterval(() => { reported += take(); }, 2);
  await Promise.all(clients);
  clearInterval(reporter);
  reported += take();
  console.log(`reported ${reported} hits`); // always 8000
}

main();
