/**
 * HyperFormula's date functions that build a serial, in a 1904 workbook (src/sheet/dateSystem.ts:
 * serial 0 is 1904-01-01, the first day of that system, and nothing before it is a date there).
 * HyperFormula 3.5 counts back past its null date and returns a negative serial, or a date of the
 * wrong century, where Excel gives an error:
 *
 * - DATE: Excel adds 1900 to a year from 0 to 1899 in both systems, and a date from 1900 through
 *   1903 is #NUM! in the 1904 system (Microsoft KB 214365 / Q175753, "DATE Function May Return
 *   #NUM! Error When Year Is 0-3": "=DATE(1,7,5) … 1904 Date System #NUM!", "=DATE(1902,8,12) …
 *   #NUM! (since year < 1904)", "=DATE(4,3,31) … 3/31/1904"; KB 214331: "if a workbook is using
 *   the 1904 date system and if the DATE function returns a date from 1900 through 1903, the
 *   function returns a #NUM! error value"). HyperFormula adds 1904 to a year below 1904
 *   (DATE(1903,12,31) was 695421, 3807-12-31; DATE(4,1,1) 1908-01-01).
 * - DATEVALUE: "the date_text argument must represent a date between January 1, 1900 and December
 *   31, 9999 … returns the #VALUE! error value if the value of the date_text argument falls
 *   outside of this range" (Microsoft, "DATEVALUE function", for the 1900 system); in the 1904
 *   system its first day is 1904-01-01: DATEVALUE("1903-12-31") was −1, now #VALUE!.
 * - WORKDAY and WORKDAY.INTL: "If start_date plus days yields an invalid date, WORKDAY returns the
 *   #NUM! error value" (Microsoft, "WORKDAY function"): a day counted back past 1904-01-01 is #NUM!.
 *
 * Each is HyperFormula's own method wrapped, and only in a 1904 workbook: a 1900 workbook's
 * results are HyperFormula's as before. TIMEVALUE, VALUE and date text given where a number is
 * needed already read text before 1904-01-01 as no date (src/sheet/engineering.ts guardEarlyDates,
 * src/sheet/textFormat.ts textToNumber); EDATE and EOMONTH are ours (src/sheet/engineering.ts).
 */
import { CellError, ErrorType, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import { DATE1904_OFFSET, isDate1904 } from './dateSystem';

/** 9999-12-31, Excel's last date, in the 1904 system. */
const LAST_1904 = 2958465 - DATE1904_OFFSET;
const DAY_MS = 86400000;

/**
 * DATE(year, month, day) in the 1904 system, as Excel computes it: each argument truncated; a
 * year below 0 or from 10000 is #NUM! ("If year is less than 0 or is 10000 or greater, Excel
 * returns the #NUM! error value", Microsoft, "DATE function"); one from 0 to 1899 has 1900 added;
 * months and days beyond their range carry into the year and month; a date before 1904-01-01 or
 * after 9999-12-31 is #NUM!.
 */
export function date1904(year: number, month: number, day: number): number | CellError {
  let y = Math.trunc(year);
  if (!(y >= 0 && y < 10000)) return new CellError(ErrorType.NUM, 'DATE: the year must be from 0 to 9999.');
  if (y < 1900) y += 1900;
  // Date.UTC carries months and days over (1904-13-01 is 1905-01-01; day 0 the month's last day before).
  const ms = Date.UTC(y, Math.trunc(month) - 1, Math.trunc(day));
  const serial = Math.round((ms - Date.UTC(1904, 0, 1)) / DAY_MS);
  if (!Number.isFinite(serial) || serial < 0 || serial > LAST_1904) {
    return new CellError(ErrorType.NUM, 'DATE: the date is outside the 1904 date system (1904-01-01 to 9999-12-31).');
  }
  return serial;
}

type Method = (this: unknown, ast: ProcedureAst, state: InterpreterState) => unknown;

interface DatePlugin {
  config: unknown;
  metadata(name: string): unknown;
  runFunction(args: unknown, state: InterpreterState, metadata: unknown, fn: (...args: never[]) => unknown): unknown;
}

/** A number HyperFormula returns (plain or rich: a DateNumber carries it in `val`). */
function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const val = typeof v === 'object' && v !== null ? (v as { val?: unknown }).val : undefined;
  return typeof val === 'number' ? val : undefined;
}

/** `result` (one value, or an array formula's values) with each negative serial replaced by `error`. */
function noNegativeSerial(result: unknown, error: () => CellError): unknown {
  const one = (v: unknown): unknown => {
    const n = numberOf(v);
    return n !== undefined && n < 0 ? error() : v;
  };
  if (result instanceof SimpleRangeValue) return SimpleRangeValue.onlyValues(result.data.map((row) => row.map(one) as typeof row));
  return one(result);
}

let installed = false;

/** Wraps HyperFormula's DATE, DATEVALUE, WORKDAY and WORKDAY.INTL for the 1904 system; once per process. */
export function registerDates1904(): void {
  if (installed) return;
  installed = true;
  const proto = HyperFormula.getFunctionPlugin('DATE')?.prototype as unknown as Record<string, unknown> | undefined;
  if (!proto || typeof proto.date !== 'function') return;

  const date = proto.date as Method;
  proto.date = function date1904Aware(this: DatePlugin, ast: ProcedureAst, state: InterpreterState): unknown {
    if (!isDate1904(this.config)) return date.call(this, ast, state);
    return this.runFunction(ast.args, state, this.metadata('DATE'), date1904 as (...args: never[]) => unknown);
  };

  if (typeof proto.datevalue === 'function') {
    const datevalue = proto.datevalue as Method;
    proto.datevalue = function datevalue1904Aware(this: DatePlugin, ast: ProcedureAst, state: InterpreterState): unknown {
      const result = datevalue.call(this, ast, state);
      if (!isDate1904(this.config)) return result;
      return noNegativeSerial(result, () => new CellError(ErrorType.VALUE, 'DATEVALUE: the date is before 1904-01-01, the first day of the 1904 date system.'));
    };
  }

  // WORKDAY and WORKDAY.INTL both count in workdaycore (start, days, weekend, holidays).
  if (typeof proto.workdaycore === 'function') {
    const core = proto.workdaycore as (this: unknown, ...args: unknown[]) => unknown;
    proto.workdaycore = function workday1904Aware(this: DatePlugin, ...args: unknown[]): unknown {
      const result = core.apply(this, args);
      if (!isDate1904(this.config)) return result;
      return noNegativeSerial(result, () => new CellError(ErrorType.NUM, 'WORKDAY: the resulting workday is before 1904-01-01, the first day of the 1904 date system.'));
    };
  }
}
