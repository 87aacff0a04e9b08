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

export function dmin(...values: Decimal[]): Decimal {
  let m = values[0];
  for (let i = 1; i < values.length; i++) if (values[i].lt(m)) m = values[i];
  return m;
}

export function dmax(...values: Decimal[]): Decimal {
  let m = values[0];
  for (let i = 1; i < values.length; i++) if (values[i].gt(m)) m = values[i];
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
