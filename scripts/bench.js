#!/usr/bin/env node
/**
 * `npm run bench`: the project's performance record. Prints figures; asserts only that the
 * figures measure what they claim (the references agree with the engine, the two scenario
 * sheets agree on every payout), never a speed.
 *
 *   1. calls per second of every CYBER function through the engine (`evaluate`) and through a
 *      HyperFormula sheet (N formulas in N rows, built and evaluated);
 *   2. the engine beside plain JavaScript numbers (scripts/bench-plain.js): the same arithmetic
 *      without exactness or validation, the speed-of-light reference, as a time ratio;
 *   3b. section 10: every closed-form function for every distribution family, beside the textbook
 *      formulas in plain JavaScript (scripts/bench-distributions.js);
 *   3c. section 11: CYBER.SIMULATE's hot loop (years/s), 100,000 years with every statistic through
 *      `cyberbi calc` beside the same model in plain JavaScript, peak memory of 1,000,000 years, and
 *      one 1,000,000-year cell in a HyperFormula sheet (scripts/bench-simulate.js), and the same
 *      cell entered in the workbench page in Chromium: its longest main-thread task
 *      (scripts/bench-workbench-freeze.js; builds the workbench, about a minute);
 *   3. ALLOCATE scaling: 1k, 10k and 100k claims against a 50-cover, 4-level tree (time per
 *      claim must stay flat), and 100k claims settled inside a sheet;
 *   4. the time `cyberbi calc` takes on a 10,000-row CPIC scenario sheet, beside the same model
 *      written with plain spreadsheet formulas through the same evaluator (target within 2×);
 *   5. the Excel add-in's bundles (raw and gzip) against their budgets, and the workbench's;
 *   6. the CLI's start-up, and a 20,000-formula .xlsx (scripts/bench-workbook.js): time and peak RSS of `cyberbi calc`
 *      on it (one sheet and --all-sheets, with the CLI's phases) and of the workbench's model
 *      opening, evaluating, editing and saving it.
 *   7. big honest files (scripts/bench-bigfiles.js): `cyberbi calc` on CSV and .xlsx files of
 *      100k and 1M cells (numbers, text, formulas; --quick: 100k), time and peak RSS per cell.
 *
 * Each figure is printed beside the saved baseline (bench/baseline.json) with the ratio
 * current ÷ baseline. A full run also writes docs/PERFORMANCE.md (scripts/bench-doc.js).
 *
 *   npm run bench                  full run; prints, writes docs/PERFORMANCE.md
 *   npm run bench -- --save        the same, and records this run as bench/baseline.json
 *   npm run bench -- --quick       short loops and smaller sizes, add-in bundles only; writes nothing
 *   npm run bench -- --no-bundles  skips the webpack builds (section 5)
 *   npm run bench -- --no-doc      does not write docs/PERFORMANCE.md
 *   npm run bench -- --only=workbook  section 6 alone (with --quick: 2,000 formulas); writes nothing
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
const { BENCH_ARGS, coversTree, claimsTable } = require('./bench-args');
const { PLAIN, PLAIN_TOLERANCE, relativeDifference } = require('./bench-plain');
const { scenarioCsv } = require('./bench-scenario');
const { BUDGETS, measureBundles } = require('./bench-bundles');
const { writePerformanceDoc, FLAT_LIMIT, CLI_TARGET } = require('./bench-doc');
const { benchWorkbook } = require('./bench-workbook');
const { benchBigFiles } = require('./bench-bigfiles');
const { benchDistributions } = require('./bench-distributions');
const { benchSimulate } = require('./bench-simulate');

const argv = process.argv.slice(2);
const known = ['--quick', '--save', '--no-bundles', '--no-doc', '--doc', '--only=workbook'];
const unknown = argv.filter((a) => !known.includes(a));
if (unknown.length) {
  console.error(`bench: unknown option ${unknown.join(' ')} (known: ${known.join(' ')})`);
  process.exit(2);
}
const quick = argv.includes('--quick');
const save = argv.includes('--save');
const bundles = !argv.includes('--no-bundles');
const onlyWorkbook = argv.includes('--only=workbook');
// The doc records a full run only: quick figures are not comparable with the baseline.
const writeDoc = !quick && !onlyWorkbook && !argv.includes('--no-doc');
if ((quick || onlyWorkbook) && (save || argv.includes('--doc'))) {
  console.error('bench: --quick and --only figures are not a record; --save and --doc need a full run.');
  process.exit(2);
}

const started = Date.now();
const baselineFile = path.join(root, 'bench', 'baseline.json');
const baseline = fs.existsSync(baselineFile) ? JSON.parse(fs.readFileSync(baselineFile, 'utf8')) : null;
const system = machine();
const current = { machine: system.summary, system, date: new Date().toISOString(), figures: {} };

function machine() {
  const cpus = os.cpus();
  const cpu = cpus[0] ? cpus[0].model.trim() : 'unknown CPU';
  let osName = `${os.type()} ${os.release()}`;
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release);
    if (pretty) osName = `${pretty[1]} (${os.type()} ${os.release()})`;
  } catch {
    /* not Linux: os.type() and os.release() say enough */
  }
  const ramGiB = Math.round(os.totalmem() / 2 ** 30);
  return {
    cpu,
    cores: cpus.length,
    ramGiB,
    os: osName,
    arch: os.arch(),
    node: process.version,
    summary: `${cpus.length} × ${cpu}, ${ramGiB} GiB, node ${process.version}`,
  };
}

/**
 * Calls per second of fn over about `ms` milliseconds. The batch between two clock reads grows
 * until it lasts ≥ 1 ms, so that reading the clock costs nothing measurable even for functions
 * that take nanoseconds (the plain-JS references). Every result goes into a sink, so that the
 * compiler cannot drop the call.
 */
let sink = 0;
function rate(fn, ms) {
  for (let i = 0; i < 200; i++) sink ^= fn() === undefined ? 1 : 0; // warm up
  let batch = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) sink ^= fn() === undefined ? 1 : 0;
    if (Number(process.hrtime.bigint() - t0) >= 1e6 || batch >= 1 << 24) break;
    batch *= 2;
  }
  let n = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1000000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < batch; i++) sink ^= fn() === undefined ? 1 : 0;
    n += batch;
    elapsed = process.hrtime.bigint() - start;
  }
  return n / (Number(elapsed) / 1e9);
}

/** The least time of `runs` calls of fn, in seconds, and fn's last result. */
function best(fn, runs) {
  let seconds = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { seconds, result };
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
  if (unit === 'B') return `${(x / 1024).toFixed(1)} KiB`;
  if (unit === 'MiB') return `${(x / 2 ** 20).toFixed(0)} MiB`;
  return x >= 1000 ? `${Math.round(x).toLocaleString('en-US')}/s` : `${x.toFixed(1)}/s`;
}

/** Sections in print order; each row: figure, this run, baseline, this ÷ baseline. */
const sections = [];
function section(title, note) {
  const s = { title, note, rows: [], lines: [] };
  sections.push(s);
  return s;
}
function record(s, key, value, unit) {
  current.figures[key] = value;
  const base = baseline && baseline.figures[key];
  const ratio = base ? value / base : undefined;
  s.rows.push([key, fmt(value, unit), base === undefined ? '—' : fmt(base, unit), ratio === undefined ? '—' : ratio.toFixed(2)]);
}
function progress(text) {
  process.stderr.write(`bench: ${text}\n`);
}

// Sections 1–5 (skipped by --only=workbook); their targets feed docs/PERFORMANCE.md.
let targets = null;
let bundleReport;
const missing = [];
if (!onlyWorkbook) {
  // ---- 1. per function: engine and HyperFormula sheet ----------------------------------------
  const engineMs = quick ? 150 : 600;
  const sheetRows = quick ? 500 : 2000;
  const engineRates = {};
  const perFunction = section('Calls per second, per function', `engine: \`evaluate\` in a ${engineMs} ms loop; sheet: ${sheetRows} formulas built and evaluated in one HyperFormula sheet. Higher is better.`);
  progress('1/6 calls per function');
  for (const f of CATALOGUE) {
    const args = BENCH_ARGS[f.name];
    if (!args) {
      missing.push(f.name);
      continue;
    }
    const check = evaluate(f.name, args);
    if (!check.ok) throw new Error(`bench arguments of ${f.name} are invalid: ${check.error.message.en}`);
    engineRates[f.name] = rate(() => evaluate(f.name, args), engineMs);
    record(perFunction, `engine ${f.name} calls`, engineRates[f.name], '/s');

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
    const { seconds, result: out } = best(() => evaluateSheet(cells), 1);
    if (out[0][0] !== null && typeof out[0][0] === 'object') throw new Error(`${formula} → ${out[0][0].error} ${out[0][0].message}`);
    record(perFunction, `sheet ${f.name} calls`, formulas / seconds, '/s');
  }

  // ---- 2. ALLOCATE scaling: time per claim must stay flat (linear settlement) ------------------
  progress('2/6 ALLOCATE scaling');
  const scaling = section('ALLOCATE scaling', 'claims against a 50-cover, 4-level covers tree; best of 20 runs at 1k, 5 at 10k, 3 at 100k. Lower is better.');
  const covers = coversTree(50, 4);
  const sizes = quick ? [1000, 10000] : [1000, 10000, 100000];
  const perClaim = {};
  const allocateSeconds = {};
  for (const n of sizes) {
    const claims = claimsTable(n);
    // Small sizes take milliseconds: more runs, so that one scheduling hiccup does not set the figure.
    const { seconds, result } = best(() => evaluate('ALLOCATE', [claims, covers]), n >= 100000 ? 3 : n >= 10000 ? 5 : 20);
    if (!result.ok) throw new Error(`ALLOCATE bench: ${result.error.message.en}`);
    allocateSeconds[n] = seconds;
    perClaim[n] = (seconds / n) * 1e6;
    record(scaling, `engine ALLOCATE ${n} claims × 50-cover 4-level tree`, seconds, 's');
    record(scaling, `engine ALLOCATE µs per claim at ${n}`, perClaim[n], 'µs');
  }
  const largest = sizes[sizes.length - 1];
  const flatness = perClaim[largest] / perClaim[sizes[0]];
  record(scaling, `engine ALLOCATE flatness: µs per claim at ${largest / 1000}k ÷ at 1k (flat ≤ ${FLAT_LIMIT})`, flatness, '×');
  scaling.lines.push(
    flatness <= FLAT_LIMIT
      ? `Time per claim stays flat: ${fmt(perClaim[largest], 'µs')} at ${largest.toLocaleString('en-US')} claims, ${fmt(perClaim[sizes[0]], 'µs')} at 1,000 (ratio ${flatness.toFixed(2)} ≤ ${FLAT_LIMIT}).`
      : `NOT FLAT: time per claim grows ${flatness.toFixed(2)}× from 1,000 to ${largest.toLocaleString('en-US')} claims (limit ${FLAT_LIMIT}).`,
  );
  {
    // The same 100,000 claims settled inside a sheet: claims in A:C, covers in E:I, one ALLOCATE.
    const n = quick ? 10000 : 100000;
    const claims = claimsTable(n);
    const cells = claims.map((row, i) => [...row, null, ...(covers[i] || [null, null, null, null, null]), null]);
    cells[0][10] = `=CYBER.ALLOCATE(A1:C${n + 1},E1:I${covers.length})`;
    const { seconds, result: out } = best(() => evaluateSheet(cells), 1);
    if (out[1][10] === null || typeof out[1][10] === 'object') throw new Error(`sheet ALLOCATE: ${JSON.stringify(out[1][10])}`);
    record(scaling, `sheet ALLOCATE ${n} claims (build + evaluate)`, seconds, 's');
  }

  // ---- 3. the engine beside plain JavaScript numbers ---------------------------------------------
  progress('3/6 engine beside plain JavaScript');
  const plain = section(
    'Engine beside plain JavaScript numbers',
    'plain: the same arithmetic on doubles (scripts/bench-plain.js), no validation, no exactness: the speed-of-light reference. engine ÷ plain is the time one exact, validated call costs in plain-JS calls. Lower is better.',
  );
  const plainMs = quick ? 150 : 600;
  const HOURLY_NOTE = `HOURLYBI over ${BENCH_ARGS.HOURLYBI[0].length} hourly values`;
  for (const name of Object.keys(PLAIN)) {
    const isAllocate = name === 'ALLOCATE';
    const args = isAllocate ? [claimsTable(10000), covers] : BENCH_ARGS[name];
    const engine = evaluate(name, args);
    if (!engine.ok) throw new Error(`plain reference ${name}: the engine fails on the bench inputs: ${engine.error.message.en}`);
    const difference = relativeDifference(PLAIN[name](args), engine.value);
    if (!(difference <= PLAIN_TOLERANCE)) {
      throw new Error(`plain reference ${name} disagrees with the engine (relative difference ${difference}); fix scripts/bench-plain.js before timing it.`);
    }
    const label = isAllocate ? 'ALLOCATE 10000 claims' : name;
    if (isAllocate) {
      // Per run, not per call: best of 5 against the engine's best of 5 at 10k (section 2).
      const { seconds } = best(() => PLAIN[name](args), 5);
      record(plain, `plain ${label} (s)`, seconds, 's');
      record(plain, `engine ÷ plain ${label}`, allocateSeconds[10000] / seconds, '×');
    } else {
      const plainRate = rate(() => PLAIN[name](args), plainMs);
      record(plain, `plain ${label} calls`, plainRate, '/s');
      record(plain, `engine ÷ plain ${label}`, plainRate / engineRates[name], '×');
    }
    plain.lines.push(`${label}: plain reference agrees with the engine within ${difference.toExponential(1)} (relative; tolerance ${PLAIN_TOLERANCE}).`);
  }
  plain.lines.push(`${HOURLY_NOTE}; ALLOCATE compares best-of-5 run times at 10,000 claims.`);

  // ---- 3b. section 10: every closed-form function for every family, beside plain JavaScript --
  progress('3b/6 section 10 loss distributions (scripts/bench-distributions.js)');
  {
    const s = section(
      'Section 10 loss distributions: calls per second per function and family, beside plain JavaScript',
      'engine: `evaluate` (parse the distribution text, validate, @stdlib special functions); plain: the textbook formulas in plain Math with Numerical Recipes special functions (scripts/bench-distributions.js), checked against the engine first. Calls/s: higher is better; engine ÷ plain: lower is better.',
    );
    const result = benchDistributions({ quick, evaluate, progress });
    for (const r of result.rows) record(s, r.key, r.value, r.unit);
    s.lines.push(...result.lines);
  }

  // ---- 3c. section 11: CYBER.SIMULATE (hot loop, cyberbi calc beside plain JS, memory, a sheet cell)
  progress('3c/6 section 11 simulation (scripts/bench-simulate.js)');
  {
    const s = section(
      'Section 11 CYBER.SIMULATE: the hot loop, 100,000 years through cyberbi calc beside plain JavaScript, memory of 1,000,000 years, a 1,000,000-year sheet cell, and that cell in the workbench page',
      'the bench model: 6 covers with sub-aggregates (one nesting "aggregate"), the largest deductible, a policy per-claim and aggregate limit, Poisson 1.5 events a year, 6 event rows (scripts/bench-simulate.js). years/s: higher is better; s, ×, MiB: lower is better.',
    );
    const result = benchSimulate({ quick, progress });
    for (const r of result.rows) record(s, r.key, r.value, r.unit);
    s.lines.push(...result.lines);
    // The same cell typed into the workbench page itself, in Chromium (scripts/bench-workbench-freeze.js).
    progress('3c/6 section 11: a 1,000,000-year cell in the workbench page (Chromium)');
    const freeze = spawnSync(process.execPath, [path.join(__dirname, 'bench-workbench-freeze.js'), '--json', ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
    if (freeze.status !== 0) throw new Error(`bench-workbench-freeze.js failed (${freeze.status})`);
    const measured = JSON.parse(freeze.stdout);
    for (const r of measured.rows) record(s, r.key, r.value, r.unit);
    s.lines.push(...measured.lines);
  }

  // ---- 4. the 10,000-row scenario sheet through cyberbi calc ----------------------------------
  progress('4/6 cyberbi calc scenario');
  const cli = section('`cyberbi calc` on the CPIC scenario sheet', 'one scenario per row, the chain PROFITRATE → INSUREDRATIO → REVENUEREDUCTION → LOSTPROFIT → PREVENTIONCOST → BIPAYOUT, written with CYBER functions or with plain spreadsheet formulas; whole process (start, read, evaluate, print); best of 3. Lower is better.');
  const { parse: parseCsv } = require('csv-parse/sync');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-bench-'));
  const scenarioRows = quick ? 2000 : 10000;
  const cyberFile = path.join(dir, 'scenario-cyber.csv');
  const plainFile = path.join(dir, 'scenario-plain.csv');
  fs.writeFileSync(cyberFile, scenarioCsv(scenarioRows, 'cyber'));
  fs.writeFileSync(plainFile, scenarioCsv(scenarioRows, 'plain'));

  function timeCli(file) {
    let output = '';
    const { seconds } = best(() => {
      const r = spawnSync(process.execPath, [path.join(root, 'bin', 'cyberbi.js'), 'calc', file], { maxBuffer: 1 << 28, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cyberbi calc ${file} exited ${r.status}: ${r.stderr}`);
      output = r.stdout;
    }, quick ? 1 : 3);
    return { seconds, output };
  }
  const cyber = timeCli(cyberFile);
  const plainSheet = timeCli(plainFile);
  fs.rmSync(dir, { recursive: true, force: true });
  // Both sheets compute the same payouts: compare the results so the ratio compares like with like.
  // Every payout must be a number in both (an error or a text means the sheet did not compute).
  const results = (csv) => parseCsv(csv, { relax_column_count: true }).slice(1).map((fields) => fields.slice(14, 20));
  const a = results(cyber.output);
  const b = results(plainSheet.output);
  let differ = 0;
  let notNumbers = 0;
  const payoutColumn = 5;
  for (let i = 0; i < scenarioRows; i++) {
    const x = Number(a[i] && a[i][payoutColumn]);
    const y = Number(b[i] && b[i][payoutColumn]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) notNumbers++;
    else if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(y))) differ++;
  }
  if (notNumbers || differ || a.length !== scenarioRows || b.length !== scenarioRows) {
    throw new Error(
      `the scenario sheets do not compute the same payouts (${a.length} and ${b.length} rows of ${scenarioRows}; ${notNumbers} payouts not numbers, ${differ} differ): the CLI figures would compare unlike things. First row: ${JSON.stringify(a[0])} vs ${JSON.stringify(b[0])}`,
    );
  }
  record(cli, `cli ${scenarioRows}-row scenario, CYBER functions`, cyber.seconds, 's');
  record(cli, `cli ${scenarioRows}-row scenario, plain formulas`, plainSheet.seconds, 's');
  const cliRatio = cyber.seconds / plainSheet.seconds;
  record(cli, `cli scenario ratio CYBER ÷ plain (target ≤ ${CLI_TARGET})`, cliRatio, '×');
  cli.lines.push(`The CYBER and plain-formula sheets agree on all ${scenarioRows.toLocaleString('en-US')} payouts (relative 1e-9).`);
  cli.lines.push(cliRatio <= CLI_TARGET ? `Target met: CYBER ÷ plain = ${cliRatio.toFixed(2)} ≤ ${CLI_TARGET}.` : `TARGET MISSED: CYBER ÷ plain = ${cliRatio.toFixed(2)} > ${CLI_TARGET}.`);

  // ---- 5. bundle sizes ---------------------------------------------------------------------------
  if (bundles) {
    progress(`5/6 bundles (webpack into a temporary directory${quick ? ', add-in only' : ''})`);
    const sizes = measureBundles({ buildWorkbench: !quick });
    const s = section('Bundle sizes', 'production builds into a temporary directory; gzip is zlib level 9. Lower is better.');
    bundleReport = { addin: [], workbench: sizes.workbench };
    for (const [file, size] of Object.entries(sizes.addin)) {
      const budget = BUDGETS[file];
      for (const kind of ['raw', 'gzip']) {
        record(s, `add-in ${file} ${kind} (budget ${fmt(budget[kind], 'B')})`, size[kind], 'B');
        const over = size[kind] > budget[kind];
        const margin = ((budget[kind] - size[kind]) / budget[kind]) * 100;
        bundleReport.addin.push({ file, kind, size: size[kind], budget: budget[kind], over });
        s.lines.push(`${file} ${kind}: ${fmt(size[kind], 'B')} of ${fmt(budget[kind], 'B')}: ${over ? `OVER BUDGET by ${(-margin).toFixed(0)}%` : `under budget (${margin.toFixed(0)}% left)`}.`);
      }
    }
    if (sizes.workbench) {
      record(s, 'workbench workbench.js raw (information)', sizes.workbench.main.raw, 'B');
      record(s, 'workbench workbench.js gzip (information)', sizes.workbench.main.gzip, 'B');
      record(s, 'workbench lazy chunks raw (ExcelJS, information)', sizes.workbench.lazy.raw, 'B');
      record(s, 'workbench lazy chunks gzip (ExcelJS, information)', sizes.workbench.lazy.gzip, 'B');
      s.lines.push(`Workbench: ${sizes.workbench.source}; no budget (served from localhost, GPL-3.0 artefact).`);
    } else {
      s.lines.push('Workbench: not measured (no dist-workbench/; a full run builds it).');
    }
    s.lines.push(`Builds took ${sizes.seconds.toFixed(0)} s.`);
  }
  targets = { cliRatio, flatness, largest, perClaim, scenarioRows };
}

// ---- 6. a 20,000-formula workbook in the CLI and in the workbench ------------------------------
{
  progress(`${onlyWorkbook ? '' : '6/6 '}real-size workbook (scripts/bench-workbook.js)`);
  const s = section(
    `CLI start-up, and a ${(quick ? 2000 : 20000).toLocaleString('en-US')}-formula workbook in the CLI and in the workbench`,
    'start-up: whole runs of `cyberbi calc` on a 3-cell CSV and the CPIC example, with and without the compile cache, beside Node alone and npx (median). The workbook: a generated .xlsx (CPIC scenario rows: six CYBER functions and VLOOKUP, ROUND, IF, SUM per row); `cyberbi calc` as a whole process with its phases (CYBERBI_TRACE), and the workbench model (src/workbench, in Node) opening, reading, editing one input and saving; each in its own process, peak RSS of that process. Lower is better.',
  );
  const result = benchWorkbook({ quick, progress });
  for (const r of result.rows) record(s, r.key, r.value, r.unit);
  s.lines.push(...result.lines);
}

// ---- 7. big honest files: time and memory per cell, and the CLI's memory budget ---------------
if (!onlyWorkbook) {
  progress('7 big files (scripts/bench-bigfiles.js)');
  const s = section(
    `Big files in the CLI: CSV and .xlsx of ${quick ? '100k' : '100k and 1M'} cells`,
    '`cyberbi calc` as a whole process on generated files of 10 columns (numbers, short texts, formulas), each in its own child; per cell: time and peak RSS above a one-cell file of the same format. These per-cell costs are what the CLI\'s memory budget (src/cli/budget.ts) estimates a file from before building it. Lower is better.',
  );
  const result = benchBigFiles({ quick, progress });
  for (const r of result.rows) record(s, r.key, r.value, r.unit);
  s.lines.push(...result.lines);
}

// ---- report ----------------------------------------------------------------------------------
const header = ['figure', 'this run', 'baseline', 'this ÷ baseline'];
const widths = header.map((h) => h.length);
for (const s of sections) for (const r of s.rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i], c.length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`machine: ${system.summary}; ${system.os}`);
console.log(`baseline: ${baseline ? `${baseline.machine}, ${baseline.date}` : 'none (run with --save to record one)'}`);
console.log('calls/s: higher is better; s, µs, ×, KiB: lower is better.');
for (const s of sections) {
  console.log(`\n== ${s.title} ==`);
  console.log(line(header));
  for (const r of s.rows) console.log(line(r));
  for (const l of s.lines) console.log(l);
}
if (missing.length) console.log(`\nNo bench arguments yet for: ${missing.join(', ')} (add them to scripts/bench-args.js).`);
const totalSeconds = (Date.now() - started) / 1000;
console.log(`\nbench took ${totalSeconds.toFixed(0)} s${quick ? ' (--quick)' : ''}.`);
if (save) {
  fs.mkdirSync(path.dirname(baselineFile), { recursive: true });
  fs.writeFileSync(baselineFile, JSON.stringify(current, null, 2) + '\n');
  console.log(`saved baseline to ${path.relative(root, baselineFile)}`);
}
if (writeDoc) {
  const file = writePerformanceDoc({
    current,
    baseline,
    savedNow: save,
    sections,
    bundles: bundleReport,
    targets,
    seconds: totalSeconds,
  });
  console.log(`wrote ${path.relative(root, file)}`);
}
if (sink === 0.5) console.log(''); // keeps the sink alive
