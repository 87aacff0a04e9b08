#!/usr/bin/env node
/**
 * `npm run bench`: the project's performance record. Prints figures; asserts nothing.
 *
 *   1. calls per second of every CYBER function through the engine (`evaluate`) and through a
 *      HyperFormula sheet (N formulas in N rows, built and evaluated);
 *   2. ALLOCATE scaling: 1k, 10k and 100k claims against a 50-cover, 4-level tree (time per
 *      claim must stay flat), and 100k claims settled inside a sheet;
 *   3. the time `cyberbi calc` takes on a 10,000-row CPIC scenario sheet, beside the same model
 *      written with plain spreadsheet formulas through the same evaluator (the ratio matters:
 *      target within 2×).
 *
 * Each figure is printed beside the saved baseline (bench/baseline.json) with the ratio
 * current ÷ baseline. `npm run bench -- --save` records this run as the new baseline.
 * `--quick` runs shorter loops (for a smoke check).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lib = path.join(root, 'lib');
if (!fs.existsSync(path.join(lib, 'engine', 'index.js'))) {
  console.error('lib/ is missing: run `npm run build:cli` first.');
  process.exit(1);
}
const { CATALOGUE, evaluate } = require(path.join(lib, 'engine'));
const { evaluateSheet } = require(path.join(lib, 'sheet', 'workbook'));
const { BENCH_ARGS } = require('./bench-args');

const quick = process.argv.includes('--quick');
const save = process.argv.includes('--save');
const baselineFile = path.join(root, 'bench', 'baseline.json');
const baseline = fs.existsSync(baselineFile) ? JSON.parse(fs.readFileSync(baselineFile, 'utf8')) : null;
const current = { machine: machine(), date: new Date().toISOString(), figures: {} };

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0] ? cpus[0].model.trim() : 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}

/** Runs fn repeatedly for about `ms` milliseconds; returns calls per second. */
function rate(fn, ms) {
  for (let i = 0; i < 200; i++) fn(); // warm up
  let n = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1000000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    elapsed = process.hrtime.bigint() - start;
  }
  return n / (Number(elapsed) / 1e9);
}

function literal(v) {
  if (Array.isArray(v)) return '{' + v.map((row) => row.map(literal).join(',')).join(';') + '}';
  if (typeof v === 'string') return `"${v.replace(/"/g, '""')}"`;
  if (typeof v === 'boolean') return v ? 'TRUE()' : 'FALSE()';
  if (v === null) return '';
  return String(v);
}

function columnName(i) {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function fmt(x, unit) {
  if (x === undefined || x === null) return '—';
  if (unit === 's') return `${x.toFixed(3)} s`;
  if (unit === 'µs') return `${x.toFixed(2)} µs`;
  if (unit === '×') return `${x.toFixed(2)}×`;
  return x >= 1000 ? `${Math.round(x).toLocaleString('en-US')}/s` : `${x.toFixed(1)}/s`;
}

const rows = [];
function record(key, value, unit) {
  current.figures[key] = value;
  const base = baseline && baseline.figures[key];
  const ratio = base ? value / base : undefined;
  rows.push([key, fmt(value, unit), base === undefined ? '—' : fmt(base, unit), ratio === undefined ? '—' : `${ratio.toFixed(2)}`]);
}

// ---- 1. per function: engine and HyperFormula sheet ----------------------------------------
const engineMs = quick ? 150 : 600;
const sheetRows = quick ? 500 : 2000;
const missing = [];
for (const f of CATALOGUE) {
  const args = BENCH_ARGS[f.name];
  if (!args) {
    missing.push(f.name);
    continue;
  }
  const check = evaluate(f.name, args);
  if (!check.ok) throw new Error(`bench arguments of ${f.name} are invalid: ${check.error.message.en}`);
  record(`engine ${f.name} calls`, rate(() => evaluate(f.name, args), engineMs), '/s');

  // Ranges go into cells to the right (as in a real model); every row's formula refers to them.
  const cells = Array.from({ length: sheetRows }, () => []);
  let col = 2;
  const refs = args.map((a) => {
    if (!Array.isArray(a)) return literal(a);
    a.forEach((row, r) => {
      while (cells.length <= r) cells.push([]);
      row.forEach((v, c) => (cells[r][col + c] = v));
    });
    const ref = `$${columnName(col)}$1:$${columnName(col + a[0].length - 1)}$${a.length}`;
    col += a[0].length + 1;
    return ref;
  });
  const formula = `=CYBER.${f.name}(${refs.join(',')})`;
  // An array result spills: leave it the rows it needs by putting formulas every `step` rows.
  const height = Array.isArray(check.value) ? check.value.length : 1;
  let formulas = 0;
  for (let r = 0; r + height <= sheetRows; r += height) {
    cells[r][0] = formula;
    formulas++;
  }
  const t0 = process.hrtime.bigint();
  const out = evaluateSheet(cells);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (out[0][0] !== null && typeof out[0][0] === 'object') throw new Error(`${formula} → ${out[0][0].error} ${out[0][0].message}`);
  record(`sheet ${f.name} calls`, formulas / seconds, '/s');
}

// ---- 2. ALLOCATE scaling: time per claim must stay flat (linear settlement) ------------------
const { coversTree, claimsTable } = require('./bench-args');
const covers = coversTree(50, 4);
for (const n of quick ? [1000, 10000] : [1000, 10000, 100000]) {
  const claims = claimsTable(n);
  const runs = n >= 100000 ? 3 : 5;
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = evaluate('ALLOCATE', [claims, covers]);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (!r.ok) throw new Error(`ALLOCATE bench: ${r.error.message.en}`);
    best = Math.min(best, s);
  }
  record(`engine ALLOCATE ${n} claims × 50-cover 4-level tree`, best, 's');
  record(`engine ALLOCATE µs per claim at ${n}`, (best / n) * 1e6, 'µs');
}
{
  // The same 100,000 claims settled inside a sheet: claims in A:C, covers in E:I, one ALLOCATE.
  const n = quick ? 10000 : 100000;
  const claims = claimsTable(n);
  const cells = claims.map((row, i) => [...row, null, ...(covers[i] || [null, null, null, null, null]), null]);
  cells[0][10] = `=CYBER.ALLOCATE(A1:C${n + 1},E1:I${covers.length})`;
  const t0 = process.hrtime.bigint();
  const out = evaluateSheet(cells);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (out[1][10] === null || typeof out[1][10] === 'object') throw new Error(`sheet ALLOCATE: ${JSON.stringify(out[1][10])}`);
  record(`sheet ALLOCATE ${n} claims (build + evaluate)`, s, 's');
}

// ---- 3. the 10,000-row scenario sheet through cyberbi calc ----------------------------------
const { scenarioCsv } = require('./bench-scenario');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-bench-'));
const scenarioRows = quick ? 2000 : 10000;
const cyberFile = path.join(dir, 'scenario-cyber.csv');
const plainFile = path.join(dir, 'scenario-plain.csv');
fs.writeFileSync(cyberFile, scenarioCsv(scenarioRows, 'cyber'));
fs.writeFileSync(plainFile, scenarioCsv(scenarioRows, 'plain'));

function timeCli(file) {
  const runs = quick ? 1 : 3;
  let best = Infinity;
  let output = '';
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cyberbi.js'), 'calc', file], { maxBuffer: 1 << 28, encoding: 'utf8' });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`cyberbi calc ${file} exited ${r.status}: ${r.stderr}`);
    output = r.stdout;
    best = Math.min(best, s);
  }
  return { seconds: best, output };
}
const cyber = timeCli(cyberFile);
const plain = timeCli(plainFile);
// Both sheets compute the same payouts: compare the last column so the ratio compares like with like.
const lastColumn = (csv) => csv.trim().split('\n').slice(1).map((l) => l.split(',').pop());
const a = lastColumn(cyber.output);
const b = lastColumn(plain.output);
let differ = 0;
for (let i = 0; i < a.length; i++) if (Math.abs(Number(a[i]) - Number(b[i])) > 1e-6 * Math.max(1, Math.abs(Number(b[i])))) differ++;
record(`cli ${scenarioRows}-row scenario, CYBER functions`, cyber.seconds, 's');
record(`cli ${scenarioRows}-row scenario, plain formulas`, plain.seconds, 's');
record('cli scenario ratio CYBER ÷ plain (target ≤ 2)', cyber.seconds / plain.seconds, '×');
fs.rmSync(dir, { recursive: true, force: true });

// ---- report ----------------------------------------------------------------------------------
const widths = [0, 0, 0, 0];
const header = ['figure', 'this run', 'baseline', 'this ÷ baseline'];
for (const r of [header, ...rows]) r.forEach((c, i) => (widths[i] = Math.max(widths[i], c.length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`machine: ${current.machine}`);
console.log(`baseline: ${baseline ? `${baseline.machine}, ${baseline.date}` : 'none (run with --save to record one)'}`);
console.log(`sheet figures: ${sheetRows} formulas built and evaluated per function; engine figures: ${engineMs} ms loops.`);
console.log(line(header));
for (const r of rows) console.log(line(r));
if (differ) console.log(`WARNING: ${differ} scenario rows differ between the CYBER and the plain-formula sheet.`);
else console.log(`The CYBER and plain-formula scenario sheets agree on all ${a.length} payouts.`);
if (missing.length) console.log(`No bench arguments yet for: ${missing.join(', ')} (add them to scripts/bench-args.js).`);
if (save) {
  fs.mkdirSync(path.dirname(baselineFile), { recursive: true });
  fs.writeFileSync(baselineFile, JSON.stringify(current, null, 2) + '\n');
  console.log(`saved baseline to ${path.relative(root, baselineFile)}`);
}
