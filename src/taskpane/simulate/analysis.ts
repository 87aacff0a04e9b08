/**
 * What the Simulate tab computes on the page's thread (each a moment's work): the model from a
 * selected CYBER.SIMULATE cell, the closed-form OEP where one applies, and one year re-settled
 * exactly with CYBER.ALLOCATE (the trace the Explain tab shows, with the wording's articles).
 * The runs themselves go to the worker (./runner.ts). Pure logic over the engine and the gateway.
 */
import {
  claimsOfYear,
  evaluate,
  prepareSimulation,
  RETURN_PERIODS,
  simulateYear,
  type EngineError,
  type Outcome,
  type PreparedSimulation,
  type RawArgument,
  type SimYear,
} from '../../engine';
import type { Explanation } from '../explain';
import { resolveCall } from '../explain';
import { findCyberCalls } from '../formulaArgs';
import type { SelectedCell, WorkbookGateway } from '../gateway';
import type { SimulationSpec } from './protocol';
import { MAX_SEED, MAX_YEARS, simulateArgs, type SimulationInputs } from './templates';

/** CYBER.SIMULATE's defaults for years and seed (catalogue section 11). */
export const DEFAULT_YEARS = 10000;
export const DEFAULT_SEED = 1;

export function specOfInputs(i: SimulationInputs, cover?: string): SimulationSpec {
  return { args: simulateArgs(i, 'stats').slice(0, 5), years: i.years, seed: i.seed, cover };
}

export type CellSpec = { readonly ok: true; readonly spec: SimulationSpec; readonly address: string } | { readonly ok: false; readonly reason: 'notSimulate' | 'years' | 'seed' };

function wholeIn(v: RawArgument | undefined, fallback: number, min: number, max: number): number | undefined {
  if (v === undefined || v === null || v === '') return fallback;
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
}

/** The model of a selected cell holding CYBER.SIMULATE: its arguments as the host evaluates them. */
export async function specOfCell(gateway: WorkbookGateway, cell: SelectedCell | null): Promise<CellSpec> {
  const call = cell?.formula ? findCyberCalls(cell.formula).find((c) => c.name === 'SIMULATE') : undefined;
  if (!cell || !call) return { ok: false, reason: 'notSimulate' };
  const args = (await resolveCall(gateway, call, cell.sheet)).map((a) => a.value);
  const years = wholeIn(args[5], DEFAULT_YEARS, 1, MAX_YEARS);
  if (years === undefined) return { ok: false, reason: 'years' };
  const seed = wholeIn(args[6], DEFAULT_SEED, 0, MAX_SEED);
  if (seed === undefined) return { ok: false, reason: 'seed' };
  const cover = typeof args[8] === 'string' && args[8] !== '' ? args[8] : undefined;
  return { ok: true, address: cell.address, spec: { args: args.slice(0, 5), years, seed, cover } };
}

export function prepare(spec: SimulationSpec): { ok: true; value: PreparedSimulation } | { ok: false; error: EngineError } {
  return prepareSimulation([...spec.args.slice(0, 5), spec.years, spec.seed]);
}

const number = (o: Outcome): number | undefined => (o.ok && typeof o.value === 'number' ? o.value : undefined);

/**
 * The closed-form OEP of the paid amount where one applies — one cover (no parent, no
 * aggregate, no policy aggregate), one events row hitting every event: the largest event paid is
 * min(limit, max(0, largest loss − deductible)), so at T it is that expression of CYBER.OEPLOSS
 * (catalogue section 10), and 0 where the frequency never reaches 1/T. Undefined otherwise.
 */
export function closedFormOep(prepared: PreparedSimulation): Array<[number, number]> | undefined {
  const m = prepared.model;
  if (m.covers.length !== 1 || m.rows.length !== 1) return undefined;
  const [cover] = m.covers;
  const [row] = m.rows;
  if (row.probability !== 1 || cover.aggregate !== Infinity || m.policyAggregate !== Infinity || cover.path.length !== 1) return undefined;
  const limit = Math.min(cover.perEvent, m.policyPerEvent) / m.scale;
  const deductible = cover.deductible / m.scale;
  const anyLoss = number(evaluate('OEP', [m.frequencyText, row.severityText, 0]));
  if (anyLoss === undefined) return undefined;
  const out: Array<[number, number]> = [];
  for (const t of RETURN_PERIODS) {
    if (anyLoss < 1 / t) {
      out.push([t, 0]);
      continue;
    }
    const loss = number(evaluate('OEPLOSS', [m.frequencyText, row.severityText, t]));
    if (loss === undefined) return undefined;
    out.push([t, Math.min(limit, Math.max(0, loss - deductible))]);
  }
  return out;
}

export interface ExploredYear {
  readonly year: SimYear;
  readonly scale: number;
  readonly claims: ReadonlyArray<readonly [string, string, string]>;
  readonly outcome: Outcome;
  readonly explanation: Explanation;
  /** The exact ALLOCATE pays every claim what the simulation's settlement paid, to the cent. */
  readonly agrees: boolean;
}

/** One simulated year, re-settled exactly by CYBER.ALLOCATE with its trace (ExplainView shows it). */
export function exploreYear(prepared: PreparedSimulation, seed: number, yearNumber: number): ExploredYear {
  const year = simulateYear(prepared.model, seed, yearNumber);
  const claims = claimsOfYear(prepared.model, year);
  const args = prepared.allocateArgs(year);
  const outcome = evaluate('ALLOCATE', args, { trace: true });
  const hits = year.events.flatMap((e) => e.draws.filter((d) => d.hit));
  let agrees = false;
  if (outcome.ok && Array.isArray(outcome.exact)) {
    // One payable per claims row; a header row (if the claims carry one) gives the text "payable".
    const payables = (outcome.exact as ReadonlyArray<ReadonlyArray<string | boolean>>).map((r) => r[0]).filter((v): v is string => typeof v === 'string' && v !== 'payable');
    agrees = payables.length === hits.length && payables.every((p, k) => Math.round(Number(p) * prepared.model.scale) === hits[k].paid);
  } else if (outcome.ok) {
    agrees = hits.length <= 1 && (hits.length === 0 || Math.round(Number(outcome.exact) * prepared.model.scale) === hits[0].paid);
  }
  const names = ['claims', 'covers', 'policy_aggregate', 'policy_per_claim'];
  const explanation: Explanation = {
    kind: 'cyber',
    cell: { address: `#${yearNumber}`, sheet: '', formula: '=CYBER.ALLOCATE(claims,covers,policy_aggregate,policy_per_claim)', value: outcome.ok ? (outcome.value as never) : { error: outcome.error.code } },
    calls: [{ name: 'CYBER.ALLOCATE', known: true, args: args.map((value, k) => ({ text: names[k] ?? '', value })), outcome }],
  };
  return { year, scale: prepared.model.scale, claims, outcome, explanation, agrees };
}
