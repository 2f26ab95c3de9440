// Merge two feeds of the same updates, each seq once, until both have ended.
// 'end' fires once per stream, so counting the ends is enough.
// Run: node merge.js
const { Readable } = require("node:stream");

function merge(primary, backup, onUpdate) {
  return new Promise((resolve) => {
    const seen = new Set();
    let open = 2;
    for (const feed of [primary, backup]) {
      feed.on("data", (update) => {
        if (seen.has(update.seq)) return; // a copy: the other feed was first
        seen.add(update.seq);
        onUpdate(update);
      });
      feed.on("end", () => {
        if (--open === 0) resolve();
      });
    }
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A feed sends each [delay, seq] after delay ms, then ends.
function feed(name, steps) {
  return Readable.from(
    (async function* () {
      for (const [delay, seq] of steps) {
        await sleep(delay);
        yield { seq, text: `${name} ${seq}` };
      }
    })(),
  );
}

async function main() {
  const primary = feed("primary", [[0, 1], [40, 3]]); // lost 2, ends early
  const backup = feed("backup", [[20, 1], [10, 2], [40, 3], [30, 4]]);
  await merge(primary, backup, (update) => console.log(update));
  console.log("both feeds ended");
}

main();
