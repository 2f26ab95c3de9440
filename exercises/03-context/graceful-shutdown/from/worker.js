// A queue worker that shuts down gracefully: on SIGTERM it stops taking
// jobs, gives the running ones a grace period, then exits.
// Run: node worker.js
const { setTimeout: sleep } = require("node:timers/promises");

const GRACE_MS = 200;
const running = new Set();
let n = 0;

// A job: takes 50-150ms, or stops early when its signal aborts.
async function job(id, signal) {
  await sleep(50 + ((id * 37) % 100), undefined, { signal });
  console.log(`job ${id} done`);
}

const jobs = new AbortController(); // aborted only when the grace period is over
const intake = setInterval(() => {
  const id = ++n;
  const p = job(id, jobs.signal).catch((err) => console.log(`job ${id}: ${err.name}`));
  running.add(p);
  p.finally(() => running.delete(p));
}, 20);

process.on("SIGTERM", async () => {
  console.log(`SIGTERM: ${running.size} jobs running, taking no more`);
  clearInterval(intake);
  const grace = setTimeout(() => jobs.abort(new Error("grace period expired")), GRACE_MS);
  await Promise.allSettled(running);
  clearTimeout(grace);
  console.log("drained");
  process.exit(0);
});

setTimeout(() => process.kill(process.pid, "SIGTERM"), 100); // the orchestrator stops us
