/**
 * CYBER.SIMULATE (catalogue section 11): simulated annual losses under the policy's whole terms,
 * and the second bridge between the exact engine and src/stochastic (after distributions.ts):
 * - the covers tree and the policy limits are read and checked exactly as CYBER.ALLOCATE reads
 *   them (buildCoverTree of limits.ts; SAMSUNG 第二十四–二十八条), then turned into integer units
 *   (cents, or finer when a term has more decimals) for the simulation's settlement, which
 *   equals ALLOCATE's to the cent (test/properties/simulate.property.test.ts);
 * - distribution texts go through the one parser of section 10, their problems named after the
 *   argument (frequency, events);
 * - the statistics come back as doubles, each the nearest double of its exact value where the
 *   catalogue defines one exactly (means, VaR by type-7 interpolation, TVaR over the
 *   ⌈(1 − p) × years⌉ largest years), and go to the host as the Decimal of that very double.
 *
 * One simulation serves every cell with the same inputs: results are memoised by the model's
 * input hash, seed and years (catalogue: "Several cells with the same inputs (other output or
 * cover) reuse one simulation"); a run keeps only its statistics, never its years.
 */
import { SAMSUNG, SIMULATION } from './articles';
import { coerceArgument, firstErrorValue } from './coerce';
import { type Decimal, fromNumber } from './decimal';
import { guarded as distributionGuard } from './distributions';
import { type EngineError, fail, InputFailure, makeError } from './errors';
import { buildCoverTree, COVERS_TABLE, type CoverTree } from './limits';
import { SIMULATE_LABELS } from './messages';
import { amount, type FunctionDefinition, number, option, type Table, table, text } from './specs';
import type { RawArgument } from './values';
import { parseFrequency, parseSeverity } from '../stochastic/parse';
import { countTable, SimulationLimit } from '../stochastic/sample';
import {
  checkIdHashes,
  ENGINE_VERSION,
  RETURN_PERIODS,
  type Scope,
  type ScopeResult,
  simulate,
  type SimCover,
  type SimModel,
  type SimRow,
  type SimYear,
  claimsOfYear,
  textHash,
} from '../stochastic/simulate';

export {
  ENGINE_VERSION,
  RETURN_PERIODS,
  simulate as runSimulation,
  yearLossTable,
  simulateYear,
  claimsOfYear,
  unitsText,
  SimulationLimit,
  usePhiloxWasm,
  philoxWasmInUse,
} from '../stochastic/simulate';
export type { SimModel, SimOptions, SimResult, ScopeResult, SimStats, Scope, SimYear, SimEvent, SimDraw, YearLossRow, SimCover, SimRow } from '../stochastic/simulate';

/** Catalogue section 11: "years: whole, 1 to 1,000,000". */
export const MAX_YEARS = 1_000_000;
/** The most row draws (years × mean events × rows) one call may ask for: about a minute of work. */
export const MAX_DRAWS = 2e9;

// ---- parameters ---------------------------------------------------------------------------------

export const EVENTS_TABLE = table('events', {
  columns: [
    { key: 'cover', kind: 'text', label: { en: 'cover id', zh: '保障编号' } },
    { key: 'probability', kind: 'ratio', label: { en: 'probability', zh: '概率' } },
    { key: 'severity', kind: 'text', label: { en: 'severity', zh: '损失金额分布' } },
  ],
  label: { en: 'events', zh: '事件表' },
  description: {
    en: 'Events table: 3 columns (cover id, probability 0–1 that an event causes a loss to that cover, severity text); for each event every row, in row order, independently hits with its probability and then draws its loss; an optional header row.',
    zh: '事件表：3 列（保障编号、每次事件造成该保障损失的概率 0–1、损失金额分布文本）；每次事件中各行按行序独立地以其概率发生并抽取损失；可带一行标题。',
  },
});

const PARAMS = [
  text('frequency', {
    label: { en: 'frequency', zh: '损失频率分布' },
    description: { en: 'Loss events per year: poisson(lambda), negbin(mean, cv) with cv² > 1/mean, or bernoulli(p).', zh: '每年损失事件数：poisson(lambda)、negbin(mean, cv)（须 cv² > 1/mean）或 bernoulli(p)。' },
  }),
  EVENTS_TABLE,
  COVERS_TABLE,
  amount('policy_aggregate', {
    optional: true,
    label: { en: 'policy aggregate limit', zh: '保险单累计责任限额' },
    description: { en: 'Policy aggregate limit per simulated year (第二十四条); omit for none.', zh: '每个模拟年度的保险单累计责任限额（第二十四条）；省略则不设。' },
  }),
  amount('policy_per_claim', {
    optional: true,
    label: { en: 'policy per-claim limit', zh: '保险单每次索赔责任限额' },
    description: { en: 'Policy per-claim limit, per simulated event (第二十四条); omit for none.', zh: '每次模拟事件的保险单每次索赔责任限额（第二十四条）；省略则不设。' },
  }),
  number('years', {
    optional: true,
    default: 10000,
    min: 1,
    max: MAX_YEARS,
    whole: true,
    label: { en: 'years', zh: '模拟年数' },
    description: { en: 'Simulated years, whole, 1 to 1,000,000 (default 10,000).', zh: '模拟年数，整数，1 至 1,000,000（默认 10,000）。' },
  }),
  number('seed', {
    optional: true,
    default: 1,
    min: 0,
    max: 4294967295,
    whole: true,
    label: { en: 'seed', zh: '随机数种子' },
    description: { en: 'Random seed, whole, 0 to 4,294,967,295 (default 1).', zh: '随机数种子，整数，0 至 4,294,967,295（默认 1）。' },
  }),
  option('output', {
    optional: true,
    default: 'stats',
    options: ['stats', 'aep', 'oep'],
    label: { en: 'output', zh: '输出' },
    description: {
      en: '"stats" (default): 14×2 labels and values; "aep": 11×2 return period and annual paid; "oep": the same for the largest single event paid in a year.',
      zh: '"stats"（默认）：14×2 的标签与数值；"aep"：11×2 的重现期与年度赔付；"oep"：同上，为一年中最大的单次事件赔付。',
    },
  }),
  text('cover', {
    optional: true,
    label: { en: 'cover id', zh: '保障编号' },
    description: { en: 'Optional cover id: statistics of what is paid to that cover and its descendants instead of the total.', zh: '可选的保障编号：统计该保障及其下级保障的赔付，而非全部赔付。' },
  }),
] as const;

// ---- building the model -------------------------------------------------------------------------

/** The number of decimals of a term (0 for whole amounts). */
const decimalsOf = (d: Decimal): number => d.decimalPlaces();

interface Built {
  readonly model: SimModel;
  readonly tree: CoverTree;
}

/** Reads frequency, events, covers and the policy limits (already coerced) into a checked model. */
function buildModel(frequencyText: string, events: Table, covers: Table, policyAggregate: Decimal | undefined, policyPerClaim: Decimal | undefined): Built {
  const frequency = distributionGuard('frequency', frequencyText, () => parseFrequency(frequencyText));
  const tree = buildCoverTree(covers);
  const positions = new Map<string, number>();
  const rows: SimRow[] = events.rows.map((r) => {
    const row = r.index + 1;
    const id = r.cells[0] as string | null;
    if (id === null) fail('coverIdMissing', 'events', { row });
    const cover = tree.byId.get(id);
    if (cover === undefined) fail('simEventsUnknownCover', 'events', { row, id });
    const severityText = r.cells[2] as string | null;
    if (severityText === null) fail('simEventsSeverityMissing', 'events', { row });
    const severity = distributionGuard('events', severityText, () => parseSeverity(severityText));
    const position = positions.get(id) ?? 0;
    positions.set(id, position + 1);
    return { cover, coverId: id, probability: (r.cells[1] as Decimal).toNumber(), severity, severityText, position };
  });
  try {
    checkIdHashes([...positions.keys()]);
  } catch (e) {
    if (e instanceof SimulationLimit) fail('simIdCollision', 'events', { got: e.detail });
    throw e;
  }
  // Units: cents, or 10^k of a currency unit when a term has k > 2 decimals, so every term is whole.
  const terms: Array<{ d: Decimal; argument: string }> = [];
  for (const c of tree.nodes) {
    if (c.perEvent) terms.push({ d: c.perEvent, argument: 'covers' });
    if (c.aggregate) terms.push({ d: c.aggregate, argument: 'covers' });
    terms.push({ d: c.deductible, argument: 'covers' });
  }
  if (policyAggregate) terms.push({ d: policyAggregate, argument: 'policy_aggregate' });
  if (policyPerClaim) terms.push({ d: policyPerClaim, argument: 'policy_per_claim' });
  const places = Math.max(2, ...terms.map((t) => decimalsOf(t.d)));
  // A term of 2^53 units or more (over 90 trillion in cents) is kept as its double (a limit that
  // large binds only in a year whose payments are themselves beyond exact doubles); a term with
  // more than 15 decimals cannot be made whole in a double at all.
  const units = (d: Decimal | null | undefined, argument: string): number => {
    if (d === null || d === undefined) return Infinity;
    if (places > 15) fail('simTermsTooLarge', argument, { got: d.toString() });
    return d.times(`1e${places}`).toNumber();
  };
  const coverList: SimCover[] = tree.nodes.map((c) => ({
    id: c.id,
    parent: c.parent,
    path: c.path,
    eventReach: c.eventReach,
    perEvent: units(c.perEvent, 'covers'),
    aggregate: units(c.aggregate, 'covers'),
    deductible: units(c.deductible, 'covers'),
  }));
  const canonical = JSON.stringify({
    v: ENGINE_VERSION,
    f: [frequency.family, frequency.params],
    r: rows.map((r) => [r.coverId, r.probability, r.severity.family, r.severity.params]),
    c: tree.nodes.map((c) => [c.id, c.parent, c.perEvent?.toString() ?? null, c.aggregate?.toString() ?? null, c.deductible.toString(), c.eventReach]),
    p: [policyAggregate?.toString() ?? null, policyPerClaim?.toString() ?? null],
  });
  const model: SimModel = {
    frequency,
    frequencyText,
    rows,
    covers: coverList,
    policyAggregate: units(policyAggregate, 'policy_aggregate'),
    policyPerEvent: units(policyPerClaim, 'policy_per_claim'),
    scale: 10 ** places,
    hash: textHash(canonical),
  };
  return { model, tree };
}

// ---- the memo -----------------------------------------------------------------------------------

/** Scope results by model hash, seed and years; least recently used first (Map order). */
const MEMO = new Map<string, Map<string, ScopeResult>>();
const MEMO_RUNS = 32;
/**
 * Up to this many years × scopes a run settles every scope at once (the total and each cover
 * with its descendants: 10,000 years of a 24-cover tree), so the stats, aep, oep and cover cells of
 * one model simulate once. Beyond it a run keeps the total and the scope asked for: each scope
 * costs 16 bytes a year and its own statistics, and a 1,000,000-year run of every cover would pass
 * the 64 MB the issue allows (cover cells of such a model then share one run per cover).
 */
const ALL_SCOPES_WORK = 250_000;

const scopeKey = (s: Scope): string => (s.kind === 'total' ? 'total' : `cover:${s.cover}`);

/** The statistics of `scope`, simulated once per model, seed and years. */
function scopeResult(model: SimModel, years: number, seed: number, scope: Scope): ScopeResult {
  const key = `${model.hash}|${seed}|${years}`;
  let entry = MEMO.get(key);
  if (entry) {
    MEMO.delete(key);
    MEMO.set(key, entry);
    const hit = entry.get(scopeKey(scope));
    if (hit) return hit;
  } else {
    entry = new Map();
    MEMO.set(key, entry);
    while (MEMO.size > MEMO_RUNS) MEMO.delete(MEMO.keys().next().value as string);
  }
  // Every scope in one run up to ALL_SCOPES_WORK years × scopes (the stats, aep, oep and cover
  // cells of one model then simulate once); otherwise the total and the scope asked for.
  const all: Scope[] = [{ kind: 'total' }, ...model.covers.map((_, cover): Scope => ({ kind: 'cover', cover }))];
  const wanted = years * all.length <= ALL_SCOPES_WORK ? all : scope.kind === 'total' ? [scope] : [{ kind: 'total' } as Scope, scope];
  const missing = wanted.filter((s) => !entry!.has(scopeKey(s)));
  runs++;
  const result = simulate(model, { years, seed, scopes: missing })!;
  for (const r of result.scopes) entry.set(scopeKey(r.scope), r);
  return entry.get(scopeKey(scope))!;
}

let runs = 0;
/** How many simulations the cell function has run (tests: the cells of one model share one). */
export function simulationRuns(): number {
  return runs;
}

/** Empties the memo (tests, and the bench's cold runs). */
export function clearSimulationMemo(): void {
  MEMO.clear();
}

// ---- the cell function --------------------------------------------------------------------------

function value(x: number): Decimal {
  if (!Number.isFinite(x)) fail('resultNotFinite', undefined, { got: String(x) });
  return fromNumber(x === 0 ? 0 : x);
}

function limitFailure(e: SimulationLimit, frequencyText: string, years: Decimal): never {
  if (e.kind === 'counts') return fail('simCountsTooLarge', 'frequency', { got: frequencyText, max: e.detail });
  if (e.kind === 'overflow') return fail('simOverflow', 'events', { got: e.detail });
  return fail('simWorkTooLarge', 'years', { got: years.toString(), work: e.detail, max: String(MAX_DRAWS) });
}

export const SIMULATE_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'SIMULATE',
    section: 11,
    description: {
      en: 'Simulates years of losses (frequency, events table, covers tree) and settles every year exactly as CYBER.ALLOCATE: "stats" (AAL, sd, standard error, probability of a paying year, VaR, TVaR, largest year, events and ground-up loss per year), "aep" or "oep" at return periods 2 to 1000; optionally for one cover and its descendants.',
      zh: '模拟多年损失（频率、事件表、保障树），每个年度均按 CYBER.ALLOCATE 精确理算："stats"（年均赔付、标准差、标准误差、发生赔付的年度概率、VaR、TVaR、最大年度、年均事件数与从零起算的年均损失），或重现期 2 至 1000 年的 "aep"、"oep"；可只统计某一保障及其下级。',
    },
    resultKind: 'table',
    articles: [SIMULATION.annualLoss, SAMSUNG.policyAggregate, SAMSUNG.sublimitsFirstParty, SAMSUNG.largestDeductible, SAMSUNG.relatedClaims],
    params: PARAMS,
    formula: '(no closed form: Monte Carlo over years; each year’s events settled as =CYBER.ALLOCATE(claims of the year, covers, policy_aggregate, policy_per_claim))',
    // One event a year, a loss of 500: the deductible 100 leaves 400, the per-event limit 400.
    example: {
      formula: '=CYBER.SIMULATE("bernoulli(1)", {"BI",1,"constant(500)"}, {"BI","",400,"",100}, "", "", 10)',
      result: '{Mean annual paid (AAL),400;Standard deviation,0;Standard error of the mean,0;Probability a year pays anything,1;VaR 90%,400;VaR 95%,400;VaR 99%,400;VaR 99.5%,400;VaR 99.6%,400;TVaR 99%,400;TVaR 99.5%,400;Largest annual paid,400;Mean number of events per year,1;Mean annual loss before terms (ground up),500}',
    },
    run: (a, t) => {
      const frequencyText = a.text('frequency');
      const { model } = buildModel(frequencyText, a.table('events'), a.table('covers'), a.optNum('policy_aggregate'), a.optNum('policy_per_claim'));
      const yearsD = a.num('years');
      const years = yearsD.toNumber();
      const seed = a.num('seed').toNumber();
      try {
        countTable(model.frequency);
      } catch (e) {
        if (e instanceof SimulationLimit) limitFailure(e, frequencyText, yearsD);
        throw e;
      }
      const draws = years * model.frequency.mean * model.rows.length;
      if (draws > MAX_DRAWS) fail('simWorkTooLarge', 'years', { got: yearsD.toString(), work: String(Math.round(draws)), max: String(MAX_DRAWS) });
      let scope: Scope = { kind: 'total' };
      const id = a.optText?.('cover');
      if (id !== undefined) {
        const k = model.covers.findIndex((c) => c.id === id);
        if (k < 0) fail('unknownCoverArgument', 'cover', { id });
        scope = { kind: 'cover', cover: k };
      }
      let r: ScopeResult;
      try {
        r = scopeResult(model, years, seed, scope);
      } catch (e) {
        if (e instanceof SimulationLimit) limitFailure(e, frequencyText, yearsD);
        throw e;
      }
      const s = r.stats;
      if (t.enabled) {
        // What the explain view shows: the run and its headline figures, each year settled as ALLOCATE.
        t.step({ en: `Years simulated (seed ${seed}, engine ${ENGINE_VERSION}, inputs ${model.hash})`, zh: `模拟年数（种子 ${seed}，引擎 ${ENGINE_VERSION}，输入 ${model.hash}）` }, fromNumber(years), SIMULATION.annualLoss);
        t.step({ en: 'Mean number of events per year', zh: '年均事件数' }, value(s.meanEvents), SIMULATION.annualLoss);
        t.step({ en: 'Mean annual loss before terms (ground up)', zh: '年均损失（适用条款前，从零起算）' }, value(s.meanGroundUp), SIMULATION.annualLoss);
        t.step({ en: 'Mean annual paid (AAL), each year settled as CYBER.ALLOCATE', zh: '年均赔付（AAL），每年均按 CYBER.ALLOCATE 理算' }, value(s.mean), SAMSUNG.largestDeductible);
      }
      const output = a.text('output');
      if (output === 'aep' || output === 'oep') return r[output].map(([T, v]) => [fromNumber(T), value(v)]);
      const values = [s.mean, s.sd, s.se, s.probabilityPaid, s.var90, s.var95, s.var99, s.var995, s.var996, s.tvar99, s.tvar995, s.max, s.meanEvents, s.meanGroundUp];
      const lang = a.language ?? 'en';
      return values.map((v, i) => [SIMULATE_LABELS[i][lang], value(v)]);
    },
  },
];

/** The result's rows for an `output` value (the sheet reserves them before evaluating). */
export function simulateRows(output: string | undefined): number {
  const o = (output ?? '').trim().toLowerCase();
  return o === 'aep' || o === 'oep' ? RETURN_PERIODS.length : SIMULATE_LABELS.length;
}

// ---- for the Simulate tab -----------------------------------------------------------------------

/** A model prepared from the cell arguments of CYBER.SIMULATE, with what the pane needs to re-settle a year. */
export interface PreparedSimulation {
  readonly model: SimModel;
  /** The call's years and seed (their defaults, 10,000 and 1, when not given). */
  readonly years: number;
  readonly seed: number;
  /** The CYBER.ALLOCATE arguments (claims, covers, policy_aggregate, policy_per_claim) that settle `year` exactly. */
  allocateArgs(year: SimYear): RawArgument[];
  /** Index of a cover id in model.covers, or undefined. */
  coverIndex(id: string): number | undefined;
}

/**
 * Checks CYBER.SIMULATE's arguments (frequency, events, covers, policy_aggregate,
 * policy_per_claim, and years and seed when given; output and cover are not read) exactly as the
 * cell function does, and builds the model.
 */
export function prepareSimulation(args: readonly (RawArgument | undefined)[]): { ok: true; value: PreparedSimulation } | { ok: false; error: EngineError } {
  const fnName = 'CYBER.SIMULATE';
  const propagated = firstErrorValue(args);
  if (propagated) {
    const t = propagated.message || propagated.error;
    return { ok: false, error: { code: propagated.error, rule: 'propagated', message: { en: t, zh: t } } };
  }
  try {
    const v = PARAMS.slice(0, 7).map((p, i) => coerceArgument(args[i] ?? null, p));
    const { model, tree } = buildModel(v[0] as string, v[1] as Table, v[2] as Table, v[3] as Decimal | undefined, v[4] as Decimal | undefined);
    const covers = args[2] as RawArgument;
    // A header row first, so that a year without claims is still a table (ALLOCATE then answers
    // "payable" beside it); amounts as numbers, whose shortest decimal form is the exact cents.
    const claimsArg = (year: SimYear): RawArgument => [
      ['event', 'cover', 'amount'],
      ...claimsOfYear(model, year).map(([event, cover, amountText]): [string, string, number] => [event, cover, Number(amountText)]),
    ];
    return {
      ok: true,
      value: {
        model,
        years: (v[5] as Decimal).toNumber(),
        seed: (v[6] as Decimal).toNumber(),
        allocateArgs: (year) => [claimsArg(year), covers, args[3] ?? null, args[4] ?? null],
        coverIndex: (id) => tree.byId.get(id),
      },
    };
  } catch (e) {
    if (e instanceof InputFailure) {
      const spec = PARAMS.find((p) => p.name === e.argument);
      return { ok: false, error: makeError(e.key, fnName, spec ? { name: spec.name, zh: spec.label.zh } : undefined, e.params) };
    }
    throw e;
  }
}
