/**
 * The annual-loss templates (catalogue section 11): each, built from its defaults and evaluated
 * through HyperFormula + the CYBER plugin (the workbench and CLI path), writes live
 * CYBER.SIMULATE cells whose values are the engine's own for the same inputs; the covers trees are
 * the limits templates'; the closed-form OEP is written where it applies; invalid entries are
 * flagged in both languages and never reach the workbook.
 */
import { evaluate, RETURN_PERIODS } from '../../engine';
import { chartLabelsAreNumbers } from '../excelGateway';
import { FakeGateway } from '../testing/fakeGateway';
import { evaluateSpec } from '../testing/sheetEval';
import { buildTemplate, defaultInputs, validateForm } from '../templates/form';
import { LMCIT_TEMPLATE } from '../templates/lmcit';
import { SAMSUNG_TEMPLATE } from '../templates/samsung';
import { CPIC_SIMULATION, ISO_SIMULATION, LMCIT_SIMULATION, SAMSUNG_SIMULATION, SIMULATION_TEMPLATES, simulateArgs, STATS_ROWS, type SimulationTemplate } from './templates';

function built(t: SimulationTemplate, changes: Record<string, string> = {}) {
  const v = validateForm(t, { ...defaultInputs(t), ...changes });
  if (!v.ok) throw new Error(`${t.id} invalid: ${JSON.stringify(v)}`);
  const b = t.build(v.values);
  const read = evaluateSpec(b.spec);
  return { b, read, inputs: t.inputs(v.values), at: (k: string) => read(b.refs[k]) };
}

/** The engine's own answer for the same inputs (what the cells must show). */
function engine(t: SimulationTemplate, output: 'stats' | 'aep' | 'oep', cover?: string, changes: Record<string, string> = {}) {
  const v = validateForm(t, { ...defaultInputs(t), ...changes });
  if (!v.ok) throw new Error('invalid');
  const o = evaluate('SIMULATE', simulateArgs(t.inputs(v.values), output, undefined, cover));
  if (!o.ok) throw new Error(JSON.stringify(o.error));
  return o.value as Array<[string | number, number]>;
}

const shift = (address: string, rows: number, cols = 0) => {
  const m = /^([A-Z]+)([0-9]+)$/.exec(address)!;
  const col = m[1].charCodeAt(0) - 64 + cols;
  return `${String.fromCharCode(64 + col)}${Number(m[2]) + rows}`;
};

test.each(SIMULATION_TEMPLATES.map((t) => [t.id, t] as const))('%s: the model sheet’s SIMULATE cells show the engine’s statistics, AEP and OEP for its inputs', (_, t) => {
  const { b, read, at, inputs } = built(t);
  const stats = engine(t, 'stats');
  const aep = engine(t, 'aep');
  const oep = engine(t, 'oep');
  // The stats block spills 14×2 from its anchor: label, value.
  const anchor = b.refs.stats.split(':')[0];
  for (let k = 0; k < STATS_ROWS; k++) {
    expect(read(shift(anchor, k))).toBe(stats[k][0]);
    expect(read(shift(anchor, k, 1))).toBe(stats[k][1]);
  }
  expect(at('aal')).toBe(stats[0][1]);
  expect(at('se')).toBe(stats[2][1]);
  expect(at('aal')).toBeGreaterThan(0);
  // AEP and OEP: the return periods 2 … 1000 with their amounts; OEP never above AEP.
  const aepAnchor = b.refs.aep.split(':')[0];
  const oepAnchor = b.refs.oep.split(':')[0];
  RETURN_PERIODS.forEach((T, k) => {
    expect(read(shift(aepAnchor, k))).toBe(T);
    expect(read(shift(aepAnchor, k, 1))).toBe(aep[k][1]);
    expect(read(shift(oepAnchor, k, 1))).toBe(oep[k][1]);
    expect(oep[k][1]).toBeLessThanOrEqual(aep[k][1]);
  });
  expect(at('aep100')).toBe(aep[6][1]);
  // Each cover's AAL (with its sub-covers) is the engine's `cover` statistic; the top-level
  // covers' AALs add up to the policy's (every payment belongs to exactly one top-level cover).
  const coverCells = b.refs.coverAal.split(':')[0];
  let topLevel = 0;
  inputs.covers.forEach((row, k) => {
    const v = read(shift(coverCells, k)) as number;
    expect(v).toBe(engine(t, 'stats', String(row[0]))[0][1]);
    if (row[1] === null || row[1] === '') topLevel += v;
  });
  expect(topLevel).toBeCloseTo(stats[0][1], 6);
  // Every result is a live formula over the input cells (never a pasted value).
  const formula = (address: string) => (b.spec.cells.find((c) => c.address === address)?.input as { formula: string }).formula;
  expect(formula(anchor)).toBe(`=CYBER.SIMULATE(${b.refs.frequency},${b.refs.events},${b.refs.covers},${b.refs.policyAggregate},${b.refs.policyPerClaim},${b.refs.years},${b.refs.seed},"stats")`);
  // The AEP chart: numeric return periods as x values (Excel then draws one series), the amounts
  // read from the spilled block.
  const chart = b.spec.charts!.find((c) => c.kind === 'line')!;
  const [first, last] = chart.dataAddress.split(':');
  expect(b.spec.cells.find((c) => c.address === first)?.input).toBe(2);
  expect(chartLabelsAreNumbers(b.spec, chart)).toBeDefined();
  expect(read(last)).toBe(aep[10][1]);
  expect(read(shift(first, 6, 1))).toBe(aep[6][1]);
});

test('the covers trees are the limits templates’ own (Samsung’s table, LMCIT’s liability tree)', () => {
  const samsung = SAMSUNG_SIMULATION.sections.flatMap((s) => s.fields).find((f) => f.key === 'covers')!.default;
  expect(samsung).toBe(SAMSUNG_TEMPLATE.sections.flatMap((s) => s.fields).find((f) => f.key === 'covers')!.default);
  const { inputs } = built(SAMSUNG_SIMULATION);
  // 第二十四条: policy aggregate 7,500,000 and per claim 2,500,000, as the limits template.
  expect([inputs.policyAggregate, inputs.policyPerClaim]).toEqual([7500000, 2500000]);
  expect(inputs.covers.find((r) => r[0] === 'PCI')).toEqual(['PCI', 'REG', 250000, 250000, 50000, 'aggregate']);
  const lmcit = built(LMCIT_SIMULATION).inputs;
  const liability = LMCIT_TEMPLATE.probes.find((p) => p.fn === 'ALLOCATE')!.args(validateFormValues(LMCIT_TEMPLATE))[1] as unknown[][];
  for (const row of liability) expect(lmcit.covers.find((r) => r[0] === row[0])?.slice(0, 4)).toEqual((row as unknown[]).slice(0, 4));
  // CPIC 第十三条: the overall 责任限额 3,000,000 is the policy aggregate; no policy per-claim limit.
  const cpic = built(CPIC_SIMULATION).inputs;
  expect([cpic.policyAggregate, cpic.policyPerClaim]).toEqual([3000000, null]);
  expect(cpic.covers.map((r) => [r[0], r[3], r[4]])).toEqual([
    ['BI', 3000000, 56000],
    ['CONT', 500000, 20000],
    ['CRISIS', 500000, null],
  ]);
});

function validateFormValues(t: typeof LMCIT_TEMPLATE) {
  const v = validateForm(t, defaultInputs(t));
  if (!v.ok) throw new Error('invalid');
  return v.values;
}

test('ISO crime: one cover, no aggregate — the closed-form OEP (CYBER.OEPLOSS) is written beside the simulated OEP', () => {
  const { b, read } = built(ISO_SIMULATION);
  const closedAnchor = b.refs.oepClosed.split(':')[0];
  const oep = engine(ISO_SIMULATION, 'oep');
  // poisson(0.3): a year has an event with probability 1 − e^−0.3 = 0.259, below 1/2, so at T = 2
  // no year pays: 0. Above: min(250,000, OEPLOSS − 1,000).
  expect(read(closedAnchor)).toBe(0);
  expect(oep[0][1]).toBe(0);
  for (const [k, T] of [...RETURN_PERIODS.entries()].slice(1)) {
    const q = evaluate('OEPLOSS', ['poisson(0.3)', 'lognormal(10, 1.6)', T]);
    if (!q.ok) throw new Error('OEPLOSS');
    expect(read(shift(closedAnchor, k))).toBeCloseTo(Math.min(250000, Math.max(0, (q.value as number) - 1000)), 6);
  }
  // 10,000 years: at T = 5, 10 and 20 the simulated OEP lies near the closed form (2,000, 1,000
  // and 500 years exceed it: well inside 15%).
  for (const k of [1, 2, 3]) {
    const closed = read(shift(closedAnchor, k)) as number;
    expect(Math.abs(oep[k][1] - closed) / closed).toBeLessThan(0.15);
  }
  // No closed form where it does not apply (a tree with several covers).
  expect(built(SAMSUNG_SIMULATION).b.refs.oepClosed).toBeUndefined();
});

test('invalid entries are flagged in both languages by the engine’s own checks, and nothing is written', async () => {
  const t = SAMSUNG_SIMULATION;
  const check = (changes: Record<string, string>) => {
    const v = validateForm(t, { ...defaultInputs(t), ...changes });
    if (v.ok) throw new Error(`valid: ${JSON.stringify(changes)}`);
    return v.errors;
  };
  const frequency = check({ frequency: 'poisson(-1)' });
  expect(frequency.frequency.en).toMatch(/lambda|frequency/i);
  expect(frequency.frequency.zh).toMatch(/[\u4e00-\u9fff]/);
  const unknown = check({ events: 'NOPE; 50%; lognormal(10, 1)' });
  expect(unknown.events.en).toMatch(/NOPE/);
  expect(check({ events: 'IR; 150%; lognormal(10, 1)' }).events.en).toMatch(/0 to 1|fraction|percentage/i);
  expect(check({ events: 'IR; 50%; lognormal(10, -1)' }).events.en).toMatch(/sigma/);
  expect(check({ years: '0' }).years.en).toBe('Must be at least 1.');
  expect(check({ years: '1,000,001' }).years.en).toBe('Must be at most 1,000,000.');
  expect(check({ seed: '4,294,967,296' }).seed.zh).toBe('不得大于 4,294,967,295。');
  expect(check({ seed: '1.5' }).seed.en).toBe('Must be a whole number.');
  const fake = new FakeGateway();
  const result = await buildTemplate(fake, t, { ...defaultInputs(t), frequency: 'poisson(-1)' });
  expect(result.ok).toBe(false);
  expect(fake.addedSheets).toHaveLength(0);
});
