// Publish a blog post: render the draft, store the post, index it, delete the draft.
// One try block: the first step that throws stops the rest; the catch adds the slug.
// Run: node publish.js
class NotFoundError extends Error {}

class MemoryStore {
  constructor(docs) { this.docs = new Map(Object.entries(docs)); }
  async get(key) {
    if (!this.docs.has(key)) throw new NotFoundError(`get ${key}: not found`);
    return this.docs.get(key);
  }
  async put(key, data) { this.docs.set(key, data); }
  async delete(key) { this.docs.delete(key); }
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function render(draft) {
  const [first, ...body] = draft.split('\n');
  const title = first.replace(/^#/, '').trim();
  if (!title) throw new Error('draft has no title');
  return `<h1>${escape(title)}</h1>\n${escape(body.join('\n'))}`;
}

async function readIndex(store) {
  try {
    return await store.get('index.html');
  } catch (err) {
    if (err instanceof NotFoundError) return ''; // no index yet: start one
    throw err;
  }
}

async function publish(store, slug) {
  try {
    const page = render(await store.get(`drafts/${slug}`));
    await store.put(`posts/${slug}.html`, page);
    const index = await readIndex(store);
    await store.put('index.html', `${index}<li><a href="posts/${slug}.html">${slug}</a></li>\n`);
    await store.delete(`drafts/${slug}`);
  } catch (err) {
    throw new Error(`publish ${slug}`, { cause: err });
  }
}

async function main() {
  const store = new MemoryStore({ 'drafts/hello': '# Hello, Go\nErrors are values.' });
  await publish(store, 'hello');
  console.log([...store.docs.keys()]); // [ 'posts/hello.html', 'index.html' ]
  try {
    await publish(store, 'missing');
  } catch (err) {
    console.log(`${err.message}: ${err.cause.message}`); // publish missing: get drafts/missing: not found
  }
}

main();
