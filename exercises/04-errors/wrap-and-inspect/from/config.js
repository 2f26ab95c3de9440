// Load a "key = value" config file; errors keep their cause (ES2022 `cause`).
// Run: node config.js [file]
const { readFile } = require('node:fs/promises');

class ConfigError extends Error {}
class ConfigNotFoundError extends ConfigError {}
class ParseError extends ConfigError {
  constructor(line, msg) {
    super(`line ${line}: ${msg}`);
    this.line = line;
  }
}

function parse(text) {
  const cfg = {};
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq < 0) throw new ParseError(i + 1, "missing '='");
    const key = line.slice(0, eq).trim();
    if (key === '') throw new ParseError(i + 1, 'empty key');
    cfg[key] = line.slice(eq + 1).trim();
  });
  return cfg;
}

async function load(path) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') throw new ConfigNotFoundError(`load config ${path}`, { cause: err });
    throw new ConfigError(`load config ${path}`, { cause: err });
  }
  try {
    return parse(text);
  } catch (err) {
    throw new ConfigError(`load config ${path}`, { cause: err });
  }
}

async function loadOrDefaults(path, defaults) {
  try {
    return await load(path);
  } catch (err) {
    if (err instanceof ConfigNotFoundError) return defaults;
    throw err;
  }
}

// badLine walks the cause chain by hand: instanceof only looks at the top error.
function badLine(err) {
  for (let e = err; e; e = e.cause) {
    if (e instanceof ParseError) return e.line;
  }
  return undefined;
}

loadOrDefaults(process.argv[2] ?? 'app.conf', { port: '80' })
  .then((cfg) => console.log(cfg))
  .catch((err) => console.error(`${err.message}: ${err.cause?.message} (bad line: ${badLine(err)})`));
