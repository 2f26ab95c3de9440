// A pipeline of async generators: each stage pulls from the one before it.
// Breaking out of the last loop calls return() on every generator in the
// chain, so the stages behind it stop too.
// Run: node pipeline.js

async function* lines(log) {
  for (const line of log) {
    yield line; // a real source would await a read here
  }
}

async function* parse(source) {
  for await (const line of source) {
    const [level, ...rest] = line.split(" ");
    yield { level, message: rest.join(" ") };
  }
}

async function* errors(entries) {
  for await (const entry of entries) {
    if (entry.level === "ERROR") yield entry;
  }
}

async function firstErrors(log, n) {
  const found = [];
  for await (const entry of errors(parse(lines(log)))) {
    found.push(entry);
    if (found.length === n) break; // return() runs down the chain
  }
  return found;
}

const log = [
  "INFO server started",
  "ERROR disk full",
  "WARN slow request",
  "ERROR connection reset",
  "INFO request served",
  "ERROR timeout talking to db",
];

firstErrors(log, 2).then((found) => console.log(found));
