// Timestamps for a report, written in the report's time zone.
// Run: node report.js
process.env.TZ = 'America/New_York'; // the report's zone: a Date takes no other
const pad = (n) => String(n).padStart(2, '0');

// Date's getters read the process's local zone, TZ.
function stamp(d) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// "2024-03-09T14:30" with no offset is read as local time.
function parseStamp(s) {
  return new Date(s.replace(' ', 'T'));
}

function reportFile(d) {
  return `report-${d.getFullYear()}-${pad(d.getMonth() + 1)}.csv`; // getMonth() is 0-based
}

const t = new Date('2024-03-09T19:30:00Z');
console.log(stamp(t)); // 2024-03-09 14:30
console.log(parseStamp('2024-03-09 14:30').getTime() === t.getTime()); // true
console.log(reportFile(t)); // report-2024-03.csv
console.log(t.toISOString()); // 2024-03-09T19:30:00.000Z, always UTC
