/**
 * Excel's reference operators, which HyperFormula's parser does not have, resolved in the formula
 * text before HyperFormula reads it (called from normalizeFormula, src/sheet/formula.ts). Microsoft
 * ("Calculation operators and precedence in Excel"):
 *
 * - `:` range operator, "which produces one reference to all the cells between two references,
 *   including the two references": between two ranges or names it is their bounding box
 *   (`C14:E14:G13:I14` = C13:I14, `B2:E5:f` with a name f);
 * - ` ` (a space) intersection operator, "which produces one reference to cells common to the two
 *   references" (`SUM(B2:E5 C3:D4)` = SUM(C3:D4)); no cell in common is #NULL! ("#NULL! occurs
 *   when you specify an intersection of two areas that do not intersect");
 * - `,` union operator, "which combines multiple references into one reference", written in
 *   parentheses where it is a function's argument (`AREAS((B2:D4,E5,F6:I9))`).
 *
 * The operators bind in that order (range, then intersection, then union). Where every operand
 * is a static reference (a cell, a range, a whole column or row, a name standing for such a
 * reference) the result is a list of areas known from the text, written back as what HyperFormula
 * reads: one area as a plain range; several areas as several arguments of a function whose
 * arguments are a list (SUM, COUNT, MAX, …); AREAS(…) as its count; INDEX(union, row, col, k) with
 * a constant k as INDEX of the k-th area; ROWS/COLUMNS/ROW/COLUMN of several areas as #REF!.
 * Anything else (an operand computed by a function, a union where a single range is wanted)
 * becomes #VALUE! with a message saying so in its cell — never a parse error.
 *
 * Only the text given to HyperFormula changes: hosts keep and save the formula as the user wrote it.
 */
import { columnLetters, columnNumber } from './a1';

/** A piece of formula text, as src/sheet/formula.ts tokenizes it. */
export interface RefToken {
  readonly kind: 'word' | 'string' | 'quoted' | 'other';
  readonly text: string;
}

/** Names and the sheet a formula is on: what resolving names and unqualified references needs. */
export interface FormulaContext {
  /** The sheet the formula is on (unqualified references are on it). */
  readonly sheet?: string;
  /**
   * Workbook names by upper-case name → their expression (with or without `=`). Absent: names are
   * unknown, and an operator over a word that may be a name is left for a later pass.
   */
  readonly names?: ReadonlyMap<string, string>;
  /** Write every reference produced with `$` (a name's expression: HyperFormula wants absolute ones). */
  readonly absolute?: boolean;
}

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

interface Area {
  /** The sheet prefix as written (`CORE`, `'Q1 2024'`), undefined when unqualified. */
  readonly prefix?: string;
  /** Upper-case unquoted sheet name; '' for the formula's own sheet when it is not known. */
  readonly sheet: string;
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

/** A parsed reference expression: its areas, or why it has none. */
interface RefValue {
  readonly areas?: readonly Area[];
  /** '#NULL!' (no common cell), '#VALUE!' (not resolvable), with the reason. */
  readonly error?: { readonly code: '#NULL!' | '#VALUE!' | '#REF!'; readonly message: string };
  /** Whether an operator HyperFormula lacks was used (else the text is left as it is). */
  readonly operators: boolean;
  /** Left for a later pass: an operand may be a name, and names are not known here. */
  readonly unknown?: boolean;
  /** Whether every reference in it was written fully absolute. */
  readonly absolute: boolean;
  /** An operand computed when evaluated that the range operator can take (INDEX, OFFSET, INDIRECT). */
  readonly dynamic?: boolean;
  /** A range with computed operands, written as XLRANGE(…) (src/sheet/rangeOperator.ts). */
  readonly computedRange?: string;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

function sheetKey(prefix: string | undefined, context: FormulaContext): string {
  if (prefix === undefined) return (context.sheet ?? '').toUpperCase();
  const bare = prefix.startsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
  return bare.toUpperCase();
}

/** Functions whose arguments are a list of values: a union of areas is the same as those areas as arguments. */
const LIST_FUNCTIONS = new Set([
  'SUM', 'SUMSQ', 'PRODUCT', 'COUNT', 'COUNTA', 'AVERAGE', 'AVERAGEA', 'MAX', 'MAXA', 'MIN', 'MINA',
  'STDEV', 'STDEV.S', 'STDEV.P', 'STDEVA', 'STDEVP', 'STDEVPA', 'VAR', 'VAR.S', 'VAR.P', 'VARA', 'VARP', 'VARPA',
  'MEDIAN', 'MODE', 'MODE.SNGL', 'AVEDEV', 'DEVSQ', 'GEOMEAN', 'HARMEAN', 'KURT', 'SKEW', 'AND', 'OR', 'XOR', 'CONCAT',
]);
/** "Reference cannot refer to multiple areas": ROW, COLUMN, ROWS, COLUMNS of a union are #REF! (as Excel computes them). */
const SINGLE_AREA_FUNCTIONS = new Set(['ROW', 'COLUMN', 'ROWS', 'COLUMNS']);
/** Reference functions whose reference XLRANGE works out when evaluated (src/sheet/rangeOperator.ts). */
const DYNAMIC_RANGE_OPERANDS = new Set(['INDEX', 'OFFSET', 'XLOFFSET', 'INDIRECT']);
/** Functions returning a reference: an operator over one is not known from the text. */
const REFERENCE_RETURNING = new Set(['INDEX', 'OFFSET', 'XLOFFSET', 'INDIRECT', 'CHOOSE', 'IF', 'IFS', 'SWITCH', 'XLOOKUP', 'LET', 'ANCHORARRAY', 'TAKE', 'DROP']);

const isSpace = (t: RefToken | undefined): boolean => t !== undefined && t.kind === 'other' && /^\s$/.test(t.text);

class Parser {
  private depth = 0;

  constructor(
    private readonly tokens: readonly RefToken[],
    private readonly context: FormulaContext,
    private readonly nameDepth: number,
  ) {}

  /** The index of the token closing the parenthesis opened at `open`, or -1. */
  closing(open: number): number {
    let depth = 0;
    for (let k = open; k < this.tokens.length; k++) {
      const x = this.tokens[k];
      if (x.kind !== 'other') continue;
      if (x.text === '(' || x.text === '{') depth++;
      else if (x.text === ')' || x.text === '}') {
        depth--;
        if (depth === 0) return k;
      }
    }
    return -1;
  }

  /** One operand at `i`: [value, index after it], or undefined when no reference starts there. */
  primary(i: number): [RefValue, number] | undefined {
    const t = this.tokens[i];
    if (t === undefined) return undefined;
    if (t.kind === 'other' && t.text === '(') {
      if (++this.depth > 64) return undefined;
      try {
        let k = i + 1;
        while (isSpace(this.tokens[k])) k++;
        const inner = this.union(k);
        if (!inner) return undefined;
        let e = inner[1];
        while (isSpace(this.tokens[e])) e++;
        if (this.tokens[e]?.text !== ')') return undefined;
        return [inner[0], e + 1];
      } finally {
        this.depth--;
      }
    }
    let prefix: string | undefined;
    let k = i;
    if ((t.kind === 'word' || t.kind === 'quoted') && this.tokens[i + 1]?.text === '!') {
      prefix = t.text;
      k = i + 2;
    }
    const w = this.tokens[k];
    if (w === undefined || w.kind !== 'word') return undefined;
    const sheet = sheetKey(prefix, this.context);
    const cell = CELL.exec(w.text);
    const next = this.tokens[k + 1];
    if (cell && next?.text !== '(') {
      const c = columnNumber(cell[2]);
      const r = Number(cell[4]);
      if (c <= MAX_COLUMNS && r >= 1 && r <= MAX_ROWS) {
        let absolute = cell[1] === '$' && cell[3] === '$';
        const area = { prefix, sheet, r1: r, c1: c, r2: r, c2: c };
        // Sheet1!A1:B2 is one range on Sheet1 (its second cell is not on the formula's sheet).
        const end = prefix !== undefined && next?.text === ':' ? CELL.exec(this.tokens[k + 2]?.text ?? '') : null;
        if (end && this.tokens[k + 2]?.kind === 'word' && this.tokens[k + 3]?.text !== '!' && this.tokens[k + 3]?.text !== '(') {
          const c2 = columnNumber(end[2]);
          const r2 = Number(end[4]);
          if (c2 <= MAX_COLUMNS && r2 >= 1 && r2 <= MAX_ROWS) {
            absolute = absolute && end[1] === '$' && end[3] === '$';
            const box = { prefix, sheet, r1: Math.min(r, r2), c1: Math.min(c, c2), r2: Math.max(r, r2), c2: Math.max(c, c2) };
            return [{ areas: [box], operators: false, absolute }, k + 3];
          }
        }
        return [{ areas: [area], operators: false, absolute }, k + 1];
      }
    }
    // Whole columns (A:C) and whole rows (1:3) are one operand.
    const other = next?.text === ':' ? this.tokens[k + 2] : undefined;
    if (other?.kind === 'word') {
      const a = COLUMN.exec(w.text);
      const b = COLUMN.exec(other.text);
      if (a && b) {
        const [c1, c2] = [columnNumber(a[1]), columnNumber(b[1])].sort((x, y) => x - y);
        const abs = w.text.startsWith('$') && other.text.startsWith('$');
        return [{ areas: [{ prefix, sheet, r1: 1, c1, r2: MAX_ROWS, c2 }], operators: false, absolute: abs }, k + 3];
      }
      const ra = ROW.exec(w.text);
      const rb = ROW.exec(other.text);
      if (ra && rb) {
        const [r1, r2] = [Number(ra[1]), Number(rb[1])].sort((x, y) => x - y);
        const abs = w.text.startsWith('$') && other.text.startsWith('$');
        return [{ areas: [{ prefix, sheet, r1, c1: 1, r2, c2: MAX_COLUMNS }], operators: false, absolute: abs }, k + 3];
      }
    }
    if (next?.text === '(') {
      // A function returning a reference: its value is not known from the text.
      if (prefix === undefined && REFERENCE_RETURNING.has(w.text.toUpperCase())) {
        const close = this.closing(k + 1);
        if (close < 0) return undefined;
        const dynamic = DYNAMIC_RANGE_OPERANDS.has(w.text.toUpperCase());
        return [{ error: { code: '#VALUE!', message: `a reference operator over ${w.text.toUpperCase()}(…) is not computed here: only over cells, ranges and names of ranges.` }, operators: false, absolute: false, dynamic }, close + 1];
      }
      return undefined;
    }
    if (prefix !== undefined || /^[\d.]/.test(w.text) || /^(TRUE|FALSE)$/i.test(w.text)) return undefined;
    // A name standing for a reference.
    if (this.context.names === undefined) return [{ operators: false, unknown: true, absolute: false }, k + 1];
    const expression = this.context.names.get(w.text.toUpperCase());
    if (expression === undefined || this.nameDepth > 8) return undefined;
    const value = referenceOf(expression.startsWith('=') ? expression.slice(1) : expression, { ...this.context, sheet: undefined }, this.nameDepth + 1);
    if (!value || value.unknown) return undefined;
    return [{ ...value, operators: false }, k + 1];
  }

  /** primary (':' primary)*: the bounding box of the operands. */
  range(i: number): [RefValue, number] | undefined {
    const first = this.primary(i);
    if (!first) return undefined;
    let [value, k] = first;
    let colons = 0;
    let special = this.tokens[i]?.text === '(' || this.isName(i);
    // Operands computed when evaluated (INDEX, OFFSET, INDIRECT): the range is XLRANGE of the
    // operands' texts (src/sheet/rangeOperator.ts), when every operand is a reference.
    let computed = first[0].dynamic === true;
    let joinable = first[0].dynamic === true || (first[0].areas !== undefined && !first[0].unknown);
    let text = this.text(i, k);
    while (this.tokens[k]?.text === ':') {
      const nextOperand = this.primary(k + 1);
      if (!nextOperand) break;
      colons++;
      if (this.tokens[k + 1]?.text === '(' || this.isName(k + 1)) special = true;
      const operand = nextOperand[0];
      computed = computed || operand.dynamic === true;
      joinable = joinable && (operand.dynamic === true || (operand.areas !== undefined && !operand.unknown));
      text = `XLRANGE(${text},${this.text(k + 1, nextOperand[1])})`;
      value = boundingBox(value, operand);
      k = nextOperand[1];
    }
    if (computed && joinable && colons > 0) return [{ operators: true, absolute: false, computedRange: text }, k];
    if (colons >= 2 || (colons === 1 && special)) value = { ...value, operators: true };
    return [value, k];
  }

  private text(from: number, to: number): string {
    return this.tokens
      .slice(from, to)
      .map((t) => t.text)
      .join('');
  }

  private isName(i: number): boolean {
    const t = this.tokens[i];
    return t?.kind === 'word' && this.tokens[i + 1]?.text !== '!' && this.tokens[i + 1]?.text !== '(' && this.tokens[i - 1]?.text !== '!' && !CELL.test(t.text) && !COLUMN.test(t.text) && !ROW.test(t.text);
  }

  /** range (spaces range)*: the cells in common. */
  intersection(i: number): [RefValue, number] | undefined {
    const first = this.range(i);
    if (!first) return undefined;
    let [value, k] = first;
    for (;;) {
      let s = k;
      while (isSpace(this.tokens[s])) s++;
      if (s === k) break;
      const other = this.range(s);
      if (!other) break;
      value = intersect(value, other[0]);
      k = other[1];
    }
    return [value, k];
  }

  /** intersection (',' intersection)*: all the areas (inside parentheses only). */
  union(i: number): [RefValue, number] | undefined {
    const first = this.intersection(i);
    if (!first) return undefined;
    let [value, k] = first;
    for (;;) {
      let s = k;
      while (isSpace(this.tokens[s])) s++;
      if (this.tokens[s]?.text !== ',') break;
      s++;
      while (isSpace(this.tokens[s])) s++;
      const other = this.intersection(s);
      if (!other) return undefined; // (A1, 2): not a union of references
      value = combine(value, other[0]);
      k = other[1];
    }
    return [value, k];
  }
}

function boundingBox(a: RefValue, b: RefValue): RefValue {
  const absolute = a.absolute && b.absolute;
  if (a.unknown || b.unknown) return { operators: true, unknown: true, absolute };
  if (a.error) return { ...a, operators: true, absolute };
  if (b.error) return { ...b, operators: true, absolute };
  const all = [...(a.areas ?? []), ...(b.areas ?? [])];
  const sheet = all[0]?.sheet;
  if (all.some((x) => x.sheet !== sheet)) return { error: { code: '#VALUE!', message: 'the range operator (:) joins references on different sheets.' }, operators: true, absolute };
  const prefix = all.find((x) => x.prefix !== undefined)?.prefix;
  return {
    areas: [{ prefix, sheet, r1: Math.min(...all.map((x) => x.r1)), c1: Math.min(...all.map((x) => x.c1)), r2: Math.max(...all.map((x) => x.r2)), c2: Math.max(...all.map((x) => x.c2)) }],
    operators: a.operators || b.operators,
    absolute,
  };
}

const COMPUTED: RefValue['error'] = { code: '#VALUE!', message: 'an intersection or union over a range computed by INDEX, OFFSET or INDIRECT is not computed here.' };

function intersect(a: RefValue, b: RefValue): RefValue {
  const absolute = a.absolute && b.absolute;
  if (a.computedRange !== undefined || b.computedRange !== undefined || a.dynamic || b.dynamic) return { error: COMPUTED, operators: true, absolute };
  if (a.unknown || b.unknown) return { operators: true, unknown: true, absolute };
  if (a.error) return { ...a, operators: true, absolute };
  if (b.error) return { ...b, operators: true, absolute };
  const out: Area[] = [];
  for (const x of a.areas ?? []) {
    for (const y of b.areas ?? []) {
      if (x.sheet !== y.sheet) return { error: { code: '#VALUE!', message: 'the intersection operator (a space) joins references on different sheets.' }, operators: true, absolute };
      const r1 = Math.max(x.r1, y.r1);
      const c1 = Math.max(x.c1, y.c1);
      const r2 = Math.min(x.r2, y.r2);
      const c2 = Math.min(x.c2, y.c2);
      if (r1 <= r2 && c1 <= c2) out.push({ prefix: x.prefix ?? y.prefix, sheet: x.sheet, r1, c1, r2, c2 });
    }
  }
  if (out.length === 0) return { error: { code: '#NULL!', message: '#NULL!' }, operators: true, absolute };
  return { areas: out, operators: true, absolute };
}

function combine(a: RefValue, b: RefValue): RefValue {
  const absolute = a.absolute && b.absolute;
  if (a.computedRange !== undefined || b.computedRange !== undefined || a.dynamic || b.dynamic) return { error: COMPUTED, operators: true, absolute };
  if (a.unknown || b.unknown) return { operators: true, unknown: true, absolute };
  if (a.error) return { ...a, operators: true, absolute };
  if (b.error) return { ...b, operators: true, absolute };
  return { areas: [...(a.areas ?? []), ...(b.areas ?? [])], operators: true, absolute };
}

/** A whole text parsed as one reference expression (a name's expression), or undefined. */
function referenceOf(body: string, context: FormulaContext, nameDepth: number): RefValue | undefined {
  const tokens = tokenizeForReferences(body);
  let i = 0;
  while (isSpace(tokens[i])) i++;
  const parsed = new Parser(tokens, context, nameDepth).union(i);
  if (!parsed) return undefined;
  let e = parsed[1];
  while (isSpace(tokens[e])) e++;
  return e === tokens.length ? parsed[0] : undefined;
}

let tokenizeForReferences: (body: string) => RefToken[] = () => [];

/** Set by src/sheet/formula.ts: its tokenizer (one reading of strings and quoted sheet names). */
export function useTokenizer(tokenize: (body: string) => RefToken[]): void {
  tokenizeForReferences = tokenize;
}

function areaText(a: Area, absolute: boolean): string {
  const d = absolute ? '$' : '';
  const prefix = a.prefix !== undefined ? `${a.prefix}!` : '';
  if (a.r1 === 1 && a.r2 === MAX_ROWS) return `${prefix}${d}${columnLetters(a.c1)}:${d}${columnLetters(a.c2)}`;
  if (a.c1 === 1 && a.c2 === MAX_COLUMNS) return `${prefix}${d}${a.r1}:${d}${a.r2}`;
  const first = `${d}${columnLetters(a.c1)}${d}${a.r1}`;
  if (a.r1 === a.r2 && a.c1 === a.c2) return `${prefix}${first}`;
  return `${prefix}${first}:${d}${columnLetters(a.c2)}${d}${a.r2}`;
}

function quoteMessage(message: string): string {
  return `"${message.replace(/"/g, "'")}"`;
}

function errorText(error: NonNullable<RefValue['error']>): string {
  if (error.code === '#NULL!') return 'XLERROR("#NULL!")';
  if (error.code === '#REF!') return '#REF!';
  return `XLLIMIT(${quoteMessage(`#VALUE!: ${error.message}`)})`;
}

/** The function whose argument list the token at `i` is directly in, and that argument's bounds. */
interface Call {
  readonly name: string;
  /** Index of the name token. */
  readonly at: number;
  readonly open: number;
  readonly close: number;
  /** [start, end) of each argument (end: the separating ',' or the closing ')'). */
  readonly args: ReadonlyArray<readonly [number, number]>;
}

function callAround(tokens: readonly RefToken[], start: number, end: number, parser: Parser): { call: Call; arg: number } | undefined {
  let s = start - 1;
  while (isSpace(tokens[s])) s--;
  let e = end;
  while (isSpace(tokens[e])) e++;
  if (!(tokens[s]?.text === '(' || tokens[s]?.text === ',') || !(tokens[e]?.text === ',' || tokens[e]?.text === ')')) return undefined;
  // Find the opening parenthesis of the argument list.
  let depth = 0;
  let open = -1;
  for (let k = start - 1; k >= 0; k--) {
    const x = tokens[k];
    if (x.kind !== 'other') continue;
    if (x.text === ')' || x.text === '}') depth++;
    else if (x.text === '(' || x.text === '{') {
      if (depth === 0) {
        open = k;
        break;
      }
      depth--;
    }
  }
  if (open < 0 || tokens[open].text !== '(') return undefined;
  const at = open - 1;
  if (tokens[at]?.kind !== 'word') return undefined;
  const close = parser.closing(open);
  if (close < 0) return undefined;
  const args: Array<[number, number]> = [];
  let from = open + 1;
  depth = 0;
  for (let k = open + 1; k <= close; k++) {
    const x = tokens[k];
    if (x.kind !== 'other') continue;
    if (x.text === '(' || x.text === '{') depth++;
    else if ((x.text === ')' || x.text === '}') && k !== close) depth--;
    else if ((x.text === ',' && depth === 0) || k === close) {
      args.push([from, k]);
      from = k + 1;
    }
  }
  const arg = args.findIndex(([a, b]) => a <= start && end <= b);
  return arg < 0 ? undefined : { call: { name: tokens[at].text.toUpperCase(), at, open, close, args }, arg };
}

function argumentText(tokens: readonly RefToken[], [a, b]: readonly [number, number]): string {
  return tokens
    .slice(a, b)
    .map((t) => t.text)
    .join('')
    .trim();
}

/**
 * The formula body with Excel's reference operators resolved (see the file's comment). `tokens`
 * are the body's tokens; the result is the new body (the same text when nothing was resolved).
 */
export function resolveReferenceOperators(tokens: readonly RefToken[], context: FormulaContext = {}): string {
  if (!mayHaveReferenceOperators(tokens)) return tokens.map((t) => t.text).join('');
  const out = tokens.map((t) => t.text);
  const parser = new Parser(tokens, context, 0);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const startsOperand = t.kind === 'word' || t.kind === 'quoted' || (t.kind === 'other' && t.text === '(' && tokens[i - 1]?.kind !== 'word');
    // Not inside a sheet-qualified reference, a number's exponent or an array constant's item.
    if (!startsOperand || tokens[i - 1]?.text === '!' || tokens[i - 1]?.text === ':') {
      i++;
      continue;
    }
    const parsed = parser.intersection(i);
    if (!parsed) {
      i++;
      continue;
    }
    const [value, end] = parsed;
    if (!value.operators || value.unknown) {
      // A plain reference (or one over a name not known here): left as written; a parenthesis or
      // a function call is entered, for what its arguments hold.
      i = t.text === '(' || tokens[i + 1]?.text === '(' ? i + 1 : Math.max(end, i + 1);
      continue;
    }
    const absolute = context.absolute === true || value.absolute;
    let replacement: string | undefined;
    const around = callAround(tokens, i, end, parser);
    const wholeCall = around !== undefined && (around.call.name === 'AREAS' || (SINGLE_AREA_FUNCTIONS.has(around.call.name) && value.error !== undefined));
    if (around && wholeCall && (value.areas || value.error)) {
      // AREAS((…)) → the count; AREAS, ROW, COLUMN, ROWS, COLUMNS of an error (no cell in
      // common: #NULL!) → that error: the whole call replaced.
      const { call } = around;
      out[call.at] = value.error ? errorText(value.error) : String(value.areas?.length ?? 0);
      for (let k = call.at + 1; k <= call.close; k++) out[k] = '';
      i = call.close + 1;
      continue;
    } else if (value.computedRange !== undefined) replacement = value.computedRange;
    else if (value.error) replacement = errorText(value.error);
    else if (value.areas && value.areas.length === 1) replacement = areaText(value.areas[0], absolute);
    else if (value.areas && around && LIST_FUNCTIONS.has(around.call.name)) replacement = value.areas.map((a) => areaText(a, absolute)).join(',');
    else if (value.areas && around && SINGLE_AREA_FUNCTIONS.has(around.call.name)) replacement = '#REF!';
    else if (value.areas && around && around.call.name === 'INDEX' && around.arg === 0) {
      // INDEX(reference, row, column, area): "area_num … selects a range in reference".
      const { call } = around;
      const areaArg = call.args[3];
      const text = areaArg ? argumentText(tokens, areaArg) : '1';
      if (/^\d+(\.\d*)?$/.test(text)) {
        const k = Math.trunc(Number(text));
        if (k < 1 || k > value.areas.length) replacement = '#REF!';
        else {
          replacement = areaText(value.areas[k - 1], absolute);
          if (areaArg) {
            for (let x = areaArg[0]; x < areaArg[1]; x++) out[x] = '';
            out[areaArg[0]] = '1';
          }
        }
      } else {
        // A computed area_num: the area chosen for each value of it (element-wise in an array
        // formula), "If area_num is … out of range, INDEX returns #REF!".
        const row = argumentText(tokens, call.args[1] ?? [0, 0]) || '0';
        const col = call.args[2] ? argumentText(tokens, call.args[2]) : '';
        const index = (a: Area): string => `INDEX(${areaText(a, absolute)},${row}${col === '' ? '' : `,${col}`})`;
        const areas = value.areas;
        const chosen = areas.reduceRight((rest, a, k) => `IF(TRUNC(${text})=${k + 1},${index(a)},${rest})`, '#REF!');
        out[call.at] = chosen;
        for (let x = call.at + 1; x <= call.close; x++) out[x] = '';
        i = call.close + 1;
        continue;
      }
    } else {
      const fn = around ? `${around.call.name}` : 'this place';
      replacement = errorText({ code: '#VALUE!', message: `a union of ${value.areas?.length ?? 0} ranges is computed here only as an argument of AREAS, INDEX or a list function such as SUM (not of ${fn}).` });
    }
    out[i] = replacement;
    for (let k = i + 1; k < end; k++) out[k] = '';
    i = end;
  }
  return out.join('');
}

/** A cheap look for what could be a reference operator: a space, a second colon, a colon next to a name or parenthesis, a bare parenthesis. */
export function mayHaveReferenceOperators(tokens: readonly RefToken[]): boolean {
  let colonsInRun = 0;
  const bare: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'other') {
      continue;
    }
    if (isSpace(t)) {
      const before = tokens[i - 1];
      if (before && (before.kind === 'word' || before.kind === 'quoted' || before.text === ')')) return true;
      continue;
    }
    if (t.text === ':') {
      colonsInRun++;
      if (colonsInRun >= 2) return true;
      const before = tokens[i - 1];
      const after = tokens[i + 1];
      if (before?.text === ')' || after?.text === '(') return true;
      if (before?.kind === 'word' && after?.kind === 'word') {
        const pair = (CELL.test(before.text) && CELL.test(after.text)) || (COLUMN.test(before.text) && COLUMN.test(after.text)) || (ROW.test(before.text) && ROW.test(after.text));
        if (!pair) return true;
      }
      continue;
    }
    // A union: a ',' directly inside a parenthesis that is not a function's.
    if (t.text === '(' || t.text === '{') bare.push(t.text === '(' && tokens[i - 1]?.kind !== 'word');
    else if (t.text === ')' || t.text === '}') bare.pop();
    else if (t.text === ',' && bare[bare.length - 1] === true) return true;
    if (t.text !== '!' && t.text !== '$') colonsInRun = 0;
  }
  return false;
}
