// A polling worker: call check every `ms` milliseconds until the caller aborts.
// Run: node poll.js
function poll(check, ms, signal) {
  const id = setInterval(() => check(signal), ms);
  signal.addEventListener("abort", () => clearInterval(id), { once: true });
}

const controller = new AbortController();
let n = 0;
poll(() => console.log("check", ++n), 100, controller.signal);
setTimeout(() => {
  controller.abort(); // clearInterval runs; no timer is left, so node exits
  console.log("stopped");
}, 350);
