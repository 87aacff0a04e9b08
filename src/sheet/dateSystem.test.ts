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
import { MESSAGES, MESSAGES_1904 } from '../engine/messages';
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

  it("a CYBER date out of range states the 1904 range and the value the cell holds, in English and Chinese", () => {
    // 9999-12-31 is 2957003 in 1904 (2958465 − 1462), so 2957004 is 10000-01-01 there; the engine
    // judged it as 1900 serial 2958466 and quoted that number and the 1900 range (61 to 2958465).
    const cells = ['=CYBER.DEADLINE("samsung.payment", -1)', '=CYBER.DEADLINE("samsung.payment", 2957004)', '=CYBER.DEADLINE("samsung.payment", -1500)'];
    expect(row(cells, true)).toEqual([
      { error: '#VALUE!', message: 'CYBER.DEADLINE: date must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is -1.' },
      { error: '#VALUE!', message: 'CYBER.DEADLINE: date must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is 2957004.' },
      { error: '#VALUE!', message: 'CYBER.DEADLINE: date must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is -1500.' },
    ]);
    expect(evaluateWorkbook([{ name: 'S', cells: [cells.slice(0, 2)] }], { date1904: true, language: 'zh' })[0].values[0]).toEqual([
      { error: '#VALUE!', message: 'CYBER.DEADLINE：参数 date（起算日） 必须是 0（1904-01-01）至 2957003（9999-12-31）之间的日期序列号，但输入的是 -1。' },
      { error: '#VALUE!', message: 'CYBER.DEADLINE：参数 date（起算日） 必须是 0（1904-01-01）至 2957003（9999-12-31）之间的日期序列号，但输入的是 2957004。' },
    ]);
    // A time on the day after the last and a 1×1 array: the cell's own number.
    expect(row(['=CYBER.INPERIOD(2957003, 0, 2957004.5)', '=CYBER.DEADLINE("samsung.payment", {2957004.25})'], true)).toEqual([
      { error: '#VALUE!', message: 'CYBER.INPERIOD: policy_end must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is 2957004.5.' },
      { error: '#VALUE!', message: 'CYBER.DEADLINE: date must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is 2957004.25.' },
    ]);
    // A notice deadline past 9999-12-31 is named by its 1904 serial: 90 days after 2957003 is 2957093.
    const notice = ['=CYBER.NOTICEBY("claim", 2956000, 2957003)'];
    expect(row(notice, true)).toEqual([
      {
        error: '#NUM!',
        message: 'CYBER.NOTICEBY: the notice deadline counted from policy_end (9999-12-31) would fall on serial 2957093, after 9999-12-31 (2957003), the last date a spreadsheet can hold.',
      },
    ]);
    expect(evaluateWorkbook([{ name: 'S', cells: [notice] }], { date1904: true, language: 'zh' })[0].values[0]).toEqual([
      {
        error: '#NUM!',
        message: 'CYBER.NOTICEBY：从参数 policy_end（保险期间终止日）（9999-12-31）起算的通知期限为序列号 2957093，晚于电子表格能表示的最后日期 9999-12-31（2957003）。',
      },
    ]);
    // A 1900 workbook keeps its range and its numbers, in both languages.
    expect(row(['=CYBER.NOTICEBY("claim", 2957462, 2958465)'], false)).toEqual([
      {
        error: '#NUM!',
        message: 'CYBER.NOTICEBY: the notice deadline counted from policy_end (9999-12-31) would fall on serial 2958555, after 9999-12-31 (2958465), the last date a spreadsheet can hold.',
      },
    ]);
    expect(row(['=CYBER.DEADLINE("samsung.payment", 2958466)'], false)).toEqual([
      { error: '#VALUE!', message: 'CYBER.DEADLINE: date must be a date serial between 61 (1900-03-01) and 2958465 (9999-12-31), but it is 2958466.' },
    ]);
    expect(evaluateWorkbook([{ name: 'S', cells: [['=CYBER.DEADLINE("samsung.payment", -1)']] }], { language: 'zh' })[0].values[0]).toEqual([
      { error: '#VALUE!', message: 'CYBER.DEADLINE：参数 date（起算日） 必须是 61（1900-03-01）至 2958465（9999-12-31）之间的日期序列号，但输入的是 -1。' },
    ]);
  });

  it('words each 1904 message as its 1900 one: the same code and placeholders, only the numbers differ', () => {
    const placeholders = (t: string) => t.match(/\{\w+\}/g);
    const numbersOf = (t: string) => t.match(/\d{4}-\d\d-\d\d|\d+/g);
    for (const [key, t] of Object.entries(MESSAGES_1904)) {
      const t1900 = MESSAGES[key as keyof typeof MESSAGES_1904];
      expect([key, t.code]).toEqual([key, t1900.code]);
      for (const lang of ['en', 'zh'] as const) {
        expect(placeholders(t[lang])).toEqual(placeholders(t1900[lang]));
        const swap = (n: string) => ({ '61': '0', '1900-03-01': '1904-01-01', '2958465': '2957003' })[n] ?? n;
        expect(numbersOf(t[lang])).toEqual(numbersOf(t1900[lang])?.map(swap));
        expect(t[lang].replace(/\d+/g, '#')).toBe(t1900[lang].replace(/\d+/g, '#'));
      }
    }
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

/**
 * A 1904 serial below 0 is a moment before 1904-01-01, the first day of that system (Microsoft,
 * "Date systems in Excel": "In the 1904 date system, the first day that is supported is January 1,
 * 1904"; DATE(1903,12,31) is #NUM! in a 1904 workbook). Given for a CYBER function's date, it is
 * the error the function gives for a date out of range in the 1900 system — #VALUE!, the engine's
 * message naming the argument (catalogue conventions: "Bad input never yields a number ... #VALUE!
 * — wrong type, negative where not allowed, out of range") — and never a day of 1900–1903 moved by
 * 1,462 days. 0 (1904-01-01) and every later serial give the numbers they gave before.
 */
describe('a date before 1904-01-01 in a 1904 workbook', () => {
  const outOfRange = (got: string) => ({
    error: '#VALUE!',
    message: `CYBER.DEADLINE: date must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is ${got}.`,
  });
  const outOfRange1900 = (got: string) => ({
    error: '#VALUE!',
    message: `CYBER.DEADLINE: date must be a date serial between 61 (1900-03-01) and 2958465 (9999-12-31), but it is ${got}.`,
  });

  it('stays as given where a 1904 serial from 0 moves by 1,462 days, so the engine judges it', () => {
    const params = [{ kind: 'date' }, { kind: 'table', columns: [{ kind: 'date' }, { kind: 'amount' }] }, { kind: 'date' }, { kind: 'amount' }];
    expect(cyberArgumentsTo1900(params, [-1, [[-0.5, -5], [0, 6]], [[-1462]], -7])).toEqual([-1, [[-0.5, -5], [1462, 6]], [[-1462]], -7]);
    expect(cyberArgumentsTo1900(params, [0, [[0.25, 1]], [[1]], 0])).toEqual([1462, [[1462.25, 1]], [[1463]], 0]);
  });

  it('given for a date argument, is the #VALUE! of a date out of range, naming the argument (en and zh)', () => {
    const cells = ['=CYBER.DEADLINE("samsung.payment", -1)', '=CYBER.DEADLINE("samsung.payment", -0.5)', '=CYBER.DEADLINE("samsung.payment", -1462)', '=CYBER.DEADLINE("samsung.payment", -1e-9)'];
    expect(row(cells, true)).toEqual([outOfRange('-1'), outOfRange('-0.5'), outOfRange('-1462'), outOfRange('-1e-9')]);
    const zh = evaluateWorkbook([{ name: 'S', cells: [['=CYBER.DEADLINE("samsung.payment", -1)']] }], { date1904: true, language: 'zh' })[0].values[0][0];
    expect(zh).toEqual({ error: '#VALUE!', message: 'CYBER.DEADLINE：参数 date（起算日） 必须是 0（1904-01-01）至 2957003（9999-12-31）之间的日期序列号，但输入的是 -1。' });
    // The same error (rule, code) as a date out of range in a 1900 workbook, whose message is unchanged.
    expect(row(['=CYBER.DEADLINE("samsung.payment", -1)', '=CYBER.DEADLINE("samsung.payment", 60)'], false)).toEqual([outOfRange1900('-1'), outOfRange1900('60')]);
  });

  it('from a cell, a 1×1 array or a second date argument alike', () => {
    const [a, b, c, d] = row([-1, '=CYBER.DEADLINE("samsung.payment", A1)', '=CYBER.DEADLINE("samsung.payment", {-1})', '=CYBER.INPERIOD(100, -1, 200)'], true).slice(0, 4);
    expect([a, b, c]).toEqual([-1, outOfRange('-1'), outOfRange('-1')]);
    expect(d).toEqual({ error: '#VALUE!', message: 'CYBER.INPERIOD: policy_start must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is -1.' });
    // A 1×1 array of a valid 1904 date is read in 1904 too (it was counted as a 1900 serial).
    expect(row(['=CYBER.DEADLINE("samsung.payment", {44196})'], true)).toEqual([44206]);
  });

  it("in a table's date column, is the table's rule for a date cell", () => {
    // STANDARDREVENUE's history: 2-column table (period start, revenue); the first start is -1.
    const sheet = (first: number) => [{ name: 'S', cells: [[first, 1000, '=CYBER.STANDARDREVENUE(A1:B2, 400, 2)'], [31, 2000]] }];
    expect(evaluateWorkbook(sheet(-1), { date1904: true })[0].values[0][2]).toEqual({
      error: '#VALUE!',
      message: 'CYBER.STANDARDREVENUE: history row 1, column "period start" must be a date serial from 0 (1904-01-01) to 2957003 (9999-12-31), but it is -1.',
    });
    // After 9999-12-31 (2957003 in 1904) the cell's own number, not its 1900 serial 2958466.
    expect(evaluateWorkbook(sheet(2957004), { date1904: true })[0].values[0][2]).toEqual({
      error: '#VALUE!',
      message: 'CYBER.STANDARDREVENUE: history row 1, column "period start" must be a date serial from 0 (1904-01-01) to 2957003 (9999-12-31), but it is 2957004.',
    });
    expect(evaluateWorkbook(sheet(-1), { date1904: true, language: 'zh' })[0].values[0][2]).toEqual({
      error: '#VALUE!',
      message: 'CYBER.STANDARDREVENUE：参数 history（经营性收益历史） 第 1 行“期间起始日”列必须是 0（1904-01-01）至 2957003（9999-12-31）之间的日期序列号，但输入的是 -1。',
    });
    expect(evaluateWorkbook(sheet(2957004), { date1904: true, language: 'zh' })[0].values[0][2]).toEqual({
      error: '#VALUE!',
      message: 'CYBER.STANDARDREVENUE：参数 history（经营性收益历史） 第 1 行“期间起始日”列必须是 0（1904-01-01）至 2957003（9999-12-31）之间的日期序列号，但输入的是 2957004。',
    });
    // A 1900 workbook's table keeps its rule's range and numbers; a column other than a date's is unchanged.
    expect(evaluateWorkbook(sheet(-1))[0].values[0][2]).toEqual({
      error: '#VALUE!',
      message: 'CYBER.STANDARDREVENUE: history row 1, column "period start" must be a date serial from 61 (1900-03-01) to 2958465 (9999-12-31), but it is -1.',
    });
    expect(evaluateWorkbook([{ name: 'S', cells: [[0, -5, '=CYBER.STANDARDREVENUE(A1:B2, 400, 2)'], [31, 2000]] }], { date1904: true })[0].values[0][2]).toEqual({
      error: '#VALUE!',
      message: 'CYBER.STANDARDREVENUE: history row 1, column "revenue" must be 0 or more, but it is -5.',
    });
    // From 1904-01-01 the table is read as before: 31 + 1462 is 1904-02-01, 400 + 1462 1905-02-04.
    const from0 = evaluateWorkbook(sheet(0), { date1904: true })[0].values[0][2];
    expect(typeof from0).toBe('number');
    expect(from0).toBe(evaluateWorkbook([{ name: 'S', cells: [[1462, 1000, '=CYBER.STANDARDREVENUE(A1:B2, 1862, 2)'], [1493, 2000]] }])[0].values[0][2]);
  });

  it('0 (1904-01-01) and later serials give the same numbers as before', () => {
    const cells = [
      '=CYBER.DEADLINE("samsung.payment", 0)',
      '=CYBER.DEADLINE("samsung.payment", 0.75)',
      '=CYBER.DEADLINE("samsung.payment", 1)',
      '=CYBER.DEADLINE("samsung.payment", 44196)',
      '=CYBER.NOTICESERVED(0)',
      '=CYBER.INPERIOD(0, 0, 1)',
      '=CYBER.DEADLINE("samsung.payment", 2957003)',
    ];
    expect(row(cells, true)).toEqual([
      10,
      10,
      11,
      44206,
      1,
      true,
      // 10 days after 9999-12-31 is 1904 serial 2957013 (the engine's 1900 serial 2958475).
      {
        error: '#NUM!',
        message: 'CYBER.DEADLINE: The day of samsung.payment, counted from date (9999-12-31), would be serial 2957013, outside the dates a spreadsheet can hold (0, 1904-01-01, to 2957003, 9999-12-31).',
      },
    ]);
  });

  it('a date result before 1904-01-01 is the #NUM! of a day outside the calendar, not a negative serial', () => {
    // samsung.cancel.other is 60 days before the day the cancellation takes effect (SAMSUNG
    // 第四十九条 (一) 3 b). From 1904-03-01 (60) that is 1904-01-01 (0); from 1904-02-29 (59), 1903-12-31.
    const cells = ['=CYBER.DEADLINE("samsung.cancel.other", 60)', '=CYBER.DEADLINE("samsung.cancel.other", 59)', '=CYBER.DEADLINE("samsung.cancel.other", 0.5)'];
    expect(row(cells, true)).toEqual([
      0,
      {
        error: '#NUM!',
        message: 'CYBER.DEADLINE: The resulting day, counted from date (1904-02-29), would be serial -1, outside the dates a spreadsheet can hold (0, 1904-01-01, to 2957003, 9999-12-31).',
      },
      {
        error: '#NUM!',
        message: 'CYBER.DEADLINE: The resulting day, counted from date (1904-01-01 12:00), would be serial -60, outside the dates a spreadsheet can hold (0, 1904-01-01, to 2957003, 9999-12-31).',
      },
    ]);
    const zh = evaluateWorkbook([{ name: 'S', cells: [['=CYBER.DEADLINE("samsung.cancel.other", 59)']] }], { date1904: true, language: 'zh' })[0].values[0][0];
    expect(zh).toEqual({
      error: '#NUM!',
      message: 'CYBER.DEADLINE：结果日期（自参数 date（起算日）（1904-02-29）起算）为序列号 -1，超出电子表格能表示的日期范围（0，即 1904-01-01，至 2957003，即 9999-12-31）。',
    });
    // In a 1900 workbook the same rule keeps its numbers and its own error before 1900-03-01.
    expect(row(['=CYBER.DEADLINE("samsung.cancel.other", 1522)', '=CYBER.DEADLINE("samsung.cancel.other", 120)'], false)).toEqual([
      1462,
      { error: '#NUM!', message: expect.stringContaining('CYBER.DEADLINE: The day of samsung.cancel.other, counted from date (1900-04-29), would be serial 60') },
    ]);
  });
});
