import { FakeGateway } from './testing/fakeGateway';
import { DamagedScenarios, deleteScenario, loadScenarios, parseScenarios, SCENARIOS_BACKUP_KEY, SCENARIOS_KEY, saveScenario, startNewScenarioList, type Scenario } from './scenarios';

const template: Scenario = { name: 'Base case', kind: 'template', templateId: 'iso', inputs: { loss: '150,000', continuous: false }, savedAt: '2025-01-01T10:00:00Z' };
const sweep: Scenario = { name: 'Loss sweep', kind: 'sensitivity', setup: { input: 'Claim!C5', output: 'Claim!C8', from: 0, to: 1, steps: 3 }, savedAt: '2025-01-01T11:00:00Z' };

test('saved scenarios are listed again when the workbook is reopened (a new gateway over the same settings)', async () => {
  const g = new FakeGateway();
  await saveScenario(g, template);
  await saveScenario(g, sweep);
  await saveScenario(g, { ...template, inputs: { loss: '1' } });
  const reopened = new FakeGateway();
  for (const [k, v] of g.settings) reopened.settings.set(k, v);
  const state = await loadScenarios(reopened);
  expect(state).toEqual({ ok: true, scenarios: [sweep, { ...template, inputs: { loss: '1' } }] });
  expect(JSON.parse(reopened.settings.get(SCENARIOS_KEY)!).version).toBe(1);
  await deleteScenario(reopened, 'Loss sweep');
  expect(await loadScenarios(reopened)).toEqual({ ok: true, scenarios: [{ ...template, inputs: { loss: '1' } }] });
});

test.each([
  ['not JSON', '{"version":1,"scenarios":[', { reason: 'json' }],
  ['a newer format', '{"version":7,"scenarios":[]}', { reason: 'version', version: '7' }],
  ['a malformed entry', '{"version":1,"scenarios":[{"name":"x","kind":"template"}]}', { reason: 'shape' }],
  ['not an object', '[1,2]', { reason: 'shape' }],
])('damaged state (%s): a clear reason, nothing saved over it, no sheet touched', async (_, raw, damage) => {
  const g = new FakeGateway().set('Claim', { C5: 100 });
  g.settings.set(SCENARIOS_KEY, raw);
  expect(parseScenarios(raw)).toEqual({ ok: false, damage, raw });
  await expect(saveScenario(g, template)).rejects.toBeInstanceOf(DamagedScenarios);
  expect(g.settings.get(SCENARIOS_KEY)).toBe(raw);
  expect(g.log.filter((l) => l.startsWith('writeInput') || l.startsWith('addSheet'))).toEqual([]);
  expect(g.sheets.get('Claim')!.get('C5')).toBe(100);
  // The user starts over: the damaged text is kept as a backup.
  await startNewScenarioList(g);
  expect(g.settings.get(SCENARIOS_BACKUP_KEY)).toBe(raw);
  await saveScenario(g, template);
  expect(await loadScenarios(g)).toEqual({ ok: true, scenarios: [template] });
});

test('no stored state is an empty list', () => {
  expect(parseScenarios(null)).toEqual({ ok: true, scenarios: [] });
});
