/**
 * The comparison as the pane shows it (markup; these Jest tests have no DOM): the figures of the
 * models, the inputs that differ highlighted (shown alone at first), differences absolute and
 * relative; the scenario list offers a check box per row for choosing what to compare.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { compareScenarios, type Comparison } from '../compare';
import type { Scenario } from '../scenarios';
import { CPIC_TEMPLATE } from '../templates/cpic';
import { defaultInputs } from '../templates/form';
import { FakeGateway } from '../testing/fakeGateway';
import { hyperFormulaCompute } from '../testing/sheetEval';
import { CompareView } from './CompareView';
import { ScenarioList } from './ScenariosTab';

const base: Scenario = { name: 'As insured', kind: 'template', templateId: 'cpic', inputs: defaultInputs(CPIC_TEMPLATE), savedAt: '2026-12-01T10:00:00Z' };
const full: Scenario = { name: 'Fully insured', kind: 'template', templateId: 'cpic', inputs: { ...defaultInputs(CPIC_TEMPLATE), sumInsured: '11,200,000' }, savedAt: '2026-12-01T10:05:00Z' };
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

let c: Comparison;
beforeAll(async () => {
  c = await compareScenarios(new FakeGateway(hyperFormulaCompute), [base, full], 'en');
}, 60_000);

test('the inputs that differ, highlighted; every result with its differences', () => {
  const html = renderToStaticMarkup(<CompareView comparison={c} language="en" />);
  const text = textOf(html);
  expect(text).toContain('1 input differs');
  expect(text).toContain('Profit sum insured 8,400,000.00 11,200,000.00');
  // Only the differing inputs at first.
  expect([...html.matchAll(/data-differs="(true|false)"/g)].map((m) => m[1])).toEqual(['true']);
  expect(text).toContain('Network-interruption payout 562,500.00 750,000.00 187,500.00 33.33%');
  expect(text).toContain('Fully insured − As insured');
});

test('in Chinese', () => {
  const text = textOf(renderToStaticMarkup(<CompareView comparison={c} language="zh" />));
  expect(text).toContain('1 项输入不同');
  expect(text).toContain('网络中断赔款');
});

test('the scenario list: a check box per row when rows can be chosen', () => {
  const html = renderToStaticMarkup(<ScenarioList state={{ ok: true, scenarios: [base, full] }} language="en" selected={new Set([1])} onToggle={() => undefined} />);
  expect(html).toContain('aria-label="Select As insured for comparison"');
  expect(html).toContain('aria-label="Select Fully insured for comparison"');
  expect([...html.matchAll(/type="checkbox"[^>]*checked=""|checked=""[^>]*type="checkbox"/g)].length).toBe(1);
});
