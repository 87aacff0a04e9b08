/**
 * The empty cells that whole-column (A:A, 'S'!$B:$D) and whole-row (3:5) references make
 * HyperFormula hold. HyperFormula keeps a vertex for every cell of a whole column down to its
 * sheet's last row (and of a whole row out to its last column), so on a sheet reaching row
 * 1,048,576 one `=SUM(A:A)` costs a million cells — measured: 460 MB and 3 s in the workbench's
 * model, about 720 MB in `cyberbi calc` — the cost of the rectangle again, which counting the
 * file's cells misses. The workbench's open (src/workbench/xlsx.ts) and typing
 * (src/workbench/model.ts) and the CLI's memory budget (src/cli/budget.ts) count them before
 * anything is built.
 *
 * Pure text work on the formulas (no HyperFormula): text in quotes is skipped, a sheet's columns
 * and rows are counted once however many formulas name them.
 */
import { columnNumber } from './formula';
import type { InputCell } from './workbook';

/** A whole-column or whole-row reference, with its sheet when named. */
const WHOLE_LINE_REF = /(?:^|[^\w.$:!'])(?:('(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(?:\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![\w.(!$:])|\$?(\d{1,7}):\$?(\d{1,7})(?![\w.:$]))/g;

const withoutText = (formula: string) => formula.replace(/"(?:[^"]|"")*"/g, '""');

/** Whether a formula (or a name's expression) has a whole-column or whole-row reference. */
export function hasWholeLineReference(formula: unknown): boolean {
  return typeof formula === 'string' && new RegExp(WHOLE_LINE_REF.source).test(withoutText(formula));
}

/** What a sheet's references cover, and what the sheet holds. */
interface Coverage {
  readonly name: string;
  rows: number;
  cols: number;
  readonly perCol: Map<number, number>;
  readonly perRow: Map<number, number>;
  readonly coveredCols: Set<number>;
  readonly coveredRows: Set<number>;
  example?: string;
}

/** The covered columns and rows of each sheet a formula's whole-line references name. */
function scan(formula: string, own: string | undefined, coverage: (sheet: string) => Coverage | undefined): void {
  for (const m of withoutText(formula).matchAll(WHOLE_LINE_REF)) {
    const named = m[1] === undefined ? own : m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
    const e = named === undefined ? undefined : coverage(named);
    if (!e) continue;
    const before = e.coveredCols.size + e.coveredRows.size;
    if (m[2] !== undefined) {
      const [a, b] = [columnNumber(m[2]) - 1, columnNumber(m[3]) - 1].sort((x, y) => x - y);
      for (let c = Math.max(0, a); c <= Math.min(b, 16383); c++) e.coveredCols.add(c);
    } else {
      const [a, b] = [Number(m[4]) - 1, Number(m[5]) - 1].sort((x, y) => x - y);
      for (let r = Math.max(0, a); r <= Math.min(b, 1048575); r++) e.coveredRows.add(r);
    }
    if (e.coveredCols.size + e.coveredRows.size > before && e.example === undefined) e.example = m[0].replace(/^[^\w$']/, '');
  }
}

/** The covered cells in all, and the sheet where most are (for the message). */
export interface WholeLineCells {
  /** Empty cells the references cover, summed over the sheets. */
  readonly cells: number;
  /** The first reference that covers cells on {@link sheet}, as written (e.g. "A:A"). */
  readonly example: string;
  /** The sheet whose references cover the most cells, and its extent. */
  readonly sheet: string;
  readonly rows: number;
  readonly cols: number;
  /** The cells the sheets hold (counted only when there are such references). */
  readonly fileCells: number;
}

function total(coverages: Iterable<Coverage>, fileCells: number): WholeLineCells | undefined {
  let cells = 0;
  let largest: { cells: number; e: Coverage } | undefined;
  for (const e of coverages) {
    let n = 0;
    for (const c of e.coveredCols) n += Math.max(0, e.rows - (e.perCol.get(c) ?? 0));
    for (const r of e.coveredRows) n += Math.max(0, e.cols - (e.perRow.get(r) ?? 0));
    cells += n;
    if (n > 0 && (!largest || n > largest.cells)) largest = { cells: n, e };
  }
  return largest ? { cells, example: largest.e.example ?? '', sheet: largest.e.name, rows: largest.e.rows, cols: largest.e.cols, fileCells } : undefined;
}

/**
 * The empty cells the workbook's whole-column and whole-row references make HyperFormula hold
 * (each sheet's covered columns and rows, counted once, less the cells the sheet has there);
 * undefined when there are none. Most files have no such reference: their cells are then not
 * counted per column and row.
 */
export function wholeLineCells(
  sheets: ReadonlyArray<{ readonly name: string; readonly cells: ReadonlyArray<ReadonlyArray<InputCell> | undefined> }>,
  names: ReadonlyArray<{ readonly expression: string }>,
): WholeLineCells | undefined {
  const isFormula = (v: InputCell): v is string => typeof v === 'string' && v.startsWith('=');
  if (!sheets.some((s) => s.cells.some((line) => line?.some((v) => isFormula(v) && hasWholeLineReference(v)))) && !names.some((n) => hasWholeLineReference(n.expression))) return undefined;
  const coverage = new Map<string, Coverage>();
  let fileCells = 0;
  for (const sheet of sheets) {
    const e: Coverage = { name: sheet.name, rows: 0, cols: 0, perCol: new Map(), perRow: new Map(), coveredCols: new Set(), coveredRows: new Set() };
    sheet.cells.forEach((line, r) =>
      line?.forEach((v, c) => {
        if (v === null || v === undefined) return;
        fileCells++;
        e.rows = Math.max(e.rows, r + 1);
        e.cols = Math.max(e.cols, c + 1);
        e.perCol.set(c, (e.perCol.get(c) ?? 0) + 1);
        e.perRow.set(r, (e.perRow.get(r) ?? 0) + 1);
      }),
    );
    coverage.set(sheet.name.toLowerCase(), e);
  }
  const find = (name: string) => coverage.get(name.toLowerCase());
  for (const sheet of sheets) sheet.cells.forEach((line) => line?.forEach((v) => isFormula(v) && scan(v, sheet.name, find)));
  for (const n of names) if (typeof n.expression === 'string') scan(n.expression, undefined, find);
  return total(coverage.values(), fileCells);
}

/**
 * The cells one formula's whole-column and whole-row references cover, on sheets as large as
 * `extent` says (rows and columns in use; undefined for a sheet that does not exist): a column
 * counts the sheet's rows, a row its columns. For a formula being typed — what it would make
 * HyperFormula hold — the sheet's own cells in those lines are not taken off (an upper bound).
 */
export function formulaWholeLineCells(formula: string, own: string, extent: (sheet: string) => { rows: number; cols: number; name: string } | undefined): WholeLineCells | undefined {
  if (!hasWholeLineReference(formula)) return undefined;
  const coverage = new Map<string, Coverage>();
  const find = (name: string) => {
    const key = name.toLowerCase();
    if (!coverage.has(key)) {
      const x = extent(name);
      if (!x) return undefined;
      coverage.set(key, { name: x.name, rows: x.rows, cols: x.cols, perCol: new Map(), perRow: new Map(), coveredCols: new Set(), coveredRows: new Set() });
    }
    return coverage.get(key);
  };
  scan(formula, own, find);
  return total(coverage.values(), 0);
}
