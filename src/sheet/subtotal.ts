/**
 * SUBTOTAL as Excel computes it: HyperFormula's SUBTOTAL, except that the cells of its references
 * holding a SUBTOTAL or AGGREGATE formula are left out. Microsoft's SUBTOTAL page: "If there are
 * other subtotals within ref1, ref2,… (or nested subtotals), these nested subtotals are ignored
 * to avoid double counting." (AGGREGATE's page says the same of nested AGGREGATE and SUBTOTAL.)
 *
 * The plugin extends the class HyperFormula registers SUBTOTAL in (its numeric aggregations), so
 * the functions 1–11 and 101–111 are computed by HyperFormula's own code; only the references
 * given to it change: a range holding nested subtotals becomes the column runs of its other cells.
 * A reference a function returns (INDEX, OFFSET, INDIRECT, CHOOSE, IF) is read as the typed one
 * (typedReferences below).
 */
import { CellError, ErrorType, HyperFormula } from 'hyperformula';
import type { FunctionPluginDefinition } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { Ast, ProcedureAst } from 'hyperformula/typings/parser';
import type { RowVisibility } from './hiddenRows';
import { referenceArea } from './rangeOperator';

/** Ranges larger than this are given to HyperFormula as they are (not searched for nested subtotals). */
const MAX_SEARCHED_CELLS = 200_000;

export interface Address {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

interface AddressLike {
  toSimpleCellAddress(base: Address): Address;
}

interface VertexLike {
  getFormula?: (service: unknown) => unknown;
}

export interface GraphLike {
  getCell(address: Address): VertexLike | undefined;
  getCellValue?(address: Address): unknown;
  getSheetHeight?(sheet: number): number;
  getSheetWidth?(sheet: number): number;
  lazilyTransformingAstService: unknown;
}

/** The AST calls SUBTOTAL or AGGREGATE somewhere. */
export function callsSubtotal(node: unknown, depth = 0): boolean {
  if (depth > 200 || typeof node !== 'object' || node === null) return false;
  if (Array.isArray(node)) return node.some((n) => callsSubtotal(n, depth + 1));
  const n = node as { type?: unknown; procedureName?: unknown; args?: unknown; left?: unknown; right?: unknown; value?: unknown; expression?: unknown };
  if (n.type === 'FUNCTION_CALL' && (n.procedureName === 'SUBTOTAL' || n.procedureName === 'AGGREGATE')) return true;
  return [n.args, n.left, n.right, n.value, n.expression].some((c) => callsSubtotal(c, depth + 1));
}

const nested = new WeakMap<object, boolean>();

function holdsSubtotal(graph: GraphLike, address: Address): boolean {
  const vertex = graph.getCell(address);
  if (!vertex || typeof vertex.getFormula !== 'function') return false;
  let known = nested.get(vertex);
  if (known === undefined) {
    try {
      known = callsSubtotal(vertex.getFormula(graph.lazilyTransformingAstService));
    } catch {
      known = false;
    }
    nested.set(vertex, known);
  }
  return known;
}

/** A cell reference made here (the interpreter reads a reference's sheet and its address). */
class CellRef {
  constructor(
    readonly sheet: number,
    readonly row: number,
    readonly col: number,
  ) {}

  toSimpleCellAddress(): Address {
    return { sheet: this.sheet, row: this.row, col: this.col };
  }
}

interface RangeLike {
  type: string;
  start: { toSimpleCellAddress?(b: Address): Address; toSimpleColumnAddress?(b: Address): { sheet: number; col: number }; toSimpleRowAddress?(b: Address): { sheet: number; row: number } };
  end: RangeLike['start'];
}

/**
 * The cells a range, whole columns (B:B) or whole rows (1:6) cover that can hold anything: only
 * the sheet's used rows and columns (every function of SUBTOTAL ignores empty cells), so
 * SUBTOTAL(109,B:B) searches the rows in use, not a million. Undefined across sheets.
 */
function areaOf(a: RangeLike, base: Address, graph: GraphLike): { sheet: number; top: number; bottom: number; left: number; right: number; cells: number } | undefined {
  let s: Address;
  let e: Address;
  if (a.type === 'CELL_RANGE' && a.start.toSimpleCellAddress && a.end.toSimpleCellAddress) {
    s = a.start.toSimpleCellAddress(base);
    e = a.end.toSimpleCellAddress(base);
  } else if (a.type === 'COLUMN_RANGE' && a.start.toSimpleColumnAddress && a.end.toSimpleColumnAddress) {
    const c1 = a.start.toSimpleColumnAddress(base);
    const c2 = a.end.toSimpleColumnAddress(base);
    s = { sheet: c1.sheet, row: 0, col: c1.col };
    e = { sheet: c2.sheet, row: Number.MAX_SAFE_INTEGER, col: c2.col };
  } else if (a.type === 'ROW_RANGE' && a.start.toSimpleRowAddress && a.end.toSimpleRowAddress) {
    const r1 = a.start.toSimpleRowAddress(base);
    const r2 = a.end.toSimpleRowAddress(base);
    s = { sheet: r1.sheet, row: r1.row, col: 0 };
    e = { sheet: r2.sheet, row: r2.row, col: Number.MAX_SAFE_INTEGER };
  } else return undefined;
  if (s.sheet !== e.sheet) return undefined;
  const height = graph.getSheetHeight?.(s.sheet) ?? Infinity;
  const width = graph.getSheetWidth?.(s.sheet) ?? Infinity;
  const top = Math.min(s.row, e.row);
  const bottom = Math.min(Math.max(s.row, e.row), height - 1);
  const left = Math.min(s.col, e.col);
  const right = Math.min(Math.max(s.col, e.col), width - 1);
  if (!Number.isFinite(bottom) || !Number.isFinite(right)) return undefined;
  return { sheet: s.sheet, top, bottom, left, right, cells: Math.max(0, bottom - top + 1) * Math.max(0, right - left + 1) };
}

/** A cell reference node (see CellRef). */
const cellRef = (sheet: number, row: number, col: number): Ast => ({ type: 'CELL_REFERENCE', reference: new CellRef(sheet, row, col) }) as unknown as Ast;

/** An array constant node of one column, {a;b;…}: its items are read as a range's cells are. */
export const columnArray = (items: readonly Ast[]): Ast => ({ type: 'ARRAY', args: items.map((a) => [a]) }) as unknown as Ast;

/** Which cells of the references are left out: those a predicate names, and (`nested`) those holding SUBTOTAL or AGGREGATE. */
export interface LeftOut {
  readonly cell?: (sheet: number, row: number, col: number) => boolean;
  readonly nested: boolean;
  /**
   * The cells kept of a range changed, as one array constant of them in reading order (row by
   * row), for a function that takes one array (AGGREGATE's LARGE, …); else each as a reference.
   */
  readonly asArray?: boolean;
}

/**
 * The reference arguments with the cells left out (nested subtotals, and the cells `leftOut`
 * names), or undefined when none is (the arguments are then evaluated as given).
 */
export function withoutNested(args: readonly Ast[], graph: GraphLike, base: Address, leftOut: LeftOut = { nested: true }): Ast[] | undefined {
  const skipped = (at: Address): boolean => (leftOut.cell?.(at.sheet, at.row, at.col) ?? false) || (leftOut.nested && holdsSubtotal(graph, at));
  let changed = false;
  const out: Ast[] = [];
  for (const arg of args) {
    const a = arg as unknown as { type: string; reference?: AddressLike; start?: RangeLike['start']; end?: RangeLike['start'] };
    if (a.type === 'CELL_REFERENCE' && a.reference) {
      if (skipped(a.reference.toSimpleCellAddress(base))) {
        changed = true;
        continue;
      }
    } else if ((a.type === 'CELL_RANGE' || a.type === 'COLUMN_RANGE' || a.type === 'ROW_RANGE') && a.start && a.end) {
      const area = areaOf({ type: a.type, start: a.start, end: a.end }, base, graph);
      if (area && area.cells <= MAX_SEARCHED_CELLS) {
        const { sheet, top, bottom, left, right } = area;
        const kept: Ast[] = [];
        let any = false;
        // Row by row for one array (AGGREGATE's order of values, as Excel reads a range), else
        // column by column (SUBTOTAL's functions do not depend on the order).
        const height = bottom - top + 1;
        const width = right - left + 1;
        for (let i = 0; i < area.cells; i++) {
          const row = leftOut.asArray ? top + Math.floor(i / width) : top + (i % height);
          const col = leftOut.asArray ? left + (i % width) : left + Math.floor(i / height);
          if (skipped({ sheet, row, col })) any = true;
          else kept.push(cellRef(sheet, row, col));
        }
        if (any) {
          // Each other cell as a reference of its own (HyperFormula reads a cell reference as it
          // reads a range's cells, and computes only over ranges its graph holds).
          changed = true;
          if (leftOut.asArray) {
            if (kept.length > 0) out.push(columnArray(kept));
          } else out.push(...kept);
          continue;
        }
      }
    }
    out.push(arg);
  }
  return changed ? out : undefined;
}

/** Functions that can return a reference (the range operator between references is XLRANGE, src/sheet/referenceOperators.ts). */
const REFERENCE_CALLS = new Set(['INDEX', 'OFFSET', 'XLOFFSET', 'INDIRECT', 'CHOOSE', 'IF', 'XLRANGE']);

/** The number of rows and columns of a value (one for a single value). */
function sizeOf(v: unknown): { height: number; width: number } {
  const r = v as { height?: () => number; width?: () => number } | null;
  return r && typeof r === 'object' && typeof r.height === 'function' && typeof r.width === 'function' ? { height: r.height(), width: r.width() } : { height: 1, width: 1 };
}

/**
 * The arguments with each call of a function returning a reference — INDEX(B1:B9,0,1),
 * OFFSET(B1,0,0,n,1), INDIRECT("B1:B9"), CHOOSE(2,A1:A9,B1:B9), IF(c,B1:B9,C1:C9),
 * B1:INDEX(B1:B9,5) — as the reference itself (a range or cell node), so that its hidden rows and
 * nested subtotals are left out as those of a reference written in the formula: Excel reads the
 * reference these functions return as a typed one. HyperFormula gives a function's values only
 * (a SimpleRangeValue with no range), so the reference is worked out from the call's arguments
 * (src/sheet/rangeOperator.ts) and used only when it has the size of the values the call gives;
 * a call whose reference is not known (an array computed in it, a condition that is an array, an
 * error) stays as it is. `typed` maps each node made to the argument it stands for (withoutNested
 * gives an argument back unchanged where nothing of it is left out: it is then evaluated as written).
 */
export function typedReferences(plugin: unknown, args: readonly Ast[], state: InterpreterState): { args: Ast[]; typed: Map<Ast, Ast> } {
  const typed = new Map<Ast, Ast>();
  const p = plugin as PluginLike & { dependencyGraph?: GraphLike };
  const out = args.map((arg) => {
    let node = arg as unknown as { type: string; procedureName?: string; expression?: unknown };
    while ((node.type === 'PARENTHESIS' || node.type === 'PARENTHESES') && node.expression) node = node.expression as typeof node;
    if (node.type !== 'FUNCTION_CALL' || !REFERENCE_CALLS.has(node.procedureName ?? '')) return arg;
    try {
      const area = referenceArea(p as object, node, state);
      if (!area) return arg;
      const value = p.evaluateAst(arg, state);
      if (value instanceof CellError) return arg;
      const { height, width } = sizeOf(value);
      const graph = p.dependencyGraph;
      const h = area.bottom - area.top + 1;
      const w = area.right - area.left + 1;
      // A whole column's or row's values end at the sheet's last used row or column.
      const usedH = Math.max(1, Math.min(area.bottom, Math.max(area.top, (graph?.getSheetHeight?.(area.sheet) ?? Infinity) - 1)) - area.top + 1);
      const usedW = Math.max(1, Math.min(area.right, Math.max(area.left, (graph?.getSheetWidth?.(area.sheet) ?? Infinity) - 1)) - area.left + 1);
      if (!((height === h || height === usedH) && (width === w || width === usedW))) return arg;
      const made =
        h === 1 && w === 1
          ? cellRef(area.sheet, area.top, area.left)
          : ({ type: 'CELL_RANGE', start: new CellRef(area.sheet, area.top, area.left), end: new CellRef(area.sheet, area.bottom, area.right) } as unknown as Ast);
      typed.set(made, arg);
      return made;
    } catch {
      return arg;
    }
  });
  return { args: out, typed };
}

interface PluginLike {
  config?: { context?: unknown };
  dependencyGraph?: { sheetMapping?: { getSheetName(id: number): string | undefined } };
  evaluateAst(a: Ast, s: InterpreterState): unknown;
}

/**
 * The sheets' hidden rows the workbook was read with (the evaluation context's `rows`,
 * src/sheet/workbook.ts), as a test of a row: every hidden row, or only those a filter hides;
 * undefined when the workbook hides none.
 */
export function rowsLeftOut(plugin: unknown, which: 'hidden' | 'filtered'): ((sheet: number, row: number) => boolean) | undefined {
  const p = plugin as PluginLike;
  const rows = (p.config?.context as { rows?: ReadonlyMap<string, RowVisibility> } | undefined)?.rows;
  if (!(rows instanceof Map) || rows.size === 0) return undefined;
  const bySheet = new Map<number, ReadonlySet<number> | null>();
  return (sheet, row) => {
    let set = bySheet.get(sheet);
    if (set === undefined) {
      const name = p.dependencyGraph?.sheetMapping?.getSheetName(sheet);
      const v = name === undefined ? undefined : rows.get(name.toUpperCase());
      set = v ? new Set(which === 'hidden' ? v.hidden : v.filtered) : null;
      bySheet.set(sheet, set);
    }
    return set !== null && set.has(row);
  };
}

/**
 * The rows SUBTOTAL leaves out: rows a filter hides for every function number, every hidden row
 * for 101–111 (src/sheet/hiddenRows.ts quotes Microsoft's page).
 */
function hiddenRowsLeftOut(plugin: unknown, ast: ProcedureAst, state: InterpreterState): ((sheet: number, row: number) => boolean) | undefined {
  if (ast.args.length < 2) return undefined;
  const kind = (plugin as PluginLike).evaluateAst(ast.args[0], state);
  const k = typeof kind === 'number' ? Math.trunc(kind) : NaN;
  if (!((k >= 1 && k <= 11) || (k >= 101 && k <= 111))) return undefined; // HyperFormula's own error then
  return rowsLeftOut(plugin, k >= 101 ? 'hidden' : 'filtered');
}

/**
 * SUBTOTAL's or AGGREGATE's function number `k` (1–19) of no value at all: as the function itself
 * of an empty range — a mean, deviation or variance #DIV/0!, a sum, count, maximum, minimum or
 * product 0 (Excel's SUM, COUNT, MAX, MIN, PRODUCT of an empty range), a median, k-th value,
 * percentile or quartile #NUM!, a mode #N/A.
 */
export function ofNoValues(k: number, name: string): number | CellError | undefined {
  if ([1, 7, 8, 10, 11].includes(k)) return new CellError(ErrorType.DIV_BY_ZERO, `${name}: no value is left to compute.`);
  if ([2, 3, 4, 5, 6, 9].includes(k)) return 0;
  if (k === 12 || (k >= 14 && k <= 19)) return new CellError(ErrorType.NUM, `${name}: no number is left to compute.`);
  if (k === 13) return new CellError(ErrorType.NA, `${name}: no value is left to compute.`);
  return undefined;
}

let registered = false;

/** Replaces HyperFormula's SUBTOTAL by one leaving nested subtotals out; once per process. */
export function registerSubtotal(): void {
  if (registered) return;
  registered = true;
  const plugin = HyperFormula.getFunctionPlugin('SUBTOTAL') as unknown as { implementedFunctions?: Record<string, object>; prototype: unknown } | undefined;
  const metadata = plugin?.implementedFunctions?.SUBTOTAL;
  if (!plugin || !metadata) return;
  const Base = plugin as unknown as new (...a: never[]) => object;
  const proto = plugin.prototype as { subtotal?: (ast: ProcedureAst, state: InterpreterState) => unknown };
  if (typeof proto.subtotal !== 'function') return;
  const original = proto.subtotal;
  class SubtotalPlugin extends Base {
    static implementedFunctions = { SUBTOTAL: { ...metadata, method: 'excelSubtotal' } };

    // The base class's aliases (VAR, STDEV, …) stay with it.
    static aliases = {};

    excelSubtotal(ast: ProcedureAst, state: InterpreterState): unknown {
      const graph = (this as unknown as { dependencyGraph: GraphLike }).dependencyGraph;
      const leftOut = hiddenRowsLeftOut(this, ast, state);
      let args: Ast[] | undefined;
      try {
        if (ast.args.length >= 2) {
          const refs = typedReferences(this, ast.args.slice(1), state);
          args = withoutNested(refs.args, graph, state.formulaAddress as Address, { cell: leftOut, nested: true })?.map((a) => refs.typed.get(a) ?? a);
        }
      } catch {
        args = undefined;
      }
      if (args && args.length === 0) {
        // Every reference a nested subtotal (or hidden): the function of no value.
        const kind = (this as unknown as { evaluateAst(a: Ast, s: InterpreterState): unknown }).evaluateAst(ast.args[0], state);
        const k = typeof kind === 'number' ? Math.trunc(kind) % 100 : NaN;
        const none = k >= 1 && k <= 11 ? ofNoValues(k, 'SUBTOTAL') : undefined;
        if (none !== undefined) return none;
        args = undefined;
      }
      return original.call(this, args ? ({ ...ast, args: [ast.args[0], ...args] } as ProcedureAst) : ast, state);
    }
  }
  HyperFormula.unregisterFunction('SUBTOTAL');
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  HyperFormula.registerFunctionPlugin(SubtotalPlugin as unknown as FunctionPluginDefinition, Object.fromEntries(languages.map((code) => [code, { SUBTOTAL: 'SUBTOTAL' }])));
}
