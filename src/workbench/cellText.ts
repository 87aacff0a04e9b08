/**
 * Text in the grid: a value shown through its Excel number format (numfmt, MIT, follows
 * ECMA-376 as Excel does), what the editor shows for an input, and what typed text means.
 */
import { format as formatNumber, isDateFormat as isDateCode } from 'numfmt';
import type { CellInput, CellValue } from '../taskpane/gateway';
import { isFormula } from './model';

/** The value as the grid shows it: numbers through the cell's format (General when none). */
export function displayText(value: CellValue, numberFormat?: string): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    try {
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
    if (isDateFormat(numberFormat) && Number.isInteger(input) && input > 60) return formatNumber('yyyy-mm-dd', input);
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
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Typed text → an input, as Excel reads what is typed into a cell. */
export function parseTyped(text: string): Typed {
  const t = text.trim();
  if (t === '') return { input: null };
  if (text.startsWith("'")) return { input: text.slice(1) };
  if (t.startsWith('=') && t.length > 1) return { input: { formula: t } };
  if (/^(TRUE|FALSE)$/i.test(t)) return { input: t.toUpperCase() === 'TRUE' };
  if (NUMBER.test(t)) return { input: Number(t) };
  if (GROUPED.test(t)) return { input: Number(t.replace(/,/g, '')), numberFormat: t.includes('.') ? '#,##0.00' : '#,##0' };
  const pct = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/.exec(t);
  if (pct) return { input: Number(pct[1]) / 100, numberFormat: pct[1].includes('.') ? '0.00%' : '0%' };
  const date = ISO_DATE.exec(t);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const ms = Date.UTC(y, m - 1, d);
    const check = new Date(ms);
    if (check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d && y >= 1900) {
      return { input: ms / 86400000 + 25569, numberFormat: 'yyyy-mm-dd' };
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
