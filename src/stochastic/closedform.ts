/**
 * The quantities of catalogue section 10 from a parsed severity (and frequency), in doubles.
 * Inputs are already checked for their own ranges by the cell functions; what only the
 * distribution can decide (an infinite moment, an unreachable exceedance) is a DistributionProblem.
 */
import { finiteMoment, type Frequency, type Severity } from './families';
import { problem } from './problems';

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
