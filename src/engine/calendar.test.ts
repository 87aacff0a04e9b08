/**
 * Excel's 1900 date system and EDATE (catalogue conventions: dates are serials; "+N months" is
 * Excel's EDATE rule, same day of month clamped to the month's end).
 */
import { dateFromSerial, edate, FIRST_SERIAL, formatSerial, LAST_SERIAL, serialFromDate } from './calendar';
import { Dec } from './decimal';
import { serial } from './__tests__/helpers';

describe('serials', () => {
  it.each<[number, number, number]>([
    [1900, 3, 1],
    [1904, 2, 29],
    [2000, 2, 29],
    [2023, 3, 31],
    [2024, 2, 29],
    [2025, 2, 28],
    [9999, 12, 31],
  ])('%i-%i-%i round-trips and matches the independent serial', (y, m, d) => {
    expect(serialFromDate(y, m, d)).toBe(serial(y, m, d));
    expect(dateFromSerial(serial(y, m, d))).toEqual({ y, m, d });
  });

  it('bounds of the accepted range', () => {
    expect(FIRST_SERIAL).toBe(serial(1900, 3, 1));
    expect(LAST_SERIAL).toBe(serial(9999, 12, 31));
  });

  it('a time of day keeps the date', () => {
    expect(dateFromSerial(serial(2024, 2, 29) + 0.999)).toEqual({ y: 2024, m: 2, d: 29 });
  });
});

describe('EDATE', () => {
  const ed = (y: number, m: number, d: number, months: number, frac = 0) => edate(new Dec(serial(y, m, d) + frac), months).toString();
  it.each<[string, [number, number, number], number, [number, number, number]]>([
    ['2024-03-31 − 12 months: no clamping needed', [2024, 3, 31], -12, [2023, 3, 31]],
    ['2024-02-29 − 12 months clamps to 2023-02-28', [2024, 2, 29], -12, [2023, 2, 28]],
    ['2025-02-28 − 12 months stays on the 28th (not 2024-02-29)', [2025, 2, 28], -12, [2024, 2, 28]],
    ['2025-03-01 − 12 months', [2025, 3, 1], -12, [2024, 3, 1]],
    ['2024-03-31 − 1 month clamps to 2024-02-29', [2024, 3, 31], -1, [2024, 2, 29]],
    ['2023-03-31 − 1 month clamps to 2023-02-28', [2023, 3, 31], -1, [2023, 2, 28]],
    ['2024-05-31 − 1 month clamps to 2024-04-30', [2024, 5, 31], -1, [2024, 4, 30]],
    ['2024-01-31 + 1 month clamps to 2024-02-29', [2024, 1, 31], 1, [2024, 2, 29]],
    ['2024-01-15 − 1 month crosses the year', [2024, 1, 15], -1, [2023, 12, 15]],
    ['2024-12-31 + 12 months', [2024, 12, 31], 12, [2025, 12, 31]],
    ['1900-12-31 − 12 months reaches 1899', [1900, 12, 31], -12, [1899, 12, 31]],
  ])('%s', (_label, [y, m, d], months, [ey, em, edd]) => {
    expect(ed(y, m, d, months)).toBe(String(serial(ey, em, edd)));
  });

  it('keeps the time of day', () => {
    expect(ed(2024, 3, 31, -12, 0.75)).toBe(String(serial(2023, 3, 31) + 0.75));
  });

  // CYBER.REPUTATIONAL (v2) takes six calendar months "to the hour" from the end of the waiting
  // period (SAMSUNG 释义四十三 (二)): the clamped day keeps the time of day, exactly.
  it.each<[string, [number, number, number], [number, number, number]]>([
    ['2025-08-31 22:00 + 6 months clamps to 2026-02-28 22:00', [2025, 8, 31], [2026, 2, 28]],
    ['2023-08-31 22:00 + 6 months clamps to 2024-02-29 22:00 (leap year)', [2023, 8, 31], [2024, 2, 29]],
    ['2025-07-01 22:00 + 6 months is 2026-01-01 22:00 (184 days)', [2025, 7, 1], [2026, 1, 1]],
    ['2025-03-31 22:00 + 6 months clamps to 2025-09-30 22:00', [2025, 3, 31], [2025, 9, 30]],
  ])('%s', (_label, [y, m, d], [ey, em, edd]) => {
    // 22:00 as a decimal (22/24 to 40 significant digits), not a double: E's fraction comes back digit for digit.
    const start = new Dec(serial(y, m, d)).plus(new Dec(22).div(24));
    const six = edate(start, 6);
    expect(six.floor().toNumber()).toBe(serial(ey, em, edd));
    expect(six.minus(six.floor()).toString()).toBe(start.minus(start.floor()).toString());
    expect(formatSerial(six)).toBe(`${ey}-${String(em).padStart(2, '0')}-${String(edd).padStart(2, '0')} 22:00`);
  });
});

describe('formatSerial (dates inside messages)', () => {
  it.each<[number, string]>([
    [serial(2024, 3, 1), '2024-03-01'],
    [serial(2024, 3, 1) + 0.5, '2024-03-01 12:00'],
    [serial(2024, 3, 1) + 0.25, '2024-03-01 06:00'],
    // Rounded to the minute before splitting: never "24:00" (engine fix, see calendar.ts).
    [serial(2025, 1, 1) + 0.9999, '2025-01-02'],
    [LAST_SERIAL + 0.999, '9999-12-31 23:59'], // 0.999 d = 23:58:34 → 23:59
    [serial(1899, 3, 1), '1899-03-01'],
  ])('%p → %s', (s, text) => {
    expect(formatSerial(s)).toBe(text);
  });

  it('a serial beyond year 9999 is shown as a number, not a made-up date', () => {
    expect(formatSerial(new Dec('1e300'))).toBe('1e+300');
    expect(formatSerial(LAST_SERIAL + 1)).toBe(String(LAST_SERIAL + 1));
  });
});
