/**
 * Annual-loss models (catalogue section 11, CYBER.SIMULATE): one template per wording, each
 * writing a model sheet of inputs — the frequency of loss events, the events table (cover id,
 * probability that an event causes a loss to that cover, severity text), the covers tree with its
 * nesting column, the policy aggregate and per-claim limit, years and seed — and live
 * `=CYBER.SIMULATE(...)` cells for the statistics, the AEP and the OEP, plus each cover's AAL
 * (the `cover` argument: the simulation is memoised, so every cell of one model simulates once).
 *
 * The covers trees are the limits templates' own (src/taskpane/templates), read from their
 * definitions rather than copied, so a change to a wording's tree reaches both:
 * - Samsung: the template's covers table (第二十四–二十八条; sub-limits with nesting "aggregate",
 *   第二十五条 (四), 第二十六条 (三)(五)(七));
 * - LMCIT: the liability tree of the LMCIT template ($2M per occurrence over every liability claim,
 *   the $3M breach aggregate and its $250k PCI sublimit, nesting "all"), beside the first-party
 *   aggregate per member and crime's $250,000 per occurrence;
 * - CPIC: the three covers of the network-interruption template under the overall 责任限额 as the
 *   policy aggregate (第十三条「分项责任限额……均包含在责任限额内」);
 * - ISO crime: one cover, the limit per occurrence and the deductible: the one model where the
 *   closed-form OEP (CYBER.OEPLOSS) applies, written beside the simulated OEP.
 *
 * The frequencies and severities are illustrative (fictional insureds), not market figures.
 * No React, no Office: each template builds and evaluates in a test, like the limits templates.
 */
import { RETURN_PERIODS, SOURCE_TITLES } from '../../engine';
import { cellAddress } from '../addresses';
import type { CellScalar } from '../gateway';
import { SAMSUNG_TEMPLATE } from '../templates/samsung';
import { LMCIT_TEMPLATE } from '../templates/lmcit';
import { CPIC_TEMPLATE } from '../templates/cpic';
import { ISO_TEMPLATE } from '../templates/iso';
import { SheetBuilder } from '../templates/sheetBuilder';
import type { ColumnDef, FieldDef, FieldValues, FormSection, Probe, TableValue, TemplateDefinition } from '../templates/types';

/** Rows of the "stats" output. */
export const STATS_ROWS = 14;
export const MAX_YEARS = 1_000_000;
export const MAX_SEED = 4_294_967_295;

/** What one annual-loss model simulates: the arguments of CYBER.SIMULATE. */
export interface SimulationInputs {
  readonly frequency: string;
  /** cover id, probability, severity text (no header row). */
  readonly events: TableValue;
  /** Six columns: id, parent, per-event limit, aggregate, deductible, nesting (no header row). */
  readonly covers: TableValue;
  readonly policyAggregate: number | null;
  readonly policyPerClaim: number | null;
  readonly years: number;
  readonly seed: number;
}

/**
 * An annual-loss template: a template of the Templates machinery (form, probes, builder; the ids
 * are the wordings', in their own list) that also gives its entries as CYBER.SIMULATE's arguments.
 */
export interface SimulationTemplate extends TemplateDefinition {
  /** The form's parsed entries as CYBER.SIMULATE's arguments (what the pane runs in its worker). */
  inputs(values: FieldValues): SimulationInputs;
}

const EVENTS_COLUMNS: readonly ColumnDef[] = [
  { label: { en: 'cover', zh: '保障项目' }, kind: 'text' },
  { label: { en: 'probability', zh: '概率' }, kind: 'ratio' },
  { label: { en: 'severity', zh: '损失金额分布' }, kind: 'text' },
];

const COVERS_COLUMNS: readonly ColumnDef[] = [
  { label: { en: 'id', zh: '代码' }, kind: 'text' },
  { label: { en: 'parent', zh: '上级' }, kind: 'text', optional: true },
  { label: { en: 'per-event limit', zh: '每次限额' }, kind: 'amount', optional: true },
  { label: { en: 'aggregate', zh: '累计限额' }, kind: 'amount', optional: true },
  { label: { en: 'deductible', zh: '免赔额' }, kind: 'amount', optional: true },
  { label: { en: 'nesting', zh: '嵌套' }, kind: 'text', optional: true },
];

/** A field's default in a limits template (the covers tree is taken from there, not copied). */
function defaultOf(template: TemplateDefinition, key: string): string {
  const f = template.sections.flatMap((s) => s.fields).find((x) => x.key === key);
  if (!f || typeof f.default !== 'string') throw new Error(`programmer error: ${template.id} has no text field ${key}`);
  return f.default;
}

const num = (v: FieldValues, k: string) => v[k] as number;
const str = (v: FieldValues, k: string) => v[k] as string;
const table = (v: FieldValues, k: string) => v[k] as TableValue;

/** A covers table always has the 6th column, `nesting` (blank = "all"). */
function sixColumns(covers: TableValue): TableValue {
  return covers.map((row) => [0, 1, 2, 3, 4, 5].map((k) => row[k] ?? null));
}

/** The policy limits row: [aggregate, per claim], each blank (null) for none. */
function policyLimits(v: FieldValues): [number | null, number | null] {
  const rows = table(v, 'policyLimits');
  const row = rows[0] ?? [];
  const pick = (x: CellScalar | undefined) => (typeof x === 'number' ? x : null);
  return [pick(row[0]), pick(row[1])];
}

function toInputs(v: FieldValues): SimulationInputs {
  const [policyAggregate, policyPerClaim] = policyLimits(v);
  return {
    frequency: str(v, 'frequency'),
    events: table(v, 'events'),
    covers: sixColumns(table(v, 'covers')),
    policyAggregate,
    policyPerClaim,
    years: num(v, 'years'),
    seed: num(v, 'seed'),
  };
}

/** The header rows CYBER.SIMULATE skips: the engine reads the tables as the sheet holds them. */
export const EVENTS_HEADER: CellScalar[] = ['cover', 'probability', 'severity'];
export const COVERS_HEADER: CellScalar[] = ['id', 'parent', 'per_event', 'aggregate', 'deductible', 'nesting'];

/** CYBER.SIMULATE's arguments as the engine takes them, for `output` (and `cover`). */
export function simulateArgs(i: SimulationInputs, output: 'stats' | 'aep' | 'oep', years = i.years, cover?: string): Array<CellScalar | CellScalar[][]> {
  const args: Array<CellScalar | CellScalar[][]> = [i.frequency, [EVENTS_HEADER, ...i.events], [COVERS_HEADER, ...i.covers], i.policyAggregate, i.policyPerClaim, years, i.seed, output];
  if (cover !== undefined) args.push(cover);
  return args;
}

/**
 * The engine checks the whole model on one simulated year (the entries are checked, not the
 * run: a probe runs on every keystroke); years and seed are checked by their fields' bounds.
 */
const SIMULATE_PROBE: Probe = {
  fn: 'SIMULATE',
  args: (v) => simulateArgs(toInputs(v), 'stats', 1),
  blame: { frequency: 'frequency', events: 'events', covers: 'covers', policy_aggregate: 'policyLimits', policy_per_claim: 'policyLimits', seed: 'seed' },
};

function sections(defaults: { frequency: string; events: string; covers: string; policyLimits: string; years?: string; seed?: string }, notes: { events: { en: string; zh: string }; covers: { en: string; zh: string } }): FormSection[] {
  return [
    {
      title: { en: 'Loss events', zh: '损失事件' },
      fields: [
        {
          key: 'frequency',
          label: { en: 'Events per year (frequency)', zh: '每年事件次数（频率分布）' },
          kind: 'text',
          default: defaults.frequency,
          note: { en: 'poisson(lambda), negbin(mean, cv) or bernoulli(p)', zh: 'poisson(lambda)、negbin(mean, cv) 或 bernoulli(p)' },
        },
        {
          key: 'events',
          label: { en: 'Events table (cover; probability; severity)', zh: '事件表（保障项目；概率；损失金额分布）' },
          kind: 'table',
          default: defaults.events,
          columns: EVENTS_COLUMNS,
          maxRows: 100,
          note: notes.events,
        },
      ],
    },
    {
      title: { en: 'Policy terms', zh: '保险单条件' },
      fields: [
        {
          key: 'covers',
          label: { en: 'Covers (id; parent; per-event limit; aggregate; deductible; nesting)', zh: '保障项目（代码；上级；每次限额；累计限额；免赔额；嵌套）' },
          kind: 'table',
          default: defaults.covers,
          columns: COVERS_COLUMNS,
          maxRows: 100,
          note: notes.covers,
        },
        {
          key: 'policyLimits',
          label: { en: 'Policy aggregate; policy per-claim limit (blank = none)', zh: '保险单累计限额；保险单每次索赔限额（空白 = 无）' },
          kind: 'table',
          default: defaults.policyLimits,
          columns: [
            { label: { en: 'policy aggregate', zh: '保险单累计限额' }, kind: 'amount', optional: true },
            { label: { en: 'policy per claim', zh: '保险单每次索赔限额' }, kind: 'amount', optional: true },
          ],
          minRows: 0,
          maxRows: 1,
        },
      ],
    },
    {
      title: { en: 'Simulation', zh: '模拟' },
      fields: [
        { key: 'years', label: { en: 'Simulated years', zh: '模拟年数' }, kind: 'amount', default: defaults.years ?? '10,000', whole: true, min: 1, max: MAX_YEARS, note: { en: 'One policy period per year', zh: '每一模拟年为一个保险期间' } } as FieldDef,
        { key: 'seed', label: { en: 'Seed', zh: '随机种子' }, kind: 'amount', default: defaults.seed ?? '1', whole: true, min: 0, max: MAX_SEED, note: { en: 'The same seed gives the same years in Excel, the workbench and the CLI', zh: '相同种子在 Excel、工作台与命令行中得出相同的模拟年' } } as FieldDef,
      ],
    },
  ];
}

/** Where the closed-form OEP applies: one cover, one event row hitting every event, no aggregate anywhere. */
export function closedFormCase(i: SimulationInputs): { severity: string; deductible: number; limit: number | null } | undefined {
  if (i.covers.length !== 1 || i.events.length !== 1) return undefined;
  const [, parent, perEvent, aggregate, deductible] = i.covers[0];
  const [cover, probability, severity] = i.events[0];
  if (cover !== i.covers[0][0] || probability !== 1 || (parent !== null && parent !== '') || aggregate !== null || i.policyAggregate !== null || typeof severity !== 'string') return undefined;
  const limits = [perEvent, i.policyPerClaim].filter((x): x is number => typeof x === 'number');
  return { severity, deductible: typeof deductible === 'number' ? deductible : 0, limit: limits.length ? Math.min(...limits) : null };
}

const SIM_NOTE =
  'Each simulated year is one policy period, settled exactly as CYBER.ALLOCATE settles one year of claims (the largest deductible once per event, sub-limits inside their parents, the policy limits); every drawn loss is rounded to the cent. 每一模拟年为一个保险期间，按 CYBER.ALLOCATE 精确理算（每次事件只适用最大的一项免赔额、子限额包含于上级限额、适用保险单限额）；每笔抽取的损失先舍入到分。';

interface Layout {
  readonly sheet: string;
  readonly prefix: string;
  readonly title: { en: string; zh: string };
  /** The wording, for the source column. */
  readonly source: string;
  /** Notes written under the title (what the simulation holds of the wording, and what not). */
  readonly notes?: readonly string[];
}

const rowOf = (address: string) => Number(/[0-9]+/.exec(address)![0]);

/**
 * The model sheet: inputs (frequency, years, seed, policy limits, events table, covers tree),
 * then live CYBER.SIMULATE cells — the stats block (14×2), the AEP and OEP blocks (11×2 each),
 * each cover's AAL beside the covers table, the closed-form OEP where it applies, and a line
 * chart of the AEP.
 */
export function buildSimulationSheet(layout: Layout, i: SimulationInputs) {
  const b = new SheetBuilder(layout.sheet, layout.prefix);
  b.title(layout.title.en, layout.title.zh);
  b.note('Shaded cells are inputs; every result is a live CYBER.SIMULATE formula. 带底色的单元格为输入项，结果均为实时 CYBER.SIMULATE 公式。');
  b.note(SIM_NOTE);
  for (const n of layout.notes ?? []) b.note(n);
  const r = (k: string) => b.ref(k);
  const src = layout.source;

  b.section('Loss events and run', '损失事件与模拟设置');
  b.input('frequency', 'Events per year (frequency)', '每年事件次数（频率分布）', i.frequency, undefined, 'poisson(λ), negbin(mean, cv), bernoulli(p)');
  b.input('years', 'Simulated years', '模拟年数', i.years, 'hours', '1 – 1,000,000');
  b.input('seed', 'Seed', '随机种子', i.seed, 'hours', '0 – 4,294,967,295');
  b.input('policyAggregate', 'Policy aggregate (blank = none)', '保险单累计限额（空白 = 无）', i.policyAggregate, 'money', src);
  b.input('policyPerClaim', 'Policy per-claim limit (blank = none)', '保险单每次索赔限额（空白 = 无）', i.policyPerClaim, 'money', src);
  b.skip();
  b.note('Events: in each event every row, in row order, hits with its probability and then draws its loss from its severity. 事件：每次事件中各行按顺序以其概率独立发生，再按其分布抽取损失。');
  b.table(
    'events',
    [
      { en: 'Cover', zh: '保障项目' },
      { en: 'Probability', zh: '概率', format: 'ratio' },
      { en: 'Severity', zh: '损失金额分布' },
    ],
    i.events,
  );
  b.skip();
  b.note(`Covers tree (${src}): a child's limits are part of its parent's; nesting "aggregate" = part of the parent's aggregate only. 保障项目树：下级限额包含于上级限额之内；嵌套 "aggregate" 表示仅属上级累计限额的一部分。`);
  b.table(
    'covers',
    [
      { en: 'Cover', zh: '保障项目' },
      { en: 'Parent', zh: '上级' },
      { en: 'Per event', zh: '每次限额', format: 'money' },
      { en: 'Aggregate', zh: '累计限额', format: 'money' },
      { en: 'Deductible', zh: '免赔额', format: 'money' },
      { en: 'Nesting', zh: '嵌套' },
    ],
    i.covers,
  );
  const coversTop = rowOf(r('covers.0'));
  const eventsTop = rowOf(r('events.0'));
  const args = `${r('frequency')},${r('events')},${r('covers')},${r('policyAggregate')},${r('policyPerClaim')},${r('years')},${r('seed')}`;
  const call = (output: string, cover?: string) => `CYBER.SIMULATE(${args},"${output}"${cover ? `,${cover}` : ''})`;
  // Beside each cover: the AAL paid to it and its sub-covers (the `cover` argument), from the same
  // simulation as the stats block (the engine memoises it by its inputs).
  b.column(
    'coverAal',
    8,
    coversTop - 1,
    'AAL (with sub-covers) 年均赔付（含下级）',
    i.covers.map((_, k) => ({ formula: `=INDEX(${call('stats', cellAddress(coversTop + k, 1))},1,2)` })),
    'money',
  );
  b.skip();

  b.section('Simulated statistics (live formulas)', '模拟统计（实时公式）');
  const blockTop = b.nextRow;
  b.column('stats', 1, blockTop, 'Statistic · value 统计量 · 数值', [{ formula: `=${call('stats')}` }], 'money');
  b.column('aep', 4, blockTop, 'AEP: return period · annual paid 年超越：重现期 · 年赔付', [{ formula: `=${call('aep')}` }], 'money');
  b.column('oep', 6, blockTop, 'OEP: return period · largest event paid 单次超越：重现期 · 最大单次赔付', [{ formula: `=${call('oep')}` }], 'money');
  const closed = closedFormCase(i);
  if (closed) {
    // One cover, every event a claim on it, no aggregate: the largest event paid in a year is
    // min(limit, max(0, largest loss − deductible)), so its level at T is that expression of the
    // closed-form OEPLOSS (catalogue section 10), the check written beside the simulated OEP. Where
    // the frequency never reaches 1/T (OEP at 0 below 1/T), no year pays at T: 0.
    const severity = cellAddress(eventsTop, 3);
    const limits = [i.covers[0][2] !== null ? cellAddress(coversTop, 3) : undefined, i.policyPerClaim !== null ? r('policyPerClaim') : undefined].filter(Boolean);
    const deductible = i.covers[0][4] !== null ? `-${cellAddress(coversTop, 5)}` : '';
    b.column(
      'oepClosed',
      8,
      blockTop,
      'Closed form (CYBER.OEPLOSS) 解析解',
      RETURN_PERIODS.map((_, k) => {
        const t = cellAddress(blockTop + 1 + k, 6);
        const level = `MAX(0,CYBER.OEPLOSS(${r('frequency')},${severity},${t})${deductible})`;
        return { formula: `=IF(CYBER.OEP(${r('frequency')},${severity},0)<1/${t},0,${limits.length ? `MIN(${limits.join(',')},${level})` : level})` };
      }),
      'money',
    );
  }
  b.skip(Math.max(STATS_ROWS, RETURN_PERIODS.length) + 1);
  // Row 1 of "stats" is the AAL, row 3 its standard error; row 7 of "aep" is T = 100 (catalogue
  // section 11): read from the spilled blocks above.
  b.calc('aal', 'Mean annual paid (AAL)', '年均赔付（AAL）', `=${cellAddress(blockTop + 1, 2)}`, 'money', 'CYBER.SIMULATE "stats"', true);
  b.calc('se', 'Standard error of the AAL', 'AAL 的标准误', `=${cellAddress(blockTop + 3, 2)}`, 'money', 'CYBER.SIMULATE "stats"');
  b.calc('aep100', 'Annual paid at the 1-in-100 year (AEP)', '百年一遇年赔付（AEP）', `=${cellAddress(blockTop + 7, 5)}`, 'money', 'CYBER.SIMULATE "aep"', true);
  // The chart's data: the return periods as numbers (so Excel takes them as the x values, not as a
  // second series) beside the AEP amounts read from the spilled block.
  b.column('chartT', 10, blockTop, 'T', RETURN_PERIODS.map((t) => t), 'hours');
  b.column('chartAep', 11, blockTop, 'AEP', RETURN_PERIODS.map((_, k) => ({ formula: `=${cellAddress(blockTop + 1 + k, 5)}` })), 'money');
  const built = b.build({ A: 40, B: 30, C: 18, D: 18, E: 18, F: 18, G: 18, H: 22, I: 4, J: 8, K: 18 });
  const chart = {
    kind: 'line' as const,
    title: 'AEP: annual paid by return period 年超越：各重现期年赔付',
    dataAddress: `${cellAddress(blockTop + 1, 10)}:${cellAddress(blockTop + RETURN_PERIODS.length, 11)}`,
    anchor: cellAddress(b.nextRow + 1, 1),
  };
  return { spec: { ...built.spec, charts: [...(built.spec.charts ?? []), chart] }, refs: built.refs };
}

function template(
  id: TemplateDefinition['id'],
  text: { title: { en: string; zh: string }; description: { en: string; zh: string }; source: { en: string; zh: string } },
  defaults: Parameters<typeof sections>[0],
  notes: Parameters<typeof sections>[1],
  layout: Layout,
): SimulationTemplate {
  return {
    id,
    ...text,
    sections: sections(defaults, notes),
    probes: [SIMULATE_PROBE],
    inputs: toInputs,
    build(v) {
      const { spec, refs } = buildSimulationSheet(layout, toInputs(v));
      return { spec, refs, payout: refs.aal };
    },
  };
}

const EVENTS_NOTE = {
  en: 'One line per cover an event may hit: its probability in each event and its severity text (lognormal(mu, sigma), lomax(alpha, theta), pareto1, gamma, weibull, exponential(mean), pert(min, mode, max), constant(x)).',
  zh: '每行一个事件可能波及的保障项目：每次事件中发生的概率及其损失金额分布（lognormal(mu, sigma)、lomax(alpha, theta)、pareto1、gamma、weibull、exponential(mean)、pert(min, mode, max)、constant(x)）。',
};

// ---- Samsung ---------------------------------------------------------------------------------

const SAMSUNG_EVENTS = [
  'IR; 35%; lognormal(11.5, 1)',
  'BI; 20%; lognormal(12.8, 1.1)',
  'CBI; 8%; lognormal(12.2, 1)',
  'EXT; 12%; lognormal(11.8, 0.9)',
  'RWD; 4%; pert(10000, 40000, 150000)',
  'PRIV; 15%; lomax(2.5, 900000)',
  'REG; 10%; lognormal(12, 1)',
  'PCI; 6%; lognormal(11.8, 0.8)',
  'SEC; 5%; lomax(2.2, 1200000)',
  'SE; 10%; lognormal(11.2, 1)',
  'SEP; 4%; exponential(30000)',
  'REP; 3%; lognormal(13, 1)',
].join('\n');

export const SAMSUNG_SIMULATION: SimulationTemplate = template(
  'samsung',
  {
    title: { en: 'Samsung cyber — simulated annual losses under the whole limits tree', zh: '三星网络安全综合保险 — 全部限额树下的年度损失模拟' },
    description: {
      en: 'Loss events a year, the covers each may hit and their severities; every simulated year settled under the Samsung covers tree (sub-limits inside aggregates, the largest deductible per event, the policy per-claim and aggregate limits): AAL, VaR, TVaR, AEP and OEP.',
      zh: '每年损失事件次数、各事件可能波及的保障项目及其损失金额分布；每一模拟年按三星保障项目树理算（子限额含于累计限额、每次事件适用最大免赔额、保险单每次索赔及累计限额）：AAL、VaR、TVaR、AEP 与 OEP。',
    },
    source: { en: 'Samsung 网络安全综合保险, Arts. 24–28, 32, 33 (the Samsung template’s covers tree)', zh: '三星网络安全综合保险 第二十四–二十八、三十二、三十三条（沿用三星模板的保障项目树）' },
  },
  {
    frequency: 'poisson(1.5)',
    events: SAMSUNG_EVENTS,
    covers: defaultOf(SAMSUNG_TEMPLATE, 'covers'),
    policyLimits: `${defaultOf(SAMSUNG_TEMPLATE, 'policyAggregate')}; ${defaultOf(SAMSUNG_TEMPLATE, 'policyPerClaim')}`,
  },
  {
    events: EVENTS_NOTE,
    covers: {
      en: 'The Samsung template’s tree: nesting "aggregate" = part of the parent’s aggregate only (Arts. 25 (4), 26 (3)(5)(7)). One deductible per event, the largest (Art. 28).',
      zh: '沿用三星模板的保障项目树：嵌套 "aggregate" 表示仅属上级累计限额的一部分（第二十五条 (四)、第二十六条 (三)(五)(七)）。每次事件只适用一项免赔额，取最大者（第二十八条）。',
    },
  },
  {
    sheet: 'Samsung annual loss 三星年度损失',
    prefix: 'SAMSIM',
    title: { en: 'Samsung cyber — simulated annual losses', zh: '三星网络安全综合保险 — 年度损失模拟' },
    source: 'SAMSUNG 第二十四–二十八条',
    notes: [
      'The BI and REP severities stand for the loss the limits template computes hour by hour; their waiting periods are not simulated beyond the monetary deductible (SAMSUNG 第二十九、三十一条). BI、REP 的损失分布代表限额模板逐小时计算的损失；等待期未单独模拟，仅适用金额免赔额。',
    ],
  },
);

// ---- CPIC ------------------------------------------------------------------------------------

const CPIC_COVERS = [
  `BI; ; ; ${defaultOf(CPIC_TEMPLATE, 'limit')}; ${defaultOf(CPIC_TEMPLATE, 'deductible')}`,
  `CONT; ; ; ${defaultOf(CPIC_TEMPLATE, 'contSumInsured')}; ${defaultOf(CPIC_TEMPLATE, 'contDeductible')}`,
  `CRISIS; ; ; ${defaultOf(CPIC_TEMPLATE, 'crisisLimit')}; `,
].join('\n');

export const CPIC_SIMULATION: SimulationTemplate = template(
  'cpic',
  {
    title: { en: 'CPIC 2025 B — simulated annual losses within the overall limit', zh: '太平洋 2025 B 款 — 责任限额内的年度损失模拟' },
    description: {
      en: 'Network-interruption profit, continuation and crisis costs per incident, their limits for the period and deductibles, all within the overall limit of liability (Art. 13) as the policy aggregate.',
      zh: '每次事故的网络中断利润损失、经营延续费用与危机管理费用，各自的保险期间限额与免赔额，合计以责任限额（第十三条）为保险单累计限额。',
    },
    source: { en: `${SOURCE_TITLES.CPIC.en}, Art. 13 (the CPIC template’s limits)`, zh: `${SOURCE_TITLES.CPIC.zh} 第十三条（沿用太平洋模板的限额）` },
  },
  {
    frequency: 'poisson(0.6)',
    events: ['BI; 60%; lognormal(12.5, 1.2)', 'CONT; 30%; lognormal(11.3, 0.9)', 'CRISIS; 50%; lognormal(11, 0.8)'].join('\n'),
    covers: CPIC_COVERS,
    policyLimits: `${defaultOf(CPIC_TEMPLATE, 'overallLimit')}`,
  },
  {
    events: EVENTS_NOTE,
    covers: {
      en: 'Each cover’s limit is for the period (paid earlier counts against it: Art. 13 (1) 2 (5), (8)); the overall limit is the policy aggregate. Severities are the amounts each cover’s formula pays before its deductible and limit (under-insurance, the 90% crisis ratio applied).',
      zh: '各保障项目的限额为保险期间限额（已赔付金额计入：第十三条 (一) 2 (5)、(8)）；责任限额为保险单累计限额。损失金额分布为各项公式在免赔额与限额之前的金额（已计不足额保险比例及 90% 减额赔付比例）。',
    },
  },
  {
    sheet: 'CPIC annual loss 太保年度损失',
    prefix: 'CPICSIM',
    title: { en: 'CPIC 2025 B — simulated annual losses', zh: '太平洋 2025 B 款 — 年度损失模拟' },
    source: 'CPIC 企业网络安全保险（2025版B款）第十三条',
    notes: [
      'Reading: an incident that hits two covers bears one deductible, the larger (CYBER.ALLOCATE’s rule); the CPIC wording states each cover’s deductible per incident, so such an incident is paid up to the smaller deductible more than the wording pays. 解读：同一事故波及两项保障时只扣一项（较大的）免赔额（CYBER.ALLOCATE 规则）；太保条款对各项保障分别规定每次事故免赔额，此时模拟多赔付较小的一项免赔额。',
    ],
  },
);

// ---- LMCIT -----------------------------------------------------------------------------------

const LMCIT_COVERS = [
  `LIAB; ; ${defaultOf(LMCIT_TEMPLATE, 'perOccurrence')}; ; `,
  `BREACH; LIAB; ; ${defaultOf(LMCIT_TEMPLATE, 'breachAggregate')}; `,
  `PCIREG; BREACH; ; ${defaultOf(LMCIT_TEMPLATE, 'pciSublimit')}; `,
  'OTHER; LIAB; ; ; ',
  'FP; ; ; 500,000; ',
  `CRIME; ; ${defaultOf(LMCIT_TEMPLATE, 'crimeLimit')}; ; `,
].join('\n');

export const LMCIT_SIMULATION: SimulationTemplate = template(
  'lmcit',
  {
    title: { en: 'LMCIT member — simulated annual losses: liability tree, first party, crime', zh: 'LMCIT 成员 — 年度损失模拟：责任限额树、第一方、犯罪' },
    description: {
      en: 'Liability occurrences under the $2M per occurrence, the $3M breach aggregate and its $250k PCI sublimit; first-party losses within the member’s aggregate; crime under $250,000 per occurrence.',
      zh: '责任事故适用每次事故 200 万美元、数据泄露累计 300 万美元及其 25 万美元 PCI 分项限额；第一方损失以成员累计限额为限；犯罪损失适用每次事故 25 万美元限额。',
    },
    source: { en: `${SOURCE_TITLES.LMCIT.en} (the LMCIT template’s liability tree)`, zh: `${SOURCE_TITLES.LMCIT.zh}（沿用 LMCIT 模板的责任限额树）` },
  },
  {
    frequency: 'poisson(1.2)',
    events: ['BREACH; 40%; lognormal(12.3, 1.2)', 'PCIREG; 10%; lognormal(11.5, 1)', 'OTHER; 20%; lomax(2.2, 400000)', 'FP; 50%; lognormal(11.5, 1.1)', 'CRIME; 8%; lognormal(10.8, 1.3)'].join('\n'),
    covers: LMCIT_COVERS,
    policyLimits: '',
  },
  {
    events: EVENTS_NOTE,
    covers: {
      en: 'LIAB’s $2M per occurrence binds every liability claim, the breach aggregate and its PCI sublimit included (nesting "all"); FP is the member’s first-party aggregate with the higher limit ($500,000); CRIME $250,000 per occurrence. The shared pool is not simulated.',
      zh: 'LIAB 每次事故 200 万美元限额适用于全部责任索赔，包括数据泄露累计限额及其 PCI 分项限额（嵌套 "all"）；FP 为成员第一方累计限额（较高限额 50 万美元）；CRIME 每次事故 25 万美元。共享赔偿池不在模拟之内。',
    },
  },
  {
    sheet: 'LMCIT annual loss 成员年度损失',
    prefix: 'LMCITSIM',
    title: { en: 'LMCIT member — simulated annual losses', zh: 'LMCIT 成员 — 年度损失模拟' },
    source: 'LMCIT summary',
  },
);

// ---- ISO crime -------------------------------------------------------------------------------

export const ISO_SIMULATION: SimulationTemplate = template(
  'iso',
  {
    title: { en: 'ISO crime — simulated annual losses, with the closed-form OEP', zh: 'ISO 商业犯罪 — 年度损失模拟（附单次超越概率解析解）' },
    description: {
      en: 'Crime occurrences a year and their severity under the limit per occurrence and the deductible: one cover without aggregates, so the simulated OEP is shown beside the closed form (CYBER.OEPLOSS).',
      zh: '每年犯罪事故次数及其损失金额分布，适用每次事故限额与免赔额：仅一项保障且无累计限额，故模拟的单次超越概率与解析解（CYBER.OEPLOSS）并列显示。',
    },
    source: { en: `${SOURCE_TITLES.ISO.en} (the ISO template’s limit and deductible)`, zh: `${SOURCE_TITLES.ISO.zh}（沿用 ISO 模板的限额与免赔额）` },
  },
  {
    frequency: 'poisson(0.3)',
    events: 'CRIME; 100%; lognormal(10, 1.6)',
    covers: `CRIME; ; ${defaultOf(ISO_TEMPLATE, 'limit')}; ; ${defaultOf(ISO_TEMPLATE, 'deductible')}`,
    policyLimits: '',
  },
  {
    events: EVENTS_NOTE,
    covers: {
      en: 'The limit of insurance per occurrence and the deductible. The $5,000 special limit and the Forgery legal expenses are not simulated.',
      zh: '每次事故保险限额与免赔额。5,000 美元特别限额及伪造法律费用不在模拟之内。',
    },
  },
  {
    sheet: 'ISO crime annual loss 犯罪年度损失',
    prefix: 'ISOSIM',
    title: { en: 'ISO crime — simulated annual losses', zh: 'ISO 商业犯罪 — 年度损失模拟' },
    source: 'ISO CR 00 21',
  },
);

/** The annual-loss templates, in the order the Simulate tab lists them. */
export const SIMULATION_TEMPLATES: readonly SimulationTemplate[] = [CPIC_SIMULATION, SAMSUNG_SIMULATION, LMCIT_SIMULATION, ISO_SIMULATION];
