// Billing dates of a plan billed on the 31st, at 09:00 Berlin time.
// Run: node billing.js
process.env.TZ = 'Europe/Berlin'; // Date's getters and setters work in TZ
const DAY = 31;

// Months run 0..11; day 0 of the next month is the last day of this one.
function due(year, month) {
  const last = new Date(year, month + 1, 0).getDate();
  return new Date(year, month, Math.min(DAY, last), 9, 0);
}

// Not setMonth(getMonth() + 1): 31 January would roll over into March.
const next = (last) => due(last.getFullYear(), last.getMonth() + 1); // month 12 is next January

const year = (y) => Array.from({ length: 12 }, (_, m) => due(y, m)); // m = 0..11

// setDate works on the local calendar: same wall clock tomorrow, DST or not.
function retryAt(failed) {
  const d = new Date(failed);
  d.setDate(d.getDate() + 1);
  return d;
}

const show = (d) => d.toLocaleString('sv-SE', { timeZoneName: 'short' });
console.log(year(2026).map((d) => d.getDate()).join(' ')); // 31 28 31 30 31 30 31 31 30 31 30 31
console.log(show(next(due(2026, 0))), '|', show(next(next(due(2026, 0))))); // 28 Feb, then 31 Mar
console.log(show(retryAt(new Date(2026, 2, 28, 10, 0)))); // 2026-03-29 10:00:00 CEST
