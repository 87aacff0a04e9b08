/**
 * Excel's GROUPBY and PIVOTBY (below) as a FunctionPlugin. GROUPBY(row_fields, values, function, [field_headers], [total_depth], [sort_order],
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
 * A cell of the result with nothing in it (the field columns of a subtotal row, PIVOTBY's corner,
 * a combination of fields no row has) is empty text, as Excel stores it (t="str", <v/>).
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

const anyArgs = (n: number): Array<{ argumentType: FunctionArgumentType; optionalArg: boolean }> =>
  [...Array(n).keys()].map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true }));

export const GROUPBY_FUNCTIONS: ImplementedFunctions = {
  GROUPBY: { method: 'groupby', parameters: anyArgs(8), vectorizationForbidden: true },
  PIVOTBY: { method: 'pivotby', parameters: anyArgs(11), vectorizationForbidden: true },
};

interface Axis {
  /** The groups in output order: leaves, subtotals and the grand total. */
  items: Array<{ keys: Scalar[]; rows: Set<number>; parent: Set<number>; total: boolean; label?: string }>;
}

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
    return SimpleRangeValue.onlyValues(out.map((row) => row.map((v) => (v === null ? '' : v))) as never);
  }

  /**
   * PIVOTBY(row_fields, col_fields, values, function, [field_headers], [row_total_depth],
   * [row_sort_order], [col_total_depth], [col_sort_order], [filter_array], [relative_to]):
   * GROUPBY's groups down and across (col_fields' values as header rows, one column per value
   * column under each), a total row and column ("Total", "Grand Total" with subtotals), sorted by
   * fields or by the totals of the values; relative_to gives PERCENTOF its whole: 0 the column's
   * total, 1 the row's, 2 the grand total, 3 the parent column group's in the row, 4 the parent
   * row group's in the column.
   */
  pivotby(ast: ProcedureAst, state: InterpreterState): unknown {
    const a = ast.args as Array<Ast | undefined>;
    const ev = (i: number): unknown => this.evaluate(a[i], state);
    const rowV = ev(0);
    const colV = ev(1);
    const valV = ev(2);
    for (const v of [rowV, colV, valV]) if (v instanceof CellError) return v;
    if (rowV === undefined || colV === undefined || valV === undefined) return valueError('PIVOTBY: needs row_fields, col_fields and values.');
    const rowF = gridOf(rowV);
    const colF = gridOf(colV);
    const values = gridOf(valV);
    if (rowF.length !== values.length || colF.length !== values.length) return valueError('PIVOTBY: the fields and values must have the same height.');
    const agg = this.aggregator(a[3], state);
    if (agg instanceof CellError) return agg;
    const int = (i: number): number | undefined | CellError => {
      const v = ev(i);
      if (v === undefined) return undefined;
      const n = numberOf(v);
      return n instanceof CellError ? n : Math.trunc(n);
    };
    const headersArg = int(4);
    const rowDepthArg = int(5);
    const colDepthArg = int(7);
    const relativeArg = int(10);
    for (const x of [headersArg, rowDepthArg, colDepthArg, relativeArg]) if (x instanceof CellError) return x;
    const autoHeaders = typeof values[0]?.[0] === 'string' && typeof values[1]?.[0] === 'number';
    const headers = (headersArg as number | undefined) ?? (autoHeaders ? 1 : 0);
    if (headers < 0 || headers > 3) return valueError('PIVOTBY: field_headers must be 0 to 3.');
    const first = headers === 1 || headers === 3 ? 1 : 0;
    let rows = [...Array(values.length - first).keys()].map((i) => i + first);
    const filterV = ev(9);
    if (filterV instanceof CellError) return filterV;
    if (filterV !== undefined) {
      const f = gridOf(filterV);
      if (f.length !== values.length) return valueError('PIVOTBY: filter_array must have the data\'s height.');
      for (const r of rows) if (f[r][0] instanceof CellError) return f[r][0] as CellError;
      rows = rows.filter((r) => f[r][0] === true || (typeof f[r][0] === 'number' && f[r][0] !== 0));
    }
    if (rows.length === 0) return calc('PIVOTBY: no rows are left.');
    const kr = rowF[0].length;
    const kc = colF[0].length;
    const w = values[0].length;
    const allRows = new Set(rows);
    const aggregateOver = (members: Iterable<number>, c: number, whole: Iterable<number>): Scalar => {
      const m = [...members].sort((x, y) => x - y);
      const wh = [...whole].sort((x, y) => x - y);
      return agg(m.map((r) => values[r][c]), wh.map((r) => values[r][c]));
    };
    const sortSpec = (i: number, k: number, name: string): number[] | CellError => {
      const v = ev(i);
      if (v instanceof CellError) return v;
      if (v === undefined) return [];
      const out: number[] = [];
      for (const x of gridOf(v).flat()) {
        const n = numberOf(x);
        if (n instanceof CellError) return n;
        const c = Math.trunc(n);
        if (c === 0 || Math.abs(c) > k + w) return valueError(`PIVOTBY: ${name} is outside the fields and values.`);
        out.push(c);
      }
      return out;
    };
    const rowSorts = sortSpec(6, kr, 'row_sort_order');
    const colSorts = sortSpec(8, kc, 'col_sort_order');
    if (rowSorts instanceof CellError) return rowSorts;
    if (colSorts instanceof CellError) return colSorts;
    const axis = (fields: Scalar[][], k: number, depthRaw: number, sorts: number[]): Axis => {
      const top = depthRaw < 0;
      const depth = Math.abs(depthRaw);
      const subtotalLevels = Math.max(0, Math.min(depth - 1, k - 1));
      const build = (members: number[], level: number, keys: Scalar[]): Node[] => {
        const byKey = new Map<string, { key: Scalar; rows: number[] }>();
        for (const r of members) {
          const key = fields[r][level];
          const id = typeof key === 'string' ? `s:${key.toLowerCase()}` : `${typeof key}:${String(key)}`;
          const g = byKey.get(id) ?? { key, rows: [] };
          g.rows.push(r);
          byKey.set(id, g);
        }
        return [...byKey.values()].map((g) => ({ keys: [...keys, g.key], rows: g.rows, children: level + 1 < k ? build(g.rows, level + 1, [...keys, g.key]) : [] }));
      };
      // A value sort orders the groups by their totals over every value column's first one.
      const totalOf = (n: Node, c: number): Scalar => aggregateOver(n.rows, c, allRows);
      const sortNodes = (nodes: Node[], level: number): void => {
        const leafLevel = level === k - 1;
        const byValue = leafLevel || level < subtotalLevels;
        nodes.sort((x, y) => {
          for (const s of sorts) {
            const col = Math.abs(s) - 1;
            const dir = s < 0 ? -1 : 1;
            let c = 0;
            if (col < k) c = col === level ? compareForSort(x.keys[level], y.keys[level]) : 0;
            else if (byValue) c = compareForSort(totalOf(x, col - k), totalOf(y, col - k));
            if (c !== 0) return c * dir;
          }
          return compareForSort(x.keys[level], y.keys[level]);
        });
        for (const n of nodes) sortNodes(n.children, level + 1);
      };
      const tree = build(rows, 0, []);
      sortNodes(tree, 0);
      const items: Axis['items'] = [];
      const emit = (nodes: Node[], level: number, parent: Set<number>): void => {
        for (const n of nodes) {
          const mine = new Set(n.rows);
          const item = { keys: n.keys, rows: mine, parent, total: false };
          if (n.children.length === 0) items.push(item);
          else {
            const subtotal = level < subtotalLevels;
            if (subtotal && top) items.push(item);
            emit(n.children, level + 1, mine);
            if (subtotal && !top) items.push(item);
          }
        }
      };
      emit(tree, 0, allRows);
      if (depth >= 1) {
        const grand = { keys: [], rows: allRows, parent: allRows, total: true, label: subtotalLevels > 0 ? 'Grand Total' : 'Total' };
        if (top) items.unshift(grand);
        else items.push(grand);
      }
      return { items };
    };
    const down = axis(rowF, kr, (rowDepthArg as number | undefined) ?? 1, rowSorts);
    const across = axis(colF, kc, (colDepthArg as number | undefined) ?? 1, colSorts);
    const relative = (relativeArg as number | undefined) ?? 0;
    const and = (x: Set<number>, y: Set<number>): number[] => [...x].filter((r) => y.has(r));
    const out: Scalar[][] = [];
    // Header rows. Headers shown (field_headers 2 or 3): a first row naming the col fields
    // ("c1, c2") over the values, the col fields' values, then a row naming the row fields and
    // each value column; otherwise the col fields' values only.
    const shownHeaders = headers >= 2;
    const width = across.items.length * w;
    if (shownHeaders) {
      const names = [...Array(kc).keys()].map((i) => (headers === 3 ? textOfHeader(colF[0][i]) : `Col Field ${i + 1}`));
      out.push([...new Array<Scalar>(kr).fill(null), names.join(', '), ...new Array<Scalar>(Math.max(0, width - 1)).fill(null)]);
    }
    for (let level = 0; level < kc; level++) {
      const line: Scalar[] = new Array<Scalar>(kr).fill(null);
      for (const item of across.items) {
        const label = item.total ? (level === 0 ? (item.label as string) : null) : level < item.keys.length ? item.keys[level] : null;
        for (let c = 0; c < w; c++) line.push(label);
      }
      out.push(line);
    }
    if (shownHeaders) {
      const line: Scalar[] = [...Array(kr).keys()].map((i) => (headers === 3 ? rowF[0][i] : `Row Field ${i + 1}`));
      for (let i = 0; i < across.items.length; i++) for (let c = 0; c < w; c++) line.push(headers === 3 ? values[0][c] : `Value ${c + 1}`);
      out.push(line);
    }
    for (const r of down.items) {
      const line: Scalar[] = r.total ? [r.label as string, ...new Array<Scalar>(kr - 1).fill(null)] : [...r.keys, ...new Array<Scalar>(kr - r.keys.length).fill(null)];
      for (const col of across.items) {
        const members = and(r.rows, col.rows);
        for (let c = 0; c < w; c++) {
          if (members.length === 0) {
            line.push(null);
            continue;
          }
          const whole = relative === 1 ? r.rows : relative === 2 ? allRows : relative === 3 ? new Set(and(r.rows, col.parent)) : relative === 4 ? new Set(and(r.parent, col.rows)) : col.rows;
          line.push(aggregateOver(members, c, whole));
        }
      }
      out.push(line);
    }
    return SimpleRangeValue.onlyValues(out.map((row) => row.map((v) => (v === null ? '' : v))) as never);
  }
}

function textOfHeader(v: Scalar): string {
  if (v === null) return '';
  if (v instanceof CellError) return '#VALUE!';
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
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
