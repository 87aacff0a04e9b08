#!/usr/bin/env node
/**
 * The CLI's start-up (whole runs on a 3-cell CSV and the CPIC example, with and without the
 * compile cache, beside Node alone and npx; median of 11), and the bench's real-size workbook
 * (issue 11 item 4): a generated .xlsx of 20,000 formulas (2,000
 * scenario rows × 10: the CPIC chain of six CYBER functions, PROFITRATE → … → BIPAYOUT, and four
 * standard formulas — VLOOKUP into a rates sheet, ROUND, IF and SUM — in each row), measured
 *
 *   - in the CLI: `cyberbi calc` on one sheet and with --all-sheets (whole process: start, read,
 *     evaluate, print), the phases as the CLI's own CYBERBI_TRACE line reports them, and the
 *     process's peak RSS;
 *   - in the workbench's model (src/workbench/model.ts and xlsx.ts, DOM-free, run in Node):
 *     open the file into the model (ExcelJS read + every formula evaluated), read every value
 *     back, edit one input (the recalculation it causes), save (the in-place package update), and
 *     the process's peak RSS.
 *
 * Each is its own child process, so the peak RSS is that of the work measured (read from
 * process.resourceUsage() at exit by scripts/bench-rss.js, preloaded with --require). The
 * workbench's TypeScript is transpiled (typescript.transpileModule, no type check) into a
 * temporary directory first; the child loads that JavaScript, never TypeScript.
 *
 * The figures are checked before they are recorded: the workbench and the CLI must compute the
 * same value in every formula cell of the model sheet (relative 1e-9), and the saved file must
 * read back with the edited input.
 *
 *   node scripts/bench-workbook.js [--quick]     this section alone, printed as a table
 *   (npm run bench runs it as its section 6; npm run bench -- --only workbook runs only it)
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const RSS_HOOK = path.join(__dirname, 'bench-rss.js');
const SELF = path.join(__dirname, 'bench-workbook.js');

/** Scenario rows and formulas per row of the generated workbook. */
const FORMULAS_PER_ROW = 10;
const FULL_FORMULAS = 20000;
const QUICK_FORMULAS = 2000;

// Columns A..N: the scenario inputs of scripts/bench-scenario.js; O..T: the CYBER chain; U..X the
// standard formulas.
const CYBER = [
  'CYBER.PROFITRATE(A{r},B{r},C{r},D{r})',
  'CYBER.INSUREDRATIO(A{r},B{r},C{r},D{r})',
  'CYBER.REVENUEREDUCTION(E{r},F{r})',
  'CYBER.LOSTPROFIT(Q{r},O{r},G{r})',
  'CYBER.PREVENTIONCOST(H{r},P{r},I{r},O{r})',
  'CYBER.BIPAYOUT(R{r}+S{r},J{r},K{r},L{r},M{r},O{r},P{r},N{r})',
];
const STANDARD = ['VLOOKUP(J{r},Rates!$A$2:$B$6,2,TRUE)', 'ROUND(T{r}*(1+U{r}),2)', 'IF(T{r}>0,"paid","nil")', 'SUM(Q{r}:T{r})'];

function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Writes the workbook (Model, Rates) with ExcelJS; cached results are 0, as the CLI ignores them. */
async function writeWorkbook(file, formulas) {
  const ExcelJS = require('exceljs');
  const rows = Math.ceil(formulas / FORMULAS_PER_ROW);
  const rnd = lcg(20261201);
  const wb = new ExcelJS.Workbook();
  const model = wb.addWorksheet('Model');
  const header = ['revenue', 'expenses', 'maintenance', 'insured_maintenance', 'standard_revenue', 'actual_revenue', 'saved_costs', 'prevention_expense', 'avoided_reduction', 'deductible', 'sum_insured', 'limit', 'annual_revenue', 'paid_to_date', 'profit_rate', 'insured_ratio', 'revenue_reduction', 'lost_profit', 'prevention_cost', 'payout', 'loading', 'loaded_payout', 'status', 'chain_total'];
  model.addRow(header);
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const revenue = 10000000 + Math.round(rnd() * 90000000);
    const expenses = Math.round(revenue * (0.8 + rnd() * 0.3));
    const maintenance = Math.round(expenses * (0.2 + rnd() * 0.3));
    const insured = Math.round(maintenance * (0.5 + rnd() * 0.5));
    const standard = Math.round((revenue / 12) * (0.9 + rnd() * 0.3));
    const actual = Math.round(standard * rnd() * 0.8);
    const sumInsured = Math.round(revenue * (0.05 + rnd() * 0.3));
    const values = [revenue, expenses, maintenance, insured, standard, actual, Math.round(rnd() * 50000), Math.round(rnd() * 300000), Math.round(rnd() * 1000000), 50000 + Math.round(rnd() * 50000), sumInsured, Math.round(sumInsured * (0.3 + rnd() * 0.7)), Math.round(revenue * (0.95 + rnd() * 0.2)), rnd() < 0.2 ? Math.round(sumInsured * 0.3 * rnd()) : 0];
    const cells = [...values, ...[...CYBER, ...STANDARD].map((f) => ({ formula: f.replace(/\{r\}/g, String(r)), result: 0 }))];
    model.addRow(cells.slice(0, 14 + Math.min(FORMULAS_PER_ROW, formulas - i * FORMULAS_PER_ROW)));
  }
  const rates = wb.addWorksheet('Rates');
  rates.addRow(['deductible from', 'loading']);
  [[0, 0.02], [60000, 0.03], [70000, 0.04], [80000, 0.05], [90000, 0.06]].forEach((row) => rates.addRow(row));
  await wb.xlsx.writeFile(file);
  return { rows, formulas };
}

/** The MiB of a byte count, for messages. */
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Runs node with the RSS hook; returns wall seconds, the child's peak RSS (bytes) and its output. */
function runNode(args, env = {}) {
  const rssFile = path.join(os.tmpdir(), `cyberbi-bench-rss-${process.pid}-${Date.now()}.json`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', RSS_HOOK, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env, CYBERBI_BENCH_RSS_FILE: rssFile },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  let rss = NaN;
  try {
    rss = JSON.parse(fs.readFileSync(rssFile, 'utf8')).maxRSS;
    fs.rmSync(rssFile, { force: true });
  } catch {
    /* reported as NaN */
  }
  return { seconds, rss, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI's CYBERBI_TRACE line → seconds per phase. */
function tracePhases(stderr) {
  const m = /read ([\d.]+) ms, load the evaluator ([\d.]+) ms, evaluate ([\d.]+) ms, print ([\d.]+) ms/.exec(stderr);
  if (!m) throw new Error(`no CYBERBI_TRACE line from cyberbi calc: ${stderr}`);
  return { read: Number(m[1]) / 1000, load: Number(m[2]) / 1000, evaluate: Number(m[3]) / 1000, print: Number(m[4]) / 1000 };
}

/** `runs` runs of cyberbi calc; the figures of the fastest, the largest peak RSS of all. */
function measureCli(file, extra, runs) {
  let best;
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const r = runNode([path.join(root, 'bin', 'cyberbi.js'), 'calc', file, '--format', 'json', ...extra], { CYBERBI_TRACE: '1' });
    rss = Math.max(rss, r.rss);
    if (!best || r.seconds < best.seconds) best = r;
  }
  return { seconds: best.seconds, phases: tracePhases(best.stderr), rss, output: JSON.parse(best.stdout) };
}

/** The median wall time, in seconds, of `runs` runs of a command (the output is not kept). */
function medianRun(command, args, runs, env = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
}

/**
 * Start-up: the median of `runs` whole runs on a 3-cell CSV and on the CPIC example .xlsx, with
 * the compile cache (warmed by one run first) and without it, beside plain `node -e 0` and
 * `npx cyberbi` (npm's own start-up included).
 */
function measureStartup(dir, runs) {
  const csv = path.join(dir, 'small.csv');
  fs.writeFileSync(csv, 'a,b\n1,=A1*2\n"=CYBER.LAYER(100,10,50)",x\n');
  const xlsx = path.join(root, 'examples', 'cpic-network-interruption.xlsx');
  const bin = path.join(root, 'bin', 'cyberbi.js');
  const cache = { CYBERBI_COMPILE_CACHE: path.join(dir, 'compile-cache') };
  const off = { CYBERBI_COMPILE_CACHE: 'off' };
  medianRun(process.execPath, [bin, 'calc', csv], 1, cache);
  medianRun(process.execPath, [bin, 'calc', xlsx], 1, cache);
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  return [
    { key: 'start-up: node -e 0 (Node alone)', value: medianRun(process.execPath, ['-e', '0'], runs), unit: 's' },
    { key: 'start-up: node bin/cyberbi.js --help', value: medianRun(process.execPath, [bin, '--help'], runs, cache), unit: 's' },
    { key: 'start-up: calc 3-cell CSV, compile cache', value: medianRun(process.execPath, [bin, 'calc', csv], runs, cache), unit: 's' },
    { key: 'start-up: calc 3-cell CSV, no compile cache', value: medianRun(process.execPath, [bin, 'calc', csv], runs, off), unit: 's' },
    { key: 'start-up: calc CPIC example .xlsx, compile cache', value: medianRun(process.execPath, [bin, 'calc', xlsx], runs, cache), unit: 's' },
    { key: 'start-up: calc CPIC example .xlsx, no compile cache', value: medianRun(process.execPath, [bin, 'calc', xlsx], runs, off), unit: 's' },
    { key: 'start-up: npx cyberbi calc 3-cell CSV (npm included)', value: medianRun(npx, ['--no-install', 'cyberbi', 'calc', csv], runs, cache), unit: 's' },
  ];
}

/** The workbench's TypeScript (src/, no tests, no .tsx) as CommonJS in `dir`. */
function transpileSources(dir) {
  const ts = require('typescript');
  const walk = (d) =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(d, e.name);
      if (e.isDirectory()) return walk(full);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
    });
  for (const src of walk(path.join(root, 'src'))) {
    const out = path.join(dir, path.relative(root, src)).replace(/\.ts$/, '.js');
    const { outputText } = ts.transpileModule(fs.readFileSync(src, 'utf8'), {
      fileName: src,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true },
    });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, outputText);
  }
}

/** The child: open, read, edit, save in the workbench model; prints its figures as JSON. */
async function workbenchChild(file, compiled, savedFile) {
  const t = () => process.hrtime.bigint();
  const s = (a, b) => Number(b - a) / 1e9;
  const t0 = t();
  const ExcelJS = require('exceljs');
  const { openXlsx, saveXlsx } = require(path.join(compiled, 'src', 'workbench', 'xlsx.js'));
  const t1 = t();
  const bytes = fs.readFileSync(file);
  const model = await openXlsx(new Uint8Array(bytes), ExcelJS);
  const t2 = t();
  const values = {};
  for (const name of model.sheetNames()) {
    const size = model.usedSize(name);
    values[name] = size.rows && size.cols ? model.getValues(name, { row: 0, col: 0 }, { row: size.rows - 1, col: size.cols - 1 }) : [];
  }
  const t3 = t();
  // One input edited: Model!A2 (revenue of the first scenario) feeds its row's ten formulas.
  model.setInput('Model', 1, 0, 12345678);
  const edited = model.getValue('Model', 1, 14);
  const t4 = t();
  const saved = await saveXlsx(model, ExcelJS);
  const t5 = t();
  fs.writeFileSync(savedFile, saved);
  process.stdout.write(
    JSON.stringify({ load: s(t0, t1), open: s(t1, t2), read: s(t2, t3), edit: s(t3, t4), save: s(t4, t5), savedBytes: saved.length, edited, model: values.Model }),
  );
}

/**
 * The section's figures: [{ key, value, unit }] and lines, for scripts/bench.js (or the table
 * this file prints when run alone).
 */
function benchWorkbook({ quick = false, progress = () => {} } = {}) {
  const formulas = quick ? QUICK_FORMULAS : FULL_FORMULAS;
  const runs = quick ? 1 : 3;
  const startupRuns = quick ? 3 : 11;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-bench-workbook-'));
  try {
    const file = path.join(dir, `workbook-${formulas}.xlsx`);
    progress(`generating a ${formulas.toLocaleString('en-US')}-formula workbook`);
    const gen = spawnSync(process.execPath, [SELF, '--generate', file, String(formulas)], { cwd: root, encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(`generating the workbook failed: ${gen.stderr}`);
    const { rows } = JSON.parse(gen.stdout);
    const size = fs.statSync(file).size;

    progress('cyberbi calc on it (one sheet, then --all-sheets)');
    const one = measureCli(file, [], runs);
    const all = measureCli(file, ['--all-sheets'], runs);
    const formulaCells = one.output.cells.filter((c) => c.formula !== undefined);
    if (formulaCells.length !== formulas) throw new Error(`the CLI printed ${formulaCells.length} formula cells, not ${formulas}`);
    const errors = formulaCells.filter((c) => c.type === 'error');
    if (errors.length) throw new Error(`${errors.length} formula cells are errors, e.g. ${JSON.stringify(errors[0])}: the bench would time error paths`);
    if (all.output.sheets.length !== 2) throw new Error(`--all-sheets printed ${all.output.sheets.length} sheets, not 2`);

    progress('the workbench model on it (open, read, edit, save)');
    const compiled = path.join(dir, 'compiled');
    transpileSources(compiled);
    const savedFile = path.join(dir, 'saved.xlsx');
    let wb;
    let wbRss = 0;
    for (let i = 0; i < runs; i++) {
      const r = runNode([SELF, '--workbench', file, compiled, savedFile], { NODE_PATH: path.join(root, 'node_modules') });
      const figures = JSON.parse(r.stdout);
      wbRss = Math.max(wbRss, r.rss);
      const total = figures.open + figures.read + figures.edit + figures.save;
      if (!wb || total < wb.total) wb = { ...figures, total, wall: r.seconds };
    }
    // The workbench and the CLI compute the same sheet (before the edit: row 2 is edited).
    let differ = 0;
    for (const c of formulaCells) {
      if (c.row === 2) continue;
      const v = wb.model[c.row - 1] && wb.model[c.row - 1][c.col - 1];
      const same = typeof c.value === 'number' ? typeof v === 'number' && Math.abs(v - c.value) <= 1e-9 * Math.max(1, Math.abs(c.value)) : v === c.value;
      if (!same) differ++;
    }
    if (differ) throw new Error(`the workbench and the CLI differ on ${differ} formula cells: the figures would compare unlike things`);
    const reread = spawnSync(process.execPath, [path.join(root, 'bin', 'cyberbi.js'), 'calc', savedFile], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (reread.status !== 0 || !reread.stdout.split('\n')[1].startsWith('12345678,')) throw new Error(`the saved workbook does not read back with the edit: ${reread.stderr || reread.stdout.split('\n')[1]}`);

    progress(`start-up (median of ${startupRuns} runs each)`);
    const startup = measureStartup(dir, startupRuns);

    const n = formulas.toLocaleString('en-US');
    const rowsOut = [
      ...startup,
      { key: `workbook ${n} formulas: cli calc one sheet (whole process)`, value: one.seconds, unit: 's' },
      { key: `workbook ${n} formulas: cli read .xlsx (ExcelJS loaded and parsing)`, value: one.phases.read, unit: 's' },
      { key: `workbook ${n} formulas: cli load HyperFormula and the functions`, value: one.phases.load, unit: 's' },
      { key: `workbook ${n} formulas: cli evaluate`, value: one.phases.evaluate, unit: 's' },
      { key: `workbook ${n} formulas: cli print JSON`, value: one.phases.print, unit: 's' },
      { key: `workbook ${n} formulas: cli peak RSS`, value: one.rss, unit: 'MiB' },
      { key: `workbook ${n} formulas: cli calc --all-sheets (whole process)`, value: all.seconds, unit: 's' },
      { key: `workbook ${n} formulas: cli --all-sheets evaluate`, value: all.phases.evaluate, unit: 's' },
      { key: `workbook ${n} formulas: cli --all-sheets peak RSS`, value: all.rss, unit: 'MiB' },
      { key: `workbook ${n} formulas: workbench open (read + evaluate)`, value: wb.open, unit: 's' },
      { key: `workbook ${n} formulas: workbench read every value`, value: wb.read, unit: 's' },
      { key: `workbook ${n} formulas: workbench edit one input`, value: wb.edit, unit: 's' },
      { key: `workbook ${n} formulas: workbench save`, value: wb.save, unit: 's' },
      { key: `workbook ${n} formulas: workbench peak RSS`, value: wbRss, unit: 'MiB' },
      { key: `workbook ${n} formulas: workbench open ÷ cli read + evaluate`, value: wb.open / (one.phases.read + one.phases.evaluate), unit: '×' },
    ];
    const lines = [
      `Start-up: median of ${startupRuns} runs each; the compile cache (bin/compile-cache.js) warmed by one run first; "no compile cache" is CYBERBI_COMPILE_CACHE=off. npx adds npm's own start-up: in scripts, run node bin/cyberbi.js or node_modules/.bin/cyberbi.`,
      `The workbook: ${rows.toLocaleString('en-US')} scenario rows × ${FORMULAS_PER_ROW} formulas on sheet Model (six CYBER functions, VLOOKUP into sheet Rates, ROUND, IF, SUM), ${(size / 1024).toFixed(0)} KiB; no formula cell is an error.`,
      `The workbench model and the CLI agree on every formula cell (relative 1e-9); the saved file reads back in the CLI with the edited input.`,
      `Workbench in Node (the model is DOM-free; the page adds rendering): modules loaded in ${wb.load.toFixed(3)} s, saved file ${(wb.savedBytes / 1024).toFixed(0)} KiB; the edit recalculates one row's ten formulas.`,
      `--all-sheets evaluates the workbook once, like one sheet: evaluate ${one.phases.evaluate.toFixed(3)} s for one sheet, ${all.phases.evaluate.toFixed(3)} s for both.`,
      `Peak RSS is the child process's (process.resourceUsage().maxRSS, scripts/bench-rss.js); times are the fastest of ${runs} run${runs === 1 ? '' : 's'}.`,
    ];
    return { rows: rowsOut, lines, formulas, mib };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { benchWorkbook, writeWorkbook, FULL_FORMULAS };

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--generate') {
    writeWorkbook(argv[1], Number(argv[2])).then(
      (r) => process.stdout.write(JSON.stringify(r)),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  } else if (argv[0] === '--workbench') {
    workbenchChild(argv[1], argv[2], argv[3]).catch((e) => {
      console.error(e);
      process.exit(1);
    });
  } else {
    const unknown = argv.filter((a) => a !== '--quick');
    if (unknown.length) {
      console.error(`bench-workbook: unknown option ${unknown.join(' ')} (known: --quick)`);
      process.exit(2);
    }
    const { rows, lines } = benchWorkbook({ quick: argv.includes('--quick'), progress: (t) => process.stderr.write(`bench-workbook: ${t}\n`) });
    for (const r of rows) console.log(`${r.key.padEnd(72)} ${r.unit === 'MiB' ? mib(r.value) : r.unit === '×' ? `${r.value.toFixed(2)}×` : `${r.value.toFixed(3)} s`}`);
    for (const l of lines) console.log(l);
  }
}
