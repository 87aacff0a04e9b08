/**
 * Excel's GROUPBY(row_fields, values, function, [field_headers], [total_depth], [sort_order],
 * [filter_array], [field_relationship]) as a FunctionPlugin, from Microsoft's GROUPBY page:
 *
 * - the rows of `values` are grouped by the row fields' values (several row-field columns make a
 *   hierarchy), the groups sorted ascending by their fields; `function` (a LAMBDA, or a function
 *   written alone: `SUM`, `AVERAGE`, `PERCENTOF`, … stored as `_xleta.SUM`) aggregates each value
 *   column of each group; PERCENTOF (a two-parameter LAMBDA) is given the group's values and all values;
 * - field_headers: 0 no headers, 1 headers not shown, 2 no headers but generated ones shown,
 *   3 headers shown; left out: the first row is a header row when its first value is text and the
 *   next one a number;
 * - total_depth: 0 no totals, 1 a grand total (the default), 2 and more: subtotals too (one level
 *   per row-field column above the last); negative: the totals above their groups. The grand
 *   total row reads "Total", or "Grand Total" when there are subtotals;
 * - sort_order: a column number of the result (negative: descending) or an array of them;
 *   beyond the result's columns: #VALUE!;
 * - filter_array: a column of logical values keeping the rows where it is TRUE;
 * - field_relationship 1 (table): no subtotals.
 *
 * Like HyperFormula, this file is GPL-side only: never in the add-in.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { Ast, ProcedureAst } from 'hyperformula/typings/parser';
import { calc, compareForSort, gridOf, numberOf, type Scalar } from './dynamicArrays';
import { withBindings } from './lambdas';

const valueError = (why: string): CellError => new CellError(ErrorType.VALUE, why);

interface Node {
  keys: Scalar[]; // the row-field values down to this level
  rows: number[]; // data row indexes
  children: Node[];
}

export const GROUPBY_FUNCTIONS: ImplementedFunctions = {
  GROUPBY: { method: 'groupby', parameters: [...Array(8).keys()].map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })), vectorizationForbidden: true },
};

export class GroupByPlugin extends FunctionPlugin {
  static implementedFunctions = GROUPBY_FUNCTIONS;

  private evaluate(ast: Ast | undefined, state: InterpreterState): unknown {
    if (!ast || ast.type === 'EMPTY') return undefined;
    return this.evaluateAst(ast, { ...state, arraysFlag: true } as InterpreterState);
  }

  /** The aggregation: (the group's values, all values) → one value. */
  private aggregator(ast: Ast | undefined, state: InterpreterState): ((group: Scalar[], all: Scalar[]) => Scalar) | CellError {
    const node = ast as unknown as { type?: string; procedureName?: string; args?: Ast[]; expressionName?: string } | undefined;
    const column = (v: Scalar[]): SimpleRangeValue => SimpleRangeValue.onlyValues(v.map((x) => [x === null ? EmptyValue : x]) as never);
    const one = (v: unknown): Scalar => {
      const g = gridOf(v);
      return g.length === 1 && g[0].length === 1 ? g[0][0] : calc('GROUPBY: the function must give one value.');
    };
    let fn: string | undefined;
    let params: string[] | undefined;
    let body: Ast | undefined;
    if (node?.type === 'NAMED_EXPRESSION' && node.expressionName && /^_xleta\./i.test(node.expressionName)) fn = node.expressionName.slice(7).toUpperCase();
    else if (node?.type === 'FUNCTION_CALL' && node.procedureName === 'LAMBDA' && node.args && node.args.length >= 2) {
      params = node.args.slice(0, -1).map((p) => (p as unknown as { expressionName?: string }).expressionName ?? '');
      body = node.args[node.args.length - 1];
      if (params.length > 2 || params.some((p) => p === '')) return valueError('GROUPBY: the LAMBDA must take one or two parameters.');
    } else return valueError('GROUPBY: function must be a LAMBDA or a function such as SUM.');
    return (group, all) => {
      const args = [column(group), column(all)];
      if (fn) {
        const arity = fn === 'PERCENTOF' ? 2 : 1;
        const names = args.slice(0, arity).map((_, i) => `__GROUPBY_ARG_${i}`);
        const call = { type: 'FUNCTION_CALL', procedureName: fn, args: names.map((n) => ({ type: 'NAMED_EXPRESSION', expressionName: n })) } as unknown as Ast;
        return one(withBindings(new Map(names.map((n, i) => [n, args[i]])), () => this.evaluate(call, state)));
      }
      const ps = params as string[];
      return one(withBindings(new Map(ps.map((n, i) => [n, args[i]])), () => this.evaluate(body, state)));
    };
  }

  groupby(ast: ProcedureAst, state: InterpreterState): unknown {
    const [fieldsAst, valuesAst, fnAst, headersAst, depthAst, sortAst, filterAst, relationAst] = ast.args as Array<Ast | undefined>;
    const fieldsV = this.evaluate(fieldsAst, state);
    const valuesV = this.evaluate(valuesAst, state);
    if (fieldsV instanceof CellError) return fieldsV;
    if (valuesV instanceof CellError) return valuesV;
    if (fieldsV === undefined || valuesV === undefined) return valueError('GROUPBY: needs row_fields and values.');
    const fields = gridOf(fieldsV);
    const values = gridOf(valuesV);
    if (fields.length !== values.length) return valueError('GROUPBY: row_fields and values must have the same height.');
    const agg = this.aggregator(fnAst, state);
    if (agg instanceof CellError) return agg;
    const optionalNumber = (a: Ast | undefined): number | undefined | CellError => {
      const v = this.evaluate(a, state);
      if (v === undefined) return undefined;
      const n = numberOf(v);
      return n instanceof CellError ? n : Math.trunc(n);
    };
    const headersArg = optionalNumber(headersAst);
    const depthArg = optionalNumber(depthAst);
    const relation = optionalNumber(relationAst);
    for (const x of [headersArg, depthArg, relation]) if (x instanceof CellError) return x;
    const autoHeaders = typeof values[0]?.[0] === 'string' && typeof values[1]?.[0] === 'number';
    const headers = (headersArg as number | undefined) ?? (autoHeaders ? 1 : 0);
    if (headers < 0 || headers > 3) return valueError('GROUPBY: field_headers must be 0 to 3.');
    const hasHeader = headers === 1 || headers === 3;
    const k = fields[0].length;
    const w = values[0].length;
    const headerRow: Scalar[] = hasHeader
      ? [...fields[0], ...values[0]]
      : [...[...Array(k).keys()].map((i) => `Row Field ${i + 1}`), ...[...Array(w).keys()].map((i) => `Value ${i + 1}`)];
    const first = hasHeader ? 1 : 0;
    let rows = [...Array(fields.length - first).keys()].map((i) => i + first);
    const filterV = this.evaluate(filterAst, state);
    if (filterV instanceof CellError) return filterV;
    if (filterV !== undefined) {
      const f = gridOf(filterV);
      if (f.length !== fields.length || f[0].length !== 1) return valueError('GROUPBY: filter_array must be one column of the data\'s height.');
      for (const r of rows) {
        const v = f[r][0];
        if (v instanceof CellError) return v;
      }
      rows = rows.filter((r) => {
        const v = f[r][0];
        return v === true || (typeof v === 'number' && v !== 0);
      });
    }
    if (rows.length === 0) return calc('GROUPBY: no rows are left.');
    const depthRaw = (depthArg as number | undefined) ?? 1;
    const top = depthRaw < 0;
    const depth = Math.abs(depthRaw);
    const subtotalLevels = relation === 1 ? 0 : Math.max(0, Math.min(depth - 1, k - 1));
    // The sort: column numbers of the result, ascending by the fields when none is given.
    const sortV = this.evaluate(sortAst, state);
    if (sortV instanceof CellError) return sortV;
    const sorts: number[] = [];
    if (sortV !== undefined) {
      for (const v of gridOf(sortV).flat()) {
        const n = numberOf(v);
        if (n instanceof CellError) return n;
        const c = Math.trunc(n);
        if (c === 0 || Math.abs(c) > k + w) return valueError('GROUPBY: sort_order is outside the result\'s columns.');
        sorts.push(c);
      }
    }
    // The hierarchy.
    const build = (members: number[], level: number, keys: Scalar[]): Node[] => {
      const byKey = new Map<string, { key: Scalar; rows: number[] }>();
      for (const r of members) {
        const key = fields[r][level];
        const id = typeof key === 'string' ? `s:${key.toLowerCase()}` : `${typeof key}:${String(key)}`;
        const g = byKey.get(id) ?? { key, rows: [] };
        g.rows.push(r);
        byKey.set(id, g);
      }
      return [...byKey.values()].map((g) => ({
        keys: [...keys, g.key],
        rows: g.rows,
        children: level + 1 < k ? build(g.rows, level + 1, [...keys, g.key]) : [],
      }));
    };
    const all = (c: number): Scalar[] => rows.map((r) => values[r][c]);
    const aggregate = (members: number[]): Scalar[] => [...Array(w).keys()].map((c) => agg(members.map((r) => values[r][c]), all(c)));
    const sortNodes = (nodes: Node[], level: number): void => {
      const totals = new Map(nodes.map((n) => [n, aggregate(n.rows)]));
      nodes.sort((a, b) => {
        for (const s of sorts) {
          const col = Math.abs(s) - 1;
          const dir = s < 0 ? -1 : 1;
          let c = 0;
          if (col < k) c = col === level ? compareForSort(a.keys[level], b.keys[level]) : 0;
          else c = compareForSort((totals.get(a) as Scalar[])[col - k], (totals.get(b) as Scalar[])[col - k]);
          if (c !== 0) return c * dir;
        }
        return compareForSort(a.keys[level], b.keys[level]);
      });
      for (const n of nodes) sortNodes(n.children, level + 1);
    };
    const tree = build(rows, 0, []);
    sortNodes(tree, 0);
    const out: Scalar[][] = [];
    const blank = (n: number): Scalar[] => new Array<Scalar>(n).fill(null);
    const emit = (nodes: Node[], level: number): void => {
      for (const n of nodes) {
        const leaf = n.children.length === 0;
        const subtotal = !leaf && level < subtotalLevels;
        const line = (): Scalar[] => [...n.keys, ...blank(k - n.keys.length), ...aggregate(n.rows)];
        if (leaf) out.push(line());
        else {
          if (subtotal && top) out.push(line());
          emit(n.children, level + 1);
          if (subtotal && !top) out.push(line());
        }
      }
    };
    emit(tree, 0);
    if (depth >= 1) {
      const total: Scalar[] = [subtotalLevels > 0 ? 'Grand Total' : 'Total', ...blank(k - 1), ...aggregate(rows)];
      if (top) out.unshift(total);
      else out.push(total);
    }
    if (headers >= 2) out.unshift(headerRow);
    return SimpleRangeValue.onlyValues(out.map((row) => row.map((v) => (v === null ? EmptyValue : v))) as never);
  }
}

let registered = false;

/** Registers the plugin; once per process. */
export function registerGroupBy(): void {
  if (registered) return;
  registered = true;
  const names = Object.fromEntries(Object.keys(GROUPBY_FUNCTIONS).map((id) => [id, id]));
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  HyperFormula.registerFunctionPlugin(GroupByPlugin, Object.fromEntries(languages.map((code) => [code, names])));
}
