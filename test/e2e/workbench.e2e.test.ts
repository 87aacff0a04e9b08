/**
 * The workbench as `npm start` ships it (production build, scripts/serve-workbench.js on a free
 * localhost port), built once for this file. First what the build is: the page loads nothing from
 * another origin and no office.js, the bundle includes HyperFormula (so the README gives the
 * workbench GPL-3.0-only), the server serves nothing outside its folder. Then, end to end in
 * Debian Chromium through playwright-core (issue 4): the CPIC
 * example recomputes after an edit, a template builds a live sheet, Explain traces a cell with its
 * article, a sensitivity sweep restores its input, the pane switches to Chinese, a saved .xlsx
 * evaluates to the same payout with `cyberbi calc`, and no request leaves localhost.
 *
 * One page serves every test, in order (each builds on the workbook the previous one left).
 * Screenshots go to docs/screenshots/ (README "The workbench") only when CYBERBI_SCREENSHOTS=1, so a
 * test run never leaves the committed pictures modified.
 *
 * The browser part is skipped, with a warning, only when /usr/bin/chromium is missing (.ci/run
 * installs it); the build checks always run.
 * CYBERBI_E2E_DIST=<dir> reuses an existing workbench build (local iteration only).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { collectViolations, contentSecurityPolicy, expectStrictPage } from '../support/csp';
import { amount, chromiumSuite, eventually, launchChromium, readSheet as readShownSheet, ROW_HEIGHT, serveBuiltWorkbench, type ServedWorkbench, taskPane } from '../support/workbench';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const shoot = (page: { screenshot(o: { path: string }): Promise<unknown> }, name: string) =>
  process.env.CYBERBI_SCREENSHOTS === '1' ? page.screenshot({ path: path.join(SHOTS, name) }) : Promise.resolve();
const EXAMPLE_SHEET = 'Claim 理赔测算';

const suite = chromiumSuite('workbench');

let served: ServedWorkbench | undefined;
let tmp: string;
let out: string;
let base: string;

beforeAll(async () => {
  served = await serveBuiltWorkbench('cyberbi-e2e-');
  ({ tmp, out, base } = served);
}, 180_000);

afterAll(() => served?.close());

describe('the workbench build', () => {
  test('emits the page, its bundle, the stylesheets and the examples', () => {
    for (const f of ['index.html', 'workbench.js', 'react-datasheet-grid.css', 'workbench.css', 'examples/cpic-network-interruption.xlsx']) {
      expect(fs.existsSync(path.join(out, f))).toBe(true);
    }
  });

  test('the page refers to nothing outside its own server and does not load office.js', () => {
    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    // The minified page may drop the attribute quotes.
    const refs = [...html.matchAll(/\b(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) expect(ref).not.toMatch(/^(?:[a-z]+:)?\/\//i);
    expect(html).not.toMatch(/office\.js|appsforoffice/i);
  });

  test('the page carries the strict Content-Security-Policy first in <head> and nothing inline; the server sends it too', async () => {
    expectStrictPage(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), 'workbench');
    const response = await fetch(base);
    // The header adds what a <meta> policy cannot say: no other site may frame the page.
    expect(response.headers.get('content-security-policy')).toBe(`${contentSecurityPolicy('workbench')}; frame-ancestors 'none'`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('the bundle includes HyperFormula (GPL-3.0-only) and the CYBER functions', () => {
    const js = fs.readFileSync(path.join(out, 'workbench.js'), 'utf8');
    expect(js).toMatch(/gpl-v3/);
    expect(js).toMatch(/PROFITRATE/);
  });

  test('the server serves the page and the example on localhost, and nothing outside its folder', async () => {
    const page = await fetch(base);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const example = await fetch(`${base}examples/cpic-network-interruption.xlsx`);
    expect(example.status).toBe(200);
    expect((await example.arrayBuffer()).byteLength).toBe(fs.statSync(path.join(ROOT, 'examples', 'cpic-network-interruption.xlsx')).size);
    for (const escape of ['..%2Fpackage.json', '%2e%2e/%2e%2e/package.json']) expect((await fetch(`${base}${escape}`)).status).not.toBe(200);
    expect((await fetch(`${base}missing.js`)).status).toBe(404);
  });
});

suite('workbench end to end (Chromium)', () => {
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  let pageErrors: string[];
  let violations: () => Promise<string[]>;

  /** Every non-empty cell of the active sheet, by address, scrolling the virtualised grid. */
  const readSheet = () => readShownSheet(page);

  /** Scrolls the grid to a cell of the active sheet and clicks it (selecting it for the pane and the formula bar). */
  async function selectCell(address: string): Promise<void> {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) throw new Error(address);
    const [, col, row] = m;
    const container = page.locator('.wb-grid .dsg-container');
    await container.evaluate((el, t) => {
      el.scrollTop = t;
    }, Math.max(0, (Number(row) - 5) * ROW_HEIGHT));
    const colIndex = await page.locator('.wb-grid .dsg-row-header .dsg-cell').evaluateAll((cells, c) => cells.findIndex((x) => x.textContent === c), col);
    expect(colIndex).toBeGreaterThan(0);
    const rowLocator = page.locator('.wb-grid .dsg-row:not(.dsg-row-header)').filter({ has: page.locator('.dsg-cell-gutter', { hasText: new RegExp(`^${row}$`) }) });
    await rowLocator.locator(':scope > .dsg-cell').nth(colIndex).click();
    await eventually(async () => expect(await page.getByRole('textbox', { name: 'Cell address' }).inputValue()).toMatch(new RegExp(`!${col}${row}$`)));
  }

  /** Selects a cell and types an entry into it through the formula bar. */
  async function enter(address: string, text: string): Promise<void> {
    await selectCell(address);
    const bar = page.getByRole('textbox', { name: 'Formula bar' });
    await bar.fill(text);
    await bar.press('Enter');
  }

  async function valueOf(address: string): Promise<string | undefined> {
    return (await readSheet()).get(address);
  }

  /** Polls a cell until it shows the expected amount (the grid re-renders after HyperFormula recalculates). */
  async function waitForAmount(address: string, expected: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    let last: string | undefined;
    while (Date.now() < deadline) {
      last = await valueOf(address);
      if (amount(last) === expected) return;
      await page.waitForTimeout(100);
    }
    throw new Error(`${address} shows ${last}, expected ${expected}`);
  }

  async function openSheet(name: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name, exact: true }).click();
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
  }

  const paneTab = (name: string) => taskPane(page).getByRole('tab', { name, exact: true });

  beforeAll(async () => {
    ({ context, page, pageErrors } = await launchChromium(tmp, { viewport: { width: 1500, height: 1000 }, locale: 'en-US', acceptDownloads: true, timeout: 15_000 }));
    context.on('request', (r) => requests.push(r.url()));
    violations = await collectViolations(context);
  }, 180_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
  });

  test('1. the page opens the CPIC example (payout 562,500.00) and recomputes after an edit in the grid', async () => {
    await page.goto(base);
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: EXAMPLE_SHEET }).waitFor();
    const sheet = await readSheet();
    expect(sheet.get('A50')).toMatch(/^Network-interruption payout/);
    expect(sheet.get('C50')).toBe('562,500.00');
    expect(sheet.get('C55')).toBe('911,500.00');
    expect(sheet.get('C6')).toBe('8,400,000.00');

    // Fully insured: (806,000 − 56,000) × 11,200,000 / 11,200,000 = 750,000; total 750,000 + 250,000 + 99,000.
    await enter('C6', '11200000');
    await waitForAmount('C50', 750_000);
    expect(await valueOf('C55')).toBe('1,099,000.00');
    expect(await valueOf('C6')).toBe('11,200,000.00');
    // The formula bar shows the formula of a formula cell.
    await selectCell('C50');
    await eventually(async () => expect(await page.getByRole('textbox', { name: 'Formula bar' }).inputValue()).toMatch(/^=IF\(C43,CYBER\.BIPAYOUT\(/));
  });

  test('2. the CPIC template builds a live CYBER sheet whose payout recomputes after an input changes', async () => {
    await paneTab('Templates').click();
    await page.getByRole('button', { name: 'Build worksheet' }).click();
    const done = page.getByText(/^Worksheet “.+” written/);
    await done.waitFor();
    const sheetName = /“(.+)”/.exec((await done.textContent()) ?? '')?.[1];
    expect(sheetName).toBeTruthy();
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: sheetName, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();

    // The built model's result cell is offered to Sensitivity as its result cell.
    await paneTab('Sensitivity').click();
    const output = await page.getByRole('textbox', { name: 'Result cell', exact: true }).inputValue();
    const payoutAddress = /([A-Z]+\d+)$/.exec(output)?.[1];
    expect(payoutAddress).toBeTruthy();

    const sheet = await readSheet();
    expect(amount(sheet.get(payoutAddress!))).toBe(911_500);
    const amounts = [...sheet.values()].map(amount);
    expect(amounts).toContain(562_500);
    // Find the profit sum insured input by its label and change it.
    const label = [...sheet.entries()].find(([, t]) => /^Profit sum insured/i.test(t));
    expect(label).toBeDefined();
    const row = /\d+$/.exec(label![0])![0];
    const input = [...sheet.entries()].find(([a, t]) => new RegExp(`^[A-Z]+${row}$`).test(a) && a !== label![0] && amount(t) === 8_400_000);
    expect(input).toBeDefined();
    // Every result is a formula: the payout cell holds a formula, and a CYBER one is on the sheet.
    await selectCell(payoutAddress!);
    await eventually(async () => expect(await page.getByRole('textbox', { name: 'Formula bar' }).inputValue()).toMatch(/^=/));

    // The BI payout (562,500) is a live CYBER formula.
    const biCell = [...sheet.entries()].find(([, t]) => amount(t) === 562_500)![0];
    await selectCell(biCell);
    await eventually(async () => expect(await page.getByRole('textbox', { name: 'Formula bar' }).inputValue()).toMatch(/CYBER\.BIPAYOUT\(/));

    await enter(input![0], '11200000');
    await waitForAmount(payoutAddress!, 1_099_000);
    const after = [...(await readSheet()).values()].map(amount);
    expect(after).toContain(750_000);
    expect(after).not.toContain(562_500);
    await enter(input![0], '8400000');
    await waitForAmount(payoutAddress!, 911_500);
  });

  test.each([
    // Samsung: one ALLOCATE settlement, bound by the 7,500,000 policy aggregate (catalogue v2).
    [1, 'Samsung', 7_500_000],
    // LMCIT: pool 366,210.9375 + liability 5,350,000 + crime 250,000.
    [2, 'LMCIT', 5_966_210.9375],
    [3, 'ISO crime', 100_000],
  ])('2b. template %i (%s) builds a sheet showing its payout %d', async (index, _name, payout) => {
    await paneTab('Templates').click();
    const pane = taskPane(page);
    await pane.getByRole('combobox', { name: 'Policy form' }).selectOption({ index });
    await pane.getByRole('button', { name: 'Build worksheet' }).click();
    const done = pane.getByText(/^Worksheet “.+” written/);
    await eventually(async () => expect(await done.count()).toBe(1));
    const sheetName = /“(.+)”/.exec((await done.textContent()) ?? '')![1];
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: sheetName, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
    const amounts = [...(await readSheet()).values()].map(amount);
    expect(amounts.some((v) => Math.abs(v - payout) < 0.01)).toBe(true);
  });

  test('3. Explain shows the formula, the value, the trace and the article of a CYBER cell', async () => {
    await openSheet(EXAMPLE_SHEET);
    await paneTab('Explain').click();
    await selectCell('C47'); // =CYBER.LOSTPROFIT(C46,C22,C33)
    const pane = taskPane(page);
    await pane.getByText('=CYBER.LOSTPROFIT(C46,C22,C33)').waitFor();
    await eventually(async () => expect(await pane.getByText(/^Value:/).textContent()).toMatch(/680,000/));
    const steps = pane.getByRole('table', { name: 'How the value was computed' });
    await steps.waitFor();
    expect(await steps.getByRole('row').count()).toBeGreaterThanOrEqual(2);
    await eventually(async () => expect(await steps.textContent()).toMatch(/680,000/));

    // The payout cell: BIPAYOUT inside IF, traced with its article.
    await selectCell('C50');
    await pane.getByText(/^=IF\(C43,CYBER\.BIPAYOUT/).waitFor();
    await eventually(async () => expect(await pane.getByText(/^Value:/).textContent()).toMatch(/750,000/));
    const payoutSteps = pane.getByRole('table', { name: 'How the value was computed' });
    await payoutSteps.first().waitFor();
    await eventually(async () => expect(await payoutSteps.first().textContent()).toMatch(/Art(icle|\.)\s*13|第十三条/));
    await shoot(page, 'taskpane-explain.png');
  });

  test('4. a sensitivity sweep draws the curve, writes the table and restores the input', async () => {
    await openSheet(EXAMPLE_SHEET);
    await paneTab('Sensitivity').click();
    const pane = taskPane(page);
    await selectCell('C6');
    await pane.getByRole('button', { name: 'Use selected cell' }).first().click();
    await eventually(async () => expect(await pane.getByRole('textbox', { name: 'Input cell', exact: true }).inputValue()).toMatch(/C6$/));
    await selectCell('C50');
    await pane.getByRole('button', { name: 'Use selected cell' }).nth(1).click();
    await eventually(async () => expect(await pane.getByRole('textbox', { name: 'Result cell', exact: true }).inputValue()).toMatch(/C50$/));
    // The one-way sweep is the tab's first form; the tornado and the two-way table below it have
    // fields and buttons of the same names.
    await pane.getByRole('textbox', { name: 'From', exact: true }).first().fill('5600000');
    await pane.getByRole('textbox', { name: 'To', exact: true }).first().fill('11200000');
    await pane.getByRole('textbox', { name: 'Points', exact: true }).first().fill('3');
    await pane.getByRole('checkbox', { name: /table/i }).first().check();
    await pane.getByRole('button', { name: 'Run', exact: true }).first().click();
    await pane.getByText(/is back to its original entry/).waitFor();
    // The curve (recharts SVG) with its line.
    await pane.locator('.recharts-line path').first().waitFor();
    const written = /“(.+)”/.exec((await pane.getByText(/is back to its original entry/).textContent()) ?? '');
    expect(written).toBeTruthy();

    // The table sheet: 5.6M → 375,000, 8.4M → 562,500, 11.2M → 750,000 (proportional, under the 3M limit).
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: written![1], exact: true }).waitFor();
    await openSheet(written![1]);
    const table = [...(await readSheet()).values()].map(amount);
    for (const v of [5_600_000, 8_400_000, 11_200_000, 375_000, 562_500, 750_000]) expect(table).toContain(v);

    // The input is back to what it held before the sweep (11,200,000 from test 1), and so is the payout.
    await openSheet(EXAMPLE_SHEET);
    const sheet = await readSheet();
    expect(sheet.get('C6')).toBe('11,200,000.00');
    expect(sheet.get('C50')).toBe('750,000.00');
  });

  test('6. Save .xlsx downloads a workbook that `cyberbi calc` evaluates to the same payouts', async () => {
    await openSheet(EXAMPLE_SHEET);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save .xlsx' }).click()]);
    const file = path.join(tmp, 'saved.xlsx');
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const calc = (args: string[]) => {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cyberbi.js'), 'calc', file, '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout) as { sheet: string; cells: Array<{ cell: string; value: unknown; formula?: string }> };
    };
    const claim = calc(['--sheet', EXAMPLE_SHEET]);
    const at = (cell: string) => claim.cells.find((c) => c.cell === cell);
    expect(at('C6')?.value).toBe(11_200_000);
    expect(at('C50')?.value).toBe(750_000);
    expect(at('C50')?.formula).toMatch(/CYBER\.BIPAYOUT/);
    expect(at('C55')?.value).toBe(1_099_000);
  });

  test('5. switching to 简体中文 turns the pane Chinese', async () => {
    const pane = taskPane(page);
    await pane.getByRole('radio', { name: '简体中文' }).check();
    for (const name of ['模板', '解释', '限额', '敏感性', '情景', '函数参考']) await pane.getByRole('tab', { name, exact: true }).waitFor();
    expect(await pane.getByRole('tab', { name: 'Templates', exact: true }).count()).toBe(0);
    await pane.getByRole('tab', { name: '模板', exact: true }).click();
    await pane.getByRole('button', { name: '生成工作表' }).waitFor();
    await pane.getByRole('combobox', { name: '保单条款' }).selectOption({ index: 0 });
    await pane.getByText('利润保险金额').first().waitFor();
    await shoot(page, 'taskpane-templates-zh.png');
    // Explain in Chinese: the article of the payout's trace in the wording's own language.
    await pane.getByRole('tab', { name: '解释', exact: true }).click();
    await selectCell('C50');
    const steps = pane.getByRole('table', { name: '计算过程' }).first();
    await steps.waitFor();
    await eventually(async () => expect(await steps.textContent()).toMatch(/第十三条/));
  });

  test('7. no request left localhost, the page raised no error, and nothing broke its Content-Security-Policy', async () => {
    expect(requests.length).toBeGreaterThan(3);
    const foreign = requests.filter((u) => {
      if (/^(data|blob):/.test(u)) return false;
      const { hostname } = new URL(u);
      return !['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
    });
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
    // Every step above (grid, templates, charts, explain, sensitivity, Chinese, save) ran under the policy.
    expect(await violations()).toEqual([]);
  });
});
