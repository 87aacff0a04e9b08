/**
 * Shared settings and generators of the property suites in test/properties (issue 5 part 2).
 *
 * - RUNS: generated cases per function. CI default 10,000; CYBERBI_PROPERTY_RUNS overrides it
 *   (e.g. 200 while editing, 100000 for a deep local search).
 * - SEED: CYBERBI_PROPERTY_SEED fixes fast-check's seed so that a failure reproduces; without it
 *   a fresh seed is drawn and printed with any failure (fast-check prints its own for fc.assert;
 *   the cross-host suite prints the seed it sampled with).
 *
 * Amounts are mostly cents (integers ÷ 100) up to 10^8, so that every sum or difference the engine
 * forms has far fewer than its 40 significant digits: the cap and monotonicity properties then hold
 * exactly, with no rounding tolerance (the catalogue promises ≥ 34 digits, not unbounded ones).
 *
 * Generated argument tuples use `undefined` for an argument left out of the call (only ever an
 * optional one) and `null` for a blank cell, as the hosts distinguish them: in a HyperFormula
 * formula an omitted argument is an empty argument (`f(a,,c)`) or a shorter call, a blank is a
 * reference to an empty cell; Excel passes undefined / null.
 */
import fc from 'fast-check';
import { type CellValue, DEADLINE_RULES, type RawArgument } from '../../src/engine';

// ---- run settings -------------------------------------------------------------------------------

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got ${raw}`);
  return n;
}

/** Cases per function (at least 1). */
export const RUNS: number = Math.max(1, envInt('CYBERBI_PROPERTY_RUNS') ?? 10_000);

/** The fixed seed from CYBERBI_PROPERTY_SEED, if any. */
export const SEED: number | undefined = envInt('CYBERBI_PROPERTY_SEED');

/** fast-check parameters for fc.assert: RUNS (or `runs`) and the fixed seed when one is set. */
export function fcParams(runs: number = RUNS): { numRuns: number; seed?: number } {
  return SEED === undefined ? { numRuns: runs } : { numRuns: runs, seed: SEED };
}

/** The seed for a sampling run: the fixed one, or a fresh one that failures report. */
export function samplingSeed(): number {
  return SEED ?? ((Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0);
}

// ---- values ---------------------------------------------------------------------------------------

/** Amounts as typed (cents) over a wide range, small whole amounts (so that limits bind), landmarks. */
export const cents: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => n / 100) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 3000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 0.01, 0.1, 0.3, 1_000_000) },
);
export const positiveCents: fc.Arbitrary<number> = cents.map((x) => (x > 0 ? x : 0.01));

/** Ratios: any double in [0, 1], thousandths, landmarks. */
export const ratio: fc.Arbitrary<number> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (x === 0 ? 0 : x)), // no −0: it is tested below on purpose
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
  fc.constantFrom(0, 1, 0.325, 0.7),
);

/** Whole hours. */
export const wholeHours: fc.Arbitrary<number> = fc.integer({ min: 0, max: 60 });

/** Date serials around today, whole or with a quarter-day time. */
export const dateSerial: fc.Arbitrary<number> = fc
  .tuple(fc.integer({ min: 43000, max: 48000 }), fc.integer({ min: 0, max: 3 }))
  .map(([d, q]) => d + q / 4);

/** Booleans in every accepted spelling. */
export const boolCell: fc.Arbitrary<CellValue> = fc.constantFrom<CellValue>(true, false, 1, 0, 'TRUE', 'false', 'yes', 'No', 'y', 'N', '是', '否', ' yes ');

/** An optional argument: a value, a blank cell (null) or left out (undefined). */
export function opt<T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> {
  return fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) });
}

/** A series as a column or as a row, blanks (= 0) now and then. */
export function seriesOf(values: fc.Arbitrary<number>, minLength: number, maxLength: number): fc.Arbitrary<CellValue[][]> {
  return fc
    .tuple(fc.array(fc.option(values, { nil: null, freq: 12 }), { minLength, maxLength }), fc.boolean())
    .map(([vs, asRow]) => (asRow ? [vs] : vs.map((v) => [v])));
}

/** The numbers of a series argument in reading order (blank = 0). */
export function seriesValues(s: CellValue[][]): number[] {
  return s.flat().map((v) => (v === null ? 0 : (v as number)));
}

// ---- ALLOCATE / REMAINING books -----------------------------------------------------------------

export interface CoverGen {
  readonly parent: number | null;
  readonly perEvent: number | null;
  readonly aggregate: number | null;
  readonly deductible: number;
  /** Catalogue v2: "aggregate" = inside the parent's aggregate only; always "all" in a 5-column book. */
  readonly nesting: 'all' | 'aggregate';
  /** The nesting cell as written in a 6-column table (any spelling of `nesting`, blank = "all"). */
  readonly nestingCell: CellValue;
}
export interface ClaimGen {
  readonly event: string | null;
  readonly cover: number;
  readonly amount: number;
}
export interface Book {
  readonly covers: CoverGen[];
  readonly claims: ClaimGen[];
  readonly header: boolean;
  readonly policyAggregate: number | null;
  readonly policyPerClaim: number | null;
  /** Covers has the optional 6th column, nesting (catalogue v2 section 5). */
  readonly nestingColumn: boolean;
}

/** Limits drawn around the amounts so that every counter binds now and then. */
const limitOrNone = fc.option(fc.oneof(cents, fc.integer({ min: 0, max: 3000 })), { nil: null, freq: 3 });

/** A nesting cell and what it means: blank is "all"; case and surrounding spaces are ignored. */
const nestingCell = fc.constantFrom<[CellValue, 'all' | 'aggregate']>(
  [null, 'all'],
  ['', 'all'],
  ['all', 'all'],
  [' ALL ', 'all'],
  ['aggregate', 'aggregate'],
  ['aggregate', 'aggregate'],
  [' Aggregate', 'aggregate'],
  ['AGGREGATE ', 'aggregate'],
);

export function bookArb(maxClaims = 12): fc.Arbitrary<Book> {
  return fc
    .record({
      covers: fc.array(
        fc.record({
          parentPick: fc.option(fc.nat(), { nil: null, freq: 3 }),
          perEvent: limitOrNone,
          aggregate: limitOrNone,
          deductible: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500 }), cents),
          nesting: nestingCell,
        }),
        { minLength: 1, maxLength: 5 },
      ),
      claims: fc.array(
        fc.record({
          event: fc.option(fc.constantFrom('E1', 'E2', 'E3', 'E4'), { nil: null, freq: 6 }),
          coverPick: fc.nat(),
          amount: fc.oneof(cents, fc.integer({ min: 0, max: 2000 })),
        }),
        { maxLength: maxClaims },
      ),
      header: fc.boolean(),
      policyAggregate: limitOrNone,
      policyPerClaim: limitOrNone,
      nestingColumn: fc.boolean(),
    })
    .map(({ covers, claims, header, policyAggregate, policyPerClaim, nestingColumn }) => ({
      // Each cover's parent comes before it: a forest, never a cycle.
      covers: covers.map((c, i) => ({
        parent: i === 0 || c.parentPick === null ? null : c.parentPick % i,
        perEvent: c.perEvent,
        aggregate: c.aggregate,
        deductible: c.deductible,
        // A 5-column table is a table whose nesting is "all" everywhere.
        nesting: nestingColumn ? c.nesting[1] : 'all',
        nestingCell: nestingColumn ? c.nesting[0] : null,
      })),
      claims: claims.map((c) => ({ event: c.event, cover: c.coverPick % covers.length, amount: c.amount })),
      header: header || claims.length === 0, // a range has at least one row
      policyAggregate,
      policyPerClaim,
      nestingColumn,
    }));
}

/** claims and covers as ranges (covers' blank limits = none, blank deductible = 0; 5 or 6 columns). */
export function bookRanges(b: Book): { claims: CellValue[][]; covers: CellValue[][] } {
  const covers: CellValue[][] = b.covers.map((c, i) => {
    const row: CellValue[] = [`C${i}`, c.parent === null ? null : `C${c.parent}`, c.perEvent, c.aggregate, c.deductible === 0 ? null : c.deductible];
    return b.nestingColumn ? [...row, c.nestingCell] : row;
  });
  const claims: CellValue[][] = b.claims.map((c) => [c.event, `C${c.cover}`, c.amount]);
  return { claims: b.header ? [['event', 'cover', 'amount'], ...claims] : claims, covers };
}

/** This cover and its ancestors. */
export function pathOf(b: Book, k: number): number[] {
  const path: number[] = [];
  for (let j: number | null = k; j !== null; j = b.covers[j].parent) path.push(j);
  return path;
}

/**
 * The covers whose per-claim/event limit a payment to cover k counts against, in the words of
 * catalogue v2 section 5: k's own, and an ancestor's "only when every cover on the path from the
 * paid cover up to, not including, that ancestor has nesting "all"". (Every aggregate on the path
 * counts it, see pathOf.)
 */
export function eventPathOf(b: Book, k: number): number[] {
  const path = pathOf(b, k);
  return path.filter((_a, j) => path.slice(0, j).every((below) => b.covers[below].nesting === 'all'));
}

/** Claims rows grouped by event, events in order of their first row (a blank id is its own event). */
export function eventsOf(b: Book): number[][] {
  const groups = new Map<string, number[]>();
  b.claims.forEach((c, i) => {
    const key = c.event === null ? `blank ${i}` : `id ${c.event}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()];
}

// ---- valid calls of every function (the generators the cross-host suite mutates) --------------

export type HostArg = RawArgument | undefined;
export type Tuple = HostArg[];

const history: fc.Arbitrary<CellValue[][]> = fc
  .record({
    start: fc.integer({ min: 43000, max: 45000 }),
    gaps: fc.array(fc.integer({ min: 4, max: 1600 }).map((q) => q / 4), { minLength: 1, maxLength: 8 }),
    revenues: fc.array(cents, { minLength: 9, maxLength: 9 }),
    header: fc.boolean(),
  })
  .map(({ start, gaps, revenues, header }) => {
    const rows: CellValue[][] = [[start, revenues[0]]];
    let t = start;
    gaps.forEach((g, i) => {
      t += g;
      rows.push([t, revenues[i + 1]]);
    });
    return header ? [['start', 'revenue'], ...rows] : rows;
  });

/** An incident somewhere after the history's first start. */
const withIncident = history.chain((h) => {
  const first = h.find((r) => typeof r[0] === 'number')?.[0] as number;
  return fc.tuple(fc.constant(h), fc.integer({ min: 0, max: 4 * 1500 }).map((q) => first + 365 + q / 4));
});
const trend = opt(fc.oneof(fc.integer({ min: -990, max: 2000 }).map((n) => n / 1000), fc.double({ min: -0.99, max: 10, noNaN: true })));

const recoveryTable: fc.Arbitrary<CellValue[][]> = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 800 }), { minLength: 1, maxLength: 6 }), fc.array(ratio, { minLength: 6, maxLength: 6 }), fc.boolean())
  .map(([bounds, ratios, header]) => {
    const rows: CellValue[][] = [...bounds].sort((a, b) => a - b).map((b, i) => [b / 4, ratios[i]]);
    return header ? [['days', 'ratio'], ...rows] : rows;
  });

const ratioInputs = fc
  .record({ revenue: positiveCents, expenses: cents, mShare: fc.integer({ min: 0, max: 1000 }), iShare: fc.integer({ min: 0, max: 1000 }), profitInsured: opt(boolCell) })
  .map(({ revenue, expenses, mShare, iShare, profitInsured }): Tuple => {
    const maintenance = Math.floor((expenses * 100 * mShare) / 1000) / 100;
    const insured = Math.floor((maintenance * 100 * iShare) / 1000) / 100;
    return [revenue, expenses, maintenance, insured, profitInsured];
  });

const book = bookArb(10);

/**
 * RECOVERY: insurer_paid within loss − deductible and, when the optional limit (catalogue v2 §5) is
 * given, within it too; the limit drawn around loss − deductible so that both sides of it occur.
 */
const recoveryArgs = fc
  .record({ rec: cents, costs: cents, loss: cents, ded: cents, per: fc.integer({ min: 0, max: 1000 }), limitShare: opt(fc.integer({ min: 0, max: 1500 })) })
  .map(({ rec, costs, loss, ded, per, limitShare }): Tuple => {
    const insurable = Math.round(loss * 100) - Math.min(Math.round(ded * 100), Math.round(loss * 100));
    const limit = limitShare === null || limitShare === undefined ? undefined : Math.floor((insurable * limitShare) / 1000);
    const cap = limit === undefined ? insurable : Math.min(limit, insurable);
    return [rec, costs, loss, ded, Math.floor((cap * per) / 1000) / 100, limit === undefined ? limitShare : limit / 100];
  });

const crimeArgs = fc
  .record({ loss: cents, ded: cents, limit: cents, specialShare: opt(fc.integer({ min: 0, max: 1000 })), specialLimit: opt(cents), legal: opt(cents) })
  .map(({ loss, ded, limit, specialShare, specialLimit, legal }): Tuple => [
    loss,
    ded,
    limit,
    specialShare === null || specialShare === undefined ? specialShare : Math.floor((loss * 100 * specialShare) / 1000) / 100,
    specialLimit,
    legal,
  ]);

// ---- section 9 ------------------------------------------------------------------------------------

/** DEADLINE's rule: every id of the table as typed (any case, spaces), now and then one that is none. */
const deadlineRule: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...DEADLINE_RULES.map((r) => r.id)) },
  { weight: 2, arbitrary: fc.constantFrom(...DEADLINE_RULES.map((r) => r.id)).map((id) => ` ${id.toUpperCase()} `) },
  { weight: 1, arbitrary: fc.constantFrom('samsung.foo', 'cpic', 'payment', 'lmcit.notice', 'iso.suit') },
);

/** Dates near the calendar's ends now and then, where a rule's day falls outside it (#NUM!). */
const deadlineDate: fc.Arbitrary<number> = fc.oneof({ weight: 9, arbitrary: dateSerial }, { weight: 1, arbitrary: fc.constantFrom(61, 100.5, 2958101, 2958455, 2958465) });

/** FX's rates: published days (strictly increasing, whole), rates > 0, a header now and then. */
const ratesTable: fc.Arbitrary<CellValue[][]> = fc
  .record({
    base: fc.integer({ min: 43000, max: 48000 }),
    days: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }),
    rates: fc.array(fc.integer({ min: 1, max: 900000 }).map((n) => n / 100000), { minLength: 8, maxLength: 8 }),
    header: fc.boolean(),
  })
  .map(({ base, days, rates, header }) => {
    const rows: CellValue[][] = [...days].sort((a, b) => a - b).map((d, i) => [base + d, rates[i]]);
    return header ? [['date', 'rate'], ...rows] : rows;
  });

const fxArgs = ratesTable.chain((t) => {
  const first = t.find((r) => typeof r[0] === 'number')?.[0] as number;
  return fc.tuple(
    cents,
    fc.constant(t),
    fc.integer({ min: -20, max: 200 }).map((q) => first + q / 4),
    opt(fc.constantFrom('next', 'prior', ' PRIOR ', 'Next')),
  );
});

// ---- section 10: distribution texts ------------------------------------------------------------

/** A positive double d/10^k spread over orders of magnitude, [lo, hi]. */
const spread = (lo: number, hi: number): fc.Arbitrary<number> =>
  fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map((l) => Math.min(hi, Math.max(lo, Number(Math.exp(l).toPrecision(6)))));

/** A severity text of every family with its parameters in range, written the ways users write it. */
export const severityText: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.tuple(fc.integer({ min: -200, max: 1600 }).map((n) => n / 100), spread(0.05, 3)).map(([m, s]) => `lognormal(${m},${s})`),
      fc.tuple(spread(0.5, 6), spread(1, 1e6)).map(([a, t]) => `lomax(${a},${t})`),
      fc.tuple(spread(0.5, 6), spread(1, 1e5)).map(([a, t]) => `pareto1(${a},${t})`),
      fc.tuple(spread(0.2, 20), spread(1, 1e5)).map(([a, t]) => `gamma(${a},${t})`),
      fc.tuple(spread(0.3, 4), spread(1, 1e5)).map(([a, t]) => `weibull(${a},${t})`),
      spread(1, 1e6).map((m) => `exponential(${m})`),
      fc
        .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 10000 }), fc.option(spread(0.5, 8), { nil: undefined }))
        .map(([lo, m, w, l]) => `pert(${lo},${lo + m},${lo + m + w}${l === undefined ? '' : `,${l}`})`),
      fc.integer({ min: 0, max: 100000000 }).map((c) => `constant(${c / 100})`),
    ),
    fc.constantFrom('as is', 'upper', 'spaced'),
  )
  .map(([t, how]) => (how === 'upper' ? t.toUpperCase() : how === 'spaced' ? t.replace(/,/g, ', ').replace('(', ' ( ') : t));

/** A frequency text of every family. */
export const frequencyText: fc.Arbitrary<string> = fc.oneof(
  spread(0.01, 50).map((l) => `poisson(${l})`),
  fc.tuple(spread(0.1, 20), fc.double({ min: 1.01, max: 3, noNaN: true })).map(([m, k]) => `negbin(${m},${Number((k / Math.sqrt(m)).toPrecision(6))})`),
  fc.integer({ min: 0, max: 1000 }).map((p) => `bernoulli(${p / 1000})`),
);

/** A probability in [0, 1): QUANTILE and TVAR exclude 1. */
const below1: fc.Arbitrary<number> = fc.oneof(fc.double({ min: 0, max: 0.999999, noNaN: true }).map((x) => (x === 0 ? 0 : x)), fc.constantFrom(0, 0.5, 0.9, 0.99, 0.995, 0.999));
/** A limit: an amount, or 1e308 ("no limit", catalogue §10). */
const distLimit: fc.Arbitrary<number> = fc.oneof({ weight: 4, arbitrary: cents }, { weight: 1, arbitrary: fc.constant(1e308) });

const distArgs: fc.Arbitrary<Tuple> = fc.oneof(
  fc.tuple(fc.constantFrom('lognormal', 'gamma', 'lomax', ' LogNormal '), positiveCents, fc.double({ min: 1.01, max: 5, noNaN: true }), fc.constant('meancv')),
  fc.tuple(positiveCents, positiveCents).map(([a, d]) => ['lognormal', a, a + d, 'ci90']),
  fc.tuple(fc.constantFrom('lognormal', 'lomax', 'pareto1', 'gamma', 'weibull'), spread(0.1, 1e5), spread(0.1, 10), opt(fc.constant('params'))),
);

const dates4 = fc.tuple(dateSerial, dateSerial, dateSerial, fc.integer({ min: 0, max: 800 })).map(([a, b, start, len]) => [a, b, start, start + len]);

/**
 * A valid (or nearly valid: a few generators cross a rule now and then on purpose) call of each
 * catalogue function, by name. Optional arguments are given, blank or left out.
 */
export const VALID: Readonly<Record<string, fc.Arbitrary<Tuple>>> = {
  OPERATINGPROFIT: fc.tuple(positiveCents, cents),
  PROFITRATE: ratioInputs,
  INSUREDRATIO: ratioInputs,
  STANDARDREVENUE: fc.tuple(withIncident, fc.integer({ min: 1, max: 1600 }).map((q) => q / 4), trend).map(([[h, inc], days, tr]) => [h, inc, days, tr]),
  ANNUALREVENUE: fc.tuple(withIncident, trend).map(([[h, inc], tr]) => [h, inc, tr]),
  REVENUEREDUCTION: fc.tuple(cents, cents),
  LOSTPROFIT: fc.tuple(cents, ratio, opt(cents)),
  PREVENTIONCOST: fc.tuple(cents, ratio, cents, ratio),
  BIPAYOUT: fc
    .tuple(cents, cents, cents, cents, fc.option(fc.tuple(cents, ratio, opt(ratio)), { nil: null }), opt(cents))
    .map(([loss, ded, si, limit, under, paid]) => [loss, ded, si, limit, under?.[0] ?? null, under?.[1] ?? null, under?.[2] ?? null, paid]),
  WAITINGMET: fc.tuple(fc.oneof(wholeHours, fc.double({ min: 0, max: 100, noNaN: true })), wholeHours),
  // v2: agreed_days, the schedule's agreed recovery period (CPIC 第四十四条 28), now and then below the recovery days.
  RECOVERYRATIO: fc.tuple(fc.integer({ min: 0, max: 900 }).map((q) => q / 4), recoveryTable, opt(fc.integer({ min: 0, max: 900 }).map((q) => q / 4))),
  CONTINUATIONPAYOUT: fc.tuple(cents, cents, cents, ratio, opt(cents)),
  CRISISPAYOUT: fc.tuple(cents, cents, ratio, cents, opt(cents)),
  CRISISWINDOW: fc.tuple(dateSerial, fc.integer({ min: -5, max: 400 }), fc.integer({ min: 0, max: 3 }), opt(fc.integer({ min: 0, max: 400 }))).map(([d, off, q, days]) => [d, Math.floor(d) + off + q / 4, days]),
  WAITINGDEDUCTIBLE: fc.tuple(seriesOf(cents, 1, 40), wholeHours),
  // v2: max_hours ≤ 4320 (SAMSUNG 释义四十四); the bound itself now and then.
  HOURLYBI: fc.tuple(seriesOf(cents, 1, 40), wholeHours, cents, cents, opt(fc.oneof({ weight: 9, arbitrary: wholeHours }, { weight: 1, arbitrary: fc.constant(4320) }))),
  // v2: indemnity_hours ≤ 4416 (six calendar months, SAMSUNG 释义四十三), the bound now and then; `start`, a date-time.
  REPUTATIONAL: fc.tuple(seriesOf(cents, 1, 60), wholeHours, opt(cents), opt(fc.oneof({ weight: 9, arbitrary: wholeHours }, { weight: 1, arbitrary: fc.constant(4416) })), opt(cents), opt(dateSerial)),
  LAYER: fc.tuple(cents, cents, cents, opt(ratio)),
  ALLOCATE: fc.tuple(book, opt(cents), opt(cents)).map(([b, pa, pc]) => {
    const { claims, covers } = bookRanges(b);
    return [claims, covers, pa === undefined ? b.policyAggregate : pa, pc === undefined ? b.policyPerClaim : pc];
  }),
  REMAINING: fc.tuple(book, fc.nat(), fc.boolean()).map(([b, pick, asNumberLike]) => {
    const { claims, covers } = bookRanges(b);
    const id = `C${pick % b.covers.length}`;
    return [claims, covers, asNumberLike ? ` ${id} ` : id, b.policyAggregate, b.policyPerClaim];
  }),
  HAMMER: fc.tuple(cents, cents, cents, opt(ratio), opt(cents)),
  RECOVERY: recoveryArgs,
  OTHERINSURANCE: fc.tuple(cents, cents, cents, opt(fc.constantFrom('excess', 'contribution', 'cpic', ' CPIC ', 'Excess')), opt(cents)),
  POOLSHARE: fc.tuple(seriesOf(cents, 1, 12), opt(cents), opt(cents)),
  LMCITLIMIT: fc
    .tuple(fc.array(fc.constantFrom<CellValue>(true, true, true, false, null, 'yes', 1, 0, '否'), { minLength: 5, maxLength: 5 }), fc.boolean(), opt(boolCell))
    .map(([a, asRow, raised]) => [asRow ? [a] : a.map((v) => [v]), raised]),
  CRIMEPAYOUT: crimeArgs,
  PRIORLIMIT: fc.tuple(cents, cents, opt(boolCell)),
  LOSSSUSTAINED: fc.tuple(dates4, opt(boolCell)).map(([[l, d, s, e], r]) => [l, d, s, e, r]),
  // circumstance_date (v2) around the policy period: inside it, on its edges and outside it.
  CLAIMSMADE: fc
    .tuple(dates4, dateSerial, opt(fc.integer({ min: 0, max: 800 })), opt(fc.integer({ min: -40, max: 840 }).map((q) => q / 4)))
    .map(([[act, claim, start, end], retro, erp, circ]) => [act, claim, retro, start, end, erp === null || erp === undefined ? erp : end + erp, circ === null || circ === undefined ? circ : start + circ]),
  NOTICEBY: fc
    .tuple(fc.constantFrom('claim', 'incident', 'extortion', 'proof', ' Proof ', 'INCIDENT'), dateSerial, dateSerial, opt(fc.integer({ min: 0, max: 800 })))
    .map(([k, ev, end, erp]) => [k, ev, end, erp === null || erp === undefined ? erp : end + erp]),
  // v2: policy_end is the last day of cover, cancel_date from policy_start to policy_end + 1.
  RETURNPREMIUM: fc
    .tuple(cents, dateSerial, fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 1000 }))
    .map(([p, start, len, at]) => [p, start, start + len, start + Math.floor(((len + 1) * at) / 1000)]),
  ACQUISITION: fc.tuple(cents, cents, dateSerial, opt(fc.integer({ min: -10, max: 200 }))).map(([s, n, acq, off]) => [s, n, acq, off === null || off === undefined ? off : acq + off]),
  DEADLINE: fc.tuple(deadlineRule, deadlineDate),
  // received_date in quarter days around sent_date: before it (#VALUE! on an earlier day), the same day, later.
  NOTICESERVED: fc.tuple(dateSerial, opt(fc.integer({ min: -8, max: 40 }))).map(([sent, q]) => [sent, q === null || q === undefined ? q : sent + q / 4]),
  INPERIOD: fc
    .tuple(fc.integer({ min: 43000, max: 48000 }), fc.integer({ min: -2, max: 400 }), fc.integer({ min: -20, max: 1700 }))
    .map(([start, len, q]) => [start + q / 4, start, start + len]),
  FX: fxArgs,
  CONTINUATIONCOST: fc.tuple(cents, opt(cents), opt(cents), opt(cents), opt(cents)),
  // Section 10 (doubles): every family of severity and frequency; limits now and then 1e308 (no limit).
  DIST: distArgs,
  CDF: fc.tuple(severityText, cents),
  QUANTILE: fc.tuple(severityText, below1),
  LEV: fc.tuple(severityText, distLimit, opt(fc.constantFrom(1, 2))),
  LAYERLOSS: fc.tuple(severityText, cents, distLimit, opt(ratio), opt(fc.constantFrom('mean', 'sd', 'prob', 'severity', ' SD '))),
  ILF: fc.tuple(severityText, distLimit, positiveCents, opt(cents)),
  TVAR: fc.tuple(severityText, below1),
  OEP: fc.tuple(frequencyText, severityText, cents),
  OEPLOSS: fc.tuple(frequencyText, severityText, fc.double({ min: 1.01, max: 10000, noNaN: true })),
};

// ---- anything a cell can hold, to break the valid calls --------------------------------------------

/** Error values a cell can hold in all three hosts (HyperFormula has no #NULL! or #CALC!). */
export const errorCell: fc.Arbitrary<CellValue> = fc.constantFrom<CellValue>({ error: '#N/A' }, { error: '#VALUE!' }, { error: '#DIV/0!' }, { error: '#NUM!' });

/** Any value a worksheet cell can hold: finite numbers (−0 included), text, booleans, blank, errors. */
export const junkCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 3, arbitrary: fc.integer({ min: -100, max: 3_000_000 }) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(0, -0, 1, 0.5, -1, -0.01, 1.5, 60, 61, 45658, 2958465, 2958466, 5e-324, 1e308, -1e308, 1e-7, 4320, 4321, 4416, 4417, 8785) },
  // Text never starting with "=" (a sheet would read it as a formula).
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }).filter((s) => !s.startsWith('=')) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>('', ' ', 'TRUE', 'false', 'yes', 'N', '是', '否', '12', '1e3', 'abc', 'E1', 'C0', 'excess', 'cpic', 'claim', 'payable') },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: errorCell },
);

/** Values no worksheet cell holds but a JavaScript caller of the engine or the adapter may pass. */
export const nonFiniteCell: fc.Arbitrary<CellValue> = fc.constantFrom<CellValue>(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

/** A rectangular range of junk (a range in a sheet is always rectangular and never empty). */
export const junkRange: fc.Arbitrary<CellValue[][]> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }))
  .chain(([rows, cols]) => fc.array(fc.array(junkCell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));

/** Replaces one cell somewhere inside a range argument (keeps the range's shape). */
function editRange(range: CellValue[][], at: number, v: CellValue): CellValue[][] {
  const cells = range.flat().length;
  if (cells === 0) return range;
  const k = at % cells;
  let seen = 0;
  return range.map((row) =>
    row.map((c) => {
      const here = seen++;
      return here === k ? v : c;
    }),
  );
}

type Edit = { at: number; inside: number; kind: 'cell' | 'range' | 'inRange'; cell: CellValue; range: CellValue[][] };
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  inside: fc.nat(),
  kind: fc.constantFrom<'cell' | 'range' | 'inRange'>('cell', 'cell', 'range', 'inRange', 'inRange'),
  cell: junkCell,
  range: junkRange,
});

/**
 * Calls of `name` as a sheet could hold them: valid ones, and valid ones broken in one or two
 * places (an argument replaced by any cell or range, or one cell inside a range replaced).
 * `arity` is the function's number of parameters.
 */
export function sheetCall(name: string, arity: number): fc.Arbitrary<Tuple> {
  const valid = VALID[name];
  if (!valid) throw new Error(`no generator for ${name}`);
  const broken = fc.tuple(valid, fc.array(edit, { minLength: 1, maxLength: 2 })).map(([args, edits]) => {
    const out: Tuple = [...args];
    for (const e of edits) {
      const i = e.at % arity;
      while (out.length <= i) out.push(undefined);
      const current = out[i];
      if (e.kind === 'inRange' && Array.isArray(current)) out[i] = editRange(current as CellValue[][], e.inside, e.cell);
      else out[i] = e.kind === 'range' ? e.range : e.cell;
    }
    // An edit may have filled a gap left by an omitted argument: gaps stay omitted (undefined),
    // trailing omissions are dropped, so the call keeps a shape every host can express.
    while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
    return out;
  });
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: broken });
}

/** The arguments as the engine's `evaluate` receives them: omitted in the middle = blank, trailing dropped. */
export function engineArgs(t: Tuple): RawArgument[] {
  const out = t.map((a) => (a === undefined ? null : a));
  let n = t.length;
  while (n > 0 && t[n - 1] === undefined) n--;
  return out.slice(0, n);
}

/** True when every cell of the call could be held by a worksheet cell (no NaN, no ±Infinity). */
export function sheetRepresentable(t: Tuple): boolean {
  const ok = (v: CellValue) => typeof v !== 'number' || Number.isFinite(v);
  return t.every((a) => (a === undefined ? true : Array.isArray(a) ? (a as CellValue[][]).every((r) => r.every(ok)) : ok(a as CellValue)));
}

/** A call written readably for a failure report: =CYBER.NAME(1, {1;2}, "x", , #N/A). */
export function describeCall(name: string, t: Tuple): string {
  const cell = (v: CellValue): string => {
    if (v === null) return 'blank';
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return v.error;
  };
  const arg = (a: HostArg): string => {
    if (a === undefined) return '';
    if (Array.isArray(a)) return `{${(a as CellValue[][]).map((r) => r.map(cell).join(',')).join(';')}}`;
    return cell(a as CellValue);
  };
  return `=CYBER.${name}(${t.map(arg).join(', ')})`;
}
