/**
 * What an .xlsx package says beyond what ExcelJS reads, for the evaluation:
 *
 * - the defined names exactly as xl/workbook.xml stores them (ExcelJS reads only names that are a
 *   list of ranges, and garbles the others: `SUM(CORE!$M$4:$N$5,h)` became the range
 *   `'SUM(CORE'!$M$4:$N$5`; a name holding text or an intersection was lost);
 * - references to other workbooks. Excel writes `[1]Sheet1!$A$1` for a cell of the first linked
 *   workbook; xl/workbook.xml's <externalReferences> lists the links in that order, each pointing
 *   (xl/_rels/workbook.xml.rels) to an xl/externalLinks/externalLinkN.xml whose <sheetDataSet>
 *   caches the linked cells' values. Excel computes with those cached values until the link is
 *   updated ("Control when external references (links) are updated": "Excel … uses the values
 *   last retrieved from the source workbook"); a cell or sheet not cached is #REF!, and a name of
 *   the other workbook without a cached reference is #NAME? (as Excel computes them).
 *
 * The hosts (the CLI reader, the workbench, scripts/excel-agreement.js) hand in the parts' text
 * ({@link WORKBOOK_PARTS} tells which); external references are replaced by their cached values
 * in the formula text given to HyperFormula (the workbook as written is not changed).
 */
import { tokenize } from './formula';
import { columnLetters, columnNumber } from './a1';
import { decodeXml, xmlAttribute } from './xmlText';

/** Parts read here, by path inside the package. */
export const WORKBOOK_PARTS = /^\/?xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|externalLinks\/externalLink\d+\.xml|tables\/table\d+\.xml)$/;

export type WorkbookParts = ReadonlyMap<string, string>;

type CachedValue = number | string | boolean | { readonly error: string };

export interface ExternalBook {
  /** By upper-case sheet name → cells by upper-case address (A1). */
  readonly sheets: ReadonlyMap<string, ReadonlyMap<string, CachedValue>>;
  /** By upper-case name → its refersTo (with `=`), undefined when the link caches none. */
  readonly names: ReadonlyMap<string, string | undefined>;
}

export interface RawDefinedName {
  readonly name: string;
  /** The expression with `=`. */
  readonly expression: string;
  /** Index of the sheet a sheet-level name belongs to. */
  readonly localSheetId?: number;
}


function part(parts: WorkbookParts, path: string): string | undefined {
  return parts.get(path) ?? parts.get(`/${path}`);
}

/** The defined names of xl/workbook.xml as stored (print areas and other _xlnm. names left out). */
export function definedNamesOf(parts: WorkbookParts): RawDefinedName[] | undefined {
  const xml = part(parts, 'xl/workbook.xml');
  if (xml === undefined) return undefined;
  const out: RawDefinedName[] = [];
  const re = /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    const name = xmlAttribute(m[1], 'name');
    const body = decodeXml(m[2] ?? '').trim();
    if (!name || name.startsWith('_xlnm.') || body === '') continue;
    const local = xmlAttribute(m[1], 'localSheetId');
    out.push({ name, expression: body.startsWith('=') ? body : `=${body}`, ...(local !== undefined && /^\d+$/.test(local) ? { localSheetId: Number(local) } : {}) });
  }
  return out;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join('/');
}

function cachedValue(type: string | undefined, v: string): CachedValue {
  if (type === 'b') return v === '1' || v.toUpperCase() === 'TRUE';
  if (type === 'e') return { error: v };
  if (type === 'str' || type === 's' || type === 'inlineStr') return v;
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

/** The linked workbooks in the order Excel numbers them ([1] is the first), or [] without any. */
export function externalBooksOf(parts: WorkbookParts): ExternalBook[] {
  const workbook = part(parts, 'xl/workbook.xml');
  const rels = part(parts, 'xl/_rels/workbook.xml.rels');
  if (workbook === undefined || rels === undefined || !/externalReference\b/.test(workbook)) return [];
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = xmlAttribute(m[0], 'Id');
    const target = xmlAttribute(m[0], 'Target');
    if (id && target) targets.set(id, resolvePath('xl/workbook.xml', target));
  }
  const books: ExternalBook[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?externalReference\b[^>]*>/g)) {
    const id = xmlAttribute(m[0], 'r:id');
    const xml = id === undefined ? undefined : part(parts, targets.get(id) ?? '');
    books.push(xml === undefined ? { sheets: new Map(), names: new Map() } : bookOf(xml));
  }
  return books;
}

function bookOf(xml: string): ExternalBook {
  const sheetNames = [...xml.matchAll(/<(?:\w+:)?sheetName\b[^>]*>/g)].map((m) => xmlAttribute(m[0], 'val') ?? '');
  const sheets = new Map<string, Map<string, CachedValue>>();
  sheetNames.forEach((n) => sheets.set(n.toUpperCase(), new Map()));
  const data = /<(?:\w+:)?sheetData\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?sheetData>)/g;
  for (let m = data.exec(xml); m !== null; m = data.exec(xml)) {
    const id = Number(xmlAttribute(m[1], 'sheetId'));
    const cells = Number.isInteger(id) ? sheets.get((sheetNames[id] ?? '').toUpperCase()) : undefined;
    if (!cells || !m[2]) continue;
    for (const c of m[2].matchAll(/<(?:\w+:)?cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?cell>)/g)) {
      const r = xmlAttribute(c[1], 'r');
      const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(c[2] ?? '');
      if (r && v) cells.set(r.toUpperCase(), cachedValue(xmlAttribute(c[1], 't'), decodeXml(v[1])));
    }
  }
  const names = new Map<string, string | undefined>();
  for (const m of xml.matchAll(/<(?:\w+:)?definedName\b[^>]*>/g)) {
    const name = xmlAttribute(m[0], 'name');
    if (name) names.set(name.toUpperCase(), xmlAttribute(m[0], 'refersTo'));
  }
  return { sheets, names };
}

function literal(v: CachedValue): string {
  if (typeof v === 'number') return v < 0 ? `(${v})` : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return `"${v.replace(/"/g, '""')}"`;
  return v.error;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** The cached value(s) of a cell or range of a linked sheet as formula text: one value, an array constant, or #REF!. */
function cachedText(cells: ReadonlyMap<string, CachedValue> | undefined, first: string, last?: string): string {
  const a = CELL.exec(first);
  const b = CELL.exec(last ?? first);
  if (!cells || !a || !b) return '#REF!';
  const [c1, c2] = [columnNumber(a[1]), columnNumber(b[1])].sort((x, y) => x - y);
  const [r1, r2] = [Number(a[2]), Number(b[2])].sort((x, y) => x - y);
  if ((r2 - r1 + 1) * (c2 - c1 + 1) > 10000) return '#REF!';
  const rows: string[] = [];
  for (let r = r1; r <= r2; r++) {
    const row: string[] = [];
    for (let c = c1; c <= c2; c++) {
      const v = cells.get(`${columnLetters(c)}${r}`);
      if (v === undefined) return '#REF!';
      row.push(literal(v));
    }
    rows.push(row.join(','));
  }
  return r1 === r2 && c1 === c2 ? rows[0] : `{${rows.join(';')}}`;
}

/** A linked workbook's name as formula text: the cached value(s) its reference stands for, else #NAME?. */
function nameText(book: ExternalBook, name: string): string {
  const refersTo = book.names.get(name.toUpperCase());
  if (refersTo === undefined) return '#NAME?';
  const m = /^=?\s*(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?\s*$/.exec(refersTo);
  if (m) return cachedText(book.sheets.get((m[1]?.replace(/''/g, "'") ?? m[2]).toUpperCase()), m[3], m[4]);
  const n = /^=?\s*(-?\d+(\.\d+)?)\s*$/.exec(refersTo);
  return n ? `(${n[1]})` : '#NAME?';
}

/**
 * The formula (with or without `=`) with every reference to a linked workbook replaced by the
 * values cached for it: `[1]Sheet1!$A$1` → 2, `'[1]My sheet'!A1:A2` → {2;3}, `[2]!Rate` → the
 * name's cached value; a cell or sheet not cached → #REF!, a range from this workbook to another
 * (A2:'[2]Sheet'!A2) → #VALUE!.
 */
export function resolveExternalReferences(formula: string, books: readonly ExternalBook[]): string {
  if (!formula.includes('[')) return formula;
  const tokens = tokenize(formula);
  const out = tokens.map((t) => t.text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let book: ExternalBook | undefined;
    let sheet: string | undefined;
    let next: number;
    let isName = false;
    const quoted = t.kind === 'quoted' ? /^'\[(\d+)\]((?:[^']|'')*)'$/.exec(t.text) : null;
    if (quoted && tokens[i + 1]?.text === '!') {
      book = books[Number(quoted[1]) - 1] ?? { sheets: new Map(), names: new Map() };
      sheet = quoted[2].replace(/''/g, "'");
      next = i + 2;
    } else if (t.text === '[' && tokens[i + 1]?.text === '0' && tokens[i + 2]?.text === ']' && tokens[i + 3]?.text === '!' && tokens[i + 4]?.kind === 'word') {
      // Book 0 is the workbook itself: a stored `[0]!Name` is the workbook-level name (how Excel
      // writes a workbook-scoped name qualified by its own book).
      out[i] = out[i + 1] = out[i + 2] = out[i + 3] = '';
      i += 3;
      continue;
    } else if (t.text === '[' && tokens[i + 1]?.kind === 'word' && /^\d+$/.test(tokens[i + 1].text) && tokens[i + 2]?.text === ']') {
      book = books[Number(tokens[i + 1].text) - 1] ?? { sheets: new Map(), names: new Map() };
      if (tokens[i + 3]?.text === '!' && tokens[i + 4]?.kind === 'word') {
        isName = true;
        next = i + 4;
      } else if ((tokens[i + 3]?.kind === 'word' || tokens[i + 3]?.kind === 'quoted') && tokens[i + 4]?.text === '!') {
        sheet = tokens[i + 3].text;
        next = i + 5;
      } else continue;
    } else continue;
    let end: number; // exclusive
    let text: string;
    if (isName) {
      text = nameText(book, tokens[next].text);
      end = next + 1;
    } else {
      const first = tokens[next];
      if (first?.kind !== 'word' || !CELL.test(first.text)) continue;
      const range = tokens[next + 1]?.text === ':' && tokens[next + 2]?.kind === 'word' && CELL.test(tokens[next + 2].text);
      text = cachedText(book.sheets.get((sheet ?? '').toUpperCase()), first.text, range ? tokens[next + 2].text : undefined);
      end = range ? next + 3 : next + 1;
    }
    let start = i;
    // A range from a cell of this workbook to one of another: "#VALUE!" (as Excel computes it).
    if (tokens[start - 1]?.text === ':' && tokens[start - 2]?.kind === 'word') {
      start -= 2;
      if (tokens[start - 1]?.text === '!' && (tokens[start - 2]?.kind === 'word' || tokens[start - 2]?.kind === 'quoted')) start -= 2;
      text = '#VALUE!';
    }
    out[start] = text;
    for (let k = start + 1; k < end; k++) out[k] = '';
    i = end - 1;
  }
  return out.join('');
}

/** An array formula's range by sheet (upper-case name) and anchor ("row,col", 0-based): [rows, cols]. */
export type SpillRanges = ReadonlyMap<string, ReadonlyMap<string, readonly [number, number]>>;

function cellOf(text: string): { row: number; col: number } | undefined {
  const m = CELL.exec(text);
  return m ? { row: Number(m[2]) - 1, col: columnNumber(m[1]) - 1 } : undefined;
}

/**
 * A reference to a spilled range (`A1#`, stored as `_xlfn.ANCHORARRAY(A1)`): "the entire spilled
 * range" of the dynamic array formula in A1 (Microsoft, "Spilled range operator"), known from the
 * range the file stores for that formula. A cell holding no array formula gives #REF!.
 */
export function resolveSpillReferences(formula: string, sheet: string, spills: SpillRanges): string {
  if (!/ANCHORARRAY/i.test(formula)) return formula;
  const tokens = tokenize(formula);
  const out = tokens.map((t) => t.text);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'word' || !/^(_xlfn\.)?ANCHORARRAY$/i.test(tokens[i].text) || tokens[i + 1]?.text !== '(') continue;
    let k = i + 2;
    let prefix = '';
    let on = sheet;
    if ((tokens[k]?.kind === 'word' || tokens[k]?.kind === 'quoted') && tokens[k + 1]?.text === '!') {
      prefix = `${tokens[k].text}!`;
      on = tokens[k].kind === 'quoted' ? tokens[k].text.slice(1, -1).replace(/''/g, "'") : tokens[k].text;
      k += 2;
    }
    const at = tokens[k]?.kind === 'word' ? cellOf(tokens[k].text) : undefined;
    if (!at || tokens[k + 1]?.text !== ')') continue;
    const size = spills.get(on.toUpperCase())?.get(`${at.row},${at.col}`);
    const text = size ? `${prefix}${columnLetters(at.col + 1)}${at.row + 1}:${columnLetters(at.col + size[1])}${at.row + size[0]}` : '#REF!';
    out[i] = text;
    for (let x = i + 1; x <= k + 1; x++) out[x] = '';
    i = k + 1;
  }
  return out.join('');
}

/**
 * A formula stored as an ordinary (not array) formula whose whole text is an array constant
 * (={1,2;1,2}): Excel shows its first value in the cell, as a formula of a workbook without
 * dynamic arrays reduces an array result to one value. A dynamic-array formula that spills is
 * stored as an array formula instead.
 */
export function singleValueOfArrayConstant(formula: string): string {
  const m = /^=\s*(\{[^{}]*\})\s*$/.exec(formula);
  return m ? `=INDEX(${m[1]},1,1)` : formula;
}

/** The parts {@link WORKBOOK_PARTS} names, read from a loaded package; a part declaring more than `maxBytes` inflated is left out. */
export async function readWorkbookParts(zip: import('jszip'), maxBytes: number): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || !WORKBOOK_PARTS.test(name)) continue;
    const declared = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (typeof declared === 'number' && declared > maxBytes) continue;
    const text = await file.async('string');
    if (text.length <= maxBytes) parts.set(name.replace(/^\//, ''), text);
  }
  return parts;
}
