// Rebuild once a burst of file changes has gone quiet: a trailing-edge debounce.
// Run: node watch.js
const { EventEmitter } = require('node:events');

function watch(watcher, quietMs, rebuild, signal) {
  const pending = new Set();
  let timer = null;
  const flush = () => {
    if (pending.size === 0) return;
    const files = [...pending].sort();
    pending.clear();
    rebuild(files);
  };
  watcher.on('change', (file) => {
    pending.add(file);
    clearTimeout(timer); // the quiet period starts over
    timer = setTimeout(flush, quietMs);
  });
  watcher.on('close', () => {
    clearTimeout(timer);
    flush();
  });
  signal.addEventListener('abort', () => clearTimeout(timer)); // drop what is pending
}

// Stands in for fs.watch: a burst of saves, then a lone one.
const watcher = new EventEmitter();
const start = Date.now();
watch(watcher, 30, (files) => console.log(`rebuild at ~${Date.now() - start}ms:`, files), new AbortController().signal);
for (const [ms, file] of [[0, 'a.go'], [10, 'b.go'], [25, 'a.go'], [40, 'c.go'], [105, 'd.go']]) {
  setTimeout(() => watcher.emit('change', file), ms);
}
setTimeout(() => watcher.emit('close'), 200);
// rebuild at ~70ms: [ 'a.go', 'b.go', 'c.go' ]
// rebuild at ~135ms: [ 'd.go' ]
