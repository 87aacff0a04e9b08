/**
 * Saving in place after rows and columns were inserted and deleted in the workbench: the file's
 * merged cells, conditional formatting, validation, hyperlinks, comments, tables, column widths,
 * print area and defined names move with the cells, as Excel moves them.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { openXlsx, saveWarnings, saveXlsx } from './xlsx';

async function build(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.getCell('A1').value = 'Item';
  ws.getCell('B1').value = 'Drop';
  ws.getCell('C1').value = 'Amount';
  ws.getCell('C2').value = 10;
  ws.getCell('C3').value = 20;
  ws.getCell('C4').value = 30;
  ws.getCell('C5').value = { formula: 'SUM(C2:C4)', result: 60 };
  ws.getCell('A3').value = { text: 'Policy', hyperlink: 'https://example.com/policy' };
  ws.getCell('C2').note = 'Checked';
  ws.getColumn('C').width = 25;
  ws.mergeCells('A10:C11');
  ws.getCell('A10').value = 'Merged';
  ws.mergeCells('B14:B15'); // wholly in the deleted column: goes
  ws.getCell('D2').dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true };
  ws.getCell('B7').dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 5] }; // deleted
  ws.addConditionalFormatting({ ref: 'C2:C4', rules: [{ type: 'expression', formulae: ['C2>$C$3'], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }] });
  ws.addTable({ name: 'Losses', ref: 'F1', headerRow: true, columns: [{ name: 'Event' }, { name: 'Loss' }], rows: [['Outage', 100], ['Breach', 200]] });
  ws.pageSetup.printArea = 'A1:G20';
  wb.definedNames.add("'Data'!$C$2:$C$4", 'Amounts');
  wb.definedNames.add("'Data'!$B$2", 'Dropped');
  const other = wb.addWorksheet('Other');
  other.getCell('A1').value = 1;
  wb.definedNames.add("'Other'!$A$1", 'Elsewhere');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async('string'));
  return out;
}

const attrs = (xml: string, el: string, attr: string) => [...xml.matchAll(new RegExp(`<${el}\\b[^>]*\\s${attr}="([^"]*)"`, 'g'))].map((m) => m[1]);
const nameBody = (wb: string, name: string) => new RegExp(`<definedName name="${name.replace('.', '\\.')}"[^>]*>([^<]*)</definedName>`).exec(wb)?.[1];

describe('rows and columns inserted and deleted, then saved in place', () => {
  test('a row inserted above everything and column B deleted: every kept address moves as in Excel', async () => {
    const bytes = await build();
    const before = await partsOf(bytes);
    const sheetBefore = before.get('xl/worksheets/sheet1.xml') as string;
    expect(attrs(sheetBefore, 'mergeCell', 'ref')).toEqual(['A10:C11', 'B14:B15']);

    const model = await openXlsx(bytes, ExcelJS);
    model.insertRows('Data', 0, 1);
    model.deleteColumns('Data', 1, 1);
    // The cells moved: C3 is now B4.
    expect(model.getValue('Data', 3, 1)).toBe(20);
    const warnings = saveWarnings(model);
    expect(warnings.map((w) => [w.kind, w.sheet])).toEqual([['rowsColumnsMoved', 'Data']]);
    expect(warnings[0].en).toContain('merged cells, conditional formatting, data validation, hyperlinks, comments, tables, defined names and column widths move with them');

    const after = await partsOf(await saveXlsx(model, ExcelJS));
    const sheet = after.get('xl/worksheets/sheet1.xml') as string;
    expect(attrs(sheet, 'mergeCell', 'ref')).toEqual(['A11:B12']);
    expect(sheet).toContain('<mergeCells count="1">');
    expect(attrs(sheet, 'conditionalFormatting', 'sqref')).toEqual(['B3:B5']);
    expect(/<conditionalFormatting[^>]*>.*?<formula>([^<]*)<\/formula>/.exec(sheet)?.[1]).toBe('B3&gt;$B$4');
    expect(attrs(sheet, 'dataValidation', 'sqref')).toEqual(['C3']);
    expect(attrs(sheet, 'hyperlink', 'ref')).toEqual(['A4']);
    expect(sheet).toMatch(/<col min="2" max="2" width="25"/);
    // The cells themselves are where the model has them.
    expect(sheet).toMatch(/<c r="B3"[^>]*><v>10<\/v>/);

    const comments = [...after.keys()].find((p) => /^xl\/comments\d*\.xml$/.test(p)) as string;
    expect(attrs(after.get(comments) as string, 'comment', 'ref')).toEqual(['B3']);

    const table = [...after.keys()].find((p) => /^xl\/tables\/table\d+\.xml$/.test(p)) as string;
    expect(attrs(after.get(table) as string, 'table', 'ref')).toEqual(['E2:F4']);
    expect(attrs(after.get(table) as string, 'autoFilter', 'ref')).toEqual(['E2:F4']);

    const wb = after.get('xl/workbook.xml') as string;
    expect(nameBody(wb, 'Amounts')).toMatch(/^'?Data'?!\$B\$3:\$B\$5$/);
    expect(nameBody(wb, 'Dropped')).toContain('#REF!');
    expect(nameBody(wb, 'Elsewhere')).toMatch(/^'?Other'?!\$A\$1$/);
    // ExcelJS writes the print area as 'Data'!$A1:$G20: its $ marks are kept.
    expect(nameBody(wb, '_xlnm.Print_Area')).toBe("'Data'!$A2:$F21");
    // The other sheet is untouched.
    expect(after.get('xl/worksheets/sheet2.xml')).toBe(before.get('xl/worksheets/sheet2.xml'));

    // And the saved file reads back with the moved cells.
    const again = await openXlsx(new Uint8Array(await (await JSZip.loadAsync(await saveXlsx(model, ExcelJS))).generateAsync({ type: 'uint8array' })), ExcelJS);
    expect(again.getValue('Data', 5, 1)).toBe(60);
  });

  test('undone back to the file: nothing moves, nothing is said', async () => {
    const bytes = await build();
    const model = await openXlsx(bytes, ExcelJS);
    model.insertRows('Data', 0, 1);
    model.undo();
    expect(saveWarnings(model)).toEqual([]);
    const after = await partsOf(await saveXlsx(model, ExcelJS));
    expect(attrs(after.get('xl/worksheets/sheet1.xml') as string, 'mergeCell', 'ref')).toEqual(['A10:C11', 'B14:B15']);
  });
});
