/**
 * SUBTOTAL and hidden rows, as Microsoft's SUBTOTAL page says Excel computes them: rows a filter
 * hides are left out for every function number, rows hidden by Hide Rows only for 101–111 — and
 * how a file's hidden rows are told apart (src/sheet/hiddenRows.ts): a hidden row inside an
 * autofilter that filters is filtered, any other hidden row was hidden by Hide Rows.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readXlsx } from '../cli/read-xlsx';
import { autoFilterElement, autoFilterOf, rowVisibility, worksheetPathsOf } from './hiddenRows';
import { evaluateWorkbook, type SheetInput } from './workbook';

/** A1:A6 = 1, 2, 4, 8, 16, 32; row 2 hidden by Hide Rows, row 4 by a filter; formulas in column C. */
function sheetWith(formulas: string[], rows: SheetInput['rows'] | null = { hidden: [1, 3], filtered: [3] }): SheetInput {
  const values = [1, 2, 4, 8, 16, 32];
  const n = Math.max(values.length, formulas.length);
  const cells = Array.from({ length: n }, (_, r) => [values[r] ?? null, null, formulas[r] ?? null]);
  return rows ? { name: 'S', cells, rows } : { name: 'S', cells };
}

const columnC = (sheets: SheetInput[]) => evaluateWorkbook(sheets)[0].values.map((r) => r[2]);

describe('SUBTOTAL leaves out the rows a filter hides, and with 101–111 every hidden row', () => {
  test('ranges, whole columns, whole rows, single cells, another sheet', () => {
    const formulas = [
      '=SUBTOTAL(9,A1:A6)', // 63 − 8 (filtered)
      '=SUBTOTAL(109,A1:A6)', // 63 − 2 − 8
      '=SUBTOTAL(9,A:A)',
      '=SUBTOTAL(109,A:A)',
      '=SUBTOTAL(101,A1:A6)', // (1 + 4 + 16 + 32) / 4
      '=SUBTOTAL(102,A2)', // the one cell is hidden: no number counted
      '=SUBTOTAL(109,A$1:A$6,A2)',
      '=SUBTOTAL(9,1:6)', // whole rows: column A's visible values, the subtotals of column C left out
      '=SUBTOTAL(4,A1:A6)', // MAX: the filtered 8 left out, 32 stays
      '=SUBTOTAL(105,A3:A4)', // MIN of 4 (8 is filtered)
      '=SUM(A1:A6)', // SUM sees every row
    ];
    const other: SheetInput = { name: 'T', cells: [['=SUBTOTAL(109,S!A1:A6)', '=SUBTOTAL(9,S!A1:A6)', '=SUBTOTAL(9,S!A1:A6,A5)']] };
    const [s, t] = evaluateWorkbook([sheetWith(formulas), other]);
    expect(s.values.map((r) => r[2]).slice(0, formulas.length)).toEqual([55, 53, 55, 53, 13.25, 0, 53, 55, 32, 4, 63]);
    // T's own row 5 is not hidden (each sheet its own rows).
    expect(t.values[0]).toEqual([53, 55, 55]);
  });

  test('every value left out: a mean of none is #DIV/0!, a sum 0', () => {
    const values = columnC([sheetWith(['=SUBTOTAL(101,A2,A4)', '=SUBTOTAL(109,A2,A4)', '=SUBTOTAL(1,A4)'])]);
    expect(values[0]).toMatchObject({ error: '#DIV/0!' });
    expect(values[1]).toBe(0);
    expect(values[2]).toMatchObject({ error: '#DIV/0!' });
  });

  test('without hidden rows nothing changes; a wrong function number is still an error', () => {
    expect(columnC([sheetWith(['=SUBTOTAL(9,A1:A6)', '=SUBTOTAL(109,A1:A6)'], null)]).slice(0, 2)).toEqual([63, 63]);
    expect(columnC([sheetWith(['=SUBTOTAL(12,A1:A6)', '=SUBTOTAL(0,A1:A6)'])]).slice(0, 2)).toEqual([expect.objectContaining({ error: expect.any(String) }), expect.objectContaining({ error: expect.any(String) })]);
  });
});

describe('telling filtered rows from rows hidden by Hide Rows', () => {
  test('an autofilter filters when it has a filterColumn', () => {
    expect(autoFilterOf('<worksheet><autoFilter ref="A1:D20"/></worksheet>')).toEqual({ top: 0, bottom: 19, active: false });
    expect(autoFilterOf('<autoFilter ref="B3:D9"><filterColumn colId="1"><filters><filter val="x"/></filters></filterColumn></autoFilter>')).toEqual({ top: 2, bottom: 8, active: true });
    expect(autoFilterOf('<x:autoFilter ref="A1:A2"><x:filterColumn colId="0"/></x:autoFilter>')).toEqual({ top: 0, bottom: 1, active: true });
    expect(autoFilterOf('<worksheet><sheetData/></worksheet>')).toBeUndefined();
    expect(autoFilterElement('<worksheet><sheetData/><autoFilter ref="A1:B2"><filterColumn colId="0"/></autoFilter><pageMargins/></worksheet>')).toBe('<autoFilter ref="A1:B2"><filterColumn colId="0"/></autoFilter>');
  });

  test('hidden rows inside a filtering (or unknown) filter are filtered; the header row and rows outside are not', () => {
    expect(rowVisibility([5, 0, 12], [{ top: 0, bottom: 9, active: true }])).toEqual({ hidden: [0, 5, 12], filtered: [5] });
    expect(rowVisibility([5], [{ top: 0, bottom: 9, active: false }])).toEqual({ hidden: [5], filtered: [] });
    expect(rowVisibility([5], [{ top: 0, bottom: 9, active: undefined }])).toEqual({ hidden: [5], filtered: [5] });
    expect(rowVisibility([], [{ top: 0, bottom: 9, active: true }])).toBeUndefined();
  });

  test('worksheet parts by sheet name, from workbook.xml and its relationships', () => {
    const parts = new Map([
      ['xl/workbook.xml', '<workbook><sheets><sheet name="Data &amp; more" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId3"/></sheets></workbook>'],
      ['xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Type="ws" Target="worksheets/sheet1.xml"/><Relationship Id="rId3" Type="ws" Target="/xl/worksheets/sheet9.xml"/></Relationships>'],
    ]);
    expect([...worksheetPathsOf(parts)]).toEqual([
      ['DATA & MORE', 'xl/worksheets/sheet1.xml'],
      ['B', 'xl/worksheets/sheet9.xml'],
    ]);
  });
});

/**
 * An .xlsx as Excel saves it: Sheet1 A1 a header, A2:A7 = 1, 2, 4, 8, 16, 32, rows 3 and 5 hidden
 * (A3 = 2, A5 = 8), an autofilter over A1:A7 that filters (a filterColumn) or shows only its
 * arrows, C1 = SUBTOTAL(9, A2:A7), C2 = SUBTOTAL(109, A2:A7) with Excel's cached values.
 */
async function book(filtering: boolean, cached: [number, number]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = 'amount';
  [1, 2, 4, 8, 16, 32].forEach((v, i) => (ws.getCell(i + 2, 1).value = v));
  ws.getRow(3).hidden = true;
  ws.getRow(5).hidden = true;
  ws.autoFilter = 'A1:A7';
  ws.getCell('C1').value = { formula: 'SUBTOTAL(9,A2:A7)', result: cached[0] };
  ws.getCell('C2').value = { formula: 'SUBTOTAL(109,A2:A7)', result: cached[1] };
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  let xml = await zip.file(part)!.async('string');
  expect(xml).toMatch(/<autoFilter ref="A1:A7"\/>/);
  if (filtering) xml = xml.replace('<autoFilter ref="A1:A7"/>', '<autoFilter ref="A1:A7"><filterColumn colId="0"><filters><filter val="1"/><filter val="4"/><filter val="16"/><filter val="32"/></filters></filterColumn></autoFilter>');
  zip.file(part, xml);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-hidden-')), 'book.xlsx');
  fs.writeFileSync(file, await zip.generateAsync({ type: 'uint8array' }));
  return file;
}

describe('an .xlsx file read by the CLI', () => {
  test('rows hidden by an autofilter that filters: both SUBTOTALs leave them out', async () => {
    const content = await readXlsx(await book(true, [53, 53]));
    expect(content.sheets[0].rows).toEqual({ hidden: [2, 4], filtered: [2, 4] });
    const values = evaluateWorkbook(content.sheets)[0].values;
    expect([values[0][2], values[1][2]]).toEqual([53, 53]);
  });

  test('rows hidden under an autofilter that filters nothing were hidden by Hide Rows: only 109 leaves them out', async () => {
    const content = await readXlsx(await book(false, [63, 53]));
    expect(content.sheets[0].rows).toEqual({ hidden: [2, 4], filtered: [] });
    const values = evaluateWorkbook(content.sheets)[0].values;
    expect([values[0][2], values[1][2]]).toEqual([63, 53]);
  });
});
