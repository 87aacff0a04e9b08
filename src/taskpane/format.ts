/** How the pane prints values: exact decimals grouped by thousands, errors by code. Pure. */
import type { RawArgument } from '../engine';
import type { CellValue } from './gateway';
import { UI_TEXT, type Language } from './i18n';

/** "1234567.125" → "1,234,567.125" (the digits are kept exactly as the engine gave them). */
export function groupDigits(decimal: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(decimal);
  if (!m) return decimal;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

function scalarText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '∅';
  if (typeof v === 'number') return groupDigits(String(v));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string') return (v as { error: string }).error;
  return String(v);
}

/** A cell value, an argument or a spilled array, shortened for one line. */
export function formatValue(v: CellValue | CellValue[][] | RawArgument | undefined): string {
  if (Array.isArray(v)) {
    const rows = v as ReadonlyArray<ReadonlyArray<unknown>>;
    const cols = rows[0]?.length ?? 0;
    const shown = rows.slice(0, 3).map((r) => r.slice(0, 5).map(scalarText).join('; ') + (r.length > 5 ? '; …' : ''));
    return `${rows.length}×${cols} [${shown.join(' | ')}${rows.length > 3 ? ' | …' : ''}]`;
  }
  return scalarText(v);
}

/** A trace value: an exact decimal string, a boolean or text. */
export function formatTraceValue(v: string | boolean): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return groupDigits(v);
}

export function formatAmount(n: number | null, language: Language): string {
  if (n === null) return UI_TEXT[language].noLimit;
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** The message to show for an error value when the engine has none for it. */
export function errorMessage(code: string, message: string | undefined, language: Language): string {
  if (message && message !== code) return message;
  return UI_TEXT[language].errorMessages[code.toUpperCase()] ?? UI_TEXT[language].unknownError;
}
