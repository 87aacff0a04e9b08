/**
 * Sampling for catalogue section 11: event counts and losses by inverse transform of a 53-bit
 * uniform (src/stochastic/philox.ts), and the catalogue's rounding of a drawn loss to the cent.
 *
 * Host independence: every double here comes from IEEE operations (+ − × ÷, Math.floor,
 * Math.sqrt, which are exact or correctly rounded everywhere) and the @stdlib special functions
 * (special.ts); never from Math.exp, Math.log or Math.pow, whose last digit may differ between
 * JavaScript engines. A loss is the severity's own quantile at the uniform: the very function
 * CYBER.QUANTILE evaluates.
 */
import type { Frequency, Severity } from './families';
import { exp, gammaln, ln, log1p } from './special';

/** The most values a count table may hold (a frequency whose counts reach beyond is #NUM!). */
export const MAX_COUNT_TABLE = 1_000_000;

/** Thrown when a model is beyond the engine's limits (the bridge makes it #NUM!). */
export class SimulationLimit extends Error {
  constructor(
    readonly kind: 'counts' | 'work' | 'terms' | 'ids' | 'overflow',
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'SimulationLimit';
  }
}

/**
 * The count distribution as its cumulative table F(0), F(1), …, F(K): N = the least k with
 * u < F(k) (inverse transform of u in [0, 1)); a u at or above F(K) (probability below 2^−60) is K.
 */
export interface CountTable {
  readonly cdf: Float64Array;
  readonly mean: number;
}

/** pmf values from the mode outwards (stable for any mean), then summed from 0 upwards. */
function tableFromPmf(mode: number, pmfAtMode: number, up: (k: number) => number, down: (k: number) => number): Float64Array {
  const left: number[] = [];
  let p = pmfAtMode;
  for (let k = mode; k > 0; k--) {
    p *= down(k); // pmf(k − 1) from pmf(k)
    left.push(p);
    if (p < 1e-300) break;
  }
  const start = mode - left.length;
  const values: number[] = [];
  for (let i = left.length - 1; i >= 0; i--) values.push(left[i]);
  values.push(pmfAtMode);
  p = pmfAtMode;
  // Beyond the mode until the next value is below 2^−60 (≈ 8.7e−19) of the whole.
  for (let k = mode; ; k++) {
    p *= up(k); // pmf(k + 1) from pmf(k)
    if (p < 8.673617379884035e-19 || !(p > 0)) break;
    values.push(p);
    if (start + values.length > MAX_COUNT_TABLE) throw new SimulationLimit('counts', String(MAX_COUNT_TABLE));
  }
  const size = start + values.length;
  if (size > MAX_COUNT_TABLE) throw new SimulationLimit('counts', String(MAX_COUNT_TABLE));
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let k = 0; k < size; k++) {
    if (k >= start) sum += values[k - start];
    cdf[k] = sum;
  }
  return cdf;
}

/** The cumulative count table of a frequency (poisson, negbin, bernoulli). */
export function countTable(f: Frequency): CountTable {
  const [a, b] = f.params;
  if (f.family === 'bernoulli') {
    return { cdf: Float64Array.of(1 - a, 1), mean: a };
  }
  if (f.family === 'poisson') {
    const lambda = a;
    if (lambda === 0) return { cdf: Float64Array.of(1), mean: 0 };
    const mode = Math.floor(lambda);
    const at = exp(-lambda + mode * ln(lambda) - gammaln(mode + 1));
    return { cdf: tableFromPmf(mode, at, (k) => lambda / (k + 1), (k) => k / lambda), mean: lambda };
  }
  if (f.family === 'negbin') {
    // Catalogue section 10: r = 1/(cv² − 1/mean), p = r/(r + mean); P(N = k) = Γ(k + r)/(Γ(r) k!) p^r (1 − p)^k.
    const mean = a;
    const r = 1 / (b * b - 1 / mean);
    const q = mean / (r + mean); // 1 − p
    const lnP = -log1p(mean / r);
    const lnQ = -log1p(r / mean);
    const mode = r > 1 ? Math.floor(((r - 1) * q) / (1 - q)) : 0;
    const at = exp(gammaln(mode + r) - gammaln(r) - gammaln(mode + 1) + r * lnP + mode * lnQ);
    return { cdf: tableFromPmf(mode, at, (k) => ((k + r) / (k + 1)) * q, (k) => k / ((k - 1 + r) * q)), mean };
  }
  throw new Error(`programmer error: no count table for ${f.family}`);
}

/** N for the uniform u: the least k with u < F(k). */
export function countOf(t: CountTable, u: number): number {
  const cdf = t.cdf;
  const n = cdf.length;
  if (n <= 64) {
    for (let k = 0; k < n; k++) if (u < cdf[k]) return k;
    return n - 1;
  }
  let lo = 0;
  let hi = n - 1;
  if (!(u < cdf[hi])) return hi;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cdf[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A loss drawn from the severity: its quantile at u (CYBER.QUANTILE's function), u in [0, 1). */
export function drawLoss(d: Severity, u: number): number {
  return d.quantile(u);
}

const TWO_51 = 2251799813685248;
const MARGIN = 2 ** -49;

/**
 * Catalogue section 11: "the shortest decimal form of the drawn double, rounded to 0.01 half to
 * even" — in cents. Fast path: 100 x in doubles is within 2 ulps of 100 × (the shortest decimal),
 * so unless it lies within a few ulps of a half cent, rounding it to the nearest integer gives the
 * same cents. Near a half cent (a tie such as 1000.015, or too close to tell) the shortest
 * decimal itself is rounded digit by digit (`centsOfText`).
 */
export function centsOf(x: number): number {
  const y = x * 100;
  if (y < TWO_51) {
    const f = Math.floor(y);
    const d = y - f; // exact below 2^51
    const margin = (y > 1 ? y : 1) * MARGIN;
    if (d < 0.5 - margin) return f;
    if (d > 0.5 + margin) return f + 1;
  }
  return centsOfText(x);
}

/** The shortest decimal form of x (String(x)), rounded to cents half to even, digit by digit. */
export function centsOfText(x: number): number {
  if (!Number.isFinite(x)) return x;
  const s = String(x);
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  // value = 0.d1 d2 d3 … × 10^point; cents keep the digits up to point + 2.
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  const cut = point + 2;
  if (cut < 0) return 0;
  let kept = 0;
  for (let i = 0; i < cut; i++) kept = kept * 10 + (i < digits.length ? digits.charCodeAt(i) - 48 : 0);
  const first = cut < digits.length ? digits.charCodeAt(cut) - 48 : 0;
  let rest = false;
  for (let i = cut + 1; i < digits.length; i++) if (digits[i] !== '0') rest = true;
  if (first > 5 || (first === 5 && (rest || kept % 2 === 1))) kept += 1;
  return kept;
}
