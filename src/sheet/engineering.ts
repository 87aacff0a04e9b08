/**
 * Engineering, maths and trigonometry functions where HyperFormula 3.5's result differs from
 * Excel's, as one FunctionPlugin replacing HyperFormula's, each written from Microsoft's page for it:
 *
 * - the base conversions BIN2DEC … HEX2OCT, DEC2BIN, DEC2OCT, DEC2HEX: "Number cannot contain more
 *   than 10 characters (40 bits). The most significant bit of number is the sign bit. The remaining
 *   39 bits are magnitude bits. Negative numbers are represented using two's-complement notation";
 *   hexadecimal digits in either case; "If number is negative, places is ignored"; "If number is not
 *   an integer, it is truncated" (DEC2…); "If places is negative" (or zero, or more than 10) #NUM!,
 *   checked before the number (`DEC2BIN("E",0)` is #NUM!, `DEC2BIN("E",1)` #VALUE!); a blank number
 *   is 0;
 * - BITAND, BITOR, BITXOR ("If either number is not an integer or is greater than (2^48)-1, … #NUM!"),
 *   BITLSHIFT, BITRSHIFT ("If the absolute value of Shift_amount is greater than 53 … #NUM!"; the
 *   shift amount is truncated: `BITLSHIFT(25,2.3)` is 100);
 * - ARABIC: Excel reads the numeral right to left, adding a digit not smaller than the largest
 *   seen so far and subtracting a smaller one, in either case ("IIIIIIV" is -1, "IILmIIC" 1046);
 * - IMSUM, IMPRODUCT, IMSUB, IMDIV: arguments read left to right (an error passed on, a logical
 *   value #VALUE!, text that is no complex number #NUM!, a blank 0); complex numbers written with
 *   "i" and with "j" in one call are #VALUE! (IMSUM, IMPRODUCT) or #NUM! (IMSUB, IMDIV), as Excel
 *   computes them; IMTAN and IMCOT by sin 2a, sinh 2b, cos 2a and cosh 2b, as Excel computes them
 *   (`IMTAN("7+25j")` has the real part 3.82126757337684E-22, not 0);
 * - IMCSC by 2 (sin a cosh b − i cos a sinh b) / (cosh 2b − cos 2a), as Excel's digits show;
 * - DATEDIF's "YD": the end's month and day in the start's year, over Excel's calendar with its
 *   1900-02-29 (in the interpreter check below);
 * - ROUND, ROUNDUP, ROUNDDOWN, TRUNC: num_digits is truncated to an integer (`ROUND(0.234,1.9)` is
 *   0.2; `ROUNDUP(2.55,-255.5)` is 1E+255);
 * - CEILING: a significance of 0 gives 0;
 * - CEILING.MATH, FLOOR.MATH: any mode other than 0 rounds negative numbers away from zero
 *   (CEILING.MATH) or toward zero (FLOOR.MATH), not only mode 1;
 * - ACOT: "the returned angle is given in radians in the range 0 (zero) to pi";
 * - POWER: 0^0 is #NUM! and 0 to a negative power #DIV/0!;
 * - FACTDOUBLE: 1 for -1, #NUM! below -1; LOG: both arguments read as numbers before their ranges
 *   are checked;
 * - EDATE, EOMONTH, YEARFRAC: every argument truncated ("If start_date is not a valid date" #NUM!;
 *   "If months is not an integer, it is truncated"; "basis is truncated to an integer"), date text
 *   read as its serial, and YEARFRAC's basis 1 over Excel's actual years;
 * - GCD, LCM: "If any value is not a number, GCD returns the #VALUE! error value" (a blank cell and
 *   a logical value too), before "If any value is less than zero, … #NUM!".
 *
 * Beside the plugin, checks in HyperFormula's interpreter (reached through the shared instance of
 * src/sheet/interpreterHook.ts): a number that is not finite inside the array a
 * function returns (`{=LN(A1:A3)}` of a 0) is #NUM!, as Excel shows it, where HyperFormula leaves
 * an empty cell; and MMULT passes on the first error value of its arrays (Excel) instead of
 * HyperFormula's #VALUE!, and SUMPRODUCT of arrays of different sizes passes on the first error
 * value among them before its #VALUE! for the sizes. And date text before 1900-01-01 is no date
 * (Excel's calendar starts there): YEAR("7/5/1800") is #VALUE!, not HyperFormula's negative serial.
 *
 * Like HyperFormula, this file is GPL-side only: never in the add-in.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import { complexText } from './complexText';
import { interpreterPrototype, probeInstance } from './interpreterHook';
import { from1900, isDate1904, to1900 } from './dateSystem';
import { firstCellError } from './errorCodes';

const S = FunctionArgumentType.SCALAR;
const A = FunctionArgumentType.ANY;
const N = FunctionArgumentType.NUMBER;

const num = (why: string): CellError => new CellError(ErrorType.NUM, why);
const valueError = (why: string): CellError => new CellError(ErrorType.VALUE, why);

/** One argument's value: a range of one cell read as that cell, a blank as null. */
function one(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.width() * v.height() === 1 ? one(v.data[0][0]) : v;
  if (v === EmptyValue || v === undefined) return null;
  if (typeof v === 'object' && v !== null && !(v instanceof CellError) && typeof (v as { val?: unknown }).val === 'number') return (v as { val: number }).val;
  return v;
}

/** Text Excel reads as a number (" 12 ", "1e3"); undefined when it is none. */
function numberOfText(s: string): number | undefined {
  const t = s.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A numeric argument: a blank 0, numeric text its number, other text #VALUE!; a logical value 1 or
 * 0 for the maths functions (`ROUND(TRUE,0)` is 1), #VALUE! for the others ("If either argument is
 * a non-numeric value").
 */
function numeric(v: unknown, name: string, what: string, logical = false): number | CellError {
  const x = one(v);
  if (x instanceof CellError) return x;
  if (x === null) return 0;
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean' && logical) return x ? 1 : 0;
  if (typeof x === 'string') {
    const n = numberOfText(x);
    return n === undefined ? valueError(`${name}: the ${what} argument must be a number.`) : n;
  }
  if (x instanceof SimpleRangeValue) return valueError(`${name}: the ${what} argument takes one value, not a range.`);
  return valueError(`${name}: the ${what} argument must be a number, not a logical value.`);
}

// ---------------------------------------------------------------------------------------------
// Base conversions

type Base = 2 | 8 | 10 | 16;
const BASE_NAME: Record<Base, string> = { 2: 'binary', 8: 'octal', 10: 'decimal', 16: 'hexadecimal' };
/** The 10-digit two's-complement range of each base: [smallest, largest]. */
const RANGE: Record<2 | 8 | 16, [number, number]> = {
  2: [-512, 511],
  8: [-(2 ** 29), 2 ** 29 - 1],
  16: [-(2 ** 39), 2 ** 39 - 1],
};

/** The places argument: omitted → undefined; otherwise 1 to 10 (truncated), else #NUM! (#VALUE! for no number). */
function placesOf(v: unknown, name: string): number | undefined | CellError {
  if (v === undefined) return undefined;
  const p = numeric(v, name, 'places');
  if (p instanceof CellError) return p;
  const t = Math.trunc(p);
  return t < 1 || t > 10 ? num(`${name}: places must be from 1 to 10.`) : t;
}

/** A binary, octal or hexadecimal number as Excel reads it (10 digits at most, two's complement), or the error. */
export function readBase(v: unknown, base: 2 | 8 | 16, name: string): number | CellError {
  const x = one(v);
  if (x instanceof CellError) return x;
  if (typeof x === 'boolean') return valueError(`${name}: the number must be ${BASE_NAME[base]} text, not a logical value.`);
  if (x instanceof SimpleRangeValue) return valueError(`${name}: the number takes one value, not a range.`);
  const text = x === null ? '0' : typeof x === 'number' ? String(x) : String(x);
  const s = text === '' ? '0' : text;
  const digits = base === 2 ? /^[01]+$/ : base === 8 ? /^[0-7]+$/ : /^[0-9a-f]+$/i;
  if (!digits.test(s)) return num(`${name}: "${s}" is not a ${BASE_NAME[base]} number.`);
  if (s.length > 10) return num(`${name}: the number has more than 10 digits.`);
  const n = parseInt(s, base);
  const full = base ** 10;
  return s.length === 10 && n >= full / 2 ? n - full : n;
}

/** A decimal number for DEC2…: truncated; a blank 0; text that is no number (or empty text) #VALUE!. */
function readDecimal(v: unknown, name: string): number | CellError {
  const n = numeric(v, name, 'number');
  return n instanceof CellError ? n : Math.trunc(n);
}

/** n written in base `to` with `places` digits, as Excel writes it (negative: 10 digits of two's complement). */
export function writeBase(n: number, to: 2 | 8 | 16, places: number | undefined, name: string): string | CellError {
  const [lo, hi] = RANGE[to];
  if (n < lo || n > hi) return num(`${name}: the number is outside ${lo} to ${hi}.`);
  if (n < 0) return (to ** 10 + n).toString(to).toUpperCase();
  const s = n.toString(to).toUpperCase();
  if (places === undefined) return s;
  if (s.length > places) return num(`${name}: the result needs more than ${places} digits.`);
  return s.padStart(places, '0');
}

function convert(from: Base, to: Base, name: string, number: unknown, places: unknown): number | string | CellError {
  const p = to === 10 ? undefined : placesOf(places, name);
  if (p instanceof CellError) return p;
  const n = from === 10 ? readDecimal(number, name) : readBase(number, from, name);
  if (n instanceof CellError) return n;
  return to === 10 ? n : writeBase(n, to, p, name);
}

// ---------------------------------------------------------------------------------------------
// Bitwise functions

const BIT_LIMIT = 2 ** 48;

function bitOperand(v: unknown, name: string): number | CellError {
  const n = numeric(v, name, 'number');
  if (n instanceof CellError) return n;
  if (!Number.isInteger(n) || n < 0 || n >= BIT_LIMIT) return num(`${name}: each number must be a whole number from 0 to 2^48-1.`);
  return n;
}

/** A bitwise operation on 48-bit numbers (JavaScript's own operators work on 32 bits). */
function bitwise(a: number, b: number, op: (x: number, y: number) => number): number {
  const split = 2 ** 24;
  const [ah, al] = [Math.floor(a / split), a % split];
  const [bh, bl] = [Math.floor(b / split), b % split];
  return (op(ah, bh) >>> 0) * split + (op(al, bl) >>> 0);
}

function shift(numberArg: unknown, amountArg: unknown, name: string, sign: 1 | -1): number | CellError {
  const n = bitOperand(numberArg, name);
  if (n instanceof CellError) return n;
  const a = numeric(amountArg, name, 'shift_amount');
  if (a instanceof CellError) return a;
  const k = sign * Math.trunc(a);
  if (Math.abs(k) > 53) return num(`${name}: shift_amount must be from -53 to 53.`);
  const r = k >= 0 ? n * 2 ** k : Math.floor(n / 2 ** -k);
  return r >= BIT_LIMIT ? num(`${name}: the result is greater than 2^48-1.`) : r;
}

// ---------------------------------------------------------------------------------------------
// ARABIC

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** ARABIC(text) as Excel reads it: right to left, a digit smaller than the largest so far subtracted. */
export function arabic(text: string): number | CellError {
  let t = text.trim();
  if (t.length > 255) return valueError('ARABIC: the text is longer than 255 characters.');
  let negative = false;
  if (t.startsWith('-')) {
    negative = true;
    t = t.slice(1);
  }
  let total = 0;
  let largest = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const d = ROMAN[t[i].toUpperCase()];
    if (d === undefined) return valueError(`ARABIC: "${text}" is not a Roman numeral.`);
    if (d < largest) total -= d;
    else {
      total += d;
      largest = d;
    }
  }
  return negative ? -total : total;
}

// ---------------------------------------------------------------------------------------------
// Complex numbers

type Complex = { re: number; im: number; suffix: 'i' | 'j' | undefined };

const NUMBER = String.raw`(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
const COMPLEX_TEXT = new RegExp(String.raw`^(?:([+-]?${NUMBER})([+-])(${NUMBER})?([ij])|([+-]?)(${NUMBER})?([ij])|([+-]?${NUMBER}))$`);

/** Text Excel reads as a complex number ("3+4i", "-j", "2.5", "1E-3-2j"); undefined when it is none. */
export function readComplexText(s: string): Complex | undefined {
  const m = COMPLEX_TEXT.exec(s);
  if (!m) return undefined;
  if (m[4]) return { re: Number(m[1]), im: (m[2] === '-' ? -1 : 1) * (m[3] === undefined ? 1 : Number(m[3])), suffix: m[4] as 'i' | 'j' };
  if (m[7]) return { re: 0, im: (m[5] === '-' ? -1 : 1) * (m[6] === undefined ? 1 : Number(m[6])), suffix: m[7] as 'i' | 'j' };
  return { re: Number(m[8]), im: 0, suffix: undefined };
}

/** One value as a complex number: an error passed on, a logical value #VALUE!, bad text #NUM!, a blank 0. */
function complexOf(x: unknown, name: string): Complex | CellError {
  const v = one(x);
  if (v instanceof CellError) return v;
  if (v === null) return { re: 0, im: 0, suffix: undefined };
  if (typeof v === 'number') return { re: v, im: 0, suffix: undefined };
  if (typeof v === 'boolean') return valueError(`${name}: a logical value is not a complex number.`);
  if (typeof v === 'string') {
    if (v === '') return { re: 0, im: 0, suffix: undefined };
    return readComplexText(v) ?? num(`${name}: "${v}" is not a complex number.`);
  }
  return valueError(`${name}: each argument takes one value, not a range.`);
}

/** The complex numbers of the arguments, read left to right (ranges cell by cell, blanks of a range skipped). */
function complexArguments(args: readonly unknown[], name: string, ranges: boolean): Complex[] | CellError {
  const out: Complex[] = [];
  for (const a of args) {
    if (a === undefined) continue;
    if (a instanceof SimpleRangeValue && a.width() * a.height() > 1) {
      if (!ranges) return valueError(`${name}: each argument takes one value, not a range.`);
      for (const row of a.data) {
        for (const v of row) {
          if (v === EmptyValue || v === null) continue;
          const c = complexOf(v, name);
          if (c instanceof CellError) return c;
          out.push(c);
        }
      }
      continue;
    }
    const c = complexOf(a, name);
    if (c instanceof CellError) return c;
    out.push(c);
  }
  return out;
}

/** The suffix of the result, or the error of arguments written with both "i" and "j". */
function suffixOf(values: readonly Complex[], name: string, mixed: ErrorType): 'i' | 'j' | CellError {
  const suffixes = new Set(values.map((c) => c.suffix).filter((s) => s !== undefined));
  if (suffixes.size > 1) return new CellError(mixed, `${name}: the complex numbers use both "i" and "j".`);
  return suffixes.has('j') ? 'j' : 'i';
}

function complexResult(re: number, im: number, suffix: 'i' | 'j', name: string): string | CellError {
  if (!Number.isFinite(re) || !Number.isFinite(im)) return num(`${name}: the result is too large.`);
  return complexText(re, im, suffix);
}

// ---------------------------------------------------------------------------------------------
// Rounding

/** x rounded to `digits` (truncated to an integer) decimals by `round` (Math.round / ceil / floor / trunc of |x|). */
export function roundTo(x: number, digits: number, round: (v: number) => number): number {
  const d = Math.trunc(digits);
  const m = 10 ** Math.abs(d);
  const r = (v: number): number => (d >= 0 ? round(v * m) / m : round(v / m) * m);
  return x < 0 ? -r(-x) : r(x);
}

/** Excel's ROUND: half away from zero, after reading x to 15 significant digits (ROUND(2.55,1) is 2.6). */
function roundHalfUp(v: number): number {
  return Math.round(Number(v.toPrecision(15)));
}

/** v within a relative 1e-15 of a whole number is that number (0.29 × 100 is 28.999999999999996). */
function nearInteger(v: number): number | undefined {
  const r = Math.round(v);
  return Math.abs(v - r) <= Math.abs(v) * 1e-15 ? r : undefined;
}

function ceilExact(v: number): number {
  return nearInteger(v) ?? Math.ceil(v);
}

function floorExact(v: number): number {
  return nearInteger(v) ?? Math.floor(v);
}

// ---------------------------------------------------------------------------------------------
// Dates (Excel's 1900 calendar: serial 0 is 1900-01-00, 60 the phantom 1900-02-29)

const DAY_MS = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);
/** 9999-12-31, Excel's last date. */
const LAST_SERIAL = 2958465;

/** A serial (a whole number from 0) → [year, month 1-12, day] of Excel's calendar. */
export function ymdOfSerial(serial: number): [number, number, number] {
  if (serial === 0) return [1900, 1, 0];
  if (serial === 60) return [1900, 2, 29];
  const d = new Date(EPOCH + (serial < 60 ? serial + 1 : serial) * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** [year, month, day] (day 0 the last day of the month before, months beyond 12 carried) → Excel's serial. */
export function serialOfYmd(year: number, month: number, day: number): number {
  const days = Math.round((Date.UTC(year, month - 1, day) - EPOCH) / DAY_MS);
  return days <= 60 ? days - 1 : days;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function dateArgument(x: number, name: string): number | CellError {
  const t = Math.trunc(x);
  return t < 0 || t > LAST_SERIAL ? num(`${name}: the date is outside Excel's calendar.`) : t;
}

/** EDATE: the same day `months` later, the last day of the month when that month is shorter. */
export function edate(start: number, months: number): number | CellError {
  const s = dateArgument(start, 'EDATE');
  if (s instanceof CellError) return s;
  const [y, m, d] = ymdOfSerial(s);
  const k = m - 1 + Math.trunc(months);
  const [y2, m2] = [y + Math.floor(k / 12), (((k % 12) + 12) % 12) + 1];
  if (y2 < 1900 || y2 > 9999) return num("EDATE: the result is outside Excel's calendar.");
  const r = serialOfYmd(y2, m2, Math.min(d, daysInMonth(y2, m2)));
  return r < 0 || r > LAST_SERIAL ? num("EDATE: the result is outside Excel's calendar.") : r;
}

/** EOMONTH: the last day of the month `months` after the start's. */
export function eomonth(start: number, months: number): number | CellError {
  const s = dateArgument(start, 'EOMONTH');
  if (s instanceof CellError) return s;
  const [y, m] = ymdOfSerial(s);
  const k = m - 1 + Math.trunc(months);
  const [y2, m2] = [y + Math.floor(k / 12), (((k % 12) + 12) % 12) + 1];
  if (y2 < 1900 || y2 > 9999) return num("EOMONTH: the result is outside Excel's calendar.");
  const r = serialOfYmd(y2, m2 + 1, 0);
  return r < 0 || r > LAST_SERIAL ? num("EOMONTH: the result is outside Excel's calendar.") : r;
}

/**
 * A date function over Excel's 1900 calendar run in the workbook's date system: in the 1904
 * system the dates are read as the 1900 serials of the same dates (a negative one is #NUM!, as
 * before 1904-01-01), and a date result (`returnsDate`) goes back to a 1904 serial, #NUM! before 0.
 */
function inDateSystem(config: unknown, name: string, dates: number[], run: (dates: number[]) => number | CellError, returnsDate = true): number | CellError {
  if (!isDate1904(config)) return run(dates);
  if (dates.some((d) => Math.trunc(d) < 0)) return num(`${name}: the date is outside Excel's calendar.`);
  const r = run(dates.map((d) => to1900(d, true)));
  if (r instanceof CellError || !returnsDate) return r;
  const back = from1900(r, true);
  return back < 0 ? num(`${name}: the result is outside Excel's calendar.`) : back;
}

/**
 * YEARFRAC(start, end, basis): the dates and the basis truncated, the earlier date first.
 * Basis 1 (actual/actual) as Excel computes it: within a year, the days over 366 when a 29 February
 * lies in the span (or the dates are in one leap year), else 365; over more than a year, the days
 * over the average length of the calendar years the span touches (1900 has 365 days here).
 */
export function yearfrac(startArg: number, endArg: number, basisArg: number): number | CellError {
  const basis = Math.trunc(basisArg);
  if (basis < 0 || basis > 4) return num('YEARFRAC: basis must be 0 to 4.');
  const a = dateArgument(startArg, 'YEARFRAC');
  if (a instanceof CellError) return a;
  const b = dateArgument(endArg, 'YEARFRAC');
  if (b instanceof CellError) return b;
  const [s, e] = a <= b ? [a, b] : [b, a];
  const [y1, m1, d1] = ymdOfSerial(s);
  const [y2, m2, d2] = ymdOfSerial(e);
  const days = e - s;
  const lastOfFeb = (y: number, m: number, d: number): boolean => m === 2 && d === daysInMonth(y, 2);
  switch (basis) {
    case 0: {
      let [x1, x2] = [d1, d2];
      if (x1 === 31 && x2 === 31) [x1, x2] = [30, 30];
      else if (x1 === 31) x1 = 30;
      else if (x1 === 30 && x2 === 31) x2 = 30;
      else if (lastOfFeb(y1, m1, d1) && lastOfFeb(y2, m2, d2)) [x1, x2] = [30, 30];
      else if (lastOfFeb(y1, m1, d1)) x1 = 30;
      return ((y2 - y1) * 360 + (m2 - m1) * 30 + (x2 - x1)) / 360;
    }
    case 2:
      return days / 360;
    case 3:
      return days / 365;
    case 4:
      return ((y2 - y1) * 360 + (m2 - m1) * 30 + (Math.min(d2, 30) - Math.min(d1, 30))) / 360;
    default: {
      const moreThanAYear = y1 !== y2 && (y2 !== y1 + 1 || m1 < m2 || (m1 === m2 && d1 < d2));
      if (moreThanAYear) {
        let total = 0;
        for (let y = y1; y <= y2; y++) total += isLeap(y) ? 366 : 365;
        return days / (total / (y2 - y1 + 1));
      }
      let leapDay: boolean;
      if (y1 === y2) leapDay = isLeap(y1);
      else leapDay = (isLeap(y1) && m1 <= 2) || (isLeap(y2) && (m2 > 2 || (m2 === 2 && d2 === 29)));
      return days / (leapDay ? 366 : 365);
    }
  }
}

// ---------------------------------------------------------------------------------------------

const IMPLEMENTED: ImplementedFunctions = {
  ...Object.fromEntries(
    (
      [
        ['BIN2DEC', 2, 10], ['BIN2HEX', 2, 16], ['BIN2OCT', 2, 8],
        ['OCT2BIN', 8, 2], ['OCT2DEC', 8, 10], ['OCT2HEX', 8, 16],
        ['HEX2BIN', 16, 2], ['HEX2DEC', 16, 10], ['HEX2OCT', 16, 8],
        ['DEC2BIN', 10, 2], ['DEC2OCT', 10, 8], ['DEC2HEX', 10, 16],
      ] as const
    ).map(([name, , to]) => [name, { method: 'baseConversion', parameters: to === 10 ? [{ argumentType: A }] : [{ argumentType: A }, { argumentType: A, optionalArg: true }] }]),
  ),
  BITAND: { method: 'bitAnd', parameters: [{ argumentType: S }, { argumentType: S }] },
  BITOR: { method: 'bitOr', parameters: [{ argumentType: S }, { argumentType: S }] },
  BITXOR: { method: 'bitXor', parameters: [{ argumentType: S }, { argumentType: S }] },
  BITLSHIFT: { method: 'bitLShift', parameters: [{ argumentType: S }, { argumentType: S }] },
  BITRSHIFT: { method: 'bitRShift', parameters: [{ argumentType: S }, { argumentType: S }] },
  ARABIC: { method: 'arabic', parameters: [{ argumentType: S }] },
  IMSUM: { method: 'imsum', parameters: [{ argumentType: A }], repeatLastArgs: 1, vectorizationForbidden: true },
  IMPRODUCT: { method: 'improduct', parameters: [{ argumentType: A }], repeatLastArgs: 1, vectorizationForbidden: true },
  IMSUB: { method: 'imsub', parameters: [{ argumentType: A }, { argumentType: A }], vectorizationForbidden: true },
  IMDIV: { method: 'imdiv', parameters: [{ argumentType: A }, { argumentType: A }], vectorizationForbidden: true },
  IMTAN: { method: 'imtan', parameters: [{ argumentType: A }], vectorizationForbidden: true },
  IMCOT: { method: 'imcot', parameters: [{ argumentType: A }], vectorizationForbidden: true },
  IMCSC: { method: 'imcsc', parameters: [{ argumentType: A }], vectorizationForbidden: true },
  ROUND: { method: 'round', parameters: [{ argumentType: S }, { argumentType: S, defaultValue: 0 }] },
  ROUNDUP: { method: 'roundup', parameters: [{ argumentType: S }, { argumentType: S, defaultValue: 0 }] },
  ROUNDDOWN: { method: 'rounddown', parameters: [{ argumentType: S }, { argumentType: S, defaultValue: 0 }] },
  TRUNC: { method: 'trunc', parameters: [{ argumentType: S }, { argumentType: S, defaultValue: 0 }] },
  CEILING: { method: 'ceiling', parameters: [{ argumentType: S }, { argumentType: S }] },
  'CEILING.MATH': { method: 'ceilingMath', parameters: [{ argumentType: S }, { argumentType: S, optionalArg: true }, { argumentType: S, optionalArg: true }] },
  'FLOOR.MATH': { method: 'floorMath', parameters: [{ argumentType: S }, { argumentType: S, optionalArg: true }, { argumentType: S, optionalArg: true }] },
  ACOT: { method: 'acot', parameters: [{ argumentType: S }] },
  POWER: { method: 'power', parameters: [{ argumentType: S }, { argumentType: S }] },
  EDATE: { method: 'edate', parameters: [{ argumentType: N }, { argumentType: N }] },
  EOMONTH: { method: 'eomonth', parameters: [{ argumentType: N }, { argumentType: N }] },
  YEARFRAC: { method: 'yearfrac', parameters: [{ argumentType: N }, { argumentType: N }, { argumentType: N, defaultValue: 0 }] },
  FACTDOUBLE: { method: 'factdouble', parameters: [{ argumentType: N }] },
  LOG: { method: 'log', parameters: [{ argumentType: N }, { argumentType: N, defaultValue: 10 }] },
  GCD: { method: 'gcd', parameters: [{ argumentType: A }], repeatLastArgs: 1, vectorizationForbidden: true },
  LCM: { method: 'lcm', parameters: [{ argumentType: A }], repeatLastArgs: 1, vectorizationForbidden: true },
} as ImplementedFunctions;

const CONVERSIONS: Record<string, [Base, Base]> = {
  BIN2DEC: [2, 10], BIN2HEX: [2, 16], BIN2OCT: [2, 8],
  OCT2BIN: [8, 2], OCT2DEC: [8, 10], OCT2HEX: [8, 16],
  HEX2BIN: [16, 2], HEX2DEC: [16, 10], HEX2OCT: [16, 8],
  DEC2BIN: [10, 2], DEC2OCT: [10, 8], DEC2HEX: [10, 16],
};

/** The first error among values read left to right, else the numbers (see `numeric`). */
function numbersOf(values: readonly unknown[], name: string, what: readonly string[], logical = true): number[] | CellError {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (values[i] === undefined) {
      out.push(NaN);
      continue;
    }
    const n = numeric(values[i], name, what[i] ?? 'number', logical);
    if (n instanceof CellError) return n;
    out.push(n);
  }
  return out;
}

/** GCD / LCM's numbers: every value a number (a blank, text or logical value #VALUE!), then none negative. */
function wholeNumbers(args: readonly unknown[], name: string): number[] | CellError {
  // Text in a range is no number; text given directly is read as one ("5").
  const values: unknown[] = [];
  for (const a of args) {
    if (a instanceof SimpleRangeValue && a.width() * a.height() > 1) for (const row of a.data) values.push(...row.map((x) => (typeof x === 'string' ? true : x)));
    else values.push(a);
  }
  const out: number[] = [];
  for (const v of values) {
    if (v instanceof CellError) return v;
    const x = one(v);
    const n = typeof x === 'string' ? numberOfText(x) : x;
    if (typeof n !== 'number') return valueError(`${name}: every value must be a number.`);
    out.push(n);
  }
  if (out.some((x) => x < 0)) return num(`${name}: the numbers must not be negative.`);
  return out.map(Math.trunc);
}

export class EngineeringPlugin extends FunctionPlugin {
  static implementedFunctions = IMPLEMENTED;

  /**
   * The function applied to its arguments as evaluated, errors included: these functions read
   * their arguments left to right themselves (an error inside a range before an error given
   * directly), where runFunction would return the direct one first.
   */
  private inOrder(ast: ProcedureAst, state: InterpreterState, name: string, fn: (...args: unknown[]) => unknown): unknown {
    const params = (IMPLEMENTED[name] as { parameters: unknown[]; repeatLastArgs?: number }).parameters.length;
    const variadic = (IMPLEMENTED[name] as { repeatLastArgs?: number }).repeatLastArgs !== undefined;
    const n = ast.args.length;
    if (n < params || (!variadic && n > params)) return new CellError(ErrorType.NA, `${name}: wrong number of arguments.`);
    return fn(...ast.args.map((a) => (a.type === 'EMPTY' ? null : this.evaluateAst(a, state))));
  }

  baseConversion(ast: ProcedureAst, state: InterpreterState): unknown {
    const name = ast.procedureName;
    const [from, to] = CONVERSIONS[name];
    // The errors of the arguments first, left to right (runFunction passes them on).
    return this.runFunction(ast.args, state, this.metadata(name), (number: unknown, places?: unknown) => {
      try {
        return convert(from, to, name, number, places);
      } catch {
        return num(`${name}: the number cannot be converted.`);
      }
    });
  }

  bitAnd(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.bit(ast, state, 'BITAND', (x, y) => x & y);
  }

  bitOr(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.bit(ast, state, 'BITOR', (x, y) => x | y);
  }

  bitXor(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.bit(ast, state, 'BITXOR', (x, y) => x ^ y);
  }

  private bit(ast: ProcedureAst, state: InterpreterState, name: string, op: (x: number, y: number) => number): unknown {
    return this.runFunction(ast.args, state, this.metadata(name), (a: unknown, b: unknown) => {
      const x = bitOperand(a, name);
      if (x instanceof CellError) return x;
      const y = bitOperand(b, name);
      if (y instanceof CellError) return y;
      return bitwise(x, y, op);
    });
  }

  bitLShift(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('BITLSHIFT'), (n: unknown, k: unknown) => shift(n, k, 'BITLSHIFT', 1));
  }

  bitRShift(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('BITRSHIFT'), (n: unknown, k: unknown) => shift(n, k, 'BITRSHIFT', -1));
  }

  arabic(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('ARABIC'), (t: unknown) => {
      const x = one(t);
      if (x instanceof CellError) return x;
      if (x === null) return 0;
      if (typeof x !== 'string') return valueError('ARABIC: the text must be a Roman numeral.');
      return arabic(x);
    });
  }

  imsum(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.inOrder(ast, state, 'IMSUM', (...args: unknown[]) => {
      const values = complexArguments(args, 'IMSUM', true);
      if (values instanceof CellError) return values;
      const suffix = suffixOf(values, 'IMSUM', ErrorType.VALUE);
      if (suffix instanceof CellError) return suffix;
      return complexResult(values.reduce((s, c) => s + c.re, 0), values.reduce((s, c) => s + c.im, 0), suffix, 'IMSUM');
    });
  }

  improduct(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.inOrder(ast, state, 'IMPRODUCT', (...args: unknown[]) => {
      const values = complexArguments(args, 'IMPRODUCT', true);
      if (values instanceof CellError) return values;
      const suffix = suffixOf(values, 'IMPRODUCT', ErrorType.VALUE);
      if (suffix instanceof CellError) return suffix;
      let [re, im] = [1, 0];
      for (const c of values) [re, im] = [re * c.re - im * c.im, re * c.im + im * c.re];
      return complexResult(re, im, suffix, 'IMPRODUCT');
    });
  }

  imsub(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.inOrder(ast, state, 'IMSUB', (a: unknown, b: unknown) => {
      const values = complexArguments([a, b], 'IMSUB', false);
      if (values instanceof CellError) return values;
      const suffix = suffixOf(values, 'IMSUB', ErrorType.NUM);
      if (suffix instanceof CellError) return suffix;
      const [x, y] = values;
      return complexResult(x.re - y.re, x.im - y.im, suffix, 'IMSUB');
    });
  }

  imdiv(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.inOrder(ast, state, 'IMDIV', (a: unknown, b: unknown) => {
      const values = complexArguments([a, b], 'IMDIV', false);
      if (values instanceof CellError) return values;
      const suffix = suffixOf(values, 'IMDIV', ErrorType.NUM);
      if (suffix instanceof CellError) return suffix;
      const [x, y] = values;
      const d = y.re * y.re + y.im * y.im;
      if (d === 0) return num('IMDIV: the divisor is 0.');
      return complexResult((x.re * y.re + x.im * y.im) / d, (x.im * y.re - x.re * y.im) / d, suffix, 'IMDIV');
    });
  }

  imtan(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.inOrder(ast, state, 'IMTAN', (z: unknown) => {
      const c = complexArguments([z], 'IMTAN', false);
      if (c instanceof CellError) return c;
      const [{ re: a, im: b, suffix }] = c;
      // tan(a+bi) = (sin 2a + i sinh 2b) / (cos 2a + cosh 2b)
      const d = Math.cos(2 * a) + Math.cosh(2 * b);
      return complexResult(Math.sin(2 * a) / d, Math.sinh(2 * b) / d, suffix ?? 'i', 'IMTAN');
    });
  }

  imcot(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.inOrder(ast, state, 'IMCOT', (z: unknown) => {
      const c = complexArguments([z], 'IMCOT', false);
      if (c instanceof CellError) return c;
      const [{ re: a, im: b, suffix }] = c;
      // cot(a+bi) = (sin 2a − i sinh 2b) / (cosh 2b − cos 2a); cot 0 has no value.
      const d = Math.cosh(2 * b) - Math.cos(2 * a);
      if (d === 0) return num('IMCOT: the cotangent of 0 has no value.');
      return complexResult(Math.sin(2 * a) / d, -Math.sinh(2 * b) / d, suffix ?? 'i', 'IMCOT');
    });
  }

  imcsc(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.inOrder(ast, state, 'IMCSC', (z: unknown) => {
      const c = complexArguments([z], 'IMCSC', false);
      if (c instanceof CellError) return c;
      const [{ re: a, im: b, suffix }] = c;
      // csc(a+bi) = 2 (sin a cosh b − i cos a sinh b) / (cosh 2b − cos 2a), the denominator Excel's
      // digits come from (IMCSC("3.1+2j") is 0.0118908807944521+0.275445903842597j).
      const d = (Math.cosh(2 * b) - Math.cos(2 * a)) / 2;
      if (d === 0) return num('IMCSC: the cosecant of 0 has no value.');
      return complexResult((Math.sin(a) * Math.cosh(b)) / d, -(Math.cos(a) * Math.sinh(b)) / d, suffix ?? 'i', 'IMCSC');
    });
  }

  round(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.rounding(ast, state, 'ROUND', roundHalfUp);
  }

  roundup(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.rounding(ast, state, 'ROUNDUP', ceilExact);
  }

  rounddown(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.rounding(ast, state, 'ROUNDDOWN', floorExact);
  }

  trunc(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.rounding(ast, state, 'TRUNC', floorExact);
  }

  private rounding(ast: ProcedureAst, state: InterpreterState, name: string, round: (v: number) => number): unknown {
    return this.runFunction(ast.args, state, this.metadata(name), (x: unknown, digits: unknown) => {
      const n = numbersOf([x, digits], name, ['number', 'num_digits']);
      if (n instanceof CellError) return n;
      return roundTo(n[0], n[1], round);
    });
  }

  /**
   * CEILING(number, significance): a significance of 0 gives 0 (CEILING(5,0) is 0 in Excel, where
   * HyperFormula divides by it); "If number is positive and significance is negative, CEILING
   * returns the #NUM! error value". The quotient read to 15 digits (CEILING(0.07,0.01) is 0.07).
   */
  ceiling(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('CEILING'), (x: unknown, sig: unknown) => {
      const n = numbersOf([x, sig], 'CEILING', ['number', 'significance']);
      if (n instanceof CellError) return n;
      const [v, s] = n;
      if (v === 0 || s === 0) return 0;
      if (v > 0 && s < 0) return num('CEILING: a positive number takes a positive significance.');
      return ceilExact(v / s) * s;
    });
  }

  ceilingMath(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('CEILING.MATH'), (x: unknown, sig?: unknown, mode?: unknown) => {
      const n = numbersOf([x, sig, mode], 'CEILING.MATH', ['number', 'significance', 'mode']);
      if (n instanceof CellError) return n;
      const [v, s0, m] = n;
      const s = Math.abs(Number.isNaN(s0) ? 1 : s0);
      if (s === 0 || v === 0) return 0;
      // "For negative numbers, … if mode is nonzero, … rounded away from 0".
      if (v < 0 && !Number.isNaN(m) && m !== 0) return -Math.ceil(-v / s) * s;
      return Math.ceil(v / s) * s;
    });
  }

  floorMath(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('FLOOR.MATH'), (x: unknown, sig?: unknown, mode?: unknown) => {
      const n = numbersOf([x, sig, mode], 'FLOOR.MATH', ['number', 'significance', 'mode']);
      if (n instanceof CellError) return n;
      const [v, s0, m] = n;
      const s = Math.abs(Number.isNaN(s0) ? 1 : s0);
      if (s === 0 || v === 0) return 0;
      // Negative numbers: toward 0 when mode is nonzero.
      if (v < 0 && !Number.isNaN(m) && m !== 0) return -Math.floor(-v / s) * s;
      return Math.floor(v / s) * s;
    });
  }

  acot(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('ACOT'), (x: unknown) => {
      const n = numeric(x, 'ACOT', 'number', true);
      if (n instanceof CellError) return n;
      return n === 0 ? Math.PI / 2 : n > 0 ? Math.atan(1 / n) : Math.PI + Math.atan(1 / n);
    });
  }

  power(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('POWER'), (x: unknown, y: unknown) => {
      const n = numbersOf([x, y], 'POWER', ['number', 'power']);
      if (n instanceof CellError) return n;
      const [b, e] = n;
      if (b === 0 && e === 0) return num('POWER: 0 to the power 0 has no value.');
      if (b === 0 && e < 0) return new CellError(ErrorType.DIV_BY_ZERO, 'POWER: 0 to a negative power.');
      const r = b ** e;
      return Number.isFinite(r) ? r : num('POWER: the result is not a finite number.');
    });
  }

  // EDATE, EOMONTH, YEARFRAC: HyperFormula reads their arguments as numbers (date text as its
  // serial: EDATE(0.7,"1/1/1987 02:00 AM") counts 31778 months); Excel truncates each.
  // In a 1904 workbook each date is read as the 1900 serial of the same date and a date returned
  // goes back (src/sheet/dateSystem.ts); a date before 1904-01-01 is outside that calendar.
  edate(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('EDATE'), (start: number, months: number) =>
      inDateSystem(this.config, 'EDATE', [start], ([s]) => edate(s, months)),
    );
  }

  eomonth(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('EOMONTH'), (start: number, months: number) =>
      inDateSystem(this.config, 'EOMONTH', [start], ([s]) => eomonth(s, months)),
    );
  }

  yearfrac(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('YEARFRAC'), (start: number, end: number, basis: number) =>
      inDateSystem(this.config, 'YEARFRAC', [start, end], ([s, e]) => yearfrac(s, e, basis), false),
    );
  }

  /** FACTDOUBLE: n!! of the truncated number; Excel gives 1 for -1 (the empty product) and #NUM! below. */
  factdouble(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('FACTDOUBLE'), (x: number) => {
      if (x < -1) return num('FACTDOUBLE: the number must not be less than -1.');
      let r = 1;
      for (let k = Math.trunc(x); k > 1; k -= 2) r *= k;
      return Number.isFinite(r) ? r : num('FACTDOUBLE: the result is too large.');
    });
  }

  /** LOG: both arguments read as numbers first (LOG(0,"ciao") is #VALUE!), then their ranges. */
  log(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('LOG'), (x: number, base: number) => {
      if (x <= 0 || base <= 0) return num('LOG: the number and the base must be positive.');
      if (base === 1) return new CellError(ErrorType.DIV_BY_ZERO, 'LOG: the base must not be 1.');
      // log10 and log2 exactly where JavaScript has them (Math.log(1000) / Math.log(10) is 2.9999999999999996).
      return base === 10 ? Math.log10(x) : base === 2 ? Math.log2(x) : Math.log(x) / Math.log(base);
    });
  }

  gcd(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.inOrder(ast, state, 'GCD', (...args: unknown[]) => {
      const n = wholeNumbers(args, 'GCD');
      if (n instanceof CellError) return n;
      let g = 0;
      for (const x of n) {
        let [a, b] = [g, x];
        while (b) [a, b] = [b, a % b];
        g = a;
      }
      return g;
    });
  }

  lcm(ast: ProcedureAst, state: InterpreterState): unknown {
    return this.inOrder(ast, state, 'LCM', (...args: unknown[]) => {
      const n = wholeNumbers(args, 'LCM');
      if (n instanceof CellError) return n;
      let l = 1;
      for (const x of n) {
        if (x === 0) return 0;
        let [a, b] = [l, x];
        while (b) [a, b] = [b, a % b];
        l = (l / a) * x;
      }
      return l;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Checks in HyperFormula's interpreter

interface Node {
  type: string;
  procedureName?: string;
  args?: Node[];
}

/** An array a function computed, with each number that is not finite as #NUM! (unchanged when all are). */
export function finiteArray(v: SimpleRangeValue): SimpleRangeValue {
  const data = (v as unknown as { _data?: unknown[][] })._data;
  if (!data) return v; // a range of cells: read from the sheet, never computed here
  let bad = false;
  for (const row of data) {
    for (const x of row) {
      if (typeof x === 'number' && !Number.isFinite(x)) bad = true;
    }
  }
  if (!bad) return v;
  return SimpleRangeValue.onlyValues(
    data.map((row) => row.map((x) => (typeof x === 'number' && !Number.isFinite(x) ? num('The result is not a finite number.') : x))) as never,
  );
}

/** A serial of Excel's calendar, where 1900-02-29 exists (serial 60). */
function excelSerial(y: number, m: number, d: number): number {
  return y === 1900 && m === 2 && d === 29 ? 60 : serialOfYmd(y, m, d);
}

/**
 * DATEDIF(start, end, "YD") as Excel counts it: the end's month and day in the start's year (the
 * next year when that falls before the start), over Excel's calendar with its 1900-02-29
 * (DATEDIF(8,1987,"YD") is 153). undefined for every other case, which HyperFormula computes.
 */
function datedifYd(interpreter: unknown, values: readonly unknown[]): number | undefined {
  const unit = one(values[2]);
  if (typeof unit !== 'string' || unit.trim().toUpperCase() !== 'YD') return undefined;
  const helper = (interpreter as { arithmeticHelper?: { coerceScalarToNumberOrError?: (v: unknown) => unknown } }).arithmeticHelper;
  const serials: number[] = [];
  for (const v of values.slice(0, 2)) {
    const x = one(v);
    if (x instanceof CellError || x instanceof SimpleRangeValue || !helper?.coerceScalarToNumberOrError) return undefined;
    const n = x === null ? 0 : helper.coerceScalarToNumberOrError(x);
    const raw = typeof n === 'number' ? n : typeof n === 'object' && n !== null && typeof (n as { val?: unknown }).val === 'number' ? (n as { val: number }).val : undefined;
    if (raw === undefined || !Number.isFinite(raw)) return undefined;
    serials.push(Math.trunc(raw));
  }
  // A 1904 workbook's serials as the 1900 serials of the same dates (src/sheet/dateSystem.ts).
  const date1904 = isDate1904((interpreter as { config?: unknown }).config);
  if (serials[0] < 0) return undefined;
  const [s, e] = serials.map((x) => to1900(x, date1904));
  if (s > e || e > LAST_SERIAL) return undefined;
  const [y1] = ymdOfSerial(s);
  const [, m2, d2] = ymdOfSerial(e);
  let t = excelSerial(y1, m2, d2);
  if (t < s) t = excelSerial(y1 + 1, m2, d2);
  return t - s;
}

/**
 * Date text before 1900-01-01 is text to Excel, not a date: YEAR("7/5/1800") is #VALUE!, where
 * HyperFormula reads a negative serial (#NUM!). Its DateTimeHelper (reached through the shared
 * instance) reads such text as no date.
 */
function guardEarlyDates(): void {
  const helper = (probeInstance() as unknown as { _evaluator?: { interpreter?: { dateTimeHelper?: object } } })._evaluator?.interpreter?.dateTimeHelper;
  const proto = helper ? (Object.getPrototypeOf(helper) as Record<string, unknown>) : undefined;
  if (!proto || typeof proto.dateStringToDateNumber !== 'function' || proto.cyberEarlyDates) return;
  const original = proto.dateStringToDateNumber as (this: unknown, text: string) => unknown;
  proto.dateStringToDateNumber = function excelDates(this: unknown, text: string): unknown {
    const n = original.call(this, text);
    const v = typeof n === 'object' && n !== null ? (n as { val?: unknown }).val : undefined;
    // 1904-01-01 is serial 0 in the 1904 date system (src/sheet/dateSystem.ts).
    const first = isDate1904((this as { config?: unknown }).config) ? 0 : 1;
    if (typeof v !== 'number' || v >= first) return n;
    // A time alone is a fraction of a day; text with a date (a year) starts at 1 (1900-01-01).
    const parsed = (this as { parseDateTimeFromConfigFormats?: (t: string) => { dateTime?: object } }).parseDateTimeFromConfigFormats?.(text);
    return parsed?.dateTime && 'year' in parsed.dateTime ? undefined : n;
  };
  proto.cyberEarlyDates = true;
}

function installChecks(): void {
  const proto = interpreterPrototype();
  if (!proto || typeof proto.evaluateAst !== 'function' || proto.cyberEngineering) return;
  const original = proto.evaluateAst as (this: unknown, ast: Node, state: unknown) => unknown;
  proto.evaluateAst = function engineering(this: unknown, ast: Node, state: unknown): unknown {
    if (ast.type !== 'FUNCTION_CALL') return original.call(this, ast, state);
    if (ast.procedureName === 'MMULT' && ast.args) {
      const error = firstCellError(ast.args.map((a) => (a.type === 'EMPTY' ? undefined : original.call(this, a, state))));
      if (error) return error;
    }
    if (ast.procedureName === 'SUMPRODUCT' && ast.args && ast.args.length > 1) {
      // Arrays of different sizes are #VALUE!, but an error value in them comes first in Excel.
      const values = ast.args.map((a) => (a.type === 'EMPTY' ? undefined : original.call(this, a, state)));
      const size = (v: unknown): string => (v instanceof SimpleRangeValue ? `${v.height()}x${v.width()}` : '1x1');
      if (new Set(values.map(size)).size > 1) {
        const error = firstCellError(values);
        if (error) return error;
      }
    }
    if (ast.procedureName === 'DATEDIF' && ast.args && ast.args.length === 3) {
      const yd = datedifYd(this, ast.args.map((a) => (a.type === 'EMPTY' ? null : original.call(this, a, state))));
      if (yd !== undefined) return yd;
    }
    const result = original.call(this, ast, state);
    // The add-in's own functions (CYBER.*) compute exact decimals: their arrays are left as they are.
    return result instanceof SimpleRangeValue && !ast.procedureName?.startsWith('CYBER.') ? finiteArray(result) : result;
  };
  proto.cyberEngineering = true;
}

let registered = false;

/** Registers the plugin (replacing HyperFormula's functions of the same names) and the checks; once per process. */
export function registerEngineering(): void {
  if (registered) return;
  registered = true;
  const ids = Object.keys(IMPLEMENTED);
  for (const id of ids) {
    if (HyperFormula.getRegisteredFunctionNames('enGB').includes(id)) HyperFormula.unregisterFunction(id);
  }
  const names = Object.fromEntries(ids.map((id) => [id, id]));
  const languages = HyperFormula.getRegisteredLanguagesCodes();
  HyperFormula.registerFunctionPlugin(EngineeringPlugin, Object.fromEntries(languages.map((code) => [code, names])));
  installChecks();
  guardEarlyDates();
}
