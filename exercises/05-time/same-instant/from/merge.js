// Merge the event streams of two gateways: each event once, in time order.
// Run: node merge.js
const ev = (sensor, at, gateway) => ({ sensor, at: new Date(at), gateway });

// Two Date objects are never ===; compare their milliseconds.
const same = (a, b) => a.sensor === b.sensor && a.at.getTime() === b.at.getTime();

function merge(...streams) {
  const all = streams.flat().sort((a, b) => a.at - b.at); // stable since ES2019
  const seen = new Set();
  return all.filter((e) => {
    const key = `${e.sensor}@${e.at.getTime()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const a = [ev('door-3', '2026-03-09T08:00:00.250Z', 'a'), ev('door-3', '2026-03-09T08:00:00.750Z', 'a')];
const b = [ev('door-3', '2026-03-09T09:00:00.250+01:00', 'b'), ev('motion-2', '2026-03-09T09:02:00+01:00', 'b')];

console.log(same(a[0], b[0]), a[0].at === b[0].at); // true false
for (const e of merge(a, b)) console.log(e.sensor, e.at.toISOString(), e.gateway);
