/**
 * The annual-loss simulation of catalogue section 11 (CYBER.SIMULATE), in doubles and integer
 * units. API skeleton: bodies follow.
 */
import type { Frequency, Severity } from './families';

/** Changes whenever a draw or a settlement could change: part of every result and of the memo key. */
export const ENGINE_VERSION = 'sim-1';

/** One cover of the tree, terms in integer units (1 unit = 1 / model.scale of a currency unit). */
export interface SimCover {
  readonly id: string;
  readonly parent: number;
  /** This cover and its ancestors, nearest first (as CoverNode.path of src/engine/limits.ts). */
  readonly path: readonly number[];
  /** How many covers of `path`, from the start, have their per-event limit used (CoverNode.eventReach). */
  readonly eventReach: number;
  /** Per-claim/event limit in units; Infinity = none. */
  readonly perEvent: number;
  /** Aggregate limit in units; Infinity = none. */
  readonly aggregate: number;
  /** Deductible in units (0 = none). */
  readonly deductible: number;
}

/** One row of the events table. */
export interface SimRow {
  /** Index of the cover in `SimModel.covers`. */
  readonly cover: number;
  readonly coverId: string;
  /** Probability that an event causes a loss to this cover (0–1). */
  readonly probability: number;
  readonly severity: Severity;
  /** The severity text as written (for display and the input hash). */
  readonly severityText: string;
  /** The row's position among the rows of the same cover id (0-based): part of its random key. */
  readonly position: number;
}

/** A model ready to simulate: built and checked by the engine (src/engine/simulate.ts). */
export interface SimModel {
  readonly frequency: Frequency;
  readonly frequencyText: string;
  readonly rows: readonly SimRow[];
  readonly covers: readonly SimCover[];
  /** Policy aggregate / per-claim limit in units; Infinity = none. */
  readonly policyAggregate: number;
  readonly policyPerEvent: number;
  /** Units per currency unit: 100 (cents), or 10^k when a term has k > 2 decimals. */
  readonly scale: number;
  /** A hash of the model's inputs (hex), shown by the pane; with seed and years the memo key. */
  readonly hash: string;
}

/** Whose payments a statistic counts: the whole policy, or one cover with its descendants. */
export type Scope = { readonly kind: 'total' } | { readonly kind: 'cover'; readonly cover: number };

export interface SimOptions {
  readonly years: number;
  readonly seed: number;
  /** Scopes whose statistics are wanted (default: the total only). */
  readonly scopes?: readonly Scope[];
  /**
   * Called every `progressEvery` years (default 4,096) and at the end with the years done;
   * returning false cancels the run (simulate then returns undefined).
   */
  readonly onProgress?: (doneYears: number, totalYears: number) => boolean | void;
  readonly progressEvery?: number;
}

/** The statistics of catalogue section 11, in currency units (doubles), in the catalogue's order. */
export interface SimStats {
  readonly mean: number;
  readonly sd: number;
  readonly se: number;
  readonly probabilityPaid: number;
  readonly var90: number;
  readonly var95: number;
  readonly var99: number;
  readonly var995: number;
  readonly var996: number;
  readonly tvar99: number;
  readonly tvar995: number;
  readonly max: number;
  readonly meanEvents: number;
  readonly meanGroundUp: number;
}

/** The return periods of "aep" and "oep", in order. */
export const RETURN_PERIODS: readonly number[] = [2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

export interface ScopeResult {
  readonly scope: Scope;
  readonly stats: SimStats;
  /** [return period, annual paid at it], RETURN_PERIODS in order. */
  readonly aep: ReadonlyArray<readonly [number, number]>;
  /** [return period, largest single event paid in a year at it]. */
  readonly oep: ReadonlyArray<readonly [number, number]>;
  /** AAL as years grow: at 100, 200, 500, 1,000, 2,000, 5,000, … and at the last year. */
  readonly convergence: ReadonlyArray<{ readonly years: number; readonly mean: number; readonly se: number }>;
}

export interface SimResult {
  readonly hash: string;
  readonly engineVersion: string;
  readonly seed: number;
  readonly years: number;
  readonly scopes: readonly ScopeResult[];
}

/** Runs the model; undefined when onProgress cancelled it. */
export function simulate(model: SimModel, options: SimOptions): SimResult | undefined {
  void model;
  void options;
  throw new Error('not implemented');
}

/** One row of the year loss table. Amounts in currency units (doubles of exact cents). */
export interface YearLossRow {
  readonly year: number;
  readonly events: number;
  readonly groundUp: number;
  /** Paid to each cover of the tree (its own rows), in the order of `model.covers`. */
  readonly paid: readonly number[];
  readonly total: number;
}

/** The year loss table of years from..to (1-based, inclusive), generated one year at a time. */
// eslint-disable-next-line require-yield -- skeleton
export function* yearLossTable(model: SimModel, seed: number, from: number, to: number): Generator<YearLossRow> {
  void model;
  void seed;
  void from;
  void to;
  throw new Error('not implemented');
}

/** One row of the events table in one event of one year. */
export interface SimDraw {
  /** Index of the row in model.rows. */
  readonly row: number;
  readonly coverId: string;
  readonly hit: boolean;
  /** The drawn loss rounded to the cent, in units (integer), or null when the row did not hit. */
  readonly amount: number | null;
  /** Paid by the fast settlement, in units (0 when the row did not hit). */
  readonly paid: number;
}

export interface SimEvent {
  /** 1-based index of the event in its year. */
  readonly index: number;
  readonly draws: readonly SimDraw[];
}

export interface SimYear {
  readonly year: number;
  readonly events: readonly SimEvent[];
}

/** Every event and draw of one year (independent of every other year). */
export function simulateYear(model: SimModel, seed: number, year: number): SimYear {
  void model;
  void seed;
  void year;
  throw new Error('not implemented');
}

/** An amount in units as exact decimal text ("1000.02"). */
export function unitsText(units: number, scale: number): string {
  void units;
  void scale;
  throw new Error('not implemented');
}

/**
 * The CYBER.ALLOCATE claims table of one year: [event id, cover id, amount as exact decimal text],
 * one row per row that hit, events in order, rows in row order; event ids "E1", "E2", … by the
 * event's index in its year.
 */
export function claimsOfYear(model: SimModel, year: SimYear): Array<[string, string, string]> {
  void model;
  void year;
  throw new Error('not implemented');
}
