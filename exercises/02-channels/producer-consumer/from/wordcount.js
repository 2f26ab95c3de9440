// Count words with one producer and several consumers sharing an async iterator.
// Run: node wordcount.js

async function* produce(lines) {
  for (const line of lines) {
    yield line; // a real producer would await a read here
  }
  // Returning ends every for await loop over this generator.
}

async function consume(source) {
  let words = 0;
  for await (const line of source) {
    words += line.split(/\s+/).filter(Boolean).length;
  }
  return words;
}

async function countWords(lines, workers = 4) {
  const source = produce(lines);
  const counts = await Promise.all(Array.from({ length: workers }, () => consume(source)));
  return counts.reduce((a, b) => a + b, 0);
}

if (require.main === module) {
  const poem = ["so much depends", "upon", "", "a red wheel", "barrow", "", "glazed with rain", "water"];
  countWords(poem).then((n) => console.log(n)); // 12
}

module.exports = { produce, consume, countWords };
