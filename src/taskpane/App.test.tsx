/**
 * The pane renders without Office (the gateway is a prop) and starts in Office's display
 * language. Rendered to strings: Jest runs in Node here, with no DOM (no jsdom or testing library
 * is installed), so interaction logic is tested in the pure modules and these tests check markup.
 */
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { CATALOGUE, evaluate } from '../engine';
import { App, ReferencePane } from './App';
import { ExplainView } from './components/ExplainView';
import { FunctionReference } from './components/FunctionReference';
import { LimitsView } from './components/LimitsView';
import { ScenarioList } from './components/ScenariosTab';
import { TemplateForm } from './components/TemplateForm';
import { SensitivityChart } from './components/SensitivityChart';
import { createStandaloneGateway } from './officeGateway';
import { parseScenarios } from './scenarios';
import { ISO_TEMPLATE } from './templates/iso';
import { defaultInputs, validateForm } from './templates/form';
import { FakeGateway } from './testing/fakeGateway';
import { limitsReport } from '../engine';

test('a Chinese Office opens the pane in Simplified Chinese, on the templates tab', () => {
  const html = renderToString(<App gateway={new FakeGateway(undefined, 'zh-CN')} />);
  for (const tab of ['模板', '解释', '限额', '敏感性', '情景', '函数参考']) expect(html).toContain(tab);
  expect(html).toContain('生成工作表');
  expect(html).toContain('利润保险金额');
  expect(html).toContain('8,400,000');
  expect(html).not.toContain('Build worksheet');
});

test('any other language opens it in English; the reference tab lists the catalogue', () => {
  const html = renderToString(<App gateway={new FakeGateway(undefined, 'en-US')} initialTab="reference" />);
  expect(html).toContain('Templates');
  expect(html).toContain('>Reference<');
  expect(html).toContain('English');
  expect(html).toContain('简体中文');
  // In the pane the reference is a chunk of its own, loaded when first shown (App renders a spinner meanwhile).
  const reference = renderToString(<FunctionReference catalogue={CATALOGUE} language="en" />);
  expect(reference).toContain('CYBER.PROFITRATE');
  expect(reference).toContain(`${CATALOGUE.length} functions`);
});

test('outside Office without a workbook: the reference only, with a note', () => {
  const html = renderToString(<ReferencePane gateway={createStandaloneGateway('zh-CN')} />);
  expect(html).toContain('当前不在 Excel 中运行');
  expect(renderToString(<FunctionReference catalogue={CATALOGUE} language="zh" />)).toContain(CATALOGUE[0].description.zh);
});

test('the template form shows each invalid entry inline, in the UI language', () => {
  const inputs = { ...defaultInputs(ISO_TEMPLATE), loss: 'lots', policyStart: '2025-02-30' };
  const v = validateForm(ISO_TEMPLATE, inputs);
  if (v.ok) throw new Error('expected errors');
  const en = renderToStaticMarkup(<TemplateForm template={ISO_TEMPLATE} inputs={inputs} errors={v.errors} language="en" onChange={() => undefined} />);
  expect(en).toContain('“lots” is not a number');
  expect(en).toContain('Enter a date as yyyy-mm-dd');
  expect(en).toContain('Special limit');
  expect(en).toContain('5,000');
  const zh = renderToStaticMarkup(<TemplateForm template={ISO_TEMPLATE} inputs={inputs} errors={v.errors} language="zh" onChange={() => undefined} />);
  expect(zh).toContain('“lots”不是数字');
  expect(zh).toContain('特别限额');
});

test('explain view: formula, value, trace labels with values and articles; errors in full', () => {
  const outcome = evaluate('PROFITRATE', [35000000, 31500000, 10500000, 6300000], { trace: true });
  const cell = { address: 'Claim!C73', sheet: 'Claim', formula: '=CYBER.PROFITRATE(C16,C17,C18,C19)', value: 0.28 };
  const explanation = { kind: 'cyber' as const, cell, calls: [{ name: 'CYBER.PROFITRATE', known: true, args: [{ text: 'C16', value: 35000000 }, { text: '', value: null }], outcome }] };
  const zh = renderToStaticMarkup(<ExplainView explanation={explanation} language="zh" />);
  expect(zh).toContain('=CYBER.PROFITRATE(C16,C17,C18,C19)');
  expect(zh).toContain('35,000,000');
  expect(zh).toContain('（省略）');
  if (!outcome.ok) throw new Error('expected a value');
  for (const step of outcome.trace) {
    expect(zh).toContain(step.label.zh);
    if (step.article) expect(zh).toContain(step.article.zh);
  }
  const error = evaluate('LAYER', [-1, 0, 1], { trace: true });
  const failed = { kind: 'cyber' as const, cell: { ...cell, value: { error: '#VALUE!' } }, calls: [{ name: 'CYBER.LAYER', known: true, args: [], outcome: error }] };
  const en = renderToStaticMarkup(<ExplainView explanation={failed} language="en" />);
  if (error.ok) throw new Error('expected an error');
  expect(en).toContain('Error #VALUE!');
  expect(en).toContain(error.error.message.en.replace(/'/g, '&#x27;'));
  // An error of another kind, without a message of its own (Excel shows none for #DIV/0!).
  const other = renderToStaticMarkup(<ExplainView explanation={{ kind: 'other', cell: { ...cell, formula: '=1/0', value: { error: '#DIV/0!' } } }} language="zh" />);
  expect(other).toContain('除数为零');
});

test('limits view: a tree of covers with bars and what remains', () => {
  const claims = [['E1', 'PCI', 400000], ['E1', 'REG', 100000]];
  const covers = [['REG', null, 750000, 1000000, 50000], ['PCI', 'REG', 250000, 250000, 50000]];
  const reading = { ok: true as const, address: 'S!D5', args: [], report: limitsReport(claims, covers, 2000000) };
  const html = renderToStaticMarkup(<LimitsView reading={reading} language="en" />);
  expect(html).toContain('data-cover="REG"');
  expect(html).toContain('data-cover="PCI"');
  expect(html).toContain('margin-left:16px');
  expect(html).toContain('250,000 used of 250,000');
  expect(html).toContain('role="progressbar"');
  expect(renderToStaticMarkup(<LimitsView reading={{ ok: false, reason: 'notAllocate' }} language="zh" />)).toContain('CYBER.ALLOCATE');
});

test('scenario list: saved entries, and a damaged state explained without touching anything', () => {
  const list = parseScenarios(JSON.stringify({ version: 1, scenarios: [{ name: 'Base', kind: 'template', templateId: 'iso', inputs: {}, savedAt: '2025-01-01T10:00:00Z' }] }));
  expect(renderToStaticMarkup(<ScenarioList state={list} language="en" />)).toContain('Base');
  const damaged = renderToStaticMarkup(<ScenarioList state={parseScenarios('{oops')} language="zh" />);
  expect(damaged).toContain('无法读取此工作簿中保存的情景');
  expect(damaged).toContain('不是有效的 JSON');
  expect(damaged).toContain('工作表未做任何改动');
});

test('the sensitivity chart renders a curve', () => {
  const html = renderToStaticMarkup(<SensitivityChart points={[{ x: 0, y: 0 }, { x: 10, y: 5 }]} xLabel="x" yLabel="y" />);
  expect(html).toContain('recharts');
});
