/**
 * Excel 365's array-shaping and text-splitting functions HyperFormula 3.5 lacks, as one
 * FunctionPlugin: TAKE, DROP, CHOOSECOLS, CHOOSEROWS, TOCOL, TOROW, EXPAND, WRAPROWS, WRAPCOLS,
 * TEXTSPLIT, TEXTBEFORE, TEXTAFTER, SORTBY, MUNIT, ARRAYTOTEXT, VALUETOTEXT, TRIMRANGE, REGEXTEST,
 * REGEXEXTRACT, REGEXREPLACE; and SORT, UNIQUE and
 * FILTER in place of HyperFormula's, which differ from Excel (SORT of a row, UNIQUE by column,
 * FILTER by a single TRUE are #VALUE! or #N/A there). Each follows Microsoft's page for it (the
 * argument rules and errors quoted where they decide a result).
 *
 * These functions return arrays. An array formula read from a file is sized to its range before
 * it is evaluated (XLFIT in src/sheet/excelFunctions.ts), and inside other functions
 * (`=SUM(TAKE(A1:C3,2))`) the array is used whole. A blank cell of the source array is 0 in the
 * result, as Excel shows it in a spilled range. Excel's #CALC! (an empty result) is HyperFormula's
 * #ERROR! whose message is "#CALC!" (src/sheet/errorCodes.ts reads it back).
 *
 * Like HyperFormula, this file is GPL-side only: never in the add-in.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { Ast, ProcedureAst } from 'hyperformula/typings/parser';
import { errorCodeOf } from './errorCodes';

export type Scalar = number | string | boolean | null | CellError;
type Grid = Scalar[][];

const A = FunctionArgumentType.ANY;

function plain(v: unknown): Scalar {
  if (v === EmptyValue || v === null || v === undefined) return null;
  if (v instanceof CellError) return v;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && typeof (v as { val?: unknown }).val === 'number') return (v as { val: number }).val;
  return String(v);
}

/** A HyperFormula argument (a range, an array or one value) → rows of values. */
export function gridOf(v: unknown): Grid {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(plain));
  return [[plain(v)]];
}

/** A result grid back to HyperFormula: blanks of the source become 0, as in Excel's spilled ranges. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function result(g: Grid): any {
  if (g.length === 0 || g[0].length === 0) return calc('the result is empty.');
  return SimpleRangeValue.onlyValues(g.map((row) => row.map((v) => (v === null ? 0 : v))) as never);
}

/** Excel's #CALC! (HyperFormula has no type for it). */
export function calc(_why: string): CellError {
  return new CellError(ErrorType.ERROR, '#CALC!');
}

const value = (why: string): CellError => new CellError(ErrorType.VALUE, why);

/** An optional argument left out (absent or written empty: see DynamicArraysPlugin.call). */
function omitted(v: unknown): boolean {
  return v === undefined;
}

/** One argument as a number, as Excel coerces it (text that is a number, TRUE as 1, blank as 0). */
export function numberOf(v: unknown): number | CellError {
  const s = v instanceof SimpleRangeValue ? plain(v.data[0]?.[0]) : plain(v);
  if (s instanceof CellError) return s;
  if (s === null) return 0;
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  const t = s.trim();
  const n = t === '' ? NaN : Number(t);
  if (Number.isFinite(n)) return n;
  const d = dateText ? dateText(s) : undefined;
  return d !== undefined ? d : value(`"${s}" is not a number.`);
}

/** Date and time text as HyperFormula reads it ("01/01/1900" is 1), set by the plugin while it runs. */
let dateText: ((s: string) => number | undefined) | undefined;

function booleanOf(v: unknown, fallback: boolean): boolean | CellError {
  if (omitted(v)) return fallback;
  const s = v instanceof SimpleRangeValue ? plain(v.data[0]?.[0]) : plain(v);
  if (s instanceof CellError) return s;
  if (typeof s === 'boolean') return s;
  if (typeof s === 'string') {
    const u = s.trim().toUpperCase();
    if (u === 'TRUE' || u === 'FALSE') return u === 'TRUE';
  }
  const n = numberOf(s);
  return n instanceof CellError ? n : n !== 0;
}

function textOf(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return generalNumber(v);
  if (v instanceof CellError) return errorCodeOf(v);
  return v;
}

/** A number as Excel's General format shows it in text (15 significant digits). */
export function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const p = Number(n.toPrecision(15));
  const abs = Math.abs(p);
  if (abs !== 0 && (abs >= 1e21 || abs < 1e-9)) return p.toExponential().replace(/e\+?/, 'E+').replace('E+-', 'E-');
  return String(p);
}


function transpose(g: Grid): Grid {
  return g[0].map((_, c) => g.map((row) => row[c]));
}

/** Indexes of TAKE/DROP: the first n (n > 0) or last -n (n < 0) of `size`. */
function takeRange(size: number, n: number): [number, number] {
  return n >= 0 ? [0, Math.min(n, size)] : [Math.max(0, size + n), size];
}

/** A CHOOSECOLS/CHOOSEROWS index list (numbers or arrays of them) → 0-based indexes, or #VALUE!. */
function indexesOf(args: readonly unknown[], size: number, name: string): number[] | CellError {
  const out: number[] = [];
  for (const a of args) {
    const g = gridOf(a);
    // A list of indexes is one row or one column: CHOOSECOLS(a,D6:E7) is #VALUE! in Excel.
    if (g.length > 1 && (g[0]?.length ?? 0) > 1) return value(`${name}: an index argument must be one row or one column.`);
    for (const v of g.flat()) {
      const n = numberOf(v);
      if (n instanceof CellError) return n;
      const i = Math.trunc(n);
      // "If the absolute value of any of the arguments is zero or exceeds the number of columns
      // (rows) in the array, #VALUE! is returned."
      if (i === 0 || Math.abs(i) > size) return value(`${name}: index ${n} is outside the array.`);
      out.push(i > 0 ? i - 1 : size + i);
    }
  }
  return out;
}

/** Excel's sort order: numbers, then text (case-insensitive), then FALSE, TRUE, then errors; blanks last. */
function rank(v: Scalar): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  if (v instanceof CellError) return 3;
  return 4;
}
export function compareForSort(a: Scalar, b: Scalar): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  // Errors among themselves in the order of their ERROR.TYPE numbers (#NULL! 1, #DIV/0! 2, #VALUE! 3,
  // #REF! 4, #NAME? 5, #NUM! 6, #N/A 7 …), as Excel's SORT leaves them.
  if (a instanceof CellError && b instanceof CellError) return (ERROR_ORDER[errorCodeOf(a)] ?? 99) - (ERROR_ORDER[errorCodeOf(b)] ?? 99);
  return 0;
}
const ERROR_ORDER: Readonly<Record<string, number>> = { '#NULL!': 1, '#DIV/0!': 2, '#VALUE!': 3, '#REF!': 4, '#NAME?': 5, '#NUM!': 6, '#N/A': 7, '#GETTING_DATA': 8, '#SPILL!': 9, '#CALC!': 14 };

/** Whether two values are the same for UNIQUE (text case-insensitively; a blank is not 0). */
function same(x: Scalar, y: Scalar): boolean {
  if (typeof x === 'string' && typeof y === 'string') return x.toLowerCase() === y.toLowerCase();
  if (x instanceof CellError && y instanceof CellError) return x.type === y.type && x.message === y.message;
  return x === y;
}

/** TEXTSPLIT/TEXTBEFORE/TEXTAFTER delimiters: one text or an array of texts. */
function delimitersOf(v: unknown): string[] | CellError {
  const out: string[] = [];
  for (const d of gridOf(v).flat()) {
    if (d instanceof CellError) return d;
    out.push(textOf(d));
  }
  return out;
}

/** Every match of any delimiter, left to right, not overlapping (the longest at a position first). */
function matches(text: string, delimiters: readonly string[], ignoreCase: boolean): Array<{ at: number; length: number }> {
  const hay = ignoreCase ? text.toLowerCase() : text;
  const ds = delimiters.filter((d) => d !== '').map((d) => (ignoreCase ? d.toLowerCase() : d)).sort((a, b) => b.length - a.length);
  const out: Array<{ at: number; length: number }> = [];
  let i = 0;
  while (i < hay.length) {
    const d = ds.find((x) => hay.startsWith(x, i));
    if (d !== undefined) {
      out.push({ at: i, length: d.length });
      i += d.length;
    } else i++;
  }
  return out;
}

function splitText(text: string, delimiters: readonly string[], ignoreCase: boolean, ignoreEmpty: boolean): string[] {
  if (delimiters.length === 0 || delimiters.every((d) => d === '')) return [text];
  const parts: string[] = [];
  let from = 0;
  for (const m of matches(text, delimiters, ignoreCase)) {
    parts.push(text.slice(from, m.at));
    from = m.at + m.length;
  }
  parts.push(text.slice(from));
  return ignoreEmpty ? parts.filter((p) => p !== '') : parts;
}

/**
 * TEXTBEFORE / TEXTAFTER of one text: the part before (after) the instance_num-th delimiter,
 * counted from the end for a negative instance_num; match_end counts the end of the text as a
 * delimiter. Not found: if_not_found, else #N/A; instance_num 0 or longer than the text: #VALUE!.
 */
export function textAround(
  which: 'before' | 'after',
  text: string,
  delimiters: readonly string[],
  instance: number,
  ignoreCase: boolean,
  matchEnd: boolean,
): string | CellError {
  if (instance === 0 || Math.abs(instance) > text.length + (text.length === 0 ? 1 : 0)) return value(`TEXT${which.toUpperCase()}: instance_num must not be 0 or exceed the text's length.`);
  // An empty delimiter matches at once: before it is "", after it the whole text (from the end: the reverse).
  if (delimiters.length > 0 && delimiters.every((d) => d === '')) {
    const atStart = instance > 0;
    if (which === 'before') return atStart ? '' : text;
    return atStart ? text : '';
  }
  const found = matches(text, delimiters, ignoreCase);
  if (matchEnd) {
    if (instance > 0) found.push({ at: text.length, length: 0 });
    else found.unshift({ at: 0, length: 0 });
  }
  const k = instance > 0 ? instance - 1 : found.length + instance;
  const m = k >= 0 && k < found.length ? found[k] : undefined;
  if (!m) return new CellError(ErrorType.NA, `TEXT${which.toUpperCase()}: the delimiter was not found.`);
  return which === 'before' ? text.slice(0, m.at) : text.slice(m.at + m.length);
}

function valueToText(v: Scalar, strict: boolean): string {
  if (v === null && strict) return '""';
  if (typeof v === 'string') return strict ? `"${v.replace(/"/g, '""')}"` : v;
  return textOf(v);
}

function sortRows(g: Grid, keys: ReadonlyArray<{ values: Scalar[]; order: number }>): Grid {
  const idx = g.map((_, i) => i);
  idx.sort((i, j) => {
    for (const k of keys) {
      const c = compareForSort(k.values[i], k.values[j]);
      if (c !== 0) return c * k.order;
    }
    return i - j;
  });
  return idx.map((i) => g[i]);
}

const many = (n: number): Array<{ argumentType: FunctionArgumentType; optionalArg?: boolean }> =>
  [...Array(n).keys()].map((i) => (i === 0 ? { argumentType: A } : { argumentType: A, optionalArg: true }));

export const DYNAMIC_ARRAY_FUNCTIONS: ImplementedFunctions = {
  TAKE: { method: 'take', sizeOfResultArrayMethod: 'takeSize', parameters: many(3), vectorizationForbidden: true },
  DROP: { method: 'drop', sizeOfResultArrayMethod: 'dropSize', parameters: many(3), vectorizationForbidden: true },
  CHOOSECOLS: { method: 'choosecols', sizeOfResultArrayMethod: 'choosecolsSize', parameters: [{ argumentType: A }, { argumentType: A }], repeatLastArgs: 1, vectorizationForbidden: true },
  CHOOSEROWS: { method: 'chooserows', sizeOfResultArrayMethod: 'chooserowsSize', parameters: [{ argumentType: A }, { argumentType: A }], repeatLastArgs: 1, vectorizationForbidden: true },
  TOCOL: { method: 'tocol', sizeOfResultArrayMethod: 'tocolSize', parameters: many(3), vectorizationForbidden: true },
  TOROW: { method: 'torow', sizeOfResultArrayMethod: 'torowSize', parameters: many(3), vectorizationForbidden: true },
  EXPAND: { method: 'expand', sizeOfResultArrayMethod: 'expandSize', parameters: many(4), vectorizationForbidden: true },
  WRAPROWS: { method: 'wraprows', sizeOfResultArrayMethod: 'wraprowsSize', parameters: many(3), vectorizationForbidden: true },
  WRAPCOLS: { method: 'wrapcols', sizeOfResultArrayMethod: 'wrapcolsSize', parameters: many(3), vectorizationForbidden: true },
  TEXTSPLIT: { method: 'textsplit', sizeOfResultArrayMethod: 'textsplitSize', parameters: many(6), vectorizationForbidden: true },
  TEXTBEFORE: { method: 'textbefore', parameters: many(6), vectorizationForbidden: true },
  TEXTAFTER: { method: 'textafter', parameters: many(6), vectorizationForbidden: true },
  SORT: { method: 'sort', sizeOfResultArrayMethod: 'sameSize', parameters: many(4), vectorizationForbidden: true },
  SORTBY: { method: 'sortby', sizeOfResultArrayMethod: 'sameSize', parameters: [{ argumentType: A }, { argumentType: A }, { argumentType: A, optionalArg: true }], repeatLastArgs: 2, vectorizationForbidden: true },
  UNIQUE: { method: 'unique', parameters: many(3), vectorizationForbidden: true },
  FILTER: { method: 'filter', parameters: many(3), vectorizationForbidden: true },
  MUNIT: { method: 'munit', sizeOfResultArrayMethod: 'munitSize', parameters: many(1), vectorizationForbidden: true },
  ARRAYTOTEXT: { method: 'arraytotext', parameters: many(2), vectorizationForbidden: true },
  TRIMRANGE: { method: 'trimrange', parameters: many(3), vectorizationForbidden: true },
  REGEXTEST: { method: 'regextest', parameters: many(3), vectorizationForbidden: true },
  REGEXEXTRACT: { method: 'regexextract', parameters: many(4), vectorizationForbidden: true },
  REGEXREPLACE: { method: 'regexreplace', parameters: many(5), vectorizationForbidden: true },
  // The value as SCALAR: an error is its text, and HyperFormula lifts it over an array.
  VALUETOTEXT: { method: 'valuetotext', parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: A, optionalArg: true }] },
};

export class DynamicArraysPlugin extends FunctionPlugin {
  static implementedFunctions = DYNAMIC_ARRAY_FUNCTIONS;

  /**
   * Runs f over the evaluated arguments. An error given as the array itself is passed on. An
   * array where the function takes one value (`scalars`: argument positions) is lifted as Excel
   * lifts it: f runs once per element (a single row or column repeated), each result reduced to
   * its first value, so that `{=WRAPROWS(v,C1:E1)}` gives one value per count.
   */
  private call(
    ast: ProcedureAst,
    state: InterpreterState,
    name: string,
    scalars: readonly number[],
    f: (...args: unknown[]) => unknown,
    opts: { text?: readonly number[]; keepErrors?: boolean } = {},
  ): unknown {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return this.runFunction(ast.args, state, this.metadata(name), (...given: unknown[]): any => {
      // An argument left out or written empty (`TAKE(a,,2)`) is undefined; a blank cell is not.
      const args = given.map((a, i) => (i >= ast.args.length || ast.args[i].type === 'EMPTY' ? undefined : a));
      dateText = (t: string) => {
        // A date or time text is a typed number (HyperFormula's DateNumber, {val}): its serial.
        const n = plain(this.coerceScalarToNumberOrError(t));
        return typeof n === 'number' ? n : undefined;
      };
      const first = args[0];
      if (first instanceof CellError && !opts.keepErrors) return first;
      // Date and number text in one-number arguments read as Excel reads them ("01/01/1900" is 1).
      const textual = new Set(opts.text ?? []);
      const coerceAt = (v: unknown, i: number): unknown => (textual.has(i) ? v : coerce(v));
      const coerce = (v: unknown): unknown => {
        if (typeof v !== 'string' || v.trim() === '' || Number.isFinite(Number(v))) return v;
        const n = plain(this.coerceScalarToNumberOrError(v));
        return typeof n === 'number' ? n : v;
      };
      const lifted = scalars.filter((i) => args[i] instanceof SimpleRangeValue && (args[i] as SimpleRangeValue).width() * (args[i] as SimpleRangeValue).height() > 1);
      if (lifted.length === 0) return f(...args.map((a, i) => (scalars.includes(i) ? coerceAt(a instanceof SimpleRangeValue ? plain(a.data[0][0]) : a, i) : a)));
      const grids = new Map(lifted.map((i) => [i, gridOf(args[i])]));
      const h = Math.max(...[...grids.values()].map((g) => g.length));
      const w = Math.max(...[...grids.values()].map((g) => g[0].length));
      const na = new CellError(ErrorType.NA, `${name}: the arrays of one-value arguments differ in size.`);
      const out: Grid = [...Array(h).keys()].map((r) =>
        [...Array(w).keys()].map((c) => {
          const call = args.map((a, i) => {
            const g = grids.get(i);
            if (!g) return scalars.includes(i) ? coerceAt(a instanceof SimpleRangeValue ? plain(a.data[0][0]) : a, i) : a;
            const rr = g.length === 1 ? 0 : r;
            const cc = g[0].length === 1 ? 0 : c;
            return rr < g.length && cc < g[0].length ? coerceAt(g[rr][cc], i) : na;
          });
          if (call.includes(na)) return na;
          // An error element of a lifted argument is that element's result.
          const bad = opts.keepErrors ? undefined : lifted.map((i) => call[i]).find((v) => v instanceof CellError);
          if (bad) return bad as CellError;
          const v = f(...call);
          return v instanceof SimpleRangeValue ? plain(v.data[0][0]) : plain(v);
        }),
      );
      return SimpleRangeValue.onlyValues(out.map((row) => row.map((v) => (v === null ? EmptyValue : v))) as never);
    });
  }

  // ---- Result sizes known before evaluation (a formula typed in one cell spills to them) ------------
  // From the array argument's size and literal numbers only; otherwise one cell, where the result
  // is usable inside other functions or in an array formula over a range (see the README list).

  /** A literal number argument (5, -2, "3"), undefined when it is computed or absent. */
  private literalNumber(ast: Ast | undefined): number | undefined {
    if (!ast) return undefined;
    const a = ast as { type: string; value?: unknown; value2?: unknown };
    if (a.type === 'NUMBER' && typeof a.value === 'number') return a.value;
    if (a.type === 'MINUS_UNARY_OP') {
      const v = this.literalNumber((ast as unknown as { value: Ast }).value);
      return v === undefined ? undefined : -v;
    }
    return undefined;
  }

  private absentArg(ast: ProcedureAst, i: number): boolean {
    return i >= ast.args.length || ast.args[i].type === 'EMPTY';
  }

  private sizeOfArg(ast: ProcedureAst, state: InterpreterState): ArraySize | undefined {
    const first = ast.args[0];
    if (!first) return undefined;
    const size = this.arraySizeForAst(first, { ...state, arraysFlag: true } as InterpreterState);
    return size.width >= 1 && size.height >= 1 ? size : undefined;
  }

  /** rows/cols for TAKE (keep) or DROP (remove); undefined when not literal. */
  private cut(ast: ProcedureAst, state: InterpreterState, drop: boolean): ArraySize {
    const size = this.sizeOfArg(ast, state);
    if (!size) return ArraySize.scalar();
    const part = (i: number, total: number): number | undefined => {
      if (this.absentArg(ast, i)) return total;
      const n = this.literalNumber(ast.args[i]);
      if (n === undefined) return undefined;
      const k = Math.min(Math.abs(Math.trunc(n)), total);
      return drop ? total - k : k;
    };
    const h = part(1, size.height);
    const w = part(2, size.width);
    return h !== undefined && w !== undefined && h > 0 && w > 0 ? new ArraySize(w, h) : ArraySize.scalar();
  }

  takeSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    return this.cut(ast, state, false);
  }

  dropSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    return this.cut(ast, state, true);
  }

  private picks(ast: ProcedureAst): number | undefined {
    let n = 0;
    for (const a of ast.args.slice(1)) {
      if (this.literalNumber(a) === undefined) return undefined;
      n++;
    }
    return n > 0 ? n : undefined;
  }

  choosecolsSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const size = this.sizeOfArg(ast, state);
    const n = this.picks(ast);
    return size && n ? new ArraySize(n, size.height) : ArraySize.scalar();
  }

  chooserowsSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const size = this.sizeOfArg(ast, state);
    const n = this.picks(ast);
    return size && n ? new ArraySize(size.width, n) : ArraySize.scalar();
  }

  /** TOCOL/TOROW keep every value only with ignore 0 (or left out). */
  private cells(ast: ProcedureAst, state: InterpreterState): number | undefined {
    const size = this.sizeOfArg(ast, state);
    if (!size) return undefined;
    if (!this.absentArg(ast, 1) && this.literalNumber(ast.args[1]) !== 0) return undefined;
    return size.width * size.height;
  }

  tocolSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const n = this.cells(ast, state);
    return n ? new ArraySize(1, n) : ArraySize.scalar();
  }

  torowSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const n = this.cells(ast, state);
    return n ? new ArraySize(n, 1) : ArraySize.scalar();
  }

  expandSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const size = this.sizeOfArg(ast, state);
    if (!size) return ArraySize.scalar();
    const h = this.absentArg(ast, 1) ? size.height : this.literalNumber(ast.args[1]);
    const w = this.absentArg(ast, 2) ? size.width : this.literalNumber(ast.args[2]);
    return h !== undefined && w !== undefined && h >= size.height && w >= size.width ? new ArraySize(Math.trunc(w), Math.trunc(h)) : ArraySize.scalar();
  }

  private wrapSize(ast: ProcedureAst, state: InterpreterState, rows: boolean): ArraySize {
    const size = this.sizeOfArg(ast, state);
    const k = this.literalNumber(ast.args[1]);
    if (!size || k === undefined || k < 1 || (size.width > 1 && size.height > 1)) return ArraySize.scalar();
    const n = size.width * size.height;
    const down = Math.ceil(n / Math.trunc(k));
    return rows ? new ArraySize(Math.trunc(k), down) : new ArraySize(down, Math.trunc(k));
  }

  wraprowsSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    return this.wrapSize(ast, state, true);
  }

  wrapcolsSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    return this.wrapSize(ast, state, false);
  }

  sameSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    return this.sizeOfArg(ast, state) ?? ArraySize.scalar();
  }

  munitSize(ast: ProcedureAst): ArraySize {
    const n = this.literalNumber(ast.args[0]);
    return n !== undefined && n >= 1 ? new ArraySize(Math.trunc(n), Math.trunc(n)) : ArraySize.scalar();
  }

  /** TEXTSPLIT of literal text by literal delimiters (the default arguments otherwise). */
  textsplitSize(ast: ProcedureAst): ArraySize {
    const str = (a: Ast | undefined): string | undefined => (a && a.type === 'STRING' ? (a as unknown as { value: string }).value : undefined);
    const text = str(ast.args[0]);
    const col = this.absentArg(ast, 1) ? '' : str(ast.args[1]);
    const row = this.absentArg(ast, 2) ? '' : str(ast.args[2]);
    if (text === undefined || col === undefined || row === undefined || ast.args.length > 3 || (col === '' && row === '')) return ArraySize.scalar();
    const lines = splitText(text, row === '' ? [] : [row], false, false).map((l) => splitText(l, col === '' ? [] : [col], false, false));
    return new ArraySize(Math.max(...lines.map((l) => l.length)), lines.length);
  }

  /** TAKE(array, rows, [columns]): the first rows/columns (negative: the last); 0 is #CALC!. */
  take(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'TAKE', [1, 2], (array, rows, cols) => {
      const g = gridOf(array);
      const r = omitted(rows) ? g.length : numberOf(rows);
      const c = omitted(cols) ? g[0].length : numberOf(cols);
      if (r instanceof CellError) return r;
      if (c instanceof CellError) return c;
      if (Math.trunc(r) === 0 || Math.trunc(c) === 0) return calc('TAKE: no rows or columns.');
      const [r0, r1] = takeRange(g.length, Math.trunc(r));
      const [c0, c1] = takeRange(g[0].length, Math.trunc(c));
      return result(g.slice(r0, r1).map((row) => row.slice(c0, c1)));
    });
  }

  /** DROP(array, rows, [columns]): all but the first rows/columns (negative: the last); nothing left is #CALC!. */
  drop(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'DROP', [1, 2], (array, rows, cols) => {
      const g = gridOf(array);
      const r = omitted(rows) ? 0 : numberOf(rows);
      const c = omitted(cols) ? 0 : numberOf(cols);
      if (r instanceof CellError) return r;
      if (c instanceof CellError) return c;
      const keep = (size: number, n: number): [number, number] => (n >= 0 ? [Math.min(n, size), size] : [0, Math.max(0, size + n)]);
      const [r0, r1] = keep(g.length, Math.trunc(r));
      const [c0, c1] = keep(g[0].length, Math.trunc(c));
      if (r1 <= r0 || c1 <= c0) return calc('DROP: nothing is left.');
      return result(g.slice(r0, r1).map((row) => row.slice(c0, c1)));
    });
  }

  choosecols(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'CHOOSECOLS', [], (array, ...picks) => {
      const g = gridOf(array);
      const idx = indexesOf(picks, g[0].length, 'CHOOSECOLS');
      return idx instanceof CellError ? idx : result(g.map((row) => idx.map((i) => row[i])));
    });
  }

  chooserows(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'CHOOSEROWS', [], (array, ...picks) => {
      const g = gridOf(array);
      const idx = indexesOf(picks, g.length, 'CHOOSEROWS');
      return idx instanceof CellError ? idx : result(idx.map((i) => g[i]));
    });
  }

  /** TOCOL/TOROW(array, [ignore], [scan_by_column]): ignore 1 blanks, 2 errors, 3 both. */
  private flatten(array: unknown, ignore: unknown, byColumn: unknown, name: string): Scalar[] | CellError {
    const g = gridOf(array);
    const mode = omitted(ignore) ? 0 : numberOf(ignore);
    if (mode instanceof CellError) return mode;
    const m = Math.trunc(mode);
    if (m < 0 || m > 3) return value(`${name}: ignore must be 0, 1, 2 or 3.`);
    const col = booleanOf(byColumn, false);
    if (col instanceof CellError) return col;
    const values = (col ? transpose(g) : g).flat();
    return values.filter((v) => !((m & 1) !== 0 && v === null) && !((m & 2) !== 0 && v instanceof CellError));
  }

  tocol(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'TOCOL', [1, 2], (array, ignore, byColumn) => {
      const v = this.flatten(array, ignore, byColumn, 'TOCOL');
      return v instanceof CellError ? v : result(v.map((x) => [x]));
    });
  }

  torow(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'TOROW', [1, 2], (array, ignore, byColumn) => {
      const v = this.flatten(array, ignore, byColumn, 'TOROW');
      return v instanceof CellError ? v : result([v]);
    });
  }

  /** EXPAND(array, rows, [columns], [pad_with]): smaller than the array is #VALUE!; padded with #N/A. */
  expand(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'EXPAND', [1, 2, 3], (array, rows, cols, pad) => {
      const g = gridOf(array);
      const r = omitted(rows) ? g.length : numberOf(rows);
      const c = omitted(cols) ? g[0].length : numberOf(cols);
      if (r instanceof CellError) return r;
      if (c instanceof CellError) return c;
      const h = Math.trunc(r);
      const w = Math.trunc(c);
      if (h < g.length || w < g[0].length) return value('EXPAND: rows and columns must not be smaller than the array.');
      const filler: Scalar = pad === undefined ? new CellError(ErrorType.NA, 'EXPAND: padding.') : plain(pad instanceof SimpleRangeValue ? pad.data[0][0] : pad);
      return result([...Array(h).keys()].map((i) => [...Array(w).keys()].map((j) => (i < g.length && j < g[0].length ? g[i][j] : filler))));
    });
  }

  private wrap(array: unknown, count: unknown, pad: unknown, name: string): Grid | CellError {
    const g = gridOf(array);
    if (g.length > 1 && g[0].length > 1) return value(`${name}: the vector must be one row or one column.`);
    const n = numberOf(count);
    if (n instanceof CellError) return n;
    const k = Math.trunc(n);
    if (k < 1) return new CellError(ErrorType.NUM, `${name}: wrap_count must be at least 1.`);
    const values = g.flat();
    const filler: Scalar = pad === undefined ? new CellError(ErrorType.NA, `${name}: padding.`) : plain(pad instanceof SimpleRangeValue ? pad.data[0][0] : pad);
    const out: Grid = [];
    for (let i = 0; i < values.length; i += k) {
      const part = values.slice(i, i + k);
      while (part.length < k) part.push(filler);
      out.push(part);
    }
    return out;
  }

  wraprows(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'WRAPROWS', [1, 2], (array, count, pad) => {
      const g = this.wrap(array, count, pad, 'WRAPROWS');
      return g instanceof CellError ? g : result(g);
    });
  }

  wrapcols(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'WRAPCOLS', [1, 2], (array, count, pad) => {
      const g = this.wrap(array, count, pad, 'WRAPCOLS');
      return g instanceof CellError ? g : result(transpose(g));
    });
  }

  /** TEXTSPLIT(text, col_delimiter, [row_delimiter], [ignore_empty], [match_mode], [pad_with]). */
  textsplit(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'TEXTSPLIT', [0, 3, 4, 5], (text, colDelim, rowDelim, ignoreEmpty, matchMode, pad) => {
      const t = plain(text);
      if (t instanceof CellError) return t;
      // Nothing to split: Excel gives #VALUE! for an empty cell or empty text.
      if (t === null || t === '') return value('TEXTSPLIT: the text is empty.');
      const cols = omitted(colDelim) ? [] : delimitersOf(colDelim);
      const rows = omitted(rowDelim) ? [] : delimitersOf(rowDelim);
      if (cols instanceof CellError) return cols;
      if (rows instanceof CellError) return rows;
      // "Either col_delimiter or row_delimiter must be supplied" (a delimiter may be "").
      if (omitted(colDelim) && omitted(rowDelim)) return value('TEXTSPLIT: needs a delimiter.');
      const skip = booleanOf(ignoreEmpty, false);
      if (skip instanceof CellError) return skip;
      // Only empty delimiters: #VALUE! ("" splits nothing).
      if ([...cols, ...rows].every((d) => d === '')) return value('TEXTSPLIT: the delimiters are empty.');
      const mode = omitted(matchMode) ? 0 : numberOf(matchMode);
      if (mode instanceof CellError) return mode;
      if (mode !== 0 && mode !== 1) return value('TEXTSPLIT: match_mode must be 0 or 1.');
      const lines = splitText(textOf(t), rows, mode === 1, skip).map((line) => splitText(line, cols, mode === 1, skip));
      if (lines.length === 0) return calc('TEXTSPLIT: nothing is left.');
      const width = Math.max(...lines.map((l) => l.length));
      const filler: Scalar = pad === undefined ? new CellError(ErrorType.NA, 'TEXTSPLIT: padding.') : plain(pad instanceof SimpleRangeValue ? pad.data[0][0] : pad);
      const g: Grid = lines.map((l) => [...l, ...new Array<Scalar>(width - l.length).fill(filler)]);
      if (g.length === 1 && g[0].length === 1) return g[0][0];
      return result(g);
    }, { text: [0, 5] });
  }

  private around(which: 'before' | 'after', ast: ProcedureAst, state: InterpreterState): unknown {
    const name = which === 'before' ? 'TEXTBEFORE' : 'TEXTAFTER';
    return this.call(ast, state, name, [0, 2, 3, 4, 5], (text, delim, instance, matchMode, matchEnd, ifNotFound) => {
      const ds = delimitersOf(delim);
      if (ds instanceof CellError) return ds;
      const n = omitted(instance) ? 1 : numberOf(instance);
      if (n instanceof CellError) return n;
      const mode = omitted(matchMode) ? 0 : numberOf(matchMode);
      if (mode instanceof CellError) return mode;
      if (mode !== 0 && mode !== 1) return value(`${name}: match_mode must be 0 or 1.`);
      const end = booleanOf(matchEnd, false);
      if (end instanceof CellError) return end;
      const t = plain(text);
      if (t instanceof CellError) return t;
      const r = textAround(which, textOf(t), ds, Math.trunc(n), mode === 1, end);
      if (r instanceof CellError && r.type === ErrorType.NA && ifNotFound !== undefined) return plain(ifNotFound) ?? EmptyValue;
      return r;
    }, { text: [0, 5] });
  }

  textbefore(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.around('before', ast, state);
  }

  textafter(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.around('after', ast, state);
  }

  /** SORT(array, [sort_index], [sort_order], [by_col]): order 1 ascending, -1 descending. */
  sort(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'SORT', [2, 3], (array, index, order, byCol) => {
      const g = gridOf(array);
      const col = booleanOf(byCol, false);
      if (col instanceof CellError) return col;
      const rows = col ? transpose(g) : g;
      const i = omitted(index) ? 1 : numberOf(index);
      const o = omitted(order) ? 1 : numberOf(order);
      if (i instanceof CellError) return i;
      if (o instanceof CellError) return o;
      const k = Math.trunc(i);
      if (k < 1 || k > rows[0].length) return value('SORT: sort_index is outside the array.');
      if (o !== 1 && o !== -1) return value('SORT: sort_order must be 1 or -1.');
      const sorted = sortRows(rows, [{ values: rows.map((r) => r[k - 1]), order: o }]);
      return result(col ? transpose(sorted) : sorted);
    });
  }

  /** SORTBY(array, by_array1, [sort_order1], …): each by_array one column (or row) of the array's length. */
  sortby(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'SORTBY', [], (array, ...rest) => {
      const g = gridOf(array);
      const keys: Array<{ values: Scalar[]; order: number }> = [];
      let byColumns: boolean | undefined;
      for (let j = 0; j < rest.length; j += 2) {
        if (rest[j] === undefined) continue;
        const by = gridOf(rest[j]);
        const o = rest[j + 1] === undefined || omitted(rest[j + 1]) ? 1 : numberOf(rest[j + 1]);
        if (o instanceof CellError) return o;
        if (o !== 1 && o !== -1) return value('SORTBY: sort_order must be 1 or -1.');
        // A column of by-values sorts the rows; a row of them sorts the columns.
        const column = by[0].length === 1 && by.length === g.length && (by.length > 1 || g[0].length === 1);
        const row = by.length === 1 && by[0].length === g[0].length;
        if (!column && !row) return value('SORTBY: a by_array must be one row or column of the array\'s size.');
        const cols = !column;
        if (byColumns !== undefined && byColumns !== cols) return value('SORTBY: every by_array must run the same way.');
        byColumns = cols;
        keys.push({ values: cols ? by[0] : by.map((r) => r[0]), order: o });
      }
      if (byColumns) return result(transpose(sortRows(transpose(g), keys)));
      return result(sortRows(g, keys));
    });
  }

  /** UNIQUE(array, [by_col], [exactly_once]): text compared without case. */
  unique(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'UNIQUE', [1, 2], (array, byCol, once) => {
      const g = gridOf(array);
      const col = booleanOf(byCol, false);
      if (col instanceof CellError) return col;
      const exactlyOnce = booleanOf(once, false);
      if (exactlyOnce instanceof CellError) return exactlyOnce;
      const rows = col ? transpose(g) : g;
      const eq = (a: Scalar[], b: Scalar[]): boolean => a.every((v, i) => same(v, b[i]));
      const kept = rows.filter((r, i) => {
        const count = rows.filter((x) => eq(x, r)).length;
        if (exactlyOnce) return count === 1;
        return rows.findIndex((x) => eq(x, r)) === i;
      });
      if (kept.length === 0) return calc('UNIQUE: nothing is left.');
      return result(col ? transpose(kept) : kept);
    });
  }

  /** FILTER(array, include, [if_empty]): include one column of the array's height, or one row of its width. */
  filter(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'FILTER', [], (array, include, ifEmpty) => {
      const g = gridOf(array);
      const inc = gridOf(include);
      const byRows = inc[0].length === 1 && inc.length === g.length;
      const byCols = inc.length === 1 && inc[0].length === g[0].length;
      if (!byRows && !byCols) return value('FILTER: include must have the height or width of the array.');
      const flags: boolean[] = [];
      for (const v of byRows ? inc.map((r) => r[0]) : inc[0]) {
        if (v instanceof CellError) return v;
        if (typeof v === 'string') {
          const u = v.trim().toUpperCase();
          if (u !== 'TRUE' && u !== 'FALSE') return value('FILTER: include must be logical values or numbers.');
          flags.push(u === 'TRUE');
        } else flags.push(v !== null && v !== false && v !== 0);
      }
      const kept = byRows ? g.filter((_, i) => flags[i]) : g.map((row) => row.filter((_, j) => flags[j]));
      if (kept.length === 0 || kept[0].length === 0) {
        if (ifEmpty !== undefined) return ifEmpty instanceof SimpleRangeValue ? ifEmpty : plain(ifEmpty) ?? EmptyValue;
        return calc('FILTER: no value meets the condition.');
      }
      return result(kept);
    });
  }

  /** TRIMRANGE(range, [trim_rows], [trim_cols]): blank rows/columns cut off: 0 none, 1 leading, 2 trailing, 3 both (the default). */
  trimrange(ast: ProcedureAst, state: InterpreterState): unknown {
    // trim_rows and trim_cols are one whole number 0 to 3 (number text included): a fraction or an
    // array is #VALUE! in Excel (TRIMRANGE(A1:B5,2.3) and TRIMRANGE(A1:B5,{1,1}), even in an array formula).
    return this.call(ast, state, 'TRIMRANGE', [], (array, rowsMode, colsMode) => {
      const g = gridOf(array);
      const mode = (v: unknown): number | CellError => {
        if (v instanceof SimpleRangeValue && v.width() * v.height() > 1) return value('TRIMRANGE: trim_rows and trim_cols must be one number, 0 to 3.');
        const n = omitted(v) ? 3 : numberOf(v);
        if (n instanceof CellError) return n;
        return !Number.isInteger(n) || n < 0 || n > 3 ? value('TRIMRANGE: trim_rows and trim_cols must be 0, 1, 2 or 3.') : n;
      };
      const r = mode(rowsMode);
      const c = mode(colsMode);
      if (r instanceof CellError) return r;
      if (c instanceof CellError) return c;
      const blankRow = (i: number): boolean => g[i].every((v) => v === null);
      const blankCol = (j: number): boolean => g.every((row) => row[j] === null);
      let top = 0;
      let bottom = g.length - 1;
      let left = 0;
      let right = g[0].length - 1;
      if (r & 1) while (top <= bottom && blankRow(top)) top++;
      if (r & 2) while (bottom >= top && blankRow(bottom)) bottom--;
      if (c & 1) while (left <= right && blankCol(left)) left++;
      if (c & 2) while (right >= left && blankCol(right)) right--;
      if (top > bottom || left > right) return new CellError(ErrorType.REF, 'TRIMRANGE: the range is empty.');
      return result(g.slice(top, bottom + 1).map((row) => row.slice(left, right + 1)));
    });
  }

  // ---- REGEXTEST, REGEXEXTRACT, REGEXREPLACE ---------------------------------------------------------
  // Excel's patterns are PCRE2; JavaScript's regular expressions read the common syntax the same
  // way (classes, quantifiers, groups, anchors, \d \w \s, lookarounds). case_sensitivity 0 (the
  // default) matches case; 1 ignores it. A pattern JavaScript cannot read is #VALUE!.

  private regex(pattern: unknown, caseArg: unknown, name: string, global: boolean): RegExp | CellError {
    const p = plain(pattern);
    if (p instanceof CellError) return p;
    const n = omitted(caseArg) ? 0 : numberOf(caseArg);
    if (n instanceof CellError) return n;
    const c = Math.trunc(n);
    if (c !== 0 && c !== 1) return value(`${name}: case_sensitivity must be 0 or 1.`);
    try {
      return new RegExp(textOf(p), `${global ? 'g' : ''}${c === 1 ? 'i' : ''}u`);
    } catch {
      return value(`${name}: the pattern is not one this evaluator can read.`);
    }
  }

  /** REGEXTEST(text, pattern, [case_sensitivity]). */
  regextest(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'REGEXTEST', [0, 1, 2], (text, pattern, sensitivity) => {
      const re = this.regex(pattern, sensitivity, 'REGEXTEST', false);
      if (re instanceof CellError) return re;
      return re.test(textOf(plain(text)));
    }, { text: [0, 1] });
  }

  /** REGEXEXTRACT(text, pattern, [return_mode], [case_sensitivity]): 0 the first match, 1 every match, 2 the first match's groups (1 and 2 as a row). */
  regexextract(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'REGEXEXTRACT', [0, 1, 2, 3], (text, pattern, mode, sensitivity) => {
      const mn = omitted(mode) ? 0 : numberOf(mode);
      if (mn instanceof CellError) return mn;
      const m = Math.trunc(mn);
      if (m !== 0 && m !== 1 && m !== 2) return value('REGEXEXTRACT: return_mode must be 0, 1 or 2.');
      const re = this.regex(pattern, sensitivity, 'REGEXEXTRACT', m === 1);
      if (re instanceof CellError) return re;
      const t = textOf(plain(text));
      const none = new CellError(ErrorType.NA, 'REGEXEXTRACT: no match.');
      if (m === 1) {
        const all = [...t.matchAll(re)].map((x) => x[0]);
        return all.length === 0 ? none : all.length === 1 ? all[0] : result([all]);
      }
      const found = re.exec(t);
      if (!found) return none;
      if (m === 0) return found[0];
      // A group that took no part in the match is #N/A.
      const groups: Scalar[] = found.slice(1).map((g) => g ?? new CellError(ErrorType.NA, 'REGEXEXTRACT: the group did not match.'));
      if (groups.length === 0) return value('REGEXEXTRACT: the pattern has no groups.');
      return groups.length === 1 ? groups[0] : result([groups]);
    }, { text: [0, 1] });
  }

  /** REGEXREPLACE(text, pattern, replacement, [occurrence], [case_sensitivity]): occurrence 0 every match, n the nth (negative: from the end). */
  regexreplace(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'REGEXREPLACE', [0, 1, 2, 3, 4], (text, pattern, replacement, occurrence, sensitivity) => {
      const o = omitted(occurrence) ? 0 : numberOf(occurrence);
      if (o instanceof CellError) return o;
      const re = this.regex(pattern, sensitivity, 'REGEXREPLACE', true);
      if (re instanceof CellError) return re;
      const r = plain(replacement);
      if (r instanceof CellError) return r;
      const t = textOf(plain(text));
      const by = textOf(r);
      const n = Math.trunc(o);
      if (n === 0) return t.replace(re, by);
      const all = [...t.matchAll(re)];
      const k = n > 0 ? n - 1 : all.length + n;
      const hit = all[k];
      if (!hit || hit.index === undefined) return t;
      const one = new RegExp(re.source, re.flags.replace('g', ''));
      return t.slice(0, hit.index) + hit[0].replace(one, by) + t.slice(hit.index + hit[0].length);
    }, { text: [0, 1, 2] });
  }

  /** MUNIT(dimension): the identity matrix; dimension below 1 is #VALUE!. */
  munit(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'MUNIT', [0], (dim) => {
      const n = numberOf(dim);
      if (n instanceof CellError) return n;
      const k = Math.trunc(n);
      if (k < 1) return value('MUNIT: dimension must be at least 1.');
      return result([...Array(k).keys()].map((i) => [...Array(k).keys()].map((j) => (i === j ? 1 : 0))));
    });
  }

  /** ARRAYTOTEXT(array, [format]): 0 concise ("a, 1, TRUE"), 1 strict ({"a",1,TRUE;…}). */
  arraytotext(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.call(ast, state, 'ARRAYTOTEXT', [1], (array, format) => {
      const n = omitted(format) ? 0 : numberOf(format);
      if (n instanceof CellError) return n;
      const f = Math.trunc(n);
      if (f !== 0 && f !== 1) return value('ARRAYTOTEXT: format must be 0 or 1.');
      const g = gridOf(array);
      if (f === 0) return g.flat().map((v) => valueToText(v, false)).join(', ');
      // Strict: an empty cell is nothing between its commas ({1,,"a"}), empty text is ""; an
      // array of empty cells only has no strict text (#VALUE!, as Excel gives for one empty cell).
      if (g.flat().every((v) => v === null)) return value('ARRAYTOTEXT: the array has only empty cells.');
      return `{${g.map((row) => row.map((v) => (v === null ? '' : valueToText(v, true))).join(',')).join(';')}}`;
    }, { keepErrors: true });
  }

  /** VALUETOTEXT(value, [format]): 0 concise, 1 strict (text in quotes). */
  valuetotext(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('VALUETOTEXT'), (v: unknown, format: unknown) => {
      const n = format === undefined ? 0 : numberOf(format);
      if (n instanceof CellError) return n;
      const f = Math.trunc(n);
      if (f !== 0 && f !== 1) return value('VALUETOTEXT: format must be 0 or 1.');
      return valueToText(plain(v), f === 1);
    });
  }
}

let registered = false;

/** Registers the plugin (replacing HyperFormula's SORT, UNIQUE and FILTER); once per process. */
export function registerDynamicArrays(): void {
  if (registered) return;
  registered = true;
  for (const id of Object.keys(DYNAMIC_ARRAY_FUNCTIONS)) {
    if (HyperFormula.getRegisteredFunctionNames('enGB').includes(id)) HyperFormula.unregisterFunction(id);
  }
  const names = Object.fromEntries(Object.keys(DYNAMIC_ARRAY_FUNCTIONS).map((id) => [id, id]));
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  HyperFormula.registerFunctionPlugin(DynamicArraysPlugin, Object.fromEntries(languages.map((code) => [code, names])));
}
