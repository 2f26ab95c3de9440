// Stream a table to a slow client, one line per row; stop when it leaves.
// Run: node export.js
const { setTimeout: sleep } = require("node:timers/promises");

const store = {
  rows: 1000,
  read: 0,
  async row(table, i, { signal }) {
    await sleep(10, undefined, { signal });
    this.read++;
    return i < this.rows ? `${table}-${i}` : undefined;
  },
};

// Pull-based: the next row is read only when the loop asks for it.
async function* scan(table, signal) {
  for (let i = 0; ; i++) {
    const row = await store.row(table, i, { signal });
    if (row === undefined) return;
    yield row;
  }
}

async function exportTable(table, client, signal) {
  // A throw inside for await...of calls the generator's return(): nothing is left running.
  for await (const row of scan(table, signal)) {
    await client.write(`${row}\n`);
  }
}

// A client on a slow link that hangs up after 175ms.
function slowClient(controller) {
  const start = Date.now();
  setTimeout(() => controller.abort(), 175); // like req.on("close")
  return {
    received: [],
    async write(line) {
      await sleep(50);
      if (Date.now() - start >= 175) throw new Error("write EPIPE");
      this.received.push(line.trim());
    },
  };
}

async function main() {
  const controller = new AbortController();
  const client = slowClient(controller);
  await exportTable("orders", client, controller.signal).catch((err) => console.log("stopped:", err.message));
  console.log("sent", client.received, "rows read:", store.read);
}

main();
