/**
 * The one Decimal constructor of the engine.
 *
 * A private clone (never the global `Decimal.set`) so that no host or library can change the
 * engine's precision behind its back. 40 significant digits exceed the catalogue's minimum of 34;
 * exponents are left wide so that 1e308 × 1e308 stays exact inside the engine and is only
 * rejected (#NUM!) when it has to become a JavaScript number at the boundary.
 */
import DecimalJs from 'decimal.js';

export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
  minE: -9e15,
  maxE: 9e15,
});

/** An exact decimal value of the engine. */
export type Decimal = DecimalJs;

export const ZERO: Decimal = new Dec(0);
export const ONE: Decimal = new Dec(1);

export function dec(value: number | string | Decimal): Decimal {
  return new Dec(value);
}

/** The fields of a Decimal that decimal.js documents (sign, exponent, base-1e7 digit words). */
interface DecimalFields {
  s: number;
  e: number;
  d: number[] | null;
}

/** Number of decimal digits of a whole number w, 1 ≤ w < 1e7 (one digit word of decimal.js). */
function wordDigits(w: number): number {
  return w < 1e3 ? (w < 10 ? 1 : w < 100 ? 2 : 3) : w < 1e5 ? (w < 1e4 ? 4 : 5) : w < 1e6 ? 6 : 7;
}

/**
 * Exactly `new Dec(v)` for every double v (the shortest round-trip decimal of v; −0 stays −0),
 * made faster for whole numbers from 1e7 up to 2^53 − 1. decimal.js takes those through
 * v.toString() and its string parser (amounts such as 35,000,000 are common inputs); a safe
 * integer splits exactly into base-1e7 words with % and an exact division instead. The result is
 * built the way decimal.js builds it (a constructed Decimal whose exponent and words are then
 * set, in its normal form: no trailing zero words), so it has the same hidden class and the same
 * fields as decimal.js's own; decimal.test.ts checks field-for-field equality over all doubles.
 */
export function fromNumber(v: number): Decimal {
  const a = v < 0 ? -v : v;
  if (a < 1e7 || a > Number.MAX_SAFE_INTEGER || a !== Math.floor(a)) return new Dec(v);
  const x = new Dec(v < 0 ? -1 : 1) as unknown as DecimalFields;
  const low = a % 1e7;
  const rest = (a - low) / 1e7; // exact: a − low is a multiple of 1e7 below 2^53
  if (rest < 1e7) {
    x.e = 6 + wordDigits(rest);
    x.d = low === 0 ? [rest] : [rest, low];
  } else {
    const mid = rest % 1e7;
    const high = (rest - mid) / 1e7;
    x.e = 13 + wordDigits(high);
    x.d = low !== 0 ? [high, mid, low] : mid !== 0 ? [high, mid] : [high];
  }
  return x as unknown as Decimal;
}

/**
 * x.cmp(y) without its copy of y: decimal.js's cmp begins with `new Decimal(y)` even when y is
 * already a Decimal, an allocation per comparison that made comparisons a large share of the
 * garbage of ALLOCATE (several per claim) and of argument checking. Same result as x.cmp(y) for
 * all values (±0, ±Infinity, NaN included); decimal.test.ts checks it against cmp.
 */
export function compare(x: Decimal, y: Decimal): number {
  const { d: xd, s: xs } = x as unknown as DecimalFields;
  const { d: yd, s: ys } = y as unknown as DecimalFields;
  // Either NaN or ±Infinity?
  if (!xd || !yd) return !xs || !ys ? NaN : xs !== ys ? xs : xd === yd ? 0 : (!xd ? 1 : 0) ^ (xs < 0 ? 1 : 0) ? 1 : -1;
  // Either zero?
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;
  if (xs !== ys) return xs;
  if (x.e !== y.e) return (x.e > y.e ? 1 : 0) ^ (xs < 0 ? 1 : 0) ? 1 : -1;
  const xdL = xd.length;
  const ydL = yd.length;
  for (let i = 0, j = xdL < ydL ? xdL : ydL; i < j; ++i) {
    if (xd[i] !== yd[i]) return (xd[i] > yd[i] ? 1 : 0) ^ (xs < 0 ? 1 : 0) ? 1 : -1;
  }
  return xdL === ydL ? 0 : (xdL > ydL ? 1 : 0) ^ (xs < 0 ? 1 : 0) ? 1 : -1;
}

export function dmin(...values: Decimal[]): Decimal {
  let m = values[0];
  for (let i = 1; i < values.length; i++) if (compare(values[i], m) < 0) m = values[i];
  return m;
}

export function dmax(...values: Decimal[]): Decimal {
  let m = values[0];
  for (let i = 1; i < values.length; i++) if (compare(values[i], m) > 0) m = values[i];
  return m;
}

/**
 * Digits are never lost in a sum of engine inputs when it is taken at this width: inputs are
 * doubles, whose decimal digits span at most ~650 places (1e308 down to 5e-324, 17 digits).
 */
const Wide = DecimalJs.clone({ precision: 1000, rounding: DecimalJs.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });

/**
 * The exact sum of `values`, rounded once to the engine's precision. For a difference of nearly
 * equal amounts (a loss year's maintenance − operating loss), where rounding a term first would
 * leave only the rounding error in the result.
 */
export function sumRoundedOnce(...values: Decimal[]): Decimal {
  let sum = new Wide(0);
  for (const v of values) sum = sum.plus(v);
  return new Dec(sum).toSignificantDigits(Dec.precision, Dec.rounding);
}

/** max(0, x) */
export function positivePart(x: Decimal): Decimal {
  return x.isNegative() || x.isZero() ? ZERO : x;
}

/**
 * Converts an engine result to a JavaScript number: the only place a result loses exactness.
 * Returns undefined when the value does not fit a finite double (the caller reports #NUM!).
 * Negative zero never leaves the engine.
 */
export function toFiniteNumber(x: Decimal): number | undefined {
  const n = x.toNumber();
  if (!Number.isFinite(n)) return undefined;
  return n === 0 ? 0 : n;
}
