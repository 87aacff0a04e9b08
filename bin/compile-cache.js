'use strict';
/**
 * A V8 code cache for the modules `cyberbi` loads, so that a run does not parse and compile
 * HyperFormula, chevrotain, ExcelJS and the engine from source again (about a third of the
 * start-up of `cyberbi calc` on a small file is V8 compiling them).
 *
 * Node ≥ 22.1 has this built in (module.enableCompileCache): it is used when present. On Node 20
 * (the oldest Node the package supports) this file does the same with the public vm API:
 * the CommonJS modules the run loads (lib/ and the dependencies) are compiled as vm.Script with the
 * cached data of an earlier run; at exit, the code V8 compiled during the run (the functions the
 * run called included) is written back for the modules that had none or a stale one, in one
 * file per Node version, architecture and installed copy of cyberbi (a hash of its folder): a
 * run reads only its own copy's entries (about 6 MB), never those of every other copy the user
 * ever ran — each `npx` version, each checkout — which one shared file accumulated (measured:
 * 53 MB and 9,339 entries on a build machine, 60 ms of every run spent reading it).
 *
 * Correctness: a cache entry is used only for the same file path, size and modification time,
 * the same Node version and architecture, and V8 rejects data that does not fit the source (the
 * module is then compiled from source, as without a cache). The cache lives in a directory of
 * the user's own (mode 0700, owner checked: cached code is code), by default
 * <tmpdir>/cyberbi-compile-cache-<uid>; CYBERBI_COMPILE_CACHE=DIR moves it,
 * CYBERBI_COMPILE_CACHE=off (or NODE_DISABLE_COMPILE_CACHE=1) turns it off. Any failure of the
 * cache itself (unwritable directory, damaged file) falls back to compiling from source silently.
 */
const { Buffer } = require('node:buffer');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** The program's main module (bin/cyberbi.js), what require.main is in every module. */
const MAIN = require.main;

function cacheDirectory() {
  const setting = process.env.CYBERBI_COMPILE_CACHE;
  if (setting === 'off' || setting === '0' || process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (setting) return path.resolve(setting);
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return path.join(os.tmpdir(), `cyberbi-compile-cache-${uid}`);
}

/** The directory, created private to this user; undefined when it is not safely ours. */
function privateDirectory(dir) {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(dir);
    if (!stat.isDirectory()) return undefined;
    if (typeof process.getuid === 'function' && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * The cache file: a 4-byte length, a JSON index { filename: [stamp, offset, length] }, then the
 * code of every entry. One file read per run rather than one per module (ExcelJS alone is
 * about 280 modules).
 */
function readCache(file) {
  try {
    const bytes = fs.readFileSync(file);
    const size = bytes.readUInt32LE(0);
    const index = JSON.parse(bytes.toString('utf8', 4, 4 + size));
    return { index, data: bytes.subarray(4 + size) };
  } catch {
    return { index: {}, data: Buffer.alloc(0) };
  }
}

function writeCache(file, entries) {
  const index = {};
  let offset = 0;
  for (const [filename, { stamp, code }] of entries) {
    index[filename] = [stamp, offset, code.length];
    offset += code.length;
  }
  const head = Buffer.from(JSON.stringify(index), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length, 0);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([size, head, ...[...entries.values()].map((e) => e.code)]), { mode: 0o600 });
  fs.renameSync(tmp, file); // atomic: a concurrent run reads the old cache or the new one
}

/** A cache file no run has written for this long belongs to a copy no longer run (an old npx version, a deleted checkout). */
const UNUSED_MS = 30 * 24 * 3600 * 1000;

/**
 * Removes the other copies' cache files that no run has written for 30 days, so that copies
 * which are gone do not leave their files behind for good. A copy still in use whose file is
 * removed only compiles from source once and writes it again.
 */
function removeUnused(dir, keep) {
  const now = Date.now();
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (file === keep || !name.endsWith('.cache')) continue;
    try {
      if (now - fs.statSync(file).mtimeMs > UNUSED_MS) fs.rmSync(file, { force: true });
    } catch {
      /* a file another run is writing or removing */
    }
  }
}

function install() {
  const dir0 = cacheDirectory();
  if (dir0 === undefined) return;
  const Module = require('node:module');
  if (typeof Module.enableCompileCache === 'function') {
    try {
      Module.enableCompileCache(dir0);
    } catch {
      /* no cache: compile from source */
    }
    return;
  }
  // A policy manifest checks each module's integrity inside Node's own compile step: keep it.
  if (process.execArgv.some((a) => a.startsWith('--experimental-policy'))) return;
  const dir = privateDirectory(dir0);
  if (dir === undefined) return;
  const copy = crypto.createHash('sha256').update(path.resolve(__dirname, '..')).digest('hex').slice(0, 16);
  const file = path.join(dir, `${process.version}-${process.arch}-${copy}.cache`);
  /** The one shared file of earlier versions: removed when this copy writes its own. */
  const legacy = path.join(dir, `${process.version}-${process.arch}.cache`);
  const vm = require('node:vm');
  const cache = readCache(file);
  const original = Module.prototype._compile;
  /** Scripts compiled in this run whose entry is missing or stale: written at exit. */
  const fresh = [];

  Module.prototype._compile = function compile(content, filename, ...rest) {
    // Node's compiler for anything this does not handle. Node 20.19+ passes the format the file's
    // package.json gives ('commonjs', 'module' or undefined): ES module syntax stays with Node.
    const fallback = () => original.call(this, content, filename, ...rest);
    // Every CommonJS module the run loads: lib/ and the dependencies, wherever npm put them (an
    // installed cyberbi's dependencies are usually beside it, not under it). A module using
    // import() keeps Node's compiler, which knows how to load what import() asks for.
    if (rest[0] === 'module' || content.includes('import(')) return fallback();
    let stat;
    try {
      stat = fs.statSync(filename);
    } catch {
      return fallback();
    }
    const stamp = `${stat.size}:${stat.mtimeMs}`;
    const known = cache.index[filename];
    const cachedData = known && known[0] === stamp ? cache.data.subarray(known[1], known[1] + known[2]) : undefined;
    // The same wrapper Node puts around a CommonJS module; a leading #! line becomes a comment,
    // so that line numbers in stack traces stay right.
    const body = content.startsWith('#!') ? `//${content}` : content;
    const wrapper = `(function (exports, require, module, __filename, __dirname) { ${body}\n});`;
    let script;
    try {
      script = new vm.Script(wrapper, { filename, cachedData });
    } catch (e) {
      if (e instanceof SyntaxError) return fallback(); // Node reports it (or reads it as ES module syntax)
      throw e;
    }
    if (cachedData === undefined || script.cachedDataRejected) fresh.push({ filename, stamp, script });
    const fn = script.runInThisContext({ displayErrors: true });
    // The module's require, as Node makes it (lib/internal/modules/helpers.js makeRequireFunction).
    const require = (id) => this.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, this, false, options);
    require.resolve.paths = (request) => Module._resolveLookupPaths(request, this);
    require.main = MAIN;
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    return fn.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };

  process.once('exit', () => {
    if (fresh.length === 0) return;
    try {
      // Keep the other entries (modules this run did not load, e.g. ExcelJS on a CSV run) whose
      // file is still there unchanged, so the cache does not grow with every rebuild.
      const entries = new Map();
      for (const [filename, [stamp, offset, length]] of Object.entries(cache.index)) {
        let current;
        try {
          const stat = fs.statSync(filename);
          current = `${stat.size}:${stat.mtimeMs}`;
        } catch {
          continue;
        }
        if (current === stamp) entries.set(filename, { stamp, code: cache.data.subarray(offset, offset + length) });
      }
      // The code made after the run holds the functions the run compiled too.
      for (const { filename, stamp, script } of fresh) entries.set(filename, { stamp, code: script.createCachedData() });
      writeCache(file, entries);
      fs.rmSync(legacy, { force: true });
      removeUnused(dir, file);
    } catch {
      /* the next run compiles from source again */
    }
  });
}

module.exports = { install };
