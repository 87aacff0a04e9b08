/**
 * Hostile files opened in the workbench page (issue 12, items 3 and 4, the file side), end to end
 * in Debian Chromium on the production build (test/support/workbench.ts): a 1.9 MB file whose
 * picture inflates to 1.9 GB opens with its values (the tab reached 5.2 GB before); a whole-column
 * reference on a sheet reaching row 1,048,576 (HyperFormula holds a cell for each of the million
 * it covers), a sheet part declaring 1.9 GB and a cell past the last column are refused with the
 * reason, and the workbook already open stays as it was and answers the next edit (the tab
 * crashed at 3.4 GB before). One value at XFD1048576 opens and shows (sparse sheets cost what
 * their cells cost; it was refused before), and typing a whole-column reference there is refused
 * in the editor with the reason, the cell keeping what it held. After each, no page error was
 * reported and the JS heap stays under a ceiling. Files are generated here (test/support/hostile.ts).
 *
 * Run it alone, one worker: `npx jest test/e2e/fileinput.e2e.test.ts --maxWorkers=1`.
 * Skipped, with a warning, only when /usr/bin/chromium is missing.
 * CYBERBI_E2E_DIST=<dir> reuses an existing workbench build (local iteration only).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { bomb, cell, row, sheetXml, workbook } from '../support/hostile';
import { chromiumSuite, eventually, launchChromium, serveBuiltWorkbench, type ServedWorkbench } from '../support/workbench';

const suite = chromiumSuite('file input');

const HEAP_CEILING = 400 * 1024 * 1024;

let served: ServedWorkbench | undefined;
let tmp: string;
let base: string;

beforeAll(async () => {
  served = await serveBuiltWorkbench('cyberbi-fileinput-e2e-');
  ({ tmp, base } = served);
}, 600_000);

afterAll(() => served?.close());

suite('hostile files in the workbench page (Chromium)', () => {
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  const status = () => page.getByTestId('status');
  const address = () => page.getByRole('textbox', { name: 'Cell address' });
  const editor = () => page.getByTestId('cell-editor');
  const problem = () => page.getByTestId('edit-problem');
  const cellLoc = (a1: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Error(a1);
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return page.locator(`.wb-grid [data-r="${Number(m[2]) - 1}"][data-c="${col}"]`);
  };
  const shown = async (a1: string) => (await cellLoc(a1).textContent()) ?? '';
  const sheetTab = (name: string) => page.getByRole('navigation', { name: 'Sheets' }).getByRole('button', { name, exact: true });

  async function type(a1: string, text: string): Promise<void> {
    await cellLoc(a1).click();
    await eventually(async () => expect(await address().inputValue()).toMatch(new RegExp(`!${a1}$`)));
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  async function heap(): Promise<number> {
    return page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  }

  async function open(bytes: Buffer, name: string): Promise<void> {
    await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    // With unsaved edits the page asks first; a refused file must still leave those edits in place.
    const discard = page.getByRole('button', { name: 'Discard changes' });
    await discard.waitFor({ timeout: 3000 }).then(
      () => discard.click(),
      () => undefined,
    );
  }

  beforeAll(async () => {
    ({ context, page, pageErrors } = await launchChromium(tmp, { viewport: { width: 1400, height: 900 }, locale: 'en-US', preciseMemory: true, timeout: 30_000 }));
    await page.goto(`${base}?blank`);
    await sheetTab('Sheet1').waitFor();
  }, 180_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
  });

  afterEach(async () => {
    expect(pageErrors).toEqual([]);
    expect(await heap()).toBeLessThan(HEAP_CEILING);
  });

  test('a 1.9 MB file whose picture inflates to 1.9 GB opens with its values', async () => {
    const bytes = workbook([['Data', sheetXml(row(1, `${cell('A1', 21)}<c r="B1"><f>A1*2</f></c>`))]], [bomb('xl/media/image1.png', 1900)]);
    const t = Date.now();
    await open(bytes, 'picture-bomb.xlsx');
    await sheetTab('Data').waitFor();
    await eventually(async () => expect([await shown('A1'), await shown('B1')]).toEqual(['21', '42']));
    expect(Date.now() - t).toBeLessThan(20_000);
    await type('A1', '50');
    await eventually(async () => expect(await shown('B1')).toBe('100'));
  });

  test.each([
    [
      'SUM(A:A) beside one value at XFD1048576',
      workbook([['Big', sheetXml(row(1, cell('A1', 1) + '<c r="B1"><f>SUM(A:A)</f></c>') + row(1048576, cell('XFD1048576', 7)))]]),
      /could not be opened: The workbook is not opened: its whole-column and whole-row references \(A:A on sheet "Big", which reaches row 1,048,576 and column XFD\) cover about 1,048,575 empty cells, each of which HyperFormula holds/,
    ],
    ['a sheet part declaring 1.9 GB', workbook([['Big', sheetXml(row(1, cell('A1', 1)))]], [bomb('xl/worksheets/sheet2.xml', 1900)]), /could not be opened: The workbook is not opened: part xl\/worksheets\/sheet2\.xml declares 1\.9 GiB inflated, more than 256 MB \(the limit for one part\)/],
    ['a cell past column XFD', workbook([['Big', sheetXml(row(1, cell('XFE1', 1)))]]), /could not be opened: The workbook is not opened: a cell in column XFE is past the last column/],
  ])('%s: refused with the reason; the open workbook stays and answers', async (_label, bytes, reason) => {
    // The workbook open before (from the previous test): Data!A1 = 50, B1 = 100.
    await open(bytes, 'hostile.xlsx');
    await eventually(async () => expect(await status().textContent()).toMatch(reason));
    await expect(sheetTab('Big').count()).resolves.toBe(0);
    expect(await shown('B1')).toBe('100');
    await type('A1', '8');
    await eventually(async () => expect(await shown('B1')).toBe('16'));
    await type('A1', '50');
    await eventually(async () => expect(await shown('B1')).toBe('100'));
  });

  test('one value at XFD1048576 opens and shows it; typing =SUM(A:A) there is refused in the editor with the reason, the cell keeps its value', async () => {
    // Refused before the workbench's model stored sparse sheets sparse (the tab crashed at 3.4 GB before that).
    const bytes = workbook([['Far', sheetXml(row(1, `${cell('A1', 1)}<c r="B1"><f>XFD1048576*2</f></c>${cell('C1', 3)}`) + row(1048576, cell('XFD1048576', 7)))]]);
    const t = Date.now();
    await open(bytes, 'far-corner.xlsx');
    await sheetTab('Far').waitFor();
    await eventually(async () => expect([await shown('A1'), await shown('B1'), await shown('C1')]).toEqual(['1', '14', '3']));
    expect(Date.now() - t).toBeLessThan(20_000);
    expect(await status().textContent()).not.toMatch(/could not be opened|not opened/);
    await cellLoc('A1').click();
    await page.keyboard.press('Control+End');
    await eventually(async () => expect(await address().inputValue()).toMatch(/!XFD1048576$/));
    await eventually(async () => expect(await shown('XFD1048576')).toBe('7'));
    await page.keyboard.press('Control+Home');
    await eventually(async () => expect(await address().inputValue()).toMatch(/!A1$/));
    // A million cells for HyperFormula to hold: refused, the editor open with the reason.
    await cellLoc('C1').click();
    await eventually(async () => expect(await address().inputValue()).toMatch(/!C1$/));
    await page.keyboard.type('=');
    await editor().fill('=SUM(A:A)');
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await problem().textContent()).toMatch(/^This formula's whole-column and whole-row references \(A:A on sheet "Far", which reaches row 1,048,576 and column XFD\) cover about 1,048,576 cells, each of which HyperFormula holds/),
    );
    expect(await editor().inputValue()).toBe('=SUM(A:A)');
    expect(await shown('C1')).toBe('3');
    await page.keyboard.press('Escape');
    await expect(problem().count()).resolves.toBe(0);
    expect(await shown('C1')).toBe('3');
    // The rows in use are taken, and the page answers the next edits.
    await type('C1', '=SUM(A1:A10)');
    await eventually(async () => expect(await shown('C1')).toBe('1'));
    await type('A1', '5');
    await eventually(async () => expect(await shown('C1')).toBe('5'));
  });
});
