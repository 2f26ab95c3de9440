// Render a document, but give the caller an answer within a time limit.
// Run: node render.js
const { setTimeout: sleep } = require("node:timers/promises");

// A renderer that checks its signal between pages; a page is never interrupted.
async function render(doc, pages, { signal }) {
  for (let i = 0; i < pages; i++) {
    signal.throwIfAborted();
    await sleep(30); // one page
  }
  return `${doc}: ${pages} pages`;
}

// Answer at the deadline, mid-page if need be; the render stops at its next page.
function renderWithin(doc, pages, ms) {
  const signal = AbortSignal.timeout(ms);
  const aborted = new Promise((_, reject) =>
    signal.addEventListener("abort", () => reject(signal.reason), { once: true }),
  );
  aborted.catch(() => {}); // nobody awaits it once render has won
  return Promise.race([render(doc, pages, { signal }), aborted]);
}

async function main() {
  console.log(await renderWithin("invoice.pdf", 3, 300));
  try {
    await renderWithin("report.pdf", 30, 300);
  } catch (err) {
    console.log("gave up:", err.name); // TimeoutError, after 300ms
  }
}

main();
