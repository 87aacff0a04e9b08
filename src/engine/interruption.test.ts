/**
 * Section 3 of the catalogue — network-interruption loss and payout, CPIC 第十三条 (一) 2,
 * 第十三条 (二) 1, 第十四条 1 and 第五条 1 (1). Every row's arithmetic is in its comment.
 */
import fc from 'fast-check';
import { evaluate } from './evaluate';
import { expectBoolean, expectError, expectNumber, serial } from './__tests__/helpers';
import type { RawArgument } from './values';

describe('CYBER.LOSTPROFIT (第十三条 (一) 2 (1) ①: 收益减少金额 × 利润率 − 免于支出的投保维持费用)', () => {
  it.each<[string, RawArgument[], string]>([
    ['catalogue example', [380000, 0.325, 20000], '103500'], // 380,000 × 0.325 = 123,500; − 20,000
    ['saved_costs omitted (default 0)', [380000, 0.325], '123500'],
    ['saved_costs blank', [380000, 0.325, null], '123500'],
    ['saved_costs ""', [380000, 0.325, ''], '123500'],
    ['exact product', [0.3, 0.1], '0.03'], // binary gives 0.030000000000000002
    ['saved costs exceed the gross: 0, never negative', [100000, 0.2, 25000], '0'], // max(0, 20,000 − 25,000)
    ['saved costs equal the gross', [100000, 0.2, 20000], '0'],
    ['profit rate 0', [100000, 0, 0], '0'],
    ['profit rate 1', [100000, 1, 0.01], '99999.99'],
    ['no reduction', [0, 0.5, 0], '0'],
    ['cents', [123456.78, 0.3, 0.01], '37037.024'], // 123,456.78 × 0.3 = 37,037.034; − 0.01
  ])('%s: LOSTPROFIT(%j) = %s', (_label, args, exact) => {
    expectNumber('LOSTPROFIT', args, exact);
  });
});

describe('CYBER.PREVENTIONCOST (第十三条 (一) 2 (1) ②: 防止收益减少费用 × 投保比率, 以 免于减少的经营性收益 × 利润率 为限)', () => {
  it.each<[string, RawArgument[], string]>([
    ['catalogue example: capped by the profit saved', [50000, 0.8, 100000, 0.325], '32500'], // min(50,000 × 0.8 = 40,000, 100,000 × 0.325 = 32,500)
    ['insured proportion is lower', [50000, 0.5, 200000, 0.325], '25000'], // min(25,000, 65,000)
    ['both equal', [50000, 0.5, 100000, 0.25], '25000'], // min(25,000, 25,000)
    ['SAMSUNG 释义四十: insured_ratio = profit_rate = 1', [30000, 1, 20000, 1], '20000'], // min(30,000, BI loss avoided 20,000)
    ['nothing avoided', [30000, 1, 0, 0.3], '0'],
    ['exact', [0.1, 0.3, 1, 1], '0.03'], // min(0.1 × 0.3, 1 × 1)
  ])('%s: PREVENTIONCOST(%j) = %s', (_label, args, exact) => {
    expectNumber('PREVENTIONCOST', args, exact);
  });
});

describe('CYBER.BIPAYOUT (第十三条 (一) 2 (2), (3), (5))', () => {
  // Args: loss, deductible, sum_insured, limit, [annual_revenue], [profit_rate], [insured_ratio], [paid_to_date]
  it.each<[string, RawArgument[], string]>([
    // Without the under-insurance test.
    ['no under-insurance test', [136000, 10000, 1000000, 800000], '126000'], // min(min(1M, 800k) − 0, 136,000 − 10,000)
    ['capped by the limit (lower than the sum insured)', [900000, 0, 1000000, 800000], '800000'],
    ['capped by the sum insured (lower than the limit)', [900000, 0, 700000, 800000], '700000'],
    ['deductible exceeds the loss', [5000, 10000, 1000000, 800000], '0'], // max(0, 5,000 − 10,000)
    ['deductible equals the loss', [10000, 10000, 1000000, 800000], '0'],
    // paid_to_date: the cap is shared by every incident of the period (2 (5)).
    ['paid to date leaves 200,000', [300000, 0, 1000000, 800000, null, null, null, 600000], '200000'], // min(800k − 600k, 300k)
    ['paid to date exhausts the limit exactly', [300000, 0, 1000000, 800000, null, null, null, 800000], '0'], // max(0, 800k − 800k)
    ['paid to date above the limit', [300000, 0, 1000000, 800000, null, null, null, 900000], '0'], // max(0, −100k)
    ['paid to date leaves more than the loss', [300000, 50000, 1000000, 800000, null, null, null, 100000], '250000'], // min(700k, 250k)
    // Under-insurance (2 (3)): insurable = annual revenue × profit rate (× insured ratio).
    ['catalogue example: under-insured', [136000, 10000, 1000000, 800000, 12000000, 0.325], '32307.69230769230769230769230769230769231'], // insurable 3.9M > SI 1M; 126,000 × 1M / 3.9M
    ['adequately insured', [136000, 10000, 1000000, 800000, 2000000, 0.4], '126000'], // insurable 800k ≤ SI 1M: scale 1
    ['sum insured equal to insurable: not under-insured', [136000, 10000, 800000, 900000, 2000000, 0.4], '126000'], // 2M × 0.4 = 800k = SI
    ['under-insured with insured_ratio', [136000, 10000, 1000000, 800000, 12000000, 0.325, 0.8], '40384.61538461538461538461538461538461538'], // insurable 12M × 0.325 × 0.8 = 3.12M; 126,000 × 1M / 3.12M
    ['under-insured without insured_ratio', [136000, 10000, 1000000, 800000, 4000000, 0.5], '63000'], // insurable 2M; 126,000 × 1M / 2M
    ['the same, insured_ratio 0.4 makes it adequate', [136000, 10000, 1000000, 800000, 4000000, 0.5, 0.4], '126000'], // insurable 2M × 0.4 = 800k ≤ 1M
    ['insured_ratio blank = not agreed', [136000, 10000, 1000000, 800000, 4000000, 0.5, null], '63000'],
    ['under-insured, then capped', [5000000, 0, 1000000, 1000000, 12000000, 0.325], '1000000'], // 5M × 1/3.9 = 1,282,051.28… > cap 1M
    ['under-insured, paid to date exhausts the rest', [136000, 10000, 1000000, 800000, 12000000, 0.325, null, 800000], '0'],
    ['profit rate 0: insurable 0, nothing to scale', [136000, 10000, 1000000, 800000, 12000000, 0], '126000'], // SI 1M ≥ 0
    ['annual revenue 0 given', [136000, 10000, 1000000, 800000, 0, 0.3], '126000'],
    ['exact cents', [37037.124, 0.1, 50000, 60000], '37037.024'], // 37,037.124 − 0.1
  ])('%s: BIPAYOUT(%j) = %s', (_label, args, exact) => {
    expectNumber('BIPAYOUT', args, exact);
  });

  it('profit_rate is required when annual_revenue is given', () => {
    const r = expectError('BIPAYOUT', [136000, 10000, 1000000, 800000, 12000000], {
      code: '#VALUE!',
      argument: 'profit_rate',
      rule: 'profitRateRequired',
    });
    expect(r.error.message.en).toContain('annual_revenue');
    expect(r.error.message.zh).toContain('annual_revenue');
  });

  it('profit_rate required also when insured_ratio and paid_to_date are given', () => {
    expectError('BIPAYOUT', [136000, 10000, 1000000, 800000, 12000000, '', 0.8, 1000], {
      code: '#VALUE!',
      argument: 'profit_rate',
      rule: 'profitRateRequired',
    });
  });

  it('profit_rate and insured_ratio without annual_revenue are not used (no under-insurance test)', () => {
    expectNumber('BIPAYOUT', [136000, 10000, 1000000, 800000, null, 0.325, 0.8], '126000');
  });

  it('trace shows the cap, the scale and the payout with their articles', () => {
    const r = evaluate('BIPAYOUT', [136000, 10000, 1000000, 800000, 12000000, 0.325, null, 100000], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.article])).toEqual([
      ['800000', '第十三条 (一) 2 (2)'],
      ['700000', '第十三条 (一) 2 (5)'],
      ['126000', '第十三条 (一) 2 (2)'],
      ['3900000', '第十三条 (一) 2 (3)'],
      ['0.2564102564102564102564102564102564102564', '第十三条 (一) 2 (3)'],
      ['32307.69230769230769230769230769230769231', '第十三条 (一) 2 (2)'],
    ]);
  });
});

describe('CYBER.WAITINGMET (第十四条 1: 连续持续时间超过免赔时间)', () => {
  it.each<[number, number, boolean]>([
    [13, 12, true], // catalogue example
    [12, 12, false], // equality is not "longer than"
    [11.99, 12, false],
    [12.0001, 12, true],
    [0, 0, false],
    [0.5, 0, true],
    [72, 48, true],
  ])('WAITINGMET(%p, %p) = %p', (duration, waiting, expected) => {
    expectBoolean('WAITINGMET', [duration, waiting], expected);
  });

  it.each<[RawArgument[], string, string]>([
    [[-1, 12], 'duration_hours', 'negative'],
    [[12, -0.5], 'waiting_hours', 'negative'],
    [['12h', 12], 'duration_hours', 'notANumber'],
    [[12, true], 'waiting_hours', 'notANumber'],
  ])('WAITINGMET(%j) → #VALUE! on %s', (args, argument, rule) => {
    expectError('WAITINGMET', args, { code: '#VALUE!', argument, rule });
  });
});

describe('CYBER.RECOVERYRATIO (第十三条 (一) 2 (7): 恢复期间的对应比例)', () => {
  const TABLE: RawArgument = [
    [30, 0.5],
    [60, 0.75],
    [90, 1],
  ];
  it.each<[number, string]>([
    [0, '0.5'], // first bound 30 ≥ 0
    [1, '0.5'],
    [30, '0.5'], // bound == days: that row
    [30.5, '0.75'], // first bound ≥ 30.5 is 60
    [45, '0.75'], // catalogue example
    [60, '0.75'],
    [60.01, '1'],
    [90, '1'], // the last bound itself
  ])('RECOVERYRATIO(%p, {30,0.5;60,0.75;90,1}) = %s', (d, exact) => {
    expectNumber('RECOVERYRATIO', [d, TABLE], exact);
  });

  it.each<[number]>([[90.0001], [91], [1e9]])('#N/A beyond the last bound: %p days', (d) => {
    const r = expectError('RECOVERYRATIO', [d, TABLE], { code: '#N/A', argument: 'recovery_days', rule: 'beyondLastBound' });
    expect(r.error.message.en).toContain('(90 days)');
  });

  it('a header row and blank rows are skipped', () => {
    const t = [['days up to', 'ratio'], [30, 0.5], [null, null], [60, 0.75], [90, 1]];
    expectNumber('RECOVERYRATIO', [45, t], '0.75');
    expectNumber('RECOVERYRATIO', [90, t], '1');
  });

  it('a one-row table', () => {
    expectNumber('RECOVERYRATIO', [7, [[7, 0.3]]], '0.3');
    expectError('RECOVERYRATIO', [8, [[7, 0.3]]], { code: '#N/A', argument: 'recovery_days', rule: 'beyondLastBound' });
  });

  it('a bound of 0 days with blank cells meaning 0', () => {
    // Row 1: blank bound = 0, blank ratio = 0.
    expectNumber('RECOVERYRATIO', [0, [[null, 0.2], [10, null]]], '0.2');
    expectNumber('RECOVERYRATIO', [5, [[null, 0.2], [10, null]]], '0');
  });

  it.each<[string, RawArgument, string]>([
    ['bounds equal', [[30, 0.5], [30, 0.75]], 'notIncreasing'],
    ['bounds decreasing', [[60, 0.5], [30, 0.75]], 'notIncreasing'],
    ['ratio above 1', [[30, 0.5], [60, 1.01]], 'tableCellRule'],
    ['ratio negative', [[30, -0.5], [60, 1]], 'tableCellRule'],
    ['negative bound', [[-1, 0.5], [60, 1]], 'tableCellRule'],
    ['text in a non-header row', [[30, 0.5], ['sixty', 1]], 'tableCellNotNumber'],
    ['three columns', [[30, 0.5, 1], [60, 1, 1]], 'tableWidth'],
    ['one column', [[30], [60]], 'tableWidth'],
    ['a scalar', 30, 'tableWidth'],
    ['only a header', [['days', 'ratio']], 'tableTooShort'],
    ['only blank rows', [[null, null], ['', '']], 'tableTooShort'],
  ])('table %s → #VALUE!', (_label, table, rule) => {
    expectError('RECOVERYRATIO', [45, table], { code: '#VALUE!', argument: 'table', rule });
  });

  it('a malformed table is #VALUE! even when an earlier row would match', () => {
    expectError('RECOVERYRATIO', [10, [[30, 0.5], [20, 0.75]]], { code: '#VALUE!', argument: 'table', rule: 'notIncreasing' });
  });

  it.each<[RawArgument, string]>([
    [-1, 'negative'],
    ['45', 'notANumber'],
    [false, 'notANumber'],
  ])('recovery_days %p → #VALUE!', (d, rule) => {
    expectError('RECOVERYRATIO', [d, TABLE], { code: '#VALUE!', argument: 'recovery_days', rule });
  });
});

describe('CYBER.RECOVERYRATIO with agreed_days (v2; 第四十四条 28: 任何情况下不得超过明细表中规定的经营延续费用约定恢复期间)', () => {
  const TABLE: RawArgument = [
    [30, 0.5],
    [60, 0.75],
    [90, 1],
  ];
  // Args: recovery_days, table, [agreed_days]; d = min(recovery_days, agreed_days).
  it.each<[string, RawArgument[], string]>([
    ['catalogue example: 75 days, 45 agreed → d = 45', [75, TABLE, 45], '0.75'], // first bound ≥ 45 is 60
    ['agreed above the recovery days: no effect', [45, TABLE, 80], '0.75'], // d = 45
    ['agreed equal to the recovery days', [45, TABLE, 45], '0.75'],
    ['agreed 30: exactly the first bound', [75, TABLE, 30], '0.5'], // d = 30 ≤ 30
    ['agreed 30.5: just past the first bound', [75, TABLE, 30.5], '0.75'], // d = 30.5 → 60
    ['agreed 0', [75, TABLE, 0], '0.5'], // d = 0 → 30
    // Recovery beyond the table's last bound but the agreed period inside it: a ratio, not #N/A.
    ['recovery 120 days beyond the table, agreed 90', [120, TABLE, 90], '1'],
    ['recovery 1e9 days, agreed 60', [1e9, TABLE, 60], '0.75'],
    ['blank agreed_days: none agreed', [75, TABLE, null], '1'], // d = 75 → 90
    ['"" agreed_days: none agreed', [75, TABLE, ''], '1'],
    ['fractions of a day', [75, TABLE, 59.99], '0.75'],
  ])('%s: RECOVERYRATIO(%j) = %s', (_label, args, exact) => {
    expectNumber('RECOVERYRATIO', args, exact);
  });

  it('the period past the last bound names the argument that set it', () => {
    // d = min(100, 95) = 95 > 90: the agreed period is the one beyond the table.
    const agreed = expectError('RECOVERYRATIO', [100, TABLE, 95], { code: '#N/A', argument: 'agreed_days', rule: 'beyondLastBound' });
    expect(agreed.error.message.en).toContain('agreed_days is 95 days');
    expect(agreed.error.message.en).toContain('(90 days)');
    // d = min(91, 200) = 91: the recovery days themselves.
    expectError('RECOVERYRATIO', [91, TABLE, 200], { code: '#N/A', argument: 'recovery_days', rule: 'beyondLastBound' });
    // Equal: the recovery days set it (agreed_days does not cut it).
    expectError('RECOVERYRATIO', [95, TABLE, 95], { code: '#N/A', argument: 'recovery_days', rule: 'beyondLastBound' });
  });

  it.each<[RawArgument, string]>([
    [-1, 'negative'],
    ['45', 'notANumber'],
    [true, 'notANumber'],
    [[[30, 60]], 'notSingleValue'],
  ])('agreed_days %p → #VALUE! %s', (agreed, rule) => {
    expectError('RECOVERYRATIO', [45, TABLE, agreed], { code: '#VALUE!', argument: 'agreed_days', rule });
  });

  it('a malformed table is #VALUE! whatever agreed_days says', () => {
    expectError('RECOVERYRATIO', [10, [[30, 0.5], [20, 0.75]], 5], { code: '#VALUE!', argument: 'table', rule: 'notIncreasing' });
  });

  it('RECOVERYRATIO(days, table, agreed) = RECOVERYRATIO(min(days, agreed), table), #N/A included; never above the ratio without agreed_days for a non-decreasing table', () => {
    const outcome = (args: RawArgument[]) => {
      const r = evaluate('RECOVERYRATIO', args);
      return r.ok ? r.exact : r.error.code;
    };
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (bounds, days4, agreed4) => {
          const sorted = [...bounds].sort((x, y) => x - y);
          // Ratios rising with the bounds, as a real schedule's are: a longer period, a larger share.
          const table = sorted.map((b, i) => [b / 4, (i + 1) / sorted.length]);
          const days = days4 / 4;
          const agreed = agreed4 / 4;
          const capped = outcome([days, table, agreed]);
          expect(capped).toBe(outcome([Math.min(days, agreed), table]));
          const plain = outcome([days, table]);
          if (typeof plain === 'string' && typeof capped === 'string' && !plain.startsWith('#') && !capped.startsWith('#')) {
            expect(Number(capped)).toBeLessThanOrEqual(Number(plain));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('trace: the recovery period (第四十四条 28), then the ratio (第十三条 (一) 2 (7)); no extra step without agreed_days', () => {
    const r = evaluate('RECOVERYRATIO', [75, TABLE, 45], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.article])).toEqual([
      ['45', '第四十四条 28'],
      ['0.75', '第十三条 (一) 2 (7)'],
    ]);
    expect(evaluate('RECOVERYRATIO', [75, TABLE], { trace: true }).trace.map((s) => s.value)).toEqual(['1']);
  });
});

describe('CYBER.CONTINUATIONPAYOUT (第十三条 (一) 2 (6)–(8))', () => {
  // Args: expenses, deductible, sum_insured, recovery_ratio, [paid_to_date]
  it.each<[string, RawArgument[], string]>([
    ['catalogue example: per-incident cap', [300000, 20000, 500000, 0.5], '250000'], // min(280,000, 500,000 × 0.5, 500,000)
    ['costs less deductible lowest', [100000, 20000, 500000, 0.5], '80000'], // min(80,000, 250,000, 500,000)
    ['period cap lowest', [300000, 20000, 500000, 0.5, 400000], '100000'], // min(280,000, 250,000, 500,000 − 400,000)
    ['period cap exhausted', [300000, 20000, 500000, 0.5, 500000], '0'],
    ['paid to date above the sum insured', [300000, 20000, 500000, 0.5, 600000], '0'], // max(0, −100,000)
    ['deductible exceeds the costs', [10000, 20000, 500000, 0.5], '0'],
    ['recovery ratio 0', [300000, 0, 500000, 0], '0'],
    ['recovery ratio 1', [300000, 0, 500000, 1], '300000'],
    ['paid_to_date blank', [300000, 20000, 500000, 0.5, null], '250000'],
    ['exact', [0.3, 0.1, 1, 0.7], '0.2'], // min(0.2, 0.7, 1)
  ])('%s: CONTINUATIONPAYOUT(%j) = %s', (_label, args, exact) => {
    expectNumber('CONTINUATIONPAYOUT', args, exact);
  });
});

describe('CYBER.CRISISPAYOUT (第十三条 (二) 1 (1): 支出 − 回收, × 减额赔付比例, 以限额为限, 无免赔额)', () => {
  // Args: spent, recovered, reduction_ratio, limit, [paid_to_date]
  it.each<[string, RawArgument[], string]>([
    ['catalogue example', [120000, 20000, 0.9, 500000], '90000'], // (120,000 − 20,000) × 0.9
    ['limit caps', [1000000, 0, 0.9, 500000], '500000'], // min(900,000, 500,000)
    ['paid to date leaves 50,000', [1000000, 0, 0.9, 500000, 450000], '50000'], // min(900,000, 500,000 − 450,000)
    ['limit exhausted', [1000000, 0, 0.9, 500000, 500000], '0'],
    ['paid to date above the limit', [1000000, 0, 0.9, 500000, 600000], '0'],
    ['recovered exceeds spent', [10000, 20000, 0.9, 500000], '0'], // max(0, −10,000) × 0.9
    ['ratio 1', [120000, 20000, 1, 500000], '100000'],
    ['ratio 0', [120000, 20000, 0, 500000], '0'],
    ['exact', [0.3, 0.1, 0.3, 1], '0.06'], // (0.3 − 0.1) × 0.3
  ])('%s: CRISISPAYOUT(%j) = %s', (_label, args, exact) => {
    expectNumber('CRISISPAYOUT', args, exact);
  });
});

describe('CYBER.CRISISWINDOW (第五条 1 (1): 首次发现网络安全事故的第二天起的 180 日内)', () => {
  const D = serial(2025, 1, 1); // 45658
  it.each<[string, number, number, number | null, boolean]>([
    ['day 0 (the discovery day)', D, D, null, false],
    ['day 1 (the day after)', D, D + 1, null, true], // catalogue example
    ['day 180', D, D + 180, null, true],
    ['day 181', D, D + 181, null, false],
    ['before discovery', D, D - 1, null, false],
    ['days blank = 180', D, D + 180, null, true],
    // Fractions of a day: both dates count by their day.
    ['discovery in the evening, cost next morning', D + 0.9, D + 1.05, null, true],
    ['cost later on the discovery day', D + 0.1, D + 0.99, null, false],
    ['last minute of day 180', D + 0.5, D + 180.999, null, true],
    ['first minute of day 181', D + 0.5, D + 181, null, false],
    // Custom days.
    ['30 days: day 30', D, D + 30, 30, true],
    ['30 days: day 31', D, D + 31, 30, false],
    ['1 day: day 1', D, D + 1, 1, true],
    ['1 day: day 2', D, D + 2, 1, false],
    ['0 days: empty window', D, D + 1, 0, false],
    ['fractional days 30.5: day 30', D, D + 30, 30.5, true],
    ['fractional days 30.5: day 31', D, D + 31, 30.5, false],
  ])('%s', (_label, discovery, cost, days, expected) => {
    expectBoolean('CRISISWINDOW', days === null ? [discovery, cost] : [discovery, cost, days], expected);
  });

  it('blank and "" days take the default 180', () => {
    expectBoolean('CRISISWINDOW', [D, D + 180, null], true);
    expectBoolean('CRISISWINDOW', [D, D + 180, ''], true);
    expectBoolean('CRISISWINDOW', [D, D + 181, ''], false);
  });

  it.each<[RawArgument[], string, string]>([
    [[60, D], 'discovery_date', 'dateOutOfRange'],
    [[D, 2958466], 'cost_date', 'dateOutOfRange'],
    [[D, D, -1], 'days', 'negative'],
    [['2025-01-01', D], 'discovery_date', 'notANumber'],
    [[D, null], 'cost_date', 'dateOutOfRange'],
  ])('CRISISWINDOW(%j) → #VALUE! on %s', (args, argument, rule) => {
    expectError('CRISISWINDOW', args, { code: '#VALUE!', argument, rule });
  });
});

describe('section 3 amount and ratio rules', () => {
  it.each<[string, RawArgument[], string, string]>([
    ['LOSTPROFIT', [-1, 0.3], 'revenue_reduction', 'negative'],
    ['LOSTPROFIT', [1, 1.0001], 'profit_rate', 'outsideUnitInterval'],
    ['LOSTPROFIT', [1, -0.1], 'profit_rate', 'outsideUnitInterval'],
    ['LOSTPROFIT', [1, 32.5], 'profit_rate', 'outsideUnitInterval'], // 32.5% typed as 32.5
    ['LOSTPROFIT', [1, 0.3, -5], 'saved_costs', 'negative'],
    ['PREVENTIONCOST', [-1, 0.5, 1, 0.5], 'expense', 'negative'],
    ['PREVENTIONCOST', [1, 2, 1, 0.5], 'insured_ratio', 'outsideUnitInterval'],
    ['PREVENTIONCOST', [1, 0.5, -1, 0.5], 'avoided_reduction', 'negative'],
    ['PREVENTIONCOST', [1, 0.5, 1, '0.5'], 'profit_rate', 'notANumber'],
    ['BIPAYOUT', [-1, 0, 1, 1], 'loss', 'negative'],
    ['BIPAYOUT', [1, -1, 1, 1], 'deductible', 'negative'],
    ['BIPAYOUT', [1, 0, -1, 1], 'sum_insured', 'negative'],
    ['BIPAYOUT', [1, 0, 1, -1], 'limit', 'negative'],
    ['BIPAYOUT', [1, 0, 1, 1, -1, 0.3], 'annual_revenue', 'negative'],
    ['BIPAYOUT', [1, 0, 1, 1, 10, 1.5], 'profit_rate', 'outsideUnitInterval'],
    ['BIPAYOUT', [1, 0, 1, 1, 10, 0.3, -0.2], 'insured_ratio', 'outsideUnitInterval'],
    ['BIPAYOUT', [1, 0, 1, 1, null, null, null, -1], 'paid_to_date', 'negative'],
    ['BIPAYOUT', [1, 0, 1, 1, null, null, null, 'none'], 'paid_to_date', 'notANumber'],
    ['CONTINUATIONPAYOUT', [-1, 0, 1, 0.5], 'expenses', 'negative'],
    ['CONTINUATIONPAYOUT', [1, 0, 1, 1.5], 'recovery_ratio', 'outsideUnitInterval'],
    ['CONTINUATIONPAYOUT', [1, 0, 1, 0.5, -1], 'paid_to_date', 'negative'],
    ['CRISISPAYOUT', [1, -1, 0.5, 1], 'recovered', 'negative'],
    ['CRISISPAYOUT', [1, 0, 90, 1], 'reduction_ratio', 'outsideUnitInterval'],
    ['CRISISPAYOUT', [1, 0, 0.9, true], 'limit', 'notANumber'],
  ])('%s(%j) → #VALUE! on %s', (fn, args, argument, rule) => {
    expectError(fn, args, { code: '#VALUE!', argument, rule });
  });

  it('ratio bounds are inclusive', () => {
    expectNumber('LOSTPROFIT', [10, 0], '0');
    expectNumber('LOSTPROFIT', [10, 1], '10');
  });
});
