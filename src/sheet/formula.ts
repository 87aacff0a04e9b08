/**
 * Formula text as spreadsheet files store it → formula text HyperFormula parses.
 *
 * Files written by Excel (and by other tools) mark functions with storage prefixes that are not
 * part of the name the user typed: `_xlfn.` (functions newer than Excel 2007, e.g.
 * `_xlfn.CONCAT`), `_xlws.` (worksheet-only functions, `_xlfn._xlws.SORT`), `_xludf.` (a function
 * unknown to the writer: how an add-in's `CYBER.LOSTPROFIT` is stored by tools that do not have
 * the add-in), `_xlpm.` (LET/LAMBDA parameter names) and `_xldudf_` (an Office add-in function
 * whose add-in was not loaded: `_xldudf_CYBER_LOSTPROFIT`, the namespace's dot written as `_`).
 * {@link normalizeFormula} removes them, and writes the constants TRUE and FALSE as the
 * functions TRUE() and FALSE() (HyperFormula has no literal for them: =IF(A1, TRUE, FALSE) would
 * otherwise be #NAME?). The CLI's xlsx reader also uses {@link shiftFormula} to expand Excel's
 * shared formulas.
 *
 * Both work on a small tokenizer, so text inside string literals ("_xlfn.") and quoted sheet
 * names ('Q1 2024'!A1) is never touched.
 */
import { type FormulaContext, mayHaveReferenceOperators, type RefToken, resolveReferenceOperators, useTokenizer } from './referenceOperators';
import { columnLetters, columnNumber } from './a1';

export type { FormulaContext } from './referenceOperators';

/** A piece of formula text: a word (name, reference, number), a quoted part, or one character. */
type Token = RefToken;

const WORD_CHAR = /[\p{L}\p{N}_.$\\]/u;

export function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '"' || c === "'") {
      // A string literal ("...") or a quoted sheet name ('...'); the quote doubles to escape itself.
      let j = i + 1;
      while (j < body.length) {
        if (body[j] === c) {
          if (body[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      tokens.push({ kind: c === '"' ? 'string' : 'quoted', text: body.slice(i, j + 1) });
      i = j + 1;
    } else if (WORD_CHAR.test(c)) {
      let j = i + 1;
      while (j < body.length && WORD_CHAR.test(body[j])) j++;
      tokens.push({ kind: 'word', text: body.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: 'other', text: c });
      i++;
    }
  }
  return tokens;
}

useTokenizer(tokenize);

function nextNonSpace(tokens: readonly Token[], i: number): Token | undefined {
  for (let k = i + 1; k < tokens.length; k++) if (!/^\s$/.test(tokens[k].text)) return tokens[k];
  return undefined;
}

const STORAGE_PREFIXES = ['_xlfn.', '_xlws.', '_xludf.', '_xlpm.'];
const ADDIN_PREFIX = '_xldudf_';

/** One word without its storage prefixes (`_xlfn._xlws.SORT` → `SORT`). */
function stripPrefixes(word: string): string {
  let w = word;
  for (;;) {
    const lower = w.toLowerCase();
    const prefix = STORAGE_PREFIXES.find((p) => lower.startsWith(p));
    if (prefix) {
      w = w.slice(prefix.length);
      continue;
    }
    if (lower.startsWith(ADDIN_PREFIX)) {
      // `_xldudf_CYBER_LOSTPROFIT`: Office stores an add-in function NAMESPACE.NAME with the dot
      // turned into an underscore. Our namespace has no underscore, so the first one is the dot.
      const rest = w.slice(ADDIN_PREFIX.length);
      const cut = rest.indexOf('_');
      w = cut > 0 && !rest.includes('.') ? `${rest.slice(0, cut)}.${rest.slice(cut + 1)}` : rest;
      continue;
    }
    return w;
  }
}

/**
 * `=` + the formula with every storage prefix removed, and the logical constants TRUE and FALSE
 * written as HyperFormula reads them (TRUE(), FALSE(): it has no literal for them). Accepts the
 * text with or without its leading `=` (files store it without).
 */
export function normalizeFormula(formula: string, context?: FormulaContext): string {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  const tokens = tokenize(body);
  let arrayArguments = false;
  const mapped: string[] = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'word') {
      const word = stripPrefixes(t.text);
      mapped[i] = mapWord(tokens, i, word);
      if (!arrayArguments && /^SUMPRODUCT$/i.test(word) && nextNonSpace(tokens, i)?.text === '(') arrayArguments = true;
    } else if (t.kind === 'string') mapped[i] = stringLiteral(t.text);
    else if (t.kind === 'other' && t.text === '#') mapped[i] = errorLiteral(tokens, i, mapped);
    else mapped[i] = t.text;
  }
  const joined = invokedLambdas(mapped.join(''));
  // Tokenized again only when an operator HyperFormula lacks may be there (a space, a second colon …).
  const text = mayHaveReferenceOperators(tokens) ? resolveReferenceOperators(tokenize(joined), context) : joined;
  const rewritten = dynamicOffsets(text);
  if (rewritten !== text) return normalizeTail(rewritten, arrayArguments);
  return normalizeTail(text, arrayArguments);
}

/** One word of a formula (its storage prefixes removed) as HyperFormula reads it. */
function mapWord(tokens: readonly Token[], i: number, word: string): string {
  const first = word.charCodeAt(0);
  if (first === 84 || first === 116 || first === 70 || first === 102) {
    // T, t, F, f: the logical constants TRUE and FALSE as the functions TRUE() and FALSE().
    if (/^(TRUE|FALSE)$/i.test(word)) {
      const next = nextNonSpace(tokens, i)?.text;
      if (next !== '(' && next !== '!') return `${word.toUpperCase()}()`;
    }
    return word;
  }
  if ((first >= 48 && first <= 57) || first === 46) {
    // Scientific notation: HyperFormula's lexer reads only a lower-case e (=9E+15, =2.5E-3, =1E5).
    if (/^(\d+\.?\d*|\.\d+)E$/i.test(word) && (tokens[i + 1]?.text === '+' || tokens[i + 1]?.text === '-') && /^\d/.test(tokens[i + 2]?.text ?? '')) {
      return word.toLowerCase();
    }
    if (/^(\d+\.?\d*|\.\d+)E\d+$/i.test(word)) return word.toLowerCase();
  }
  return word;
}

/** The arguments of the call whose '(' is at `open` (texts, trimmed) and the index of its ')'; undefined when unclosed. */
function callArguments(tokens: readonly Token[], open: number): { args: string[]; close: number } | undefined {
  const args: string[] = [''];
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k];
    const x = t.kind === 'other' ? t.text : '';
    if (x === '(' || x === '{') depth++;
    if (x === ')' || x === '}') depth--;
    if (depth === 0) return { args: args.map((a) => a.trim()), close: k };
    if (depth === 1 && x === ',') args.push('');
    else if (!(depth === 1 && k === open)) args[args.length - 1] += t.text;
  }
  return undefined;
}

/**
 * A LAMBDA called where it is written, `LAMBDA(x, y, x+y)(1, 2)` ("Create custom, reusable
 * functions with LAMBDA": "=LAMBDA(x, x+1)(1)"), as the LET it amounts to, LET(x, 1, y, 2, x+y):
 * HyperFormula's grammar has no call of a call. LAMBDA(body)() is (body).
 */
function invokedLambdas(text: string): string {
  if (!/LAMBDA/i.test(text)) return text;
  const tokens = tokenize(text);
  const out = tokens.map((t) => t.text);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'word' || !/^LAMBDA$/i.test(tokens[i].text) || tokens[i + 1]?.text !== '(') continue;
    const lambda = callArguments(tokens, i + 1);
    if (!lambda || tokens[lambda.close + 1]?.text !== '(') continue;
    const call = callArguments(tokens, lambda.close + 1);
    if (!call) continue;
    const params = lambda.args.slice(0, -1);
    const values = call.args.length === 1 && call.args[0] === '' ? [] : call.args;
    if (params.length !== values.length || lambda.args[lambda.args.length - 1] === '') continue;
    const body = lambda.args[lambda.args.length - 1];
    const inner = invokedLambdas(body);
    out[i] = params.length === 0 ? `(${inner})` : `LET(${params.map((p, k) => `${p},${values[k]}`).join(',')},${inner})`;
    for (let k = i + 1; k <= call.close; k++) out[k] = '';
    i = call.close;
  }
  return out.join('');
}

/**
 * A string literal as HyperFormula reads it. In Excel "a quotation mark inside a text string is
 * written as two quotation marks" ("""" is one "); HyperFormula's lexer ends the string at the
 * first one, so a literal holding one is written as its pieces joined by CHAR(34) (the same
 * character in every character set).
 */
function stringLiteral(text: string): string {
  const inner = text.slice(1, text.endsWith('"') && text.length > 1 ? -1 : undefined);
  if (!inner.includes('""')) return text;
  return `(${inner
    .split('""')
    .map((p) => `"${p}"`)
    .join('&CHAR(34)&')})`;
}

/** Excel's error values HyperFormula has no literal for: held as XLERROR (src/sheet/excelFunctions.ts). */
const UNKNOWN_ERROR_LITERALS: ReadonlyArray<readonly [string, boolean]> = [
  ['NULL', true],
  ['CALC', true],
  ['GETTING_DATA', false],
];

/**
 * `#` starting an error literal: #NULL!, #CALC! and #GETTING_DATA (no literal in HyperFormula)
 * → XLERROR("#NULL!") — an expression, also inside an array constant ({1,#NULL!}); the tokens it
 * spans are blanked here. A reference to a deleted cell of another sheet (Sheet2!#REF!, as Excel
 * writes it) is #REF! itself.
 */
function errorLiteral(tokens: Token[], i: number, out: string[]): string {
  const word = tokens[i + 1];
  if (word?.kind !== 'word') return '#';
  const upper = word.text.toUpperCase();
  if (upper === 'REF' && tokens[i + 2]?.text === '!' && tokens[i - 1]?.text === '!' && (tokens[i - 2]?.kind === 'word' || tokens[i - 2]?.kind === 'quoted')) {
    // Sheet!#REF! → #REF!: the sheet and its '!' (already written) are dropped.
    out[i - 2] = '';
    out[i - 1] = '';
    return '#';
  }
  const known = UNKNOWN_ERROR_LITERALS.find(([name]) => name === upper);
  if (!known) return '#';
  const bang = known[1];
  if (bang && tokens[i + 2]?.text !== '!') return '#';
  tokens[i + 1] = { kind: 'other', text: '' };
  if (bang) tokens[i + 2] = { kind: 'other', text: '' };
  return `XLERROR("#${upper}${bang ? '!' : ''}")`;
}

function normalizeTail(text: string, arrayArguments: boolean): string {
  // Excel evaluates SUMPRODUCT's arguments as arrays (=SUMPRODUCT((A1:A9>0)*B1:B9)); HyperFormula
  // does so inside ARRAYFORMULA only, and otherwise reduces the comparison to one cell.
  if (arrayArguments && !/^\s*ARRAYFORMULA\s*\(/i.test(text)) return `=ARRAYFORMULA(${text})`;
  return `=${text}`;
}

/**
 * OFFSET with an offset or size that is not a number written in the formula (=OFFSET(A1,B1,0)),
 * or over a range (=SUM(OFFSET(A1:B1,1,0)))
 * → XLOFFSET (src/sheet/excelFunctions.ts): HyperFormula resolves OFFSET while parsing and
 * refuses any other argument. Constant OFFSETs stay HyperFormula's (a plain reference, tracked).
 */
function dynamicOffsets(text: string): string {
  if (!/OFFSET/i.test(text)) return text;
  const tokens = tokenize(text);
  const out = tokens.map((t) => t.text);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'word' || !/^OFFSET$/i.test(tokens[i].text) || tokens[i + 1]?.text !== '(') continue;
    // The arguments at depth 1 of this call.
    const args: string[] = [''];
    let depth = 0;
    for (let k = i + 1; k < tokens.length; k++) {
      const x = tokens[k].text;
      if (x === '(' || x === '{') depth++;
      if (x === ')' || x === '}') depth--;
      if (depth === 0) break;
      if (depth === 1 && x === ',' && tokens[k].kind === 'other') args.push('');
      else if (!(depth === 1 && x === '(' && k === i + 1)) args[args.length - 1] += x;
    }
    // HyperFormula's OFFSET also takes only one cell as its reference.
    const constant = !args[0].includes(':') && args.slice(1).every((a) => /^\s*[-+]?\d*\.?\d*\s*$/.test(a));
    if (!constant) out[i] = 'XLOFFSET';
  }
  return out.join('');
}

/**
 * The formula with workbook names renamed (`renames` by upper-case name): a defined name that
 * HyperFormula refuses because it reads like a cell address (Liste2) is held under another name,
 * and the formulas using it are rewritten. Function names, sheet names and text are untouched.
 */
export function renameNames(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  const hasEquals = formula.startsWith('=');
  const tokens = tokenize(hasEquals ? formula.slice(1) : formula);
  const out = tokens.map((t, i) => {
    if (t.kind !== 'word') return t.text;
    const renamed = renames.get(t.text.toUpperCase());
    if (renamed === undefined) return t.text;
    const next = nextNonSpace(tokens, i)?.text;
    if (next === '(' || next === '!' || tokens[i - 1]?.text === '!') return t.text;
    return renamed;
  });
  return (hasEquals ? '=' : '') + out.join('');
}

/**
 * A formula entered as an array formula (Excel's Ctrl+Shift+Enter, or a dynamic-array formula
 * that spilled, both stored with t="array"): evaluated element-wise, as HyperFormula's
 * ARRAYFORMULA does.
 */
export function arrayFormula(formula: string): string {
  const normalized = normalizeFormula(formula);
  return /^=\s*ARRAYFORMULA\s*\(/i.test(normalized) ? normalized : `=ARRAYFORMULA(${normalized.slice(1)})`;
}

// ---- references --------------------------------------------------------------------------------

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384; // XFD

export { columnLetters, columnNumber };

/** "C21" for row 21, column 3 (both 1-based). */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Parses "B7" / "$B$7" into 1-based row and column; undefined when it is not an address. */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) return undefined;
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (col > MAX_COLUMNS || row < 1 || row > MAX_ROWS) return undefined;
  return { row, col };
}

const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN_ONLY = /^(\$?)([A-Za-z]{1,3})$/;
const ROW_ONLY = /^(\$?)(\d+)$/;

/**
 * The formula as it reads when copied `rows` down and `cols` right: relative references move,
 * `$`-anchored parts stay (how a shared formula's master is expanded to the other cells of its
 * range). A reference moved off the sheet becomes #REF!, as in Excel.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  const hasEquals = formula.startsWith('=');
  const tokens = tokenize(hasEquals ? formula.slice(1) : formula);
  const out: string[] = tokens.map((t) => t.text);
  const shiftCol = (dollar: string, letters: string): string | undefined => {
    if (dollar) return `$${letters}`;
    const n = columnNumber(letters) + cols;
    return n < 1 || n > MAX_COLUMNS ? undefined : columnLetters(n);
  };
  const shiftRow = (dollar: string, digits: string): string | undefined => {
    if (dollar) return `$${digits}`;
    const n = Number(digits) + rows;
    return n < 1 || n > MAX_ROWS ? undefined : String(n);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const next = nextNonSpace(tokens, i);
    if (next?.text === '(' || next?.text === '!') continue; // a function or a sheet name
    const cell = CELL_REF.exec(t.text);
    if (cell && parseAddress(t.text)) {
      const c = shiftCol(cell[1], cell[2].toUpperCase());
      const r = shiftRow(cell[3], cell[4]);
      out[i] = c === undefined || r === undefined ? '#REF!' : `${c}${r}`;
      continue;
    }
    // Whole columns (A:C) and whole rows (1:3): both ends of the colon move together.
    const colon = tokens[i + 1]?.text === ':' ? tokens[i + 2] : undefined;
    if (colon?.kind === 'word') {
      const a = COLUMN_ONLY.exec(t.text);
      const b = COLUMN_ONLY.exec(colon.text);
      const ra = ROW_ONLY.exec(t.text);
      const rb = ROW_ONLY.exec(colon.text);
      let first: string | undefined;
      let second: string | undefined;
      if (a && b) {
        first = shiftCol(a[1], a[2].toUpperCase());
        second = shiftCol(b[1], b[2].toUpperCase());
      } else if (ra && rb) {
        first = shiftRow(ra[1], ra[2]);
        second = shiftRow(rb[1], rb[2]);
      } else continue;
      out[i] = first === undefined || second === undefined ? '#REF!' : first;
      out[i + 2] = first === undefined || second === undefined ? '' : second;
      if (first === undefined || second === undefined) out[i + 1] = '';
      i += 2;
    }
  }
  return (hasEquals ? '=' : '') + out.join('');
}
