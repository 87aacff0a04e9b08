/**
 * The tornado over the CPIC template (HyperFormula + the CYBER plugin behind the fake gateway):
 * each input moved on its own to ±10% or to its own low and high, the result read at both, the
 * inputs ranked by the swing; every input back to its entry after the run, after a failing
 * write, after a cancel, and — through the one-way sweep's signed restore record — after a pane
 * closed mid-way.
 */
import { applyPending, checkPending, PENDING_RESTORE_KEY, SweepCancelled } from './sensitivity';
import { checkTornado, parseTornadoLines, runTornado, tornadoSheet, type TornadoSetup } from './tornado';
import type { FakeGateway } from './testing/fakeGateway';
import { cpicOnFakeGateway, memoryKeys } from './testing/cpicModel';

async function model() {
  const { g, at } = await cpicOnFakeGateway();
  const setup: TornadoSetup = {
    output: at('total'),
    percent: 0.1,
    lines: [{ input: at('crisisSpent') }, { input: at('deductible'), low: 0, high: 112_000 }, { input: at('sumInsured') }],
  };
  return { g, at, setup };
}

const entries = async (g: FakeGateway, cells: string[]) => Promise.all(cells.map((c) => g.readInput(c)));

test('each input moved alone; the inputs ranked by the swing of the total; every input restored', async () => {
  const { g, at, setup } = await model();
  const cells = setup.lines.map((l) => l.input);
  const before = await entries(g, cells);
  const r = await runTornado(g, setup, { keys: memoryKeys() });
  expect(r.base).toBe(911_500);
  expect(r.rows.map((x) => x.input)).toEqual([at('sumInsured'), at('deductible'), at('crisisSpent')]);
  // Under-insured BI payout 750,000 × SI / 11.2M: 7.56M → 506,250, 9.24M → 618,750.
  expect(r.rows[0]).toMatchObject({ value: 8_400_000, low: 7_560_000, high: 9_240_000, atLow: 911_500 - 56_250, atHigh: 911_500 + 56_250, swing: 112_500 });
  // Deductible 0 → (806,000) × 0.75 = 604,500; 112,000 → 520,500.
  expect(r.rows[1]).toMatchObject({ low: 0, high: 112_000, atLow: 911_500 + 42_000, atHigh: 911_500 - 42_000, swing: 84_000 });
  // Crisis costs 108,000 → 88,200, 132,000 → 109,800.
  expect(r.rows[2].swing).toBeCloseTo(21_600, 6);
  expect(await entries(g, cells)).toEqual(before);
  expect(g.settings.has(PENDING_RESTORE_KEY)).toBe(false);

  const sheet = tornadoSheet(r, { title: 'T', sheet: 'Tornado', input: 'Input', value: 'Value', low: 'Low', high: 'High', atLow: 'At low', atHigh: 'At high', swing: 'Swing', base: 'Result' });
  expect(sheet.cells.find((c) => c.address === 'G5')?.input).toBe(112_500);
  expect(sheet.charts[0]).toMatchObject({ kind: 'bar', dataAddress: 'I5:J7' });
  expect(sheet.cells.find((c) => c.address === 'I5')?.input).toBe(at('sumInsured'));
});

test('a failing write: that input has its error, is restored, and the others run', async () => {
  const { g, setup } = await model();
  const cells = setup.lines.map((l) => l.input);
  const before = await entries(g, cells);
  g.hooks.beforeWrite = (_address, input) => {
    if (input === 112_000) throw new Error('host refused');
  };
  const r = await runTornado(g, setup, { keys: memoryKeys() });
  const failed = r.rows.find((x) => x.input === setup.lines[1].input)!;
  expect(failed).toMatchObject({ swing: null, error: 'host refused' });
  expect(r.rows[r.rows.length - 1]).toBe(failed);
  expect(r.rows.filter((x) => x.swing !== null)).toHaveLength(2);
  expect(await entries(g, cells)).toEqual(before);
});

test('a cancel stops the run with every input as it was', async () => {
  const { g, setup } = await model();
  const cells = setup.lines.map((l) => l.input);
  const before = await entries(g, cells);
  const abort = new AbortController();
  await expect(runTornado(g, setup, { keys: memoryKeys(), signal: abort.signal, onInput: (done) => done === 1 && abort.abort() })).rejects.toBeInstanceOf(SweepCancelled);
  expect(await entries(g, cells)).toEqual(before);
});

test('a pane closed mid-way: the moved input is offered back at the next start, from the signed record', async () => {
  const { g, setup } = await model();
  const keys = memoryKeys();
  const deductible = setup.lines[1].input;
  const original = await g.readInput(deductible);
  // The write of the deductible's high value never returns: the pane's JavaScript stopped there.
  g.hooks.beforeWrite = (_address, input) => (input === 112_000 ? new Promise(() => undefined) : undefined);
  void runTornado(g, setup, { keys });
  for (let t = 0; t < 200 && (await g.readInput(deductible)) !== 0; t++) await new Promise((r) => setTimeout(r, 50));
  expect(await g.readInput(deductible)).toBe(0);
  g.hooks.beforeWrite = undefined;
  const offer = await checkPending(g, keys);
  expect(offer).toMatchObject({ kind: 'offer', address: deductible, original, current: 0 });
  expect(await applyPending(g, offer as Extract<typeof offer, { kind: 'offer' }>)).toBe(true);
  expect(await g.readInput(deductible)).toBe(original);
});

test('the lines typed in the pane', () => {
  expect(parseTornadoLines('C6\nClaim!C11; 0; 112,000\n\n', 'Claim')).toEqual({ lines: [{ input: 'Claim!C6' }, { input: 'Claim!C11', low: 0, high: 112_000 }] });
  expect(parseTornadoLines('C6; 5', 'S')).toEqual({ problem: 'needNumber', line: 1 });
  expect(parseTornadoLines('C6; 5; 1', 'S')).toEqual({ problem: 'lowHigh', line: 1 });
  expect(parseTornadoLines('A1:B2', 'S')).toEqual({ problem: 'needCell', line: 1 });
  expect(parseTornadoLines(' ', 'S')).toEqual({ problem: 'none', line: 0 });
  expect(checkTornado({ output: 'S!C6', percent: 0.1, lines: [{ input: 'S!$C$6' }] })).toBe('sameCell');
  expect(checkTornado({ output: 'S!C7', percent: 0, lines: [{ input: 'S!C6' }] })).toBe('percent');
});
