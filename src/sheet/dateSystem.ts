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
 * returns goes back by 1,462. HyperFormula's own date functions take the system from its
 * `nullDate` and `leapYear1900` settings (src/sheet/workbook.ts).
 */

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

/** xl/workbook.xml says the 1904 date system: `<workbookPr date1904="1"/>` (or "true", xsd:boolean). */
export function date1904OfWorkbookXml(xml: string): boolean {
  const tag = /<(?:[A-Za-z_][\w.-]*:)?workbookPr\b[^>]*>/.exec(xml)?.[0];
  if (!tag) return false;
  const value = /\bdate1904\s*=\s*["']\s*([^"']*)\s*["']/.exec(tag)?.[1];
  return value === '1' || value === 'true';
}

/** A CYBER function's parameter as far as its dates go (src/engine/specs.ts ParamSpec). */
interface DateBearingParam {
  readonly kind: string;
  readonly columns?: ReadonlyArray<{ readonly kind: string }>;
}

/**
 * The CYBER functions' arguments from a 1904 workbook → the 1900 serials the engine counts in
 * (src/engine/calendar.ts): a number given for a date parameter, and the numbers in a table's
 * date columns, move by 1,462 days; text, blanks and errors are left for the engine to judge.
 */
export function cyberArgumentsTo1900<T>(params: readonly (DateBearingParam | undefined)[], args: readonly T[]): T[] {
  return args.map((a, i) => {
    const p = params[i];
    if (!p) return a;
    if (p.kind === 'date') return (typeof a === 'number' ? a + DATE1904_OFFSET : a) as T;
    const dateColumns = p.kind === 'table' ? (p.columns ?? []).map((c) => c.kind === 'date') : [];
    if (!dateColumns.includes(true) || !Array.isArray(a)) return a;
    return (a as unknown[]).map((row) =>
      Array.isArray(row) ? row.map((v: unknown, c: number) => (dateColumns[c] && typeof v === 'number' ? v + DATE1904_OFFSET : v)) : row,
    ) as T;
  });
}
