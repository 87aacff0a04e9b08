/**
 * The distribution families of catalogue section 10, as a table (STYLE.md "Rules as data"): each
 * entry is an id, its parameters with their ranges and bilingual labels, a description, and the
 * closed forms (Klugman, Panjer & Willmot, *Loss Models*, appendix A) for S(x), F(x), the
 * quantile, the limited moments E[min(X, u)^k] and the stop-loss E[(X − u)+]. The parser, the
 * cell functions, the generated reference and the pricing pane all read this one table.
 *
 * Every formula is written so that a tail is computed as a tail: S(x) directly (never 1 − F(x)),
 * 1 − exp(−y) as −expm1(−y), quantiles near 1 from the upper-tail inverses.
 */
import { type Bilingual, problem } from './problems';
import {
  betaI,
  betaIc,
  betaIcInv,
  betaIInv,
  exp,
  expm1,
  gamma,
  gammaP,
  gammaPInv,
  gammaQ,
  gammaQInv,
  ln,
  log1p,
  normCdf,
  normIsf,
  normQuantile,
  normSf,
  pow,
} from './special';

/** A severity: the size of one loss, X ≥ 0. */
export interface Severity {
  readonly family: string;
  readonly params: readonly number[];
  /** The lower end of the support (the quantile at p = 0). */
  readonly lower: number;
  /** F(x) = P(X ≤ x). */
  cdf(x: number): number;
  /** S(x) = P(X > x), computed directly. */
  sf(x: number): number;
  /** The least x with F(x) ≥ p, 0 ≤ p < 1. */
  quantile(p: number): number;
  /**
   * The same quantile as a kernel function and its parameters, for the families whose quantile
   * is one: the simulation's hot loop calls the kernel with parameters from typed arrays instead
   * of a closure per row (the same function, so the same double).
   */
  readonly quantileKernel?: QuantileKernel;
  /** The quantile at 1 − q, from q itself (0 < q ≤ 1). */
  isf(q: number): number;
  /** E[X^k]; Infinity when infinite (or too large for a double). */
  moment(k: 1 | 2): number;
  /** Whether E[X^k] is finite mathematically (an overflow to Infinity is still a finite moment). */
  hasMoment(k: 1 | 2): boolean;
  /** E[min(X, u)^k] for a finite u ≥ 0. */
  lev(u: number, k: 1 | 2): number;
  /** E[(X − u)+] = E[X] − LEV(u) without the subtraction; Infinity when E[X] is. */
  excess(u: number): number;
  /** ∫_a^b S(x) dx = LEV(b) − LEV(a), a ≤ b (b may be Infinity). */
  band(a: number, b: number): number;
  /**
   * ∫_a^b 2(x − a) S(x) dx = E[min(max(X − a, 0), b − a)²], the catalogue's
   * E[min(X, b)²] − E[min(X, a)²] − 2a (LEV(b) − LEV(a)), in a form without the subtraction where
   * the family has one.
   */
  band2(a: number, b: number): number;
}

/** Which kernel a quantile is (QUANTILE_KERNELS), and its two parameters. */
export interface QuantileKernel {
  readonly kind: number;
  readonly a: number;
  readonly b: number;
}

/** The lognormal quantile: exp(μ + σ Φ⁻¹(p)), 0 at p = 0. */
export function lognormalQuantile(mu: number, sigma: number, p: number): number {
  return p <= 0 ? 0 : exp(mu + sigma * normQuantile(p));
}

/** The Lomax quantile: θ ((1 − p)^(−1/α) − 1), as θ expm1(−log1p(−p)/α). */
export function lomaxQuantile(alpha: number, theta: number, p: number): number {
  return theta * expm1(-log1p(-p) / alpha);
}

/** The single-parameter Pareto quantile: θ (1 − p)^(−1/α), as θ exp(−log1p(−p)/α). */
export function pareto1Quantile(alpha: number, theta: number, p: number): number {
  return theta * exp(-log1p(-p) / alpha);
}

/** The exponential quantile: −mean log1p(−p). */
export function exponentialQuantile(mean: number, p: number): number {
  return -mean * log1p(-p);
}

/** The kinds of QuantileKernel (0: none, the closure is called). */
export const QUANTILE_KERNELS = { lognormal: 1, lomax: 2, pareto1: 3, exponential: 4, constant: 5 } as const;

/** A frequency: the number of loss events in a year, through its probability generating function. */
export interface Frequency {
  readonly family: string;
  readonly params: readonly number[];
  readonly mean: number;
  /** 1 − P_N(1 − s): the probability that some event of the year exceeds a level exceeded with probability s. */
  exceedance(s: number): number;
  /** The s in [0, 1] with exceedance(s) = q, or undefined when no s reaches q. */
  inverseExceedance(q: number): number | undefined;
}

/** A range rule of one parameter, in the order checked. */
export interface ParamRule {
  readonly greaterThan?: number;
  readonly min?: number;
  readonly max?: number;
}

export interface ParamDef {
  readonly name: string;
  readonly label: Bilingual;
  readonly rule: ParamRule;
  /** For a trailing optional parameter (PERT's lambda). */
  readonly default?: number;
}

interface FamilyBase {
  readonly id: string;
  readonly params: readonly ParamDef[];
  readonly description: Bilingual;
  /** Rules between parameters, after each one's own range: the first broken one, if any. */
  readonly check?: (p: readonly number[]) => { param: string; rule: Bilingual } | undefined;
}

export interface SeverityFamily extends FamilyBase {
  readonly role: 'severity';
  readonly make: (p: readonly number[]) => Severity;
}

export interface FrequencyFamily extends FamilyBase {
  readonly role: 'frequency';
  readonly make: (p: readonly number[]) => Frequency;
}

// ---- helpers ------------------------------------------------------------------------------------

/** (1 − e^(−cL)) / c, and L at c = 0: ∫_0^L e^(−cs) ds, without cancellation near c = 0. */
function g(c: number, L: number): number {
  return c === 0 ? L : -expm1(-c * L) / c;
}

/**
 * g(c, L) − g(c + 1, L) = ∫_0^L e^(−cs)(1 − e^(−s)) ds. The two terms agree to about the first
 * order in L, so for a small L·(|c| + 1) the difference is summed as its series
 * Σ_{n≥1} (−1)^n (c^n − (c+1)^n) L^(n+1)/(n+1)! (first term L²/2) instead of subtracted.
 */
function gDiff(c: number, L: number): number {
  if (L * (Math.abs(c) + 1) >= 0.5) return g(c, L) - g(c + 1, L);
  let sum = 0;
  let cn = 1;
  let dn = 1;
  let f = L; // L^(n+1) / (n+1)!
  const m = Math.max(Math.abs(c), Math.abs(c + 1));
  let bound = 1; // m^n ≥ |c^n|, |(c+1)^n|
  for (let n = 1; n < 80; n++) {
    cn *= c;
    dn *= c + 1;
    f *= L / (n + 1);
    bound *= m;
    sum += (n % 2 === 0 ? 1 : -1) * (cn - dn) * f;
    // Stop on the bound of the terms, not on a term: c^n − (c+1)^n is 0 for even n at c = −½.
    if (2 * bound * f <= 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

/**
 * ∫_a^b S(x) dx for a family without a closed form of its own: the stop-loss difference in the
 * upper tail (where LEV(b) − LEV(a) would subtract two values close to the mean), the LEV
 * difference below it.
 */
function bandOf(d: Severity, a: number, b: number): number {
  if (b === Infinity) return d.excess(a);
  if (b <= a) return 0;
  const [x, y] = d.sf(a) < 0.5 && d.hasMoment(1) ? [d.excess(a), d.excess(b)] : [d.lev(b, 1), d.lev(a, 1)];
  const closed = Math.abs(x - y);
  // A thin layer far out: the difference of two close values would lose more than 3 digits, so
  // the same quantity is integrated, ∫_a^b S(x) dx (see band2Of).
  if (closed > 1e-3 * Math.max(Math.abs(x), Math.abs(y))) return closed;
  return integrate((t) => d.sf(t), a, b);
}

/** A severity whose moments are all finite, with the generic band unless it has its own. */
function severity(s: Omit<Severity, 'band' | 'band2' | 'hasMoment'> & { band?: Severity['band'] }): Severity {
  const d: Severity = { hasMoment: () => true, ...s, band: s.band ?? ((a, b) => bandOf(d, a, b)), band2: (a, b) => band2Of(d, a, b) };
  return d;
}

/**
 * The catalogue's E[Y²] of the layer b − a xs a for a family without a form of its own:
 * E[min(X, b)²] − E[min(X, a)²] − 2a (LEV(b) − LEV(a)). Far in the tail those terms are ~E[X²]
 * while their difference is ~(b − a)² S(a): when the subtraction would lose more than 3 of the 16
 * digits, the same quantity is integrated instead, ∫_a^b 2(x − a) S(x) dx, with S from the
 * library's special functions (adaptive Gauss–Legendre to 1e-14; beyond the point where S falls
 * below 1e-18 × S(a) the rest is under 1e-16 of the result for these light tails).
 */
function band2Of(d: Severity, a: number, b: number): number {
  if (b <= a) return 0;
  const upper = b === Infinity ? d.moment(2) : d.lev(b, 2);
  const lower = d.lev(a, 2);
  const cross = 2 * a * d.band(a, b);
  const closed = upper - lower - cross;
  if (closed > 1e-3 * Math.max(Math.abs(upper), Math.abs(lower), Math.abs(cross))) return closed;
  const sa = d.sf(a);
  if (sa === 0) return 0;
  const hi = b === Infinity ? d.isf(sa * 1e-18) : b;
  return integrate((x) => 2 * (x - a) * d.sf(x), a, hi);
}

/** Gauss–Legendre nodes and weights on [−1, 1], n = 16, by Newton's method on P_n. */
const GL = (() => {
  const n = 16;
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= n; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes.push(x);
    weights.push(2 / ((1 - x * x) * dp * dp));
  }
  return { nodes, weights };
})();

function gl(f: (x: number) => number, a: number, b: number): number {
  const h = (b - a) / 2;
  const c = (a + b) / 2;
  let sum = 0;
  for (let i = 0; i < GL.nodes.length; i++) sum += GL.weights[i] * f(c + h * GL.nodes[i]);
  return sum * h;
}

/**
 * Adaptive Gauss–Legendre: halves a panel until its halves agree with it to 1e-15 of the whole
 * integral (an absolute bound, so panels where S is negligible stop at once), at most 4,000 panels.
 */
function integrate(f: (x: number) => number, a: number, b: number): number {
  const first = gl(f, a, b);
  const tol = 1e-15 * Math.abs(first) + Number.MIN_VALUE;
  let panels = 0;
  const rec = (x0: number, x1: number, whole: number): number => {
    const m = (x0 + x1) / 2;
    const left = gl(f, x0, m);
    const right = gl(f, m, x1);
    panels += 2;
    if (panels > 4000 || Math.abs(left + right - whole) <= tol) return left + right;
    return rec(x0, m, left) + rec(m, x1, right);
  };
  return rec(a, b, first);
}

/**
 * A probability from the library's own value when it is below ½, else as 1 − its complement: the
 * incomplete gamma and beta functions are accurate relative to the smaller of P and Q, and near 1
 * the direct value can come out an ulp below 1 − (a complement of 1e-30), which made S an ulp
 * lower at a smaller x than at a larger one (OEP then rose with x).
 */
function smaller(direct: number, complement: () => number): number {
  return direct < 0.5 ? direct : 1 - complement();
}

const POSITIVE: ParamRule = { greaterThan: 0 };

// ---- the severities -----------------------------------------------------------------------------

function lognormal([mu, sigma]: readonly number[]): Severity {
  const z = (x: number) => (ln(x) - mu) / sigma;
  const moment = (k: 1 | 2) => exp(k * mu + (k * k * sigma * sigma) / 2);
  const m = moment(1);
  return severity({
    family: 'lognormal',
    params: [mu, sigma],
    lower: 0,
    cdf: (x) => (x <= 0 ? 0 : normCdf(z(x))),
    sf: (x) => (x <= 0 ? 1 : normSf(z(x))),
    quantile: (p) => lognormalQuantile(mu, sigma, p),
    quantileKernel: { kind: QUANTILE_KERNELS.lognormal, a: mu, b: sigma },
    isf: (q) => (q >= 1 ? 0 : exp(mu + sigma * normIsf(q))),
    moment,
    // E[min(X,u)^k] = E[X^k] Φ(z − kσ) + u^k (1 − Φ(z)) (Loss Models A.4.1.1).
    lev: (u, k) => (u <= 0 ? 0 : moment(k) * normCdf(z(u) - k * sigma) + pow(u, k) * normSf(z(u))),
    // E[(X − u)+] = E[X] (1 − Φ(z − σ)) − u (1 − Φ(z)): both tails direct.
    excess: (u) => (u <= 0 ? m - u : m * normSf(z(u) - sigma) - u * normSf(z(u))),
  });
}

function lomax([alpha, theta]: readonly number[]): Severity {
  const L = (x: number) => log1p(x / theta);
  const sf = (x: number) => (x <= 0 ? 1 : exp(-alpha * L(x)));
  const moment = (k: 1 | 2) => (alpha <= k ? Infinity : k === 1 ? theta / (alpha - 1) : (2 * theta * theta) / ((alpha - 1) * (alpha - 2)));
  return {
    family: 'lomax',
    params: [alpha, theta],
    hasMoment: (k) => alpha > k,
    lower: 0,
    cdf: (x) => (x <= 0 ? 0 : -expm1(-alpha * L(x))),
    sf,
    quantile: (p) => lomaxQuantile(alpha, theta, p),
    quantileKernel: { kind: QUANTILE_KERNELS.lomax, a: alpha, b: theta },
    isf: (q) => theta * expm1(-ln(q) / alpha),
    moment,
    // E[min(X,u)] = θ (1 − (θ/(u+θ))^(α−1)) / (α − 1), and θ ln(1 + u/θ) at α = 1;
    // E[min(X,u)²] = 2∫_0^u x S(x) dx = 2θ² (g(α−2) − g(α−1)).
    lev: (u, k) => (u <= 0 ? 0 : k === 1 ? theta * g(alpha - 1, L(u)) : 2 * theta * theta * gDiff(alpha - 2, L(u))),
    // The mean excess of a Lomax is (u + θ)/(α − 1).
    excess: (u) => (alpha <= 1 ? Infinity : ((u + theta) * sf(u)) / (alpha - 1)),
    // ∫_a^b S = (a + θ) S(a) g(α − 1, ln((b + θ)/(a + θ))): no difference of two LEVs.
    band: (a, b) => {
      if (b <= a) return 0;
      if (b === Infinity) return alpha <= 1 ? Infinity : ((a + theta) * sf(a)) / (alpha - 1);
      return (a + theta) * sf(a) * g(alpha - 1, log1p((b - a) / (a + theta)));
    },
    // ∫_a^b 2(x − a) S(x) dx = 2 (a + θ)² S(a) (g(α − 2) − g(α − 1)) at L = ln((b + θ)/(a + θ)).
    band2: (a, b) => {
      if (b <= a) return 0;
      if (b === Infinity && alpha <= 2) return Infinity;
      const A = a + theta;
      return 2 * A * A * sf(a) * gDiff(alpha - 2, b === Infinity ? Infinity : log1p((b - a) / A));
    },
  };
}

function pareto1([alpha, theta]: readonly number[]): Severity {
  const sf = (x: number) => (x <= theta ? 1 : exp(-alpha * ln(x / theta)));
  const moment = (k: 1 | 2) => (alpha <= k ? Infinity : (alpha * pow(theta, k)) / (alpha - k));
  /** ∫_a^b S for θ ≤ a ≤ b: a S(a) g(α − 1, ln(b/a)). */
  const above = (a: number, b: number) => (b === Infinity ? (alpha <= 1 ? Infinity : (a * sf(a)) / (alpha - 1)) : a * sf(a) * g(alpha - 1, log1p((b - a) / a)));
  return {
    family: 'pareto1',
    params: [alpha, theta],
    hasMoment: (k) => alpha > k,
    lower: theta,
    cdf: (x) => (x <= theta ? 0 : -expm1(-alpha * ln(x / theta))),
    sf,
    quantile: (p) => pareto1Quantile(alpha, theta, p),
    quantileKernel: { kind: QUANTILE_KERNELS.pareto1, a: alpha, b: theta },
    isf: (q) => theta * exp(-ln(q) / alpha),
    moment,
    // E[min(X,u)^k] = θ^k (1 + k g(α − k, ln(u/θ))) for u ≥ θ; u^k below θ (X ≥ θ always).
    lev: (u, k) => (u <= theta ? pow(u, k) : pow(theta, k) * (1 + k * g(alpha - k, ln(u / theta)))),
    excess: (u) => (alpha <= 1 ? Infinity : u < theta ? moment(1) - u : (u * sf(u)) / (alpha - 1)),
    band: (a, b) => {
      if (b <= a) return 0;
      const flat = Math.min(b, theta) - Math.min(a, theta); // S = 1 below θ
      const from = Math.max(a, theta);
      return b > from ? flat + above(from, b) : flat;
    },
    // Above θ: 2 a² S(a) (g(α − 2) − g(α − 1)) at L = ln(b/a); below θ (S = 1) the square of the
    // part below θ, and 2 × that part × the band above θ.
    band2: (a, b) => {
      if (b <= a) return 0;
      const from = Math.max(a, theta);
      const flat = Math.min(b, theta) - a; // ≥ 0 when a < θ
      let out = a < theta ? flat * flat : 0;
      if (b > from) {
        if (b === Infinity && alpha <= 2) return Infinity;
        out += 2 * from * from * sf(from) * gDiff(alpha - 2, b === Infinity ? Infinity : log1p((b - from) / from));
        if (a < theta) out += 2 * flat * above(from, b);
      }
      return out;
    },
  };
}

/** Gamma(shape a, scale s), and the exponential as Gamma(1, mean) where no simpler form exists. */
function gammaFamily(family: string, a: number, s: number, params: readonly number[], simple?: Partial<Severity>): Severity {
  const t = (x: number) => x / s;
  const moment = (k: 1 | 2) => (k === 1 ? a * s : a * (a + 1) * s * s);
  return severity({
    family,
    params,
    lower: 0,
    cdf: (x) => (x <= 0 ? 0 : smaller(gammaP(a, t(x)), () => gammaQ(a, t(x)))),
    sf: (x) => (x <= 0 ? 1 : smaller(gammaQ(a, t(x)), () => gammaP(a, t(x)))),
    quantile: (p) => s * gammaPInv(a, p),
    isf: (q) => s * gammaQInv(a, q),
    moment,
    // E[min(X,u)^k] = E[X^k] P(a + k, u/s) + u^k Q(a, u/s) (Loss Models A.3.2.1).
    lev: (u, k) => (u <= 0 ? 0 : moment(k) * gammaP(a + k, t(u)) + pow(u, k) * gammaQ(a, t(u))),
    excess: (u) => (u <= 0 ? a * s - u : a * s * gammaQ(a + 1, t(u)) - u * gammaQ(a, t(u))),
    ...simple,
  });
}

function exponential([mean]: readonly number[]): Severity {
  const sf = (x: number) => (x <= 0 ? 1 : exp(-x / mean));
  return gammaFamily('exponential', 1, mean, [mean], {
    cdf: (x) => (x <= 0 ? 0 : -expm1(-x / mean)),
    sf,
    quantile: (p) => exponentialQuantile(mean, p),
    quantileKernel: { kind: QUANTILE_KERNELS.exponential, a: mean, b: 0 },
    isf: (q) => -mean * ln(q),
    // Memoryless: E[(X − u)+] = mean × S(u).
    excess: (u) => (u <= 0 ? mean - u : mean * sf(u)),
  });
}

function weibull([shape, scale]: readonly number[]): Severity {
  const y = (x: number) => pow(x / scale, shape);
  const moment = (k: 1 | 2) => pow(scale, k) * gamma(1 + k / shape);
  const sf = (x: number) => (x <= 0 ? 1 : exp(-y(x)));
  return severity({
    family: 'weibull',
    params: [shape, scale],
    lower: 0,
    cdf: (x) => (x <= 0 ? 0 : -expm1(-y(x))),
    sf,
    quantile: (p) => scale * pow(-log1p(-p), 1 / shape),
    isf: (q) => scale * pow(-ln(q), 1 / shape),
    moment,
    // E[min(X,u)^k] = scale^k Γ(1 + k/τ) P(1 + k/τ, (u/scale)^τ) + u^k S(u) (Loss Models A.3.2.3).
    lev: (u, k) => (u <= 0 ? 0 : moment(k) * gammaP(1 + k / shape, y(u)) + pow(u, k) * sf(u)),
    excess: (u) => (u <= 0 ? moment(1) - u : moment(1) * gammaQ(1 + 1 / shape, y(u)) - u * sf(u)),
  });
}

/** The standard PERT (Vose; mc2d): min + (max − min) × Beta(α1, α2). */
function pert([min, mode, max, lambda]: readonly number[]): Severity {
  const w = max - min;
  const a1 = 1 + (lambda * (mode - min)) / w;
  const a2 = 1 + (lambda * (max - mode)) / w;
  const ey = a1 / (a1 + a2);
  const ey2 = (a1 * (a1 + 1)) / ((a1 + a2) * (a1 + a2 + 1));
  const v = (x: number) => (x - min) / w;
  const moment = (k: 1 | 2) => (k === 1 ? min + w * ey : min * min + 2 * min * w * ey + w * w * ey2);
  // E[min(Y, v)] and E[min(Y, v)²] of the Beta(α1, α2) Y, 0 < v < 1.
  const levY1 = (t: number) => ey * betaI(a1 + 1, a2, t) + t * betaIc(a1, a2, t);
  const levY2 = (t: number) => ey2 * betaI(a1 + 2, a2, t) + t * t * betaIc(a1, a2, t);
  return severity({
    family: 'pert',
    params: [min, mode, max, lambda],
    lower: min,
    cdf: (x) => (x <= min ? 0 : x >= max ? 1 : smaller(betaI(a1, a2, v(x)), () => betaIc(a1, a2, v(x)))),
    sf: (x) => (x <= min ? 1 : x >= max ? 0 : smaller(betaIc(a1, a2, v(x)), () => betaI(a1, a2, v(x)))),
    quantile: (p) => min + w * betaIInv(a1, a2, p),
    isf: (q) => min + w * betaIcInv(a1, a2, q),
    moment,
    // min(X, u) = min + w min(Y, v): expand the square for k = 2.
    lev: (u, k) => {
      if (u <= min) return pow(u, k);
      if (u >= max) return moment(k);
      const l1 = levY1(v(u));
      return k === 1 ? min + w * l1 : min * min + 2 * min * w * l1 + w * w * levY2(v(u));
    },
    excess: (u) => (u <= min ? moment(1) - u : u >= max ? 0 : w * (ey * betaIc(a1 + 1, a2, v(u)) - v(u) * betaIc(a1, a2, v(u)))),
  });
}

function constant([c]: readonly number[]): Severity {
  return {
    family: 'constant',
    params: [c],
    hasMoment: () => true,
    lower: c,
    cdf: (x) => (x >= c ? 1 : 0),
    sf: (x) => (x < c ? 1 : 0),
    quantile: () => c,
    quantileKernel: { kind: QUANTILE_KERNELS.constant, a: c, b: 0 },
    isf: () => c,
    moment: (k) => pow(c, k),
    lev: (u, k) => pow(Math.min(u, c), k),
    excess: (u) => Math.max(c - u, 0),
    band: (a, b) => Math.max(Math.min(b, c) - a, 0),
    band2: (a, b) => {
      const t = Math.max(Math.min(b, c) - a, 0);
      return t * t;
    },
  };
}

// ---- the frequencies ----------------------------------------------------------------------------

function poisson([lambda]: readonly number[]): Frequency {
  return {
    family: 'poisson',
    params: [lambda],
    mean: lambda,
    // 1 − exp(−λ S)
    exceedance: (s) => -expm1(-lambda * s),
    inverseExceedance: (q) => {
      const s = lambda === 0 ? Infinity : -log1p(-q) / lambda;
      return s <= 1 ? s : undefined;
    },
  };
}

function negbin([mean, cv]: readonly number[]): Frequency {
  const r = 1 / (cv * cv - 1 / mean);
  // P_N(F) = (p / (1 − (1 − p) F))^r with (1 − p)/p = mean/r and 1 − F = S:
  // 1 − P_N = 1 − (1 + mean S / r)^(−r).
  return {
    family: 'negbin',
    params: [mean, cv],
    mean,
    exceedance: (s) => -expm1(-r * log1p((mean * s) / r)),
    inverseExceedance: (q) => {
      const s = (r * expm1(-log1p(-q) / r)) / mean;
      return s <= 1 ? s : undefined;
    },
  };
}

function bernoulli([p]: readonly number[]): Frequency {
  return {
    family: 'bernoulli',
    params: [p],
    mean: p,
    exceedance: (s) => p * s,
    inverseExceedance: (q) => {
      const s = p === 0 ? Infinity : q / p;
      return s <= 1 ? s : undefined;
    },
  };
}

// ---- the table ----------------------------------------------------------------------------------

const param = (name: string, en: string, zh: string, rule: ParamRule, dflt?: number): ParamDef => ({ name, label: { en, zh }, rule, ...(dflt === undefined ? {} : { default: dflt }) });

export const SEVERITY_FAMILIES: readonly SeverityFamily[] = [
  {
    id: 'lognormal',
    role: 'severity',
    params: [param('mu', 'mean of ln X', 'ln X 的均值', {}), param('sigma', 'standard deviation of ln X', 'ln X 的标准差', POSITIVE)],
    description: { en: 'Lognormal: ln X ~ Normal(mu, sigma²).', zh: '对数正态分布：ln X ~ 正态(mu, sigma²)。' },
    make: lognormal,
  },
  {
    id: 'lomax',
    role: 'severity',
    params: [param('alpha', 'tail index', '尾部指数', POSITIVE), param('theta', 'scale', '尺度', POSITIVE)],
    description: { en: 'Pareto II (Lomax): S(x) = (theta / (x + theta))^alpha, x ≥ 0.', zh: '第二类帕累托（Lomax）分布：S(x) = (theta / (x + theta))^alpha，x ≥ 0。' },
    make: lomax,
  },
  {
    id: 'pareto1',
    role: 'severity',
    params: [param('alpha', 'tail index', '尾部指数', POSITIVE), param('theta', 'lower end', '下限', POSITIVE)],
    description: { en: 'Single-parameter Pareto: S(x) = (theta / x)^alpha, x ≥ theta.', zh: '单参数帕累托分布：S(x) = (theta / x)^alpha，x ≥ theta。' },
    make: pareto1,
  },
  {
    id: 'gamma',
    role: 'severity',
    params: [param('shape', 'shape', '形状', POSITIVE), param('scale', 'scale', '尺度', POSITIVE)],
    description: { en: 'Gamma(shape, scale): mean shape × scale.', zh: '伽马分布（形状, 尺度）：均值为形状 × 尺度。' },
    make: ([a, s]) => gammaFamily('gamma', a, s, [a, s]),
  },
  {
    id: 'weibull',
    role: 'severity',
    params: [param('shape', 'shape', '形状', POSITIVE), param('scale', 'scale', '尺度', POSITIVE)],
    description: { en: 'Weibull: S(x) = exp(−(x / scale)^shape).', zh: '威布尔分布：S(x) = exp(−(x / scale)^shape)。' },
    make: weibull,
  },
  {
    id: 'exponential',
    role: 'severity',
    params: [param('mean', 'mean', '均值', POSITIVE)],
    description: { en: 'Exponential: S(x) = exp(−x / mean).', zh: '指数分布：S(x) = exp(−x / mean)。' },
    make: exponential,
  },
  {
    id: 'pert',
    role: 'severity',
    params: [
      param('min', 'minimum', '最小值', { min: 0 }),
      param('mode', 'most likely', '最可能值', { min: 0 }),
      param('max', 'maximum', '最大值', { min: 0 }),
      param('lambda', 'weight of the mode', '众数权重', POSITIVE, 4),
    ],
    description: {
      en: 'Standard PERT (Vose, mc2d): min + (max − min) × Beta(1 + lambda (mode − min)/(max − min), 1 + lambda (max − mode)/(max − min)).',
      zh: '标准 PERT 分布（Vose、mc2d）：min + (max − min) × Beta(1 + lambda (mode − min)/(max − min), 1 + lambda (max − mode)/(max − min))。',
    },
    check: ([min, mode, max]) => {
      if (!(max > min)) return { param: 'max', rule: { en: `greater than min (${min})`, zh: `大于 min（${min}）` } };
      if (mode < min || mode > max) return { param: 'mode', rule: { en: `between min (${min}) and max (${max})`, zh: `介于 min（${min}）与 max（${max}）之间` } };
      return undefined;
    },
    make: pert,
  },
  {
    id: 'constant',
    role: 'severity',
    params: [param('x', 'the amount', '金额', { min: 0 })],
    description: { en: 'Constant: X = x.', zh: '常数：X = x。' },
    make: constant,
  },
];

export const FREQUENCY_FAMILIES: readonly FrequencyFamily[] = [
  {
    id: 'poisson',
    role: 'frequency',
    params: [param('lambda', 'events per year', '每年事件数', { min: 0 })],
    description: { en: 'Poisson(lambda) events per year.', zh: '泊松分布：每年 lambda 次事件。' },
    make: poisson,
  },
  {
    id: 'negbin',
    role: 'frequency',
    params: [param('mean', 'events per year', '每年事件数', POSITIVE), param('cv', 'coefficient of variation', '变异系数', POSITIVE)],
    description: {
      en: 'Negative binomial with mean and cv (cv² > 1/mean): r = 1/(cv² − 1/mean), p = r/(r + mean).',
      zh: '负二项分布（均值、变异系数，须 cv² > 1/mean）：r = 1/(cv² − 1/mean)，p = r/(r + mean)。',
    },
    check: ([mean, cv]) =>
      cv * cv > 1 / mean ? undefined : { param: 'cv', rule: { en: `such that cv² > 1/mean (cv > ${Math.sqrt(1 / mean)})`, zh: `满足 cv² > 1/mean（cv > ${Math.sqrt(1 / mean)}）` } },
    make: negbin,
  },
  {
    id: 'bernoulli',
    role: 'frequency',
    params: [param('p', 'probability of one event', '发生一次事件的概率', { min: 0, max: 1 })],
    description: { en: 'Bernoulli(p): one event with probability p, else none.', zh: '伯努利分布：以概率 p 发生一次事件，否则无事件。' },
    make: bernoulli,
  },
];

/** A moment that must be finite for the request: #NUM! otherwise (catalogue section 10). */
export function finiteMoment(d: Severity, k: 1 | 2): number {
  if (!d.hasMoment(k)) problem({ kind: 'infiniteMoment', order: k, why: d.family });
  return d.moment(k);
}
