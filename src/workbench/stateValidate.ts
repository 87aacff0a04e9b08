/**
 * What the workbench reads back of its own state — the very hidden `_cyberbi` sheet of a saved
 * workbook (the task pane's settings, the charts) and a stored workbook snapshot's charts — is
 * input like any other: a file edited by hand or by another program can hold anything there. A
 * chart title that was not text made the whole page blank (React cannot show an object); a
 * chart range A1:XFD1048576 made the page read 17 billion cells and run out of memory.
 *
 * Each entry is checked for its type, its size and, for a chart, that its range starts inside
 * its sheet's used area and is of a size a chart can draw. What fails is dropped, with a message
 * saying which entry and why (English and Chinese, for the status line); the rest is kept.
 */
import type { ChartSpec } from '../taskpane/gateway';
import { parseRange } from './address';
import { parseAddress } from '../sheet/formula';
import type { WorkbenchModel } from './model';

/** Settings' keys are short names the pane chose (e.g. a scenario list's key). */
export const MAX_SETTING_KEY = 256;
/** A setting's value: 32 Mi characters (20,000 stored scenarios take about 10 Mi). */
export const MAX_SETTING_VALUE = 32 * 1024 * 1024;
export const MAX_SETTINGS = 10_000;
export const MAX_CHARTS = 200;
/** Excel's limit on a chart title (the pane writes short ones). */
export const MAX_CHART_TITLE = 255;
/** Points in one chart: a first column of labels and a last column of amounts, one point a row. */
export const MAX_CHART_CELLS = 10_000;
const CHART_KINDS: ReadonlySet<string> = new Set(['column', 'bar', 'line']);

/** One dropped entry, said in both languages. */
export interface StateProblem {
  readonly en: string;
  readonly zh: string;
}

export interface MetaEntries {
  readonly settings: Array<[string, string]>;
  /** Chart entries as parsed, still to be checked against the sheets (see {@link validCharts}). */
  readonly charts: Array<{ sheet: string; chart: unknown }>;
}

type MetaCell = unknown;

function cellText(c: MetaCell): string | undefined {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number' || typeof c === 'boolean') return String(c);
  if (typeof c === 'object' && typeof (c as { text?: unknown }).text === 'string') return (c as { text: string }).text;
  return undefined; // an error cell, or something no writer of this sheet puts there
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * The rows of the `_cyberbi` sheet (kind, key, value chunks…) → settings and chart entries;
 * `problems` receives one message per row dropped. Rows of a kind this version does not know
 * are dropped too (and said), so nothing is applied that was not understood.
 */
export function readMetaRows(rows: ReadonlyArray<ReadonlyArray<MetaCell> | undefined>, problems: StateProblem[]): MetaEntries {
  const settings: Array<[string, string]> = [];
  const charts: Array<{ sheet: string; chart: unknown }> = [];
  rows.forEach((row, r) => {
    if (row === undefined || row.length === 0) return;
    const at = `row ${r + 1}`;
    const texts: string[] = [];
    let size = 0;
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]);
      if (t === undefined) {
        problems.push({ en: `Stored workbench state, ${at}: a cell that is not text; the entry is dropped.`, zh: `工作台存储的状态第 ${r + 1} 行：有单元格不是文本；此条目已丢弃。` });
        return;
      }
      size += t.length;
      if (size > MAX_SETTING_VALUE + MAX_SETTING_KEY + 16) {
        problems.push({ en: `Stored workbench state, ${at}: more than ${MAX_SETTING_VALUE.toLocaleString('en-US')} characters; the entry is dropped.`, zh: `工作台存储的状态第 ${r + 1} 行：超过 ${MAX_SETTING_VALUE.toLocaleString('en-US')} 个字符；此条目已丢弃。` });
        return;
      }
      texts.push(t);
    }
    const [kind = '', key = '', ...rest] = texts;
    if (kind === '' && key === '' && rest.every((t) => t === '')) return; // an empty row
    const value = rest.join('');
    if (kind !== 'setting' && kind !== 'chart') {
      problems.push({ en: `Stored workbench state, ${at}: unknown entry "${clip(kind)}"; dropped.`, zh: `工作台存储的状态第 ${r + 1} 行：未知条目“${clip(kind)}”；已丢弃。` });
      return;
    }
    if (key === '' || key.length > MAX_SETTING_KEY || [...key].some((ch) => ch.charCodeAt(0) < 0x20)) {
      problems.push({ en: `Stored workbench state, ${at}: the ${kind}'s name is empty, longer than ${MAX_SETTING_KEY} characters or holds control characters; dropped.`, zh: `工作台存储的状态第 ${r + 1} 行：${kind === 'chart' ? '图表' : '设置'}的名称为空、超过 ${MAX_SETTING_KEY} 个字符或含控制字符；已丢弃。` });
      return;
    }
    if (kind === 'setting') {
      if (value.length > MAX_SETTING_VALUE) {
        problems.push({ en: `Stored setting "${clip(key)}": more than ${MAX_SETTING_VALUE.toLocaleString('en-US')} characters; dropped.`, zh: `存储的设置“${clip(key)}”：超过 ${MAX_SETTING_VALUE.toLocaleString('en-US')} 个字符；已丢弃。` });
        return;
      }
      if (settings.length >= MAX_SETTINGS) {
        problems.push({ en: `Stored setting "${clip(key)}": more than ${MAX_SETTINGS.toLocaleString('en-US')} settings; dropped.`, zh: `存储的设置“${clip(key)}”：设置超过 ${MAX_SETTINGS.toLocaleString('en-US')} 项；已丢弃。` });
        return;
      }
      settings.push([key, value]);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      problems.push({ en: `Stored chart on sheet "${clip(key)}": not readable (damaged JSON); dropped.`, zh: `工作表“${clip(key)}”上存储的图表：无法读取（JSON 已损坏）；已丢弃。` });
      return;
    }
    charts.push({ sheet: key, chart: parsed });
  });
  return { settings, charts };
}

/**
 * A stored chart checked against the workbook: an object with a known kind, a text title of at
 * most {@link MAX_CHART_TITLE} characters, an anchor cell and a data range on an existing sheet
 * that starts inside that sheet's used area and spans at most {@link MAX_CHART_CELLS} cells.
 * Returns a fresh ChartSpec holding only those fields, or the reason it is dropped.
 */
export function checkChart(model: WorkbenchModel, sheet: string, raw: unknown): { chart: ChartSpec } | { problem: StateProblem } {
  const where = { en: `Stored chart on sheet "${clip(sheet)}"`, zh: `工作表“${clip(sheet)}”上存储的图表` };
  const fail = (en: string, zh: string) => ({ problem: { en: `${where.en}: ${en}; dropped.`, zh: `${where.zh}：${zh}；已丢弃。` } });
  if (!model.hasSheet(sheet)) return fail('the sheet does not exist', '该工作表不存在');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('not a chart description', '不是图表描述');
  const c = raw as Record<string, unknown>;
  if (typeof c.kind !== 'string' || !CHART_KINDS.has(c.kind)) return fail('its kind is not column, bar or line', '类型不是柱形图、条形图或折线图');
  if (typeof c.title !== 'string') return fail('its title is not text', '标题不是文本');
  if (c.title.length > MAX_CHART_TITLE) return fail(`its title is longer than ${MAX_CHART_TITLE} characters`, `标题超过 ${MAX_CHART_TITLE} 个字符`);
  if (typeof c.anchor !== 'string' || !parseAddress(c.anchor.trim().replace(/\$/g, ''))) return fail('its place is not a cell address', '位置不是单元格地址');
  if (typeof c.dataAddress !== 'string' || c.dataAddress.length > 300) return fail('its data range is not an address', '数据区域不是地址');
  let range;
  try {
    range = parseRange(c.dataAddress);
  } catch {
    return fail('its data range is not an address', '数据区域不是地址');
  }
  const on = range.sheet ?? sheet;
  if (!model.hasSheet(on)) return fail(`its data range names a sheet that does not exist ("${clip(on)}")`, `数据区域引用的工作表不存在（“${clip(on)}”）`);
  const cells = (range.end.row - range.start.row + 1) * (range.end.col - range.start.col + 1);
  if (cells > MAX_CHART_CELLS) {
    return fail(`its data range ${clip(c.dataAddress)} spans ${cells.toLocaleString('en-US')} cells, more than the ${MAX_CHART_CELLS.toLocaleString('en-US')} a chart draws`, `数据区域 ${clip(c.dataAddress)} 有 ${cells.toLocaleString('en-US')} 个单元格，超过图表可绘制的 ${MAX_CHART_CELLS.toLocaleString('en-US')} 个`);
  }
  const used = model.usedSize(on);
  if (range.start.row >= used.rows || range.start.col >= used.cols) {
    return fail(`its data range ${clip(c.dataAddress)} lies outside the used area of the sheet`, `数据区域 ${clip(c.dataAddress)} 超出工作表的已用区域`);
  }
  return { chart: { kind: c.kind as ChartSpec['kind'], title: c.title, dataAddress: c.dataAddress, anchor: c.anchor } };
}

/** The stored charts that pass {@link checkChart}, at most {@link MAX_CHARTS}; `problems` receives the rest. */
export function validCharts(model: WorkbenchModel, entries: ReadonlyArray<{ sheet: string; chart: unknown }>, problems: StateProblem[]): Array<{ sheet: string; chart: ChartSpec }> {
  const out: Array<{ sheet: string; chart: ChartSpec }> = [];
  for (const e of entries) {
    if (out.length >= MAX_CHARTS) {
      problems.push({ en: `Stored chart on sheet "${clip(e.sheet)}": more than ${MAX_CHARTS} charts; dropped.`, zh: `工作表“${clip(e.sheet)}”上存储的图表：图表超过 ${MAX_CHARTS} 个；已丢弃。` });
      continue;
    }
    const checked = checkChart(model, e.sheet, e.chart);
    if ('chart' in checked) out.push({ sheet: model.canonicalSheetName(e.sheet), chart: checked.chart });
    else problems.push(checked.problem);
  }
  return out;
}

const dropped = new WeakMap<WorkbenchModel, readonly StateProblem[]>();

/** Remembers what was dropped while opening `model` (the page says it in the status line). */
export function recordStateProblems(model: WorkbenchModel, problems: readonly StateProblem[]): void {
  if (problems.length > 0) dropped.set(model, [...problems]);
}

/** What was dropped of the stored state when `model` was opened (empty when nothing was). */
export function stateProblems(model: WorkbenchModel): readonly StateProblem[] {
  return dropped.get(model) ?? [];
}

/** One line for the status bar: the first problem, and how many more (full list: {@link stateProblems}). */
export function stateProblemsLine(model: WorkbenchModel, language: 'en' | 'zh'): string | undefined {
  const list = stateProblems(model);
  if (list.length === 0) return undefined;
  const first = list[0][language];
  if (list.length === 1) return first;
  return language === 'zh' ? `${first}（另有 ${list.length - 1} 项已丢弃）` : `${first} (and ${list.length - 1} more dropped)`;
}
