/**
 * The claim calculation statement (issue 15, 1): for one calculated cell — a CYBER cell from the
 * Explain tab or a template's total — the insured and the incident, every input the calculation
 * reads with its value, unit and cell, every step of the engine's trace with its amount and the
 * wording's title and article, the readings the product applies (README "Readings · 解读",
 * ./readings.ts), the result, the date and the engine version. Written as a print-ready sheet
 * through the gateway; it is static (values at the time of writing, as the sheet says) and is
 * refreshed in place by a second action. The engine's own trace is used; nothing is recomputed
 * a second way. Pure logic over the gateway: no React.
 */
import { findFunction, SOURCE_TITLES, type Citation, type ParamSpec, type Text, type TraceStep } from '../engine';
import { cellAddress, columnLetters, parseCell, parseRange, qualify, sheetPrefix, splitAddress } from './addresses';
import { dateShown, from1900, isoDate1900 } from '../sheet/dateSystem';
import { evaluateForWorkbook, resolveCall, workbookDate1904 } from './explain';
import { classifyArgument, findCyberCalls, qualifyReferences } from './formulaArgs';
import type { CellInput, CellValue, CellWrite, SheetSpec, WorkbookGateway } from './gateway';
import type { Language } from './i18n';
import { plainText, READINGS, readingsFor, type Reading } from './readings';
import { READINGS_ZH } from './readingsZh';
import { STATEMENT_TEXT, type Unit } from './statementText';

/** The product's version (package.json "version"; statement.test.ts keeps the two equal). */
export const ENGINE_VERSION = '0.1.0';
/** The statements written in a workbook (settings), so each can be refreshed and printed again. */
export const STATEMENTS_KEY = 'cyberbi.statements';
export const STATEMENTS_BACKUP_KEY = 'cyberbi.statements.damaged';
/** The insured and incident last entered for this workbook's statements. */
export const STATEMENT_DETAILS_KEY = 'cyberbi.statement.details';
/** At most this many cells are followed from the result back to its inputs. */
export const MAX_CELLS = 300;
/** A range read as one input (a table) holds at most this many cells; a bigger one is listed by address only. */
const MAX_RANGE_CELLS = 2000;
/** A stored copy of a statement (for the print view in a later session) is kept up to this size. */
const MAX_STORED_CHARS = 400_000;

/** Where the template sheets come from, by the sheet name each template gives its model. */
export const TEMPLATE_SHEETS: Readonly<Record<string, string>> = {
  cpic: 'CPIC BI 网络中断',
  samsung: 'Samsung cyber 三星网络安全',
  lmcit: 'LMCIT member 成员',
  iso: 'ISO crime 商业犯罪',
};

export type Figure = CellValue | CellValue[][];

export interface StatementInput {
  /** Sheet-qualified cell or range. */
  readonly address: string;
  /** The text beside it on its row (a template's item in English and Chinese), "" when none. */
  readonly label: string;
  readonly value: Figure;
  readonly unit?: Unit;
}

export interface StatementCall {
  /** CYBER.NAME as written. */
  readonly name: string;
  /** The function's description, both languages (absent for an unknown name). */
  readonly title?: Text;
  readonly steps: readonly TraceStep[];
  readonly error?: { readonly code: string; readonly message: Text };
}

export interface StatementStep {
  readonly address: string;
  readonly label: string;
  readonly formula: string;
  readonly value: Figure;
  readonly unit?: Unit;
  readonly calls: readonly StatementCall[];
}

export interface StatementDetails {
  readonly insured: string;
  readonly incident: string;
}

export interface Statement {
  readonly version: 1;
  readonly language: Language;
  readonly details: StatementDetails;
  readonly source: { readonly address: string; readonly formula: string | null; readonly value: Figure; readonly unit?: Unit };
  readonly inputs: readonly StatementInput[];
  /** The calculated cells, in the order they are computed (what a cell reads comes before it). */
  readonly steps: readonly StatementStep[];
  /** The CYBER functions the calculation calls. */
  readonly functions: readonly string[];
  readonly templateId?: string;
  /** The README's "where" of each reading applied, in the table's order. */
  readonly readings: readonly string[];
  /** ISO time of writing, and the same as the local wall-clock text the statement prints. */
  readonly writtenAt: string;
  readonly writtenAtText: string;
  /** The same moment as an Excel serial in local time, in the workbook's date system (what the sheet's date cell holds). */
  readonly writtenAtSerial: number;
  /**
   * The workbook was in Excel's 1904 date system: the cells' dates above (inputs, steps, the
   * result) are its serials, 1,462 below the 1900 ones, and the print view shows them so. Absent
   * (a statement stored before it was recorded) is 1900. The trace's values stay the engine's.
   */
  readonly date1904?: boolean;
  readonly engineVersion: string;
  /** More than MAX_CELLS cells were reachable: only the first were followed. */
  readonly truncated: boolean;
}

// ---- units --------------------------------------------------------------------------------

/** The unit of an argument a CYBER parameter takes. */
export function unitOfParam(p: ParamSpec | undefined): Unit | undefined {
  if (!p) return undefined;
  switch (p.kind) {
    case 'amount':
      return 'money';
    case 'ratio':
      return 'ratio';
    case 'date':
      return 'date';
    case 'hours':
      return 'hours';
    case 'days':
      return 'days';
    case 'number':
      return 'number';
    case 'boolean':
      return 'yesno';
    case 'option':
      return 'option';
    case 'text':
      return 'text';
    case 'series':
      return 'series';
    case 'table':
      return 'table';
  }
}

/** The Excel number format of a figure of that unit (the statement's money, date and ratio formats). */
export function numberFormatOf(unit: Unit | undefined): string {
  switch (unit) {
    case 'money':
      return '#,##0.00';
    case 'ratio':
      return '0.00%';
    case 'date':
      return 'yyyy-mm-dd';
    case 'hours':
      return '#,##0';
    case 'days':
      return '#,##0.##';
    default:
      return '#,##0.00########';
  }
}

/**
 * An Excel date serial (1900 system) as yyyy-mm-dd; a 1904 workbook's serial goes through to1900
 * first. Serials 0 to 60 as Excel shows them (src/sheet/dateSystem.ts isoDate1900: 1 is
 * 1900-01-01, 60 the fictitious 1900-02-29, 0 1900-01-00), where counting days from 1899-12-30
 * put them a day early (1 was 1899-12-31).
 */
export function serialDate(serial: number): string {
  if (serial >= 0 && serial < 61) return isoDate1900(serial);
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A figure as the print view shows it: the sheet's format, written out (a date of a 1904 workbook,
 * `date1904`, in its system). A negative date is shown as Excel shows the cell
 * (src/sheet/dateSystem.ts dateShown): pound signs in the 1900 system (Microsoft KB 182247), a
 * minus sign before the date of its magnitude in the 1904 system — never a day of 1899 or of
 * 1900–1903.
 */
export function figureText(v: Figure | string | boolean | undefined, unit?: Unit, date1904 = false): string {
  if (Array.isArray(v)) {
    const rows = v.length;
    const cols = rows ? v[0].length : 0;
    return `${rows}×${cols}`;
  }
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'string') {
    // A trace value is an exact decimal string; other text is shown as it is.
    if (!/^-?\d+(\.\d+)?$/.test(v)) return v;
    return figureText(Number(v), unit, date1904);
  }
  if (unit === 'date' && Number.isFinite(v)) return dateShown(v, date1904, serialDate);
  if (unit === 'ratio') return `${(v * 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
  if (unit === 'hours') return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (unit === 'days') return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (unit === 'money') return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 10 });
}

// ---- reading the calculation ---------------------------------------------------------------

const QUALIFIED_REF = /('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!(\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?)/g;

/** The cell and range references of a formula on `sheet`, sheet-qualified, in reading order, each once. */
export function referencesOf(formula: string, sheet: string): string[] {
  // Every reference gets its sheet; then strings are blanked so a quoted "A1" is not a reference.
  const qualified = qualifyReferences(formula, sheet).replace(/"(?:[^"]|"")*"/g, '""');
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of qualified.matchAll(QUALIFIED_REF)) {
    let name = m[1];
    if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
    const address = qualify(m[2], name);
    const key = address.toUpperCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(address);
    }
  }
  return out;
}

function scalar(grid: CellValue[][]): CellValue {
  return grid[0]?.[0] ?? null;
}

function isFormulaInput(input: CellInput): input is { formula: string } {
  return input !== null && typeof input === 'object';
}

/** The text cells left of a cell on its row, joined: a template's "item · 项目". */
async function labelOf(gateway: WorkbookGateway, address: string): Promise<string> {
  const { sheet, range } = splitAddress(address);
  const p = parseCell(range.split(':')[0]);
  if (!p || p.col === 1 || sheet === undefined) return '';
  const left = await gateway.readRange(`${sheetPrefix(sheet)}A${p.row}:${columnLetters(p.col - 1)}${p.row}`);
  return (left[0] ?? [])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim())
    .join(' · ');
}

/** Arithmetic that keeps a unit: references, numbers, + − and MIN/MAX/SUM/IF/ROUND (a total, a cap). */
const SAME_UNIT = /^=(?:[\s0-9.,:+\-()$!']|MIN|MAX|SUM|IF|ROUND|[A-Za-z_][A-Za-z0-9_.]*!|'(?:[^']|'')+'!|\$?[A-Za-z]{1,3}\$?[0-9]+)*$/i;

interface Collected {
  inputs: StatementInput[];
  steps: StatementStep[];
  truncated: boolean;
}

/**
 * Follows a cell back to everything it reads: each formula cell is a step (its CYBER calls
 * evaluated by the engine with their trace), each value cell an input, each range an input read
 * whole. Units come from the CYBER parameters that take each cell, then spread through sums and
 * caps (a cell added to an amount is an amount).
 */
async function collect(gateway: WorkbookGateway, source: string, date1904: boolean): Promise<Collected> {
  const inputs: StatementInput[] = [];
  const steps: StatementStep[] = [];
  const units = new Map<string, Unit>();
  const seen = new Set<string>();
  const rangeKeys = new Set<string>();
  let truncated = false;
  const key = (a: string) => a.replace(/\$/g, '').toUpperCase();

  async function visit(address: string, depth: number): Promise<void> {
    const k = key(address);
    if (seen.has(k)) return;
    if (seen.size >= MAX_CELLS || depth > 200) {
      truncated = true;
      return;
    }
    seen.add(k);
    const { sheet = '' } = splitAddress(address);
    const input = await gateway.readInput(address);
    const value = scalar(await gateway.readRange(address));
    const label = await labelOf(gateway, address);
    if (!isFormulaInput(input)) {
      inputs.push({ address, label, value });
      return;
    }
    for (const ref of referencesOf(input.formula, sheet)) {
      const r = parseRange(splitAddress(ref).range);
      if (!r) continue;
      if (r.top === r.bottom && r.left === r.right) {
        await visit(ref, depth + 1);
      } else if (!rangeKeys.has(key(ref))) {
        rangeKeys.add(key(ref));
        const size = (r.bottom - r.top + 1) * (r.right - r.left + 1);
        inputs.push({ address: ref, label: await labelOf(gateway, qualify(cellAddress(Math.max(1, r.top - 1), r.left), splitAddress(ref).sheet ?? sheet)), value: size <= MAX_RANGE_CELLS ? await gateway.readRange(ref) : [] });
      }
    }
    const calls: StatementCall[] = [];
    for (const call of findCyberCalls(input.formula)) {
      const fn = findFunction(call.name);
      const args = await resolveCall(gateway, call, sheet);
      const outcome = evaluateForWorkbook(call.name, args.map((a) => a.value), date1904);
      call.args.forEach((text, i) => {
        const kind = classifyArgument(text);
        const u = unitOfParam(fn?.params[i]);
        if (kind.kind === 'reference' && u) {
          const ref = key(qualify(kind.address, sheet));
          if (!units.has(ref)) units.set(ref, u);
        }
      });
      calls.push({
        name: `CYBER.${call.name}`,
        title: fn?.description,
        steps: outcome.trace,
        error: outcome.ok ? undefined : { code: outcome.error.code, message: outcome.error.message },
      });
    }
    steps.push({ address, label, formula: input.formula, value, calls });
  }

  await visit(source, 0);

  // A CYBER result's unit when nothing reads it as a parameter: a date or yes/no by its kind.
  for (const s of steps) {
    const only = findCyberCalls(s.formula);
    if (only.length && !units.has(key(s.address))) {
      const kind = findFunction(only[only.length - 1].name)?.resultKind;
      if (kind === 'date') units.set(key(s.address), 'date');
      else if (kind === 'boolean') units.set(key(s.address), 'yesno');
    }
  }
  // Sums and caps: every cell in one shares the unit of any that has one (a few passes settle it).
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (const s of steps) {
      if (s.calls.length || !SAME_UNIT.test(s.formula.replace(/\s+/g, ''))) continue;
      const { sheet = '' } = splitAddress(s.address);
      const group = [key(s.address), ...referencesOf(s.formula, sheet).map(key)];
      const known = group.map((g) => units.get(g)).find((u) => u === 'money');
      if (!known) continue;
      for (const g of group) {
        if (!units.has(g)) {
          units.set(g, known);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  const withUnit = <T extends { address: string; value: Figure }>(x: T): T => {
    const u = units.get(key(x.address));
    if (u) return { ...x, unit: u };
    if (typeof x.value === 'boolean') return { ...x, unit: 'yesno' };
    if (typeof x.value === 'string') return { ...x, unit: 'text' };
    if (Array.isArray(x.value)) return { ...x, unit: 'table' };
    if (typeof x.value === 'number') return { ...x, unit: 'number' };
    return x;
  };
  // Inputs in the order of their sheet: sheet by sheet, row by row, as a reader finds them.
  const position = (a: string) => {
    const { sheet = '', range } = splitAddress(a);
    const p = parseRange(range);
    return { sheet, row: p?.top ?? 0, col: p?.left ?? 0 };
  };
  const sheetOrder: string[] = [];
  for (const i of inputs) if (!sheetOrder.includes(position(i.address).sheet)) sheetOrder.push(position(i.address).sheet);
  const ordered = [...inputs].sort((a, b) => {
    const p = position(a.address);
    const q = position(b.address);
    return sheetOrder.indexOf(p.sheet) - sheetOrder.indexOf(q.sheet) || p.row - q.row || p.col - q.col;
  });
  return { inputs: ordered.map(withUnit), steps: steps.map(withUnit), truncated };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** yyyy-mm-dd hh:mm in local time, and the same moment as a local Excel serial. */
export function localTime(now: Date): { text: string; serial: number } {
  const text = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
  const localMs = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes(), now.getSeconds());
  return { text, serial: localMs / 86400000 + 25569 };
}

/** The template whose sheet this is ("CPIC BI 网络中断 (2)" → cpic), if any. */
export function templateOfSheet(sheet: string): string | undefined {
  for (const [id, name] of Object.entries(TEMPLATE_SHEETS)) if (sheet === name || sheet.startsWith(`${name} (`)) return id;
  return undefined;
}

export interface StatementOptions {
  readonly language: Language;
  readonly details: StatementDetails;
  /** The template the cell was built by, when known (else read from the sheet's name). */
  readonly templateId?: string;
  readonly now?: Date;
}

/** Reads the calculation of one cell (sheet-qualified) into a statement. Writes nothing. */
export async function collectStatement(gateway: WorkbookGateway, address: string, options: StatementOptions): Promise<Statement> {
  const input = await gateway.readInput(address);
  if (!isFormulaInput(input)) throw new NoFormula(address);
  const { sheet = '' } = splitAddress(address);
  const date1904 = await workbookDate1904(gateway);
  const { inputs, steps, truncated } = await collect(gateway, address, date1904);
  const functions = [...new Set(steps.flatMap((s) => s.calls.map((c) => c.name)))];
  const templateId = options.templateId ?? templateOfSheet(sheet);
  const readings = readingsFor(functions, templateId ? [templateId] : []).map((r) => r.where);
  const now = options.now ?? new Date();
  const local = localTime(now);
  const last = steps[steps.length - 1];
  return {
    version: 1,
    language: options.language,
    details: { insured: options.details.insured.trim(), incident: options.details.incident.trim() },
    source: { address, formula: input.formula, value: last?.value ?? null, unit: last?.unit === 'number' ? 'money' : (last?.unit ?? 'money') },
    inputs,
    steps,
    functions,
    templateId,
    readings,
    writtenAt: now.toISOString(),
    writtenAtText: local.text,
    // The sheet's date cell: the local moment in the workbook's date system.
    writtenAtSerial: from1900(local.serial, date1904),
    engineVersion: ENGINE_VERSION,
    truncated,
    ...(date1904 ? { date1904 } : {}),
  };
}

export class NoFormula extends Error {
  constructor(readonly address: string) {
    super(`${address} holds no formula`);
    this.name = 'NoFormula';
  }
}

// ---- the sheet ----------------------------------------------------------------------------

const HEADER_FILL = '#D9E1F2';
const SECTION_FILL = '#B4C6E7';
const CALL_FILL = '#F2F2F2';

/** The wording's title and the article, in the statement's language. */
export function citationParts(c: Citation | undefined, language: Language): { wording: string; article: string } {
  if (!c) return { wording: '', article: '' };
  const title = SOURCE_TITLES[c.source][language];
  if (language === 'zh') return { wording: title, article: c.article };
  const en = c.en.startsWith(`${title}, `) ? c.en.slice(title.length + 2) : c.en;
  return { wording: title, article: c.article && !en.includes(c.article) ? `${en} (${c.article})` : en };
}

/** A figure as a cell entry: numbers stay numbers (formatted by the sheet), the rest is text. */
function entryOf(v: Figure | string | boolean | undefined): CellInput {
  if (Array.isArray(v)) return figureText(v);
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return v.error;
  if (typeof v === 'string') return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  return v;
}

/** Text a header or footer can print: Excel reads & as a code, so a literal one is doubled. */
function headerText(s: string): string {
  return s.replace(/&/g, '&&').slice(0, 120);
}

function readingByWhere(where: string): Reading | undefined {
  return READINGS.find((r) => r.where === where);
}

/** A reading as a statement prints it: plain text, in Chinese for a Chinese statement (the quoted sentence stays as the wording says it). */
export function readingText(r: Reading, language: Language): { where: string; sentence: string; reading: string } {
  const zh = language === 'zh' ? READINGS_ZH[r.where] : undefined;
  return { where: zh?.where ?? plainText(r.where), sentence: plainText(r.sentence), reading: zh?.reading ?? plainText(r.reading) };
}

/** The statement as a worksheet: columns Item · Value · Unit · Cell/Wording · Article, print-ready. */
export function statementSheet(st: Statement, sheetName?: string, replace = false): SheetSpec {
  const t = STATEMENT_TEXT[st.language];
  const cells: CellWrite[] = [];
  let row = 1;
  const put = (col: string, input: CellInput, extra: Omit<CellWrite, 'address' | 'input'> = {}) => {
    if (input === null || input === '') {
      if (extra.fill) cells.push({ address: `${col}${row}`, input: null, ...extra });
      return;
    }
    cells.push({ address: `${col}${row}`, input, ...extra });
  };
  const section = (title: string) => {
    row++;
    put('A', title, { bold: true, fill: SECTION_FILL });
    for (const c of ['B', 'C', 'D', 'E']) put(c, null, { fill: SECTION_FILL });
    row++;
  };
  const header = (labels: string[]) => {
    labels.forEach((l, i) => put(String.fromCharCode(65 + i), l, { bold: true, fill: HEADER_FILL }));
    row++;
  };

  put('A', t.title, { bold: true });
  row++;
  put('A', t.staticNote(st.writtenAtText));
  row++;

  section(t.claim);
  const detail = (label: string, value: CellInput, extra: Omit<CellWrite, 'address' | 'input'> = {}) => {
    put('A', label, { bold: true });
    put('B', value, extra);
    row++;
  };
  detail(t.insured, st.details.insured || t.notGiven);
  detail(t.incident, st.details.incident || t.notGiven);
  detail(t.resultCell, st.source.address);
  // Text, not a formula: the statement keeps the values of its time.
  detail(t.formula, st.source.formula ?? '');
  detail(t.result, entryOf(st.source.value), { numberFormat: numberFormatOf(st.source.unit), bold: true });
  detail(t.writtenOn, st.writtenAtSerial, { numberFormat: 'yyyy-mm-dd hh:mm' });
  detail(t.engineVersion, `cyberbi ${st.engineVersion}`);

  section(t.inputs);
  header([t.item, t.value, t.unit, t.cell]);
  if (!st.inputs.length) {
    put('A', t.noInputs);
    row++;
  }
  for (const i of st.inputs) {
    put('A', i.label || i.address, { wrap: true });
    put('B', entryOf(i.value), { numberFormat: numberFormatOf(i.unit) });
    put('C', i.unit ? t.units[i.unit] : '');
    put('D', i.address);
    row++;
  }

  section(t.calculation);
  header([t.step, t.amount, t.unit, t.wording, t.article]);
  for (const s of st.steps) {
    put('A', s.label || s.address, { bold: true, wrap: true });
    put('B', entryOf(s.value), { numberFormat: numberFormatOf(s.unit), bold: true });
    put('C', s.unit ? t.units[s.unit] : '');
    put('D', `${s.address}  ${s.formula}`, { wrap: true });
    row++;
    for (const c of s.calls) {
      put('A', c.name, { fill: CALL_FILL });
      for (const col of ['B', 'C']) put(col, null, { fill: CALL_FILL });
      put('D', c.title ? c.title[st.language] : '', { fill: CALL_FILL, wrap: true });
      put('E', null, { fill: CALL_FILL });
      row++;
      for (const step of c.steps) {
        const cite = citationParts(step.article, st.language);
        put('A', step.label[st.language], { wrap: true });
        put('B', entryOf(step.value), { numberFormat: numberFormatOf(undefined) });
        put('D', cite.wording, { wrap: true });
        put('E', cite.article, { wrap: true });
        row++;
      }
      if (c.error) {
        put('A', t.errorIn(c.error.code));
        put('D', c.error.message[st.language], { wrap: true });
        row++;
      }
    }
  }
  if (st.truncated) {
    put('A', t.truncated(MAX_CELLS));
    row++;
  }

  section(t.readings);
  header([t.where, t.sentence, '', t.reading]);
  for (const where of st.readings) {
    const r = readingByWhere(where);
    if (!r) continue;
    const text = readingText(r, st.language);
    put('A', text.where, { wrap: true });
    put('B', text.sentence, { wrap: true });
    put('D', text.reading, { wrap: true });
    row++;
  }
  if (st.language === 'zh') {
    put('A', t.readingsLanguage);
    row++;
  }
  const lastRow = row - 1;
  const name = (sheetName ?? `${t.sheetName} ${splitAddress(st.source.address).range}`).slice(0, 31);
  return {
    name,
    cells,
    columnWidths: { A: 42, B: 40, C: 10, D: 60, E: 34 },
    replace,
    print: {
      orientation: 'landscape',
      paper: 'A4',
      area: `A1:E${lastRow}`,
      titleRows: '1:2',
      fitToWidth: true,
      header: { left: headerText(`${t.title} — ${st.details.insured || t.notGiven}`), right: headerText(st.source.address) },
      footer: { left: headerText(`cyberbi ${st.engineVersion} · ${st.writtenAtText}`), right: t.pageFooter },
    },
  };
}

// ---- the register of statements -----------------------------------------------------------

export interface StatementRecord {
  readonly sheet: string;
  readonly source: string;
  readonly language: Language;
  readonly templateId?: string;
  readonly writtenAt: string;
  /** The statement as written, for the print view (absent when it was too large to keep). */
  readonly statement?: Statement;
}

function isRecord(v: unknown): v is StatementRecord {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.sheet === 'string' &&
    typeof r.source === 'string' &&
    (r.language === 'en' || r.language === 'zh') &&
    typeof r.writtenAt === 'string' &&
    (r.templateId === undefined || typeof r.templateId === 'string') &&
    (r.statement === undefined || (typeof r.statement === 'object' && r.statement !== null && (r.statement as { version?: unknown }).version === 1))
  );
}

export type StatementList = { readonly ok: true; readonly records: readonly StatementRecord[] } | { readonly ok: false; readonly raw: string };

export function parseStatementList(raw: string | null): StatementList {
  if (raw === null || raw === '') return { ok: true, records: [] };
  try {
    const data = JSON.parse(raw) as { version?: unknown; statements?: unknown };
    if (data && data.version === 1 && Array.isArray(data.statements) && data.statements.every(isRecord)) return { ok: true, records: data.statements };
  } catch {
    // fall through: damaged
  }
  return { ok: false, raw };
}

export async function loadStatements(gateway: WorkbookGateway): Promise<StatementList> {
  return parseStatementList(await gateway.loadSetting(STATEMENTS_KEY));
}

/** Records a statement written (replacing any record of the same sheet). A damaged list is backed up, never lost. */
async function remember(gateway: WorkbookGateway, record: StatementRecord): Promise<{ damaged: boolean }> {
  const list = await loadStatements(gateway);
  if (!list.ok) await gateway.saveSetting(STATEMENTS_BACKUP_KEY, list.raw);
  const kept = (list.ok ? list.records : []).filter((r) => r.sheet.toLowerCase() !== record.sheet.toLowerCase());
  const stored = record.statement && JSON.stringify(record.statement).length > MAX_STORED_CHARS ? { ...record, statement: undefined } : record;
  await gateway.saveSetting(STATEMENTS_KEY, JSON.stringify({ version: 1, statements: [...kept, stored] }));
  return { damaged: !list.ok };
}

export async function loadDetails(gateway: WorkbookGateway): Promise<StatementDetails> {
  try {
    const d = JSON.parse((await gateway.loadSetting(STATEMENT_DETAILS_KEY)) ?? '{}') as Record<string, unknown>;
    return { insured: typeof d.insured === 'string' ? d.insured : '', incident: typeof d.incident === 'string' ? d.incident : '' };
  } catch {
    return { insured: '', incident: '' };
  }
}

export async function saveDetails(gateway: WorkbookGateway, details: StatementDetails): Promise<void> {
  await gateway.saveSetting(STATEMENT_DETAILS_KEY, JSON.stringify({ insured: details.insured, incident: details.incident }));
}

export interface Written {
  readonly sheet: string;
  readonly statement: Statement;
  /** The stored list could not be read: it was backed up and a new one started. */
  readonly listDamaged: boolean;
}

/**
 * Writes a new statement sheet for `address` (sheet-qualified) with the workbook's stored
 * insured and incident (or those given), and records it for refreshing.
 */
export async function writeStatement(
  gateway: WorkbookGateway,
  address: string,
  options: { readonly language: Language; readonly templateId?: string; readonly details?: StatementDetails; readonly now?: Date },
): Promise<Written> {
  const details = options.details ?? (await loadDetails(gateway));
  const statement = await collectStatement(gateway, address, { ...options, details });
  const sheet = await gateway.addSheet(statementSheet(statement));
  const { damaged } = await remember(gateway, { sheet, source: address, language: options.language, templateId: statement.templateId, writtenAt: statement.writtenAt, statement });
  return { sheet, statement, listDamaged: damaged };
}

/** Rewrites a recorded statement in place with the workbook's current values and stored details. */
export async function refreshStatement(gateway: WorkbookGateway, record: StatementRecord, options: { readonly details?: StatementDetails; readonly now?: Date } = {}): Promise<Written> {
  const details = options.details ?? (await loadDetails(gateway));
  const statement = await collectStatement(gateway, record.source, { language: record.language, templateId: record.templateId, details, now: options.now });
  const sheet = await gateway.addSheet(statementSheet(statement, record.sheet, true));
  const { damaged } = await remember(gateway, { ...record, sheet, writtenAt: statement.writtenAt, statement });
  return { sheet, statement, listDamaged: damaged };
}

