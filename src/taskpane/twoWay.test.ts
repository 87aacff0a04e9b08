/**
 * The two-way table over the CPIC template (HyperFormula + the CYBER plugin behind the fake
 * gateway): the BI payout for every pair of profit sum insured × deductible; both inputs back to
 * their entries after the run and after a failing write; after a pane closed mid-way both signed
 * records are offered, one after the other, and put both cells back.
 */
import { applyPending, checkAllPending, OUTER_RESTORE_KEY, PENDING_RESTORE_KEY } from './sensitivity';
import { checkTwoWay, heatColour, runTwoWay, twoWaySheet, type TwoWaySetup } from './twoWay';
import { cpicOnFakeGateway, memoryKeys } from './testing/cpicModel';

async function model() {
  const { g, at } = await cpicOnFakeGateway();
  const setup: TwoWaySetup = {
    output: at('biPayout'),
    rows: { input: at('sumInsured'), from: 5_600_000, to: 11_200_000, steps: 3 },
    columns: { input: at('deductible'), from: 0, to: 112_000, steps: 3 },
  };
  return { g, setup };
}

test('every pair of values: (806,000 − deductible) × min(1, sum insured ÷ 11.2M); both inputs restored', async () => {
  const { g, setup } = await model();
  const before = [await g.readInput(setup.rows.input), await g.readInput(setup.columns.input)];
  const r = await runTwoWay(g, setup, { keys: memoryKeys() });
  expect(r.rowValues).toEqual([5_600_000, 8_400_000, 11_200_000]);
  expect(r.columnValues).toEqual([0, 56_000, 112_000]);
  expect(r.cells).toEqual([
    [403_000, 375_000, 347_000],
    [604_500, 562_500, 520_500],
    [806_000, 750_000, 694_000],
  ]);
  expect([await g.readInput(setup.rows.input), await g.readInput(setup.columns.input)]).toEqual(before);
  expect(g.settings.has(PENDING_RESTORE_KEY) || g.settings.has(OUTER_RESTORE_KEY)).toBe(false);

  const sheet = twoWaySheet(r, { title: 'T', sheet: 'Two-way', rows: 'Rows', columns: 'Columns', output: 'Result' });
  const at = (a: string) => sheet.cells.find((c) => c.address === a);
  expect(at('B6')?.input).toBe(0);
  expect(at('D6')?.input).toBe(112_000);
  expect(at('A9')?.input).toBe(11_200_000);
  expect(at('C8')).toMatchObject({ input: 562_500, numberFormat: '#,##0.00' });
  // The heat map: white at the least (347,000), blue at the greatest (806,000).
  expect(at('D7')?.fill).toBe('#FFFFFF');
  expect(at('B9')?.fill).toBe('#5B9BD5');
});

test('a failing write: the run fails and both inputs are back', async () => {
  const { g, setup } = await model();
  const before = [await g.readInput(setup.rows.input), await g.readInput(setup.columns.input)];
  g.hooks.beforeWrite = (_address, input) => {
    if (input === 112_000) throw new Error('host refused');
  };
  await expect(runTwoWay(g, setup, { keys: memoryKeys() })).rejects.toThrow('host refused');
  g.hooks.beforeWrite = undefined;
  expect([await g.readInput(setup.rows.input), await g.readInput(setup.columns.input)]).toEqual(before);
});

test('a pane closed mid-way: both records offered in turn, both cells put back', async () => {
  const { g, setup } = await model();
  const keys = memoryKeys();
  const before = [await g.readInput(setup.rows.input), await g.readInput(setup.columns.input)];
  // The inner sweep's second write (56,000) never returns: the column input holds its first value, 0.
  g.hooks.beforeWrite = (a, input) => (a === setup.columns.input && input === 56_000 ? new Promise(() => undefined) : undefined);
  void runTwoWay(g, setup, { keys });
  const wrote = () => g.log.includes(`writeInput ${setup.columns.input} 0`);
  for (let t = 0; t < 200 && !wrote(); t++) await new Promise((r) => setTimeout(r, 50));
  expect(wrote()).toBe(true);
  g.hooks.beforeWrite = undefined;
  expect(await g.readInput(setup.rows.input)).toBe(5_600_000);
  const first = await checkAllPending(g, keys);
  expect(first).toMatchObject({ kind: 'offer', address: setup.columns.input, current: 0, original: 56_000 });
  expect(await applyPending(g, first as Extract<typeof first, { kind: 'offer' }>)).toBe(true);
  const second = await checkAllPending(g, keys);
  expect(second).toMatchObject({ kind: 'offer', address: setup.rows.input, current: 5_600_000, key: OUTER_RESTORE_KEY });
  expect(await applyPending(g, second as Extract<typeof second, { kind: 'offer' }>)).toBe(true);
  expect(await checkAllPending(g, keys)).toBeUndefined();
  expect([await g.readInput(setup.rows.input), await g.readInput(setup.columns.input)]).toEqual(before);
});

test('setups that cannot run', () => {
  const ok: TwoWaySetup = { output: 'S!C9', rows: { input: 'S!C6', from: 0, to: 1, steps: 3 }, columns: { input: 'S!C7', from: 0, to: 1, steps: 3 } };
  expect(checkTwoWay(ok)).toBeUndefined();
  expect(checkTwoWay({ ...ok, columns: { ...ok.columns, input: 'S!$C$6' } })).toEqual({ field: 'columns', problem: 'sameCell' });
  expect(checkTwoWay({ ...ok, rows: { ...ok.rows, steps: 51 } })).toEqual({ field: 'rows', problem: 'stepsRange' });
  expect(checkTwoWay({ ...ok, output: 'S!A1:B2' })).toEqual({ field: 'output', problem: 'needCell' });
  expect(heatColour(null, 0, 1)).toBeUndefined();
  expect(heatColour(5, 5, 5)).toBe('#ADCDEA');
});
