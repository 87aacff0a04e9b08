#!/usr/bin/env node
/**
 * How long a 1,000,000-year CYBER.SIMULATE cell freezes the workbench (issue 14 item 2: "A cell
 * asking for 1,000,000 years must not freeze the workbench for more than about a second: measure
 * it"), measured in the page itself rather than through a proxy: the workbench as `npm start`
 * ships it (production build, served by scripts/serve-workbench.js under the page's own
 * Content-Security-Policy), in Debian's Chromium through playwright-core.
 *
 * The page opens a workbook holding the bench model (the covers tree and events table of
 * scripts/bench-simulate.js); the formula bar then enters a SIMULATE cell of 1,000,000 years (a new
 * seed each time, so nothing is remembered from a run before), and the page's own Long Tasks
 * observer (PerformanceObserver 'longtask': every stretch of 50 ms or more in which the page's
 * main thread answered nothing — no click, key or paint) reports the longest task from Enter to the
 * value in the grid. The same for a 1-year cell, the cost of entering any formula. The value shown
 * is checked against the engine's (lib/, the same seed) first.
 *
 *   node scripts/bench-workbench-freeze.js [--quick] [--runs N] [--json]   (needs Chromium at
 *   /usr/bin/chromium and lib/: npm run build:cli; CYBERBI_BENCH_DIST=<dir> reuses a workbench build)
 *
 * bench.js runs it as a child process (--json: { rows, lines } on stdout; the browser's API is
 * asynchronous, bench.js is not) and prints its rows in section 11.
 */
/* global window, document, performance, PerformanceObserver -- in functions evaluated in the page */
const { Buffer } = require('node:buffer');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { COVERS, EVENTS } = require('./bench-simulate');

const root = path.resolve(__dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const FREQUENCY = 'poisson(1.5)';
const POLICY_AGGREGATE = 15000000;
const POLICY_PER_CLAIM = 6000000;
const sevText = ([f, a, b]) => `${f}(${a},${b})`;
const formula = (years, seed) => `=CYBER.SIMULATE("${FREQUENCY}",A9:C14,A1:F6,${POLICY_AGGREGATE},${POLICY_PER_CLAIM},${years},${seed})`;

/** The bench model as an .xlsx: covers A1:F6, the events table A8:C14 (header row 8). */
async function modelXlsx() {
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Model');
  COVERS.forEach((c, r) => c.forEach((v, i) => v !== null && (ws.getCell(r + 1, i + 1).value = v)));
  ['cover', 'probability', 'severity'].forEach((v, i) => (ws.getCell(8, i + 1).value = v));
  EVENTS.forEach(([c, p, s], r) => {
    ws.getCell(9 + r, 1).value = c;
    ws.getCell(9 + r, 2).value = p;
    ws.getCell(9 + r, 3).value = sevText(s);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function buildWorkbench(out) {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--config', 'webpack.workbench.config.js', '--mode', 'production', '--env', `outputPath=${out}`], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`webpack failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
}

async function serve(dir) {
  const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve-workbench.js'), '--port', '0', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const base = await new Promise((resolve, reject) => {
    let text = '';
    server.stdout.on('data', (d) => {
      text += d.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(text);
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`serve-workbench exited with ${code}`)));
  });
  return { base, server };
}

/** The text the grid shows in a cell of the active sheet (rows near the top; the grid is virtualised). */
function cellText(page, col, row) {
  return page.evaluate(
    ([c, r]) => {
      const el = document.querySelector('.wb-grid .dsg-container');
      if (!el) return undefined;
      const header = Array.from(el.querySelectorAll('.dsg-row-header .dsg-cell')).map((x) => x.textContent ?? '');
      const i = header.indexOf(c);
      for (const line of el.querySelectorAll('.dsg-row:not(.dsg-row-header)')) {
        const cells = line.querySelectorAll(':scope > .dsg-cell');
        if ((cells[0]?.textContent ?? '') === String(r)) return cells[i]?.textContent ?? '';
      }
      return undefined;
    },
    [col, row],
  );
}

/**
 * Enters `text` in H1 through the formula bar and waits for I1 (the stats' first value) to show
 * `expected` (to the grid's ten or so significant digits). Returns the longest main-thread task in between
 * and the time from Enter to the value shown, in ms.
 */
async function enterAndMeasure(page, text, expected) {
  const bar = page.getByRole('textbox', { name: 'Formula bar' });
  // Select H1: the grid's cell under column H's header, in the row whose gutter reads 1.
  const colIndex = await page.locator('.wb-grid .dsg-row-header .dsg-cell').evaluateAll((cells) => cells.findIndex((x) => x.textContent === 'H'));
  const row = page.locator('.wb-grid .dsg-row:not(.dsg-row-header)').filter({ has: page.locator('.dsg-cell-gutter', { hasText: /^1$/ }) });
  await row.locator(':scope > .dsg-cell').nth(colIndex).click();
  for (const t = Date.now(); !/!H1$/.test(await page.getByRole('textbox', { name: 'Cell address' }).inputValue()); ) {
    if (Date.now() - t > 10_000) throw new Error('H1 was not selected');
    await page.waitForTimeout(20);
  }
  await bar.fill(text);
  await page.evaluate(() => {
    window.__benchLongTasks.length = 0;
    window.__benchMark = performance.now();
  });
  const t0 = Date.now();
  await bar.press('Enter');
  for (;;) {
    const shown = await cellText(page, 'I', 1);
    // The grid shows about ten significant digits; another seed's value differs far more.
    if (shown !== undefined && shown.trim() !== '' && Math.abs(Number(shown.replace(/,/g, '')) - expected) <= 1e-8 * Math.abs(expected)) break;
    if (Date.now() - t0 > 120_000) throw new Error(`I1 shows ${JSON.stringify(shown)}, expected ${expected}`);
    await page.waitForTimeout(20);
  }
  const ms = Date.now() - t0;
  // Let the observer deliver the last task's entry.
  await page.waitForTimeout(100);
  const longest = await page.evaluate(() => Math.max(0, ...window.__benchLongTasks.filter((t) => t.start >= window.__benchMark - 1).map((t) => t.duration)));
  return { longest, ms };
}

async function benchWorkbenchFreeze({ quick = false, runs, progress = () => {} } = {}) {
  if (!fs.existsSync(CHROMIUM)) return { rows: [], lines: [`Workbench freeze: not measured (${CHROMIUM} is missing).`] };
  const engine = require(path.join(root, 'lib', 'engine'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-bench-freeze-'));
  const out = process.env.CYBERBI_BENCH_DIST ?? path.join(tmp, 'dist-workbench');
  let server;
  let browser;
  try {
    if (!process.env.CYBERBI_BENCH_DIST) {
      progress('section 11: building the workbench for the freeze measurement');
      buildWorkbench(out);
    }
    let base;
    ({ base, server } = await serve(out));
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The page's own observer of long tasks (installed before the page's scripts run).
    await page.addInitScript(() => {
      window.__benchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(base);
    // What is measured must be measurable: the page reports long tasks, and computes as shipped.
    if (!(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask')))) throw new Error('this Chromium reports no long tasks');
    const wasm = await page.evaluate(() => document.documentElement.dataset.philoxWasm);
    await page.getByTestId('open-file').setInputFiles({ name: 'bench-model.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await modelXlsx() });
    for (const t0 = Date.now(); (await cellText(page, 'A', 9)) !== 'BI'; ) {
      if (Date.now() - t0 > 60_000) throw new Error('the model workbook did not open');
      await page.waitForTimeout(50);
    }
    const years = quick ? 100000 : 1000000;
    const n = runs ?? (quick ? 1 : 3);
    const expected = (y, seed) => {
      const r = engine.evaluate('SIMULATE', [FREQUENCY, EVENTS.map(([c, p, s]) => [c, p, sevText(s)]), COVERS, POLICY_AGGREGATE, POLICY_PER_CLAIM, y, seed]);
      if (!r.ok) throw new Error(`engine: ${r.error.message.en}`);
      return r.value[0][1];
    };
    const small = [];
    const big = [];
    let seed = 500;
    for (let i = 0; i < n; i++) {
      progress(`section 11: workbench freeze, run ${i + 1} of ${n}`);
      seed++;
      small.push(await enterAndMeasure(page, formula(1, seed), expected(1, seed)));
      seed++;
      big.push(await enterAndMeasure(page, formula(years, seed), expected(years, seed)));
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    // A cell computing for a second or more is one long task: none recorded means nothing was measured.
    if (big.some((x) => !(x.longest > 0))) throw new Error(`no long task recorded for a ${years}-year cell: ${JSON.stringify(big)}`);
    // The worst run is the freeze a user meets ("must not freeze ... for more than about a second").
    const worstOf = (xs, k) => Math.max(...xs.map((x) => x[k]));
    const rows = [
      { key: `SIMULATE ${years.toLocaleString('en-US')}-year cell, workbench in Chromium: longest main-thread task, worst run (s)`, value: worstOf(big, 'longest') / 1000, unit: 's' },
      { key: `SIMULATE ${years.toLocaleString('en-US')}-year cell, workbench in Chromium: Enter to value shown, worst run (s)`, value: worstOf(big, 'ms') / 1000, unit: 's' },
    ];
    const list = (xs, k) => xs.map((x) => (x[k] / 1000).toFixed(3)).join(', ');
    const lines = [
      `The workbench page in Chromium (production build under its CSP; Philox blocks in ${wasm === 'true' ? 'WebAssembly' : 'JavaScript'}), the formula bar entering a ${years.toLocaleString('en-US')}-year SIMULATE cell: the longest main-thread task from Enter to the value in the grid ${list(big, 'longest')} s, Enter to value shown ${list(big, 'ms')} s (worst ${(worstOf(big, 'longest') / 1000).toFixed(3)} s and ${(worstOf(big, 'ms') / 1000).toFixed(3)} s; target about 1 s). A 1-year cell: longest task ${list(small, 'longest')} s, value shown after ${list(small, 'ms')} s. The values shown equal the engine's for the same seed.`,
    ];
    return { rows, lines };
  } finally {
    await browser?.close().catch(() => undefined);
    server?.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { benchWorkbenchFreeze };

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const r = process.argv.indexOf('--runs');
  benchWorkbenchFreeze({ quick, runs: r > 0 ? Number(process.argv[r + 1]) : undefined, progress: (t) => process.stderr.write(`bench: ${t}\n`) }).then(
    (result) => {
      if (process.argv.includes('--json')) return process.stdout.write(JSON.stringify(result));
      for (const x of result.rows) console.log(`${x.key}: ${x.value.toFixed(3)} s`);
      for (const l of result.lines) console.log(l);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
