/**
 * What the pane and its simulation worker say to each other. Everything is plain data (the
 * structured clone of postMessage): the worker gets CYBER.SIMULATE's raw cell arguments and builds
 * the model itself (a prepared model holds closures), and answers with plain results.
 */
import type { EngineError, RawArgument, SimResult } from '../../engine';

/** The model as the cell gives it: CYBER.SIMULATE's first five arguments, with years and seed. */
export interface SimulationSpec {
  /** frequency, events, covers, policy_aggregate, policy_per_claim (raw, as read from cells). */
  readonly args: readonly (RawArgument | undefined)[];
  readonly years: number;
  readonly seed: number;
  /** A cover id: statistics of what is paid to it and its descendants (the `cover` argument). */
  readonly cover?: string;
}

export type SimulationRequest =
  /** Every statistic, the AEP, the OEP and the convergence of the AAL. */
  | { readonly kind: 'run'; readonly spec: SimulationSpec }
  /** The year whose annual paid (of the spec's scope) is nearest to `target`; ties: the earliest. */
  | { readonly kind: 'find'; readonly spec: SimulationSpec; readonly target: number }
  /** The year loss table as CSV text (every year), or its first `maxRows` years as rows. */
  | { readonly kind: 'ylt'; readonly spec: SimulationSpec; readonly format: 'csv' | 'rows'; readonly maxRows?: number; readonly header: YltHeader };

/** The year loss table's column titles (in the pane's language); paid columns follow the covers. */
export interface YltHeader {
  readonly year: string;
  readonly events: string;
  readonly groundUp: string;
  /** "paid {cover}" with {cover} replaced by each cover id. */
  readonly paid: string;
  readonly total: string;
}

export interface FoundYear {
  readonly year: number;
  readonly amount: number;
}

export interface YltRows {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly number[]>;
}

export type SimulationAnswer =
  | { readonly kind: 'run'; readonly result: SimResult }
  | { readonly kind: 'find'; readonly found: FoundYear }
  | { readonly kind: 'ylt'; readonly csv?: string; readonly table?: YltRows };

export interface ToWorker {
  readonly id: number;
  readonly request: SimulationRequest;
}

export type FromWorker =
  | { readonly id: number; readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly type: 'done'; readonly answer: SimulationAnswer }
  /** Bad input: the engine's error, as the cell would show it. */
  | { readonly id: number; readonly type: 'invalid'; readonly error: EngineError }
  /** A run beyond the engine's limits (SimulationLimit: its kind and what passed the limit). */
  | { readonly id: number; readonly type: 'limit'; readonly kind: string; readonly detail: string }
  /** Anything else (a programmer error): its message. */
  | { readonly id: number; readonly type: 'failed'; readonly message: string };
