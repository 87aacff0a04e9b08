/**
 * Lays the whole bad-input catalogue out on ONE sheet, for the spreadsheet hosts (HyperFormula
 * through src/sheet/workbook.ts, and the CLI through a CSV file): every argument lives in a cell
 * and every range in a block of cells, so the formulas see what a user's workbook would hand them.
 *
 * Each case occupies a band of rows:
 *   A      the case id (text)
 *   B      =CYBER.NAME(...) referring to the cells below/right; C:E stay free for a 1×4 spill
 *   G…N    scalar arguments, one column per parameter position
 *   P…     range arguments, side by side, each as a block of cells
 * A band is as tall as its tallest block (and so as tall as any column it spills). A column of
 * 1,000,000 blank cells is the untouched column AE, referred to as AE1:AE1000000.
 * An error passed in comes from a formula in its cell: =1/0, =NA(), =SQRT(-1).
 */
import { cellAddress } from '../../src/sheet/formula';
import { type CellValue, type ErrorValue, isRange, type RawArgument } from '../../src/engine';
import type { BadCase } from './cases';

/** A cell as written: a number, boolean, text, blank, or a formula (text starting with =). */
export type LaidCell = number | boolean | string | null;
/** Text that must stay text even where a reader would take it for a number or a boolean. */
export interface Text {
  readonly text: string;
}

export interface Placed {
  readonly c: BadCase;
  /** 0-based row and column of the formula. */
  readonly row: number;
  readonly col: number;
  /** 0-based address of the first error passed in (row-major, argument order), if any. */
  readonly source?: { readonly row: number; readonly col: number };
}

export interface Layout {
  /** Cells row by row; formulas as text starting with "="; texts as {text}. */
  readonly cells: Array<Array<LaidCell | Text>>;
  readonly placed: Placed[];
}

const FORMULA_COL = 1;
const SCALAR_COL = 6;
const RANGE_COL = 15;
/**
 * Just right of the used area: HyperFormula's address mapping grows with the columns left of a
 * range, and ZZ1:ZZ1000000 (702 columns × 1,000,000 rows) ran out of memory.
 */
const GIANT_COL = 30; // AE
const GIANT_ROWS = 10000;

const ERROR_FORMULA: Readonly<Record<string, string>> = {
  '#DIV/0!': '=1/0',
  '#N/A': '=NA()',
  '#NUM!': '=SQRT(-1)',
};

function isError(v: CellValue): v is ErrorValue {
  return typeof v === 'object' && v !== null;
}

function content(v: CellValue): LaidCell | Text {
  if (isError(v)) {
    const f = ERROR_FORMULA[v.error];
    if (!f) throw new Error(`no formula makes ${v.error}`);
    return f;
  }
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('NaN and Infinity cannot be written in a cell');
  return v;
}

/** A range of this many rows or more, all blank, is referred to in the untouched column. */
function isGiantBlank(a: RawArgument): boolean {
  return Array.isArray(a) && a.length >= GIANT_ROWS && a.every((r) => r.length === 1 && r[0] === null);
}

/**
 * How a 1,000,000-cell blank column is given: `range` refers to the untouched column AE
 * (AE1:AE1000000); `Blank` refers to column A of an empty second sheet named Blank
 * (Blank!A1:A1000000, a third faster to build than a column of this sheet); `sequence` computes a column of that many values, =SEQUENCE(1000000), which
 * HyperFormula builds in a tenth of the time of reading a million-row range. The engine rejects
 * both by their size alone, with the same message.
 */
export type Giant = 'range' | 'Blank' | 'sequence';

export function layOut(cases: readonly BadCase[], giant: Giant = 'range'): Layout {
  const cells: Array<Array<LaidCell | Text>> = [];
  const put = (r: number, c: number, v: LaidCell | Text) => {
    if (c >= GIANT_COL) throw new Error(`the layout reaches column ${c + 1}, the blank column's place`);
    while (cells.length <= r) cells.push([]);
    const row = cells[r];
    while (row.length < c) row.push(null);
    row[c] = v;
  };
  const placed: Placed[] = [];
  let top = 0;
  for (const c of cases) {
    let height = 1;
    let rangeCol = RANGE_COL;
    let source: { row: number; col: number } | undefined;
    const refs = c.args.map((a, i): string => {
      if (isGiantBlank(a)) {
        const n = (a as unknown[]).length;
        if (giant === 'sequence') return `SEQUENCE(${n})`;
        if (giant === 'Blank') return `Blank!A1:A${n}`;
        return `${cellAddress(1, GIANT_COL + 1)}:${cellAddress(n, GIANT_COL + 1)}`;
      }
      if (isRange(a)) {
        const rows = a.length;
        const cols = Math.max(...a.map((r) => r.length));
        a.forEach((r, i2) =>
          r.forEach((v, j) => {
            put(top + i2, rangeCol + j, content(v));
            if (isError(v) && !source) source = { row: top + i2, col: rangeCol + j };
          }),
        );
        const ref = `${cellAddress(top + 1, rangeCol + 1)}:${cellAddress(top + rows, rangeCol + cols)}`;
        rangeCol += cols + 1;
        // Tall enough for a column spilled from it, even from a row read as a list (POOLSHARE).
        height = Math.max(height, rows * cols);
        return ref;
      }
      const col = SCALAR_COL + i;
      put(top, col, content(a));
      if (isError(a) && !source) source = { row: top, col };
      return cellAddress(top + 1, col + 1);
    });
    // CYBER.SIMULATE spills 14 rows ("stats", catalogue section 11) whatever its inputs' sizes.
    if (c.fn === 'SIMULATE') height = Math.max(height, 14);
    put(top, 0, { text: c.id });
    put(top, FORMULA_COL, `=CYBER.${c.fn}(${refs.join(',')})`);
    placed.push({ c, row: top, col: FORMULA_COL, source });
    top += height + 1;
  }
  return { cells, placed };
}

/** Excel/CSV quoting of one field. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** What the CLI reads back as this text: a number, boolean or blank needs a formula to stay text. */
function textField(s: string): string {
  const looksTyped = s === '' || s.startsWith('=') || /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s.trim()) || /^(true|false)$/i.test(s.trim());
  return looksTyped ? `="${s.replace(/"/g, '""')}"` : s;
}

/** The layout as a CSV file following the CLI contract (FUNCTIONS.md §8). */
export function toCsv(layout: Layout): string {
  return layout.cells
    .map((row) =>
      row
        .map((v) => {
          if (v === null) return '';
          if (typeof v === 'number') return String(v);
          if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
          if (typeof v === 'string') return quote(v); // a formula
          return quote(textField(v.text));
        })
        .join(','),
    )
    .join('\n')
    .concat('\n');
}
