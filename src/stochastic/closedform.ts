/**
 * The quantities of catalogue section 10 from a parsed severity (and frequency), in doubles.
 * Inputs are already checked for their own ranges by the cell functions; what only the
 * distribution can decide (an infinite moment, an unreachable exceedance) is a DistributionProblem.
 */
import { finiteMoment, type Frequency, type Severity } from './families';
import { type Bilingual, problem } from './problems';
import { betaI, betaIc, gammaP, gammaQ, ln, normCdf, normIsf, normQuantile, normSf, pow } from './special';

/** Catalogue section 10: "a limit of 1e308 or more means "no limit" (LEV, LAYERLOSS, ILF)". */
export const NO_LIMIT = 1e308;

const unlimited = (u: number): boolean => u >= NO_LIMIT;

/** CYBER.LEV: E[min(X, limit)^k]; the k-th moment for no limit (#NUM! when infinite). */
export function lev(d: Severity, limit: number, k: 1 | 2): number {
  return unlimited(limit) ? finiteMoment(d, k) : d.lev(limit, k);
}

export type LayerStat = 'mean' | 'sd' | 'prob' | 'severity';

/** Y = share × min(max(X − a, 0), l): E[Y], its sd, S(a), or E[Y | Y > 0] (undefined: S(a) = 0). */
export function layerLoss(d: Severity, a: number, l: number, share: number, stat: LayerStat): number | undefined {
  const prob = d.sf(a);
  if (stat === 'prob') return prob;
  const b = unlimited(l) ? Infinity : a + l;
  if (b === Infinity) finiteMoment(d, stat === 'sd' ? 2 : 1);
  // LEV(a + l) − LEV(a) as ∫_a^{a+l} S(x) dx: the family's own form, free of cancellation.
  const band = d.band(a, b);
  const mean = share * band;
  if (stat === 'mean') return mean;
  if (stat === 'severity') return prob === 0 ? undefined : mean / prob;
  // E[Y²] = share² (E[min(X, a + l)²] − E[min(X, a)²] − 2a (LEV(a + l) − LEV(a))), the family's
  // band2; Var Y = share² (E[Y²]/share² − band²), so a layer always exhausted gives exactly 0.
  const variance = share * share * (d.band2(a, b) - band * band);
  // Rounding can leave a variance a few ulps below 0 for a layer that is almost never reached.
  return Math.sqrt(variance > 0 ? variance : 0);
}

/** CYBER.ILF: (LEV(limit) + alae) / (LEV(base) + alae); undefined when the denominator is 0. */
export function ilf(d: Severity, limit: number, base: number, alae: number): number | undefined {
  const denominator = lev(d, base, 1) + alae;
  const numerator = lev(d, limit, 1) + alae;
  return denominator === 0 ? undefined : numerator / denominator;
}

/** CYBER.TVAR: VaR_p + (E[X] − LEV(VaR_p)) / (1 − p), the difference as E[(X − VaR_p)+]. */
export function tvar(d: Severity, p: number): number {
  finiteMoment(d, 1);
  const v = d.quantile(p);
  return v + d.excess(v) / (1 - p);
}

/** CYBER.OEP: 1 − P_N(F(x)), from S(x). */
export function oep(n: Frequency, d: Severity, x: number): number {
  return n.exceedance(d.sf(x));
}

/** CYBER.OEPLOSS: the loss exceeded with probability 1 / T by the year's largest loss. */
export function oepLoss(n: Frequency, d: Severity, returnPeriod: number): number {
  const q = 1 / returnPeriod;
  const s = n.inverseExceedance(q);
  if (s === undefined) problem({ kind: 'unreachable', probability: q, most: n.exceedance(1) });
  // S = 1: every year exceeds the lower end of the support.
  return s >= 1 ? d.lower : d.isf(s);
}

// ---- the steps, for the explain view --------------------------------------------------------------
//
// What the task pane's explain view shows for a section-10 cell: each closed form used, written
// out (e.g. the lognormal LEV in terms of Φ), with its intermediate values and where the formula
// comes from (the family's entry in Loss Models appendix A — appendix B for the frequencies — or
// the catalogue's own definition). The bridge asks for them only when a trace is recorded, after
// the result has been computed: nothing here feeds a result. Intermediate values are the same
// sub-expressions the families compute, from the same special functions; each function's last
// step is the result itself.

/** Where a step's formula comes from: a family id (its appendix entry) or the catalogue. */
export type StepSource = string;

export interface ClosedFormStep {
  readonly label: Bilingual;
  /** A double, or a text for what is no finite number ("∞", a family text). */
  readonly value: number | string;
  readonly source: StepSource;
}

const CAT = 'catalogue';

function st(en: string, zh: string, value: number | string, source: StepSource): ClosedFormStep {
  return { label: { en, zh }, value, source };
}

/** PERT's Beta shape parameters, as families.ts derives them. */
function pertShapes(d: Severity): [number, number, number, number] {
  const [min, mode, max, lambda] = d.params;
  const w = max - min;
  return [1 + (lambda * (mode - min)) / w, 1 + (lambda * (max - mode)) / w, min, w];
}

function pertShapeSteps(d: Severity): ClosedFormStep[] {
  const [a1, a2] = pertShapes(d);
  return [
    st('α1 = 1 + λ (mode − min) / (max − min)', 'α1 = 1 + λ (mode − min) / (max − min)', a1, 'pert'),
    st('α2 = 1 + λ (max − mode) / (max − min)', 'α2 = 1 + λ (max − mode) / (max − min)', a2, 'pert'),
  ];
}

/** The intermediate quantity of the family at the point `x` (written `u` in the labels). */
function pointSteps(d: Severity, x: number, u: string): ClosedFormStep[] {
  const p = d.params;
  switch (d.family) {
    case 'lognormal':
      return x > 0 ? [st(`z = (ln ${u} − μ) / σ`, `z = (ln ${u} − μ) / σ`, (ln(x) - p[0]) / p[1], 'lognormal')] : [];
    case 'gamma':
      return [st(`${u} / θ (θ the scale)`, `${u} / θ（θ 为尺度）`, x / p[1], 'gamma')];
    case 'exponential':
      return [st(`${u} / θ (θ the mean)`, `${u} / θ（θ 为均值）`, x / p[0], 'exponential')];
    case 'weibull':
      return [st(`y = (${u} / θ)^τ (τ the shape, θ the scale)`, `y = (${u} / θ)^τ（τ 为形状，θ 为尺度）`, pow(x / p[1], p[0]), 'weibull')];
    case 'pert': {
      const [, , min, w] = pertShapes(d);
      return [st(`v = (${u} − min) / (max − min)`, `v = (${u} − min) / (max − min)`, Math.min(Math.max((x - min) / w, 0), 1), 'pert')];
    }
    default:
      return [];
  }
}

/** S(u) or F(u) of each family, as a formula. */
function tailFormula(d: Severity, u: string, upper: boolean): string {
  const pick = (s: string, f: string) => (upper ? s : f);
  switch (d.family) {
    case 'lognormal':
      return pick('1 − Φ(z)', 'Φ(z)');
    case 'lomax':
      return pick(`(θ / (${u} + θ))^α`, `1 − (θ / (${u} + θ))^α`);
    case 'pareto1':
      return pick(`(θ / ${u})^α for ${u} ≥ θ, 1 below θ`, `1 − (θ / ${u})^α for ${u} ≥ θ, 0 below θ`);
    case 'gamma':
      return pick(`Q(α, ${u}/θ)`, `P(α, ${u}/θ)`);
    case 'exponential':
      return pick(`exp(−${u}/θ)`, `1 − exp(−${u}/θ)`);
    case 'weibull':
      return pick('exp(−y)', '1 − exp(−y)');
    case 'pert':
      return pick('1 − I_v(α1, α2)', 'I_v(α1, α2)');
    default:
      return pick(`1 if ${u} < c, else 0`, `1 if ${u} ≥ c, else 0`);
  }
}

const FUNCTION_NOTE: Record<string, Bilingual> = {
  gamma: { en: ' (P, Q: the regularised incomplete gamma functions)', zh: '（P、Q 为正则化不完全伽马函数）' },
  pert: { en: ' (I: the regularised incomplete beta function)', zh: '（I 为正则化不完全贝塔函数）' },
  lognormal: { en: ' (Φ: the standard normal distribution function)', zh: '（Φ 为标准正态分布函数）' },
};

const note = (d: Severity, lang: 'en' | 'zh') => FUNCTION_NOTE[d.family]?.[lang] ?? '';

/** The steps of S(x) (upper) or F(x), ending with the family's own value. */
export function distributionSteps(d: Severity, x: number, u: string, upper: boolean): ClosedFormStep[] {
  const f = tailFormula(d, u, upper);
  const name = upper ? `S(${u})` : `F(${u})`;
  return [
    ...(d.family === 'pert' ? pertShapeSteps(d) : []),
    ...pointSteps(d, x, u),
    st(`${name} = ${f}${note(d, 'en')}`, `${name} = ${f}${note(d, 'zh')}`, upper ? d.sf(x) : d.cdf(x), d.family),
  ];
}

/** The k-th moment of each family, as a formula. */
function momentFormula(d: Severity, k: 1 | 2): string {
  switch (d.family) {
    case 'lognormal':
      return k === 1 ? 'exp(μ + σ²/2)' : 'exp(2μ + 2σ²)';
    case 'lomax':
      return k === 1 ? 'θ / (α − 1), α > 1' : '2θ² / ((α − 1)(α − 2)), α > 2';
    case 'pareto1':
      return k === 1 ? 'α θ / (α − 1), α > 1' : 'α θ² / (α − 2), α > 2';
    case 'gamma':
      return k === 1 ? 'α θ' : 'α (α + 1) θ²';
    case 'exponential':
      return k === 1 ? 'θ' : '2θ²';
    case 'weibull':
      return k === 1 ? 'θ Γ(1 + 1/τ)' : 'θ² Γ(1 + 2/τ)';
    case 'pert':
      return k === 1 ? 'min + (max − min) α1 / (α1 + α2)' : 'min² + 2 min (max − min) E[Y] + (max − min)² α1 (α1 + 1) / ((α1 + α2)(α1 + α2 + 1)), Y ~ Beta(α1, α2)';
    default:
      return k === 1 ? 'c' : 'c²';
  }
}

function moment(d: Severity, k: 1 | 2): number | string {
  return d.hasMoment(k) ? d.moment(k) : '∞';
}

/** The steps of E[X^k]. */
export function momentSteps(d: Severity, k: 1 | 2): ClosedFormStep[] {
  const name = k === 1 ? 'E[X]' : 'E[X²]';
  return [...(d.family === 'pert' ? pertShapeSteps(d) : []), st(`${name} = ${momentFormula(d, k)}`, `${name} = ${momentFormula(d, k)}`, moment(d, k), d.family)];
}

/** E[min(X, u)^k] of each family, as a formula (Loss Models appendix A, "E[(X ∧ x)^k]"). */
function levFormula(d: Severity, u: string, k: 1 | 2): string {
  const m = k === 1 ? 'E[X]' : 'E[X²]';
  const uk = k === 1 ? u : `${u}²`;
  switch (d.family) {
    case 'lognormal':
      return `${m} Φ(z − ${k === 1 ? '' : '2'}σ) + ${uk} (1 − Φ(z))`;
    case 'lomax':
      return k === 1
        ? `θ / (α − 1) × (1 − (θ / (${u} + θ))^(α − 1)) (θ ln(1 + ${u}/θ) at α = 1)`
        : `2θ² (g(α − 2) − g(α − 1)), g(c) = (1 − (θ / (${u} + θ))^c) / c (g(0) = ln(1 + ${u}/θ))`;
    case 'pareto1':
      return k === 1 ? `α θ / (α − 1) − θ^α / ((α − 1) ${u}^(α − 1)) for ${u} ≥ θ (θ (1 + ln(${u}/θ)) at α = 1); ${u} below θ` : `α θ² / (α − 2) − 2 θ^α / ((α − 2) ${u}^(α − 2)) for ${u} ≥ θ (θ² (1 + 2 ln(${u}/θ)) at α = 2); ${u}² below θ`;
    case 'gamma':
      return `${m} P(α + ${k}, ${u}/θ) + ${uk} Q(α, ${u}/θ)`;
    case 'exponential':
      return `${m} P(${k + 1}, ${u}/θ) + ${uk} exp(−${u}/θ)`;
    case 'weibull':
      return `${m} P(1 + ${k}/τ, y) + ${uk} exp(−y)`;
    case 'pert':
      return k === 1
        ? 'min + (max − min) E[min(Y, v)], E[min(Y, v)] = α1 / (α1 + α2) I_v(α1 + 1, α2) + v (1 − I_v(α1, α2))'
        : 'min² + 2 min (max − min) E[min(Y, v)] + (max − min)² E[min(Y, v)²], E[min(Y, v)²] = α1 (α1 + 1) / ((α1 + α2)(α1 + α2 + 1)) I_v(α1 + 2, α2) + v² (1 − I_v(α1, α2))';
    default:
      return k === 1 ? `min(${u}, c)` : `min(${u}, c)²`;
  }
}

/** The intermediate terms of the LEV of the families that have some. */
function levTerms(d: Severity, x: number, u: string, k: 1 | 2): ClosedFormStep[] {
  const p = d.params;
  switch (d.family) {
    case 'lognormal': {
      if (!(x > 0)) return [];
      const z = (ln(x) - p[0]) / p[1];
      return [st(`Φ(z − ${k === 1 ? '' : '2'}σ)`, `Φ(z − ${k === 1 ? '' : '2'}σ)`, normCdf(z - k * p[1]), 'lognormal'), st('1 − Φ(z)', '1 − Φ(z)', normSf(z), 'lognormal')];
    }
    case 'gamma':
      return [st(`P(α + ${k}, ${u}/θ)`, `P(α + ${k}, ${u}/θ)`, gammaP(p[0] + k, x / p[1]), 'gamma'), st(`Q(α, ${u}/θ)`, `Q(α, ${u}/θ)`, gammaQ(p[0], x / p[1]), 'gamma')];
    case 'exponential':
      return [st(`P(${k + 1}, ${u}/θ)`, `P(${k + 1}, ${u}/θ)`, gammaP(1 + k, x / p[0]), 'exponential'), st(`exp(−${u}/θ)`, `exp(−${u}/θ)`, d.sf(x), 'exponential')];
    case 'weibull': {
      const y = pow(x / p[1], p[0]);
      return [st(`P(1 + ${k}/τ, y)`, `P(1 + ${k}/τ, y)`, gammaP(1 + k / p[0], y), 'weibull'), st('exp(−y)', 'exp(−y)', d.sf(x), 'weibull')];
    }
    case 'lomax':
      return [st(`θ / (${u} + θ)`, `θ / (${u} + θ)`, p[1] / (x + p[1]), 'lomax')];
    case 'pareto1':
      return x > p[1] ? [st(`S(${u}) = (θ / ${u})^α`, `S(${u}) = (θ / ${u})^α`, d.sf(x), 'pareto1')] : [];
    case 'pert': {
      const [a1, a2, min, w] = pertShapes(d);
      const v = (x - min) / w;
      if (!(v > 0 && v < 1)) return [];
      return [
        st(`I_v(α1 + ${k}, α2)`, `I_v(α1 + ${k}, α2)`, betaI(a1 + k, a2, v), 'pert'),
        st('1 − I_v(α1, α2)', '1 − I_v(α1, α2)', betaIc(a1, a2, v), 'pert'),
      ];
    }
    default:
      return [];
  }
}

/**
 * The steps of E[min(X, u)^k] (the k-th moment for no limit), ending with `value` (the result the
 * caller computed) when given, else with the family's own LEV.
 */
export function levSteps(d: Severity, x: number, u: string, k: 1 | 2, value?: number): ClosedFormStep[] {
  const name = k === 1 ? `LEV(${u}) = E[min(X, ${u})]` : `E[min(X, ${u})²]`;
  if (unlimited(x)) {
    return [...momentSteps(d, k), st(`${name}: no limit, so ${k === 1 ? 'E[X]' : 'E[X²]'}`, `${name}：无限额，即 ${k === 1 ? 'E[X]' : 'E[X²]'}`, value ?? moment(d, k), CAT)];
  }
  const withMoment = ['lognormal', 'gamma', 'exponential', 'weibull'].includes(d.family);
  const f = levFormula(d, u, k);
  return [
    ...(d.family === 'pert' ? pertShapeSteps(d) : []),
    ...pointSteps(d, x, u),
    ...(withMoment ? momentSteps(d, k) : []),
    ...levTerms(d, x, u, k),
    st(`${name} = ${f}${note(d, 'en')}`, `${name} = ${f}${note(d, 'zh')}`, value ?? d.lev(x, k), d.family),
  ];
}

/** The quantile of each family at p, as a formula. */
function quantileFormula(d: Severity): string {
  switch (d.family) {
    case 'lognormal':
      return 'exp(μ + σ Φ⁻¹(p))';
    case 'lomax':
      return 'θ ((1 − p)^(−1/α) − 1)';
    case 'pareto1':
      return 'θ (1 − p)^(−1/α)';
    case 'gamma':
      return 'θ P⁻¹(α, p) (P⁻¹: the inverse of the regularised lower incomplete gamma function)';
    case 'exponential':
      return '−θ ln(1 − p)';
    case 'weibull':
      return 'θ (−ln(1 − p))^(1/τ)';
    case 'pert':
      return 'min + (max − min) I⁻¹_p(α1, α2) (I⁻¹: the inverse of the regularised incomplete beta function)';
    default:
      return 'c';
  }
}

/** The steps of the p-quantile; `tail` is 1 − p when the caller has it exactly (OEPLOSS). */
export function quantileSteps(d: Severity, p: number, value: number, name: string, tail?: number): ClosedFormStep[] {
  const out: ClosedFormStep[] = d.family === 'pert' ? pertShapeSteps(d) : [];
  if (d.family === 'lognormal' && p > 0) out.push(st('Φ⁻¹(p)', 'Φ⁻¹(p)', tail === undefined ? normQuantile(p) : normIsf(tail), 'lognormal'));
  const f = quantileFormula(d);
  out.push(st(`${name} = ${f}`, `${name} = ${f}`, value, d.family));
  return out;
}

/** The excess E[(X − u)+] of each family, as a formula. */
function excessFormula(d: Severity, u: string): string {
  switch (d.family) {
    case 'lognormal':
      return `E[X] (1 − Φ(z − σ)) − ${u} (1 − Φ(z))`;
    case 'lomax':
      return `(${u} + θ) S(${u}) / (α − 1)`;
    case 'pareto1':
      return `${u} S(${u}) / (α − 1) for ${u} ≥ θ, E[X] − ${u} below θ`;
    case 'gamma':
      return `α θ Q(α + 1, ${u}/θ) − ${u} Q(α, ${u}/θ)`;
    case 'exponential':
      return `θ S(${u})`;
    case 'weibull':
      return `E[X] Q(1 + 1/τ, y) − ${u} S(${u})`;
    case 'pert':
      return `(max − min) (E[Y] (1 − I_v(α1 + 1, α2)) − v (1 − I_v(α1, α2)))`;
    default:
      return `max(c − ${u}, 0)`;
  }
}

/** CYBER.TVAR's steps: VaR_p, E[X], the excess over VaR_p, the result. */
export function tvarSteps(d: Severity, p: number, value: number): ClosedFormStep[] {
  const v = d.quantile(p);
  const f = excessFormula(d, 'VaR');
  return [
    ...quantileSteps(d, p, v, 'VaR_p'),
    ...momentSteps(d, 1).filter((s) => !/^α[12] /.test(s.label.en)),
    ...pointSteps(d, v, 'VaR'),
    st(`E[(X − VaR)+] = E[X] − LEV(VaR) = ${f}`, `E[(X − VaR)+] = E[X] − LEV(VaR) = ${f}`, d.excess(v), d.family),
    st('TVaR_p = VaR_p + E[(X − VaR)+] / (1 − p)', 'TVaR_p = VaR_p + E[(X − VaR)+] / (1 − p)', value, CAT),
  ];
}

/** CYBER.LAYERLOSS's steps for the layer l xs a, share s, ending with `value`. */
export function layerSteps(d: Severity, a: number, l: number, share: number, stat: LayerStat, value: number | undefined): ClosedFormStep[] {
  const out: ClosedFormStep[] = distributionSteps(d, a, 'a', true);
  const prob = out[out.length - 1].value as number;
  if (stat === 'prob') {
    out.push(st('P(the loss reaches the layer) = S(a)', 'P(损失进入该层) = S(a)', value ?? prob, CAT));
    return out;
  }
  const b = unlimited(l) ? Infinity : a + l;
  const top = unlimited(l) ? 1e308 : b;
  const band = d.band(a, b);
  const noPert = (s: ClosedFormStep) => !/^α[12] /.test(s.label.en);
  if (!unlimited(l)) out.push(st('b = a + l, the top of the layer', 'b = a + l，该层的上限', b, CAT));
  out.push(...levSteps(d, a, 'a', 1).filter(noPert), ...levSteps(d, top, 'b', 1).filter(noPert));
  out.push(st('∫ₐᵇ S(x) dx = LEV(b) − LEV(a)', '∫ₐᵇ S(x) dx = LEV(b) − LEV(a)', band, CAT));
  const mean = share * band;
  if (stat === 'mean') {
    out.push(st('E[Y] = share × (LEV(b) − LEV(a))', 'E[Y] = 份额 × (LEV(b) − LEV(a))', value ?? mean, CAT));
    return out;
  }
  if (stat === 'severity') {
    out.push(st('E[Y] = share × (LEV(b) − LEV(a))', 'E[Y] = 份额 × (LEV(b) − LEV(a))', mean, CAT));
    out.push(st('E[Y | Y > 0] = E[Y] / S(a)', 'E[Y | Y > 0] = E[Y] / S(a)', value ?? '—', CAT));
    return out;
  }
  out.push(...levSteps(d, a, 'a', 2).filter(noPert), ...levSteps(d, top, 'b', 2).filter(noPert));
  const band2 = d.band2(a, b);
  out.push(
    st('E[Y²] / share² = E[min(X, b)²] − E[min(X, a)²] − 2a (LEV(b) − LEV(a))', 'E[Y²] / 份额² = E[min(X, b)²] − E[min(X, a)²] − 2a (LEV(b) − LEV(a))', band2, CAT),
    st('sd(Y) = share × √(E[Y²] / share² − (E[Y] / share)²)', 'sd(Y) = 份额 × √(E[Y²] / 份额² − (E[Y] / 份额)²)', value ?? '—', CAT),
  );
  return out;
}

/** CYBER.ILF's steps. */
export function ilfSteps(d: Severity, limit: number, base: number, alae: number, value: number | undefined): ClosedFormStep[] {
  const noPert = (s: ClosedFormStep) => !/^α[12] /.test(s.label.en);
  return [
    ...(d.family === 'pert' ? pertShapeSteps(d) : []),
    ...levSteps(d, limit, 'limit', 1).filter(noPert),
    ...levSteps(d, base, 'base', 1).filter(noPert),
    st('ALAE per claim', '每件索赔的理赔费用', alae, CAT),
    st('ILF = (LEV(limit) + ALAE) / (LEV(base) + ALAE)', 'ILF = (LEV(limit) + ALAE) / (LEV(base) + ALAE)', value ?? '—', CAT),
  ];
}

/** The frequency's generating-function step of OEP. */
function frequencySteps(n: Frequency): ClosedFormStep[] {
  if (n.family !== 'negbin') return [];
  const [mean, cv] = n.params;
  return [st('r = 1 / (cv² − 1/mean)', 'r = 1 / (cv² − 1/mean)', 1 / (cv * cv - 1 / mean), 'negbin')];
}

const OEP_FORMULA: Record<string, string> = {
  poisson: '1 − exp(−λ S(x))',
  negbin: '1 − (1 + mean S(x) / r)^(−r)',
  bernoulli: 'p S(x)',
};

/** CYBER.OEP's steps. */
export function oepSteps(n: Frequency, d: Severity, x: number, value: number): ClosedFormStep[] {
  return [
    ...distributionSteps(d, x, 'x', true),
    ...frequencySteps(n),
    st(`OEP(x) = 1 − P_N(F(x)) = ${OEP_FORMULA[n.family]}`, `OEP(x) = 1 − P_N(F(x)) = ${OEP_FORMULA[n.family]}`, value, n.family),
  ];
}

const INVERSE_FORMULA: Record<string, string> = {
  poisson: '−ln(1 − 1/T) / λ',
  negbin: 'r ((1 − 1/T)^(−1/r) − 1) / mean',
  bernoulli: '(1/T) / p',
};

/** CYBER.OEPLOSS's steps (only for a reachable return period). */
export function oepLossSteps(n: Frequency, d: Severity, returnPeriod: number, value: number): ClosedFormStep[] {
  const q = 1 / returnPeriod;
  const s = n.inverseExceedance(q) ?? 1;
  return [
    st('1/T', '1/T', q, CAT),
    ...frequencySteps(n),
    st(`S with 1 − P_N(1 − S) = 1/T: S = ${INVERSE_FORMULA[n.family]}`, `满足 1 − P_N(1 − S) = 1/T 的 S：S = ${INVERSE_FORMULA[n.family]}`, s, n.family),
    st('p = 1 − S', 'p = 1 − S', 1 - s, CAT),
    ...quantileSteps(d, 1 - s, value, 'loss = F⁻¹(p)', s),
  ];
}
