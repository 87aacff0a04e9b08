/**
 * Excel's 1904 date system (Microsoft, "Date systems in Excel": "In the 1904 date system, the
 * first day that is supported is January 1, 1904 … the difference between the two date systems
 * is 1,462 days"). Expected values are Excel's: DATE(2024,1,31) is 45322 in the 1900 system and
 * 45322 − 1462 = 43860 in the 1904 system.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cyberArgumentsTo1900, date1904OfWorkbookXml, from1900, to1900 } from './dateSystem';
import { evaluateWorkbook, type InputCell, type OutputCell } from './workbook';
import { dateToSerial, readWorkbookContent } from './xlsx';
import { readXlsx } from '../cli/read-xlsx';

function row(cells: InputCell[], date1904: boolean): OutputCell[] {
  return evaluateWorkbook([{ name: 'S', cells: [cells] }], { date1904 })[0].values[0];
}

describe('the 1904 date system', () => {
  it('reads <workbookPr date1904> as xl/workbook.xml writes it', () => {
    expect(date1904OfWorkbookXml('<workbook><workbookPr date1904="1" defaultThemeVersion="124226"/></workbook>')).toBe(true);
    expect(date1904OfWorkbookXml('<x:workbook><x:workbookPr date1904="true"/></x:workbook>')).toBe(true);
    expect(date1904OfWorkbookXml('<workbook><workbookPr date1904="0"/></workbook>')).toBe(false);
    expect(date1904OfWorkbookXml('<workbook><workbookPr defaultThemeVersion="124226"/></workbook>')).toBe(false);
    expect(date1904OfWorkbookXml('<workbook/>')).toBe(false);
  });

  it('moves serials by 1,462 days between the systems, and only a date argument of a CYBER function', () => {
    expect(to1900(43860, true)).toBe(45322);
    expect(from1900(45322, true)).toBe(43860);
    expect(to1900(43860, false)).toBe(43860);
    const params = [{ kind: 'text' }, { kind: 'date' }, { kind: 'table', columns: [{ kind: 'date' }, { kind: 'amount' }] }, { kind: 'amount' }];
    expect(cyberArgumentsTo1900(params, ['x', 43860, [[43860, 5], ['2024-01-31', 6]], 7])).toEqual(['x', 45322, [[45322, 5], ['2024-01-31', 6]], 7]);
    expect(cyberArgumentsTo1900(params, ['x', '2024-01-31'])).toEqual(['x', '2024-01-31']);
  });

  it('evaluates the date functions as Excel does in a 1904 workbook', () => {
    const formulas = [
      '=DATE(2024,1,31)',
      '=YEAR(43860)',
      '=MONTH(43860)',
      '=DAY(43860)',
      '=YEAR(0)&"-"&MONTH(0)&"-"&DAY(0)',
      '=DAY(1)',
      '=VALUE("2024-01-31")',
      '=WEEKDAY(43860)',
      '=EDATE(43860,1)',
      '=EOMONTH(43860,0)',
      '=YEARFRAC(43830,43860,1)',
      '=NETWORKDAYS(43860,43866)',
      '=DATEDIF(43830,43860,"YD")',
      '=EDATE(10,-1)',
    ];
    expect(row(formulas, true)).toEqual([
      43860,
      2024,
      1,
      31,
      '1904-1-1', // serial 0 is 1904-01-01, not 1900-01-00
      2,
      43860,
      4, // Wednesday
      43889, // 2024-02-29
      43860,
      30 / 366,
      5,
      30,
      { error: '#NUM!', message: "EDATE: the result is outside Excel's calendar." },
    ]);
    // The same formulas in the 1900 system, for contrast.
    expect(row(['=DATE(2024,1,31)', '=YEAR(43860)', '=DAY(0)', '=EDATE(45322,1)'], false)).toEqual([45322, 2020, 0, 45351]);
  });

  it("shows TEXT's date formats in the workbook's system, numbers and elapsed times alike in both", () => {
    const formulas = ['=TEXT(43860,"yyyy-mm-dd")', '=TEXT(1.5,"yyyy-mm-dd hh:mm")', '=TEXT(1.5,"[h]:mm")', '=TEXT(43860,"0.00")', '=TEXT("2024-01-31","0")', '=TEXT("2024-01-31","d mmm yyyy")'];
    expect(row(formulas, true)).toEqual(['2024-01-31', '1904-01-02 12:00', '36:00', '43860.00', '43860', '31 Jan 2024']);
    expect(row(formulas, false)).toEqual(['2020-01-30', '1900-01-01 12:00', '36:00', '43860.00', '45322', '31 Jan 2024']);
  });

  it('gives a CYBER date function the calendar date Excel gives on a Mac workbook', () => {
    // 2025-01-01 is 45658 in 1900 and 44196 in 1904; SAMSUNG's payment limit is 10 days later.
    expect(row(['=CYBER.DEADLINE("samsung.payment", 44196)', '=TEXT(A1,"yyyy-mm-dd")'], true)).toEqual([44206, '2025-01-11']);
    expect(row(['=CYBER.DEADLINE("samsung.payment", 45658)'], false)).toEqual([45668]);
  });

  it('what still differs from Excel (pinned): a CYBER date out of range is named by its 1900 serial in the message', () => {
    // -1500 in the 1904 system is -38 in 1900: the engine's rule names the 1900 serials it counts in.
    const [v] = row(['=CYBER.DEADLINE("samsung.payment", -1500)'], true);
    expect(v).toEqual({ error: '#VALUE!', message: expect.stringContaining('61 (1900-03-01)') });
  });

  it('reads date cells of a 1904 xlsx as 1904 serials, in the sheet reader and the CLI', async () => {
    const wb = new ExcelJS.Workbook();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2024, 0, 31, 12));
    ws.getCell('A1').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('B1').value = { formula: 'YEAR(A1)' } as ExcelJS.CellValue;
    ws.getCell('C1').value = { formula: 'TEXT(A1,"yyyy-mm-dd hh:mm")' } as ExcelJS.CellValue;
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    const content = readWorkbookContent(back, ExcelJS.ValueType);
    expect(content.date1904).toBe(true);
    expect(content.sheets[0].cells[0][0]).toBe(43860.5);
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 31, 12)), true)).toBe(43860.5);
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 31, 12)))).toBe(45322.5);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'date1904-')), 'mac.xlsx');
    fs.writeFileSync(file, bytes);
    const cli = await readXlsx(file);
    expect(cli.date1904).toBe(true);
    const values = evaluateWorkbook(cli.sheets, { names: cli.names, date1904: cli.date1904 })[0].values[0];
    expect(values).toEqual([43860.5, 2024, '2024-01-31 12:00']);
  });
});
