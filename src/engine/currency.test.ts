/**
 * Section 9 of the catalogue, currency: CYBER.FX — SAMSUNG 第五十条 (一) and ISO's valuation
 * condition.
 */
import { CATALOGUE } from './catalogue';
import { evaluate } from './evaluate';
import type { CellValue, RawArgument } from './values';
import { argumentConventions, expectError, expectNumber, ok, parseExample, serial } from './__tests__/helpers';

// SAMSUNG 第五十条 (一):「相关汇率以最终判决做出之日、和解金额约定之日或损失金额到期应付之日中国国家外汇管理局公布的为准
// （如果该日期没有公布汇率，则按照中国国家外汇管理局下一个日期公布的汇率）」. A week of published CNY per USD rates with
// a weekend gap (2025-03-08 and 03-09 are not published).
const MON = serial(2025, 3, 3);
const RATES: CellValue[][] = [
  ['date', 'CNY per USD'],
  [MON, 7.1708],
  [MON + 1, 7.1719],
  [MON + 2, 7.1752],
  [MON + 3, 7.1738],
  [MON + 4, 7.1733],
  [MON + 7, 7.1701],
];

describe('CYBER.FX (amount, rates, date, [rule="next"])', () => {
  // Args: amount, rates, date, [rule]
  it.each<[string, RawArgument[], string]>([
    ['catalogue example: no rate on 45659, the next one (45660) applies', [1000, [[45658, 7.1], [45660, 7.2]], 45659], '7200'],
    ['a published day: that day’s rate', [100000, RATES, MON + 2], '717520'],
    ['a published day at 16:00: INT(date)', [100000, RATES, MON + 2 + 2 / 3], '717520'],
    ['the settlement agreed on Saturday: Monday’s rate (「下一个日期公布的汇率」)', [100000, RATES, MON + 5], '717010'],
    ['Sunday, rule "next" given', [100000, RATES, MON + 6, 'next'], '717010'],
    ['Sunday, rule "prior": Friday’s rate', [100000, RATES, MON + 6, 'prior'], '717330'],
    ['a published day, rule "prior": that day’s rate', [100000, RATES, MON + 7, 'prior'], '717010'],
    ['before the first published rate, "next": the first', [100000, RATES, MON - 10], '717080'],
    ['after the last published rate, "prior": the last', [100000, RATES, MON + 30, ' PRIOR '], '717010'],
    ['blank rule is "next"', [100000, RATES, MON + 5, null], '717010'],
    ['amount 0', [0, RATES, MON], '0'],
    ['exact decimals (binary: 0.1 × 0.2 = 0.020000000000000004)', [0.1, [[MON, 0.2]], MON], '0.02'],
    ['exact decimals: 1234567.89 × 7.1708', [1234567.89, RATES, MON], '8852839.425612'],
    ['no header, one row', [50, [[MON, 2]], MON], '100'],
    ['blank rows are ignored', [50, [[MON, 2], [null, null], [MON + 5, 3]], MON + 1], '150'],
  ])('%s: FX(…) = %s', (_label, args, exact) => {
    expectNumber('FX', args, exact);
  });

  it('#N/A when no rate is published on or after the day ("next") or on or before it ("prior")', () => {
    const next = expectError('FX', [100, RATES, MON + 8], { code: '#N/A', argument: 'rates', rule: 'noRateForDate' });
    expect(next.error.message.en).toContain('no rate for 2025-03-11 and none after it (rule "next")');
    expect(next.error.message.en).toContain('2025-03-03 to 2025-03-10');
    const prior = expectError('FX', [100, RATES, MON - 1, 'prior'], { code: '#N/A', argument: 'rates', rule: 'noRateForDate' });
    expect(prior.error.message.en).toContain('none before it (rule "prior")');
    expect(prior.error.message.zh).toContain('此前');
  });

  it('dates must strictly increase', () => {
    const r = expectError('FX', [100, [[MON, 7], [MON + 2, 7.1], [MON + 1, 7.2]], MON], { code: '#VALUE!', argument: 'rates', rule: 'notIncreasing' });
    expect(r.error.message.en).toContain('row 3 (2025-03-04)');
    expectError('FX', [100, [['date', 'rate'], [MON, 7], [MON, 7.1]], MON], { code: '#VALUE!', argument: 'rates', rule: 'notIncreasing' });
  });

  it('rates must be greater than 0 (a blank rate is 0)', () => {
    const zero = expectError('FX', [100, [[MON, 7], [MON + 1, 0]], MON], { code: '#VALUE!', argument: 'rates', rule: 'rateNotPositive' });
    expect(zero.error.message.en).toContain('row 2');
    expectError('FX', [100, [[MON, -7.1]], MON], { code: '#VALUE!', argument: 'rates', rule: 'rateNotPositive' });
    expectError('FX', [100, [[MON, null]], MON], { code: '#VALUE!', argument: 'rates', rule: 'rateNotPositive' });
  });

  it('malformed tables', () => {
    expectError('FX', [100, [[MON, 7, 1]], MON], { code: '#VALUE!', argument: 'rates', rule: 'tableWidth' });
    expectError('FX', [100, [[MON, 7], [MON + 1, 'n/a']], MON], { code: '#VALUE!', argument: 'rates', rule: 'tableCellNotNumber' });
    expectError('FX', [100, [[60, 7]], MON], { code: '#VALUE!', argument: 'rates', rule: 'tableCellRule' });
    expectError('FX', [100, [['date', 'rate']], MON], { code: '#VALUE!', argument: 'rates', rule: 'tableTooShort' });
  });

  it('trace: the rate found (and how) and the converted amount, citing SAMSUNG 第五十条 (一)', () => {
    const r = evaluate('FX', [100000, RATES, MON + 5], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.article])).toEqual([
      ['7.1701', '第五十条 (一)'],
      ['717010', '第五十条 (一)'],
    ]);
    expect(r.trace[0].label.en).toContain('the next published');
    expect(r.trace[0].label.en).toContain('row 7, 2025-03-10');
  });

  it('catalogue example in the spec', () => {
    const f = CATALOGUE.find((x) => x.name === 'FX')!;
    const ex = parseExample(f.example.formula);
    expect(String(ok('FX', ex.args).exact)).toBe(f.example.result);
  });
});

argumentConventions({
  FX: [1000, [[45658, 7.1], [45660, 7.2]], 45659, 'prior'],
});
