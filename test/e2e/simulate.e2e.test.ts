/**
 * The Simulate tab end to end, in the workbench as `npm start` ships it (production build served by
 * scripts/serve-workbench.js), in Debian Chromium through playwright-core: the simulation worker is
 * its own same-origin file the page does not load until a run; a million-year run shows progress,
 * leaves the page answering, and is cancelled; a 10,000-year run shows the statistics, seed, years,
 * engine version and input hash, and its AAL is the one the model sheet's live CYBER.SIMULATE cells
 * show; the year explorer re-settles the year at 1-in-100 with ALLOCATE to the cent; the year loss
 * table downloads as CSV; no request leaves localhost and nothing breaks the page's policy.
 *
 * Skipped, with a warning, when /usr/bin/chromium is missing. CYBERBI_E2E_DIST=<dir> reuses a build.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { collectViolations } from '../support/csp';
import { amount, chromiumSuite, eventually, launchChromium, readSheet as readShownSheet, serveBuiltWorkbench, type ServedWorkbench, taskPane } from '../support/workbench';

const suite = chromiumSuite('simulate');

let served: ServedWorkbench | undefined;
let tmp: string;
let out: string;
let base: string;

beforeAll(async () => {
  served = await serveBuiltWorkbench('cyberbi-sim-e2e-');
  ({ tmp, out, base } = served);
}, 300_000);

afterAll(() => served?.close());

test('the build emits the simulation worker as its own file, which the page itself does not load', async () => {
  expect(fs.existsSync(path.join(out, 'simulate-worker.js'))).toBe(true);
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  expect(html).not.toMatch(/simulate-worker/);
  const response = await fetch(`${base}simulate-worker.js`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/javascript/);
  // The page's policy names the worker's origin: its own.
  expect(html).toMatch(/worker-src 'self'/);
});

suite('Simulate tab (Chromium)', () => {
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const workers: string[] = [];
  let pageErrors: string[];
  let violations: () => Promise<string[]>;
  const pane = () => taskPane(page);

  /** Every non-empty cell of the active sheet, by address, scrolling the virtualised grid (left where it ends). */
  const readSheet = () => readShownSheet(page, { scrollBack: false });

  async function setField(label: string, value: string): Promise<void> {
    const box = pane().getByRole('textbox', { name: label, exact: true });
    await box.fill(value);
  }

  beforeAll(async () => {
    ({ context, page, pageErrors } = await launchChromium(tmp, { viewport: { width: 1500, height: 1000 }, locale: 'en-US', acceptDownloads: true, timeout: 30_000 }));
    context.on('request', (r) => requests.push(r.url()));
    violations = await collectViolations(context);
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(base);
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button').first().waitFor();
  }, 180_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
  });

  test('1. a million-year run shows its progress in a Web Worker, the page keeps answering, and Cancel stops it', async () => {
    await pane().getByRole('tab', { name: 'Simulate', exact: true }).click();
    // The Samsung tree (12 covers, 12 events rows) at 20 events a year: a million years are 240
    // million draws, long enough to cancel however fast the engine gets.
    await pane().getByRole('combobox', { name: 'Annual-loss model' }).selectOption({ label: 'Samsung cyber — simulated annual losses under the whole limits tree' });
    expect(workers).toEqual([]);
    await setField('Events per year (frequency)', 'poisson(20)');
    await setField('Simulated years', '1,000,000');
    await pane().getByRole('button', { name: 'Run in the pane' }).click();
    const progress = pane().getByText(/^Simulated [\d,]+ of 1,000,000 years…$/);
    await progress.waitFor();
    await eventually(async () => expect(Number(/^Simulated ([\d,]+)/.exec((await progress.textContent()) ?? '')![1].replace(/,/g, ''))).toBeGreaterThan(0), 60_000);
    // The page's own thread is free: it answers, and the grid can be scrolled, while the run goes on.
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    await page.locator('.wb-grid .dsg-container').evaluate((el) => {
      el.scrollTop = 200;
    });
    expect(await progress.count()).toBe(1);
    expect(workers).toEqual([`${base}simulate-worker.js`]);
    await pane().getByRole('button', { name: 'Cancel', exact: true }).click();
    await pane().getByText('Cancelled. Nothing was changed.').waitFor();
    expect(await progress.count()).toBe(0);
  });

  test('2. a 10,000-year run: the statistics with seed, years, engine version and hash; the model sheet’s live cells show the same AAL', async () => {
    await pane().getByRole('combobox', { name: 'Annual-loss model' }).selectOption({ label: 'ISO crime — simulated annual losses, with the closed-form OEP' });
    await setField('Simulated years', '10,000');
    await pane().getByRole('button', { name: 'Run in the pane' }).click();
    const info = pane().getByText(/^Seed 1 · 10,000 years · engine \S+ · input hash [0-9a-f]+$/);
    await info.waitFor({ timeout: 120_000 });
    await pane().getByText(/^10,000 years simulated in [\d.]+ s\.$/).waitFor();
    const stats = pane().getByRole('table', { name: 'Statistics of the annual paid' });
    const aalRow = stats.getByRole('row').filter({ hasText: 'Mean annual paid (AAL)' });
    const aal = amount(((await aalRow.getByRole('cell').nth(1).textContent()) ?? '').trim());
    expect(aal).toBeGreaterThan(0);
    // The closed-form OEP is shown: one cover, no aggregate.
    await pane().getByText(/closed-form OEP applies/).waitFor();
    await pane().getByRole('button', { name: 'Write the model sheet' }).click();
    const done = pane().getByText(/^Worksheet “.+” written/);
    await done.waitFor({ timeout: 120_000 });
    const sheetName = /“(.+)”/.exec((await done.textContent()) ?? '')![1];
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: sheetName, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
    // The sheet's own AAL row (label in A, value in C): the same figure as the worker's run.
    await eventually(async () => {
      const sheet = await readSheet();
      const label = [...sheet.entries()].find(([a, t]) => /^A\d+$/.test(a) && t === 'Mean annual paid (AAL)' && sheet.has(a.replace(/^A/, 'C')));
      expect(label).toBeDefined();
      expect(amount(sheet.get(label![0].replace(/^A/, 'C')))).toBeCloseTo(aal, 2);
    }, 60_000);
  });

  test('3. the year explorer opens the 1-in-100 year: its claims and the exact ALLOCATE trace agree to the cent', async () => {
    await pane().getByRole('combobox', { name: 'Return period (years)' }).selectOption('100');
    await pane().getByRole('button', { name: 'Open the year at this return period' }).click();
    await pane().getByText(/^Year [\d,]+ \(nearest to the 1-in-100 annual paid\): [\d,.]+ paid\.$/).waitFor({ timeout: 120_000 });
    await pane().getByText('The exact decimal settlement pays the same as the simulation, to the cent.').waitFor();
    await pane().getByText('=CYBER.ALLOCATE(claims,covers,policy_aggregate,policy_per_claim)').waitFor();
  });

  test('4. the year loss table downloads as CSV: a header and one line per year', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), pane().getByRole('button', { name: 'Download as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^year-loss-table-seed1-10000y-[0-9a-f]{8}\.csv$/);
    const file = path.join(tmp, 'ylt.csv');
    await download.saveAs(file);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('year,events,loss before terms,paid CRIME,total paid');
    expect(lines).toHaveLength(10001);
    expect(lines[1]).toMatch(/^1,\d+,/);
  });

  test('5. no request left localhost, the page raised no error, and nothing broke its Content-Security-Policy', async () => {
    const foreign = requests.filter((u) => !/^(data|blob):/.test(u) && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname));
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await violations()).toEqual([]);
  });
});
