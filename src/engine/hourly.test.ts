/**
 * Section 4 of the catalogue — hourly business interruption and reputational harm, SAMSUNG
 * 第二十九、三十一、三十八条, 释义十四、四十三、四十四、七十. Every row's arithmetic is in its comment.
 *
 * A series holds one loss per hour from the start of the service interruption (or from the
 * adverse media event); a 1-D range in either direction is accepted.
 */
import { evaluate } from './evaluate';
import type { RawArgument } from './values';
import fc from 'fast-check';
import { argumentConventions, col, edateSerial, expectError, expectNumber, parseExample, repeat, row, serial } from './__tests__/helpers';
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
    ['max_hours beyond the series: the whole series', [FOUR, 0, 0, 10000, 4320], '1000'],
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
    expectNumber('HOURLYBI', [series, 0, 0, 1e9, 4320], '43200'); // the largest max_hours allowed: the same
    expectNumber('HOURLYBI', [series, 0, 0, 1e9, 4319], '43190'); // a schedule may shorten it: 4319 × 10
    expectNumber('HOURLYBI', [series, 24, 100, 1e9], '42960'); // 43,200 − max(100, 24 × 10 = 240)
  });

  it('a full leap year of hours (8,784 values) is accepted; only the first 4320 count', () => {
    expectNumber('HOURLYBI', [col(repeat(1, 8784)), 0, 0, 1e9], '4320');
  });

  // v1 accepted any max_hours (4321 counted the 4321st hour; 8784 a whole leap year). v2 pins
  // SAMSUNG 释义四十四: 「恢复期在任何情况下均不得超过 180 天」 — a schedule may shorten the recovery
  // period, never lengthen it, so a cap above 180 × 24 = 4320 hours is #VALUE!.
  it.each<[number]>([[4321], [8760], [8784], [1e9]])('max_hours %p above 4320 is #VALUE! (恢复期在任何情况下均不得超过 180 天)', (maxHours) => {
    const series = col([...repeat(10, 4320), 1000000]);
    const r = expectError('HOURLYBI', [series, 0, 0, 1e9, maxHours], { code: '#VALUE!', argument: 'max_hours', rule: 'aboveMaximum' });
    expect(r.error.message.en).toContain('at most 4320');
    expect(r.error.message.zh).toContain('不得大于 4320');
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

  // Args: hourly_losses, waiting_hours, [daily_cap=1000000], [indemnity_hours=4380], [limit], [start]
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

  // v1 accepted any indemnity_hours. v2 pins SAMSUNG 释义四十三: 赔偿期 ends at the latest
  // 「负面媒体事件等待期结束后六个月」, and six calendar months are at most 184 days (July to
  // December) = 4416 hours, so a longer indemnity period is #VALUE!.
  it('indemnity_hours 4416 (184 days) is the longest accepted; above it is #VALUE! (负面媒体事件等待期结束后六个月)', () => {
    const long = col(repeat(1000, 4500)); // 24,000 per block, under the default cap
    expectNumber('REPUTATIONAL', [long, 0, null, 4416], '4416000'); // hours [0, 4416)
    for (const h of [4417, 4420, 8760]) {
      const r = expectError('REPUTATIONAL', [long, 0, null, h], { code: '#VALUE!', argument: 'indemnity_hours', rule: 'aboveMaximum' });
      expect(r.error.message.en).toContain('at most 4416');
      expect(r.error.message.zh).toContain('不得大于 4416');
    }
  });

  describe('with start: six calendar months after the waiting period, to the hour (释义四十三 (二))', () => {
    // 12 waiting hours, then hours of 1,000 (24,000 a day, far under the daily cap): the payout is
    // 1,000 × the hours counted, so each case below reads the indemnity period H off the result.
    const LONG = col([...repeat(0, 12), ...repeat(1000, 4500)]);
    const EVEN = col(repeat(1000, 4500));
    const at = (y: number, m: number, d: number, hour: number) => serial(y, m, d) + hour / 24;

    it.each<[string, number, number, number | null, string]>([
      // start 2025-08-31 10:00 + 12 h → E = 2025-08-31 22:00. EDATE(E, 6): 2026-02-31 does not exist,
      // clamped to 2026-02-28 22:00. Aug 31 → Feb 28 = 30 + 31 + 30 + 31 + 31 + 28 = 181 days → 4344 h.
      ['2025-08-31 10:00: E on Aug 31 → Feb 28 (clamped), 181 days', at(2025, 8, 31, 10), 12, 4416, '4344000'],
      ['the same with the default indemnity_hours 4380: min(4380, 4344)', at(2025, 8, 31, 10), 12, null, '4344000'],
      // 2023-08-31 22:00 → 2024-02-29 22:00 (a leap year): 181 + 1 = 182 days → 4368 h.
      ['2023-08-31 10:00: E on Aug 31 → Feb 29 of a leap year, 182 days', at(2023, 8, 31, 10), 12, 4416, '4368000'],
      // start 2025-06-30 12:00 + 12 h → E = 2025-07-01 00:00 → 2026-01-01 00:00:
      // 31 + 31 + 30 + 31 + 30 + 31 = 184 days → 4416 h, the longest six months.
      ['2025-06-30 12:00: E on Jul 1 → Jan 1, 184 days', at(2025, 6, 30, 12), 12, 4416, '4416000'],
      // The catalogue's H = min(indemnity_hours, …): the default 4380 binds when the months are longer.
      ['the same with the default indemnity_hours: min(4380, 4416) = 4380', at(2025, 6, 30, 12), 12, null, '4380000'],
      // start 2025-08-31 12:00 + 12 h → E = 2025-09-01 00:00 → 2026-03-01 00:00:
      // 30 + 31 + 30 + 31 + 31 + 28 = 181 days → 4344 h.
      ['2025-08-31 12:00: E on Sep 1 → Mar 1, 181 days', at(2025, 8, 31, 12), 12, 4416, '4344000'],
      // A shorter indemnity_hours still wins (释义四十三 (一): the earlier date ends the period).
      ['indemnity_hours 100 is shorter than the six months', at(2025, 8, 31, 10), 12, 100, '100000'],
    ])('%s', (_label, start, waiting, indemnity, exact) => {
      expectNumber('REPUTATIONAL', [LONG, waiting, 1e9, indemnity, null, start], exact);
    });

    it('without start the indemnity period is indemnity_hours alone (v1 reading kept)', () => {
      expectNumber('REPUTATIONAL', [LONG, 12, 1e9, 4416], '4416000');
      expectNumber('REPUTATIONAL', [LONG, 12, 1e9, 4416, null, null], '4416000'); // blank start = omitted
      expectNumber('REPUTATIONAL', [LONG, 12, 1e9, 4416, null, ''], '4416000');
    });

    it('the end of the waiting period, not the start, sets the months: the waiting period crossing midnight changes the day', () => {
      // start 2025-08-30 20:00. Waiting 2 h → E = Aug 30 22:00 → EDATE = Feb 28 22:00 (clamped from
      // Feb 30): 1 + 181 = 182 days → 4368 h. Waiting 4 h → E = Aug 31 00:00 → Feb 28: 181 days.
      // Waiting 5 h → E = Aug 31 01:00: 181 days. (Every hour of this series is 1,000.)
      const start = at(2025, 8, 30, 20);
      expectNumber('REPUTATIONAL', [EVEN, 2, 1e9, 4416, null, start], '4368000');
      expectNumber('REPUTATIONAL', [EVEN, 4, 1e9, 4416, null, start], '4344000');
      expectNumber('REPUTATIONAL', [EVEN, 5, 1e9, 4416, null, start], '4344000');
    });

    it('a start a hair before 20:00 (a double is rarely exact) still ends a 4-hour wait at midnight', () => {
      // E is taken to the second: 20:00 − 8.64 µs + 4 h is 2025-08-31 00:00, 181 days, not Aug 30.
      const start = at(2025, 8, 30, 20) - 1e-10;
      expectNumber('REPUTATIONAL', [EVEN, 4, 1e9, 4416, null, start], '4344000');
      // One second before midnight is still Aug 30: 182 days.
      expectNumber('REPUTATIONAL', [EVEN, 4, 1e9, 4416, null, at(2025, 8, 30, 20) - 1 / 86400], '4368000');
    });

    it('EDATE keeps the time of day: a start at 13:30 gives whole days of 24 hours', () => {
      // start 2025-02-28 13:30, no waiting → E = Feb 28 13:30 → Aug 28 13:30:
      // 28 + 31 + 30 + 31 + 30 + 31 = 181 days → 4344 h; the blocks run 13:30 to 13:30.
      expectNumber('REPUTATIONAL', [EVEN, 0, 1e9, 4416, null, serial(2025, 2, 28) + 0.5625], '4344000');
    });

    it('a start on 9999-12-31: six months run into year 10000 (a leap year), a count of hours, not a date', () => {
      // 9999-12-31 → 10000-06-30: 31 + 29 + 31 + 30 + 31 + 30 = 182 days → 4368 h.
      expectNumber('REPUTATIONAL', [col(repeat(1, 4500)), 0, 1e9, 4416, null, serial(9999, 12, 31)], '4368');
    });

    it('the daily cap still applies per 24 hours from E', () => {
      // 2025-08-31 22:00 + 181 days: 181 blocks of 24 × 1,000 = 24,000, each capped at 20,000.
      expectNumber('REPUTATIONAL', [LONG, 12, 20000, 4416, null, at(2025, 8, 31, 10)], '3620000'); // 181 × 20,000
      expectNumber('REPUTATIONAL', [LONG, 12, 20000, 4416, 1000000, at(2025, 8, 31, 10)], '1000000');
    });

    it('a waiting period as long as the series: nothing counts, whatever the calendar', () => {
      expectNumber('REPUTATIONAL', [FOUR, 4, null, null, null, at(2025, 8, 31, 10)], '0');
      expectNumber('REPUTATIONAL', [FOUR, 1e9, null, null, null, at(2025, 8, 31, 10)], '0');
    });

    it('H = min(indemnity_hours, 24 × (EDATE(E, 6) − E)) for any start and waiting period (independent EDATE)', () => {
      const series = col(repeat(1, 4500));
      fc.assert(
        fc.property(
          fc.integer({ min: 36526, max: 55153 }), // 2000-01-01 … 2050-12-31
          fc.integer({ min: 0, max: 95 }), // quarter hours of the day
          fc.integer({ min: 0, max: 48 }),
          fc.integer({ min: 4300, max: 4416 }),
          (day, quarter, waiting, indemnity) => {
            const start = day + quarter / 96;
            // To the second, as the engine takes E (a double sum of 20/24 and 4/24 may miss midnight).
            const e = Math.round((start + waiting / 24) * 86400) / 86400;
            const days = Math.round(edateSerial(e, 6) - e);
            const h = Math.min(indemnity, 24 * days, 4500 - waiting);
            expectNumber('REPUTATIONAL', [series, waiting, 1e9, indemnity, null, start], String(h));
          },
        ),
        { numRuns: 150 },
      );
    });

    it('trace: E, six months later, the indemnity period, then the v1 steps', () => {
      const r = evaluate('REPUTATIONAL', [LONG, 12, 20000, 4416, 1000000, at(2025, 8, 31, 10)], { trace: true });
      expect(r.trace.map((s) => [s.value, s.article?.article])).toEqual([
        ['2025-08-31 22:00', '释义二'],
        ['2026-02-28 22:00', '释义四十三'],
        ['4344', '释义四十三'],
        ['4344', '释义四十三'],
        ['181', '释义十四'],
        ['3620000', '第三十一条'],
        ['1000000', '释义十四'],
      ]);
    });

    it.each<[RawArgument, string]>([
      [60, 'dateOutOfRange'], // before 1900-03-01
      [2958466, 'dateOutOfRange'], // after 9999-12-31
      ['2025-08-31', 'notANumber'],
      [true, 'notANumber'],
    ])('start %p → #VALUE! %s', (start, rule) => {
      expectError('REPUTATIONAL', [FOUR, 1, null, null, null, start], { code: '#VALUE!', argument: 'start', rule });
    });
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
    ['REPUTATIONAL', [FOUR, 1, 1000, 4415.5], 'indemnity_hours'],
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
  REPUTATIONAL: [FOUR, 1, 1000, 24, 5000, serial(2025, 8, 31) + 10 / 24],
});
