// Bounded concurrency without a library (what p-limit does for you): start
// `limit` workers that share one iterator over the jobs, so at most `limit`
// jobs are in flight and a worker takes the next job as soon as it is free.
// Results keep the order of the jobs.
// Run: node bounded_pool.js

async function processAll(jobs, limit, processOne) {
  const results = new Array(jobs.length);
  const next = jobs.entries(); // shared by all workers: each job is taken once
  const worker = async () => {
    for (const [i, job] of next) {
      results[i] = await processOne(job);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

// Stands in for resizing an image or calling a rate-limited API.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let inFlight = 0;
let maxInFlight = 0;

async function resize(name) {
  inFlight++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  await sleep(100);
  inFlight--;
  return `${name} resized`;
}

async function main() {
  const jobs = Array.from({ length: 10 }, (_, i) => `img-${i}.png`);
  const results = await processAll(jobs, 3, resize);
  console.log(results, `at most ${maxInFlight} at once`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
