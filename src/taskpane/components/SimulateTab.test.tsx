/**
 * The Simulate tab, rendered to markup (no DOM in these Jest tests, as App.test.tsx): a finished
 * run shows the CYBER.SIMULATE cell's own statistics, AEP and OEP, the closed-form OEP where it
 * applies, the convergence table, seed / years / engine version / input hash; the year explorer
 * shows the year's claims and the exact ALLOCATE trace with the wording's articles; a selected
 * SIMULATE cell of a model sheet is read back as the same model; the App lists the tab.
 */
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { ENGINE_VERSION, evaluate, simulateYear } from '../../engine';
import { App } from '../App';
import { closedFormOep, exploreYear, prepare, specOfCell, specOfInputs } from '../simulate/analysis';
import type { SimulationSpec } from '../simulate/protocol';
import { serve } from '../simulate/serve';
import { ISO_SIMULATION, SAMSUNG_SIMULATION, simulateArgs, type SimulationTemplate } from '../simulate/templates';
import { buildTemplate, defaultInputs, validateForm } from '../templates/form';
import { FakeGateway } from '../testing/fakeGateway';
import { hyperFormulaCompute } from '../testing/sheetEval';
import { money, ResultView, runInfo, SimulateTab, YearView, yltSheet, type Run } from './SimulateTab';

function inputsOf(t: SimulationTemplate, changes: Record<string, string> = {}) {
  const v = validateForm(t, { ...defaultInputs(t), ...changes });
  if (!v.ok) throw new Error(JSON.stringify(v));
  return t.inputs(v.values);
}

function runOf(spec: SimulationSpec): Run {
  const prepared = prepare(spec);
  if (!prepared.ok) throw new Error('prepare');
  let answer: unknown;
  serve({ id: 1, request: { kind: 'run', spec } }, (m) => {
    if (m.type === 'done') answer = m.answer;
  });
  const a = answer as { kind: 'run'; result: Run['result'] };
  return { spec, prepared: prepared.value, result: a.result, closed: closedFormOep(prepared.value) };
}

const cell = (t: SimulationTemplate, output: 'stats' | 'aep' | 'oep', changes: Record<string, string> = {}) => {
  const o = evaluate('SIMULATE', simulateArgs(inputsOf(t, changes), output));
  if (!o.ok) throw new Error('cell');
  return o.value as Array<[string | number, number]>;
};

test('a finished run shows the cell’s statistics, AEP and OEP, the convergence, and what was run', () => {
  const run = runOf(specOfInputs(inputsOf(SAMSUNG_SIMULATION, { years: '5,000', seed: '7' })));
  const html = renderToStaticMarkup(<ResultView run={run} language="en" period={100} canDownload />);
  const stats = cell(SAMSUNG_SIMULATION, 'stats', { years: '5,000', seed: '7' });
  // AAL, VaR 99% and TVaR 99% as the cell gives them, formatted to the cent.
  for (const k of [0, 6, 9, 11]) expect(html).toContain(money(stats[k][1]));
  expect(html).toContain('Mean annual paid (AAL)');
  // Probability a year pays anything, as a percentage.
  expect(html).toContain(`${(stats[3][1] * 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`);
  const aep = cell(SAMSUNG_SIMULATION, 'aep', { years: '5,000', seed: '7' });
  const oep = cell(SAMSUNG_SIMULATION, 'oep', { years: '5,000', seed: '7' });
  for (const k of [0, 6, 10]) {
    expect(html).toContain(money(aep[k][1]));
    expect(html).toContain(money(oep[k][1]));
  }
  expect(html).toContain(`Seed 7 · 5,000 years · engine ${ENGINE_VERSION} · input hash ${run.result.hash}`);
  expect(runInfo(run, 'en')).toBe(`Seed 7 · 5,000 years · engine ${ENGINE_VERSION} · input hash ${run.result.hash}`);
  // Convergence: the last row is the whole run's AAL.
  const conv = run.result.scopes[0].convergence;
  expect(conv[conv.length - 1].years).toBe(5000);
  expect(html).toContain(money(conv[conv.length - 1].mean));
  expect(html).toContain('AAL ± 2 standard errors');
  // Several covers: no closed form, so no closed-form column.
  expect(run.closed).toBeUndefined();
  expect(html).not.toContain('OEP closed form');
  // The workbench downloads the CSV; Excel writes it to a sheet.
  expect(html).toContain('Download as CSV');
  expect(renderToStaticMarkup(<ResultView run={run} language="en" period={100} canDownload={false} />)).toContain('Write as CSV text to a sheet');
  // In Chinese.
  const zh = renderToStaticMarkup(<ResultView run={run} language="zh" period={100} canDownload />);
  expect(zh).toContain('年均赔付（AAL）');
  expect(zh).toContain(`随机种子 7 · 5,000 年 · 引擎版本 ${ENGINE_VERSION}`);
  expect(zh).toContain(money(stats[0][1]));
});

test('ISO crime: the closed-form OEP beside the simulated one', () => {
  const run = runOf(specOfInputs(inputsOf(ISO_SIMULATION)));
  expect(run.closed).toHaveLength(11);
  const html = renderToStaticMarkup(<ResultView run={run} language="en" period={100} canDownload />);
  expect(html).toContain('OEP closed form (CYBER.OEPLOSS)');
  const q = evaluate('OEPLOSS', ['poisson(0.3)', 'lognormal(10, 1.6)', 100]);
  if (!q.ok) throw new Error('OEPLOSS');
  // min(250,000 per occurrence, OEPLOSS − 1,000 deductible) at T = 100.
  const expected = Math.min(250000, (q.value as number) - 1000);
  expect(run.closed![6][1]).toBeCloseTo(expected, 6);
  expect(html).toContain(money(run.closed![6][1]));
  // T = 2: the frequency never reaches 1/2 (1 − e^−0.3 = 0.26), so no year pays at T = 2.
  expect(run.closed![0]).toEqual([2, 0]);
});

test('the year explorer: the year’s events, its claims, and the exact ALLOCATE trace with the wording’s articles', () => {
  const spec = specOfInputs(inputsOf(SAMSUNG_SIMULATION, { years: '2,000' }));
  const run = runOf(spec);
  let found: { year: number; amount: number } | undefined;
  const target = run.result.scopes[0].aep[6][1];
  serve({ id: 2, request: { kind: 'find', spec, target } }, (m) => {
    if (m.type === 'done' && m.answer.kind === 'find') found = m.answer.found;
  });
  const explored = exploreYear(run.prepared, spec.seed, found!.year);
  expect(explored.agrees).toBe(true);
  const year = simulateYear(run.prepared.model, spec.seed, found!.year);
  const hits = year.events.flatMap((e) => e.draws.filter((d) => d.hit));
  expect(hits.length).toBeGreaterThan(0);
  // The year's paid is what the simulation's settlement paid, and what the finder reported.
  expect(hits.reduce((s, d) => s + d.paid, 0) / run.prepared.model.scale).toBeCloseTo(found!.amount, 6);
  const html = renderToStaticMarkup(<YearView explored={{ t: 100, found: found!, year: explored }} language="en" />);
  expect(html).toContain(`Year ${found!.year.toLocaleString('en-US')} (nearest to the 1-in-100 annual paid): ${money(found!.amount)} paid.`);
  for (const d of hits) {
    expect(html).toContain(`>${d.coverId}<`);
    expect(html).toContain(money((d.amount ?? 0) / run.prepared.model.scale));
  }
  expect(html).toContain('The exact decimal settlement pays the same as the simulation, to the cent.');
  expect(html).toContain('CYBER.ALLOCATE');
  // The trace cites the wording: one deductible per event, the largest (SAMSUNG 第二十八条).
  expect(html).toContain('Art. 28 only the largest deductible applies');
  const zh = renderToStaticMarkup(<YearView explored={{ t: 100, found: found!, year: explored }} language="zh" />);
  expect(zh).toContain('第二十八条');
  expect(zh).toContain('精确十进制理算结果与模拟结果一致');
});

test('a selected CYBER.SIMULATE cell of a model sheet is read back as the same model', async () => {
  const g = new FakeGateway(hyperFormulaCompute);
  const inputs = defaultInputs(ISO_SIMULATION);
  const built = await buildTemplate(g, ISO_SIMULATION, { ...inputs, years: '3,000' });
  if (!built.ok) throw new Error('build');
  const spec = g.addedSheets[0];
  const anchor = spec.cells.find((c) => typeof c.input === 'object' && c.input !== null && c.input.formula.startsWith('=CYBER.SIMULATE('))!;
  g.select(`'${built.sheet}'!${anchor.address}`);
  const read = await specOfCell(g, await g.getSelectedCell());
  if (!read.ok) throw new Error(read.reason);
  expect([read.spec.years, read.spec.seed, read.spec.cover]).toEqual([3000, 1, undefined]);
  const direct = specOfInputs(inputsOf(ISO_SIMULATION, { years: '3,000' }));
  expect(runOf(read.spec).result.scopes[0].stats).toEqual(runOf(direct).result.scopes[0].stats);
  expect(runOf(read.spec).result.hash).toBe(runOf(direct).result.hash);
  // A cell without CYBER.SIMULATE.
  g.select(`'${built.sheet}'!A1`);
  expect(await specOfCell(g, await g.getSelectedCell())).toEqual({ ok: false, reason: 'notSimulate' });
});

test('the year loss table as a sheet: what was run, the header, one row per year', () => {
  const sheet = yltSheet('Year loss table', 'Seed 1 · 2 years', { header: ['year', 'events', 'loss before terms', 'paid BI', 'total paid'], rows: [[1, 2, 1500.5, 400, 400], [2, 0, 0, 0, 0]] });
  const at = (a: string) => sheet.cells.find((c) => c.address === a)?.input;
  expect([at('A1'), at('A2'), at('D4'), at('C5'), at('E5'), at('A6')]).toEqual(['Year loss table', 'Seed 1 · 2 years', 'paid BI', 1500.5, 400, 2]);
});

test('the pane lists the Simulate tab, in both languages; the tab opens on the first model’s form', () => {
  // In the pane the tab is a chunk of its own, loaded when first opened (App renders a spinner for it meanwhile).
  const en = renderToString(<App gateway={new FakeGateway(undefined, 'en-US')} initialTab="simulate" />);
  expect(en).toContain('>Simulate<');
  expect(renderToString(<App gateway={new FakeGateway(undefined, 'zh-CN')} />)).toContain('>模拟<');
  const tab = renderToString(<SimulateTab gateway={new FakeGateway(undefined, 'en-US')} language="en" />);
  expect(tab).toContain('Run in the pane');
  expect(tab).toContain('Write the model sheet');
  expect(tab).toContain('poisson(0.6)');
  expect(tab).toContain('3,000,000');
  const zh = renderToString(<SimulateTab gateway={new FakeGateway(undefined, 'zh-CN')} language="zh" />);
  expect(zh).toContain('在任务窗格中运行');
  expect(zh).toContain('每年事件次数（频率分布）');
});
