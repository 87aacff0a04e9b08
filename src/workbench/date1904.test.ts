/**
 * A workbook in Excel's 1904 date system (Microsoft, "Date systems in Excel": serial 0 is
 * 1904-01-01, 1,462 days below the 1900 serial of the same date) opened in the workbench:
 * evaluated, shown and typed in it, and saved keeping <workbookPr date1904="1"/>.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { displayText, editText, setCellTextDateSystem } from './cellText';
import { WorkbenchModel } from './model';
import { openXlsx, saveXlsx, writeNewXlsx } from './xlsx';

async function macWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  (wb.properties as { date1904?: boolean }).date1904 = true;
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = new Date(Date.UTC(2024, 0, 31));
  ws.getCell('A1').numFmt = 'yyyy-mm-dd';
  ws.getCell('B1').value = { formula: 'YEAR(A1)' } as ExcelJS.CellValue;
  ws.getCell('C1').value = { formula: 'DATE(2024,1,31)' } as ExcelJS.CellValue;
  ws.getCell('D1').value = { formula: 'TEXT(A1,"d mmm yyyy")' } as ExcelJS.CellValue;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function sheetXml(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file(part)?.async('string')) ?? '';
}

describe('a 1904 workbook in the workbench', () => {
  afterEach(() => {
    new WorkbenchModel(); // the next model starts in the 1900 system (cellText's setting is reset)
  });

  it('evaluates, shows and types dates in the 1904 system, and saves keeping it', async () => {
    const model = await openXlsx(await macWorkbook(), ExcelJS);
    expect(model.isDate1904()).toBe(true);
    expect(model.getInput('S', 0, 0)).toBe(43860);
    expect([0, 1, 2, 3].map((c) => model.getValue('S', 0, c))).toEqual([43860, 2024, 43860, '31 Jan 2024']);
    expect(displayText(43860, 'yyyy-mm-dd')).toBe('2024-01-31');
    expect(displayText(1.5, '[h]:mm')).toBe('36:00');
    expect(editText(43860, 'yyyy-mm-dd')).toBe('2024-01-31');

    // A typed date is the 1904 serial of that date.
    model.typeText('S', 1, 0, '2024-02-01');
    expect(model.getInput('S', 1, 0)).toBe(43861);
    model.typeText('S', 1, 1, '=A2-A1');
    expect(model.getValue('S', 1, 1)).toBe(1);

    const saved = await saveXlsx(model, ExcelJS);
    expect(await sheetXml(saved, 'xl/workbook.xml')).toMatch(/<workbookPr[^>]*date1904="1"/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(saved as unknown as ArrayBuffer);
    // ExcelJS reads the cell in the file's system: the date typed, 2024-02-01.
    const a2 = back.getWorksheet('S')?.getCell('A2').value;
    expect(a2 instanceof Date ? a2.toISOString().slice(0, 10) : a2).toBe('2024-02-01');
    const again = await openXlsx(saved, ExcelJS);
    expect(again.getValue('S', 1, 0)).toBe(43861);

    // A copy written anew says its system too.
    expect(await sheetXml(await writeNewXlsx(model, ExcelJS), 'xl/workbook.xml')).toMatch(/date1904="1"/);
  });

  it('shows a negative serial with a date or time format as Excel does in 1904, never as a 1900 date', () => {
    // Microsoft KB 182247 ("Negative Date/Time Value Displayed as Pound Signs"): the pound signs
    // are the 1900 system's ("Microsoft Excel is set to use the 1900 date system ... The value in
    // the cell is a negative number"), and its fix is the 1904 date system, which shows the value
    // with a minus sign, as a negative time. -1 moved by 1,462 days would show 1903-12-31.
    const model = new WorkbenchModel();
    model.setDate1904(true);
    expect(displayText(-1, 'yyyy-mm-dd')).toBe('-1904-01-02');
    expect(displayText(-1.25, 'yyyy-mm-dd hh:mm')).toBe('-1904-01-02 06:00');
    expect(displayText(-0.5, 'hh:mm')).toBe('-12:00');
    expect(displayText(-0.5, '[h]:mm')).toBe('-12:00');
    expect(displayText(-1, '0.00')).toBe('-1.00');
    // From 0 (1904-01-01) as before.
    expect(displayText(0, 'yyyy-mm-dd')).toBe('1904-01-01');
    expect(displayText(0.5, 'hh:mm')).toBe('12:00');
    expect(displayText(1, 'yyyy-mm-dd')).toBe('1904-01-02');
    expect(displayText(43860, 'yyyy-mm-dd')).toBe('2024-01-31');
    // The editor shows the number itself, as before.
    expect(editText(-1, 'yyyy-mm-dd')).toBe('-1');

    // A CYBER date before 1904-01-01 in a cell is an error, given or returned (src/sheet/dateSystem.ts).
    const sheet = model.addSheet('S');
    model.setInput(sheet, 0, 0, -1);
    model.setInput(sheet, 0, 1, { formula: '=CYBER.DEADLINE("samsung.payment",A1)' });
    model.setInput(sheet, 0, 2, { formula: '=CYBER.DEADLINE("samsung.cancel.other",59)' });
    model.setInput(sheet, 0, 3, { formula: '=CYBER.DEADLINE("samsung.payment",0)' });
    expect(model.getValue(sheet, 0, 1)).toEqual({ error: '#VALUE!', message: 'CYBER.DEADLINE: date must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is -1.' });
    expect(model.getValue(sheet, 0, 2)).toEqual({
      error: '#NUM!',
      message: 'CYBER.DEADLINE: The resulting day, counted from date (1904-02-29), would be serial -1, outside the dates a spreadsheet can hold (0, 1904-01-01, to 2957003, 9999-12-31).',
    });
    expect(model.getValue(sheet, 0, 3)).toBe(10);
  });

  it('in a 1900 workbook a negative number with a date or time format shows pound signs, as in Excel', () => {
    // Microsoft KB 182247 ("Negative Date/Time Value Displayed as Pound Signs"): "Microsoft Excel
    // is set to use the 1900 date system -and- The value in the cell is a negative number (less
    // than zero) -and- The cell is formatted as a date or a time". It showed 1899-12-29.
    new WorkbenchModel();
    expect(displayText(-1, 'yyyy-mm-dd')).toBe('#####');
    expect(displayText(-1e-9, 'yyyy-mm-dd hh:mm')).toBe('#####');
    expect(displayText(-0.5, 'hh:mm')).toBe('#####');
    expect(displayText(-0.5, '[h]:mm')).toBe('#####');
    expect(displayText(-45322, 'd mmm yyyy')).toBe('#####');
    // Not a date or time format: the number; from 0 the dates as before (0 is Excel's 1900-01-00).
    expect([displayText(-1, '0.00'), displayText(-1, 'General'), displayText(-1)]).toEqual(['-1.00', '-1', '-1']);
    expect([displayText(0, 'yyyy-mm-dd'), displayText(1, 'yyyy-mm-dd'), displayText(61, 'yyyy-mm-dd'), displayText(0.5, 'hh:mm')]).toEqual(['1900-01-00', '1900-01-01', '1900-03-01', '12:00']);
    expect(displayText(1462, 'yyyy-mm-dd')).toBe('1904-01-01');
    expect(displayText(45322.75, 'yyyy-mm-dd hh:mm')).toBe('2024-01-31 18:00');
    // The editor shows the number itself, as before.
    expect(editText(-1, 'yyyy-mm-dd')).toBe('-1');
  });

  it('the pound signs follow the section that formats the value, as Excel picks it by sign (found by review)', () => {
    new WorkbenchModel();
    // A negative number through a code whose negative section is no date: Excel shows that section.
    expect(displayText(-1, 'd-mmm;0')).toBe('1');
    expect(displayText(-2.5, 'yyyy-mm-dd;0.0')).toBe('2.5');
    // A large number through a code whose positive section is no date.
    expect(displayText(3000000, '0;yyyy')).toBe('3000000');
    // The date sections still follow the rules.
    expect(displayText(-1, '0;yyyy')).toBe('#####');
    expect(displayText(3000000, 'yyyy;0')).toBe('#####');
    expect(displayText(45322, 'yyyy-mm-dd;0')).toBe('2024-01-31');
    // A code with conditions is judged whole, as before.
    expect(displayText(-1, '[<0]yyyy;0')).toBe('#####');
    // In a 1904 workbook: a negative number through a number section is that number (was -1463,
    // 1462 days added as to a date), through a date section a minus sign before the date.
    setCellTextDateSystem(true);
    try {
      expect(displayText(-1, 'd-mmm;0')).toBe('1');
      expect(displayText(-1, '0;yyyy-mm-dd')).toBe('-1904-01-02');
      expect(displayText(3000000, '0;yyyy')).toBe('3000000');
      expect(displayText(0, 'yyyy-mm-dd;0')).toBe('1904-01-01');
    } finally {
      setCellTextDateSystem(false);
    }
  });

  it('a 1900 workbook stays in the 1900 system', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = { formula: 'DATE(2024,1,31)' } as ExcelJS.CellValue;
    const model = await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), ExcelJS);
    expect(model.isDate1904()).toBe(false);
    expect(model.getValue('S', 0, 0)).toBe(45322);
    expect(displayText(45322, 'yyyy-mm-dd')).toBe('2024-01-31');
    model.typeText('S', 1, 0, '2024-01-31');
    expect(model.getInput('S', 1, 0)).toBe(45322);
  });
});
