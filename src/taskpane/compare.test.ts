/**
 * Scenarios side by side against real cells: two CPIC scenarios built and evaluated by
 * HyperFormula + the CYBER plugin (as the workbench does). The figures the pane shows are the
 * model sheets' cells; the comparison sheet's live formulas give the same figures; inputs that
 * differ are highlighted; nothing is written when the scenarios cannot be compared.
 */
import { compareProblem, CompareProblem, compareScenarios, DIFFERS_FILL } from './compare';
import type { CellValue } from './gateway';
import type { Scenario } from './scenarios';
import { CPIC_TEMPLATE } from './templates/cpic';
import { defaultInputs } from './templates/form';
import { FakeGateway, type Compute } from './testing/fakeGateway';
import { hyperFormulaCompute } from './testing/sheetEval';

function cachedCompute(): Compute {
  let key = '';
  let last: ReturnType<Compute> | undefined;
  return (sheets, names) => {
    const k = JSON.stringify([[...sheets].map(([n, c]) => [n, [...c]]), names]);
    if (k !== key || !last) [key, last] = [k, hyperFormulaCompute(sheets, names)];
    return last;
  };
}

const base: Scenario = { name: 'As insured', kind: 'template', templateId: 'cpic', inputs: defaultInputs(CPIC_TEMPLATE), savedAt: '2026-12-01T10:00:00Z' };
const full: Scenario = { name: 'Fully insured', kind: 'template', templateId: 'cpic', inputs: { ...defaultInputs(CPIC_TEMPLATE), sumInsured: '11,200,000', crisisSpent: '220,000' }, savedAt: '2026-12-01T10:05:00Z' };

test('two CPIC scenarios: inputs that differ, every result, absolute and relative differences — the sheet’s formulas agree', async () => {
  const g = new FakeGateway(cachedCompute());
  const c = await compareScenarios(g, [base, full], 'en');
  expect(c.scenarios.map((s) => s.sheet)).toEqual(['Scenario As insured', 'Scenario Fully insured']);
  expect(c.inputs.filter((i) => i.differs.some(Boolean)).map((i) => i.key)).toEqual(['sumInsured', 'crisisSpent']);
  expect(c.inputs.find((i) => i.key === 'sumInsured')!.values).toEqual([8_400_000, 11_200_000]);
  expect(c.inputs.find((i) => i.key === 'history')!.values).toEqual([24, 24]);
  const bi = c.results.find((r) => r.key === 'biPayout')!;
  // (806,000 − 56,000) × 8.4M / 11.2M = 562,500 under-insured; fully insured 750,000.
  expect(bi.values).toEqual([562_500, 750_000]);
  expect(bi.absolute).toEqual([null, 187_500]);
  expect(bi.relative[1]).toBeCloseTo(1 / 3, 12);
  const total = c.results.find((r) => r.key === 'total')!;
  expect(total.values[0]).toBe(911_500);
  // The crisis payout: (220,000 − 10,000) × 90% = 189,000 instead of 99,000.
  expect(c.results.find((r) => r.key === 'crisisPayout')!.values).toEqual([99_000, 189_000]);
  expect(total.values[1]).toBe(750_000 + 250_000 + 189_000);
  // The pane's figures are the model sheets' cells.
  for (let i = 0; i < 2; i++) {
    const cells = g.sheets.get(c.scenarios[i].sheet)!;
    const row = [...cells].find(([a, v]) => a.startsWith('A') && v === 'Network-interruption payout')![0].slice(1);
    expect((await g.readRange(`'${c.scenarios[i].sheet}'!C${row}`))[0][0]).toBe(bi.values[i]);
  }

  // The comparison sheet, evaluated: the same figures in the same places.
  const spec = g.addedSheets[g.addedSheets.length - 1];
  expect(spec.name).toBe('Comparison');
  const read = async (a: string): Promise<CellValue> => (await g.readRange(`Comparison!${a}`))[0][0];
  const rowOf = (label: string) => spec.cells.find((x) => x.address.startsWith('A') && x.input === label)!.address.slice(1);
  const biRow = rowOf('Network-interruption payout');
  expect(await read(`B${biRow}`)).toBe(562_500);
  expect(await read(`C${biRow}`)).toBe(750_000);
  expect(await read(`D${biRow}`)).toBe(187_500);
  expect(await read(`E${biRow}`)).toBeCloseTo(1 / 3, 12);
  const sumRow = rowOf('Profit sum insured');
  expect(await read(`B${sumRow}`)).toBe(8_400_000);
  expect(await read(`C${sumRow}`)).toBe(11_200_000);
  expect(spec.cells.find((x) => x.address === `C${sumRow}`)?.fill).toBe(DIFFERS_FILL);
  expect(spec.cells.find((x) => x.address === `B${sumRow}`)?.fill).toBeUndefined();
  const limitRow = rowOf('Profit limit of indemnity');
  expect(spec.cells.find((x) => x.address === `C${limitRow}`)?.fill).toBeUndefined();
  // The models carry no workbook names: the user's own models keep theirs.
  expect(g.names).toEqual([]);
});

test('in Chinese the labels are Chinese, the figures the same', async () => {
  const g = new FakeGateway(cachedCompute());
  const c = await compareScenarios(g, [base, full], 'zh');
  const spec = g.addedSheets[g.addedSheets.length - 1];
  expect(spec.name).toBe('情景对比');
  expect(spec.cells.some((x) => x.input === '网络中断赔款')).toBe(true);
  expect(spec.cells.some((x) => x.input === 'Fully insured − As insured（差额）')).toBe(true);
  expect(c.results.find((r) => r.key === 'biPayout')!.values).toEqual([562_500, 750_000]);
});

test('what cannot be compared is refused before anything is written', async () => {
  const sweep: Scenario = { name: 'Sweep', kind: 'sensitivity', setup: { input: 'A1', output: 'A2', from: 0, to: 1, steps: 3 }, savedAt: '' };
  const iso: Scenario = { ...base, name: 'ISO', templateId: 'iso', inputs: {} };
  expect(compareProblem([base])).toBe('chooseTwo');
  expect(compareProblem([base, sweep])).toBe('onlyTemplates');
  expect(compareProblem([base, iso])).toBe('oneTemplate');
  expect(compareProblem([base, full])).toBeUndefined();
  const g = new FakeGateway(cachedCompute());
  const bad: Scenario = { ...full, name: 'Bad', inputs: { ...full.inputs, sumInsured: 'lots' } };
  await expect(compareScenarios(g, [base, bad], 'en')).rejects.toEqual(expect.objectContaining({ kind: 'invalid', scenario: 'Bad' }));
  await expect(compareScenarios(g, [base, iso], 'en')).rejects.toBeInstanceOf(CompareProblem);
  expect(g.addedSheets).toEqual([]);
});
