/**
 * SUBTOTAL over hidden rows in the workbench, as Excel computes it (Microsoft's SUBTOTAL page):
 * "The SUBTOTAL function ignores any rows that are not included in the result of a filter, no
 * matter which function_num value you use", and "For the function_Num constants from 101 to 111,
 * the SUBTOTAL function ignores values of rows hidden by the Hide Rows command". A file's hidden
 * rows are kept in the model, move with inserted and deleted rows, undo and redo, follow a renamed
 * or copied sheet, and are saved hidden where they are.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { WorkbenchModel } from './model';
import { WORKBENCH_TEXT } from './uiText';
import { openXlsx, saveXlsx, sheetsWithFilteredRows, writeNewXlsx } from './xlsx';

/**
 * Data!A1 "Amount", A2:A9 10, 20, 30, 40, 50, 60, 70, 100. An autofilter on A1:A7 that filters
 * (a <filterColumn>, as Excel writes it) hides rows 3 and 5 (20 and 40); row 9 (100), outside the
 * filter, is hidden by Hide Rows. C1 =SUBTOTAL(9,A2:A9), C2 =SUBTOTAL(109,A2:A9), and on another
 * sheet the same over Data's rows; the cached values are Excel's.
 */
const FILTERS = '<autoFilter ref="A1:A7"><filterColumn colId="0"><filters><filter val="10"/><filter val="30"/><filter val="50"/><filter val="60"/></filters></filterColumn></autoFilter>';

async function filteredWorkbook(filter = FILTERS, iconTable = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.getCell('A1').value = 'Amount';
  [10, 20, 30, 40, 50, 60, 70, 100].forEach((v, i) => (ws.getCell(i + 2, 1).value = v));
  ws.getCell('C1').value = { formula: 'SUBTOTAL(9,A2:A9)', result: 320 } as ExcelJS.CellValue;
  ws.getCell('C2').value = { formula: 'SUBTOTAL(109,A2:A9)', result: 220 } as ExcelJS.CellValue;
  ws.autoFilter = 'A1:A7';
  for (const r of [3, 5, 9]) ws.getRow(r).hidden = true;
  if (iconTable) ws.addTable({ name: 'Codes', ref: 'E1', headerRow: true, columns: [{ name: 'code' }], rows: [['x'], ['y']] });
  const other = wb.addWorksheet('Report');
  other.getCell('A1').value = { formula: 'SUBTOTAL(9,Data!A2:A9)', result: 320 } as ExcelJS.CellValue;
  other.getCell('A2').value = { formula: 'SUBTOTAL(109,Data!A2:A9)', result: 220 } as ExcelJS.CellValue;
  const zip = await JSZip.loadAsync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const part = 'xl/worksheets/sheet1.xml';
  const xml = (await zip.file(part)?.async('string')) ?? '';
  expect(xml).toContain('<autoFilter ref="A1:A7"/>');
  zip.file(part, xml.replace('<autoFilter ref="A1:A7"/>', filter));
  if (iconTable) {
    // A table filtered by icon, which ExcelJS refuses: the workbook is read without any filter element.
    const table = 'xl/tables/table1.xml';
    const t = (await zip.file(table)?.async('string')) ?? '';
    expect(t).toMatch(/<autoFilter\b/);
    zip.file(table, t.replace(/<autoFilter\b[^>]*\/>|<autoFilter\b[\s\S]*?<\/autoFilter>/, '<autoFilter ref="E1:E3"><filterColumn colId="0"><iconFilter iconSet="3TrafficLights1" iconId="1"/></filterColumn></autoFilter>'));
  }
  return zip.generateAsync({ type: 'uint8array' });
}

async function part(bytes: Uint8Array, path: string): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file(path)?.async('string')) ?? '';
}

/** The rows (1-based) a sheet part hides. */
async function hiddenInFile(bytes: Uint8Array, path = 'xl/worksheets/sheet1.xml'): Promise<number[]> {
  const xml = await part(bytes, path);
  return [...xml.matchAll(/<row\b[^>]*>/g)].filter((m) => /\shidden="(?:1|true)"/.test(m[0])).map((m) => Number(/\sr="(\d+)"/.exec(m[0])?.[1]));
}

const sums = (m: WorkbenchModel, sheet: string, col: number, first: number) => [m.getValue(sheet, first, col), m.getValue(sheet, first + 1, col)];

describe('SUBTOTAL over hidden rows in the workbench', () => {
  test('after open: filtered rows left out by 9 and 109, the row hidden by Hide Rows by 109 only', async () => {
    const m = await openXlsx(await filteredWorkbook(), ExcelJS);
    expect(m.rowVisibility('Data')).toEqual({ hidden: [2, 4, 8], filtered: [2, 4] });
    expect(sums(m, 'Data', 2, 0)).toEqual([320, 220]);
    expect(sums(m, 'Report', 0, 0)).toEqual([320, 220]);
    // A plain SUM still counts every row.
    m.setInput('Data', 3, 2, { formula: '=SUM(A2:A9)' });
    expect(m.getValue('Data', 3, 2)).toBe(380);
    // The rows came from the file: nothing to undo, nothing unsaved.
    m.undo();
    expect(m.getValue('Data', 3, 2)).toBeNull();
    expect(m.canUndo).toBe(false);
  });

  test('the engine rebuilt by a change of date system or character set still leaves the rows out', async () => {
    const m = await openXlsx(await filteredWorkbook(), ExcelJS);
    m.setDate1904(true);
    m.setCharacterSet('mac');
    m.setInput('Data', 1, 0, 11);
    expect(sums(m, 'Data', 2, 0)).toEqual([321, 221]);
    m.setDate1904(false);
  });

  test('under an autofilter that filters nothing (arrows only) the hidden rows were hidden by Hide Rows: only 109 leaves them out, as the CLI', async () => {
    const m = await openXlsx(await filteredWorkbook('<autoFilter ref="A1:A7"/>'), ExcelJS);
    expect(m.rowVisibility('Data')).toEqual({ hidden: [2, 4, 8], filtered: [] });
    expect(sums(m, 'Data', 2, 0)).toEqual([380, 220]);
  });

  test('read without its filters (a table filtered by icon, which ExcelJS refuses), the sheet\'s filter still filters', async () => {
    const original = await filteredWorkbook(FILTERS, true);
    await expect(new ExcelJS.Workbook().xlsx.load(original as unknown as ArrayBuffer)).rejects.toThrow(/iconFilter/);
    const m = await openXlsx(original, ExcelJS);
    expect(m.rowVisibility('Data')).toEqual({ hidden: [2, 4, 8], filtered: [2, 4] });
    expect(sums(m, 'Data', 2, 0)).toEqual([320, 220]);
    m.insertRows('Data', 0, 1);
    const saved = await saveXlsx(m, ExcelJS);
    expect(await hiddenInFile(saved)).toEqual([4, 6, 10]);
    expect(await part(saved, 'xl/worksheets/sheet1.xml')).toContain('<autoFilter ref="A2:A8"><filterColumn colId="0"><filters>');
    expect(await part(saved, 'xl/tables/table1.xml')).toContain('<iconFilter iconSet="3TrafficLights1" iconId="1"/>');
    expect(sums(await openXlsx(saved, ExcelJS), 'Data', 2, 1)).toEqual([320, 220]);
  });

  test('a row inserted above moves the hidden rows; a row inserted inside the range is shown', async () => {
    const m = await openXlsx(await filteredWorkbook(), ExcelJS);
    m.insertRows('Data', 0, 1);
    expect(m.rowVisibility('Data')).toEqual({ hidden: [3, 5, 9], filtered: [3, 5] });
    expect(m.getInput('Data', 1, 2)).toEqual({ formula: '=SUBTOTAL(9,A3:A10)' });
    expect(sums(m, 'Data', 2, 1)).toEqual([320, 220]);
    expect(sums(m, 'Report', 0, 0)).toEqual([320, 220]);
    // Inside the range, below the filtered 20 (now row 5, 0-based 4): the new row is visible.
    m.insertRows('Data', 5, 1);
    m.setInput('Data', 5, 0, 5);
    expect(m.rowVisibility('Data')).toEqual({ hidden: [3, 6, 10], filtered: [3, 6] });
    expect(sums(m, 'Data', 2, 1)).toEqual([325, 225]);
    expect(sums(m, 'Report', 0, 0)).toEqual([325, 225]);
  });

  test('deleting hidden rows, then undo and redo', async () => {
    const m = await openXlsx(await filteredWorkbook(), ExcelJS);
    // The filtered 40 (row 5): nothing it held was counted; the rows below it move up.
    m.deleteRows('Data', 4, 1);
    expect(m.rowVisibility('Data')).toEqual({ hidden: [2, 7], filtered: [2] });
    expect(m.getInput('Data', 0, 2)).toEqual({ formula: '=SUBTOTAL(9,A2:A8)' });
    expect(sums(m, 'Data', 2, 0)).toEqual([320, 220]);
    // The 100 hidden by Hide Rows (now row 8): SUBTOTAL(9) counted it.
    m.deleteRows('Data', 7, 1);
    expect(m.rowVisibility('Data')).toEqual({ hidden: [2], filtered: [2] });
    expect(sums(m, 'Data', 2, 0)).toEqual([220, 220]);
    expect(sums(m, 'Report', 0, 0)).toEqual([220, 220]);
    // A visible row (the 30) deleted: 30 less for both.
    m.deleteRows('Data', 3, 1);
    expect(m.rowVisibility('Data')).toEqual({ hidden: [2], filtered: [2] });
    expect(sums(m, 'Data', 2, 0)).toEqual([190, 190]);

    m.undo();
    expect(m.rowVisibility('Data')).toEqual({ hidden: [2], filtered: [2] });
    expect(sums(m, 'Data', 2, 0)).toEqual([220, 220]);
    m.undo();
    expect(m.rowVisibility('Data')).toEqual({ hidden: [2, 7], filtered: [2] });
    expect(sums(m, 'Data', 2, 0)).toEqual([320, 220]);
    expect(sums(m, 'Report', 0, 0)).toEqual([320, 220]);
    m.undo();
    expect(m.rowVisibility('Data')).toEqual({ hidden: [2, 4, 8], filtered: [2, 4] });
    expect(sums(m, 'Data', 2, 0)).toEqual([320, 220]);
    expect(m.dirty).toBe(false);
    m.redo();
    m.redo();
    expect(m.rowVisibility('Data')).toEqual({ hidden: [2], filtered: [2] });
    expect(sums(m, 'Data', 2, 0)).toEqual([220, 220]);
    expect(sums(m, 'Report', 0, 0)).toEqual([220, 220]);
    m.undo();
    expect(sums(m, 'Data', 2, 0)).toEqual([320, 220]);
  });

  test('renamed, copied and deleted sheets keep their hidden rows; the engine keeps its undo history', async () => {
    const m = await openXlsx(await filteredWorkbook(), ExcelJS);
    m.setInput('Data', 1, 0, 11);
    expect(sums(m, 'Data', 2, 0)).toEqual([321, 221]);
    m.renameSheet('Data', 'Numbers');
    expect(m.rowVisibility('Numbers')).toEqual({ hidden: [2, 4, 8], filtered: [2, 4] });
    m.setInput('Numbers', 3, 0, 31);
    expect(sums(m, 'Numbers', 2, 0)).toEqual([322, 222]);
    expect(sums(m, 'Report', 0, 0)).toEqual([322, 222]);
    const copy = m.duplicateSheet('Numbers');
    expect(m.rowVisibility(copy)).toEqual({ hidden: [2, 4, 8], filtered: [2, 4] });
    expect(sums(m, copy, 2, 0)).toEqual([322, 222]);
    m.removeSheet('Numbers');
    expect(m.getValue('Report', 0, 0)).toEqual(expect.objectContaining({ error: '#REF!' }));
    m.undo(); // the sheet is back with its hidden rows
    expect(sums(m, 'Numbers', 2, 0)).toEqual([322, 222]);
    expect(sums(m, 'Report', 0, 0)).toEqual([322, 222]);
    m.undo();
    m.undo();
    m.undo();
    expect(m.hasSheet('Data')).toBe(true);
    m.undo();
    expect(sums(m, 'Data', 2, 0)).toEqual([320, 220]);
    expect(m.canUndo).toBe(false);
  });

  test('saved in place and opened again: rows still hidden where they are, SUBTOTAL the same', async () => {
    const original = await filteredWorkbook();
    const m = await openXlsx(original, ExcelJS);
    expect(await hiddenInFile(original)).toEqual([3, 5, 9]);
    // Saved unchanged: the part is the file's, byte for byte.
    const same = await saveXlsx(m, ExcelJS);
    expect(await part(same, 'xl/worksheets/sheet1.xml')).toBe(await part(original, 'xl/worksheets/sheet1.xml'));

    m.insertRows('Data', 0, 1);
    m.deleteRows('Data', 5, 1); // the filtered 40 (row 6 now)
    m.insertRows('Data', 5, 1); // visible, between the 30 and the 50
    m.setInput('Data', 5, 0, 5);
    expect(m.rowVisibility('Data')).toEqual({ hidden: [3, 9], filtered: [3] });
    expect(sums(m, 'Data', 2, 1)).toEqual([325, 225]);
    const saved = await saveXlsx(m, ExcelJS);
    expect(await hiddenInFile(saved)).toEqual([4, 10]);
    const sheet = await part(saved, 'xl/worksheets/sheet1.xml');
    // The filter moved with its rows (./xlsxShift.ts), the hidden rows with theirs.
    expect(sheet).toMatch(/<autoFilter ref="A2:A8"><filterColumn colId="0">/);
    expect(sheet).toMatch(/<row r="4"[^>]*\shidden="1"[^>]*><c r="A4"[^>]*><v>20<\/v>/);
    expect(sheet).toMatch(/<row r="10"[^>]*\shidden="1"[^>]*><c r="A10"[^>]*><v>100<\/v>/);
    const again = await openXlsx(saved, ExcelJS);
    expect(again.rowVisibility('Data')).toEqual({ hidden: [3, 9], filtered: [3] });
    expect(sums(again, 'Data', 2, 1)).toEqual([325, 225]);
    expect(sums(again, 'Report', 0, 0)).toEqual([325, 225]);

    // Undone back to the file as opened and saved again: hidden where the file had them.
    m.undo();
    m.undo();
    m.undo();
    m.undo();
    const back = await saveXlsx(m, ExcelJS);
    expect(await hiddenInFile(back)).toEqual([3, 5, 9]);
    expect(sums(await openXlsx(back, ExcelJS), 'Data', 2, 0)).toEqual([320, 220]);
  });

  test('saved when the save cannot tell how rows moved (the sheet\'s last row deleted): the hidden rows are still where the model has them', async () => {
    const m = await openXlsx(await filteredWorkbook(), ExcelJS);
    m.insertRows('Data', 0, 1);
    m.deleteRows('Data', 9, 1); // the 100 hidden by Hide Rows, in the sheet's last used row
    m.insertRows('Data', 5, 1);
    m.setInput('Data', 5, 0, 5);
    expect(m.rowVisibility('Data')).toEqual({ hidden: [3, 6], filtered: [3, 6] });
    expect(sums(m, 'Data', 2, 1)).toEqual([225, 225]);
    const saved = await saveXlsx(m, ExcelJS);
    expect(await hiddenInFile(saved)).toEqual([4, 7]);
    const sheet = await part(saved, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<row r="4"[^>]*\shidden="1"[^>]*><c r="A4"[^>]*><v>20<\/v>/);
    expect(sheet).toMatch(/<row r="7"[^>]*\shidden="1"[^>]*><c r="A7"[^>]*><v>40<\/v>/);
    const again = await openXlsx(saved, ExcelJS);
    expect(again.rowVisibility('Data')?.hidden).toEqual([3, 6]);
    expect(sums(again, 'Data', 2, 1)).toEqual([225, 225]);
  });

  test('a hidden row without values is hidden too: what is typed there is left out, and it moves with the rows', async () => {
    const original = await filteredWorkbook();
    const zip = await JSZip.loadAsync(original);
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', '<row r="12" hidden="1"/></sheetData>'));
    const m = await openXlsx(await zip.generateAsync({ type: 'uint8array' }), ExcelJS);
    expect(m.rowVisibility('Data')).toEqual({ hidden: [2, 4, 8, 11], filtered: [2, 4] });
    m.setInput('Data', 11, 0, 1000);
    m.setInput('Data', 2, 3, { formula: '=SUBTOTAL(9,A2:A12)' });
    m.setInput('Data', 3, 3, { formula: '=SUBTOTAL(109,A2:A12)' });
    expect([m.getValue('Data', 2, 3), m.getValue('Data', 3, 3)]).toEqual([1320, 220]);
    m.insertRows('Data', 0, 2);
    expect([m.getValue('Data', 4, 3), m.getValue('Data', 5, 3)]).toEqual([1320, 220]);
    expect(await hiddenInFile(await saveXlsx(m, ExcelJS))).toEqual([5, 7, 11, 14]);
  });

  test('a copy written new, and an autosave restored, keep the hidden rows', async () => {
    const m = await openXlsx(await filteredWorkbook(), ExcelJS);
    const written = await writeNewXlsx(m, ExcelJS);
    expect(await hiddenInFile(written)).toEqual([3, 5, 9]);
    // What still differs (README): the copy has no autofilter (the model keeps none), so opened
    // again its filtered rows count as hidden by Hide Rows, and SUBTOTAL(9) counts them.
    const copy = await openXlsx(written, ExcelJS);
    expect(copy.rowVisibility('Data')).toEqual({ hidden: [2, 4, 8], filtered: [] });
    expect(sums(copy, 'Data', 2, 0)).toEqual([380, 220]);
    // So the page says it after writing such a copy (WorkbenchPage: savedAsNew, then filtersNotKept).
    expect(sheetsWithFilteredRows(m)).toEqual(['Data']);
    expect(sheetsWithFilteredRows(copy)).toEqual([]);
    expect(WORKBENCH_TEXT.en.filtersNotKept(sheetsWithFilteredRows(m))).toContain("on 'Data' stay hidden in the new workbook, but the filter is not kept");
    expect(WORKBENCH_TEXT.zh.filtersNotKept(sheetsWithFilteredRows(m))).toContain("工作表 'Data' 中被筛选隐藏的行");
    const restored = WorkbenchModel.fromSnapshot(JSON.parse(JSON.stringify(m.snapshot())));
    expect(restored.rowVisibility('Data')).toEqual({ hidden: [2, 4, 8], filtered: [2, 4] });
    expect(sums(restored, 'Data', 2, 0)).toEqual([320, 220]);
    expect(sums(restored, 'Report', 0, 0)).toEqual([320, 220]);
    // A stored list that is not rows is dropped, not trusted.
    const bad = JSON.parse(JSON.stringify(m.snapshot()));
    bad.sheets[0].rows = { hidden: [-1, 'x'], filtered: [] };
    expect(WorkbenchModel.fromSnapshot(bad).rowVisibility('Data')).toBeUndefined();
  });
});

describe('a reference a function returns (INDEX, INDIRECT, OFFSET) leaves out hidden rows as a typed range', () => {
  test('SUBTOTAL and AGGREGATE over INDEX, INDIRECT and OFFSET of Data!A2:A9', async () => {
    const m = await openXlsx(await filteredWorkbook(), ExcelJS);
    m.setInput('Data', 0, 3, { formula: '=SUBTOTAL(109,INDEX(A2:A9,0,1))' });
    m.setInput('Data', 1, 3, { formula: '=SUBTOTAL(9,INDIRECT("A2:A9"))' });
    m.setInput('Data', 2, 3, { formula: '=AGGREGATE(9,5,OFFSET(A2,0,0,COUNT(A2:A9),1))' });
    m.setInput('Data', 3, 3, { formula: '=AGGREGATE(9,4,INDEX(A2:A9,0,1))' });
    m.setInput('Data', 4, 3, { formula: '=AGGREGATE(9,0,INDEX(C1:C2,0,1))' }); // both nested: 0
    expect([0, 1, 2, 3, 4].map((r) => m.getValue('Data', r, 3))).toEqual([220, 320, 220, 380, 0]);
    // A value typed in a hidden row is still left out; one in a shown row counted.
    m.setInput('Data', 2, 0, 25);
    m.setInput('Data', 1, 0, 11);
    expect([0, 1, 2, 3].map((r) => m.getValue('Data', r, 3))).toEqual([221, 321, 221, 386]);
  });
});
