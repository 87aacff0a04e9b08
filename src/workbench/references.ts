/**
 * References inside formula text, for the two edits HyperFormula 3.5 does not do as Excel does:
 * moving cells to ANOTHER sheet (its moveCells leaves the moved formulas pointing at the target
 * sheet's cells and the dependents' unqualified references at the source sheet, and its undo then
 * fails), and duplicating a sheet (a reference the sheet makes to itself by name must point into
 * the copy, as in Excel). Everything else goes through HyperFormula's own operations.
 *
 * Only what a formula writes with its text is touched: string literals are skipped, and cell
 * and cell-range references (A1, $A$1, A$1:B2, 'My sheet'!C3) are recognised; whole-column and
 * whole-row references are left as they are.
 */
import { columnLetters, columnNumber } from '../sheet/formula';
import { quoteSheet } from './address';

export interface CellPoint {
  readonly row: number;
  readonly col: number;
}

/** One reference found in a formula (0-based). */
export interface FoundReference {
  /** The sheet named in the reference, as written (unquoted), or undefined for the formula's own. */
  readonly sheet?: string;
  readonly start: CellPoint;
  readonly end: CellPoint;
}

/** What a reference becomes: a new place (sheet undefined = keep it unqualified), '#REF!', or unchanged. */
export type ReferenceChange = { readonly sheet?: string; readonly start: CellPoint; readonly end: CellPoint } | '#REF!' | undefined;

const CELL = String.raw`(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})`;
const REF = new RegExp(String.raw`^(?:('(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?${CELL}(?::${CELL})?`);

interface Parsed {
  readonly length: number;
  readonly sheet?: string;
  readonly cells: ReadonlyArray<{ colAbs: boolean; col: number; rowAbs: boolean; row: number }>;
}

function parseAt(text: string, i: number): Parsed | undefined {
  const m = REF.exec(text.slice(i));
  if (!m) return undefined;
  const next = text[i + m[0].length];
  // A function name (LOG10(), a longer name or a sheet name continuing: not a reference.
  if (next !== undefined && /[\w.(!$\u00C0-\uFFFF]/.test(next)) return undefined;
  const cells = [];
  for (const base of [2, 6]) {
    if (m[base + 1] === undefined) continue;
    const col = columnNumber(m[base + 1]) - 1;
    const row = Number(m[base + 3]) - 1;
    if (col > 16383 || row < 0 || row > 1048575) return undefined;
    cells.push({ colAbs: m[base] === '$', col, rowAbs: m[base + 2] === '$', row });
  }
  let sheet: string | undefined;
  if (m[1] !== undefined) sheet = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
  return { length: m[0].length, sheet, cells };
}

/**
 * Rewrites every cell reference of `formula` through `change`; the `$` marks of each reference
 * are kept. Returns the formula unchanged when nothing changed.
 */
export function mapReferences(formula: string, change: (ref: FoundReference) => ReferenceChange): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (!/[\w.$\u00C0-\uFFFF]/.test(prev)) {
      const p = parseAt(formula, i);
      if (p) {
        const [a, b] = [p.cells[0], p.cells[1] ?? p.cells[0]];
        const ref: FoundReference = {
          ...(p.sheet !== undefined ? { sheet: p.sheet } : {}),
          start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
          end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
        };
        const to = change(ref);
        if (to === undefined) out += formula.slice(i, i + p.length);
        else if (to === '#REF!') out += '#REF!';
        else {
          const cell = (k: (typeof p.cells)[number], at: CellPoint) => `${k.colAbs ? '$' : ''}${columnLetters(at.col + 1)}${k.rowAbs ? '$' : ''}${at.row + 1}`;
          const prefix = to.sheet !== undefined ? `${quoteSheet(to.sheet)}!` : '';
          out += p.cells.length === 1 ? `${prefix}${cell(a, to.start)}` : `${prefix}${cell(a, to.start)}:${cell(b, to.end)}`;
        }
        i += p.length;
        continue;
      }
    }
    // A quoted sheet name that is not followed by a cell reference (e.g. a column range): copy it whole.
    if (c === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Every reference the formula names by `sheet` (ignoring case) is renamed to `to` (duplicated sheets). */
export function renameSheetReferences(formula: string, sheet: string, to: string): string {
  const lower = sheet.toLowerCase();
  return mapReferences(formula, (ref) => (ref.sheet !== undefined && ref.sheet.toLowerCase() === lower ? { sheet: to, start: ref.start, end: ref.end } : undefined));
}
