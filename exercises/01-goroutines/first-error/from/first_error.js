// Promise.all with an AbortController: the first failure aborts the other
// fetches, and Promise.all rejects with that failure at once. Nobody waits
// for the aborted fetches to settle: they wind down on their own.
// Run: node first_error.js

async function fetchAll(urls, fetchText) {
  const controller = new AbortController();
  return Promise.all(
    urls.map((url) =>
      fetchText(url, controller.signal).catch((err) => {
        controller.abort(err); // the first reason sticks; later aborts do nothing
        throw new Error(`fetch ${url}: ${err.message}`, { cause: err });
      }),
    ),
  );
}

// Stands in for fetch(url, { signal }): b fails fast, the others are slow
// and give up when the signal aborts.
const delays = { "https://a.example": 300, "https://b.example": 100, "https://c.example": 300 };

function fetchText(url, signal) {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      console.log(`${url} aborted: ${signal.reason.message}`);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      if (url === "https://b.example") reject(new Error("503 service unavailable"));
      else resolve(`body of ${url}`);
    }, delays[url]);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

async function main() {
  const started = Date.now();
  try {
    await fetchAll(Object.keys(delays), fetchText);
  } catch (err) {
    console.log(`${err.message} after ${Date.now() - started}ms`); // ~100ms, not 300
  }
}

main();
