/**
 * Section 1 of the catalogue — financial ratios, CPIC 第四十四条 21, 31, 32, 33.
 *
 * Every expected value below is worked by hand from the wording; the comment of each row shows
 * the arithmetic. Quotients that do not terminate are written to the engine's 40 significant
 * digits (the catalogue asks for at least 34), rounded half-even.
 */
import { Dec } from './decimal';
import { evaluate } from './evaluate';
import { expectError, expectNumber } from './__tests__/helpers';
import type { RawArgument } from './values';

describe('CYBER.OPERATINGPROFIT (第四十四条 21: 经营性利润 = 经营性收益 − 经营性费用)', () => {
  it.each<[string, number, number, string]>([
    ['profit', 12000000, 10500000, '1500000'], // 12,000,000 − 10,500,000
    ['loss year: negative', 100, 150, '-50'], // 100 − 150
    ['break-even', 5, 5, '0'], // 5 − 5, and never −0
    ['exact decimals, no binary drift', 0.3, 0.1, '0.2'], // 0.3 − 0.1 (binary gives 0.19999999999999998)
    ['cents', 1000000.01, 999999.99, '0.02'], // 1,000,000.01 − 999,999.99
    ['no expenses', 250000, 0, '250000'],
  ])('%s: OPERATINGPROFIT(%p, %p) = %s', (_label, revenue, expenses, exact) => {
    expectNumber('OPERATINGPROFIT', [revenue, expenses], exact);
  });

  it('break-even gives +0, never −0', () => {
    const r = evaluate('OPERATINGPROFIT', [5, 5]);
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
  });
});

// Columns: revenue R, expenses E, maintenance M, insured_maintenance IM, profit_insured, result.
type RatioRow = [string, number, number, number, number, RawArgument, string];

describe('CYBER.PROFITRATE (第四十四条 32: 利润率)', () => {
  it.each<RatioRow>([
    // Profit year (P = R − E ≥ 0): T = IM + P; rate = T / R.
    ['profit year, profit insured', 12000000, 10500000, 3000000, 2400000, null, '0.325'], // P = 1.5M, T = 2.4M + 1.5M = 3.9M; 3.9M / 12M
    ['profit year, profit_insured TRUE', 12000000, 10500000, 3000000, 2400000, true, '0.325'], // as above
    ['profit year, profit_insured FALSE', 12000000, 10500000, 3000000, 2400000, false, '0.2'], // T = IM = 2.4M; 2.4M / 12M
    ['break-even P = 0 takes the profit branch', 1000000, 1000000, 400000, 300000, null, '0.3'], // T = 300k + 0; 300k / 1M
    ['profit year, maintenance 0', 1000000, 800000, 0, 0, null, '0.2'], // T = 0 + 200k; 200k / 1M
    ['profit year, maintenance 0, profit not insured', 1000000, 800000, 0, 0, false, '0'], // T = 0
    ['non-terminating quotient', 3, 2, 1, 1, null, '0.6666666666666666666666666666666666666667'], // T = 1 + 1 = 2; 2/3 to 40 digits
    // Loss year (P < 0, L = −P): N = IM − L × IM / M; rate = N / R, 0 when N ≤ 0.
    ['loss year, N > 0', 1000000, 1200000, 800000, 400000, null, '0.3'], // L = 200k; N = 400k − 200k × 400k/800k = 300k; 300k / 1M
    ['loss year ignores profit_insured', 1000000, 1200000, 800000, 400000, false, '0.3'], // no profit to insure: same N
    ['loss year, N = 0', 1000000, 1800000, 800000, 400000, null, '0'], // L = 800k; N = 400k − 800k × 0.5 = 0 → 0
    ['loss year, N < 0', 1000000, 1900000, 800000, 400000, null, '0'], // L = 900k; N = 400k − 450k = −50k → 0
    ['loss year, maintenance 0 (N = 0)', 1000000, 1100000, 0, 0, null, '0'], // catalogue: N = 0 when maintenance = 0
    ['loss year, all maintenance insured', 1000, 1100, 500, 500, null, '0.4'], // L = 100; N = 500 − 100 × 1 = 400; 400 / 1000
    ['loss year, non-terminating', 900, 1000, 300, 200, null, '0.1481481481481481481481481481481481481481'], // L = 100; N = 200 − 100 × 200/300 = 133.33…; N / 900 = 4/27
  ])('%s: PROFITRATE(%p, %p, %p, %p, %p) = %s', (_label, r, e, m, im, pi, exact) => {
    expectNumber('PROFITRATE', pi === null ? [r, e, m, im] : [r, e, m, im, pi], exact);
  });

  it('catalogue example: =CYBER.PROFITRATE(12000000, 10500000, 3000000, 2400000) = 0.325', () => {
    expectNumber('PROFITRATE', [12000000, 10500000, 3000000, 2400000], '0.325');
  });
});

describe('CYBER.INSUREDRATIO (第四十四条 33: 投保比率)', () => {
  it.each<RatioRow>([
    // Profit year: T / (P + M).
    ['profit year', 12000000, 10500000, 3000000, 2400000, null, '0.8666666666666666666666666666666666666667'], // T = 3.9M; P + M = 1.5M + 3M = 4.5M; 3.9/4.5 = 13/15
    ['profit year, profit_insured FALSE', 12000000, 10500000, 3000000, 2400000, false, '0.5333333333333333333333333333333333333333'], // T = 2.4M; 2.4/4.5 = 8/15
    ['everything insured', 1000000, 800000, 300000, 300000, null, '1'], // T = 300k + 200k = 500k; P + M = 500k
    ['break-even P = 0, maintenance > 0', 1000000, 1000000, 400000, 300000, null, '0.75'], // T = 300k; P + M = 400k
    ['profit year, maintenance 0', 1000000, 800000, 0, 0, null, '1'], // T = 200k; P + M = 200k
    ['profit year, maintenance 0, profit not insured', 1000000, 800000, 0, 0, false, '0'], // T = 0; 0 / 200k
    // Loss year: N / (P + M), 0 when N ≤ 0.
    ['loss year, N > 0', 1000000, 1200000, 800000, 400000, null, '0.5'], // N = 300k; P + M = −200k + 800k = 600k
    ['loss year, N = 0 (denominator also 0: no #DIV/0!)', 1000000, 1800000, 800000, 400000, null, '0'], // N = 0 → 0 before dividing
    ['loss year, N < 0 (negative denominator never used)', 1000000, 1900000, 800000, 400000, null, '0'], // N = −50k → 0
    ['loss year, maintenance 0', 1000000, 1100000, 0, 0, null, '0'], // N = 0 → 0
    // N = 200 − 100 × 200 / 300 = 133.33…; P + M = 200; N / 200 = IM / M = 2/3, correctly rounded
    // (before the engine fix in ratios.ts it came out …665: N was IM minus a rounded L × IM / M).
    ['loss year, non-terminating', 900, 1000, 300, 200, null, '0.6666666666666666666666666666666666666667'],
  ])('%s: INSUREDRATIO(%p, %p, %p, %p, %p) = %s', (_label, r, e, m, im, pi, exact) => {
    expectNumber('INSUREDRATIO', pi === null ? [r, e, m, im] : [r, e, m, im, pi], exact);
  });

  it.each<[RawArgument]>([[true], [false], [null]])(
    '#DIV/0! when P + maintenance = 0 in a profit year (P = 0, M = 0), profit_insured = %p',
    (pi) => {
      const r = expectError('INSUREDRATIO', [1000000, 1000000, 0, 0, pi], {
        code: '#DIV/0!',
        argument: 'maintenance',
        rule: 'insuredRatioZeroDenominator',
      });
      expect(r.error.message.en).toContain('revenue − expenses = 0');
      expect(r.error.message.en).toContain('maintenance = 0');
      expect(r.error.message.zh).toContain('maintenance（维持费用） = 0');
    },
  );
});

describe('precision of non-terminating ratios', () => {
  // The catalogue asks for at least 34 significant digits: compare with the true quotient.
  it.each<[string, RawArgument[], string, string]>([
    ['PROFITRATE', [3, 2, 1, 1], '2', '3'],
    ['PROFITRATE', [900, 1000, 300, 200], '4', '27'],
    ['INSUREDRATIO', [12000000, 10500000, 3000000, 2400000], '13', '15'],
    ['INSUREDRATIO', [900, 1000, 300, 200], '2', '3'],
  ])('%s(%j) = %s/%s to 34 significant digits', (fn, args, num, den) => {
    const r = evaluate(fn, args);
    if (!r.ok) throw new Error(r.error.message.en);
    const got = new Dec(r.exact as string);
    const truth = new Dec(num).div(den);
    expect(got.minus(truth).abs().lte(truth.times('1e-34'))).toBe(true);
  });
});

describe('loss years where maintenance − loss nearly cancels (engine fix, found by properties.test.ts)', () => {
  // With N = IM × (P + M) / M, N / R = (IM / M) × ((P + M) / R) and N / (P + M) = IM / M.
  it.each<[string, RawArgument[], string, string]>([
    // M = E, so P + M = R exactly: both ratios are IM / M = 8.875e-151 / 1.0000000000000001e-150.
    // Before the fix PROFITRATE gave 1.0285714… (> 1): IM minus a rounded L × IM / M.
    ['tiny revenue, all expenses maintenance', [3.5e-189, 1.0000000000000001e-150, 1.0000000000000001e-150, 8.875e-151], '0.887499999999999911250000000000008875', '0.887499999999999911250000000000008875'],
    // Everyday magnitudes: P + M = 1 − 147,517.27 + 147,516.33 = 0.06; IM / M = 100,000 / 147,516.33;
    // PROFITRATE = 100,000 × 0.06 / 147,516.33 / 1. Both to the last of 40 digits.
    ['maintenance barely above the loss', [1, 147517.27, 147516.33, 100000], '0.04067346306676691319530522485205536227752', '0.6778910511127818865884204142009227046253'],
  ])('%s', (_label, args, rate, insured) => {
    expectNumber('PROFITRATE', args, rate);
    expectNumber('INSUREDRATIO', args, insured);
  });

  it('profit year with a 41-digit P: all-insured ratios are exactly 1', () => {
    // R = 1e20, E = 3e-21 = M = IM: P = 1e20 − 3e-21 needs 41 digits; T = IM + P = R and
    // P + M = R exactly, whatever the rounding of P alone.
    expectNumber('PROFITRATE', [1e20, 3e-21, 3e-21, 3e-21], '1');
    expectNumber('INSUREDRATIO', [1e20, 3e-21, 3e-21, 3e-21], '1');
  });
});

describe('section 1 input rules', () => {
  const FNS = ['PROFITRATE', 'INSUREDRATIO'] as const;

  it.each(FNS)('%s: insured_maintenance > maintenance is #VALUE! (第四十四条 20: 投保维持费用 is part of 维持费用)', (fn) => {
    const r = expectError(fn, [1000000, 800000, 100000, 100000.01], {
      code: '#VALUE!',
      argument: 'insured_maintenance',
      rule: 'insuredMaintenanceAboveMaintenance',
    });
    expect(r.error.message.en).toContain('100000.01');
  });

  it.each(FNS)('%s: insured_maintenance = maintenance is allowed', (fn) => {
    expect(evaluate(fn, [1000000, 800000, 100000, 100000]).ok).toBe(true);
  });

  it.each<[string, RawArgument[], string, string]>([
    ['OPERATINGPROFIT', [0, 1], 'revenue', 'notPositive'], // revenue > 0
    ['OPERATINGPROFIT', [-1, 1], 'revenue', 'notPositive'],
    ['OPERATINGPROFIT', [null, 1], 'revenue', 'notPositive'], // a blank required number is 0: still > 0 required
    ['OPERATINGPROFIT', [1, -0.01], 'expenses', 'negative'],
    ['PROFITRATE', [1, 1, -1, 0], 'maintenance', 'negative'],
    ['PROFITRATE', [1, 1, 1, -1], 'insured_maintenance', 'negative'],
    ['INSUREDRATIO', ['12000000', 1, 1, 1], 'revenue', 'notANumber'],
    ['INSUREDRATIO', [1, true, 1, 1], 'expenses', 'notANumber'],
    ['PROFITRATE', [1, 1, 1, 1, 'maybe'], 'profit_insured', 'notABoolean'],
    ['PROFITRATE', [1, 1, 1, 1, 2], 'profit_insured', 'notABoolean'],
  ])('%s(%j) → #VALUE! on %s (%s)', (fn, args, argument, rule) => {
    expectError(fn, args, { code: '#VALUE!', argument, rule });
  });

  /*
   * Decision: the catalogue calls maintenance "part of expenses" (第四十四条 20), so maintenance >
   * expenses is an inconsistent input (#VALUE!). Accepting it would let the profit rate exceed 1
   * (R = 100, E = 0, M = IM = 50: T = 50 + 100 = 150, 150 / 100 = 1.5), which every function taking
   * profit_rate then refuses while blaming profit_rate.
   */
  it.each(['PROFITRATE', 'INSUREDRATIO'])('%s: maintenance > expenses is #VALUE! naming maintenance', (fn) => {
    const r = expectError(fn, [100, 0, 50, 50], { code: '#VALUE!', argument: 'maintenance', rule: 'maintenanceAboveExpenses' });
    expect(r.error.message.en).toContain('maintenance (50) cannot exceed expenses (0)');
    expect(r.error.message.zh).toContain('维持费用');
  });

  it('maintenance equal to expenses is accepted (all expenses are maintenance)', () => {
    // P = 100 − 60 = 40; T = 60 + 40 = 100; 100 / 100 = 1
    expectNumber('PROFITRATE', [100, 60, 60, 60], '1');
  });
});

describe('trace', () => {
  it('PROFITRATE explains P, T and the rate, citing 第四十四条 21 and 32', () => {
    const r = evaluate('PROFITRATE', [12000000, 10500000, 3000000, 2400000], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.article])).toEqual([
      ['1500000', '第四十四条 21'],
      ['3900000', '第四十四条 32'],
      ['0.325', '第四十四条 32'],
    ]);
  });

  it('loss year: L, N and the rate', () => {
    const r = evaluate('PROFITRATE', [1000000, 1200000, 800000, 400000], { trace: true });
    expect(r.trace.map((s) => s.value)).toEqual(['-200000', '200000', '300000', '0.3']);
  });

  it('no trace unless asked', () => {
    expect(evaluate('PROFITRATE', [12000000, 10500000, 3000000, 2400000]).trace).toEqual([]);
  });
});
