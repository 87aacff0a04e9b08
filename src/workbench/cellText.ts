/**
 * Text in the grid: a value shown through its Excel number format (numfmt, MIT, follows
 * ECMA-376 as Excel does), what the editor shows for an input, and what typed text means.
 */
import DecimalJs from 'decimal.js';
import { format as formatNumber, isDateFormat as isDateCode } from 'numfmt';
import type { CellInput, CellValue } from '../taskpane/gateway';
import { afterLastDate, DATE1904_OFFSET, dateShown, NEGATIVE_DATE_1900, POUND_SIGNS } from '../sheet/dateSystem';
import { numberSection } from '../sheet/textFormat';
import { isFormula } from './model';

/**
 * The open workbook's date system (src/sheet/dateSystem.ts), set by the model when a workbook in
 * Excel's 1904 date system is opened: its serials are shown, edited and typed as that system's
 * dates (numfmt counts in 1900 only, so a 1904 date is shown as the 1900 serial of the same date).
 */
let date1904 = false;

export function setCellTextDateSystem(on: boolean): void {
  date1904 = on;
}

/** A calendar date format (not an elapsed time such as [h]:mm, the same in both systems). */
function shownAsDate(numberFormat: string | undefined): boolean {
  return isDateFormat(numberFormat) && !/\[(h+|m+|s+)\]/i.test(numberFormat ?? '');
}

/**
 * The value as the grid shows it: numbers through the cell's format (General when none). A
 * negative number through a date or time format is no date (src/sheet/dateSystem.ts dateShown):
 * in a 1900 workbook the pound signs Excel shows (Microsoft KB 182247, "Negative Date/Time Value
 * Displayed as Pound Signs": the 1900 date system, a negative value, a cell formatted as a date or
 * a time — elapsed times such as [h]:mm too), where numfmt would write a day of 1899; in a 1904
 * workbook (KB 182247's resolution) a minus sign before the value formatted without its sign:
 * −1 as yyyy-mm-dd is "-1904-01-02", −0.5 as hh:mm is "-12:00", never a day of 1900–1903. A
 * number after 9999-12-31 through a date or time format shows pound signs in either system, as
 * Excel shows it (src/sheet/dateSystem.ts POUND_SIGNS: the last date is 9999-12-31), where numfmt
 * wrote "10000-01-01".
 */
export function displayText(value: CellValue, numberFormat?: string): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    try {
      // The rules are the section's that formats this value (Excel picks it by the value's sign:
      // `d-mmm;0` shows −1 as "1", `0;yyyy` shows 3000000 as a number); a code with conditions
      // ([<0]…) is judged whole.
      const section = numberFormat === undefined ? undefined : (numberSection(numberFormat, value) ?? numberFormat);
      if (afterLastDate(value, date1904) && isDateFormat(section)) return POUND_SIGNS;
      if (date1904 && section && shownAsDate(section)) return dateShown(value, true, (serial) => formatNumber(section, serial));
      if (!date1904 && value < 0 && isDateFormat(section)) return NEGATIVE_DATE_1900;
      return formatNumber(numberFormat || 'General', value);
    } catch {
      return formatNumber('General', value);
    }
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  return value.error;
}

function isDateFormat(numberFormat?: string): boolean {
  try {
    return numberFormat !== undefined && isDateCode(numberFormat);
  } catch {
    return false;
  }
}

/** What the editor and the formula bar show for an input (typing it back gives the same input). */
export function editText(input: CellInput, numberFormat?: string): string {
  if (input === null) return '';
  if (isFormula(input)) return input.formula;
  if (typeof input === 'boolean') return input ? 'TRUE' : 'FALSE';
  if (typeof input === 'number') {
    // A date after 9999-12-31 is edited as its number, as Excel's formula bar shows it ("10000-01-01" would be typed back as text).
    if (date1904 && shownAsDate(numberFormat) && Number.isInteger(input) && input >= 0 && !afterLastDate(input, true)) return formatNumber('yyyy-mm-dd', input + DATE1904_OFFSET);
    if (!date1904 && isDateFormat(numberFormat) && Number.isInteger(input) && input > 60 && !afterLastDate(input, false)) return formatNumber('yyyy-mm-dd', input);
    return String(input);
  }
  // Text that would be read as something else keeps Excel's leading apostrophe.
  const parsed = parseTyped(input);
  return parsed.input === input ? input : `'${input}`;
}

export interface Typed {
  readonly input: CellInput;
  /** A format the typing implies when the cell has none ("12%" → 0%, "2024-01-15" → yyyy-mm-dd). */
  readonly numberFormat?: string;
  /**
   * Why typed text that looks like a number was kept as text (a number no double can hold,
   * e.g. 1e400: never Infinity in a cell or a saved file). For the workbench to show.
   */
  readonly warning?: { readonly en: string; readonly zh: string };
}

/** Digits with an optional exponent in either case ("1E5", "1.5e+6", ".5", "7."). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/** Thousands separators, Excel's way: groups of three, optional decimals ("1,234,567.5"). */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^(.*?)\s*%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * Typed digits are read exactly (decimal.js keeps every digit it is given) and become a double
 * once, at the end, so the cell holds the nearest double of what was typed: "14.3%" is 0.143,
 * not 14.3 / 100 = 0.14300000000000002. A private clone, wide enough that dividing a typed
 * number by 100 is exact; its exponent range is decimal.js's widest so that 1e400 stays a
 * finite decimal here and is refused when it has to become a double.
 */
const Exact = DecimalJs.clone({ precision: 1000, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });

const TOO_LARGE = {
  en: 'This number is beyond what a spreadsheet cell can hold (about ±1.8E+308); it was kept as text.',
  zh: '此数值超出单元格可容纳的范围（约 ±1.8E+308），已按文本保存。',
};

/** The nearest double of the decimal `digits` (NUMBER or GROUPED syntax) ÷ 100 for a percentage; undefined when none is finite. */
function nearestDouble(digits: string, percent: boolean): number | undefined {
  const plain = digits.replace(/,/g, '');
  // Without the division, JavaScript's own reading of decimal text is already the one correctly
  // rounded conversion (and the fast path for pasting many numbers).
  const n = percent ? new Exact(plain).div(100).toNumber() : Number(plain);
  if (!Number.isFinite(n)) return undefined;
  return n === 0 ? 0 : n; // "-0" is 0, as in Excel
}

/** Typed text → an input, as Excel reads what is typed into a cell. */
export function parseTyped(text: string): Typed {
  const t = text.trim();
  if (t === '') return { input: null };
  if (text.startsWith("'")) return { input: text.slice(1) };
  if (t.startsWith('=') && t.length > 1) return { input: { formula: t } };
  if (/^(TRUE|FALSE)$/i.test(t)) return { input: t.toUpperCase() === 'TRUE' };
  const pct = PERCENT.exec(t);
  const body = pct ? pct[1] : t;
  const plain = NUMBER.test(body);
  const grouped = !plain && GROUPED.test(body);
  if (plain || grouped) {
    const n = nearestDouble(body, pct !== null);
    if (n === undefined) return { input: text, warning: TOO_LARGE };
    const decimals = body.includes('.');
    if (pct) return { input: n, numberFormat: decimals ? '0.00%' : '0%' };
    if (grouped) return { input: n, numberFormat: decimals ? '#,##0.00' : '#,##0' };
    return { input: n };
  }
  const date = ISO_DATE.exec(t);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const ms = Date.UTC(y, m - 1, d);
    const check = new Date(ms);
    if (check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d && y >= (date1904 ? 1904 : 1900)) {
      return { input: ms / 86400000 + 25569 - (date1904 ? DATE1904_OFFSET : 0), numberFormat: 'yyyy-mm-dd' };
    }
  }
  return { input: text };
}

/** Number formats offered in the toolbar. */
export const NUMBER_FORMATS: ReadonlyArray<{ readonly code: string; readonly label: string }> = [
  { code: 'General', label: 'General' },
  { code: '#,##0', label: '1,235' },
  { code: '#,##0.00', label: '1,234.56' },
  { code: '0.00%', label: '12.34%' },
  { code: '0%', label: '12%' },
  { code: 'yyyy-mm-dd', label: '2025-01-15' },
  { code: '0.0000', label: '0.1235' },
];
