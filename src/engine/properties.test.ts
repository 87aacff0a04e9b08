/**
 * Properties of sections 1–7 checked with fast-check over generated inputs:
 * - the ratios stay in [0, 1] whenever the inputs are consistent with the wording
 *   (maintenance ≤ expenses, insured_maintenance ≤ maintenance);
 * - RECOVERYRATIO is the ratio of the first bound ≥ the days, in [0, 1], or #N/A beyond;
 * - BIPAYOUT without under-insurance is exactly min(cap, max(0, loss − deductible));
 * - the revenue window functions agree with each other and grow with the window;
 * - sections 4–7: HOURLYBI and REPUTATIONAL equal to their formulas; ALLOCATE equal to the
 *   catalogue's two steps; REMAINING; RECOVERY's parts sum to the net recovery; POOLSHARE within
 *   the pool and each claim, pro rata;
 * - every payout's caps and monotonicity, ALLOCATE's limits and conservation of money, and the
 *   three hosts' agreement are in test/properties (10,000 cases per function), not repeated here;
 * - no input whatsoever makes the engine throw or return NaN, ±Infinity or −0 (every function).
 *
 * Comparisons are made on the exact decimal results, with inputs converted exactly as the
 * engine converts them (decimal.js from the double).
 */
import fc from 'fast-check';
import { CATALOGUE } from './catalogue';
import { Dec, type Decimal } from './decimal';
import { evaluate } from './evaluate';
import { MESSAGES } from './messages';
import type { CellValue, ErrorCode, RawArgument } from './values';
import { edateSerial, KNOWN_CODES, serial } from './__tests__/helpers';
import { type Book, bookArb, bookRanges, eventsOf, pathOf } from '../../test/properties/arbitraries';

/**
 * Runs per property: 1500 here (these check exact formulas; the 10,000-per-function caps,
 * monotonicity, conservation and cross-host properties live in test/properties). A positive
 * CYBERBI_PROPERTY_RUNS raises (or lowers) both suites alike.
 */
const RUNS = Number(process.env.CYBERBI_PROPERTY_RUNS) || 1500;

/** CYBERBI_PROPERTY_SEED fixes fast-check's seed for every property here, so failures reproduce. */
const SEED = process.env.CYBERBI_PROPERTY_SEED ? Number(process.env.CYBERBI_PROPERTY_SEED) : undefined;
if (SEED !== undefined) fc.configureGlobal({ seed: SEED });

/** The exact result of a successful numeric call, or the error code. */
function exact(name: string, args: readonly RawArgument[]): Decimal | ErrorCode {
  const r = evaluate(name, args);
  if (!r.ok) return r.error.code;
  if (typeof r.exact !== 'string') throw new Error(`${name} returned ${JSON.stringify(r.exact)}`);
  return new Dec(r.exact);
}

function mustBeNumber(name: string, args: readonly RawArgument[]): Decimal {
  const r = evaluate(name, args);
  if (!r.ok) throw new Error(`${name}(${JSON.stringify(args)}) failed: ${r.error.message.en}`);
  return new Dec(r.exact as string);
}

const d = (x: number) => new Dec(x);
const positivePart = (x: Decimal) => (x.isNegative() ? new Dec(0) : x);

// ---- arbitraries ------------------------------------------------------------------------------

/** Amounts as users type them (cents), plain doubles over a wide range, and landmarks. */
const amount = fc.oneof(
  fc.integer({ min: 0, max: 100_000_000_000 }).map((n) => n / 100),
  fc.double({ min: 0, max: 1e15, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 1e-6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 0.1, 0.3, 1, 1e6),
);
const positiveAmount = amount.filter((x) => x > 0);
const ratio = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
  fc.constantFrom(0, 1, 0.325),
);
/** blank or a value */
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 3 });

// ---- section 1 ------------------------------------------------------------------------------

/** Inputs consistent with 第四十四条 20: insured_maintenance ≤ maintenance ≤ expenses. */
const consistentRatioInputs = fc
  .record({
    revenue: positiveAmount,
    expenses: amount,
    maintenanceShare: ratio,
    insuredShare: ratio,
    profitInsured: fc.constantFrom<CellValue>(true, false, null, 'yes', '否'),
  })
  .map(({ revenue, expenses, maintenanceShare, insuredShare, profitInsured }) => {
    const maintenance = expenses * maintenanceShare; // ≤ expenses (rounding is monotone)
    const insuredMaintenance = maintenance * insuredShare; // ≤ maintenance
    return [revenue, expenses, maintenance, insuredMaintenance, profitInsured] as RawArgument[];
  });

/** Loss years (expenses > revenue) get their own generator so that both branches are well covered. */
const lossYearInputs = fc
  .record({ revenue: positiveAmount, extra: positiveAmount, maintenanceShare: ratio, insuredShare: ratio })
  .map(({ revenue, extra, maintenanceShare, insuredShare }) => {
    const expenses = revenue + extra;
    const maintenance = expenses * maintenanceShare;
    return [revenue, expenses, maintenance, maintenance * insuredShare] as RawArgument[];
  })
  .filter(([revenue, expenses]) => (expenses as number) > (revenue as number)); // extra may vanish in rounding

describe('section 1 properties', () => {
  it('PROFITRATE lies in [0, 1] for consistent inputs', () => {
    fc.assert(
      fc.property(fc.oneof(consistentRatioInputs, lossYearInputs), (args) => {
        const r = mustBeNumber('PROFITRATE', args);
        expect(r.gte(0) && r.lte(1)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('INSUREDRATIO lies in [0, 1] for consistent inputs, or is #DIV/0! exactly when P = 0 and maintenance = 0', () => {
    fc.assert(
      fc.property(fc.oneof(consistentRatioInputs, lossYearInputs), (args) => {
        const r = exact('INSUREDRATIO', args);
        const [revenue, expenses, maintenance] = args as number[];
        const zeroDenominator = d(revenue).eq(d(expenses)) && maintenance === 0;
        if (zeroDenominator) expect(r).toBe('#DIV/0!');
        else {
          expect(typeof r).toBe('object');
          expect((r as Decimal).gte(0) && (r as Decimal).lte(1)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('break-even years are #DIV/0! only without maintenance', () => {
    fc.assert(
      fc.property(positiveAmount, ratio, ratio, (revenue, mShare, iShare) => {
        const m = revenue * mShare;
        const r = exact('INSUREDRATIO', [revenue, revenue, m, m * iShare]);
        if (m === 0) expect(r).toBe('#DIV/0!');
        else expect(typeof r).toBe('object');
      }),
      { numRuns: 300 },
    );
  });

  it('in a loss year with an insurable margin, the insured ratio is IM / M (N / (P + M) simplifies)', () => {
    // N = IM − L × IM / M = IM × (M − L) / M and P + M = M − L, so N / (P + M) = IM / M when N > 0.
    fc.assert(
      fc.property(lossYearInputs, (args) => {
        const [, , maintenance, insured] = args as number[];
        const r = mustBeNumber('INSUREDRATIO', args);
        if (r.isZero()) return;
        const truth = d(insured).div(d(maintenance));
        expect(r.minus(truth).abs().lte(truth.times('1e-34'))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---- section 2 ------------------------------------------------------------------------------

/** A history: strictly increasing starts from 2000 on, gaps of 1–400 days (quarter days too). */
const history = fc
  .record({
    start: fc.integer({ min: serial(2000, 1, 1), max: serial(2030, 1, 1) }),
    gaps: fc.array(fc.integer({ min: 4, max: 1600 }).map((q) => q / 4), { minLength: 1, maxLength: 14 }),
    revenues: fc.array(amount, { minLength: 15, maxLength: 15 }),
  })
  .map(({ start, gaps, revenues }) => {
    const rows: number[][] = [[start, revenues[0]]];
    let t = start;
    gaps.forEach((g, i) => {
      t += g;
      rows.push([t, revenues[i + 1]]);
    });
    return rows;
  });

/** An incident somewhere after the history's first start (quarter-day times). */
const incidentAfter = (h: number[][]) =>
  fc.integer({ min: 0, max: 4 * 2000 }).map((q) => h[0][0] + 365 + q / 4);

describe('section 2 properties', () => {
  it('ANNUALREVENUE = STANDARDREVENUE over the 12 months (same window, same exact result or same error)', () => {
    fc.assert(
      fc.property(
        history.chain((h) => fc.tuple(fc.constant(h), incidentAfter(h), maybe(fc.double({ min: -0.99, max: 10, noNaN: true })))),
        ([h, incident, trend]) => {
          const days = incident - edateSerial(incident, -12); // 365 or 366, exact for quarter days
          const a = evaluate('ANNUALREVENUE', [h, incident, trend]);
          const s = evaluate('STANDARDREVENUE', [h, incident, days, trend]);
          expect(a.ok ? a.exact : a.error.code).toEqual(s.ok ? s.exact : s.error.code);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('STANDARDREVENUE never falls when the window grows, and never exceeds the whole history', () => {
    fc.assert(
      fc.property(
        history.chain((h) => fc.tuple(fc.constant(h), incidentAfter(h), fc.integer({ min: 1, max: 1460 }), fc.integer({ min: 0, max: 400 }))),
        ([h, incident, q, extra]) => {
          const shorter = exact('STANDARDREVENUE', [h, incident, q / 4]);
          const longer = exact('STANDARDREVENUE', [h, incident, q / 4 + extra / 4]);
          if (typeof shorter === 'string' || typeof longer === 'string') {
            // Errors only for the documented reasons.
            for (const e of [shorter, longer]) if (typeof e === 'string') expect(['#N/A', '#VALUE!']).toContain(e);
            return;
          }
          expect(longer.gte(shorter)).toBe(true);
          const total = h.reduce((sum, row) => sum.plus(d(row[1])), new Dec(0));
          // 40-digit rounding of each cut period may add at most a unit in the 40th digit each.
          expect(longer.lte(total.times('1.000000000000000000000000000001'))).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// ---- section 3 ------------------------------------------------------------------------------

describe('section 3 properties', () => {
  it('RECOVERYRATIO is the ratio of the first bound ≥ days, in [0, 1]; #N/A beyond the last bound', () => {
    const table = fc
      .uniqueArray(fc.integer({ min: 0, max: 4000 }), { minLength: 1, maxLength: 8 })
      .chain((bounds) =>
        fc.tuple(
          fc.constant([...bounds].sort((a, b) => a - b).map((b) => b / 4)),
          fc.array(ratio, { minLength: bounds.length, maxLength: bounds.length }),
        ),
      );
    fc.assert(
      fc.property(table, fc.oneof(fc.integer({ min: 0, max: 4400 }).map((q) => q / 4), fc.double({ min: 0, max: 1100, noNaN: true })), ([bounds, ratios], days) => {
        const rows = bounds.map((b, i) => [b, ratios[i]]);
        const r = exact('RECOVERYRATIO', [days, rows]);
        const hit = bounds.findIndex((b) => b >= days);
        if (hit < 0) expect(r).toBe('#N/A');
        else {
          expect(typeof r).toBe('object');
          expect((r as Decimal).eq(d(ratios[hit]))).toBe(true);
          expect((r as Decimal).gte(0) && (r as Decimal).lte(1)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  interface BiInput {
    loss: number;
    deductible: number;
    sumInsured: number;
    limit: number;
    underInsurance: { annual: number; rate: number; insured: number | null } | null;
    paid: number | null;
    extra: number;
  }
  const bi: fc.Arbitrary<BiInput> = fc.record({
    loss: amount,
    deductible: amount,
    sumInsured: amount,
    limit: amount,
    underInsurance: fc.option(fc.record({ annual: amount, rate: ratio, insured: maybe(ratio) }), { nil: null }),
    paid: maybe(amount),
    extra: amount,
  });
  it('BIPAYOUT without under-insurance pays min(cap, max(0, loss − deductible)) exactly', () => {
    fc.assert(
      fc.property(bi, (x) => {
        const p = mustBeNumber('BIPAYOUT', [x.loss, x.deductible, x.sumInsured, x.limit, null, null, null, x.paid]);
        const cap = positivePart(Dec.min(d(x.sumInsured), d(x.limit)).minus(d(x.paid ?? 0)));
        expect(p.eq(Dec.min(cap, positivePart(d(x.loss).minus(d(x.deductible)))))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('CRISISWINDOW is TRUE exactly for the days 1…days after the discovery day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 61, max: 2900000 }),
        fc.integer({ min: 0, max: 3 }).map((q) => q / 4),
        fc.integer({ min: -5, max: 400 }),
        fc.integer({ min: 0, max: 3 }).map((q) => q / 4),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
        (day, t1, offset, t2, days) => {
          const cost = day + offset + t2;
          if (cost < 61) return;
          const r = evaluate('CRISISWINDOW', [day + t1, cost, days]);
          expect(r.ok && r.value).toBe(offset >= 1 && offset <= (days ?? 180));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('WAITINGMET is duration > waiting', () => {
    fc.assert(
      fc.property(amount, amount, (duration, waiting) => {
        const r = evaluate('WAITINGMET', [duration, waiting]);
        expect(r.ok && r.value).toBe(d(duration).gt(d(waiting)));
      }),
      { numRuns: 500 },
    );
  });
});

// ---- sections 4–7 ---------------------------------------------------------------------------
//
// Amounts here are cents (integers / 100) up to 10^8: every sum and difference the engine forms
// from them has far fewer than 40 significant digits, so the properties hold exactly, with no
// rounding tolerance. (With doubles spanning 1e-300 to 1e15 a 40-digit counter can round; the
// catalogue promises at least 34 significant digits, not unbounded ones.)

const cents = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => n / 100) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 0.01, 0.1, 0.3, 1000000) },
);
/** Sums taken exactly (1,000 digits): a 40-digit sum of 40-digit shares could itself round up. */
const Exact = Dec.clone({ precision: 1000 });
const sumOf = (xs: readonly Decimal[]): Decimal => new Dec(xs.reduce((s: Decimal, x) => s.plus(x), new Exact(0)));
const column = (name: string, args: readonly RawArgument[]) => {
  const r = evaluate(name, args, { trace: true });
  if (!r.ok) throw new Error(`${name}(${JSON.stringify(args).slice(0, 300)}) failed: ${r.error.message.en}`);
  return { cells: (r.exact as string[][]).map((line) => line[0]), trace: r.trace };
};

/** An hourly series (a column) of cents, 1–120 hours. */
const hourly = fc.array(cents, { minLength: 1, maxLength: 120 });
const hoursArg = fc.integer({ min: 0, max: 130 });

describe('section 4 properties', () => {
  it('HOURLYBI = min(limit, max(0, S − max(deductible, W))) over the first max_hours hours; ≤ limit; ≥ 0', () => {
    fc.assert(
      fc.property(hourly, hoursArg, cents, cents, maybe(hoursArg), (losses, waiting, deductible, limit, maxHours) => {
        const p = mustBeNumber('HOURLYBI', [losses.map((v) => [v]), waiting, deductible, limit, maxHours]);
        const counted = Math.min(losses.length, maxHours ?? 4320);
        const s = sumOf(losses.slice(0, counted).map(d));
        const w = sumOf(losses.slice(0, Math.min(waiting, counted)).map(d));
        expect(p.eq(Dec.min(d(limit), positivePart(s.minus(Dec.max(d(deductible), w)))))).toBe(true);
        expect(p.gte(0) && p.lte(d(limit))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('REPUTATIONAL: 24-hour blocks from the end of the waiting period, each ≤ daily_cap; total ≤ daily_cap × blocks, ≤ limit, ≤ the hours counted', () => {
    fc.assert(
      fc.property(
        fc.array(cents, { minLength: 1, maxLength: 200 }),
        hoursArg,
        maybe(cents),
        maybe(fc.integer({ min: 0, max: 200 })),
        maybe(cents),
        (losses, waiting, cap, indemnity, limit) => {
          const p = mustBeNumber('REPUTATIONAL', [losses.map((v) => [v]), waiting, cap, indemnity, limit]);
          const dailyCap = d(cap ?? 1000000);
          const to = Math.min(losses.length, waiting + (indemnity ?? 4380));
          const counted = losses.slice(waiting, Math.max(waiting, to)).map(d);
          const blocks = Math.ceil(counted.length / 24);
          let truth = new Dec(0);
          for (let b = 0; b < blocks; b++) truth = truth.plus(Dec.min(dailyCap, sumOf(counted.slice(24 * b, 24 * b + 24))));
          if (limit !== null) truth = Dec.min(truth, d(limit));
          expect(p.eq(truth)).toBe(true);
          expect(p.gte(0)).toBe(true);
          expect(p.lte(dailyCap.times(blocks))).toBe(true);
          expect(p.lte(sumOf(counted))).toBe(true);
          if (limit !== null) expect(p.lte(d(limit))).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('WAITINGDEDUCTIBLE is the sum of the first waiting hours and never falls as the waiting period grows', () => {
    fc.assert(
      fc.property(hourly, hoursArg, fc.integer({ min: 0, max: 30 }), (losses, waiting, more) => {
        const w = mustBeNumber('WAITINGDEDUCTIBLE', [losses.map((v) => [v]), waiting]);
        expect(w.eq(sumOf(losses.slice(0, waiting).map(d)))).toBe(true);
        expect(mustBeNumber('WAITINGDEDUCTIBLE', [losses.map((v) => [v]), waiting + more]).gte(w)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

// ---- ALLOCATE: a random covers tree and claims ----------------------------------------------

// The tree and claims generator is the property suite's (test/properties/arbitraries.ts), with
// longer claim lists here: this file checks the settlement against the catalogue's two steps.
const book = bookArb(30);

function bookArgs(b: Book): RawArgument[] {
  const { claims, covers } = bookRanges(b);
  return [claims, covers, b.policyAggregate, b.policyPerClaim];
}

/**
 * The deductible retained on each row, straight from the catalogue's step 1: D = the largest
 * deductible of the event's covers, taken in row order from rows whose own cover has one.
 */
function retainedOf(b: Book): Decimal[] {
  const retained = b.claims.map(() => new Dec(0));
  for (const rows of eventsOf(b)) {
    let left = Dec.max(new Dec(0), ...rows.map((i) => d(b.covers[b.claims[i].cover].deductible)));
    for (const i of rows) {
      if (b.covers[b.claims[i].cover].deductible === 0) continue;
      retained[i] = Dec.min(left, d(b.claims[i].amount));
      left = left.minus(retained[i]);
    }
  }
  return retained;
}

/**
 * The catalogue's step 2 transcribed: payable and the aggregates left (null = none). Nesting (v2):
 * walking up from the paid cover, an ancestor's per-event counter constrains the row, and is
 * reduced, only while every cover passed so far nests "all"; every aggregate on the way and the
 * policy's counters always do.
 */
function settleByHand(b: Book): { paid: Decimal[]; aggregates: Array<Decimal | null>; policy: Decimal | null } {
  const retained = retainedOf(b);
  const paid = b.claims.map(() => new Dec(0));
  const aggregates = b.covers.map((c) => (c.aggregate === null ? null : d(c.aggregate)));
  let policy = b.policyAggregate === null ? null : d(b.policyAggregate);
  for (const rows of eventsOf(b)) {
    const perEvent = b.covers.map((c) => (c.perEvent === null ? null : d(c.perEvent)));
    let policyEvent = b.policyPerClaim === null ? null : d(b.policyPerClaim);
    for (const i of rows) {
      const path = pathOf(b, b.claims[i].cover);
      const reached: number[] = []; // the covers whose per-event limit this row uses
      let viaAll = true;
      for (const k of path) {
        if (viaAll) reached.push(k);
        if (b.covers[k].nesting === 'aggregate') viaAll = false;
      }
      const caps = [d(b.claims[i].amount).minus(retained[i]), ...reached.map((k) => perEvent[k]), ...path.map((k) => aggregates[k]), policyEvent, policy].filter((x): x is Decimal => x !== null);
      const pay = Dec.min(...caps);
      paid[i] = pay;
      for (const k of reached) perEvent[k] = perEvent[k]?.minus(pay) ?? null;
      for (const k of path) aggregates[k] = aggregates[k]?.minus(pay) ?? null;
      policyEvent = policyEvent?.minus(pay) ?? null;
      policy = policy?.minus(pay) ?? null;
    }
  }
  return { paid, aggregates, policy };
}

/** ALLOCATE's column for the claims rows (header label checked and dropped). */
function allocate(b: Book): { paid: Decimal[]; trace: ReturnType<typeof column>['trace'] } {
  const { cells, trace } = column('ALLOCATE', bookArgs(b));
  expect(cells).toHaveLength(b.claims.length + (b.header ? 1 : 0));
  if (b.header) expect(cells[0]).toBe('payable');
  return { paid: cells.slice(b.header ? 1 : 0).map((s) => new Dec(s)), trace };
}

describe('ALLOCATE properties (SAMSUNG 第二十四–二十八、三十二、三十三条)', () => {
  it('pays exactly what the catalogue’s two steps give, row by row', () => {
    fc.assert(
      fc.property(book, (b) => {
        const { paid } = allocate(b);
        expect(paid.map(String)).toEqual(settleByHand(b).paid.map(String));
      }),
      { numRuns: RUNS },
    );
  });

  it('a 5-column covers table settles as the same table with a 6th column of "all" (any spelling, or blank) — catalogue v2', () => {
    fc.assert(
      fc.property(
        book.filter((b) => !b.nestingColumn),
        fc.array(fc.constantFrom<CellValue>(null, '', 'all', ' ALL ', 'All'), { minLength: 5, maxLength: 5 }),
        fc.boolean(),
        (b, spellings, header) => {
          const [claims, covers, ...policy] = bookArgs(b);
          const six: CellValue[][] = (covers as CellValue[][]).map((r, i) => [...r, spellings[i % spellings.length]]);
          const withHeader = header ? [['id', 'parent', 'per event', 'aggregate', 'deductible', 'nesting'], ...six] : six;
          expect(column('ALLOCATE', [claims, withHeader, ...policy]).cells).toEqual(column('ALLOCATE', [claims, covers, ...policy]).cells);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('nesting "aggregate" on a cover never lowers what the first event reaching the change pays: every counter it removes is one it could only have lowered', () => {
    // The first event with a row under the changed cover's subtree settles with the same counters
    // as before up to its first such row, and each of its rows sees a subset of the caps it saw.
    fc.assert(
      fc.property(
        book.filter((b) => b.nestingColumn && b.claims.length > 0 && b.covers.some((c) => c.nesting === 'all' && c.parent !== null)),
        fc.nat(),
        (b, pick) => {
          const candidates = b.covers.map((c, k) => (c.nesting === 'all' && c.parent !== null ? k : -1)).filter((k) => k >= 0);
          const k = candidates[pick % candidates.length];
          const loosened: Book = { ...b, covers: b.covers.map((c, j) => (j === k ? { ...c, nesting: 'aggregate', nestingCell: 'aggregate' } : c)) };
          const before = settleByHand(b).paid;
          const after = allocate(loosened).paid;
          expect(after.map(String)).toEqual(settleByHand(loosened).paid.map(String));
          const events = eventsOf(b);
          const first = events.findIndex((rows) => rows.some((i) => pathOf(b, b.claims[i].cover).includes(k)));
          for (const i of (first < 0 ? events : events.slice(0, first)).flat()) expect(after[i].eq(before[i])).toBe(true);
          if (first >= 0) {
            const firstRow = events[first].find((i) => pathOf(b, b.claims[i].cover).includes(k)) as number;
            expect(after[firstRow].gte(before[firstRow])).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('REMAINING = the least remaining aggregate on the cover’s path and the policy’s, or "unlimited"', () => {
    fc.assert(
      fc.property(book, fc.nat(), (b, pick) => {
        const k = pick % b.covers.length;
        const r = evaluate('REMAINING', [...bookArgs(b).slice(0, 2), `C${k}`, ...bookArgs(b).slice(2)]);
        if (!r.ok) throw new Error(r.error.message.en);
        const { aggregates, policy } = settleByHand(b);
        const applicable = [...pathOf(b, k).map((j) => aggregates[j]), policy].filter((x): x is Decimal => x !== null);
        if (applicable.length === 0) expect(r.exact).toBe('unlimited');
        else {
          expect(r.exact).toBe(Dec.min(...applicable).toString());
          expect(Dec.min(...applicable).gte(0)).toBe(true);
        }
      }),
      { numRuns: 800 },
    );
  });
});

// ---- recoveries, pool, layers, dates --------------------------------------------------------

/** Integer cents → amount. */
const c2a = (n: number) => n / 100;
const centsInt = fc.integer({ min: 0, max: 10_000_000_000 });

describe('section 5–7 properties', () => {
  it('RECOVERY: the four parts are ≥ 0, sum to max(0, recovered − recovery_costs), and each stays within its claim', () => {
    fc.assert(
      fc.property(centsInt, centsInt, centsInt, centsInt, fc.integer({ min: 0, max: 1000 }), (rec, costs, loss, ded, per) => {
        const insurable = loss - Math.min(ded, loss);
        const paid = Math.floor((insurable * per) / 1000);
        const parts = (ok => ok)(evaluate('RECOVERY', [c2a(rec), c2a(costs), c2a(loss), c2a(ded), c2a(paid)]));
        if (!parts.ok) throw new Error(parts.error.message.en);
        const [above, insurer, deductible, rest] = (parts.exact as string[][])[0].map((s) => new Dec(s));
        for (const p of [above, insurer, deductible, rest]) expect(p.gte(0)).toBe(true);
        expect(above.plus(insurer).plus(deductible).plus(rest).eq(positivePart(d(c2a(rec)).minus(d(c2a(costs)))))).toBe(true);
        expect(above.lte(d(c2a(insurable - paid)))).toBe(true);
        expect(insurer.lte(d(c2a(paid)))).toBe(true);
        expect(deductible.lte(d(c2a(Math.min(ded, loss))))).toBe(true);
        // One cent more paid than loss − deductible is refused.
        expect(exact('RECOVERY', [c2a(rec), c2a(costs), c2a(loss), c2a(ded), c2a(insurable + 1)])).toBe('#VALUE!');
      }),
      { numRuns: RUNS },
    );
  });

  it('POOLSHARE never pays more than available in all, nor more than any claim; in full when the claims fit', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(centsInt, fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 20 }), maybe(centsInt), maybe(centsInt), (claims, limit, remaining) => {
        const { cells } = column('POOLSHARE', [claims.map((c) => [c2a(c)]), limit === null ? null : c2a(limit), remaining === null ? null : c2a(remaining)]);
        const paid = cells.map((s) => new Dec(s));
        expect(paid).toHaveLength(claims.length);
        const available = Dec.min(d(c2a(limit ?? 1_000_000_000)), d(c2a(remaining ?? 2_500_000_000)));
        const sum = sumOf(claims.map((c) => d(c2a(c))));
        expect(sumOf(paid).lte(available)).toBe(true);
        paid.forEach((p, i) => {
          expect(p.gte(0)).toBe(true);
          expect(p.lte(d(c2a(claims[i])))).toBe(true);
          if (sum.lte(available)) expect(p.eq(d(c2a(claims[i])))).toBe(true);
          // Pro rata: within one unit of the 40th digit below claim × available ÷ sum.
          else expect(d(c2a(claims[i])).times(available).div(sum).minus(p).lte(p.abs().times('1e-39').plus('1e-60'))).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });

});

// ---- any input at all -------------------------------------------------------------------------

const ERROR_VALUE = fc.record({ error: fc.constantFrom(...KNOWN_CODES), message: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ['error'] });

/** Any cell a host could hand over. */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.double() }, // includes NaN, ±Infinity, −0, subnormals, ±1.8e308
  { weight: 3, arbitrary: fc.integer({ min: -100, max: 3000000 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 1, 0.5, 61, 45658, 2958465, 2958466, 5e-324, -5e-324, 1e308, -1e308, Number.MAX_VALUE, NaN, Infinity, -Infinity) },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'TRUE', 'false', 'yes', 'N', '是', '否', '12', '1e3', 'NaN', '#N/A') },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: ERROR_VALUE as fc.Arbitrary<CellValue> },
);
/** 2-D ranges, ragged included. */
const anyRange = fc.array(fc.array(anyCell, { maxLength: 4 }), { maxLength: 5 });
const anyArg: fc.Arbitrary<RawArgument> = fc.oneof({ weight: 3, arbitrary: anyCell as fc.Arbitrary<RawArgument> }, { weight: 1, arbitrary: anyRange });

/** Plausible calls mutated in one or two places reach deeper into each function than noise does. */
const PLAUSIBLE: Record<string, RawArgument[]> = {
  OPERATINGPROFIT: [100, 50],
  PROFITRATE: [100, 80, 40, 20, true],
  INSUREDRATIO: [100, 80, 40, 20, true],
  STANDARDREVENUE: [[[45292, 3660000], [45658, 3660000]], 45717, 30, 0.05],
  ANNUALREVENUE: [[[45292, 3660000], [45658, 3660000]], 45717, 0.05],
  REVENUEREDUCTION: [100, 50],
  LOSTPROFIT: [100, 0.3, 5],
  PREVENTIONCOST: [100, 0.5, 100, 0.3],
  BIPAYOUT: [100, 10, 1000, 800, 10000, 0.3, 0.5, 0],
  WAITINGMET: [13, 12],
  RECOVERYRATIO: [45, [[30, 0.5], [60, 0.75]]],
  CONTINUATIONPAYOUT: [100, 10, 1000, 0.5, 0],
  CRISISPAYOUT: [100, 10, 0.9, 1000, 0],
  CRISISWINDOW: [45658, 45659, 180],
  WAITINGDEDUCTIBLE: [[[100], [200], [300]], 2],
  HOURLYBI: [[[100], [200], [300]], 1, 50, 1000, 2],
  REPUTATIONAL: [[[100], [200], [300]], 1, 250, 24, 1000],
  LAYER: [40, 15, 30, 0.5],
  ALLOCATE: [[['E1', 'A', 500], ['E1', 'B', 300]], [['A', null, 600, 1000, 100], ['B', 'A', null, 400, 50]], 2000, 800],
  REMAINING: [[['E1', 'A', 500], ['E1', 'B', 300]], [['A', null, 600, 1000, 100], ['B', 'A', null, 400, 50]], 'B', 2000, 800],
  HAMMER: [330000, 100000, 25000, 0.7, 200000],
  RECOVERY: [130000, 0, 160000, 25000, 80000, 100000],
  OTHERINSURANCE: [120000, 25000, 225000, 'contribution', 0],
  POOLSHARE: [[[6000000], [9000000]], 10000000, 25000000],
  LMCITLIMIT: [[[true, true, 'yes', 1, null]], true],
  CRIMEPAYOUT: [50000, 1000, 25000, 8000, 5000, 100],
  PRIORLIMIT: [250000, 100000, true],
  LOSSSUSTAINED: [45700, 46100, 45658, 46022, false],
  CLAIMSMADE: [45500, 46200, 45292, 45658, 46022, 46100, 45950],
  NOTICEBY: ['proof', 46000, 46022, 46100],
  RETURNPREMIUM: [36500, 45658, 46022, 45839],
  ACQUISITION: [30000000, 100000000, 45700, 45750],
  DEADLINE: ['samsung.payment', 45658],
  NOTICESERVED: [45658, 45660],
  INPERIOD: [45700, 45658, 46022],
  FX: [1000, [['date', 'rate'], [45658, 7.1], [45660, 7.2]], 45659, 'prior'],
  CONTINUATIONCOST: [300000, 20000, 50000, 30000, 10000],
  DIST: ['lognormal', 100000, 1000000, 'ci90'],
  CDF: ['lognormal(12,2)', 1000000],
  QUANTILE: ['pert(0,0.5,1)', 0.9],
  LEV: ['lomax(3,1000)', 5000, 2],
  LAYERLOSS: ['gamma(2,1000)', 1000, 5000, 0.5, 'sd'],
  ILF: ['pareto1(3,2)', 10, 5, 1],
  TVAR: ['weibull(0.7,1000)', 0.99],
  OEP: ['negbin(3,0.8)', 'exponential(1000)', 2000],
  OEPLOSS: ['bernoulli(0.3)', 'lognormal(12,2)', 10],
  // Few years, so that a thousand mutated calls stay quick; every other rule is the cell's.
  SIMULATE: ['poisson(1.5)', [['A', 0.5, 'lognormal(10,1)'], ['B', 0.3, 'constant(1000)']], [['A', null, 600, 1000, 100], ['B', 'A', null, 400, 50]], 2000, 800, 50, 7, 'stats'],
};

const NAMES = CATALOGUE.map((f) => f.name);

const anyCall = fc.oneof(
  fc.tuple(fc.constantFrom(...NAMES), fc.array(anyArg, { maxLength: 10 })),
  fc
    .tuple(fc.constantFrom(...NAMES.filter((n) => n in PLAUSIBLE)), fc.array(fc.tuple(fc.nat(), anyArg), { minLength: 1, maxLength: 2 }))
    .map(([name, edits]): [string, RawArgument[]] => {
      const args = [...PLAUSIBLE[name]];
      for (const [i, v] of edits) args[i % args.length] = v;
      return [name, args];
    }),
);

/** A placeholder of the message table, e.g. {arg} or {got}. */
const PLACEHOLDER = new RegExp(
  `\\{(${[...new Set(Object.values(MESSAGES).flatMap((m) => [...m.en.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].join('|')})\\}`,
);

function checkOutcome(name: string, args: RawArgument[]): void {
  let r: ReturnType<typeof evaluate>;
  try {
    r = evaluate(name, args, { trace: true });
  } catch (e) {
    throw new Error(`evaluate threw for ${name}: ${String(e)}`);
  }
  if (r.ok) {
    // A single value, or an array (ALLOCATE, POOLSHARE, RECOVERY) whose every cell obeys the same.
    const cells = Array.isArray(r.value) ? r.value.flat() : [r.value];
    const exact = Array.isArray(r.exact) ? (r.exact as ReadonlyArray<ReadonlyArray<string | boolean>>).flat() : [r.exact];
    cells.forEach((v, i) => {
      if (typeof v === 'number') {
        expect(Number.isFinite(v)).toBe(true);
        expect(Object.is(v, -0)).toBe(false);
        expect(typeof exact[i]).toBe('string');
        expect(new Dec(exact[i] as string).isFinite()).toBe(true);
      } else {
        expect(['boolean', 'string']).toContain(typeof v);
      }
    });
    for (const s of r.trace) expect(typeof s.value === 'boolean' || !/NaN|Infinity/.test(s.value)).toBe(true);
  } else {
    expect(KNOWN_CODES).toContain(r.error.code);
    expect(r.error.rule).not.toBe('internalError');
    expect(typeof r.error.message.en).toBe('string');
    expect(typeof r.error.message.zh).toBe('string');
    expect(r.error.message.en.length).toBeGreaterThan(0);
    if (r.error.rule !== 'propagated') {
      expect(r.error.message.en).toContain(`CYBER.${name}`);
      expect(r.error.message.zh).toContain(`CYBER.${name}`);
      // No placeholder left unfilled (user text may itself hold braces: then it is not checked).
      const cells = args.flatMap((a) => (Array.isArray(a) ? (a as CellValue[][]).flat() : [a as CellValue]));
      const userBraces = cells.some((c) => typeof c === 'string' && c.includes('{'));
      if (!userBraces) expect(r.error.message.en + r.error.message.zh).not.toMatch(PLACEHOLDER);
      expect(r.error.message.en).not.toMatch(/undefined|\[object/);
    }
  }
}

describe('any input whatsoever', () => {
  it('reaches every function of the catalogue, sections 1–7 and 9–11, with plausible calls to mutate', () => {
    expect(Object.keys(PLAUSIBLE).sort()).toEqual([...NAMES].sort());
    expect(new Set(CATALOGUE.map((f) => f.section))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 9, 10, 11]));
    for (const [name, args] of Object.entries(PLAUSIBLE)) {
      const r = evaluate(name, args);
      if (!r.ok) throw new Error(`${name}: ${r.error.message.en}`);
    }
  });

  it('evaluate never throws; results are finite numbers (never −0) or booleans; errors have a known code and a message', () => {
    fc.assert(
      fc.property(anyCall, ([name, args]) => checkOutcome(name, args)),
      { numRuns: RUNS + 500 },
    );
  });

  it('an error value anywhere in the arguments propagates unchanged (the first one, in order)', () => {
    fc.assert(
      fc.property(anyCall, ERROR_VALUE, fc.nat(), ([name, args], err, at) => {
        const withError = [...args];
        if (withError.length === 0) withError.push(null);
        withError[at % withError.length] = err as RawArgument;
        const r = evaluate(name, withError);
        // The first error value in argument order (ranges read row by row).
        let first: { error: string; message?: string } | undefined;
        for (const a of withError) {
          const cells = Array.isArray(a) ? (a as CellValue[][]).flat() : [a as CellValue];
          first = cells.find((c): c is { error: ErrorCode; message?: string } => typeof c === 'object' && c !== null);
          if (first) break;
        }
        expect(r.ok).toBe(false);
        if (!r.ok && first) {
          expect(r.error.code).toBe(first.error);
          // An empty message is no message: the code stands in for it.
          expect(r.error.message.en).toBe(first.message || first.error);
          expect(r.error.message.zh).toBe(first.message || first.error);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
