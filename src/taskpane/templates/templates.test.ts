/**
 * Each template, built from its default (seed) entries, evaluated cell by cell through
 * HyperFormula + the CYBER plugin (the workbench and CLI path), gives the hand-checked figures of
 * examples/README.md. Also: formulas are live (never pasted values), inputs are named, invalid
 * entries are flagged in both languages and never reach the workbook.
 */
import { FakeGateway } from '../testing/fakeGateway';
import { evaluateSpec } from '../testing/sheetEval';
import { CPIC_TEMPLATE } from './cpic';
import { buildTemplate, defaultInputs, parseDate, parseNumber, validateForm } from './form';
import { TEMPLATES } from './index';
import { ISO_TEMPLATE } from './iso';
import { LMCIT_TEMPLATE } from './lmcit';
import { SAMSUNG_TEMPLATE } from './samsung';
import type { TemplateDefinition } from './types';

function buildDefault(t: TemplateDefinition) {
  const v = validateForm(t, defaultInputs(t));
  if (!v.ok) throw new Error(`${t.id} defaults invalid: ${JSON.stringify(v)}`);
  const built = t.build(v.values);
  return { built, read: evaluateSpec(built.spec) };
}

test('CPIC network interruption: 562,500 BI payout, 911,500 in all (examples/README.md §1)', () => {
  const { built, read } = buildDefault(CPIC_TEMPLATE);
  const at = (k: string) => read(built.refs[k]);
  expect(at('profitRate')).toBe(0.28);
  expect(at('insuredRatio')).toBe(0.7);
  expect(at('standardRevenue')).toBe(4140000);
  expect(at('annualRevenue')).toBe(40000000);
  expect(at('lostProfit')).toBe(680000);
  expect(at('prevention')).toBe(126000);
  // (806,000 − 56,000) × 8,400,000 / 11,200,000 = 562,500 (under-insured), within 3,000,000.
  expect(at('biPayout')).toBe(562500);
  expect(at('contPayout')).toBe(250000);
  expect(at('crisisPayout')).toBe(99000);
  expect(read(built.payout)).toBe(911500);
  // The chart: loss → deductible → under-insurance and limits → payable.
  expect([0, 1, 2, 3].map((i) => read(built.refs[`chart.${i}`]))).toEqual([806000, 56000, 187500, 562500]);
});

test('Samsung: claims settle to 7,245,000; hourly BI 3,840,000; reputational 4,600,000 under the 1,000,000 daily cap', () => {
  const { built, read } = buildDefault(SAMSUNG_TEMPLATE);
  const at = (k: string) => read(built.refs[k]);
  expect(at('claimed')).toBe(8750000);
  expect(at('claimsPayable')).toBe(7245000);
  // 72 h × 100,000 × 60% = 4,320,000; waiting deductible 8 h × 60,000 = 480,000 > 250,000.
  expect(at('waitingDeductible')).toBe(480000);
  expect(at('hourlyBi')).toBe(3840000);
  // 120 h − 12 h waiting = 108 h × 50,000: four 24-h blocks of 1,200,000 capped at 1,000,000, then 600,000.
  expect(at('reputational')).toBe(4600000);
  expect(read(built.payout)).toBe(15685000);
  expect(read(built.refs.allocate)).toBe('payable');
  // REMAINING beside the covers: SEC used up by E6.
  expect(read(built.refs.remaining.split(':')[0])).toBe(0);
  const dailyCap = built.spec.cells.find((c) => c.address === built.refs.dailyCap);
  expect(dailyCap?.input).toBe(1000000);
});

test('LMCIT: five yes answers → 500,000; the pool pays 375,000 × 10/10.24 = 366,210.9375; liability 5,350,000', () => {
  const { built, read } = buildDefault(LMCIT_TEMPLATE);
  const at = (k: string) => read(built.refs[k]);
  expect(at('memberLimit')).toBe(500000);
  expect(at('covered')).toBe(375000);
  expect(at('poolClaimed')).toBe(10240000);
  expect(read(built.payout)).toBe(366210.9375);
  expect(at('liabilityPayable')).toBe(5350000);
  expect(at('breachRemaining')).toBe(0);
  const input = (k: string) => built.spec.cells.find((c) => c.address === built.refs[k])?.input;
  expect([input('poolLimit'), input('poolRemaining'), input('perOccurrence'), input('breachAggregate'), input('pciSublimit')]).toEqual([10000000, 25000000, 2000000, 3000000, 250000]);
  // One "no" answer: the $250k aggregate.
  const v = validateForm(LMCIT_TEMPLATE, { ...defaultInputs(LMCIT_TEMPLATE), firewall: false });
  if (!v.ok) throw new Error('invalid');
  const b = LMCIT_TEMPLATE.build(v.values);
  expect(evaluateSpec(b.spec)(b.refs.memberLimit)).toBe(250000);
});

test('ISO crime: loss before the term, lower prior limit applies: min(100,000, 150,000 − 23,000 + 5,000 − 1,000) = 100,000', () => {
  const { built, read } = buildDefault(ISO_TEMPLATE);
  expect(read(built.refs.sustained)).toBe(false);
  expect(read(built.refs.effectiveLimit)).toBe(100000);
  expect(read(built.payout)).toBe(100000);
  expect([0, 1, 2, 3, 4].map((i) => read(built.refs[`chart.${i}`]))).toEqual([150000, 18000, 1000, 31000, 100000]);
  expect(built.spec.cells.find((c) => c.address === built.refs.specialLimit)?.input).toBe(5000);
  // Continuous cover with this insurer: the larger limit, and the loss above the special limit only.
  const v = validateForm(ISO_TEMPLATE, { ...defaultInputs(ISO_TEMPLATE), continuous: true });
  if (!v.ok) throw new Error('invalid');
  const b = ISO_TEMPLATE.build(v.values);
  expect(evaluateSpec(b.spec)(b.payout)).toBe(131000);
});

test.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: live formulas, named inputs, a chart, no evaluation errors', (_, t) => {
  const { built, read } = buildDefault(t);
  const formulas = built.spec.cells.filter((c) => c.input !== null && typeof c.input === 'object');
  expect(formulas.some((c) => /CYBER\./.test((c.input as { formula: string }).formula))).toBe(true);
  // Every result key is a formula cell.
  for (const [key, address] of Object.entries(built.refs)) {
    if (key.includes('.') || address.includes(':')) continue;
    const cell = built.spec.cells.find((c) => c.address === address);
    const named = built.spec.names?.some((n) => n.address === address);
    expect(named || (cell && typeof cell.input === 'object' && cell.input !== null)).toBe(true);
  }
  for (const c of formulas) expect(read(c.address)).not.toEqual(expect.objectContaining({ error: expect.any(String) }));
  expect(built.spec.charts).toHaveLength(1);
  expect(new Set(built.spec.names?.map((n) => n.name)).size).toBe(built.spec.names?.length);
  for (const n of built.spec.names ?? []) expect(n.name).toMatch(/^[A-Z]+_[A-Za-z0-9]+$/);
});

describe('validation', () => {
  test('numbers, percentages and dates as users type them', () => {
    expect(parseNumber('1,250,000', false)).toBe(1250000);
    expect(parseNumber('$5,000', false)).toBe(5000);
    expect(parseNumber('90%', true)).toBe(0.9);
    expect(parseNumber('0.1%', true)).toBe(0.001);
    expect(parseNumber('12abc', false)).toBeUndefined();
    expect(parseDate('2024-12-01')).toBe(45627);
    expect(parseDate('2024-02-30')).toBeUndefined();
  });

  test('each invalid entry gets its own message in both languages; engine rules apply across fields', () => {
    const v = validateForm(CPIC_TEMPLATE, {
      ...defaultInputs(CPIC_TEMPLATE),
      sumInsured: '-5',
      crisisReduction: '120%',
      incidentDate: '2024-13-01',
      durationHours: '7.5',
      history: '2023-01-01; 100\nnot a date; 5',
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors.sumInsured.en).toBe('Must be 0 or more.');
    expect(v.errors.sumInsured.zh).toBe('不得为负数。');
    expect(v.errors.crisisReduction.en).toMatch(/fraction from 0 to 1/);
    expect(v.errors.incidentDate.zh).toMatch(/yyyy-mm-dd/);
    expect(v.errors.durationHours.en).toBe('Must be a whole number.');
    expect(v.errors.history.en).toBe('Line 2: period start: Enter a date as yyyy-mm-dd, e.g. 2024-12-01.');
    expect(v.errors.history.zh).toMatch(/^第 2 行：期间起始日：/);

    // Each field parses, but the engine rejects the combination: its own message, on the field.
    const engine = validateForm(CPIC_TEMPLATE, { ...defaultInputs(CPIC_TEMPLATE), insuredMaintenance: '20,000,000' });
    expect(engine.ok).toBe(false);
    if (!engine.ok) expect(engine.errors.insuredMaintenance.en).toMatch(/CYBER\.PROFITRATE/);
    const crime = validateForm(ISO_TEMPLATE, { ...defaultInputs(ISO_TEMPLATE), specialLoss: '200,000' });
    expect(crime.ok).toBe(false);
    if (!crime.ok) expect(Object.keys(crime.errors)).toEqual(['specialLoss']);
    const tree = validateForm(SAMSUNG_TEMPLATE, { ...defaultInputs(SAMSUNG_TEMPLATE), covers: 'A; B; 1; 1; 0\nB; A; 1; 1; 0' });
    expect(tree.ok).toBe(false);
    if (!tree.ok) expect(tree.errors.covers.zh).toBeTruthy();
    const hours = validateForm(SAMSUNG_TEMPLATE, { ...defaultInputs(SAMSUNG_TEMPLATE), outageHours: '721' });
    expect(hours.ok).toBe(false);
  });

  test('nothing is written until the form is valid', async () => {
    const gateway = new FakeGateway();
    const bad = await buildTemplate(gateway, ISO_TEMPLATE, { ...defaultInputs(ISO_TEMPLATE), loss: 'lots' });
    expect(bad.ok).toBe(false);
    expect(gateway.addedSheets).toHaveLength(0);
    expect(gateway.log).toEqual([]);
    const good = await buildTemplate(gateway, ISO_TEMPLATE, defaultInputs(ISO_TEMPLATE));
    expect(good).toEqual({ ok: true, sheet: 'ISO crime 商业犯罪', payout: expect.stringMatching(/^C\d+$/) });
    expect(gateway.addedSheets).toHaveLength(1);
  });
});
