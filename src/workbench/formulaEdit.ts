/**
 * Text of a formula being typed, as Excel's point mode reads it: where a reference may be
 * inserted, the reference at the caret (for F4 and for moving a pointed reference), the function
 * call the caret is in (for the argument hint) and the name being typed (for autocomplete).
 * Pure string work, no DOM: the grid's editor and the formula bar share it.
 */
import { quoteSheet } from './address';
import { columnLetters } from '../sheet/formula';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface GridRange {
  readonly start: { readonly row: number; readonly col: number };
  readonly end: { readonly row: number; readonly col: number };
}

/** Characters after which Excel's point mode takes a click or an arrow key as a reference. */
const POINT_AFTER = new Set(['=', '(', ',', ';', '+', '-', '*', '/', '^', '&', '<', '>', ':', '%']);

/** True when the caret is inside a "string literal" of the formula. */
function inString(text: string, caret: number): boolean {
  let open = false;
  for (let i = 0; i < caret && i < text.length; i++) if (text[i] === '"') open = !open;
  return open;
}

/** A formula is being typed and the caret stands where a reference can go (after "=", "(", ",", an operator). */
export function isPointable(text: string, caret: number): boolean {
  if (!text.startsWith('=') || inString(text, caret)) return false;
  let i = caret - 1;
  while (i >= 0 && text[i] === ' ') i--;
  return i >= 0 && POINT_AFTER.has(text[i]);
}

/** "B4" or "B4:C9" for a range of the grid (0-based), sheet-qualified when it is on another sheet than the edited cell. */
export function referenceText(range: GridRange, onSheet: string, editedSheet: string): string {
  const top = Math.min(range.start.row, range.end.row);
  const bottom = Math.max(range.start.row, range.end.row);
  const left = Math.min(range.start.col, range.end.col);
  const right = Math.max(range.start.col, range.end.col);
  const cell = (r: number, c: number) => `${columnLetters(c + 1)}${r + 1}`;
  const body = top === bottom && left === right ? cell(top, left) : `${cell(top, left)}:${cell(bottom, right)}`;
  return onSheet.toLowerCase() === editedSheet.toLowerCase() ? body : `${quoteSheet(onSheet)}!${body}`;
}

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const REFERENCE = new RegExp(String.raw`(?:'(?:[^']|'')+'!|[A-Za-z_][A-Za-z0-9_.]*!)?${CELL}(?::${CELL})?`, 'g');

/** The reference the caret is in or just after (its span in the text), if any. */
export function referenceAt(text: string, caret: number): Span | undefined {
  if (!text.startsWith('=')) return undefined;
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = start > 0 ? text[start - 1] : '';
    const after = text[end] ?? '';
    // A name such as LOG10 or CYBER.X1 is not a reference; neither is a function call A1(.
    const partOfName = /[A-Za-z0-9_.]/.test(before) || /[A-Za-z0-9_(]/.test(after);
    if (!partOfName && !inString(text, start) && start <= caret && caret <= end) return { start, end };
  }
  return undefined;
}

/** A1 → $A$1 → A$1 → $A1 → A1, for one cell reference. */
function cycleCell(cell: string, state: number): string {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell);
  if (!m) return cell;
  const [, c, r] = m;
  return [`$${c}$${r}`, `${c}$${r}`, `$${c}${r}`, `${c}${r}`][state];
}

/** Which of the four forms a cell reference has: 0 relative, 1 $A$1, 2 A$1, 3 $A1. */
function stateOf(cell: string): number {
  const col = cell.startsWith('$');
  const row = /[A-Za-z]\$\d/.test(cell);
  if (col && row) return 1;
  if (row) return 2;
  if (col) return 3;
  return 0;
}

/** F4: the reference at the caret takes the next of Excel's four forms; returns the new text and caret. */
export function cycleReference(text: string, caret: number): { text: string; caret: number } | undefined {
  const span = referenceAt(text, caret);
  if (!span) return undefined;
  const ref = text.slice(span.start, span.end);
  const bang = ref.lastIndexOf('!');
  const prefix = bang >= 0 ? ref.slice(0, bang + 1) : '';
  const cells = ref.slice(prefix.length).split(':');
  const next = stateOf(cells[0]) % 4; // 0→$A$1 (index 0), 1→A$1, 2→$A1, 3→A1
  const replaced = prefix + cells.map((c) => cycleCell(c, next)).join(':');
  return { text: text.slice(0, span.start) + replaced + text.slice(span.end), caret: span.start + replaced.length };
}

/** Puts `ref` at the caret, or in place of `replace` (the reference pointed at last). */
export function insertAt(text: string, caret: number, ref: string, replace?: Span): { text: string; span: Span } {
  const start = replace ? replace.start : caret;
  const end = replace ? replace.end : caret;
  return { text: text.slice(0, start) + ref + text.slice(end), span: { start, end: start + ref.length } };
}

/**
 * The function name just before the "(" at `open` (spaces between allowed), or "": what
 * /([A-Za-z_][A-Za-z0-9_.]*)\s*$/ finds in text.slice(0, open), read backwards from `open` so a
 * formula nested 100,000 deep costs its length, not its length squared (that took minutes).
 */
function nameBefore(text: string, open: number): string {
  let end = open;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  let start = end;
  while (start > 0 && /[A-Za-z0-9_.]/.test(text[start - 1])) start--;
  for (let p = start; p < end; p++) if (/[A-Za-z_]/.test(text[p])) return text.slice(p, end);
  return '';
}

/** The function call the caret is inside and which of its arguments (0-based) the caret is in. */
export function callAt(text: string, caret: number): { name: string; argument: number } | undefined {
  if (!text.startsWith('=')) return undefined;
  const stack: Array<{ name: string; argument: number }> = [];
  let quoted = false;
  for (let i = 1; i < caret && i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === '(') {
      stack.push({ name: nameBefore(text, i).toUpperCase(), argument: 0 });
    } else if (ch === ')') stack.pop();
    else if ((ch === ',' || ch === ';') && stack.length) stack[stack.length - 1].argument++;
  }
  for (let j = stack.length - 1; j >= 0; j--) if (stack[j].name) return stack[j];
  return undefined;
}

/** The function name being typed at the caret (after "=", "(", "," or an operator), for autocomplete. */
export function namePrefixAt(text: string, caret: number): Span | undefined {
  if (!text.startsWith('=') || inString(text, caret)) return undefined;
  const before = text.slice(0, caret);
  const m = /([A-Za-z][A-Za-z0-9_.]*)$/.exec(before);
  if (!m) return undefined;
  const start = caret - m[1].length;
  if (!isPointable(text, start)) return undefined;
  // Not when the name is already followed by its "(".
  if (text[caret] === '(') return undefined;
  return { start, end: caret };
}
