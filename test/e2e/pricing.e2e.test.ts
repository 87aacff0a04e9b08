/**
 * The Pricing tab end to end in the workbench (issue 13 item 4), in Debian Chromium through
 * playwright-core: the default severity (riskquant's lognormal from a 90% interval) with its
 * exceedance curve; the severity re-entered as lognormal(12, 2) with the layer 1,000,000 xs
 * 100,000 (expected loss 290,196.705352 per loss, issue 13's published figure); the sheet written
 * with live CYBER formulas that the grid evaluates to the pane's figure; Explain on that cell
 * showing the closed-form steps (the lognormal LEV in Φ, from Loss Models appendix A).
 *
 * Skipped, with a warning, when /usr/bin/chromium is missing. CYBERBI_E2E_DIST=<dir> reuses an
 * existing workbench build (local iteration only).
 */
import type { Page } from 'playwright-core';
import { amount, cellText as gridCellText, chromiumSuite, eventually, openWorkbench, taskPane } from '../support/workbench';

const suite = chromiumSuite('pricing');

let base: string;

suite('the Pricing tab in the workbench (Chromium)', () => {
  let page: Page;
  let pageErrors: string[];
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ base, page, pageErrors, close } = await openWorkbench('cyberbi-pricing-e2e-', {
      viewport: { width: 1500, height: 1000 },
      locale: 'en-US',
      timeout: 15_000,
    }));
  }, 300_000);

  afterAll(async () => {
    await close?.();
  });

  const pane = () => taskPane(page);

  /** The displayed text of a cell of the active sheet (row 1-based), from the grid's DOM. */
  const cellText = (col: string, row: number) => gridCellText(page, col, row);

  test('1. the default severity: riskquant’s lognormal, its mean, its exceedance curve on log axes', async () => {
    await page.goto(`${base}?blank`);
    await pane().getByRole('tab', { name: 'Pricing', exact: true }).click();
    await pane().getByText('lognormal(12.664218011467252,0.699936169171963)').waitFor();
    await eventually(async () => expect(await pane().locator('[data-figure="mean"]').textContent()).toBe('404,001.28'));
    const curve = pane().locator('svg[data-chart="exceedance"] path[data-curve="S"]');
    expect((await curve.getAttribute('d'))?.split(' L').length).toBe(60);
    expect(await pane().locator('svg[data-chart="exceedance"] text[data-tick="y"]').allTextContents()).toEqual(['10⁻⁴', '10⁻³', '10⁻²', '10⁻¹', '1']);
  });

  test('2. lognormal(12, 2), the layer 1,000,000 xs 100,000: 290,196.71 in the pane, and bad entries marked', async () => {
    await pane().getByRole('combobox', { name: 'Enter the severity as' }).selectOption('params');
    await pane().getByRole('combobox', { name: 'Family' }).selectOption('lognormal');
    await pane().getByRole('textbox', { name: /^mu/ }).fill('12');
    await pane().getByRole('textbox', { name: /^sigma/ }).fill('-2');
    await pane().getByText('Must be greater than 0.').waitFor();
    await pane().getByRole('textbox', { name: /^sigma/ }).fill('2');
    await pane().getByRole('textbox', { name: 'Layers' }).fill('100,000; 1,000,000\n0; no limit');
    await pane().getByRole('textbox', { name: 'Base limit for the ILF' }).fill('100,000');
    await eventually(async () => expect(await pane().locator('[data-layer="0"] [data-cell="mean"]').textContent()).toBe('290,196.71'));
    expect(await pane().locator('[data-layer="1"] [data-cell="prob"]').textContent()).toBe('100%');
  });

  test('3. the written sheet holds live formulas on the severity cell and shows the same figure; Explain shows the closed form', async () => {
    await pane().getByRole('button', { name: 'Write the pricing sheet' }).click();
    await pane().getByText(/^Sheet “Pricing” written/).waitFor();
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: 'Pricing', exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
    await eventually(async () => expect(amount(await cellText('C', 20))).toBeCloseTo(290196.71, 2));
    expect(await cellText('C', 10)).toBe('lognormal(12,2)');

    await pane().getByRole('tab', { name: 'Explain', exact: true }).click();
    const row = page.locator('.wb-grid .dsg-row:not(.dsg-row-header)').filter({ has: page.locator('.dsg-cell-gutter', { hasText: /^20$/ }) });
    await row.locator(':scope > .dsg-cell').nth(3).click();
    await pane().getByText('=CYBER.LAYERLOSS($C$10,A20,B20,1,"mean")').waitFor();
    const steps = pane().getByRole('table', { name: 'How the value was computed' });
    await steps.waitFor();
    await eventually(async () => {
      const t = (await steps.textContent()) ?? '';
      expect(t).toContain('E[X] Φ(z − σ) + a (1 − Φ(z))');
      expect(t).toContain('Loss Models, appendix A: lognormal');
      expect(t).toContain('290,196.70535219484');
    });
    expect(pageErrors).toEqual([]);
  });
});
