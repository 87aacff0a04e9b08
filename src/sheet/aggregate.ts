/**
 * AGGREGATE as Microsoft documents it (the worksheet function's page, and the same tables and
 * remarks on Microsoft Learn's page of the Excel VBA WorksheetFunction.Aggregate method, quoted here):
 *
 *   AGGREGATE(function_num, options, ref1, [ref2], …)   reference form, function_num 1–13
 *   AGGREGATE(function_num, options, array, k)           array form, function_num 14–19
 *
 * function_num 1 AVERAGE, 2 COUNT, 3 COUNTA, 4 MAX, 5 MIN, 6 PRODUCT, 7 STDEV.S, 8 STDEV.P, 9 SUM,
 * 10 VAR.S, 11 VAR.P, 12 MEDIAN, 13 MODE.SNGL, 14 LARGE, 15 SMALL, 16 PERCENTILE.INC,
 * 17 QUARTILE.INC, 18 PERCENTILE.EXC, 19 QUARTILE.EXC. options: "0 or omitted — Ignore nested
 * SUBTOTAL and AGGREGATE functions; 1 — Ignore hidden rows, nested SUBTOTAL and AGGREGATE
 * functions; 2 — Ignore error values, nested SUBTOTAL and AGGREGATE functions; 3 — Ignore hidden
 * rows, error values, nested SUBTOTAL and AGGREGATE functions; 4 — Ignore nothing; 5 — Ignore
 * hidden rows; 6 — Ignore error values; 7 — Ignore hidden rows and error values."
 *
 * Hidden rows: unlike SUBTOTAL's page ("The SUBTOTAL function ignores any rows that are not
 * included in the result of a filter, no matter which function_num value you use"), AGGREGATE's
 * has no such sentence: its options table alone says which rows are left out ("4 — Ignore
 * nothing" leaves none out), and it names one kind, "hidden rows". So a row a filter hides is
 * a hidden row like one hidden by Hide Rows: left out with options 1, 3, 5, 7 only, kept with
 * 0, 2, 4, 6.
 *
 * The values kept are given to the plain function (SUM, LARGE, …, as this evaluator computes
 * each: HyperFormula's or our plugins') as one array constant of the kept cells, so AGGREGATE
 * agrees with the plain function of those values: an error among them is the result unless
 * errors are ignored (the first, in reading order, as in SUM), COUNT and COUNTA count as they do.
 *
 * Errors: "If a second ref argument is required but not provided, Aggregate returns a #VALUE!
 * error"; function_num or options outside 1–19 / 0–7 is #VALUE! (as Excel gives it); for the
 * functions 1–13 the references are "any cell reference, union, intersection, defined name,
 * structured reference", not "actual data" or "arrays" (the Excel VBA Aggregate method's table of
 * valid types): a number, text or array typed in (or computed, A1:A3*2) is #VALUE!. The options
 * apply to the values of the evaluation range only: an error in function_num, options or k is
 * the result whatever the options (the option "determines which values to ignore in the
 * evaluation range for the function"). An array computed in the formula (the array form's
 * `array` not a reference) has no rows or formulas of its own: only its error values can be left out.
 *
 * A reference a function returns (INDEX, OFFSET, INDIRECT, CHOOSE, IF, A1:INDEX(…)) is read as the
 * typed reference (typedReferences, src/sheet/subtotal.ts), as Excel reads it. An array of k in the
 * array form (AGGREGATE(14,6,A1:A10,{1,2})) gives one value per k, spilled as in Excel 365.
 */
import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { Ast, ProcedureAst } from 'hyperformula/typings/parser';
import { gridOf, type Scalar } from './dynamicArrays';
import { columnArray, ofNoValues, rowsLeftOut, typedReferences, withoutNested, type Address, type GraphLike } from './subtotal';

/** The functions by function_num − 1. */
export const AGGREGATE_FUNCTIONS = [
  'AVERAGE', 'COUNT', 'COUNTA', 'MAX', 'MIN', 'PRODUCT', 'STDEV.S', 'STDEV.P', 'SUM', 'VAR.S', 'VAR.P', 'MEDIAN', 'MODE.SNGL',
  'LARGE', 'SMALL', 'PERCENTILE.INC', 'QUARTILE.INC', 'PERCENTILE.EXC', 'QUARTILE.EXC',
] as const;

const REFERENCES = new Set(['CELL_REFERENCE', 'CELL_RANGE', 'COLUMN_RANGE', 'ROW_RANGE']);

/** Argument nodes that are values, not references: typed data, array constants, operators over ranges. */
const DATA = new Set([
  'EMPTY', 'NUMBER', 'STRING', 'ARRAY', 'MINUS_UNARY_OP', 'PLUS_UNARY_OP', 'PERCENT_OP', 'CONCATENATE_OP', 'EQUALS_OP', 'NOT_EQUAL_OP',
  'GREATER_THAN_OP', 'LESS_THAN_OP', 'GREATER_THAN_OR_EQUAL_OP', 'LESS_THAN_OR_EQUAL_OP', 'PLUS_OP', 'MINUS_OP', 'TIMES_OP', 'DIV_OP', 'POWER_OP',
]);

const valueError = (why: string): CellError => new CellError(ErrorType.VALUE, `AGGREGATE: ${why}`);

/** A value kept, as a node of an array constant (read as a range's cell is). */
function literal(v: Exclude<Scalar, null | CellError>): Ast {
  if (typeof v === 'number') return { type: 'NUMBER', value: v } as unknown as Ast;
  if (typeof v === 'string') return { type: 'STRING', value: v } as unknown as Ast;
  return { type: 'FUNCTION_CALL', procedureName: v ? 'TRUE' : 'FALSE', args: [] } as unknown as Ast;
}

export class AggregatePlugin extends FunctionPlugin {
  // enableArrayArithmeticForArguments: the array form's array is computed over whole ranges (B1:B9/(C1:C9="x")), as
  // Excel computes it without Ctrl+Shift+Enter, not intersected with the formula's row.
  static implementedFunctions: ImplementedFunctions = {
    AGGREGATE: { method: 'aggregate', sizeOfResultArrayMethod: 'aggregateSize', parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1, vectorizationForbidden: true, enableArrayArithmeticForArguments: true },
  };

  /** function_num or options as a whole number (Excel truncates), its error, or undefined when it is an array. */
  private whole(arg: Ast | undefined, state: InterpreterState, omitted: number | undefined): number | CellError | undefined {
    if (arg === undefined || arg.type === 'EMPTY') return omitted;
    const v = this.evaluateAst(arg, state);
    if (v instanceof SimpleRangeValue) return undefined;
    const n = this.arithmeticHelper.coerceScalarToNumberOrError(v as never);
    if (n instanceof CellError) return n;
    return Math.trunc(typeof n === 'number' ? n : Number((n as { val: number }).val));
  }

  /**
   * A defined name that is a reference (vals = Sheet1!$B$2:$B$90) as that reference, so that its
   * hidden rows and nested subtotals are left out as those of a reference written in the formula;
   * any other argument as it is.
   */
  private referenceOfName(arg: Ast, state: InterpreterState): Ast {
    if (arg.type !== 'NAMED_EXPRESSION') return arg;
    try {
      const names = (this as unknown as { interpreter: { namedExpressions: { nearestNamedExpression(n: string, sheet: number): { address: Address } | undefined } } }).interpreter.namedExpressions;
      const named = names.nearestNamedExpression((arg as unknown as { expressionName: string }).expressionName, state.formulaAddress.sheet);
      const graph = this.dependencyGraph as unknown as GraphLike;
      const vertex = named && graph.getCell(named.address);
      const formula = vertex && typeof vertex.getFormula === 'function' ? (vertex.getFormula(graph.lazilyTransformingAstService) as Ast | undefined) : undefined;
      return formula && REFERENCES.has(formula.type) ? formula : arg;
    } catch {
      return arg;
    }
  }

  /**
   * The array form with an array of k (AGGREGATE(14,6,A1:A10,{1,2})) spills one value per k, as
   * Excel 365 computes it; function_num must be written (14–19) for the size to be known before
   * the formula is evaluated. Any other AGGREGATE is one value.
   */
  aggregateSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const [fn, , , k] = ast.args as unknown as Array<{ type: string; value?: unknown } | undefined>;
    if (ast.args.length !== 4 || fn?.type !== 'NUMBER' || typeof fn.value !== 'number' || Math.trunc(fn.value) < 14 || Math.trunc(fn.value) > 19 || !k) return ArraySize.scalar();
    const range = k as unknown as { type: string; start?: { toSimpleCellAddress?(b: Address): Address }; end?: { toSimpleCellAddress?(b: Address): Address } };
    if (range.type === 'CELL_RANGE' && range.start?.toSimpleCellAddress && range.end?.toSimpleCellAddress) {
      // k from a range of cells (HyperFormula sizes a range as one value outside array formulas).
      const a = range.start.toSimpleCellAddress(state.formulaAddress as Address);
      const b = range.end.toSimpleCellAddress(state.formulaAddress as Address);
      const width = Math.abs(b.col - a.col) + 1;
      const height = Math.abs(b.row - a.row) + 1;
      return width * height > 1 ? new ArraySize(width, height) : ArraySize.scalar();
    }
    const size = this.arraySizeForAst(ast.args[3], { ...state, arraysFlag: true } as InterpreterState);
    return size.width >= 1 && size.height >= 1 && !size.isScalar() ? size : ArraySize.scalar();
  }

  aggregate(ast: ProcedureAst, state: InterpreterState): unknown {
    const args = ast.args;
    const fn = this.whole(args[0], state, undefined);
    if (fn instanceof CellError) return fn;
    const opt = this.whole(args[1], state, 0);
    if (opt instanceof CellError) return opt;
    if (fn === undefined || fn < 1 || fn > 19) return valueError('function_num must be a number from 1 to 19.');
    if (opt === undefined || opt < 0 || opt > 7) return valueError('options must be a number from 0 to 7.');
    const arrayForm = fn >= 14;
    if (args.length < 3) return valueError('a reference (ref1, or array) is required.');
    if (arrayForm && args.length !== 4) return valueError(`${AGGREGATE_FUNCTIONS[fn - 1]} (function_num ${fn}) takes one array and its k.`);
    const data = (arrayForm ? args.slice(2, 3) : args.slice(2)).map((a) => this.referenceOfName(a, state));
    if (!arrayForm && data.some((a) => DATA.has(a.type))) return valueError('the functions 1–13 take references, not values or arrays.');

    const nested = opt <= 3;
    const errors = opt === 2 || opt === 3 || opt === 6 || opt === 7;
    const hidden = opt % 2 === 1 ? rowsLeftOut(this, 'hidden') : undefined;
    const graph = this.dependencyGraph as unknown as GraphLike;
    const cell =
      hidden || errors
        ? (sheet: number, row: number, col: number): boolean => (hidden?.(sheet, row) ?? false) || (errors && graph.getCellValue?.({ sheet, row, col }) instanceof CellError)
        : undefined;
    let kept: readonly Ast[];
    try {
      // A reference a function returns (INDEX, OFFSET, INDIRECT, CHOOSE, IF) as a typed one.
      const refs = typedReferences(this, data, state);
      kept = withoutNested(refs.args, graph, state.formulaAddress as Address, { cell, nested, asArray: true })?.map((a) => refs.typed.get(a) ?? a) ?? data;
    } catch {
      kept = data;
    }

    const values: Ast[] = [];
    for (const a of kept) {
      if (!data.includes(a)) {
        values.push(a); // the kept cells of a range, as an array constant
        continue;
      }
      if (a.type === 'CELL_REFERENCE' && !errors) {
        values.push(columnArray([a])); // a single cell read as a range's cell (its text is no number)
        continue;
      }
      if (REFERENCES.has(a.type) && !errors) {
        values.push(a);
        continue;
      }
      // A reference with errors to leave out (a single cell, a range searched without leaving
      // anything out, or too large to search), or any other expression (a name that is no
      // reference, a function's result, a computed array): its values. A function's reference
      // whose cells were searched (typedReferences) had nothing but errors to leave out; one
      // not known (INDEX of a computed array) can leave out only its errors.
      if (!errors) {
        values.push(a);
        continue;
      }
      const items = gridOf(this.evaluateAst(a, state))
        .flat()
        .filter((x): x is Exclude<Scalar, null | CellError> => x !== null && !(x instanceof CellError))
        .map(literal);
      if (items.length > 0) values.push(columnArray(items));
    }

    if (!arrayForm) {
      if (values.length === 0) return ofNoValues(fn, 'AGGREGATE');
      return this.evaluateAst({ type: 'FUNCTION_CALL', procedureName: AGGREGATE_FUNCTIONS[fn - 1], args: values } as unknown as Ast, state);
    }
    /** The function of the kept values for one k (an error of k is the result: it is no value of the range). */
    const ofK = (k: Ast, kValue: unknown): unknown => {
      if (kValue instanceof CellError) return kValue;
      if (values.length === 0) return ofNoValues(fn, 'AGGREGATE');
      return this.evaluateAst({ type: 'FUNCTION_CALL', procedureName: AGGREGATE_FUNCTIONS[fn - 1], args: [values[0], k] } as unknown as Ast, state);
    };
    const k = this.evaluateAst(args[3], state);
    if (k instanceof SimpleRangeValue && k.width() * k.height() > 1) {
      // An array of k: one value per k (Excel 365 spills them), each as the function gives it for that k.
      const grid = gridOf(k).map((row) =>
        row.map((x) => {
          const v = ofK(x === null || x instanceof CellError ? ({ type: 'NUMBER', value: 0 } as unknown as Ast) : literal(x), x);
          return v instanceof SimpleRangeValue ? v.data[0]?.[0] : v;
        }),
      );
      return SimpleRangeValue.onlyValues(grid as never);
    }
    return ofK(args[3], k);
  }
}

let registered = false;

/** Registers AGGREGATE (after the plugins whose functions it calls); once per process. */
export function registerAggregate(): void {
  if (registered) return;
  registered = true;
  if (HyperFormula.getRegisteredFunctionNames('enGB').includes('AGGREGATE')) HyperFormula.unregisterFunction('AGGREGATE');
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  HyperFormula.registerFunctionPlugin(AggregatePlugin, Object.fromEntries(languages.map((code) => [code, { AGGREGATE: 'AGGREGATE' }])));
}
