/**
 * Excel's standard functions that HyperFormula 3.5 lacks or computes differently from Excel, as
 * one FunctionPlugin, registered beside the CYBER plugin wherever HyperFormula is configured
 * (src/sheet/plugin.ts registerCyberFunctions: the CLI and the workbench).
 *
 * Added (HyperFormula has none): LOOKUP, CONCAT, AVERAGEIFS, XMATCH, RANK / RANK.EQ / RANK.AVG,
 * CONVERT, LINEST, TREND, FORECAST / FORECAST.LINEAR, INTERCEPT, VDB, KURT, MODE / MODE.SNGL,
 * PERMUT, TYPE, ERROR.TYPE, INDIRECT.
 * Replaced (HyperFormula's result differs from Excel's): TEXT (format codes through numfmt, as
 * Excel formats: TEXT(0.32,"0.0%") is "32.0%"), INT (rounds down: INT(-1.7) is -2), ISODD /
 * ISEVEN (negative numbers), DAY / MONTH / YEAR (serials 0 to 60 of Excel's 1900 calendar: DAY(0)
 * is 0, serial 60 is the phantom 1900-02-29).
 *
 * Implementations come from @formulajs/formulajs (MIT) where it computes what Excel documents
 * (AVERAGEIFS, KURT, PERMUT; CONVERT has its own unit table in src/sheet/convert.ts); the rest
 * are short and written here against Excel's documented definitions. Like HyperFormula, this file is GPL-side only: never in the add-in.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import * as formulajs from '@formulajs/formulajs';
import { format as formatNumber } from 'numfmt';
import { errorCodeOf } from './errorCodes';
import { excelText, textToNumber } from './textFormat';
import { DATE1904_OFFSET, from1900, isDate1904, to1900 } from './dateSystem';
import { columnNumber } from './formula';
import { convert as excelConvert } from './convert';
import { guardAnalysisToolPak } from './analysisToolPak';
import { registerDynamicArrays } from './dynamicArrays';
import { registerMoreFunctions } from './moreFunctions';
import { registerForecastEts } from './forecastEts';
import { fitInformation, registerTextFunctions } from './textFunctions';
import { registerRangeOperator } from './rangeOperator';
import { registerLambdas } from './lambdas';
import { registerGroupBy } from './groupBy';
import { registerArrayLookups } from './arrayLookups';
import { registerComplexText } from './complexText';
import { registerEngineering } from './engineering';
import { registerReferenceFunctions } from './referenceFunctions';
import { registerStatistics } from './statistics';
import { registerSubtotal } from './subtotal';
import { registerAggregate } from './aggregate';
import { registerEmptyTextIsNoNumber } from './emptyText';
import { registerExcelProduct } from './product';
import { registerRowsColumns } from './rowsColumns';
import { registerDates1904 } from './dates1904';
import { registerIsIntersection } from './isIntersection';
import { type CharacterSet, charOf, codeOf } from './characterSets';
import { interpreterPrototype } from './interpreterHook';

/** A whole row's or column's address in a ROW_RANGE or COLUMN_RANGE. */
interface WholeLineAddress {
  toSimpleRowAddress?(base: unknown): { row: number };
  toSimpleColumnAddress?(base: unknown): { col: number };
}

/** The last row and column of an Excel sheet, 0-based (XFD1048576). */
const EXCEL_LAST_ROW = 1_048_575;
const EXCEL_LAST_COL = 16_383;

interface RangeAst {
  readonly type: string;
  readonly start: { toSimpleCellAddress(base: unknown): { row: number; col: number } };
  readonly end: { toSimpleCellAddress(base: unknown): { row: number; col: number } };
}

type Scalar = number | string | boolean | null | CellError;

/** A HyperFormula value → number | string | boolean | null | CellError (rich numbers unwrapped). */
function plain(v: unknown): Scalar {
  if (v === EmptyValue || v === null || v === undefined) return null;
  if (v instanceof CellError) return v;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && typeof (v as { val?: unknown }).val === 'number') return (v as { val: number }).val;
  return String(v);
}

function grid(v: unknown): Scalar[][] {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(plain));
  return [[plain(v)]];
}

function flat(v: unknown): Scalar[] {
  return grid(v).flat();
}

function firstError(values: readonly Scalar[]): CellError | undefined {
  return values.find((x): x is CellError => x instanceof CellError);
}

/** The numbers of a range, as statistical functions take them (text, booleans, blanks skipped). */
function numbersOf(v: unknown): number[] | CellError {
  const values = flat(v);
  const error = firstError(values);
  if (error) return error;
  return values.filter((x): x is number => typeof x === 'number');
}

const ERROR_TYPES: Readonly<Record<string, ErrorType>> = {
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#N/A': ErrorType.NA,
  '#NAME?': ErrorType.NAME,
  '#NUM!': ErrorType.NUM,
  '#REF!': ErrorType.REF,
  '#VALUE!': ErrorType.VALUE,
};

/** A formulajs result (a number, text, an Error whose message is an error code, …) → HyperFormula's. */
function fromFormulajs(r: unknown, name: string): Scalar {
  if (r instanceof Error) return new CellError(ERROR_TYPES[r.message] ?? ErrorType.VALUE, `${name}: ${r.message}`);
  if (typeof r === 'number') return Number.isFinite(r) ? r : new CellError(ErrorType.NUM, `${name}: the result is not a finite number.`);
  if (typeof r === 'string' || typeof r === 'boolean') return r;
  if (r === null || r === undefined) return null;
  return new CellError(ErrorType.VALUE, `${name}: unexpected result.`);
}

/** A result back to HyperFormula (a blank as its EmptyValue). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function out(v: Scalar): any {
  return v === null ? EmptyValue : v;
}


// ---- Excel's 1900 calendar -----------------------------------------------------------------------

/** Serial → { year, month, day } as Excel reads it: serial 0 is 1900-01-00, 60 is 1900-02-29. */
export function excelDateParts(serial: number): { year: number; month: number; day: number } {
  const whole = Math.floor(serial);
  if (whole === 0) return { year: 1900, month: 1, day: 0 };
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const days = whole < 60 ? whole - 1 : whole - 2; // days after 1900-01-01
  const d = new Date(Date.UTC(1900, 0, 1) + days * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

// ---- lookups -----------------------------------------------------------------------------------

/** Excel's ordering of values of one kind (numbers, text ignoring case, booleans); undefined across kinds. */
export function compare(a: Scalar, b: Scalar): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}

/** Wildcards ? * and ~ of Excel's match functions → a RegExp. */
export function wildcard(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '~' && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is');
}

/** LOOKUP's approximate match: the last position whose value is ≤ the one sought, among values of its kind. */
export function approximateIndex(values: readonly Scalar[], sought: Scalar): number {
  // Excel searches by halving, as over sorted data; the same answer on sorted data, which is what
  // LOOKUP requires, and over unsorted data it lands where Excel's halving lands.
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    let mid = Math.floor((lo + hi) / 2);
    // Skip values of another kind (blanks, errors) as Excel does, towards the low end.
    let probe = mid;
    while (probe >= lo && compare(values[probe], sought) === undefined) probe--;
    if (probe < lo) {
      lo = mid + 1;
      continue;
    }
    const skipped = probe !== mid;
    mid = probe;
    const c = compare(values[mid], sought) as number;
    if (c === 0 && !skipped) {
      // The value itself where the halving looked: it ends there, at the last of a run of equal
      // values (LOOKUP(4.1,{"b",4.1,"a",1.1}) is 4.1 in Excel, not the 1.1 further on; one reached by
      // skipping values of another kind does not end it: LOOKUP("b",{"b",4.1,"a",1.1}) is "a").
      let k = mid;
      while (k + 1 < values.length && compare(values[k + 1], sought) === 0) k++;
      return k;
    }
    if (c <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Element (r, c) of a broadcast argument: a single row or column repeats; beyond its size, #N/A. */
function pick(g: readonly Scalar[][], r: number, c: number): Scalar {
  const rr = g.length === 1 ? 0 : r;
  const cc = (g[0]?.length ?? 0) === 1 ? 0 : c;
  return rr < g.length && cc < (g[rr]?.length ?? 0) ? g[rr][cc] : new CellError(ErrorType.NA, 'The arrays given have different sizes.');
}

/**
 * The order XMATCH's and XLOOKUP's next-smaller / next-larger modes compare across kinds, as
 * Excel's sort order: numbers, then text, then FALSE and TRUE, then blanks; errors take no part.
 */
function crossCompare(a: Scalar, b: Scalar): number | undefined {
  const same = compare(a, b);
  if (same !== undefined) return same;
  const rank = (v: Scalar): number | undefined =>
    typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : v === null ? 3 : undefined;
  const x = rank(a);
  const y = rank(b);
  return x === undefined || y === undefined || x === y ? undefined : x - y;
}

/**
 * XMATCH's and XLOOKUP's binary search (search_mode 2 ascending, -2 descending). Microsoft: "Perform
 * a binary search that relies on lookup_array being sorted … If not sorted, invalid results will be
 * returned": Excel halves the range and returns whatever it lands on, so over unsorted data this
 * gives Excel's answer, not the linear search's (issue 11's corpus: XMATCH(1,{4.1,3,2.1,2,1},1,2)
 * is 1, XMATCH(1,{1,2,2.1,3,4.1},0,-2) #N/A). Values compare in Excel's sort order across kinds
 * (numbers < text < FALSE < TRUE < blank), an equal value is returned at once; otherwise the last
 * value passed below (next smaller, match_mode -1) or above (next larger, 1) the one sought.
 */
function binaryIndex(values: readonly Scalar[], value: Scalar, matchMode: number, descending: boolean): number {
  let lo = 0;
  let hi = values.length - 1;
  let below = -1;
  let above = -1;
  while (lo <= hi) {
    let mid = Math.floor((lo + hi) / 2);
    // An error takes no part in the order: probe towards the low end, as LOOKUP's halving does.
    let probe = mid;
    while (probe >= lo && crossCompare(values[probe], value) === undefined) probe--;
    if (probe < lo) {
      lo = mid + 1;
      continue;
    }
    mid = probe;
    const c = crossCompare(values[mid], value) as number;
    if (c === 0) return mid;
    if (c < 0) below = mid;
    else above = mid;
    // Ascending: a smaller value sends the search right; descending: a larger one does.
    if (c < 0 !== descending) lo = mid + 1;
    else hi = mid - 1;
  }
  return matchMode === -1 ? below : matchMode === 1 ? above : -1;
}

/**
 * match_mode 3, Microsoft 365's regular-expression match: the lookup value is a pattern tested
 * against the text values (a part matching suffices, case counts, as REGEXTEST); JavaScript's
 * syntax stands for PCRE2's as in src/sheet/dynamicArrays.ts. #VALUE! for a pattern that is not
 * text or cannot be read, and with a binary search (nothing to halve by). undefined: no problem.
 */
function regexProblem(name: string, value: Scalar, matchMode: number, searchMode: number): CellError | undefined {
  if (matchMode !== 3) return undefined;
  if (Math.abs(searchMode) === 2) return new CellError(ErrorType.VALUE, `${name}: a regular expression (match_mode 3) cannot be searched by halving (search_mode 2 or -2).`);
  if (typeof value !== 'string') return new CellError(ErrorType.VALUE, `${name}: with match_mode 3 the lookup value is a regular expression (text).`);
  try {
    new RegExp(value, 'u');
    return undefined;
  } catch {
    return new CellError(ErrorType.VALUE, `${name}: the regular expression is not one this evaluator can read.`);
  }
}

/** XMATCH's and XLOOKUP's search: the 0-based position found, or -1. */
function matchIndex(values: readonly Scalar[], value: Scalar, matchMode: number, searchMode: number): number {
  if (searchMode === 2 || searchMode === -2) return binaryIndex(values, value, matchMode, searchMode === -2);
  const order = [...values.keys()];
  if (searchMode === -1 || searchMode === -2) order.reverse();
  const approximate = matchMode === -1 || matchMode === 1;
  const pattern = matchMode === 3 ? new RegExp(String(value), 'u') : undefined;
  let best = -1;
  for (const i of order) {
    const v = values[i];
    if (pattern) {
      if (typeof v === 'string' && pattern.test(v)) return i;
      continue;
    }
    if (matchMode === 2 && typeof value === 'string' && typeof v === 'string') {
      if (wildcard(value).test(v)) return i;
      continue;
    }
    const c = approximate ? crossCompare(v, value) : compare(v, value);
    if (c === undefined) continue;
    if (c === 0) return i;
    if (matchMode === -1 && c < 0 && (best < 0 || (crossCompare(v, values[best]) as number) > 0)) best = i;
    if (matchMode === 1 && c > 0 && (best < 0 || (crossCompare(v, values[best]) as number) < 0)) best = i;
  }
  return best;
}

// ---- statistics ----------------------------------------------------------------------------------

function pairs(ys: unknown, xs: unknown): { x: number[]; y: number[] } | CellError {
  const y = flat(ys);
  const x = flat(xs);
  // Excel reads the pairs in order, known_y's cell before known_x's: the first error met is the
  // result (FORECAST(t,{"a",1,#VALUE!},{#NAME?,#NULL!,#NUM!}) is #NAME?, the x of the first pair).
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (y[i] instanceof CellError) return y[i] as CellError;
    if (x[i] instanceof CellError) return x[i] as CellError;
  }
  const error = firstError(y) ?? firstError(x);
  if (error) return error;
  if (x.length !== y.length) return new CellError(ErrorType.NA, 'The known_y and known_x ranges must have the same number of cells.');
  const outX: number[] = [];
  const outY: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (typeof a === 'number' && typeof b === 'number') {
      outX.push(a);
      outY.push(b);
    }
  }
  return { x: outX, y: outY };
}

/** Least-squares line through the points: slope and intercept (intercept 0 when `withConstant` is false). */
function line(x: readonly number[], y: readonly number[], withConstant: boolean): { slope: number; intercept: number } | CellError {
  const n = x.length;
  if (n === 0) return new CellError(ErrorType.DIV_BY_ZERO, 'No pairs of numbers to fit.');
  if (!withConstant) {
    const sxy = x.reduce((s, xi, i) => s + xi * y[i], 0);
    const sxx = x.reduce((s, xi) => s + xi * xi, 0);
    if (sxx === 0) return new CellError(ErrorType.DIV_BY_ZERO, 'The known_x values are all zero.');
    return { slope: sxy / sxx, intercept: 0 };
  }
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  if (sxx === 0) return new CellError(ErrorType.DIV_BY_ZERO, 'The known_x values have no variance.');
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** A least-squares fit of y on k x variables (LINEST, TREND), with LINEST's statistics. */
interface Fit {
  readonly coefficients: number[]; // m1..mk
  readonly intercept: number;
  readonly standardErrors: number[]; // se(m1..mk), se(b)
  readonly r2: number;
  readonly sey: number | CellError;
  readonly df: number;
  readonly ssReg: number;
  readonly ssResid: number;
  readonly x: number[][];
}

/** Solves A·z = v by Gaussian elimination with partial pivoting; undefined when A is singular. */
function solve(a: number[][], v: number[]): number[] | undefined {
  const n = v.length;
  const m = a.map((row, i) => [...row, v[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < 1e-300) return undefined;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

function inverse(a: number[][]): number[][] | undefined {
  const cols = a.map((_, j) => solve(a, a.map((__, i) => (i === j ? 1 : 0))));
  if (cols.some((c) => c === undefined)) return undefined;
  return a.map((_, i) => cols.map((c) => (c as number[])[i]));
}

/** y (a row or a column) on x (the same shape for one variable; rows or columns of variables for several). */
export function regress(ys: readonly Scalar[][], xs: readonly Scalar[][] | undefined, withConstant: boolean, name = 'LINEST'): Fit | CellError {
  const checked = regressionInput(ys, xs, name);
  if (checked instanceof CellError) return checked;
  const yFlat = ys.flat() as number[];
  const n = yFlat.length;
  const x = checked;
  const k = x[0]?.length ?? 0;
  return fitOf(yFlat, x, withConstant, n, k);
}

/** known_x as one row of x values per point, or the error Excel gives for the inputs' shapes and cells. */
export function regressionInput(ys: readonly Scalar[][], xs: readonly Scalar[][] | undefined, name: string): number[][] | CellError {
  const yFlat = ys.flat();
  const n = yFlat.length;
  // Excel checks the shapes first (LINEST(B2:B14,A2:A13^{1,2}) is #REF! though B14 is blank), then
  // that every known_y and known_x is a number: a blank, text or an error among them is #VALUE!
  // (not the error itself: LINEST over {#N/A,#DIV/0!,#NAME?} is #VALUE! in Excel).
  let xCells: Scalar[][] | undefined;
  if (xs !== undefined) {
    const xFlat = xs.flat();
    if (xFlat.length === n) xCells = xFlat.map((v) => [v]);
    else if (ys.length === 1 && (xs[0]?.length ?? 0) === n) xCells = yFlat.map((_, i) => xs.map((row) => row[i]));
    else if ((ys[0]?.length ?? 0) === 1 && xs.length === n) xCells = xs.map((row) => [...row]);
    else return new CellError(ErrorType.REF, `${name}: the known_y and known_x ranges do not fit each other.`);
  }
  if (!yFlat.every((v): v is number => typeof v === 'number')) return new CellError(ErrorType.VALUE, `${name}: every known_y must be a number.`);
  if (xCells && !xCells.every((row) => row.every((v) => typeof v === 'number'))) return new CellError(ErrorType.VALUE, `${name}: every known_x must be a number.`);
  return xCells ? (xCells as number[][]) : yFlat.map((_, i) => [i + 1]);
}

function fitOf(yFlat: number[], x: number[][], withConstant: boolean, n: number, k: number): Fit | CellError {
  // With a constant, fit the centred data (as Excel does): the normal equations then stay well
  // conditioned and an exact line comes out exact; the intercept follows from the means.
  const xMean = [...Array(k).keys()].map((j) => (withConstant ? x.reduce((s, row) => s + row[j], 0) / n : 0));
  const mean = withConstant ? yFlat.reduce((s, v) => s + v, 0) / n : 0;
  const xc = x.map((row) => row.map((v, j) => v - xMean[j]));
  const yc = yFlat.map((v) => v - mean);
  // Collinear x variables (or one without variance) are left out, as Microsoft's LINEST page says
  // Excel does: the redundant x columns are removed from the fit, show 0 as their coefficient and
  // standard error, and df counts only the kept ones. Kept are the columns that add a direction to
  // those before them (Gram–Schmidt over the centred columns).
  const keep: number[] = [];
  const directions: number[][] = [];
  for (let j = 0; j < k; j++) {
    const col = xc.map((row) => row[j]);
    let v = [...col];
    for (const d of directions) {
      const p = v.reduce((s, e, i) => s + e * d[i], 0);
      v = v.map((e, i) => e - p * d[i]);
    }
    const norm = Math.sqrt(v.reduce((s, e) => s + e * e, 0));
    const size = Math.sqrt(col.reduce((s, e) => s + e * e, 0));
    if (norm > 1e-10 * size && norm > 0) {
      keep.push(j);
      directions.push(v.map((e) => e / norm));
    }
  }
  const kk = keep.length;
  // Every x column removed (each without variance) with a constant and no more points than x
  // columns + 1: Excel's statistics, as it gives them for LINEST({1;2;3},{2,3;2,3;2,3},,TRUE), are
  // those of an exact fit with df = n - k - 1 = 0 (the removed columns not counted back, unlike
  // its page's rule): standard errors 0, r² 1, se(y) 0, ssreg the total sum of squares, ssresid 0;
  // F then #NUM!. With more points the page's rule applies (df = n - 1, below).
  if (kk === 0 && k > 0 && withConstant && n - k - 1 <= 0) {
    const ssAll = yFlat.reduce((s, v) => s + (v - mean) ** 2, 0);
    return { coefficients: new Array<number>(k).fill(0), intercept: mean, standardErrors: new Array<number>(k + 1).fill(0), r2: 1, sey: 0, df: Math.max(0, n - k - 1), ssReg: ssAll, ssResid: 0, x };
  }
  const xtx = keep.map((i) => keep.map((j) => xc.reduce((s, row) => s + row[i] * row[j], 0)));
  const xty = keep.map((i) => xc.reduce((s, row, r) => s + row[i] * yc[r], 0));
  const solved = kk === 0 ? [] : solve(xtx, xty);
  if (!solved) return new CellError(ErrorType.DIV_BY_ZERO, 'The known_x values have no variance (or are collinear).');
  const beta = new Array<number>(k).fill(0);
  keep.forEach((j, i) => (beta[j] = solved[i]));
  const coefficients = beta;
  const intercept = withConstant ? mean - beta.reduce((s, m, j) => s + m * xMean[j], 0) : 0;
  const fitted = x.map((row) => row.reduce((s, v, j) => s + v * beta[j], intercept));
  const ssResid = yFlat.reduce((s, v, i) => s + (v - fitted[i]) ** 2, 0);
  const ssTotal = yFlat.reduce((s, v) => s + (v - mean) ** 2, 0);
  const ssReg = ssTotal - ssResid;
  const df = n - kk - (withConstant ? 1 : 0);
  const sey = df > 0 ? Math.sqrt(ssResid / df) : new CellError(ErrorType.NUM, 'LINEST: too few points for statistics.');
  const inv = kk === 0 ? [] : inverse(xtx);
  const standardErrors = new Array<number>(k).fill(0);
  keep.forEach((j, i) => (standardErrors[j] = inv && typeof sey === 'number' ? Math.sqrt(Math.max(0, inv[i][i])) * sey : 0));
  if (withConstant) {
    const q = inv ? keep.reduce((s, a, i) => s + keep.reduce((t, b, j) => t + xMean[a] * inv[i][j] * xMean[b], 0), 0) : 0;
    standardErrors.push(typeof sey === 'number' ? sey * Math.sqrt(1 / n + q) : 0);
  }
  return { coefficients, intercept, standardErrors, r2: ssTotal === 0 ? 1 : ssReg / ssTotal, sey, df, ssReg, ssResid, x };
}

/**
 * LINEST / TREND / LOGEST / GROWTH's const and stats flags: omitted or left empty
 * (LINEST(y,x,,TRUE)) they take their default (const TRUE, stats FALSE); a number is TRUE unless
 * 0, a blank cell FALSE; an error or other text is #VALUE! (Excel: LINEST(y,x,#N/A,0) is #VALUE!).
 */
export function regressionFlag(arg: unknown, value: unknown, byDefault: boolean, name: string): boolean | CellError {
  if (arg === undefined || (arg as { type?: string }).type === 'EMPTY' || value === undefined) return byDefault;
  const v = value instanceof SimpleRangeValue ? (value.data.length === 1 && value.data[0].length === 1 ? plain(value.data[0][0]) : undefined) : plain(value);
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return new CellError(ErrorType.VALUE, `${name}: const and stats must be TRUE or FALSE.`);
}

/**
 * What TREND and GROWTH return: `predict` at each point of new_x (omitted: known_x, or
 * {1,2,3,…} in known_y's shape). One x variable: a result per cell of new_x. k variables: a point
 * per row of new_x for a column of known_y (new_x must have k columns), per column for a row of
 * known_y (k rows) — another shape is #REF!, as Excel gives for TREND({2;3;4;21;2},{2,1;…},D1:F1).
 */
export function predictOver(
  ys: readonly Scalar[][],
  xs: readonly Scalar[][] | undefined,
  newXs: readonly Scalar[][] | undefined,
  k: number,
  name: string,
  predict: (v: readonly number[]) => number,
): Scalar[][] | CellError {
  let counter = 0;
  const target = newXs ?? xs ?? ys.map((row) => row.map(() => ++counter));
  const at = (v: readonly Scalar[]): Scalar => {
    if (!v.every((e): e is number => typeof e === 'number')) return new CellError(ErrorType.VALUE, `${name}: new_x must be numbers.`);
    const r = predict(v);
    return Number.isFinite(r) ? r : new CellError(ErrorType.NUM, `${name}: the result is not a finite number.`);
  };
  if (k === 1) return target.map((row) => row.map((v) => at([v])));
  if (ys.length === 1) {
    if (target.length !== k) return new CellError(ErrorType.REF, `${name}: new_x must have a row for each of the ${k} x variables.`);
    return [(target[0] ?? []).map((_, c) => at(target.map((r) => r[c])))];
  }
  if ((target[0]?.length ?? 0) !== k) return new CellError(ErrorType.REF, `${name}: new_x must have a column for each of the ${k} x variables.`);
  return target.map((row) => [at(row)]);
}

/** Excel's VDB: declining balance at `factor`, switching to straight line when that is larger (unless noSwitch). */
export function vdb(cost: number, salvage: number, life: number, start: number, end: number, factor = 2, noSwitch = false): number | undefined {
  if (cost < 0 || salvage < 0 || life <= 0 || start < 0 || end < start || end > life || factor <= 0) return undefined;
  // Depreciation of each period, fractional periods taken proportionally (Excel's documented method).
  const periodDepreciation = (): number[] => {
    const out: number[] = [];
    let value = cost;
    let switched = false;
    const periods = Math.ceil(life);
    for (let p = 1; p <= periods; p++) {
      const ddb = Math.min(value * (factor / life), Math.max(0, value - salvage));
      const remaining = life - (p - 1);
      const sl = remaining > 0 ? (value - salvage) / remaining : 0;
      let d = ddb;
      if (!noSwitch && (switched || sl > ddb)) {
        switched = true;
        d = sl;
      }
      d = Math.max(0, Math.min(d, value - salvage));
      out.push(d);
      value -= d;
    }
    return out;
  };
  const deps = periodDepreciation();
  let total = 0;
  for (let p = 0; p < deps.length; p++) {
    const from = Math.max(start, p);
    const to = Math.min(end, p + 1);
    if (to > from) total += deps[p] * (to - from);
  }
  return total;
}

// ---- the plugin --------------------------------------------------------------------------------

const N = FunctionArgumentType.NUMBER;
const S = FunctionArgumentType.STRING;
const B = FunctionArgumentType.BOOLEAN;
const R = FunctionArgumentType.RANGE;
const A = FunctionArgumentType.ANY;
const SC = FunctionArgumentType.SCALAR;
const NOERR = FunctionArgumentType.NOERROR;

const IMPLEMENTED: ImplementedFunctions = {
  TEXT: { method: 'text', parameters: [{ argumentType: SC }, { argumentType: S }] },
  INT: { method: 'int', parameters: [{ argumentType: N }] },
  ISODD: { method: 'isodd', parameters: [{ argumentType: N }] },
  ISEVEN: { method: 'iseven', parameters: [{ argumentType: N }] },
  // A serial from 2958466 (after 9999-12-31, Excel's last date) is #NUM!, as below 0.
  DAY: { method: 'day', parameters: [{ argumentType: N, minValue: 0, lessThan: 2958466 }] },
  MONTH: { method: 'month', parameters: [{ argumentType: N, minValue: 0, lessThan: 2958466 }] },
  YEAR: { method: 'year', parameters: [{ argumentType: N, minValue: 0, lessThan: 2958466 }] },
  CONCAT: { method: 'concat', parameters: [{ argumentType: A }], repeatLastArgs: 1, vectorizationForbidden: true },
  ADDRESS: { method: 'addressExcel', parameters: [{ argumentType: SC }, { argumentType: SC }, { argumentType: SC, optionalArg: true }, { argumentType: SC, optionalArg: true }, { argumentType: SC, optionalArg: true }] },
  IFS: { method: 'ifsExcel', parameters: [{ argumentType: B }, { argumentType: SC, passSubtype: true }], repeatLastArgs: 2 },
  SWITCH: { method: 'switchExcel', parameters: [{ argumentType: NOERR }, { argumentType: SC, passSubtype: true }, { argumentType: SC, passSubtype: true }], repeatLastArgs: 1 },
  LOOKUP: { method: 'lookup', parameters: [{ argumentType: NOERR }, { argumentType: R }, { argumentType: R, optionalArg: true }] },
  XMATCH: {
    method: 'xmatch',
    parameters: [{ argumentType: NOERR }, { argumentType: R }, { argumentType: N, defaultValue: 0 }, { argumentType: N, defaultValue: 1 }],
  },
  'RANK.EQ': { method: 'rankEq', parameters: [{ argumentType: N }, { argumentType: R }, { argumentType: N, defaultValue: 0 }] },
  RANK: { method: 'rankEq', parameters: [{ argumentType: N }, { argumentType: R }, { argumentType: N, defaultValue: 0 }] },
  'RANK.AVG': { method: 'rankAvg', parameters: [{ argumentType: N }, { argumentType: R }, { argumentType: N, defaultValue: 0 }] },
  AVERAGEIFS: { method: 'averageifs', parameters: [{ argumentType: R }, { argumentType: R }, { argumentType: NOERR }], repeatLastArgs: 2 },
  CONVERT: { method: 'convert', parameters: [{ argumentType: N }, { argumentType: S }, { argumentType: S }] },
  FORECAST: { method: 'forecast', parameters: [{ argumentType: N }, { argumentType: R }, { argumentType: R }] },
  'FORECAST.LINEAR': { method: 'forecast', parameters: [{ argumentType: N }, { argumentType: R }, { argumentType: R }] },
  INTERCEPT: { method: 'intercept', parameters: [{ argumentType: R }, { argumentType: R }] },
  LINEST: {
    method: 'linest',
    sizeOfResultArrayMethod: 'linestSize',
    parameters: [{ argumentType: R }, { argumentType: R, optionalArg: true }, { argumentType: SC, optionalArg: true }, { argumentType: SC, optionalArg: true }],
    vectorizationForbidden: true,
  },
  TREND: {
    method: 'trend',
    sizeOfResultArrayMethod: 'trendSize',
    parameters: [{ argumentType: R }, { argumentType: R, optionalArg: true }, { argumentType: R, optionalArg: true }, { argumentType: SC, optionalArg: true }],
    vectorizationForbidden: true,
  },
  VDB: {
    method: 'vdb',
    parameters: [
      { argumentType: N },
      { argumentType: N },
      { argumentType: N },
      { argumentType: N },
      { argumentType: N },
      { argumentType: N, defaultValue: 2 },
      { argumentType: B, defaultValue: false },
    ],
  },
  KURT: { method: 'kurt', parameters: [{ argumentType: A }], repeatLastArgs: 1, vectorizationForbidden: true },
  MODE: { method: 'mode', parameters: [{ argumentType: A }], repeatLastArgs: 1, vectorizationForbidden: true },
  'MODE.SNGL': { method: 'mode', parameters: [{ argumentType: A }], repeatLastArgs: 1, vectorizationForbidden: true },
  PERMUT: { method: 'permut', parameters: [{ argumentType: N }, { argumentType: N }] },
  TYPE: { method: 'type', parameters: [{ argumentType: A }], vectorizationForbidden: true },
  'ERROR.TYPE': { method: 'errorType', parameters: [{ argumentType: A }] },
  NORMSDIST: { method: 'normsdist', parameters: [{ argumentType: N }] },
  XLOFFSET: {
    method: 'xloffset',
    parameters: [{ argumentType: A }, { argumentType: N }, { argumentType: N }, { argumentType: N, optionalArg: true }, { argumentType: N, optionalArg: true }],
    isVolatile: true,
    vectorizationForbidden: true,
  },
  INDEX: {
    method: 'index',
    sizeOfResultArrayMethod: 'indexSize',
    parameters: [{ argumentType: A }, { argumentType: A, optionalArg: true }, { argumentType: A, optionalArg: true }, { argumentType: A, optionalArg: true }],
    vectorizationForbidden: true,
  },
  ROW: { method: 'row', sizeOfResultArrayMethod: 'rowSize', parameters: [{ argumentType: A, optionalArg: true }], vectorizationForbidden: true },
  COLUMN: { method: 'column', sizeOfResultArrayMethod: 'columnSize', parameters: [{ argumentType: A, optionalArg: true }], vectorizationForbidden: true },
  XLFIT: { method: 'xlfit', sizeOfResultArrayMethod: 'xlfitSize', parameters: [{ argumentType: A }, { argumentType: N }, { argumentType: N }], vectorizationForbidden: true },
  XLOOKUP: {
    method: 'xlookup',
    sizeOfResultArrayMethod: 'xlookupSize',
    parameters: [{ argumentType: A }, { argumentType: A }, { argumentType: A }, { argumentType: A, optionalArg: true }, { argumentType: A, optionalArg: true }, { argumentType: A, optionalArg: true }],
    vectorizationForbidden: true,
  },
  FIXED: { method: 'fixed', parameters: [{ argumentType: N }, { argumentType: N, defaultValue: 2 }, { argumentType: B, defaultValue: false }] },
  NUMBERVALUE: { method: 'numbervalue', parameters: [{ argumentType: SC }, { argumentType: S, optionalArg: true }, { argumentType: S, optionalArg: true }] },
  FREQUENCY: { method: 'frequency', sizeOfResultArrayMethod: 'frequencySize', parameters: [{ argumentType: R }, { argumentType: R }], vectorizationForbidden: true },
  XLERROR: { method: 'xlerror', parameters: [{ argumentType: S }] },
  XLLIMIT: { method: 'xllimit', parameters: [{ argumentType: S }] },
  INDIRECT: { method: 'indirect', parameters: [{ argumentType: S }, { argumentType: B, defaultValue: true }], isVolatile: true, vectorizationForbidden: true },
  CHAR: { method: 'char', parameters: [{ argumentType: N }] },
  CODE: { method: 'code', parameters: [{ argumentType: S }] },
};

export class ExcelFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions = IMPLEMENTED;

  text(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('TEXT'), (value: unknown, code: string) => {
      const v = plain(value);
      if (v instanceof CellError) return v;
      let input: number | string = typeof v === 'number' ? v : typeof v === 'boolean' ? String(v).toUpperCase() : v === null ? 0 : String(v);
      // Text that Excel reads as a number is formatted as that number: "12", "1987-08-26" (a date).
      const date1904 = isDate1904(this.config);
      if (typeof input === 'string') {
        // Date text is read as the serial of its date in the workbook's date system.
        // Before 1904-01-01 it is no date in a 1904 workbook, and stays text (as before 1900 in 1900).
        const iso = isoDateSerial(input);
        input = textToNumber(input, date1904) ?? (iso === undefined || (date1904 && iso < DATE1904_OFFSET) ? input : from1900(iso, date1904));
      }
      // Format codes as Excel applies them (src/sheet/textFormat.ts: numfmt plus Excel's rules for %, commas and literals).
      return excelText(input, code, { date1904 }) ?? new CellError(ErrorType.VALUE, `TEXT: "${code}" is not a format code for this value.`);
    });
  }

  /** The character set of CHAR and CODE: the evaluation option characterSet (see src/sheet/characterSets.ts). */
  private characterSet(): CharacterSet {
    return (this.config.context as { characterSet?: CharacterSet } | undefined)?.characterSet === 'mac' ? 'mac' : 'windows';
  }

  char(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('CHAR'), (x: number) => {
      const n = Math.trunc(x);
      return n < 1 || n > 255 ? new CellError(ErrorType.VALUE, 'CHAR: the number must be from 1 to 255.') : charOf(n, this.characterSet());
    });
  }

  code(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('CODE'), (text: string) =>
      text.length === 0 ? new CellError(ErrorType.VALUE, 'CODE: the text is empty.') : codeOf(text, this.characterSet()),
    );
  }

  int(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('INT'), (x: number) => Math.floor(x));
  }

  isodd(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('ISODD'), (x: number) => Math.abs(Math.trunc(x)) % 2 === 1);
  }

  iseven(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('ISEVEN'), (x: number) => Math.abs(Math.trunc(x)) % 2 === 0);
  }

  /**
   * A serial's date parts in the workbook's date system: a 1904 serial is read as the 1900 serial
   * of the same date (src/sheet/dateSystem.ts); past 9999-12-31 of either system is #NUM!.
   */
  private dateParts(name: string, x: number): { year: number; month: number; day: number } | CellError {
    const date1904 = isDate1904(this.config);
    if (date1904 && x >= 2958466 - DATE1904_OFFSET) return new CellError(ErrorType.NUM, `${name}: the date is after 9999-12-31.`);
    return excelDateParts(to1900(x, date1904));
  }

  day(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('DAY'), (x: number) => {
      const p = this.dateParts('DAY', x);
      return p instanceof CellError ? p : p.day;
    });
  }

  month(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('MONTH'), (x: number) => {
      const p = this.dateParts('MONTH', x);
      return p instanceof CellError ? p : p.month;
    });
  }

  year(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('YEAR'), (x: number) => {
      const p = this.dateParts('YEAR', x);
      return p instanceof CellError ? p : p.year;
    });
  }

  concat(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('CONCAT'), (...args: unknown[]) => {
      let out = '';
      for (const arg of args) {
        for (const v of flat(arg)) {
          if (v instanceof CellError) return v;
          out += v === null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
        }
      }
      return out;
    });
  }

  /**
   * ADDRESS(row_num, column_num, [abs_num], [a1], [sheet_text]). Numbers are truncated (Excel:
   * ADDRESS(1.1,3) is $C$1, abs_num 4.1 is 4); a row outside 1..1048576, a column outside
   * 1..16384, an abs_num outside 1..4 or an a1 that is neither logical nor a number is #VALUE!; a
   * sheet_text given (even an empty cell) prefixes "name!", quoted when the name needs quotes.
   */
  addressExcel(ast: ProcedureAst, state: InterpreterState): unknown {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return this.runFunction(ast.args, state, this.metadata('ADDRESS'), (...given: unknown[]): any => {
      const omitted = (i: number): boolean => i >= ast.args.length || ast.args[i].type === 'EMPTY';
      const bad = (why: string): CellError => new CellError(ErrorType.VALUE, `ADDRESS: ${why}`);
      const num = (v: unknown): number | CellError => {
        const x = plain(v);
        if (x instanceof CellError) return x;
        if (x === null) return 0;
        if (typeof x === 'boolean') return Number(x);
        if (typeof x === 'number') return Math.trunc(x);
        const n = x.trim() === '' ? NaN : Number(x);
        return Number.isFinite(n) ? Math.trunc(n) : bad(`"${x}" is not a number.`);
      };
      const row = num(given[0]);
      if (row instanceof CellError) return row;
      const col = num(given[1]);
      if (col instanceof CellError) return col;
      const abs = omitted(2) ? 1 : num(given[2]);
      if (abs instanceof CellError) return abs;
      let a1 = true;
      if (!omitted(3)) {
        const x = plain(given[3]);
        if (x instanceof CellError) return x;
        if (typeof x === 'string' && !/^\s*(true|false)\s*$/i.test(x)) return bad('a1 must be TRUE or FALSE.');
        a1 = typeof x === 'string' ? x.trim().toUpperCase() === 'TRUE' : Boolean(x);
      }
      let prefix = '';
      if (ast.args.length > 4) {
        const x = plain(given[4]);
        if (x instanceof CellError) return x;
        const name = x === null || ast.args[4].type === 'EMPTY' ? '' : typeof x === 'boolean' ? (x ? 'TRUE' : 'FALSE') : String(x);
        const plainName = name === '' || (/^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name));
        prefix = `${plainName ? name : `'${name.replace(/'/g, "''")}'`}!`;
      }
      if (row < 1 || row > 1048576 || col < 1 || col > 16384) return bad('the row or column is outside the sheet.');
      if (abs < 1 || abs > 4) return bad('abs_num must be 1, 2, 3 or 4.');
      const rowAbs = abs === 1 || abs === 2;
      const colAbs = abs === 1 || abs === 3;
      if (a1) {
        let letters = '';
        for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
        return `${prefix}${colAbs ? '$' : ''}${letters}${rowAbs ? '$' : ''}${row}`;
      }
      return `${prefix}${rowAbs ? `R${row}` : `R[${row}]`}${colAbs ? `C${col}` : `C[${col}]`}`;
    });
  }

  /**
   * IFS(logical_test1, value_if_true1, …). Microsoft: "IFS function checks whether one or more
   * conditions are met and returns a value that corresponds to the first TRUE condition"; "If no
   * TRUE conditions are found, this function returns #N/A". Read in order and only as far as the
   * first TRUE condition, as Excel does (HyperFormula evaluated every argument, so an error in a
   * later condition won over the value chosen: IFS(TRUE,#VALUE!,#N/A,1) is #VALUE!). A condition
   * that is an array (an array formula) is left to HyperFormula's element-wise evaluation.
   */
  ifsExcel(ast: ProcedureAst, state: InterpreterState): unknown {
    const args = ast.args;
    if (args.length < 2 || args.length % 2 !== 0) return new CellError(ErrorType.NA, 'IFS: needs pairs of a condition and a value.');
    for (let i = 0; i < args.length; i += 2) {
      const condition = this.evaluateAst(args[i], state);
      if (condition instanceof SimpleRangeValue && condition.width() * condition.height() > 1) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        return this.runFunction(ast.args, state, this.metadata('IFS'), (...values: unknown[]): any => {
          for (let k = 0; k + 1 < values.length; k += 2) if (values[k] instanceof CellError) return values[k];
          else if (values[k]) return values[k + 1];
          return new CellError(ErrorType.NA, 'IFS: no condition is TRUE.');
        });
      }
      const c = plain(condition instanceof SimpleRangeValue ? condition.data[0]?.[0] : condition);
      if (c instanceof CellError) return c;
      let truth: boolean;
      if (typeof c === 'boolean') truth = c;
      else if (typeof c === 'number') truth = c !== 0;
      else if (c === null) truth = false;
      else if (/^\s*(true|false)\s*$/i.test(c)) truth = c.trim().toUpperCase() === 'TRUE';
      else return new CellError(ErrorType.VALUE, `IFS: "${c}" is not a condition (TRUE or FALSE).`);
      if (truth) return args[i + 1].type === 'EMPTY' ? 0 : this.evaluateAst(args[i + 1], state);
    }
    return new CellError(ErrorType.NA, 'IFS: no condition is TRUE.');
  }

  /**
   * SWITCH(expression, value1, result1, [value2, result2], …, [default]). Microsoft: "If there is no
   * match, and no default argument, SWITCH returns the #N/A error." A value that is an error is
   * that error (HyperFormula skipped it); a blank compares as 0, never as "" or FALSE, and text
   * without regard to case, as Excel's = does.
   */
  switchExcel(ast: ProcedureAst, state: InterpreterState): unknown {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return this.runFunction(ast.args, state, this.metadata('SWITCH'), (selector: unknown, ...args: unknown[]): any => {
      const key = plain(selector) ?? 0;
      let i = 0;
      for (; i + 1 < args.length; i += 2) {
        const v = plain(args[i]) ?? 0;
        if (v instanceof CellError) return v;
        if (typeof v === typeof key && (typeof v === 'string' ? v.toLowerCase() === (key as string).toLowerCase() : v === key)) return args[i + 1];
      }
      return i < args.length ? args[i] : new CellError(ErrorType.NA, 'SWITCH: no value matches and there is no default.');
    });
  }

  lookup(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('LOOKUP'), (sought: unknown, lookupRange: SimpleRangeValue, resultRange?: SimpleRangeValue) => {
      // A blank lookup value is sought as 0, as Excel reads a blank cell for a number.
      const value = plain(sought) ?? 0;
      const g = grid(lookupRange);
      const height = g.length;
      const width = g[0]?.length ?? 0;
      // Array form: search the first row of a wide array or the first column of a tall one, return from the last.
      const byRow = width > height;
      const searched = resultRange === undefined ? (byRow ? g[0] : g.map((r) => r[0])) : height === 1 ? g[0] : g.map((r) => r[0]);
      const i = approximateIndex(searched, value);
      if (i < 0) return new CellError(ErrorType.NA, 'LOOKUP: no value is less than or equal to the one sought.');
      if (resultRange === undefined) return out(byRow ? g[height - 1][i] : g[i][width - 1]);
      const result = flat(resultRange);
      return i < result.length ? out(result[i]) : new CellError(ErrorType.NA, 'LOOKUP: the result range is shorter than the lookup range.');
    });
  }

  xmatch(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('XMATCH'), (sought: unknown, range: SimpleRangeValue, matchMode: number, searchMode: number) => {
      if (![0, -1, 1, 2, 3].includes(matchMode) || ![1, -1, 2, -2].includes(searchMode)) return new CellError(ErrorType.VALUE, 'XMATCH: match_mode or search_mode is not one of its values.');
      const problem = regexProblem('XMATCH', plain(sought), matchMode, searchMode);
      if (problem) return problem;
      // Wildcards have no order to halve by: Excel answers #VALUE! (issue 11's corpus, every cell).
      if (matchMode === 2 && Math.abs(searchMode) === 2) return new CellError(ErrorType.VALUE, 'XMATCH: wildcards (match_mode 2) cannot be searched by halving (search_mode 2 or -2).');
      const i = matchIndex(flat(range), plain(sought), matchMode, searchMode);
      return i >= 0 ? i + 1 : new CellError(ErrorType.NA, 'XMATCH: no match.');
    });
  }

  private rank(name: string, ast: ProcedureAst, state: InterpreterState, average: boolean): unknown {
    return this.runFunction(ast.args, state, this.metadata(name), (x: number, range: SimpleRangeValue, order: number) => {
      const numbers = numbersOf(range);
      if (numbers instanceof CellError) return numbers;
      if (!numbers.includes(x)) return new CellError(ErrorType.NA, `${name}: the number is not in the list.`);
      const better = numbers.filter((v) => (order === 0 ? v > x : v < x)).length;
      const ties = numbers.filter((v) => v === x).length;
      return average ? better + (ties + 1) / 2 : better + 1;
    });
  }

  rankEq(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.rank(ast.procedureName.toUpperCase() === 'RANK' ? 'RANK' : 'RANK.EQ', ast, state, false);
  }

  rankAvg(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.rank('RANK.AVG', ast, state, true);
  }

  averageifs(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('AVERAGEIFS'), (avg: SimpleRangeValue, ...rest: unknown[]) => {
      const target = flat(avg);
      const conditions: Array<{ values: Scalar[]; test: (v: Scalar) => boolean }> = [];
      for (let k = 0; k + 1 < rest.length; k += 2) {
        const values = flat(rest[k]);
        if (values.length !== target.length) return new CellError(ErrorType.VALUE, 'AVERAGEIFS: every criteria range must have the size of average_range.');
        conditions.push({ values, test: criterion(plain(rest[k + 1])) });
      }
      let sum = 0;
      let count = 0;
      for (let i = 0; i < target.length; i++) {
        if (!conditions.every((c) => c.test(c.values[i]))) continue;
        const v = target[i];
        if (v instanceof CellError) return v;
        if (typeof v === 'number') {
          sum += v;
          count++;
        }
      }
      return count === 0 ? new CellError(ErrorType.DIV_BY_ZERO, 'AVERAGEIFS: no cell meets the criteria.') : sum / count;
    });
  }

  convert(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('CONVERT'), (x: number, from: string, to: string) => out(convert(x, from, to)));
  }

  forecast(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('FORECAST'), (x: number, ys: SimpleRangeValue, xs: SimpleRangeValue) => {
      const p = pairs(ys, xs);
      if (p instanceof CellError) return p;
      const l = line(p.x, p.y, true);
      return l instanceof CellError ? l : l.intercept + l.slope * x;
    });
  }

  intercept(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('INTERCEPT'), (ys: SimpleRangeValue, xs: SimpleRangeValue) => {
      const p = pairs(ys, xs);
      if (p instanceof CellError) return p;
      const l = line(p.x, p.y, true);
      return l instanceof CellError ? l : l.intercept;
    });
  }

  /** How many x variables LINEST/TREND fit: rows of x for a row of y, columns of x for a column of y. */
  private xCount(ast: ProcedureAst, state: InterpreterState): number {
    const y = this.areaOf(ast.args[0], state);
    const x = ast.args[1] && (ast.args[1] as { type?: string }).type !== 'EMPTY' ? this.areaOf(ast.args[1], state) : undefined;
    if (!y || !x) return 1;
    const yRow = y.top === y.bottom && y.right > y.left;
    const yCells = (y.bottom - y.top + 1) * (y.right - y.left + 1);
    const xCells = (x.bottom - x.top + 1) * (x.right - x.left + 1);
    if (xCells === yCells) return 1;
    return yRow ? x.bottom - x.top + 1 : x.right - x.left + 1;
  }

  linestSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const statsArg = ast.args[3] as { type?: string; value?: unknown; procedureName?: string } | undefined;
    const stats = (statsArg?.type === 'NUMBER' && statsArg.value !== 0) || statsArg?.procedureName?.toUpperCase() === 'TRUE';
    return new ArraySize(this.xCount(ast, state) + 1, stats ? 5 : 1);
  }

  linest(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('LINEST'), (ys: SimpleRangeValue, xs: SimpleRangeValue | undefined, constArg: unknown, statsArg: unknown) => {
      const withConstant = regressionFlag(ast.args[2], constArg, true, 'LINEST');
      const stats = regressionFlag(ast.args[3], statsArg, false, 'LINEST');
      if (withConstant instanceof CellError) return withConstant;
      if (stats instanceof CellError) return stats;
      const fit = regress(grid(ys), xs === undefined ? undefined : grid(xs), withConstant);
      if (fit instanceof CellError) return fit;
      const k = fit.coefficients.length;
      const first = [...fit.coefficients].reverse().concat(fit.intercept);
      if (!stats) return SimpleRangeValue.onlyValues([first]);
      const na = new CellError(ErrorType.NA, 'LINEST: no value at this position.');
      const pad = (row: Scalar[]): Scalar[] => row.concat(new Array<Scalar>(k + 1 - row.length).fill(na));
      const se: Scalar[] = [...fit.standardErrors.slice(0, k)].reverse();
      se.push(withConstant ? fit.standardErrors[k] : na);
      const f = fit.df > 0 && fit.ssResid > 0 ? fit.ssReg / k / (fit.ssResid / fit.df) : new CellError(ErrorType.NUM, 'LINEST: F is infinite.');
      return SimpleRangeValue.onlyValues(
        [first, se, pad([fit.r2, fit.sey]), pad([f, fit.df]), pad([fit.ssReg, fit.ssResid])].map((r) => r.map(out)) as never,
      );
    });
  }

  trendSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const k = this.xCount(ast, state);
    const y = this.areaOf(ast.args[0], state);
    const yRow = y !== undefined && y.top === y.bottom && y.right > y.left;
    const target = this.areaOf(ast.args[2] ?? ast.args[1] ?? ast.args[0], state);
    if (!target) return ArraySize.scalar();
    const h = target.bottom - target.top + 1;
    const w = target.right - target.left + 1;
    if (k > 1) return yRow ? new ArraySize(w, 1) : new ArraySize(1, h);
    return new ArraySize(w, h);
  }

  trend(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('TREND'),
      (ys: SimpleRangeValue, xs: SimpleRangeValue | undefined, newXs: SimpleRangeValue | undefined, constArg: unknown) => {
        const withConstant = regressionFlag(ast.args[3], constArg, true, 'TREND');
        if (withConstant instanceof CellError) return withConstant;
        const y = grid(ys);
        const x = xs === undefined ? undefined : grid(xs);
        const fit = regress(y, x, withConstant, 'TREND');
        if (fit instanceof CellError) return fit;
        const results = predictOver(y, x, newXs === undefined ? undefined : grid(newXs), fit.coefficients.length, 'TREND', (v) =>
          v.reduce((sum, e, j) => sum + e * fit.coefficients[j], fit.intercept),
        );
        if (results instanceof CellError) return results;
        return SimpleRangeValue.onlyValues(results.map((r) => r.map(out)) as never);
      },
    );
  }

  vdb(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(
      ast.args,
      state,
      this.metadata('VDB'),
      (cost: number, salvage: number, life: number, start: number, end: number, factor: number, noSwitch: boolean) => {
        const r = vdb(cost, salvage, life, start, end, factor, noSwitch);
        return r === undefined ? new CellError(ErrorType.NUM, 'VDB: the arguments are out of range.') : r;
      },
    );
  }

  kurt(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('KURT'), (...args: unknown[]) => {
      const numbers: number[] = [];
      for (const a of args) {
        const n = numbersOf(a);
        if (n instanceof CellError) return n;
        numbers.push(...n);
      }
      if (numbers.length < 4) return new CellError(ErrorType.DIV_BY_ZERO, 'KURT: needs at least four numbers.');
      return out(fromFormulajs(formulajs.KURT(numbers), 'KURT'));
    });
  }

  mode(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('MODE'), (...args: unknown[]) => {
      const numbers: number[] = [];
      for (const a of args) {
        const n = numbersOf(a);
        if (n instanceof CellError) return n;
        numbers.push(...n);
      }
      const counts = new Map<number, number>();
      let best: number | undefined;
      let bestCount = 1;
      for (const v of numbers) {
        const c = (counts.get(v) ?? 0) + 1;
        counts.set(v, c);
        // The first value to reach the highest count, in the order given (Excel's choice among ties).
        if (c > bestCount) {
          bestCount = c;
          best = v;
        }
      }
      if (best === undefined) return new CellError(ErrorType.NA, 'MODE: no value repeats.');
      const winners = numbers.filter((v) => counts.get(v) === bestCount);
      return winners[0];
    });
  }

  permut(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('PERMUT'), (n: number, k: number) => out(fromFormulajs(formulajs.PERMUT(n, k), 'PERMUT')));
  }

  type(ast: ProcedureAst, state: InterpreterState): unknown {
    const arg = ast.args[0];
    if (arg === undefined) return new CellError(ErrorType.NA, 'TYPE: needs one argument.');
    // A function given as a value (_xleta.SUM, how a file stores =TYPE(SUM)) is a lambda: 128.
    const named = arg as unknown as { type: string; expressionName?: string };
    if (named.type === 'NAMED_EXPRESSION' && /^_xleta\./i.test(named.expressionName ?? '')) return 128;
    const v = this.evaluateAst(arg, state);
    if (v instanceof SimpleRangeValue) return v.width() * v.height() === 1 ? typeCode(plain(v.data[0][0])) : 64;
    return typeCode(plain(v));
  }

  errorType(ast: ProcedureAst, state: InterpreterState): unknown {
    const arg = ast.args[0];
    if (arg === undefined) return new CellError(ErrorType.NA, 'ERROR.TYPE: needs one argument.');
    // Excel's numbers, #GETTING_DATA, #SPILL! and #CALC! included.
    const numbers: Record<string, number> = { '#NULL!': 1, '#DIV/0!': 2, '#VALUE!': 3, '#REF!': 4, '#NAME?': 5, '#NUM!': 6, '#N/A': 7, '#GETTING_DATA': 8, '#SPILL!': 9, '#CALC!': 14 };
    const one = (v: Scalar): number | CellError =>
      !(v instanceof CellError) ? new CellError(ErrorType.NA, 'ERROR.TYPE: the value is not an error.') : (numbers[errorCodeOf(v)] ?? new CellError(ErrorType.NA, 'ERROR.TYPE: an error without a number.'));
    const evaluated = this.evaluateAst(arg, state);
    // Over a range in an array formula, one number per cell, as Excel lifts it ({=ERROR.TYPE(D4:Q4)}).
    if (evaluated instanceof SimpleRangeValue && state.arraysFlag && evaluated.width() * evaluated.height() > 1) {
      return SimpleRangeValue.onlyValues(grid(evaluated).map((row) => row.map(one)) as never);
    }
    return one(plain(evaluated));
  }

  /** NORMSDIST(z): Excel's legacy one-argument standard normal distribution (cumulative). */
  normsdist(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('NORMSDIST'), (z: number) =>
      out(fromFormulajs((formulajs.NORM as unknown as { S: { DIST: (z: number, c: boolean) => unknown } }).S.DIST(z, true), 'NORMSDIST')),
    );
  }

  /**
   * XLERROR("#NULL!"): an error HyperFormula has no type for (#NULL!, #CALC!, #GETTING_DATA), held
   * as its #ERROR! with the code as message, so that cells referring to it pass it on and the
   * host reads the code back (src/sheet/workbook.ts). Only entered for such input cells.
   */
  xlerror(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('XLERROR'), (code: string) => new CellError(ErrorType.ERROR, code));
  }

  /**
   * XLLIMIT("message"): what a formula beyond Excel's limits is entered as (src/sheet/formulaLimits.ts):
   * #VALUE! with the message naming the limit, passed on to the cells that refer to it, and never
   * parsed by HyperFormula (its parser and interpreter recurse once per level).
   */
  xllimit(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('XLLIMIT'), (message: string) => new CellError(ErrorType.VALUE, message));
  }

  xlookupSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const sought = this.areaOf(ast.args[0], state);
    if (sought && state.arraysFlag && (sought.bottom > sought.top || sought.right > sought.left)) {
      return new ArraySize(sought.right - sought.left + 1, sought.bottom - sought.top + 1);
    }
    const lookup = this.areaOf(ast.args[1], state);
    const back = this.areaOf(ast.args[2], state);
    if (!lookup || !back) return ArraySize.scalar();
    // A row of the return array for a vertical lookup array, a column for a horizontal one.
    return lookup.right === lookup.left ? new ArraySize(back.right - back.left + 1, 1) : new ArraySize(1, back.bottom - back.top + 1);
  }

  /**
   * XLOOKUP(lookup_value, lookup_array, return_array, [if_not_found], [match_mode], [search_mode]).
   * Several lookup values (an array formula over a range of them, issue 11's
   * {=XLOOKUP(C162:Q162,…)}) give one result each, as in Excel.
   */
  xlookup(ast: ProcedureAst, state: InterpreterState): unknown {
    const [soughtArg, lookupArg, returnArg, notFoundArg, modeArg, searchArg] = ast.args;
    if (soughtArg === undefined || lookupArg === undefined || returnArg === undefined || ast.args.length > 6) {
      return new CellError(ErrorType.NA, 'XLOOKUP: wrong number of arguments.');
    }
    const arrays = { ...state, arraysFlag: true } as InterpreterState;
    const lookup = grid(this.evaluateAst(lookupArg, arrays));
    const back = grid(this.evaluateAst(returnArg, arrays));
    const lifted = state.arraysFlag ? arrays : state;
    const sought = grid(this.evaluateAst(soughtArg, lifted));
    const given = (arg: unknown): Scalar[][] | undefined =>
      arg === undefined || (arg as { type?: string }).type === 'EMPTY' ? undefined : grid(this.evaluateAst(arg as never, lifted));
    const notFound = given(notFoundArg);
    const modes = given(modeArg) ?? [[0]];
    const searches = given(searchArg) ?? [[1]];
    const error = firstError(lookup.flat());
    if (error) return error;
    const vertical = (lookup[0]?.length ?? 0) === 1;
    if (!vertical && lookup.length !== 1) return new CellError(ErrorType.VALUE, 'XLOOKUP: the lookup array must be one row or one column.');
    const values = vertical ? lookup.map((r) => r[0]) : lookup[0];
    if (vertical ? back.length !== values.length : (back[0]?.length ?? 0) !== values.length) {
      return new CellError(ErrorType.VALUE, 'XLOOKUP: the return array must match the lookup array in size.');
    }
    const asNumber = (v: Scalar): number | CellError =>
      // Rounded down, as Excel does: issue 11's corpus has search_mode -1.1 searching as -2 (LOOKUP!AH162 "R").
      v instanceof CellError ? v : typeof v === 'number' ? Math.floor(v) : typeof v === 'boolean' ? Number(v) : new CellError(ErrorType.VALUE, 'XLOOKUP: match_mode and search_mode are numbers.');
    const slice = (v: Scalar, modeValue: Scalar, searchValue: Scalar, r: number, c: number): Scalar[][] => {
      if (v instanceof CellError) return [[v]];
      const mode = asNumber(modeValue);
      const search = asNumber(searchValue);
      if (mode instanceof CellError) return [[mode]];
      if (search instanceof CellError) return [[search]];
      if (![0, -1, 1, 2, 3].includes(mode) || ![1, -1, 2, -2].includes(search)) return [[new CellError(ErrorType.VALUE, 'XLOOKUP: match_mode or search_mode is not one of its values.')]];
      const problem = regexProblem('XLOOKUP', v, mode, search);
      if (problem) return [[problem]];
      if (mode === 2 && Math.abs(search) === 2) return [[new CellError(ErrorType.VALUE, 'XLOOKUP: wildcards (match_mode 2) cannot be searched by halving (search_mode 2 or -2).')]];
      const i = matchIndex(values, v, mode, search);
      if (i < 0) {
        if (!notFound) return [[new CellError(ErrorType.NA, 'XLOOKUP: no match.')]];
        return notFound.length * (notFound[0]?.length ?? 0) > 1 && (r > 0 || c > 0) ? [[pick(notFound, r, c)]] : notFound;
      }
      return vertical ? [back[i]] : back.map((row) => [row[i]]);
    };
    // Excel lifts every single-value argument over an array (issue 11's
    // {=XLOOKUP(C162:Q162,…,C163:Q163,C162:C169)}): a one-row or one-column array is repeated to
    // the others' size, and a position beyond an argument's own size is #N/A.
    const grids = [sought, modes, searches];
    const h = Math.max(...grids.map((g) => g.length));
    const w = Math.max(...grids.map((g) => g[0]?.length ?? 0));
    if (h * w > 1) {
      const results = [...Array(h).keys()].map((r) => [...Array(w).keys()].map((c) => slice(pick(sought, r, c), pick(modes, r, c), pick(searches, r, c), r, c)[0][0]));
      return SimpleRangeValue.onlyValues(results.map((row) => row.map(out)) as never);
    }
    const result = slice(sought[0]?.[0] ?? null, modes[0][0], searches[0][0], 0, 0);
    if (result.length === 1 && result[0].length === 1) return out(result[0][0]);
    return SimpleRangeValue.onlyValues(result.map((row) => row.map(out)) as never);
  }

  fixed(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('FIXED'), (x: number, decimals: number, noCommas: boolean) =>
      decimals > 127 ? new CellError(ErrorType.VALUE, 'FIXED: decimals must be at most 127.') : fixed(x, decimals, noCommas),
    );
  }

  numbervalue(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('NUMBERVALUE'), (value: unknown, decimal?: string, group?: string) => {
      const v = plain(value);
      if (v instanceof CellError) return v;
      if (typeof v === 'number') return v;
      if (v === null) return 0;
      // Omitted separators are the usual '.' and ',' (the other one when the given one is that character).
      const d = decimal ?? (group !== undefined && group[0] === '.' ? ',' : '.');
      const n = numberValue(String(v), d, group ?? (d[0] === ',' ? '.' : ','));
      return n === undefined ? new CellError(ErrorType.VALUE, `NUMBERVALUE: "${String(v)}" is not a number.`) : n;
    });
  }

  frequencySize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const bins = this.areaOf(ast.args[1], state);
    return bins ? new ArraySize(1, (bins.bottom - bins.top + 1) * (bins.right - bins.left + 1) + 1) : new ArraySize(1, 2);
  }

  /** FREQUENCY(data, bins): how many values fall at or below each bin and above the one before; the last counts the rest. */
  frequency(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('FREQUENCY'), (data: SimpleRangeValue, binsRange: SimpleRangeValue) => {
      const values = numbersOf(data);
      if (values instanceof CellError) return values;
      const bins = flat(binsRange).map((b) => (typeof b === 'number' ? b : undefined));
      const sorted = bins.map((b, i) => ({ b, i })).filter((x): x is { b: number; i: number } => x.b !== undefined).sort((a, b) => a.b - b.b);
      const counts = new Array<number>(bins.length + 1).fill(0);
      for (const v of values) {
        const slot = sorted.find((x) => v <= x.b);
        counts[slot ? slot.i : bins.length]++;
      }
      return SimpleRangeValue.onlyValues(counts.map((n) => [n]));
    });
  }

  xlfitSize(ast: ProcedureAst): ArraySize {
    const rows = this.literal(ast.args[1]);
    const cols = this.literal(ast.args[2]);
    return rows !== undefined && cols !== undefined && rows >= 1 && cols >= 1 ? new ArraySize(cols, rows) : ArraySize.scalar();
  }

  /**
   * XLFIT(expression, rows, cols): an array formula's result fitted to the range Excel entered it
   * over (src/sheet/workbook.ts wraps array formulas read from a file with it), so that its size
   * is known before it is evaluated: a single value fills the range, a one-row (one-column) result
   * repeats down (across), and cells beyond a larger result are #N/A, as in Excel.
   */
  xlfit(ast: ProcedureAst, state: InterpreterState): unknown {
    const rows = this.literal(ast.args[1]) ?? 1;
    const cols = this.literal(ast.args[2]) ?? 1;
    const arg = ast.args[0];
    if (arg === undefined) return new CellError(ErrorType.NA, 'XLFIT: needs an expression.');
    // {=ISNUMBER(A1:C1)} over a larger range: the argument is fitted first (src/sheet/textFunctions.ts).
    const tested = fitInformation(arg, rows, cols, (a) => this.evaluateAst(a, { ...state, arraysFlag: true } as InterpreterState));
    if (tested) return SimpleRangeValue.onlyValues(tested as never);
    const g = grid(this.evaluateAst(arg, { ...state, arraysFlag: true } as InterpreterState));
    const h = g.length;
    const w = g[0]?.length ?? 0;
    const na = new CellError(ErrorType.NA, 'The array result is smaller than the range of the array formula.');
    const fitted = [...Array(rows).keys()].map((r) =>
      [...Array(cols).keys()].map((c) => {
        const sr = h === 1 ? 0 : r;
        const sc = w === 1 ? 0 : c;
        // A blank shows as 0 in an array formula's range, as in Excel ({=A1:B1} over an empty A1).
        return sr < h && sc < w ? (g[sr][sc] === null ? 0 : g[sr][sc]) : na;
      }),
    );
    return SimpleRangeValue.onlyValues(fitted as never);
  }

  /** The rectangle of a reference argument (one cell or a range), or undefined for any other expression. */
  private areaOf(arg: unknown, state: InterpreterState, depth = 0): { sheet: number; top: number; left: number; bottom: number; right: number } | undefined {
    let base = arg as (RangeAst & { reference?: { toSimpleCellAddress(b: unknown): { sheet: number; row: number; col: number } } }) | undefined;
    while (base && base.type === 'PARENTHESIS') base = (base as unknown as { expression: typeof base }).expression;
    if (base?.type === 'NAMED_EXPRESSION' && depth < 8) {
      // A workbook name standing for a reference (=ROW(Claims)): the area of its expression.
      const graph = this.dependencyGraph;
      const named = graph.namedExpressions.nearestNamedExpression((base as unknown as { expressionName: string }).expressionName, state.formulaAddress.sheet);
      const vertex = named ? (graph.getCell(named.address) as { getFormula?: (service: unknown) => unknown } | undefined) : undefined;
      if (!named || typeof vertex?.getFormula !== 'function') return undefined;
      return this.areaOf(vertex.getFormula(graph.lazilyTransformingAstService), { ...state, formulaAddress: named.address } as InterpreterState, depth + 1);
    }
    if (base?.type === 'CELL_REFERENCE' && base.reference) {
      const a = base.reference.toSimpleCellAddress(state.formulaAddress);
      return { sheet: a.sheet, top: a.row, left: a.col, bottom: a.row, right: a.col };
    }
    if (base?.type === 'CELL_RANGE') {
      const a = base.start.toSimpleCellAddress(state.formulaAddress) as { sheet: number; row: number; col: number };
      const b = base.end.toSimpleCellAddress(state.formulaAddress);
      return { sheet: a.sheet, top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
    }
    return undefined;
  }

  /** A number literal argument's value (INDEX's 0 for a whole row or column), else undefined. */
  private literal(arg: unknown): number | undefined {
    const a = arg as { type?: string; value?: unknown } | undefined;
    return a?.type === 'NUMBER' && typeof a.value === 'number' ? a.value : undefined;
  }

  indexSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const area = this.areaOf(ast.args[0], state);
    if (!area) return ArraySize.scalar();
    const h = area.bottom - area.top + 1;
    const w = area.right - area.left + 1;
    let row = this.literal(ast.args[1]);
    let col = ast.args.length > 2 ? this.literal(ast.args[2]) : undefined;
    if (ast.args.length <= 2 && h === 1 && w > 1) [row, col] = [1, row];
    if (!state.arraysFlag) return ArraySize.scalar();
    return new ArraySize(col === 0 ? w : 1, row === 0 ? h : 1);
  }

  /**
   * INDEX(array, row, [column], [area]) as Excel reads it: the array argument evaluated as an array
   * (INDEX(ROW(A1:A3),2) is 2), one index into a one-row array picks a column (INDEX(D1:F1,2)),
   * and 0 takes the whole row or column. Outside an array formula a whole row or column reduces to
   * the cell in the formula's own row or column (Excel's implicit intersection).
   */
  index(ast: ProcedureAst, state: InterpreterState): unknown {
    const [arrayArg, rowArg, colArg, areaArg] = ast.args;
    if (arrayArg === undefined || ast.args.length > 4) return new CellError(ErrorType.NA, 'INDEX: wrong number of arguments.');
    const value = this.evaluateAst(arrayArg, { ...state, arraysFlag: true } as InterpreterState);
    if (value instanceof CellError) return value;
    const given = (arg: unknown): boolean => arg !== undefined && (arg as { type?: string }).type !== 'EMPTY';
    const evaluate = (arg: unknown): unknown => (given(arg) ? this.evaluateAst(arg as never, state) : undefined);
    const number = (v: unknown, fallback: number): number | CellError => {
      if (v === undefined) return fallback;
      const scalar = v instanceof SimpleRangeValue ? v.data[0]?.[0] : v;
      const n = this.coerceScalarToNumberOrError(scalar as never);
      return n instanceof CellError ? n : Math.trunc(typeof n === 'number' ? n : (n as unknown as { val: number }).val);
    };
    const g = grid(value);
    const h = g.length;
    const w = g[0]?.length ?? 0;
    const rowV = evaluate(rowArg);
    const colV = evaluate(colArg);
    const area = number(evaluate(areaArg), 1);
    // Microsoft (INDEX, reference form): "If each area in reference contains only one row or column,
    // the row_num or column_num argument, respectively, is optional" — a 2-D range with one index is
    // #REF!; the array form returns "the entire row or column in array" instead.
    const reference = this.areaOf(arrayArg, state) !== undefined;
    const oneIndex = ast.args.length <= 2;
    /** INDEX with one row and one column index: a value, the rows and columns of a whole row or column, or an error. */
    const isPicked = (v: unknown): v is { rows: number[]; cols: number[] } => typeof v === 'object' && v !== null && Array.isArray((v as { rows?: unknown }).rows);
    const pick = (rowIn: unknown, colIn: unknown): unknown => {
      let row = number(rowIn, ast.args.length > 2 ? 0 : 1);
      let col = number(colIn, 1);
      if (row instanceof CellError) return row;
      if (col instanceof CellError) return col;
      if (area instanceof CellError) return area;
      // A negative index is the wrong kind of value, not a place outside the array (Excel: #VALUE!).
      if (row < 0 || col < 0 || area < 1) return new CellError(ErrorType.VALUE, 'INDEX: row, column and area cannot be negative.');
      if (area !== 1) return new CellError(ErrorType.REF, 'INDEX: only area 1 of a single range is supported.');
      if (oneIndex && h === 1) [row, col] = [1, row];
      else if (oneIndex && w > 1) {
        if (reference) return new CellError(ErrorType.REF, 'INDEX: a range of several rows and columns needs both a row and a column.');
        col = 0;
      }
      if (row > h || col > w) return new CellError(ErrorType.REF, 'INDEX: the row or column is outside the array.');
      const rows = row === 0 ? [...Array(h).keys()] : [row - 1];
      const cols = col === 0 ? [...Array(w).keys()] : [col - 1];
      return rows.length === 1 && cols.length === 1 ? out(g[rows[0]][cols[0]]) : { rows, cols };
    };
    // An array written in the formula ({1}) is an array even of one element (HyperFormula unwraps it).
    const written = (arg: unknown): boolean => (arg as { type?: string } | undefined)?.type === 'ARRAY';
    if (state.arraysFlag && (rowV instanceof SimpleRangeValue || colV instanceof SimpleRangeValue || written(rowArg) || written(colArg))) {
      // An array of row (column) numbers in an array formula: one INDEX per element, as Excel lifts a
      // scalar argument over an array ({=INDEX({2,3;4,5},{1,2})} is {2,4}); each one gives its first value.
      const rg = rowV instanceof SimpleRangeValue ? grid(rowV) : [[rowV as Scalar]];
      const cg = colV instanceof SimpleRangeValue ? grid(colV) : [[colV as Scalar]];
      const H = Math.max(rg.length, cg.length);
      const W = Math.max(rg[0]?.length ?? 0, cg[0]?.length ?? 0);
      const at = (m: Scalar[][], r: number, c: number): Scalar | CellError | undefined => {
        const rr = m.length === 1 ? 0 : r;
        const cc = m[0]?.length === 1 ? 0 : c;
        return rr < m.length && cc < (m[0]?.length ?? 0) ? m[rr][cc] : new CellError(ErrorType.NA, 'INDEX: the row and column arrays differ in size.');
      };
      const lifted = [...Array(H).keys()].map((r) =>
        [...Array(W).keys()].map((c) => {
          const a = at(rg, r, c);
          const b = at(cg, r, c);
          if (a instanceof CellError) return a;
          if (b instanceof CellError) return b;
          const v = pick(rowV === undefined ? undefined : a, colV === undefined ? undefined : b);
          return isPicked(v) ? out(g[v.rows[0]][v.cols[0]]) : v;
        }),
      );
      return SimpleRangeValue.onlyValues(lifted as never);
    }
    const picked = pick(rowV, colV);
    if (!isPicked(picked)) return picked;
    const { rows, cols } = picked;
    if (!state.arraysFlag && this.isWholeFormula(ast, state)) {
      // The cell's own value: implicit intersection with the formula's row or column, where the array is a reference.
      const where = this.areaOf(arrayArg, state);
      const here = state.formulaAddress;
      if (where && where.sheet === here.sheet) {
        const r = rows.length === 1 ? rows[0] : here.row - where.top;
        const c = cols.length === 1 ? cols[0] : here.col - where.left;
        if (rows.includes(r) && cols.includes(c)) return out(g[r][c]);
      }
      return new CellError(ErrorType.VALUE, 'INDEX: a whole row or column in a single cell.');
    }
    return SimpleRangeValue.onlyValues(rows.map((r) => cols.map((c) => out(g[r][c]))) as never);
  }

  /** Whether `ast` is the whole formula of the cell being evaluated (not an argument inside it). */
  private isWholeFormula(ast: ProcedureAst, state: InterpreterState): boolean {
    const vertex = (state as unknown as { formulaVertex?: { getFormula?: (service: unknown) => unknown } }).formulaVertex;
    if (!vertex?.getFormula) return true; // a formula evaluated on its own (calculateFormula)
    const root = vertex.getFormula(this.dependencyGraph.lazilyTransformingAstService) as { type?: string; procedureName?: string; args?: unknown[] } | undefined;
    // The same call at the root (the AST may be a transformed copy: compare its shape, not identity).
    return root === ast || (root?.type === ast.type && root?.procedureName === ast.procedureName && root?.args?.length === ast.args.length);
  }

  /** ROW's and COLUMN's reference: a cell or range, or whole rows (ROW(2:3)) or columns (COLUMN(B:C)) from the sheet's first column or row. */
  private lineArea(arg: unknown, state: InterpreterState): { top: number; left: number; bottom: number; right: number } | undefined {
    const area = this.areaOf(arg, state);
    const line = arg as { type?: string; start?: WholeLineAddress; end?: WholeLineAddress } | undefined;
    if (area || !line || (line.type !== 'ROW_RANGE' && line.type !== 'COLUMN_RANGE') || !line.start || !line.end) return area;
    const rows = line.type === 'ROW_RANGE';
    const at = (a: WholeLineAddress): number => (rows ? a.toSimpleRowAddress?.(state.formulaAddress).row : a.toSimpleColumnAddress?.(state.formulaAddress).col) ?? 0;
    const [p, q] = [at(line.start), at(line.end)];
    const [lo, hi] = [Math.min(p, q), Math.max(p, q)];
    return rows ? { top: lo, bottom: hi, left: 0, right: EXCEL_LAST_COL } : { top: 0, bottom: EXCEL_LAST_ROW, left: lo, right: hi };
  }

  rowSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const area = ast.args[0] ? this.lineArea(ast.args[0], state) : undefined;
    return area && state.arraysFlag ? new ArraySize(1, area.bottom - area.top + 1) : ArraySize.scalar();
  }

  columnSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const area = ast.args[0] ? this.lineArea(ast.args[0], state) : undefined;
    return area && state.arraysFlag ? new ArraySize(area.right - area.left + 1, 1) : ArraySize.scalar();
  }

  /** ROW(), ROW(A5), ROW(A1:A3): in an array formula (or as INDEX's array) the rows of the whole range. */
  row(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.rowOrColumn(ast, state, 'ROW');
  }

  column(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.rowOrColumn(ast, state, 'COLUMN');
  }

  private rowOrColumn(ast: ProcedureAst, state: InterpreterState, name: 'ROW' | 'COLUMN'): unknown {
    if (ast.args.length > 1) return new CellError(ErrorType.NA, `${name}: wrong number of arguments.`);
    const arg = ast.args[0];
    if (arg === undefined || (arg as { type?: string }).type === 'EMPTY') return name === 'ROW' ? state.formulaAddress.row + 1 : state.formulaAddress.col + 1;
    const area = this.lineArea(arg, state);
    if (!area) return new CellError(ErrorType.VALUE, `${name}: the argument must be a reference.`);
    const first = name === 'ROW' ? area.top + 1 : area.left + 1;
    const count = name === 'ROW' ? area.bottom - area.top + 1 : area.right - area.left + 1;
    if (!state.arraysFlag || count === 1) return first;
    const values = [...Array(count).keys()].map((k) => first + k);
    return SimpleRangeValue.onlyValues(name === 'ROW' ? values.map((v) => [v]) : [values]);
  }

  /**
   * OFFSET(ref, rows, cols, [height], [width]) with offsets computed by the formula (constant ones
   * are HyperFormula's own OFFSET): the cells read when the formula is evaluated, as INDIRECT.
   */
  xloffset(ast: ProcedureAst, state: InterpreterState): unknown {
    const area = this.areaOf(ast.args[0], state);
    if (!area) return new CellError(ErrorType.VALUE, 'OFFSET: the first argument must be a reference.');
    const from = area;
    // An empty height or width (OFFSET(K7:L8,0,0,1,)) is the reference's own, as one left out.
    const given = (k: number): boolean => ast.args[k] !== undefined && (ast.args[k] as { type?: string }).type !== 'EMPTY';
    return this.runFunction(ast.args, state, this.metadata('XLOFFSET'), (_ref: unknown, rows: number, cols: number, height?: number, width?: number) => {
      const h = Math.trunc(given(3) && height !== undefined ? height : from.bottom - from.top + 1);
      const w = Math.trunc(given(4) && width !== undefined ? width : from.right - from.left + 1);
      const top = from.top + Math.trunc(rows);
      const left = from.left + Math.trunc(cols);
      if (h < 1 || w < 1 || top < 0 || left < 0) return new CellError(ErrorType.REF, 'OFFSET: the reference is off the sheet.');
      return this.readArea({ sheet: from.sheet, top, left, bottom: top + h - 1, right: left + w - 1 });
    });
  }

  /** The value (one cell) or values (a range) of an area, read now. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readArea(ref: { sheet: number; top: number; left: number; bottom: number; right: number }): any {
    const graph = this.dependencyGraph;
    const read = (row: number, col: number): Scalar => {
      const value = graph.getCellValue({ sheet: ref.sheet, row, col });
      return value instanceof SimpleRangeValue ? plain(value.data[0]?.[0]) : plain(value);
    };
    if (ref.top === ref.bottom && ref.left === ref.right) {
      const v = read(ref.top, ref.left);
      return v === null ? 0 : v;
    }
    const rows: Scalar[][] = [];
    for (let r = ref.top; r <= ref.bottom; r++) {
      const line: Scalar[] = [];
      for (let c = ref.left; c <= ref.right; c++) line.push(read(r, c));
      rows.push(line);
    }
    return SimpleRangeValue.onlyValues(rows.map((r) => r.map((v) => (v === null ? EmptyValue : v))) as never);
  }

  /**
   * INDIRECT("B3"), INDIRECT("Data!A1:C4"), INDIRECT("R2C3", FALSE): the value(s) at the address
   * the text names, read when the formula is evaluated (the function is volatile, so it is read
   * again on every change).
   */
  indirect(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('INDIRECT'), (text: string, a1: boolean) => {
      // The text may also be a defined name standing for a reference (INDIRECT("Prices")).
      const ref =
        parseReference(text, a1, state.formulaAddress, (name) => this.dependencyGraph.sheetMapping.getSheetId(name)) ??
        (/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(text.trim()) ? this.areaOf({ type: 'NAMED_EXPRESSION', expressionName: text.trim() }, state) : undefined);
      if (!ref) return new CellError(ErrorType.REF, `INDIRECT: "${text}" is not a reference.`);
      return this.readArea(ref);
    });
  }
}

/** Excel's CONVERT: src/sheet/convert.ts (its own unit table, written from Microsoft's CONVERT page). */
export function convert(x: number, from: string, to: string): Scalar {
  return excelConvert(x, from, to);
}

function typeCode(v: Scalar): number {
  if (typeof v === 'number' || v === null) return 1;
  if (typeof v === 'string') return 2;
  if (typeof v === 'boolean') return 4;
  return 16;
}

/** "1987-08-26" (optionally with a time, "T" or a space before it) → its Excel serial; undefined otherwise. */
export function isoDateSerial(text: string): number | undefined {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || year < 1900) return undefined;
  const serial = Math.round((ms - Date.UTC(1899, 11, 30)) / 86400000);
  const date = serial < 61 ? serial - 1 : serial; // before 1900-03-01, Excel counts from 1900-01-01 = 1
  const time = m[4] === undefined ? 0 : (Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0)) / 86400;
  return date + time;
}

/** FIXED's text: the number rounded to `decimals` (negative rounds left of the point), with thousands separators unless `noCommas`. */
export function fixed(x: number, decimals: number, noCommas: boolean): string {
  const d = Math.trunc(decimals);
  const factor = 10 ** Math.abs(d);
  // Rounding left of the point by more digits than a number has gives 0 (FIXED(x, -128000) is "0").
  const rounded = d >= 0 ? x : Math.abs(d) > 308 ? 0 : Math.round(x / factor) * factor;
  const places = Math.max(0, Math.min(d, 127));
  const code = `${noCommas ? '0' : '#,##0'}${places > 0 ? `.${'0'.repeat(places)}` : ''}`;
  // Through TEXT's formatting, which keeps Excel's 15 significant digits (FIXED of
  // 123456789076754345682 is "123,456,789,076,754,000,000").
  return excelText(rounded, code) ?? formatNumber(code, rounded);
}

/** NUMBERVALUE's reading of text: group separators dropped, the decimal separator as given, trailing % each /100. */
export function numberValue(text: string, decimal = '.', group = ','): number | undefined {
  let t = text.replace(/\s+/g, '');
  if (t === '') return 0;
  let percent = 0;
  const percents = (): void => {
    while (t.endsWith('%')) {
      percent++;
      t = t.slice(0, -1);
    }
  };
  percents();
  // An amount in parentheses is negative, as Excel reads "(2.500,27)" (percent signs inside too).
  let sign = 1;
  if (t.startsWith('(') && t.endsWith(')')) {
    sign = -1;
    t = t.slice(1, -1);
    percents();
    if (/^[-+]/.test(t)) return undefined; // a sign inside the parentheses: "(-2500.27)" is not a number
  }
  // An empty separator, or the same character for both, reads nothing (#VALUE!, as Excel gives).
  if (decimal === '' || group === '') return undefined;
  const d = decimal[0];
  const g = group[0];
  if (d === g) return undefined;
  const [whole, ...rest] = t.split(d);
  if (rest.length > 1 || rest.some((part) => part.includes(g))) return undefined;
  const normal = `${whole.split(g).join('')}${rest.length ? `.${rest[0]}` : ''}`;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return undefined;
  return (sign * Number(normal)) / 100 ** percent;
}

/** Excel's criteria (">=10", "<>x", "a*", 5, TRUE) → a test on one value. */
export function criterion(c: Scalar): (v: Scalar) => boolean {
  if (typeof c === 'number' || typeof c === 'boolean') return (v) => v === c;
  if (c === null) return (v) => v === null || v === '';
  if (c instanceof CellError) return () => false;
  const m = /^(<=|>=|<>|<|>|=)?(.*)$/s.exec(c) as RegExpExecArray;
  const op = m[1] ?? '=';
  const operand = m[2];
  const num = operand.trim() !== '' && Number.isFinite(Number(operand)) ? Number(operand) : undefined;
  const bool = /^(TRUE|FALSE)$/i.test(operand) ? operand.toUpperCase() === 'TRUE' : undefined;
  const cmp = (v: Scalar): number | undefined => {
    if (num !== undefined) return typeof v === 'number' ? v - num : undefined;
    if (bool !== undefined) return typeof v === 'boolean' ? Number(v) - Number(bool) : undefined;
    return typeof v === 'string' ? compare(v, operand) : undefined;
  };
  if (op === '=' || op === '<>') {
    const equal = (v: Scalar): boolean => {
      if (operand === '') return v === null || v === '';
      if (num === undefined && bool === undefined) return typeof v === 'string' && wildcard(operand).test(v);
      return cmp(v) === 0;
    };
    return op === '=' ? equal : (v) => !equal(v);
  }
  return (v) => {
    const d = cmp(v);
    if (d === undefined) return false;
    return op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0;
  };
}

/** "Sheet!$A$1:B2" / "'My sheet'!C3" / "R2C3" → 0-based rectangle; undefined when not a reference. */
export function parseReference(
  text: string,
  a1: boolean,
  at: { sheet: number; row: number; col: number },
  sheetId: (name: string) => number | undefined,
): { sheet: number; top: number; left: number; bottom: number; right: number } | undefined {
  let rest = text.trim();
  let sheet = at.sheet;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    let name = rest.slice(0, bang);
    if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
    const id = sheetId(name);
    if (id === undefined) return undefined;
    sheet = id;
    rest = rest.slice(bang + 1);
  }
  const parts = rest.split(':');
  if (parts.length > 2) return undefined;
  const cells = parts.map((p) => {
    if (a1) {
      const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(p);
      return m ? { row: Number(m[2]) - 1, col: columnNumber(m[1]) - 1 } : undefined;
    }
    const m = /^R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?$/i.exec(p);
    if (!m) return undefined;
    const pick = (s: string | undefined, here: number): number => (s === undefined ? here : s.startsWith('[') ? here + Number(s.slice(1, -1)) : Number(s) - 1);
    return { row: pick(m[1], at.row), col: pick(m[2], at.col) };
  });
  if (cells.some((c) => c === undefined || c.row < 0 || c.col < 0)) return undefined;
  const [a, b] = [cells[0]!, cells[1] ?? cells[0]!];
  return { sheet, top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

let registered = false;

/**
 * Registers the plugin (replacing HyperFormula's TEXT, INT, ISODD, ISEVEN, DAY, MONTH, YEAR) and
 * installs the evaluation guard; once per process, before a HyperFormula instance is built.
 */
export function registerExcelFunctions(): void {
  if (registered) return;
  registered = true;
  for (const id of Object.keys(IMPLEMENTED)) {
    if (HyperFormula.getRegisteredFunctionNames('enGB').includes(id)) HyperFormula.unregisterFunction(id);
  }
  const names = Object.fromEntries(Object.keys(IMPLEMENTED).map((id) => [id, id]));
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  HyperFormula.registerFunctionPlugin(ExcelFunctionsPlugin, Object.fromEntries(languages.map((code) => [code, names])));
  guardEvaluation();
  guardAnalysisToolPak();
  registerDynamicArrays();
  registerTextFunctions(); // before moreFunctions: FINDB, SEARCHB, MIDB are built from FIND, SEARCH, MID
  registerMoreFunctions();
  registerForecastEts();
  registerLambdas();
  registerGroupBy();
  registerArrayLookups();
  registerComplexText();
  registerReferenceFunctions();
  registerRangeOperator();
  registerEngineering();
  registerStatistics();
  registerSubtotal();
  registerAggregate(); // after the plugins of the functions it calls (SUM, MEDIAN, PERCENTILE.INC, …)
  registerIsIntersection();
  registerEmptyTextIsNoNumber();
  registerExcelProduct();
  registerRowsColumns();
  registerDates1904();
}

/**
 * One formula HyperFormula cannot evaluate must not stop the workbook: an exception thrown while
 * evaluating an expression (e.g. "Function returning array cannot be vectorized." for an
 * array-returning function inside an array formula) becomes a #VALUE! error of that expression,
 * with HyperFormula's message, and every other cell evaluates. HyperFormula's Interpreter is not
 * exported, so its prototype is reached through an instance.
 */
export function guardEvaluation(): void {
  const proto = interpreterPrototype();
  if (!proto || typeof proto.evaluateAst !== 'function' || proto.cyberGuarded) return;
  const original = proto.evaluateAst as (this: unknown, ast: unknown, state: unknown) => unknown;
  proto.evaluateAst = function guarded(this: unknown, ast: unknown, state: unknown): unknown {
    try {
      return original.call(this, ast, state);
    } catch (e) {
      return new CellError(ErrorType.VALUE, `Cannot evaluate this formula: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  proto.cyberGuarded = true;
}
