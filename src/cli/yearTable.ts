/**
 * `cyberbi calc FILE --year-table CELL [--out FILE.csv]`: the year loss table of the
 * CYBER.SIMULATE call in CELL (catalogue section 11; issue 14 asks for it "also from the CLI"), one
 * line per simulated year — year, events, loss before terms, paid to each cover of the covers
 * tree (its own rows), total paid — amounts as exact decimals. The years are generated one at a
 * time from the same keys as the cell's run, so line y is year y of the cell's statistics.
 *
 * The call's arguments are read from the evaluated workbook: each must be a literal (number,
 * text, TRUE/FALSE), an array constant, a cell or a range reference (optionally Sheet!…), or left
 * out — what the Simulate tab's template writes.
 */
import { type CellValue, prepareSimulation, type RawArgument, unitsText, yearLossTable } from '../engine';
import { columnNumber } from '../sheet/formula';
import type { OutputCell, SheetResult } from '../sheet/workbook';
import { UnreadableInputError, UsageError } from './errors';
import { guardFormulaText } from './output';

/** Splits the text inside the outer parentheses at top-level commas (quotes, braces and parentheses respected). */
export function splitArguments(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (quoted) {
      if (ch === '"') {
        if (inner[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  out.push(inner.slice(start));
  return out.map((a) => a.trim());
}

/** {1,"a";2,"b"}: cells split at commas, rows at semicolons, outside quotes; each a literal. */
function arrayConstant(inner: string, position: number): CellValue[][] {
  const rows: CellValue[][] = [[]];
  let quoted = false;
  let start = 0;
  const cell = (end: number) => {
    const t = inner.slice(start, end).trim();
    const v = literal(t);
    if (v === undefined) throw new UsageError(`--year-table: argument ${position} of the call holds "${t}" in an array constant; only numbers, texts and booleans can be read`);
    rows[rows.length - 1].push(v);
    start = end + 1;
  };
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') cell(i);
    else if (!quoted && ch === ';') {
      cell(i);
      rows.push([]);
    }
  }
  cell(inner.length);
  return rows;
}

const REF = /^(?:(?:'((?:[^']|'')+)'|([A-Za-z0-9_.]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

function literal(text: string): CellValue | undefined {
  if (/^"(?:[^"]|"")*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return undefined;
}

function fromOutput(v: OutputCell | undefined): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return { error: v.error as never, message: v.message };
  return v;
}

/** One argument's text → its value in the evaluated workbook. */
function argumentValue(text: string, sheets: readonly SheetResult[], home: number, position: number): RawArgument | undefined {
  if (text === '') return undefined;
  const lit = literal(text);
  if (lit !== undefined) return lit;
  if (text.startsWith('{') && text.endsWith('}')) return arrayConstant(text.slice(1, -1), position);
  const m = REF.exec(text);
  if (!m) throw new UsageError(`--year-table: argument ${position} of the call ("${text}") is neither a literal, an array constant nor a cell or range reference`);
  const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const k = sheetName === undefined ? home : sheets.findIndex((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (k < 0) throw new UsageError(`--year-table: argument ${position} refers to the sheet "${sheetName}", which the file does not have`);
  const values = sheets[k].values;
  const r0 = Number(m[4]) - 1;
  const c0 = columnNumber(m[3]) - 1;
  const r1 = m[6] === undefined ? r0 : Number(m[6]) - 1;
  const c1 = m[5] === undefined ? c0 : columnNumber(m[5]) - 1;
  const rows: CellValue[][] = [];
  for (let r = Math.min(r0, r1); r <= Math.max(r0, r1); r++) {
    const row: CellValue[] = [];
    for (let c = Math.min(c0, c1); c <= Math.max(c0, c1); c++) row.push(fromOutput(values[r]?.[c]));
    rows.push(row);
  }
  return m[5] === undefined ? rows[0][0] : rows;
}

function field(text: string, raw: boolean): string {
  const t = raw ? text : guardFormulaText(text);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

const HEADER = {
  en: { year: 'year', events: 'events', groundUp: 'loss before terms', paid: (id: string) => `paid ${id}`, total: 'total paid' },
  zh: { year: '年度', events: '事件数', groundUp: '适用条款前损失', paid: (id: string) => `赔付 ${id}`, total: '赔付合计' },
} as const;

/**
 * Writes the year loss table of the SIMULATE call in `cell` ("B2" or "Model!B2"; default sheet
 * `home`) through `write`, one line at a time (a million years are never held at once).
 */
export function writeYearTable(sheets: readonly SheetResult[], home: number, cell: string, lang: 'en' | 'zh', raw: boolean, write: (text: string) => void): void {
  const m = REF.exec(cell.trim());
  if (!m || m[5] !== undefined) throw new UsageError(`--year-table needs one cell, e.g. B2 or Model!B2, not "${cell}"`);
  const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const k = sheetName === undefined ? home : sheets.findIndex((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (k < 0) throw new UnreadableInputError(`--year-table: the file has no sheet "${sheetName}"`);
  const formula = sheets[k].formulas.get(`${Number(m[4]) - 1},${columnNumber(m[3]) - 1}`);
  const call = formula === undefined ? null : /^=\s*(?:_xlfn\.)?CYBER\.SIMULATE\s*\(([\s\S]*)\)\s*$/i.exec(formula);
  if (!call) throw new UnreadableInputError(`--year-table: ${cell} holds ${formula === undefined ? 'no formula' : `"${formula}"`}, not a CYBER.SIMULATE call`);
  const args = splitArguments(call[1]).map((a, i) => argumentValue(a, sheets, k, i + 1));
  const prepared = prepareSimulation(args);
  if (!prepared.ok) throw new UnreadableInputError(`--year-table: ${cell}: ${prepared.error.message[lang]}`);
  const { model, years, seed } = prepared.value;
  const h = HEADER[lang];
  write([h.year, h.events, h.groundUp, ...model.covers.map((c) => h.paid(c.id)), h.total].map((t) => field(t, raw)).join(',') + '\n');
  let chunk = '';
  for (const row of yearLossTable(model, seed, 1, years)) {
    chunk += `${row.year},${row.events},${unitsText(row.units.groundUp, model.scale)},${row.units.paid.map((u) => unitsText(u, model.scale)).join(',')},${unitsText(row.units.total, model.scale)}\n`;
    if (chunk.length > 1 << 16) {
      write(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') write(chunk);
}
