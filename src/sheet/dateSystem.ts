/**
 * Excel's two date systems (Microsoft, "Date systems in Excel"): in the 1900 date system serial 1
 * is 1900-01-01 and the fictitious 1900-02-29 is serial 60; in the 1904 date system (a workbook
 * saved with `<workbookPr date1904="1"/>`, Mac Excel's default for years) serial 0 is 1904-01-01,
 * serial 1 is 1904-01-02 and there is no 1900-02-29. "The 1904 date system … the difference
 * between the two date systems is 1,462 days": the same calendar date is 1,462 lower in 1904.
 *
 * Our own date code (DAY, MONTH, YEAR, EDATE, EOMONTH, YEARFRAC, TEXT's date formats, the CYBER
 * functions' dates in src/engine) counts in the 1900 system; for a 1904 workbook each converts
 * at its boundary: a 1904 serial plus 1,462 is the 1900 serial of the same date and time (every
 * 1904 serial from 0 is past 1900-03-01, where the phantom day no longer matters), and a date it
 * returns goes back by 1,462. A 1904 serial below 0 is before 1904-01-01, no date of that
 * system: a CYBER function given one, or whose date result would be one, gives the engine's error
 * for a date out of range (see cyberArgumentsTo1900 and cyberOutcomeIn1904), never a day of
 * 1900–1903. An error that quotes serials states the 1904 range and the serials the workbook's
 * cells hold, not the engine's 1900 ones (cyberOutcomeIn1904). HyperFormula's own date functions take the system from its `nullDate` and
 * `leapYear1900` settings (src/sheet/workbook.ts).
 */

import { formatSerial, LAST_SERIAL } from '../engine/calendar';
import { Dec } from '../engine/decimal';
import { type EngineError, makeError } from '../engine/errors';
import type { Outcome } from '../engine/evaluator';
import { DATE_COLUMN_RULE_1904, MESSAGES, MESSAGES_1904, type MessageKey, type MessageParam, type MessageTemplate } from '../engine/messages';

/** Days between the two systems' serials of one date: 1904-01-01 is 1462 in 1900, 0 in 1904. */
export const DATE1904_OFFSET = 1462;

/** The evaluation context (HyperFormula's config.context) says the workbook uses the 1904 system. */
export function isDate1904(config: unknown): boolean {
  const context = (config as { context?: { date1904?: unknown } } | undefined)?.context;
  return context?.date1904 === true;
}

/** A serial of the workbook's system → the 1900 serial of the same date and time. */
export function to1900(serial: number, date1904: boolean): number {
  return date1904 ? serial + DATE1904_OFFSET : serial;
}

/** A 1900 serial → the workbook's serial of the same date and time. */
export function from1900(serial: number, date1904: boolean): number {
  return date1904 ? serial - DATE1904_OFFSET : serial;
}

/**
 * What Excel shows in a cell formatted as a date or a time whose value is no date it can show:
 * pound signs, five standing here for the cell full of them. A negative value in the 1900 date
 * system (Microsoft KB 182247, "Negative Date/Time Value Displayed as Pound Signs (###)": "Microsoft
 * Excel is set to use the 1900 date system -and- The value in the cell is a negative number (less
 * than zero) -and- The cell is formatted as a date or a time"), and in either system a value after
 * 9999-12-31, the last date (ECMA-376 Part 1, §18.17.4.1 "Date Representation": "The upper-limit
 * is December 31, 9999, which has serial value 2,958,465" in the 1900 system, 2,957,003 in the
 * 1904 one; "A serial value outside of the range for its date base system is ill-formed"; Microsoft
 * KB 210782: Excel "only allows years in the range from 1900 to 9999").
 */
export const POUND_SIGNS = '#####';

/** What Excel shows for a negative date or time in the 1900 system ({@link POUND_SIGNS}). */
export const NEGATIVE_DATE_1900 = POUND_SIGNS;

/** The serial is after 9999-12-31 23:59:59.999 in the workbook's system: no date Excel shows. */
export function afterLastDate(serial: number, date1904: boolean): boolean {
  return to1900(serial, date1904) >= LAST_SERIAL + 1;
}

const DAY_MS = 86400000;

/**
 * A 1900 serial's day as Excel writes it through yyyy-mm-dd, from 0 to 2958465 (9999-12-31). From
 * serial 61 (1900-03-01) the day is the serial's count of days after 1899-12-30. Below it Excel
 * counts from 1900-01-01 (serial 1) and holds the fictitious 1900-02-29 as serial 60 (Microsoft,
 * "Excel incorrectly assumes that the year 1900 is a leap year"; ECMA-376 Part 1, §18.17.4.1:
 * "serial value 59 corresponds to February 28, and serial value 61 corresponds to March 1, …
 * allowing the (non-existent) date February 29 to have the serial value 60"), so serials 1–59 are
 * a day later than that count — 1 is
 * 1900-01-01, never 1899-12-31 — 60 is "1900-02-29" and 0 is "1900-01-00", the texts Excel shows
 * for them through that format (the workbench grid's numfmt writes the same).
 */
export function isoDate1900(serial1900: number): string {
  const day = Math.floor(serial1900);
  if (day === 0) return '1900-01-00';
  if (day === 60) return '1900-02-29';
  return new Date(Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A serial of the workbook's date system as Excel shows it through a date format, `format`
 * writing a 1900 serial from 0 to 9999-12-31 (the one of the same date and time). From 0 the date
 * itself. A negative serial is no date of either system: in the 1900 system the cell shows pound
 * signs ({@link NEGATIVE_DATE_1900}); in the 1904 system — the resolution KB 182247 gives, where the
 * value shows — a minus sign before the date of its magnitude (−1 as yyyy-mm-dd is
 * "-1904-01-02", as the workbench grid shows it, src/workbench/cellText.ts), never a day of
 * 1900–1903 moved by 1,462 days. A serial (or a 1904 magnitude) after 9999-12-31 shows pound signs
 * ({@link POUND_SIGNS}), never a year 10000.
 */
export function dateShown(serial: number, date1904: boolean, format: (serial1900: number) => string): string {
  if (serial < 0) {
    if (!date1904) return NEGATIVE_DATE_1900;
    const magnitude = DATE1904_OFFSET - serial;
    return magnitude >= LAST_SERIAL + 1 ? POUND_SIGNS : `-${format(magnitude)}`;
  }
  return afterLastDate(serial, date1904) ? POUND_SIGNS : format(to1900(serial, date1904));
}

/** xl/workbook.xml says the 1904 date system: `<workbookPr date1904="1"/>` (or "true", xsd:boolean). */
export function date1904OfWorkbookXml(xml: string): boolean {
  const tag = /<(?:[A-Za-z_][\w.-]*:)?workbookPr\b[^>]*>/.exec(xml)?.[0];
  if (!tag) return false;
  const value = /\bdate1904\s*=\s*["']\s*([^"']*)\s*["']/.exec(tag)?.[1];
  return value === '1' || value === 'true';
}

/** A CYBER function's parameter as far as its dates go (src/engine/specs.ts ParamSpec). */
interface DateBearingParam {
  readonly name?: string;
  readonly kind: string;
  readonly label?: { readonly zh: string };
  readonly columns?: ReadonlyArray<{ readonly kind: string; readonly label?: { readonly en: string } }>;
}

/**
 * A number given for a date in a 1904 workbook → the 1900 serial of the same moment. A negative
 * 1904 serial is a moment before 1904-01-01, the first day that system holds (Excel: DATE(1903,12,31)
 * is #NUM! in a 1904 workbook, and such a cell has no date to show): moved by 1,462 days it would
 * become a valid day of 1900–1903 and a CYBER function would return a number. It stays as given,
 * below the engine's first date (61), so the engine rejects it exactly as it rejects a 1900 date
 * out of range — #VALUE! naming the argument, showing the value the cell holds. 0 is 1904-01-01
 * itself (DATE(1904,1,1) is 0 there), a valid date.
 */
function dateTo1900<T>(v: T): T {
  return (typeof v === 'number' && v >= 0 ? v + DATE1904_OFFSET : v) as T;
}

/**
 * The CYBER functions' arguments from a 1904 workbook → the 1900 serials the engine counts in
 * (src/engine/calendar.ts): a number given for a date parameter (also the cell of a 1×1 array,
 * `{43860}`), and the numbers in a table's date columns, move by 1,462 days (a negative one is
 * kept, see {@link dateTo1900}); text, blanks and errors are left for the engine to judge.
 */
export function cyberArgumentsTo1900<T>(params: readonly (DateBearingParam | undefined)[], args: readonly T[]): T[] {
  return args.map((a, i) => {
    const p = params[i];
    if (!p) return a;
    if (p.kind === 'date') {
      if (!Array.isArray(a)) return dateTo1900(a);
      return (a as unknown[]).map((row) => (Array.isArray(row) ? row.map(dateTo1900) : row)) as T;
    }
    const dateColumns = p.kind === 'table' ? (p.columns ?? []).map((c) => c.kind === 'date') : [];
    if (!dateColumns.includes(true) || !Array.isArray(a)) return a;
    return (a as unknown[]).map((row) => (Array.isArray(row) ? row.map((v: unknown, c: number) => (dateColumns[c] ? dateTo1900(v) : v)) : row)) as T;
  });
}

/** A CYBER function as far as its date result goes (src/engine/specs.ts FunctionSpec). */
interface DateResultFunction {
  readonly name: string;
  readonly excelName?: string;
  readonly resultKind: string;
  readonly params: readonly DateBearingParam[];
}

/** What the day outside the 1904 calendar is, in the message (the engine names its own days). */
const RESULTING_DAY = { en: 'The resulting day', zh: '结果日期' };

/**
 * The engine's outcome of a CYBER call from a 1904 workbook (its arguments moved by
 * {@link cyberArgumentsTo1900}, `args1900`) → the outcome for the workbook's cell: a date result
 * goes back 1,462 days to the workbook's serial of the same day. A date result before 1904-01-01
 * (a rule counted back, e.g. CYBER.DEADLINE("samsung.cancel.other", …) 60 days before a date in
 * January–February 1904) is no date the workbook can hold, so it is the error the engine gives
 * for a day outside the calendar a cell can hold (#NUM!, catalogue conventions: "a result that
 * cannot be computed from valid-looking numbers"; as DEADLINE before 1900-03-01 in the 1900
 * system), never a negative serial. An error that quotes serials is worded for the workbook
 * ({@link errorIn1904}); other errors and other results pass unchanged.
 */
export function cyberOutcomeIn1904(fn: DateResultFunction, called: string, args1900: readonly unknown[], outcome: Outcome): Outcome {
  if (!outcome.ok) {
    const error = errorIn1904(fn, called, outcome.error);
    return error === outcome.error ? outcome : { ...outcome, error };
  }
  if (fn.resultKind !== 'date' || typeof outcome.value !== 'number') return outcome;
  if (outcome.value >= DATE1904_OFFSET) {
    const value = from1900(outcome.value, true);
    const exact = typeof outcome.exact === 'string' ? new Dec(outcome.exact).minus(DATE1904_OFFSET).toString() : String(value);
    return { ...outcome, value, exact };
  }
  // The day is counted from the first date argument (DEADLINE's date, NOTICESERVED's sent_date).
  const at = fn.params.findIndex((p, i) => p.kind === 'date' && typeof singleCell(args1900[i]) === 'number');
  const param = at >= 0 ? fn.params[at] : fn.params.find((p) => p.kind === 'date');
  const from = at >= 0 ? (singleCell(args1900[at]) as number) : undefined;
  const argument = param?.name === undefined ? undefined : { name: param.name, zh: param.label?.zh ?? param.name };
  const got = from === undefined ? '' : formatSerial(from);
  const params = { what: RESULTING_DAY, got, result: String(from1900(outcome.value, true)) };
  const error = makeError('dayOutsideCalendar', functionShown(fn, called), argument, params, MESSAGES_1904.dayOutsideCalendar);
  return { ok: false, error, trace: outcome.trace };
}

/** The function as the message names it: as the user wrote it (CYBER.FXRATE in Excel), as the engine does. */
function functionShown(fn: DateResultFunction, called: string): string {
  const shown = called.trim().toUpperCase().replace(/^CYBER\./, '');
  return `CYBER.${fn.excelName !== undefined && shown === fn.excelName ? fn.excelName : fn.name}`;
}

/**
 * The engine's error for a call from a 1904 workbook → the same error (rule, code, argument)
 * worded with the workbook's numbers, from the values its message was made of (`error.data`),
 * never by editing its text: a date argument or a table's date cell out of range states the 1904
 * range, 0 (1904-01-01) to 2957003 (9999-12-31), and the value the cell holds; a day a rule
 * counts to outside the calendar (DEADLINE, NOTICEBY) is the 1904 serial of that day, the range
 * stated in 1904 too (src/engine/messages.ts MESSAGES_1904). The engine, which counts in 1900
 * serials, quoted its own range and the 1900 serial, 1,462 more than the cell's. Other errors
 * are returned as they are.
 */
function errorIn1904(fn: DateResultFunction, called: string, error: EngineError): EngineError {
  const data = error.data;
  if (data === undefined) return error;
  const reworded = (template: MessageTemplate, changed: Readonly<Record<string, MessageParam>>): EngineError => {
    const param = fn.params.find((p) => p.name === error.argument);
    const argument = error.argument === undefined ? undefined : { name: error.argument, zh: param?.label?.zh ?? error.argument };
    return makeError(error.rule as MessageKey, functionShown(fn, called), argument, { ...data, ...changed }, template);
  };
  switch (error.rule) {
    case 'dateOutOfRange':
      return reworded(MESSAGES_1904.dateOutOfRange, { got: cellValueOf(data.got) });
    case 'dayOutsideCalendar':
    case 'noticeAfterCalendar':
      return reworded(MESSAGES_1904[error.rule], { result: serial1904Of(data.result) });
    case 'tableCellRule': {
      // The cell's rule is its column's: only a date column's quotes serials.
      const table = fn.params.find((p) => p.name === error.argument);
      const column = data.column;
      const label = typeof column === 'object' ? column.en : column;
      const isDate = table?.columns?.some((c) => c.kind === 'date' && c.label?.en === label) ?? false;
      return isDate ? reworded(MESSAGES.tableCellRule, { got: cellValueOf(data.got), rule: DATE_COLUMN_RULE_1904 }) : error;
    }
    default:
      return error;
  }
}

/**
 * The value a date cell of the workbook holds, from the engine's message value for it: a number
 * the engine was given is a 1904 serial from 0 moved by 1,462 days ({@link dateTo1900}), 1,462
 * more than the cell's, which this takes back, or a negative one kept as given; a blank, text or
 * truth value is shown as the engine shows it.
 */
function cellValueOf(got: MessageParam | undefined): MessageParam {
  if (got === undefined) return '';
  if (typeof got !== 'string' || got.trim() === '') return got;
  const n = Number(got);
  return Number.isFinite(n) && n >= DATE1904_OFFSET ? String(n - DATE1904_OFFSET) : got;
}

/** A day the engine counted to (a 1900 serial, exact decimal text) → the workbook's serial of that day. */
function serial1904Of(result: MessageParam | undefined): MessageParam {
  if (typeof result !== 'string' && typeof result !== 'number') return result ?? '';
  return new Dec(result).minus(DATE1904_OFFSET).toString();
}

/** The value of a single cell, or of a 1×1 array's cell. */
function singleCell(v: unknown): unknown {
  return Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : v;
}
