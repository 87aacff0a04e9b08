/**
 * Bundle sizes for `npm run bench`: the Excel add-in's two bundles against their budgets, and the
 * workbench's bundle for information.
 *
 * Everything is built into a temporary directory, never into dist/ or dist-workbench/ (others
 * build and serve those): the metadata with `build-metadata.js --out`, the add-in with
 * `webpack --env outputPath=… metadataDir=…`, the workbench with `--env outputPath=…`. Sizes
 * are raw bytes and gzip (zlib level 9, what a server sends with gzip on).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.resolve(__dirname, '..');
const WEBPACK = path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js');

const KB = 1024;

/**
 * The add-in's budgets (bytes). The reasons are written into docs/PERFORMANCE.md by bench-doc.js.
 * - functions.js holds the engine (decimal.js, the 46 functions, messages in English and Chinese)
 *   and registers the CYBER functions. In the shared runtime it is loaded, parsed and run on
 *   every Excel start that opens a workbook using the add-in, before any CYBER cell can compute.
 *   Raised from 200 KB / 64 KB when catalogue section 10 arrived: its special functions come from
 *   @stdlib (about 103 KB minified, 38 KB gzip, most of it @stdlib's shared plumbing), and the
 *   build was 316,948 B / 108,223 B gzip. Loading section 10 on first use instead is the way back
 *   under the old budget (issue 13 is open on it).
 * - taskpane.js is React + Fluent UI + recharts: loaded by the same runtime page (taskpane.html
 *   lists both bundles), so it also costs start-up time, but after functions.js.
 */
const BUDGETS = {
  'functions.js': { raw: 320 * KB, gzip: 112 * KB },
  'taskpane.js': { raw: 1280 * KB, gzip: 384 * KB },
};

function run(args, what) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${(r.stdout || '').slice(-4000)}\n${(r.stderr || '').slice(-4000)}`);
}

function sizeOf(file) {
  const bytes = fs.readFileSync(file);
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

/** Builds the add-in into a temporary directory; returns the sizes of functions.js and taskpane.js. */
function addinSizes(tmp) {
  const meta = path.join(tmp, 'metadata');
  const out = path.join(tmp, 'addin');
  run([path.join(root, 'scripts', 'build-metadata.js'), '--out', meta], 'build-metadata');
  run([WEBPACK, '--mode', 'production', '--env', `outputPath=${out}`, '--env', `metadataDir=${meta}`], 'webpack (add-in)');
  return Object.fromEntries(Object.keys(BUDGETS).map((f) => [f, sizeOf(path.join(out, f))]));
}

/**
 * The workbench's JavaScript: workbench.js (loaded with the page) and its lazily loaded chunks
 * (ExcelJS, on the first open/save), from a fresh build into `tmp`, or when `build` is false from
 * dist-workbench/ if it is there (which may be stale). Returns undefined when there is nothing.
 */
function workbenchSizes(tmp, build) {
  let dir = path.join(root, 'dist-workbench');
  let source = 'dist-workbench/ as found (not rebuilt)';
  if (build) {
    dir = path.join(tmp, 'workbench');
    run([WEBPACK, '--config', path.join(root, 'webpack.workbench.config.js'), '--mode', 'production', '--env', `outputPath=${dir}`], 'webpack (workbench)');
    source = 'built for this run';
  }
  if (!fs.existsSync(path.join(dir, 'workbench.js'))) return undefined;
  const main = sizeOf(path.join(dir, 'workbench.js'));
  const lazy = { raw: 0, gzip: 0 };
  for (const f of fs.readdirSync(dir)) {
    if (f.endsWith('.js') && f !== 'workbench.js') {
      const s = sizeOf(path.join(dir, f));
      lazy.raw += s.raw;
      lazy.gzip += s.gzip;
    }
  }
  return { source, main, lazy };
}

/** Builds what is asked and measures it; the temporary directory is always removed. */
function measureBundles({ buildWorkbench }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-bench-bundles-'));
  try {
    const t0 = Date.now();
    const addin = addinSizes(tmp);
    const workbench = workbenchSizes(tmp, buildWorkbench);
    return { addin, workbench, seconds: (Date.now() - t0) / 1000 };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { BUDGETS, measureBundles };
