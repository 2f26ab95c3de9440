// A download the user can cancel, limited in time, stopped on shutdown, and
// the caller learns WHY it stopped: signal.reason.
// Run: node download.js
const { setTimeout: sleep } = require("node:timers/promises");

class CanceledByUser extends Error {}

async function download(name, chunks, { signal }) {
  const data = [];
  for (let i = 0; i < chunks; i++) {
    await sleep(20, undefined, { signal }); // one chunk; rejects when the signal aborts
    data.push(`${name}#${i}`);
  }
  return data;
}

function start(name, chunks, { signal: shutdown, maxMs }) {
  const user = new AbortController();
  const signal = AbortSignal.any([user.signal, AbortSignal.timeout(maxMs), shutdown]);
  const done = download(name, chunks, { signal }).catch((err) => {
    throw signal.aborted ? signal.reason : err; // the reason, not a bare AbortError
  });
  return { done, cancel: () => user.abort(new CanceledByUser("canceled by the user")) };
}

async function main() {
  const app = new AbortController();
  console.log(await start("a.iso", 3, { signal: app.signal, maxMs: 500 }).done);

  const b = start("b.iso", 10, { signal: app.signal, maxMs: 500 });
  setTimeout(() => b.cancel(), 50);
  await b.done.catch((why) => console.log("b stopped:", why.message));

  const c = start("c.iso", 100, { signal: app.signal, maxMs: 100 });
  await c.done.catch((why) => console.log("c stopped:", why.name)); // TimeoutError

  const d = start("d.iso", 10, { signal: app.signal, maxMs: 500 });
  app.abort(new Error("shutting down"));
  await d.done.catch((why) => console.log("d stopped:", why.message));
}

main();
