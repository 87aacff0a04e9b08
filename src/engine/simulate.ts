/**
 * CYBER.SIMULATE (catalogue section 11): skeleton of the public API; bodies follow.
 */
import type { EngineError } from './errors';
import type { RawArgument } from './values';
import type { SimModel, SimYear } from '../stochastic/simulate';

export {
  ENGINE_VERSION,
  RETURN_PERIODS,
  simulate as runSimulation,
  yearLossTable,
  simulateYear,
  claimsOfYear,
  unitsText,
} from '../stochastic/simulate';
export type { SimModel, SimOptions, SimResult, ScopeResult, SimStats, Scope, SimYear, SimEvent, SimDraw, YearLossRow, SimCover, SimRow } from '../stochastic/simulate';

/** A model prepared from the cell arguments of CYBER.SIMULATE, with what the pane needs to re-settle a year. */
export interface PreparedSimulation {
  readonly model: SimModel;
  /** The CYBER.ALLOCATE arguments (claims, covers, policy_aggregate, policy_per_claim) that settle `year` exactly. */
  allocateArgs(year: SimYear): RawArgument[];
  /** Index of a cover id in model.covers, or undefined. */
  coverIndex(id: string): number | undefined;
}

/**
 * Checks CYBER.SIMULATE's first five arguments (frequency, events, covers, policy_aggregate,
 * policy_per_claim) exactly as the cell function does, and builds the model.
 */
export function prepareSimulation(args: readonly (RawArgument | undefined)[]): { ok: true; value: PreparedSimulation } | { ok: false; error: EngineError } {
  void args;
  throw new Error('not implemented');
}
