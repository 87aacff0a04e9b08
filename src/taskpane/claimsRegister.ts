/**
 * The claims register: every incident of the policy period under CPIC 企业网络安全保险（2025版B款）
 * is a row of one sheet, and each row's payout takes as its paid_to_date what the rows above it
 * paid — a live `=SUMIF($C$h:C{r-1},C{r},$L$h:L{r-1})` per cover and `=SUM($L$h:L{r-1})` for the
 * overall limit — so the period limits bind across incidents without anyone typing paid_to_date:
 *
 * - lost profit (第四条 1 (1) ①): 第十三条 (一) 2 (5)「在整个保险期间内，保险人针对本保险合同第四条第 1 款
 *   第 (1) 项第①点承担的保险责任是以明细表中所规定的利润保险金额或利润赔偿限额为限，二者取其低。」
 *   (CYBER.BIPAYOUT's paid_to_date);
 * - business continuation costs (第四条 1 (1) ②): 第十三条 (一) 2 (8)「在整个保险期间内，保险人针对本保险
 *   合同第四条第 1 款第 (1) 项第②点承担的保险责任是以明细表中所规定的经营延续费用保险金额为限。」
 *   (CYBER.CONTINUATIONPAYOUT's paid_to_date);
 * - crisis costs: 第十三条 (二) 1 (1)「均以明细表中记载的金额为限，并且不适用免赔额」, read as the period's
 *   limit as CYBER.CRISISPAYOUT's paid_to_date reads it;
 * - all of them: 第十三条「在本保险合同项下，保险人的总赔偿金额以责任限额为限。」 — what earlier rows paid
 *   under any cover, and what other covers paid outside the register, come off the 责任限额.
 *
 * A cover's paid-to-date counts what was actually paid (after the 责任限额), not what the cover
 * would have paid: a payment cut by the overall limit used only the part paid.
 *
 * Order. Row order is settlement order and must be date order. The formulas are the same relative
 * formula on every row (only the row number changes), so when an Excel user sorts the rows by
 * date the moved formulas still read "the rows above me" and the register stays right. A row
 * dated before any row above it is flagged "out of date order" in its check column and counted in
 * the status cell; its figures are still computed in row order. The register's total does not
 * depend on the order — it is min(责任限额 left, Σ over covers of min(cover limit, Σ of its rows'
 * amounts)) whichever incident reaches a cap first — nor does each cover's total while the 责任限额
 * does not bind; who bears a cut, and the limits left after each incident, do. The pane
 * refuses out-of-order entries. A paid_to_date by date instead of by row would have to read rows
 * below, which Excel reports as a circular reference.
 *
 * 第四条 1 (2)「仅当上述网络中断事故是在本保险合同所记载的保险期间内发生……时，保险人予以赔付保险金。」:
 * a lost-profit or continuation row dated outside the period pays 0 (and is flagged); 第十四条 1
 * (the time deductible is a trigger) applies to both: the row pays 0 unless CYBER.WAITINGMET.
 */
import { evaluate, type RawArgument, type Text } from '../engine';
import { cellAddress, columnLetters, parseCell, sheetPrefix } from './addresses';
import type { CellInput, CellValue, CellWrite, SelectedCell, SheetSpec, WorkbookGateway } from './gateway';
import { REGISTER_TEXT } from './claimsRegisterText';
import { readAllocate, workbookDate1904, type AllocateReading } from './explain';
import { dateShown, to1900 } from '../sheet/dateSystem';
import { SheetBuilder, FORMAT, cellsInDateSystem } from './templates/sheetBuilder';
import { parseField, serialToIso } from './templates/form';
import type { FieldDef, FormSection, RawInputs, TableValue } from './templates/types';

const SRC = 'CPIC 企业网络安全保险（2025版B款）';

/** Most incident rows a register holds: the totals and the spare formatted rows reach this far. */
export const REGISTER_CAPACITY = 100;
/** A1 of a register sheet: how the Limits tab knows a register when a cell of it is selected. */
export const REGISTER_TITLE = 'CPIC 2025 B — claims register 赔案登记簿';
export const REGISTER_SHEET = 'CPIC 赔案登记簿';

export type Cover = 'profit' | 'continuation' | 'crisis';
export const COVERS: readonly Cover[] = ['profit', 'continuation', 'crisis'];
const COVER_SYNONYMS: Readonly<Record<string, Cover>> = {
  profit: 'profit',
  利润: 'profit',
  利润损失: 'profit',
  continuation: 'continuation',
  经营延续: 'continuation',
  经营延续费用: 'continuation',
  crisis: 'crisis',
  危机: 'crisis',
  危机管理费用: 'crisis',
};

export function normaliseCover(text: string): Cover | undefined {
  return COVER_SYNONYMS[text.trim().toLowerCase()];
}

/** The check column's texts (bilingual in the cell). */
export const CHECK = {
  ok: 'ok 正常',
  unknown: 'unknown cover 未知保障项目',
  order: 'out of date order: sort by date 未按日期排序',
  repeated: 'incident and cover repeated 事故与保障项目重复',
  outside: 'outside the policy period 不在保险期间内',
  deductible: 'crisis costs take no deductible 危机管理费用不适用免赔额',
} as const;

// ---------------------------------------------------------------------------------------------
// The form

const amount = (key: string, en: string, zh: string, def: string, note?: Text): FieldDef => ({ key, label: { en, zh }, kind: 'amount', default: def, note });

const SCHEDULE_FIELDS: readonly FieldDef[] = [
  amount('overallLimit', 'Overall limit of liability', '责任限额', '3,000,000', { en: 'Art. 13: every cover is inside it', zh: '第十三条：各保障项目均包含在内' }),
  amount('otherPaid', 'Paid in the period outside this register', '本保险期间登记簿外已赔付', '0', { en: 'IT liability, property…', zh: 'IT 业务责任、财产损失等' }),
  amount('sumInsured', 'Profit sum insured', '利润保险金额', '8,400,000'),
  amount('profitLimit', 'Profit limit of indemnity', '利润赔偿限额', '1,000,000', { en: 'Art. 13 (1) 2 (5): the lower of the two, for the whole period', zh: '第十三条 (一) 2 (5)：二者取其低，适用于整个保险期间' }),
  amount('annualRevenue', 'Annual operating revenue (blank: no under-insurance test)', '年度经营性收益（留空：不作不足额投保比较）', ''),
  { key: 'profitRate', label: { en: 'Profit rate (with the annual revenue)', zh: '利润率（与年度经营性收益一并填写）' }, kind: 'ratio', default: '' },
  { key: 'waitingHours', label: { en: 'Time deductible (hours)', zh: '免赔时间（小时）' }, kind: 'hours', default: '12', note: { en: 'Art. 14 1: a trigger, not an amount', zh: '第十四条 1：触发条件，不扣减金额' } },
  amount('contSumInsured', 'Continuation costs sum insured', '经营延续费用保险金额', '500,000', { en: 'Art. 13 (1) 2 (8): for the whole period', zh: '第十三条 (一) 2 (8)：适用于整个保险期间' }),
  amount('crisisLimit', 'Crisis-cost limit', '危机管理费用赔偿限额', '500,000'),
  { key: 'crisisReduction', label: { en: 'Crisis-cost reduction ratio', zh: '减额赔付比例' }, kind: 'ratio', default: '90%' },
  { key: 'policyStart', label: { en: 'Policy period from', zh: '保险期间起始日' }, kind: 'date', default: '2025-01-01' },
  { key: 'policyEnd', label: { en: 'Policy period to (last day)', zh: '保险期间终止日（最后一日）' }, kind: 'date', default: '2025-12-31' },
];
const OPTIONAL_SCHEDULE = new Set(['annualRevenue', 'profitRate']);

export const INCIDENT_COLUMNS = [
  { label: { en: 'incident', zh: '事故编号' }, kind: 'text' },
  { label: { en: 'date', zh: '日期' }, kind: 'date' },
  { label: { en: 'cover', zh: '保障项目' }, kind: 'text' },
  { label: { en: 'loss or costs', zh: '损失或费用' }, kind: 'amount' },
  { label: { en: 'deductible', zh: '免赔额' }, kind: 'amount', optional: true },
  { label: { en: 'hours', zh: '中断小时数' }, kind: 'amount', optional: true },
  { label: { en: 'recovery ratio', zh: '恢复期间对应比例' }, kind: 'ratio', optional: true },
  { label: { en: 'recovered', zh: '已追回' }, kind: 'amount', optional: true },
] as const;

export const DEFAULT_INCIDENTS = [
  'I1; 2025-02-10; profit; 456,000; 56,000; 30',
  'I2; 2025-04-03; continuation; 300,000; 20,000; 48; 75%',
  'I3; 2025-06-20; profit; 856,000; 56,000; 72',
  'I4; 2025-09-05; crisis; 120,000; ; ; ; 10,000',
].join('\n');

const INCIDENTS_FIELD: FieldDef = {
  key: 'incidents',
  label: { en: 'Incidents, in date order', zh: '事故（按日期顺序）' },
  kind: 'table',
  default: DEFAULT_INCIDENTS,
  note: {
    en: 'cover: profit (lost profit + prevention cost, Art. 13 (1) 2 (1)), continuation or crisis; hours for profit and continuation; the recovery ratio for continuation; recovered for crisis.',
    zh: '保障项目：profit（丧失利益 + 防止收益减少费用，第十三条 (一) 2 (1)）、continuation 或 crisis；利润与经营延续须填小时数；经营延续须填恢复期间对应比例；危机管理费用可填已追回金额。',
  },
  columns: INCIDENT_COLUMNS,
  minRows: 0,
  maxRows: REGISTER_CAPACITY,
};

/** The register's form, in the shape the templates' form component draws. */
export const REGISTER_FORM: { readonly sections: readonly FormSection[]; readonly source: Text } = {
  sections: [
    { title: { en: 'Schedule', zh: '保险明细表' }, fields: SCHEDULE_FIELDS },
    { title: { en: 'Incidents of the period', zh: '保险期间内的事故' }, fields: [INCIDENTS_FIELD] },
  ],
  source: { en: 'CPIC Enterprise Cyber Security Insurance (2025 B), Arts. 4, 13, 14', zh: '中国太平洋财产保险 企业网络安全保险（2025版B款）第四、十三、十四条' },
};

export function defaultRegisterInputs(): Record<string, string | boolean> {
  return Object.fromEntries(REGISTER_FORM.sections.flatMap((s) => s.fields).map((f) => [f.key, f.default]));
}

export interface Schedule {
  readonly overallLimit: number;
  readonly otherPaid: number;
  readonly sumInsured: number;
  readonly profitLimit: number;
  readonly annualRevenue: number | null;
  readonly profitRate: number | null;
  readonly waitingHours: number;
  readonly contSumInsured: number;
  readonly crisisLimit: number;
  readonly crisisReduction: number;
  readonly policyStart: number;
  readonly policyEnd: number;
}

export interface Incident {
  readonly id: string;
  readonly date: number;
  readonly cover: Cover;
  readonly loss: number;
  readonly deductible: number | null;
  readonly hours: number | null;
  readonly ratio: number | null;
  readonly recovered: number | null;
}

export type RegisterValidation =
  | { readonly ok: true; readonly schedule: Schedule; readonly incidents: readonly Incident[] }
  | { readonly ok: false; readonly errors: Readonly<Record<string, Text>>; readonly formErrors: readonly Text[] };

const both = (pick: (t: (typeof REGISTER_TEXT)['en']) => string): Text => ({ en: pick(REGISTER_TEXT.en), zh: pick(REGISTER_TEXT.zh) });

/** The first engine error of a call, as its message; undefined when the call succeeds. */
function engineError(fn: string, args: RawArgument[]): { argument?: string; message: Text } | undefined {
  const outcome = evaluate(fn, args);
  return outcome.ok ? undefined : { argument: outcome.error.argument, message: outcome.error.message };
}

/** Schedule checks with the engine's own rules, blamed on the field the argument came from. */
function scheduleErrors(s: Schedule): Record<string, Text> {
  const errors: Record<string, Text> = {};
  const probes: Array<[string, RawArgument[], Record<string, string>]> = [
    ['BIPAYOUT', [0, 0, s.sumInsured, s.profitLimit, s.annualRevenue, s.profitRate, null, 0], { sum_insured: 'sumInsured', limit: 'profitLimit', annual_revenue: 'annualRevenue', profit_rate: 'profitRate' }],
    ['CRISISPAYOUT', [0, 0, s.crisisReduction, s.crisisLimit, 0], { reduction_ratio: 'crisisReduction', limit: 'crisisLimit' }],
    ['INPERIOD', [s.policyStart, s.policyStart, s.policyEnd], { policy_end: 'policyEnd', policy_start: 'policyStart' }],
  ];
  for (const [fn, args, blame] of probes) {
    const e = engineError(fn, args);
    if (!e) continue;
    const key = (e.argument && blame[e.argument]) || Object.values(blame)[0];
    errors[key] ??= e.message;
  }
  return errors;
}

/**
 * One incident against the schedule and the incidents before it (in row order): the wording's
 * conditions the pane can check before writing, then the engine's own rules on the row's call.
 */
export function incidentError(inc: Incident, s: Schedule, earlier: readonly Incident[]): { readonly message: Text; readonly line?: number } | undefined {
  if ((inc.cover === 'profit' || inc.cover === 'continuation') && inc.hours === null) return { message: both((t) => t.hoursRequired) };
  if (inc.cover === 'continuation' && inc.ratio === null) return { message: both((t) => t.ratioRequired) };
  if (inc.cover === 'crisis' && inc.deductible !== null && inc.deductible !== 0) return { message: both((t) => t.crisisNoDeductible) };
  if (!(s.policyStart <= Math.floor(inc.date) && Math.floor(inc.date) <= s.policyEnd)) return { message: both((t) => t.outsidePeriod) };
  const later = earlier.findIndex((e) => e.date > inc.date);
  if (later >= 0) return { message: both((t) => t.beforePrevious(later + 1)), line: later + 1 };
  const twin = earlier.findIndex((e) => e.id.toLowerCase() === inc.id.toLowerCase() && e.cover === inc.cover);
  if (twin >= 0) return { message: both((t) => t.repeated(twin + 1)), line: twin + 1 };
  const call: [string, RawArgument[]] =
    inc.cover === 'profit'
      ? ['BIPAYOUT', [inc.loss, inc.deductible ?? 0, s.sumInsured, s.profitLimit, s.annualRevenue, s.profitRate, null, 0]]
      : inc.cover === 'continuation'
        ? ['CONTINUATIONPAYOUT', [inc.loss, inc.deductible ?? 0, s.contSumInsured, inc.ratio, 0]]
        : ['CRISISPAYOUT', [inc.loss, inc.recovered ?? 0, s.crisisReduction, s.crisisLimit, 0]];
  const e = engineError(call[0], call[1]) ?? (inc.hours !== null ? engineError('WAITINGMET', [inc.hours, s.waitingHours]) : undefined);
  return e ? { message: e.message } : undefined;
}

function readIncidents(rows: TableValue): { incidents: Incident[] } | { error: Text } {
  const out: Incident[] = [];
  for (let i = 0; i < rows.length; i++) {
    const [id, date, cover, loss, deductible, hours, ratio, recovered] = rows[i];
    const code = normaliseCover(String(cover));
    if (!code) return { error: both((t) => t.lineError(i + 1, t.unknownCover(String(cover)))) };
    const n = (v: unknown) => (v === null || v === undefined ? null : (v as number));
    out.push({ id: String(id), date: date as number, cover: code, loss: loss as number, deductible: n(deductible), hours: n(hours), ratio: n(ratio), recovered: n(recovered) });
  }
  return { incidents: out };
}

/** Parses and checks the register's form; the sheet is written only when it is valid. */
export function validateRegister(inputs: RawInputs): RegisterValidation {
  const errors: Record<string, Text> = {};
  const values: Record<string, number | null> = {};
  for (const f of SCHEDULE_FIELDS) {
    const raw = inputs[f.key] ?? f.default;
    if (OPTIONAL_SCHEDULE.has(f.key) && String(raw).trim() === '') {
      values[f.key] = null;
      continue;
    }
    const p = parseField(f, raw);
    if (p.ok) values[f.key] = p.value as number;
    else errors[f.key] = p.error;
  }
  const table = parseField(INCIDENTS_FIELD, inputs.incidents);
  let incidents: Incident[] = [];
  if (!table.ok) errors.incidents = table.error;
  else {
    const r = readIncidents(table.value as TableValue);
    if ('error' in r) errors.incidents = r.error;
    else incidents = r.incidents;
  }
  if (Object.keys(errors).length) return { ok: false, errors, formErrors: [] };
  const schedule = values as unknown as Schedule;
  Object.assign(errors, scheduleErrors(schedule));
  if (Object.keys(errors).length) return { ok: false, errors, formErrors: [] };
  for (let i = 0; i < incidents.length; i++) {
    const e = incidentError(incidents[i], schedule, incidents.slice(0, i));
    if (e) {
      errors.incidents = { en: REGISTER_TEXT.en.lineError(i + 1, e.message.en), zh: REGISTER_TEXT.zh.lineError(i + 1, e.message.zh) };
      return { ok: false, errors, formErrors: [] };
    }
  }
  return { ok: true, schedule, incidents };
}

// ---------------------------------------------------------------------------------------------
// The sheet

/** Table columns, left to right (A…O). */
const TABLE = [
  { key: 'id', en: 'Incident', zh: '事故编号' },
  { key: 'date', en: 'Date', zh: '事故发生日', format: 'date' },
  { key: 'cover', en: 'Cover', zh: '保障项目' },
  { key: 'loss', en: 'Loss or costs', zh: '损失或费用', format: 'money' },
  { key: 'deductible', en: 'Deductible', zh: '免赔额', format: 'money' },
  { key: 'hours', en: 'Interruption (hours)', zh: '中断时间（小时）', format: 'hours' },
  { key: 'ratio', en: 'Recovery ratio', zh: '恢复期间对应比例', format: 'ratio' },
  { key: 'recovered', en: 'Recovered', zh: '已追回', format: 'money' },
  { key: 'coverBefore', en: 'Cover paid before this row', zh: '本项目此前已赔付', format: 'money' },
  { key: 'coverPayout', en: 'Cover payout', zh: '本项目应赔', format: 'money' },
  { key: 'paidBefore', en: 'Paid before this row, all covers', zh: '此前累计已赔付', format: 'money' },
  { key: 'payable', en: 'Payable (within the limit of liability)', zh: '实际赔付（以责任限额为限）', format: 'money' },
  { key: 'coverLeft', en: 'Cover limit left after it', zh: '本项目剩余限额', format: 'money' },
  { key: 'overallLeft', en: 'Limit of liability left after it', zh: '责任限额剩余', format: 'money' },
  { key: 'check', en: 'Check', zh: '检查' },
] as const;
type TableKey = (typeof TABLE)[number]['key'];
const COL: Readonly<Record<TableKey, string>> = Object.fromEntries(TABLE.map((c, i) => [c.key, columnLetters(i + 1)])) as Record<TableKey, string>;
const INPUT_COLUMNS = 8;
const INPUT_FILL = '#FFF2CC';
const HEADER_FILL = '#D9E1F2';
const RESULT_FILL = '#E2EFDA';

const abs = (a: string) => a.replace(/^([A-Z]+)([0-9]+)$/, '$$$1$$$2');

/** Where everything is on a register sheet (the same on every register). */
export interface RegisterLayout {
  /** Schedule value cells by key, e.g. overallLimit → "C5". */
  readonly schedule: Readonly<Record<keyof Schedule, string>>;
  /** Summary cells (column G) by key. */
  readonly summary: Readonly<Record<SummaryKey, string>>;
  /** The table's header row; incidents start on the row below. */
  readonly headerRow: number;
}

const SUMMARY = [
  { key: 'profitCap', en: 'Profit limit for the period', zh: '本保险期间利润损失限额', note: '第十三条 (一) 2 (5)' },
  { key: 'incidents', en: 'Incident rows', zh: '事故行数' },
  { key: 'totalPaid', en: 'Paid in the register', zh: '登记簿累计实际赔付' },
  { key: 'profitPaid', en: 'Lost profit paid', zh: '利润损失已赔付' },
  { key: 'contPaid', en: 'Continuation costs paid', zh: '经营延续费用已赔付' },
  { key: 'crisisPaid', en: 'Crisis costs paid', zh: '危机管理费用已赔付' },
  { key: 'overallLeft', en: 'Limit of liability left', zh: '责任限额剩余' },
  { key: 'profitLeft', en: 'Profit limit left', zh: '利润损失限额剩余' },
  { key: 'contLeft', en: 'Continuation limit left', zh: '经营延续费用限额剩余' },
  { key: 'crisisLeft', en: 'Crisis-cost limit left', zh: '危机管理费用限额剩余' },
  { key: 'flagged', en: 'Rows flagged in the check column', zh: '检查列标记的行数' },
  { key: 'status', en: 'Status', zh: '状态' },
] as const;
type SummaryKey = (typeof SUMMARY)[number]['key'];

/** The schedule block via the templates' builder (A label, B 中文, C value, D source). */
function scheduleBlock(s: Schedule | null): { b: SheetBuilder; refs: Record<keyof Schedule, string> } {
  const b = new SheetBuilder(REGISTER_SHEET, 'REG');
  b.title('CPIC 2025 B — claims register', '赔案登记簿');
  b.note('Shaded cells are inputs; every other figure is a live formula. One row per incident and cover, in date order. 带底色的单元格为输入项，其余均为实时公式；每次事故每个保障项目一行，按日期排序。');
  b.section('Schedule', '保险明细表');
  const v = (k: keyof Schedule) => (s ? s[k] : 0);
  const items: Array<[keyof Schedule, string, string, 'money' | 'ratio' | 'hours' | 'date', string]> = [
    ['overallLimit', 'Overall limit of liability', '责任限额', 'money', `${SRC} 第十三条`],
    ['otherPaid', 'Paid in the period outside this register', '本保险期间登记簿外已赔付', 'money', `${SRC} 第十三条`],
    ['sumInsured', 'Profit sum insured', '利润保险金额', 'money', `${SRC} 第十三条 (一) 2 (2)(5)`],
    ['profitLimit', 'Profit limit of indemnity', '利润赔偿限额', 'money', `${SRC} 第十三条 (一) 2 (5)`],
    ['annualRevenue', 'Annual operating revenue (blank: no under-insurance test)', '年度经营性收益（留空：不作比较）', 'money', `${SRC} 第十三条 (一) 2 (3)`],
    ['profitRate', 'Profit rate', '利润率', 'ratio', `${SRC} 第四十四条 32`],
    ['waitingHours', 'Time deductible (hours)', '免赔时间（小时）', 'hours', `${SRC} 第十四条 1`],
    ['contSumInsured', 'Continuation costs sum insured', '经营延续费用保险金额', 'money', `${SRC} 第十三条 (一) 2 (7)(8)`],
    ['crisisLimit', 'Crisis-cost limit', '危机管理费用赔偿限额', 'money', `${SRC} 第十三条 (二) 1`],
    ['crisisReduction', 'Crisis-cost reduction ratio', '减额赔付比例', 'ratio', `${SRC} 第十三条 (二) 1`],
    ['policyStart', 'Policy period from', '保险期间起始日', 'date', `${SRC} 第四条 1 (2)`],
    ['policyEnd', 'Policy period to (last day)', '保险期间终止日', 'date', `${SRC} 第四条 1 (2)`],
  ];
  const refs = {} as Record<keyof Schedule, string>;
  for (const [key, en, zh, format, note] of items) refs[key] = b.input(key, en, zh, v(key), format, note);
  b.section('Incidents of the period', '保险期间内的事故');
  b.note('Covers: profit = lost profit + prevention cost (第十三条 (一) 2 (1)); continuation = business continuation costs (2 (6)-(8)); crisis = crisis or litigation costs (第十三条 (二) 1). 保障项目：profit 利润损失，continuation 经营延续费用，crisis 危机管理/诉讼应对费用。');
  b.note('Each row pays after the rows above it (paid to date = a SUMIF of the rows above). Keep the rows in date order: sort by the date column; the formulas are the same on every row, so sorting keeps them right. 各行以其上方各行的赔付为已赔付额；请按日期排序，每行公式相同，排序后仍然正确。');
  return { b, refs };
}

/** The layout, from a builder run (deterministic: it does not depend on the values). */
export const REGISTER_LAYOUT: RegisterLayout = (() => {
  const { b, refs } = scheduleBlock(null);
  const summary = Object.fromEntries(SUMMARY.map((s, i) => [s.key, `G${5 + i}`])) as Record<SummaryKey, string>;
  return { schedule: refs, summary, headerRow: b.nextRow };
})();

/** The cells of the incident on sheet row `r`: its inputs (shaded) and its live formulas. */
export function incidentCells(r: number, inc: Incident, layout: RegisterLayout = REGISTER_LAYOUT): CellWrite[] {
  const h = layout.headerRow;
  const s = Object.fromEntries(Object.entries(layout.schedule).map(([k, a]) => [k, abs(a)])) as Record<keyof Schedule, string>;
  const at = (k: TableKey) => `${COL[k]}${r}`;
  const above = (k: TableKey) => `$${COL[k]}$${h}:${COL[k]}${r - 1}`;
  const inPeriod = `CYBER.INPERIOD(${at('date')},${s.policyStart},${s.policyEnd})`;
  const triggered = `AND(${inPeriod},CYBER.WAITINGMET(${at('hours')},${s.waitingHours}))`;
  const cover = at('cover');
  const formulas: Record<Exclude<TableKey, 'id' | 'date' | 'cover' | 'loss' | 'deductible' | 'hours' | 'ratio' | 'recovered'>, string> = {
    // What this cover paid in the rows above: the paid_to_date of 第十三条 (一) 2 (5), (8), (二) 1.
    coverBefore: `=SUMIF(${above('cover')},${cover},${above('payable')})`,
    coverPayout:
      `=IF(${cover}="profit",IF(${triggered},CYBER.BIPAYOUT(${at('loss')},${at('deductible')},${s.sumInsured},${s.profitLimit},${s.annualRevenue},${s.profitRate},,${at('coverBefore')}),0),` +
      `IF(${cover}="continuation",IF(${triggered},CYBER.CONTINUATIONPAYOUT(${at('loss')},${at('deductible')},${s.contSumInsured},${at('ratio')},${at('coverBefore')}),0),` +
      `IF(${cover}="crisis",CYBER.CRISISPAYOUT(${at('loss')},${at('recovered')},${s.crisisReduction},${s.crisisLimit},${at('coverBefore')}),NA())))`,
    // What every row above paid, and what was paid outside the register: against the 责任限额 (第十三条).
    paidBefore: `=${s.otherPaid}+SUM(${above('payable')})`,
    payable: `=MIN(${at('coverPayout')},MAX(0,${s.overallLimit}-${at('paidBefore')}))`,
    coverLeft: `=MAX(0,IF(${cover}="profit",MIN(${s.sumInsured},${s.profitLimit}),IF(${cover}="continuation",${s.contSumInsured},${s.crisisLimit}))-${at('coverBefore')}-${at('payable')})`,
    overallLeft: `=MAX(0,${s.overallLimit}-${at('paidBefore')}-${at('payable')})`,
    check:
      `=IF(AND(${cover}<>"profit",${cover}<>"continuation",${cover}<>"crisis"),"${CHECK.unknown}",` +
      `IF(COUNTIF(${above('date')},">"&${at('date')})>0,"${CHECK.order}",` +
      `IF(COUNTIFS(${above('id')},${at('id')},${above('cover')},${cover})>0,"${CHECK.repeated}",` +
      `IF(NOT(${inPeriod}),"${CHECK.outside}",` +
      `IF(AND(${cover}="crisis",N(${at('deductible')})>0),"${CHECK.deductible}","${CHECK.ok}")))))`,
  };
  // A blank deductible of a lost-profit or continuation row, or a blank recovery of a crisis row, is 0
  // (those arguments are required); the crisis row's deductible stays blank (第十三条 (二) 1 (1)).
  const inputs: Record<string, CellInput> = {
    id: inc.id,
    date: inc.date,
    cover: inc.cover,
    loss: inc.loss,
    deductible: inc.cover === 'crisis' ? inc.deductible : (inc.deductible ?? 0),
    hours: inc.hours,
    ratio: inc.ratio,
    recovered: inc.cover === 'crisis' ? (inc.recovered ?? 0) : inc.recovered,
  };
  return TABLE.map((c, i) => {
    const input: CellInput = i < INPUT_COLUMNS ? inputs[c.key] : { formula: formulas[c.key as keyof typeof formulas] };
    const format = 'format' in c ? FORMAT[c.format] : undefined;
    const fill = i < INPUT_COLUMNS ? (input === null ? undefined : INPUT_FILL) : c.key === 'payable' ? RESULT_FILL : undefined;
    return { address: `${COL[c.key]}${r}`, input, numberFormat: format, fill, bold: c.key === 'payable' ? true : undefined };
  });
}

/**
 * The register's sheet: schedule, live summary beside it, the incidents table and spare formatted
 * rows. Its dates (the policy period, each incident's) are counted in 1900 serials, as the engine
 * counts; for a 1904 workbook they are written 1,462 lower, so the cells show the dates entered.
 */
export function registerSheet(schedule: Schedule, incidents: readonly Incident[], date1904 = false): SheetSpec {
  const { b } = scheduleBlock(schedule);
  const L = REGISTER_LAYOUT;
  if (b.nextRow !== L.headerRow) throw new Error('programmer error: the register layout moved');
  const { spec } = b.build({ A: 40, B: 26, C: 16, D: 30, E: 14, F: 34, G: 18, H: 14, I: 16, J: 16, K: 16, L: 18, M: 16, N: 18, O: 30 });
  const h = L.headerRow;
  const first = h + 1;
  const last = h + REGISTER_CAPACITY;
  const col = (k: TableKey) => `${COL[k]}${first}:${COL[k]}${last}`;
  const s = L.schedule;
  const summaryFormulas: Record<SummaryKey, string> = {
    profitCap: `=MIN(${s.sumInsured},${s.profitLimit})`,
    incidents: `=COUNTA(${col('id')})`,
    totalPaid: `=SUM(${col('payable')})`,
    profitPaid: `=SUMIF(${col('cover')},"profit",${col('payable')})`,
    contPaid: `=SUMIF(${col('cover')},"continuation",${col('payable')})`,
    crisisPaid: `=SUMIF(${col('cover')},"crisis",${col('payable')})`,
    overallLeft: `=MAX(0,${s.overallLimit}-${s.otherPaid}-${L.summary.totalPaid})`,
    profitLeft: `=MAX(0,${L.summary.profitCap}-${L.summary.profitPaid})`,
    contLeft: `=MAX(0,${s.contSumInsured}-${L.summary.contPaid})`,
    crisisLeft: `=MAX(0,${s.crisisLimit}-${L.summary.crisisPaid})`,
    flagged: `=${L.summary.incidents}-COUNTIF(${col('check')},"${CHECK.ok}")`,
    status: `=IF(${L.summary.flagged}=0,"${CHECK.ok}","check the flagged rows 请核对标记的行")`,
  };
  const cells: CellWrite[] = [...spec.cells];
  cells.push({ address: 'F4', input: 'Period totals (live) 保险期间合计（实时公式）', bold: true, fill: HEADER_FILL }, { address: 'G4', input: null, fill: HEADER_FILL });
  SUMMARY.forEach((item, i) => {
    const money = item.key !== 'incidents' && item.key !== 'flagged' && item.key !== 'status';
    cells.push({ address: `F${5 + i}`, input: `${item.en} ${item.zh}` });
    cells.push({ address: L.summary[item.key], input: { formula: summaryFormulas[item.key] }, numberFormat: money ? FORMAT.money : undefined, bold: item.key.endsWith('Left') || item.key === 'status' ? true : undefined, fill: item.key.endsWith('Left') ? RESULT_FILL : undefined });
  });
  TABLE.forEach((c, i) => cells.push({ address: cellAddress(h, i + 1), input: `${c.en} ${c.zh}`, bold: true, fill: HEADER_FILL, wrap: true }));
  incidents.forEach((inc, i) => cells.push(...incidentCells(first + i, inc)));
  // Spare rows carry the columns' formats, so an incident added later shows dates and money.
  for (let r = first + incidents.length; r <= last; r++) {
    TABLE.forEach((c) => {
      if ('format' in c) cells.push({ address: `${COL[c.key]}${r}`, input: null, numberFormat: FORMAT[c.format] });
    });
  }
  return { ...spec, cells: cellsInDateSystem(cells, date1904) };
}

/** Validates the form and, only when valid, writes the register as a new sheet. */
export async function writeRegister(gateway: WorkbookGateway, inputs: RawInputs): Promise<{ ok: true; sheet: string } | { ok: false; validation: Extract<RegisterValidation, { ok: false }> }> {
  const v = validateRegister(inputs);
  if (!v.ok) return { ok: false, validation: v };
  const sheet = await gateway.addSheet(registerSheet(v.schedule, v.incidents, await workbookDate1904(gateway)));
  return { ok: true, sheet };
}

// ---------------------------------------------------------------------------------------------
// Reading a register back (the Limits tab) and adding an incident

/**
 * A register reading's date (a 1900 serial; a negative one as the cell holds it, see readRegister)
 * as the sheet's yyyy-mm-dd cell shows it in Excel: a negative one as pound signs in a 1900
 * workbook, with a minus sign before the date of its magnitude in a 1904 workbook
 * (src/sheet/dateSystem.ts dateShown, Microsoft KB 182247); one after 9999-12-31 as pound signs
 * in either; 1 to 60 as Excel's 1900-01-01 to 1900-02-29 (serialToIso).
 */
export function registerDateText(date: number, date1904: boolean): string {
  return date < 0 ? dateShown(date, date1904, serialToIso) : dateShown(date, false, serialToIso);
}

export interface RegisterRow {
  /** Sheet row. */
  readonly row: number;
  readonly id: string;
  readonly date: number | null;
  readonly cover: string;
  readonly payable: CellValue;
  readonly coverLeft: CellValue;
  readonly overallLeft: CellValue;
  readonly check: CellValue;
}

export interface CoverTotals {
  readonly limit: number | null;
  readonly paid: CellValue;
  readonly left: CellValue;
}

export type RegisterReading =
  | { readonly ok: false }
  | {
      readonly ok: true;
      readonly sheet: string;
      readonly layout: RegisterLayout;
      readonly schedule: Readonly<Record<keyof Schedule, CellValue>>;
      readonly rows: readonly RegisterRow[];
      readonly overall: CoverTotals;
      readonly covers: Readonly<Record<Cover, CoverTotals>>;
      readonly flagged: number;
      readonly outOfOrder: number;
      /** The sheet row an added incident goes to (null when the register is full). */
      readonly nextRow: number | null;
      /** The workbook was in the 1904 date system when read: the dates above are its cells' dates as 1900 serials. */
      readonly date1904: boolean;
    };

const numberOr = (v: CellValue | undefined): number | null => (typeof v === 'number' ? v : null);

/** Reads the register on `sheet`, or { ok: false } when the sheet is not one. */
export async function readRegister(gateway: WorkbookGateway, sheet: string): Promise<RegisterReading> {
  const L = REGISTER_LAYOUT;
  const prefix = sheetPrefix(sheet);
  const [[marker]] = await gateway.readRange(`${prefix}A1`);
  if (marker !== REGISTER_TITLE) return { ok: false };
  const last = L.headerRow + REGISTER_CAPACITY;
  const grid = await gateway.readRange(`${prefix}A1:${columnLetters(TABLE.length)}${last}`);
  const cell = (address: string) => {
    const p = parseCell(address)!;
    return grid[p.row - 1]?.[p.col - 1] ?? null;
  };
  // The dates come back in the 1900 serials the engine, the form and the view count in. A
  // negative serial is no date of either system: it stays as the cell holds it, below every date
  // (as src/sheet/dateSystem.ts cyberArgumentsTo1900 keeps it; moved by 1,462 days it would be a
  // day of 1900–1903), and is shown as Excel shows the cell (registerDateText).
  const date1904 = await workbookDate1904(gateway);
  const dateOf = (v: CellValue | undefined): number | null => (typeof v === 'number' ? (v < 0 ? v : to1900(v, date1904)) : null);
  const schedule = Object.fromEntries(Object.entries(L.schedule).map(([k, a]) => [k, k === 'policyStart' || k === 'policyEnd' ? (dateOf(cell(a)) ?? cell(a)) : cell(a)])) as Record<keyof Schedule, CellValue>;
  const idx = Object.fromEntries(TABLE.map((c, i) => [c.key, i])) as Record<TableKey, number>;
  const rows: RegisterRow[] = [];
  let lastFilled = L.headerRow;
  for (let r = L.headerRow + 1; r <= last; r++) {
    const line = grid[r - 1] ?? [];
    const id = line[idx.id];
    if (id === null || id === undefined || id === '') continue;
    lastFilled = r;
    rows.push({
      row: r,
      id: String(typeof id === 'object' ? id.error : id),
      date: dateOf(line[idx.date]),
      cover: String(line[idx.cover] ?? ''),
      payable: line[idx.payable] ?? null,
      coverLeft: line[idx.coverLeft] ?? null,
      overallLeft: line[idx.overallLeft] ?? null,
      check: line[idx.check] ?? null,
    });
  }
  const sum = L.summary;
  const cap = numberOr(cell(sum.profitCap));
  return {
    ok: true,
    sheet,
    layout: L,
    schedule,
    rows,
    overall: { limit: numberOr(schedule.overallLimit), paid: cell(sum.totalPaid), left: cell(sum.overallLeft) },
    covers: {
      profit: { limit: cap, paid: cell(sum.profitPaid), left: cell(sum.profitLeft) },
      continuation: { limit: numberOr(schedule.contSumInsured), paid: cell(sum.contPaid), left: cell(sum.contLeft) },
      crisis: { limit: numberOr(schedule.crisisLimit), paid: cell(sum.crisisPaid), left: cell(sum.crisisLeft) },
    },
    flagged: numberOr(cell(sum.flagged)) ?? rows.filter((r) => r.check !== CHECK.ok).length,
    outOfOrder: rows.filter((r) => r.check === CHECK.order).length,
    nextRow: lastFilled < last ? lastFilled + 1 : null,
    date1904,
  };
}

/** The Limits tab's reading of the selection: a claims register, else a CYBER.ALLOCATE cell. */
export type LimitsReading = { readonly kind: 'register'; readonly reading: Extract<RegisterReading, { ok: true }> } | { readonly kind: 'allocate'; readonly reading: AllocateReading };

export async function readLimits(gateway: WorkbookGateway, cell: SelectedCell | null): Promise<LimitsReading> {
  if (cell) {
    const register = await readRegister(gateway, cell.sheet);
    if (register.ok) return { kind: 'register', reading: register };
  }
  return { kind: 'allocate', reading: await readAllocate(gateway, cell) };
}

/** What the add-incident form holds: the text typed into each field. */
export type IncidentEntries = Readonly<Record<'id' | 'date' | 'cover' | 'loss' | 'deductible' | 'hours' | 'ratio' | 'recovered', string>>;

export const EMPTY_INCIDENT: IncidentEntries = { id: '', date: '', cover: 'profit', loss: '', deductible: '', hours: '', ratio: '', recovered: '' };

/** The schedule as the sheet holds it now (the user may have changed it since it was written). */
function scheduleOf(reading: Extract<RegisterReading, { ok: true }>): Schedule | undefined {
  const out: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(reading.schedule)) {
    if (typeof v === 'number') out[k] = v;
    else if ((v === null || v === '') && OPTIONAL_SCHEDULE.has(k)) out[k] = null;
    else if (v === null && k === 'otherPaid') out[k] = 0;
    else return undefined;
  }
  return out as unknown as Schedule;
}

export type AddResult = { readonly ok: true; readonly row: number } | { readonly ok: false; readonly error: Text };

/**
 * Checks one incident against the register on the sheet (its schedule, its last date, its rows)
 * and writes it on the first free row: its inputs and the same live formulas as every other row,
 * so the period totals (which reach the whole capacity) take it in at once.
 */
export async function addIncident(gateway: WorkbookGateway, reading: Extract<RegisterReading, { ok: true }>, entries: IncidentEntries): Promise<AddResult> {
  if (reading.nextRow === null) return { ok: false, error: both((t) => t.full(REGISTER_CAPACITY)) };
  const line = [entries.id, entries.date, entries.cover, entries.loss, entries.deductible, entries.hours, entries.ratio, entries.recovered].map((t) => t.replace(/;/g, ' ').trim()).join(';');
  const parsed = parseField({ ...INCIDENTS_FIELD, minRows: 1, maxRows: 1 }, line);
  if (!parsed.ok) return { ok: false, error: { en: parsed.error.en.replace(/^Line 1: /i, ''), zh: parsed.error.zh.replace(/^第 ?1 ?行[：:] ?/, '') } };
  const r = readIncidents(parsed.value as TableValue);
  if ('error' in r) return { ok: false, error: { en: r.error.en.replace(/^Line 1: /, ''), zh: r.error.zh.replace(/^第 1 行：/, '') } };
  const inc = r.incidents[0];
  const schedule = scheduleOf(reading);
  if (!schedule) return { ok: false, error: both((t) => t.scheduleUnreadable) };
  const lastRow = reading.rows[reading.rows.length - 1];
  if (lastRow && lastRow.date !== null && lastRow.date > inc.date) return { ok: false, error: both((t) => t.beforeLast(lastRow.id, registerDateText(lastRow.date!, reading.date1904))) };
  const earlier: Incident[] = reading.rows
    .filter((row) => row.date !== null && normaliseCover(row.cover))
    .map((row) => ({ id: row.id, date: row.date!, cover: normaliseCover(row.cover)!, loss: 0, deductible: null, hours: null, ratio: null, recovered: null }));
  if (earlier.some((e) => e.id.toLowerCase() === inc.id.toLowerCase() && e.cover === inc.cover)) return { ok: false, error: both((t) => t.repeatedInSheet(inc.id)) };
  // Repeats were refused above; rows dated after this one (a sheet not yet sorted) are not "before" it.
  const e = incidentError(inc, schedule, earlier.filter((x) => x.date <= inc.date));
  if (e) return { ok: false, error: e.message };
  const prefix = sheetPrefix(reading.sheet);
  for (const c of cellsInDateSystem(incidentCells(reading.nextRow, inc, reading.layout), reading.date1904)) {
    if (c.input !== null) await gateway.writeInput(`${prefix}${c.address}`, c.input);
  }
  await gateway.recalculate();
  return { ok: true, row: reading.nextRow };
}
