/**
 * The CLI's memory budget: what a file is about to cost is estimated from what is known before
 * its cells are built (the CSV's bytes and field separators, the .xlsx's `<c` elements and
 * inflated bytes), and a file past the budget is refused with exit status 2 and the figures —
 * never a V8 "heap out of memory" abort halfway through.
 *
 * The budget is V8's heap limit (node's --max-old-space-size, 4 GiB by default on a 64-bit
 * machine with enough memory) less 256 MiB for the program itself. The costs per cell are
 * measured (scripts/bench-bigfiles.js, peak RSS above a one-cell run): from a CSV about 430 bytes
 * a number, 540 a short text and 730 a formula at a million cells (460, 620 and 990 at 100,000,
 * where the heap's fixed growth weighs more); an .xlsx cell 900 to 1,300 bytes at 100,000 (ExcelJS's
 * model of the cell is built first). The estimates below stay above them. Every byte of input text
 * is counted again on top (it is held as text while it is parsed: a 10 MB formula costs its 10 MB
 * several times).
 *
 * Whole-column and whole-row references are counted too (src/sheet/wholeLineCells.ts):
 * HyperFormula holds a vertex for every empty cell such a reference covers down to the sheet's
 * last row, so one `=SUM(A:A)` beside a value at XFD1048576 (a 1.6 KB file) is a million cells.
 * Measured through `cyberbi calc` (peak RSS above the same file without the reference, one run each
 * on a loaded machine): one column 677 MB (646 bytes a covered cell), two columns 1,167 MB (557),
 * five 2,623 MB (500); the same column named by four or eight formulas costs about what one does
 * (each column is counted once). About six such columns exhausted the default heap (a V8 abort,
 * exit 134); with 768 bytes a covered cell the default budget (3.8 GiB) takes five, not six.
 */
import v8 from 'node:v8';
import { count, MIB, sizeText } from '../sheet/limits';
import { columnLetters } from '../sheet/formula';
import { wholeLineCells } from '../sheet/wholeLineCells';
import type { InputCell } from '../sheet/workbook';
import { UnreadableInputError } from './errors';

/** Estimated bytes of memory per cell, by input kind (see the header). */
export const BYTES_PER_CELL = { csv: 1024, xlsx: 2048 } as const;
/** Estimated bytes of memory per byte of input text (decoded, parsed, held as cell text). */
export const BYTES_PER_INPUT_BYTE = 6;
/** What the program itself needs besides the cells. */
export const RESERVED = 256 * MIB;

/** Estimated bytes of memory per empty cell a whole-column or whole-row reference covers (see the header). */
export const BYTES_PER_COVERED_CELL = 768;

/** The memory budget in bytes: V8's heap limit less {@link RESERVED}. */
export function memoryBudget(): number {
  return Math.max(64 * MIB, v8.getHeapStatistics().heap_size_limit - RESERVED);
}

/** The estimated memory of reading and evaluating `cells` cells from `bytes` bytes of text. */
export function estimate(kind: 'csv' | 'xlsx', cells: number, bytes: number): number {
  return cells * BYTES_PER_CELL[kind] + bytes * BYTES_PER_INPUT_BYTE;
}

/** Throws UnreadableInputError (exit status 2) when the estimate exceeds the budget. */
export function checkBudget(file: string, kind: 'csv' | 'xlsx', cells: number, bytes: number, budget = memoryBudget()): void {
  const need = estimate(kind, cells, bytes);
  if (need <= budget) return;
  throw new UnreadableInputError(
    `${file} is too large to evaluate in memory: about ${count(cells)} cells in ${sizeText(bytes)} of ${kind === 'csv' ? 'CSV' : 'sheet XML'} need about ${sizeText(need)}, ` +
      `more than the memory budget of ${sizeText(budget)} (Node's heap limit less ${sizeText(RESERVED)}); ` +
      `split the file, or raise the heap limit with NODE_OPTIONS=--max-old-space-size=MB`,
  );
}

/**
 * Throws UnreadableInputError (exit status 2) when the cells the workbook's whole-column and
 * whole-row references make HyperFormula hold, with the file's cells, exceed the budget. Run once
 * the cells are read, before they are evaluated; a workbook without such references costs one
 * pass over its formulas.
 */
export function checkWholeLineBudget(
  file: string,
  kind: 'csv' | 'xlsx',
  sheets: ReadonlyArray<{ readonly name: string; readonly cells: ReadonlyArray<ReadonlyArray<InputCell> | undefined> }>,
  names: ReadonlyArray<{ readonly expression: string }>,
  budget = memoryBudget(),
): void {
  const covered = wholeLineCells(sheets, names);
  if (!covered) return;
  const need = covered.cells * BYTES_PER_COVERED_CELL + covered.fileCells * BYTES_PER_CELL[kind];
  if (need <= budget) return;
  throw new UnreadableInputError(
    `${file} is too large to evaluate in memory: its whole-column and whole-row references (${covered.example} on sheet "${covered.sheet}", which reaches row ${count(covered.rows)} and column ${columnLetters(covered.cols)}) ` +
      `cover about ${count(covered.cells)} empty cells, each of which the evaluator holds; with the file's ${count(covered.fileCells)} cells they need about ${sizeText(need)}, ` +
      `more than the memory budget of ${sizeText(budget)} (Node's heap limit less ${sizeText(RESERVED)}); ` +
      `refer to the rows in use (A1:A1000 rather than A:A), or raise the heap limit with NODE_OPTIONS=--max-old-space-size=MB`,
  );
}
