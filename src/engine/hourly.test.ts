/**
 * Section 4 of the catalogue — hourly business interruption and reputational harm, SAMSUNG
 * 第二十九、三十一、三十八条, 释义十四、四十三、四十四、七十. Every row's arithmetic is in its comment.
 *
 * A series holds one loss per hour from the start of the service interruption (or from the
 * adverse media event); a 1-D range in either direction is accepted.
 */
import { evaluate } from './evaluate';
import type { RawArgument } from './values';
import { argumentConventions, col, expectError, expectNumber, parseExample, repeat, row } from './__tests__/helpers';
import { CATALOGUE } from './catalogue';

const FOUR = col([100, 200, 300, 400]); // the catalogue's example series

describe('CYBER.WAITINGDEDUCTIBLE (释义七十: 等待期内发生的营业收入损失……的金额)', () => {
  it.each<[string, RawArgument[], string]>([
    ['catalogue example: first 2 hours', [FOUR, 2], '300'], // 100 + 200
    ['no waiting period', [FOUR, 0], '0'],
    ['one hour', [FOUR, 1], '100'],
    ['the whole series', [FOUR, 4], '1000'],
    ['waiting longer than the series: all of it', [FOUR, 10], '1000'],
    ['a row works like a column', [row([100, 200, 300, 400]), 3], '600'], // 100 + 200 + 300
    ['blanks count as 0', [col([100, null, 300, '']), 3], '400'], // 100 + 0 + 300
    ['a single cell is a series of one', [500, 1], '500'],
    ['a ragged column: a missing cell is blank (0)', [[[100], [], [300]], 3], '400'], // fixed: was an internal error
    ['exact decimal sum', [col([0.1, 0.2]), 2], '0.3'], // binary gives 0.30000000000000004
    ['cents over many hours', [col(repeat(0.01, 8784)), 8784], '87.84'],
  ])('%s: WAITINGDEDUCTIBLE(%j) = %s', (_label, args, exact) => {
    expectNumber('WAITINGDEDUCTIBLE', args, exact);
  });
});

describe('CYBER.HOURLYBI (第二十九条: the larger of the deductible and the waiting-period deductible; 释义四十四: recovery ≤ 4320 h)', () => {
  // Args: hourly_losses, waiting_hours, deductible, limit, [max_hours=4320]
  it.each<[string, RawArgument[], string]>([
    ['catalogue example: waiting-period deductible is larger', [FOUR, 2, 250, 1000], '700'], // S 1000; W 300 > 250; 1000 − 300
    ['monetary deductible is larger', [FOUR, 2, 500, 1000], '500'], // W 300 < 500; 1000 − 500
    ['both equal', [FOUR, 2, 300, 1000], '700'],
    ['no waiting period: the deductible alone', [FOUR, 0, 250, 1000], '750'], // W 0; 1000 − 250
    ['no deductible, no waiting period', [FOUR, 0, 0, 10000], '1000'],
    ['capped by the limit', [FOUR, 2, 250, 600], '600'], // min(600, 700)
    ['limit 0', [FOUR, 0, 0, 0], '0'],
    ['deductible exceeds the losses: 0, never negative', [FOUR, 0, 5000, 10000], '0'],
    ['waiting longer than the series: W is all of it', [FOUR, 10, 0, 10000], '0'], // 1000 − max(0, 1000)
    // max_hours truncation: only the first max_hours values count, and W is taken on them.
    ['max_hours 3 drops the 4th hour', [FOUR, 2, 250, 1000, 3], '300'], // S 600; W 300; 600 − 300
    ['max_hours 1 shorter than the waiting period', [FOUR, 2, 50, 1000, 1], '0'], // S 100; W = first 1 hour = 100; 100 − max(50, 100)
    ['max_hours 1, monetary deductible larger', [FOUR, 0, 50, 1000, 1], '50'], // S 100; 100 − 50
    ['max_hours 0: nothing counts', [FOUR, 0, 0, 1000, 0], '0'],
    ['max_hours beyond the series: the whole series', [FOUR, 0, 0, 10000, 8784], '1000'],
    ['blank max_hours is the default 4320', [FOUR, 2, 250, 1000, null], '700'],
    ['row input', [row([100, 200, 300, 400]), 2, 250, 1000], '700'],
    ['exact decimals', [col([0.1, 0.2, 0.3]), 1, 0, 1], '0.5'], // 0.6 − max(0, 0.1)
  ])('%s: HOURLYBI(%j) = %s', (_label, args, exact) => {
    expectNumber('HOURLYBI', args, exact);
  });

  it('default max_hours = 4320 (180 days): hour 4321 and later do not count', () => {
    // 4320 hours of 10, then one hour of 1,000,000 that falls outside the recovery period.
    const series = col([...repeat(10, 4320), 1000000]);
    expectNumber('HOURLYBI', [series, 0, 0, 1e9], '43200'); // 4320 × 10
    expectNumber('HOURLYBI', [series, 0, 0, 1e9, 4321], '1043200'); // the extra hour counts when max_hours allows it
    expectNumber('HOURLYBI', [series, 24, 100, 1e9], '42960'); // 43,200 − max(100, 24 × 10 = 240)
  });

  it('a full leap year of hours (8,784 values) is accepted', () => {
    expectNumber('HOURLYBI', [col(repeat(1, 8784)), 0, 0, 1e9, 8784], '8784');
  });

  it('trace: losses counted, waiting-period deductible, deductible applied, payout, each with its article', () => {
    const r = evaluate('HOURLYBI', [FOUR, 2, 250, 600], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.article])).toEqual([
      ['1000', '释义四十四'],
      ['300', '释义七十'],
      ['300', '第二十九条'],
      ['600', '第二十九条'],
    ]);
  });
});

describe('CYBER.REPUTATIONAL (第三十一条; 释义十四 daily cap per 24 hours; 释义四十三 indemnity period ≤ 6 months)', () => {
  // 72 hours after an adverse media event: hours 0–11 at 1,000 (the waiting period below),
  // hours 12–35 at 50,000, hours 36–59 at 30,000, hours 60–71 at 100,000.
  const MEDIA = col([...repeat(1000, 12), ...repeat(50000, 24), ...repeat(30000, 24), ...repeat(100000, 12)]);

  // Args: hourly_losses, waiting_hours, [daily_cap=1000000], [indemnity_hours=4380], [limit]
  it.each<[string, RawArgument[], string]>([
    // Blocks from the end of the 12-hour waiting period: [12,36) 24 × 50,000 = 1,200,000 → cap 1,000,000;
    // [36,60) 24 × 30,000 = 720,000; [60,72) partial: 12 × 100,000 = 1,200,000 → cap 1,000,000.
    ['defaults: three blocks, two capped', [MEDIA, 12], '2720000'], // 1,000,000 + 720,000 + 1,000,000
    ['daily cap 800,000', [MEDIA, 12, 800000], '2320000'], // 800,000 + 720,000 + 800,000
    ['daily cap above every block', [MEDIA, 12, 5000000], '3120000'], // 1,200,000 + 720,000 + 1,200,000
    ['limit below the total', [MEDIA, 12, null, null, 2000000], '2000000'],
    ['limit above the total', [MEDIA, 12, null, null, 9000000], '2720000'],
    ['limit 0', [MEDIA, 12, null, null, 0], '0'],
    // indemnity_hours cuts the hours that count: [12, 42).
    ['indemnity 30 h: a full block and a 6-hour partial block', [MEDIA, 12, null, 30], '1180000'], // cap(1,200,000) + 6 × 30,000
    ['indemnity 24 h: exactly one block', [MEDIA, 12, null, 24], '1000000'],
    ['indemnity 1 h', [MEDIA, 12, null, 1], '50000'], // hour 12 only
    ['indemnity 0 h: nothing', [MEDIA, 12, null, 0], '0'],
    // Blocks start at the end of the waiting period, not at hour 0: with no waiting period the
    // blocks are [0,24) 12 × 1,000 + 12 × 50,000 = 612,000; [24,48) 12 × 50,000 + 12 × 30,000 = 960,000;
    // [48,72) 12 × 30,000 + 12 × 100,000 = 1,560,000 → 1,000,000.
    ['no waiting period: blocks from hour 0', [MEDIA, 0], '2572000'], // 612,000 + 960,000 + 1,000,000
    ['waiting period of 36 h', [MEDIA, 36], '1720000'], // [36,60) 720,000; [60,72) cap 1,000,000
    ['waiting period as long as the series', [MEDIA, 72], '0'],
    ['waiting period beyond the series', [MEDIA, 100], '0'],
    ['row input', [row([5, 5, 5, 5]), 1, 12], '12'], // one partial block of 15 → cap 12
    ['blank hours count as 0', [col([1, null, 2, '']), 0], '3'],
    ['exact decimals', [col([0.1, 0.2, 0.3]), 1, 1], '0.5'], // one partial block 0.2 + 0.3
    ['catalogue example', [col([100, 200, 300, 400, 500, 600]), 1, 1000, 4], '1000'], // [1,5): 1,400 → 1,000
  ])('%s: REPUTATIONAL(%j) = %s', (_label, args, exact) => {
    expectNumber('REPUTATIONAL', args, exact);
  });

  it('default indemnity period 4380 h (6 × 730) counts 182 full blocks and a 12-hour partial one', () => {
    const year = col(repeat(1000, 4400)); // 24,000 per block, under the default cap
    expectNumber('REPUTATIONAL', [year, 0], '4380000'); // hours [0, 4380)
    expectNumber('REPUTATIONAL', [year, 24], '4376000'); // hours [24, 4404) ∩ [0, 4400) = 4376 hours
    const heavy = col(repeat(100000, 4400)); // 2,400,000 per full block, 1,200,000 in the partial one: all capped
    expectNumber('REPUTATIONAL', [heavy, 0], '183000000'); // 183 blocks × 1,000,000
    expectNumber('REPUTATIONAL', [heavy, 0, null, null, 50000000], '50000000');
  });

  it('trace: hours counted, blocks capped, total, payout', () => {
    const r = evaluate('REPUTATIONAL', [MEDIA, 12, null, null, 2000000], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.article])).toEqual([
      ['60', '释义四十三'],
      ['2', '释义十四'],
      ['2720000', '第三十一条'],
      ['2000000', '释义十四'],
    ]);
  });
});

describe('section 4 error rules', () => {
  it.each<[string, RawArgument[], string]>([
    ['WAITINGDEDUCTIBLE', [FOUR, 1.5], 'waiting_hours'],
    ['HOURLYBI', [FOUR, 2.5, 0, 100], 'waiting_hours'],
    ['HOURLYBI', [FOUR, 2, 0, 100, 3.25], 'max_hours'],
    ['REPUTATIONAL', [FOUR, 0.5], 'waiting_hours'],
    ['REPUTATIONAL', [FOUR, 1, 1000, 24.5], 'indemnity_hours'],
  ])('%s: hours must be whole (%j → %s)', (fn, args, argument) => {
    const r = expectError(fn, args, { code: '#VALUE!', argument, rule: 'notWhole' });
    expect(r.error.message.en).toContain('whole number');
    expect(r.error.message.zh).toContain('整数');
  });

  it.each(['WAITINGDEDUCTIBLE', 'HOURLYBI', 'REPUTATIONAL'])('%s: a series longer than 8,784 values is #NUM!', (fn) => {
    const args = (series: RawArgument): RawArgument[] => (fn === 'WAITINGDEDUCTIBLE' ? [series, 0] : fn === 'HOURLYBI' ? [series, 0, 0, 100] : [series, 0]);
    expect(evaluate(fn, args(col(repeat(1, 8784)))).ok).toBe(true);
    const r = expectError(fn, args(col(repeat(1, 8785))), { code: '#NUM!', argument: 'hourly_losses', rule: 'seriesTooLong' });
    expect(r.error.message.en).toContain('8785');
    expect(r.error.message.en).toContain('8784');
    expectError(fn, args(row(repeat(1, 8785))), { code: '#NUM!', argument: 'hourly_losses', rule: 'seriesTooLong' });
  });

  it('a 1,000,000-value series is refused quickly, before any value is read', () => {
    const million = col(repeat(1, 1000000));
    const started = Date.now();
    expectError('HOURLYBI', [million, 0, 0, 100], { code: '#NUM!', argument: 'hourly_losses', rule: 'seriesTooLong' });
    expectError('REPUTATIONAL', [million, 0], { code: '#NUM!', argument: 'hourly_losses', rule: 'seriesTooLong' });
    // Generous bound (no decimal is built): a hang or a per-value conversion would be far slower.
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('text in the series names its position; a 2-D range is not a series', () => {
    const r = expectError('HOURLYBI', [col([1, 2, 'n/a']), 0, 0, 100], { code: '#VALUE!', argument: 'hourly_losses', rule: 'textInSeries' });
    expect(r.error.message.en).toContain('item 3');
    expectError('REPUTATIONAL', [[[1, 2], [3, 4]], 0], { code: '#VALUE!', argument: 'hourly_losses', rule: 'notASeries' });
  });

  it.each(['WAITINGDEDUCTIBLE', 'HOURLYBI', 'REPUTATIONAL'])('%s: a negative hourly loss is #VALUE! naming its position (conventions: amounts ≥ 0)', (fn) => {
    // Before the fix, REPUTATIONAL({-100; 50}, 0) paid −50 and WAITINGDEDUCTIBLE({-100; 50}, 1) was −100.
    const series = col([100, 50, -0.01, 20]);
    const args: RawArgument[] = fn === 'HOURLYBI' ? [series, 1, 0, 1000] : [series, 1];
    const r = expectError(fn, args, { code: '#VALUE!', argument: 'hourly_losses', rule: 'negativeInSeries' });
    expect(r.error.message.en).toContain('item 3 is -0.01');
    expect(r.error.message.zh).toContain('第 3 项是 -0.01');
    // −0 is 0, not negative.
    expect(evaluate(fn, fn === 'HOURLYBI' ? [col([-0, 1]), 0, 0, 10] : [col([-0, 1]), 0]).ok).toBe(true);
  });

  it('negative deductibles, limits, caps and hours are #VALUE!', () => {
    expectError('HOURLYBI', [FOUR, 0, -1, 100], { code: '#VALUE!', argument: 'deductible', rule: 'negative' });
    expectError('HOURLYBI', [FOUR, 0, 0, -100], { code: '#VALUE!', argument: 'limit', rule: 'negative' });
    expectError('REPUTATIONAL', [FOUR, 0, -1], { code: '#VALUE!', argument: 'daily_cap', rule: 'negative' });
    expectError('REPUTATIONAL', [FOUR, -24], { code: '#VALUE!', argument: 'waiting_hours', rule: 'negative' });
  });
});

describe('section 4 catalogue examples in the specs', () => {
  it.each(CATALOGUE.filter((f) => f.section === 4).map((f) => [f.name, f.example.formula, f.example.result]))('%s: %s = %s', (name, formula, result) => {
    const ex = parseExample(formula);
    expect(ex.name).toBe(name);
    expectNumber(name, ex.args, result);
  });
});

argumentConventions({
  WAITINGDEDUCTIBLE: [FOUR, 2],
  HOURLYBI: [FOUR, 2, 250, 1000, 3],
  REPUTATIONAL: [FOUR, 1, 1000, 24, 5000],
});
