/**
 * The simulation worker and its runner: the worker's messages (progress, then the answer), its
 * answers equal to the engine's and the cell's, cancelling (the engine stops at its next progress
 * call; the Web Worker is terminated at once and the next run gets a fresh one), bad input as the
 * engine's error, and the year loss table / year finder over the same years.
 */
import { ENGINE_VERSION, evaluate, prepareSimulation, unitsText, yearLossTable } from '../../engine';
import { defaultInputs, validateForm } from '../templates/form';
import type { FromWorker, SimulationRequest, ToWorker } from './protocol';
import { inlineRunner, SimulationCancelled, SimulationInvalid, workerRunner, type WorkerLike } from './runner';
import { csvField, PROGRESS_EVERY, serve } from './serve';
import { ISO_SIMULATION, SAMSUNG_SIMULATION, simulateArgs, type SimulationInputs } from './templates';
import { specOfInputs } from './analysis';

function inputsOf(changes: Record<string, string> = {}, t = SAMSUNG_SIMULATION): SimulationInputs {
  const v = validateForm(t, { ...defaultInputs(t), ...changes });
  if (!v.ok) throw new Error(JSON.stringify(v));
  return t.inputs(v.values);
}

const header = { year: 'year', events: 'events', groundUp: 'ground up', paid: 'paid {cover}', total: 'total' };

function served(request: SimulationRequest, cancelled?: () => boolean): FromWorker[] {
  const out: FromWorker[] = [];
  serve({ id: 7, request }, (m) => out.push(m), cancelled);
  return out;
}

test('a run posts its progress, then the statistics the CYBER.SIMULATE cell shows for the same inputs', () => {
  const inputs = inputsOf({ years: '20,000', seed: '42' });
  const messages = served({ kind: 'run', spec: specOfInputs(inputs) });
  const progress = messages.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.done : 0));
  expect(progress.length).toBeGreaterThanOrEqual(Math.floor(20000 / PROGRESS_EVERY));
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(progress[progress.length - 1]).toBe(20000);
  const last = messages[messages.length - 1];
  if (last.type !== 'done' || last.answer.kind !== 'run') throw new Error(JSON.stringify(last));
  const { result } = last.answer;
  expect([result.years, result.seed, result.engineVersion, last.id]).toEqual([20000, 42, ENGINE_VERSION, 7]);
  const cell = evaluate('SIMULATE', simulateArgs(inputs, 'stats'));
  const aep = evaluate('SIMULATE', simulateArgs(inputs, 'aep'));
  if (!cell.ok || !aep.ok) throw new Error('cell');
  const stats = result.scopes[0].stats;
  const values = [stats.mean, stats.sd, stats.se, stats.probabilityPaid, stats.var90, stats.var95, stats.var99, stats.var995, stats.var996, stats.tvar99, stats.tvar995, stats.max, stats.meanEvents, stats.meanGroundUp];
  expect(values).toEqual((cell.value as Array<[string, number]>).map((r) => r[1]));
  expect(result.scopes[0].aep.map((r) => r[1])).toEqual((aep.value as Array<[number, number]>).map((r) => r[1]));
  // The convergence ends at the last year with the AAL and its standard error.
  const end = result.scopes[0].convergence[result.scopes[0].convergence.length - 1];
  // (Its running sums are doubles; the statistics are exact: equal to 1e-9 relative.)
  expect(end.years).toBe(20000);
  expect(Math.abs(end.mean - stats.mean) / stats.mean).toBeLessThan(1e-9);
  expect(Math.abs(end.se - stats.se) / stats.se).toBeLessThan(1e-9);
  // The hash shown is the model's, and it changes with the inputs (not with years or seed).
  const prepared = prepareSimulation(specOfInputs(inputs).args);
  if (!prepared.ok) throw new Error('prepare');
  expect(result.hash).toBe(prepared.value.model.hash);
  const other = prepareSimulation(specOfInputs(inputsOf({ frequency: 'poisson(1.6)' })).args);
  expect(other.ok && other.value.model.hash).not.toBe(result.hash);
});

test('a cover scope gives that cover’s statistics (the cell’s `cover` argument)', () => {
  const inputs = inputsOf({ years: '5,000' });
  const last = served({ kind: 'run', spec: specOfInputs(inputs, 'REG') }).pop()!;
  if (last.type !== 'done' || last.answer.kind !== 'run') throw new Error('no answer');
  const cell = evaluate('SIMULATE', simulateArgs(inputs, 'stats', undefined, 'REG'));
  if (!cell.ok) throw new Error('cell');
  expect(last.answer.result.scopes[0].stats.mean).toBe((cell.value as Array<[string, number]>)[0][1]);
});

test('cancelled: the engine stops at its next progress call and nothing is answered', () => {
  let calls = 0;
  const messages = served({ kind: 'run', spec: specOfInputs(inputsOf({ years: '100,000' })) }, () => ++calls > 2);
  expect(messages.every((m) => m.type === 'progress')).toBe(true);
  // Far fewer progress reports than a finished run of 100,000 years makes (24).
  expect(messages.length).toBeLessThanOrEqual(2);
  const ylt = served({ kind: 'ylt', spec: specOfInputs(inputsOf({ years: '100,000' })), format: 'csv', header }, () => true);
  expect(ylt.filter((m) => m.type !== 'progress')).toEqual([]);
});

test('bad input is the engine’s error naming the argument, in both languages', () => {
  const spec = { ...specOfInputs(inputsOf()), args: ['poisson(-1)', ...specOfInputs(inputsOf()).args.slice(1)] };
  const [m] = served({ kind: 'run', spec });
  if (m.type !== 'invalid') throw new Error(JSON.stringify(m));
  expect(m.error.argument).toBe('frequency');
  expect(m.error.code).toBe('#VALUE!');
  expect(m.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
});

test('a run beyond the engine’s limits says which: a loss beyond every double, too many events a year', () => {
  const iso = specOfInputs(inputsOf({}, ISO_SIMULATION));
  const overflow = served({ kind: 'run', spec: { ...iso, args: [iso.args[0], [['cover', 'p', 'severity'], ['CRIME', 1, 'lomax(0.001,1)']], ...iso.args.slice(2)] } });
  const last = overflow[overflow.length - 1];
  expect(last.type === 'limit' && last.kind).toBe('overflow');
  const [counts] = served({ kind: 'run', spec: { ...iso, args: ['poisson(1e7)', ...iso.args.slice(1)] } });
  expect(counts.type === 'limit' && [counts.kind, counts.detail]).toEqual(['counts', '1000000']);
  // Years and seed are checked as the cell checks them.
  const [years] = served({ kind: 'run', spec: { ...iso, years: 0 } });
  expect(years.type === 'invalid' && years.error.argument).toBe('years');
});

test('the year loss table (CSV and rows) and the year finder read the same years as the engine', () => {
  const inputs = inputsOf({ years: '3,000', seed: '9' });
  const spec = specOfInputs(inputs);
  const prepared = prepareSimulation(spec.args);
  if (!prepared.ok) throw new Error('prepare');
  const direct = [...yearLossTable(prepared.value.model, 9, 1, 3000)];
  const csv = served({ kind: 'ylt', spec, format: 'csv', header }).pop()!;
  if (csv.type !== 'done' || csv.answer.kind !== 'ylt' || csv.answer.csv === undefined) throw new Error('csv');
  const lines = csv.answer.csv.trimEnd().split('\n');
  expect(lines[0]).toBe(['year', 'events', 'ground up', ...inputs.covers.map((r) => `paid ${r[0]}`), 'total'].join(','));
  expect(lines).toHaveLength(3001);
  // Amounts as exact decimals (from integer units), equal to the doubles the statistics use.
  const scale = prepared.value.model.scale;
  const u = direct[0].units;
  expect(lines[1]).toBe([1, direct[0].events, unitsText(u.groundUp, scale), ...u.paid.map((p) => unitsText(p, scale)), unitsText(u.total, scale)].join(','));
  for (const [k, line] of lines.slice(1, 200).entries()) expect(line.split(',').map(Number)).toEqual([k + 1, direct[k].events, direct[k].groundUp, ...direct[k].paid, direct[k].total]);
  // The mean of the total column is the run's AAL.
  const run = served({ kind: 'run', spec }).pop()!;
  if (run.type !== 'done' || run.answer.kind !== 'run') throw new Error('run');
  const totals = lines.slice(1).map((l) => Number(l.split(',').pop()));
  expect(totals.reduce((s, x) => s + x, 0) / 3000).toBeCloseTo(run.answer.result.scopes[0].stats.mean, 6);
  // Each year's paid columns add up to its total.
  for (const r of direct) expect(r.paid.reduce((s, x) => s + x, 0)).toBeCloseTo(r.total, 6);
  // Rows: the first years only.
  const rows = served({ kind: 'ylt', spec, format: 'rows', maxRows: 10, header }).pop()!;
  if (rows.type !== 'done' || rows.answer.kind !== 'ylt' || !rows.answer.table) throw new Error('rows');
  expect(rows.answer.table.rows).toHaveLength(10);
  expect(rows.answer.table.rows[9]).toEqual([10, direct[9].events, direct[9].groundUp, ...direct[9].paid, direct[9].total]);
  // The finder: the year whose total is nearest the 1-in-100 annual paid, the earliest on a tie.
  const target = run.answer.result.scopes[0].aep[6][1];
  const found = served({ kind: 'find', spec, target }).pop()!;
  if (found.type !== 'done' || found.answer.kind !== 'find') throw new Error('find');
  const best = Math.min(...direct.map((r) => Math.abs(r.total - target)));
  expect(found.answer.found.year).toBe(direct.find((r) => Math.abs(r.total - target) === best)!.year);
  expect(found.answer.found.amount).toBe(direct[found.answer.found.year - 1].total);
});

test('CSV fields: text a spreadsheet would run is guarded, separators quoted', () => {
  expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
  expect(csvField('paid A,B')).toBe('"paid A,B"');
  expect(csvField('say "x"')).toBe('"say ""x"""');
  expect(csvField(-5)).toBe('-5');
  expect(csvField('BI')).toBe('BI');
});

/** A Worker that serves its messages later, a chunk of progress at a time, until terminated. */
class FakeWorker implements WorkerLike {
  onmessage: ((e: { data: FromWorker }) => void) | null = null;
  onerror: ((e: { message?: string }) => void) | null = null;
  terminated = false;
  posted: ToWorker[] = [];
  constructor(private readonly finish: boolean) {}
  postMessage(message: ToWorker): void {
    this.posted.push(message);
    const out: FromWorker[] = [];
    serve(message, (m) => out.push(m));
    const send = (k: number) => {
      if (this.terminated || k >= out.length) return;
      if (!this.finish && out[k].type !== 'progress') return;
      this.onmessage?.({ data: out[k] });
      setTimeout(() => send(k + 1), 1);
    };
    setTimeout(() => send(0), 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

test('the worker runner forwards progress, answers, and cancels by terminating the worker; the next run starts a fresh one', async () => {
  const workers: FakeWorker[] = [];
  let finish = false;
  const runner = workerRunner(() => {
    const w = new FakeWorker(finish);
    workers.push(w);
    return w;
  });
  const spec = specOfInputs(inputsOf({ years: '20,000' }));
  const abort = new AbortController();
  const seen: number[] = [];
  const running = runner.request({ kind: 'run', spec }, { signal: abort.signal, onProgress: (done) => seen.push(done) });
  await new Promise((r) => setTimeout(r, 20));
  expect(seen.length).toBeGreaterThan(0);
  abort.abort();
  await expect(running).rejects.toBeInstanceOf(SimulationCancelled);
  expect(workers[0].terminated).toBe(true);
  // The next request gets a new worker and its answer.
  finish = true;
  const answer = await runner.request({ kind: 'run', spec: { ...spec, years: 1000 } });
  expect(workers).toHaveLength(2);
  expect(answer.kind === 'run' && answer.result.years).toBe(1000);
  // Bad input rejects with the engine's error.
  await expect(runner.request({ kind: 'run', spec: { ...spec, args: ['poisson(x)', ...spec.args.slice(1)] } })).rejects.toBeInstanceOf(SimulationInvalid);
  // A worker that cannot start (e.g. refused by a policy) fails the request and is dropped.
  const broken = workerRunner(() => {
    const w: WorkerLike = { onmessage: null, onerror: null, postMessage: () => setTimeout(() => w.onerror?.({ message: 'refused' }), 1), terminate: () => undefined };
    return w;
  });
  await expect(broken.request({ kind: 'run', spec })).rejects.toThrow('refused');
  runner.dispose();
  expect(workers[1].terminated).toBe(true);
});

test('the inline runner (no Worker here) answers the same and cancels at the next progress call', async () => {
  const runner = inlineRunner();
  const spec = specOfInputs(inputsOf({ years: '2,000' }, ISO_SIMULATION));
  const answer = await runner.request({ kind: 'run', spec });
  const direct = served({ kind: 'run', spec }).pop()!;
  expect(direct.type === 'done' && direct.answer).toEqual(answer);
  const abort = new AbortController();
  const cancelled = runner.request({ kind: 'run', spec: { ...spec, years: 100000 } }, { signal: abort.signal, onProgress: () => abort.abort() });
  await expect(cancelled).rejects.toBeInstanceOf(SimulationCancelled);
});

test('the worker entry wires the messages to serve()', () => {
  const posted: FromWorker[] = [];
  const scope = { onmessage: null as null | ((e: { data: ToWorker }) => void), postMessage: (m: FromWorker) => posted.push(m) };
  (globalThis as unknown as { self: unknown }).self = scope;
  jest.isolateModules(() => {
    require('./worker');
  });
  scope.onmessage!({ data: { id: 3, request: { kind: 'run', spec: { ...specOfInputs(inputsOf({}, ISO_SIMULATION)), years: 100 } } } });
  const last = posted[posted.length - 1];
  expect(last.type === 'done' && last.id).toBe(3);
  delete (globalThis as unknown as { self?: unknown }).self;
});
