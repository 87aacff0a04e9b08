/**
 * The three hosts of every CYBER function, side by side (FUNCTIONS.md: "Every function must
 * behave identically in Excel, in the standalone workbench and in the command-line evaluator"):
 *
 * - the engine's `evaluate`, called directly;
 * - the Excel adapter: the generated src/functions/functions.ts, with CustomFunctions stubbed as
 *   the shared runtime provides it (as src/functions/adapter.test.ts does);
 * - HyperFormula with the CYBER plugin, through src/sheet/workbook.ts's `evaluateSheet` (the CLI's
 *   own path: text stays text, error cells are error cells). All calls of one function share ONE
 *   sheet, evaluated once: each call gets a block of rows holding its scalar arguments in cells,
 *   its ranges as blocks of cells, and its formula in the last column, with room below and to the
 *   right for what it spills.
 *
 * Each host's result is reduced to a value (numbers compared with Object.is, so −0 ≠ 0) or an
 * error code + message; the three must be identical. A propagated error's message is not compared:
 * an error typed into a cell has no message of its own, and each host says so its own way (the
 * engine uses the code, HyperFormula an empty message); its code must still agree.
 */
import * as functions from '../../src/functions/functions';
import { CATALOGUE, type CellValue, evaluate, type FunctionSpec, type ResultValue } from '../../src/engine';
import { evaluateSheet, type InputCell, isOutputError, type OutputCell } from '../../src/sheet/workbook';
import type { Tuple } from './arbitraries';
import { engineArgs } from './arbitraries';
import { MockCustomFunctionsError, MockErrorCode } from '../../src/functions/testing/customFunctionsMock';

// ---- the CustomFunctions runtime, stubbed -----------------------------------------------------------


const globals = globalThis as Record<string, unknown>;

/** Installs the stub (English display language); returns its removal. */
export function installCustomFunctions(): () => void {
  globals.CustomFunctions = { Error: MockCustomFunctionsError, ErrorCode: MockErrorCode, associate: () => undefined };
  globals.Office = { context: { displayLanguage: 'en-US' } };
  return () => {
    delete globals.CustomFunctions;
    delete globals.Office;
  };
}

// ---- outcomes ------------------------------------------------------------------------------------

export type HostOutcome = { readonly kind: 'value'; readonly value: ResultValue } | { readonly kind: 'error'; readonly code: string; readonly message?: string };

export const SPEC_BY_NAME: ReadonlyMap<string, FunctionSpec> = new Map(CATALOGUE.map((f) => [f.name, f]));

export function viaEngine(name: string, t: Tuple): { outcome: HostOutcome; propagated: boolean } {
  const r = evaluate(name, engineArgs(t));
  if (r.ok) return { outcome: { kind: 'value', value: r.value }, propagated: false };
  const propagated = r.error.rule === 'propagated';
  return { outcome: { kind: 'error', code: r.error.code, message: propagated ? undefined : r.error.message.en }, propagated };
}

/** One cell as Excel hands it to a custom function: an error cell arrives as an error object. */
function excelCell(v: CellValue): unknown {
  if (typeof v === 'object' && v !== null) return new MockCustomFunctionsError(v.error as MockErrorCode);
  return v;
}

export function viaAdapter(name: string, t: Tuple, propagated: boolean): HostOutcome {
  const spec = SPEC_BY_NAME.get(name) as FunctionSpec;
  // Excel registers FX as FXRATE (its ids need three characters): call what Excel calls.
  const fn = (functions as unknown as Record<string, (...a: unknown[]) => unknown>)[spec.excelName ?? name];
  const args = spec.params.map((p, i) => {
    const a = t[i];
    if (a === undefined) return undefined;
    if (Array.isArray(a)) return (a as CellValue[][]).map((row) => row.map(excelCell));
    // A range parameter (any[][]) receives even a single cell as a 1×1 matrix.
    if (p.kind === 'table' || p.kind === 'series') return [[excelCell(a as CellValue)]];
    return excelCell(a as CellValue);
  });
  try {
    const value = fn(...args);
    // Sections 10 and 11 return a Promise until their chunk is loaded (loadStochasticFunctions).
    if (value instanceof Promise) throw new Error(`CYBER.${name}: the adapter returned a Promise: load the stochastic functions first`);
    return { kind: 'value', value: value as ResultValue };
  } catch (e) {
    if (!(e instanceof MockCustomFunctionsError)) throw new Error(`CYBER.${name}: the adapter threw something other than CustomFunctions.Error: ${String(e)}`);
    return { kind: 'error', code: e.code, message: propagated ? undefined : e.message };
  }
}

/** Column letters of a 0-based column index. */
export function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface SheetCalls {
  /** The results of each call as HyperFormula gave them, reduced like the others. */
  readonly outcome: (k: number, like: HostOutcome, propagated: boolean) => HostOutcome;
  /** The formula of call k, for reports. */
  readonly formula: (k: number) => string;
  readonly rows: number;
}

/**
 * Lays every call of `name` out in one sheet and evaluates it once. Call k occupies rows
 * [top_k, top_k + height_k): argument i's cell or range starts in row top_k at its own columns,
 * the formula sits in row top_k of the column after the widest call, so nothing lies where a
 * result spills (down within the block, or right).
 */
export function viaSheet(name: string, calls: readonly Tuple[]): SheetCalls {
  const spec = SPEC_BY_NAME.get(name) as FunctionSpec;
  const widthOf = (a: Tuple[number]) => (a === undefined ? 0 : Array.isArray(a) ? Math.max(1, ...(a as CellValue[][]).map((r) => r.length)) : 1);
  const formulaCol = Math.max(1, ...calls.map((t) => t.reduce((w: number, a) => w + widthOf(a), 0)));
  const tops: number[] = [];
  const formulas: string[] = [];
  const cells: InputCell[][] = [];
  let top = 0;
  for (const t of calls) {
    let height = 1;
    t.forEach((a, i) => {
      if (!Array.isArray(a)) return;
      const range = a as CellValue[][];
      height = Math.max(height, range.length);
      // A series may spill one value per item (POOLSHARE), even when given as a row.
      if (spec.params[i]?.kind === 'series') height = Math.max(height, range.length * widthOf(a));
    });
    for (let r = 0; r < height; r++) cells.push(new Array<InputCell>(formulaCol + 1).fill(null));
    const refs: string[] = [];
    let col = 0;
    t.forEach((a) => {
      if (a === undefined) {
        refs.push('');
        return;
      }
      if (Array.isArray(a)) {
        const range = a as CellValue[][];
        const w = widthOf(a);
        range.forEach((row, r) => row.forEach((v, c) => (cells[top + r][col + c] = v as InputCell)));
        refs.push(`${columnName(col)}${top + 1}:${columnName(col + w - 1)}${top + range.length}`);
        col += w;
        return;
      }
      cells[top][col] = a as InputCell;
      refs.push(`${columnName(col)}${top + 1}`);
      col += 1;
    });
    const formula = `=CYBER.${name}(${refs.join(',')})`;
    cells[top][formulaCol] = formula;
    tops.push(top);
    formulas.push(formula);
    top += height;
  }
  const values = evaluateSheet(cells);
  const at = (r: number, c: number): OutputCell => values[r]?.[c] ?? null;
  const reduce = (v: OutputCell): ResultValue | HostOutcome => (isOutputError(v) ? { kind: 'error', code: v.error, message: v.message } : (v as ResultValue));
  return {
    rows: top,
    formula: (k) => formulas[k],
    outcome: (k, like, propagated) => {
      const first = at(tops[k], formulaCol);
      if (isOutputError(first)) return { kind: 'error', code: first.error, message: propagated ? undefined : first.message };
      if (like.kind === 'value' && Array.isArray(like.value)) {
        // Read as many cells as the engine's array has: the spill must fill exactly those.
        const grid = like.value.map((row, i) => row.map((_v, j) => reduce(at(tops[k] + i, formulaCol + j))));
        return { kind: 'value', value: grid as ResultValue };
      }
      return { kind: 'value', value: reduce(first) as ResultValue };
    },
  };
}

// ---- comparison ----------------------------------------------------------------------------------

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return Object.is(a, b);
}

export function sameOutcome(a: HostOutcome, b: HostOutcome): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'value' && b.kind === 'value') return sameValue(a.value, b.value);
  if (a.kind === 'error' && b.kind === 'error') return a.code === b.code && a.message === b.message;
  return false;
}

/** What a cell may show: a finite number that is not −0, a boolean or a text (arrays: each item). */
export function badCellValue(o: HostOutcome): string | undefined {
  if (o.kind !== 'value') return undefined;
  const items = Array.isArray(o.value) ? o.value.flat() : [o.value];
  for (const v of items) {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return `a non-finite number ${v}`;
      if (Object.is(v, -0)) return 'negative zero';
    } else if (typeof v !== 'boolean' && typeof v !== 'string') return `a ${typeof v} (${JSON.stringify(v)})`;
  }
  return undefined;
}

export function show(o: HostOutcome): string {
  if (o.kind === 'error') return `${o.code}${o.message === undefined ? '' : ` "${o.message}"`}`;
  return JSON.stringify(o.value, (_k, v) => (typeof v === 'number' && Object.is(v, -0) ? '-0' : v));
}

export { MockCustomFunctionsError };
