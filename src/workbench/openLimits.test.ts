/**
 * The workbench's open path (openXlsx) on hostile and oversized files (issue 12): it reads
 * through the same bounds as the CLI (src/sheet/archive.ts) and refuses, with the reason, what
 * it cannot open — before building anything, so the page keeps its workbook. Files are generated
 * here. Memory is measured in this process around each open (heap after a forced collection
 * when available, else the resident set): the bombs' gigabytes must never appear.
 */
import ExcelJS from 'exceljs';
import { bomb, cell, row, sheetXml, workbook } from '../../test/support/hostile';
import { isoDatesToSerials, isoToSerial } from '../sheet/archive';
import { packageLimits } from '../sheet/limits';
import { MAX_OPEN_CELLS, OpenRefusedError, openXlsx, saveXlsx } from './xlsx';

const MiB = 1024 * 1024;

/** Peak of the resident set during `f`, sampled, above what it was before. */
async function measured<T>(f: () => Promise<T>): Promise<{ value: T; grew: number; seconds: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = Date.now();
  try {
    const value = await f();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, grew: peak - before, seconds: (Date.now() - started) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

describe('openXlsx: bounded, sparse, refusing with the reason', () => {
  test('a 1.9 MB file whose picture inflates to 1.9 GB opens without inflating it', async () => {
    const bytes = workbook([['S', sheetXml(row(1, `${cell('A1', 21)}<c r="B1"><f>A1*2</f></c>`))]], [bomb('xl/media/image1.png', 1900), bomb('xl/embeddings/oleObject1.bin', 1900)]);
    const { value: model, grew } = await measured(() => openXlsx(bytes, ExcelJS));
    expect(model.getValue('S', 0, 0)).toBe(21);
    expect(model.getValue('S', 0, 1)).toBe(42);
    // Before: 5.2 GB in the browser tab. Two pictures' 3.8 GB are never inflated.
    expect(grew).toBeLessThan(150 * MiB);
  });

  test('saving such a file in place after an edit copies the picture still compressed (never inflated)', async () => {
    const bytes = workbook([['S', sheetXml(row(1, `${cell('A1', 21)}<c r="B1"><f>A1*2</f></c>`))]], [bomb('xl/media/image1.png', 1900)]);
    const { value: saved, grew } = await measured(async () => {
      const model = await openXlsx(bytes, ExcelJS);
      model.writeInputs('S', [{ row: 0, col: 0, input: 5 }]);
      return saveXlsx(model, ExcelJS);
    });
    expect(saved.length).toBeLessThan(bytes.length + 64 * 1024);
    expect(grew).toBeLessThan(150 * MiB);
    const again = await openXlsx(saved, ExcelJS);
    expect(again.getValue('S', 0, 1)).toBe(10);
  });

  test('one value at XFD1048576 opens in a second and a few MB, the value where it was', async () => {
    const bytes = workbook([['S', sheetXml(row(1, cell('A1', 1)) + row(1048576, `${cell('XFD1048576', 7)}`) + row(1048575, '<c r="XFC1048575"><f>A1+XFD1048576</f></c>'))]]);
    const { value: model, grew, seconds } = await measured(() => openXlsx(bytes, ExcelJS));
    expect(model.getValue('S', 1048575, 16383)).toBe(7);
    expect(model.getValue('S', 1048574, 16382)).toBe(8);
    expect(model.usedSize('S')).toEqual({ rows: 1048576, cols: 16384 });
    // Before: the tab crashed at 3.4 GB.
    expect(grew).toBeLessThan(150 * MiB);
    expect(seconds).toBeLessThan(10);
  });

  test('a 20,000-row sheet with one stray value in column XFD opens', async () => {
    let rows = '';
    for (let i = 1; i <= 20000; i++) rows += row(i, cell(`A${i}`, i) + (i === 7 ? cell('XFD7', 5) : ''));
    const { value: model, grew } = await measured(() => openXlsx(workbook([['S', sheetXml(rows)]]), ExcelJS));
    expect(model.getValue('S', 6, 16383)).toBe(5);
    expect(model.getValue('S', 19999, 0)).toBe(20000);
    expect(grew).toBeLessThan(300 * MiB);
  });

  test('no sheet within Excel’s 1,048,576 rows × 16,384 columns is refused for its extent: A1 and XFD1048576 alone open, edit and undo in a few MB', async () => {
    const bytes = workbook([['S', sheetXml(row(1, cell('A1', 1)) + row(1048576, cell('XFD1048576', 7)))]]);
    const { value: model, grew } = await measured(async () => {
      const m = await openXlsx(bytes, ExcelJS);
      m.setInput('S', 1048575, 16383, 8);
      expect(m.undo()).toBe(true);
      return m;
    });
    expect(model.getValue('S', 1048575, 16383)).toBe(7);
    expect(model.historyProblem).toBeUndefined();
    // Before: refused ("more than the 4,000,000 cells the workbench opens of a sheet's rectangle"),
    // since the undo check read the sheet's rectangle and ran out of memory.
    expect(grew).toBeLessThan(100 * MiB);
  });

  test('whole-column references on a sheet reaching row 1,048,576 count the empty cells HyperFormula holds for them: refused with the figures', async () => {
    const bytes = workbook([['S', sheetXml(row(1, cell('A1', 1) + '<c r="B1"><f>SUM(A:A)+SUM(\'S\'!$C:$C)+SUM(A:A)</f></c>') + row(1048576, cell('XFD1048576', 7)))]]);
    const { value: error, grew } = await measured(() => openXlsx(bytes, ExcelJS).then(() => undefined, (e: unknown) => e));
    expect(error).toBeInstanceOf(OpenRefusedError);
    // Columns A and C, counted once each, less the one cell in A: 2 × 1,048,576 − 1. Before: 1.4 GB in the model.
    expect((error as Error).message).toBe(
      'The workbook is not opened: its whole-column and whole-row references (A:A on sheet "S", which reaches row 1,048,576 and column XFD) cover about 2,097,151 empty cells, each of which HyperFormula holds; with the file\'s cells, more than the 1,000,000 the workbench opens (cyberbi calc evaluates larger files).',
    );
    expect(grew).toBeLessThan(100 * MiB);
    // The same references on a 20,000-row sheet cost 40,000 cells: it opens.
    const small = workbook([['S', sheetXml(row(1, cell('A1', 1) + '<c r="B1"><f>SUM(A:A)+SUM(C:C)+COUNTIF(D:D,"A:Z")</f></c>') + row(20000, cell('XFD20000', 7)))]]);
    const model = await openXlsx(small, ExcelJS);
    expect(model.getValue('S', 0, 1)).toBe(1);
  });

  test.each([
    ['a cell in row 1,048,577', workbook([['S', sheetXml(row(1048577, cell('A1048577', 2)))]]), /^The workbook is not opened: sheet "S" has a cell in row 1,048,577: a worksheet has at most 1,048,576 rows and 16,384 columns/],
    ['a cell in column XFE', workbook([['S', sheetXml(row(1, cell('XFE1', 2)))]]), /^The workbook is not opened: a cell in column XFE is past the last column; a worksheet has at most 1,048,576 rows and 16,384 columns/],
    ['a sheet part declaring 1.9 GB', workbook([['S', sheetXml(row(1, cell('A1', 1)))]], [bomb('xl/worksheets/sheet2.xml', 1900)]), /^The workbook is not opened: part xl\/worksheets\/sheet2\.xml declares 1\.9 GiB inflated, more than 256 MB \(the limit for one part\)\.$/],
    ['a sheet part hiding 300 MB', workbook([['S', sheetXml(row(1, cell('A1', 1)))]], [{ ...bomb('xl/worksheets/sheet2.xml', 300), size: 10 }]), /^The workbook is not opened: part xl\/worksheets\/sheet2\.xml inflates to more than 256 MB/],
  ])('refused with the reason: %s', async (_, bytes, message) => {
    const { value: error, grew } = await measured(() => openXlsx(bytes, ExcelJS).then(() => undefined, (e: unknown) => e));
    expect(error).toBeInstanceOf(OpenRefusedError);
    expect((error as Error).message).toMatch(message);
    expect(grew).toBeLessThan(150 * MiB);
  });

  test(`more than ${MAX_OPEN_CELLS.toLocaleString('en-US')} cells is refused before the cells are built`, async () => {
    // <c/> elements cost 5 bytes each: a small file, counted while inflating.
    const rows: string[] = [];
    for (let r = 1; r <= 1100; r++) rows.push(`<row r="${r}">${'<c s="0"/>'.repeat(1000)}</row>`);
    const error = await openXlsx(workbook([['S', sheetXml(rows.join(''))]]), ExcelJS).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OpenRefusedError);
    expect((error as Error).message).toBe('The workbook is not opened: it has about 1,100,000 cells, more than the 1,000,000 the workbench opens (cyberbi calc evaluates larger files).');
  });

  test('a merge of B2:XFD1048576 opens at the cost of its cells (ExcelJS would make 17 billion)', async () => {
    const xml = sheetXml(row(1, cell('A1', 1) + cell('B1', 2) + cell('C1', 3)) + row(2, cell('A2', 4))).replace('</sheetData>', '</sheetData><mergeCells count="2"><mergeCell ref="B1:C1"/><mergeCell ref="B2:XFD1048576"/></mergeCells>');
    const { value: model, grew } = await measured(() => openXlsx(workbook([['S', xml]]), ExcelJS));
    expect(model.getValue('S', 0, 1)).toBe(2);
    expect(model.getValue('S', 0, 2)).toBeNull(); // covered by B1:C1
    expect(model.getValue('S', 1, 0)).toBe(4);
    expect(grew).toBeLessThan(100 * MiB);
  });

  test('a caller may lower the bounds (packageLimits)', async () => {
    const bytes = workbook([['S', sheetXml(`${row(1, cell('A1', 1))}<!--${' '.repeat(2 * MiB)}-->`)]]);
    await expect(openXlsx(bytes, ExcelJS, packageLimits(1))).rejects.toThrow('declares 2.0 MB inflated, more than 1 MB (the limit for one part)');
    expect((await openXlsx(bytes, ExcelJS)).getValue('S', 0, 0)).toBe(1);
  });

  test('ISO date cells open as Excel serials, and a formula reads them as dates', async () => {
    const model = await openXlsx(workbook([['S', sheetXml(row(1, cell('A1', '2025-01-01', 'd') + cell('B1', '2025-01-01T18:00:00Z', 'd') + '<c r="C1"><f>MONTH(A1)</f></c>'))]]), ExcelJS);
    expect(model.getValue('S', 0, 0)).toBe(45658);
    expect(model.getValue('S', 0, 1)).toBe(45658.75);
    expect(model.getValue('S', 0, 2)).toBe(1);
  });
});

describe('ISO 8601 dates → Excel serials', () => {
  test.each([
    ['2025-01-01', 45658],
    ['2025-01-01T12:00:00', 45658.5],
    ['2025-01-01T06:00:00.000Z', 45658.25],
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-03-01', 61],
    ['2024-02-29', 45351],
    ['9999-12-31', 2958465],
  ])('%s → %d', (text, serial) => {
    expect(isoToSerial(text)).toBe(serial);
  });

  test.each([['2025-02-30'], ['2025-13-01'], ['1899-12-31'], ['2025-1-1'], ['45658'], ['']])('%s is no ISO date', (text) => {
    expect(isoToSerial(text)).toBeUndefined();
  });

  test('a sheet part: t="d" cells rewritten, others untouched, self-closing ones too', () => {
    const xml = `<c r="A1" t="d" s="1"><v>2025-01-01</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="d"/><c r="D1" t="d"><v>soon</v></c><c r="E1" t='d'><f>TODAY()</f><v>2025-01-02</v></c>`;
    expect(isoDatesToSerials(xml)).toBe(`<c r="A1" s="1"><v>45658</v></c><c r="B1" t="s"><v>0</v></c><c r="C1"/><c r="D1" t="str"><v>soon</v></c><c r="E1"><f>TODAY()</f><v>45659</v></c>`);
  });
});
