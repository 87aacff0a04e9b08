/**
 * CYBER.SIMULATE's Philox blocks in WebAssembly on our pages (src/stochastic/philoxWasm.ts), end
 * to end in Debian Chromium on the workbench's production build (test/support/workbench.ts):
 *   - as shipped, the page's policy allows compiling WebAssembly ('wasm-unsafe-eval',
 *     scripts/csp.js): the page entry and the Simulate worker report the WebAssembly blocks in
 *     use (the page's <html data-philox-wasm>, the worker's self.cyberbiPhiloxWasm), and nothing
 *     breaks the policy;
 *   - the same page served with the keyword taken out of its policy (the <meta> element and the
 *     header, as a webview that does not know the keyword sees it) refuses the compile: the
 *     JavaScript blocks run, and the only violations are the refused compile;
 *   - a SIMULATE model typed into a blank workbook gives, in both pages, exactly the values
 *     `cyberbi calc` gives for the same cells (read from the saved .xlsx: its cached values are
 *     the doubles themselves, the grid shows them rounded); the Simulate tab's run shows the same
 *     statistics in both;
 *   - the add-in's shared-runtime page (taskpane.html of the add-in's production build, office.js
 *     stood in for as in test/bundle.test.ts): the task pane compiles the module at start-up and
 *     the custom functions when their SIMULATE chunk loads, under the page's policy, without a
 *     violation, and CYBER.SIMULATE returns the CLI's values.
 *
 * Run it alone, one worker: `npx jest test/e2e/philoxWasm.e2e.test.ts --maxWorkers=1`.
 * Skipped, with a warning, when /usr/bin/chromium is missing. CYBERBI_E2E_DIST=<dir> reuses a
 * workbench build; CYBERBI_E2E_LIB=<dir> runs the CLI from that build of tsconfig.cli.json
 * instead of lib/ (local iteration while others work; otherwise lib/ is rebuilt when stale).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { CATALOGUE } from '../../src/engine';
import { PHILOX_WASM_BYTES } from '../../src/stochastic/philoxWasmBytes';
import { buildMetadata, writeMetadata } from '../../scripts/build-metadata';
import { collectViolations, OFFICE_JS_ORIGIN } from '../support/csp';
import { ensureLibBuilt } from '../support/lib';
import { chromiumSuite, eventually, launchChromium, serveBuiltWorkbench, type ServedWorkbench, taskPane } from '../support/workbench';

const ROOT = path.resolve(__dirname, '..', '..');
const suite = chromiumSuite('Philox WebAssembly');

let served: ServedWorkbench | undefined;
let tmp: string;
let base: string;

beforeAll(async () => {
  served = await serveBuiltWorkbench('cyberbi-wasm-e2e-');
  ({ tmp, base } = served);
}, 300_000);

afterAll(() => served?.close());

/**
 * The model, cell by cell: run settings in A1:A5, the events table A7:C10 and the covers tree
 * A12:F16 (a sub-limit inside BI's aggregate), live SIMULATE cells for the statistics (H1:I14),
 * the OEP (K1:L11) and the AEP (H17:I27). The formulas come last, so each simulates once.
 */
const SIMULATE_ARGS = 'A1,A7:C10,A12:F16,A2,A3,A4,A5';
const MODEL: Array<[string, string]> = [
  ['A1', 'poisson(1.5)'],
  ['A2', '7500000'],
  ['A3', '2500000'],
  ['A4', '10000'],
  ['A5', '2025'],
  ['A7', 'Cover'],
  ['B7', 'Probability'],
  ['C7', 'Severity'],
  ['A8', 'IR'],
  ['B8', '0.35'],
  ['C8', 'lognormal(11.5, 1)'],
  ['A9', 'BI'],
  ['B9', '0.2'],
  ['C9', 'lognormal(12.8, 1.1)'],
  ['A10', 'PRIV'],
  ['B10', '0.15'],
  ['C10', 'lomax(2.5, 900000)'],
  ['A12', 'Cover id'],
  ['B12', 'Parent'],
  ['C12', 'Per-claim limit'],
  ['D12', 'Aggregate limit'],
  ['E12', 'Deductible'],
  ['F12', 'Nesting'],
  ['A13', 'IR'],
  ['C13', '500000'],
  ['D13', '500000'],
  ['E13', '25000'],
  ['A14', 'BI'],
  ['C14', '1500000'],
  ['D14', '1500000'],
  ['E14', '100000'],
  ['A15', 'CBI'],
  ['B15', 'BI'],
  ['C15', '500000'],
  ['D15', '500000'],
  ['E15', '100000'],
  ['F15', 'aggregate'],
  ['A16', 'PRIV'],
  ['C16', '2000000'],
  ['D16', '2000000'],
  ['E16', '50000'],
  ['H1', `=CYBER.SIMULATE(${SIMULATE_ARGS},"stats")`],
  ['K1', `=CYBER.SIMULATE(${SIMULATE_ARGS},"oep")`],
  ['H17', `=CYBER.SIMULATE(${SIMULATE_ARGS},"aep")`],
];

/** The cells the three SIMULATE cells fill. */
const SPILLED: string[] = [
  ...Array.from({ length: 14 }, (_, i) => [`H${i + 1}`, `I${i + 1}`]).flat(),
  ...Array.from({ length: 11 }, (_, i) => [`K${i + 1}`, `L${i + 1}`]).flat(),
  ...Array.from({ length: 11 }, (_, i) => [`H${i + 17}`, `I${i + 17}`]).flat(),
];

let cliCache: Map<string, unknown> | undefined;

/** The same cells through `cyberbi calc` (a CSV of the model): cell → value. */
function cliValues(): Map<string, unknown> {
  if (cliCache) return cliCache;
  const grid: string[][] = Array.from({ length: 17 }, () => Array(12).fill(''));
  for (const [a1, text] of MODEL) {
    const m = /^([A-Z])(\d+)$/.exec(a1)!;
    grid[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = text;
  }
  const csv = path.join(tmp, 'model.csv');
  fs.writeFileSync(csv, grid.map((r) => r.map((f) => (/[",]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\n'));
  const args = ['calc', csv, '--format', 'json'];
  const lib = process.env.CYBERBI_E2E_LIB;
  if (!lib) ensureLibBuilt();
  const stdout = lib
    ? execFileSync(process.execPath, ['-e', `require(${JSON.stringify(path.resolve(ROOT, lib, 'cli', 'main.js'))}).run(process.argv.slice(1))`, ...args], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 })
    : execFileSync(process.execPath, [path.join(ROOT, 'bin', 'cyberbi.js'), ...args], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  const cells = (JSON.parse(stdout) as { cells: Array<{ cell: string; value: unknown }> }).cells;
  cliCache = new Map(cells.map((c) => [c.cell, c.value]));
  return cliCache;
}

/** The model's input at a cell, as Excel hands a range's cell to a custom function (a number, text, or null when blank). */
function modelInput(a1: string): string | number | null {
  const text = MODEL.find(([cell]) => cell === a1)?.[1];
  if (text === undefined) return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** A range of the model (e.g. A7:C10) as the matrix Excel passes. */
function modelRange(from: string, to: string): Array<Array<string | number | null>> {
  const [c0, r0] = [from.charCodeAt(0), Number(from.slice(1))];
  const [c1, r1] = [to.charCodeAt(0), Number(to.slice(1))];
  return Array.from({ length: r1 - r0 + 1 }, (_, i) => Array.from({ length: c1 - c0 + 1 }, (_, j) => modelInput(`${String.fromCharCode(c0 + j)}${r0 + i}`)));
}

/** What one page session saw. */
interface Session {
  /** The page's <html data-philox-wasm>. */
  pageWasm: string | undefined;
  /** The Simulate worker's self.cyberbiPhiloxWasm. */
  workerWasm: unknown;
  /** The spilled cells' values, from the saved .xlsx (the doubles, not their display). */
  values: Map<string, unknown>;
  /** The Simulate tab's statistics table, as shown. */
  statsText: string;
  violations: string[];
  pageErrors: string[];
  foreign: string[];
}

/** The policy as a webview without the keyword applies it. */
const withoutWasm = (policy: string) => policy.replace(/ 'wasm-unsafe-eval'/g, '');

async function session(dir: string, refuseWasm: boolean): Promise<Session> {
  const { context, page, pageErrors } = await launchChromium(path.join(tmp, dir), { viewport: { width: 1500, height: 1000 }, locale: 'en-US', acceptDownloads: true, timeout: 30_000 });
  try {
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const violations = await collectViolations(context);
    if (refuseWasm) await refuseWasmIn(context);
    await page.goto(`${base}?blank`);
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: 'Sheet1', exact: true }).waitFor();
    const pageWasm = await page.evaluate(() => document.documentElement.dataset.philoxWasm);

    for (const [a1, text] of MODEL) await type(page, a1, text);
    await eventually(async () => {
      for (const [a1, label] of [['H1', 'Mean annual paid (AAL)'], ['K11', '1000'], ['H27', '1000']]) expect([a1, await shown(page, a1)]).toEqual([a1, label]);
    }, 60_000);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save .xlsx' }).click()]);
    const file = path.join(tmp, `${dir}.xlsx`);
    await download.saveAs(file);
    const values = await savedValues(file);

    const pane = taskPane(page);
    await pane.getByRole('tab', { name: 'Simulate', exact: true }).click();
    await pane.getByRole('combobox', { name: 'Annual-loss model' }).selectOption({ label: 'ISO crime — simulated annual losses, with the closed-form OEP' });
    await pane.getByRole('textbox', { name: 'Simulated years', exact: true }).fill('10,000');
    await pane.getByRole('button', { name: 'Run in the pane' }).click();
    await pane.getByText(/^Seed 1 · 10,000 years · engine \S+ · input hash [0-9a-f]+$/).waitFor({ timeout: 120_000 });
    const statsText = (await pane.getByRole('table', { name: 'Statistics of the annual paid' }).textContent()) ?? '';
    const worker = page.workers().find((w) => w.url() === `${base}simulate-worker.js`);
    expect(worker).toBeDefined();
    const workerWasm = await worker!.evaluate(() => (self as unknown as { cyberbiPhiloxWasm?: boolean }).cyberbiPhiloxWasm);

    const foreign = requests.filter((u) => !/^(data|blob):/.test(u) && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname));
    return { pageWasm, workerWasm, values, statsText, violations: await violations(), pageErrors: [...pageErrors], foreign };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Serves every response of the context with 'wasm-unsafe-eval' taken out of its policy (header and <meta>). */
async function refuseWasmIn(context: BrowserContext): Promise<void> {
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    if (headers['content-security-policy']) headers['content-security-policy'] = withoutWasm(headers['content-security-policy']);
    if (/text\/html/.test(headers['content-type'] ?? '')) {
      await route.fulfill({ response, headers, body: withoutWasm(await response.text()) });
    } else {
      await route.fulfill({ response, headers });
    }
  });
}

function cellLocator(page: Page, a1: string) {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return page.locator(`.wb-grid [data-r="${Number(m[2]) - 1}"][data-c="${m[1].charCodeAt(0) - 65}"]`);
}

async function shown(page: Page, a1: string): Promise<string> {
  return ((await cellLocator(page, a1).textContent()) ?? '').trim();
}

async function type(page: Page, a1: string, text: string): Promise<void> {
  await cellLocator(page, a1).click();
  await eventually(async () => expect(await page.getByRole('textbox', { name: 'Cell address' }).inputValue()).toMatch(new RegExp(`!${a1}$`)));
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The spilled cells' cached values in a saved workbook. */
async function savedValues(file: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const out = new Map<string, unknown>();
  for (const a1 of SPILLED) {
    const v = ws.getCell(a1).value as unknown;
    out.set(a1, v !== null && typeof v === 'object' && 'formula' in v ? (v as { result?: unknown }).result : v);
  }
  return out;
}

suite('SIMULATE with the Philox blocks in WebAssembly, in the workbench page (Chromium)', () => {
  let shipped: Session;
  let refused: Session;
  let cli: Map<string, unknown>;

  test('as shipped: the page and the Simulate worker compute the Philox blocks in WebAssembly, and nothing breaks the policy', async () => {
    shipped = await session('shipped', false);
    expect(shipped.pageWasm).toBe('true');
    expect(shipped.workerWasm).toBe(true);
    expect(shipped.violations).toEqual([]);
    expect(shipped.pageErrors).toEqual([]);
    expect(shipped.foreign).toEqual([]);
  }, 300_000);

  test('its SIMULATE cells hold exactly the values of `cyberbi calc` on the same cells', () => {
    cli = cliValues();
    const expected = new Map(SPILLED.map((a1) => [a1, cli.get(a1)]));
    // A value the CLI gives, not an empty or failed cell: the AAL, the 1-in-1000 OEP, the 1-in-2 AEP.
    for (const a1 of ['I1', 'L11', 'I17']) expect([a1, typeof expected.get(a1)]).toEqual([a1, 'number']);
    expect(shipped.values).toEqual(expected);
  });

  test('without the keyword in its policy: the compile is refused (the only violation), the JavaScript blocks give the same values', async () => {
    refused = await session('refused', true);
    expect(refused.pageWasm).toBe('false');
    expect(refused.workerWasm).toBe(false);
    expect(refused.violations.length).toBeGreaterThan(0);
    for (const v of refused.violations) expect(v).toMatch(/^script-src blocked wasm-eval /);
    expect(refused.pageErrors).toEqual([]);
    expect(refused.foreign).toEqual([]);
    expect(refused.values).toEqual(shipped.values);
    expect(refused.statsText).toMatch(/Mean annual paid \(AAL\)/);
    expect(refused.statsText).toBe(shipped.statsText);
  }, 300_000);
});

/**
 * office.js stood in for (as in test/bundle.test.ts: Office outside Excel, a CustomFunctions
 * runtime recording the associations), and WebAssembly.Module wrapped to record each compile: the
 * script that asked (the first https address in the stack), the module's size, and whether the
 * page's policy let it compile.
 */
const OFFICE_STAND_IN = `
window.__associated = {};
class RuntimeError extends Error { constructor(code, message) { super(message); this.code = code; } }
window.CustomFunctions = {
  associate: function (id, fn) { window.__associated[id] = fn; },
  Error: RuntimeError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!' },
};
window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); }, context: { displayLanguage: 'en-US' } };
`;

function recordWasmCompiles(): void {
  const w = window as unknown as { __wasmCompiles: Array<{ script?: string; bytes: number; ok: boolean }> };
  const Native = WebAssembly.Module;
  w.__wasmCompiles = [];
  const Recording = function Module(bytes: BufferSource) {
    const script = /(https?:\/\/[^\s)]+?):\d+:\d+/.exec(new Error().stack ?? '')?.[1];
    try {
      const module = new Native(bytes);
      w.__wasmCompiles.push({ script, bytes: bytes.byteLength, ok: true });
      return module;
    } catch (e) {
      w.__wasmCompiles.push({ script, bytes: bytes.byteLength, ok: false });
      throw e;
    }
  } as unknown as typeof WebAssembly.Module;
  Recording.prototype = Native.prototype;
  (WebAssembly as { Module: typeof WebAssembly.Module }).Module = Recording;
}

suite('SIMULATE with the Philox blocks in WebAssembly, in the add-in\'s shared-runtime page (Chromium)', () => {
  let addinTmp: string;
  let out: string;

  beforeAll(async () => {
    addinTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-wasm-addin-'));
    out = path.join(addinTmp, 'dist');
    const metadataDir = path.join(addinTmp, 'metadata');
    writeMetadata(metadataDir, await buildMetadata({ catalogue: CATALOGUE }));
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', `outputPath=${out}`, '--env', `metadataDir=${metadataDir}`], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`webpack failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  }, 300_000);

  afterAll(() => {
    if (addinTmp) fs.rmSync(addinTmp, { recursive: true, force: true });
  });

  test('the task pane and the custom functions compile the simulation\'s module (philoxWasmBytes.ts) under the page\'s policy, and SIMULATE returns the CLI\'s values', async () => {
    const { context, page, pageErrors } = await launchChromium(path.join(addinTmp, 'browser'), { timeout: 30_000 });
    try {
      const violations = await collectViolations(context);
      const requests: string[] = [];
      context.on('request', (r) => requests.push(r.url()));
      await context.addInitScript(recordWasmCompiles);
      // The manifest's address, answered from the build; office.js from its stand-in; nothing else.
      await context.route('https://localhost:3000/**', (route) => {
        const file = path.join(out, new URL(route.request().url()).pathname);
        if (!file.startsWith(out + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
        return route.fulfill({ body: fs.readFileSync(file), contentType: file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8' });
      });
      await context.route(`${OFFICE_JS_ORIGIN}/**`, (route) => route.fulfill({ body: OFFICE_STAND_IN, contentType: 'text/javascript' }));
      await context.route((url) => !url.href.startsWith('https://localhost:3000/') && !url.href.startsWith(OFFICE_JS_ORIGIN), (route) => route.abort());
      await page.goto('https://localhost:3000/taskpane.html');
      await page.getByText(`${CATALOGUE.length} functions`).waitFor();
      const compiles = () => page.evaluate(() => (window as unknown as { __wasmCompiles: Array<{ script?: string; bytes: number; ok: boolean }> }).__wasmCompiles);
      // The pane asked at start-up (src/taskpane/index.tsx); the functions have not loaded SIMULATE yet.
      expect(await compiles()).toEqual([{ script: 'https://localhost:3000/taskpane.js', bytes: PHILOX_WASM_BYTES.length, ok: true }]);

      const before = requests.length;
      const args = ['poisson(1.5)', modelRange('A7', 'C10'), modelRange('A12', 'F16'), 7500000, 2500000, 10000, 2025, 'stats'];
      const stats = await page.evaluate(async (a) => {
        const fns = (window as unknown as { __associated: Record<string, (...x: unknown[]) => unknown> }).__associated;
        return (await fns.SIMULATE(...a)) as unknown[][];
      }, args);
      const loaded = requests.slice(before);
      const after = await compiles();
      expect(after).toHaveLength(2);
      // The custom functions' compile, from the chunk SIMULATE loaded (src/functions/adapter.ts).
      expect(after[1]).toEqual({ script: expect.any(String), bytes: PHILOX_WASM_BYTES.length, ok: true });
      expect(loaded).toContain(after[1].script);
      expect(after[1].script).not.toMatch(/\/(taskpane|functions)\.js$/);

      const cli = cliValues();
      expect(stats).toEqual(Array.from({ length: 14 }, (_, i) => [cli.get(`H${i + 1}`), cli.get(`I${i + 1}`)]));
      expect(typeof stats[0][1]).toBe('number');
      expect(await violations()).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close().catch(() => undefined);
    }
  }, 120_000);
});
