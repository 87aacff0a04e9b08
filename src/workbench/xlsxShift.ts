/**
 * Moving the addresses a sheet part keeps verbatim when rows or columns are inserted or deleted,
 * as Excel moves them: merged cells, conditional formatting (its ranges and formulas), data
 * validation (its ranges and formulas), hyperlinks, the dimension, column widths, the sheet's
 * autoFilter and selection, comments, tables and the workbook's defined names (print areas and
 * titles included).
 *
 * Excel's rule, applied to each range along the edited axis: rows inserted before a range move
 * it; inserted inside it (after its first row) they grow it; deleting rows that hold all of a
 * range removes it (a formula's reference becomes #REF!), deleting some of them shrinks it.
 * A whole-column reference ($A:$A) does not move with rows, a whole-row one ($1:$2) not with
 * columns. References to other sheets and to other workbooks are left as they are.
 *
 * Pure text functions: no zip, no model. Positions are 0-based.
 */
import { columnLetters, columnNumber, MAX_COLUMNS, MAX_ROWS } from '../sheet/formula';
import { elements, escapeText, getAttr, inner, recount, setAttr, splice, startTag, unescapeXml } from './xlsxXml';

/** One insertion (delta > 0: that many rows/columns before `index`) or deletion (delta < 0: -delta from `index`). */
export interface AxisEdit {
  readonly axis: 'row' | 'col';
  readonly index: number;
  readonly delta: number;
}

/** A span first..last (0-based, inclusive) after one edit; null when all of it was deleted. */
export function shiftSpan(first: number, last: number, e: AxisEdit): [number, number] | null {
  const shift = (n: number): number | null => {
    if (n < e.index) return n;
    if (e.delta < 0 && n < e.index - e.delta) return null;
    return n + e.delta;
  };
  const f = shift(first) ?? e.index;
  const l = shift(last) ?? e.index - 1;
  return l < f ? null : [f, l];
}

/** A span after a sequence of edits; null when deleted. A span pushed past the sheet's end is cut there (as Excel). */
export function shiftSpanAll(first: number, last: number, edits: ReadonlyArray<AxisEdit>, axis: 'row' | 'col'): [number, number] | null {
  const max = (axis === 'row' ? MAX_ROWS : MAX_COLUMNS) - 1;
  let span: [number, number] | null = [first, last];
  for (const e of edits) {
    if (e.axis !== axis || !span) continue;
    span = shiftSpan(span[0], span[1], e);
    if (span && span[0] > max) span = null;
    if (span && span[1] > max) span = [span[0], max];
  }
  return span;
}

interface RefPart {
  colAbs: string;
  col?: number;
  rowAbs: string;
  row?: number;
}

const CELL_RE = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COL_RE = /^(\$?)([A-Za-z]{1,3})$/;
const ROW_RE = /^(\$?)(\d{1,7})$/;

function parsePart(text: string, kind: 'cell' | 'col' | 'row'): RefPart | undefined {
  if (kind === 'cell') {
    const m = CELL_RE.exec(text);
    if (!m) return undefined;
    const col = columnNumber(m[2]) - 1;
    const row = Number(m[4]) - 1;
    if (col >= MAX_COLUMNS || row < 0 || row >= MAX_ROWS) return undefined;
    return { colAbs: m[1], col, rowAbs: m[3], row };
  }
  if (kind === 'col') {
    const m = COL_RE.exec(text);
    if (!m) return undefined;
    const col = columnNumber(m[2]) - 1;
    return col < MAX_COLUMNS ? { colAbs: m[1], col, rowAbs: '' } : undefined;
  }
  const m = ROW_RE.exec(text);
  if (!m) return undefined;
  const row = Number(m[2]) - 1;
  return row >= 0 && row < MAX_ROWS ? { colAbs: '', rowAbs: m[1], row } : undefined;
}

function partText(p: RefPart): string {
  return `${p.col !== undefined ? `${p.colAbs}${columnLetters(p.col + 1)}` : ''}${p.row !== undefined ? `${p.rowAbs}${p.row + 1}` : ''}`;
}

/** The kind of an area text: "B2", "B2:C4", "B:C", "2:4"; undefined when not an area. */
function parseArea(text: string): { a: RefPart; b?: RefPart } | undefined {
  const [x, y, ...rest] = text.split(':');
  if (rest.length > 0) return undefined;
  for (const kind of ['cell', 'col', 'row'] as const) {
    const a = parsePart(x, kind);
    if (!a) continue;
    if (y === undefined) return kind === 'cell' ? { a } : undefined;
    const b = parsePart(y, kind);
    if (b) return { a, b };
  }
  return undefined;
}

/**
 * An area ("B2", "B2:C4", "$B:$C", "2:4") after the edits; null when all of it was deleted;
 * the text unchanged when it is not an area. `$` marks are kept.
 */
export function shiftArea(text: string, edits: ReadonlyArray<AxisEdit>): string | null {
  const p = parseArea(text);
  if (!p) return text;
  const a = { ...p.a };
  const b = p.b ? { ...p.b } : undefined;
  for (const axis of ['row', 'col'] as const) {
    const k = axis === 'row' ? 'row' : 'col';
    const s = a[k];
    if (s === undefined) continue;
    const t = b ? (b[k] as number) : s;
    const span = shiftSpanAll(Math.min(s, t), Math.max(s, t), edits, axis);
    if (!span) return null;
    a[k] = span[0];
    if (b) b[k] = span[1];
  }
  return b ? `${partText(a)}:${partText(b)}` : partText(a);
}

/** A space-separated list of areas (a sqref) after the edits; null when every area was deleted. */
export function shiftSqref(sqref: string, edits: ReadonlyArray<AxisEdit>): string | null {
  const kept = sqref
    .split(/\s+/)
    .filter((s) => s !== '')
    .map((s) => shiftArea(s, edits))
    .filter((s): s is string => s !== null);
  return kept.length > 0 ? kept.join(' ') : null;
}

const sameSheet = (a: string, b: string) => a.toLocaleLowerCase('en') === b.toLocaleLowerCase('en');

/**
 * A formula (as the file stores it, without "=") after the edits on the sheet `edited`.
 * `home` is the sheet the formula belongs to (its unqualified references are to it); undefined
 * for a workbook name (its unqualified references are left alone). A reference whose cells
 * were all deleted becomes #REF! (its sheet prefix kept, as Excel writes it).
 */
export function shiftFormulaText(formula: string, edits: ReadonlyArray<AxisEdit>, edited: string, home?: string): string {
  if (edits.length === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const c = formula[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    // A reference into another workbook ([1]Sheet1!A1): copied whole.
    if (c === '[') {
      const ext = /^\[[^\]]*\][A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*!\$?[A-Za-z]{0,3}\$?\d{0,7}(?::\$?[A-Za-z]{0,3}\$?\d{0,7})?/.exec(formula.slice(i, i + 300));
      if (ext) {
        out += ext[0];
        i += ext[0].length;
        continue;
      }
    }
    const prev = i > 0 ? formula[i - 1] : '';
    // Inside a name, a number, an external reference ([1]Sheet!A1) or a structured reference: not ours.
    if (/[\w.$\u00C0-\uFFFF\][]/.test(prev)) {
      out += c;
      i++;
      continue;
    }
    // An optional sheet prefix: 'My sheet'! or Sheet1!
    let sheet: string | undefined;
    let j = i;
    if (c === "'") {
      let k = i + 1;
      while (k < n && !(formula[k] === "'" && formula[k + 1] !== "'")) k += formula[k] === "'" ? 2 : 1;
      if (formula[k + 1] === '!') {
        sheet = formula.slice(i + 1, k).replace(/''/g, "'");
        j = k + 2;
      } else {
        out += formula.slice(i, k + 1);
        i = k + 1;
        continue;
      }
    } else {
      const m = /^([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/.exec(formula.slice(i, i + 256));
      if (m) {
        sheet = m[1];
        j = i + m[0].length;
      }
    }
    const m = /^\$?[A-Za-z]{0,3}\$?\d{0,7}(?::\$?[A-Za-z]{0,3}\$?\d{0,7})?/.exec(formula.slice(j, j + 40));
    const area = m ? m[0] : '';
    const next = formula[j + area.length];
    const isArea = area !== '' && parseArea(area) !== undefined && !(next !== undefined && /[\w.(!$\u00C0-\uFFFF]/.test(next));
    if (!isArea) {
      // Not a reference: copy the sheet prefix (if any) and the first character on.
      if (j > i) {
        out += formula.slice(i, j);
        i = j;
      } else {
        out += c;
        i++;
      }
      continue;
    }
    const ours = sheet !== undefined ? sameSheet(sheet, edited) : home !== undefined && sameSheet(home, edited);
    const prefix = formula.slice(i, j);
    if (!ours) out += prefix + area;
    else out += prefix + (shiftArea(area, edits) ?? '#REF!');
    i = j + area.length;
  }
  return out;
}

const edit = (text: string, re: RegExp, fn: (m: RegExpExecArray) => string) => {
  const parts: Array<{ start: number; end: number; text: string }> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) parts.push({ start: m.index, end: m.index + m[0].length, text: fn(m) });
  return splice(text, parts);
};

/** Sets or shifts one attribute holding an area/sqref in a start tag; null when it was deleted. */
function shiftAttr(tag: string, name: string, edits: ReadonlyArray<AxisEdit>, sqref = false): string | null {
  const v = getAttr(tag, name);
  if (v === undefined) return tag;
  const to = sqref ? shiftSqref(v, edits) : shiftArea(v, edits);
  return to === null ? null : to === v ? tag : setAttr(tag, name, to);
}

/** Shifts the formulas in the text of child elements `<name>` of an element. */
function shiftChildFormulas(el: string, name: string, edits: ReadonlyArray<AxisEdit>, sheet: string): string {
  const spans = elements(el, name);
  return splice(
    el,
    spans.map((s) => {
      const body = inner({ start: 0, end: s.text.length, text: s.text });
      const f = unescapeXml(body.text);
      const to = shiftFormulaText(f, edits, sheet, sheet);
      return { start: s.start, end: s.end, text: to === f ? s.text : `${startTag(s.text)}${escapeText(to)}</${name}>` };
    }),
  );
}

/**
 * Shifts, in a list element (`<mergeCells>`), each child's area attribute, dropping the deleted
 * children, recounting the list, and removing the list when nothing is left.
 */
function shiftList(xml: string, list: string, child: string, attr: string, edits: ReadonlyArray<AxisEdit>, sqref: boolean, body?: (el: string) => string): string {
  return splice(
    xml,
    elements(xml, list).map((l) => {
      const kids = elements(l.text, child);
      let dropped = 0;
      let text = splice(
        l.text,
        kids.map((k) => {
          const tag = startTag(k.text);
          const to = shiftAttr(tag, attr, edits, sqref);
          if (to === null) dropped++;
          const el = to === null ? '' : to + k.text.slice(tag.length);
          return { start: k.start, end: k.end, text: to === null ? '' : body ? body(el) : el };
        }),
      );
      if (kids.length > 0 && dropped === kids.length) return { start: l.start, end: l.end, text: '' };
      if (dropped > 0) text = recount(text, child);
      return { start: l.start, end: l.end, text };
    }),
  );
}

/**
 * A worksheet part's kept features after edits on it (`sheet` is its name in the file, for its
 * formulas' references): the dimension, merged cells, conditional formatting (ranges and rule
 * formulas), data validations (ranges and formulas), hyperlinks, column widths (`<cols>`),
 * the autoFilter and the selection. Cells (`<sheetData>`) and drawings are not touched.
 */
export function shiftSheetXml(xml: string, sheet: string, edits: ReadonlyArray<AxisEdit>): string {
  if (edits.length === 0) return xml;
  const data = elements(xml, 'sheetData')[0];
  // Only what lies outside <sheetData> (its cells are the writer's business).
  const head = data ? xml.slice(0, data.start) : xml;
  const tail = data ? xml.slice(data.end) : '';
  const shiftTail = (t: string, isHead: boolean): string => {
    let out = t;
    out = edit(out, /<dimension\b[^>]*>/g, (m) => shiftAttr(m[0], 'ref', edits) ?? setAttr(m[0], 'ref', 'A1'));
    out = edit(out, /<selection\b[^>]*>/g, (m) => {
      const cell = shiftAttr(m[0], 'activeCell', edits);
      const sq = cell === null ? null : shiftAttr(cell, 'sqref', edits, true);
      return sq ?? setAttr(setAttr(m[0], 'activeCell', 'A1'), 'sqref', 'A1');
    });
    out = edit(out, /<pane\b[^>]*>/g, (m) => shiftAttr(m[0], 'topLeftCell', edits) ?? m[0]);
    if (isHead) out = shiftCols(out, edits);
    if (isHead) return out;
    out = edit(out, /<autoFilter\b[^>]*>/g, (m) => shiftAttr(m[0], 'ref', edits) ?? m[0]);
    out = shiftList(out, 'mergeCells', 'mergeCell', 'ref', edits, false);
    out = shiftList(out, 'hyperlinks', 'hyperlink', 'ref', edits, false);
    out = shiftList(out, 'dataValidations', 'dataValidation', 'sqref', edits, true, (el) =>
      shiftChildFormulas(shiftChildFormulas(el, 'formula1', edits, sheet), 'formula2', edits, sheet),
    );
    // Each <conditionalFormatting> is its own element (no list around them).
    out = splice(
      out,
      elements(out, 'conditionalFormatting').map((s) => {
        const tag = startTag(s.text);
        const to = shiftAttr(tag, 'sqref', edits, true);
        if (to === null) return { start: s.start, end: s.end, text: '' };
        return { start: s.start, end: s.end, text: shiftChildFormulas(to + s.text.slice(tag.length), 'formula', edits, sheet) };
      }),
    );
    return out;
  };
  return data ? shiftTail(head, true) + data.text + shiftTail(tail, false) : shiftTail(head, true);
}

/** `<cols>`: each `<col min max>` (1-based columns) shifted; a deleted one removed. */
function shiftCols(xml: string, edits: ReadonlyArray<AxisEdit>): string {
  return splice(
    xml,
    elements(xml, 'cols').map((l) => {
      const kids = elements(l.text, 'col');
      const text = splice(
        l.text,
        kids.map((k) => {
          const tag = startTag(k.text);
          const min = Number(getAttr(tag, 'min'));
          const max = Number(getAttr(tag, 'max'));
          if (!Number.isInteger(min) || !Number.isInteger(max)) return { start: k.start, end: k.end, text: k.text };
          const span = shiftSpanAll(min - 1, max - 1, edits, 'col');
          if (!span) return { start: k.start, end: k.end, text: '' };
          return { start: k.start, end: k.end, text: setAttr(setAttr(tag, 'min', String(span[0] + 1)), 'max', String(span[1] + 1)) + k.text.slice(tag.length) };
        }),
      );
      return { start: l.start, end: l.end, text: elements(text, 'col').length === 0 ? '' : text };
    }),
  );
}

/** A comments part (xl/commentsN.xml; also threaded comments) after the edits: each comment's cell moves; a deleted cell's comment goes. */
export function shiftCommentsXml(xml: string, edits: ReadonlyArray<AxisEdit>): string {
  if (edits.length === 0) return xml;
  let out = xml;
  for (const child of ['comment', 'threadedComment']) {
    out = splice(
      out,
      elements(out, child).map((k) => {
        const tag = startTag(k.text);
        const to = shiftAttr(tag, 'ref', edits);
        return { start: k.start, end: k.end, text: to === null ? '' : to + k.text.slice(tag.length) };
      }),
    );
  }
  return out;
}

/**
 * A table part after the edits on its sheet, or undefined when Excel would change the table's
 * columns (columns inserted or deleted inside it) or delete its header row — the table is then
 * left as it was (the caller keeps warning). A table whose cells were all deleted: null.
 */
export function shiftTableXml(xml: string, edits: ReadonlyArray<AxisEdit>): string | null | undefined {
  if (edits.length === 0) return xml;
  const m = /<table\b[^>]*>/.exec(xml);
  const ref = m ? getAttr(m[0], 'ref') : undefined;
  const p = ref ? parseArea(ref) : undefined;
  if (!m || !p || !p.b || p.a.row === undefined || p.a.col === undefined || p.b.row === undefined || p.b.col === undefined) return undefined;
  const header = getAttr(m[0], 'headerRowCount') !== '0';
  let [c0, c1] = [p.a.col, p.b.col];
  let r0 = p.a.row;
  for (const e of edits) {
    if (e.axis === 'col') {
      const span = shiftSpan(c0, c1, e);
      if (!span) return null;
      if (span[1] - span[0] !== c1 - c0) return undefined;
      [c0, c1] = span;
    } else {
      if (header && e.delta < 0 && r0 >= e.index && r0 < e.index - e.delta) return undefined;
      const s = shiftSpan(r0, r0, e);
      r0 = s ? s[0] : r0;
    }
  }
  const to = shiftArea(ref as string, edits);
  if (to === null) return null;
  let out = edit(xml, /<(table|autoFilter|sortState|sortCondition)\b[^>]*>/g, (mm) => shiftAttr(mm[0], 'ref', edits) ?? mm[0]);
  if (out === xml && to === ref) return xml;
  out = out.replace(/<table\b[^>]*>/, (t) => setAttr(t, 'ref', to));
  return out;
}

/**
 * workbook.xml's defined names (print areas and titles included) after edits on the sheet
 * `sheet` (its name in the file): references to it move; references into deleted cells become #REF!.
 */
export function shiftDefinedNames(workbookXml: string, sheet: string, edits: ReadonlyArray<AxisEdit>): string {
  if (edits.length === 0) return workbookXml;
  return splice(
    workbookXml,
    elements(workbookXml, 'definedName').map((s) => {
      const body = inner({ start: 0, end: s.text.length, text: s.text });
      const f = unescapeXml(body.text);
      const to = shiftFormulaText(f, edits, sheet);
      return { start: s.start, end: s.end, text: to === f ? s.text : `${startTag(s.text)}${escapeText(to)}</definedName>` };
    }),
  );
}
