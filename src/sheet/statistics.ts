/**
 * Excel's statistical functions where HyperFormula 3.5's result differs from Excel's, as one
 * FunctionPlugin registered after the others (src/sheet/excelFunctions.ts registerExcelFunctions),
 * each written from Microsoft's page for it:
 *
 * - the t and F distributions (T.DIST, T.DIST.2T, T.DIST.RT, TDIST, T.INV, T.INV.2T, TINV,
 *   F.DIST, F.DIST.RT, FDIST, F.INV, F.INV.RT, FINV, CONFIDENCE.T): HyperFormula's jStat differs
 *   from Excel from the 8th significant digit; here they are the regularised incomplete beta
 *   function and its inverse (@stdlib, ports of Boost's), exact to the last digits;
 * - the conditional aggregates COUNTIF, COUNTIFS, SUMIF, SUMIFS, AVERAGEIF, AVERAGEIFS, MAXIFS, MINIFS when
 *   HyperFormula cannot read the criterion as Excel does: an error value as criterion (it matches
 *   the cells holding that error), a comparison with a logical value ("<=TRUE"), a reference to
 *   an empty cell ("the function treats the empty cell as a 0 value", COUNTIFS' page); and
 *   AVERAGEIF(S), MAXIFS, MINIFS always, whose errors of the values at matching cells are the result
 *   (HyperFormula skips them). Otherwise HyperFormula's own (cached) computation runs;
 * - the aggregates AVERAGE, MEDIAN, STDEV.S, VAR.P, GEOMEAN, KURT, … (AGGREGATES) with Excel's
 *   argument rules: text typed directly that is not a number is #VALUE!, text and logical values
 *   of a single-cell reference are ignored like those of a range; arguments that are all ranges
 *   and numbers run the computation registered before (HyperFormula's, or KURT's in
 *   src/sheet/excelFunctions.ts);
 * - VDB with Excel's periods for a fractional start_period, and PERMUT without recursion;
 * - BETA.DIST, BETA.INV, HYPGEOM.DIST with Excel's bounds (x = A or B, zeros, the cumulative 1
 *   above min(number_sample, population_s)); IRR of values holding an error (#VALUE!), PPMT and
 *   IPMT of a per outside 1 … nper (#NUM!).
 *
 * Like HyperFormula, this file is GPL-side only: never in the add-in.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { FunctionMetadata, ImplementedFunctions } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import betainc from '@stdlib/math-base-special-betainc';
import betaincinv from '@stdlib/math-base-special-betaincinv';
import gammaln from '@stdlib/math-base-special-gammaln';
import gammainc from '@stdlib/math-base-special-gammainc';
import erfc from '@stdlib/math-base-special-erfc';
import { gridOf, type Scalar } from './dynamicArrays';
import { criterion } from './excelFunctions';

const num = (why: string): CellError => new CellError(ErrorType.NUM, why);

/** Regularised incomplete beta I_x(a, b), its inverse in x, and the inverse of its complement 1 − I_x(a, b). */
const betaI = (a: number, b: number, x: number): number => betainc(x, a, b, true, false);
const betaIInv = (a: number, b: number, p: number): number => betaincinv(p, a, b, false);
const betaIcInv = (a: number, b: number, q: number): number => betaincinv(q, a, b, true);
const exp = Math.exp;
const ln = Math.log;

// ---- the t and F distributions -----------------------------------------------------------------

/** P(T > t) for Student's t with df degrees of freedom: ½ I(df/(df+t²); df/2, ½), no 1 − cdf cancellation. */
export function tUpper(t: number, df: number): number {
  const half = 0.5 * betaI(df / 2, 0.5, df / (df + t * t));
  return t >= 0 ? half : 1 - half;
}

/** Student's t density. */
export function tDensity(t: number, df: number): number {
  return exp(gammaln((df + 1) / 2) - gammaln(df / 2) - 0.5 * ln(df * Math.PI) - ((df + 1) / 2) * ln(1 + (t * t) / df));
}

/** The t ≥ 0 with P(T > t) = q, for q ≤ ½: t = √(df (1 − x)/x) with x = I⁻¹(2q; df/2, ½). */
function tUpperInverse(q: number, df: number): number {
  const x = betaIInv(df / 2, 0.5, 2 * q);
  return Math.sqrt((df * (1 - x)) / x);
}

/** The t with P(T ≤ t) = p. */
export function tQuantile(p: number, df: number): number {
  return p < 0.5 ? -tUpperInverse(p, df) : p === 0.5 ? 0 : tUpperInverse(1 - p, df);
}

/** P(F ≤ x) for the F distribution with d1, d2 degrees of freedom. */
export function fCdf(x: number, d1: number, d2: number): number {
  return x <= 0 ? 0 : betaI(d1 / 2, d2 / 2, (d1 * x) / (d1 * x + d2));
}

/** P(F > x), computed directly: I(d2/(d2 + d1 x); d2/2, d1/2). */
export function fUpper(x: number, d1: number, d2: number): number {
  return x <= 0 ? 1 : betaI(d2 / 2, d1 / 2, d2 / (d2 + d1 * x));
}

/** The F density. */
export function fDensity(x: number, d1: number, d2: number): number {
  if (x < 0) return 0;
  if (x === 0) return d1 < 2 ? Infinity : d1 === 2 ? 1 : 0;
  const lb = gammaln(d1 / 2) + gammaln(d2 / 2) - gammaln((d1 + d2) / 2);
  return exp((d1 / 2) * ln(d1 / d2) + (d1 / 2 - 1) * ln(x) - ((d1 + d2) / 2) * ln(1 + (d1 * x) / d2) - lb);
}

/** The x with P(F ≤ x) = p. */
export function fQuantile(p: number, d1: number, d2: number): number {
  const y = betaIInv(d1 / 2, d2 / 2, p);
  return (d2 * y) / (d1 * (1 - y));
}

/** The x with P(F > x) = q, from q itself (I⁻¹ of the complementary tail). */
export function fUpperQuantile(q: number, d1: number, d2: number): number {
  const y = betaIcInv(d1 / 2, d2 / 2, q);
  return (d2 * y) / (d1 * (1 - y));
}

/** A finite number, or #NUM! naming the function. */
function finite(x: number, name: string): number | CellError {
  return Number.isFinite(x) ? x : num(`${name}: the result is not a finite number.`);
}

// ---- VDB, PERMUT --------------------------------------------------------------------------------

/**
 * Excel's VDB: declining balance at `factor` (rate factor/life of the value at each period's
 * start), switching to straight line ((value − salvage) / remaining life) when that is larger,
 * unless noSwitch. Excel's periods start at the fractional part of start_period: VDB(1,0,14,2.5,3.5,1.25)
 * is the period from 2.5 to 3.5 after a first part-period from 0 to 0.5 (0.0707476519…, not the
 * halves of periods 3 and 4); the last period ends at life; a fraction of a period is that share of it.
 */
export function vdb(cost: number, salvage: number, life: number, start: number, end: number, factor = 2, noSwitch = false): number | undefined {
  if (cost < 0 || salvage < 0 || life <= 0 || start < 0 || end < start || end > life || factor <= 0) return undefined;
  const offset = start - Math.floor(start);
  const rate = factor / life;
  let t = 0;
  let value = cost;
  let switched = false;
  let total = 0;
  while (t < end - 1e-12) {
    const length = Math.min(t === 0 && offset > 0 ? offset : 1, life - t);
    if (length <= 0) break;
    const declining = Math.min(value * rate * length, Math.max(0, value - salvage));
    const straight = ((value - salvage) * length) / (life - t);
    let d = declining;
    if (!noSwitch && (switched || straight > declining)) {
      switched = true;
      d = straight;
    }
    d = Math.max(0, Math.min(d, value - salvage));
    const overlap = Math.min(end, t + length) - Math.max(start, t);
    if (overlap > 0) total += (d * overlap) / length;
    value -= d;
    t += length;
  }
  return total;
}

/**
 * PERMUT(number, number_chosen): number!/(number − number_chosen)!, both truncated, as a product
 * of number_chosen factors (formulajs' recursive factorial overflowed the stack). "If number ≤ 0
 * or if number_chosen < 0, PERMUT returns the #NUM! error value. If number < number_chosen,
 * PERMUT returns the #NUM! error value."
 */
export function permut(x: number, y: number): number | CellError {
  const n = Math.trunc(x);
  const k = Math.trunc(y);
  if (n <= 0 || k < 0 || n < k) return num('PERMUT: needs number > 0 and 0 ≤ number_chosen ≤ number.');
  let p = 1;
  for (let i = 0; i < k && Number.isFinite(p); i++) p *= n - i;
  return Number.isFinite(p) ? p : num('PERMUT: the result is too large.');
}

// ---- beta and hypergeometric distributions --------------------------------------------------

/**
 * BETA.DIST(x, alpha, beta, cumulative, [A], [B]): "If alpha ≤ 0 or beta ≤ 0, BETA.DIST returns
 * the #NUM! error value. If x < A, x > B, or A = B, BETA.DIST returns the #NUM! error value" —
 * x = A and x = B are in the interval (BETA.DIST(1,60,0.7,TRUE) is 1 in Excel).
 */
export function betaDist(x: number, alpha: number, beta: number, cumulative: boolean, a: number, b: number): number | CellError {
  if (alpha <= 0 || beta <= 0) return num('BETA.DIST: alpha and beta must be > 0.');
  if (x < a || x > b || a === b) return num('BETA.DIST: x must be within [A, B], A ≠ B.');
  const z = (x - a) / (b - a);
  if (cumulative) return betaI(alpha, beta, z);
  const density = Math.exp((alpha - 1) * Math.log(z) + (beta - 1) * Math.log1p(-z) - (gammaln(alpha) + gammaln(beta) - gammaln(alpha + beta))) / (b - a);
  return finite(density, 'BETA.DIST');
}

/** BETA.INV(probability, alpha, beta, [A], [B]): #NUM! unless 0 < probability < 1 (Excel's BETA.INV(1,3,2) is #NUM!), alpha, beta > 0, A < B. */
export function betaInv(p: number, alpha: number, beta: number, a: number, b: number): number | CellError {
  if (!(p > 0 && p < 1)) return num('BETA.INV: probability must be between 0 and 1.');
  if (alpha <= 0 || beta <= 0) return num('BETA.INV: alpha and beta must be > 0.');
  if (a >= b) return num('BETA.INV: A must be less than B.');
  return a + (b - a) * betaIInv(alpha, beta, p);
}

/** ln C(n, k). */
function lnChoose(n: number, k: number): number {
  return gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1);
}

/**
 * HYPGEOM.DIST(sample_s, number_sample, population_s, number_pop, cumulative), all truncated:
 * C(K, x) C(N − K, n − x) / C(N, n). #NUM! for a negative argument, number_sample or population_s
 * above number_pop, and (the mass) sample_s outside [max(0, n − N + K), min(n, K)]; the
 * cumulative distribution is 1 from min(n, K) on (Excel: HYPGEOM.DIST(5,3,2,30,TRUE) is 1, and
 * HYPGEOM.DIST(0,0,0,0,FALSE) is 1).
 */
export function hypgeomDist(xs: number, ns: number, ks: number, nps: number, cumulative: boolean): number | CellError {
  const [x, n, k, np] = [xs, ns, ks, nps].map(Math.trunc);
  if (x < 0 || n < 0 || k < 0 || np < 0 || n > np || k > np) return num('HYPGEOM.DIST: needs 0 ≤ number_sample, population_s ≤ number_pop and sample_s ≥ 0.');
  const lo = Math.max(0, n - np + k);
  const hi = Math.min(n, k);
  const mass = (i: number): number => Math.exp(lnChoose(k, i) + lnChoose(np - k, n - i) - lnChoose(np, n));
  if (!cumulative) return x < lo || x > hi ? num('HYPGEOM.DIST: sample_s is outside its possible values.') : mass(x);
  if (x >= hi) return 1;
  let total = 0;
  for (let i = lo; i <= x; i++) total += mass(i);
  return Math.min(1, total);
}

// ---- tests: CHISQ.TEST, Z.TEST ----------------------------------------------------------------

/**
 * CHISQ.TEST(actual_range, expected_range): P(χ² > Σ (A − E)²/E) with df = (r − 1)(c − 1) of
 * actual_range's r rows and c columns, or r − 1 / c − 1 for one column / row ("If actual_range
 * and expected_range have a different number of data points, CHISQ.TEST returns the #N/A error
 * value"; the two are paired in reading order, a pair without two numbers skipped).
 */
export function chisqTest(actual: Scalar[][], expected: Scalar[][]): number | CellError {
  const a = actual.flat();
  const e = expected.flat();
  const error = [...a, ...e].find((v): v is CellError => v instanceof CellError);
  if (error) return error;
  if (a.length !== e.length) return new CellError(ErrorType.NA, 'CHISQ.TEST: the ranges hold different numbers of values.');
  const r = actual.length;
  const c = actual[0]?.length ?? 0;
  const df = r > 1 && c > 1 ? (r - 1) * (c - 1) : Math.max(r, c) - 1;
  if (df < 1) return new CellError(ErrorType.NA, 'CHISQ.TEST: needs more than one value.');
  let chi = 0;
  let pairs = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = e[i];
    if (typeof x !== 'number' || typeof y !== 'number') continue;
    if (y === 0) return divZero('CHISQ.TEST', 'an expected value is 0.');
    chi += (x - y) ** 2 / y;
    pairs++;
  }
  if (pairs === 0) return divZero('CHISQ.TEST', 'no pairs of numbers.');
  return gammainc(chi / 2, df / 2, true, true);
}

/**
 * Z.TEST(array, x, [sigma]): 1 − Φ((mean − x) / (σ / √n)), σ the sample standard deviation when
 * omitted. Excel: fewer than 2 numbers is #DIV/0! (also with sigma), a sigma ≤ 0 #NUM!, no
 * numbers #N/A ("If array is empty, Z.TEST returns the #N/A error value").
 */
export function zTest(values: readonly number[], x: number, sigma: number | undefined): number | CellError {
  const n = values.length;
  if (n === 0) return new CellError(ErrorType.NA, 'Z.TEST: the array holds no numbers.');
  if (n < 2) return divZero('Z.TEST', 'needs at least 2 numbers.');
  if (sigma !== undefined && sigma <= 0) return num('Z.TEST: sigma must be > 0.');
  const s = sigma ?? Math.sqrt(centralSum(values, 2) / (n - 1));
  if (s === 0) return divZero('Z.TEST', 'the standard deviation is 0.');
  const z = (mean(values) - x) / (s / Math.sqrt(n));
  return 0.5 * erfc(z / Math.SQRT2);
}

// ---- the plugin --------------------------------------------------------------------------------

/** The distributions replaced here, with the method computing each (HyperFormula's metadata kept, its bounds checked here). */
const DISTRIBUTIONS: Readonly<Record<string, string>> = {
  'T.DIST': 'tdist',
  'T.DIST.2T': 'tdist2t',
  'T.DIST.RT': 'tdistrt',
  TDIST: 'tdistold',
  'T.INV': 'tinv',
  'T.INV.2T': 'tinv2t',
  TINV: 'tinv2t',
  'F.DIST': 'fdist',
  'F.DIST.RT': 'fdistrt',
  FDIST: 'fdistrt',
  'F.INV': 'finv',
  'F.INV.RT': 'finvrt',
  FINV: 'finvrt',
  'CONFIDENCE.T': 'confidencet',
};

/** The conditional aggregates taken over when HyperFormula's criterion reading differs from Excel's. */
const CONDITIONAL: Readonly<Record<string, string>> = {
  COUNTIF: 'countif',
  COUNTIFS: 'countifs',
  SUMIF: 'sumif',
  SUMIFS: 'sumifs',
  AVERAGEIF: 'averageif',
  AVERAGEIFS: 'averageifs',
  MAXIFS: 'maxifs',
  MINIFS: 'minifs',
};

/** A criterion HyperFormula reads differently from Excel: an error, a blank, or a comparison with TRUE / FALSE. */
export function excelOnlyCriterion(c: unknown): boolean {
  return gridOf(c)
    .flat()
    .some((v) => v instanceof CellError || v === null || (typeof v === 'string' && /^\s*(<=|>=|<>|<|>|=)\s*(TRUE|FALSE)\s*$/i.test(v)));
}

/** Excel's criterion test (src/sheet/excelFunctions.ts criterion), an empty criterion cell read as 0 and an error matching that error. */
export function excelCriterion(c: unknown): (v: Scalar) => boolean {
  const v = gridOf(c)[0][0];
  // "If the criteria argument is a reference to an empty cell, the COUNTIFS function treats the
  // empty cell as a 0 value" (Microsoft's COUNTIFS page).
  if (v === null) return (x) => x === 0;
  if (v instanceof CellError) return (x) => x instanceof CellError && x.type === v.type;
  return criterion(v);
}

type Reduce = 'count' | 'sum' | 'average' | 'max' | 'min';

/**
 * A conditional aggregate over `values` (undefined for COUNTIF(S)) of the cells meeting every
 * (range, criterion) pair, or the error Excel gives: ranges of other sizes are #VALUE!, an error at
 * a matching cell of the values is the result.
 */
export function conditionalAggregate(name: string, reduce: Reduce, values: Scalar[] | undefined, pairs: ReadonlyArray<[Scalar[], unknown]>): number | CellError {
  const size = values?.length ?? pairs[0][0].length;
  const tests = pairs.map(([range, c]) => ({ range, test: excelCriterion(c) }));
  if (tests.some((t) => t.range.length !== size)) return new CellError(ErrorType.VALUE, `${name}: every criteria range must have the size of the first range.`);
  let count = 0;
  let sum = 0;
  let best: number | undefined;
  for (let i = 0; i < size; i++) {
    if (!tests.every((t) => t.test(t.range[i]))) continue;
    if (values === undefined) {
      count++;
      continue;
    }
    const v = values[i];
    if (v instanceof CellError) return v;
    if (typeof v !== 'number') continue;
    count++;
    sum += v;
    best = best === undefined ? v : reduce === 'max' ? Math.max(best, v) : Math.min(best, v);
  }
  if (reduce === 'count') return count;
  if (reduce === 'sum') return sum;
  if (reduce === 'average') return count === 0 ? new CellError(ErrorType.DIV_BY_ZERO, `${name}: no cell meets the criteria.`) : sum / count;
  return best ?? 0;
}

const flatOf = (v: unknown): Scalar[] => gridOf(v).flat();

// ---- the statistical aggregates over numbers -------------------------------------------------

const divZero = (name: string, why: string): CellError => new CellError(ErrorType.DIV_BY_ZERO, `${name}: ${why}`);

function mean(x: readonly number[]): number {
  return x.reduce((s, v) => s + v, 0) / x.length;
}

/** Σ (x − mean)^power. */
function centralSum(x: readonly number[], power: number): number {
  const m = mean(x);
  return x.reduce((s, v) => s + (v - m) ** power, 0);
}

function median(x: readonly number[]): number {
  const a = [...x].sort((p, q) => p - q);
  const h = Math.floor(a.length / 2);
  return a.length % 2 ? a[h] : (a[h - 1] + a[h]) / 2;
}

/** Each aggregate of numbers, as Microsoft's page for it defines it, with its result for too few numbers. */
export const AGGREGATES: Readonly<Record<string, (x: readonly number[]) => number | CellError>> = {
  AVEDEV: (x) => (x.length === 0 ? num('AVEDEV: no numbers.') : mean(x.map((v) => Math.abs(v - mean(x))))),
  AVERAGE: (x) => (x.length === 0 ? divZero('AVERAGE', 'no numbers.') : mean(x)),
  AVERAGEA: (x) => (x.length === 0 ? divZero('AVERAGEA', 'no values.') : mean(x)),
  DEVSQ: (x) => (x.length === 0 ? num('DEVSQ: no numbers.') : centralSum(x, 2)),
  GEOMEAN: (x) => (x.length === 0 || x.some((v) => v <= 0) ? num('GEOMEAN: needs positive numbers.') : Math.exp(mean(x.map(Math.log)))),
  HARMEAN: (x) => (x.length === 0 || x.some((v) => v <= 0) ? num('HARMEAN: needs positive numbers.') : x.length / x.reduce((s, v) => s + 1 / v, 0)),
  KURT: (x) => {
    const n = x.length;
    if (n < 4) return divZero('KURT', 'needs at least 4 numbers.');
    const s2 = centralSum(x, 2) / (n - 1);
    if (s2 === 0) return divZero('KURT', 'the standard deviation is 0.');
    return ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * (centralSum(x, 4) / (s2 * s2)) - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
  },
  MAX: (x) => (x.length === 0 ? 0 : Math.max(...x)),
  MAXA: (x) => (x.length === 0 ? 0 : Math.max(...x)),
  MEDIAN: (x) => (x.length === 0 ? num('MEDIAN: no numbers.') : median(x)),
  MIN: (x) => (x.length === 0 ? 0 : Math.min(...x)),
  MINA: (x) => (x.length === 0 ? 0 : Math.min(...x)),
  SKEW: (x) => {
    const n = x.length;
    if (n < 3) return divZero('SKEW', 'needs at least 3 numbers.');
    const s = Math.sqrt(centralSum(x, 2) / (n - 1));
    if (s === 0) return divZero('SKEW', 'the standard deviation is 0.');
    return (n / ((n - 1) * (n - 2))) * (centralSum(x, 3) / s ** 3);
  },
  'SKEW.P': (x) => {
    const n = x.length;
    if (n === 0) return divZero('SKEW.P', 'no numbers.');
    const s = Math.sqrt(centralSum(x, 2) / n);
    if (s === 0) return divZero('SKEW.P', 'the standard deviation is 0.');
    return centralSum(x, 3) / n / s ** 3;
  },
  ...Object.fromEntries(
    ['STDEV.S', 'STDEV', 'STDEVA', 'VAR.S', 'VAR', 'VARA'].map((id) => [
      id,
      (x: readonly number[]) => (x.length < 2 ? divZero(id, 'needs at least 2 numbers.') : id.startsWith('STDEV') ? Math.sqrt(centralSum(x, 2) / (x.length - 1)) : centralSum(x, 2) / (x.length - 1)),
    ]),
  ),
  ...Object.fromEntries(
    ['STDEV.P', 'STDEVP', 'STDEVPA', 'VAR.P', 'VARP', 'VARPA'].map((id) => [
      id,
      (x: readonly number[]) => (x.length < 1 ? divZero(id, 'no numbers.') : id.startsWith('STDEV') ? Math.sqrt(centralSum(x, 2) / x.length) : centralSum(x, 2) / x.length),
    ]),
  ),
};

/** The aggregates that count text (as 0) and logical values (1, 0) of references: Excel's "…A" functions. */
const COUNTS_TEXT = new Set(['AVERAGEA', 'MAXA', 'MINA', 'STDEVA', 'STDEVPA', 'VARA', 'VARPA']);

/** Aggregates whose result for no numbers HyperFormula gives differently (0 for #NUM!, …): always computed here. */
const ALWAYS_OWN = new Set(['AVEDEV', 'DEVSQ', 'MEDIAN']);

/** Argument nodes whose values HyperFormula reads as Excel does (ranges and number literals). */
const PLAIN_ARGUMENTS = new Set(['CELL_RANGE', 'COLUMN_RANGE', 'ROW_RANGE', 'NUMBER']);

export class StatisticsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  // -- t distribution

  tdist(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('T.DIST'), (x: number, deg: number, cumulative: boolean) => {
      const df = Math.trunc(deg);
      // "If deg_freedom < 1, T.DIST returns an error value": Excel's density with 0 degrees of
      // freedom (T.DIST(x,,)) is #DIV/0!, every other case #NUM!.
      if (df < 1) return !cumulative && df === 0 ? new CellError(ErrorType.DIV_BY_ZERO, 'T.DIST: deg_freedom is 0.') : num('T.DIST: deg_freedom must be at least 1.');
      return finite(cumulative ? 1 - tUpper(x, df) : tDensity(x, df), 'T.DIST');
    });
  }

  tdist2t(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('T.DIST.2T'), (x: number, deg: number) => finite(2 * tUpper(x, Math.trunc(deg)), 'T.DIST.2T'));
  }

  tdistrt(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('T.DIST.RT'), (x: number, deg: number) => finite(tUpper(x, Math.trunc(deg)), 'T.DIST.RT'));
  }

  /** TDIST(x, deg_freedom, tails): one or two tails of P(T > x). */
  tdistold(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('TDIST'), (x: number, deg: number, tails: number) => finite(tails * tUpper(x, Math.trunc(deg)), 'TDIST'));
  }

  tinv(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('T.INV'), (p: number, deg: number) => finite(tQuantile(p, Math.trunc(deg)), 'T.INV'));
  }

  /** T.INV.2T / TINV(probability, deg_freedom): the t with P(|T| > t) = probability. */
  tinv2t(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata(ast.procedureName.toUpperCase() === 'TINV' ? 'TINV' : 'T.INV.2T'), (p: number, deg: number) =>
      finite(p === 1 ? 0 : tUpperInverse(p / 2, Math.trunc(deg)), 'T.INV.2T'),
    );
  }

  // -- F distribution

  fdist(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('F.DIST'), (x: number, d1: number, d2: number, cumulative: boolean) => {
      const a = Math.trunc(d1);
      const b = Math.trunc(d2);
      return finite(cumulative ? fCdf(x, a, b) : fDensity(x, a, b), 'F.DIST');
    });
  }

  fdistrt(ast: ProcedureAst, state: InterpreterState): unknown {
    const name = ast.procedureName.toUpperCase() === 'FDIST' ? 'FDIST' : 'F.DIST.RT';
    return this.runFunction(ast.args, state, this.metadata(name), (x: number, d1: number, d2: number) => finite(fUpper(x, Math.trunc(d1), Math.trunc(d2)), name));
  }

  finv(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('F.INV'), (p: number, d1: number, d2: number) => finite(fQuantile(p, Math.trunc(d1), Math.trunc(d2)), 'F.INV'));
  }

  finvrt(ast: ProcedureAst, state: InterpreterState): unknown {
    const name = ast.procedureName.toUpperCase() === 'FINV' ? 'FINV' : 'F.INV.RT';
    return this.runFunction(ast.args, state, this.metadata(name), (p: number, d1: number, d2: number) => finite(fUpperQuantile(p, Math.trunc(d1), Math.trunc(d2)), name));
  }

  /**
   * CONFIDENCE.T(alpha, standard_dev, size): T.INV.2T(alpha, size − 1) · standard_dev / √size;
   * the bounds are checked once every argument is read (a text size is #VALUE! before a negative
   * standard_dev is #NUM!).
   */
  confidencet(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('CONFIDENCE.T'), (alpha: number, sd: number, size: number) => {
      if (!(alpha > 0 && alpha < 1) || !(sd > 0) || size < 1) return num('CONFIDENCE.T: needs 0 < alpha < 1, standard_dev > 0, size ≥ 1.');
      const n = Math.trunc(size);
      if (n === 1) return new CellError(ErrorType.DIV_BY_ZERO, 'CONFIDENCE.T: size is 1.');
      return finite((tUpperInverse(alpha / 2, n - 1) * sd) / Math.sqrt(n), 'CONFIDENCE.T');
    });
  }

  // -- aggregates: Excel's argument rules

  /**
   * The numbers of an aggregate's arguments as Microsoft's pages put it: "Logical values and text
   * representations of numbers that you type directly into the list of arguments are counted. If
   * an argument is an array or reference, only numbers in that array or reference are counted;
   * empty cells, logical values, or text in the array or reference are ignored. Arguments that are
   * error values or text that cannot be translated into numbers cause errors." The "…A" functions
   * count text of a reference as 0 and its logical values as 1 and 0.
   */
  private aggregateNumbers(name: string, ast: ProcedureAst, state: InterpreterState): number[] | CellError {
    const countsText = COUNTS_TEXT.has(name);
    const out: number[] = [];
    for (const arg of ast.args) {
      const v = this.evaluateAst(arg, state);
      const reference = v instanceof SimpleRangeValue || arg.type === 'CELL_REFERENCE' || arg.type === 'NAMED_EXPRESSION';
      for (const x of gridOf(v).flat()) {
        if (x instanceof CellError) return x;
        if (typeof x === 'number') out.push(x);
        else if (reference) {
          if (!countsText || x === null) continue;
          out.push(typeof x === 'boolean' ? Number(x) : 0);
        } else if (x === null) {
          // An omitted argument (AVERAGE(1,)) is 0; a blank from a function (a reference it returns) is skipped.
          if (arg.type === 'EMPTY') out.push(0);
        } else if (typeof x === 'boolean') out.push(Number(x));
        else {
          const n = x.trim() === '' ? undefined : this.arithmeticHelper.coerceToMaybeNumber(x);
          if (n !== undefined) out.push(typeof n === 'number' ? n : Number((n as { val: number }).val));
          // Text typed directly is #VALUE!; text a function returns (perhaps from a reference: INDEX,
          // OFFSET, IF) is skipped as HyperFormula skips it.
          else if (arg.type === 'STRING') return new CellError(ErrorType.VALUE, `${name}: "${x}" is not a number.`);
        }
      }
    }
    return out;
  }

  aggregate(ast: ProcedureAst, state: InterpreterState): unknown {
    const name = ast.procedureName.toUpperCase();
    const compute = AGGREGATES[name];
    if (!compute) return new CellError(ErrorType.NAME, `${name}: not available.`);
    if (!ALWAYS_OWN.has(name) && ast.args.every((a) => PLAIN_ARGUMENTS.has(a.type))) return this.original(name, ast, state);
    const x = this.aggregateNumbers(name, ast, state);
    if (x instanceof CellError) return x;
    const r = compute(x);
    return typeof r === 'number' ? finite(r, name) : r;
  }

  vdb(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('VDB'), (cost: number, salvage: number, life: number, start: number, end: number, factor: number, noSwitch: boolean) =>
      vdb(cost, salvage, life, start, end, factor, noSwitch) ?? num('VDB: needs cost, salvage ≥ 0, life > 0, 0 ≤ start ≤ end ≤ life, factor > 0.'),
    );
  }

  permut(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('PERMUT'), permut);
  }

  /** COUNTBLANK(range): empty cells, and "Cells with formulas that return "" (empty text) are also counted." */
  countblank(ast: ProcedureAst, state: InterpreterState): unknown {
    let count = 0;
    for (const arg of ast.args) {
      for (const x of gridOf(this.evaluateAst(arg, state)).flat()) if (x === null || x === '') count++;
    }
    return count;
  }

  betadist(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('BETA.DIST'), betaDist);
  }

  betainv(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('BETA.INV'), betaInv);
  }

  hypgeomdist(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('HYPGEOM.DIST'), hypgeomDist);
  }

  /** IRR(values, [guess]): Excel's IRR of values holding an error value is #VALUE! (whichever error); else the computation registered before. */
  irr(ast: ProcedureAst, state: InterpreterState): unknown {
    const values = ast.args[0] ? gridOf(this.evaluateAst(ast.args[0], state)).flat() : [];
    if (values.some((v) => v instanceof CellError)) return new CellError(ErrorType.VALUE, 'IRR: the values hold an error.');
    return this.original('IRR', ast, state);
  }

  /** PPMT / IPMT: "per … must be in the range 1 to nper" (#NUM! otherwise); else the computation registered before. */
  payment(ast: ProcedureAst, state: InterpreterState): unknown {
    const name = ast.procedureName.toUpperCase() === 'IPMT' ? 'IPMT' : 'PPMT';
    const check = this.runFunction(ast.args.slice(0, 3), state, PERIOD_CHECK, (_rate: number, per: number, nper: number) =>
      per < 1 || per > nper ? num(`${name}: per must be in the range 1 to nper.`) : 0,
    );
    if (check instanceof CellError && check.type === ErrorType.NUM) return check;
    return this.original(name, ast, state);
  }

  chisqtest(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('CHISQ.TEST'), (actual: unknown, expected: unknown) => chisqTest(gridOf(actual), gridOf(expected)));
  }

  ztest(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('Z.TEST'), (range: unknown, x: number, sigma: number | undefined) => {
      const values = gridOf(range).flat();
      const error = values.find((v): v is CellError => v instanceof CellError);
      return error ?? zTest(values.filter((v): v is number => typeof v === 'number'), x, sigma);
    });
  }

  /**
   * NPV(rate, value1, …): Σ value_i / (1 + rate)^i over the values counted as AVERAGE counts
   * them: "If an argument is an array or reference, only numbers in that array or reference are
   * counted" — an empty cell, text or a logical value of a single-cell reference is no period.
   */
  npv(ast: ProcedureAst, state: InterpreterState): unknown {
    if (ast.args.slice(1).every((a) => PLAIN_ARGUMENTS.has(a.type))) return this.original('NPV', ast, state);
    const rate = ast.args[0] ? this.arithmeticHelper.coerceScalarToNumberOrError(gridOf(this.evaluateAst(ast.args[0], state))[0][0] ?? 0) : 0;
    if (rate instanceof CellError) return rate;
    const values = this.aggregateNumbers('NPV', { ...ast, args: ast.args.slice(1) }, state);
    if (values instanceof CellError) return values;
    const r = Number(rate);
    return finite(values.reduce((s, v, i) => s + v / (1 + r) ** (i + 1), 0), 'NPV');
  }

  /** XNPV(rate, values, dates): Excel's XNPV of a rate ≤ 0 is #NUM!; else the computation registered before. */
  xnpv(ast: ProcedureAst, state: InterpreterState): unknown {
    const check = this.runFunction(ast.args.slice(0, 1), state, RATE_CHECK, (rate: number) => (rate <= 0 ? num('XNPV: rate must be > 0.') : 0));
    if (check instanceof CellError && check.type === ErrorType.NUM) return check;
    return this.original('XNPV', ast, state);
  }

  /**
   * PERCENTILE / QUARTILE (.INC, .EXC): Excel's result is an error of k (quart) first, then an
   * error of the array, and only then the check of k's bounds; else the computation registered before.
   */
  percentile(ast: ProcedureAst, state: InterpreterState): unknown {
    const name = ast.procedureName.toUpperCase();
    if (ast.args.length !== 2) return this.original(name, ast, state);
    const k = this.evaluateAst(ast.args[1], state);
    if (k instanceof CellError || k instanceof SimpleRangeValue) return this.original(name, ast, state);
    const error = gridOf(this.evaluateAst(ast.args[0], state))
      .flat()
      .find((v): v is CellError => v instanceof CellError);
    return error ?? this.original(name, ast, state);
  }

  /**
   * A distribution whose bounds HyperFormula checks argument by argument: Excel gives an error or
   * a wrong type of any argument (CONFIDENCE.NORM(0.05,-1,"TRUE") is #VALUE!) before a bound of
   * an earlier one (#NUM!). The arguments are first read without bounds; then Excel's own extra
   * bounds (EXTRA_BOUNDS); then the computation registered before, with its bounds.
   */
  boundsLast(ast: ProcedureAst, state: InterpreterState): unknown {
    const name = ast.procedureName.toUpperCase();
    const loose = LOOSE.get(name);
    if (loose) {
      const extra = EXTRA_BOUNDS[name];
      const check = this.runFunction(ast.args, state, loose, (...args: unknown[]) => (extra?.(args as number[]) ? num(`${name}: an argument is outside its bounds.`) : 0));
      if (check instanceof CellError) return check;
    }
    return this.original(name, ast, state);
  }

  // -- conditional aggregates

  /** HyperFormula's own method of the function (its cached computation), as registered before this plugin. */
  private original(name: string, ast: ProcedureAst, state: InterpreterState): unknown {
    const own = ORIGINALS.get(name);
    if (!own) return new CellError(ErrorType.NAME, `${name}: not available.`);
    let instance = this.instances.get(own.plugin);
    if (instance === undefined) {
      instance = new (own.plugin as unknown as new (interpreter: unknown) => FunctionPlugin)(this.interpreter);
      this.instances.set(own.plugin, instance);
    }
    return (instance as unknown as Record<string, Method>)[own.method].call(instance, ast, state);
  }

  private readonly instances = new Map<PluginClass, FunctionPlugin>();

  private conditional(name: string, reduce: Reduce, withValues: 'first' | 'third' | 'none', ast: ProcedureAst, state: InterpreterState): unknown {
    // The criteria are every second argument after the first range(s).
    const criteriaAt = withValues === 'first' ? 2 : 1;
    const criteria: unknown[] = [];
    for (let i = criteriaAt; i < ast.args.length; i += 2) criteria.push(this.evaluateAst(ast.args[i], state));
    // HyperFormula's AVERAGEIF, MAXIFS and MINIFS skip an error of the values at a matching cell
    // (Excel's result is that error): those always run here.
    if (reduce !== 'max' && reduce !== 'min' && reduce !== 'average' && !criteria.some(excelOnlyCriterion)) return this.original(name, ast, state);
    return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => {
      if (withValues === 'first') {
        const pairs: Array<[Scalar[], unknown]> = [];
        for (let k = 1; k + 1 < args.length; k += 2) pairs.push([flatOf(args[k]), args[k + 1]]);
        return conditionalAggregate(name, reduce, flatOf(args[0]), pairs);
      }
      if (withValues === 'third') {
        const range = flatOf(args[0]);
        const values = args[2] === undefined ? range : flatOf(args[2]);
        return conditionalAggregate(name, reduce, values, [[range, args[1]]]);
      }
      const pairs: Array<[Scalar[], unknown]> = [];
      for (let k = 0; k + 1 < args.length; k += 2) pairs.push([flatOf(args[k]), args[k + 1]]);
      return conditionalAggregate(name, reduce, undefined, pairs);
    });
  }

  countif(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.conditional('COUNTIF', 'count', 'none', ast, state);
  }

  countifs(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.conditional('COUNTIFS', 'count', 'none', ast, state);
  }

  sumif(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.conditional('SUMIF', 'sum', 'third', ast, state);
  }

  sumifs(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.conditional('SUMIFS', 'sum', 'first', ast, state);
  }

  averageif(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.conditional('AVERAGEIF', 'average', 'third', ast, state);
  }

  averageifs(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.conditional('AVERAGEIFS', 'average', 'first', ast, state);
  }

  maxifs(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.conditional('MAXIFS', 'max', 'first', ast, state);
  }

  minifs(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.conditional('MINIFS', 'min', 'first', ast, state);
  }
}

const NUM = FunctionArgumentType.NUMBER;
const BOOL = FunctionArgumentType.BOOLEAN;

/** The functions written here whole, with their parameters as Microsoft's pages give them. */
const OWN: Record<string, FunctionMetadata> = {
  'BETA.DIST': {
    method: 'betadist',
    parameters: [{ argumentType: NUM }, { argumentType: NUM }, { argumentType: NUM }, { argumentType: BOOL }, { argumentType: NUM, defaultValue: 0 }, { argumentType: NUM, defaultValue: 1 }],
  },
  'BETA.INV': { method: 'betainv', parameters: [{ argumentType: NUM }, { argumentType: NUM }, { argumentType: NUM }, { argumentType: NUM, defaultValue: 0 }, { argumentType: NUM, defaultValue: 1 }] },
  'HYPGEOM.DIST': { method: 'hypgeomdist', parameters: [{ argumentType: NUM }, { argumentType: NUM }, { argumentType: NUM }, { argumentType: NUM }, { argumentType: BOOL }] },
};

/** The distributions read with bounds last (boundsLast), and each one's metadata without its bounds. */
const BOUNDS_LAST = ['CONFIDENCE.NORM', 'NEGBINOM.DIST', 'NEGBINOMDIST', 'CHISQ.INV.RT', 'CHIINV', 'CHISQ.INV', 'CHISQ.DIST', 'CHISQ.DIST.RT', 'CHIDIST', 'EXPON.DIST', 'EXPONDIST', 'GAMMA.DIST', 'GAMMADIST', 'GAMMA.INV', 'GAMMAINV', 'LOGNORM.DIST', 'LOGNORM.INV', 'LOGINV', 'NORM.DIST', 'NORMDIST', 'NORM.INV', 'NORMINV', 'POISSON.DIST', 'POISSON', 'WEIBULL.DIST', 'WEIBULL', 'BINOM.DIST', 'BINOMDIST', 'BINOM.INV', 'CRITBINOM'];
const LOOSE = new Map<string, FunctionMetadata>();

/**
 * Bounds Excel checks that HyperFormula's metadata lets through: NEGBINOM.DIST with
 * probability_s 0 (Excel: #NUM!), CHISQ.INV.RT of probability 0 and CHISQ.INV of 1 (the
 * quantile would be infinite: Excel's CHISQ.INV.RT(0,3) is #NUM!).
 */
const EXTRA_BOUNDS: Readonly<Record<string, (args: number[]) => boolean>> = {
  'NEGBINOM.DIST': (a) => a[2] <= 0,
  NEGBINOMDIST: (a) => a[2] <= 0,
  'CHISQ.INV.RT': (a) => a[0] <= 0,
  CHIINV: (a) => a[0] <= 0,
  'CHISQ.INV': (a) => a[0] >= 1,
};

/** XNPV's rate, for its check. */
const RATE_CHECK: FunctionMetadata = { method: 'xnpv', parameters: [{ argumentType: NUM }] };

/** rate, per, nper of PPMT / IPMT, for the check of per. */
const PERIOD_CHECK: FunctionMetadata = { method: 'payment', parameters: [{ argumentType: NUM }, { argumentType: NUM }, { argumentType: NUM }] };

type Method = (this: FunctionPlugin, ast: ProcedureAst, state: InterpreterState) => unknown;
type PluginClass = typeof FunctionPlugin & { implementedFunctions: ImplementedFunctions };
/** Each function taken over: the plugin and method that computed it before (run for what they compute as Excel does). */
const ORIGINALS = new Map<string, { plugin: PluginClass; method: string }>();

let registered = false;

/** Registers the plugin (after HyperFormula's own and the other plugins); once per process. */
export function registerStatistics(): void {
  if (registered) return;
  registered = true;
  const implemented: Record<string, FunctionMetadata> = {};
  for (const [id, method] of Object.entries(DISTRIBUTIONS)) {
    const plugin = HyperFormula.getFunctionPlugin(id) as (PluginClass & { aliases?: Record<string, string> }) | undefined;
    // TINV, FDIST, FINV are HyperFormula's aliases of T.INV.2T, F.DIST.RT, F.INV.RT.
    const meta = plugin?.implementedFunctions[plugin.aliases?.[id] ?? id] as FunctionMetadata | undefined;
    if (!meta) continue;
    const parameters = meta.parameters?.map((p) => ({ ...p }));
    // T.DIST's deg_freedom 0 is #DIV/0! in Excel: the bound is checked in the method.
    if (id === 'T.DIST' && parameters?.[1]) delete (parameters[1] as { minValue?: number }).minValue;
    // CONFIDENCE.T checks its bounds after reading every argument.
    if (id === 'CONFIDENCE.T') parameters?.forEach((p) => ['minValue', 'greaterThan', 'lessThan'].forEach((k) => delete (p as unknown as Record<string, unknown>)[k]));
    implemented[id] = { ...meta, parameters, method };
  }
  for (const [id, method] of Object.entries(CONDITIONAL)) {
    const plugin = HyperFormula.getFunctionPlugin(id) as PluginClass | undefined;
    const meta = plugin?.implementedFunctions[id] as FunctionMetadata | undefined;
    if (!plugin || !meta) continue;
    ORIGINALS.set(id, { plugin, method: meta.method });
    // The criterion is SCALAR, not NOERROR: an error criterion reaches the function (it matches that error).
    const parameters = meta.parameters?.map((p) => (p.argumentType === FunctionArgumentType.NOERROR ? { ...p, argumentType: FunctionArgumentType.SCALAR } : { ...p }));
    implemented[id] = { ...meta, parameters, method };
  }
  const wrapped: Array<[string, string]> = [
    ['VDB', 'vdb'],
    ['PERMUT', 'permut'],
    ['COUNTBLANK', 'countblank'],
    ['IRR', 'irr'],
    ['PPMT', 'payment'],
    ['IPMT', 'payment'],
    ['CHISQ.TEST', 'chisqtest'],
    ['CHITEST', 'chisqtest'],
    ['Z.TEST', 'ztest'],
    ['ZTEST', 'ztest'],
    ['NPV', 'npv'],
    ['XNPV', 'xnpv'],
    ...['PERCENTILE', 'PERCENTILE.INC', 'PERCENTILE.EXC', 'QUARTILE', 'QUARTILE.INC', 'QUARTILE.EXC'].map((id): [string, string] => [id, 'percentile']),
  ];
  for (const [id, method] of wrapped) {
    const plugin = HyperFormula.getFunctionPlugin(id) as (PluginClass & { aliases?: Record<string, string> }) | undefined;
    const meta = plugin?.implementedFunctions[plugin.aliases?.[id] ?? id] as FunctionMetadata | undefined;
    if (!plugin || !meta) continue;
    ORIGINALS.set(id, { plugin, method: meta.method });
    implemented[id] = { ...meta, parameters: meta.parameters?.map((p) => ({ ...p })), method };
  }
  Object.assign(implemented, OWN);
  for (const id of BOUNDS_LAST) {
    if (implemented[id]) continue;
    const plugin = HyperFormula.getFunctionPlugin(id) as (PluginClass & { aliases?: Record<string, string> }) | undefined;
    const meta = plugin?.implementedFunctions[plugin.aliases?.[id] ?? id] as FunctionMetadata | undefined;
    if (!plugin || !meta) continue;
    ORIGINALS.set(id, { plugin, method: meta.method });
    implemented[id] = { ...meta, parameters: meta.parameters?.map((p) => ({ ...p })), method: 'boundsLast' };
    LOOSE.set(id, {
      ...meta,
      parameters: meta.parameters?.map(({ minValue: _min, maxValue: _max, greaterThan: _gt, lessThan: _lt, ...rest }) => ({ ...rest })),
    });
  }
  for (const id of Object.keys(AGGREGATES)) {
    const plugin = HyperFormula.getFunctionPlugin(id) as PluginClass | undefined;
    const meta = plugin?.implementedFunctions[id] as FunctionMetadata | undefined;
    if (!plugin || !meta) continue;
    ORIGINALS.set(id, { plugin, method: meta.method });
    implemented[id] = { ...meta, parameters: meta.parameters?.map((p) => ({ ...p })), method: 'aggregate' };
  }
  StatisticsPlugin.implementedFunctions = implemented as ImplementedFunctions;
  for (const id of Object.keys(implemented)) {
    if (HyperFormula.getRegisteredFunctionNames('enGB').includes(id)) HyperFormula.unregisterFunction(id);
  }
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  HyperFormula.registerFunctionPlugin(
    StatisticsPlugin,
    Object.fromEntries(languages.map((code) => [code, Object.fromEntries(Object.keys(implemented).map((id) => [id, id]))])),
  );
}
