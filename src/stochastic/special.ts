/**
 * The special functions of section 10, from the @stdlib math packages (Apache-2.0): each a plain
 * JavaScript port of a reference implementation (Cephes, Boost, FreeBSD msun), accurate in the
 * tails, and independent of the JavaScript engine's own `Math` (whose exp, log and pow may differ
 * between engines in the last bit: section 11 needs the same double in every host).
 *
 * Only this file names the library, so a change of library is one file. Every other file of
 * src/stochastic computes with these.
 */
import betainc from '@stdlib/math-base-special-betainc';
import betaincinv from '@stdlib/math-base-special-betaincinv';
import erfc from '@stdlib/math-base-special-erfc';
import erfcinv from '@stdlib/math-base-special-erfcinv';
import expImpl from '@stdlib/math-base-special-exp';
import expPolynomial from '@stdlib/math-base-special-exp/lib/polyval_p.js';
import expm1Impl from '@stdlib/math-base-special-expm1';
import gammaImpl from '@stdlib/math-base-special-gamma';
import gammainc from '@stdlib/math-base-special-gammainc';
import gammaincinv from '@stdlib/math-base-special-gammaincinv';
import gammalnImpl from '@stdlib/math-base-special-gammaln';
import lnImpl from '@stdlib/math-base-special-ln';
import log1pImpl from '@stdlib/math-base-special-log1p';
import powImpl from '@stdlib/math-base-special-pow';

/** 2^k for k = −1022 .. 1023 at [k + 1022] (exact: each a power of two, all normal doubles). */
const POW2 = (() => {
  const t = new Float64Array(2046);
  t[1022] = 1;
  for (let k = 1; k <= 1023; k++) t[1022 + k] = t[1021 + k] * 2;
  for (let k = 1; k <= 1022; k++) t[1022 - k] = t[1023 - k] / 2;
  return t;
})();
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const LOG2_E = 1.442695040888963387;
const TWO_M28 = 3.725290298461914e-9;

/**
 * e^x, the same double as @stdlib's exp (FreeBSD msun's e_exp.c) for every x, faster. For
 * |x| < 700 the library's own steps, in its order: k = x/ln 2 rounded half away from zero,
 * r = (x − k ln2_hi) − k ln2_lo, its polynomial (the library's own, imported) and correction,
 * then the scaling by 2^k — which the library does with ldexp, taking the double apart into its
 * words (a third of exp's time in the simulation's hot loop), and which here is one
 * multiplication by 2^k from a table. Both are exact while the result is a normal double, and for
 * |x| < 700 it is (k within ±1010, the scaled value within [0.7, 1.5]). Beyond, and for NaN and
 * ±Infinity, the library itself. special.test.ts compares the two bit for bit.
 */
export function exp(x: number): number {
  if (x > -700 && x < 700) {
    if (x > -TWO_M28 && x < TWO_M28) return 1 + x;
    const k = x < 0 ? Math.ceil(LOG2_E * x - 0.5) : Math.floor(LOG2_E * x + 0.5);
    const hi = x - k * LN2_HI;
    const lo = k * LN2_LO;
    const r = hi - lo;
    const t = r * r;
    const c = r - t * expPolynomial(t);
    return (1 - (lo - (r * c) / (2 - c) - hi)) * POW2[k + 1022];
  }
  return expImpl(x);
}
export const ln: (x: number) => number = lnImpl;
export const log1p: (x: number) => number = log1pImpl;
export const expm1: (x: number) => number = expm1Impl;
export const pow: (x: number, y: number) => number = powImpl;
export const gamma: (x: number) => number = gammaImpl;
export const gammaln: (x: number) => number = gammalnImpl;

const SQRT2 = 1.4142135623730951;

/** Φ(z), the standard normal distribution function: ½ erfc(−z/√2), no 1 − Φ(−z) cancellation. */
export function normCdf(z: number): number {
  return 0.5 * erfc(-z / SQRT2);
}

/** 1 − Φ(z), computed directly (tail-safe for large z). */
export function normSf(z: number): number {
  return 0.5 * erfc(z / SQRT2);
}

/** Φ⁻¹(p) = −√2 erfcinv(2p): erfcinv keeps its accuracy for 2p near 0 (p small) and near 2. */
export function normQuantile(p: number): number {
  return -SQRT2 * erfcinv(2 * p);
}

/** The z with 1 − Φ(z) = q, from q itself (accurate for tiny q, where 1 − q would round to 1). */
export function normIsf(q: number): number {
  return SQRT2 * erfcinv(2 * q);
}

/** Regularised lower incomplete gamma P(a, x). */
export const gammaP = (a: number, x: number): number => gammainc(x, a, true, false);
/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), computed directly. */
export const gammaQ = (a: number, x: number): number => gammainc(x, a, true, true);
/** The x with P(a, x) = p. */
export const gammaPInv = (a: number, p: number): number => gammaincinv(p, a, false);
/** The x with Q(a, x) = q. */
export const gammaQInv = (a: number, q: number): number => gammaincinv(q, a, true);

/** Regularised incomplete beta I_x(a, b). */
export const betaI = (a: number, b: number, x: number): number => betainc(x, a, b, true, false);
/** 1 − I_x(a, b), computed directly. */
export const betaIc = (a: number, b: number, x: number): number => betainc(x, a, b, true, true);
/** The x with I_x(a, b) = p. */
export const betaIInv = (a: number, b: number, p: number): number => betaincinv(p, a, b, false);
/** The x with 1 − I_x(a, b) = q. */
export const betaIcInv = (a: number, b: number, q: number): number => betaincinv(q, a, b, true);
