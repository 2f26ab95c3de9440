// Save a report to a file; the promise rejects if writing, flushing or closing fails.
// Run: node report.js [file]   (try /dev/full on Linux: the error surfaces at the end)
const { createWriteStream } = require('node:fs');
const { finished } = require('node:stream/promises');

async function save(path, report) {
  const out = createWriteStream(path, { flush: true }); // fsync before close: 'finish' alone is not the disk
  out.write(`# ${report.title}\n`);
  for (const row of report.rows) {
    out.write(`${row.name}\t${row.count}\n`);
  }
  out.end();
  await finished(out); // settles after 'finish' and 'close', or rejects on 'error'
}

const report = { title: 'requests', rows: [{ name: 'GET', count: 12 }, { name: 'POST', count: 3 }] };
save(process.argv[2] ?? 'report.txt', report)
  .then(() => console.log('saved'))
  .catch((err) => console.error(`save report: ${err.message}`));
