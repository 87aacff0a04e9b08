/**
 * Explain and limits over a built model in the fake gateway (HyperFormula behind it): argument
 * values come from the host, the trace and errors from the engine, in both languages.
 */
import { explainCell, readAllocate } from './explain';
import { qualify } from './addresses';
import { CPIC_TEMPLATE } from './templates/cpic';
import { SAMSUNG_TEMPLATE } from './templates/samsung';
import { buildTemplate, defaultInputs, validateForm } from './templates/form';
import type { TemplateDefinition } from './templates/types';
import { FakeGateway } from './testing/fakeGateway';
import { hyperFormulaCompute } from './testing/sheetEval';

/** The model built into a fake workbook, with the addresses of its cells. */
async function withModel(template: TemplateDefinition) {
  const g = new FakeGateway(hyperFormulaCompute);
  const built = await buildTemplate(g, template, defaultInputs(template));
  const v = validateForm(template, defaultInputs(template));
  if (!built.ok || !v.ok) throw new Error('invalid');
  return { g, sheet: built.sheet, refs: template.build(v.values).refs };
}

test('the BI payout inside IF: formula, value, each argument from the host, and the cited trace', async () => {
  const { g, sheet, refs } = await withModel(CPIC_TEMPLATE);
  g.select(qualify(refs.biPayout, sheet));
  const e = await explainCell(g, await g.getSelectedCell());
  expect(e.kind).toBe('cyber');
  if (e.kind !== 'cyber') return;
  expect(e.cell.formula).toMatch(new RegExp(`^=IF\\(${refs.waitingMet},CYBER\\.BIPAYOUT\\(`));
  expect(e.cell.value).toBe(562500);
  const [call] = e.calls;
  expect(call.name).toBe('CYBER.BIPAYOUT');
  // insured_ratio is left out of the call (`,,`): the workbench reads that as left out, not blank.
  expect(call.args.map((a) => a.value)).toEqual([806000, 56000, 8400000, 3000000, 40000000, 0.28, undefined, 0]);
  expect(call.outcome.ok).toBe(true);
  if (!call.outcome.ok) return;
  expect(call.outcome.value).toBe(562500);
  expect(call.outcome.trace.length).toBeGreaterThan(2);
  expect(call.outcome.trace.some((s) => s.article?.zh.includes('第十三条'))).toBe(true);
  expect(call.outcome.trace.some((s) => s.value === '0.75')).toBe(true);
  // Reading went through the gateway: references by readRange, nothing written.
  expect(g.log.some((l) => l.startsWith(`readRange ${qualify(refs.loss, sheet)}`))).toBe(true);
  expect(g.log.some((l) => l.startsWith('writeInput'))).toBe(false);
});

test('expressions are evaluated by the host; error cells get the full message in both languages', async () => {
  const g = new FakeGateway(hyperFormulaCompute).set('Claim', {
    A1: 100,
    B1: { formula: '=CYBER.LAYER(A1*2-500,0,1000)' },
    B2: { formula: '=CYBER.LAYER(A1*2,10,1000,1.5)' },
    B3: { formula: '=1/0' },
    B4: 42,
  });
  g.select('Claim!B1');
  const negative = await explainCell(g, await g.getSelectedCell());
  if (negative.kind !== 'cyber') throw new Error(negative.kind);
  expect(negative.calls[0].args[0]).toEqual({ text: 'A1*2-500', value: -300 });
  expect(g.log).toContain('evaluateFormula =A1*2-500 @Claim');
  expect(negative.calls[0].outcome.ok).toBe(false);
  if (!negative.calls[0].outcome.ok) {
    expect(negative.calls[0].outcome.error.code).toBe('#VALUE!');
    expect(negative.calls[0].outcome.error.message.en).toMatch(/CYBER\.LAYER: loss/);
    expect(negative.calls[0].outcome.error.message.zh).toMatch(/不得为负数/);
  }
  g.select('Claim!B2');
  const share = await explainCell(g, await g.getSelectedCell());
  if (share.kind !== 'cyber' || share.calls[0].outcome.ok) throw new Error('expected an error');
  expect(share.calls[0].outcome.error.argument).toBe('share');

  g.select('Claim!B3');
  const other = await explainCell(g, await g.getSelectedCell());
  expect(other).toMatchObject({ kind: 'other', cell: { value: { error: '#DIV/0!' } } });
  g.select('Claim!B4');
  expect(await explainCell(g, await g.getSelectedCell())).toMatchObject({ kind: 'value' });
  expect(await explainCell(g, null)).toEqual({ kind: 'nothing' });
});

test('limits view: the Samsung ALLOCATE cell gives each cover’s use and what is left', async () => {
  const { g, sheet, refs } = await withModel(SAMSUNG_TEMPLATE);
  g.select(qualify(refs.allocate, sheet));
  const reading = await readAllocate(g, await g.getSelectedCell());
  expect(reading.ok).toBe(true);
  if (!reading.ok || !reading.report.ok) throw new Error('no report');
  const cover = (id: string) => reading.report.ok && reading.report.covers.find((c) => c.id === id)!;
  // The policy aggregate binds the whole settlement, hourly BI and reputational harm included (SAMSUNG 第二十四条).
  expect(reading.report.policy).toEqual({ aggregateLimit: 7500000, aggregateRemaining: 0, paid: 7500000 });
  expect(cover('SEC')).toMatchObject({ paid: 2000000, aggregateRemaining: 0, depth: 0 });
  expect(cover('PCI')).toMatchObject({ parent: 'REG', depth: 1, paid: 250000, perEventLimit: 250000, nesting: 'aggregate' });
  expect(cover('IR')).toMatchObject({ aggregateRemaining: 210000, available: 0 });
  expect(cover('RWD')).toMatchObject({ perEventLimit: null, deductible: 0 });
  // Another cell: not an ALLOCATE.
  g.select(qualify(refs.hourlyBi, sheet));
  expect(await readAllocate(g, await g.getSelectedCell())).toEqual({ ok: false, reason: 'notAllocate' });
});

test('an argument left out is explained as the host evaluates it: missing in the workbench, blank in Excel', async () => {
  const g = new FakeGateway(hyperFormulaCompute).set('Sheet1', { A1: { formula: '=CYBER.LOSTPROFIT(100,)' } });
  g.select('Sheet1!A1');
  const inWorkbench = await explainCell(g, await g.getSelectedCell());
  if (inWorkbench.kind !== 'cyber') throw new Error(inWorkbench.kind);
  const [wb] = inWorkbench.calls;
  expect(wb.args.map((a) => a.value)).toEqual([100, undefined]);
  // HyperFormula's cell says the same: profit_rate is missing from the call.
  expect(wb.outcome.ok).toBe(false);
  if (!wb.outcome.ok) {
    expect(wb.outcome.error.code).toBe('#VALUE!');
    expect(wb.outcome.error.argument).toBe('profit_rate');
    expect(wb.outcome.error.message.en).toMatch(/missing from the call/);
  }
  // Excel hands an empty argument over as null (a blank): a required rate left blank counts as 0.
  const excel = Object.create(g, { kind: { value: 'excel' } }) as FakeGateway;
  const inExcel = await explainCell(excel, await g.getSelectedCell());
  if (inExcel.kind !== 'cyber') throw new Error(inExcel.kind);
  const [xl] = inExcel.calls;
  expect(xl.args.map((a) => a.value)).toEqual([100, null]);
  expect(xl.outcome.ok && xl.outcome.value).toBe(0);
});
