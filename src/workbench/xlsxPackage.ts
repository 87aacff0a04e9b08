/**
 * Saving an opened workbook by updating its original package in place.
 *
 * ExcelJS (the workbench's reader) writes a workbook from its own model, and that model has no
 * charts, chart sheets, theme-aware fills, dynamic-array metadata and more: a file written from it
 * loses them. So opening keeps the file's bytes and a snapshot of what the workbench read
 * ({@link captureOrigin}); saving ({@link patchPackage}) compares the workbench's workbook with that
 * snapshot and rewrites, inside the original zip, only
 * - the `<c>` elements of the cells that changed (input, formula, number format, bold, fill) and
 *   the cached value (`<v>`) of formula cells whose result moved because of the edit, in the
 *   sheet parts that hold them (plus `<dimension>` and a row's `spans` when a cell is added
 *   outside them);
 * - styles.xml, only when a changed cell needs a style the file does not have yet (new entries
 *   are appended; existing ones keep their index);
 * - workbook.xml: `fullCalcOnLoad` when any cell changed (Excel recomputes what our cached values
 *   cannot promise), a workbook name the user changed or added, and the `<sheet>` entry of an
 *   added sheet; workbook.xml.rels and [Content_Types].xml for an added sheet;
 * - calcChain.xml, dropping entries of cells that no longer hold a formula (an entry pointing at
 *   a value cell is what makes Excel "repair" a file); the part goes when nothing is left;
 * - the workbench's own very hidden sheet ({@link META_SHEET} in ./xlsx.ts) when the pane's
 *   settings or charts changed.
 * Every other part is copied byte for byte (JSZip re-compresses the zip entries, but their
 * content is unchanged).
 */
import type JSZip from 'jszip';
import { cellAddress, parseAddress, shiftFormula } from '../sheet/formula';
import type { CellInput, CellValue } from '../taskpane/gateway';
import { type CellStyle, isFormula, type NamedRange, type WorkbenchModel } from './model';
import {
  element,
  elements,
  escapeText,
  escapeXml,
  getAttr,
  inner,
  recount,
  setAttr,
  type Span,
  splice,
  startTag,
  unescapeXml,
  withInner,
} from './xlsxXml';
import { type AxisEdit, shiftArea, shiftCommentsXml, shiftDefinedNames, shiftSheetXml, shiftSpanAll, shiftTableXml } from './xlsxShift';

// ---- the snapshot taken at open -----------------------------------------------------------------

export interface PackageSheet {
  readonly name: string;
  /** e.g. "xl/worksheets/sheet1.xml"; chart sheets and dialog sheets are listed too. */
  readonly path: string;
  readonly kind: 'worksheet' | 'chartsheet' | 'other';
  readonly sheetId: string;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
}

interface CellOrigin {
  readonly input: CellInput;
  readonly array: boolean;
}

interface SheetOrigin {
  /** The sheet's name in the file. */
  readonly fileName: string;
  /** HyperFormula's id of the sheet: it survives renames and moves. */
  readonly hfId: number;
  /**
   * Where the sheet's anchor pointed at open (see {@link ANCHOR}); undefined for a sheet the
   * workbench added and wrote itself, or an empty one.
   */
  readonly anchor?: string;
  /** False for a sheet the workbench added and wrote itself (nothing of Excel's to keep: a save writes it whole). */
  readonly fromFile: boolean;
  readonly inputs: ReadonlyMap<string, CellOrigin>;
  readonly styles: ReadonlyMap<string, CellStyle>;
  /** Values the workbench computed at open for cells that hold a formula or part of an array result. */
  readonly values: ReadonlyMap<string, CellValue>;
  readonly columnWidths: Readonly<Record<string, number>>;
  /** The model's row and column edits on the sheet when the snapshot was taken (see {@link sheetShift}). */
  readonly edits?: readonly AxisEdit[];
}

/** What {@link patchPackage} needs from the opened file, captured right after it was read. */
export interface PackageOrigin {
  readonly bytes: Uint8Array;
  readonly sheets: readonly PackageSheet[];
  readonly model: ReadonlyMap<string, SheetOrigin>;
  readonly names: readonly NamedRange[];
  readonly meta: string;
  /** The name of the workbench's metadata sheet in the file, when it has one. */
  readonly metaSheet?: string;
  /** By lower-case sheet name, then "row,col": what a write into that cell cannot keep. */
  readonly hazards: ReadonlyMap<string, ReadonlyMap<string, Hazard>>;
  /**
   * Lower-case names of worksheets whose part this scanner cannot edit: the spreadsheet namespace
   * under a prefix (`<x:sheetData>`, written by some generators, never by Excel).
   */
  readonly unpatchable: ReadonlySet<string>;
}

/** Thrown by {@link patchPackage} when a changed sheet cannot be edited in place (see `unpatchable`). */
export class UnpatchableSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`The sheet '${sheet}' of this file cannot be updated in place; save it as a new workbook.`);
  }
}

/** Something in the file a write into a cell cannot keep as Excel had it. */
export type Hazard =
  | { readonly kind: 'arrayPart'; readonly range: string }
  | { readonly kind: 'mergedCover'; readonly range: string }
  | { readonly kind: 'tableHeader'; readonly table: string; readonly part: string; readonly column: number; readonly columns: readonly string[] }
  | { readonly kind: 'richText' }
  | { readonly kind: 'cellData' };

const key = (row: number, col: number) => `${row},${col}`;
/** A 0-based row and column → "B7". */
const addr = (row: number, col: number) => cellAddress(row + 1, col + 1);
const lower = (s: string) => s.toLocaleLowerCase('en');

function relsPath(part: string): string {
  const cut = part.lastIndexOf('/');
  return `${part.slice(0, cut + 1)}_rels/${part.slice(cut + 1)}.rels`;
}

/** A relationship target resolved against the part that holds the relationship. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** jszip, loaded on first open or save (its own chunk in the page, as ExcelJS). */
let zipModule: Promise<typeof JSZip> | undefined;
export function loadJSZip(): Promise<typeof JSZip> {
  zipModule ??= import(/* webpackChunkName: "jszip" */ 'jszip').then((m) => ((m as unknown as { default?: typeof JSZip }).default ?? m) as typeof JSZip);
  return zipModule;
}
function loadZip(bytes: Uint8Array): Promise<JSZip> {
  return loadJSZip().then((Z) => Z.loadAsync(bytes));
}

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  const f = zip.file(path);
  return f ? f.async('string') : undefined;
}

/** The workbook part's path (from the package's root relationships). */
async function workbookPath(zip: JSZip): Promise<string> {
  const rels = (await text(zip, '_rels/.rels')) ?? '';
  for (const r of elements(rels, 'Relationship')) {
    const tag = startTag(r.text);
    if ((getAttr(tag, 'Type') ?? '').endsWith('/officeDocument')) return resolveTarget('', getAttr(tag, 'Target') ?? 'xl/workbook.xml');
  }
  return 'xl/workbook.xml';
}

/** The sheets of a package as workbook.xml lists them, with their parts. */
export async function packageSheets(zip: JSZip): Promise<PackageSheet[]> {
  const wbPath = await workbookPath(zip);
  const wb = (await text(zip, wbPath)) ?? '';
  const rels = (await text(zip, relsPath(wbPath))) ?? '';
  const targets = new Map<string, { target: string; type: string }>();
  for (const r of elements(rels, 'Relationship')) {
    const tag = startTag(r.text);
    targets.set(getAttr(tag, 'Id') ?? '', { target: resolveTarget(wbPath, getAttr(tag, 'Target') ?? ''), type: getAttr(tag, 'Type') ?? '' });
  }
  const list = element(wb, 'sheets');
  if (!list) return [];
  return elements(wb, 'sheet', list.start, list.end).map((s) => {
    const tag = startTag(s.text);
    const rel = targets.get(getAttr(tag, 'r:id') ?? '');
    const state = getAttr(tag, 'state');
    return {
      name: getAttr(tag, 'name') ?? '',
      path: rel?.target ?? '',
      kind: rel?.type.endsWith('/worksheet') ? 'worksheet' : rel?.type.endsWith('/chartsheet') ? 'chartsheet' : 'other',
      sheetId: getAttr(tag, 'sheetId') ?? '',
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
    };
  });
}

/**
 * The workbook-level defined names as workbook.xml holds them (a constant such as `Rate` = 0.25, a
 * formula, a range), without Excel's own `_xlnm.` names and names scoped to one sheet. ExcelJS's
 * list drops constants and cuts formulas at their first `(`, so the workbench reads the file.
 */
export async function packageNames(bytes: Uint8Array): Promise<Array<{ name: string; expression: string }>> {
  const zip = await loadZip(bytes);
  const wb = (await text(zip, await workbookPath(zip))) ?? '';
  const list = element(wb, 'definedNames');
  if (!list) return [];
  const out: Array<{ name: string; expression: string }> = [];
  for (const d of elements(wb, 'definedName', list.start, list.end)) {
    const tag = startTag(d.text);
    const name = getAttr(tag, 'name') ?? '';
    if (!name || name.startsWith('_xlnm.') || getAttr(tag, 'localSheetId') !== undefined) continue;
    const body = unescapeXml(inner(d).text).trim();
    if (body) out.push({ name, expression: `=${body}` });
  }
  return out;
}

/**
 * The column name a table takes from its header cell holding `input`, or undefined when Excel
 * would have to repair the table (an empty or formula header, or a name another column has).
 */
export function tableHeaderName(input: CellInput, others: readonly string[]): string | undefined {
  if (input === null || isFormula(input)) return undefined;
  const name = String(input).trim();
  if (name === '' || others.some((o) => lower(o) === lower(name))) return undefined;
  return String(input);
}

/** The names of a table part's columns, in order. */
export function tableColumns(tableXml: string): string[] {
  return elements(tableXml, 'tableColumn').map((c) => getAttr(startTag(c.text), 'name') ?? '');
}

/** The workbench's own settings and charts, as one comparable text. */
function metaOf(model: WorkbenchModel, metaSheet: string): string {
  const charts = model.sheetNames({ includeHidden: true }).filter((s) => s !== metaSheet).map((s) => [s, model.charts(s)]);
  return JSON.stringify({ settings: model.settingEntries(), charts });
}

function valuesToKeep(model: WorkbenchModel, sheet: string): Map<string, CellValue> {
  const values = new Map<string, CellValue>();
  for (const { row, col, input } of model.inputsOf(sheet)) {
    if (!isFormula(input)) continue;
    values.set(key(row, col), model.getValue(sheet, row, col));
    const size = model.spillSize(sheet, row, col);
    if (!size) continue;
    for (let r = 0; r < size.rows; r++) for (let c = 0; c < size.cols; c++) values.set(key(row + r, col + c), model.getValue(sheet, row + r, col + c));
  }
  return values;
}

/**
 * A sheet-scoped HyperFormula name pointing just past the sheet's used range at open: HyperFormula
 * moves it when rows or columns are inserted or deleted before it (and back on undo), so saving
 * knows whether the file's cells, merges, tables and drawings of that sheet are still where the
 * file has them. It is not a workbook name (model.names() lists the global scope only).
 */
export const ANCHOR = '_cyberbi_origin';

function anchorOf(model: WorkbenchModel, id: number): string | undefined {
  const e = model.hf.getNamedExpression(ANCHOR, id)?.expression;
  return typeof e === 'string' ? e.slice(e.lastIndexOf('!') + 1) : undefined;
}

function sheetOrigin(model: WorkbenchModel, sheet: string, addAnchor: boolean, fromFile: boolean): SheetOrigin {
  const inputs = new Map<string, CellOrigin>();
  for (const c of model.inputsOf(sheet)) inputs.set(key(c.row, c.col), { input: c.input, array: c.array });
  const hfId = model.hf.getSheetId(sheet) as number;
  let anchor = anchorOf(model, hfId);
  const { rows, cols } = model.usedSize(sheet);
  // On the last used cell: HyperFormula counts a referenced cell in the sheet's size, so the
  // anchor stays inside it (an empty sheet has none: its rows cannot move anything).
  if (anchor === undefined && addAnchor && rows > 0 && cols > 0) {
    const at = `$${addr(rows - 1, cols - 1).replace(/(\d+)$/, '$$$1')}`;
    model.hf.addNamedExpression(ANCHOR, `='${sheet.replace(/'/g, "''")}'!${at}`, hfId);
    anchor = anchorOf(model, hfId) ?? at;
  }
  return {
    fileName: sheet,
    hfId,
    fromFile,
    anchor,
    inputs,
    styles: new Map(model.stylesOf(sheet)),
    values: valuesToKeep(model, sheet),
    columnWidths: { ...model.columnWidths(sheet) },
    edits: model.structureEdits(sheet),
  };
}

/**
 * The rows and columns inserted and deleted on a sheet since its snapshot, in order ([] when
 * none), or undefined when they are not known for sure (an undo went back past the snapshot, or
 * the sheet's anchor did not move as the edits say): then nothing is shifted and the save warns.
 */
export function sheetShift(model: WorkbenchModel, name: string, origin: SheetOrigin): AxisEdit[] | undefined {
  const before = origin.edits ?? [];
  const now = model.structureEdits(name);
  if (now.length < before.length || before.some((e, i) => now[i] !== e)) return undefined;
  const pending = now.slice(before.length);
  const anchor = anchorOf(model, origin.hfId);
  if (origin.anchor !== undefined && (pending.length > 0 ? shiftArea(origin.anchor, pending) !== anchor : anchor !== origin.anchor)) return undefined;
  return pending;
}

/** Column widths by letter moved with the edits (a deleted column's width goes). */
function shiftWidths(widths: Readonly<Record<string, number>>, edits: readonly AxisEdit[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [letters, w] of Object.entries(widths)) {
    const to = shiftArea(`${letters}1`, edits.filter((e) => e.axis === 'col'));
    if (to !== null) out[to.replace(/\d+$/, '')] = w;
  }
  return out;
}

/**
 * The parts a sheet's relationships point at that hold its addresses, shifted: comments (the
 * legacy list and threaded comments) and tables. Returns false when a table could not be shifted
 * (columns inserted or deleted inside it, its header row deleted): it is left as it was.
 */
async function shiftSheetParts(zip: JSZip, sheetPath: string, edits: readonly AxisEdit[]): Promise<boolean> {
  let all = true;
  for (const rel of await partRels(zip, sheetPath)) {
    if (rel.external) continue;
    const isComments = rel.type.endsWith('/comments') || rel.type.endsWith('/threadedComment');
    if (!isComments && !rel.type.endsWith('/table')) continue;
    const xml = await text(zip, rel.target);
    if (xml === undefined) continue;
    const out = isComments ? shiftCommentsXml(xml, edits) : shiftTableXml(xml, edits);
    if (out === undefined || out === null) {
      // A table wholly deleted would need its part and relationship removed: left (and warned) too.
      all = false;
      continue;
    }
    if (out !== xml) zip.file(rel.target, out);
  }
  return all;
}

/** Where each sheet of the file is in the workbook now. */
export interface SheetFate {
  readonly origin: SheetOrigin;
  /** Its name in the workbook now; undefined when it was deleted. */
  readonly name?: string;
  /** True when rows or columns were inserted or deleted on it. */
  readonly moved: boolean;
}

export function sheetFates(model: WorkbenchModel, origin: PackageOrigin): SheetFate[] {
  return [...origin.model.values()].map((o) => {
    const anchor = anchorOf(model, o.hfId);
    // A sheet without an anchor is found by its id alone.
    const name = anchor === undefined && o.anchor !== undefined ? undefined : model.hf.getSheetName(o.hfId);
    if (name === undefined || !model.hasSheet(name)) return { origin: o, moved: false };
    return { origin: o, name: model.canonicalSheetName(name), moved: o.anchor !== undefined && anchor !== o.anchor };
  });
}

/**
 * Takes the snapshot of a workbook just opened from `bytes` (the sheets get their anchors and
 * the model's undo history is reset — call it before the user's first edit), or just saved as
 * `bytes` over the file `previous`.
 */
export async function captureOrigin(bytes: Uint8Array, model: WorkbenchModel, metaSheet: string, previous?: PackageOrigin): Promise<PackageOrigin> {
  const opened = previous === undefined;
  // After a save, a sheet is the file's when it was at the last save (else the workbench wrote it).
  const fromFile = new Set(opened ? [] : sheetFates(model, previous).filter((f) => f.origin.fromFile && f.name).map((f) => f.name as string));
  const zip = await loadZip(bytes);
  const sheets = await packageSheets(zip);
  const snapshot = new Map<string, SheetOrigin>();
  for (const name of model.sheetNames({ includeHidden: true })) snapshot.set(lower(name), sheetOrigin(model, name, opened && name !== metaSheet, opened || fromFile.has(name)));
  // The anchors are no edit of the user's: nothing to undo.
  if (opened) model.resetHistory();
  const meta = sheets.find((s) => s.name === metaSheet && s.kind === 'worksheet');
  const hazards = await packageHazards(zip, sheets);
  const unpatchable = new Set<string>();
  for (const s of sheets) {
    if (s.kind !== 'worksheet') continue;
    const xml = (await text(zip, s.path)) ?? '';
    if (!/<sheetData[\s/>]/.test(xml)) unpatchable.add(lower(s.name));
  }
  return { bytes, sheets, model: snapshot, names: model.names(), meta: metaOf(model, metaSheet), metaSheet: meta?.name, hazards, unpatchable };
}

/** The parts a sheet part's relationships point at, with their types. */
async function partRels(zip: JSZip, part: string): Promise<Array<{ type: string; target: string; external: boolean }>> {
  const rels = (await text(zip, relsPath(part))) ?? '';
  return elements(rels, 'Relationship').map((r) => {
    const tag = startTag(r.text);
    const external = getAttr(tag, 'TargetMode') === 'External';
    return { type: getAttr(tag, 'Type') ?? '', target: external ? (getAttr(tag, 'Target') ?? '') : resolveTarget(part, getAttr(tag, 'Target') ?? ''), external };
  });
}

/**
 * A sheet's hazards by cell. A range of more than {@link AREA_CELLS} cells (a merge of
 * B2:XFD1048576, an array formula's or a table's huge ref) is kept as the range, not one entry per
 * cell: listing it cell by cell took the page past its heap.
 */
class HazardMap extends Map<string, Hazard> {
  readonly areas: Array<{ readonly top: number; readonly left: number; readonly bottom: number; readonly right: number; readonly hazard: Hazard }> = [];
  override get(k: string): Hazard | undefined {
    const own = super.get(k);
    if (own !== undefined || this.areas.length === 0) return own;
    const [r, c] = k.split(',').map(Number);
    // The anchor (top-left cell) of an area is never a hazard of it (as with the cell-by-cell entries).
    return this.areas.find((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right && (r !== a.top || c !== a.left))?.hazard;
  }
}
const AREA_CELLS = 65536;

/** The cells of `range` but its first, as entries — or the range itself when it is large. */
function addRange(map: HazardMap, range: string, hazard: Hazard): void {
  const [a, b] = range.split(':');
  const s = parseAddress(a);
  const e = parseAddress(b ?? a);
  if (!s || !e) return;
  if ((e.row - s.row + 1) * (e.col - s.col + 1) > AREA_CELLS) {
    map.areas.push({ top: s.row - 1, left: s.col - 1, bottom: e.row - 1, right: e.col - 1, hazard });
    return;
  }
  refCells(range).forEach(([r, col], i) => {
    if (i > 0) map.set(key(r, col), hazard);
  });
}

/** Per sheet, the cells where a write loses something Excel keeps (see {@link Hazard}). */
async function packageHazards(zip: JSZip, sheets: readonly PackageSheet[]): Promise<Map<string, Map<string, Hazard>>> {
  const wbPath = await workbookPath(zip);
  const sst = (await partRels(zip, wbPath)).find((r) => r.type.endsWith('/sharedStrings'));
  const sstXml = sst ? ((await text(zip, sst.target)) ?? '') : '';
  const rich = new Set<number>();
  elements(sstXml, 'si').forEach((si, i) => {
    if (/<r>|<r\s/.test(si.text) || /<rPh[\s>]/.test(si.text)) rich.add(i);
  });
  const out = new Map<string, Map<string, Hazard>>();
  for (const sheet of sheets) {
    if (sheet.kind !== 'worksheet') continue;
    const xml = (await text(zip, sheet.path)) ?? '';
    const map = new HazardMap();
    const { rows } = sheetRows(xml);
    const all = rows.flatMap((r) => r.cells);
    for (const c of all) {
      const tag = startTag(c.text);
      const k = key(c.row, c.col);
      if (getAttr(tag, 'vm') !== undefined) map.set(k, { kind: 'cellData' });
      const t = getAttr(tag, 't');
      if ((t === 'inlineStr' && /<r>|<r\s/.test(c.text)) || (t === 's' && rich.has(Number(/<v>(\d+)<\/v>/.exec(c.text)?.[1] ?? -1)))) map.set(k, { kind: 'richText' });
      const f = formulaElement(c.text);
      if (f && getAttr(f.tag, 't') === 'array') {
        const range = getAttr(f.tag, 'ref') ?? addr(c.row, c.col);
        addRange(map, range, { kind: 'arrayPart', range });
      }
    }
    const merges = element(xml, 'mergeCells');
    if (merges) {
      for (const m of elements(xml, 'mergeCell', merges.start, merges.end)) {
        const range = getAttr(startTag(m.text), 'ref') ?? '';
        addRange(map, range, { kind: 'mergedCover', range });
      }
    }
    for (const rel of await partRels(zip, sheet.path)) {
      if (!rel.type.endsWith('/table') || rel.external) continue;
      const tableXml = (await text(zip, rel.target)) ?? '';
      const tag = startTag(tableXml.slice(tableXml.indexOf('<table')));
      const ref = getAttr(tag, 'ref');
      if (!ref || getAttr(tag, 'headerRowCount') === '0') continue;
      // The header row only (never the whole table's area, which a hostile ref makes any size).
      const [from, to] = ref.split(':');
      const start = parseAddress(from);
      const end = parseAddress(to ?? from);
      if (!start || !end) continue;
      const top = start.row - 1;
      const left = start.col - 1;
      const table = getAttr(tag, 'displayName') ?? getAttr(tag, 'name') ?? '';
      const columns = tableColumns(tableXml);
      for (let col = left; col <= Math.min(end.col - 1, left + 16383); col++) map.set(key(top, col), { kind: 'tableHeader', table, part: rel.target, column: col - left, columns });
    }
    if (map.size > 0 || map.areas.length > 0) out.set(lower(sheet.name), map);
  }
  return out;
}

// ---- what changed -------------------------------------------------------------------------------

function sameInput(a: CellInput, b: CellInput): boolean {
  if (isFormula(a) || isFormula(b)) return isFormula(a) && isFormula(b) && a.formula === b.formula;
  return a === b;
}

function sameStyle(a: CellStyle | undefined, b: CellStyle | undefined): boolean {
  return (a?.numberFormat ?? '') === (b?.numberFormat ?? '') && (a?.bold ?? false) === (b?.bold ?? false) && (a?.fill ?? '') === (b?.fill ?? '');
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return a?.error === b?.error;
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

export interface SheetChanges {
  /** Cells whose input, array flag or style changed, by "row,col". */
  readonly edited: ReadonlySet<string>;
  /** Cells not edited whose computed value moved (formula results and array results). */
  readonly recomputed: ReadonlySet<string>;
  readonly columnWidths: boolean;
}

/** The changes of one sheet since it was opened. */
export function sheetChanges(model: WorkbenchModel, sheet: string, origin: SheetOrigin): SheetChanges {
  const edited = new Set<string>();
  const now = new Map(model.inputsOf(sheet).map((c) => [key(c.row, c.col), c]));
  for (const k of new Set([...origin.inputs.keys(), ...now.keys()])) {
    const a = origin.inputs.get(k);
    const b = now.get(k);
    if (!a || !b || !sameInput(a.input, b.input) || a.array !== b.array) edited.add(k);
  }
  const styles = model.stylesOf(sheet);
  for (const k of new Set([...origin.styles.keys(), ...styles.keys()])) if (!sameStyle(origin.styles.get(k), styles.get(k))) edited.add(k);
  const recomputed = new Set<string>();
  const values = valuesToKeep(model, sheet);
  for (const k of new Set([...origin.values.keys(), ...values.keys()])) {
    if (edited.has(k)) continue;
    if (!sameValue(origin.values.get(k) ?? null, values.get(k) ?? null)) recomputed.add(k);
  }
  const widths = model.columnWidths(sheet);
  const columnWidths = JSON.stringify(Object.entries(widths).sort()) !== JSON.stringify(Object.entries(origin.columnWidths).sort());
  return { edited, recomputed, columnWidths };
}

// ---- cells in a sheet part ----------------------------------------------------------------------

interface CellSpan extends Span {
  readonly row: number;
  readonly col: number;
}

interface RowSpan extends Span {
  readonly row: number;
  readonly cells: CellSpan[];
}

/** The rows and cells of a sheet part's `<sheetData>` (0-based row and column). */
export function sheetRows(xml: string): { data: Span | undefined; rows: RowSpan[] } {
  const data = element(xml, 'sheetData');
  if (!data) return { data, rows: [] };
  const rows: RowSpan[] = [];
  let previousRow = -1;
  for (const r of elements(xml, 'row', data.start, data.end)) {
    const rAttr = getAttr(startTag(r.text), 'r');
    const row = rAttr ? Number(rAttr) - 1 : previousRow + 1;
    previousRow = row;
    const cells: CellSpan[] = [];
    let previousCol = -1;
    const body = inner(r);
    for (const c of elements(xml, 'c', body.start, body.end)) {
      const ref = getAttr(startTag(c.text), 'r');
      const at = ref ? parseAddress(ref) : undefined;
      const col = at ? at.col - 1 : previousCol + 1;
      previousCol = col;
      cells.push({ ...c, row, col });
    }
    rows.push({ ...r, row, cells });
  }
  return { data, rows };
}

/** The formula element of a cell, with its attributes and its (unescaped) text. */
export function formulaElement(cell: string): { tag: string; text: string } | undefined {
  if (!cell.includes('<f')) return undefined;
  const f = element(cell, 'f');
  if (!f) return undefined;
  const tag = startTag(f.text);
  return { tag, text: tag.endsWith('/>') ? '' : unescapeXml(f.text.slice(tag.length, f.text.lastIndexOf('</'))) };
}

/** Every cell of the file's array formulas' ranges (anchors included). */
export function arrayCells(cells: Iterable<CellSpan>): Set<string> {
  const out = new Set<string>();
  for (const c of cells) {
    const f = formulaElement(c.text);
    if (f && getAttr(f.tag, 't') === 'array') for (const [r, col] of refCells(getAttr(f.tag, 'ref') ?? addr(c.row, c.col))) out.add(key(r, col));
  }
  return out;
}

// ---- what a cell holds in the file --------------------------------------------------------------

/** Error codes an .xlsx file holds as a value (others are saved as #VALUE!). */
const FILE_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!', '#SPILL!', '#CALC!', '#GETTING_DATA']);

/** `t` and `<v>` of a cached value (or of a value cell). */
function valueParts(v: CellValue): { t?: string; v?: string } {
  if (v === null) return {};
  if (typeof v === 'number') return Number.isFinite(v) ? { v: String(v) } : { t: 'e', v: '#NUM!' };
  if (typeof v === 'boolean') return { t: 'b', v: v ? '1' : '0' };
  if (typeof v === 'string') return { t: 'str', v: v };
  return { t: 'e', v: FILE_ERRORS.has(v.error) ? v.error : '#VALUE!' };
}

/**
 * Functions newer than Excel 2007 are stored with the `_xlfn.` prefix (without it Excel shows
 * #NAME?); a formula the user typed gets it back. Text in quotes is left alone.
 */
const FUTURE_FUNCTIONS = new Set(
  [
    'AGGREGATE', 'ARRAYTOTEXT', 'BITAND', 'BITOR', 'BITXOR', 'CEILING.MATH', 'CEILING.PRECISE', 'CHOOSECOLS', 'CHOOSEROWS', 'CONCAT',
    'COVARIANCE.P', 'COVARIANCE.S', 'DAYS', 'DROP', 'EXPAND', 'FILTER', 'FLOOR.MATH', 'FLOOR.PRECISE', 'FORECAST.LINEAR', 'HSTACK',
    'IFNA', 'IFS', 'ISFORMULA', 'ISOWEEKNUM', 'LAMBDA', 'LET', 'MAXIFS', 'MINIFS', 'MODE.MULT', 'MODE.SNGL', 'NORM.DIST', 'NORM.INV',
    'NORM.S.DIST', 'NORM.S.INV', 'PERCENTILE.EXC', 'PERCENTILE.INC', 'QUARTILE.EXC', 'QUARTILE.INC', 'RANDARRAY', 'RANK.AVG', 'RANK.EQ',
    'SEQUENCE', 'SHEET', 'SHEETS', 'SORT', 'SORTBY', 'STDEV.P', 'STDEV.S', 'SWITCH', 'TAKE', 'TEXTAFTER', 'TEXTBEFORE', 'TEXTJOIN',
    'TEXTSPLIT', 'TOCOL', 'TOROW', 'UNIQUE', 'VAR.P', 'VAR.S', 'VSTACK', 'WRAPCOLS', 'WRAPROWS', 'XLOOKUP', 'XMATCH', 'XOR',
  ],
);

export function fileFormulaText(formula: string): string {
  let body = formula.trim().replace(/^=/, '');
  const m = /^ARRAYFORMULA\s*\(([\s\S]*)\)\s*$/i.exec(body);
  if (m) body = m[1];
  return body.replace(/("(?:[^"]|"")*"|'(?:[^']|'')*')|(?<![\w.])([A-Za-z][\w.]*)(?=\s*\()/g, (all, quoted: string | undefined, name: string | undefined) => {
    if (quoted || !name) return all;
    return FUTURE_FUNCTIONS.has(name.toUpperCase()) ? `_xlfn.${name}` : all;
  });
}

interface Wanted {
  /** What the workbench holds in the cell. */
  readonly input: CellInput;
  readonly array: boolean;
  readonly value: CellValue;
  /** For a formula's anchor: the range of its array result (e.g. "E1:E3"), when it spills or is an array formula. */
  readonly arrayRef?: string;
}

/** A whole `<c>` for what the workbench holds (keeping the old cell's `ph`), or undefined for nothing to write. */
function cellXml(address: string, s: string | undefined, wanted: Wanted, old: string | undefined): string | undefined {
  let tag = `<c r="${address}"`;
  if (s !== undefined && s !== '0') tag += ` s="${s}"`;
  const ph = old ? getAttr(startTag(old), 'ph') : undefined;
  if (ph) tag += ` ph="${escapeXml(ph)}"`;
  const { input, value } = wanted;
  if (isFormula(input)) {
    const parts = valueParts(value);
    const f = wanted.arrayRef ? `<f t="array" ref="${wanted.arrayRef}">` : '<f>';
    return `${tag}${parts.t ? ` t="${parts.t}"` : ''}>${f}${escapeText(fileFormulaText(input.formula))}</f>${parts.v !== undefined ? `<v>${escapeText(parts.v)}</v>` : ''}</c>`;
  }
  if (input === null || input === '') {
    // Part of an array result: its cached value; else the cell keeps only its style.
    const parts = valueParts(value);
    if (parts.v !== undefined) return `${tag}${parts.t ? ` t="${parts.t}"` : ''}><v>${escapeText(parts.v)}</v></c>`;
    return s !== undefined && s !== '0' ? `${tag}/>` : undefined;
  }
  if (typeof input === 'number') return Number.isFinite(input) ? `${tag}><v>${input}</v></c>` : `${tag} t="e"><v>#NUM!</v></c>`;
  if (typeof input === 'boolean') return `${tag} t="b"><v>${input ? 1 : 0}</v></c>`;
  // An inline string: shared strings stay as they were (Excel moves it there on its next save).
  const t = String(input);
  const space = /^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : '';
  return `${tag} t="inlineStr"><is><t${space}>${escapeText(t)}</t></is></c>`;
}

/** The cell with only its cached value replaced (formula, style and every other attribute kept). */
function withCachedValue(cell: string, value: CellValue): string {
  const parts = valueParts(value);
  const hasFormula = element(cell, 'f') !== undefined;
  let tag = setAttr(startTag(cell), 't', parts.t === 'str' && !hasFormula ? undefined : parts.t);
  if (parts.t === 'str' && !hasFormula) tag = setAttr(tag, 't', 'inlineStr');
  const vm = getAttr(tag, 'vm');
  if (vm !== undefined) tag = setAttr(tag, 'vm', undefined); // value metadata described the old value
  const span: Span = { start: 0, end: cell.length, text: cell };
  const body = inner(span).text.replace(/<v>[\s\S]*?<\/v>|<v\/>|<is>[\s\S]*?<\/is>/g, '');
  const v =
    parts.v === undefined ? '' : parts.t === 'str' && !hasFormula ? `<is><t xml:space="preserve">${escapeText(parts.v)}</t></is>` : `<v>${escapeText(parts.v)}</v>`;
  // <v> follows <f> and comes before <is>/<extLst> in CT_Cell.
  const fEnd = element(body, 'f');
  const content = fEnd ? body.slice(0, fEnd.end) + v + body.slice(fEnd.end) : v + body;
  return withInner({ ...span, text: tag + cell.slice(startTag(cell).length) }, 'c', content);
}

// ---- styles -------------------------------------------------------------------------------------

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '# ?/?': 12, '# ??/??': 13,
  'mm-dd-yy': 14, 'd-mmm-yy': 15, 'd-mmm': 16, 'mmm-yy': 17, 'h:mm AM/PM': 18, 'h:mm:ss AM/PM': 19, 'h:mm': 20, 'h:mm:ss': 21,
  'm/d/yy h:mm': 22, '#,##0 ;(#,##0)': 37, '#,##0 ;[Red](#,##0)': 38, '#,##0.00;(#,##0.00)': 39, '#,##0.00;[Red](#,##0.00)': 40,
  'mm:ss': 45, '[h]:mm:ss': 46, 'mmss.0': 47, '##0.0E+0': 48, '@': 49,
};

/** styles.xml, edited only by appending the styles changed cells need. */
class Styles {
  private xml: string;
  private changed = false;
  private readonly made = new Map<string, string>();

  constructor(xml: string | undefined) {
    this.xml = xml ?? '';
  }

  get text(): string | undefined {
    return this.changed ? this.xml : undefined;
  }

  private list(name: string): Span | undefined {
    return element(this.xml, name);
  }

  private children(list: string, child: string): Span[] {
    const span = this.list(list);
    if (!span) return [];
    const body = inner(span);
    return elements(this.xml, child, body.start, body.end);
  }

  /** Appends a child to a list element (creating the list before `before` when it is missing); returns its index. */
  private append(list: string, child: string, xml: string, before: string[]): number {
    let span = this.list(list);
    if (!span) {
      const anchor = before.map((b) => element(this.xml, b)).find((s) => s !== undefined);
      const at = anchor ? anchor.start : this.xml.lastIndexOf('</styleSheet>');
      this.xml = `${this.xml.slice(0, at)}<${list} count="0"/>${this.xml.slice(at)}`;
      span = this.list(list) as Span;
    }
    const n = this.children(list, child).length;
    const updated = recount(withInner(span, list, inner(span).text + xml), child);
    this.xml = this.xml.slice(0, span.start) + updated + this.xml.slice(span.end);
    this.changed = true;
    return n;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    let max = 163;
    for (const f of this.children('numFmts', 'numFmt')) {
      const tag = startTag(f.text);
      const id = Number(getAttr(tag, 'numFmtId'));
      if (getAttr(tag, 'formatCode') === code) return id;
      if (id > max) max = id;
    }
    const id = max + 1;
    this.append('numFmts', 'numFmt', `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`, ['fonts']);
    return id;
  }

  private fontId(base: number, bold: boolean): number {
    const fonts = this.children('fonts', 'font');
    const font = fonts[base]?.text ?? '<font/>';
    const isBold = /<b(?:\s+val="(?:1|true)")?\s*\/>/.test(font);
    if (isBold === bold) return base;
    const body = inner({ start: 0, end: font.length, text: font }).text.replace(/<b(?:\s[^>]*)?\/>/g, '');
    const made = withInner({ start: 0, end: font.length, text: font }, 'font', bold ? `<b/>${body}` : body);
    const same = fonts.findIndex((f) => f.text === made);
    return same >= 0 ? same : this.append('fonts', 'font', made, ['fills', 'borders', 'cellXfs']);
  }

  private fillId(colour: string | undefined): number {
    if (!colour) return 0;
    const made = `<fill><patternFill patternType="solid"><fgColor rgb="FF${colour.slice(1).toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`;
    const same = this.children('fills', 'fill').findIndex((f) => f.text === made);
    return same >= 0 ? same : this.append('fills', 'fill', made, ['borders', 'cellXfs']);
  }

  /**
   * The style index for a cell whose style was `from` (index `s`) and is now `to`: the cell's own
   * xf with only what changed replaced, so its borders, alignment, font face and theme colours stay.
   */
  restyle(s: string | undefined, from: CellStyle | undefined, to: CellStyle | undefined): string | undefined {
    if (sameStyle(from, to) || !this.xml.includes('<cellXfs')) return s;
    const memo = `${s ?? '0'}|${JSON.stringify(from ?? {})}|${JSON.stringify(to ?? {})}`;
    const known = this.made.get(memo);
    if (known !== undefined) return known;
    const xfs = this.children('cellXfs', 'xf');
    let xf = startTag(xfs[Number(s ?? 0)]?.text ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
    const rest = xfs[Number(s ?? 0)]?.text.slice(xf.length) ?? '';
    if ((from?.numberFormat ?? '') !== (to?.numberFormat ?? '')) {
      xf = setAttr(xf, 'numFmtId', String(this.numFmtId(to?.numberFormat ?? 'General')));
      xf = setAttr(xf, 'applyNumberFormat', '1');
    }
    if ((from?.bold ?? false) !== (to?.bold ?? false)) {
      xf = setAttr(xf, 'fontId', String(this.fontId(Number(getAttr(xf, 'fontId') ?? 0), to?.bold === true)));
      xf = setAttr(xf, 'applyFont', '1');
    }
    if ((from?.fill ?? '') !== (to?.fill ?? '')) {
      xf = setAttr(xf, 'fillId', String(this.fillId(to?.fill)));
      xf = setAttr(xf, 'applyFill', '1');
    }
    const made = xf + rest;
    const again = this.children('cellXfs', 'xf');
    const same = again.findIndex((x) => x.text === made);
    const index = String(same >= 0 ? same : this.append('cellXfs', 'xf', made, ['cellStyles', 'dxfs']));
    this.made.set(memo, index);
    return index;
  }
}

// ---- the patch ----------------------------------------------------------------------------------

function rangeRef(row: number, col: number, rows: number, cols: number): string {
  const a = addr(row, col);
  return rows === 1 && cols === 1 ? a : `${a}:${addr(row + rows - 1, col + cols - 1)}`;
}

function refCells(ref: string): Array<[number, number]> {
  const [a, b] = ref.split(':');
  const s = parseAddress(a);
  const e = parseAddress(b ?? a);
  if (!s || !e) return [];
  const out: Array<[number, number]> = [];
  for (let r = s.row; r <= e.row; r++) for (let c = s.col; c <= e.col; c++) out.push([r - 1, c - 1]);
  return out;
}

interface SheetPatch {
  readonly xml: string;
  /** Cells that held a formula in the file and no longer do. */
  readonly formulasRemoved: ReadonlyArray<string>;
}

/** Rewrites the changed cells of one sheet part. */
export function patchSheetXml(
  xml: string,
  model: WorkbenchModel,
  sheet: string,
  origin: SheetOrigin,
  changes: SheetChanges,
  styles: Styles,
): SheetPatch {
  const { data, rows } = sheetRows(xml);
  const cells = new Map<string, CellSpan>();
  for (const r of rows) for (const c of r.cells) cells.set(key(c.row, c.col), c);
  // Cells to write whole, and why.
  const whole = new Set(changes.edited);
  const arrayRefOf = new Map<string, string>();
  for (const k of changes.edited) {
    const old = cells.get(k);
    const f = old ? formulaElement(old.text) : undefined;
    const t = f ? getAttr(f.tag, 't') : undefined;
    // The old array's range: its cells' cached values are rewritten from the new result.
    if (t === 'array') for (const [r, c] of refCells(getAttr(f?.tag ?? '', 'ref') ?? '')) whole.add(key(r, c));
    // A shared formula's master: its dependents get their own formula, as the workbench holds it.
    if (t === 'shared' && getAttr(f?.tag ?? '', 'ref')) {
      const si = getAttr(f?.tag ?? '', 'si');
      for (const c of cells.values()) {
        if (!c.text.includes('t="shared"')) continue;
        const g = formulaElement(c.text);
        if (g && getAttr(g.tag, 't') === 'shared' && getAttr(g.tag, 'si') === si) whole.add(key(c.row, c.col));
      }
    }
  }
  for (const k of [...changes.edited]) {
    const [row, col] = k.split(',').map(Number);
    const input = model.getInput(sheet, row, col);
    if (!isFormula(input)) continue;
    const size = model.spillSize(sheet, row, col);
    if (size || model.isArrayFormula(sheet, row, col)) {
      const s = size ?? { rows: 1, cols: 1 };
      arrayRefOf.set(k, rangeRef(row, col, s.rows, s.cols));
      for (let r = 0; r < s.rows; r++) for (let c = 0; c < s.cols; c++) whole.add(key(row + r, col + c));
    }
  }
  const formulasRemoved: string[] = [];
  let masterMap: Map<string, CellSpan> | undefined;
  const masters = () => (masterMap ??= sharedMasters(cells.values()));
  const replacements = new Map<string, string | undefined>();
  const restyled = new Map<string, string | undefined>();
  for (const k of whole) {
    const [row, col] = k.split(',').map(Number);
    const old = cells.get(k);
    const s = old ? getAttr(startTag(old.text), 's') : undefined;
    const newS = styles.restyle(s, origin.styles.get(k), model.stylesOf(sheet).get(k));
    restyled.set(k, newS);
    const input = model.getInput(sheet, row, col);
    let wanted: Wanted = { input, array: model.isArrayFormula(sheet, row, col), value: model.getValue(sheet, row, col), arrayRef: arrayRefOf.get(k) };
    if (!changes.edited.has(k) && old) {
      // Not edited itself (a shared formula's dependent, or a cell of an array's old range).
      const f = formulaElement(old.text);
      if (f && getAttr(f.tag, 't') === 'shared' && isFormula(input)) wanted = { ...wanted, input: { formula: sharedText(masters(), old, f) ?? input.formula } };
    }
    const made = cellXml(addr(row, col), newS, wanted, old?.text);
    if (old && formulaElement(old.text) && !(made && made.includes('<f'))) formulasRemoved.push(addr(row, col));
    replacements.set(k, made);
  }
  // A moved result is written where the file keeps a cached value: a formula cell or a cell of
  // an array formula's range (never as a new constant where the file has none).
  const inArray = arrayCells(cells.values());
  for (const k of changes.recomputed) {
    if (whole.has(k)) continue;
    const old = cells.get(k);
    if (!old || !(formulaElement(old.text) || inArray.has(k))) continue;
    const [row, col] = k.split(',').map(Number);
    replacements.set(k, withCachedValue(old.text, model.getValue(sheet, row, col)));
  }
  if (!data || replacements.size === 0) return { xml, formulasRemoved };
  // Splice: replaced cells in place, new cells into their row in column order, new rows in row order.
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const byRow = new Map<number, Array<[number, string]>>();
  let maxRow = -1;
  let maxCol = -1;
  for (const [k, made] of replacements) {
    const [row, col] = k.split(',').map(Number);
    const old = cells.get(k);
    if (old) edits.push({ start: old.start, end: old.end, text: made ?? '' });
    else if (made) {
      const list = byRow.get(row) ?? [];
      list.push([col, made]);
      byRow.set(row, list);
      maxRow = Math.max(maxRow, row);
      maxCol = Math.max(maxCol, col);
    }
  }
  const rowsByNumber = new Map(rows.map((r) => [r.row, r]));
  const newRows: Array<[number, string]> = [];
  for (const [row, list] of byRow) {
    list.sort((a, b) => a[0] - b[0]);
    const r = rowsByNumber.get(row);
    if (!r) {
      newRows.push([row, `<row r="${row + 1}">${list.map((x) => x[1]).join('')}</row>`]);
      continue;
    }
    // Each new cell goes before the first cell to its right, or at the row's end.
    const body = inner(r);
    const tag = startTag(r.text);
    for (const [col, made] of list) {
      const next = r.cells.find((c) => c.col > col);
      if (tag.endsWith('/>')) continue; // handled below
      edits.push({ start: next ? next.start : body.end, end: next ? next.start : body.end, text: made });
    }
    const spans = getAttr(tag, 'spans');
    let newTag = tag;
    if (spans) {
      const [lo, hi] = spans.split(':').map(Number);
      const min = Math.min(lo, list[0][0] + 1);
      const max = Math.max(hi, list[list.length - 1][0] + 1);
      if (min !== lo || max !== hi) newTag = setAttr(tag, 'spans', `${min}:${max}`);
    }
    if (tag.endsWith('/>')) edits.push({ start: r.start, end: r.end, text: `${newTag.replace(/\s*\/>$/, '>')}${list.map((x) => x[1]).join('')}</row>` });
    else if (newTag !== tag) edits.push({ start: r.start, end: r.start + tag.length, text: newTag });
  }
  if (newRows.length > 0) {
    newRows.sort((a, b) => a[0] - b[0]);
    if (startTag(data.text).endsWith('/>')) {
      edits.push({ start: data.start, end: data.end, text: `<sheetData>${newRows.map((x) => x[1]).join('')}</sheetData>` });
    } else {
      const body = inner(data);
      for (const [row, made] of newRows) {
        const next = rows.find((r) => r.row > row);
        edits.push({ start: next ? next.start : body.end, end: next ? next.start : body.end, text: made });
      }
    }
  }
  let out = splice(xml, edits);
  if (maxRow >= 0) out = growDimension(out, maxRow, maxCol);
  return { xml: out, formulasRemoved };
}

/** A shared formula's dependent's own formula, from its master's text in the file. */
function sharedText(masters: ReadonlyMap<string, CellSpan>, cell: CellSpan, f: { tag: string; text: string }): string | undefined {
  if (f.text) return `=${f.text}`;
  const master = masters.get(getAttr(f.tag, 'si') ?? '');
  const g = master ? formulaElement(master.text) : undefined;
  return master && g ? shiftFormula(`=${g.text}`, cell.row - master.row, cell.col - master.col) : undefined;
}

/** The masters of a sheet's shared formulas (the cell whose `<f t="shared">` has the text), by `si`. */
function sharedMasters(cells: Iterable<CellSpan>): Map<string, CellSpan> {
  const out = new Map<string, CellSpan>();
  for (const c of cells) {
    if (!c.text.includes('t="shared"')) continue;
    const g = formulaElement(c.text);
    const si = g ? getAttr(g.tag, 'si') : undefined;
    if (g && si !== undefined && getAttr(g.tag, 't') === 'shared' && g.text && !out.has(si)) out.set(si, c);
  }
  return out;
}

function growDimension(xml: string, row: number, col: number): string {
  const dim = element(xml, 'dimension');
  if (!dim) return xml;
  const tag = startTag(dim.text);
  const ref = getAttr(tag, 'ref') ?? 'A1';
  const [a, b] = ref.split(':');
  const s = parseAddress(a);
  const e = parseAddress(b ?? a);
  if (!s || !e) return xml;
  const bottom = Math.max(e.row, row + 1);
  const right = Math.max(e.col, col + 1);
  if (bottom === e.row && right === e.col) return xml;
  const made = setAttr(tag, 'ref', `${addr(s.row - 1, s.col - 1)}:${addr(bottom - 1, right - 1)}`);
  return xml.slice(0, dim.start) + made + xml.slice(dim.start + tag.length);
}

/** Column widths set in the workbench, written into `<cols>` (a width inside a wider `<col>` range splits it). */
export function patchColumnWidths(xml: string, widths: Readonly<Record<string, number>>, before: Readonly<Record<string, number>>): string {
  const changed = Object.entries(widths).filter(([k, w]) => before[k] !== w);
  if (changed.length === 0) return xml;
  let cols = element(xml, 'cols');
  let out = xml;
  if (!cols) {
    const data = element(out, 'sheetData');
    if (!data) return xml;
    out = `${out.slice(0, data.start)}<cols></cols>${out.slice(data.start)}`;
    cols = element(out, 'cols') as Span;
  }
  type Col = { min: number; max: number; tag: string; rest: string };
  const list: Col[] = elements(out, 'col', cols.start, cols.end).map((c) => {
    const tag = startTag(c.text);
    return { min: Number(getAttr(tag, 'min')), max: Number(getAttr(tag, 'max')), tag, rest: c.text.slice(tag.length) };
  });
  for (const [letters, width] of changed) {
    const n = parseAddress(`${letters}1`)?.col;
    if (!n) continue;
    const at = list.findIndex((c) => c.min <= n && n <= c.max);
    const set = (tag: string) => setAttr(setAttr(setAttr(setAttr(tag, 'min', String(n)), 'max', String(n)), 'width', String(width)), 'customWidth', '1');
    if (at < 0) {
      const made: Col = { min: n, max: n, tag: set('<col/>'), rest: '' };
      const next = list.findIndex((c) => c.min > n);
      list.splice(next < 0 ? list.length : next, 0, made);
      continue;
    }
    const c = list[at];
    const parts: Col[] = [];
    if (c.min < n) parts.push({ ...c, max: n - 1, tag: setAttr(c.tag, 'max', String(n - 1)) });
    parts.push({ ...c, min: n, max: n, tag: set(c.tag) });
    if (c.max > n) parts.push({ ...c, min: n + 1, tag: setAttr(c.tag, 'min', String(n + 1)) });
    list.splice(at, 1, ...parts);
  }
  const body = list.map((c) => c.tag + c.rest).join('');
  return out.slice(0, cols.start) + withInner(cols, 'cols', body) + out.slice(cols.end);
}

/** calcChain.xml without the entries of the given cells (by sheetId); undefined when nothing is left. */
export function patchCalcChain(xml: string, removed: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  const list = elements(xml, 'c');
  let current = '';
  let lastKept = '';
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let kept = 0;
  for (const c of list) {
    const tag = startTag(c.text);
    const i = getAttr(tag, 'i');
    if (i !== undefined) current = i;
    const drop = removed.get(current)?.has(getAttr(tag, 'r') ?? '');
    if (drop) {
      edits.push({ start: c.start, end: c.end, text: '' });
      continue;
    }
    kept++;
    // An entry without `i` belongs to the sheet of the entry before it: keep that true.
    if (i === undefined && lastKept !== current) edits.push({ start: c.start, end: c.start + tag.length, text: setAttr(tag, 'i', current) });
    lastKept = current;
  }
  if (kept === 0) return undefined;
  return splice(xml, edits);
}

function setFullCalcOnLoad(wb: string): string {
  const calc = element(wb, 'calcPr');
  if (calc) {
    const tag = startTag(calc.text);
    return wb.slice(0, calc.start) + setAttr(tag, 'fullCalcOnLoad', '1') + wb.slice(calc.start + tag.length);
  }
  // CT_Workbook: calcPr follows definedNames/sheets.
  const after = element(wb, 'definedNames') ?? element(wb, 'sheets');
  if (!after) return wb;
  return `${wb.slice(0, after.end)}<calcPr fullCalcOnLoad="1"/>${wb.slice(after.end)}`;
}

/** workbook.xml with the names the user changed or added (names the file scopes to a sheet are left alone). */
function patchNames(wb: string, before: readonly NamedRange[], now: readonly NamedRange[]): string {
  const old = new Map(before.map((n) => [lower(n.name), n.expression]));
  const changed = now.filter((n) => old.get(lower(n.name)) !== n.expression);
  if (changed.length === 0) return wb;
  let out = wb;
  for (const n of changed) {
    const list = element(out, 'definedNames');
    const body = escapeText(fileFormulaText(n.expression));
    const existing = list
      ? elements(out, 'definedName', list.start, list.end).find((d) => {
          const tag = startTag(d.text);
          return lower(getAttr(tag, 'name') ?? '') === lower(n.name) && getAttr(tag, 'localSheetId') === undefined;
        })
      : undefined;
    if (existing) {
      out = out.slice(0, existing.start) + withInner(existing, 'definedName', body) + out.slice(existing.end);
    } else if (list) {
      out = out.slice(0, list.start) + withInner(list, 'definedNames', inner(list).text + `<definedName name="${escapeXml(n.name)}">${body}</definedName>`) + out.slice(list.end);
    } else {
      const sheets = element(out, 'sheets');
      if (!sheets) continue;
      out = `${out.slice(0, sheets.end)}<definedNames><definedName name="${escapeXml(n.name)}">${body}</definedName></definedNames>${out.slice(sheets.end)}`;
    }
  }
  return out;
}

const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A new sheet part holding what the workbench has on a sheet the file did not have. */
function newSheetXml(cellsXml: string, widthsXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${widthsXml}<sheetData>${cellsXml}</sheetData></worksheet>`;
}

function sheetCellsXml(model: WorkbenchModel, sheet: string, styles: Styles): string {
  const byRow = new Map<number, Map<number, string>>();
  const put = (row: number, col: number, made: string | undefined) => {
    if (!made) return;
    const line = byRow.get(row) ?? new Map<number, string>();
    line.set(col, made);
    byRow.set(row, line);
  };
  const keys = new Set<string>([...model.inputsOf(sheet).map((c) => key(c.row, c.col)), ...model.stylesOf(sheet).keys()]);
  for (const k of keys) {
    const [row, col] = k.split(',').map(Number);
    const input = model.getInput(sheet, row, col);
    const s = styles.restyle(undefined, undefined, model.stylesOf(sheet).get(k));
    let arrayRef: string | undefined;
    if (isFormula(input)) {
      const size = model.spillSize(sheet, row, col);
      if (size || model.isArrayFormula(sheet, row, col)) {
        const sz = size ?? { rows: 1, cols: 1 };
        arrayRef = rangeRef(row, col, sz.rows, sz.cols);
        for (let r = 0; r < sz.rows; r++) {
          for (let c = 0; c < sz.cols; c++) {
            if (r === 0 && c === 0) continue;
            put(row + r, col + c, cellXml(addr(row + r, col + c), undefined, { input: null, array: false, value: model.getValue(sheet, row + r, col + c) }, undefined));
          }
        }
      }
    }
    put(row, col, cellXml(addr(row, col), s, { input, array: model.isArrayFormula(sheet, row, col), value: model.getValue(sheet, row, col), arrayRef }, undefined));
  }
  // The rows the sheet hides (a copy of an opened sheet) are written hidden, cells or not.
  const hidden = new Set(model.rowVisibility(sheet)?.hidden ?? []);
  for (const row of hidden) if (!byRow.has(row)) byRow.set(row, new Map());
  return [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, line]) => {
      const cells = [...line.entries()].sort((a, b) => a[0] - b[0]).map((x) => x[1]).join('');
      const attrs = `r="${row + 1}"${hidden.has(row) ? ' hidden="1"' : ''}`;
      return cells === '' ? `<row ${attrs}/>` : `<row ${attrs}>${cells}</row>`;
    })
    .join('');
}

/** The rows a sheet part hides (`<row hidden="1">`, 0-based) that hold no value (no cell with a value, formula or inline text). */
export function emptyHiddenRowsOf(xml: string): number[] {
  return sheetRows(xml)
    .rows.filter((r) => isHiddenRow(startTag(r.text)) && !/<(?:\w+:)?(?:v|f|is)\b/.test(r.text))
    .map((r) => r.row);
}

const isHiddenRow = (tag: string): boolean => /^(?:1|true)$/i.test(getAttr(tag, 'hidden') ?? '');

/**
 * The rows to hide in a sheet part after rows were inserted or deleted: every row the model hides
 * (it read the file's hidden rows and moved them with each edit, undo and redo), and, in case the
 * reader missed one, the part's hidden rows that hold no value, moved as Excel moves them
 * (`edits`), or where they are when the edits are not known for sure (undefined: an undo went
 * back past the last save). A row holding a value is hidden only when the model hides it.
 */
export function hiddenRowsAfter(xml: string, edits: readonly AxisEdit[] | undefined, model: WorkbenchModel, sheet: string): Set<number> {
  const out = new Set(model.rowVisibility(sheet)?.hidden ?? []);
  const withValues = new Set(model.inputsOf(sheet).map((c) => c.row));
  for (const row of emptyHiddenRowsOf(xml)) {
    const at = edits ? shiftSpanAll(row, row, edits, 'row')?.[0] : row;
    if (at !== undefined && !withValues.has(at)) out.add(at);
  }
  return out;
}

/**
 * The sheet part with exactly the rows of `hidden` hidden: `hidden="1"` set on their `<row>`
 * elements (an empty `<row>` added where the part has none) and taken off the others; every other
 * attribute (a row's height, style, outline level) stays. Unchanged text when nothing differs.
 */
export function withHiddenRows(xml: string, hidden: ReadonlySet<number>): string {
  const { data, rows } = sheetRows(xml);
  if (!data) return xml;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const present = new Set<number>();
  for (const r of rows) {
    present.add(r.row);
    const tag = startTag(r.text);
    const want = hidden.has(r.row);
    if (want === isHiddenRow(tag)) continue;
    edits.push({ start: r.start, end: r.start + tag.length, text: setAttr(tag, 'hidden', want ? '1' : undefined) });
  }
  const missing = [...hidden].filter((row) => !present.has(row)).sort((a, b) => a - b);
  if (missing.length > 0) {
    const tag = startTag(data.text);
    if (tag.endsWith('/>')) {
      edits.push({ start: data.start, end: data.end, text: `<sheetData>${missing.map((row) => `<row r="${row + 1}" hidden="1"/>`).join('')}</sheetData>` });
    } else {
      const body = inner(data);
      for (const row of missing) {
        const next = rows.find((r) => r.row > row);
        edits.push({ start: next ? next.start : body.end, end: next ? next.start : body.end, text: `<row r="${row + 1}" hidden="1"/>` });
      }
    }
  }
  return edits.length === 0 ? xml : splice(xml, edits);
}

function colsXml(widths: Readonly<Record<string, number>>): string {
  const cols = Object.entries(widths)
    .map(([letters, w]) => [parseAddress(`${letters}1`)?.col ?? 0, w] as const)
    .filter(([n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  return cols.length === 0 ? '' : `<cols>${cols.map(([n, w]) => `<col min="${n}" max="${n}" width="${w}" customWidth="1"/>`).join('')}</cols>`;
}

/** The metadata sheet's rows (kind, key, value chunks), as inline strings. */
function metaRowsXml(model: WorkbenchModel, metaSheet: string, chunk: number): string {
  const rows: string[][] = [];
  for (const s of model.sheetNames({ includeHidden: true })) {
    if (s === metaSheet) continue;
    for (const c of model.charts(s)) rows.push(['chart', s, JSON.stringify(c)]);
  }
  for (const [k, v] of model.settingEntries()) rows.push(['setting', k, v]);
  return rows
    .map(([kind, k, value], i) => {
      const chunks = value.length === 0 ? [''] : (value.match(new RegExp(`[\\s\\S]{1,${chunk}}`, 'g')) ?? ['']);
      // An empty chunk is no cell: it reads back as "".
      const cells = [kind, k, ...chunks].map((t, j) => (t === '' ? '' : cellXml(addr(i, j), undefined, { input: t, array: false, value: null }, undefined)));
      return `<row r="${i + 1}">${cells.join('')}</row>`;
    })
    .join('');
}

/** Adds a worksheet part, its relationship, its content type and its `<sheet>` entry. */
async function addSheetPart(zip: JSZip, wbPath: string, wb: string, name: string, xml: string, state?: 'veryHidden'): Promise<string> {
  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
  const part = `xl/worksheets/sheet${n}.xml`;
  zip.file(part, xml);
  const relsFile = relsPath(wbPath);
  let rels = (await text(zip, relsFile)) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const ids = new Set(elements(rels, 'Relationship').map((r) => getAttr(startTag(r.text), 'Id')));
  let k = 1;
  while (ids.has(`rId${k}`)) k++;
  const rId = `rId${k}`;
  const dir = wbPath.slice(0, wbPath.lastIndexOf('/') + 1);
  const target = part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
  rels = rels.replace(/<\/Relationships>\s*$/, `<Relationship Id="${rId}" Type="${WORKSHEET_TYPE}" Target="${target}"/></Relationships>`);
  zip.file(relsFile, rels);
  const types = (await text(zip, '[Content_Types].xml')) ?? '';
  zip.file('[Content_Types].xml', types.replace(/<\/Types>\s*$/, `<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/></Types>`));
  const list = element(wb, 'sheets');
  if (!list) return wb;
  const maxId = Math.max(0, ...elements(wb, 'sheet', list.start, list.end).map((s) => Number(getAttr(startTag(s.text), 'sheetId') ?? 0)));
  const entry = `<sheet name="${escapeXml(name)}" sheetId="${maxId + 1}"${state ? ` state="${state}"` : ''} r:id="${rId}"/>`;
  return wb.slice(0, list.start) + withInner(list, 'sheets', inner(list).text + entry) + wb.slice(list.end);
}

/** The opened package with the workbench's changes written in; see the module comment. */
export async function patchPackage(model: WorkbenchModel, origin: PackageOrigin, metaSheet: string, chunk: number): Promise<Uint8Array> {
  const zip = await loadZip(origin.bytes);
  const wbPath = await workbookPath(zip);
  let wb = (await text(zip, wbPath)) ?? '';
  const wbBefore = wb;
  const stylesPath = resolveTarget(wbPath, 'styles.xml');
  const styles = new Styles(await text(zip, stylesPath));
  const removedBySheetId = new Map<string, Set<string>>();
  let anyCell = false;
  const byName = new Map(origin.sheets.map((s) => [lower(s.name), s]));
  const fates = sheetFates(model, origin);
  const fateOf = new Map(fates.filter((f) => f.name !== undefined).map((f) => [lower(f.name as string), f]));
  const renames: Array<[string, string]> = [];
  for (const name of model.sheetNames({ includeHidden: true })) {
    if (name === metaSheet) continue;
    const fate = fateOf.get(lower(name));
    const part = fate ? byName.get(lower(fate.origin.fileName)) : undefined;
    if (!fate || !part || part.kind !== 'worksheet') {
      // A sheet added in the workbench.
      const cellsXml = sheetCellsXml(model, name, styles);
      wb = await addSheetPart(zip, wbPath, wb, name, newSheetXml(cellsXml, colsXml(model.columnWidths(name))));
      anyCell = true;
      continue;
    }
    const before = fate.origin;
    if (name !== before.fileName) renames.push([before.fileName, name]);
    const xml = (await text(zip, part.path)) ?? '';
    if (!before.fromFile) {
      // A sheet the workbench wrote at its last save: written whole again.
      const data = element(xml, 'sheetData');
      let out = data ? xml.slice(0, data.start) + `<sheetData>${sheetCellsXml(model, name, styles)}</sheetData>` + xml.slice(data.end) : xml;
      const cols = element(out, 'cols');
      if (cols) out = out.slice(0, cols.start) + colsXml(model.columnWidths(name)) + out.slice(cols.end);
      else out = patchColumnWidths(out, model.columnWidths(name), {});
      if (out !== xml) {
        zip.file(part.path, out);
        anyCell = true;
      }
      continue;
    }
    const changes = sheetChanges(model, name, before);
    // Rows or columns inserted or deleted: the file's merges, validations, links, names… move with them.
    const shift = origin.unpatchable.has(lower(before.fileName)) ? undefined : sheetShift(model, name, before);
    let shifted = xml;
    if (shift && shift.length > 0) {
      shifted = shiftSheetXml(xml, before.fileName, shift);
      wb = shiftDefinedNames(wb, before.fileName, shift);
      await shiftSheetParts(zip, part.path, shift);
    }
    // Hidden rows (a filter's or Hide Rows') move with the rows, as the model moved them.
    if (!origin.unpatchable.has(lower(before.fileName)) && (shift === undefined || shift.some((e) => e.axis === 'row'))) {
      shifted = withHiddenRows(shifted, hiddenRowsAfter(xml, shift, model, name));
    }
    if (changes.edited.size === 0 && changes.recomputed.size === 0 && !changes.columnWidths) {
      if (shifted !== xml) zip.file(part.path, shifted);
      continue;
    }
    // Never a save that silently drops the user's edits.
    if (origin.unpatchable.has(lower(before.fileName))) throw new UnpatchableSheetError(name);
    const patched = patchSheetXml(shifted, model, name, before, changes, styles);
    let out = patched.xml;
    if (changes.columnWidths) out = patchColumnWidths(out, model.columnWidths(name), shift ? shiftWidths(before.columnWidths, shift) : before.columnWidths);
    if (out !== xml) zip.file(part.path, out);
    if (changes.edited.size > 0 || changes.recomputed.size > 0) anyCell = true;
    if (patched.formulasRemoved.length > 0) removedBySheetId.set(part.sheetId, new Set(patched.formulasRemoved));
  }
  // A table's header cell typed over: the table's column takes the new name (else Excel repairs it).
  for (const name of model.sheetNames({ includeHidden: true })) {
    const fate = fateOf.get(lower(name));
    const hazards = fate ? origin.hazards.get(lower(fate.origin.fileName)) : undefined;
    if (!fate || !hazards || fate.moved) continue;
    for (const k of sheetChanges(model, name, fate.origin).edited) {
      const h = hazards.get(k);
      if (h?.kind !== 'tableHeader') continue;
      const [row, col] = k.split(',').map(Number);
      const tableXml = (await text(zip, h.part)) ?? '';
      const columns = elements(tableXml, 'tableColumn');
      const names = tableColumns(tableXml);
      const made = tableHeaderName(model.getInput(name, row, col), names.filter((_, i) => i !== h.column));
      const column = columns[h.column];
      if (made === undefined || !column) continue;
      const tag = startTag(column.text);
      zip.file(h.part, tableXml.slice(0, column.start) + setAttr(tag, 'name', made) + tableXml.slice(column.start + tag.length));
    }
  }
  // Renamed sheets: their <sheet> entry, and the references of names and charts to them.
  for (const [from, to] of renames) {
    wb = renameSheetEntry(wb, from, to);
    for (const path of Object.keys(zip.files).filter((p) => /^xl\/charts\/chart[^/]*\.xml$/.test(p))) {
      const chart = (await text(zip, path)) ?? '';
      const renamed = renameInElements(chart, 'c:f', from, to);
      if (renamed !== chart) zip.file(path, renamed);
    }
  }
  if (renames.length > 0) {
    let names = wb;
    for (const [from, to] of renames) names = renameInElements(names, 'definedName', from, to);
    wb = names;
  }
  // Deleted sheets go from the package (the parts only they used stay unreferenced).
  const removed = fates.filter((f) => f.name === undefined && f.origin.fileName !== metaSheet);
  for (const f of removed) {
    const part = byName.get(lower(f.origin.fileName));
    if (!part) continue;
    wb = await removeSheetEntry(zip, wbPath, wb, part);
    anyCell = true;
  }
  // The workbench's own sheet.
  const meta = metaOf(model, metaSheet);
  if (meta !== origin.meta) {
    const rowsXml = metaRowsXml(model, metaSheet, chunk);
    const part = origin.metaSheet ? byName.get(lower(origin.metaSheet)) : undefined;
    if (part) {
      const xml = (await text(zip, part.path)) ?? '';
      const data = element(xml, 'sheetData');
      if (data) zip.file(part.path, xml.slice(0, data.start) + withInner(data, 'sheetData', rowsXml) + xml.slice(data.end));
    } else if (rowsXml) {
      wb = await addSheetPart(zip, wbPath, wb, metaSheet, newSheetXml(rowsXml, ''), 'veryHidden');
    }
  }
  wb = patchNames(wb, origin.names, model.names());
  if (anyCell) wb = setFullCalcOnLoad(wb);
  if (removed.length > 0) {
    // calcChain lists cells by sheet: Excel rebuilds it.
    const calcPath = resolveTarget(wbPath, 'calcChain.xml');
    if (zip.file(calcPath)) await dropPart(zip, wbPath, calcPath);
  } else if (removedBySheetId.size > 0) {
    const calcPath = resolveTarget(wbPath, 'calcChain.xml');
    const calc = await text(zip, calcPath);
    if (calc !== undefined) {
      const patched = patchCalcChain(calc, removedBySheetId);
      if (patched !== undefined) zip.file(calcPath, patched);
      else await dropPart(zip, wbPath, calcPath);
    }
  }
  const stylesText = styles.text;
  if (stylesText !== undefined) zip.file(stylesPath, stylesText);
  wb = reorderSheets(wb, model.sheetNames({ includeHidden: true }));
  if (wb !== wbBefore) zip.file(wbPath, wb);
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return out;
}

/**
 * workbook.xml with its worksheets in the workbook's order (a sheet moved in the workbench). Chart
 * sheets and the workbench's own sheet keep their places; names scoped to a sheet and the active
 * tab follow their sheet (they hold its position).
 */
export function reorderSheets(wb: string, order: readonly string[]): string {
  const list = element(wb, 'sheets');
  if (!list) return wb;
  const entries = elements(wb, 'sheet', list.start, list.end);
  const names = entries.map((e) => lower(getAttr(startTag(e.text), 'name') ?? ''));
  const rank = new Map(order.map((n, i) => [lower(n), i]));
  const slots = names.map((n, i) => (rank.has(n) ? i : -1)).filter((i) => i >= 0);
  const sorted = [...slots].sort((a, b) => (rank.get(names[a]) ?? 0) - (rank.get(names[b]) ?? 0));
  if (sorted.every((from, k) => from === slots[k])) return wb;
  // newIndex[old] for every entry.
  const moved = names.map((_, i) => i);
  slots.forEach((slot, k) => {
    moved[slot] = sorted[k];
  });
  const newIndex = new Map<number, number>();
  moved.forEach((from, to) => newIndex.set(from, to));
  const body = moved.map((from) => entries[from].text).join('');
  let out = wb.slice(0, entries[0].start) + body + wb.slice(entries[entries.length - 1].end);
  const defined = element(out, 'definedNames');
  if (defined) {
    const edits = elements(out, 'definedName', defined.start, defined.end).flatMap((d) => {
      const tag = startTag(d.text);
      const local = getAttr(tag, 'localSheetId');
      const to = local === undefined ? undefined : newIndex.get(Number(local));
      return to === undefined || to === Number(local) ? [] : [{ start: d.start, end: d.start + tag.length, text: setAttr(tag, 'localSheetId', String(to)) }];
    });
    out = splice(out, edits);
  }
  const view = element(out, 'workbookView');
  if (view) {
    const tag = startTag(view.text);
    const active = getAttr(tag, 'activeTab');
    const to = active === undefined ? undefined : newIndex.get(Number(active));
    if (to !== undefined && to !== Number(active)) out = out.slice(0, view.start) + setAttr(tag, 'activeTab', String(to)) + out.slice(view.start + tag.length);
  }
  return out;
}

/** A sheet name as a formula writes it before `!`. */
function sheetRef(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Formula text with references to sheet `from` pointing at `to` (text in double quotes untouched). */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  const esc = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`("(?:[^"]|"")*")|(?:'${esc.replace(/'/g, "''")}'|(?<![\\w.'])${esc})!`, 'gi');
  return formula.replace(re, (all, str: string | undefined) => (str ? all : `${sheetRef(to)}!`));
}

/** Every element of that name with its text's references to `from` renamed. */
function renameInElements(xml: string, name: string, from: string, to: string): string {
  const edits = elements(xml, name).flatMap((e) => {
    const body = inner(e);
    const was = unescapeXml(body.text);
    const now = renameSheetInFormula(was, from, to);
    return now === was ? [] : [{ start: body.start, end: body.end, text: escapeText(now) }];
  });
  return edits.length === 0 ? xml : splice(xml, edits);
}

function renameSheetEntry(wb: string, from: string, to: string): string {
  const list = element(wb, 'sheets');
  if (!list) return wb;
  const entry = elements(wb, 'sheet', list.start, list.end).find((e) => getAttr(startTag(e.text), 'name') === from);
  if (!entry) return wb;
  const tag = startTag(entry.text);
  return wb.slice(0, entry.start) + setAttr(tag, 'name', to) + wb.slice(entry.start + tag.length);
}

/**
 * Removes a sheet: its `<sheet>` entry, its part and relationship and content type; names scoped
 * to it go and the sheet indexes of the others (`localSheetId`, the active tab) are renumbered.
 */
async function removeSheetEntry(zip: JSZip, wbPath: string, wb: string, part: PackageSheet): Promise<string> {
  const list = element(wb, 'sheets');
  if (!list) return wb;
  const entries = elements(wb, 'sheet', list.start, list.end);
  const index = entries.findIndex((e) => getAttr(startTag(e.text), 'name') === part.name);
  if (index < 0) return wb;
  let out = wb.slice(0, entries[index].start) + wb.slice(entries[index].end);
  const names = element(out, 'definedNames');
  if (names) {
    const edits: Array<{ start: number; end: number; text: string }> = [];
    for (const d of elements(out, 'definedName', names.start, names.end)) {
      const tag = startTag(d.text);
      const local = getAttr(tag, 'localSheetId');
      if (local === undefined) continue;
      const n = Number(local);
      if (n === index) edits.push({ start: d.start, end: d.end, text: '' });
      else if (n > index) edits.push({ start: d.start, end: d.start + tag.length, text: setAttr(tag, 'localSheetId', String(n - 1)) });
    }
    out = splice(out, edits);
    const again = element(out, 'definedNames');
    if (again && elements(out, 'definedName', again.start, again.end).length === 0) out = out.slice(0, again.start) + out.slice(again.end);
  }
  const view = element(out, 'workbookView');
  if (view) {
    let tag = startTag(view.text);
    for (const attr of ['activeTab', 'firstSheet']) {
      const v = getAttr(tag, attr);
      if (v !== undefined && Number(v) >= index && Number(v) > 0) tag = setAttr(tag, attr, String(Number(v) - 1));
    }
    out = out.slice(0, view.start) + tag + out.slice(view.start + startTag(view.text).length);
  }
  await dropPart(zip, wbPath, part.path);
  zip.remove(relsPath(part.path));
  return out;
}

/** Removes a part with its relationship from the workbook and its content type. */
async function dropPart(zip: JSZip, wbPath: string, part: string): Promise<void> {
  zip.remove(part);
  const relsFile = relsPath(wbPath);
  const rels = (await text(zip, relsFile)) ?? '';
  const edits = elements(rels, 'Relationship')
    .filter((r) => resolveTarget(wbPath, getAttr(startTag(r.text), 'Target') ?? '') === part)
    .map((r) => ({ start: r.start, end: r.end, text: '' }));
  if (edits.length > 0) zip.file(relsFile, splice(rels, edits));
  const types = (await text(zip, '[Content_Types].xml')) ?? '';
  const overrides = elements(types, 'Override')
    .filter((o) => getAttr(startTag(o.text), 'PartName') === `/${part}`)
    .map((o) => ({ start: o.start, end: o.end, text: '' }));
  if (overrides.length > 0) zip.file('[Content_Types].xml', splice(types, overrides));
}
