// A user service: the store throws NotFoundError or ConflictError, callers catch them by class.
// Run: node users.js
class NotFoundError extends Error {}
class ConflictError extends Error {}

class MemoryStore {
  constructor() { this.users = new Map(); }
  async byName(name) {
    const user = this.users.get(name);
    if (!user) throw new NotFoundError(`user ${name} not found`);
    return user;
  }
  async create(name) {
    if (this.users.has(name)) throw new ConflictError(`user ${name} already exists`);
    const user = { id: this.users.size + 1, name };
    this.users.set(name, user);
    return user;
  }
}

async function getOrCreate(store, name) {
  try {
    return await store.byName(name);
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
  try {
    return await store.create(name);
  } catch (err) {
    if (err instanceof ConflictError) return store.byName(name); // created meanwhile
    throw err;
  }
}

function statusFor(err) {
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ConflictError) return 409;
  if (err.name === 'TimeoutError') return 504; // AbortSignal.timeout()
  return 500;
}

async function main() {
  const store = new MemoryStore();
  console.log(await getOrCreate(store, 'ada'), await getOrCreate(store, 'ada')); // created, then found
  for (const op of [() => store.byName('grace'), () => store.create('ada')]) {
    try {
      await op();
    } catch (err) {
      console.log(statusFor(err), err.message); // 404 user grace not found, 409 user ada already exists
    }
  }
}

main();
