/**
 * The bad-input catalogue (issue 5 part 1): ONE data-driven table of calls that every host must
 * answer identically — the engine, the Excel adapter, HyperFormula (workbench) and the CLI.
 *
 * Most cases are generated from the parameter specs (src/engine/specs.ts): for every argument of
 * every CYBER function, the catalogue's conventions (FUNCTIONS.md, "Conventions (all functions)")
 * say what text, booleans, blanks, −0, ±1e308, NaN/Infinity, dates outside the calendar, ranges
 * and errors passed in must give. Structural cases (tables, covers trees, histories, zero
 * denominators, overflow, a 1,000,000-cell series) are written by hand.
 *
 * Arguments are host-neutral (src/engine/values.ts): numbers, texts, booleans, null (a blank
 * cell), ErrorValue (an error arriving from another cell) and 2-D arrays (ranges). A shorter
 * argument list than the function's parameters means the trailing ones are omitted.
 */
import { CATALOGUE, type ErrorCode, type FunctionSpec, type ParamSpec, type RawArgument, type ResultValue } from '../../src/engine';
import { type TableParam, tableWidths } from '../../src/engine/specs';

export type Host = 'engine' | 'adapter' | 'sheet' | 'cli';

/** NaN and ±Infinity exist only as JavaScript numbers (and see `heavy`): the engine and the Excel adapter. */
const JS_ONLY: readonly Host[] = ['engine', 'adapter'];

export type Expectation =
  /** An error made by the function: exact code, the argument named (or none) and the message key. */
  | { readonly kind: 'error'; readonly code: ErrorCode; readonly argument: string | undefined; readonly rule: string }
  /** The error value passed in comes out unchanged (same code, same message). */
  | { readonly kind: 'propagated'; readonly code: ErrorCode }
  /** A legitimate result: exactly this value (finite numbers only; never Infinity or NaN). */
  | { readonly kind: 'value'; readonly value: ResultValue }
  /** The same outcome as an equivalent call (blank = 0, blank = default, −0 = 0, "yes" = TRUE). */
  | { readonly kind: 'same'; readonly args: readonly RawArgument[] };

export interface BadCase {
  /** Unique, readable: FUNCTION.argument: what. */
  readonly id: string;
  readonly fn: string;
  readonly args: readonly RawArgument[];
  readonly expect: Expectation;
  /** Hosts that can express the input (NaN and Infinity exist only as JavaScript numbers). */
  readonly hosts?: readonly Host[];
  /**
   * A 1,000,000-cell range. HyperFormula alone needs ~4 s to build and read such a range (as much
   * for =SUM(Z1:Z1000000) as for a CYBER function, which rejects it without reading a value), so
   * the spreadsheet hosts evaluate one such case (POOLSHARE, an array function), in English only;
   * the engine and the adapter run them all.
   */
  readonly heavy?: boolean;
}

const err = (code: ErrorCode, argument: string | undefined, rule: string): Expectation => ({ kind: 'error', code, argument, rule });
const VALUE = (argument: string | undefined, rule: string) => err('#VALUE!', argument, rule);
const same = (args: readonly RawArgument[]): Expectation => ({ kind: 'same', args });
const value = (v: ResultValue): Expectation => ({ kind: 'value', value: v });

// ---- valid calls, every argument given ---------------------------------------------------------

const col = (...values: Array<number | string | boolean | null>): RawArgument => values.map((v) => [v]);

const HISTORY = [
  [45292, 1000000],
  [45323, 1160000],
  [45352, 1240000],
];
const YEARLY = [
  [45292, 3660000],
  [45658, 3660000],
];
const RECOVERY_TABLE = [
  [30, 0.5],
  [60, 0.75],
  [90, 1],
];
const CLAIMS = [
  ['E1', 'BI', 500],
  ['E1', 'CBI', 300],
];
const FX_RATES = [
  [45658, 0.1389],
  [45660, 0.1392],
];
const COVERS = [
  ['BI', null, 600, 1000, 100],
  ['CBI', 'BI', null, 400, 50],
];

const SIM_EVENTS = [
  ['BI', 0.8, 'lognormal(6,1)'],
  ['CBI', 0.5, 'lognormal(5,1)'],
];

/** A valid call of every catalogue function with every argument given (the examples, completed). */
export const VALID: Readonly<Record<string, readonly RawArgument[]>> = {
  OPERATINGPROFIT: [12000000, 10500000],
  PROFITRATE: [12000000, 10500000, 3000000, 2400000, true],
  INSUREDRATIO: [12000000, 10500000, 3000000, 2400000, true],
  STANDARDREVENUE: [HISTORY, 45689, 14, 0.05],
  ANNUALREVENUE: [YEARLY, 45839, 0.05],
  REVENUEREDUCTION: [500000, 120000],
  LOSTPROFIT: [380000, 0.325, 20000],
  PREVENTIONCOST: [50000, 0.8, 100000, 0.325],
  BIPAYOUT: [136000, 10000, 1000000, 800000, 12000000, 0.325, 0.8, 50000],
  WAITINGMET: [13, 12],
  RECOVERYRATIO: [45, RECOVERY_TABLE, 60],
  CONTINUATIONPAYOUT: [300000, 20000, 500000, 0.5, 10000],
  CRISISPAYOUT: [120000, 20000, 0.9, 500000, 10000],
  CRISISWINDOW: [45658, 45659, 180],
  WAITINGDEDUCTIBLE: [col(100, 200, 300, 400), 2],
  HOURLYBI: [col(100, 200, 300, 400), 2, 250, 1000, 4320],
  REPUTATIONAL: [col(100, 200, 300, 400, 500, 600), 1, 1000, 4, 5000, 45900.5],
  LAYER: [40, 15, 30, 0.5],
  ALLOCATE: [CLAIMS, COVERS, 5000, 2000],
  REMAINING: [CLAIMS, COVERS, 'CBI', 5000, 2000],
  HAMMER: [330000, 100000, 25000, 0.7, 300000],
  RECOVERY: [130000, 0, 160000, 25000, 100000, 100000],
  OTHERINSURANCE: [120000, 25000, 225000, 'contribution', 0],
  POOLSHARE: [col(6000000, 9000000), 10000000, 25000000],
  LMCITLIMIT: [[[true, true, true, true, true]], true],
  CRIMEPAYOUT: [50000, 1000, 25000, 8000, 5000, 0],
  PRIORLIMIT: [250000, 100000, false],
  LOSSSUSTAINED: [45700, 46100, 45658, 46022, false],
  CLAIMSMADE: [45500, 45800, 45292, 45658, 46022, 46200, 45700],
  NOTICEBY: ['incident', 46000, 46022, 46200],
  // 2025-01-01 to 2025-12-31 (the last day of cover), cancelled from 2025-07-01: 184/365 (catalogue v2 §7).
  RETURNPREMIUM: [36500, 45658, 46022, 45839],
  ACQUISITION: [30000000, 100000000, 45700, 45750],
  DEADLINE: ['samsung.payment', 45658],
  NOTICESERVED: [45658, 45661],
  INPERIOD: [45700, 45658, 46022],
  // USD per CNY on 2025-01-01 and 01-03; the day between takes the prior one ("prior").
  FX: [1000, FX_RATES, 45659, 'prior'],
  CONTINUATIONCOST: [300000, 20000, 50000, 30000, 10000],
  // Section 10: the published figures' distributions (a 90% interval 100,000–1,000,000; Poisson 2, lognormal(12, 2)).
  DIST: ['lognormal', 100000, 1000000, 'ci90'],
  CDF: ['lognormal(12,2)', 1000000],
  QUANTILE: ['lognormal(12,2)', 0.99],
  LEV: ['lognormal(12,2)', 1000000, 1],
  LAYERLOSS: ['lognormal(12,2)', 100000, 1000000, 0.5, 'mean'],
  ILF: ['lognormal(12,2)', 5000000, 1000000, 10000],
  TVAR: ['lognormal(12,2)', 0.99],
  OEP: ['poisson(2)', 'lognormal(12,2)', 1000000],
  OEPLOSS: ['poisson(2)', 'lognormal(12,2)', 100],
  // Section 11: a small model of the covers above (200 years keep every case quick), CBI's statistics.
  SIMULATE: ['poisson(2)', SIM_EVENTS, COVERS, 5000, 2000, 200, 7, 'stats', 'CBI'],
};

/**
 * What +1e308 in each amount, hours and days argument gives. 1e308 is a valid amount; the
 * catalogue-defensible outcome is the exact finite result, or an error when a rule is broken
 * (e.g. a cap exceeded, a series index out of reach) — never Infinity. Every entry was derived by
 * hand from the catalogue formula with the other arguments of {@link VALID}.
 */
const HUGE: Readonly<Record<string, Expectation>> = {
  // P = 1e308 − 10.5M; revenue 1e308 is fine.
  'OPERATINGPROFIT.revenue': value(1e308 - 10500000),
  'OPERATINGPROFIT.expenses': value(12000000 - 1e308),
  // Ratios with 1e308 revenue are tiny but finite; maintenance ≤ expenses and insured ≤ maintenance are rules.
  'PROFITRATE.revenue': value(1), // (2.4M + 1e308 − 10.5M) / 1e308 = 1 − 8.1e-302, whose nearest double is 1
  'PROFITRATE.expenses': value(0), // a loss of ~1e308 leaves no insurable margin (N ≤ 0)
  'PROFITRATE.maintenance': VALUE('maintenance', 'maintenanceAboveExpenses'),
  'PROFITRATE.insured_maintenance': VALUE('insured_maintenance', 'insuredMaintenanceAboveMaintenance'),
  'INSUREDRATIO.revenue': value(1),
  'INSUREDRATIO.expenses': value(0),
  'INSUREDRATIO.maintenance': VALUE('maintenance', 'maintenanceAboveExpenses'),
  'INSUREDRATIO.insured_maintenance': VALUE('insured_maintenance', 'insuredMaintenanceAboveMaintenance'),
  'STANDARDREVENUE.indemnity_days': VALUE('indemnity_days', 'windowAfterIncident'),
  'REVENUEREDUCTION.standard_revenue': value(1e308),
  'REVENUEREDUCTION.actual_revenue': value(0),
  'LOSTPROFIT.revenue_reduction': value(3.25e307),
  'LOSTPROFIT.saved_costs': value(0),
  'PREVENTIONCOST.expense': value(32500), // min(1e308 × 0.8, 100000 × 0.325)
  'PREVENTIONCOST.avoided_reduction': value(40000), // min(50000 × 0.8, 1e308 × 0.325)
  'BIPAYOUT.loss': value(750000), // cap = min(1M, 800k) − 50k
  'BIPAYOUT.deductible': value(0),
  'BIPAYOUT.sum_insured': value(126000), // not under-insured; 136000 − 10000 within the cap 750000
  'BIPAYOUT.limit': value(40384.61538461538), // 126000 × 1M / (12M × 0.325 × 0.8) = 126000 / 3.12
  'BIPAYOUT.annual_revenue': value(4.846153846153846e-297), // 126000 × 1M / (1e308 × 0.26): tiny, finite
  'BIPAYOUT.paid_to_date': value(0),
  'WAITINGMET.duration_hours': value(true),
  'WAITINGMET.waiting_hours': value(false),
  // v2: the recovery period never exceeds the agreed 60 days (CPIC 第四十四条 28): d = min(1e308, 60) → 0.75.
  'RECOVERYRATIO.recovery_days': value(0.75),
  'RECOVERYRATIO.agreed_days': value(0.75), // d = min(45, 1e308) = 45
  'CONTINUATIONPAYOUT.expenses': value(250000), // min(1e308 − 20k, 500k × 0.5, 500k − 10k)
  'CONTINUATIONPAYOUT.deductible': value(0),
  'CONTINUATIONPAYOUT.sum_insured': value(280000),
  'CONTINUATIONPAYOUT.paid_to_date': value(0),
  'CRISISPAYOUT.spent': value(490000),
  'CRISISPAYOUT.recovered': value(0),
  'CRISISPAYOUT.limit': value(90000),
  'CRISISPAYOUT.paid_to_date': value(0),
  'CRISISWINDOW.days': value(true),
  'WAITINGDEDUCTIBLE.waiting_hours': value(1000),
  'HOURLYBI.waiting_hours': value(0),
  'HOURLYBI.deductible': value(0),
  'HOURLYBI.limit': value(700),
  'HOURLYBI.max_hours': VALUE('max_hours', 'aboveMaximum'), // v2: the recovery period never exceeds 180 days = 4320 h
  'REPUTATIONAL.waiting_hours': value(0),
  'REPUTATIONAL.daily_cap': value(1400), // hours 1–4 (after the 1-hour wait, 4-hour indemnity): 200+300+400+500
  'REPUTATIONAL.indemnity_hours': VALUE('indemnity_hours', 'aboveMaximum'), // v2: at most six calendar months = 4416 h
  'REPUTATIONAL.limit': value(1000),
  'LAYER.loss': value(15), // min(1e308 − 15, 30) × 0.5
  'LAYER.attachment': value(0),
  'LAYER.limit': value(12.5),
  'ALLOCATE.policy_aggregate': value([[400], [200]]),
  'ALLOCATE.policy_per_claim': value([[400], [200]]),
  'REMAINING.policy_aggregate': value(200),
  'REMAINING.policy_per_claim': value(200),
  'HAMMER.total_cost': value(300000),
  'HAMMER.settlement_offer': value(300000), // never more than total_cost, then the limit 300000
  'HAMMER.defense_to_refusal': value(300000),
  'HAMMER.limit': value(268500), // 100000 + 25000 + 0.7 × 205000
  'RECOVERY.recovered': value([[35000, 100000, 25000, 1e308]]), // 160000 − 25000 − 100000 above the limit; remainder 1e308 − 160000
  'RECOVERY.recovery_costs': value([[0, 0, 0, 0]]),
  'RECOVERY.loss': value([[130000, 0, 0, 0]]),
  'RECOVERY.deductible': VALUE('insurer_paid', 'insurerPaidAboveLoss'), // loss − min(1e308, loss) = 0 < 100000 paid
  'RECOVERY.insurer_paid': VALUE('insurer_paid', 'insurerPaidAboveLoss'),
  'RECOVERY.limit': value([[0, 100000, 25000, 5000]]), // nothing above a 1e308 limit: 100000 to the insurer, 25000 deductible, 5000 left
  'OTHERINSURANCE.loss': value(25000), // contribution, capped at own_limit
  'OTHERINSURANCE.own_limit': value(120000),
  'OTHERINSURANCE.other_limit': value(3e-299), // 120000 × 25000 / (25000 + 1e308)
  'OTHERINSURANCE.other_paid': value(12000),
  'POOLSHARE.pool_limit': value([[6000000], [9000000]]),
  'POOLSHARE.pool_remaining': value([[4000000], [6000000]]),
  'CRIMEPAYOUT.loss': value(25000),
  'CRIMEPAYOUT.deductible': value(0),
  'CRIMEPAYOUT.limit': value(47000), // v2: min(50000 − 1000, 42000 + min(8000, 5000))
  'CRIMEPAYOUT.special_loss': VALUE('special_loss', 'specialAboveLoss'),
  'CRIMEPAYOUT.special_limit': value(25000),
  'CRIMEPAYOUT.legal_expenses': value(1e308),
  'PRIORLIMIT.current_limit': value(100000),
  'PRIORLIMIT.prior_limit': value(250000),
  'RETURNPREMIUM.premium': value(1e308 * (184 / 365)),
  'ACQUISITION.subsidiary_revenue': value('conditional'),
  'ACQUISITION.named_revenue': value('automatic'),
  'FX.amount': value(1.389e307), // 1e308 × 0.1389, exact and finite
  'CONTINUATIONCOST.extra_costs': value(1e308), // 1e308 − 20000 + min(50000, 30000) − 10000 = 1e308 exactly
  'CONTINUATIONCOST.avoidable': value(0), // never below 0
  'CONTINUATIONCOST.expediting': value(300000), // min(1e308, 30000) counts 30000
  'CONTINUATIONCOST.expediting_saved': value(320000), // min(50000, 1e308) counts 50000
  'CONTINUATIONCOST.residual_value': value(0),
  // Section 10 (doubles; the engine's values, each checked against its closed form): 1e308 is "no limit" for
  // LEV, LAYERLOSS and ILF (catalogue §10), so a 1e308 limit gives the mean.
  'DIST.a': VALUE('b', 'notAbove'), // ci90 needs low < high
  'DIST.b': value('lognormal(360.35456705356813,212.08065925910486)'), // (ln 1e5 + ln 1e308)/2, (ln 1e308 − ln 1e5)/(2 × 1.6448536269514722)
  'CDF.x': value(1),
  'LEV.limit': value(1202604.2841647768), // E[X] = exp(12 + 2²/2) = exp(14)
  'LEV.k': VALUE('k', 'aboveMaximum'), // k is 1 or 2
  'LAYERLOSS.attachment': value(0), // S(1e308) = 0: nothing reaches the layer
  'LAYERLOSS.limit': value(564017.0286645577), // 0.5 × E[(X − 100000)+]
  'ILF.limit': value(3.3947789872482566), // (E[X] + 10000) / (LEV(1e6) + 10000)
  'ILF.base_limit': value(0.5708841929477647), // (LEV(5e6) + 10000) / (E[X] + 10000)
  'ILF.alae': value(1), // (LEV(5e6) + 1e308) / (LEV(1e6) + 1e308) rounds to 1
  'OEP.x': value(0),
  'OEPLOSS.return_period': value(6.838674998885016e37), // the quantile at S = −ln(1 − 1e-308)/2 = 5e-309
  // Section 11: a policy limit of 1e308 never binds (as no limit); years and seed have maxima.
  'SIMULATE.policy_aggregate': same(['poisson(2)', SIM_EVENTS, COVERS, null, 2000, 200, 7, 'stats', 'CBI']),
  'SIMULATE.policy_per_claim': same(['poisson(2)', SIM_EVENTS, COVERS, 5000, null, 200, 7, 'stats', 'CBI']),
  'SIMULATE.years': VALUE('years', 'aboveMaximum'),
  'SIMULATE.seed': VALUE('seed', 'aboveMaximum'),
};

// ---- cases generated from the specs --------------------------------------------------------------

/** Error values as they arrive from other cells; each host produces them with a formula. */
export const DIV0 = { error: '#DIV/0!', message: 'Division by zero (from another cell).' } as const;
export const NA = { error: '#N/A', message: 'Value not available (from another cell).' } as const;
export const NUM = { error: '#NUM!', message: 'Invalid number (from another cell).' } as const;
const ERRORS = [DIV0, NA, NUM] as const;

function withArg(fn: string, i: number, v: RawArgument): RawArgument[] {
  const args = [...VALID[fn]];
  args[i] = v;
  return args;
}

/**
 * Lower bounds other than 0: CYBER.LEV's k (1 or 2), and numbers the spec leaves unbounded below,
 * where the rule that −1e308 breaks depends on the other arguments: CYBER.DIST's a and b (a
 * lognormal's mu may be negative in "params"; the base call is "ci90", which needs 0 < a < b).
 */
const UNBOUNDED_BELOW: Readonly<Record<string, Expectation>> = {
  'DIST.a': VALUE('a', 'notPositive'),
  'DIST.b': VALUE('b', 'notAbove'),
  'LEV.k': VALUE('k', 'belowMinimum'), // k is 1 or 2
  'SIMULATE.years': VALUE('years', 'belowMinimum'), // years is 1 to 1,000,000
};

/** What a value below every lower bound (−1e308) breaks, by kind. */
function belowBound(p: ParamSpec & { min?: number; greaterThan?: number }): Expectation {
  if (p.kind === 'date') return VALUE(p.name, 'dateOutOfRange');
  if (p.kind === 'ratio') return VALUE(p.name, 'outsideUnitInterval');
  if (p.greaterThan === 0) return VALUE(p.name, 'notPositive');
  if (p.greaterThan !== undefined) return VALUE(p.name, 'notAbove');
  if (p.min === 0) return VALUE(p.name, 'negative');
  throw new Error(`no lower bound for ${p.name}`);
}

/** What a blank (null) gives: required → as 0 (then validated); optional → the default. */
function blankExpectation(fn: string, i: number, p: ParamSpec): Expectation | undefined {
  if (!p.optional) {
    if (p.kind === 'option' || p.kind === 'text') return VALUE(p.name, 'requiredMissing');
    if (p.kind === 'boolean') return same(withArg(fn, i, false));
    if (p.kind === 'series' || p.kind === 'table') return undefined; // covered by the range cases
    return same(withArg(fn, i, 0));
  }
  const dflt = (p as { default?: number | string | boolean }).default;
  if (dflt !== undefined) return same(withArg(fn, i, dflt));
  // No default: blank is "not given"; comparable to omission when it is the last argument.
  if (i === VALID[fn].length - 1) return same(VALID[fn].slice(0, i));
  return undefined;
}

function numberCases(f: FunctionSpec, i: number, p: ParamSpec & { min?: number; greaterThan?: number; whole?: boolean }): BadCase[] {
  const fn = f.name;
  const at = (what: string, v: RawArgument, e: Expectation, extra: Partial<BadCase> = {}): BadCase => ({
    id: `${fn}.${p.name}: ${what}`,
    fn,
    args: withArg(fn, i, v),
    expect: e,
    ...extra,
  });
  const out: BadCase[] = [
    at('text', 'abc', VALUE(p.name, 'notANumber')),
    at('numeric text "12"', '12', VALUE(p.name, 'notANumber')),
    at('text "1e308"', '1e308', VALUE(p.name, 'notANumber')),
    at('TRUE', true, VALUE(p.name, 'notANumber')),
    at('FALSE', false, VALUE(p.name, 'notANumber')),
    at('−0 is 0', -0, same(withArg(fn, i, 0))),
    at('−1e308', -1e308, UNBOUNDED_BELOW[`${fn}.${p.name}`] ?? belowBound(p)),
    at('a 2×2 range', [[1, 2], [3, 4]], VALUE(p.name, 'notSingleValue')),
    at('a 1×2 range', [[1, 2]], VALUE(p.name, 'notSingleValue')),
    at(`${ERRORS[i % 3].error} from another cell`, ERRORS[i % 3], { kind: 'propagated', code: ERRORS[i % 3].error }),
    at('NaN', NaN, VALUE(p.name, 'notFinite'), { hosts: JS_ONLY }),
    at('Infinity', Infinity, VALUE(p.name, 'notFinite'), { hosts: JS_ONLY }),
    at('−Infinity', -Infinity, VALUE(p.name, 'notFinite'), { hosts: JS_ONLY }),
  ];
  const blank = blankExpectation(fn, i, p);
  if (blank) out.push(at('blank', null, blank));
  if (p.kind === 'date') {
    out.push(
      at('serial 60 (before 1900-03-01)', 60, VALUE(p.name, 'dateOutOfRange')),
      at('serial 0', 0, VALUE(p.name, 'dateOutOfRange')),
      at('serial 2958466 (after 9999-12-31)', 2958466, VALUE(p.name, 'dateOutOfRange')),
      at('1e308', 1e308, VALUE(p.name, 'dateOutOfRange')),
    );
  } else if (p.kind === 'ratio') {
    out.push(at('1.5', 1.5, VALUE(p.name, 'outsideUnitInterval')), at('1e308', 1e308, VALUE(p.name, 'outsideUnitInterval')));
  } else {
    const huge = HUGE[`${fn}.${p.name}`];
    if (huge) out.push(at('1e308', 1e308, huge));
    if (p.whole) out.push(at('1.5 (not whole)', 1.5, VALUE(p.name, 'notWhole')));
  }
  return out;
}

function booleanCases(f: FunctionSpec, i: number, p: ParamSpec): BadCase[] {
  const fn = f.name;
  const at = (what: string, v: RawArgument, e: Expectation): BadCase => ({ id: `${fn}.${p.name}: ${what}`, fn, args: withArg(fn, i, v), expect: e });
  const out = [
    at('"maybe"', 'maybe', VALUE(p.name, 'notABoolean')),
    at('2', 2, VALUE(p.name, 'notABoolean')),
    at('1e308', 1e308, VALUE(p.name, 'notABoolean')),
    at('text "1"', '1', VALUE(p.name, 'notABoolean')),
    at('"yes" is TRUE', ' Yes ', same(withArg(fn, i, true))),
    at('"否" is FALSE', '否', same(withArg(fn, i, false))),
    at('−0 is FALSE', -0, same(withArg(fn, i, false))),
    at('a 1×2 range', [[true, false]], VALUE(p.name, 'notSingleValue')),
    at('#N/A from another cell', NA, { kind: 'propagated', code: '#N/A' }),
  ];
  const blank = blankExpectation(fn, i, p);
  if (blank) out.push(at('blank', null, blank));
  return out;
}

function optionCases(f: FunctionSpec, i: number, p: ParamSpec & { options: readonly string[] }): BadCase[] {
  const fn = f.name;
  const at = (what: string, v: RawArgument, e: Expectation): BadCase => ({ id: `${fn}.${p.name}: ${what}`, fn, args: withArg(fn, i, v), expect: e });
  const first = p.options[0];
  const out = [
    at('unknown text', 'nonsense', VALUE(p.name, 'unknownOption')),
    at('a number', 3, VALUE(p.name, 'unknownOption')),
    at('TRUE', true, VALUE(p.name, 'unknownOption')),
    at('1e308', 1e308, VALUE(p.name, 'unknownOption')),
    at('case and spaces ignored', `  ${first.toUpperCase()} `, same(withArg(fn, i, first))),
    at('a 2×1 range', [[first], [first]], VALUE(p.name, 'notSingleValue')),
    at('#DIV/0! from another cell', DIV0, { kind: 'propagated', code: '#DIV/0!' }),
  ];
  const blank = blankExpectation(fn, i, p);
  if (blank) out.push(at('blank', null, blank));
  return out;
}

/**
 * What a number that is no id gives: a cover id not in covers is #N/A (a lookup that finds
 * nothing); a deadline rule is a text that must name its wording before the dot, so any other
 * text is #VALUE! (catalogue section 9) and its message lists every rule.
 */
function noSuchId(fn: string, p: ParamSpec): Expectation {
  // A distribution text (section 10) must start with a family name: 1e308 ("1e+308") does not parse.
  if (p.name === 'dist' || p.name === 'frequency') return VALUE(p.name, 'distSyntax');
  return fn === 'DEADLINE' ? VALUE(p.name, 'unknownDeadlineWording') : err('#N/A', p.name, 'unknownCoverArgument');
}

function textCases(f: FunctionSpec, i: number, p: ParamSpec): BadCase[] {
  const fn = f.name;
  const at = (what: string, v: RawArgument, e: Expectation): BadCase => ({ id: `${fn}.${p.name}: ${what}`, fn, args: withArg(fn, i, v), expect: e });
  // An optional text (SIMULATE's cover) left blank takes its default, like every optional argument.
  const blank = p.optional ? (blankExpectation(fn, i, p) ?? VALUE(p.name, 'requiredMissing')) : VALUE(p.name, 'requiredMissing');
  return [
    at('TRUE', true, VALUE(p.name, 'notText')),
    at('blank', null, blank),
    at('spaces only', '   ', blank),
    // A number is an id (catalogue: ids are text); 1e308 is no cover id here.
    at('1e308 (no such id)', 1e308, noSuchId(fn, p)),
    at('a 1×2 range', [['BI', 'CBI']], VALUE(p.name, 'notSingleValue')),
    at('#NUM! from another cell', NUM, { kind: 'propagated', code: '#NUM!' }),
  ];
}

/** A column of `n` blank cells (one shared row: cheap even for a million). */
export function blankColumn(n: number): RawArgument {
  const row = [null];
  return new Array(n).fill(row);
}

export const MILLION = 1000000;

function seriesCases(f: FunctionSpec, i: number, p: ParamSpec & { elements?: string; exactLength?: number }): BadCase[] {
  const fn = f.name;
  const at = (what: string, v: RawArgument, e: Expectation, extra: Partial<BadCase> = {}): BadCase => ({
    id: `${fn}.${p.name}: ${what}`,
    fn,
    args: withArg(fn, i, v),
    expect: e,
    ...extra,
  });
  if (p.elements === 'boolean') {
    return [
      at('"maybe" in the series', [[true, true, 'maybe', true, true]], VALUE(p.name, 'notABoolean')),
      at('2 in the series', [[true, 2, true, true, true]], VALUE(p.name, 'notABoolean')),
      at('four values', [[true, true, true, true]], VALUE(p.name, 'seriesLength')),
      at('a 2×3 range', [[true, true, true], [true, true, true]], VALUE(p.name, 'notASeries')),
      at('a single TRUE', true, VALUE(p.name, 'seriesLength')),
      // Blank = no (catalogue: "blank = no"), so five blanks are five noes.
      at('all blank', [[null, null, null, null, null]], same(withArg(fn, i, [[false, false, false, false, false]]))),
      at('yes/是/1 are TRUE', [['yes', '是', 1, 'Y', 'true']], same(withArg(fn, i, [[true, true, true, true, true]]))),
      at('#DIV/0! inside', [[true, true, DIV0, true, true]], { kind: 'propagated', code: '#DIV/0!' }),
      // "exactly five": the specific rule wins over the engine's length limit (see report).
      at('1,000,000 blank cells', blankColumn(MILLION), VALUE(p.name, 'seriesLength'), { heavy: true, hosts: JS_ONLY }),
    ];
  }
  const base = VALID[fn][i] as Array<Array<number | null>>;
  const replaced = (k: number, v: number | string | boolean | null | typeof DIV0) => base.map((r, j) => (j === k ? [v] : r));
  return [
    at('text inside', replaced(1, 'x'), VALUE(p.name, 'textInSeries')),
    at('numeric text inside', replaced(1, '12'), VALUE(p.name, 'textInSeries')),
    at('TRUE inside', replaced(0, true), VALUE(p.name, 'textInSeries')),
    at('a negative amount inside', replaced(1, -1), VALUE(p.name, 'negativeInSeries')),
    at('−1e308 inside', replaced(1, -1e308), VALUE(p.name, 'negativeInSeries')),
    at('−0 inside is 0', replaced(1, -0), same(withArg(fn, i, replaced(1, 0)))),
    at('a blank inside is 0', replaced(1, null), same(withArg(fn, i, replaced(1, 0)))),
    at('a 2×2 range', [[1, 2], [3, 4]], VALUE(p.name, 'notASeries')),
    at('#DIV/0! inside', replaced(1, DIV0), { kind: 'propagated', code: '#DIV/0!' }),
    at('NaN inside', replaced(1, NaN), VALUE(p.name, 'notFinite'), { hosts: JS_ONLY }),
    at('1,000,000 blank cells', blankColumn(MILLION), err('#NUM!', p.name, 'seriesTooLong'), { heavy: true, hosts: fn === 'POOLSHARE' ? undefined : JS_ONLY }),
  ];
}

/**
 * An empty claims table (minRows 0) settles nothing: ALLOCATE gives one blank per row ("payable"
 * beside a header); REMAINING gives CBI's whole remaining aggregate, min(400, 1000, 5000).
 */
function noClaims(fn: string, column: string[][]): Expectation {
  return fn === 'ALLOCATE' ? value(column) : value(400);
}

/** Bad shapes of every table parameter (the structural cases per function are written below). */
function tableCases(f: FunctionSpec, i: number, p: TableParam): BadCase[] {
  const fn = f.name;
  const at = (what: string, v: RawArgument, e: Expectation): BadCase => ({ id: `${fn}.${p.name}: ${what}`, fn, args: withArg(fn, i, v), expect: e });
  const base = VALID[fn][i] as ReadonlyArray<ReadonlyArray<number | string | null>>;
  // The widths the table accepts: optional last columns (covers' nesting, catalogue v2 §5) may be left out.
  const widths = tableWidths(p);
  const narrowest = widths[0];
  const widest = widths[widths.length - 1];
  const pad = (row: ReadonlyArray<number | string | null>, to: number) => [...row, ...Array.from({ length: to - row.length }, () => 1)];
  const numeric = p.columns.findIndex((c) => c.kind !== 'text' && c.kind !== 'option');
  const withCell = (r: number, c: number, v: number | string | boolean | null | typeof DIV0) =>
    base.map((row, j) => (j === r ? row.map((x, k) => (k === c ? v : x)) : row));
  const allBlank = base.map((row) => row.map(() => null));
  const header = p.columns.map((_c, k) => `col ${k + 1}`);
  return [
    at('one column too few', base.map((row) => row.slice(0, narrowest - 1)), VALUE(p.name, 'tableWidth')),
    at('one column too many', base.map((row) => pad(row, widest + 1)), VALUE(p.name, 'tableWidth')),
    at('a single number', 5, VALUE(p.name, 'tableWidth')),
    at('a header in row 2', [base[0], header, ...base.slice(1)], VALUE(p.name, 'tableCellNotNumber')),
    at('a header in the last row', [...base, header], VALUE(p.name, 'tableCellNotNumber')),
    at('text in a number column', withCell(1, numeric, 'n/a'), VALUE(p.name, 'tableCellNotNumber')),
    at('TRUE in a number column', withCell(1, numeric, true), VALUE(p.name, 'tableCellNotNumber')),
    at('−1e308 in a number column', withCell(1, numeric, -1e308), VALUE(p.name, 'tableCellRule')),
    at('#DIV/0! in a cell', withCell(1, numeric, DIV0), { kind: 'propagated', code: '#DIV/0!' }),
    at('a header row then blanks', [header, ...allBlank], (p.minRows ?? 1) > 0 ? VALUE(p.name, 'tableTooShort') : noClaims(fn, [['payable'], ...allBlank.map(() => [''])])),
    at('all blank', allBlank, (p.minRows ?? 1) > 0 ? VALUE(p.name, 'tableTooShort') : noClaims(fn, allBlank.map(() => ['']))),
    { ...at('NaN in a number column', withCell(1, numeric, NaN), VALUE(p.name, 'tableCellNotNumber')), hosts: JS_ONLY },
  ];
}

function generated(f: FunctionSpec): BadCase[] {
  const out: BadCase[] = [];
  f.params.forEach((p, i) => {
    switch (p.kind) {
      case 'boolean':
        out.push(...booleanCases(f, i, p));
        break;
      case 'option':
        out.push(...optionCases(f, i, p));
        break;
      case 'text':
        out.push(...textCases(f, i, p));
        break;
      case 'series':
        out.push(...seriesCases(f, i, p));
        break;
      case 'table':
        out.push(...tableCases(f, i, p));
        break;
      default:
        out.push(...numberCases(f, i, p));
    }
  });
  // One argument too many never becomes a number. (Excel refuses such a formula when it is typed,
  // from the function's metadata, so the adapter never receives one.)
  out.push({
    id: `${f.name}: one argument too many`,
    fn: f.name,
    args: [...VALID[f.name], 1],
    expect: VALUE(undefined, 'tooManyArguments'),
    hosts: ['engine', 'sheet', 'cli'],
  });
  return out;
}

// ---- structural and arithmetic cases, by hand ----------------------------------------------------

const HUGE_HISTORY = [
  [45292, 1e308],
  [45658, 1e308],
];

const STRUCTURAL: BadCase[] = [
  // Revenue histories (FUNCTIONS.md §2): dates strictly increase, at least 2 rows, must cover the window.
  { id: 'STANDARDREVENUE.history: dates not increasing', fn: 'STANDARDREVENUE', args: [[[45292, 1], [45352, 1], [45323, 1]], 45689, 14], expect: VALUE('history', 'notIncreasing') },
  { id: 'STANDARDREVENUE.history: a repeated date', fn: 'STANDARDREVENUE', args: [[[45292, 1], [45292, 1], [45352, 1]], 45689, 14], expect: VALUE('history', 'notIncreasing') },
  { id: 'STANDARDREVENUE.history: one data row', fn: 'STANDARDREVENUE', args: [[['start', 'revenue'], [45292, 1]], 45689, 14], expect: VALUE('history', 'tableTooShort') },
  { id: 'STANDARDREVENUE.history: a date before 1900-03-01', fn: 'STANDARDREVENUE', args: [[[60, 1], [45292, 1]], 45689, 14], expect: VALUE('history', 'tableCellRule') },
  { id: 'STANDARDREVENUE.history: a date after 9999-12-31', fn: 'STANDARDREVENUE', args: [[[45292, 1], [2958466, 1]], 45689, 14], expect: VALUE('history', 'tableCellRule') },
  { id: 'STANDARDREVENUE.history: not covering the window', fn: 'STANDARDREVENUE', args: [[[45352, 1], [45383, 1]], 45689, 14], expect: err('#N/A', 'history', 'historyNotCovering') },
  { id: 'STANDARDREVENUE.indemnity_days: window after the incident', fn: 'STANDARDREVENUE', args: [HISTORY, 45689, 400], expect: VALUE('indemnity_days', 'windowAfterIncident') },
  { id: 'STANDARDREVENUE.indemnity_days: 0', fn: 'STANDARDREVENUE', args: [HISTORY, 45689, 0], expect: VALUE('indemnity_days', 'notPositive') },
  { id: 'STANDARDREVENUE.trend: −1', fn: 'STANDARDREVENUE', args: [HISTORY, 45689, 14, -1], expect: VALUE('trend', 'notAbove') },
  { id: 'ANNUALREVENUE.history: all blank with a header', fn: 'ANNUALREVENUE', args: [[['start', 'revenue'], [null, null], [null, null]], 45839], expect: VALUE('history', 'tableTooShort') },
  { id: 'ANNUALREVENUE.history: not covering the year', fn: 'ANNUALREVENUE', args: [[[45658, 1], [45689, 1]], 45839], expect: err('#N/A', 'history', 'historyNotCovering') },
  // Overflow: 1e308 a year × 2 years, × (1 + 1e308): the exact result is far beyond a double → #NUM!.
  { id: 'ANNUALREVENUE: 1e308 × (1 + 1e308) overflows a double', fn: 'ANNUALREVENUE', args: [HUGE_HISTORY, 45839, 1e308], expect: err('#NUM!', undefined, 'resultNotFinite') },
  { id: 'STANDARDREVENUE: 1e308 revenue × (1 + 1e308) overflows', fn: 'STANDARDREVENUE', args: [HUGE_HISTORY, 45839, 30, 1e308], expect: err('#NUM!', undefined, 'resultNotFinite') },
  // 184/366 of the 2024 period + 181/366 of the 2025 one (the last period as long as the one before).
  { id: 'ANNUALREVENUE: 1e308 revenues, trend 0, stay finite', fn: 'ANNUALREVENUE', args: [HUGE_HISTORY, 45839, 0], expect: value(9.972677595628416e307) },

  // Recovery-ratio table (§3): bounds strictly increase, ratios in [0, 1], #N/A past the last bound.
  { id: 'RECOVERYRATIO.table: bounds not increasing', fn: 'RECOVERYRATIO', args: [45, [[30, 0.5], [30, 0.75]]], expect: VALUE('table', 'notIncreasing') },
  { id: 'RECOVERYRATIO.table: ratio 1.5', fn: 'RECOVERYRATIO', args: [45, [[30, 0.5], [60, 1.5]]], expect: VALUE('table', 'tableCellRule') },
  { id: 'RECOVERYRATIO.table: negative days', fn: 'RECOVERYRATIO', args: [45, [[-30, 0.5], [60, 0.75]]], expect: VALUE('table', 'tableCellRule') },
  { id: 'RECOVERYRATIO.recovery_days: beyond the last bound', fn: 'RECOVERYRATIO', args: [91, RECOVERY_TABLE], expect: err('#N/A', 'recovery_days', 'beyondLastBound') },
  // v2 agreed_days (CPIC 第四十四条 28): d = min(recovery_days, agreed_days); the argument that set d is named.
  { id: 'RECOVERYRATIO.agreed_days: beyond the last bound', fn: 'RECOVERYRATIO', args: [100, RECOVERY_TABLE, 95], expect: err('#N/A', 'agreed_days', 'beyondLastBound') },
  { id: 'RECOVERYRATIO.agreed_days: cuts a recovery beyond the table', fn: 'RECOVERYRATIO', args: [120, RECOVERY_TABLE, 90], expect: value(1) },

  // Covers trees (§5): unique ids, known parents, no cycles (self-parent included).
  ...(['ALLOCATE', 'REMAINING'] as const).flatMap((fn): BadCase[] => {
    const rest = fn === 'ALLOCATE' ? [] : ['BI'];
    const covers = (rows: unknown[][]) => rows as RawArgument;
    return [
      { id: `${fn}.covers: a duplicate cover id`, fn, args: [CLAIMS, covers([['BI', null, 600, 1000, 100], ['CBI', 'BI', null, 400, 50], ['BI', null, 1, 1, 0]]), ...rest], expect: VALUE('covers', 'duplicateCoverId') },
      { id: `${fn}.covers: a cover its own parent`, fn, args: [CLAIMS, covers([['BI', 'BI', 600, 1000, 100], ['CBI', 'BI', null, 400, 50]]), ...rest], expect: VALUE('covers', 'parentCycle') },
      { id: `${fn}.covers: a cycle of two`, fn, args: [CLAIMS, covers([['BI', 'CBI', 600, 1000, 100], ['CBI', 'BI', null, 400, 50]]), ...rest], expect: VALUE('covers', 'parentCycle') },
      { id: `${fn}.covers: a cycle of three below a root`, fn, args: [CLAIMS, covers([['BI', null, 600, 1000, 100], ['CBI', 'X', null, 400, 50], ['X', 'Y', null, null, 0], ['Y', 'CBI', null, null, 0]]), ...rest], expect: VALUE('covers', 'parentCycle') },
      { id: `${fn}.covers: a parent that does not exist`, fn, args: [CLAIMS, covers([['BI', null, 600, 1000, 100], ['CBI', 'NOPE', null, 400, 50]]), ...rest], expect: VALUE('covers', 'unknownParent') },
      { id: `${fn}.covers: a row without a cover id`, fn, args: [CLAIMS, covers([['BI', null, 600, 1000, 100], [null, 'BI', null, 400, 50]]), ...rest], expect: VALUE('covers', 'coverIdMissing') },
      { id: `${fn}.covers: a negative limit`, fn, args: [CLAIMS, covers([['BI', null, -600, 1000, 100], ['CBI', 'BI', null, 400, 50]]), ...rest], expect: VALUE('covers', 'tableCellRule') },
      // The optional 6th column, nesting (catalogue v2 §5): blank, "all" or "aggregate", nothing else.
      { id: `${fn}.covers: nesting "partial"`, fn, args: [CLAIMS, covers([['BI', null, 600, 1000, 100, 'all'], ['CBI', 'BI', null, 400, 50, 'partial']]), ...rest], expect: VALUE('covers', 'tableCellOption') },
      { id: `${fn}.covers: nesting a number`, fn, args: [CLAIMS, covers([['BI', null, 600, 1000, 100, 1], ['CBI', 'BI', null, 400, 50, null]]), ...rest], expect: VALUE('covers', 'tableCellOption') },
      { id: `${fn}.covers: nesting TRUE`, fn, args: [CLAIMS, covers([['BI', null, 600, 1000, 100, null], ['CBI', 'BI', null, 400, 50, true]]), ...rest], expect: VALUE('covers', 'tableCellOption') },
      { id: `${fn}.covers: a 6th column of blanks is nesting "all"`, fn, args: [CLAIMS, covers([['BI', null, 600, 1000, 100, null], ['CBI', 'BI', null, 400, 50, null]]), ...rest], expect: same([CLAIMS, COVERS, ...rest]) },
      { id: `${fn}.covers: nesting " ALL " is "all"`, fn, args: [CLAIMS, covers([['BI', null, 600, 1000, 100, ' ALL '], ['CBI', 'BI', null, 400, 50, 'All']]), ...rest], expect: same([CLAIMS, COVERS, ...rest]) },
      { id: `${fn}.claims: a cover not in covers`, fn, args: [[['E1', 'BI', 500], ['E1', 'CYBER', 300]], COVERS, ...rest], expect: err('#N/A', 'claims', 'unknownCover') },
      { id: `${fn}.claims: an amount without a cover id`, fn, args: [[['E1', 'BI', 500], ['E1', null, 300]], COVERS, ...rest], expect: VALUE('claims', 'claimCoverMissing') },
      { id: `${fn}.claims: a negative amount`, fn, args: [[['E1', 'BI', 500], ['E1', 'CBI', -300]], COVERS, ...rest], expect: VALUE('claims', 'tableCellRule') },
    ];
  }),
  { id: 'REMAINING.cover: not in covers', fn: 'REMAINING', args: [CLAIMS, COVERS, 'NOPE'], expect: err('#N/A', 'cover', 'unknownCoverArgument') },
  { id: 'REMAINING.cover: not in a 6-column covers table', fn: 'REMAINING', args: [CLAIMS, [['BI', null, 600, 1000, 100, null], ['CBI', 'BI', null, 400, 50, 'aggregate']], 'NOPE'], expect: err('#N/A', 'cover', 'unknownCoverArgument') },
  // Nesting "aggregate" (SAMSUNG 第二十六条 (三)): CBI 300 uses BI's aggregate (1,000 − 400) but not
  // BI's per-event 600, which BI's 400 left at 200; with "all" CBI got 200.
  { id: 'ALLOCATE.covers: CBI nesting "aggregate" in BI', fn: 'ALLOCATE', args: [CLAIMS, [['BI', null, 600, 1000, 100, null], ['CBI', 'BI', null, 400, 50, ' Aggregate ']]], expect: value([[400], [300]]) },
  { id: 'REMAINING.covers: CBI nesting "aggregate" in BI', fn: 'REMAINING', args: [CLAIMS, [['BI', null, 600, 1000, 100, null], ['CBI', 'BI', null, 400, 50, 'aggregate']], 'CBI'], expect: value(100) },
  // Empty claims (a header, blanks) settle nothing: one blank per row, "payable" beside the header.
  { id: 'ALLOCATE.claims: header and blank rows only', fn: 'ALLOCATE', args: [[['event', 'cover', 'amount'], [null, null, null]], COVERS], expect: value([['payable'], ['']]) },
  { id: 'REMAINING.claims: all blank leaves the whole aggregate', fn: 'REMAINING', args: [[[null, null, null]], COVERS, 'CBI'], expect: value(400) },
  // 1e308 claims without limits stay 1e308 each; with a policy aggregate they are capped.
  { id: 'ALLOCATE: 1e308 claims under covers without limits', fn: 'ALLOCATE', args: [[['E1', 'A', 1e308], ['E2', 'A', 1e308]], [['A', null, null, null, null]]], expect: value([[1e308], [1e308]]) },
  { id: 'REMAINING: 1e308 − 1e308 − 1e308 of an aggregate is 0, never negative', fn: 'REMAINING', args: [[['E1', 'A', 1e308], ['E2', 'A', 1e308]], [['A', null, null, 1e308, null]], 'A'], expect: value(0) },

  // Zero denominators (catalogue: "#DIV/0! — a ratio whose denominator is zero").
  { id: 'INSUREDRATIO: operating profit + maintenance = 0', fn: 'INSUREDRATIO', args: [100, 100, 0, 0], expect: err('#DIV/0!', 'maintenance', 'insuredRatioZeroDenominator') },
  { id: 'OTHERINSURANCE: contribution with both limits 0', fn: 'OTHERINSURANCE', args: [100, 0, 0, 'contribution'], expect: err('#DIV/0!', 'own_limit', 'contributionZeroLimits') },
  // v2: policy_end is the last day of cover, so a period always has at least one day (no 0 denominator).
  { id: 'RETURNPREMIUM: a one-day policy cancelled from its day returns everything', fn: 'RETURNPREMIUM', args: [100, 45658, 45658, 45658], expect: value(100) },
  { id: 'PROFITRATE: revenue 0 (the denominator) is #VALUE! (revenue > 0)', fn: 'PROFITRATE', args: [0, 0, 0, 0], expect: VALUE('revenue', 'notPositive') },
  { id: 'POOLSHARE: all-zero claims with nothing available pay 0', fn: 'POOLSHARE', args: [col(0, 0), 0, 0], expect: value([[0], [0]]) },
  { id: 'BIPAYOUT: annual revenue 0 makes no under-insurance (no 0/0)', fn: 'BIPAYOUT', args: [100, 0, 0, 1000, 0, 0], expect: value(0) },

  // Inconsistent inputs.
  { id: 'BIPAYOUT.profit_rate: required with annual_revenue', fn: 'BIPAYOUT', args: [136000, 10000, 1000000, 800000, 12000000], expect: VALUE('profit_rate', 'profitRateRequired') },
  { id: 'RECOVERY.insurer_paid: above loss − deductible', fn: 'RECOVERY', args: [1, 0, 100, 10, 91], expect: VALUE('insurer_paid', 'insurerPaidAboveLoss') },
  { id: 'RECOVERY.insurer_paid: above the limit', fn: 'RECOVERY', args: [1, 0, 100, 10, 60, 50], expect: VALUE('insurer_paid', 'insurerPaidAboveLimit') },
  { id: 'CRIMEPAYOUT.special_loss: above loss', fn: 'CRIMEPAYOUT', args: [100, 0, 1000, 101], expect: VALUE('special_loss', 'specialAboveLoss') },
  { id: 'CLAIMSMADE.policy_end: before policy_start', fn: 'CLAIMSMADE', args: [45500, 45800, 45292, 46022, 45658], expect: VALUE('policy_end', 'periodReversed') },
  { id: 'CLAIMSMADE.erp_end: before policy_end', fn: 'CLAIMSMADE', args: [45500, 45800, 45292, 45658, 46022, 46000], expect: VALUE('erp_end', 'erpBeforeEnd') },
  { id: 'LOSSSUSTAINED.policy_end: before policy_start', fn: 'LOSSSUSTAINED', args: [45700, 46100, 46022, 45658], expect: VALUE('policy_end', 'periodReversed') },
  { id: 'RETURNPREMIUM.cancel_date: two days after the last day of cover', fn: 'RETURNPREMIUM', args: [36500, 45658, 46022, 46024], expect: VALUE('cancel_date', 'cancelOutsidePeriod') },
  { id: 'RETURNPREMIUM.cancel_date: the day before the first day', fn: 'RETURNPREMIUM', args: [36500, 45658, 46022, 45657], expect: VALUE('cancel_date', 'cancelOutsidePeriod') },
  { id: 'RETURNPREMIUM.cancel_date: the day after the last day returns nothing', fn: 'RETURNPREMIUM', args: [36500, 45658, 46022, 46023], expect: value(0) },
  { id: 'RETURNPREMIUM.policy_end: before policy_start', fn: 'RETURNPREMIUM', args: [36500, 46022, 45658, 45839], expect: VALUE('policy_end', 'periodReversed') },
  { id: 'NOTICEBY.erp_end: before policy_end (every kind)', fn: 'NOTICEBY', args: ['incident', 46000, 46022, 46021], expect: VALUE('erp_end', 'erpBeforeEnd') },
  { id: 'NOTICEBY: claim with an ERP shorter than 90 days keeps policy end + 90', fn: 'NOTICEBY', args: ['claim', 46000, 46022, 46052], expect: value(46112) },
  // A deadline past 9999-12-31 is no date (Excel's EDATE gives #NUM! there), never a serial.
  { id: 'NOTICEBY: extortion deadline after 9999-12-31', fn: 'NOTICEBY', args: ['extortion', 2958465, 2958465], expect: err('#NUM!', 'event_date', 'noticeAfterCalendar') },
  { id: 'NOTICEBY: proof deadline after 9999-12-31', fn: 'NOTICEBY', args: ['proof', 2958300, 2958465], expect: err('#NUM!', 'event_date', 'noticeAfterCalendar') },
  { id: 'NOTICEBY: claim deadline (policy end + 90) after 9999-12-31', fn: 'NOTICEBY', args: ['claim', 2958000, 2958400], expect: err('#NUM!', 'policy_end', 'noticeAfterCalendar') },
  { id: 'NOTICEBY: incident deadline on 9999-12-31 exactly is a date', fn: 'NOTICEBY', args: ['incident', 2958375, 2958465], expect: value(2958465) },
  { id: 'NOTICEBY.kind: blank, optional erp_end omitted', fn: 'NOTICEBY', args: [null, 46000, 46022], expect: VALUE('kind', 'requiredMissing') },

  // Section 9: deadlines, triggers, currency, continuation costs (catalogue v2).
  // DEADLINE: an unknown rule of a wording lists that wording's rules; a text naming none lists them all.
  { id: 'DEADLINE.rule: an unknown samsung rule', fn: 'DEADLINE', args: ['samsung.foo', 45658], expect: VALUE('rule', 'unknownDeadlineRule') },
  { id: 'DEADLINE.rule: the wording alone ("cpic")', fn: 'DEADLINE', args: ['cpic', 45658], expect: VALUE('rule', 'unknownDeadlineRule') },
  { id: 'DEADLINE.rule: no wording before the dot', fn: 'DEADLINE', args: ['payment', 45658], expect: VALUE('rule', 'unknownDeadlineWording') },
  { id: 'DEADLINE.rule: a wording without deadlines (lmcit)', fn: 'DEADLINE', args: ['lmcit.notice', 45658], expect: VALUE('rule', 'unknownDeadlineWording') },
  { id: 'DEADLINE.rule: case and spaces ignored', fn: 'DEADLINE', args: ['  CPIC.Payment ', 45658], expect: same(['cpic.payment', 45658]) },
  { id: 'DEADLINE: a month rule clamps to the month end (2025-01-31 + 1 month)', fn: 'DEADLINE', args: ['cpic.investigation', 45688.75], expect: value(45716) },
  { id: 'DEADLINE: a year rule from a leap day (2024-02-29 + 2 years)', fn: 'DEADLINE', args: ['iso.suit.by', 45351], expect: value(46081) },
  { id: 'DEADLINE: a day after 9999-12-31', fn: 'DEADLINE', args: ['samsung.payment', 2958460], expect: err('#NUM!', 'date', 'dayOutsideCalendar') },
  { id: 'DEADLINE: a month rule into year 10004', fn: 'DEADLINE', args: ['cpic.circumstance', 2958101], expect: err('#NUM!', 'date', 'dayOutsideCalendar') },
  { id: 'DEADLINE: a day before 1900-03-01', fn: 'DEADLINE', args: ['iso.liberalization', 61], expect: err('#NUM!', 'date', 'dayOutsideCalendar') },
  { id: 'DEADLINE: 9999-12-31 exactly is a day', fn: 'DEADLINE', args: ['samsung.payment', 2958455], expect: value(2958465) },
  // NOTICESERVED (SAMSUNG 第四十三条 (一) 1): the earlier of the day received and the day after sending.
  { id: 'NOTICESERVED.received_date: on a day before sent_date', fn: 'NOTICESERVED', args: [45658, 45657.5], expect: VALUE('received_date', 'receivedBeforeSent') },
  { id: 'NOTICESERVED: received the same day, earlier hour', fn: 'NOTICESERVED', args: [45658.75, 45658.25], expect: value(45658) },
  { id: 'NOTICESERVED: sent on 9999-12-31, no received date', fn: 'NOTICESERVED', args: [2958465], expect: err('#NUM!', 'sent_date', 'dayOutsideCalendar') },
  { id: 'NOTICESERVED: sent and received on 9999-12-31', fn: 'NOTICESERVED', args: [2958465, 2958465.5], expect: value(2958465) },
  // INPERIOD: policy_start ≤ INT(date) ≤ policy_end.
  { id: 'INPERIOD.policy_end: before policy_start', fn: 'INPERIOD', args: [45700, 46022, 45658], expect: VALUE('policy_end', 'periodReversed') },
  { id: 'INPERIOD: the last day at 21:36 is in the period', fn: 'INPERIOD', args: [46022.9, 45658, 46022], expect: value(true) },
  { id: 'INPERIOD: the day after the last is not', fn: 'INPERIOD', args: [46023, 45658, 46022], expect: value(false) },
  // FX: a 2-column table, dates strictly increasing, rates > 0; #N/A when no rate applies.
  { id: 'FX.rates: dates not increasing', fn: 'FX', args: [1000, [[45660, 0.1392], [45658, 0.1389]], 45659], expect: VALUE('rates', 'notIncreasing') },
  { id: 'FX.rates: a repeated date', fn: 'FX', args: [1000, [[45658, 0.1392], [45658, 0.1389]], 45659], expect: VALUE('rates', 'notIncreasing') },
  { id: 'FX.rates: a rate of 0', fn: 'FX', args: [1000, [[45658, 0.1389], [45660, 0]], 45659], expect: VALUE('rates', 'rateNotPositive') },
  { id: 'FX.rates: a blank rate', fn: 'FX', args: [1000, [[45658, 0.1389], [45660, null]], 45659], expect: VALUE('rates', 'rateNotPositive') },
  { id: 'FX.rates: no rate on or after the day ("next")', fn: 'FX', args: [1000, FX_RATES, 45661], expect: err('#N/A', 'rates', 'noRateForDate') },
  { id: 'FX.rates: no rate on or before the day ("prior")', fn: 'FX', args: [1000, FX_RATES, 45657, 'prior'], expect: err('#N/A', 'rates', 'noRateForDate') },
  { id: 'FX: no rate that day, "next" takes the next published', fn: 'FX', args: [1000, [['date', 'rate'], ...FX_RATES], 45659.5], expect: value(139.2) },
  { id: 'FX: 1e308 at a rate of 7 overflows', fn: 'FX', args: [1e308, [[45658, 7]], 45658], expect: err('#NUM!', undefined, 'resultNotFinite') },
  // CONTINUATIONCOST (CPIC 第四十四条 29): never below 0; expediting counted up to what it saved.
  { id: 'CONTINUATIONCOST: avoidable costs above the extra costs give 0', fn: 'CONTINUATIONCOST', args: [10000, 25000], expect: value(0) },
  { id: 'CONTINUATIONCOST: expediting counted up to what it saved', fn: 'CONTINUATIONCOST', args: [100000, 0, 40000, 25000], expect: value(125000) },

  // Results beyond a double (catalogue: "#NUM! — a result that cannot be computed"), never Infinity.
  { id: 'WAITINGDEDUCTIBLE: 1e308 + 1e308 overflows', fn: 'WAITINGDEDUCTIBLE', args: [col(1e308, 1e308), 2], expect: err('#NUM!', undefined, 'resultNotFinite') },
  { id: 'HOURLYBI: 1e308 + 1e308 within a 1e308 limit is 1e308', fn: 'HOURLYBI', args: [col(1e308, 1e308), 0, 0, 1e308], expect: value(1e308) },
  { id: 'HOURLYBI: 1e308 + 1e308 less a 1e308 deductible is 1e308', fn: 'HOURLYBI', args: [col(1e308, 1e308), 0, 1e308, 1e308 * 1.5], expect: value(1e308) },
  { id: 'REPUTATIONAL: two days of 1e308 overflow without a limit', fn: 'REPUTATIONAL', args: [blockOf(48, 1e308), 0, 1e308, 48], expect: err('#NUM!', undefined, 'resultNotFinite') },
  { id: 'REPUTATIONAL: two days of 1e308 within a 1e308 limit', fn: 'REPUTATIONAL', args: [blockOf(48, 1e308), 0, 1e308, 48, 1e308], expect: value(1e308) },
  // v2 bounds: the recovery period never exceeds 180 days (SAMSUNG 释义四十四), the indemnity period six
  // calendar months (释义四十三), at most 184 days; the largest values are accepted, one hour more is not.
  { id: 'HOURLYBI.max_hours: 4320 (180 days) is accepted', fn: 'HOURLYBI', args: [col(100, 200, 300, 400), 2, 250, 1000, 4320], expect: value(700) },
  { id: 'HOURLYBI.max_hours: 4321 is above 180 days', fn: 'HOURLYBI', args: [col(100, 200, 300, 400), 2, 250, 1000, 4321], expect: VALUE('max_hours', 'aboveMaximum') },
  { id: 'REPUTATIONAL.indemnity_hours: 4416 (184 days) is accepted', fn: 'REPUTATIONAL', args: [col(100, 200, 300, 400, 500, 600), 1, 1000, 4416], expect: value(1000) },
  { id: 'REPUTATIONAL.indemnity_hours: 4417 is above six calendar months', fn: 'REPUTATIONAL', args: [col(100, 200, 300, 400, 500, 600), 1, 1000, 4417], expect: VALUE('indemnity_hours', 'aboveMaximum') },
  // A start on 9999-12-31: the six months run into year 10000 (a count of hours, no date is returned).
  { id: 'REPUTATIONAL.start: 9999-12-31 23:00', fn: 'REPUTATIONAL', args: [col(100, 200, 300, 400, 500, 600), 1, 1000, 4416, 5000, 2958465 + 23 / 24], expect: value(1000) },
  { id: 'CRIMEPAYOUT: 1e308 payout + 1e308 legal expenses overflows', fn: 'CRIMEPAYOUT', args: [1e308, 0, 1e308, 0, 5000, 1e308], expect: err('#NUM!', undefined, 'resultNotFinite') },
  { id: 'POOLSHARE: 1e308 + 1e308 claims share a 1e308 pool', fn: 'POOLSHARE', args: [col(1e308, 1e308), 1e308, 1e308], expect: value([[5e307], [5e307]]) },
  { id: 'LAYER: 1e308 in a 1e308 layer', fn: 'LAYER', args: [1e308, 0, 1e308], expect: value(1e308) },
  { id: 'OPERATINGPROFIT: 1e308 − 1e308 is exactly 0', fn: 'OPERATINGPROFIT', args: [1e308, 1e308], expect: value(0) },
  { id: 'OPERATINGPROFIT: MIN_VALUE − MAX_VALUE is −MAX_VALUE, finite', fn: 'OPERATINGPROFIT', args: [Number.MIN_VALUE, Number.MAX_VALUE], expect: value(-Number.MAX_VALUE) },
  { id: 'RECOVERY: 1e308 recovered, 1e308 loss', fn: 'RECOVERY', args: [1e308, 0, 1e308, 0, 0], expect: value([[1e308, 0, 0, 0]]) },
  { id: 'HAMMER: MAX_VALUE costs', fn: 'HAMMER', args: [Number.MAX_VALUE, 0, 0, 1], expect: value(Number.MAX_VALUE) },
  { id: 'RETURNPREMIUM: 1e308 over the whole calendar', fn: 'RETURNPREMIUM', args: [1e308, 61, 2958465, 61], expect: value(1e308) },
  // The engine's default series limit (MAX_SERIES_VALUES in specs.ts): 100,000 values are
  // evaluated, one more is #NUM! (catalogue: a series too long for the engine's limits).
  { id: 'POOLSHARE.member_claims: 100,000 blank values are evaluated', fn: 'POOLSHARE', args: [blankColumn(100000)], expect: value(new Array(100000).fill([0])), hosts: JS_ONLY },
  { id: 'POOLSHARE.member_claims: 100,001 values are too many', fn: 'POOLSHARE', args: [blankColumn(100001)], expect: err('#NUM!', 'member_claims', 'seriesTooLong'), hosts: JS_ONLY },
  // Dates at the ends of the calendar are inside; beyond them is #VALUE! (also for table dates).
  { id: 'CRISISWINDOW: serial 61 and 2958465.5 are dates', fn: 'CRISISWINDOW', args: [61, 62], expect: value(true) },
  { id: 'CRISISWINDOW.cost_date: 2958466 is after 9999-12-31', fn: 'CRISISWINDOW', args: [2958465, 2958466], expect: VALUE('cost_date', 'dateOutOfRange') },
  // An argument left out (not blank): no silent 0.
  // (Excel refuses a formula without a required argument, so the adapter never receives one.)
  { id: 'LOSTPROFIT.profit_rate: left out of the call', fn: 'LOSTPROFIT', args: [100], expect: VALUE('profit_rate', 'requiredMissing'), hosts: ['engine', 'sheet', 'cli'] },
  // Section 10, every error rule: a text that does not parse names the position; an unknown family,
  // a wrong count or a parameter out of range names the parameter; an infinite moment is #NUM!.
  { id: 'CDF.dist: "lognormal(12;2)" does not parse at character 13', fn: 'CDF', args: ['lognormal(12;2)', 1], expect: VALUE('dist', 'distSyntax') },
  { id: 'CDF.dist: an unclosed text', fn: 'CDF', args: ['lognormal(12,2', 1], expect: VALUE('dist', 'distSyntax') },
  { id: 'CDF.dist: an unknown family', fn: 'CDF', args: ['normal(0,1)', 1], expect: VALUE('dist', 'distUnknownFamily') },
  { id: 'OEP.frequency: a severity where a frequency is asked', fn: 'OEP', args: ['lognormal(12,2)', 'lognormal(12,2)', 1], expect: VALUE('frequency', 'distUnknownFamily') },
  { id: 'CDF.dist: one parameter too few', fn: 'CDF', args: ['lognormal(12)', 1], expect: VALUE('dist', 'distArity') },
  { id: 'CDF.dist: sigma 0', fn: 'CDF', args: ['lognormal(12,0)', 1], expect: VALUE('dist', 'distParamRange') },
  { id: 'CDF.dist: pert mode above max', fn: 'CDF', args: ['pert(0,2,1)', 1], expect: VALUE('dist', 'distParamRange') },
  { id: 'OEP.frequency: negbin cv² ≤ 1/mean', fn: 'OEP', args: ['negbin(2,0.5)', 'lognormal(12,2)', 1], expect: VALUE('frequency', 'distParamRange') },
  { id: 'OEP.frequency: bernoulli p above 1', fn: 'OEP', args: ['bernoulli(1.5)', 'lognormal(12,2)', 1], expect: VALUE('frequency', 'distParamRange') },
  { id: 'LEV.dist: the mean of lomax(1, θ) is infinite', fn: 'LEV', args: ['lomax(1,1000)', 1e308], expect: err('#NUM!', 'dist', 'distMomentInfinite') },
  { id: 'LAYERLOSS.dist: an unlimited layer sd needs a finite second moment', fn: 'LAYERLOSS', args: ['pareto1(2,1000)', 1000, 1e308, 1, 'sd'], expect: err('#NUM!', 'dist', 'distMomentInfinite') },
  { id: 'TVAR.dist: an infinite mean', fn: 'TVAR', args: ['lomax(0.9,1000)', 0.99], expect: err('#NUM!', 'dist', 'distMomentInfinite') },
  { id: 'QUANTILE.p: 1 is outside [0, 1)', fn: 'QUANTILE', args: ['lognormal(12,2)', 1], expect: VALUE('p', 'notBelow') },
  { id: 'TVAR.p: 1 is outside [0, 1)', fn: 'TVAR', args: ['lognormal(12,2)', 1], expect: VALUE('p', 'notBelow') },
  { id: 'OEPLOSS.frequency: bernoulli(0.005) never reaches 1/100', fn: 'OEPLOSS', args: ['bernoulli(0.005)', 'lognormal(12,2)', 100], expect: err('#NUM!', 'frequency', 'oepUnreachable') },
  { id: 'OEPLOSS.return_period: 1 is not above 1', fn: 'OEPLOSS', args: ['poisson(2)', 'lognormal(12,2)', 1], expect: VALUE('return_period', 'notAbove') },
  { id: 'LAYERLOSS.attachment: severity of a layer never reached', fn: 'LAYERLOSS', args: ['pert(0,1,2)', 2, 10, 1, 'severity'], expect: err('#DIV/0!', 'attachment', 'layerNeverReached') },
  { id: 'ILF.base_limit: LEV(base) + alae = 0', fn: 'ILF', args: ['constant(0)', 100, 10], expect: err('#DIV/0!', 'base_limit', 'ilfBaseZero') },
  { id: 'DIST.family: pert has no "params" form', fn: 'DIST', args: ['pert', 1, 2], expect: VALUE('family', 'distFormFamily') },
  { id: 'DIST.b: lognormal sigma 0 names b', fn: 'DIST', args: ['lognormal', 12, 0], expect: VALUE('b', 'distParamRange') },
  { id: 'LEV: lognormal(800, 1) overflows a double', fn: 'LEV', args: ['lognormal(800,1)', 1e308], expect: err('#NUM!', undefined, 'resultNotFinite') },
  { id: 'OEP: the published figure', fn: 'OEP', args: ['poisson(2)', 'lognormal(12,2)', 1000000], expect: value(0.30511403837712325) },
  // Section 11, every error rule of CYBER.SIMULATE, each naming its argument.
  ...simulateCases(),
];

/** CYBER.SIMULATE's own rules (catalogue section 11), one case each. */
function simulateCases(): BadCase[] {
  const base = VALID.SIMULATE;
  const at = (i: number, v: RawArgument) => base.map((a, j) => (j === i ? v : a));
  const events = (...rows: RawArgument[][]) => at(1, rows as RawArgument);
  return [
    { id: 'SIMULATE.frequency: a severity is no frequency', fn: 'SIMULATE', args: at(0, 'lognormal(1,1)'), expect: VALUE('frequency', 'distUnknownFamily') },
    { id: 'SIMULATE.frequency: poisson(-1)', fn: 'SIMULATE', args: at(0, 'poisson(-1)'), expect: VALUE('frequency', 'distParamRange') },
    { id: 'SIMULATE.frequency: counts beyond the engine’s table', fn: 'SIMULATE', args: at(0, 'poisson(1e7)'), expect: err('#NUM!', 'frequency', 'simCountsTooLarge') },
    { id: 'SIMULATE.events: a severity that does not parse', fn: 'SIMULATE', args: events(['BI', 1, 'lognormal(6']), expect: VALUE('events', 'distSyntax') },
    { id: 'SIMULATE.events: an unknown severity family', fn: 'SIMULATE', args: events(['BI', 1, 'normal(6,1)']), expect: VALUE('events', 'distUnknownFamily') },
    { id: 'SIMULATE.events: a cover id not in covers', fn: 'SIMULATE', args: events(['XX', 1, 'constant(5)']), expect: VALUE('events', 'simEventsUnknownCover') },
    { id: 'SIMULATE.events: a row without a cover id', fn: 'SIMULATE', args: events([null, 1, 'constant(5)']), expect: VALUE('events', 'coverIdMissing') },
    { id: 'SIMULATE.events: a row without a severity', fn: 'SIMULATE', args: events(['BI', 1, null]), expect: VALUE('events', 'simEventsSeverityMissing') },
    { id: 'SIMULATE.events: probability 1.5', fn: 'SIMULATE', args: events(['BI', 1.5, 'constant(5)']), expect: VALUE('events', 'tableCellRule') },
    { id: 'SIMULATE.events: a loss beyond every double', fn: 'SIMULATE', args: events(['BI', 1, 'lomax(0.001,1)']), expect: err('#NUM!', 'events', 'simOverflow') },
    { id: 'SIMULATE.covers: an unknown parent', fn: 'SIMULATE', args: at(2, [['BI', 'ZZ', 600, 1000, 100], ['CBI', 'BI', null, 400, 50]]), expect: VALUE('covers', 'unknownParent') },
    { id: 'SIMULATE.covers: a limit with 16 decimals', fn: 'SIMULATE', args: at(2, [['BI', null, 0.0000000000000001, 1000, 100], ['CBI', 'BI', null, 400, 50]]), expect: err('#NUM!', 'covers', 'simTermsTooLarge') },
    { id: 'SIMULATE.years: 0', fn: 'SIMULATE', args: at(5, 0), expect: VALUE('years', 'belowMinimum') },
    { id: 'SIMULATE.years: 1,000,001', fn: 'SIMULATE', args: at(5, 1000001), expect: VALUE('years', 'aboveMaximum') },
    { id: 'SIMULATE.years: a million years of 5,000 events', fn: 'SIMULATE', args: [...at(0, 'poisson(5000)').slice(0, 5), 1000000], expect: err('#NUM!', 'years', 'simWorkTooLarge') },
    { id: 'SIMULATE.seed: 4,294,967,296', fn: 'SIMULATE', args: at(6, 4294967296), expect: VALUE('seed', 'aboveMaximum') },
    { id: 'SIMULATE.cover: an id not in covers', fn: 'SIMULATE', args: at(8, 'ZZ'), expect: err('#N/A', 'cover', 'unknownCoverArgument') },
    { id: 'SIMULATE.output: "ylt" is no output', fn: 'SIMULATE', args: at(7, 'ylt'), expect: VALUE('output', 'unknownOption') },
  ];
}

/** `n` hours of `v`, as a column. */
function blockOf(n: number, v: number): RawArgument {
  return new Array(n).fill(null).map(() => [v]);
}

/** Every case, generated and hand-written, in catalogue order then the structural ones. */
export const CASES: readonly BadCase[] = [...CATALOGUE.flatMap(generated), ...STRUCTURAL];

export function runsOn(c: BadCase, host: Host): boolean {
  return c.hosts === undefined || c.hosts.includes(host);
}

export function specOf(fn: string): FunctionSpec {
  const f = CATALOGUE.find((x) => x.name === fn);
  if (!f) throw new Error(`no function ${fn}`);
  return f;
}
