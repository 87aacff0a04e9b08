/**
 * The simulation worker's work, as a plain function over one message (so Jest runs it without a
 * Worker): build the model from the raw cell arguments with the engine's own checks, run it,
 * post progress as it goes, and answer. The worker entry (./worker.ts) only wires it to
 * postMessage. Cancelling is the pane's: it terminates the worker (a run never yields), or, in
 * the inline runner, `cancelled()` turns true and the engine stops at its next progress call.
 */
import { prepareSimulation, runSimulation, SimulationLimit, unitsText, yearLossTable, type PreparedSimulation, type Scope, type SimResult } from '../../engine';
import type { FromWorker, SimulationAnswer, SimulationRequest, SimulationSpec, ToWorker, YltHeader } from './protocol';

/** How often (in years) progress is posted: a million years report 244 times. */
export const PROGRESS_EVERY = 4096;

class Stopped extends Error {}

/** The text of a CSV field: quoted when needed; text a spreadsheet would run as a formula guarded with ' (as the CLI does). */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function yltHeaderRow(header: YltHeader, coverIds: readonly string[]): string[] {
  return [header.year, header.events, header.groundUp, ...coverIds.map((id) => header.paid.replace('{cover}', id)), header.total];
}

/** The covers whose payments count for a scope: all (the total) or a cover and its descendants. */
function scopeOf(prepared: PreparedSimulation, cover: string | undefined): { scope: Scope; members: (i: number) => boolean } {
  if (cover === undefined) return { scope: { kind: 'total' }, members: () => true };
  const index = prepared.coverIndex(cover);
  if (index === undefined) throw new Stopped(`unknown cover ${cover}`);
  return { scope: { kind: 'cover', cover: index }, members: (i) => prepared.model.covers[i].path.includes(index) };
}

function prepare(spec: SimulationSpec, id: number, post: (m: FromWorker) => void): PreparedSimulation | undefined {
  // Years and seed too: the engine checks them as the cell does.
  const prepared = prepareSimulation([...spec.args.slice(0, 5), spec.years, spec.seed]);
  if (!prepared.ok) {
    post({ id, type: 'invalid', error: prepared.error });
    return undefined;
  }
  return prepared.value;
}

function answer(request: SimulationRequest, prepared: PreparedSimulation, progress: (done: number, total: number) => boolean): SimulationAnswer {
  const { spec } = request;
  const { model } = prepared;
  const { scope, members } = scopeOf(prepared, spec.cover);
  if (request.kind === 'run') {
    const result: SimResult | undefined = runSimulation(model, { years: spec.years, seed: spec.seed, scopes: [scope], progressEvery: PROGRESS_EVERY, onProgress: progress });
    if (!result) throw new Stopped('cancelled');
    return { kind: 'run', result };
  }
  const ids = model.covers.map((c) => c.id);
  const count = request.kind === 'ylt' && request.format === 'rows' ? Math.min(spec.years, request.maxRows ?? spec.years) : spec.years;
  const lines: string[] = [];
  const rows: number[][] = [];
  let best = { year: 0, amount: 0, distance: Infinity };
  let done = 0;
  const exact = (units: number) => unitsText(units, model.scale);
  if (request.kind === 'ylt' && request.format === 'csv') lines.push(yltHeaderRow(request.header, ids).map(csvField).join(','));
  for (const row of yearLossTable(model, spec.seed, 1, count)) {
    if (request.kind === 'find') {
      const amount = spec.cover === undefined ? row.total : row.paid.reduce((s, p, i) => (members(i) ? s + p : s), 0);
      const distance = Math.abs(amount - request.target);
      if (distance < best.distance) best = { year: row.year, amount, distance };
    } else {
      // CSV: the amounts as exact decimals from their integer units; a sheet takes the numbers.
      if (request.format === 'csv') lines.push([row.year, row.events, exact(row.units.groundUp), ...row.units.paid.map(exact), exact(row.units.total)].join(','));
      else rows.push([row.year, row.events, row.groundUp, ...row.paid, row.total]);
    }
    done++;
    if (done % PROGRESS_EVERY === 0 && progress(done, count) === false) throw new Stopped('cancelled');
  }
  progress(count, count);
  if (request.kind === 'find') return { kind: 'find', found: { year: best.year, amount: best.amount } };
  if (request.format === 'csv') return { kind: 'ylt', csv: `${lines.join('\n')}\n` };
  return { kind: 'ylt', table: { header: yltHeaderRow(request.header, ids), rows } };
}

/** Serves one message: posts progress, then exactly one of done, invalid or failed (nothing when cancelled). */
export function serve(message: ToWorker, post: (m: FromWorker) => void, cancelled: () => boolean = () => false): void {
  const { id, request } = message;
  try {
    const prepared = prepare(request.spec, id, post);
    if (!prepared) return;
    const progress = (done: number, total: number) => {
      if (cancelled()) return false;
      post({ id, type: 'progress', done, total });
      return !cancelled();
    };
    post({ id, type: 'done', answer: answer(request, prepared, progress) });
  } catch (e) {
    if (e instanceof Stopped && e.message === 'cancelled') return;
    if (e instanceof SimulationLimit) {
      post({ id, type: 'limit', kind: e.kind, detail: e.detail });
      return;
    }
    post({ id, type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}
