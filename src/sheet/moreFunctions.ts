/**
 * More of Excel's standard functions HyperFormula 3.5 lacks, as one FunctionPlugin, each written
 * from Microsoft's page for it:
 *
 * - the byte-counting text functions FINDB, SEARCHB, LEFTB, RIGHTB, MIDB, LENB, REPLACEB: "counts
 *   each double-byte character as 2 when you have enabled the editing of a language that supports
 *   DBCS and then set it as the default language. Otherwise, FINDB counts each character as 1" —
 *   they are HyperFormula's FIND, SEARCH, … for a workbook computed without a DBCS default
 *   language, as every workbook here is; ASC (full-width Latin letters, digits and signs to
 *   half-width);
 * - ERF.PRECISE, ERFC.PRECISE, GESTEP, PERMUTATIONA;
 * - statistics: T.TEST / TTEST (in place of HyperFormula's, whose t distribution differs from the
 *   8th significant digit), PERCENTRANK.INC, PERCENTRANK.EXC, TRIMMEAN, PROB, BINOM.DIST.RANGE, MODE.MULT,
 *   GROWTH and LOGEST (LINEST's least squares on ln y), PERCENTOF;
 * - matrices: MINVERSE, MDETERM.
 *
 * Like HyperFormula, this file is GPL-side only: never in the add-in.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { FunctionMetadata, ImplementedFunctions } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import * as formulajs from '@formulajs/formulajs';
import { gridOf, type Scalar } from './dynamicArrays';
import { predictOver, regress, regressionFlag, regressionInput } from './excelFunctions';

const N = FunctionArgumentType.NUMBER;
const A = FunctionArgumentType.ANY;
const R = FunctionArgumentType.RANGE;

const num = (why: string): CellError => new CellError(ErrorType.NUM, why);
const na = (why: string): CellError => new CellError(ErrorType.NA, why);
const valueError = (why: string): CellError => new CellError(ErrorType.VALUE, why);

function firstError(values: readonly Scalar[]): CellError | undefined {
  return values.find((v): v is CellError => v instanceof CellError);
}

/** The numbers of array arguments (text, logical values and blanks of a range skipped), or the first error. */
function numbers(args: readonly unknown[]): number[] | CellError {
  const out: number[] = [];
  for (const a of args) {
    if (a === undefined) continue;
    const values = gridOf(a).flat();
    const e = firstError(values);
    if (e) return e;
    for (const v of values) if (typeof v === 'number') out.push(v);
  }
  return out;
}

/** A number truncated down to `digits` decimals, as PERCENTRANK gives it. */
function truncateTo(x: number, digits: number): number {
  const f = 10 ** digits;
  // The small epsilon keeps 0.7 (0.6999999…) at 0.7 instead of 0.699.
  return Math.floor(x * f + 1e-9) / f;
}

/**
 * PERCENTRANK.INC / .EXC of x in the values: the share of values below x (interpolated between
 * the two values around it), as (position)/(n−1) or (position+1)/(n+1); x outside the values is #N/A.
 */
export function percentRank(values: readonly number[], x: number, significance: number, exclusive: boolean): number | CellError {
  const name = exclusive ? 'PERCENTRANK.EXC' : 'PERCENTRANK.INC';
  if (values.length === 0) return num(`${name}: the array holds no numbers.`);
  const s = Math.trunc(significance);
  if (s < 1) return num(`${name}: significance must be at least 1.`);
  const a = [...values].sort((p, q) => p - q);
  const n = a.length;
  if (x < a[0] || x > a[n - 1]) return na(`${name}: x is outside the values.`);
  const below = a.filter((v) => v < x).length;
  let position: number;
  if (a[below] === x) position = below;
  else {
    const lo = a[below - 1];
    const hi = a[below];
    position = below - 1 + (x - lo) / (hi - lo);
  }
  const r = exclusive ? (position + 1) / (n + 1) : n === 1 ? 1 : position / (n - 1);
  return truncateTo(r, s);
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** ln of each y for GROWTH / LOGEST: every known_y must be positive (after LINEST's checks of shape and cells). */
function logs(ys: Scalar[][], xs: Scalar[][] | undefined, name: string): Scalar[][] | CellError {
  const checked = regressionInput(ys, xs, name);
  if (checked instanceof CellError) return checked;
  const out: Scalar[][] = [];
  for (const row of ys) {
    const r: Scalar[] = [];
    for (const v of row) {
      if (typeof v !== 'number') return valueError(`${name}: known_y must be numbers.`);
      if (v <= 0) return num(`${name}: every known_y must be positive.`);
      r.push(Math.log(v));
    }
    out.push(r);
  }
  return out;
}

function square(g: Scalar[][], name: string): number[][] | CellError {
  const e = firstError(g.flat());
  if (e) return e;
  if (g.length !== g[0].length) return valueError(`${name}: the array must be square.`);
  if (!g.flat().every((v) => typeof v === 'number')) return valueError(`${name}: the array must hold numbers only.`);
  return g as number[][];
}

/** LU determinant with partial pivoting. */
export function determinant(m: readonly number[][]): number {
  const a = m.map((r) => [...r]);
  const n = a.length;
  let det = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (a[p][c] === 0) return 0;
    if (p !== c) {
      [a[p], a[c]] = [a[c], a[p]];
      det = -det;
    }
    det *= a[c][c];
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k < n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return det;
}

/** Gauss–Jordan inverse; undefined for a singular matrix. */
export function invert(m: readonly number[][]): number[][] | undefined {
  const n = m.length;
  const a = m.map((r, i) => [...r, ...[...Array(n).keys()].map((j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    if (Math.abs(a[p][c]) < 1e-300) return undefined;
    [a[p], a[c]] = [a[c], a[p]];
    const d = a[c][c];
    for (let k = 0; k < 2 * n; k++) a[c][k] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c];
      if (f !== 0) for (let k = 0; k < 2 * n; k++) a[r][k] -= f * a[c][k];
    }
  }
  return a.map((r) => r.slice(n));
}

/** Excel's ASC: full-width ASCII signs (U+FF01–U+FF5E) and the ideographic space to half-width. */
export function asc(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

// ---- Student's t (T.TEST) ------------------------------------------------------------------------

/** ln Γ(x), Lanczos (g = 7, 9 terms): about 15 significant digits. */
function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularized incomplete beta function I_x(a, b), by its continued fraction (modified Lentz). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - (lnGamma(a) + lnGamma(b) - lnGamma(a + b))) / a;
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 400; i++) {
    const m = i >> 1;
    let num: number;
    if (i === 0) num = 1;
    else if (i % 2 === 0) num = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    else num = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    const cd = c * d;
    f *= cd;
    if (Math.abs(1 - cd) < 1e-16) break;
  }
  return front * (f - 1);
}

/** Student's t test's p-value for t with df degrees of freedom, one or two tails. */
export function tTestP(t: number, df: number, tails: number): number {
  const p2 = incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return tails === 1 ? p2 / 2 : p2;
}

function meanVar(v: readonly number[]): { n: number; mean: number; variance: number } {
  const n = v.length;
  const mean = v.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : NaN;
  return { n, mean, variance };
}

/** T.TEST(array1, array2, tails, type): type 1 paired, 2 equal variances, 3 unequal variances (Welch). */
export function tTest(a: readonly Scalar[], b: readonly Scalar[], tails: number, type: number): number | CellError {
  const tl = Math.trunc(tails);
  const ty = Math.trunc(type);
  if (tl !== 1 && tl !== 2) return num('T.TEST: tails must be 1 or 2.');
  if (ty < 1 || ty > 3) return num('T.TEST: type must be 1, 2 or 3.');
  const e = firstError([...a, ...b]);
  if (e) return e;
  const div0 = new CellError(ErrorType.DIV_BY_ZERO, 'T.TEST: too few values or no variance.');
  let t: number;
  let df: number;
  if (ty === 1) {
    if (a.length !== b.length) return na('T.TEST: paired arrays must have the same size.');
    const d: number[] = [];
    for (let i = 0; i < a.length; i++) if (typeof a[i] === 'number' && typeof b[i] === 'number') d.push((a[i] as number) - (b[i] as number));
    const s = meanVar(d);
    if (s.n < 2 || !(s.variance > 0)) return div0;
    t = s.mean / Math.sqrt(s.variance / s.n);
    df = s.n - 1;
  } else {
    const x = meanVar(a.filter((v): v is number => typeof v === 'number'));
    const y = meanVar(b.filter((v): v is number => typeof v === 'number'));
    if (x.n < 2 || y.n < 2) return div0;
    if (ty === 2) {
      df = x.n + y.n - 2;
      const pooled = ((x.n - 1) * x.variance + (y.n - 1) * y.variance) / df;
      if (!(pooled > 0)) return div0;
      t = (x.mean - y.mean) / Math.sqrt(pooled * (1 / x.n + 1 / y.n));
    } else {
      const u = x.variance / x.n;
      const w = y.variance / y.n;
      if (!(u + w > 0)) return div0;
      t = (x.mean - y.mean) / Math.sqrt(u + w);
      df = (u + w) ** 2 / (u ** 2 / (x.n - 1) + w ** 2 / (y.n - 1));
    }
  }
  return tTestP(Math.abs(t), df, tl);
}

const grid = (g: Scalar[][]): SimpleRangeValue => SimpleRangeValue.onlyValues(g as never);

export const MORE_FUNCTIONS: ImplementedFunctions = {
  ASC: { method: 'asc', parameters: [{ argumentType: FunctionArgumentType.STRING }] },
  'ERF.PRECISE': { method: 'erfPrecise', parameters: [{ argumentType: N }] },
  'ERFC.PRECISE': { method: 'erfcPrecise', parameters: [{ argumentType: N }] },
  GESTEP: { method: 'gestep', parameters: [{ argumentType: N }, { argumentType: N, defaultValue: 0 }] },
  PERMUTATIONA: { method: 'permutationa', parameters: [{ argumentType: N }, { argumentType: N }] },
  'PERCENTRANK.INC': { method: 'percentrankInc', parameters: [{ argumentType: R }, { argumentType: N }, { argumentType: N, defaultValue: 3 }] },
  'PERCENTRANK.EXC': { method: 'percentrankExc', parameters: [{ argumentType: R }, { argumentType: N }, { argumentType: N, defaultValue: 3 }] },
  PERCENTRANK: { method: 'percentrankInc', parameters: [{ argumentType: R }, { argumentType: N }, { argumentType: N, defaultValue: 3 }] },
  TRIMMEAN: { method: 'trimmean', parameters: [{ argumentType: R }, { argumentType: N }] },
  PROB: { method: 'prob', parameters: [{ argumentType: R }, { argumentType: R }, { argumentType: N }, { argumentType: N, optionalArg: true }] },
  'BINOM.DIST.RANGE': { method: 'binomDistRange', parameters: [{ argumentType: N }, { argumentType: N }, { argumentType: N }, { argumentType: N, optionalArg: true }] },
  'MODE.MULT': { method: 'modeMult', parameters: [{ argumentType: A }], repeatLastArgs: 1, vectorizationForbidden: true },
  GROWTH: {
    method: 'growth',
    parameters: [{ argumentType: R }, { argumentType: R, optionalArg: true }, { argumentType: R, optionalArg: true }, { argumentType: FunctionArgumentType.SCALAR, optionalArg: true }],
    vectorizationForbidden: true,
  },
  LOGEST: {
    method: 'logest',
    parameters: [{ argumentType: R }, { argumentType: R, optionalArg: true }, { argumentType: FunctionArgumentType.SCALAR, optionalArg: true }, { argumentType: FunctionArgumentType.SCALAR, optionalArg: true }],
    vectorizationForbidden: true,
  },
  PERCENTOF: { method: 'percentof', parameters: [{ argumentType: A }, { argumentType: A }], vectorizationForbidden: true },
  'T.TEST': { method: 'ttest', parameters: [{ argumentType: R }, { argumentType: R }, { argumentType: N }, { argumentType: N }] },
  TTEST: { method: 'ttest', parameters: [{ argumentType: R }, { argumentType: R }, { argumentType: N }, { argumentType: N }] },
  MINVERSE: { method: 'minverse', parameters: [{ argumentType: R }], vectorizationForbidden: true },
  MDETERM: { method: 'mdeterm', parameters: [{ argumentType: R }], vectorizationForbidden: true },
};

/** The byte-counting text functions: HyperFormula's own functions under a second name (see the header). */
const BYTE_TWINS: Readonly<Record<string, string>> = { FINDB: 'FIND', SEARCHB: 'SEARCH', LEFTB: 'LEFT', RIGHTB: 'RIGHT', MIDB: 'MID', LENB: 'LEN', REPLACEB: 'REPLACE' };

export class MoreFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions = MORE_FUNCTIONS;

  asc(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('ASC'), (t: string) => asc(t));
  }

  erfPrecise(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('ERF.PRECISE'), (x: number) => formulajs.ERF(x) as number);
  }

  erfcPrecise(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('ERFC.PRECISE'), (x: number) => formulajs.ERFC(x) as number);
  }

  /** GESTEP(number, [step]): 1 when number ≥ step (0 by default), else 0. */
  gestep(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('GESTEP'), (x: number, step: number) => (x >= step ? 1 : 0));
  }

  /** PERMUTATIONA(number, number_chosen): number^number_chosen, both truncated; negatives are #NUM!. */
  permutationa(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('PERMUTATIONA'), (n: number, k: number) => {
      const a = Math.trunc(n);
      const b = Math.trunc(k);
      if (a < 0 || b < 0) return num('PERMUTATIONA: the arguments must not be negative.');
      return a ** b;
    });
  }

  percentrankInc(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('PERCENTRANK.INC'), (r: SimpleRangeValue, x: number, s: number) => {
      const v = numbers([r]);
      return v instanceof CellError ? v : percentRank(v, x, s, false);
    });
  }

  percentrankExc(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('PERCENTRANK.EXC'), (r: SimpleRangeValue, x: number, s: number) => {
      const v = numbers([r]);
      return v instanceof CellError ? v : percentRank(v, x, s, true);
    });
  }

  /** TRIMMEAN(array, percent): the mean without floor(n·percent/2) values at each end. */
  trimmean(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('TRIMMEAN'), (r: SimpleRangeValue, p: number) => {
      const v = numbers([r]);
      if (v instanceof CellError) return v;
      if (p < 0 || p >= 1) return num('TRIMMEAN: percent must be at least 0 and below 1.');
      if (v.length === 0) return num('TRIMMEAN: the array holds no numbers.');
      const cut = Math.floor((v.length * p) / 2);
      const kept = [...v].sort((a, b) => a - b).slice(cut, v.length - cut);
      return kept.reduce((s, x) => s + x, 0) / kept.length;
    });
  }

  /** PROB(x_range, prob_range, lower_limit, [upper_limit]). */
  prob(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('PROB'), (xs: SimpleRangeValue, ps: SimpleRangeValue, lower: number, upper?: number) => {
      const x = gridOf(xs).flat();
      const p = gridOf(ps).flat();
      const e = firstError([...x, ...p]);
      if (e) return e;
      if (x.length !== p.length) return na('PROB: x_range and prob_range differ in size.');
      let total = 0;
      let sum = 0;
      for (let i = 0; i < x.length; i++) {
        const pi = p[i];
        if (typeof pi !== 'number') continue;
        if (pi <= 0 || pi > 1) return num('PROB: each probability must be above 0 and at most 1.');
        total += pi;
        const xi = x[i];
        if (typeof xi === 'number' && xi >= lower && xi <= (upper ?? lower)) sum += pi;
      }
      if (Math.abs(total - 1) > 1e-9) return num('PROB: the probabilities must add up to 1.');
      return sum;
    });
  }

  /** BINOM.DIST.RANGE(trials, probability_s, number_s, [number_s2]). */
  binomDistRange(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('BINOM.DIST.RANGE'), (trials: number, p: number, s: number, s2?: number) => {
      const n = Math.trunc(trials);
      const lo = Math.trunc(s);
      const hi = s2 === undefined ? lo : Math.trunc(s2);
      if (n < 0 || p < 0 || p > 1 || lo < 0 || lo > n || hi < lo || hi > n) return num('BINOM.DIST.RANGE: the arguments are out of range.');
      let sum = 0;
      for (let k = lo; k <= hi; k++) sum += binomial(n, k) * p ** k * (1 - p) ** (n - k);
      return sum;
    });
  }

  /** MODE.MULT(number1, …): the most frequent numbers, in order of first appearance, as a column. */
  modeMult(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('MODE.MULT'), (...args: unknown[]) => {
      const v = numbers(args);
      if (v instanceof CellError) return v;
      const counts = new Map<number, number>();
      for (const x of v) counts.set(x, (counts.get(x) ?? 0) + 1);
      const top = Math.max(0, ...counts.values());
      if (top < 2) return na('MODE.MULT: no value occurs more than once.');
      return grid([...counts].filter(([, c]) => c === top).map(([x]) => [x]));
    });
  }

  /** GROWTH(known_y, [known_x], [new_x], [const]): exp of the least-squares line of ln y. */
  growth(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('GROWTH'), (ys: SimpleRangeValue, xs: SimpleRangeValue | undefined, newXs: SimpleRangeValue | undefined, constArg: unknown) => {
      const withConstant = regressionFlag(ast.args[3], constArg, true, 'GROWTH');
      if (withConstant instanceof CellError) return withConstant;
      const x = xs === undefined ? undefined : gridOf(xs);
      const y = logs(gridOf(ys), x, 'GROWTH');
      if (y instanceof CellError) return y;
      const fit = regress(y, x, withConstant, 'GROWTH');
      if (fit instanceof CellError) return fit;
      const results = predictOver(y, x, newXs === undefined ? undefined : gridOf(newXs), fit.coefficients.length, 'GROWTH', (v) =>
        Math.exp(v.reduce((sum, e, j) => sum + e * fit.coefficients[j], fit.intercept)),
      );
      return results instanceof CellError ? results : grid(results);
    });
  }

  /** LOGEST(known_y, [known_x], [const], [stats]): LINEST of ln y, its coefficients as exp(m) and exp(b). */
  logest(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('LOGEST'), (ys: SimpleRangeValue, xs: SimpleRangeValue | undefined, constArg: unknown, statsArg: unknown) => {
      const withConstant = regressionFlag(ast.args[2], constArg, true, 'LOGEST');
      const stats = regressionFlag(ast.args[3], statsArg, false, 'LOGEST');
      if (withConstant instanceof CellError) return withConstant;
      if (stats instanceof CellError) return stats;
      const x = xs === undefined ? undefined : gridOf(xs);
      const y = logs(gridOf(ys), x, 'LOGEST');
      if (y instanceof CellError) return y;
      const fit = regress(y, x, withConstant, 'LOGEST');
      if (fit instanceof CellError) return fit;
      const k = fit.coefficients.length;
      const first: Scalar[] = [...fit.coefficients].reverse().map(Math.exp).concat(Math.exp(fit.intercept));
      if (!stats) return grid([first]);
      const none = na('LOGEST: no value at this position.');
      const pad = (row: Scalar[]): Scalar[] => row.concat(new Array<Scalar>(k + 1 - row.length).fill(none));
      const se: Scalar[] = [...fit.standardErrors.slice(0, k)].reverse();
      se.push(withConstant ? fit.standardErrors[k] : none);
      const f = fit.df > 0 && fit.ssResid > 0 ? fit.ssReg / k / (fit.ssResid / fit.df) : num('LOGEST: F is infinite.');
      return grid([first, se, pad([fit.r2, fit.sey]), pad([f, fit.df]), pad([fit.ssReg, fit.ssResid])]);
    });
  }

  /** PERCENTOF(data_subset, data_all): SUM(subset)/SUM(all), the numbers of each. */
  percentof(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('PERCENTOF'), (subset: unknown, all: unknown) => {
      const a = numbers([subset]);
      const b = numbers([all]);
      // An error value in either array is #NUM! in Excel, whichever error it is
      // (PERCENTOF({#VALUE!,#N/A},{2,2.3}) and PERCENTOF({#REF!,2},{1,2}) are #NUM!).
      if (a instanceof CellError || b instanceof CellError) return num('PERCENTOF: the data hold an error value.');
      const total = b.reduce((s, x) => s + x, 0);
      if (total === 0) return new CellError(ErrorType.DIV_BY_ZERO, 'PERCENTOF: data_all adds up to 0.');
      return a.reduce((s, x) => s + x, 0) / total;
    });
  }

  /** T.TEST / TTEST: Student's t test's probability, with an accurate t distribution (HyperFormula's differs from the 8th digit). */
  ttest(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('T.TEST'), (x: SimpleRangeValue, y: SimpleRangeValue, tails: number, type: number) =>
      tTest(gridOf(x).flat(), gridOf(y).flat(), tails, type),
    );
  }

  /** MINVERSE(array): the inverse matrix; a singular matrix is #NUM!, a non-square or non-numeric one #VALUE!. */
  minverse(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('MINVERSE'), (r: SimpleRangeValue) => {
      const m = square(gridOf(r), 'MINVERSE');
      if (m instanceof CellError) return m;
      const inv = invert(m);
      return inv ? grid(inv) : num('MINVERSE: the matrix is singular.');
    });
  }

  /** MDETERM(array): the determinant; a non-square or non-numeric array is #VALUE!. */
  mdeterm(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('MDETERM'), (r: SimpleRangeValue) => {
      const m = square(gridOf(r), 'MDETERM');
      return m instanceof CellError ? m : determinant(m);
    });
  }
}

let registered = false;

/** Registers the plugin and the byte-counting twins; once per process. */
export function registerMoreFunctions(): void {
  if (registered) return;
  registered = true;
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  const translations = (ids: readonly string[]): Record<string, Record<string, string>> =>
    Object.fromEntries(languages.map((code) => [code, Object.fromEntries(ids.map((id) => [id, id]))]));
  for (const id of Object.keys(MORE_FUNCTIONS)) {
    if (HyperFormula.getRegisteredFunctionNames('enGB').includes(id)) HyperFormula.unregisterFunction(id);
  }
  HyperFormula.registerFunctionPlugin(MoreFunctionsPlugin, translations(Object.keys(MORE_FUNCTIONS)));
  // Each twin: the plugin HyperFormula computes the original with, extended by the twin's name
  // with the original's metadata (its method reads its metadata under the original's name).
  for (const [twin, original] of Object.entries(BYTE_TWINS)) {
    const plugin = HyperFormula.getFunctionPlugin(original) as (typeof FunctionPlugin & { implementedFunctions: ImplementedFunctions }) | undefined;
    const meta = plugin?.implementedFunctions[original] as FunctionMetadata | undefined;
    if (!plugin || !meta) continue;
    class Twin extends plugin {
      static implementedFunctions: ImplementedFunctions = { [original]: meta, [twin]: meta } as ImplementedFunctions;
    }
    // HyperFormula looks the method up on the plugin's own prototype.
    const proto = Twin.prototype as unknown as Record<string, unknown>;
    proto[meta.method] = (plugin.prototype as unknown as Record<string, unknown>)[meta.method];
    Object.defineProperty(Twin, 'name', { value: `${twin}Plugin` });
    HyperFormula.registerFunctionPlugin(Twin, translations([original, twin]));
  }
}

