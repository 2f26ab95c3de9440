// An API client whose errors carry the HTTP status, like ky's HTTPError.
// Callers catch the class and read the field.
// Run: node profile.js
class HTTPError extends Error {
  constructor(method, url, status) {
    super(`${method} ${url}: ${status}`);
    this.name = 'HTTPError';
    this.status = status;
  }
}

// Stands in for fetch(): a response per user, or a network failure.
const responses = { ada: [200, { user: 'ada', name: 'Ada Lovelace' }], eve: [403, null], bob: [500, null] };
async function send(method, url) {
  const user = url.split('/').pop();
  if (user === 'down') throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
  const [status, body] = responses[user] ?? [404, null];
  return { ok: status >= 200 && status < 300, status, json: async () => body };
}

const baseURL = 'https://api.example';
const guest = { name: 'Guest' };

async function profile(user) {
  const url = `${baseURL}/users/${encodeURIComponent(user)}`;
  const res = await send('GET', url);
  if (!res.ok) throw new HTTPError('GET', url, res.status);
  return res.json();
}

async function profileOrGuest(user) {
  try {
    return await profile(user);
  } catch (err) {
    if (err instanceof HTTPError && err.status === 404) return guest;
    throw err;
  }
}

// Exit statuses from sysexits.h.
function exitCode(err) {
  if (!(err instanceof HTTPError)) return 1;
  if (err.status === 404) return 67; // EX_NOUSER
  if (err.status === 401 || err.status === 403) return 77; // EX_NOPERM
  if (err.status >= 500) return 69; // EX_UNAVAILABLE
  return 1;
}

async function main() {
  console.log(await profileOrGuest('ada'), await profileOrGuest('nobody'));
  for (const user of ['eve', 'bob', 'down']) {
    try {
      await profile(user);
    } catch (err) {
      console.log(`${user}: exit ${exitCode(err)} (${err.message})`); // 77, 69, 1
    }
  }
}

main();
