/**
 * The Pricing tab's logic (catalogue section 10), pure over the engine: reads and checks the
 * entries (a severity as family + parameters, mean + CV or a 90% interval; a layer table; a base
 * limit), computes every figure with the engine's own cell functions (CYBER.DIST, LAYERLOSS, ILF,
 * LEV, QUANTILE through `evaluate`, never a second implementation), samples the exceedance curve
 * S(x) from the engine's families table, and lays out the sheet it writes: the severity cell and
 * live CYBER formulas referring to it, so the sheet and the pane show the same doubles.
 */
import { evaluate, NO_LIMIT, parseSeverity, type RawArgument, SEVERITY_FAMILIES, type SeverityFamily, type Text } from '../engine';
import type { CellInput, SheetSpec, WorkbookGateway } from './gateway';
import { type Language, UI_TEXT } from './i18n';
import { parseField, parseNumber, splitTable } from './templates/form';
import { SheetBuilder } from './templates/sheetBuilder';
import type { FieldDef } from './templates/types';

export type SeverityForm = 'params' | 'meancv' | 'ci90';

export const SEVERITY_FORMS: readonly SeverityForm[] = ['params', 'meancv', 'ci90'];

/** The families each form can make, as CYBER.DIST defines them (catalogue section 10). */
export const FORM_FAMILIES: Readonly<Record<SeverityForm, readonly string[]>> = {
  params: SEVERITY_FAMILIES.map((f) => f.id),
  meancv: ['lognormal', 'gamma', 'lomax'],
  ci90: ['lognormal'],
};

/** CYBER.DIST "params" takes the two-parameter families; the others are written as their text. */
const DIST_PARAMS = ['lognormal', 'lomax', 'pareto1', 'gamma', 'weibull'];

/** Most layers in the table (one sheet row each). */
export const MAX_LAYERS = 50;

/** What the form holds, as typed. */
export interface PricingEntries {
  readonly form: SeverityForm;
  readonly family: string;
  /** "params": the family's parameters in order (a trailing optional one may be blank). */
  readonly params: readonly string[];
  /** "meancv": the mean; "ci90": the low end of the 90% interval. */
  readonly a: string;
  /** "meancv": the coefficient of variation; "ci90": the high end. */
  readonly b: string;
  /** One layer per line: attachment; limit. */
  readonly layers: string;
  readonly base: string;
  readonly alae: string;
}

/** Starting parameters of each family when it is chosen in the "params" form. */
export const DEFAULT_PARAMS: Readonly<Record<string, readonly string[]>> = {
  lognormal: ['12', '2'],
  lomax: ['3', '200,000'],
  pareto1: ['3', '50,000'],
  gamma: ['2', '50,000'],
  weibull: ['0.7', '100,000'],
  exponential: ['100,000'],
  pert: ['0', '50,000', '1,000,000', ''],
  constant: ['250,000'],
};

/**
 * The form's start: the lognormal of riskquant's README example, calibrated from the 90% interval
 * 100,000 to 1,000,000 (mean 404,001.28…, catalogue issue 13), and a small layer tower.
 */
export const DEFAULT_ENTRIES: PricingEntries = {
  form: 'ci90',
  family: 'lognormal',
  params: DEFAULT_PARAMS.lognormal,
  a: '100,000',
  b: '1,000,000',
  layers: '0; 250,000\n250,000; 750,000\n1,000,000; 4,000,000\n5,000,000; no limit',
  base: '1,000,000',
  alae: '0',
};

export interface Layer {
  readonly attachment: number;
  /** NO_LIMIT (1e308) for a layer without a limit. */
  readonly limit: number;
}

/** A severity as the sheet will hold it: CYBER.DIST's inputs, or the text itself. */
export type SeveritySource =
  | { readonly kind: 'dist'; readonly family: string; readonly a: number; readonly b: number; readonly form: SeverityForm }
  | { readonly kind: 'text'; readonly text: string };

export interface ValidPricing {
  readonly ok: true;
  /** The severity text (CYBER.DIST's result, or the text written directly). */
  readonly severity: string;
  readonly source: SeveritySource;
  readonly layers: readonly Layer[];
  readonly base: number;
  readonly alae: number;
}

export type PricingValidation = ValidPricing | { readonly ok: false; readonly errors: Readonly<Record<string, Text>>; readonly formErrors: readonly Text[] };

function both(pick: (t: (typeof UI_TEXT)['en']) => string): Text {
  return { en: pick(UI_TEXT.en), zh: pick(UI_TEXT.zh) };
}

export function findFamily(id: string): SeverityFamily | undefined {
  return SEVERITY_FAMILIES.find((f) => f.id === id);
}

/** Words that mean "no limit" in the layer table, besides 1e308 itself. */
const NO_LIMIT_WORDS = /^(no\s*limit|unlimited|none|inf(inity)?|∞|无限额|无限|不限)$/i;

type Parsed<T> = { ok: true; value: T } | { ok: false; error: Text };

function amountField(key: string, extra: Partial<FieldDef> = {}): FieldDef {
  return { key, label: { en: key, zh: key }, kind: 'amount', default: '', ...extra };
}

function parseAmount(text: string, extra: Partial<FieldDef> = {}): Parsed<number> {
  const p = parseField(amountField('x', extra), text);
  return p.ok ? { ok: true, value: p.value as number } : p;
}

/** A parameter of the family (any sign unless its rule says otherwise), checked by its own rule. */
function parseParam(f: SeverityFamily, i: number, text: string): Parsed<number | undefined> {
  const def = f.params[i];
  if (text.trim() === '') {
    if (def.default !== undefined) return { ok: true, value: undefined };
    return { ok: false, error: both((t) => t.form.required) };
  }
  const n = parseNumber(text, false);
  if (n === undefined) return { ok: false, error: both((t) => t.form.notNumber(text.trim())) };
  const r = def.rule;
  if (r.greaterThan !== undefined && !(n > r.greaterThan)) return { ok: false, error: both((t) => t.form.greaterThan(String(r.greaterThan))) };
  if (r.min !== undefined && n < r.min) return { ok: false, error: both((t) => (r.min === 0 ? t.form.negative : t.form.atLeast(String(r.min)))) };
  if (r.max !== undefined && n > r.max) return { ok: false, error: both((t) => t.form.atMost(String(r.max))) };
  return { ok: true, value: n };
}

function parsePlain(text: string): Parsed<number> {
  if (text.trim() === '') return { ok: false, error: both((t) => t.form.required) };
  const n = parseNumber(text, true);
  return n === undefined ? { ok: false, error: both((t) => t.form.notNumber(text.trim())) } : { ok: true, value: n };
}

/** The layer table: lines of "attachment; limit". */
export function parseLayers(text: string): Parsed<Layer[]> {
  const lines = splitTable(text);
  if (lines.length === 0) return { ok: false, error: both((t) => t.form.fewRows(1)) };
  if (lines.length > MAX_LAYERS) return { ok: false, error: both((t) => t.pricing.tooManyLayers(MAX_LAYERS)) };
  const out: Layer[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i];
    const line = (e: Text): Parsed<never> => ({ ok: false, error: { en: UI_TEXT.en.form.line(i + 1, e.en), zh: UI_TEXT.zh.form.line(i + 1, e.zh) } });
    if (cells.length !== 2) return line(both((t) => t.pricing.layerColumns));
    const att = parseAmount(cells[0]);
    if (!att.ok) return line({ en: `${UI_TEXT.en.pricing.attachment}: ${att.error.en}`, zh: `${UI_TEXT.zh.pricing.attachment}：${att.error.zh}` });
    let limit: number;
    if (NO_LIMIT_WORDS.test(cells[1].trim())) limit = NO_LIMIT;
    else {
      const l = parseAmount(cells[1]);
      if (!l.ok) return line({ en: `${UI_TEXT.en.pricing.limit}: ${l.error.en}`, zh: `${UI_TEXT.zh.pricing.limit}：${l.error.zh}` });
      limit = l.value >= NO_LIMIT ? NO_LIMIT : l.value;
    }
    out.push({ attachment: att.value, limit });
  }
  return { ok: true, value: out };
}

/**
 * Reads every entry; when they parse, runs the engine on them (CYBER.DIST builds the severity and
 * names a bad parameter; CYBER.ILF checks the base limit), so what the pane accepts is exactly
 * what the sheet's formulas accept. Nothing is written here.
 */
export function validatePricing(e: PricingEntries): PricingValidation {
  const errors: Record<string, Text> = {};
  const formErrors: Text[] = [];
  let source: SeveritySource | undefined;
  const family = findFamily(e.family);
  if (!family || !FORM_FAMILIES[e.form].includes(e.family)) {
    const families = FORM_FAMILIES[e.form].join(', ');
    errors.family = both((t) => t.pricing.chooseFamily(families));
  } else if (e.form === 'params') {
    const values: number[] = [];
    family.params.forEach((_, i) => {
      const p = parseParam(family, i, e.params[i] ?? '');
      if (!p.ok) errors[`p${i}`] = p.error;
      else if (p.value !== undefined) values.push(p.value);
    });
    if (!Object.keys(errors).length) {
      source = DIST_PARAMS.includes(family.id)
        ? { kind: 'dist', family: family.id, a: values[0], b: values[1], form: 'params' }
        : { kind: 'text', text: `${family.id}(${values.map(String).join(',')})` };
    }
  } else {
    // A mean and the ends of an interval are amounts; a CV is a plain number (50% allowed).
    const a = parseAmount(e.a);
    const b = e.form === 'ci90' ? parseAmount(e.b) : parsePlain(e.b);
    if (!a.ok) errors.a = a.error;
    if (!b.ok) errors.b = b.error;
    if (a.ok && b.ok) source = { kind: 'dist', family: family.id, a: a.value, b: b.value, form: e.form };
  }
  const layers = parseLayers(e.layers);
  if (!layers.ok) errors.layers = layers.error;
  const base = parseAmount(e.base, { greaterThan: 0 });
  if (!base.ok) errors.base = base.error;
  const alae = parseAmount(e.alae);
  if (!alae.ok) errors.alae = alae.error;

  let severity: string | undefined;
  if (source) {
    if (source.kind === 'dist') {
      const r = evaluate('DIST', [source.family, source.a, source.b, source.form]);
      if (r.ok) severity = r.value as string;
      else {
        const field = r.error.argument === 'a' ? (source.form === 'params' ? 'p0' : 'a') : r.error.argument === 'b' ? (source.form === 'params' ? 'p1' : 'b') : r.error.argument === 'family' ? 'family' : undefined;
        if (field) errors[field] = r.error.message;
        else formErrors.push(r.error.message);
      }
    } else {
      // A text the cell functions must accept (PERT's mode between min and max, say).
      const r = evaluate('CDF', [source.text, 0]);
      if (r.ok) severity = source.text;
      else formErrors.push(r.error.message);
    }
  }
  if (severity !== undefined && base.ok && alae.ok) {
    const r = evaluate('ILF', [severity, base.value, base.value, alae.value]);
    if (!r.ok) errors.base = r.error.message;
  }
  if (Object.keys(errors).length || formErrors.length || severity === undefined || !source || !layers.ok || !base.ok || !alae.ok) {
    return { ok: false, errors, formErrors };
  }
  return { ok: true, severity, source, layers: layers.value, base: base.value, alae: alae.value };
}

// ---- the figures --------------------------------------------------------------------------------

/** One figure as a cell would show it: its value, or its error with the engine's message. */
export type Figure = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly code: string; readonly message: Text };

function figure(name: string, args: RawArgument[]): Figure {
  const r = evaluate(name, args);
  return r.ok ? { ok: true, value: r.value as number } : { ok: false, code: r.error.code, message: r.error.message };
}

export interface LayerFigures {
  readonly layer: Layer;
  readonly mean: Figure;
  readonly sd: Figure;
  readonly prob: Figure;
  readonly ilf: Figure;
}

export interface PricingFigures {
  readonly severity: string;
  readonly mean: Figure;
  readonly median: Figure;
  readonly q99: Figure;
  readonly layers: readonly LayerFigures[];
}

/** The top of a layer as the sheet's A + B gives it (the ILF's limit). */
export const layerTop = (l: Layer): number => l.attachment + l.limit;

/** Every figure of the tab, each from the cell function the sheet will hold. */
export function pricingFigures(v: ValidPricing): PricingFigures {
  const s = v.severity;
  return {
    severity: s,
    mean: figure('LEV', [s, NO_LIMIT]),
    median: figure('QUANTILE', [s, 0.5]),
    q99: figure('QUANTILE', [s, 0.99]),
    layers: v.layers.map((layer) => ({
      layer,
      mean: figure('LAYERLOSS', [s, layer.attachment, layer.limit, 1, 'mean']),
      sd: figure('LAYERLOSS', [s, layer.attachment, layer.limit, 1, 'sd']),
      prob: figure('LAYERLOSS', [s, layer.attachment, layer.limit, 1, 'prob']),
      ilf: figure('ILF', [s, layerTop(layer), v.base, v.alae]),
    })),
  };
}

// ---- the exceedance curve ------------------------------------------------------------------------

export interface CurvePoint {
  readonly x: number;
  readonly s: number;
}

/**
 * S(x) = P(X > x) at `n` amounts spaced evenly on a log scale, from the 0.1% quantile to the
 * 1-in-10,000 loss, from the engine's families table (the same S the cell functions use). Points
 * where S is 0 are left out (no place on a log scale); a single-valued severity has no curve.
 */
export function exceedanceCurve(severity: string, n = 60): CurvePoint[] {
  const d = parseSeverity(severity);
  const lo = d.isf(0.999);
  const hi = d.isf(1e-4);
  if (!(lo > 0) || !(hi > lo) || !Number.isFinite(hi)) return [];
  const out: CurvePoint[] = [];
  const ratio = Math.log(hi / lo);
  for (let i = 0; i < n; i++) {
    const x = i === n - 1 ? hi : lo * Math.exp((ratio * i) / (n - 1));
    const s = d.sf(x);
    if (s > 0) out.push({ x, s });
  }
  return out;
}

export interface LogAxis {
  readonly min: number;
  readonly max: number;
  /** Powers of ten between min and max. */
  readonly ticks: readonly number[];
}

/** A log axis over whole decades covering [lo, hi]. */
export function logAxis(lo: number, hi: number): LogAxis {
  const a = Math.floor(Math.log10(lo) + 1e-9);
  let b = Math.ceil(Math.log10(hi) - 1e-9);
  if (b <= a) b = a + 1;
  const step = Math.max(1, Math.ceil((b - a) / 6));
  // 1e-4 written as a decimal: 10 ** −4 is an ulp off.
  const decade = (k: number) => Number(`1e${k}`);
  const ticks: number[] = [];
  for (let k = a; k <= b; k += step) ticks.push(decade(k));
  return { min: decade(a), max: decade(b), ticks };
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 1e6 → "10⁶", 1 → "1", 0.01 → "10⁻²": the same in both languages. */
export function decadeLabel(v: number): string {
  const k = Math.round(Math.log10(v));
  if (k === 0) return '1';
  if (k === 1) return '10';
  return `10${String(k).split('').map((c) => SUPERSCRIPT[c]).join('')}`;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export const CHART: ChartLayout = { width: 300, height: 200, left: 40, top: 8, right: 8, bottom: 24 };

/** The curve as SVG coordinates on log–log axes: its path, the axes' ticks, the attachments' positions. */
export function curveGeometry(points: readonly CurvePoint[], attachments: readonly number[] = [], c: ChartLayout = CHART) {
  const x = logAxis(points[0].x, points[points.length - 1].x);
  const y = logAxis(Math.min(...points.map((p) => p.s)), 1);
  const w = c.width - c.left - c.right;
  const h = c.height - c.top - c.bottom;
  const px = (v: number) => c.left + (w * Math.log(v / x.min)) / Math.log(x.max / x.min);
  const py = (v: number) => c.top + h - (h * Math.log(v / y.min)) / Math.log(y.max / y.min);
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(px(p.x))},${r(py(p.s))}`).join(' '),
    xTicks: x.ticks.map((v) => ({ value: v, at: r(px(v)), label: decadeLabel(v) })),
    yTicks: y.ticks.map((v) => ({ value: v, at: r(py(v)), label: decadeLabel(v) })),
    attachments: attachments.filter((a) => a > x.min && a < x.max).map((a) => ({ value: a, at: r(px(a)) })),
    plot: { x0: c.left, x1: c.left + w, y0: c.top, y1: c.top + h },
  };
}

// ---- the sheet ----------------------------------------------------------------------------------

const bilingual = (t: (l: (typeof UI_TEXT)['en']['pricing']) => string): { en: string; zh: string } => ({ en: t(UI_TEXT.en.pricing), zh: t(UI_TEXT.zh.pricing) });

export interface PricingSheet {
  readonly spec: SheetSpec;
  /** The severity cell (every formula refers to it). */
  readonly severity: string;
  /** Per layer: the cells of expected loss, sd, P(attach) and ILF. */
  readonly layers: ReadonlyArray<{ readonly mean: string; readonly sd: string; readonly prob: string; readonly ilf: string }>;
}

const abs = (address: string) => address.replace(/^([A-Z]+)([0-9]+)$/, '$$$1$$$2');

/** The labels of CYBER.DIST's a and b for the form (the family's own parameter names for "params"). */
function distInputLabels(source: Extract<SeveritySource, { kind: 'dist' }>): [{ en: string; zh: string }, { en: string; zh: string }] {
  if (source.form === 'params') {
    const f = findFamily(source.family)!;
    return f.params.slice(0, 2).map((p) => ({ en: `${p.name} (${p.label.en})`, zh: `${p.name}（${p.label.zh}）` })) as [{ en: string; zh: string }, { en: string; zh: string }];
  }
  return source.form === 'meancv' ? [bilingual((t) => t.mean), bilingual((t) => t.cv)] : [bilingual((t) => t.low), bilingual((t) => t.high)];
}

/**
 * The pricing sheet: the severity (CYBER.DIST over shaded inputs, or the severity text as an
 * input), its mean, median and 1-in-100 loss, the base limit and ALAE, and one row per layer with
 * live CYBER.LAYERLOSS and CYBER.ILF formulas on the severity cell.
 */
export function pricingSheet(v: ValidPricing, language: Language): PricingSheet {
  const b = new SheetBuilder(UI_TEXT[language].pricing.sheetName, 'Pricing');
  b.title('Pricing from a loss distribution', '损失分布定价');
  b.note(UI_TEXT.en.pricing.sheetNote);
  b.note(UI_TEXT.zh.pricing.sheetNote);
  b.section('Severity', '损失金额分布');
  let sev: string;
  const src = v.source;
  if (src.kind === 'dist') {
    const [la, lb] = distInputLabels(src);
    const fam = b.input('family', 'Family', '分布族', src.family, undefined, 'lognormal, lomax, pareto1, gamma, weibull');
    // params: two parameters; meancv: an amount and a ratio; ci90: two amounts.
    const a = b.input('a', la.en, la.zh, src.a, src.form === 'params' ? 'number' : 'money');
    const bb = b.input('b', lb.en, lb.zh, src.b, src.form === 'ci90' ? 'money' : 'number');
    const form = b.input('form', 'Form', '输入形式', src.form, undefined, 'params, meancv, ci90');
    sev = b.calc('severity', 'Severity', '损失金额分布', `=CYBER.DIST(${fam},${a},${bb},${form})`, undefined, 'CYBER.DIST, catalogue §10', true);
  } else {
    sev = b.input('severity', 'Severity', '损失金额分布', src.text, undefined, 'family(p1, p2, …), catalogue §10');
  }
  const s = abs(sev);
  b.calc('mean', 'Mean loss E[X]', '平均损失 E[X]', `=CYBER.LEV(${s},1E+308)`, 'money', 'CYBER.LEV with no limit');
  b.calc('median', 'Median', '中位数', `=CYBER.QUANTILE(${s},0.5)`, 'money');
  b.calc('q99', '1-in-100 loss (99% quantile)', '百年一遇损失（99% 分位数）', `=CYBER.QUANTILE(${s},0.99)`, 'money');
  b.section('Layers', '分层');
  const base = abs(b.input('baseLimit', 'Base limit for the ILF', '增限因子的基础限额', v.base, 'money'));
  const alae = abs(b.input('alae', 'ALAE per claim', '每件索赔的理赔费用', v.alae, 'money'));
  b.skip();
  const top = b.nextRow;
  const cells: Array<{ mean: string; sd: string; prob: string; ilf: string }> = [];
  const rows: CellInput[][] = v.layers.map((l, i) => {
    const r = top + 1 + i;
    cells.push({ mean: `C${r}`, sd: `D${r}`, prob: `E${r}`, ilf: `F${r}` });
    const layer = (stat: string) => ({ formula: `=CYBER.LAYERLOSS(${s},A${r},B${r},1,"${stat}")` });
    return [l.attachment, l.limit, layer('mean'), layer('sd'), layer('prob'), { formula: `=CYBER.ILF(${s},A${r}+B${r},${base},${alae})` }];
  });
  b.table(
    'layers',
    [
      { en: 'Attachment', zh: '起赔点', format: 'money' },
      { en: 'Limit (1E+308: no limit)', zh: '层限额（1E+308 为无限额）', format: 'money' },
      { en: 'Expected loss', zh: '期望损失', format: 'money' },
      { en: 'Standard deviation', zh: '标准差', format: 'money' },
      { en: 'P(attach)', zh: '进入该层的概率', format: 'ratio' },
      { en: 'ILF of attachment + limit vs base', zh: '增限因子（起赔点 + 层限额，相对基础限额）', format: 'number' },
    ],
    rows,
  );
  const built = b.build({ A: 40, B: 30, C: 26, D: 20, E: 18, F: 26 });
  // An unlimited layer's 1E+308 in the money format would print 309 digits: General shows 1E+308.
  const unlimitedRows = new Set(v.layers.map((l, i) => (l.limit >= NO_LIMIT ? `B${top + 1 + i}` : '')).filter(Boolean));
  const spec: SheetSpec = { ...built.spec, cells: built.spec.cells.map((c) => (unlimitedRows.has(c.address) ? { ...c, numberFormat: 'General' } : c)) };
  return { spec, severity: sev, layers: cells };
}

/** Checks the entries and, only when they are valid, writes the pricing sheet; returns its name. */
export async function writePricingSheet(gateway: WorkbookGateway, entries: PricingEntries, language: Language): Promise<{ ok: true; sheet: string; layout: PricingSheet } | { ok: false }> {
  const v = validatePricing(entries);
  if (!v.ok) return { ok: false };
  const layout = pricingSheet(v, language);
  const sheet = await gateway.addSheet(layout.spec);
  return { ok: true, sheet, layout };
}
