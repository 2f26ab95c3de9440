// A health checker configured in milliseconds and seconds, as the config file says.
// Run: node checker.js
const config = JSON.parse('{"timeoutMs": 50, "intervalSeconds": 0.1}');

const timeoutMs = config.timeoutMs ?? 1500; // setTimeout and AbortSignal.timeout count in ms
const intervalMs = (config.intervalSeconds ?? 10) * 1000; // setInterval counts in ms too

async function check(n) {
  const signal = AbortSignal.timeout(timeoutMs);
  // Stands in for fetch(url, { signal }): answers after 10ms unless aborted.
  await new Promise((resolve, reject) => {
    const t = setTimeout(resolve, 10);
    signal.addEventListener('abort', () => { clearTimeout(t); reject(signal.reason); }, { once: true });
  });
  console.log(`check ${n} ok (timeout ${timeoutMs}ms, every ${intervalMs}ms)`);
}

let n = 0;
const id = setInterval(() => {
  const i = ++n;
  check(i).catch((err) => console.log(`check ${i} failed: ${err.name}`));
  if (i === 3) clearInterval(id);
}, intervalMs);
