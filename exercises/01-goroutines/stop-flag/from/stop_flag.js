// A worker loop with a stop flag: the loop checks `stopped` before each job,
// and stop() sets it and awaits the loop, so when stop() resolves no job is
// running. A plain boolean is enough: one thread, and the loop only sees
// the flag change between awaits.
// Run: node stop_flag.js

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class Worker {
  constructor(step) {
    this.stopped = false;
    this.loop = (async () => {
      while (!this.stopped) {
        await step();
      }
    })();
  }

  async stop() {
    this.stopped = true;
    await this.loop; // like Thread.join(): the job in progress finishes first
  }
}

async function main() {
  let jobs = 0;
  const worker = new Worker(async () => {
    await sleep(20); // take the next job off a queue and process it
    jobs++;
  });
  await sleep(70);
  await worker.stop();
  const atStop = jobs;
  await sleep(50);
  console.log(`${atStop} jobs when stop() returned, ${jobs} after`); // the same number
}

main();
