/**
 * The standard functions that build a serial, in a 1900 workbook, at the ends of Excel's calendar
 * (serial 1 is 1900-01-01, 2958465 is 9999-12-31): a date outside it is the error Excel gives,
 * never a serial of 1899 or of the year 10000; every date inside it keeps HyperFormula's serial.
 * Sources (see src/sheet/dates1904.ts): Microsoft, "DATE function" ("If year is less than 0 or is
 * 10000 or greater, Excel returns the #NUM! error value"), "DATEVALUE function" ("must represent a
 * date between January 1, 1900 and December 31, 9999 … #VALUE!"), "WORKDAY function" ("If
 * start_date plus days yields an invalid date, WORKDAY returns the #NUM! error value"); ECMA-376
 * Part 1, §18.17.4.1 "Date Representation" (the upper limit 2,958,465 in 1900, 2,957,003 in 1904).
 */
import { CellError, ErrorType } from 'hyperformula';
import { date1900 } from './dates1904';
import { evaluateWorkbook, type InputCell, type OutputCell } from './workbook';

function column(cells: InputCell[], in1904 = false): OutputCell[] {
  return evaluateWorkbook([{ name: 'S', cells: cells.map((c) => [c]) }], { date1904: in1904 })[0].values.map((r) => r[0]);
}

const code = (v: OutputCell): unknown => (v !== null && typeof v === 'object' ? v.error : v);
const codes = (cells: InputCell[], in1904 = false): unknown[] => column(cells, in1904).map(code);

describe('DATE in a 1900 workbook', () => {
  it('a year below 0 or from 10000 is #NUM!, whatever the months carry', () => {
    // Before: 2958405 (9999-11-01), 2958465, 30, #VALUE! (HyperFormula carried the months first).
    expect(codes(['=DATE(10000,-1,1)', '=DATE(10000,0,31)', '=DATE(-1,14,-1)', '=DATE(-1900,1,1)', '=DATE(10000,1,1)', '=DATE(-1,1,1)'])).toEqual(['#NUM!', '#NUM!', '#NUM!', '#NUM!', '#NUM!', '#NUM!']);
    expect((date1900(10000, -1, 1) as CellError).type).toBe(ErrorType.NUM);
    expect((date1900(Number.NaN, 1, 1) as CellError).type).toBe(ErrorType.NUM);
  });

  it('a date after 9999-12-31 or before 1900-01-00 is #NUM!', () => {
    // Before: #NUM! too, but #VALUE! for a month carried to a year before 1582.
    expect(codes(['=DATE(9999,12,32)', '=DATE(9999,13,1)', '=DATE(1900,1,-1)', '=DATE(1900,-5000,1)', '=DATE(2024,1e12,1)'])).toEqual(['#NUM!', '#NUM!', '#NUM!', '#NUM!', '#NUM!']);
  });

  it('gives HyperFormula’s serial for every date from 1900-01-00 to 9999-12-31', () => {
    const cells = ['=DATE(1900,1,0)', '=DATE(1900,1,1)', '=DATE(1900,2,28)', '=DATE(1900,2,29)', '=DATE(1900,3,0)', '=DATE(1900,3,1)', '=DATE(1900,0,31)', '=DATE(1900,0,32)', '=DATE(0,1,1)', '=DATE(1899,12,31)', '=DATE(2024,1,31)', '=DATE(2024,14,-1)', '=DATE(2024.9,1.9,31.9)', '=DATE(9999,12,31)', '=DATE(-0.5,1,1)'];
    expect(column(cells)).toEqual([0, 1, 59, 60, 60, 61, 0, 1, 1, 693962, 45322, 45687, 45322, 2958465, 1]);
    expect([date1900(1900, 2, 29), date1900(9999, 12, 31), date1900(4, 3, 31)]).toEqual([60, 2958465, 1552]);
  });

  it('keeps its arguments’ errors', () => {
    expect(codes(['=DATE(1/0,1,1)', '=DATE("x",1,1)', '=DATE(2024,NA(),1)'])).toEqual(['#DIV/0!', '#VALUE!', '#N/A']);
  });
});

describe('DATEVALUE, VALUE and + of date text in a 1900 workbook', () => {
  it('text of a date before 1900-01-01 is no date: #VALUE!', () => {
    // Before: DATEVALUE gave 0, -1, 0, -364 (VALUE and + were already #VALUE!).
    const cells = ['=DATEVALUE("1899-12-31")', '=DATEVALUE("1899-12-30")', '=DATEVALUE("1899-12-31 12:00")', '=DATEVALUE("1899-01-01")', '=VALUE("1899-12-31")', '=VALUE("1899-12-30 12:00")', '="1899-12-31"+0', '="1899-12-30"*1', '=YEAR("1899-12-31")'];
    expect(codes(cells)).toEqual(['#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!']);
  });

  it('from 1900-01-01 to 9999-12-31 as before; a time alone is 0; other text #VALUE!', () => {
    const cells = ['=DATEVALUE("1900-01-01")', '=DATEVALUE("1/1/1900")', '=DATEVALUE("1900-02-28")', '=DATEVALUE("1900-02-29")', '=DATEVALUE("1900-03-01")', '=DATEVALUE("2024-01-31 23:00")', '=DATEVALUE("9999-12-31")', '=DATEVALUE("12:00")', '=VALUE("1900-01-01")', '=VALUE("12:00")', '="1900-01-01"+0'];
    expect(column(cells)).toEqual([1, 1, 59, 60, 61, 45322, 2958465, 0, 1, 0.5, 1]);
    expect(codes(['=DATEVALUE("10000-01-01")', '=DATEVALUE("x")', '=DATEVALUE("")', '=DATEVALUE(45322)', '=DATEVALUE(1/0)'])).toEqual(['#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!', '#DIV/0!']);
  });
});

describe('WORKDAY and WORKDAY.INTL at the ends of the calendar', () => {
  it('a workday counted back below serial 0 is #NUM! in a 1900 workbook', () => {
    // Serial 1 (1900-01-01) is a Sunday in Excel's calendar, 0 a Saturday. Before: -5, -1, -2, -12.
    expect(codes(['=WORKDAY(1,-5)', '=WORKDAY.INTL(3,-2,"0000011")', '=WORKDAY(1,-2)', '=WORKDAY(0,-10)', '=WORKDAY.INTL(1,-5,11)'])).toEqual(['#NUM!', '#NUM!', '#NUM!', '#NUM!', '#NUM!']);
  });

  it('a workday after 9999-12-31 is #NUM! in either system', () => {
    // 9999-12-31 (2958465; 2957003 in 1904) is a Friday. Before: 2958468, 2958479, 2958466; 2957006.
    expect(codes(['=WORKDAY(2958465,1)', '=WORKDAY(2958465,10)', '=WORKDAY.INTL(2958465,1,"0000000")'])).toEqual(['#NUM!', '#NUM!', '#NUM!']);
    expect(codes(['=WORKDAY(2957003,1)', '=WORKDAY.INTL(2957003,1)'], true)).toEqual(['#NUM!', '#NUM!']);
  });

  it('a start date after 9999-12-31 is #NUM! in either system, even counted back onto a valid day (as a start before the first day is)', () => {
    // Before: 2958456 and 2956996 (found by review).
    expect(codes(['=WORKDAY(2958470,-10)', '=WORKDAY.INTL(2958466,-1)', '=WORKDAY(-1,1)'])).toEqual(['#NUM!', '#NUM!', '#NUM!']);
    expect(codes(['=WORKDAY(2957010,-10)', '=WORKDAY.INTL(2957004,-1)'], true)).toEqual(['#NUM!', '#NUM!']);
    // A time on the last day is still that day.
    expect(column(['=WORKDAY(2958465.5,-1)'])).toEqual([2958464]);
  });

  it('every workday from serial 0 to 9999-12-31 as before', () => {
    expect(column(['=WORKDAY(45322,10)', '=WORKDAY(3,-1)', '=WORKDAY(0,0)', '=WORKDAY.INTL(1,-1,"0000001")', '=WORKDAY(2958464,1)', '=WORKDAY(2958465,-1)'])).toEqual([45336, 2, 0, 0, 2958465, 2958464]);
    expect(column(['=WORKDAY(2957002,1)', '=WORKDAY(43860,10)'], true)).toEqual([2957003, 43874]);
  });
});

describe('EDATE and EOMONTH at the ends of the calendar (already Excel’s #NUM!)', () => {
  it('a result after 9999-12-31 or before 1900-01-00 (1904-01-01) is #NUM!', () => {
    expect(codes(['=EDATE(2958465,1)', '=EOMONTH(2958440,1)', '=EDATE(1,-1)', '=EOMONTH(1,-1)', '=EDATE(2958466,0)'])).toEqual(['#NUM!', '#NUM!', '#NUM!', '#NUM!', '#NUM!']);
    expect(codes(['=EDATE(2957003,1)', '=EDATE(0,-1)', '=EOMONTH(0,-1)'], true)).toEqual(['#NUM!', '#NUM!', '#NUM!']);
    expect(column(['=EDATE(2958434,1)', '=EOMONTH(2958465,0)', '=EOMONTH(0,0)'])).toEqual([2958464, 2958465, 31]);
    expect(column(['=EOMONTH(2957003,0)'], true)).toEqual([2957003]);
  });
});
