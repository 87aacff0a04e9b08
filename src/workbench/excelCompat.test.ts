/**
 * The workbench evaluates as the CLI does (issue 11): a workbook holding a formula HyperFormula
 * cannot evaluate opens, that cell shows an error with a message, every other cell evaluates,
 * and Excel's functions give Excel's results.
 */
import ExcelJS from 'exceljs';
import { WorkbenchModel } from './model';
import { openXlsx } from './xlsx';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Main');
  ['a', 'b', 'c'].forEach((t, i) => (ws.getCell(1, i + 1).value = t));
  [1, 2, 3].forEach((n, i) => (ws.getCell(2, i + 1).value = n));
  ws.getCell('A3').value = { formula: '_xlfn.XLOOKUP(A1:C1,A1:C1,A2:C2)', result: 1, shareType: 'array', ref: 'A3:C3' } as unknown as ExcelJS.CellValue;
  ws.getCell('D3').value = { formula: 'SUM(A2:C2)', result: 6 };
  ws.getCell('A4').value = { formula: 'TEXT(0.32,"0.0%")', result: '32.0%' };
  ws.getCell('B4').value = { formula: 'LOOKUP(2.5,A2:C2)', result: 2 };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the workbench model opens and evaluates what the CLI evaluates', () => {
  test('the XLOOKUP array formula of issue 11 opens and evaluates', async () => {
    const model = await openXlsx(await workbook(), ExcelJS);
    expect(model.getValue('Main', 2, 3)).toBe(6);
    expect(model.getValue('Main', 3, 0)).toBe('32.0%');
    expect(model.getValue('Main', 3, 1)).toBe(2);
    // One result per lookup value, as Excel gives.
    expect(model.getValue('Main', 2, 0)).toBe(1);
    expect(model.getValue('Main', 2, 1)).toBe(2);
    expect(model.getValue('Main', 2, 2)).toBe(3);
  });

  test.each<[string, unknown]>([
    ['=INT(-1.7)', -2],
    ['=ISODD(-1)', true],
    ['=DAY(0)', 0],
    ['=9E+15', 9e15],
    ['=TEXT(1234567.5,"#,##0.00")', '1,234,567.50'],
    ['=CONCAT("a","b")', 'ab'],
    ['=B1', 0],
  ])('%s is %j', (formula, expected) => {
    const model = WorkbenchModel.blank();
    model.setInput('Sheet1', 0, 0, { formula });
    expect(model.getValue('Sheet1', 0, 0)).toEqual(expected);
  });
});

describe('what still differs from Excel in the workbench (pinned)', () => {
  test('a circle of references never read at run time is #CYCLE! (Excel and the CLI compute 1)', () => {
    const model = WorkbenchModel.blank();
    model.setInput('Sheet1', 0, 0, false);
    model.setInput('Sheet1', 0, 1, { formula: '=IF(A1,C1,1)' });
    model.setInput('Sheet1', 0, 2, { formula: '=B1' });
    expect(JSON.stringify(model.getValue('Sheet1', 0, 1))).toContain('#CYCLE!');
  });
  test('an array formula whose result size is only known once evaluated fills only its first cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Main');
    [1, 2, 3, 0].forEach((n, i) => (ws.getCell(1, i + 1).value = n));
    ws.getCell('A2').value = { formula: 'INDEX(A1:C1,1,D1)', result: 1, shareType: 'array', ref: 'A2:C2' } as unknown as ExcelJS.CellValue;
    const model = await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), ExcelJS);
    // Excel (and the CLI): 1, 2, 3 across A2:C2.
    expect([model.getValue('Main', 1, 1), model.getValue('Main', 1, 2)]).toEqual([null, null]);
  });
  test('a 3-D reference (SUM(Jan:Feb!A1)) is an error in its cell, the formula kept (Excel and the CLI sum the sheets)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Jan').getCell('A1').value = 1;
    wb.addWorksheet('Feb').getCell('A1').value = 2;
    wb.addWorksheet('Sum').getCell('A1').value = { formula: 'SUM(Jan:Feb!A1)', result: 3 };
    const model = await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), ExcelJS);
    expect(JSON.stringify(model.getValue('Sum', 0, 0))).toMatch(/#(ERROR|VALUE|REF|NAME)/);
    expect(model.getInput('Sum', 0, 0)).toEqual({ formula: '=SUM(Jan:Feb!A1)' });
  });
});
