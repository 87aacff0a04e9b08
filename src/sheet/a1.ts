/**
 * A1 column letters ↔ 1-based column numbers, in one leaf module: the formula pre-pass
 * (formula.ts), the reference operators (referenceOperators.ts, which formula.ts imports) and
 * the linked workbooks' cells (externalLinks.ts) all read and write them.
 */

/** Column letters (A, AB, XFD; any case) → 1-based column number. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based column number → letters. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
