/**
 * Section 2 of the catalogue — revenue history, CPIC 第四十四条 25, 26, 30 and the trend
 * adjustment of 第十三条 (一) 2 (4).
 *
 * MONTHLY below is a monthly history whose revenue is a whole number of units per day, with a
 * different daily rate each month, so that every cut period is easy to check by hand:
 * a window taking k days of a month contributes k × that month's daily rate.
 */
import { evaluate } from './evaluate';
import { expectError, expectNumber, serial } from './__tests__/helpers';
import type { RawArgument } from './values';

const MONTHLY: RawArgument = [
  [serial(2023, 1, 1), 31000], // 31 d × 1000
  [serial(2023, 2, 1), 30800], // 28 d × 1100
  [serial(2023, 3, 1), 37200], // 31 d × 1200
  [serial(2023, 4, 1), 39000], // 30 d × 1300
  [serial(2023, 5, 1), 43400], // 31 d × 1400
  [serial(2023, 6, 1), 45000], // 30 d × 1500
  [serial(2023, 7, 1), 49600], // 31 d × 1600
  [serial(2023, 8, 1), 52700], // 31 d × 1700
  [serial(2023, 9, 1), 54000], // 30 d × 1800
  [serial(2023, 10, 1), 58900], // 31 d × 1900
  [serial(2023, 11, 1), 60000], // 30 d × 2000
  [serial(2023, 12, 1), 65100], // 31 d × 2100
  [serial(2024, 1, 1), 68200], // 31 d × 2200
  [serial(2024, 2, 1), 66700], // 29 d × 2300 (leap year)
  [serial(2024, 3, 1), 74400], // 31 d × 2400
  // Last row: it lasts as long as the period before it (Mar 1 → Apr 1 = 31 days), so it runs
  // from 2024-04-01 to 2024-05-02 (not to 2024-05-01): 31 d × 2500.
  [serial(2024, 4, 1), 77500],
];
const MONTHLY_END = serial(2024, 5, 2);

/** The same history under a header row, with a blank row in the middle. */
const MONTHLY_WITH_HEADER: RawArgument = [
  ['Period start', 'Revenue'],
  ...(MONTHLY as ReadonlyArray<ReadonlyArray<number>>).slice(0, 5),
  [null, null],
  ...(MONTHLY as ReadonlyArray<ReadonlyArray<number>>).slice(5),
];

/** The catalogue's ANNUALREVENUE example: two 366-day periods of 3,660,000 (10,000 a day). */
const YEARLY: RawArgument = [
  [serial(2024, 1, 1), 3660000], // 2024-01-01 → 2025-01-01: 366 days
  [serial(2025, 1, 1), 3660000], // last period: also 366 days, to 2026-01-02
];

describe('test calendar (independent of the engine)', () => {
  it('serials match Excel', () => {
    expect(serial(1900, 3, 1)).toBe(61);
    expect(serial(2024, 1, 1)).toBe(45292);
    expect(serial(2024, 3, 31)).toBe(45382);
    expect(serial(2025, 2, 28)).toBe(45716);
    expect(serial(9999, 12, 31)).toBe(2958465);
    expect(MONTHLY_END).toBe(45414);
  });
});

describe('CYBER.STANDARDREVENUE (第四十四条 25: 标准经营性收益)', () => {
  it.each<[string, RawArgument, number, number, number | null, string]>([
    // [label, history, incident, indemnity_days, trend, exact]
    // Incident 2024-03-31 → window start EDATE(−12) = 2023-03-31.
    ['30 days from 2023-03-31', MONTHLY, serial(2024, 3, 31), 30, null, '38900'], // Mar 31: 1 × 1200 + Apr 1–29: 29 × 1300 = 1200 + 37700
    ['window ending exactly on the incident (366 days, leap)', MONTHLY, serial(2024, 3, 31), 366, null, '675800'], // 1 × 1200 + Apr..Feb 602600 + Mar 1–30: 30 × 2400 = 72000
    ['header row and blank row are skipped', MONTHLY_WITH_HEADER, serial(2024, 3, 31), 30, null, '38900'], // as the first row
    ['trend +8%', MONTHLY, serial(2024, 3, 31), 30, 0.08, '42012'], // 38900 × 1.08
    ['trend −50%', MONTHLY, serial(2024, 3, 31), 30, -0.5, '19450'], // 38900 × 0.5
    ['trend 0 given explicitly', MONTHLY, serial(2024, 3, 31), 30, 0, '38900'],
    // Incident 2025-02-28 → EDATE(−12) = 2024-02-28 (not the 29th): the window holds 2024-02-29.
    ['2025-02-28: window holds 2024-02-29', MONTHLY, serial(2025, 2, 28), 3, null, '7000'], // Feb 28, 29: 2 × 2300 + Mar 1: 2400
    ['2025-02-28, yearly history', YEARLY, serial(2025, 2, 28), 2, null, '20000'], // Feb 28, Feb 29 2024: 2 × 10000
    // Incident 2024-02-29 → EDATE(−12) clamps to 2023-02-28.
    ['2024-02-29 clamps to 2023-02-28', MONTHLY, serial(2024, 2, 29), 2, null, '2300'], // Feb 28 2023: 1100 + Mar 1 2023: 1200
    // Fractions of a day: incident 2024-03-31 12:00 → window [2023-03-31 12:00, +1.5 days).
    ['time of day and fractional days', MONTHLY, serial(2024, 3, 31) + 0.5, 1.5, null, '1900'], // ½ × 1200 + 1 × 1300
    // The last period's length rule: the last row runs 31 days, to 2024-05-02.
    ['window inside the last period', MONTHLY, serial(2025, 5, 1), 1, null, '2500'], // [2024-05-01, 05-02): 77500 / 31
    // A period cut at a fraction that does not terminate: 10 of the 91 days of Q1 2024.
    ['quarter cut, non-terminating', [[serial(2024, 1, 1), 1000000], [serial(2024, 4, 1), 0]], serial(2025, 1, 1), 10, null, '109890.1098901098901098901098901098901099'], // 1,000,000 × 10 / 91
  ])('%s', (_label, history, incident, days, trend, exact) => {
    expectNumber('STANDARDREVENUE', trend === null ? [history, incident, days] : [history, incident, days, trend], exact);
  });

  it('catalogue example: =CYBER.STANDARDREVENUE({45292,1000000;45323,1160000;45352,1240000}, 45689, 14) = 560000', () => {
    // Incident 2025-02-01 → window 2024-02-01 + 14 days, inside February 2024 (29 days): 1,160,000 × 14 / 29.
    expectNumber('STANDARDREVENUE', [[[45292, 1000000], [45323, 1160000], [45352, 1240000]], 45689, 14], '560000');
  });

  it('#VALUE! when the window ends after the incident (367 days from 2023-03-31)', () => {
    const r = expectError('STANDARDREVENUE', [MONTHLY, serial(2024, 3, 31), 367], {
      code: '#VALUE!',
      argument: 'indemnity_days',
      rule: 'windowAfterIncident',
    });
    expect(r.error.message.en).toContain('2023-03-31'); // the window start
    expect(r.error.message.en).toContain('2024-04-01'); // the window end
    expect(r.error.message.en).toContain('2024-03-31'); // the incident
  });

  it('a window end beyond year 9999 is shown as a serial in the message (engine fix in formatSerial)', () => {
    const r = expectError('STANDARDREVENUE', [MONTHLY, serial(2024, 3, 31), 1e300], {
      code: '#VALUE!',
      argument: 'indemnity_days',
      rule: 'windowAfterIncident',
    });
    expect(r.error.message.en).toContain('end on 1e+300'); // 45016 + 1e300 at 40 digits; was "2.737907006988508e+297-03-01"
  });

  it('#VALUE! when a fraction of a day pushes the window past the incident', () => {
    expectError('STANDARDREVENUE', [MONTHLY, serial(2024, 3, 31), 366.01], {
      code: '#VALUE!',
      argument: 'indemnity_days',
      rule: 'windowAfterIncident',
    });
  });

  it.each<[string, number, number]>([
    ['window starts before the history', serial(2023, 12, 15), 10], // starts 2022-12-15 < 2023-01-01
    ['window runs past the last period (it ends 2024-05-02, not 06-01)', serial(2025, 5, 1), 2], // [05-01, 05-03)
  ])('#N/A: %s', (_label, incident, days) => {
    const r = expectError('STANDARDREVENUE', [MONTHLY, incident, days], { code: '#N/A', argument: 'history', rule: 'historyNotCovering' });
    expect(r.error.message.en).toContain('2023-01-01 to 2024-05-02');
  });
});

describe('CYBER.ANNUALREVENUE (第四十四条 26: 年度经营性收益)', () => {
  it.each<[string, RawArgument, number, number | null, string]>([
    // [label, history, incident, trend, exact]: revenue in [EDATE(incident, −12), incident)
    ['2024-03-31: 366 days from 2023-03-31', MONTHLY, serial(2024, 3, 31), null, '675800'], // 1200 + (Apr..Feb) 602600 + 30 × 2400
    ['2024-03-15: cuts March at both ends', MONTHLY, serial(2024, 3, 15), null, '656600'], // Mar 15–31 2023: 17 × 1200 = 20400; Apr..Feb 602600; Mar 1–14 2024: 14 × 2400 = 33600
    ['2024-02-29: starts 2023-02-28 (clamped)', MONTHLY, serial(2024, 2, 29), null, '638600'], // Feb 28: 1100; Mar23..Jan24 573100; Feb 1–28 2024: 28 × 2300 = 64400
    ['2024-05-02: ends exactly where the last period ends', MONTHLY, serial(2024, 5, 2), null, '714100'], // May 2–31: 30 × 1400 = 42000; Jun..Mar 594600; Apr 1 → May 2: 77500
    ['trend +10%', MONTHLY, serial(2024, 3, 31), 0.1, '743380'], // 675800 × 1.1
    ['header and blank row skipped', MONTHLY_WITH_HEADER, serial(2024, 3, 31), null, '675800'],
    ['2025-02-28: from 2024-02-28, 366 days', YEARLY, serial(2025, 2, 28), null, '3660000'], // 308 d (to 2025-01-01) + 58 d, × 10000
    ['2025-03-01: from 2024-03-01, 365 days', YEARLY, serial(2025, 3, 1), null, '3650000'], // 306 d + 59 d, × 10000
    ['time of day: half a day more of 2025', YEARLY, serial(2025, 3, 1) + 0.5, null, '3650000'], // [2024-03-01 12:00, 2025-03-01 12:00): still 365 days
  ])('%s', (_label, history, incident, trend, exact) => {
    expectNumber('ANNUALREVENUE', trend === null ? [history, incident] : [history, incident, trend], exact);
  });

  it('catalogue example: =CYBER.ANNUALREVENUE({45292,3660000;45658,3660000}, 45839) = 3650000', () => {
    // Incident 2025-07-01 → [2024-07-01, 2025-07-01): 184 + 181 days × 10,000.
    expectNumber('ANNUALREVENUE', [[[45292, 3660000], [45658, 3660000]], 45839], '3650000');
  });

  it('agrees with STANDARDREVENUE over the same 12 months', () => {
    const a = evaluate('ANNUALREVENUE', [MONTHLY, serial(2024, 3, 15)]);
    const s = evaluate('STANDARDREVENUE', [MONTHLY, serial(2024, 3, 15), 366]);
    expect(a.ok && s.ok && a.exact === s.exact).toBe(true);
  });

  it.each<[string, number]>([
    ['starts before the history', serial(2023, 6, 1)], // from 2022-06-01
    ['ends after the last period', serial(2024, 5, 3)], // to 2024-05-03 > 2024-05-02
    ['2025-02-28 with a history ending 2024-05-02', serial(2025, 2, 28)],
  ])('#N/A: %s', (_label, incident) => {
    expectError('ANNUALREVENUE', [MONTHLY, incident], { code: '#N/A', argument: 'history', rule: 'historyNotCovering' });
  });
});

describe('CYBER.REVENUEREDUCTION (第四十四条 30: 收益减少金额)', () => {
  it.each<[number, number, string]>([
    [500000, 120000, '380000'], // catalogue example
    [100, 150, '0'], // max(0, 100 − 150)
    [100, 100, '0'],
    [0.3, 0.1, '0.2'], // exact: binary gives 0.19999999999999998
    [0, 0, '0'],
  ])('REVENUEREDUCTION(%p, %p) = %s', (standard, actual, exact) => {
    expectNumber('REVENUEREDUCTION', [standard, actual], exact);
  });

  it.each<[RawArgument[], string, string]>([
    [[-1, 0], 'standard_revenue', 'negative'],
    [[1, -1], 'actual_revenue', 'negative'],
    [['1', 0], 'standard_revenue', 'notANumber'],
  ])('REVENUEREDUCTION(%j) → #VALUE! on %s', (args, argument, rule) => {
    expectError('REVENUEREDUCTION', args, { code: '#VALUE!', argument, rule });
  });
});

describe('history table rules (both history functions)', () => {
  const incident = serial(2024, 3, 31);
  const FNS: ReadonlyArray<[string, (h: RawArgument) => RawArgument[]]> = [
    ['STANDARDREVENUE', (h) => [h, incident, 30]],
    ['ANNUALREVENUE', (h) => [h, incident]],
  ];
  const a = serial(2023, 1, 1);
  const b = serial(2023, 2, 1);
  const c = serial(2023, 3, 1);

  describe.each(FNS)('%s', (fn, args) => {
    it.each<[string, RawArgument, string]>([
      ['three columns', [[a, 1, 2], [b, 1, 2]], 'tableWidth'],
      ['one column', [[a], [b]], 'tableWidth'],
      ['a single number', 5, 'tableWidth'],
      ['omitted', null, 'tableWidth'],
      ['one data row (the last period needs the one before it)', [[a, 1]], 'tableTooShort'],
      ['header and one data row', [['start', 'revenue'], [a, 1]], 'tableTooShort'],
      ['dates equal', [[a, 1], [a, 1], [c, 1]], 'notIncreasing'],
      ['dates decreasing', [[b, 1], [a, 1], [c, 1]], 'notIncreasing'],
      ['text in a non-header row', [[a, 1], [b, 'n/a'], [c, 1]], 'tableCellNotNumber'],
      ['text date in a non-header row', [[a, 1], ['2023-02-01', 1], [c, 1]], 'tableCellNotNumber'],
      ['boolean in a row', [[a, 1], [b, true], [c, 1]], 'tableCellNotNumber'],
      ['NaN in a row', [[a, 1], [b, NaN], [c, 1]], 'tableCellNotNumber'],
      ['negative revenue', [[a, 1], [b, -1], [c, 1]], 'tableCellRule'],
      ['date before 1900-03-01', [[60, 1], [b, 1], [c, 1]], 'tableCellRule'],
      ['date after 9999-12-31', [[a, 1], [b, 1], [2958466, 1]], 'tableCellRule'],
      ['blank date with a revenue', [[a, 1], [null, 1], [c, 1]], 'tableCellRule'],
    ])('%s → #VALUE!', (_label, history, rule) => {
      expectError(fn, args(history), { code: '#VALUE!', argument: 'history', rule });
    });
  });

  it('row numbers in messages count the range as given (header included)', () => {
    const r = expectError('ANNUALREVENUE', [[['start', 'revenue'], [a, 1], [b, 'x'], [c, 1]], incident], {
      code: '#VALUE!',
      argument: 'history',
      rule: 'tableCellNotNumber',
    });
    expect(r.error.message.en).toContain('row 3');
    expect(r.error.message.en).toContain('"revenue"');
    expect(r.error.message.zh).toContain('第 3 行');
    expect(r.error.message.zh).toContain('“经营性收益”列');
  });

  it('not-increasing message names both dates', () => {
    const r = expectError('ANNUALREVENUE', [[[b, 1], [a, 1]], incident], { code: '#VALUE!', argument: 'history', rule: 'notIncreasing' });
    expect(r.error.message.en).toContain('row 2 (2023-01-01)');
    expect(r.error.message.en).toContain('(2023-02-01)');
  });

  it('blank revenue cells count as 0', () => {
    // Feb 2023 blank: Jan 31000 is not in the window; window from 2023-02-01 for 28 days = Feb only.
    expectNumber('STANDARDREVENUE', [[[a, 31000], [b, null], [c, 37200]], serial(2024, 2, 1), 28], '0');
  });
});

describe('section 2 scalar argument rules', () => {
  it.each<[string, RawArgument[], string, string]>([
    ['STANDARDREVENUE', [MONTHLY, 60, 30], 'incident_date', 'dateOutOfRange'], // 1900-02-29 phantom / before 61
    ['STANDARDREVENUE', [MONTHLY, 60.99, 30], 'incident_date', 'dateOutOfRange'],
    ['ANNUALREVENUE', [MONTHLY, 2958466], 'incident_date', 'dateOutOfRange'], // after 9999-12-31
    ['ANNUALREVENUE', [MONTHLY, '2024-03-31'], 'incident_date', 'notANumber'],
    ['ANNUALREVENUE', [MONTHLY, true], 'incident_date', 'notANumber'],
    ['ANNUALREVENUE', [MONTHLY, null], 'incident_date', 'dateOutOfRange'], // blank = 0, not a date
    ['STANDARDREVENUE', [MONTHLY, serial(2024, 3, 31), 0], 'indemnity_days', 'notPositive'],
    ['STANDARDREVENUE', [MONTHLY, serial(2024, 3, 31), -5], 'indemnity_days', 'notPositive'],
    ['STANDARDREVENUE', [MONTHLY, serial(2024, 3, 31), null], 'indemnity_days', 'notPositive'],
    ['STANDARDREVENUE', [MONTHLY, serial(2024, 3, 31), '30'], 'indemnity_days', 'notANumber'],
    ['STANDARDREVENUE', [MONTHLY, serial(2024, 3, 31), 30, -1], 'trend', 'notAbove'],
    ['STANDARDREVENUE', [MONTHLY, serial(2024, 3, 31), 30, -1.5], 'trend', 'notAbove'],
    ['ANNUALREVENUE', [MONTHLY, serial(2024, 3, 31), -1], 'trend', 'notAbove'],
    ['ANNUALREVENUE', [MONTHLY, serial(2024, 3, 31), '8%'], 'trend', 'notANumber'],
    ['ANNUALREVENUE', [MONTHLY, serial(2024, 3, 31), false], 'trend', 'notANumber'],
  ])('%s(…%j) → #VALUE! on %s', (fn, args, argument, rule) => {
    expectError(fn, args, { code: '#VALUE!', argument, rule });
  });

  it('trend −1 message states the bound', () => {
    const r = expectError('ANNUALREVENUE', [MONTHLY, serial(2024, 3, 31), -1], { code: '#VALUE!', argument: 'trend', rule: 'notAbove' });
    expect(r.error.message.en).toContain('greater than -1');
  });

  it.each<[number]>([[2958465], [2958465.99], [61]])('dates up to 9999-12-31 23:59 and from 1900-03-01 are accepted: %p', (d) => {
    // Accepted as dates; the short history does not cover the window, hence #N/A rather than #VALUE!.
    const r = evaluate('ANNUALREVENUE', [MONTHLY, d]);
    expect(r.ok ? 'ok' : r.error.code).toBe('#N/A');
  });

  it('blank trend, "" trend and omitted trend all mean 0', () => {
    for (const t of [null, '']) expectNumber('ANNUALREVENUE', [MONTHLY, serial(2024, 3, 31), t], '675800');
    expectNumber('STANDARDREVENUE', [MONTHLY, serial(2024, 3, 31), 30, ''], '38900');
  });
});
