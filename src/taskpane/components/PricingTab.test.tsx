/**
 * The Pricing tab (catalogue section 10): entries checked like the templates' (bilingual messages
 * beside the field), every figure from the engine's cell functions, the exceedance curve from the
 * same S the functions use, and a sheet of live CYBER formulas on the severity cell that gives
 * exactly the pane's figures when HyperFormula evaluates it. Rendered to strings (Jest runs in
 * Node without a DOM here; no testing library is installed), so values are asserted on the markup
 * and on the pure module.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { evaluate, NO_LIMIT, type RawArgument } from '../../engine';
import { App } from '../App';
import {
  curveGeometry,
  decadeLabel,
  DEFAULT_ENTRIES,
  exceedanceCurve,
  logAxis,
  parseLayers,
  type PricingEntries,
  pricingFigures,
  pricingSheet,
  validatePricing,
  type ValidPricing,
  writePricingSheet,
} from '../pricing';
import { FakeGateway } from '../testing/fakeGateway';
import { hyperFormulaCompute } from '../testing/sheetEval';
import { PricingTab } from './PricingTab';

const entries = (patch: Partial<PricingEntries>): PricingEntries => ({ ...DEFAULT_ENTRIES, ...patch });

function valid(e: PricingEntries): ValidPricing {
  const v = validatePricing(e);
  if (!v.ok) throw new Error(`expected valid entries: ${JSON.stringify(v)}`);
  return v;
}

function invalid(e: PricingEntries) {
  const v = validatePricing(e);
  if (v.ok) throw new Error('expected errors');
  return v;
}

/** A cell function's value (a test of the pane compares with the cell, never a second formula). */
function cell(name: string, args: RawArgument[]): number {
  const r = evaluate(name, args);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value as number;
}

const value = (f: { ok: boolean; value?: number }) => {
  if (!f.ok) throw new Error('expected a value');
  return f.value as number;
};

describe('the severity', () => {
  it('a 90% interval 100,000 to 1,000,000 gives riskquant’s lognormal, mean 404,001.28269457', () => {
    const v = valid(DEFAULT_ENTRIES);
    expect(v.severity).toBe('lognormal(12.664218011467252,0.699936169171963)');
    expect(v.source).toEqual({ kind: 'dist', family: 'lognormal', a: 100000, b: 1000000, form: 'ci90' });
    const f = pricingFigures(v);
    expect(value(f.mean)).toBeCloseTo(404001.28269457, 6);
    // The ends of the interval are the 5th and 95th percentiles.
    expect(cell('QUANTILE', [v.severity, 0.95])).toBeCloseTo(1000000, 4);
    expect(value(f.median)).toBeCloseTo(Math.sqrt(1e5 * 1e6), 5);
  });

  it('mean and CV: lognormal, gamma and Lomax through CYBER.DIST "meancv"', () => {
    const g = valid(entries({ form: 'meancv', family: 'gamma', a: '500,000', b: '0.5' }));
    expect(g.severity).toBe('gamma(4,125000)');
    const l = valid(entries({ form: 'meancv', family: 'lomax', a: '100,000', b: '2' }));
    expect(l.severity).toBe(cell('DIST', ['lomax', 100000, 2, 'meancv']));
    expect(value(pricingFigures(l).mean)).toBeCloseTo(100000, 6);
  });

  it('family and parameters: two-parameter families through CYBER.DIST, the others as their text', () => {
    expect(valid(entries({ form: 'params', family: 'lognormal', params: ['12', '2'] })).source).toEqual({ kind: 'dist', family: 'lognormal', a: 12, b: 2, form: 'params' });
    const p = valid(entries({ form: 'params', family: 'pert', params: ['0', '0.5', '1', ''] }));
    expect(p.severity).toBe('pert(0,0.5,1)');
    expect(valid(entries({ form: 'params', family: 'pert', params: ['0', '5', '10', '2'] })).severity).toBe('pert(0,5,10,2)');
    // pareto1(3, 2): mean 3 and median 2.5198420997897 (a popular library answers 12 and 8.485).
    const f = pricingFigures(valid(entries({ form: 'params', family: 'pareto1', params: ['3', '2'] })));
    expect(value(f.mean)).toBe(3);
    expect(value(f.median)).toBeCloseTo(2.5198420997897, 12);
  });

  it('a bad entry is marked beside its field, in both languages, and nothing is valid', () => {
    const v = invalid(entries({ form: 'ci90', a: '1,000,000', b: '100,000' }));
    expect(v.errors.b.en).toContain('b');
    expect(v.errors.b.zh).toMatch(/[\u4e00-\u9fff]/);
    const s = invalid(entries({ form: 'params', family: 'lognormal', params: ['12', '-1'] }));
    expect(s.errors.p1).toEqual({ en: 'Must be greater than 0.', zh: '必须大于 0。' });
    const t = invalid(entries({ form: 'params', family: 'gamma', params: ['two', '5'] }));
    expect(t.errors.p0.en).toBe('“two” is not a number; write it like 1,250,000 or 1250000.50.');
    // A rule between parameters comes from the engine, naming the parameter.
    const m = invalid(entries({ form: 'params', family: 'pert', params: ['0', '20', '10', ''] }));
    expect(m.formErrors[0].en).toContain('mode');
    expect(m.formErrors[0].zh).toContain('mode');
    const base = invalid(entries({ base: '0' }));
    expect(base.errors.base).toEqual({ en: 'Must be greater than 0.', zh: '必须大于 0。' });
  });
});

describe('the layers', () => {
  it('reads attachment; limit lines, “no limit” words and 1e308 as no limit', () => {
    const p = parseLayers('0; 250,000\n250000\t750000\n\n5,000,000; no limit\n1e6; 无限额\n0; 1e308');
    expect(p.ok && p.value).toEqual([
      { attachment: 0, limit: 250000 },
      { attachment: 250000, limit: 750000 },
      { attachment: 5000000, limit: NO_LIMIT },
      { attachment: 1000000, limit: NO_LIMIT },
      { attachment: 0, limit: NO_LIMIT },
    ]);
    const bad = parseLayers('0; 100\n-5; 100');
    expect(!bad.ok && bad.error).toEqual({ en: 'Line 2: Attachment: Must be 0 or more.', zh: '第 2 行：起赔点：不得为负数。' });
    const cols = parseLayers('100');
    expect(!cols.ok && cols.error.en).toBe('Line 1: each line needs an attachment and a limit separated by “;” or a tab.');
  });

  it('Poisson λ = 2, lognormal(12, 2): the layer 1,000,000 xs 100,000 has expected loss 290,196.705352 per loss', () => {
    const v = valid(entries({ form: 'params', family: 'lognormal', params: ['12', '2'], layers: '100,000; 1,000,000\n0; no limit', base: '100,000' }));
    const [layer, ground] = pricingFigures(v).layers;
    expect(value(layer.mean)).toBeCloseTo(290196.705352, 5);
    expect(value(layer.prob)).toBeCloseTo(1 - cell('CDF', ['lognormal(12,2)', 100000]), 15);
    expect(value(layer.sd)).toBe(cell('LAYERLOSS', ['lognormal(12,2)', 100000, 1000000, 1, 'sd']));
    // ILF of 1,100,000 against 100,000: LEV(1.1M) / LEV(100k).
    const lev = (u: number) => cell('LEV', ['lognormal(12,2)', u]);
    expect(value(layer.ilf)).toBeCloseTo(lev(1100000) / lev(100000), 14);
    // The ground-up unlimited layer is the mean; its ILF is E[X] / LEV(base).
    expect(value(ground.mean)).toBeCloseTo(Math.exp(14), 4);
    expect(value(ground.prob)).toBe(1);
    expect(value(ground.ilf)).toBeCloseTo(Math.exp(14) / lev(100000), 12);
  });

  it('an infinite moment is the cell’s #NUM! with its message, not a number', () => {
    const v = valid(entries({ form: 'params', family: 'lomax', params: ['1.5', '100000'], layers: '0; no limit', base: '100000' }));
    const [row] = pricingFigures(v).layers;
    expect(value(row.mean)).toBeCloseTo(200000, 6);
    expect(row.sd.ok).toBe(false);
    if (!row.sd.ok) {
      expect(row.sd.code).toBe('#NUM!');
      expect(row.sd.message.en).toContain('second moment');
    }
  });
});

describe('the exceedance curve', () => {
  it('samples S(x) from the 0.1% quantile to the 1-in-10,000 loss, the engine’s S at each point', () => {
    const sev = 'lognormal(12,2)';
    const pts = exceedanceCurve(sev, 40);
    expect(pts).toHaveLength(40);
    expect(pts[0].s).toBeCloseTo(0.999, 12);
    expect(pts[39].s).toBeCloseTo(1e-4, 15);
    for (const p of pts.filter((_, i) => i % 7 === 0)) expect(p.s).toBeCloseTo(1 - cell('CDF', [sev, p.x]), 14);
    for (let i = 1; i < pts.length; i++) {
      expect(pts[i].x).toBeGreaterThan(pts[i - 1].x);
      expect(pts[i].s).toBeLessThan(pts[i - 1].s);
    }
    expect(exceedanceCurve('constant(500)')).toEqual([]);
  });

  it('log axes over whole decades, labelled 10ⁿ in both languages', () => {
    expect(logAxis(3e4, 2.7e7)).toEqual({ min: 1e4, max: 1e8, ticks: [1e4, 1e5, 1e6, 1e7, 1e8] });
    expect(logAxis(1e-4, 1).ticks).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    expect([1, 10, 1e6, 1e-3].map(decadeLabel)).toEqual(['1', '10', '10⁶', '10⁻³']);
    const g = curveGeometry([{ x: 1e4, s: 1 }, { x: 1e6, s: 1e-2 }], [1e5]);
    // Straight on log–log axes: the midpoint decade of x is the midpoint decade of S.
    expect(g.path).toBe('M40,8 L292,176');
    expect(g.attachments).toEqual([{ value: 1e5, at: 166 }]);
  });
});

describe('the sheet', () => {
  it('writes the severity and live CYBER formulas on its cell; HyperFormula gives the pane’s very figures', async () => {
    const gateway = new FakeGateway(hyperFormulaCompute);
    const e = entries({ layers: '0; 250,000\n250,000; 750,000\n5,000,000; no limit', base: '1,000,000', alae: '1,000' });
    const r = await writePricingSheet(gateway, e, 'en');
    if (!r.ok) throw new Error('not written');
    expect(r.sheet).toBe('Pricing');
    const cells = new Map(gateway.addedSheets[0].cells.map((c) => [c.address, c.input]));
    const sev = r.layout.severity;
    expect(cells.get(sev)).toEqual({ formula: '=CYBER.DIST(C6,C7,C8,C9)' });
    expect(sev).toBe('C10');
    expect(cells.get('C6')).toBe('lognormal');
    expect(cells.get('C9')).toBe('ci90');
    const first = r.layout.layers[0];
    const row = /[0-9]+$/.exec(first.mean)![0];
    expect(cells.get(first.mean)).toEqual({ formula: `=CYBER.LAYERLOSS($C$10,A${row},B${row},1,"mean")` });
    expect(cells.get(first.ilf)).toEqual({ formula: `=CYBER.ILF($C$10,A${row}+B${row},$C$16,$C$17)` });
    expect(cells.get(r.layout.layers[2].mean.replace('C', 'B'))).toBe(NO_LIMIT);

    const figures = pricingFigures(valid(e));
    const read = async (a: string) => (await gateway.readRange(`Pricing!${a}`))[0][0];
    expect(await read(sev)).toBe(figures.severity);
    for (let i = 0; i < figures.layers.length; i++) {
      const f = figures.layers[i];
      const at = r.layout.layers[i];
      expect(await read(at.mean)).toBe(value(f.mean));
      expect(await read(at.sd)).toBe(value(f.sd));
      expect(await read(at.prob)).toBe(value(f.prob));
      expect(await read(at.ilf)).toBe(value(f.ilf));
    }
  });

  it('a severity given as text is an input cell; the Chinese pane names the sheet 定价', () => {
    const v = valid(entries({ form: 'params', family: 'exponential', params: ['1000'], layers: '0; 500' }));
    const s = pricingSheet(v, 'zh');
    expect(s.spec.name).toBe('定价');
    expect(s.spec.cells.find((c) => c.address === s.severity)?.input).toBe('exponential(1000)');
    expect(s.spec.cells.find((c) => c.address === 'A1')?.input).toBe('Pricing from a loss distribution 损失分布定价');
  });

  it('invalid entries write nothing', async () => {
    const gateway = new FakeGateway();
    expect(await writePricingSheet(gateway, entries({ base: '-1' }), 'en')).toEqual({ ok: false });
    expect(gateway.addedSheets).toHaveLength(0);
  });
});

describe('the tab', () => {
  it('shows the severity, the curve and the layer table with the engine’s figures (English)', () => {
    const html = renderToStaticMarkup(<PricingTab gateway={new FakeGateway()} language="en" />);
    expect(html).toContain('lognormal(12.664218011467252,0.699936169171963)');
    expect(html).toContain('404,001.28');
    expect(html).toContain('data-chart="exceedance"');
    expect(html).toMatch(/data-curve="S" [^>]*d="M[0-9.]+,[0-9.]+( L[0-9.]+,[0-9.]+){59}"|d="M[0-9.]+,[0-9.]+( L[0-9.]+,[0-9.]+){59}"[^>]*data-curve="S"/);
    const v = valid(DEFAULT_ENTRIES);
    const f = pricingFigures(v);
    const m = value(f.layers[1].mean).toLocaleString('en-US', { maximumFractionDigits: 2 });
    expect(html).toContain(m);
    expect(html).toContain('no limit');
    expect(html).toContain('Write the pricing sheet');
  });

  it('in Chinese, with an error beside the field', () => {
    const html = renderToStaticMarkup(<PricingTab gateway={new FakeGateway()} language="zh" initial={entries({ base: 'abc' })} />);
    expect(html).toContain('生成定价工作表');
    expect(html).toContain('“abc”不是数字');
    expect(html).not.toContain('Write the pricing sheet');
  });

  it('is a tab of the pane', () => {
    // In the pane the tab is a chunk of its own, loaded when first opened (App renders a spinner for it meanwhile).
    const html = renderToStaticMarkup(<App gateway={new FakeGateway(undefined, 'zh-CN')} initialTab="pricing" />);
    expect(html).toContain('>定价<');
    expect(renderToStaticMarkup(<PricingTab gateway={new FakeGateway(undefined, 'zh-CN')} language="zh" />)).toContain('超越曲线');
  });
});

test('a family the form cannot make is marked, in both languages', () => {
  const v = invalid(entries({ form: 'ci90', family: 'gamma' }));
  expect(v.errors.family).toEqual({ en: 'Choose one of: lognormal.', zh: '请选择：lognormal。' });
});
