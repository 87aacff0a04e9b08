/**
 * A file with hidden rows opened in the workbench page, end to end in Debian Chromium on the
 * production build (test/support/workbench.ts): SUBTOTAL leaves the rows out as Excel does
 * (Microsoft's SUBTOTAL page: rows a filter hides for every function number, rows hidden by Hide
 * Rows for 101–111), and the grid, which shows every row, marks the hidden rows' numbers with a tip.
 *
 * Run it alone, one worker: `npx jest test/e2e/hiddenRows.e2e.test.ts --maxWorkers=1`.
 * Skipped, with a warning, only when /usr/bin/chromium is missing.
 * CYBERBI_E2E_DIST=<dir> reuses an existing workbench build (local iteration only).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumSuite, eventually, launchChromium, serveBuiltWorkbench, type ServedWorkbench } from '../support/workbench';

const suite = chromiumSuite('hidden rows');

let served: ServedWorkbench | undefined;

beforeAll(async () => {
  served = await serveBuiltWorkbench('cyberbi-hiddenrows-e2e-');
}, 600_000);

afterAll(() => served?.close());

/** Data!A2:A9 10…100; a filter on A1:A7 hides rows 3 and 5, Hide Rows row 9; C1 SUBTOTAL(9,…), C2 SUBTOTAL(109,…). */
async function filteredWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.getCell('A1').value = 'Amount';
  [10, 20, 30, 40, 50, 60, 70, 100].forEach((v, i) => (ws.getCell(i + 2, 1).value = v));
  ws.getCell('C1').value = { formula: 'SUBTOTAL(9,A2:A9)', result: 320 } as ExcelJS.CellValue;
  ws.getCell('C2').value = { formula: 'SUBTOTAL(109,A2:A9)', result: 220 } as ExcelJS.CellValue;
  ws.autoFilter = 'A1:A7';
  for (const r of [3, 5, 9]) ws.getRow(r).hidden = true;
  const zip = await JSZip.loadAsync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  zip.file('xl/worksheets/sheet1.xml', xml.replace('<autoFilter ref="A1:A7"/>', '<autoFilter ref="A1:A7"><filterColumn colId="0"><filters><filter val="10"/><filter val="30"/></filters></filterColumn></autoFilter>'));
  return zip.generateAsync({ type: 'nodebuffer' });
}

suite('hidden rows in the workbench page (Chromium)', () => {
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ context, page, pageErrors } = await launchChromium((served as ServedWorkbench).tmp, { viewport: { width: 1400, height: 900 }, timeout: 30_000 }));
    await page.goto(`${(served as ServedWorkbench).base}?blank`);
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: 'Sheet1', exact: true }).waitFor();
  }, 180_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
  });

  test('SUBTOTAL leaves the hidden rows out; their numbers are marked, with the reason', async () => {
    await page.getByTestId('open-file').setInputFiles({ name: 'filtered.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await filteredWorkbook() });
    await page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name: 'Data', exact: true }).waitFor();
    const shown = async (r: number, c: number) => (await page.locator(`.wb-grid [data-r="${r}"][data-c="${c}"]`).textContent()) ?? '';
    await eventually(async () => expect([await shown(0, 2), await shown(1, 2)]).toEqual(['320', '220']));
    const marked = page.locator('.wb-grid .wb-rownum-hidden');
    await eventually(async () => expect(await marked.allTextContents()).toEqual(['3', '5', '9']));
    expect(await marked.evaluateAll((els) => els.map((e) => e.getAttribute('data-hidden')))).toEqual(['filtered', 'filtered', 'hidden']);
    expect(await marked.first().getAttribute('title')).toMatch(/Hidden by a filter in the file \(shown here\): SUBTOTAL leaves it out/);
    expect(await marked.last().getAttribute('title')).toMatch(/SUBTOTAL 101–111 leaves it out/);
    expect(pageErrors).toEqual([]);
  });
});
