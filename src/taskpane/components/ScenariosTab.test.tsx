/**
 * The Scenarios tab with 20,000 stored scenarios (issue 12: it took 97 s to render): the list
 * renders a bounded window of rows, and reading / saving the stored list is one pass over it.
 * Rendered to strings (no DOM in these Jest tests), so the bound is asserted on the markup.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { FakeGateway } from '../testing/fakeGateway';
import { loadScenarios, parseScenarios, SCENARIOS_KEY, saveScenario, serializeScenarios, type Scenario } from '../scenarios';
import { SCENARIO_ROW_HEIGHT, SCENARIO_VIEWPORT, ScenarioList } from './ScenariosTab';

const many = (n: number): Scenario[] =>
  Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? { name: `Scenario ${i}`, kind: 'template' as const, templateId: 'iso', inputs: { loss: String(i * 1000) }, savedAt: '2025-01-01T10:00:00Z' }
      : { name: `Scenario ${i}`, kind: 'sensitivity' as const, setup: { input: 'Claim!C5', output: 'Claim!C8', from: 0, to: i, steps: 5 }, savedAt: '2025-01-01T11:00:00Z' },
  );

const rowsIn = (html: string) => [...html.matchAll(/data-scenario-row="(\d+)"/g)].map((m) => Number(m[1]));

test('20,000 stored scenarios: a bounded window of rows is rendered, with spacers for the rest', () => {
  const raw = serializeScenarios(many(20000));
  const state = parseScenarios(raw);
  expect(state.ok && state.scenarios.length).toBe(20000);
  const html = renderToStaticMarkup(<ScenarioList state={state} language="en" />);
  const rows = rowsIn(html);
  const bound = Math.ceil(SCENARIO_VIEWPORT / SCENARIO_ROW_HEIGHT) + 1 + 2 * 5;
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThanOrEqual(bound);
  expect(rows[0]).toBe(0);
  expect(html).toContain('Scenario 0');
  expect(html).not.toContain('Scenario 19999');
  // Two buttons a row, not 40,000.
  expect((html.match(/<button/g) ?? []).length).toBe(2 * rows.length);
  // The spacer below stands for every row not rendered, so the scrollbar is the full list's.
  expect(html).toContain(`height:${(20000 - rows.length) * SCENARIO_ROW_HEIGHT}px`);
  expect(html).toContain('aria-setsize="20000"');
});

test('a short list renders every row', () => {
  const state = parseScenarios(serializeScenarios(many(3)));
  const html = renderToStaticMarkup(<ScenarioList state={state} language="zh" />);
  expect(rowsIn(html)).toEqual([0, 1, 2]);
  expect(html).toContain('Scenario 2');
});

test('repeated names in a stored list still render (the position is the key)', () => {
  const twice = [...many(2), ...many(2)];
  const state = parseScenarios(serializeScenarios(twice));
  expect(rowsIn(renderToStaticMarkup(<ScenarioList state={state} language="en" />))).toEqual([0, 1, 2, 3]);
});

test('saving into a stored list of 20,000 reads it once and writes it once, keeping every entry', async () => {
  const g = new FakeGateway();
  g.settings.set(SCENARIOS_KEY, serializeScenarios(many(20000)));
  const extra: Scenario = { name: 'New one', kind: 'template', templateId: 'iso', inputs: {}, savedAt: '2025-02-01T00:00:00Z' };
  const list = await saveScenario(g, extra);
  expect(list).toHaveLength(20001);
  expect(g.log.filter((l) => l.startsWith('saveSetting'))).toEqual([`saveSetting ${SCENARIOS_KEY} value`]);
  const state = await loadScenarios(g);
  expect(state.ok && state.scenarios[20000]).toEqual(extra);
  // Replacing by name keeps the count.
  expect(await saveScenario(g, { ...extra, inputs: { loss: '1' } })).toHaveLength(20001);
});
