// Opening hours typed by the staff as wall clock in the shop's zone.
// Run: node hours.js
process.env.TZ = 'Europe/Berlin'; // the server runs in the shop's zone; Date reads TZ

// "2026-03-29 09:00": a date-time without an offset is read as local time (TZ).
const parse = (s) => new Date(s.replace(' ', 'T'));

function isOpen(opens, closes, now = new Date()) {
  return parse(opens) <= now && now < parse(closes);
}

function opensIn(opens, now = new Date()) {
  return parse(opens) - now; // milliseconds
}

console.log(parse('2026-03-29 09:00').toISOString()); // 2026-03-29T07:00:00.000Z: summer time
console.log(parse('2026-01-15 09:00').toISOString()); // 2026-01-15T08:00:00.000Z: winter time
console.log(isOpen('2026-03-29 09:00', '2026-03-29 18:00', new Date('2026-03-29T07:30:00Z'))); // true
console.log(opensIn('2026-03-29 09:00', new Date('2026-03-29T00:30:00Z')) / 3600e3, 'hours'); // 6.5 hours
