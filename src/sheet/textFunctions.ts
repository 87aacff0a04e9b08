/**
 * Excel's text and information functions HyperFormula 3.5 lacks or computes differently from
 * Excel, as one FunctionPlugin, each written from Microsoft's page for it:
 *
 * - BAHTTEXT (added): "Converts a number to Thai text and adds a suffix of 'Baht'" — the whole
 *   baht read in groups of six digits joined by ล้าน (million), สตางค์ for the satang (the amount
 *   rounded to 2 decimals), ถ้วน ("exactly") when there are none, ลบ before a negative amount;
 * - FIND, SEARCH, MID (replaced): start_num and num_chars are truncated to whole numbers, as
 *   Excel reads every position ("SEARCH("BASE","database",1.9)" is 5; HyperFormula gave 5.9),
 *   and FIND/SEARCH give #VALUE! when the text is not found after start_num;
 * - VALUE (replaced): text Excel reads as a number also when it is an ISO date or a time
 *   ("1987-08-26" is 32015, see src/sheet/textFormat.ts textToNumber); an empty cell is 0;
 * - REPLACE (replaced) with truncated positions; DOLLAR (added), in the currency format of its page;
 * - SUBSTITUTE (replaced): instance_num truncated, and #VALUE! below 1 or for a logical value;
 * - T (replaced): of a range, the first cell's value (T takes one value, not an array: Excel's
 *   {=T(I1:Q1)} shows the first cell's text in every cell);
 * - ISFORMULA (replaced): of a range in an array formula, one answer per cell;
 * - CONCATENATE (replaced): of ranges in an array formula, joined position by position (Excel
 *   lifts CONCATENATE over arrays, #N/A beyond the shorter one; HyperFormula gave #VALUE!);
 * - CELL (added): the info types a workbook's values tell (address, col, row, contents, type);
 * - the IS functions over a range in an array formula larger than the range ({@link fitInformation}).
 *
 * Registered before src/sheet/moreFunctions.ts, whose byte-counting twins (FINDB, SEARCHB, MIDB)
 * are built from the plugin that computes FIND, SEARCH and MID. GPL-side only: never in the add-in.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import { excelText, textToNumber } from './textFormat';
import { isDate1904 } from './dateSystem';

const N = FunctionArgumentType.NUMBER;
const S = FunctionArgumentType.STRING;
const A = FunctionArgumentType.ANY;
const SC = FunctionArgumentType.SCALAR;

const valueError = (why: string): CellError => new CellError(ErrorType.VALUE, why);

// ---- BAHTTEXT --------------------------------------------------------------------------------

const THAI_DIGITS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const THAI_PLACES = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];
const MILLION = 'ล้าน';

/**
 * One to six digits (1 … 999,999) in Thai words: 1 in the tens is สิบ alone, 2 in the tens is
 * ยี่สิบ, and 1 in the units after any higher digit of the amount is เอ็ด (11 สิบเอ็ด, 101
 * หนึ่งร้อยเอ็ด). `higher`: the amount has digits above this group (1,000,001 reads เอ็ด too).
 */
function thaiGroup(n: number, higher: boolean): string {
  const digits = String(n).split('').map(Number);
  let out = '';
  digits.forEach((d, i) => {
    const place = digits.length - 1 - i;
    if (d === 0) return;
    if (place === 1) out += d === 1 ? 'สิบ' : d === 2 ? 'ยี่สิบ' : `${THAI_DIGITS[d]}สิบ`;
    else if (place === 0) out += d === 1 && (higher || digits.length > 1) ? 'เอ็ด' : THAI_DIGITS[d];
    else out += THAI_DIGITS[d] + THAI_PLACES[place];
  });
  return out;
}

/** A whole number ≥ 1 in Thai words, in groups of six digits joined by ล้าน. */
function thaiNumber(digits: string): string {
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 6) groups.unshift(digits.slice(Math.max(0, end - 6), end));
  let out = '';
  groups.forEach((g, i) => {
    const n = Number(g);
    const higher = groups.slice(0, i).some((h) => Number(h) > 0);
    if (n > 0) out += thaiGroup(n, higher);
    if (i < groups.length - 1) out += MILLION;
  });
  return out;
}

/** BAHTTEXT's text of a number (rounded to satang, half away from zero). */
export function bahtText(x: number): string {
  const negative = x < 0;
  const satangTotal = BigInt(Math.round(Math.abs(Number(x.toPrecision(15))) * 100));
  const baht = satangTotal / 100n;
  const satang = Number(satangTotal % 100n);
  let out = '';
  if (baht > 0n) out += `${thaiNumber(baht.toString())}บาท`;
  else if (satang === 0) out += 'ศูนย์บาท';
  out += satang === 0 ? 'ถ้วน' : `${thaiGroup(satang, false)}สตางค์`;
  return negative && (baht > 0n || satang > 0) ? `ลบ${out}` : out;
}

// ---- FIND / SEARCH / MID -------------------------------------------------------------------------

/** SEARCH's pattern (? one character, * any run, ~ escapes) as a RegExp, case-insensitive. */
function searchPattern(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '~' && i + 1 < pattern.length && '?*~'.includes(pattern[i + 1])) re += `\\${pattern[++i]}`;
    else if (c === '*') re += '[\\s\\S]*?';
    else if (c === '?') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(re, 'i');
}

/** start_num as Excel reads it: truncated, at least 1 and at most one past the text's end. */
function startOf(start: number, text: string): number | CellError {
  const s = Math.trunc(start);
  if (s < 1 || s > text.length + 1) return valueError('start_num must be at least 1 and at most the length of within_text.');
  return s;
}

// ---- the plugin ----------------------------------------------------------------------------------

const TEXT_FUNCTIONS: ImplementedFunctions = {
  BAHTTEXT: { method: 'bahttext', parameters: [{ argumentType: N }] },
  FIND: { method: 'find', parameters: [{ argumentType: S }, { argumentType: S }, { argumentType: N, defaultValue: 1 }] },
  SEARCH: { method: 'search', parameters: [{ argumentType: S }, { argumentType: S }, { argumentType: N, defaultValue: 1 }] },
  MID: { method: 'mid', parameters: [{ argumentType: S }, { argumentType: N }, { argumentType: N }] },
  VALUE: { method: 'value', parameters: [{ argumentType: SC }] },
  REPLACE: { method: 'replace', parameters: [{ argumentType: S }, { argumentType: N }, { argumentType: N }, { argumentType: S }] },
  DOLLAR: { method: 'dollar', parameters: [{ argumentType: N }, { argumentType: N, defaultValue: 2 }] },
  SUBSTITUTE: { method: 'substitute', parameters: [{ argumentType: S }, { argumentType: S }, { argumentType: S }, { argumentType: SC, optionalArg: true }] },
  T: { method: 't', parameters: [{ argumentType: A }], vectorizationForbidden: true },
  ISFORMULA: { method: 'isformula', parameters: [{ argumentType: A }], vectorizationForbidden: true },
  CONCATENATE: { method: 'concatenate', parameters: [{ argumentType: A }], repeatLastArgs: 1, vectorizationForbidden: true },
  CELL: { method: 'cell', parameters: [{ argumentType: S }, { argumentType: A, optionalArg: true }], vectorizationForbidden: true },
};

// ---- IS functions over a range in an array formula ---------------------------------------------

/** The IS functions' tests of one value (also isIntersection.ts). */
export const IS_FUNCTIONS: Readonly<Record<string, (v: Scalar) => boolean>> = {
  ISBLANK: (v) => v === null,
  ISERR: (v) => v instanceof CellError && v.type !== ErrorType.NA,
  ISERROR: (v) => v instanceof CellError,
  ISNA: (v) => v instanceof CellError && v.type === ErrorType.NA,
  ISLOGICAL: (v) => typeof v === 'boolean',
  ISNUMBER: (v) => typeof v === 'number',
  ISTEXT: (v) => typeof v === 'string',
  ISNONTEXT: (v) => typeof v !== 'string',
};

/**
 * An array formula ISNUMBER(D1:Q1) (ISBLANK, ISERR, ISERROR, ISNA, ISLOGICAL, ISTEXT, ISNONTEXT)
 * entered over a range larger than its argument: Excel fits the argument to the formula's range
 * first (a one-row range repeats down, cells beyond it are #N/A) and then tests every cell, so the
 * cells beyond are FALSE (TRUE for ISERROR, ISNA, ISNONTEXT) instead of #N/A. Undefined for any
 * other expression. Used by XLFIT (src/sheet/excelFunctions.ts).
 */
export function fitInformation(arg: unknown, rows: number, cols: number, evaluate: (ast: never) => unknown): Scalar[][] | undefined {
  const call = arg as { type?: string; procedureName?: string; args?: unknown[] } | undefined;
  if (call?.type !== 'FUNCTION_CALL' || call.args?.length !== 1) return undefined;
  const test = IS_FUNCTIONS[String(call.procedureName).toUpperCase()];
  if (!test) return undefined;
  const v = evaluate(call.args[0] as never);
  if (!(v instanceof SimpleRangeValue)) return undefined;
  const g = gridOf(v);
  const h = g.length;
  const w = g[0]?.length ?? 0;
  const na = new CellError(ErrorType.NA, 'The argument is smaller than the range of the array formula.');
  return [...Array(rows).keys()].map((r) =>
    [...Array(cols).keys()].map((c) => {
      const sr = h === 1 ? 0 : r;
      const sc = w === 1 ? 0 : c;
      return test(sr < h && sc < w ? g[sr][sc] : na);
    }),
  );
}

/** A column number → its letters (1 → A, 28 → AB). */
function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

type Scalar = number | string | boolean | null | CellError;

function plain(v: unknown): Scalar {
  if (v === EmptyValue || v === null || v === undefined) return null;
  if (v instanceof CellError || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && typeof (v as { val?: unknown }).val === 'number') return (v as { val: number }).val;
  return String(v);
}

function gridOf(v: unknown): Scalar[][] {
  return v instanceof SimpleRangeValue ? v.data.map((row) => row.map(plain)) : [[plain(v)]];
}

function textOf(v: Scalar): string | CellError {
  if (v instanceof CellError) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export class TextFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions = TEXT_FUNCTIONS;

  bahttext(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('BAHTTEXT'), (x: number) => bahtText(x));
  }

  find(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('FIND'), (sought: string, text: string, start: number) => {
      const s = startOf(start, text);
      if (s instanceof CellError) return s;
      const at = text.indexOf(sought, s - 1);
      return at < 0 ? valueError(`FIND: "${sought}" is not in the text from position ${s}.`) : at + 1;
    });
  }

  search(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('SEARCH'), (sought: string, text: string, start: number) => {
      const s = startOf(start, text);
      if (s instanceof CellError) return s;
      const m = searchPattern(sought).exec(text.slice(s - 1));
      return m === null ? valueError(`SEARCH: "${sought}" is not in the text from position ${s}.`) : m.index + s;
    });
  }

  mid(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('MID'), (text: string, start: number, count: number) => {
      const s = Math.trunc(start);
      const n = Math.trunc(count);
      if (s < 1) return valueError('MID: start_num must be at least 1.');
      if (n < 0) return valueError('MID: num_chars must not be negative.');
      return text.substr(s - 1, n);
    });
  }

  value(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('VALUE'), (v: unknown) => {
      const x = plain(v);
      if (x instanceof CellError || typeof x === 'number') return x;
      if (x === null) return 0;
      if (typeof x === 'boolean') return valueError('VALUE: a logical value is not text of a number.');
      // HyperFormula's reading first (currency, thousands separators, its date formats), then Excel's ISO dates and times.
      const n = this.arithmeticHelper.coerceToMaybeNumber(x);
      // "$1,000" and "1,000" too: a leading dollar sign and thousands separators between groups of three digits.
      const ungrouped = x.trim().replace(/^\$/, '').replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
      // ISO date text as its serial in the workbook's date system (src/sheet/dateSystem.ts).
      const date1904 = isDate1904(this.config);
      const read = n === undefined ? (textToNumber(x, date1904) ?? textToNumber(ungrouped, date1904)) : typeof n === 'number' ? n : (n as { val?: number }).val;
      return read === undefined || !Number.isFinite(read) ? valueError(`VALUE: "${x}" is not a number.`) : read;
    });
  }

  /**
   * SUBSTITUTE(text, old_text, new_text, [instance_num]): instance_num truncated to a whole
   * number ("1.9" replaces the first); below 1, a logical value, an empty cell or text that is
   * no number is #VALUE!, as Excel gives; an empty old_text leaves the text as it is.
   */
  substitute(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('SUBSTITUTE'), (text: string, old: string, replacement: string, instance?: unknown) => {
      if (old === '') return text;
      if (instance === undefined) return text.split(old).join(replacement);
      const given = plain(instance);
      if (given instanceof CellError) return given;
      const n = typeof given === 'number' ? given : typeof given === 'string' ? textToNumber(given) : undefined;
      if (n === undefined || Math.trunc(n) < 1) return valueError('SUBSTITUTE: instance_num must be a number of at least 1.');
      const k = Math.trunc(n);
      let at = -1;
      for (let i = 0; i < k; i++) {
        at = text.indexOf(old, at + 1);
        if (at < 0) return text;
        if (i < k - 1) at += old.length - 1;
      }
      return text.slice(0, at) + replacement + text.slice(at + old.length);
    });
  }

  /** REPLACE(old_text, start_num, num_chars, new_text): positions truncated as Excel reads them (REPLACE("abcdef",2.9,2.9,"X") is "aXdef"). */
  replace(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('REPLACE'), (text: string, start: number, count: number, replacement: string) => {
      const s = Math.trunc(start);
      const n = Math.trunc(count);
      if (s < 1) return valueError('REPLACE: start_num must be at least 1.');
      if (n < 0) return valueError('REPLACE: num_chars must not be negative.');
      return text.slice(0, s - 1) + replacement + text.slice(s - 1 + n);
    });
  }

  /**
   * DOLLAR(number, [decimals]): "the number in text using currency format, with the decimals
   * rounded to the number of places you specify. The format used is $#,##0.00_);($#,##0.00)" —
   * negative decimals round left of the point (DOLLAR(-1234.567,-2) is "($1,200)").
   */
  dollar(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('DOLLAR'), (x: number, decimals: number) => {
      const d = Math.trunc(decimals);
      if (d > 127) return valueError('DOLLAR: decimals must be at most 127.');
      const factor = 10 ** Math.abs(d);
      const rounded = d >= 0 ? x : Math.abs(d) > 308 ? 0 : Math.sign(x) * Math.round(Math.abs(x) / factor) * factor;
      const places = d > 0 ? `.${'0'.repeat(d)}` : '';
      return excelText(rounded, `$#,##0${places};($#,##0${places})`) ?? valueError('DOLLAR: the number cannot be formatted.');
    });
  }

  t(ast: ProcedureAst, state: InterpreterState): unknown {
    const arg = ast.args[0];
    if (arg === undefined || ast.args.length > 1) return new CellError(ErrorType.NA, 'T: needs one argument.');
    const v = gridOf(this.evaluateAst(arg, state))[0]?.[0] ?? null;
    if (v instanceof CellError) return v;
    return typeof v === 'string' ? v : '';
  }

  isformula(ast: ProcedureAst, state: InterpreterState): unknown {
    let arg = ast.args[0] as unknown as { type: string; expression?: unknown; reference?: { toSimpleCellAddress(b: unknown): { sheet: number; row: number; col: number } }; start?: { toSimpleCellAddress(b: unknown): { sheet: number; row: number; col: number } }; end?: { toSimpleCellAddress(b: unknown): { sheet: number; row: number; col: number } } } | undefined;
    if (arg === undefined || ast.args.length > 1) return new CellError(ErrorType.NA, 'ISFORMULA: needs one argument.');
    while (arg.type === 'PARENTHESIS') arg = arg.expression as typeof arg;
    const isFormula = (address: { sheet: number; row: number; col: number }): boolean => {
      const vertex = this.dependencyGraph.addressMapping.getCell(address) as unknown as { getFormula?: unknown } | undefined;
      return vertex !== undefined && vertex !== null && typeof vertex.getFormula === 'function';
    };
    if (arg.type === 'CELL_REFERENCE' && arg.reference) return isFormula(arg.reference.toSimpleCellAddress(state.formulaAddress));
    if (arg.type === 'CELL_RANGE' && arg.start && arg.end) {
      const a = arg.start.toSimpleCellAddress(state.formulaAddress);
      const b = arg.end.toSimpleCellAddress(state.formulaAddress);
      const top = Math.min(a.row, b.row);
      const left = Math.min(a.col, b.col);
      if (!state.arraysFlag) return isFormula({ sheet: a.sheet, row: top, col: left });
      const rows = Math.abs(b.row - a.row) + 1;
      const cols = Math.abs(b.col - a.col) + 1;
      const out = [...Array(rows).keys()].map((r) => [...Array(cols).keys()].map((c) => isFormula({ sheet: a.sheet, row: top + r, col: left + c })));
      return rows * cols === 1 ? out[0][0] : SimpleRangeValue.onlyValues(out as never);
    }
    const v = plain(this.evaluateAst(arg as never, state));
    return v instanceof CellError ? v : new CellError(ErrorType.NA, 'ISFORMULA: needs a reference.');
  }

  /**
   * CELL(info_type, [reference]) for what a workbook's values tell: "address" ($A$1), "col",
   * "row", "contents" (the value of the reference's first cell) and "type" ("b" blank, "l" text,
   * "v" anything else); without a reference, the formula's own cell. The other info types depend
   * on formatting, the file's path or the window (format, width, filename, prefix, protect, …):
   * #VALUE! with the reason rather than a guess.
   */
  cell(ast: ProcedureAst, state: InterpreterState): unknown {
    const [infoAst, refAst] = ast.args;
    if (infoAst === undefined || ast.args.length > 2) return new CellError(ErrorType.NA, 'CELL: needs info_type and an optional reference.');
    const info = plain(this.evaluateAst(infoAst, state));
    if (info instanceof CellError) return info;
    const kind = String(info ?? '').trim().toLowerCase();
    let ref = refAst as unknown as { type: string; expression?: unknown; reference?: { toSimpleCellAddress(b: unknown): { sheet: number; row: number; col: number } }; start?: { toSimpleCellAddress(b: unknown): { sheet: number; row: number; col: number } } } | undefined;
    while (ref?.type === 'PARENTHESIS') ref = ref.expression as typeof ref;
    let address: { sheet: number; row: number; col: number } | undefined;
    if (ref === undefined || ref.type === 'EMPTY') address = state.formulaAddress as unknown as { sheet: number; row: number; col: number };
    else if (ref.type === 'CELL_REFERENCE' && ref.reference) address = ref.reference.toSimpleCellAddress(state.formulaAddress);
    else if (ref.type === 'CELL_RANGE' && ref.start) address = ref.start.toSimpleCellAddress(state.formulaAddress);
    if (address === undefined) {
      const v = plain(this.evaluateAst(ref as never, state));
      return v instanceof CellError ? v : valueError('CELL: the second argument must be a reference.');
    }
    const value = (): Scalar => plain(this.dependencyGraph.getCellValue(address as never));
    switch (kind) {
      case 'address':
        if (address.sheet !== (state.formulaAddress as unknown as { sheet: number }).sheet) return valueError('CELL("address") of another sheet names the workbook file, which is not known here.');
        return `$${columnLetters(address.col + 1)}$${address.row + 1}`;
      case 'col':
        return address.col + 1;
      case 'row':
        return address.row + 1;
      case 'contents': {
        const v = value();
        return v === null ? 0 : v;
      }
      case 'type': {
        const v = value();
        return v === null ? 'b' : typeof v === 'string' ? 'l' : 'v';
      }
      default:
        return valueError(`CELL: info_type "${kind}" depends on formatting, the file or the window, which a workbook's values do not tell.`);
    }
  }

  concatenate(ast: ProcedureAst, state: InterpreterState): unknown {
    if (ast.args.length === 0) return new CellError(ErrorType.NA, 'CONCATENATE: needs at least one argument.');
    const grids = ast.args.map((arg) => gridOf(this.evaluateAst(arg, state)));
    const join = (values: Scalar[]): string | CellError => {
      let out = '';
      for (const v of values) {
        const t = textOf(v);
        if (t instanceof CellError) return t;
        out += t;
      }
      return out;
    };
    const rows = Math.max(...grids.map((g) => g.length));
    const cols = Math.max(...grids.map((g) => g[0]?.length ?? 0));
    if (rows * cols === 1 || !state.arraysFlag) {
      // Outside an array formula each range stands for one value (its first cell here).
      return join(grids.map((g) => g[0]?.[0] ?? null));
    }
    // Position by position; a single value repeats, a shorter array gives #N/A beyond its end.
    const pick = (g: Scalar[][], r: number, c: number): Scalar => {
      const h = g.length;
      const w = g[0]?.length ?? 0;
      const rr = h === 1 ? 0 : r;
      const cc = w === 1 ? 0 : c;
      return rr < h && cc < w ? g[rr][cc] : new CellError(ErrorType.NA, 'CONCATENATE: the arrays differ in size.');
    };
    const out = [...Array(rows).keys()].map((r) => [...Array(cols).keys()].map((c) => join(grids.map((g) => pick(g, r, c)))));
    return SimpleRangeValue.onlyValues(out as never);
  }
}

let registered = false;

/** Registers the plugin (replacing HyperFormula's FIND, SEARCH, MID, REPLACE, VALUE, SUBSTITUTE, T, ISFORMULA, CONCATENATE; adding BAHTTEXT, DOLLAR, CELL); once per process. */
export function registerTextFunctions(): void {
  if (registered) return;
  registered = true;
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  const ids = Object.keys(TEXT_FUNCTIONS);
  for (const id of ids) {
    if (HyperFormula.getRegisteredFunctionNames('enGB').includes(id)) HyperFormula.unregisterFunction(id);
  }
  HyperFormula.registerFunctionPlugin(TextFunctionsPlugin, Object.fromEntries(languages.map((code) => [code, Object.fromEntries(ids.map((id) => [id, id]))])));
}
