/**
 * HyperFormula's date functions that build a serial, made to give Excel's error where the serial
 * would be no date of the workbook's system (src/sheet/dateSystem.ts: in the 1900 system serial 1
 * is 1900-01-01 and 2958465 is 9999-12-31; in the 1904 system serial 0 is 1904-01-01 and nothing
 * before it is a date). HyperFormula 3.5 counts back past its null date and returns a negative
 * serial, or a date of the wrong century, where Excel gives an error:
 *
 * - DATE: "If year is less than 0 or is 10000 or greater, Excel returns the #NUM! error value"
 *   (Microsoft, "DATE function"), whatever the months carry: HyperFormula carried the months
 *   first, so DATE(10000,-1,1) was 2958405 (9999-11-01) in a 1900 workbook, DATE(-1900,1,1)
 *   #VALUE!. Excel adds 1900 to a year from 0 to 1899 in both systems, and a date from 1900 through
 *   1903 is #NUM! in the 1904 system (Microsoft KB 214365 / Q175753, "DATE Function May Return
 *   #NUM! Error When Year Is 0-3": "=DATE(1,7,5) … 1904 Date System #NUM!", "=DATE(1902,8,12) …
 *   #NUM! (since year < 1904)", "=DATE(4,3,31) … 3/31/1904"; KB 214331: "if a workbook is using
 *   the 1904 date system and if the DATE function returns a date from 1900 through 1903, the
 *   function returns a #NUM! error value"). HyperFormula adds 1904 to a year below 1904
 *   (DATE(1903,12,31) was 695421, 3807-12-31; DATE(4,1,1) 1908-01-01). A date after 9999-12-31
 *   is #NUM! in both (ECMA-376 Part 1, §18.17.4.1 "Date Representation": "The upper-limit is
 *   December 31, 9999, which has serial value 2,958,465" in 1900, 2,957,003 in 1904).
 * - DATEVALUE: "the date_text argument must represent a date between January 1, 1900 and December
 *   31, 9999 … returns the #VALUE! error value if the value of the date_text argument falls
 *   outside of this range" (Microsoft, "DATEVALUE function", for the 1900 system):
 *   DATEVALUE("1899-12-31") was 0 and DATEVALUE("1899-12-30") −1 in a 1900 workbook, now
 *   #VALUE!; in the 1904 system its first day is 1904-01-01: DATEVALUE("1903-12-31") was −1,
 *   now #VALUE!. A time alone ("12:00") is still 0.
 * - WORKDAY and WORKDAY.INTL: "If start_date plus days yields an invalid date, WORKDAY returns the
 *   #NUM! error value" (Microsoft, "WORKDAY function"): a day counted back below serial 0 (1900:
 *   WORKDAY(1,-5) was −5) or past 1904-01-01, or forward past 9999-12-31 (WORKDAY(2958465,1) was
 *   2958468), is #NUM!. Serial 0 stays a result, as DATE(1900,1,0) and EDATE give it (1900-01-00).
 *
 * DATE is computed here in both systems and DATEVALUE in the 1900 one (with HyperFormula's own
 * reading of the text); WORKDAY, WORKDAY.INTL and the 1904 DATEVALUE are HyperFormula's methods
 * with their results checked. Every valid date keeps HyperFormula's serial (compared on thousands
 * of arguments in both systems when this was written: only the results outside the calendar
 * changed).
 * TIMEVALUE, VALUE and date text given where a number is needed already read text before
 * 1900-01-01 (1904-01-01) as no date (src/sheet/engineering.ts guardEarlyDates,
 * src/sheet/textFormat.ts textToNumber): VALUE("1899-12-31") and ="1899-12-31"+0 are #VALUE!.
 * EDATE and EOMONTH are ours (src/sheet/engineering.ts) and give #NUM! outside 1900-01-00 to
 * 9999-12-31 already.
 */
import { CellError, ErrorType, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import { DATE1904_OFFSET, isDate1904 } from './dateSystem';

/** 9999-12-31, Excel's last date, in the 1900 system (ECMA-376 Part 1, §18.17.4.1). */
const LAST_1900 = 2958465;
/** 9999-12-31, Excel's last date, in the 1904 system. */
const LAST_1904 = LAST_1900 - DATE1904_OFFSET;
const DAY_MS = 86400000;

const yearOutOfRange = (): CellError => new CellError(ErrorType.NUM, 'DATE: the year must be from 0 to 9999.');

/**
 * DATE(year, month, day) in the 1900 system, as Excel computes it: each argument truncated; a
 * year below 0 or from 10000 is #NUM! before the months are counted ("If year is less than 0 or
 * is 10000 or greater, Excel returns the #NUM! error value", Microsoft, "DATE function"); one from
 * 0 to 1899 has 1900 added; months beyond 1–12 carry into the year; the day counts on from the
 * first of that month in Excel's serials, which hold the fictitious 1900-02-29 (serial 60:
 * DATE(1900,2,29) and DATE(1900,3,0) are 60, DATE(1900,1,0) is 0, as HyperFormula gives them); a
 * result below 0 or after 9999-12-31 is #NUM!.
 */
export function date1900(year: number, month: number, day: number): number | CellError {
  let y = Math.trunc(year);
  if (!(y >= 0 && y < 10000)) return yearOutOfRange();
  if (y < 1900) y += 1900;
  // Date.UTC carries the months (month 0 is December of the year before); y is a full year here.
  const days = Math.round((Date.UTC(y, Math.trunc(month) - 1, 1) - Date.UTC(1899, 11, 30)) / DAY_MS);
  // The first of a month up to 1900-02-01 is a serial one below its count of days from 1899-12-30.
  const first = days <= 60 ? days - 1 : days;
  const serial = first + Math.trunc(day) - 1;
  if (!Number.isFinite(serial) || serial < 0 || serial > LAST_1900) {
    return new CellError(ErrorType.NUM, 'DATE: the date is outside Excel\'s calendar (1900-01-00 to 9999-12-31).');
  }
  return serial;
}

/**
 * DATE(year, month, day) in the 1904 system, as Excel computes it: each argument truncated; a
 * year below 0 or from 10000 is #NUM! ("If year is less than 0 or is 10000 or greater, Excel
 * returns the #NUM! error value", Microsoft, "DATE function"); one from 0 to 1899 has 1900 added;
 * months and days beyond their range carry into the year and month; a date before 1904-01-01 or
 * after 9999-12-31 is #NUM!.
 */
export function date1904(year: number, month: number, day: number): number | CellError {
  let y = Math.trunc(year);
  if (!(y >= 0 && y < 10000)) return yearOutOfRange();
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

/** What HyperFormula's date text parser gives (DateTimeHelper.parseDateTimeFromConfigFormats). */
interface ParsedDateTime {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
}

interface DateHelper {
  parseDateTimeFromConfigFormats(text: string): { dateTime?: ParsedDateTime };
  dateToNumber(date: ParsedDateTime): number;
}

interface DatePlugin {
  config: unknown;
  dateTimeHelper: DateHelper;
  metadata(name: string): unknown;
  runFunction(args: unknown, state: InterpreterState, metadata: unknown, fn: (...args: never[]) => unknown): unknown;
}

/**
 * DATEVALUE(date_text) in the 1900 system: HyperFormula's reading of the text (its date formats,
 * the time of day dropped, a time alone 0), and #VALUE! for a date before 1900-01-01 or after
 * 9999-12-31 (Microsoft, "DATEVALUE function": "must represent a date between January 1, 1900 and
 * December 31, 9999 … #VALUE!"), where HyperFormula counted back from its null date 1899-12-30:
 * "1899-12-31" was 0, "1899-12-30" −1.
 */
function datevalue1900(helper: DateHelper, text: string): number | CellError {
  const { dateTime } = helper.parseDateTimeFromConfigFormats(text);
  if (dateTime === undefined) return new CellError(ErrorType.VALUE, 'DATEVALUE: the text is not a date.');
  if (typeof dateTime.year !== 'number' || typeof dateTime.month !== 'number' || typeof dateTime.day !== 'number') return 0;
  const { hours, minutes, seconds } = dateTime;
  // Whole days a time of 24:00 or more adds, as HyperFormula counts them.
  const extraDays = typeof hours === 'number' && typeof minutes === 'number' && typeof seconds === 'number' ? Math.trunc(((seconds / 60 + minutes) / 60 + hours) / 24) : 0;
  const serial = extraDays + helper.dateToNumber(dateTime);
  if (!(serial >= 1 && serial <= LAST_1900)) {
    return new CellError(ErrorType.VALUE, 'DATEVALUE: the date is outside 1900-01-01 to 9999-12-31, the dates of the 1900 date system.');
  }
  return serial;
}

/** A number HyperFormula returns (plain or rich: a DateNumber carries it in `val`). */
function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const val = typeof v === 'object' && v !== null ? (v as { val?: unknown }).val : undefined;
  return typeof val === 'number' ? val : undefined;
}

/** `result` (one value, or an array formula's values) with each serial below 0 or above `last` replaced by `error`. */
function noSerialOutside(result: unknown, last: number, error: () => CellError): unknown {
  const one = (v: unknown): unknown => {
    const n = numberOf(v);
    return n !== undefined && (n < 0 || n > last) ? error() : v;
  };
  if (result instanceof SimpleRangeValue) return SimpleRangeValue.onlyValues(result.data.map((row) => row.map(one) as typeof row));
  return one(result);
}

let installed = false;

/** Wraps HyperFormula's DATE, DATEVALUE, WORKDAY and WORKDAY.INTL for Excel's calendar in both date systems; once per process. */
export function registerDates1904(): void {
  if (installed) return;
  installed = true;
  const proto = HyperFormula.getFunctionPlugin('DATE')?.prototype as unknown as Record<string, unknown> | undefined;
  if (!proto || typeof proto.date !== 'function') return;

  proto.date = function excelDate(this: DatePlugin, ast: ProcedureAst, state: InterpreterState): unknown {
    return this.runFunction(ast.args, state, this.metadata('DATE'), (isDate1904(this.config) ? date1904 : date1900) as (...args: never[]) => unknown);
  };

  if (typeof proto.datevalue === 'function') {
    const datevalue = proto.datevalue as Method;
    proto.datevalue = function excelDatevalue(this: DatePlugin, ast: ProcedureAst, state: InterpreterState): unknown {
      if (!isDate1904(this.config)) return this.runFunction(ast.args, state, this.metadata('DATEVALUE'), ((text: string) => datevalue1900(this.dateTimeHelper, text)) as (...args: never[]) => unknown);
      const result = datevalue.call(this, ast, state);
      return noSerialOutside(result, Infinity, () => new CellError(ErrorType.VALUE, 'DATEVALUE: the date is before 1904-01-01, the first day of the 1904 date system.'));
    };
  }

  // WORKDAY and WORKDAY.INTL both count in workdaycore (start, days, weekend, holidays).
  if (typeof proto.workdaycore === 'function') {
    const core = proto.workdaycore as (this: unknown, ...args: unknown[]) => unknown;
    proto.workdaycore = function excelWorkday(this: DatePlugin, ...args: unknown[]): unknown {
      const in1904 = isDate1904(this.config);
      // A start date after 9999-12-31 is no date either: #NUM!, as HyperFormula already gives for
      // one before the first day (WORKDAY(-1,1)); counted back it could land on a valid day.
      if (typeof args[0] === 'number' && Math.trunc(args[0]) > (in1904 ? LAST_1904 : LAST_1900)) {
        return new CellError(ErrorType.NUM, in1904 ? 'WORKDAY: the start date is after 9999-12-31, the last day of the 1904 date system.' : "WORKDAY: the start date is after 9999-12-31, the last day of Excel's calendar.");
      }
      const result = core.apply(this, args);
      const message = in1904
        ? 'WORKDAY: the resulting workday is outside 1904-01-01 to 9999-12-31, the dates of the 1904 date system.'
        : "WORKDAY: the resulting workday is outside Excel's calendar (1900-01-00 to 9999-12-31).";
      return noSerialOutside(result, in1904 ? LAST_1904 : LAST_1900, () => new CellError(ErrorType.NUM, message));
    };
  }
}
