// Promise.allSettled: every job runs, and a job that throws (a bug such as
// reading a property of undefined included) becomes a rejected result with
// its stack, for that job only. The other jobs and the process carry on.
// Run: node worker_panic.js

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function parse(job) {
  const [file, width] = job.split(":");
  return { file, size: width && { width: Number(width) } };
}

async function handle(job) {
  await sleep(50);
  const opts = parse(job);
  return `resized ${opts.file} to ${opts.size.width}`; // TypeError if the size is missing: a bug
}

async function main() {
  const jobs = ["a.png:200", "b.png", "c.png:100"];
  const results = await Promise.allSettled(jobs.map(handle));
  results.forEach((r, i) => {
    if (r.status === "rejected") {
      console.log(`${jobs[i]}: ${r.reason.message}\n  ${r.reason.stack.split("\n")[1].trim()}`);
    } else {
      console.log(`${jobs[i]}: ${r.value}`);
    }
  });
}

main();
