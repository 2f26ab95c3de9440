// Backpressure in Node streams: write() buffers the chunk and returns false
// once the buffer holds highWaterMark chunks; the producer then waits for
// 'drain' before it reads on.
// Run: node copy.js
const { Writable } = require("node:stream");
const { once } = require("node:events");

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function copy(read, sink) {
  let reads = 0;
  for (let chunk = await read(); chunk !== null; chunk = await read()) {
    reads++;
    if (!sink.write(chunk)) {
      console.log(`buffer full after ${reads} reads: waiting for drain`);
      await once(sink, "drain"); // the backpressure: stop reading until the writer catches up
    }
  }
  sink.end();
  await once(sink, "finish");
}

async function main() {
  let n = 0;
  const read = async () => (n < 12 ? `chunk ${++n}` : null); // fast
  const sink = new Writable({
    objectMode: true,
    highWaterMark: 4, // at most 4 chunks wait for the writer
    write(chunk, _encoding, callback) {
      sleep(20).then(() => callback()); // slow: an upload
    },
  });
  await copy(read, sink);
  console.log(`copied ${n} chunks`);
}

main();
