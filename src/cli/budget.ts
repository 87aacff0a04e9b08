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
 */
import v8 from 'node:v8';
import { count, MIB, sizeText } from '../sheet/limits';
import { UnreadableInputError } from './errors';

/** Estimated bytes of memory per cell, by input kind (see the header). */
export const BYTES_PER_CELL = { csv: 1024, xlsx: 2048 } as const;
/** Estimated bytes of memory per byte of input text (decoded, parsed, held as cell text). */
export const BYTES_PER_INPUT_BYTE = 6;
/** What the program itself needs besides the cells. */
export const RESERVED = 256 * MIB;

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
