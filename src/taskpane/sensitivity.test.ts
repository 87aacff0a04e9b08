/**
 * The sweep always restores the input: after success, after a failing step, after a cancel
 * (pane unmounted), and — when the pane was closed mid-way so no code ran to restore it — at the
 * next start, from the pending-restore record saved before the first change.
 */
import { FakeGateway } from './testing/fakeGateway';
import { hyperFormulaCompute } from './testing/sheetEval';
import { checkSetup, PENDING_RESTORE_KEY, restorePending, runSensitivity, sensitivitySheet, SweepCancelled, sweepValues } from './sensitivity';

function model() {
  // C8 = a LAYER payout over the loss in C5 (deductible 1,000, limit 10,000).
  return new FakeGateway(hyperFormulaCompute).set('Claim', { C5: { formula: '=4000+1000' }, C6: 1000, C7: 10000, C8: { formula: '=CYBER.LAYER(C5,C6,C7)' } });
}
const setup = { input: 'Claim!C5', output: 'Claim!C8', from: 0, to: 20000, steps: 5 };

test('the payout curve, then the original formula is back and the pending record cleared', async () => {
  const g = model();
  const points = await runSensitivity(g, setup);
  expect(points).toEqual([
    { x: 0, y: 0 },
    { x: 5000, y: 4000 },
    { x: 10000, y: 9000 },
    { x: 15000, y: 10000 },
    { x: 20000, y: 10000 },
  ]);
  await expect(g.readInput('Claim!C5')).resolves.toEqual({ formula: '=4000+1000' });
  await expect(g.readRange('Claim!C8')).resolves.toEqual([[4000]]);
  expect(g.settings.has(PENDING_RESTORE_KEY)).toBe(false);
  // The record was written before the first change.
  const firstChange = g.log.findIndex((l) => l.startsWith('writeInput'));
  expect(g.log.findIndex((l) => l.startsWith(`saveSetting ${PENDING_RESTORE_KEY} value`))).toBeLessThan(firstChange);
});

test('an error value in the result is a gap in the curve, not a failure', async () => {
  const g = model();
  const points = await runSensitivity(g, { ...setup, from: -1000, to: 0, steps: 2 });
  expect(points[0]).toEqual({ x: -1000, y: null, error: '#VALUE!' });
  expect(points[1]).toEqual({ x: 0, y: 0 });
});

test('a failing step: the error is reported and the input restored', async () => {
  const g = model();
  let writes = 0;
  g.hooks.beforeWrite = () => {
    if (++writes === 3) throw new Error('host busy');
  };
  await expect(runSensitivity(g, setup)).rejects.toThrow('host busy');
  await expect(g.readInput('Claim!C5')).resolves.toEqual({ formula: '=4000+1000' });
  expect(g.settings.has(PENDING_RESTORE_KEY)).toBe(false);
});

test('cancelled (the pane unmounted mid-way): stops and restores', async () => {
  const g = model();
  const abort = new AbortController();
  await expect(runSensitivity(g, setup, { signal: abort.signal, onPoint: (_, i) => i === 1 && abort.abort() })).rejects.toBeInstanceOf(SweepCancelled);
  expect(g.log.filter((l) => l.startsWith('writeInput Claim!C5 ')).map((l) => l.split(' ')[2])).toEqual(['0', '5000', '{"formula":"=4000+1000"}']);
  await expect(g.readInput('Claim!C5')).resolves.toEqual({ formula: '=4000+1000' });
});

test('closed mid-way with no chance to restore: the next pane start restores from the pending record', async () => {
  const g = model();
  let writes = 0;
  // The third write never completes: the pane's JavaScript stopped there.
  g.hooks.beforeWrite = () => (++writes === 3 ? new Promise<void>(() => undefined) : undefined);
  void runSensitivity(g, setup);
  await new Promise((r) => setTimeout(r, 20));
  await expect(g.readInput('Claim!C5')).resolves.toBe(5000);
  expect(g.settings.has(PENDING_RESTORE_KEY)).toBe(true);

  // A new pane on the same workbook.
  g.hooks = {};
  await expect(restorePending(g)).resolves.toBe('Claim!C5');
  await expect(g.readInput('Claim!C5')).resolves.toEqual({ formula: '=4000+1000' });
  expect(g.settings.has(PENDING_RESTORE_KEY)).toBe(false);
  // Nothing pending: nothing to do.
  await expect(restorePending(g)).resolves.toBeUndefined();
});

test('an unreadable pending record changes nothing', async () => {
  const g = model();
  g.settings.set(PENDING_RESTORE_KEY, '{broken');
  await expect(restorePending(g)).resolves.toBeUndefined();
  await expect(g.readInput('Claim!C5')).resolves.toEqual({ formula: '=4000+1000' });
});

test('unqualified addresses refer to the given sheet; setup checks', async () => {
  const g = model();
  const points = await runSensitivity(g, { input: 'C6', output: 'C8', from: 0, to: 5000, steps: 2 }, { sheet: 'Claim' });
  expect(points).toEqual([
    { x: 0, y: 5000 },
    { x: 5000, y: 0 },
  ]);
  await expect(g.readInput('Claim!C6')).resolves.toBe(1000);
  expect(checkSetup({ input: 'A1:B2', output: 'C8', from: NaN, to: 1, steps: 1 })).toEqual({ input: 'needCell', from: 'needNumber', steps: 'stepsRange' });
  expect(checkSetup({ input: 'Claim!C5', output: 'Claim!$C$5', from: 0, to: 1, steps: 3 })).toEqual({ output: 'sameCell' });
  expect(sweepValues(0, 0.3, 4)).toEqual([0, 0.1, 0.2, 0.3]);
});

test('the table as a sheet: values and a line chart over them', () => {
  const sheet = sensitivitySheet(setup, [{ x: 0, y: 0 }, { x: 1, y: null, error: '#VALUE!' }], { title: 'T', input: 'In', output: 'Out', sheet: 'Sensitivity', chart: 'C' });
  expect(sheet.cells).toEqual(expect.arrayContaining([expect.objectContaining({ address: 'A7', input: 1 }), expect.objectContaining({ address: 'B7', input: '#VALUE!' })]));
  expect(sheet.charts[0]).toMatchObject({ kind: 'line', dataAddress: 'A5:B7' });
});
