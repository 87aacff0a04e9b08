/**
 * The evaluated sheet → what `cyberbi calc` prints.
 *
 * CSV (the default, catalogue section 8): cell A1 is the first field of the first line; the sheet is
 * trimmed to its used range (no trailing blank rows or columns); numbers in shortest round-trip
 * form (JavaScript's String(n): 0.03, 32307.69230769231, 1e-7); booleans TRUE/FALSE; errors as
 * their code; text as text; blank as an empty field. Lines end with \n.
 *
 * Formula guard (catalogue §8, v2): a text value a spreadsheet would run as a formula when the CSV
 * is opened — one beginning with =, +, -, @, a tab or a carriage return — is printed with a leading
 * ' (so `="=1+1"` prints '=1+1 and "@SUM" prints '@SUM). Only text is guarded: a number (−5 is
 * the number -5, not text), a boolean or an error code is printed as it is. `--raw` turns the guard
 * off, for a consumer that wants the text exactly. JSON output is never guarded: it is data, not a
 * sheet.
 *
 * JSON (--format json), one object:
 *   {
 *     "file":  "examples/cpic-network-interruption.xlsx",  the path as given
 *     "sheet": "Claim 理赔测算",                             the sheet printed (a CSV: its base name)
 *     "rows": 55, "cols": 7,                                 size of the used range (as in CSV)
 *     "cells": [                                             every non-blank cell, row by row
 *       { "cell": "A1", "row": 1, "col": 1, "type": "text", "value": "..." },
 *       { "cell": "C22", "row": 22, "col": 3, "type": "number", "value": 0.28,
 *         "formula": "=CYBER.PROFITRATE(C17,C18,C19,C20)" },
 *       { "cell": "C43", "row": 43, "col": 3, "type": "boolean", "value": true, "formula": "..." },
 *       { "cell": "D2", "row": 2, "col": 4, "type": "error", "value": "#VALUE!",
 *         "message": "CYBER.LOSTPROFIT: profit_rate is a fraction and must lie between 0 and 1 ...",
 *         "formula": "=CYBER.LOSTPROFIT(100,2)" }
 *     ]
 *   }
 * `type` is one of number | boolean | text | error; `value` is the number, boolean, text or error
 * code; `message` is present exactly for errors and never empty; `formula` is present for cells
 * holding a formula (the text evaluated, after normalization); cells filled by a spilled array
 * have no `formula`. Empty text from a formula is a cell of type text with value "".
 *
 * Several sheets (--sheet repeated, --all-sheets), printed from one evaluation:
 * - CSV: one stream of records, each beginning with its sheet's name (guarded like any text
 *   unless --raw), then that row's fields as the single-sheet CSV prints them; sheets in the
 *   order asked; every record padded with empty fields to one width (1 + the widest sheet's
 *   used columns), so that CSV readers that want rectangular data (pandas, R, csvkit) take it;
 *   a sheet with no cells has no record. The single-sheet CSV of sheet S is the records whose
 *   first field is S, without that field (and without the padding).
 * - JSON: { "file", "sheets": [{ "sheet", "rows", "cols" }, ...], "cells": [...] } where every
 *   cell is the single-sheet cell with "sheet" as its first field.
 */
import { cellAddress } from '../sheet/formula';
import { isOutputError, type OutputCell, type SheetResult } from '../sheet/workbook';

/** Characters that make a spreadsheet read a CSV field as a formula (or, for tab and CR, hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that would run as a formula, with a leading ' so that it stays text. */
export function guardFormulaText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
  /** Print text exactly, without the formula guard (`--raw`). */
  readonly raw?: boolean;
}

export function formatValue(v: OutputCell, options: CsvOptions = {}): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isOutputError(v)) return v.error;
  return options.raw ? v : guardFormulaText(v);
}

/** A blank cell: nothing, or empty text (as in the used range). */
function blank(v: OutputCell | undefined): boolean {
  return v === null || v === undefined || v === '';
}

/** The used range of sparse or dense values: its size, its non-blank cells and each row's width. */
export interface Extent {
  readonly rows: number;
  readonly cols: number;
  readonly cells: number;
  /** Width of each row up to its last non-blank cell, by row index (rows without one absent). */
  readonly widths: ReadonlyMap<number, number>;
}

/** Walks only the cells present (holes of a sparse array are skipped), never the rectangle. */
export function usedExtent(values: ReadonlyArray<ReadonlyArray<OutputCell>>): Extent {
  let rows = 0;
  let cols = 0;
  let cells = 0;
  const widths = new Map<number, number>();
  values.forEach((row, r) => {
    let width = 0;
    row.forEach((v, c) => {
      if (blank(v)) return;
      cells++;
      width = c + 1;
    });
    if (width > 0) {
      widths.set(r, width);
      rows = r + 1;
      cols = Math.max(cols, width);
    }
  });
  return { rows, cols, cells, widths };
}

/**
 * The CSV padding rule: every line is padded with empty fields to the used range's width, as
 * long as the padded rectangle holds at most 1,048,576 fields or four fields per non-blank cell;
 * a sparser sheet (one value at XFD1048576, a stray value far right) prints every line up to
 * its last non-blank field only, so the output grows with the cells, not with the rectangle.
 */
export const PAD_FIELDS = 1 << 20;
export function padded(rows: number, cols: number, cells: number): boolean {
  return rows * cols <= Math.max(PAD_FIELDS, 4 * cells);
}

/** One CSV field as csv-stringify writes it, with a lone carriage return quoted too. */
function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The fields of row r up to `width` (blank fields empty). */
function rowFields(row: ReadonlyArray<OutputCell> | undefined, width: number, options: CsvOptions): string {
  let line = '';
  for (let c = 0; c < width; c++) {
    if (c > 0) line += ',';
    const v = row?.[c];
    if (v !== undefined && v !== null) line += csvField(formatValue(v, options));
  }
  return line;
}

export function toCsv(sheet: SheetResult, options: CsvOptions = {}): string {
  const extent = usedExtent(sheet.values);
  if (extent.rows === 0) return '';
  // A lone carriage return would end the line for many CSV readers: a field holding one is quoted.
  const pad = padded(extent.rows, extent.cols, extent.cells);
  const lines: string[] = [];
  for (let r = 0; r < extent.rows; r++) {
    const width = pad ? extent.cols : (extent.widths.get(r) ?? 0);
    // A line of one empty field: csv-stringify writes it as an empty line too.
    lines.push(width === 0 ? '' : rowFields(sheet.values[r], width, options));
  }
  return `${lines.join('\n')}\n`;
}

/** Several sheets as one CSV stream: the sheet's name, then the row (see the header). */
export function toCsvSheets(sheets: readonly SheetResult[], options: CsvOptions = {}): string {
  const blocks = sheets.map((sheet) => ({ name: csvField(options.raw ? sheet.name : guardFormulaText(sheet.name)), values: sheet.values, extent: usedExtent(sheet.values) }));
  const width = Math.max(0, ...blocks.map((b) => b.extent.cols));
  const lines = blocks.reduce((n, b) => n + b.extent.rows, 0);
  const pad = padded(lines, width + 1, blocks.reduce((n, b) => n + b.extent.cells, 0) + lines);
  const out: string[] = [];
  for (const block of blocks) {
    for (let r = 0; r < block.extent.rows; r++) {
      const w = pad ? width : (block.extent.widths.get(r) ?? 0);
      out.push(w === 0 ? block.name : `${block.name},${rowFields(block.values[r], w, options)}`);
    }
  }
  if (out.length === 0) return '';
  return `${out.join('\n')}\n`;
}

export interface JsonCell {
  readonly cell: string;
  readonly row: number;
  readonly col: number;
  readonly type: 'number' | 'boolean' | 'text' | 'error';
  readonly value: number | boolean | string;
  readonly message?: string;
  readonly formula?: string;
}

export interface JsonSheet {
  readonly file: string;
  readonly sheet: string;
  readonly rows: number;
  readonly cols: number;
  readonly cells: JsonCell[];
}

export function toJsonSheet(sheet: SheetResult, file: string): JsonSheet {
  const used = usedExtent(sheet.values);
  const cells: JsonCell[] = [];
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      const formula = sheet.formulas.get(`${r},${c}`);
      const at = { cell: cellAddress(r + 1, c + 1), row: r + 1, col: c + 1 };
      let entry: JsonCell;
      if (isOutputError(v)) entry = { ...at, type: 'error', value: v.error, message: v.message };
      else entry = { ...at, type: typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'text', value: v };
      cells.push(formula === undefined ? entry : { ...entry, formula });
    }),
  );
  return { file, sheet: sheet.name, rows: used.rows, cols: used.cols, cells };
}

export function toJson(sheet: SheetResult, file: string): string {
  return `${JSON.stringify(toJsonSheet(sheet, file), null, 2)}\n`;
}

export interface JsonSheets {
  readonly file: string;
  readonly sheets: ReadonlyArray<{ readonly sheet: string; readonly rows: number; readonly cols: number }>;
  readonly cells: ReadonlyArray<{ readonly sheet: string } & JsonCell>;
}

/** Several sheets as one JSON object: the sheets' sizes, then every cell with its sheet. */
export function toJsonSheetsObject(sheets: readonly SheetResult[], file: string): JsonSheets {
  const each = sheets.map((s) => toJsonSheet(s, file));
  return {
    file,
    sheets: each.map((s) => ({ sheet: s.sheet, rows: s.rows, cols: s.cols })),
    cells: each.flatMap((s) => s.cells.map((c) => ({ sheet: s.sheet, ...c }))),
  };
}

export function toJsonSheets(sheets: readonly SheetResult[], file: string): string {
  return `${JSON.stringify(toJsonSheetsObject(sheets, file), null, 2)}\n`;
}
