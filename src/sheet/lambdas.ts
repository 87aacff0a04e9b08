/**
 * Excel's LAMBDA helpers as a FunctionPlugin: BYROW, BYCOL, MAP, REDUCE, SCAN, MAKEARRAY, and
 * LET. Each takes a `LAMBDA(param…, body)` (or a function name as Excel stores one written
 * alone, `_xleta.SUM`) and calls it per row, column, element or step, as Microsoft's pages say:
 *
 * - BYROW(array, lambda(row)) → a column, BYCOL(array, lambda(column)) → a row; a lambda
 *   result that is not one value is #CALC!;
 * - MAP(array1, …, lambda(v1, …)) → each element; REDUCE([initial], array, lambda(acc, v)) → the
 *   accumulator at the end; SCAN([initial], array, lambda(acc, v)) → the accumulator after each
 *   element (row by row); MAKEARRAY(rows, cols, lambda(r, c));
 * - LET(name1, value1, …, calculation).
 *
 * A LAMBDA whose parameter count does not fit is #VALUE!. HyperFormula reads a parameter in the
 * body as a name (NAMED_EXPRESSION): while a lambda runs, its parameters are bound in a scope that
 * a wrapper of the interpreter consults before HyperFormula's own names (the interpreter is not
 * exported; its prototype is reached through an instance, as guardEvaluation in
 * src/sheet/excelFunctions.ts does).
 *
 * Like HyperFormula, this file is GPL-side only: never in the add-in.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { Ast, ProcedureAst } from 'hyperformula/typings/parser';
import { calc, gridOf, type Scalar } from './dynamicArrays';
import { interpreterPrototype } from './interpreterHook';

/** Bound lambda parameters and LET names, innermost last (names upper-cased). */
const scopes: Array<Map<string, unknown>> = [];

function lookup(name: string): { found: boolean; value?: unknown } {
  const key = name.toUpperCase();
  for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i].has(key)) return { found: true, value: scopes[i].get(key) };
  return { found: false };
}

/** Runs f with names bound (HyperFormula values: scalars, EmptyValue, SimpleRangeValue). */
export function withBindings<T>(names: ReadonlyMap<string, unknown>, f: () => T): T {
  scopes.push(new Map([...names].map(([k, v]) => [k.toUpperCase(), v])));
  try {
    return f();
  } finally {
    scopes.pop();
  }
}

type Fn = (args: readonly unknown[]) => unknown;
const valueError = (why: string): CellError => new CellError(ErrorType.VALUE, why);

/** A value of a grid back to what HyperFormula evaluates to. */
function hfValue(v: Scalar): unknown {
  return v === null ? EmptyValue : v;
}

/** A lambda's result as one value: an array of one cell is its value, a larger one #CALC!. */
function single(v: unknown): Scalar {
  if (v instanceof SimpleRangeValue) {
    if (v.width() * v.height() !== 1) return calc('a LAMBDA result here must be one value.');
    return gridOf(v)[0][0];
  }
  return gridOf(v)[0][0];
}

function asArray(g: Scalar[][]): SimpleRangeValue {
  return SimpleRangeValue.onlyValues(g.map((row) => row.map((v) => (v === null ? 0 : v))) as never);
}

const A = FunctionArgumentType.ANY;
const raw = (n: number): Array<{ argumentType: FunctionArgumentType; optionalArg?: boolean }> =>
  [...Array(n).keys()].map(() => ({ argumentType: A, optionalArg: true }));

export const LAMBDA_FUNCTIONS: ImplementedFunctions = {
  BYROW: { method: 'byrow', parameters: raw(2), vectorizationForbidden: true },
  BYCOL: { method: 'bycol', parameters: raw(2), vectorizationForbidden: true },
  MAP: { method: 'map', parameters: raw(2), repeatLastArgs: 1, vectorizationForbidden: true },
  REDUCE: { method: 'reduce', parameters: raw(3), vectorizationForbidden: true },
  SCAN: { method: 'scan', parameters: raw(3), vectorizationForbidden: true },
  MAKEARRAY: { method: 'makearray', parameters: raw(3), vectorizationForbidden: true },
  LET: { method: 'let', parameters: raw(3), repeatLastArgs: 2, vectorizationForbidden: true },
};

export class LambdaPlugin extends FunctionPlugin {
  static implementedFunctions = LAMBDA_FUNCTIONS;

  private arrayState(state: InterpreterState): InterpreterState {
    return { ...state, arraysFlag: true } as InterpreterState;
  }

  private evaluate(ast: Ast | undefined, state: InterpreterState): unknown {
    if (!ast || ast.type === 'EMPTY') return EmptyValue;
    return this.evaluateAst(ast, this.arrayState(state));
  }

  /** The function an argument stands for: a LAMBDA of `arity` parameters, or `_xleta.NAME` (a function written alone). */
  private lambdaOf(ast: Ast | undefined, state: InterpreterState, arity: number, name: string): Fn | CellError {
    if (!ast) return valueError(`${name}: needs a LAMBDA.`);
    const node = ast as unknown as { type: string; procedureName?: string; args?: Ast[]; expressionName?: string };
    if (node.type === 'FUNCTION_CALL' && node.procedureName === 'LAMBDA' && node.args) {
      const params = node.args.slice(0, -1);
      const body = node.args[node.args.length - 1];
      if (params.length !== arity) return valueError(`${name}: the LAMBDA must take ${arity} parameter(s).`);
      const names: string[] = [];
      for (const p of params) {
        const pn = p as unknown as { type: string; expressionName?: string };
        if (pn.type !== 'NAMED_EXPRESSION' || !pn.expressionName) return valueError(`${name}: a LAMBDA parameter must be a name.`);
        names.push(pn.expressionName);
      }
      return (args) => withBindings(new Map(names.map((n, i) => [n, args[i]])), () => this.evaluate(body, state));
    }
    if (node.type === 'NAMED_EXPRESSION' && node.expressionName && /^_xleta\./i.test(node.expressionName)) {
      const fn = node.expressionName.slice('_xleta.'.length).toUpperCase();
      return (args) => {
        const placeholders = args.map((_, i) => `__LAMBDA_ARG_${scopes.length}_${i}`);
        const call = { type: 'FUNCTION_CALL', procedureName: fn, args: placeholders.map((p) => ({ type: 'NAMED_EXPRESSION', expressionName: p })) } as unknown as Ast;
        return withBindings(new Map(placeholders.map((p, i) => [p, args[i]])), () => this.evaluate(call, state));
      };
    }
    return valueError(`${name}: needs a LAMBDA.`);
  }

  /** A grid argument evaluated (a range, an array or one value). */
  private gridArg(ast: Ast | undefined, state: InterpreterState): Scalar[][] | CellError {
    const v = this.evaluate(ast, state);
    if (v instanceof CellError) return v;
    return gridOf(v);
  }

  byrow(ast: ProcedureAst, state: InterpreterState): unknown {
    const g = this.gridArg(ast.args[0], state);
    if (g instanceof CellError) return g;
    const f = this.lambdaOf(ast.args[1], state, 1, 'BYROW');
    if (f instanceof CellError) return f;
    return asArray(g.map((row) => [single(f([asArray([row])]))]));
  }

  bycol(ast: ProcedureAst, state: InterpreterState): unknown {
    const g = this.gridArg(ast.args[0], state);
    if (g instanceof CellError) return g;
    const f = this.lambdaOf(ast.args[1], state, 1, 'BYCOL');
    if (f instanceof CellError) return f;
    return asArray([g[0].map((_, c) => single(f([asArray(g.map((row) => [row[c]]))])))]);
  }

  map(ast: ProcedureAst, state: InterpreterState): unknown {
    const arrays = ast.args.slice(0, -1).map((a) => this.gridArg(a, state));
    const bad = arrays.find((g): g is CellError => g instanceof CellError);
    if (bad) return bad;
    const gs = arrays as Scalar[][][];
    if (gs.length === 0) return valueError('MAP: needs an array.');
    const f = this.lambdaOf(ast.args[ast.args.length - 1], state, gs.length, 'MAP');
    if (f instanceof CellError) return f;
    const h = Math.max(...gs.map((g) => g.length));
    const w = Math.max(...gs.map((g) => g[0].length));
    const na = new CellError(ErrorType.NA, 'MAP: the arrays differ in size.');
    return asArray(
      [...Array(h).keys()].map((r) =>
        [...Array(w).keys()].map((c) => {
          const args = gs.map((g) => {
            const rr = g.length === 1 ? 0 : r;
            const cc = g[0].length === 1 ? 0 : c;
            return rr < g.length && cc < g[0].length ? hfValue(g[rr][cc]) : na;
          });
          return args.includes(na) ? na : single(f(args));
        }),
      ),
    );
  }

  private fold(ast: ProcedureAst, state: InterpreterState, name: string): { steps: unknown[][] } | CellError {
    const initial = this.evaluate(ast.args[0], state);
    const g = this.gridArg(ast.args[1], state);
    if (g instanceof CellError) return g;
    const f = this.lambdaOf(ast.args[2], state, 2, name);
    if (f instanceof CellError) return f;
    let acc: unknown = initial;
    const steps = g.map((row) =>
      row.map((v) => {
        acc = f([acc, hfValue(v)]);
        return acc;
      }),
    );
    return { steps };
  }

  /**
   * REDUCE([initial_value], array, lambda(accumulator, value)): the accumulator may be an array
   * (REDUCE(C1:E1,{1,2,3},LAMBDA(a,b,a+b^2)) is {15,16,17} for C1:E1 = 1, 2, 3, as in Excel).
   */
  reduce(ast: ProcedureAst, state: InterpreterState): unknown {
    const r = this.fold(ast, state, 'REDUCE');
    if (r instanceof CellError) return r;
    const last = r.steps[r.steps.length - 1];
    const v = last[last.length - 1];
    return v instanceof SimpleRangeValue ? (v.width() * v.height() === 1 ? hfValue(gridOf(v)[0][0]) : asArray(gridOf(v))) : hfValue(single(v));
  }

  scan(ast: ProcedureAst, state: InterpreterState): unknown {
    const r = this.fold(ast, state, 'SCAN');
    return r instanceof CellError ? r : asArray(r.steps.map((row) => row.map(single)));
  }

  /**
   * MAKEARRAY(rows, cols, lambda(row, col)). rows and cols are whole numbers from 1 (a fraction,
   * text, a blank or less than 1 is #VALUE!, TRUE is 1, an error is that error, as Excel gives);
   * in an array formula an array of them gives one MAKEARRAY per element, each its first value
   * ({=MAKEARRAY(C1:E1,1,…)}), as Excel lifts a one-value argument over an array.
   */
  makearray(ast: ProcedureAst, state: InterpreterState): unknown {
    const rowsV = this.evaluate(ast.args[0], state);
    const colsV = this.evaluate(ast.args[1], state);
    const size = (v: unknown): number | CellError => {
      const x = v instanceof SimpleRangeValue ? gridOf(v)[0][0] : gridOf(v)[0][0];
      if (x instanceof CellError) return x;
      const n = typeof x === 'boolean' ? Number(x) : x;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return valueError('MAKEARRAY: rows and cols must be whole numbers of at least 1.');
      return n;
    };
    const many = (v: unknown): boolean => v instanceof SimpleRangeValue && v.width() * v.height() > 1;
    if (state.arraysFlag && (many(rowsV) || many(colsV))) {
      const f = this.lambdaOf(ast.args[2], state, 2, 'MAKEARRAY');
      if (f instanceof CellError) return f;
      const rg = gridOf(rowsV);
      const cg = gridOf(colsV);
      const H = Math.max(rg.length, cg.length);
      const W = Math.max(rg[0].length, cg[0].length);
      const at = (g: Scalar[][], r: number, c: number): Scalar => {
        const rr = g.length === 1 ? 0 : r;
        const cc = g[0].length === 1 ? 0 : c;
        return rr < g.length && cc < g[0].length ? g[rr][cc] : new CellError(ErrorType.NA, 'MAKEARRAY: the arrays differ in size.');
      };
      return asArray(
        [...Array(H).keys()].map((r) =>
          [...Array(W).keys()].map((c) => {
            const h = size(at(rg, r, c));
            if (h instanceof CellError) return h;
            const w = size(at(cg, r, c));
            return w instanceof CellError ? w : single(f([1, 1]));
          }),
        ),
      );
    }
    const h = size(rowsV);
    if (h instanceof CellError) return h;
    const w = size(colsV);
    if (w instanceof CellError) return w;
    const f = this.lambdaOf(ast.args[2], state, 2, 'MAKEARRAY');
    if (f instanceof CellError) return f;
    return asArray([...Array(h).keys()].map((r) => [...Array(w).keys()].map((c) => single(f([r + 1, c + 1])))));
  }

  /** LET(name1, value1, …, calculation): each value may use the names before it. */
  let(ast: ProcedureAst, state: InterpreterState): unknown {
    const args = ast.args;
    if (args.length < 3 || args.length % 2 === 0) return valueError('LET: needs name, value pairs and a calculation.');
    const bound = new Map<string, unknown>();
    scopes.push(bound);
    try {
      for (let i = 0; i + 1 < args.length; i += 2) {
        const n = args[i] as unknown as { type: string; expressionName?: string };
        if (n.type !== 'NAMED_EXPRESSION' || !n.expressionName) return valueError('LET: a name must come before each value.');
        bound.set(n.expressionName.toUpperCase(), this.evaluate(args[i + 1], state));
      }
      return this.evaluate(args[args.length - 1], state);
    } finally {
      scopes.pop();
    }
  }
}

let registered = false;

/** Registers the plugin and the scope lookup of lambda parameters; once per process. */
export function registerLambdas(): void {
  if (registered) return;
  registered = true;
  for (const id of Object.keys(LAMBDA_FUNCTIONS)) {
    if (HyperFormula.getRegisteredFunctionNames('enGB').includes(id)) HyperFormula.unregisterFunction(id);
  }
  const names = Object.fromEntries(Object.keys(LAMBDA_FUNCTIONS).map((id) => [id, id]));
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  HyperFormula.registerFunctionPlugin(LambdaPlugin, Object.fromEntries(languages.map((code) => [code, names])));
  const proto = interpreterPrototype();
  if (!proto || typeof proto.evaluateAst !== 'function' || proto.cyberLambdaScopes) return;
  const original = proto.evaluateAst as (this: unknown, ast: { type: string; expressionName?: string }, state: unknown) => unknown;
  proto.evaluateAst = function lambdaScopes(this: unknown, ast: { type: string; expressionName?: string }, state: unknown): unknown {
    if (scopes.length > 0 && ast.type === 'NAMED_EXPRESSION' && ast.expressionName) {
      const hit = lookup(ast.expressionName);
      if (hit.found) return hit.value;
    }
    return original.call(this, ast, state);
  };
  proto.cyberLambdaScopes = true;
}
