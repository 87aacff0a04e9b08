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
import { stringify } from 'csv-stringify/sync';
import { cellAddress } from '../sheet/formula';
import { isOutputError, type OutputCell, type SheetResult, usedRange } from '../sheet/workbook';

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

export function toCsv(sheet: SheetResult, options: CsvOptions = {}): string {
  const records = usedRange(sheet.values).map((row) => row.map((v) => formatValue(v, options)));
  if (records.length === 0) return '';
  // A lone carriage return would end the line for many CSV readers: quote any field holding one
  // (csv-stringify quotes only fields holding the delimiter, a quote or the record delimiter).
  return stringify(records, { record_delimiter: 'unix', quoted_match: /\r/ });
}

/** Several sheets as one CSV stream: the sheet's name, then the row (see the header). */
export function toCsvSheets(sheets: readonly SheetResult[], options: CsvOptions = {}): string {
  const blocks = sheets.map((sheet) => ({ name: options.raw ? sheet.name : guardFormulaText(sheet.name), rows: usedRange(sheet.values) }));
  const width = Math.max(0, ...blocks.map((b) => (b.rows.length ? b.rows[0].length : 0)));
  const records: string[][] = [];
  for (const block of blocks) {
    for (const row of block.rows) {
      const fields = row.map((v) => formatValue(v, options));
      while (fields.length < width) fields.push('');
      records.push([block.name, ...fields]);
    }
  }
  if (records.length === 0) return '';
  return stringify(records, { record_delimiter: 'unix', quoted_match: /\r/ });
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
  const used = usedRange(sheet.values);
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
  return { file, sheet: sheet.name, rows: used.length, cols: used.length ? used[0].length : 0, cells };
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
