/**
 * MATCH, VLOOKUP and HLOOKUP over an array written in the formula (`=MATCH(x,{"a",2.1,"c"},0)`,
 * `=VLOOKUP(x,{1,"one";2,"two"},2,FALSE)`): HyperFormula searches only cell ranges (its search
 * index is built over the sheet), and gives #VALUE! for an array. Over a range, HyperFormula's own
 * functions run as before; over an array, these compute as Microsoft's pages say:
 *
 * - MATCH(lookup_value, lookup_array, [match_type]): 0 the first value equal to it (text without
 *   case, with the wildcards ? * ~), 1 (the default) the largest value ≤ it, -1 the smallest value
 *   ≥ it (the array sorted ascending / descending, searched by halving as Excel does);
 * - VLOOKUP / HLOOKUP(lookup_value, table_array, index, [range_lookup]): the first column (row)
 *   searched as MATCH 0 (range_lookup FALSE) or 1 (TRUE, the default); index below 1 is #VALUE!,
 *   beyond the table #REF!; not found #N/A.
 *
 * Installed as a wrapper of HyperFormula's interpreter (see guardEvaluation in excelFunctions.ts).
 * Like HyperFormula, this file is GPL-side only: never in the add-in.
 */
import { CellError, EmptyValue, ErrorType, SimpleRangeValue } from 'hyperformula';
import { gridOf, numberOf, type Scalar } from './dynamicArrays';
import { approximateIndex, compare, wildcard } from './excelFunctions';
import { interpreterPrototype } from './interpreterHook';

const na = (): CellError => new CellError(ErrorType.NA, 'The value was not found.');

/** MATCH's position (1-based) in a vector, or #N/A. */
export function matchIn(values: readonly Scalar[], sought: Scalar, type: number): number | CellError {
  if (sought instanceof CellError) return sought;
  if (type === 0) {
    const re = typeof sought === 'string' && /[*?~]/.test(sought) ? wildcard(sought) : undefined;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (re ? typeof v === 'string' && re.test(v) : compare(v, sought ?? 0) === 0 && v !== null) return i + 1;
    }
    return na();
  }
  if (type > 0) {
    const i = approximateIndex(values, sought ?? 0);
    return i < 0 ? na() : i + 1;
  }
  // Descending: the smallest value ≥ the one sought. Excel reads the values of its kind in order
  // while they are ≥ it: the value itself ends the search there, the first one smaller ends it
  // before (MATCH(0.5,{0,1,2,3,4},-1) is #N/A, MATCH(0,{0,1,2,3,4},-1) is 1, MATCH(-1,…,-1) is 5).
  const key = sought ?? 0;
  let found = -1;
  for (let i = 0; i < values.length; i++) {
    const c = compare(values[i], key);
    if (c === undefined) continue;
    if (c === 0) return i + 1;
    if (c < 0) break;
    found = i;
  }
  return found < 0 ? na() : found + 1;
}

function one(v: unknown): Scalar {
  return gridOf(v)[0][0];
}

function truthy(v: unknown, fallback: boolean): boolean | CellError {
  if (v === undefined) return fallback;
  const s = one(v);
  if (s instanceof CellError) return s;
  if (typeof s === 'boolean') return s;
  const n = numberOf(s);
  return n instanceof CellError ? n : n !== 0;
}

interface Node {
  type: string;
  procedureName?: string;
  args?: Node[];
}

let installed = false;

/** Installs the wrapper; once per process. */
export function registerArrayLookups(): void {
  if (installed) return;
  installed = true;
  const proto = interpreterPrototype();
  if (!proto || typeof proto.evaluateAst !== 'function' || proto.cyberArrayLookups) return;
  const original = proto.evaluateAst as (this: unknown, ast: Node, state: unknown) => unknown;
  proto.evaluateAst = function arrayLookups(this: unknown, ast: Node, state: unknown): unknown {
    const name = ast.type === 'FUNCTION_CALL' ? ast.procedureName : undefined;
    // MATCH with match_type -1 over a range too: HyperFormula's halving answers where Excel does not.
    const descending = (): boolean => {
      if (name !== 'MATCH' || !ast.args || ast.args.length !== 3) return false;
      const t = one(original.call(this, ast.args[2], state));
      return typeof t === 'number' && t < 0;
    };
    if ((name === 'MATCH' || name === 'VLOOKUP' || name === 'HLOOKUP') && ast.args && (ast.args[1]?.type === 'ARRAY' || descending())) {
      const args = ast.args.map((a) => (a.type === 'EMPTY' ? undefined : original.call(this, a, state)));
      const compute = (sought: unknown, third: unknown): unknown => {
        const table = gridOf(args[1]);
        const s = one(sought);
        if (s instanceof CellError) return s;
        if (name === 'MATCH') {
          if (table.length > 1 && table[0].length > 1) return na();
          const t = third === undefined ? 1 : numberOf(third);
          if (t instanceof CellError) return t;
          return matchIn(table.flat(), s, t === 0 ? 0 : t > 0 ? 1 : -1);
        }
        const index = numberOf(third);
        if (index instanceof CellError) return index;
        const k = Math.trunc(index);
        const approx = truthy(args[3], true);
        if (approx instanceof CellError) return approx;
        const vertical = name === 'VLOOKUP';
        const keys = vertical ? table.map((r) => r[0]) : table[0];
        if (k < 1) return new CellError(ErrorType.VALUE, `${name}: the index must be at least 1.`);
        if (k > (vertical ? table[0].length : table.length)) return new CellError(ErrorType.REF, `${name}: the index is beyond the table.`);
        const at = matchIn(keys, s, approx ? 1 : 0);
        if (at instanceof CellError) return at;
        const v = vertical ? table[at - 1][k - 1] : table[k - 1][at - 1];
        return v === null ? EmptyValue : v;
      };
      // Several lookup values or indexes give one result each in an array formula; in one
      // cell's formula the first of them counts.
      const lifted = [args[0], args[2]].map((a) => (a instanceof SimpleRangeValue && a.width() * a.height() > 1 ? gridOf(a) : undefined));
      if (!(state as { arraysFlag?: boolean }).arraysFlag) return compute(lifted[0] ? lifted[0][0][0] : args[0], lifted[1] ? lifted[1][0][0] : args[2]);
      if (!lifted[0] && !lifted[1]) return compute(args[0], args[2]);
      const h = Math.max(...lifted.map((g) => g?.length ?? 1));
      const w = Math.max(...lifted.map((g) => g?.[0].length ?? 1));
      const pick = (g: Scalar[][] | undefined, v: unknown, r: number, c: number): unknown => {
        if (!g) return v;
        const rr = g.length === 1 ? 0 : r;
        const cc = g[0].length === 1 ? 0 : c;
        return rr < g.length && cc < g[0].length ? g[rr][cc] : na();
      };
      const out = [...Array(h).keys()].map((r) => [...Array(w).keys()].map((c) => compute(pick(lifted[0], args[0], r, c), pick(lifted[1], args[2], r, c))));
      return SimpleRangeValue.onlyValues(out as never);
    }
    return original.call(this, ast, state);
  };
  proto.cyberArrayLookups = true;
}
