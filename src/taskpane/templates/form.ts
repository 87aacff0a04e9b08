/**
 * Reads and checks a template's form. Each field is parsed by its kind (amounts, percentages,
 * dates, whole hours, tables), then the template's probes run the engine on the parsed entries,
 * so an entry the functions would reject is flagged before anything is written to the sheet,
 * with the engine's own message. Pure.
 */
import { evaluate, type Text } from '../../engine';
import { workbookDate1904 } from '../explain';
import { UI_TEXT } from '../i18n';
import type { CellScalar, WorkbookGateway } from '../gateway';
import { specInDateSystem } from './sheetBuilder';
import type { ColumnDef, FieldDef, FieldValue, FieldValues, RawInputs, TableValue, TemplateDefinition } from './types';
import { isoDate1900 } from '../../sheet/dateSystem';

/** Both languages of a form message, built from the one UI text table. */
function both(pick: (t: (typeof UI_TEXT)['en']['form']) => string): Text {
  return { en: pick(UI_TEXT.en.form), zh: pick(UI_TEXT.zh.form) };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: Text };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (error: Text): Parsed<never> => ({ ok: false, error });

/**
 * Excel's serial for a calendar date (1900 date system, as the engine counts; a sheet in a 1904
 * workbook gets it through specInDateSystem). Before 1900-03-01 Excel counts from 1900-01-01 = 1
 * (its fictitious 1900-02-29 is 60), one less than the days since 1899-12-30: the serial that
 * serialToIso shows as the same date.
 */
export function dateSerial(year: number, month: number, day: number): number {
  const days = (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
  return days < 61 ? days - 1 : days;
}

/**
 * 45627 → "2024-12-01". Serials 0 to 60 as Excel shows them (src/sheet/dateSystem.ts
 * isoDate1900: 1 is 1900-01-01, 60 the fictitious 1900-02-29, 0 1900-01-00), never a day early.
 */
export function serialToIso(serial: number): string {
  if (serial >= 0 && serial < 61) return isoDate1900(serial);
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  return d.toISOString().slice(0, 10);
}

export function parseDate(text: string): number | undefined {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  // Excel's calendar runs from 1900-01-01 to 9999-12-31: a date outside is no date (Excel keeps such an entry as text).
  if (y < 1900 || y > 9999) return undefined;
  return dateSerial(y, mo, d);
}

/** "1,250,000", "$5,000", "¥ 56 000", "90%" (when percentages are allowed) → a number. */
export function parseNumber(text: string, percent: boolean): number | undefined {
  let t = text.trim().replace(/[\s,_$¥€£]/g, '');
  let scale = 1;
  if (percent && t.endsWith('%')) {
    t = t.slice(0, -1);
    scale = 0.01;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t) * scale;
  // 0.1 × 0.01 style drift would change the exact figure the engine receives.
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : undefined;
}

function checkBounds(n: number, f: Pick<FieldDef, 'min' | 'max' | 'greaterThan' | 'whole'>): Text | undefined {
  if (f.whole && !Number.isInteger(n)) return both((t) => t.notWhole);
  if (f.greaterThan !== undefined && !(n > f.greaterThan)) return both((t) => t.greaterThan(f.greaterThan!.toLocaleString('en-US')));
  if (f.min !== undefined && n < f.min) return both((t) => (f.min === 0 ? t.negative : t.atLeast(f.min!.toLocaleString('en-US'))));
  if (f.max !== undefined && n > f.max) return both((t) => t.atMost(f.max!.toLocaleString('en-US')));
  return undefined;
}

/** One scalar entry of the given kind (a field, or one cell of a table). */
function parseScalar(text: string, kind: FieldDef['kind'] | ColumnDef['kind'], f: Pick<FieldDef, 'min' | 'max' | 'greaterThan' | 'whole'> = {}): Parsed<number> {
  if (text.trim() === '') return bad(both((t) => t.required));
  if (kind === 'date') {
    const d = parseDate(text);
    return d === undefined ? bad(both((t) => t.notDate)) : ok(d);
  }
  const n = parseNumber(text, kind === 'ratio' || kind === 'rate');
  if (n === undefined) {
    if (kind === 'ratio') return bad(both((t) => t.ratio));
    return bad(both((t) => t.notNumber(text.trim())));
  }
  const rules = { ...f };
  if (kind === 'amount' || kind === 'days' || kind === 'hours') rules.min = rules.min ?? 0;
  if (kind === 'hours') rules.whole = true;
  if (kind === 'ratio') {
    if (n < 0 || n > 1) return bad(both((t) => t.ratio));
  }
  if (kind === 'rate' && !(n > -1)) return bad(both((t) => t.rate));
  const error = checkBounds(n, rules);
  return error ? bad(error) : ok(n);
}

/** Splits table text into lines of cells: ";" or a tab between cells, blank lines ignored. */
export function splitTable(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => line.split(line.includes('\t') ? '\t' : ';').map((c) => c.trim()));
}

function parseTable(text: string, f: FieldDef): Parsed<TableValue> {
  const columns = f.columns ?? [];
  const lines = splitTable(text);
  if (lines.length < (f.minRows ?? 1)) return bad(both((t) => t.fewRows(f.minRows ?? 1)));
  if (f.maxRows !== undefined && lines.length > f.maxRows) return bad(both((t) => t.manyRows(f.maxRows!)));
  const rows: TableValue = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i];
    if (cells.length > columns.length || cells.length < columns.filter((c) => !c.optional).length) {
      return bad(both((t) => t.line(i + 1, t.columns(columns.length))));
    }
    const row: CellScalar[] = [];
    for (let k = 0; k < columns.length; k++) {
      const col = columns[k];
      const cell = cells[k] ?? '';
      if (cell === '') {
        if (!col.optional) return bad(both((t) => t.line(i + 1, t.required)));
        row.push(null);
      } else if (col.kind === 'text') {
        row.push(cell);
      } else {
        const p = parseScalar(cell, col.kind);
        if (!p.ok) return bad({ en: UI_TEXT.en.form.line(i + 1, `${col.label.en}: ${p.error.en}`), zh: UI_TEXT.zh.form.line(i + 1, `${col.label.zh}：${p.error.zh}`) });
        row.push(p.value);
      }
    }
    rows.push(row);
  }
  return ok(rows);
}

function parseSeries(text: string, f: FieldDef): Parsed<number[]> {
  const parts = text.split(/[;\s]+/).filter((p) => p !== '');
  if (parts.length < (f.minRows ?? 1)) return bad(both((t) => t.fewRows(f.minRows ?? 1)));
  if (f.maxRows !== undefined && parts.length > f.maxRows) return bad(both((t) => t.manyRows(f.maxRows!)));
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parseScalar(parts[i], 'amount');
    if (!p.ok) return bad({ en: UI_TEXT.en.form.item(i + 1, p.error.en), zh: UI_TEXT.zh.form.item(i + 1, p.error.zh) });
    out.push(p.value);
  }
  return ok(out);
}

export function parseField(f: FieldDef, raw: string | boolean | undefined): Parsed<FieldValue> {
  const entry = raw ?? f.default;
  if (f.kind === 'boolean') return ok(entry === true || entry === 'true');
  const text = typeof entry === 'string' ? entry : String(entry);
  if (f.kind === 'text') return text.trim() === '' ? bad(both((t) => t.required)) : ok(text.trim());
  if (f.kind === 'table') return parseTable(text, f);
  if (f.kind === 'series') return parseSeries(text, f);
  return parseScalar(text, f.kind, f);
}

export type Validation =
  | { readonly ok: true; readonly values: FieldValues }
  | { readonly ok: false; readonly errors: Readonly<Record<string, Text>>; readonly formErrors: readonly Text[] };

export function allFields(template: TemplateDefinition): FieldDef[] {
  return template.sections.flatMap((s) => s.fields);
}

/** The form's starting entries: every field's default. */
export function defaultInputs(template: TemplateDefinition): Record<string, string | boolean> {
  return Object.fromEntries(allFields(template).map((f) => [f.key, f.default]));
}

/**
 * Parses every field, then (when all parse) runs the template's probes: the form is valid only
 * when every entry parses and no engine call over the entries reports an error.
 */
export function validateForm(template: TemplateDefinition, inputs: RawInputs): Validation {
  const errors: Record<string, Text> = {};
  const values: Record<string, FieldValue> = {};
  for (const f of allFields(template)) {
    const p = parseField(f, inputs[f.key]);
    if (p.ok) values[f.key] = p.value;
    else errors[f.key] = p.error;
  }
  if (Object.keys(errors).length) return { ok: false, errors, formErrors: [] };
  const formErrors: Text[] = [];
  for (const probe of template.probes) {
    const outcome = evaluate(probe.fn, probe.args(values));
    if (outcome.ok) continue;
    const field = outcome.error.argument ? probe.blame[outcome.error.argument] : undefined;
    if (field) {
      if (!errors[field]) errors[field] = outcome.error.message;
    } else if (!formErrors.some((e) => e.en === outcome.error.message.en)) {
      formErrors.push(outcome.error.message);
    }
  }
  return Object.keys(errors).length || formErrors.length ? { ok: false, errors, formErrors } : { ok: true, values };
}

export type BuildResult =
  | { readonly ok: true; readonly sheet: string; readonly payout: string }
  | { readonly ok: false; readonly validation: Extract<Validation, { ok: false }> };

/**
 * Validates the entries and, only when they are all valid, writes the model sheet: an invalid
 * form never reaches the workbook. `payout` is the main result's address on the new sheet. The
 * dates are written in the workbook's date system (a 1904 workbook's serials are 1,462 lower).
 */
export async function buildTemplate(gateway: WorkbookGateway, template: TemplateDefinition, inputs: RawInputs): Promise<BuildResult> {
  const validation = validateForm(template, inputs);
  if (!validation.ok) return { ok: false, validation };
  const built = template.build(validation.values);
  const sheet = await gateway.addSheet(specInDateSystem(built.spec, await workbookDate1904(gateway)));
  return { ok: true, sheet, payout: built.payout };
}
