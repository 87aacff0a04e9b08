/**
 * What can be wrong with a distribution text or a closed-form request, as data. src/stochastic
 * knows no messages (they live in the engine's message table, in English and Chinese): the one
 * bridge to the engine (src/engine/distributions.ts) turns each problem into its catalogue error.
 */

/** A text in both languages (the same shape as the engine's Text). */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export type Problem =
  /** The text does not follow `family(p1, p2, …)`: `position` is 1-based, in the text as written. */
  | { readonly kind: 'syntax'; readonly position: number; readonly expected: Bilingual; readonly found: string }
  /** No family of that name (for the role asked: a severity or a frequency). */
  | { readonly kind: 'family'; readonly family: string; readonly role: 'severity' | 'frequency'; readonly known: readonly string[] }
  /** The family takes another number of parameters. */
  | { readonly kind: 'arity'; readonly family: string; readonly expected: string; readonly count: number }
  /** A parameter out of its range: `rule` says the range in words. */
  | { readonly kind: 'range'; readonly family: string; readonly param: string; readonly value: number; readonly rule: Bilingual }
  /** A moment the request needs is infinite (catalogue: #NUM!). */
  | { readonly kind: 'infiniteMoment'; readonly order: 1 | 2; readonly why: string }
  /** OEPLOSS: the frequency can never give that exceedance probability (catalogue: #NUM!). */
  | { readonly kind: 'unreachable'; readonly probability: number; readonly most: number };

/** Thrown inside src/stochastic for a problem of the input; the bridge catches it. */
export class DistributionProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.kind);
    this.name = 'DistributionProblem';
  }
}

export function problem(p: Problem): never {
  throw new DistributionProblem(p);
}
