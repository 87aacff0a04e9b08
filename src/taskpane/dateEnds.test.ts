/**
 * Dates at the ends of Excel's calendar as the task pane and the workbench grid show them.
 * In the 1900 system serial 1 is 1900-01-01 and the fictitious 1900-02-29 is serial 60 (Microsoft,
 * "Excel incorrectly assumes that the year 1900 is a leap year"; ECMA-376 Part 1, §18.17.4.1:
 * "serial value 59 corresponds to February 28, and serial value 61 corresponds to March 1"), and
 * Excel writes serial 0 through yyyy-mm-dd as 1900-01-00: the pane counted days from 1899-12-30
 * and showed each serial from 1 to 60 a day early (1 as 1899-12-31). The last date is 9999-12-31
 * (serial 2958465; 2957003 in 1904, ECMA-376 §18.17.4.1): a later serial through a date or time
 * format shows pound signs, as a negative one does in 1900 (src/sheet/dateSystem.ts POUND_SIGNS),
 * where the grid showed "10000-01-01".
 */
import { dateShown, isoDate1900, POUND_SIGNS } from '../sheet/dateSystem';
import { displayText, editText, parseTyped, setCellTextDateSystem } from '../workbench/cellText';
import { registerDateText } from './claimsRegister';
import { figureText, serialDate } from './statement';
import { dateSerial, parseDate, serialToIso } from './templates/form';

afterEach(() => setCellTextDateSystem(false));

describe('serials 0 to 60 of the 1900 system', () => {
  it('show Excel’s dates: 1 is 1900-01-01, 59 1900-02-28, 60 1900-02-29, 0 1900-01-00', () => {
    // Before (serialDate and serialToIso): 1899-12-30, 1899-12-31, 1900-01-31, 1900-02-27, 1900-02-28.
    const serials = [0, 1, 32, 59, 60, 59.75, 0.5];
    const excel = ['1900-01-00', '1900-01-01', '1900-02-01', '1900-02-28', '1900-02-29', '1900-02-28', '1900-01-00'];
    expect(serials.map(isoDate1900)).toEqual(excel);
    expect(serials.map(serialDate)).toEqual(excel);
    expect(serials.map(serialToIso)).toEqual(excel);
    // The workbench grid writes the same through numfmt, as Excel does.
    expect(serials.map((s) => displayText(s, 'yyyy-mm-dd'))).toEqual(excel);
  });

  it('a date typed in a template form is the serial shown as that date (found by review: 1900-01-01 was stored as 2, shown 1900-01-02)', () => {
    const typed = ['1900-01-01', '1900-02-01', '1900-02-28', '1900-03-01', '2024-01-31', '9999-12-31'];
    const serials = typed.map(parseDate);
    expect(serials).toEqual([1, 32, 59, 61, 45322, 2958465]);
    expect(serials.map((s) => serialToIso(s as number))).toEqual(typed);
    expect(dateSerial(1900, 3, 1)).toBe(61);
    // Outside Excel's calendar, or a day that does not exist: no date.
    expect(['1899-12-31', '1900-02-29', '10000-01-01'].map(parseDate)).toEqual([undefined, undefined, undefined]);
  });

  it('in the statement’s figures and the claims register', () => {
    expect([figureText(1, 'date'), figureText(60, 'date'), figureText(0, 'date'), figureText('1', 'date')]).toEqual(['1900-01-01', '1900-02-29', '1900-01-00', '1900-01-01']);
    expect([registerDateText(1, false), registerDateText(60, false), registerDateText(59, true)]).toEqual(['1900-01-01', '1900-02-29', '1900-02-28']);
  });

  it('from 61 (1900-03-01) as before', () => {
    const serials = [61, 45322, 45322.99, 2958465];
    const dates = ['1900-03-01', '2024-01-31', '2024-01-31', '9999-12-31'];
    expect(serials.map(serialDate)).toEqual(dates);
    expect(serials.map(serialToIso)).toEqual(dates);
    expect(serials.map((s) => figureText(s, 'date'))).toEqual(dates);
    expect([figureText(43860, 'date', true), figureText(0, 'date', true), figureText(-1, 'date'), figureText(-1, 'date', true)]).toEqual(['2024-01-31', '1904-01-01', '#####', '-1904-01-02']);
  });
});

describe('a date after 9999-12-31', () => {
  it('shows pound signs in the pane, in either system', () => {
    // Before: figureText gave "+010000-01" (1900) and threw a RangeError for 1e300; the register "+010000-01".
    expect(POUND_SIGNS).toBe('#####');
    expect([dateShown(2958466, false, serialDate), dateShown(2958465.5, false, serialDate), dateShown(2957004, true, serialDate), dateShown(2957003, true, serialDate)]).toEqual(['#####', '9999-12-31', '#####', '9999-12-31']);
    // A 1904 magnitude past 9999-12-31 too (-2957004 would be "-10000-01-01").
    expect([dateShown(-2957004, true, serialDate), dateShown(-2957003, true, serialDate)]).toEqual(['#####', '-9999-12-31']);
    expect([figureText(2958466, 'date'), figureText(1e300, 'date'), figureText(2957004, 'date', true), figureText('2958466', 'date')]).toEqual(['#####', '#####', '#####', '#####']);
    expect([registerDateText(2958466, false), registerDateText(2958466, true)]).toEqual(['#####', '#####']);
    expect(figureText(2958466, 'money')).toBe('2,958,466.00');
  });

  it('shows pound signs in the workbench grid through a date or time format, and is edited as its number', () => {
    // Before: "10000-01-01", "10000-01-01 00:00"; the editor "10000-01-01", typed back as text.
    for (const in1904 of [false, true]) {
      setCellTextDateSystem(in1904);
      const last = in1904 ? 2957003 : 2958465;
      expect([displayText(last + 1, 'yyyy-mm-dd'), displayText(last + 1, 'yyyy-mm-dd hh:mm'), displayText(last + 1, 'hh:mm'), displayText(1e9, 'd-mmm-yy')]).toEqual(['#####', '#####', '#####', '#####']);
      expect([displayText(last, 'yyyy-mm-dd'), displayText(last + 0.5, 'yyyy-mm-dd hh:mm')]).toEqual(['9999-12-31', '9999-12-31 12:00']);
      expect([displayText(last + 1, '#,##0'), displayText(last + 1)]).toEqual([(last + 1).toLocaleString('en-US'), String(last + 1)]);
      expect(editText(last + 1, 'yyyy-mm-dd')).toBe(String(last + 1));
      expect(parseTyped(editText(last + 1, 'yyyy-mm-dd')).input).toBe(last + 1);
      expect(editText(last, 'yyyy-mm-dd')).toBe('9999-12-31');
    }
  });
});
