/**
 * Reads the CYBER calls of a formula as Excel stores it (en-US: "," between arguments, "." as the
 * decimal point): their names and top-level argument expressions, so the explain and limits
 * views can ask the host for each argument's value and call the engine with them. Pure.
 */

export interface CyberCall {
  /** Catalogue name without the namespace, upper case, e.g. BIPAYOUT. */
  readonly name: string;
  /** Top-level argument expressions, trimmed; "" for an argument left out (=F(a,,c)). */
  readonly args: readonly string[];
  /** The call's text in the formula. */
  readonly text: string;
}

function skipString(formula: string, i: number, quote: string): number {
  // From the opening quote, returns the index after the closing one ("" and '' are escapes).
  let j = i + 1;
  while (j < formula.length) {
    if (formula[j] === quote) {
      if (formula[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

/** Splits the argument list that starts after "(" at `open`; returns the args and the index after ")". */
function readArguments(formula: string, open: number): { args: string[]; end: number } | undefined {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  let i = open + 1;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      i = skipString(formula, i, ch);
      continue;
    }
    if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') {
      if (depth === 0) {
        if (ch === '}') return undefined;
        const last = formula.slice(start, i).trim();
        if (args.length > 0 || last !== '') args.push(last);
        return { args, end: i + 1 };
      }
      depth--;
    } else if (ch === ',' && depth === 0) {
      args.push(formula.slice(start, i).trim());
      start = i + 1;
    }
    i++;
  }
  return undefined;
}

const CYBER_NAME = /^CYBER\.([A-Za-z][A-Za-z0-9_]*)\s*\(/i;

/**
 * The CYBER calls of a formula, outermost first in reading order; a CYBER call nested in another
 * one's argument is part of that argument (its value is asked of the host like any expression).
 */
export function findCyberCalls(formula: string): CyberCall[] {
  const calls: CyberCall[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      i = skipString(formula, i, ch);
      continue;
    }
    const before = i === 0 ? '' : formula[i - 1];
    if ((ch === 'C' || ch === 'c') && !/[A-Za-z0-9_.!$]/.test(before)) {
      const m = CYBER_NAME.exec(formula.slice(i));
      if (m) {
        const open = i + m[0].length - 1;
        const read = readArguments(formula, open);
        if (read) {
          calls.push({ name: m[1].toUpperCase(), args: read.args, text: formula.slice(i, read.end) });
          i = read.end;
          continue;
        }
      }
    }
    i++;
  }
  return calls;
}

export type ArgumentKind =
  | { readonly kind: 'omitted' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'reference'; readonly address: string }
  | { readonly kind: 'expression'; readonly text: string };

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!`;
const CELL_REF = String.raw`\$?[A-Za-z]{1,3}\$?[0-9]+`;
const REFERENCE = new RegExp(`^(?:${SHEET})?${CELL_REF}(?::${CELL_REF})?$`);
const NUMBER = /^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?%?$/;

/** What one argument expression is: a literal the pane reads itself, a reference, or an expression. */
export function classifyArgument(text: string): ArgumentKind {
  const t = text.trim();
  if (t === '') return { kind: 'omitted' };
  if (NUMBER.test(t)) {
    const percent = t.endsWith('%');
    const n = Number(percent ? t.slice(0, -1) : t);
    return { kind: 'number', value: percent ? n / 100 : n };
  }
  if (/^"(?:[^"]|"")*"$/.test(t)) return { kind: 'text', value: t.slice(1, -1).replace(/""/g, '"') };
  if (/^(TRUE|FALSE)$/i.test(t)) return { kind: 'boolean', value: t.toUpperCase() === 'TRUE' };
  if (REFERENCE.test(t)) return { kind: 'reference', address: t };
  return { kind: 'expression', text: t };
}

/**
 * Prefixes every reference without a sheet with `sheet`, so that a formula taken from one sheet
 * evaluates the same on another (the Excel gateway's scratch sheet). Strings, function names,
 * defined names and references that already name a sheet are left alone.
 */
export function qualifyReferences(formula: string, sheet: string): string {
  const prefix = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
  let out = '';
  let i = 0;
  const cellAt = (k: number) => /^\$?[A-Za-z]{1,3}\$?[0-9]+/.exec(formula.slice(k));
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const j = skipString(formula, i, ch);
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: copy it with the reference that follows it.
      const j = skipString(formula, i, ch);
      const ref = formula[j] === '!' ? /^!\$?[A-Za-z]{0,3}\$?[0-9]*(?::\$?[A-Za-z]{0,3}\$?[0-9]*)?/.exec(formula.slice(j)) : null;
      const end = ref ? j + ref[0].length : j;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?|^[0-9]+\.?/.exec(formula.slice(i));
      const len = m ? m[0].length : 1;
      out += formula.slice(i, i + len);
      i += len;
      continue;
    }
    if (/[A-Za-z_$\\]/.test(ch)) {
      const word = /^[A-Za-z0-9_.$\\]+/.exec(formula.slice(i))![0];
      const next = formula[i + word.length];
      if (next === '!' ) {
        // An unquoted sheet name: copy it and its reference.
        const ref = /^!\$?[A-Za-z]{0,3}\$?[0-9]*(?::\$?[A-Za-z]{0,3}\$?[0-9]*)?/.exec(formula.slice(i + word.length))!;
        out += word + ref[0];
        i += word.length + ref[0].length;
        continue;
      }
      const cell = cellAt(i);
      if (cell && cell[0].length === word.length && next !== '(') {
        let ref = word;
        let j = i + word.length;
        if (formula[j] === ':') {
          const second = cellAt(j + 1);
          if (second) {
            ref += ':' + second[0];
            j += 1 + second[0].length;
          }
        }
        out += prefix + ref;
        i = j;
        continue;
      }
      const column = /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_(])/.exec(formula.slice(i));
      if (column) {
        out += prefix + column[0];
        i += column[0].length;
        continue;
      }
      out += word;
      i += word.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
