// Ask every replica, keep the first answer, give up after a timeout.
// Run: node first.js

function first(query, replicas, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no replica answered within ${ms}ms`)), ms);
  });
  // The losers keep running; their results are simply never read.
  return Promise.race([...replicas.map((ask) => ask(query)), timeout]).finally(() =>
    clearTimeout(timer),
  );
}

const replica = (name, delay) => (query) =>
  new Promise((resolve) => setTimeout(() => resolve(`${name}: ${query}`), delay));

if (require.main === module) {
  const replicas = [replica("eu", 300), replica("us", 10), replica("ap", 1500)];
  first("users/42", replicas, 1000).then(console.log); // us: users/42
  first("users/42", [replica("eu", 1500)], 1000).catch((err) => console.log(err.message));
}

module.exports = { first };
