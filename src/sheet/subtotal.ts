/**
 * SUBTOTAL as Excel computes it: HyperFormula's SUBTOTAL, except that the cells of its references
 * holding a SUBTOTAL or AGGREGATE formula are left out. Microsoft's SUBTOTAL page: "If there are
 * other subtotals within ref1, ref2,… (or nested subtotals), these nested subtotals are ignored
 * to avoid double counting." (AGGREGATE's page says the same of nested AGGREGATE and SUBTOTAL.)
 *
 * The plugin extends the class HyperFormula registers SUBTOTAL in (its numeric aggregations), so
 * the functions 1–11 and 101–111 are computed by HyperFormula's own code; only the references
 * given to it change: a range holding nested subtotals becomes the column runs of its other cells.
 */
import { CellError, ErrorType, HyperFormula } from 'hyperformula';
import type { FunctionPluginDefinition } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { Ast, ProcedureAst } from 'hyperformula/typings/parser';

/** Ranges larger than this are given to HyperFormula as they are (not searched for nested subtotals). */
const MAX_SEARCHED_CELLS = 200_000;

interface Address {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

interface AddressLike {
  toSimpleCellAddress(base: Address): Address;
  constructor: { absolute(col: number, row: number, sheet: number): AddressLike };
}

interface VertexLike {
  getFormula?: (service: unknown) => unknown;
}

interface GraphLike {
  getCell(address: Address): VertexLike | undefined;
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

/**
 * The reference arguments with the cells holding nested subtotals left out, or undefined when
 * none holds one (the arguments are then evaluated as given).
 */
function withoutNested(args: readonly Ast[], graph: GraphLike, base: Address): Ast[] | undefined {
  let changed = false;
  const out: Ast[] = [];
  for (const arg of args) {
    const a = arg as unknown as { type: string; reference?: AddressLike; start?: AddressLike; end?: AddressLike; sheetReferenceType?: unknown };
    if (a.type === 'CELL_REFERENCE' && a.reference) {
      if (holdsSubtotal(graph, a.reference.toSimpleCellAddress(base))) {
        changed = true;
        continue;
      }
    } else if (a.type === 'CELL_RANGE' && a.start && a.end) {
      const s = a.start.toSimpleCellAddress(base);
      const e = a.end.toSimpleCellAddress(base);
      const [top, bottom] = [Math.min(s.row, e.row), Math.max(s.row, e.row)];
      const [left, right] = [Math.min(s.col, e.col), Math.max(s.col, e.col)];
      if (s.sheet === e.sheet && (bottom - top + 1) * (right - left + 1) <= MAX_SEARCHED_CELLS) {
        const runs: Array<[number, number, number]> = []; // col, first row, last row
        let any = false;
        for (let col = left; col <= right; col++) {
          let first: number | undefined;
          for (let row = top; row <= bottom + 1; row++) {
            const skip = row > bottom || holdsSubtotal(graph, { sheet: s.sheet, row, col });
            if (row <= bottom && skip) any = true;
            if (!skip && first === undefined) first = row;
            if (skip && first !== undefined) {
              runs.push([col, first, row - 1]);
              first = undefined;
            }
          }
        }
        if (any) {
          // Each other cell as a reference of its own (HyperFormula reads a cell reference as it
          // reads a range's cells, and computes only over ranges its graph holds).
          changed = true;
          const make = a.start.constructor;
          for (const [col, r1, r2] of runs) {
            for (let row = r1; row <= r2; row++) out.push({ type: 'CELL_REFERENCE', reference: make.absolute(col, row, s.sheet) } as unknown as Ast);
          }
          continue;
        }
      }
    }
    out.push(arg);
  }
  return changed ? out : undefined;
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
      let args: Ast[] | undefined;
      try {
        args = ast.args.length >= 2 ? withoutNested(ast.args.slice(1), graph, state.formulaAddress as Address) : undefined;
      } catch {
        args = undefined;
      }
      if (args && args.length === 0) {
        // Every reference a nested subtotal: the function of no value — a mean, deviation or
        // variance of none is #DIV/0!, a sum, count, maximum, minimum or product 0 (as Excel's SUM,
        // COUNT, MAX, MIN and PRODUCT of an empty range).
        const kind = (this as unknown as { evaluateAst(a: Ast, s: InterpreterState): unknown }).evaluateAst(ast.args[0], state);
        const k = typeof kind === 'number' ? Math.trunc(kind) % 100 : NaN;
        if ([1, 7, 8, 10, 11].includes(k)) return new CellError(ErrorType.DIV_BY_ZERO, 'SUBTOTAL: every value is a nested subtotal, which SUBTOTAL ignores.');
        if ([2, 3, 4, 5, 6, 9].includes(k)) return 0;
        args = undefined;
      }
      return original.call(this, args ? ({ ...ast, args: [ast.args[0], ...args] } as ProcedureAst) : ast, state);
    }
  }
  HyperFormula.unregisterFunction('SUBTOTAL');
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  HyperFormula.registerFunctionPlugin(SubtotalPlugin as unknown as FunctionPluginDefinition, Object.fromEntries(languages.map((code) => [code, { SUBTOTAL: 'SUBTOTAL' }])));
}
