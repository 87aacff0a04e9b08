/**
 * ISBLANK, ISERR, ISERROR, ISNA, ISLOGICAL, ISNUMBER, ISTEXT and ISNONTEXT given a range outside
 * an array formula, as Excel computes them: the range is implicitly intersected with the formula's
 * row (a one-column range) or column (a one-row range) — Microsoft, "Implicit intersection
 * operator: @": "If the value is a range, … return the cell on the same row or column as the
 * formula", and a range the formula's row or column does not cross is #VALUE!. The function then
 * tests that value, so `=ISERROR(C10:C13)` in row 780 is TRUE (the #VALUE! of the intersection is
 * an error) and `=ISNONTEXT(B18:B19)` in row 792 TRUE; HyperFormula returned the #VALUE! itself.
 *
 * The plugin extends the class HyperFormula registers these functions in; every other argument
 * (a cell, an expression, an array formula's range) is HyperFormula's own reading.
 */
import { CellError, EmptyValue, ErrorType, HyperFormula } from 'hyperformula';
import type { FunctionPluginDefinition } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import { IS_FUNCTIONS } from './textFunctions';

type Test = (v: unknown) => boolean;

/** The IS functions' own tests (textFunctions.ts). */
const TESTS = IS_FUNCTIONS as Readonly<Record<string, Test>>;

interface Address {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

interface RangeArg {
  readonly type?: string;
  readonly start?: { toSimpleCellAddress(base: Address): Address };
  readonly end?: { toSimpleCellAddress(base: Address): Address };
}

function plain(v: unknown): unknown {
  if (v === EmptyValue || v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof CellError) && typeof (v as { val?: unknown }).val === 'number') return (v as { val: number }).val;
  return v;
}

/**
 * The value of a multi-cell range argument intersected with the formula's cell, #VALUE! when they
 * do not cross; undefined when the argument is no range of several cells (left to HyperFormula).
 */
export function intersectedValue(arg: unknown, at: Address, read: (a: Address) => unknown): unknown {
  const r = arg as RangeArg | undefined;
  if (r?.type !== 'CELL_RANGE' || !r.start || !r.end) return undefined;
  const a = r.start.toSimpleCellAddress(at);
  const b = r.end.toSimpleCellAddress(at);
  const [top, bottom, left, right] = [Math.min(a.row, b.row), Math.max(a.row, b.row), Math.min(a.col, b.col), Math.max(a.col, b.col)];
  if (top === bottom && left === right) return undefined;
  const none = new CellError(ErrorType.VALUE, 'The range does not cross the formula’s row or column (implicit intersection).');
  if (left === right) return at.row >= top && at.row <= bottom ? plain(read({ sheet: a.sheet, row: at.row, col: left })) : none;
  if (top === bottom) return at.col >= left && at.col <= right ? plain(read({ sheet: a.sheet, row: top, col: at.col })) : none;
  return none;
}

let registered = false;

/** Replaces HyperFormula's IS functions by ones intersecting a range argument; once per process. */
export function registerIsIntersection(): void {
  if (registered) return;
  registered = true;
  const plugin = HyperFormula.getFunctionPlugin('ISERROR') as unknown as { implementedFunctions?: Record<string, { method: string }>; prototype: Record<string, unknown> } | undefined;
  if (!plugin?.implementedFunctions) return;
  const ids = Object.keys(TESTS).filter((id) => HyperFormula.getFunctionPlugin(id) === (plugin as unknown) && plugin.implementedFunctions?.[id]);
  const Base = plugin as unknown as new (...a: never[]) => object;
  const implemented: Record<string, object> = {};
  const methods: Record<string, (this: unknown, ast: ProcedureAst, state: InterpreterState) => unknown> = {};
  for (const id of ids) {
    const metadata = plugin.implementedFunctions[id];
    const original = plugin.prototype[metadata.method] as ((ast: ProcedureAst, state: InterpreterState) => unknown) | undefined;
    if (typeof original !== 'function') continue;
    const method = `excel${id}`;
    implemented[id] = { ...metadata, method };
    methods[method] = function (this: unknown, ast: ProcedureAst, state: InterpreterState): unknown {
      if (!state.arraysFlag && ast.args.length === 1) {
        const graph = (this as { dependencyGraph: { getCellValue(a: Address): unknown } }).dependencyGraph;
        let v: unknown;
        try {
          v = intersectedValue(ast.args[0], state.formulaAddress as Address, (a) => graph.getCellValue(a));
        } catch {
          v = undefined;
        }
        if (v !== undefined) return TESTS[id](v);
      }
      return original.call(this, ast, state);
    };
  }
  if (Object.keys(implemented).length === 0) return;
  class IsIntersectionPlugin extends Base {
    static implementedFunctions = implemented;

    // The base class's aliases stay with it.
    static aliases = {};
  }
  Object.assign(IsIntersectionPlugin.prototype, methods);
  for (const id of Object.keys(implemented)) HyperFormula.unregisterFunction(id);
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  const names = Object.fromEntries(Object.keys(implemented).map((id) => [id, id]));
  HyperFormula.registerFunctionPlugin(IsIntersectionPlugin as unknown as FunctionPluginDefinition, Object.fromEntries(languages.map((code) => [code, names])));
}
