/**
 * The sweep always restores the input: after success, after a failing step, after a cancel
 * (pane unmounted), and — when the pane was closed mid-way so no code ran to restore it — at the
 * next start, from the pending-restore record saved before the first change, when the user
 * confirms. That record is stored state anyone can edit: a stale, foreign or crafted one is shown
 * and removed and never writes into any cell (issue 12).
 */
import { FakeGateway } from './testing/fakeGateway';
import { hyperFormulaCompute } from './testing/sheetEval';
import { applyPending, checkPending, checkSetup, discardPending, PENDING_RESTORE_KEY, type RestoreKeyStore, runSensitivity, sensitivitySheet, SweepCancelled, sweepValues, WORKBOOK_ID_KEY } from './sensitivity';

/** The pane's signing secret, as one computer's browser storage would keep it. */
function memoryKeys(): RestoreKeyStore {
  let key: string | null = null;
  return { load: () => key, save: (k) => (key = k) };
}
const writes = (g: FakeGateway) => g.log.filter((l) => l.startsWith('writeInput'));

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

/** A sweep of `cell` whose pane closed at the third write (its JavaScript stopped there). */
async function interrupted(g: FakeGateway, cell: string, keys: RestoreKeyStore): Promise<void> {
  let n = 0;
  g.hooks.beforeWrite = () => (++n === 3 ? new Promise<void>(() => undefined) : undefined);
  void runSensitivity(g, { ...setup, input: cell }, { keys });
  await new Promise((r) => setTimeout(r, 20));
  g.hooks = {};
}

test('closed mid-way with no chance to restore: the next pane start offers the restore and applies it when the user confirms', async () => {
  const g = model();
  const keys = memoryKeys();
  await interrupted(g, 'Claim!C5', keys);
  await expect(g.readInput('Claim!C5')).resolves.toBe(5000);
  expect(g.settings.has(PENDING_RESTORE_KEY)).toBe(true);
  expect(g.settings.get(WORKBOOK_ID_KEY)).toMatch(/^[0-9a-f]{32}$/);

  // A new pane on the same workbook: it offers, it does not write.
  const before = writes(g).length;
  const offer = await checkPending(g, keys);
  expect(offer).toMatchObject({ kind: 'offer', address: 'Claim!C5', original: { formula: '=4000+1000' }, current: 5000 });
  expect(writes(g)).toHaveLength(before);
  await expect(g.readInput('Claim!C5')).resolves.toBe(5000);
  // The user confirms.
  if (offer?.kind !== 'offer') throw new Error('expected an offer');
  await expect(applyPending(g, offer)).resolves.toBe(true);
  await expect(g.readInput('Claim!C5')).resolves.toEqual({ formula: '=4000+1000' });
  expect(g.settings.has(PENDING_RESTORE_KEY)).toBe(false);
  // Nothing pending: nothing to do.
  await expect(checkPending(g, keys)).resolves.toBeUndefined();
});

test('the user declines: the cell keeps what it holds and the record is removed', async () => {
  const g = model();
  const keys = memoryKeys();
  await interrupted(g, 'Claim!C5', keys);
  const offer = await checkPending(g, keys);
  expect(offer?.kind).toBe('offer');
  const before = writes(g).length;
  await discardPending(g);
  expect(writes(g)).toHaveLength(before);
  await expect(g.readInput('Claim!C5')).resolves.toBe(5000);
  expect(g.settings.has(PENDING_RESTORE_KEY)).toBe(false);
});

test('a record older than the cell: the user typed a new value after the interrupted run — it is kept (C6 = 12,345,678 is not overwritten with 8,400,000)', async () => {
  const g = model().set('Claim', { C6: 8400000 });
  const keys = memoryKeys();
  await interrupted(g, 'Claim!C6', keys);
  g.set('Claim', { C6: 12345678 }); // the user's own entry, typed after the run
  const before = writes(g).length;
  await expect(checkPending(g, keys)).resolves.toEqual({ kind: 'discarded', reason: 'changed', address: 'Claim!C6', original: 8400000 });
  expect(writes(g)).toHaveLength(before);
  await expect(g.readInput('Claim!C6')).resolves.toBe(12345678);
  expect(g.settings.has(PENDING_RESTORE_KEY)).toBe(false);
});

test('the cell changed between the offer and the confirmation: nothing is written', async () => {
  const g = model();
  const keys = memoryKeys();
  await interrupted(g, 'Claim!C5', keys);
  const offer = await checkPending(g, keys);
  if (offer?.kind !== 'offer') throw new Error('expected an offer');
  g.set('Claim', { C5: 777 });
  const before = writes(g).length;
  await expect(applyPending(g, offer)).resolves.toBe(false);
  expect(writes(g)).toHaveLength(before);
  await expect(g.readInput('Claim!C5')).resolves.toBe(777);
  expect(g.settings.has(PENDING_RESTORE_KEY)).toBe(false);
});

test('a cell already back to its original entry: the record is removed silently', async () => {
  const g = model();
  const keys = memoryKeys();
  await interrupted(g, 'Claim!C5', keys);
  g.set('Claim', { C5: { formula: '=4000+1000' } });
  await expect(checkPending(g, keys)).resolves.toBeUndefined();
  expect(g.settings.has(PENDING_RESTORE_KEY)).toBe(false);
});

describe('crafted or foreign records never write a value or formula into any cell', () => {
  /** The user's data: every cell's input, to compare after. */
  const snapshot = (g: FakeGateway) => JSON.stringify([...g.sheets.entries()].map(([n, cells]) => [n, [...cells.entries()]]));

  async function expectDiscarded(g: FakeGateway, keys: RestoreKeyStore, reason: string) {
    const data = snapshot(g);
    const before = writes(g).length;
    const found = await checkPending(g, keys);
    expect(found).toMatchObject({ kind: 'discarded', reason });
    expect(writes(g)).toHaveLength(before);
    expect(snapshot(g)).toBe(data);
    expect(g.settings.has(PENDING_RESTORE_KEY)).toBe(false);
    return found;
  }

  test('a version-1 record (no workbook id, no signature), as older panes wrote', async () => {
    const g = model().set('Claim', { C6: 12345678 });
    g.settings.set(PENDING_RESTORE_KEY, JSON.stringify({ version: 1, address: 'Claim!C6', original: 8400000, startedAt: '2025-01-01T00:00:00Z' }));
    const found = await expectDiscarded(g, memoryKeys(), 'unreadable');
    // What it was for is still shown.
    expect(found).toMatchObject({ address: 'Claim!C6', original: 8400000 });
  });

  test('a hand-written version-2 record with this workbook id, values matching the cell, and a made-up signature', async () => {
    const g = model();
    const keys = memoryKeys();
    await interrupted(g, 'Claim!C6', keys); // gives the workbook its id and the pane its key
    await discardPending(g);
    const id = g.settings.get(WORKBOOK_ID_KEY);
    for (const original of [{ formula: '=HYPERLINK("http://example.invalid","x")' }, 8400000, "=cmd|' /C calc'!A0"]) {
      g.settings.set(PENDING_RESTORE_KEY, JSON.stringify({ version: 2, workbookId: id, address: 'Claim!C7', original, values: [10000], startedAt: '2025-01-01T00:00:00Z', signature: 'ab'.repeat(32) }));
      await expectDiscarded(g, keys, 'notSigned');
    }
    await expect(g.readInput('Claim!C7')).resolves.toBe(10000);
  });

  test('a genuine record edited by hand: another original, another cell, more values', async () => {
    const g = model();
    const keys = memoryKeys();
    await interrupted(g, 'Claim!C5', keys);
    const genuine = JSON.parse(g.settings.get(PENDING_RESTORE_KEY)!) as Record<string, unknown>;
    for (const edit of [{ original: { formula: '=1/0' } }, { address: 'Claim!C7', values: [10000] }, { values: [5000, 12345678] }, { startedAt: 'x' }]) {
      g.settings.set(PENDING_RESTORE_KEY, JSON.stringify({ ...genuine, ...edit }));
      await expectDiscarded(g, keys, 'notSigned');
    }
    await expect(g.readInput('Claim!C5')).resolves.toBe(5000); // the interrupted run's value stays: the user decides
  });

  test('a genuine record copied into another workbook', async () => {
    const g = model();
    const keys = memoryKeys();
    await interrupted(g, 'Claim!C5', keys);
    const other = model().set('Claim', { C5: 5000 });
    other.settings.set(WORKBOOK_ID_KEY, 'f'.repeat(32));
    other.settings.set(PENDING_RESTORE_KEY, g.settings.get(PENDING_RESTORE_KEY)!);
    await expectDiscarded(other, keys, 'otherWorkbook');
    // A workbook with no id at all.
    const bare = model().set('Claim', { C5: 5000 });
    bare.settings.set(PENDING_RESTORE_KEY, g.settings.get(PENDING_RESTORE_KEY)!);
    await expectDiscarded(bare, keys, 'otherWorkbook');
  });

  test('a genuine record opened by a pane with another secret (another computer)', async () => {
    const g = model();
    await interrupted(g, 'Claim!C5', memoryKeys());
    await expectDiscarded(g, memoryKeys(), 'notSigned');
    await expect(g.readInput('Claim!C5')).resolves.toBe(5000);
  });

  test.each([
    ['not JSON', '{broken'],
    ['an array', '[1,2]'],
    ['a prototype key', '{"__proto__":{"version":2},"version":2}'],
    ['a range', JSON.stringify({ version: 2, workbookId: 'a', address: 'Claim!A1:Z99', original: 1, values: [1], startedAt: '', signature: '0'.repeat(64) })],
    ['no sheet', JSON.stringify({ version: 2, workbookId: 'a', address: 'C5', original: 1, values: [1], startedAt: '', signature: '0'.repeat(64) })],
    ['an object that is not a formula', JSON.stringify({ version: 2, workbookId: 'a', address: 'Claim!C5', original: { formula: '=1', x: 1 }, values: [1], startedAt: '', signature: '0'.repeat(64) })],
    ['infinite values', '{"version":2,"workbookId":"a","address":"Claim!C5","original":1,"values":[1e999],"startedAt":"","signature":"' + '0'.repeat(64) + '"}'],
    ['oversized', JSON.stringify({ version: 2, pad: 'x'.repeat(100000) })],
  ])('%s', async (_, text) => {
    const g = model();
    g.settings.set(PENDING_RESTORE_KEY, text);
    await expectDiscarded(g, memoryKeys(), 'unreadable');
  });
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
  // A failed point is its error value; the chart covers the values, not the header row (issue 15; src/taskpane/sweepSheet.test.ts).
  expect(sheet.cells).toEqual(expect.arrayContaining([expect.objectContaining({ address: 'A7', input: 1 }), expect.objectContaining({ address: 'B7', input: { formula: '=#VALUE!' } })]));
  expect(sheet.charts[0]).toMatchObject({ kind: 'line', dataAddress: 'A6:B7' });
});
