/**
 * A1 addresses as the gateway speaks them: "B4", "Claim!B4:C9", "'My sheet'!B4". Pure helpers
 * shared by the Excel gateway, the pane's features and the test fake.
 */

export interface SplitAddress {
  /** The sheet name without quotes, or undefined for an address on the active sheet. */
  readonly sheet?: string;
  /** The range part, e.g. "B4:C9" (dollar signs removed, upper case). */
  readonly range: string;
}

/** Splits "'My sheet'!$B$4" into { sheet: "My sheet", range: "B4" }. */
export function splitAddress(address: string): SplitAddress {
  const text = address.trim();
  const bang = text.lastIndexOf('!');
  const range = (bang < 0 ? text : text.slice(bang + 1)).replace(/\$/g, '').toUpperCase();
  if (bang < 0) return { range };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range };
}

/** A sheet name as it must be written before "!" (quoted unless it is a plain word). */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** "Claim", "B4" → "Claim!B4"; an address that already names its sheet is kept as it is. */
export function qualify(address: string, sheet: string): string {
  const split = splitAddress(address);
  return sheetPrefix(split.sheet ?? sheet) + split.range;
}

/** 1 → "A", 27 → "AA". */
export function columnLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface CellPosition {
  /** 1-based row. */
  readonly row: number;
  /** 1-based column. */
  readonly col: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/;

/** "B4" → { row: 4, col: 2 }, or undefined when it is not a single cell address. */
export function parseCell(cell: string): CellPosition | undefined {
  const m = CELL.exec(cell.trim());
  if (!m) return undefined;
  const row = Number(m[2]);
  return row >= 1 ? { row, col: columnNumber(m[1]) } : undefined;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export interface RangePosition {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "B4:C9" (or "B4") → its corners, or undefined. */
export function parseRange(range: string): RangePosition | undefined {
  const [a, b, extra] = range.split(':');
  if (extra !== undefined) return undefined;
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** True for "B4", "$B$4", "Claim!B4", "'My sheet'!B4:C9". */
export function isSingleCell(address: string): boolean {
  const r = parseRange(splitAddress(address).range);
  return r !== undefined && r.top === r.bottom && r.left === r.right;
}
