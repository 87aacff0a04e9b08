/**
 * The standard functions that build a serial, in a 1904 workbook: a date before 1904-01-01 (the
 * first day of that system) is the error Excel gives, never a negative serial or a date of
 * another century; 1900 workbooks keep their results. Sources (see src/sheet/dates1904.ts):
 * Microsoft KB 214365 / Q175753 "DATE Function May Return #NUM! Error When Year Is 0-3" (1904
 * system: DATE(0,1,1), DATE(1,7,5), DATE(1902,8,12) #NUM!, DATE(4,3,31) is 1904-03-31), KB 214331
 * (a DATE result from 1900 through 1903 is #NUM! there), Microsoft's DATE, DATEVALUE and WORKDAY
 * function pages.
 */
import { CellError, ErrorType } from 'hyperformula';
import { date1904 } from './dates1904';
import { evaluateWorkbook, type InputCell, type OutputCell } from './workbook';

function row(cells: InputCell[], in1904: boolean): OutputCell[] {
  return evaluateWorkbook([{ name: 'S', cells: [cells] }], { date1904: in1904 })[0].values[0];
}

const code = (v: OutputCell): unknown => (v !== null && typeof v === 'object' ? v.error : v);
const codes = (cells: InputCell[], in1904: boolean): unknown[] => row(cells, in1904).map(code);

describe('DATE in a 1904 workbook', () => {
  it('adds 1900 to a year from 0 to 1899, and a date before 1904-01-01 is #NUM!', () => {
    const cells = ['=DATE(1903,12,31)', '=DATE(0,1,1)', '=DATE(1,7,5)', '=DATE(1902,8,12)', '=DATE(3,12,31)', '=DATE(1900,1,1)', '=DATE(1904,1,0)', '=DATE(1904,0,1)'];
    // HyperFormula alone: 695421 (3807-12-31), 0, 1281, ... (it added 1904 to years below 1904).
    expect(codes(cells, true)).toEqual(['#NUM!', '#NUM!', '#NUM!', '#NUM!', '#NUM!', '#NUM!', '#NUM!', '#NUM!']);
  });

  it('gives the 1904 serial of every date from 1904-01-01 to 9999-12-31, short years read as 19xx', () => {
    const cells = ['=DATE(1904,1,1)', '=DATE(4,1,1)', '=DATE(4,3,31)', '=DATE(2024,1,31)', '=DATE(124,1,31)', '=DATE(1899,12,31)', '=DATE(9999,12,31)', '=DATE(1903,13,1)', '=DATE(2024.9,1.9,31.9)', '=DATE(2024,14,-1)'];
    // 1904-03-31 is 90; 2024-01-31 is 43860 (45322 − 1462); 3799-12-31 is 692500 (693962 − 1462);
    // month 14 of 2024, day −1 is 2025-01-30 (45687 − 1462), as the 1900 workbook counts it.
    expect(row(cells, true)).toEqual([0, 0, 90, 43860, 43860, 692500, 2957003, 0, 43860, 44225]);
    expect(row(['=DATE(2024,14,-1)'], false)).toEqual([45687]);
  });

  it('a year below 0 or from 10000 is #NUM!, before the months are counted', () => {
    expect(codes(['=DATE(-1,1,1)', '=DATE(10000,1,1)', '=DATE(10000,-1,1)', '=DATE(9999,13,1)', '=DATE(2024,1e12,1)'], true)).toEqual(['#NUM!', '#NUM!', '#NUM!', '#NUM!', '#NUM!']);
    expect((date1904(Number.NaN, 1, 1) as CellError).type).toBe(ErrorType.NUM);
    expect((date1904(1903, 12, 31) as CellError).type).toBe(ErrorType.NUM);
    expect(date1904(2024, 1, 31)).toBe(43860);
  });

  it('keeps its arguments’ errors and the 1900 workbook’s results', () => {
    expect(codes(['=DATE(1/0,1,1)', '=DATE("x",1,1)'], true)).toEqual(['#DIV/0!', '#VALUE!']);
    const cells = ['=DATE(1903,12,31)', '=DATE(0,1,1)', '=DATE(1900,1,1)', '=DATE(1900,3,1)', '=DATE(2024,1,31)', '=DATE(1899,12,31)', '=DATE(9999,12,31)'];
    expect(row(cells, false)).toEqual([1461, 1, 1, 61, 45322, 693962, 2958465]);
  });
});

describe('DATEVALUE, VALUE and TEXT of date text in a 1904 workbook', () => {
  it('text of a date before 1904-01-01 is no date: DATEVALUE and VALUE are #VALUE!', () => {
    const cells = ['=DATEVALUE("1903-12-31")', '=DATEVALUE("31/12/1903")', '=DATEVALUE("1903-12-31 12:00")', '=DATEVALUE("1900-01-01")', '=VALUE("1903-12-31")', '=VALUE("1903-12-31 12:00")', '=TIMEVALUE("1903-12-31 12:00")', '="1903-12-31"+0'];
    // Before: -1, -1, -1, -1460, -1, -0.5 (TIMEVALUE and + were already #VALUE!).
    expect(codes(cells, true)).toEqual(['#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!']);
  });

  it('from 1904-01-01 as before', () => {
    const cells = ['=DATEVALUE("1904-01-01")', '=DATEVALUE("1904-01-01 23:00")', '=DATEVALUE("2024-01-31")', '=DATEVALUE("12:00")', '=VALUE("1904-01-01 12:00")', '=TIMEVALUE("1904-01-01 12:00")', '=VALUE("2024-01-31")'];
    expect(row(cells, true)).toEqual([0, 0, 43860, 0, 0.5, 0.5, 43860]);
  });

  it('TEXT leaves text of a date before 1904-01-01 as text, as it leaves a date before 1900 in 1900', () => {
    // Before: "1903-12-31" was read as serial −1 (#VALUE! through a date format) or as 1908-01-01.
    const cells = ['=TEXT("1903-12-31","yyyy-mm-dd")', '=TEXT("1903-12-31 12:00","hh:mm")', '=TEXT("1904-01-02","yyyy-mm-dd")', '=TEXT(-1,"yyyy-mm-dd")'];
    expect(row(cells, true).map(code)).toEqual(['1903-12-31', '1903-12-31 12:00', '1904-01-02', '#VALUE!']);
    expect(row(['=TEXT("1899-12-31","yyyy-mm-dd")', '=TEXT("1903-12-31","yyyy-mm-dd")', '=TEXT(-1,"yyyy-mm-dd")'], false).map(code)).toEqual(['1899-12-31', '1903-12-31', '#VALUE!']);
  });

  it('the 1900 workbook’s results are unchanged', () => {
    const cells = ['=DATEVALUE("1903-12-31")', '=DATEVALUE("1900-01-01")', '=VALUE("1903-12-31 12:00")', '=TIMEVALUE("1903-12-31 12:00")', '=DATEVALUE("2024-01-31")'];
    expect(row(cells, false)).toEqual([1461, 1, 1461.5, 0.5, 45322]);
  });
});

describe('WORKDAY and WORKDAY.INTL in a 1904 workbook', () => {
  it('a workday counted back before 1904-01-01 is #NUM!', () => {
    // 1904-01-01 (0) was a Friday; 1904-01-02 (1) a Saturday. Before: -4, -4, -1.
    expect(codes(['=WORKDAY(1,-5)', '=WORKDAY.INTL(1,-5)', '=WORKDAY.INTL(3,-2,"0000011")', '=WORKDAY(0,-1)'], true)).toEqual(['#NUM!', '#NUM!', '#NUM!', '#NUM!']);
  });

  it('from 1904-01-01 as before, and the 1900 workbook unchanged', () => {
    expect(row(['=WORKDAY(2,-1)', '=WORKDAY(0,1)', '=WORKDAY.INTL(2,-1,1)', '=WORKDAY(43860,10)'], true)).toEqual([0, 3, 0, 43874]);
    expect(row(['=WORKDAY(45322,10)', '=WORKDAY(3,-1)'], false)).toEqual([45336, 2]);
  });
});
