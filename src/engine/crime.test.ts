/**
 * Section 6 of the catalogue, crime — ISO Commercial Crime Coverage Form CR 00 21 (loss
 * sustained): CYBER.CRIMEPAYOUT ($5,000 special limits, deductible, Forgery legal
 * expenses outside the limit), CYBER.PRIORLIMIT and CYBER.LOSSSUSTAINED.
 */
import { CATALOGUE } from './catalogue';
import { evaluate } from './evaluate';
import type { RawArgument } from './values';
import { argumentConventions, expectBoolean, expectError, expectNumber, ok, parseExample, serial } from './__tests__/helpers';

describe('CYBER.CRIMEPAYOUT (v2: the deductible comes off the whole loss; the special limit caps what is paid)', () => {
  // ISO Deductible: "This is the amount deducted from the total amount of a covered loss. … The
  // insurance company pays only the amount of a loss that exceeds the amount of the deductible."
  // ISO special limits: "$5,000 is the most paid in any one occurrence for loss of precious metals,
  // precious or semiprecious stones, pearls, furs, or fur articles."
  // So payout = min(limit, max(0, min(loss − deductible, loss − special + min(special, special_limit))))
  // + legal_expenses. v1 capped the special property first and took the deductible from what was
  // left, paying furs of 6,000 with a 1,000 deductible 4,000 instead of 5,000.
  // Args: loss, deductible, limit, [special_loss=0], [special_limit=5000], [legal_expenses=0]
  it.each<[string, RawArgument[], string]>([
    ['catalogue: furs of 6,000 with a 1,000 deductible pay 5,000 (v1: 4,000)', [6000, 1000, 25000, 6000], '5000'], // min(5,000, 5,000)
    ['furs of 5,500 with a 1,000 deductible pay 4,500', [5500, 1000, 25000, 5500], '4500'], // min(4,500, 5,000)
    ['furs of 20,000 with a 1,000 deductible: the most paid is 5,000', [20000, 1000, 25000, 20000], '5000'], // min(19,000, 5,000)
    ['capped by the limit', [50000, 1000, 25000, 8000], '25000'], // min(49,000, 47,000) = 47,000; limit 25,000
    ['no special property', [20000, 1000, 25000], '19000'],
    ['special property under the special limit', [20000, 1000, 25000, 3000], '19000'], // min(19,000, 20,000)
    ['special property over the special limit (v1: 16,000)', [20000, 1000, 25000, 8000], '17000'], // min(19,000, 12,000 + 5,000)
    ['special property at the special limit', [20000, 1000, 25000, 5000], '19000'],
    ['special property 1,000 over it: the deductible absorbs the excess', [20000, 1000, 25000, 6000], '19000'], // min(19,000, 19,000)
    ['all of the loss is special property, no deductible', [8000, 0, 25000, 8000], '5000'],
    ['a higher special limit', [20000, 1000, 25000, 8000, 10000], '19000'], // min(19,000, 20,000)
    ['special limit 0 (v1: 11,000)', [20000, 1000, 25000, 8000, 0], '12000'], // min(19,000, 12,000)
    ['only special property, special limit 0: nothing', [8000, 0, 25000, 8000, 0], '0'],
    ['loss below the deductible', [800, 1000, 25000], '0'],
    ['loss at the deductible', [1000, 1000, 25000], '0'],
    ['special property below the deductible', [800, 1000, 25000, 800], '0'], // max(0, min(−200, 800))
    // Forgery or Alteration legal expenses: no deductible, in addition to the limit.
    ['legal expenses on top of the full limit', [50000, 1000, 25000, 0, null, 7500], '32500'], // 25,000 + 7,500
    ['legal expenses when the loss is under the deductible', [500, 1000, 25000, 0, null, 2000], '2000'],
    ['legal expenses with no loss', [0, 1000, 25000, 0, 5000, 300], '300'],
    ['limit 0: only legal expenses', [50000, 0, 0, 0, 5000, 100], '100'],
    ['blank special_limit is 5,000', [20000, 1000, 25000, 8000, null], '17000'],
    ['exact decimals', [0.3, 0.1, 1, 0.2, 0.1, 0.05], '0.25'], // min(0.2, 0.1 + 0.1) = 0.2; + 0.05
  ])('%s: CRIMEPAYOUT(%j) = %s', (_label, args, exact) => {
    expectNumber('CRIMEPAYOUT', args, exact);
  });

  it('money and furs in one occurrence: the deductible comes off the whole loss, furs above the special limit are never paid', () => {
    // 10,000 of money and 6,000 of furs, 1,000 deductible: 15,000 = min(16,000 − 1,000, 10,000 + 5,000).
    expectNumber('CRIMEPAYOUT', [16000, 1000, 25000, 6000], '15000');
    // 10,000 of money and 7,000 of furs: min(16,000, 15,000) = 15,000 — the furs above 5,000 are never paid.
    expectNumber('CRIMEPAYOUT', [17000, 1000, 25000, 7000], '15000');
  });

  it('special_loss above the loss is #VALUE! (it is part of the loss)', () => {
    const r = expectError('CRIMEPAYOUT', [5000, 0, 25000, 5000.01], { code: '#VALUE!', argument: 'special_loss', rule: 'specialAboveLoss' });
    expect(r.error.message.en).toContain('5000.01');
    expect(r.error.message.en).toContain('(5000)');
    expectNumber('CRIMEPAYOUT', [5000, 0, 25000, 5000], '5000');
  });

  it('trace: loss above the deductible, most paid under the special limit, paid within the limit, plus legal expenses', () => {
    const r = evaluate('CRIMEPAYOUT', [50000, 1000, 25000, 8000, null, 7500], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.source, s.article?.article])).toEqual([
      ['49000', 'ISO', 'Deductible'],
      ['47000', 'ISO', 'Limit of Insurance — special limits'],
      ['25000', 'ISO', 'Limit of Insurance'],
      ['32500', 'ISO', 'Forgery or Alteration — legal expenses'],
    ]);
  });
});

describe('CYBER.PRIORLIMIT (loss sustained during prior insurance)', () => {
  it.each<[string, RawArgument[], string]>([
    ['catalogue example: not continuous → the lower', [250000, 100000], '100000'],
    ['continuous with the same insurer → the larger', [250000, 100000, true], '250000'],
    ['continuous, prior limit larger', [100000, 250000, true], '250000'],
    ['not continuous, prior limit larger', [100000, 250000, false], '100000'],
    ['"yes"', [250000, 100000, 'yes'], '250000'],
    ['1', [250000, 100000, 1], '250000'],
    ['"是"', [250000, 100000, '是'], '250000'],
    ['"否"', [250000, 100000, '否'], '100000'],
    ['"n"', [250000, 100000, 'n'], '100000'],
    ['blank = FALSE', [250000, 100000, null], '100000'],
    ['equal limits', [100000, 100000, true], '100000'],
  ])('%s: PRIORLIMIT(%j) = %s', (_label, args, exact) => {
    expectNumber('PRIORLIMIT', args, exact);
  });
});

describe('CYBER.LOSSSUSTAINED (sustained in the term; discovered within one year after, or by the end when replaced)', () => {
  const START = serial(2025, 1, 1);
  const END = serial(2025, 12, 31);
  // Args: loss_date, discovery_date, policy_start, policy_end, [replaced=FALSE]
  it.each<[string, RawArgument[], boolean]>([
    ['catalogue example', [45700, 46100, 45658, 46022], true],
    ['sustained and discovered in the term', [serial(2025, 6, 1), serial(2025, 7, 1), START, END], true],
    ['discovered on EDATE(end, 12)', [serial(2025, 6, 1), serial(2026, 12, 31), START, END], true],
    ['discovered a day later', [serial(2025, 6, 1), serial(2027, 1, 1), START, END], false],
    ['loss on the first day', [START, START, START, END], true],
    ['loss on the last day', [END, END, START, END], true],
    ['loss the day before the start', [serial(2024, 12, 31), serial(2025, 2, 1), START, END], false],
    ['loss the day after the end', [serial(2026, 1, 1), serial(2026, 2, 1), START, END], false],
    ['discovered before it was sustained', [serial(2025, 6, 1), serial(2025, 5, 31), START, END], false],
    ['discovered on the day it was sustained', [serial(2025, 6, 1), serial(2025, 6, 1), START, END], true],
    // Replaced by other crime insurance: the extended period ends with the policy.
    ['replaced: discovered by the end', [serial(2025, 6, 1), END, START, END, true], true],
    ['replaced: discovered a day after the end', [serial(2025, 6, 1), serial(2026, 1, 1), START, END, true], false],
    ['replaced given as "yes"', [serial(2025, 6, 1), serial(2026, 1, 1), START, END, 'yes'], false],
    ['not replaced given as "否"', [serial(2025, 6, 1), serial(2026, 1, 1), START, END, '否'], true],
    // EDATE clamps to the month's end: a policy ending 2024-02-29 allows discovery to 2025-02-28.
    ['EDATE clamp: 2024-02-29 + 12 months = 2025-02-28', [serial(2023, 6, 1), serial(2025, 2, 28), serial(2023, 3, 1), serial(2024, 2, 29)], true],
    ['EDATE clamp: 2025-03-01 is too late', [serial(2023, 6, 1), serial(2025, 3, 1), serial(2023, 3, 1), serial(2024, 2, 29)], false],
    // EDATE, not + 365 days: a year that holds 29 February has 366 days.
    ['leap year: 2023-12-31 + 12 months = 2024-12-31 (366 days later)', [serial(2023, 6, 1), serial(2024, 12, 31), serial(2023, 1, 1), serial(2023, 12, 31)], true],
    ['leap year: 2025-01-01 is too late', [serial(2023, 6, 1), serial(2025, 1, 1), serial(2023, 1, 1), serial(2023, 12, 31)], false],
    ['one-day policy', [START, serial(2026, 1, 1), START, START], true],
    // Times of day are compared as given (the catalogue's comparisons are on serials).
    ['discovered at noon on the last day of the extended period', [serial(2025, 6, 1), serial(2026, 12, 31) + 0.5, START, END], false],
    ['policy ending at 23:59 of its last day covers a loss at noon', [END + 0.5, END + 1, START, END + 1439 / 1440], true],
  ])('%s: LOSSSUSTAINED(%j) = %p', (_label, args, expected) => {
    expectBoolean('LOSSSUSTAINED', args, expected);
  });

  it('policy_start after policy_end is #VALUE! on policy_end', () => {
    const r = expectError('LOSSSUSTAINED', [START, START, END, START], { code: '#VALUE!', argument: 'policy_end', rule: 'periodReversed' });
    expect(r.error.message.en).toContain('2025-01-01');
    expect(r.error.message.en).toContain('2025-12-31');
  });

  it('trace: in the term, last discovery day, covered', () => {
    const r = evaluate('LOSSSUSTAINED', [serial(2025, 6, 1), serial(2026, 6, 1), START, END], { trace: true });
    expect(r.trace.map((s) => s.value)).toEqual([true, String(serial(2026, 12, 31)), true]);
  });
});

describe('section 6 catalogue examples in the specs', () => {
  it.each(CATALOGUE.filter((f) => f.section === 6).map((f) => [f.name, f.example.formula, f.example.result]))('%s: %s = %s', (name, formula, result) => {
    const ex = parseExample(formula);
    expect(ex.name).toBe(name);
    expect(String(ok(name, ex.args).exact).toUpperCase()).toBe(result.toUpperCase());
  });
});

argumentConventions({
  CRIMEPAYOUT: [50000, 1000, 25000, 8000, 5000, 7500],
  PRIORLIMIT: [250000, 100000, true],
  LOSSSUSTAINED: [45700, 46100, 45658, 46022, false],
});
