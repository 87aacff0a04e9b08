#!/usr/bin/env node
/**
 * The section-11 part of `npm run bench` (issue 14 item 2): CYBER.SIMULATE on the bench model — a
 * 6-cover tree with sub-aggregates (one nesting "aggregate"), the largest deductible per event, a
 * policy per-claim and aggregate limit, Poisson 1.5 events a year, six event rows (lognormal and
 * Lomax severities):
 *
 *   1. years per second of the hot loop (`runSimulation`: draw, round to the cent, settle in
 *      integer units, keep the years' totals, then every statistic), one core;
 *   2. 100,000 years with every statistic (stats, aep and oep cells) through `cyberbi calc` on a
 *      generated CSV, as a whole process, beside the same model in plain JavaScript numbers
 *      (Math.random, Math.exp, float settlement, the same statistics): the speed-of-light
 *      reference; the ratio is the figure that matters. The reference's AAL must agree with the
 *      engine's within 5 standard errors first, so both sides compute the same model;
 *   3. peak memory of 1,000,000 years above the baseline (a child process: maxRSS after the run
 *      minus the RSS before it, engine loaded and model built);
 *   1b. the same hot loop with the Philox blocks in JavaScript (a child process without
 *      WebAssembly: what our pages run in a webview that does not know 'wasm-unsafe-eval' and so
 *      refuses the compile their Content-Security-Policy allows, scripts/csp.js; the values are
 *      the same, src/stochastic/philoxWasm.ts);
 *   4. the time one 1,000,000-year SIMULATE cell takes in a HyperFormula sheet (the workbench's
 *      evaluator), beside the same sheet with a 1-year cell, with the Philox blocks in
 *      WebAssembly as the workbench page computes them: the proxy for the workbench freeze.
 *
 *   node scripts/bench-simulate.js [--quick] [--lib <dir>]   (needs lib/: npm run build:cli; --lib
 *   measures another build of the engine, e.g. .lib-<you> from `tsc -p tsconfig.cli.json --outDir`)
 *
 * The hot loop is also reported in CPU time (process.cpuUsage, best of the runs): on a shared
 * machine the wall clock counts the time other processes held the core.
 *
 * bench.js calls benchSimulate({ quick, progress }) and prints its rows as a section.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const libArg = process.argv.indexOf('--lib');
let lib = libArg > 0 && process.argv[libArg + 1] ? path.resolve(process.argv[libArg + 1]) : path.join(root, 'lib');

// ---- the bench model ----------------------------------------------------------------------------

/** covers: id, parent, per event, aggregate, deductible, nesting. */
const COVERS = [
  ['FP', null, 5000000, 10000000, 50000, 'all'],
  ['BI', 'FP', 2000000, 4000000, 100000, 'all'],
  ['CBI', 'BI', 500000, 1000000, 25000, 'aggregate'],
  ['TP', null, 5000000, 8000000, 25000, 'all'],
  ['DATA', 'TP', 3000000, 5000000, 0, 'all'],
  ['PCI', 'DATA', 250000, 500000, 10000, 'aggregate'],
];
/** events: cover id, probability, severity [family, p1, p2]. */
const EVENTS = [
  ['BI', 0.6, ['lognormal', 12, 1.5]],
  ['CBI', 0.3, ['lognormal', 11, 1.2]],
  ['DATA', 0.5, ['lomax', 2.5, 200000]],
  ['PCI', 0.2, ['lognormal', 10, 1]],
  ['TP', 0.3, ['lognormal', 11.5, 1]],
  ['FP', 0.25, ['lomax', 3, 100000]],
];
const LAMBDA = 1.5;
const POLICY_AGGREGATE = 15000000;
const POLICY_PER_CLAIM = 6000000;
const FREQUENCY = `poisson(${LAMBDA})`;
const sevText = ([f, a, b]) => `${f}(${a},${b})`;

function engineArgs() {
  return [FREQUENCY, EVENTS.map(([c, p, s]) => [c, p, sevText(s)]), COVERS, POLICY_AGGREGATE, POLICY_PER_CLAIM];
}

// ---- the plain-JavaScript reference -------------------------------------------------------------

/** Acklam's normal quantile (relative error 1.15e-9). */
function phiInv(p) {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * The same model in plain numbers: Math.random, Poisson by multiplying uniforms, losses in
 * floats (no cents), the settlement of ALLOCATE in floats, then the same statistics (sorted
 * years, type-7 VaR, TVaR, AEP, OEP).
 */
function plainSimulate(years) {
  const index = new Map(COVERS.map((c, i) => [c[0], i]));
  const parent = COVERS.map((c) => (c[1] === null ? -1 : index.get(c[1])));
  const paths = COVERS.map((_, i) => {
    const p = [];
    for (let k = i; k >= 0; k = parent[k]) p.push(k);
    return p;
  });
  const reach = paths.map((p) => {
    const stop = p.findIndex((k) => COVERS[k][5] === 'aggregate');
    return stop < 0 ? p.length : stop + 1;
  });
  const per = COVERS.map((c) => c[2] ?? Infinity);
  const agg = COVERS.map((c) => c[3] ?? Infinity);
  const ded = COVERS.map((c) => c[4] ?? 0);
  const rows = EVENTS.map(([c, p, [f, a, b]]) => ({
    cover: index.get(c),
    p,
    draw: f === 'lognormal' ? (u) => Math.exp(a + b * phiInv(u)) : (u) => b * (Math.pow(1 - u, -1 / a) - 1),
  }));
  const limitExp = Math.exp(-LAMBDA);
  const paid = new Float64Array(years);
  const maxEvent = new Float64Array(years);
  const aggRem = new Float64Array(COVERS.length);
  const evRem = new Float64Array(COVERS.length);
  const hitCover = new Int32Array(rows.length);
  const hitAmount = new Float64Array(rows.length);
  let events = 0;
  for (let y = 0; y < years; y++) {
    let n = 0;
    for (let prod = Math.random(); prod > limitExp; prod *= Math.random()) n++;
    events += n;
    for (let k = 0; k < agg.length; k++) aggRem[k] = agg[k];
    let policyAgg = POLICY_AGGREGATE;
    let total = 0;
    let largest = 0;
    for (let e = 0; e < n; e++) {
      let hits = 0;
      for (const r of rows) {
        if (Math.random() < r.p) {
          hitCover[hits] = r.cover;
          hitAmount[hits] = r.draw(Math.random());
          hits++;
        }
      }
      let d = 0;
      for (let i = 0; i < hits; i++) if (ded[hitCover[i]] > d) d = ded[hitCover[i]];
      for (let k = 0; k < per.length; k++) evRem[k] = per[k];
      let policyEvent = POLICY_PER_CLAIM;
      let eventPaid = 0;
      for (let i = 0; i < hits; i++) {
        const c = hitCover[i];
        let taken = 0;
        if (ded[c] !== 0) {
          taken = Math.min(d, hitAmount[i]);
          d -= taken;
        }
        let pay = hitAmount[i] - taken;
        const path = paths[c];
        for (let j = 0; j < path.length; j++) {
          const k = path[j];
          if (j < reach[c]) pay = Math.min(pay, evRem[k]);
          pay = Math.min(pay, aggRem[k]);
        }
        pay = Math.max(0, Math.min(pay, policyEvent, policyAgg));
        for (let j = 0; j < path.length; j++) {
          const k = path[j];
          if (j < reach[c]) evRem[k] -= pay;
          aggRem[k] -= pay;
        }
        policyEvent -= pay;
        policyAgg -= pay;
        eventPaid += pay;
      }
      total += eventPaid;
      if (eventPaid > largest) largest = eventPaid;
    }
    paid[y] = total;
    maxEvent[y] = largest;
  }
  // Every statistic of the three cells: stats, aep, oep.
  let sum = 0;
  for (let i = 0; i < years; i++) sum += paid[i];
  const mean = sum / years;
  let ss = 0;
  for (let i = 0; i < years; i++) ss += (paid[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (years - 1));
  paid.sort();
  maxEvent.sort();
  const q7 = (a, p) => {
    const h = (a.length - 1) * p;
    const j = Math.floor(h);
    return j + 1 < a.length ? a[j] + (h - j) * (a[j + 1] - a[j]) : a[j];
  };
  const tvar = (p) => {
    const k = Math.ceil((1 - p) * years);
    let s = 0;
    for (let i = years - k; i < years; i++) s += paid[i];
    return s / k;
  };
  const stats = [mean, sd, sd / Math.sqrt(years), paid.filter((x) => x > 0).length / years, ...[0.9, 0.95, 0.99, 0.995, 0.996].map((p) => q7(paid, p)), tvar(0.99), tvar(0.995), paid[years - 1], events / years];
  const periods = [2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  return { mean, se: sd / Math.sqrt(years), stats, aep: periods.map((T) => q7(paid, 1 - 1 / T)), oep: periods.map((T) => q7(maxEvent, 1 - 1 / T)) };
}

// ---- measurements -------------------------------------------------------------------------------

function best(n, f) {
  let t = Infinity;
  let cpu = Infinity;
  let out;
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    out = f();
    t = Math.min(t, Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
  }
  return { seconds: t, cpuSeconds: cpu, out };
}

/** A CSV sheet: covers A1:F7 and events A8:C14 (with headers), the stats, aep and oep cells in column H. */
function modelCsv(years, seed = 1) {
  const q = (s) => `"${String(s).replace(/"/g, '""')}"`;
  const call = (output) => `=CYBER.SIMULATE("${FREQUENCY}",A8:C14,A1:F7,${POLICY_AGGREGATE},${POLICY_PER_CLAIM},${years},${seed}${output ? `,"${output}"` : ''})`;
  const lines = [];
  lines.push(['id', 'parent', 'per event', 'aggregate', 'deductible', 'nesting', '', q(call())].join(','));
  COVERS.forEach((c) => lines.push(c.map((v) => (v === null ? '' : v)).join(',')));
  lines.push('cover,probability,severity');
  EVENTS.forEach(([c, p, s]) => lines.push([c, p, q(sevText(s))].join(',')));
  while (lines.length < 20) lines.push('');
  lines.push(['', '', '', '', '', '', '', q(call('aep'))].join(','));
  while (lines.length < 40) lines.push('');
  lines.push(['', '', '', '', '', '', '', q(call('oep'))].join(','));
  return lines.join('\n') + '\n';
}

/**
 * Asks the engine under test for its Philox blocks in WebAssembly, as the CLI does (no page
 * policy here); returns whether it uses them (builds before src/stochastic/philoxWasm.ts: no).
 */
function useWasm(on) {
  const engine = require(path.join(lib, 'engine'));
  return typeof engine.usePhiloxWasm === 'function' ? engine.usePhiloxWasm(on) : false;
}

/** Child process: the hot loop with the JavaScript Philox blocks (WebAssembly not asked for), best CPU time of `reps` runs. */
function childNoWasm(years, reps) {
  useWasm(false);
  const { prepareSimulation, runSimulation } = require(path.join(lib, 'engine'));
  const model = prepareSimulation(engineArgs()).value.model;
  runSimulation(model, { years: 20000, seed: 3 }); // warm
  const loop = best(reps, () => runSimulation(model, { years, seed: 1 }));
  process.stdout.write(JSON.stringify({ wasm: useWasm(false), seconds: loop.seconds, cpuSeconds: loop.cpuSeconds, mean: loop.out.scopes[0].stats.mean }));
}

/** Child process: peak memory of one run of `years`, above the RSS before it. */
function childMemory(years) {
  const { evaluate } = require(path.join(lib, 'engine'));
  useWasm(true); // as the CLI runs (its memory counted)
  const args = engineArgs();
  evaluate('SIMULATE', [...args, 10, 2]); // engine loaded and warm
  if (globalThis.gc) globalThis.gc();
  const before = process.memoryUsage().rss;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const o = evaluate('SIMULATE', [...args, years, 1]);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ ok: o.ok, before, peakBefore, peak, above: peak - Math.max(before, peakBefore) }));
}

function benchSimulate({ quick = false, progress = () => {}, libDir } = {}) {
  if (libDir) lib = path.resolve(libDir);
  const { prepareSimulation, runSimulation } = require(path.join(lib, 'engine'));
  const { evaluateSheet } = require(path.join(lib, 'sheet', 'workbook'));
  const rows = [];
  const lines = [];
  const prepared = prepareSimulation(engineArgs());
  if (!prepared.ok) throw new Error(`bench model: ${prepared.error.message.en}`);
  const model = prepared.value.model;
  // As the CLI (src/cli/main.ts) and our pages (src/workbench/index.tsx, the Simulate worker; their
  // CSP allows the compile, scripts/csp.js) run it; only section 1b runs the JavaScript blocks.
  const wasm = useWasm(true);

  // 1. the hot loop
  const loopYears = quick ? 100000 : 1000000;
  progress(`section 11: hot loop, ${loopYears.toLocaleString('en-US')} years`);
  runSimulation(model, { years: 20000, seed: 3 }); // warm
  const loop = best(quick ? 1 : 3, () => runSimulation(model, { years: loopYears, seed: 1 }));
  const rate = loopYears / loop.seconds;
  rows.push({ key: 'SIMULATE hot loop, years/s (6 covers, 1.5 events/year)', value: rate, unit: '/s' });
  const cpuRate = loopYears / loop.cpuSeconds;
  rows.push({ key: 'SIMULATE hot loop, years/s of CPU time (6 covers, 1.5 events/year)', value: cpuRate, unit: '/s' });
  lines.push(
    `Hot loop: ${loopYears.toLocaleString('en-US')} years in ${loop.seconds.toFixed(3)} s = ${Math.round(rate).toLocaleString('en-US')} years/s (target ≥ 1,000,000); CPU time ${loop.cpuSeconds.toFixed(3)} s = ${Math.round(cpuRate).toLocaleString('en-US')} years/s (${(1e6 / cpuRate).toFixed(3)} µs a year); AAL ${loop.out.scopes[0].stats.mean.toFixed(2)}; Philox blocks in ${wasm ? 'WebAssembly' : 'JavaScript'}.`,
  );

  // 1b. the hot loop with the JavaScript Philox blocks (no WebAssembly), in a child process
  if (wasm) {
    progress(`section 11: hot loop without WebAssembly, ${loopYears.toLocaleString('en-US')} years`);
    const c = spawnSync(process.execPath, [path.join(__dirname, 'bench-simulate.js'), '--child-nowasm', String(loopYears), String(quick ? 1 : 3), '--lib', lib], { encoding: 'utf8' });
    if (c.status !== 0) throw new Error(`no-WebAssembly child failed: ${c.stderr}`);
    const js = JSON.parse(c.stdout);
    if (js.wasm || js.mean !== loop.out.scopes[0].stats.mean) throw new Error(`the JavaScript blocks gave AAL ${js.mean}, WebAssembly ${loop.out.scopes[0].stats.mean}`);
    const jsRate = loopYears / js.cpuSeconds;
    rows.push({ key: 'SIMULATE hot loop without WebAssembly (CSP), years/s of CPU time', value: jsRate, unit: '/s' });
    lines.push(`Hot loop with the Philox blocks in JavaScript (as the workbench and the task pane run it in a webview that does not know 'wasm-unsafe-eval' and refuses the compile): CPU time ${js.cpuSeconds.toFixed(3)} s = ${Math.round(jsRate).toLocaleString('en-US')} years/s (${(1e6 / jsRate).toFixed(3)} µs a year); the same AAL.`);
  }

  // 2. cyberbi calc on 100,000 years with every statistic, beside plain JavaScript
  const cliYears = quick ? 20000 : 100000;
  progress(`section 11: cyberbi calc, ${cliYears.toLocaleString('en-US')} years, stats + aep + oep`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-bench-sim-'));
  const file = path.join(dir, 'simulate.csv');
  fs.writeFileSync(file, modelCsv(cliYears));
  const bin = path.join(root, 'bin', 'cyberbi.js');
  // Another build (--lib) runs its own cli/main.js (without bin/'s compile cache).
  const cliArgs = lib === path.join(root, 'lib') ? [bin, 'calc', file] : ['-e', `require(${JSON.stringify(path.join(lib, 'cli', 'main.js'))}).run(['calc', ${JSON.stringify(file)}])`];
  let cliOut = '';
  const cli = best(3, () => {
    const r = spawnSync(process.execPath, cliArgs, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`cyberbi calc failed: ${r.stderr}`);
    cliOut = r.stdout;
  });
  const plain = best(3, () => plainSimulate(cliYears));
  const first = cliOut.split('\n').map((l) => l.split(','));
  const engineMean = Number(first[0][8]);
  const engineSe = Number(first[2][8]);
  const diff = Math.abs(plain.out.mean - engineMean);
  const se = Math.hypot(plain.out.se, engineSe);
  if (!(diff < 5 * se)) throw new Error(`the plain reference's AAL ${plain.out.mean} is ${(diff / se).toFixed(1)} standard errors from the engine's ${engineMean}`);
  rows.push({ key: `SIMULATE ${cliYears.toLocaleString('en-US')} years, every statistic, cyberbi calc (s)`, value: cli.seconds, unit: 's' });
  rows.push({ key: `SIMULATE ${cliYears.toLocaleString('en-US')} years, plain JS reference (s)`, value: plain.seconds, unit: 's' });
  rows.push({ key: 'SIMULATE cyberbi calc ÷ plain JS', value: cli.seconds / plain.seconds, unit: '×' });
  lines.push(
    `cyberbi calc, ${cliYears.toLocaleString('en-US')} years, stats + aep + oep cells (one simulation), whole process: ${cli.seconds.toFixed(3)} s (target < 0.5 s); plain JS reference (Math.random, floats, same statistics): ${plain.seconds.toFixed(3)} s; ratio ${(cli.seconds / plain.seconds).toFixed(2)}×. AAL engine ${engineMean.toFixed(0)}, plain ${plain.out.mean.toFixed(0)} (${(diff / se).toFixed(1)} standard errors apart).`,
  );
  fs.rmSync(dir, { recursive: true, force: true });

  // 3. memory of 1,000,000 years
  const memYears = quick ? 200000 : 1000000;
  progress(`section 11: memory, ${memYears.toLocaleString('en-US')} years`);
  const child = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'bench-simulate.js'), '--child-memory', String(memYears), '--lib', lib], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  const mem = JSON.parse(child.stdout);
  rows.push({ key: `SIMULATE ${memYears.toLocaleString('en-US')} years, peak memory above baseline`, value: mem.above, unit: 'MiB' });
  lines.push(`Memory: ${memYears.toLocaleString('en-US')} years peak ${(mem.above / 2 ** 20).toFixed(1)} MiB above the RSS before the run (target < 64 MB); the run keeps only each year's paid and largest event (16 bytes a year) and its statistics.`);

  // 4. one 1,000,000-year cell in a HyperFormula sheet, with the Philox blocks in WebAssembly, as
  // the workbench page computes it (its CSP has 'wasm-unsafe-eval', scripts/csp.js; the page entry
  // asks for them, src/workbench/index.tsx).
  const cellWasm = useWasm(true);
  const cellYears = quick ? 100000 : 1000000;
  progress(`section 11: a ${cellYears.toLocaleString('en-US')}-year cell in a HyperFormula sheet`);
  const sheet = (years, seed) => {
    const cells = [];
    COVERS.forEach((c, r) => (cells[r] = [...c]));
    cells[7] = ['cover', 'probability', 'severity'];
    EVENTS.forEach(([c, p, s], r) => (cells[8 + r] = [c, p, sevText(s)]));
    cells[0][7] = `=CYBER.SIMULATE("${FREQUENCY}",A9:C14,A1:F6,${POLICY_AGGREGATE},${POLICY_PER_CLAIM},${years},${seed})`;
    return cells;
  };
  let seed = 100;
  const small = best(3, () => evaluateSheet(sheet(1, seed++)));
  const big = best(quick ? 1 : 2, () => evaluateSheet(sheet(cellYears, seed++)));
  const value = big.out[0][8];
  if (typeof value !== 'number') throw new Error(`the sheet's SIMULATE cell gave ${JSON.stringify(value)}`);
  rows.push({ key: `SIMULATE ${cellYears.toLocaleString('en-US')}-year cell in a HyperFormula sheet (s)`, value: big.seconds, unit: 's' });
  lines.push(`A ${cellYears.toLocaleString('en-US')}-year SIMULATE cell in a HyperFormula sheet: ${big.seconds.toFixed(3)} s to build and evaluate the sheet (the same sheet with a 1-year cell: ${small.seconds.toFixed(3)} s) — the proxy for the workbench freeze (target about 1 s; Philox blocks in ${cellWasm ? 'WebAssembly, as the workbench page computes them' : 'JavaScript: this build cannot compile the WebAssembly module'}).`);
  return { rows, lines };
}

module.exports = { benchSimulate, plainSimulate, modelCsv, COVERS, EVENTS };

if (require.main === module) {
  if (process.argv[2] === '--child-memory') {
    childMemory(Number(process.argv[3]));
  } else if (process.argv[2] === '--child-nowasm') {
    childNoWasm(Number(process.argv[3]), Number(process.argv[4]));
  } else {
    const quick = process.argv.includes('--quick');
    const { rows, lines } = benchSimulate({ quick, progress: (t) => process.stderr.write(`bench: ${t}\n`) });
    for (const r of rows) console.log(`${r.key}: ${r.unit === 'MiB' ? `${(r.value / 2 ** 20).toFixed(1)} MiB` : r.unit === '/s' ? `${Math.round(r.value).toLocaleString('en-US')}/s` : r.value.toFixed(3) + (r.unit === '×' ? '×' : ' s')}`);
    for (const l of lines) console.log(l);
  }
}
