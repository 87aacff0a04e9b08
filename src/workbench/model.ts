/**
 * The workbench's workbook: what the user typed into each cell (kept exactly, so the formula bar
 * and `readInput` give it back as typed), the cells' formats, the sheets' column widths and
 * charts, workbook names and the pane's settings; and a HyperFormula instance with the CYBER
 * plugin that computes every value.
 *
 * Settings as in the CLI's reading of .xlsx files (src/sheet/workbook.ts, workbookConfig): array
 * arithmetic off, so a workbook computes the same here, in `cyberbi calc` and in Excel's file
 * semantics; an array formula (Ctrl+Shift+Enter in Excel) is flagged per cell and given to
 * HyperFormula as ARRAYFORMULA(...). CYBER functions returning arrays spill without it.
 *
 * Editing as in Excel: copy/paste, fill, moving cells and inserting or deleting rows and columns
 * go through HyperFormula's own operations (so relative references move and absolute ones stay),
 * and the model's per-cell state (the input as typed, its format, the array flag) is moved the
 * same way. After such an operation a formula whose text HyperFormula changed takes HyperFormula's
 * text (the formula bar shows the adjusted formula); one HyperFormula did not change keeps the text
 * as typed. Every edit is one step of one history: each entry holds how many HyperFormula undo
 * entries it made and the model state before and after it, so undo and redo keep both in step.
 *
 * HyperFormula is GPL-3.0-only: this module belongs to the workbench bundle only.
 */
import { AlwaysSparse, DetailedCellError, HyperFormula } from 'hyperformula';
import type { RawCellContent, SimpleCellAddress, SimpleCellRange } from 'hyperformula';
import { arrayFormula, columnLetters, columnNumber, normalizeFormula } from '../sheet/formula';
import { FormulaLimitError, formulaLimitProblem, limitedContent } from '../sheet/formulaLimits';
import { mentionsWholeLine, readsWholeLines, registerCyberFunctions, reservationOutgrown } from '../sheet/plugin';
import { isSparseSheet, withSparseSheets, workbookConfig } from '../sheet/workbook';
import type { CharacterSet } from '../sheet/characterSets';
import type { RowVisibility } from '../sheet/hiddenRows';
import type { CellInput, CellValue, ChartSpec } from '../taskpane/gateway';
import type { CellRef } from './address';
import { editText, parseTyped, setCellTextDateSystem } from './cellText';
import { mapReferences, renameSheetReferences } from './references';
import type { AxisEdit } from './xlsxShift';
import { readMetaRows, recordStateProblems, type StateProblem, validCharts } from './stateValidate';
import { formulaWholeLineCells, type WholeLineCells } from '../sheet/wholeLineCells';

export interface CellStyle {
  /** Excel number format code; absent means General. */
  readonly numberFormat?: string;
  readonly bold?: boolean;
  /** Background as #RRGGBB. */
  readonly fill?: string;
}

export interface NamedRange {
  readonly name: string;
  /** Formula text, e.g. "='Claim'!$C$5". */
  readonly expression: string;
}

/** A rectangle of cells on one sheet (0-based, inclusive). */
export interface Area {
  readonly start: CellRef;
  readonly end: CellRef;
}

/** Everything the model keeps about one cell; records are replaced, never changed in place. */
interface CellRecord {
  readonly input: CellInput;
  /** HyperFormula's text of the formula when it was last read (tells an adjusted formula). */
  readonly hf?: string;
  readonly array?: boolean;
  readonly style?: CellStyle;
}

interface SheetProps {
  name: string;
  columnWidths: Record<string, number>;
  charts: readonly ChartSpec[];
  hidden: boolean;
  /**
   * The rows and columns inserted and deleted on the sheet, in order (undo restores the list): a
   * save in place moves the file's merges, validations, names… with them (./xlsxShift.ts).
   */
  edits?: readonly AxisEdit[];
  /**
   * The rows the file hides, and which of them a filter hides (src/sheet/hiddenRows.ts): SUBTOTAL
   * leaves them out as Excel does. They move with inserted and deleted rows (undo restores them).
   */
  rows?: RowVisibility;
}

interface SheetState extends SheetProps {
  readonly cells: Map<string, CellRecord>;
}

export interface Selection {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** One undo step. */
interface HistoryEntry {
  readonly id: number;
  readonly label: string;
  /** HyperFormula undo entries this step made. */
  readonly hf: number;
  readonly cells: ReadonlyArray<{ sheet: SheetState; key: string; before?: CellRecord; after?: CellRecord }>;
  readonly props: ReadonlyArray<{ sheet: SheetState; before: SheetProps; after: SheetProps }>;
  readonly order?: { before: SheetState[]; after: SheetState[] };
  readonly selectionBefore: Selection | null;
  readonly selectionAfter: Selection | null;
}

interface Transaction {
  readonly label: string;
  hf: number;
  readonly cells: Map<SheetState, Map<string, CellRecord | undefined>>;
  readonly props: Map<SheetState, SheetProps>;
  order?: SheetState[];
  readonly selection: Selection | null;
  readonly group: boolean;
  /** The workbook names when a group opened (a group that changed nothing is dropped). */
  readonly names?: string;
}

interface Clipboard {
  readonly mode: 'copy' | 'cut';
  readonly sheet: SheetState;
  readonly area: Area;
  readonly text: string;
}

/** The whole workbook as plain JSON (autosave; tests compare it). */
export interface WorkbookSnapshot {
  readonly format: 'cyberbi-workbench';
  readonly version: 1;
  readonly sheets: ReadonlyArray<{
    readonly name: string;
    readonly hidden: boolean;
    readonly columnWidths: Readonly<Record<string, number>>;
    readonly charts: readonly ChartSpec[];
    /** [row, col, input, array, style] per cell with an input or a format, row-major. */
    readonly cells: ReadonlyArray<readonly [number, number, CellInput, boolean, CellStyle | null]>;
    /** The rows the sheet hides (an opened file's), when any. */
    readonly rows?: RowVisibility;
  }>;
  readonly names: readonly NamedRange[];
  readonly settings: ReadonlyArray<readonly [string, string]>;
  readonly selection: Selection | null;
}

/** Steps kept for undo (HyperFormula keeps more: a step may hold several of its entries). */
export const UNDO_STEPS = 200;
const HF_UNDO_LIMIT = 20000;

const key = (row: number, col: number) => `${row},${col}`;
/**
 * HyperFormula 3.5 calls clearRedoStack on every cell operation, and that collects the old-data
 * versions of every entry on the undo stack and in the open batch before it looks at what is
 * discarded — even when the redo stack is empty and nothing is. Each write then costs the size of
 * the whole history: opening a 5,000-cell workbook took 12 s, 20,000 cells in one batch minutes.
 * With nothing discarded that work has no effect, so it is skipped (the same check HyperFormula's
 * own loop makes afterwards); anything discarded is cleaned up exactly as before.
 */
function skipEmptyUndoCleanup(hf: HyperFormula): void {
  const undoRedo = (hf as unknown as { _crudOperations?: { undoRedo?: { cleanupOldDataForEntries?: (discarded: readonly unknown[], retained: readonly unknown[]) => void } } })._crudOperations?.undoRedo;
  const original = undoRedo?.cleanupOldDataForEntries;
  if (!undoRedo || typeof original !== 'function') return; // another HyperFormula: left as it is
  undoRedo.cleanupOldDataForEntries = function (discarded, retained) {
    if (discarded.length === 0) return;
    original.call(this, discarded, retained);
  };
}

const unkey = (k: string): [number, number] => {
  const i = k.indexOf(',');
  return [Number(k.slice(0, i)), Number(k.slice(i + 1))];
};

/**
 * The addresses ([row, col]) of every cell HyperFormula holds on a sheet — values, formulas, the
 * cells arrays spill into, and the empty cells formulas refer to — at the cost of those cells.
 * HyperFormula 3.5 reads a sheet publicly only as its dense rectangle (getSheetSerialized: one
 * value at XFD1048576 is 17 billion slots, a 20,000-row sheet with a stray value in column XFD
 * 327 million), so this reads its address mapping (private): a sparse sheet's maps of columns
 * and rows, or a dense sheet's array of rows, whose holes are skipped. Every cell that has a
 * value, a formula or an array part has an entry there (HyperFormula reads them from it).
 * Undefined for another HyperFormula, whose mapping is not this one: the caller reads the rectangle.
 */
function heldCells(hf: HyperFormula, sheet: number): Array<[number, number]> | undefined {
  let mapping: unknown;
  try {
    mapping = (hf as unknown as { addressMapping?: { getStrategyForSheetOrThrow?: (id: number) => { mapping?: unknown } } }).addressMapping?.getStrategyForSheetOrThrow?.(sheet)?.mapping;
  } catch {
    return undefined;
  }
  const out: Array<[number, number]> = [];
  if (mapping instanceof Map) {
    // SparseStrategy: column → (row → vertex).
    for (const [col, rows] of mapping as Map<unknown, unknown>) {
      if (typeof col !== 'number' || !(rows instanceof Map)) return undefined;
      for (const [row, vertex] of rows as Map<unknown, unknown>) if (typeof row === 'number' && vertex !== undefined) out.push([row, col]);
    }
    return out;
  }
  if (Array.isArray(mapping)) {
    // DenseStrategy: rows of vertices; forEach visits only the entries present.
    let ok = true;
    mapping.forEach((line: unknown, row: number) => {
      if (!Array.isArray(line)) {
        ok &&= line === undefined || line === null;
        return;
      }
      line.forEach((vertex: unknown, col: number) => {
        if (vertex) out.push([row, col]);
      });
    });
    return ok ? out : undefined;
  }
  return undefined;
}

/**
 * The addresses of the cells HyperFormula holds on a sheet (within `only` when given), at the cost of those cells: its address mapping ({@link heldCells}); a small
 * `only` is read cell by cell, and another HyperFormula's sheet as its rectangle (the cells whose
 * serialized content is not null).
 */
function cellsHeld(hf: HyperFormula, sheet: number, only?: Area): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (only && height(only) * width(only) <= SMALL_AREA) {
    const dims = hf.getSheetDimensions(sheet);
    for (let r = only.start.row; r <= Math.min(only.end.row, dims.height - 1); r++) {
      for (let c = only.start.col; c <= Math.min(only.end.col, dims.width - 1); c++) if (String(hf.getCellType({ sheet, row: r, col: c })) !== 'EMPTY') out.push([r, c]);
    }
    return out;
  }
  const held = heldCells(hf, sheet);
  if (held === undefined) {
    hf.getSheetSerialized(sheet).forEach((line, row) =>
      line.forEach((v, col) => {
        if (v !== null && v !== undefined && (!only || inside(only, row, col))) out.push([row, col]);
      }),
    );
    return out;
  }
  return only ? held.filter(([row, col]) => inside(only, row, col)) : held;
}

/** An area this small is read cell by cell rather than through the sheet's held cells. */
const SMALL_AREA = 4096;

/** HyperFormula's storage of one sheet's cells (its DenseStrategy or SparseStrategy), as far as read here. */
interface CellStorage {
  readonly mapping: unknown;
  getCell(address: SimpleCellAddress): unknown;
  setCell(address: SimpleCellAddress, vertex: unknown): void;
  getHeight(): number;
  getWidth(): number;
}

/** A sheet whose extent passes this many cells, filled below SPARSE_SHARE of it, is stored sparsely (src/sheet/workbook.ts isSparseSheet). */
const SPARSE_EXTENT = 1 << 20;
const SPARSE_SHARE = 1 / 32;
/** The extent each dense sheet was last checked at (a sheet is checked again only when it grows). */
const checkedExtent = new WeakMap<object, string>();

/**
 * HyperFormula stores a sheet added empty densely: an array of the sheet's width for each row.
 * Once one value sits far away (typed at XFD1048576), every further row costs 16,384 slots: 5,000
 * values typed in column A took 630 MB. A dense sheet that would then hold (with `adding`, the
 * cells about to be written) less than 1/32 of an extent of more than 2^20 cells — the rule by
 * which opening a file stores a sheet sparsely — is moved to HyperFormula's sparse storage: its
 * cells' vertices, unchanged, into maps (HyperFormula 3.5 looks a sheet's storage up on every
 * access and keeps no other reference to it). Reads HyperFormula's private address mapping;
 * another HyperFormula is left as it is.
 */
function keepSparse(hf: HyperFormula, sheet: number, adding: ReadonlyArray<{ row: number; col: number }> = []): void {
  const addressMapping = (hf as unknown as { addressMapping?: { mapping?: unknown; getStrategyForSheetOrThrow?: (id: number) => CellStorage } }).addressMapping;
  const sheets = addressMapping?.mapping;
  let storage: CellStorage | undefined;
  try {
    storage = addressMapping?.getStrategyForSheetOrThrow?.(sheet);
  } catch {
    return;
  }
  if (!storage || !Array.isArray(storage.mapping) || !(sheets instanceof Map) || sheets.get(sheet) !== storage) return;
  let rows = storage.getHeight();
  let cols = storage.getWidth();
  for (const c of adding) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  if (rows * cols <= SPARSE_EXTENT) return;
  const extent = `${rows}x${cols}`;
  if (checkedExtent.get(storage) === extent) return;
  checkedExtent.set(storage, extent);
  const held = heldCells(hf, sheet);
  if (held === undefined || held.length + adding.length >= rows * cols * SPARSE_SHARE) return;
  const Sparse = new AlwaysSparse().call() as unknown as new (width: number, height: number) => CellStorage;
  const sparse = new Sparse(storage.getWidth(), storage.getHeight());
  for (const [row, col] of held) sparse.setCell({ sheet, row, col }, storage.getCell({ sheet, row, col }));
  sheets.set(sheet, sparse);
}

/** The [row, col] of a sheet's records that hold an input (what HyperFormula is given). */
function inputCells(state: SheetState): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [k, rec] of state.cells) if (rec.input !== null) out.push(unkey(k));
  return out;
}

const isCellIndex = (n: unknown, limit: number): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) < limit;

/** Whether a sheet holding these cells is stored sparsely, by the rule the CLI and opening a file use (src/sheet/workbook.ts). */
function sparseAt(cells: Iterable<readonly [number, number]>): boolean {
  const rows: number[][] = [];
  for (const [row, col] of cells) (rows[row] ??= [])[col] = 1;
  return isSparseSheet(rows);
}

export function isFormula(input: CellInput): input is { readonly formula: string } {
  return typeof input === 'object' && input !== null && typeof (input as { formula?: unknown }).formula === 'string';
}

/** A HyperFormula value → the gateway's CellValue. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof DetailedCellError) return v.message ? { error: v.value, message: v.message } : { error: v.value };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** One input → what HyperFormula is given (text always stays text, as in src/sheet/workbook.ts). */
function toContent(input: CellInput, array: boolean): RawCellContent {
  if (input === null || input === '') return null;
  if (typeof input === 'number') return Number.isFinite(input) ? input : '#NUM!';
  if (typeof input === 'boolean') return input;
  if (typeof input === 'string') return `'${input}`;
  // Beyond Excel's formula limits (a file or a stored workbook can hold one; typing is refused
  // before it gets here): #VALUE! naming the limit, the formula kept as the input. HyperFormula
  // never parses it: its parser and interpreter recurse once per level (src/sheet/formulaLimits.ts).
  return limitedContent(input.formula) ?? (array ? arrayFormula(input.formula) : normalizeFormula(input.formula));
}

/** Throws {@link FormulaLimitError} (nothing written) for the first formula beyond Excel's limits. */
function refuseOverLimit(inputs: Iterable<CellInput>): void {
  for (const input of inputs) {
    if (!isFormula(input)) continue;
    const problem = formulaLimitProblem(input.formula);
    if (problem) throw new FormulaLimitError(problem);
  }
}

/**
 * The most cells the model takes with the empty cells a typed formula's whole-column and
 * whole-row references would make HyperFormula hold: the 1,000,000 a file may have to be opened
 * (MAX_OPEN_CELLS in ./xlsx.ts, which imports this file). HyperFormula keeps a vertex for every
 * cell of a whole column down to the sheet's last row: one `=SUM(A:A)` typed on a sheet holding
 * a value at XFD1048576 is a million cells (460 MB and 3 s in the model; a few such columns crashed
 * the browser tab).
 */
export const MAX_HELD_CELLS = 1_000_000;

const fmt = (n: number) => n.toLocaleString('en-US');

/** Thrown when a typed or pasted formula's whole-column or whole-row references cover too many cells: nothing was written. */
export class WholeLineLimitError extends Error {
  /** The reason in Chinese (the message is English). */
  readonly zh: string;
  constructor(
    readonly covered: WholeLineCells,
    /** The cells the workbook holds already. */
    readonly held: number,
  ) {
    const c = covered;
    super(
      `This formula's whole-column and whole-row references (${c.example} on sheet "${c.sheet}", which reaches row ${fmt(c.rows)} and column ${columnLetters(c.cols)}) cover about ${fmt(c.cells)} cells, each of which HyperFormula holds; with the workbook's ${fmt(held)} cells, more than the ${fmt(MAX_HELD_CELLS)} the workbench holds. Refer to the rows in use (for example A1:A1000 rather than A:A).`,
    );
    this.name = 'WholeLineLimitError';
    this.zh = `此公式的整列或整行引用（工作表"${c.sheet}"的 ${c.example}，该表用到第 ${fmt(c.rows)} 行、第 ${columnLetters(c.cols)} 列）覆盖约 ${fmt(c.cells)} 个单元格，HyperFormula 要为每个单元格占用内存；加上工作簿已有的 ${fmt(held)} 个单元格，超过工作台可容纳的 ${fmt(MAX_HELD_CELLS)} 个。请改为引用实际使用的行（例如用 A1:A1000 代替 A:A）。`;
  }
}

/** A non-formula cell's serialized content → the input it stands for. */
function inputOfSerialized(v: unknown): CellInput {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const s = String(v);
  return s.startsWith("'") ? s.slice(1) : s;
}

/**
 * HyperFormula's formula text → what the formula bar shows: an array formula without its
 * ARRAYFORMULA(...) (the flag says it), TRUE() and FALSE() as the constants Excel writes.
 */
export function userFormula(hfText: string, array: boolean): string {
  let text = hfText;
  if (array) {
    const m = /^=\s*ARRAYFORMULA\s*\(([\s\S]*)\)\s*$/i.exec(text);
    if (m) text = `=${m[1]}`;
  }
  // Outside string literals only.
  return text
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(^|[^\w.])(TRUE|FALSE)\(\)/gi, '$1$2')))
    .join('');
}

function sameInput(a: CellInput, b: CellInput): boolean {
  if (isFormula(a) || isFormula(b)) return isFormula(a) && isFormula(b) && a.formula === b.formula;
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function cleanStyle(style: Record<string, unknown>): CellStyle | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(style)) if (v !== undefined && v !== '' && v !== false && !(k === 'numberFormat' && v === 'General')) out[k] = v;
  return Object.keys(out).length ? (out as CellStyle) : undefined;
}

function normArea(a: Area): Area {
  return {
    start: { row: Math.min(a.start.row, a.end.row), col: Math.min(a.start.col, a.end.col) },
    end: { row: Math.max(a.start.row, a.end.row), col: Math.max(a.start.col, a.end.col) },
  };
}

const height = (a: Area) => a.end.row - a.start.row + 1;
const width = (a: Area) => a.end.col - a.start.col + 1;
const inside = (a: Area, row: number, col: number) => row >= a.start.row && row <= a.end.row && col >= a.start.col && col <= a.end.col;
const mod = (n: number, m: number) => ((n % m) + m) % m;

/** Text for the system clipboard: tab-separated, a field with a tab, newline or quote quoted as Excel does. */
export function toTsv(rows: ReadonlyArray<readonly string[]>): string {
  const field = (s: string) => (/[\t\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(field).join('\t')).join('\r\n');
}

/** Tab-separated text (as Excel and other applications put on the clipboard) → rows of fields. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  let field = '';
  const t = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  if (t === '') return [];
  while (i <= t.length) {
    if (t[i] === '"' && field === '') {
      let j = i + 1;
      let value = '';
      while (j < t.length) {
        if (t[j] === '"') {
          if (t[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += t[j++];
      }
      if (j < t.length && (t[j + 1] === '\t' || t[j + 1] === '\n' || j + 1 >= t.length)) {
        field = value;
        i = j + 1;
        continue;
      }
    }
    const c = t[i];
    if (c === undefined || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c === '\t') {
      row.push(field);
      field = '';
    } else field += c;
    i++;
  }
  return rows;
}

/**
 * The sheets' hidden rows as HyperFormula's evaluation context hands them to SUBTOTAL: the Map by
 * upper-case sheet name that src/sheet/subtotal.ts reads (`context.rows`, as src/sheet/workbook.ts
 * builds it for the CLI), looked up in the model's sheets at each evaluation. So the engine is
 * given it once, when built: HyperFormula's updateConfig rebuilds the engine and drops its undo
 * history, and the rows change with every row inserted or deleted, undone or redone, and follow a
 * renamed sheet by themselves. Only what SUBTOTAL reads (size, get, has) answers; it is never iterated.
 */
class LiveRowVisibility extends Map<string, RowVisibility> {
  constructor(private readonly states: readonly SheetState[]) {
    super();
  }

  override get(name: string): RowVisibility | undefined {
    const upper = name.toUpperCase();
    return this.states.find((s) => s.rows !== undefined && s.name.toUpperCase() === upper)?.rows;
  }

  override has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  override get size(): number {
    return this.states.reduce((n, s) => n + (s.rows ? 1 : 0), 0);
  }
}

/** A stored RowVisibility (an autosave's JSON) when it is one: row numbers within a sheet, the filtered among the hidden. */
function validRows(v: unknown): RowVisibility | undefined {
  const rows = v as { hidden?: unknown; filtered?: unknown } | null | undefined;
  if (!rows || typeof rows !== 'object' || !Array.isArray(rows.hidden) || !Array.isArray(rows.filtered)) return undefined;
  if (rows.hidden.length > 1048576 || !rows.hidden.every((r) => isCellIndex(r, 1048576))) return undefined;
  const hidden = new Set(rows.hidden as number[]);
  if (!rows.filtered.every((r) => hidden.has(r as number))) return undefined;
  return { hidden: [...hidden], filtered: [...new Set(rows.filtered as number[])] };
}

/** A sheet's hidden rows after rows were inserted (delta > 0) or deleted (delta < 0) at `index`; undefined when none is left. */
export function shiftRowVisibility(rows: RowVisibility | undefined, index: number, delta: number): RowVisibility | undefined {
  if (!rows) return undefined;
  // As Excel: rows at and below the edit move; deleted rows go; inserted rows are shown.
  const shift = (list: readonly number[]) =>
    list.flatMap((r) => (r < index ? [r] : delta < 0 && r < index - delta ? [] : r + delta < 1048576 ? [r + delta] : []));
  const hidden = shift(rows.hidden);
  return hidden.length === 0 ? undefined : { hidden, filtered: shift(rows.filtered) };
}

export class WorkbenchModel {
  private engine: HyperFormula;
  private readonly sheets: SheetState[] = [];
  /** The sheets' hidden rows for SUBTOTAL, given to HyperFormula's context once ({@link LiveRowVisibility}). */
  private readonly liveRows = new LiveRowVisibility(this.sheets);
  private readonly settings = new Map<string, string>();
  private selected: Selection | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly selectionListeners = new Set<() => void>();
  private readonly historyListeners = new Set<() => void>();
  private versionNumber = 0;
  private tx: Transaction | null = null;
  private depth = 0;
  private touched = false;
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private nextEntryId = 1;
  private savedEntryId = 0;
  private untrackedDirty = false;
  private clip: Clipboard | null = null;
  /** CHAR's and CODE's character set (see {@link setCharacterSet}). */
  private characterSet: CharacterSet = 'windows';
  /** Excel's 1904 date system (see {@link setDate1904}). */
  private date1904 = false;

  constructor() {
    registerCyberFunctions('en');
    this.engine = WorkbenchModel.newEngine(this.liveRows);
    setCellTextDateSystem(false);
  }

  private static newEngine(rows: LiveRowVisibility, characterSet: CharacterSet = 'windows', date1904 = false): HyperFormula {
    const config = workbookConfig({ arrayArithmetic: false, characterSet, date1904 });
    const hf = HyperFormula.buildEmpty({ ...config, context: { ...(config.context as object), rows }, undoLimit: HF_UNDO_LIMIT });
    skipEmptyUndoCleanup(hf);
    return hf;
  }

  /** HyperFormula's evaluation context: CHAR's and CODE's character set, the date system, the sheets' hidden rows. */
  private contextOf(characterSet: CharacterSet, date1904: boolean): object {
    return { ...(workbookConfig({ characterSet, date1904 }).context as object), rows: this.liveRows };
  }

  /**
   * CHAR and CODE in Mac Excel's character set ('mac') or Windows-1252 (the default): that of the
   * application which computed the opened file (src/workbench/xlsx.ts). Set it before the sheets
   * are filled: the engine recalculates everything.
   */
  setCharacterSet(characterSet: CharacterSet): void {
    if (characterSet === this.characterSet) return;
    this.characterSet = characterSet;
    this.engine.updateConfig({ context: this.contextOf(characterSet, this.date1904) });
    // updateConfig rebuilds HyperFormula's parts, its undo-redo among them: patch it again.
    skipEmptyUndoCleanup(this.engine);
  }

  /**
   * The HyperFormula engine (read it freely). Writing to it directly bypasses the undo history:
   * do that only before {@link resetHistory} (while opening a file) or through {@link runEngine}.
   * It can be replaced by a fresh engine (see {@link historyProblem}): do not keep it.
   */
  get hf(): HyperFormula {
    return this.engine;
  }

  /** Runs HyperFormula writes as one undo step of the model (e.g. a sheet-scoped bookkeeping name). */
  runEngine<T>(label: string, fn: (hf: HyperFormula) => T): T {
    let result: T | undefined;
    this.edit(label, () => this.hfDo(() => (result = fn(this.engine))));
    return result as T;
  }

  /**
   * The workbook's 1904 date system (`<workbookPr date1904="1"/>`, src/sheet/dateSystem.ts), set
   * by src/workbench/xlsx.ts before the sheets are filled: formulas are evaluated, and dates shown
   * and typed (src/workbench/cellText.ts), in it; saving in place keeps the flag.
   */
  setDate1904(date1904: boolean): void {
    setCellTextDateSystem(date1904);
    if (date1904 === this.date1904) return;
    this.date1904 = date1904;
    const { nullDate, leapYear1900 } = workbookConfig({ characterSet: this.characterSet, date1904 });
    this.engine.updateConfig({ nullDate, leapYear1900, context: this.contextOf(this.characterSet, date1904) });
    skipEmptyUndoCleanup(this.engine);
  }

  /** The workbook uses Excel's 1904 date system. */
  isDate1904(): boolean {
    return this.date1904;
  }

  /**
   * Runs HyperFormula writes that are bookkeeping, not an edit (e.g. the saver's sheet-scoped
   * anchor name): no undo step, and HyperFormula's undo entry for them is dropped so its stack
   * stays in step with the model's (this reads HyperFormula 3.5's private undo stack). A pending
   * redo is lost, as after any write.
   */
  runUntracked<T>(fn: (hf: HyperFormula) => T): T {
    this.closeGroup();
    if (this.tx) throw new Error('runUntracked inside an edit');
    const undoRedo = (this.engine as unknown as { _crudOperations?: { undoRedo?: { undoStack?: unknown[] } } })._crudOperations?.undoRedo;
    const before = undoRedo?.undoStack?.length;
    const result = fn(this.engine);
    if (undoRedo?.undoStack && before !== undefined && undoRedo.undoStack.length > before) undoRedo.undoStack.splice(before);
    this.engine.clearRedoStack();
    this.redoStack = [];
    this.changed();
    this.historyChanged();
    return result;
  }

  /** Why the undo history was last cleared by the model itself (see rebuildEngine), for the UI to say. */
  historyProblem: string | undefined;

  /** A workbook with one empty sheet, "Sheet1", selected at A1, clean and with nothing to undo. */
  static blank(): WorkbenchModel {
    const model = new WorkbenchModel();
    model.addSheet('Sheet1');
    model.select('Sheet1', 0, 0);
    model.resetHistory();
    return model;
  }

  // ---- change notification --------------------------------------------------------------------

  /** Increases with every change; a React view re-renders when it moves. */
  get version(): number {
    return this.versionNumber;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` whenever the selected cell changes; returns the unsubscribe function. */
  onSelectionChanged(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  /** Calls `listener` when canUndo, canRedo, their labels or dirty may have changed. */
  onHistoryChanged(listener: () => void): () => void {
    this.historyListeners.add(listener);
    return () => this.historyListeners.delete(listener);
  }

  private changed(): void {
    if (this.depth > 0) {
      this.touched = true;
      return;
    }
    this.versionNumber++;
    for (const l of [...this.listeners]) l();
  }

  private historyChanged(): void {
    for (const l of [...this.historyListeners]) l();
  }

  // ---- history --------------------------------------------------------------------------------

  /**
   * Runs `fn` as ONE undo step (nested calls join the outer step). If `fn` throws, everything it
   * did is rolled back and the error is rethrown.
   */
  edit<T>(label: string, fn: () => T): T {
    const outer = this.tx === null;
    if (outer) this.tx = this.newTransaction(label, false);
    this.depth++;
    let result: T;
    try {
      result = fn();
    } catch (e) {
      this.depth--;
      if (outer) this.rollback();
      else if (this.depth === 0) this.flushChanged();
      throw e;
    }
    this.depth--;
    if (outer) this.commit();
    else if (this.depth === 0) this.flushChanged();
    return result;
  }

  /**
   * Opens a step that stays open across several calls until {@link closeGroup} (the task pane's
   * writes through the gateway: a whole template sheet or sensitivity run is one step). Undo, redo
   * and resetHistory close it first.
   */
  openGroup(label: string): void {
    if (this.tx) return;
    this.tx = this.newTransaction(label, true);
  }

  closeGroup(): void {
    if (this.tx?.group && this.depth === 0) this.commit();
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0 || (this.tx?.group === true && this.depth === 0 && this.txHasChanges());
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0 && !this.tx;
  }

  /** Steps that can be undone (for tests and a history list). */
  get undoCount(): number {
    return this.undoStack.length;
  }

  get undoLabel(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.label;
  }

  get redoLabel(): string | undefined {
    return this.redoStack[this.redoStack.length - 1]?.label;
  }

  /** Undoes the last step; false when there is none. */
  undo(): boolean {
    this.closeGroup();
    if (this.tx) return false;
    const entry = this.undoStack.pop();
    if (!entry) return false;
    let failed: unknown;
    // SUBTOTAL is recomputed while HyperFormula undoes: the hidden rows (and a deleted sheet, with
    // its rows) are back first, so it leaves out the rows Excel would.
    for (const p of entry.props) p.sheet.rows = p.before.rows;
    if (entry.order) this.sheets.splice(0, this.sheets.length, ...entry.order.before);
    try {
      for (let i = 0; i < entry.hf; i++) if (this.hf.isThereSomethingToUndo()) this.hf.undo();
    } catch (e) {
      failed = e;
    }
    for (const c of entry.cells) this.rawPut(c.sheet, c.key, c.before);
    for (const p of entry.props) Object.assign(p.sheet, p.before);
    if (entry.order) this.sheets.splice(0, this.sheets.length, ...entry.order.before);
    this.redoStack.push(entry);
    this.checkEngine(entry, failed);
    this.restoreSelection(entry.selectionBefore);
    this.changed();
    this.historyChanged();
    return true;
  }

  /** Redoes the last undone step; false when there is none. */
  redo(): boolean {
    this.closeGroup();
    if (this.tx) return false;
    const entry = this.redoStack.pop();
    if (!entry) return false;
    let failed: unknown;
    // As in undo: the hidden rows (and the sheets) as the step left them before SUBTOTAL is recomputed.
    for (const p of entry.props) p.sheet.rows = p.after.rows;
    if (entry.order) this.sheets.splice(0, this.sheets.length, ...entry.order.after);
    try {
      for (let i = 0; i < entry.hf; i++) if (this.hf.isThereSomethingToRedo()) this.hf.redo();
    } catch (e) {
      failed = e;
    }
    for (const c of entry.cells) this.rawPut(c.sheet, c.key, c.after);
    for (const p of entry.props) Object.assign(p.sheet, p.after);
    if (entry.order) this.sheets.splice(0, this.sheets.length, ...entry.order.after);
    this.undoStack.push(entry);
    this.checkEngine(entry, failed);
    this.restoreSelection(entry.selectionAfter);
    this.changed();
    this.historyChanged();
    return true;
  }

  /** Unsaved changes since the workbook was opened, created or saved (undoing back to it is clean). */
  get dirty(): boolean {
    if (this.tx?.group && this.txHasChanges()) return true;
    return this.untrackedDirty || this.currentEntryId() !== this.savedEntryId;
  }

  /** Call after the workbook was saved. */
  markSaved(): void {
    this.closeGroup();
    this.savedEntryId = this.currentEntryId();
    this.untrackedDirty = false;
    this.historyChanged();
  }

  /** Marks the workbook unsaved without an undo step (a workbook restored from autosave is not in any file). */
  markRestored(): void {
    this.untrackedDirty = true;
    this.historyChanged();
  }

  /** Forgets undo and redo and marks the workbook clean (after opening a file or "New"). */
  resetHistory(): void {
    this.closeGroup();
    this.undoStack = [];
    this.redoStack = [];
    this.hf.clearUndoStack();
    this.hf.clearRedoStack();
    this.savedEntryId = 0;
    this.untrackedDirty = false;
    this.historyChanged();
  }

  private currentEntryId(): number {
    return this.undoStack[this.undoStack.length - 1]?.id ?? 0;
  }

  private newTransaction(label: string, group: boolean): Transaction {
    return { label, hf: 0, cells: new Map(), props: new Map(), selection: this.selected, group, ...(group ? { names: JSON.stringify(this.names()) } : {}) };
  }

  private txHasChanges(): boolean {
    const tx = this.tx;
    return tx !== null && (tx.hf > 0 || tx.cells.size > 0 || tx.props.size > 0 || tx.order !== undefined);
  }

  private flushChanged(): void {
    if (this.touched) {
      this.touched = false;
      this.changed();
    }
  }

  private commit(): void {
    const tx = this.tx;
    if (!tx) return;
    if (tx.hf > 0) this.refreshStaleArrays([...tx.cells.keys()]);
    // Whatever made a sheet reach far (a paste, a fill, a move), its next rows cost their cells.
    if (tx.hf > 0) for (const state of tx.cells.keys()) if (this.sheets.includes(state)) keepSparse(this.hf, this.idOf(state));
    this.tx = null;
    const cells: Array<{ sheet: SheetState; key: string; before?: CellRecord; after?: CellRecord }> = [];
    for (const [sheet, changes] of tx.cells) {
      for (const [k, before] of changes) {
        const after = sheet.cells.get(k);
        if (before !== after) cells.push({ sheet, key: k, before, after });
      }
    }
    const props: Array<{ sheet: SheetState; before: SheetProps; after: SheetProps }> = [];
    for (const [sheet, before] of tx.props) props.push({ sheet, before, after: this.propsOf(sheet) });
    const order = tx.order && (tx.order.length !== this.sheets.length || tx.order.some((s, i) => s !== this.sheets[i])) ? { before: tx.order, after: [...this.sheets] } : undefined;
    const sameRecord = (a?: CellRecord, b?: CellRecord) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
    const noop =
      cells.every((c) => sameRecord(c.before, c.after)) &&
      props.every((p) => JSON.stringify(p.before) === JSON.stringify(p.after)) &&
      !order &&
      (tx.names === undefined || tx.names === JSON.stringify(this.names()));
    if (noop && (tx.hf === 0 || tx.group)) {
      // Nothing the user could see changed (a sensitivity sweep writes and restores its input):
      // no step. HyperFormula's entries of it are taken back so the two histories stay in step.
      for (let i = 0; i < tx.hf; i++) if (this.hf.isThereSomethingToUndo()) this.hf.undo();
      if (tx.hf > 0) {
        this.hf.clearRedoStack();
        this.redoStack = [];
      }
      this.flushChanged();
      this.historyChanged();
      return;
    }
    const entry: HistoryEntry = { id: this.nextEntryId++, label: tx.label, hf: tx.hf, cells, props, order, selectionBefore: tx.selection, selectionAfter: this.selected };
    this.undoStack.push(entry);
    // Drop our oldest steps before HyperFormula would drop the entries they stand for.
    let held = this.undoStack.reduce((n, e) => n + e.hf, 0);
    while (this.undoStack.length > UNDO_STEPS || (held > HF_UNDO_LIMIT && this.undoStack.length > 1)) held -= (this.undoStack.shift() as HistoryEntry).hf;
    this.redoStack = [];
    // A step without HyperFormula work did not clear HyperFormula's redo stack; keep them equal.
    if (tx.hf === 0) this.hf.clearRedoStack();
    this.touched = false;
    this.changed();
    this.historyChanged();
  }

  private rollback(): void {
    const tx = this.tx;
    if (!tx) return;
    this.tx = null;
    let failed: unknown;
    for (const [sheet, before] of tx.props) sheet.rows = before.rows;
    if (tx.order) this.sheets.splice(0, this.sheets.length, ...tx.order);
    try {
      for (let i = 0; i < tx.hf; i++) if (this.hf.isThereSomethingToUndo()) this.hf.undo();
    } catch (e) {
      failed = e;
    }
    for (const [sheet, changes] of tx.cells) for (const [k, before] of changes) this.rawPut(sheet, k, before);
    for (const [sheet, before] of tx.props) Object.assign(sheet, before);
    if (tx.order) this.sheets.splice(0, this.sheets.length, ...tx.order);
    if (failed !== undefined || (tx.hf > 0 && !this.sheets.every((s) => this.engineAgrees(s)))) {
      this.rebuildEngine(`HyperFormula could not take back the failed "${tx.label}"; the workbook was rebuilt as it was and the undo history was cleared.`);
    }
    // HyperFormula's redo stack no longer matches ours.
    this.hf.clearRedoStack();
    this.redoStack = [];
    this.selected = tx.selection;
    this.touched = false;
    this.changed();
    this.historyChanged();
  }

  /**
   * After an undo or redo: HyperFormula 3.5's own undo is unreliable around array formulas (it can
   * throw, give back an array formula as its value, or keep an array's old result). The model's
   * state is the truth: when HyperFormula failed or no longer agrees with it on the step's sheets,
   * a fresh engine is built from the model and the history is cleared (historyProblem says why);
   * the workbook itself is exactly the state the undo or redo was to give.
   */
  private checkEngine(entry: HistoryEntry, failed: unknown): void {
    const sheets = new Set<SheetState>([...entry.cells.map((c) => c.sheet), ...entry.props.map((p) => p.sheet)]);
    if (failed === undefined && [...sheets].every((s) => !this.sheets.includes(s) || this.engineAgrees(s))) return;
    this.rebuildEngine(
      failed !== undefined
        ? `HyperFormula could not ${this.undoStack.includes(entry) ? 'redo' : 'undo'} "${entry.label}" (${failed instanceof Error ? failed.message.slice(0, 80) : String(failed)}); the workbook was rebuilt as it should be and the undo history was cleared.`
        : `HyperFormula's undo of "${entry.label}" disagreed with the workbook; the workbook was rebuilt as it should be and the undo history was cleared.`,
    );
  }

  /**
   * An array formula whose shown result is not what it computes (HyperFormula 3.5 can leave a
   * moved array unspilled): entered again, in the open step, so the sheet shows the right result.
   */
  private refreshStaleArrays(states: SheetState[]): void {
    const stale: Array<{ sheet: number; row: number; col: number; formula: string }> = [];
    for (const state of states) {
      if (!this.sheets.includes(state)) continue;
      const id = this.idOf(state);
      for (const a of this.arrayAnchors(state)) {
        if (/\b(RAND|RANDBETWEEN|RANDARRAY|NOW|TODAY)\s*\(/i.test(a.formula)) continue;
        if (this.arrayStale(id, a.row, a.col, a.formula)) stale.push({ sheet: id, ...a });
      }
    }
    this.wholeLinesOutgrown(stale);
    if (stale.length) this.hfDo(() => stale.forEach((a) => this.hf.setCellContents({ sheet: a.sheet, row: a.row, col: a.col }, [[a.formula]])));
  }

  /**
   * CYBER calls over a whole column or row (=CYBER.POOLSHARE(Data!A:A)), on any sheet: their size
   * is the used part of the column, which HyperFormula fixed when the formula was entered (while a
   * file was opened, before the cells below were written; or before rows were added). One whose
   * result no longer fits what it holds, or that shows something else than it computes, is
   * entered again in the open step (src/sheet/plugin.ts, readsWholeLines).
   */
  private wholeLinesOutgrown(stale: Array<{ sheet: number; row: number; col: number; formula: string }>): void {
    let names: string[] | undefined;
    for (const state of this.sheets) {
      const id = this.hf.getSheetId(state.name);
      if (id === undefined) continue;
      for (const [k, rec] of state.cells) {
        if (!isFormula(rec.input) || rec.hf === undefined || !/CYBER\./i.test(rec.hf)) continue;
        // Only names standing for a whole column or row make a formula one of these.
        names ??= [...this.safeNames(this.hf, undefined), ...this.sheets.flatMap((s) => this.safeNames(this.hf, this.hf.getSheetId(s.name)))].filter((n) => mentionsWholeLine(n.expression)).map((n) => n.name);
        if (!readsWholeLines(rec.hf, names)) continue;
        const [row, col] = unkey(k);
        if (stale.some((a) => a.sheet === id && a.row === row && a.col === col)) continue;
        const value = this.hf.getCellValue({ sheet: id, row, col });
        const outgrown = value instanceof DetailedCellError && reservationOutgrown(value.message);
        if (outgrown || this.arrayStale(id, row, col, rec.hf)) stale.push({ sheet: id, row, col, formula: rec.hf });
      }
    }
  }

  /**
   * Whether an array formula shows something else than it computes: other values, or #SPILL!
   * where nothing blocks its spill (HyperFormula 3.5 can leave either behind after a move or undo).
   */
  private arrayStale(id: number, row: number, col: number, formula: string): boolean {
    const fresh = this.hf.calculateFormula(formula, id);
    const rows = Array.isArray(fresh) ? fresh : [[fresh]];
    const at = (r: number, c: number): SimpleCellAddress => ({ sheet: id, row: row + r, col: col + c });
    const anchorValue = this.hf.getCellValue(at(0, 0));
    if (anchorValue instanceof DetailedCellError && anchorValue.type === 'SPILL') {
      for (let r = 0; r < rows.length; r++) {
        for (let c = 0; c < rows[r].length; c++) {
          if ((r || c) && String(this.hf.getCellType(at(r, c))) !== 'EMPTY') return false;
        }
      }
      return true;
    }
    // Spilled cells left beyond what it computes now.
    const isGhost = (r: number, c: number) => String(this.hf.getCellType(at(r, c))) === 'ARRAY';
    if (isGhost(rows.length, 0) || isGhost(0, Math.max(1, ...rows.map((l) => l.length)))) return true;
    return rows.some((line, r) => line.some((v, c) => JSON.stringify(toCellValue(v)) !== JSON.stringify(toCellValue(this.hf.getCellValue(at(r, c))))));
  }

  /** Whether HyperFormula holds exactly the sheet's records, and its array results are current. */
  private engineAgrees(state: SheetState): boolean {
    const id = this.hf.getSheetId(state.name);
    if (id === undefined) return false;
    const addr = (row: number, col: number): SimpleCellAddress => ({ sheet: id, row, col });
    for (const [k, rec] of state.cells) {
      const [row, col] = unkey(k);
      if (isFormula(rec.input)) {
        const f = this.hf.getCellFormula(addr(row, col));
        if (f === undefined || (rec.hf !== undefined && f !== rec.hf)) return false;
        if (String(this.hf.getCellType(addr(row, col))) === 'ARRAYFORMULA' && !/\b(RAND|RANDBETWEEN|RANDARRAY|NOW|TODAY)\s*\(/i.test(f) && this.arrayStale(id, row, col, f)) return false;
      } else if (rec.input !== null) {
        if (this.hf.getCellFormula(addr(row, col)) !== undefined) return false;
        const v = inputOfSerialized(this.hf.getCellSerialized(addr(row, col)));
        if (!sameInput(v, rec.input) && !(typeof rec.input === 'number' && !Number.isFinite(rec.input))) return false;
      }
    }
    // Every other cell HyperFormula holds is empty or part of an array: the cells it holds, not
    // the sheet's rectangle (one value at XFD1048576 is a rectangle of 17 billion cells).
    for (const [row, col] of cellsHeld(this.hf, id)) {
      if ((state.cells.get(key(row, col))?.input ?? null) !== null) continue;
      const v = this.hf.getCellSerialized(addr(row, col));
      if (v === null || v === undefined) continue;
      if (String(this.hf.getCellType(addr(row, col))) !== 'ARRAY') return false;
    }
    return true;
  }

  /** A fresh HyperFormula engine holding the model's workbook; the undo history is cleared. */
  private rebuildEngine(reason: string): void {
    const old = this.engine;
    const global = this.safeNames(old, undefined);
    const scoped = this.sheets.map((s) => {
      const id = old.getSheetId(s.name);
      return id === undefined ? [] : this.safeNames(old, id);
    });
    const fresh = WorkbenchModel.newEngine(this.liveRows, this.characterSet, this.date1904);
    // A sparse sheet is built sparse again (a dense one reaching XFD1048576 would not fit in memory).
    for (const s of this.sheets) withSparseSheets(sparseAt(inputCells(s)), () => fresh.addSheet(s.name));
    fresh.batch(() => {
      for (const n of global) if (fresh.isItPossibleToAddNamedExpression(n.name, n.expression)) fresh.addNamedExpression(n.name, n.expression);
      this.sheets.forEach((s, i) => {
        const id = fresh.getSheetId(s.name) as number;
        for (const n of scoped[i]) if (fresh.isItPossibleToAddNamedExpression(n.name, n.expression, id)) fresh.addNamedExpression(n.name, n.expression, id);
        for (const [k, rec] of s.cells) {
          if (rec.input === null) continue;
          const [row, col] = unkey(k);
          const content = isFormula(rec.input) ? (rec.hf ?? toContent(rec.input, rec.array === true)) : toContent(rec.input, false);
          fresh.setCellContents({ sheet: id, row, col }, [[content]]);
        }
      });
    });
    fresh.clearUndoStack();
    fresh.clearRedoStack();
    this.engine = fresh;
    try {
      old.destroy();
    } catch {
      /* the broken engine is dropped either way */
    }
    this.undoStack = [];
    this.redoStack = [];
    this.savedEntryId = -1;
    this.historyProblem = reason;
  }

  private safeNames(hf: HyperFormula, scope: number | undefined): NamedRange[] {
    try {
      return hf.listNamedExpressions(scope).map((name) => ({ name, expression: String(hf.getNamedExpression(name, scope)?.expression ?? '') }));
    } catch {
      return [];
    }
  }

  private restoreSelection(selection: Selection | null): void {
    const next = selection && this.hasSheet(selection.sheet) ? selection : this.sheets[0] ? { sheet: this.activeSheetName(), row: 0, col: 0 } : null;
    const prev = this.selected;
    this.selected = next;
    if (prev?.sheet !== next?.sheet || prev?.row !== next?.row || prev?.col !== next?.col) for (const l of [...this.selectionListeners]) l();
  }

  private activeSheetName(): string {
    const sel = this.selected;
    if (sel && this.hasSheet(sel.sheet)) return this.canonicalSheetName(sel.sheet);
    return this.sheets.find((s) => !s.hidden)?.name ?? this.sheets[0]?.name ?? 'Sheet1';
  }

  /** Runs HyperFormula operations as one of its undo entries, counted in the open step. */
  private hfDo(fn: () => void): void {
    if (!this.tx) throw new Error('HyperFormula operation outside an edit');
    this.tx.hf++;
    this.hf.batch(fn);
  }

  private rawPut(state: SheetState, k: string, rec: CellRecord | undefined): void {
    if (rec === undefined) state.cells.delete(k);
    else state.cells.set(k, rec);
  }

  /** Sets a cell's record (journalled in the open step); an empty record is removed. */
  private put(state: SheetState, k: string, rec: CellRecord | undefined): void {
    const tx = this.tx;
    if (tx) {
      let m = tx.cells.get(state);
      if (!m) tx.cells.set(state, (m = new Map()));
      if (!m.has(k)) m.set(k, state.cells.get(k));
    }
    let next = rec;
    if (next && next.input === null) next = next.style ? { input: null, style: next.style } : undefined;
    this.rawPut(state, k, next);
    this.changed();
  }

  private propsOf(state: SheetState): SheetProps {
    return { name: state.name, columnWidths: { ...state.columnWidths }, charts: [...state.charts], hidden: state.hidden, edits: state.edits, rows: state.rows };
  }

  private setProps(state: SheetState, patch: Partial<SheetProps>): void {
    const tx = this.tx;
    if (tx && !tx.props.has(state)) tx.props.set(state, this.propsOf(state));
    Object.assign(state, patch);
    this.changed();
  }

  private setOrder(order: SheetState[]): void {
    const tx = this.tx;
    if (tx && !tx.order) tx.order = [...this.sheets];
    this.sheets.splice(0, this.sheets.length, ...order);
    this.changed();
  }

  // ---- sheets ---------------------------------------------------------------------------------

  /** Every sheet's name in order, hidden ones included only when asked. */
  sheetNames(options: { includeHidden?: boolean } = {}): string[] {
    return this.sheets.filter((s) => options.includeHidden || !s.hidden).map((s) => s.name);
  }

  hasSheet(name: string): boolean {
    return this.find(name) !== undefined;
  }

  private find(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  private sheet(name: string): SheetState {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet "${name}"`);
    return s;
  }

  private idOf(state: SheetState): number {
    const id = this.hf.getSheetId(state.name);
    if (id === undefined) throw new Error(`no sheet "${state.name}"`);
    return id;
  }

  private sheetId(name: string): number {
    return this.idOf(this.sheet(name));
  }

  /** `name`, or "name (2)", "name (3)"… — the first not taken (sheet names ignore case). */
  uniqueSheetName(name: string): string {
    const base = name.trim().replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
    if (!this.hasSheet(base)) return base;
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
      if (!this.hasSheet(candidate)) return candidate;
    }
  }

  /** Adds an empty sheet (at the end, or at `index`) under a unique name; returns that name. */
  addSheet(name: string, options: { hidden?: boolean; index?: number } = {}): string {
    return this.edit('Add sheet', () => {
      const unique = this.uniqueSheetName(name);
      this.hfDo(() => this.hf.addSheet(unique));
      const state: SheetState = { name: unique, cells: new Map(), columnWidths: {}, charts: [], hidden: options.hidden === true };
      const order = [...this.sheets];
      order.splice(Math.max(0, Math.min(options.index ?? order.length, order.length)), 0, state);
      this.setOrder(order);
      return unique;
    });
  }

  /** The sheet's name as stored (sheet names are matched ignoring case). */
  canonicalSheetName(name: string): string {
    return this.sheet(name).name;
  }

  /** Why `next` cannot name a sheet (undefined when it can); `current` is the sheet being renamed. */
  sheetNameProblem(next: string, current?: string): string | undefined {
    const name = next.trim();
    if (name === '') return 'A sheet name cannot be empty.';
    if (name.length > 31) return 'A sheet name has at most 31 characters.';
    if (/[[\]:*?/\\]/.test(name)) return 'A sheet name cannot contain [ ] : * ? / \\.';
    if (name.startsWith("'") || name.endsWith("'")) return "A sheet name cannot begin or end with an apostrophe.";
    const other = this.find(name);
    if (other && (current === undefined || other !== this.find(current))) return `There is already a sheet named "${other.name}".`;
    return undefined;
  }

  /** Renames a sheet; formulas and names referring to it follow. Returns the new name; throws when it cannot be used. */
  renameSheet(current: string, next: string): string {
    const state = this.sheet(current);
    const name = next.trim();
    const problem = this.sheetNameProblem(name, current);
    if (problem) throw new Error(problem);
    if (name === state.name) return name;
    return this.edit('Rename sheet', () => {
      const id = this.idOf(state);
      this.hfDo(() => this.hf.renameSheet(id, name));
      this.setProps(state, { name });
      const sel = this.selected;
      if (sel && sel.sheet.toLowerCase() === current.toLowerCase()) this.restoreSelection({ ...sel, sheet: name });
      this.reconcileAll();
      return name;
    });
  }

  /** Removes a sheet (formulas referring to it become #REF!); the last visible sheet cannot be removed. */
  removeSheet(name: string): void {
    const state = this.sheet(name);
    if (!state.hidden && this.sheets.filter((s) => !s.hidden).length <= 1) throw new Error('A workbook must keep at least one visible sheet.');
    this.edit('Delete sheet', () => {
      const index = this.sheets.indexOf(state);
      const id = this.idOf(state);
      this.hfDo(() => this.hf.removeSheet(id));
      this.setOrder(this.sheets.filter((s) => s !== state));
      this.reconcileAll();
      if (this.selected?.sheet.toLowerCase() === state.name.toLowerCase()) {
        const visible = this.sheets.filter((s) => !s.hidden);
        const next = visible[Math.min(Math.max(0, index - 1), visible.length - 1)] ?? this.sheets[0];
        this.restoreSelection(next ? { sheet: next.name, row: 0, col: 0 } : null);
      }
    });
  }

  /**
   * Copies a sheet to "Name (2)" right after it: inputs, formats, fills, column widths and charts;
   * formulas of the copy that name the sheet itself refer to the copy. Returns the copy's name.
   */
  duplicateSheet(name: string): string {
    const src = this.sheet(name);
    return this.edit('Duplicate sheet', () => {
      const copy = this.uniqueSheetName(src.name);
      const records = [...src.cells.entries()];
      // The copy hides the rows its sheet hides (as Excel's Move or Copy); it is among the sheets
      // before HyperFormula computes its cells, so its SUBTOTALs leave them out.
      const state: SheetState = { name: copy, cells: new Map(), columnWidths: { ...src.columnWidths }, charts: src.charts.map((c) => ({ ...c })), hidden: false, ...(src.rows ? { rows: src.rows } : {}) };
      const order = [...this.sheets];
      order.splice(order.indexOf(src) + 1, 0, state);
      this.setOrder(order);
      this.hfDo(() => {
        withSparseSheets(sparseAt(inputCells(src)), () => this.hf.addSheet(copy));
        const id = this.hf.getSheetId(copy) as number;
        const srcId = this.idOf(src);
        for (const [k, rec] of records) {
          if (rec.input === null) continue;
          const [row, col] = unkey(k);
          let content: RawCellContent;
          if (isFormula(rec.input)) {
            const text = this.hf.getCellFormula({ sheet: srcId, row, col }) ?? toContent(rec.input, rec.array === true);
            content = renameSheetReferences(String(text), src.name, copy);
          } else content = toContent(rec.input, false);
          this.hf.setCellContents({ sheet: id, row, col }, [[content]]);
        }
      });
      for (const [k, rec] of records) this.put(state, k, rec);
      this.reconcile(state);
      return copy;
    });
  }

  /** Moves a sheet to position `index` among all sheets (hidden ones included). */
  moveSheet(name: string, index: number): void {
    const state = this.sheet(name);
    this.edit('Move sheet', () => {
      const order = this.sheets.filter((s) => s !== state);
      order.splice(Math.max(0, Math.min(index, order.length)), 0, state);
      this.setOrder(order);
    });
  }

  // ---- cells ----------------------------------------------------------------------------------

  /** Writes one cell; `array` enters a formula as an array formula. Recalculates at once. */
  setInput(sheet: string, row: number, col: number, input: CellInput, options: { array?: boolean } = {}): void {
    this.writeInputs(sheet, [{ row, col, input, array: options.array }]);
  }

  /** Writes several cells in one recalculation (one undo step). */
  writeInputs(sheet: string, cells: ReadonlyArray<{ row: number; col: number; input: CellInput; array?: boolean }>): void {
    const state = this.sheet(sheet);
    this.attempt(() => this.writeInputsOnce(state, cells));
  }

  private writeInputsOnce(state: SheetState, cells: ReadonlyArray<{ row: number; col: number; input: CellInput; array?: boolean }>): void {
    this.edit(cells.length === 1 ? 'Typing' : 'Write cells', () => {
      const id = this.idOf(state);
      // A value typed far away turns a dense sheet sparse before the rows below it are written.
      keepSparse(this.hf, id, cells);
      this.hfDo(() => {
        for (const c of cells) {
          const array = isFormula(c.input) && c.array === true;
          this.hf.setCellContents({ sheet: id, row: c.row, col: c.col }, [[toContent(c.input, array)]]);
        }
      });
      for (const c of cells) {
        const k = key(c.row, c.col);
        const old = state.cells.get(k);
        const array = isFormula(c.input) && c.array === true;
        const input = c.input === '' ? null : c.input;
        const hf = isFormula(input) ? this.hf.getCellFormula({ sheet: id, row: c.row, col: c.col }) : undefined;
        this.put(state, k, { input, ...(hf !== undefined ? { hf } : {}), ...(array ? { array: true } : {}), ...(old?.style ? { style: old.style } : {}) });
      }
    });
  }

  /**
   * Writes what was typed into a cell, as Excel reads typing ("12%" is 0.12 shown as 0%, "=A1*2"
   * a formula, "'12%" text); a format the typing implies is set when the cell has none.
   */
  typeText(sheet: string, row: number, col: number, text: string, options: { array?: boolean } = {}): void {
    const typed = parseTyped(text);
    // A formula beyond Excel's limits is refused, as Excel refuses it: the cell keeps what it held.
    refuseOverLimit([typed.input]);
    // So is one whose whole-column or whole-row references would make HyperFormula hold too many cells.
    this.refuseWholeLines(sheet, [{ row, col, input: typed.input }]);
    this.edit('Typing', () => {
      this.setInput(sheet, row, col, typed.input, options);
      if (typed.numberFormat && !this.getStyle(sheet, row, col).numberFormat) this.setStyle(sheet, row, col, { numberFormat: typed.numberFormat });
    });
  }

  /**
   * Why a formula entered at (row, col) of `sheet` is refused for the empty cells its whole-column
   * and whole-row references would make HyperFormula hold (each line counts its sheet's rows or
   * columns in use, the entered cell included), or undefined when the workbook's cells and those
   * stay within {@link MAX_HELD_CELLS}. Text work on the formula and the sheets' sizes only.
   */
  wholeLineProblem(sheet: string, row: number, col: number, formula: string): WholeLineLimitError | undefined {
    const own = this.sheet(sheet).name;
    const covered = formulaWholeLineCells(formula, own, (name) => {
      const state = this.find(name);
      if (!state) return undefined;
      const d = this.hf.getSheetDimensions(this.idOf(state));
      const here = state === this.find(own);
      return { name: state.name, rows: here ? Math.max(d.height, row + 1) : d.height, cols: here ? Math.max(d.width, col + 1) : d.width };
    });
    if (!covered) return undefined;
    const held = this.sheets.reduce((n, s) => n + s.cells.size, 0);
    return held + covered.cells > MAX_HELD_CELLS ? new WholeLineLimitError(covered, held) : undefined;
  }

  /** Throws the first {@link wholeLineProblem} of the entries (nothing written). */
  private refuseWholeLines(sheet: string, entries: Iterable<{ row: number; col: number; input: CellInput }>): void {
    for (const e of entries) {
      if (!isFormula(e.input)) continue;
      const problem = this.wholeLineProblem(sheet, e.row, e.col, e.input.formula);
      if (problem) throw problem;
    }
  }

  /** What was typed into the cell (null for an empty one); an adjusted formula gives its new text. */
  getInput(sheet: string, row: number, col: number): CellInput {
    return this.sheet(sheet).cells.get(key(row, col))?.input ?? null;
  }

  isArrayFormula(sheet: string, row: number, col: number): boolean {
    return this.sheet(sheet).cells.get(key(row, col))?.array === true;
  }

  /** Every non-empty input of a sheet, row-major. */
  inputsOf(sheet: string): Array<{ row: number; col: number; input: CellInput; array: boolean }> {
    const state = this.sheet(sheet);
    return [...state.cells.entries()]
      .filter(([, rec]) => rec.input !== null)
      .map(([k, rec]) => {
        const [row, col] = unkey(k);
        return { row, col, input: rec.input, array: rec.array === true };
      })
      .sort((a, b) => a.row - b.row || a.col - b.col);
  }

  getValue(sheet: string, row: number, col: number): CellValue {
    return toCellValue(this.hf.getCellValue({ sheet: this.sheetId(sheet), row, col }));
  }

  /** Values of a rectangle, one array per row. */
  getValues(sheet: string, start: CellRef, end: CellRef): CellValue[][] {
    const id = this.sheetId(sheet);
    const out: CellValue[][] = [];
    for (let r = start.row; r <= end.row; r++) {
      const line: CellValue[] = [];
      for (let c = start.col; c <= end.col; c++) line.push(toCellValue(this.hf.getCellValue({ sheet: id, row: r, col: c })));
      out.push(line);
    }
    return out;
  }

  /** The size of the array a formula cell spills (its anchor included); undefined for a single value. */
  spillSize(sheet: string, row: number, col: number): { rows: number; cols: number } | undefined {
    const id = this.sheetId(sheet);
    if (String(this.hf.getCellType({ sheet: id, row, col })) !== 'ARRAYFORMULA') return undefined;
    const text = this.hf.getCellFormula({ sheet: id, row, col });
    if (text === undefined) return undefined;
    // The formula's references are absolute positions on this sheet once written as text, so
    // evaluating it again off-grid gives the array and thus its size.
    const result = this.hf.calculateFormula(text, id);
    if (Array.isArray(result)) return { rows: result.length, cols: Math.max(1, ...result.map((r) => r.length)) };
    return { rows: 1, cols: 1 };
  }

  /** True for a cell that shows part of another cell's array result. */
  isSpilled(sheet: string, row: number, col: number): boolean {
    const id = this.sheetId(sheet);
    return String(this.hf.getCellType({ sheet: id, row, col })) === 'ARRAY';
  }

  /** Rows and columns in use (inputs and spills). */
  usedSize(sheet: string): { rows: number; cols: number } {
    const d = this.hf.getSheetDimensions(this.sheetId(sheet));
    return { rows: d.height, cols: d.width };
  }

  /** Evaluates a formula in the context of a sheet without changing the workbook. */
  evaluate(formula: string, sheet: string): CellValue | CellValue[][] {
    const text = formula.startsWith('=') ? formula : `=${formula}`;
    const limited = limitedContent(text);
    const result = this.hf.calculateFormula(limited ?? normalizeFormula(text), this.sheetId(sheet));
    if (Array.isArray(result)) return result.map((row) => row.map(toCellValue));
    return toCellValue(result);
  }

  /** Empties cells: 'contents' (the Delete key: formats stay, as in Excel), 'formats', or 'all'. */
  clear(sheet: string, area: Area, what: 'contents' | 'formats' | 'all' = 'contents'): void {
    const state = this.sheet(sheet);
    const a = normArea(area);
    this.edit(what === 'formats' ? 'Clear formats' : 'Clear', () => {
      const keys = [...state.cells.keys()].filter((k) => inside(a, ...unkey(k)));
      if (what !== 'formats') {
        const id = this.idOf(state);
        const withInput = keys.filter((k) => state.cells.get(k)?.input !== null);
        if (withInput.length) {
          this.hfDo(() => {
            for (const k of withInput) {
              const [row, col] = unkey(k);
              this.hf.setCellContents({ sheet: id, row, col }, [[null]]);
            }
          });
        }
      }
      for (const k of keys) {
        const rec = state.cells.get(k) as CellRecord;
        if (what === 'all') this.put(state, k, undefined);
        else if (what === 'contents') this.put(state, k, { input: null, style: rec.style });
        else this.put(state, k, { ...rec, style: undefined });
      }
    });
  }

  // ---- keeping the model in step with HyperFormula -------------------------------------------

  /** Re-reads every sheet's formulas after an operation that may have changed any of them. */
  private reconcileAll(): void {
    for (const s of this.sheets) this.reconcile(s);
  }

  /**
   * Makes a sheet's records agree with HyperFormula: a formula HyperFormula now writes differently
   * takes its text (the formula as typed stays when HyperFormula's text is unchanged); a value
   * keeps the typed input; cells HyperFormula holds that the model does not are added.
   */
  private reconcile(state: SheetState, only?: Area): void {
    const id = this.idOf(state);
    const dims = this.hf.getSheetDimensions(id);
    const addr = (row: number, col: number): SimpleCellAddress => ({ sheet: id, row, col });
    for (const [k, rec] of [...state.cells]) {
      const [row, col] = unkey(k);
      if (only && !inside(only, row, col)) continue;
      const within = row < dims.height && col < dims.width;
      const f = within ? this.hf.getCellFormula(addr(row, col)) : undefined;
      if (f !== undefined) {
        if (isFormula(rec.input) && rec.hf === f) continue;
        const array = isFormula(rec.input) ? rec.array === true : /^=\s*ARRAYFORMULA\s*\(/i.test(f);
        this.put(state, k, { input: { formula: userFormula(f, array) }, hf: f, ...(array ? { array: true } : {}), ...(rec.style ? { style: rec.style } : {}) });
        continue;
      }
      const type = within ? String(this.hf.getCellType(addr(row, col))) : 'EMPTY';
      const value = type === 'ARRAY' || type === 'EMPTY' ? null : inputOfSerialized(this.hf.getCellSerialized(addr(row, col)));
      if (!isFormula(rec.input) && (sameInput(value, rec.input) || (typeof rec.input === 'number' && !Number.isFinite(rec.input) && value === '#NUM!'))) continue;
      this.put(state, k, { input: value, ...(rec.style ? { style: rec.style } : {}) });
    }
    // The cells HyperFormula holds (not the sheet's rectangle) that have no record, added row-major.
    const unrecorded = cellsHeld(this.hf, id, only).filter(([row, col]) => !state.cells.has(key(row, col)));
    for (const [row, col] of unrecorded.sort((x, y) => x[0] - y[0] || x[1] - y[1])) {
      const v = this.hf.getCellSerialized(addr(row, col));
      if (v === null || v === undefined) continue;
      const f = this.hf.getCellFormula(addr(row, col));
      if (f !== undefined) {
        const array = /^=\s*ARRAYFORMULA\s*\(/i.test(f);
        this.put(state, key(row, col), { input: { formula: userFormula(f, array) }, hf: f, ...(array ? { array: true } : {}) });
      } else if (String(this.hf.getCellType(addr(row, col))) !== 'ARRAY') this.put(state, key(row, col), { input: inputOfSerialized(v) });
    }
  }

  /** Moves every record of a sheet through `to` (null drops it). */
  private remap(state: SheetState, to: (row: number, col: number) => [number, number] | null): void {
    const next = new Map<string, CellRecord>();
    for (const [k, rec] of state.cells) {
      const p = to(...unkey(k));
      if (p) next.set(key(p[0], p[1]), rec);
    }
    for (const k of [...state.cells.keys()]) if (!next.has(k)) this.put(state, k, undefined);
    for (const [k, rec] of next) if (state.cells.get(k) !== rec) this.put(state, k, rec);
  }

  /**
   * A selection of whole rows or columns (up to Excel's 1,048,576 rows) cut down to the part of the
   * sheet in use plus a margin: the model keeps formats per cell, not per row or column.
   */
  private clampToUse(state: SheetState, a: Area): Area {
    // The clamp never cuts below row 1,000 or column 100: a smaller area is kept as it is, without
    // scanning the sheet (opening a file formats cell by cell).
    if (a.end.row < 1000 && a.end.col < 100) return a;
    const dims = this.hf.getSheetDimensions(this.idOf(state));
    let [rows, cols] = [dims.height, dims.width];
    for (const k of state.cells.keys()) {
      const [r, c] = unkey(k);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
    const lastRow = Math.max(rows + 200, 1000) - 1;
    const lastCol = Math.max(cols + 26, 100) - 1;
    return { start: a.start, end: { row: Math.min(a.end.row, Math.max(a.start.row, lastRow)), col: Math.min(a.end.col, Math.max(a.start.col, lastCol)) } };
  }

  /** The sheet's formulas whose result is an array (HyperFormula's ARRAYFORMULA cells), with their text. */
  private arrayAnchors(state: SheetState): Array<{ row: number; col: number; formula: string }> {
    const id = this.idOf(state);
    const out: Array<{ row: number; col: number; formula: string }> = [];
    for (const [k, rec] of state.cells) {
      if (!isFormula(rec.input)) continue;
      const [row, col] = unkey(k);
      if (String(this.hf.getCellType({ sheet: id, row, col })) !== 'ARRAYFORMULA') continue;
      const formula = this.hf.getCellFormula({ sheet: id, row, col });
      if (formula !== undefined) out.push({ row, col, formula });
    }
    return out;
  }

  private range(state: SheetState, a: Area): SimpleCellRange {
    const id = this.idOf(state);
    return { start: { sheet: id, row: a.start.row, col: a.start.col }, end: { sheet: id, row: a.end.row, col: a.end.col } };
  }

  // ---- rows and columns -----------------------------------------------------------------------

  /** Inserts `count` empty rows before row `index`; every reference below moves down. */
  insertRows(sheet: string, index: number, count = 1): void {
    this.insertOrDelete(sheet, 'row', index, count, 'Insert rows');
  }

  /** Deletes `count` rows from row `index`; references into them become #REF!, ranges shrink. */
  deleteRows(sheet: string, index: number, count = 1): void {
    this.insertOrDelete(sheet, 'row', index, -count, 'Delete rows');
  }

  insertColumns(sheet: string, index: number, count = 1): void {
    this.insertOrDelete(sheet, 'col', index, count, 'Insert columns');
  }

  deleteColumns(sheet: string, index: number, count = 1): void {
    this.insertOrDelete(sheet, 'col', index, -count, 'Delete columns');
  }

  private insertOrDelete(sheet: string, axis: 'row' | 'col', index: number, delta: number, label: string): void {
    this.attempt((again) => this.insertOrDeleteOnce(sheet, axis, index, delta, label, again));
  }

  /**
   * Runs an operation; if HyperFormula failed on the way (its array handling again), the step was
   * rolled back onto a freshly built engine, and the operation is done once more there.
   */
  private attempt<T>(run: (again: boolean) => T): T {
    if (this.tx !== null) return run(false);
    const problem = this.historyProblem;
    try {
      return run(false);
    } catch (e) {
      // The step was rolled back. Whatever HyperFormula's state, a fresh engine built from the
      // model is sound: the operation is done once more there, the plain way.
      if (this.historyProblem === problem) {
        this.rebuildEngine(`HyperFormula failed (${e instanceof Error ? e.message.slice(0, 80) : String(e)}); the workbook was rebuilt, the edit done again and the undo history cleared.`);
      }
    }
    return run(true);
  }

  private insertOrDeleteOnce(sheet: string, axis: 'row' | 'col', index: number, delta: number, label: string, native: boolean): void {
    const state = this.sheet(sheet);
    if (delta === 0 || index < 0) return;
    // The remembered block's cells have moved: as in Excel, the copy or cut is cancelled.
    if (this.clip?.sheet === state) this.clip = null;
    this.edit(label, () => {
      // The hidden rows move first: HyperFormula recomputes SUBTOTAL as it inserts or deletes.
      this.setProps(state, { edits: [...(state.edits ?? []), { axis, index, delta }], ...(axis === 'row' && state.rows ? { rows: shiftRowVisibility(state.rows, index, delta) } : {}) });
      const id = this.idOf(state);
      const dims = this.hf.getSheetDimensions(id);
      const size = axis === 'row' ? dims.height : dims.width;
      const shift = (n: number): number | null => {
        if (n < index) return n;
        if (delta < 0 && n < index - delta) return null;
        return n + delta;
      };
      if (index < size) {
        // HyperFormula 3.5 mishandles array formulas whose spill the operation cuts through:
        // undoing removeRows/removeColumns gives back the anchor as its value and the spilled cells
        // as constants, and addRows inside a spill next to another one throws "Destination already
        // occupied". Those array formulas are taken out before the operation and written back
        // after it with their references adjusted here as HyperFormula adjusts the others (a range
        // grows when rows are inserted inside it, shrinks when some of its rows are deleted, is
        // #REF! when all are); undoing the step then restores them as formulas.
        const band = delta > 0 ? { from: index, to: index - 1 } : { from: index, to: index - delta - 1 };
        const anchors = native ? [] : this.arrayAnchors(state).filter((a) => {
          const size = this.spillSize(state.name, a.row, a.col) ?? { rows: 1, cols: 1 };
          const [first, last] = axis === 'row' ? [a.row, a.row + size.rows - 1] : [a.col, a.col + size.cols - 1];
          return delta > 0 ? first < index && index <= last : first <= band.to && last >= band.from;
        });
        this.hfDo(() => {
          for (const a of anchors) this.hf.setCellContents({ sheet: id, row: a.row, col: a.col }, [[null]]);
          if (axis === 'row') {
            if (delta > 0) this.hf.addRows(id, [index, delta]);
            else this.hf.removeRows(id, [index, -delta]);
          } else if (delta > 0) this.hf.addColumns(id, [index, delta]);
          else this.hf.removeColumns(id, [index, -delta]);
          for (const a of anchors) {
            const at = shift(axis === 'row' ? a.row : a.col);
            if (at === null) continue;
            const text = mapReferences(a.formula, (ref) => {
              if (ref.sheet !== undefined && this.find(ref.sheet) !== state) return undefined;
              const [s0, e0] = axis === 'row' ? [ref.start.row, ref.end.row] : [ref.start.col, ref.end.col];
              const first = shift(s0) ?? index;
              const last = shift(e0) ?? index - 1;
              if (last < first) return '#REF!';
              const put = (p: CellRef, n: number) => (axis === 'row' ? { row: n, col: p.col } : { row: p.row, col: n });
              return { ...(ref.sheet !== undefined ? { sheet: state.name } : {}), start: put(ref.start, first), end: put(ref.end, last) };
            });
            this.hf.setCellContents({ sheet: id, row: axis === 'row' ? at : a.row, col: axis === 'row' ? a.col : at }, [[text]]);
          }
        });
      }
      this.remap(state, (row, col) => {
        if (axis === 'row') {
          const r = shift(row);
          return r === null ? null : [r, col];
        }
        const c = shift(col);
        return c === null ? null : [row, c];
      });
      if (delta > 0 && index > 0) {
        // As Excel: inserted rows (columns) take the formats of the row above (column on the left).
        for (const [k, rec] of [...state.cells]) {
          const [row, col] = unkey(k);
          if (!rec.style || (axis === 'row' ? row : col) !== index - 1) continue;
          for (let n = 0; n < delta; n++) this.put(state, axis === 'row' ? key(index + n, col) : key(row, index + n), { input: null, style: rec.style });
        }
      }
      if (axis === 'col') {
        const widths: Record<string, number> = {};
        for (const [letters, w] of Object.entries(state.columnWidths)) {
          const c = shift(columnNumber(letters) - 1);
          if (c !== null) widths[columnLetters(c + 1)] = w;
        }
        this.setProps(state, { columnWidths: widths });
      }
      if (state.charts.length > 0) {
        // A chart's data and anchor are addresses on its sheet: they move with the cells, as in Excel.
        const along = (p: CellRef, to: number): CellRef => (axis === 'row' ? { row: to, col: p.col } : { row: p.row, col: to });
        const at = (p: CellRef) => (axis === 'row' ? p.row : p.col);
        const moveAddress = (address: string) =>
          mapReferences(`=${address}`, (ref) => {
            if (ref.sheet !== undefined && ref.sheet.toLowerCase() !== state.name.toLowerCase()) return undefined;
            const s0 = shift(at(ref.start));
            const e0 = shift(at(ref.end));
            const first = s0 ?? index;
            const last = e0 ?? index - 1;
            if (last < first) return undefined;
            return { ...(ref.sheet !== undefined ? { sheet: state.name } : {}), start: along(ref.start, first), end: along(ref.end, last) };
          }).slice(1);
        this.setProps(state, { charts: state.charts.map((c) => ({ ...c, dataAddress: moveAddress(c.dataAddress), anchor: moveAddress(c.anchor) })) });
      }
      this.reconcileAll();
    });
  }

  // ---- clipboard ------------------------------------------------------------------------------

  /** The inputs of a block as TSV (what the editor shows for each cell, formulas as typed). */
  blockText(sheet: string, area: Area): string {
    const state = this.sheet(sheet);
    const a = this.clampToUse(state, normArea(area));
    const rows: string[][] = [];
    for (let r = a.start.row; r <= a.end.row; r++) {
      const line: string[] = [];
      for (let c = a.start.col; c <= a.end.col; c++) {
        const rec = state.cells.get(key(r, c));
        line.push(rec ? editText(rec.input, rec.style?.numberFormat) : '');
      }
      rows.push(line);
    }
    return toTsv(rows);
  }

  /** Remembers a block for {@link paste} (copy mode); returns its TSV for the system clipboard. */
  copy(sheet: string, area: Area): string {
    const state = this.sheet(sheet);
    const text = this.blockText(sheet, area);
    this.clip = { mode: 'copy', sheet: state, area: normArea(area), text };
    return text;
  }

  /** As {@link copy}, but {@link paste} then moves the cells. */
  cut(sheet: string, area: Area): string {
    const text = this.copy(sheet, area);
    this.clip = { ...(this.clip as Clipboard), mode: 'cut' };
    return text;
  }

  /** The remembered block's TSV (null when none, or when its sheet is gone). */
  clipboardText(): string | null {
    return this.clip && this.sheets.includes(this.clip.sheet) ? this.clip.text : null;
  }

  /** The remembered block, for showing the marching ants. */
  clipboardArea(): { sheet: string; area: Area; mode: 'copy' | 'cut' } | null {
    return this.clip && this.sheets.includes(this.clip.sheet) ? { sheet: this.clip.sheet.name, area: this.clip.area, mode: this.clip.mode } : null;
  }

  clearClipboard(): void {
    this.clip = null;
  }

  /**
   * Pastes the remembered block. Copy: references adjusted as in Excel, formats copied; a target
   * whose size is a multiple of the block's is filled with repeats, any other target gets the block
   * at its top-left cell. Cut: the cells move (see {@link moveCells}) and the clipboard empties.
   * Returns the area written (undefined when there was nothing to paste).
   */
  paste(sheet: string, target: Area): Area | undefined {
    const clip = this.clip;
    if (!clip || !this.sheets.includes(clip.sheet)) return undefined;
    const t = normArea(target);
    if (clip.mode === 'cut') {
      this.clip = null;
      return this.moveCells(clip.sheet.name, clip.area, sheet, t.start);
    }
    const [h, w] = [height(clip.area), width(clip.area)];
    const fits = height(t) % h === 0 && width(t) % w === 0 && height(t) * width(t) <= 200000;
    const area = fits ? t : { start: t.start, end: { row: t.start.row + h - 1, col: t.start.col + w - 1 } };
    this.attempt(() => this.edit('Paste', () => this.copyBlock(clip.sheet, clip.area, this.sheet(sheet), area, true)));
    return area;
  }

  /** Pastes the remembered block's values only (formulas become their results; target formats stay). */
  pasteValues(sheet: string, target: Area): Area | undefined {
    const clip = this.clip;
    if (!clip || !this.sheets.includes(clip.sheet)) return undefined;
    const t = normArea(target);
    const values = this.getValues(clip.sheet.name, clip.area.start, clip.area.end);
    const cells = values.flatMap((line, r) => line.map((v, c) => ({ row: t.start.row + r, col: t.start.col + c, input: (v !== null && typeof v === 'object' ? v.error : v) as CellInput })));
    this.edit('Paste values', () => this.writeInputs(sheet, cells));
    return { start: t.start, end: { row: t.start.row + values.length - 1, col: t.start.col + (values[0]?.length ?? 1) - 1 } };
  }

  /**
   * Pastes text from another application at `at`: each TSV field is read as if typed there
   * ("=A1" is a formula as written, not adjusted; "12%" is 0.12 shown as 0%).
   */
  pasteText(sheet: string, at: CellRef, text: string): Area | undefined {
    const rows = parseTsv(text);
    if (rows.length === 0) return undefined;
    const state = this.sheet(sheet);
    const typed = rows.map((line) => line.map((f) => parseTyped(f)));
    // Pasted text is read as typed: a formula beyond Excel's limits refuses the paste, nothing changes.
    refuseOverLimit(typed.flatMap((line) => line.map((t) => t.input)));
    this.refuseWholeLines(state.name, typed.flatMap((line, r) => line.map((t, c) => ({ row: at.row + r, col: at.col + c, input: t.input }))));
    this.edit('Paste', () => {
      this.writeInputs(
        state.name,
        typed.flatMap((line, r) => line.map((t, c) => ({ row: at.row + r, col: at.col + c, input: t.input }))),
      );
      typed.forEach((line, r) =>
        line.forEach((t, c) => {
          if (t.numberFormat && !this.getStyle(state.name, at.row + r, at.col + c).numberFormat) this.setStyle(state.name, at.row + r, at.col + c, { numberFormat: t.numberFormat });
        }),
      );
    });
    const cols = Math.max(...rows.map((r) => r.length));
    return { start: at, end: { row: at.row + rows.length - 1, col: at.col + cols - 1 } };
  }

  /** The grid's paste: the model's own block when the system clipboard still holds its text, else text from elsewhere. */
  pasteFromSystem(sheet: string, target: Area, text: string): Area | undefined {
    const own = this.clipboardText();
    const norm = (s: string) => s.replace(/\r\n?/g, '\n').replace(/\n$/, '');
    if (own !== null && norm(own) === norm(text)) return this.paste(sheet, target);
    return this.pasteText(sheet, normArea(target).start, text);
  }

  /** Array anchors of a block whose spill lies inside it: their spilled cells are not copied. */
  private spillCovered(state: SheetState, a: Area): Set<string> {
    const covered = new Set<string>();
    for (const [k, rec] of state.cells) {
      const [row, col] = unkey(k);
      if (!isFormula(rec.input) || !inside(a, row, col)) continue;
      const size = this.spillSize(state.name, row, col);
      if (!size) continue;
      for (let r = 0; r < size.rows; r++) for (let c = 0; c < size.cols; c++) if (r || c) covered.add(key(row + r, col + c));
    }
    return covered;
  }

  /**
   * Writes `source` (repeated) over `target` through HyperFormula's fill data: each formula is
   * the source's with its relative references moved by the distance, absolute ones kept.
   * `fromTarget`: repeats start at the target's corner (paste); otherwise at the source's (fill,
   * whose target contains the source, which is not rewritten).
   */
  private copyBlock(src: SheetState, source: Area, dst: SheetState, target: Area, fromTarget: boolean): void {
    const data = this.hf.getFillRangeData(this.range(src, source), this.range(dst, target), fromTarget);
    const covered = this.spillCovered(src, source);
    const [h, w] = [height(source), width(source)];
    const origin = fromTarget ? target.start : source.start;
    const plan: Array<{ row: number; col: number; content: RawCellContent; rec?: CellRecord }> = [];
    for (let r = target.start.row; r <= target.end.row; r++) {
      for (let c = target.start.col; c <= target.end.col; c++) {
        if (!fromTarget && src === dst && inside(source, r, c)) continue;
        const sr = source.start.row + mod(r - origin.row, h);
        const sc = source.start.col + mod(c - origin.col, w);
        const sk = key(sr, sc);
        const rec = src.cells.get(sk);
        // A spilled cell whose formula is in the block comes with that formula; one whose formula
        // is not is pasted as its value (getFillRangeData gives the value), as in Excel.
        const content = covered.has(sk) ? null : (data[r - target.start.row][c - target.start.col] ?? null);
        plan.push({ row: r, col: c, content, rec });
      }
    }
    const id = this.idOf(dst);
    this.hfDo(() => {
      for (const p of plan) this.hf.setCellContents({ sheet: id, row: p.row, col: p.col }, [[p.content]]);
    });
    for (const p of plan) this.put(dst, key(p.row, p.col), p.rec);
    this.reconcile(dst, target);
  }

  /**
   * Moves a block (cut and paste): the cells, their formats and arrays go to `to`; every formula
   * referring to a moved cell follows it; formulas in the block keep pointing at the cells they
   * pointed at (references inside the block move with it); a reference to a target cell that is
   * overwritten becomes #REF!. Where HyperFormula's moveCells does that (see hfMovesAsExcel) it
   * is used; otherwise the model rewrites the references itself: HyperFormula 3.5's cross-sheet
   * move leaves the moved formulas pointing at the target sheet's cells and the dependents'
   * unqualified references at the source sheet (and its undo then fails); its move onto an
   * overlapping target throws "Range does not exist" when a range refers to the block; it refuses
   * to move an array formula; and it points a reference to an overwritten cell at the moved one.
   * Returns the area written.
   */
  moveCells(fromSheet: string, area: Area, toSheet: string, to: CellRef): Area {
    const src = this.sheet(fromSheet);
    const dst = this.sheet(toSheet);
    const a = normArea(area);
    const [dr, dc] = [to.row - a.start.row, to.col - a.start.col];
    const target: Area = { start: to, end: { row: a.end.row + dr, col: a.end.col + dc } };
    if (src === dst && dr === 0 && dc === 0) return target;
    this.attempt((again) => this.edit('Move', () => {
      const moved = [...src.cells.entries()].filter(([k]) => inside(a, ...unkey(k)));
      if (!again && src === dst && this.hfMovesAsExcel(src, a, target)) {
        this.hfDo(() => this.hf.moveCells(this.range(src, a), { sheet: this.idOf(dst), row: to.row, col: to.col }));
      } else {
        this.moveByRewriting(src, a, dst, target);
      }
      for (const [k] of moved) this.put(src, k, undefined);
      for (const [k] of [...dst.cells.entries()].filter(([k]) => inside(target, ...unkey(k)))) this.put(dst, k, undefined);
      for (const [k, rec] of moved) {
        const [row, col] = unkey(k);
        this.put(dst, key(row + dr, col + dc), rec);
      }
      this.reconcileAll();
    }));
    return target;
  }

  /**
   * Whether HyperFormula's moveCells does this same-sheet move as Excel does: the target apart from
   * the block, no array formula in the block (HyperFormula refuses to move one), and no formula
   * referring to a cell the move overwrites (Excel makes that reference #REF!; HyperFormula points
   * it at the moved cell).
   */
  private hfMovesAsExcel(state: SheetState, a: Area, target: Area): boolean {
    const apart = target.start.row > a.end.row || target.end.row < a.start.row || target.start.col > a.end.col || target.end.col < a.start.col;
    if (!apart) return false;
    const id = this.idOf(state);
    for (const [k, rec] of state.cells) {
      const [row, col] = unkey(k);
      if (inside(a, row, col) && isFormula(rec.input) && String(this.hf.getCellType({ sheet: id, row, col })) === 'ARRAYFORMULA') return false;
    }
    // A spilled cell in the block or under the target: HyperFormula refuses such a move.
    for (const ar of [a, target]) {
      for (let r = ar.start.row; r <= ar.end.row; r++) {
        for (let c = ar.start.col; c <= ar.end.col; c++) if (String(this.hf.getCellType({ sheet: id, row: r, col: c })) === 'ARRAY') return false;
      }
    }
    const hits = (ref: { start: CellRef; end: CellRef }) => !(ref.start.row > target.end.row || ref.end.row < target.start.row || ref.start.col > target.end.col || ref.end.col < target.start.col);
    for (const other of this.sheets) {
      const oid = this.idOf(other);
      for (const [k, rec] of other.cells) {
        if (!isFormula(rec.input)) continue;
        const [row, col] = unkey(k);
        const f = this.hf.getCellFormula({ sheet: oid, row, col });
        if (f === undefined) continue;
        let found = false;
        mapReferences(f, (ref) => {
          const named = ref.sheet === undefined ? other : this.find(ref.sheet);
          if (named === state && hits(ref)) found = true;
          return undefined;
        });
        if (found) return false;
      }
    }
    for (const name of this.hf.listNamedExpressions()) {
      const expression = this.hf.getNamedExpression(name)?.expression;
      let found = false;
      if (typeof expression === 'string')
        mapReferences(expression, (ref) => {
          if (ref.sheet !== undefined && this.find(ref.sheet) === state && hits(ref)) found = true;
          return undefined;
        });
      if (found) return false;
    }
    return true;
  }

  private moveByRewriting(src: SheetState, a: Area, dst: SheetState, target: Area): void {
    const [dr, dc] = [target.start.row - a.start.row, target.start.col - a.start.col];
    const same = (name: string | undefined, own: SheetState, s: SheetState) => (name === undefined ? own === s : name.toLowerCase() === s.name.toLowerCase());
    const within = (ar: Area, ref: { start: CellRef; end: CellRef }) => inside(ar, ref.start.row, ref.start.col) && inside(ar, ref.end.row, ref.end.col);
    const shifted = (ref: { start: CellRef; end: CellRef }) => ({ start: { row: ref.start.row + dr, col: ref.start.col + dc }, end: { row: ref.end.row + dr, col: ref.end.col + dc } });
    const srcId = this.idOf(src);
    const dstId = this.idOf(dst);
    const writes: Array<{ sheet: number; row: number; col: number; content: RawCellContent }> = [];
    // The moved cells: references into the block follow it; others keep their cells (now named by sheet).
    const movedContent = new Map<string, RawCellContent>();
    for (const [k, rec] of src.cells) {
      const [row, col] = unkey(k);
      if (!inside(a, row, col) || rec.input === null) continue;
      let content: RawCellContent = toContent(rec.input, rec.array === true);
      const f = this.hf.getCellFormula({ sheet: srcId, row, col });
      if (f !== undefined) {
        content = mapReferences(f, (ref) => {
          if (same(ref.sheet, src, src) && within(a, ref)) return { ...shifted(ref), ...(ref.sheet !== undefined ? { sheet: dst.name } : {}) };
          const named = ref.sheet ?? src.name;
          return named.toLowerCase() === dst.name.toLowerCase() ? undefined : { sheet: this.find(named)?.name ?? named, start: ref.start, end: ref.end };
        });
      }
      movedContent.set(key(row + dr, col + dc), content);
    }
    // Every other formula: references to the block follow it; references to overwritten target cells are #REF!.
    for (const state of this.sheets) {
      const id = this.idOf(state);
      for (const [k, rec] of state.cells) {
        if (!isFormula(rec.input)) continue;
        const [row, col] = unkey(k);
        if ((state === src && inside(a, row, col)) || (state === dst && inside(target, row, col))) continue;
        const f = this.hf.getCellFormula({ sheet: id, row, col });
        if (f === undefined) continue;
        const next = mapReferences(f, (ref) => {
          if (same(ref.sheet, state, src) && within(a, ref)) return { ...shifted(ref), ...(state === dst ? {} : { sheet: dst.name }) };
          if (same(ref.sheet, state, dst) && within(target, ref)) return '#REF!';
          return undefined;
        });
        if (next !== f) writes.push({ sheet: id, row, col, content: next });
      }
    }
    // Workbook names (their references name their sheet) follow the moved cells too.
    const names: Array<[string, string]> = [];
    for (const name of this.hf.listNamedExpressions()) {
      const expression = this.hf.getNamedExpression(name)?.expression;
      if (typeof expression !== 'string' || !expression.startsWith('=')) continue;
      const next = mapReferences(expression, (ref) => {
        if (ref.sheet === undefined) return undefined;
        if (same(ref.sheet, src, src) && within(a, ref)) return { ...shifted(ref), sheet: dst.name };
        if (same(ref.sheet, dst, dst) && within(target, ref)) return '#REF!';
        return undefined;
      });
      if (next !== expression) names.push([name, next]);
    }
    this.hfDo(() => {
      for (let r = a.start.row; r <= a.end.row; r++) for (let c = a.start.col; c <= a.end.col; c++) this.hf.setCellContents({ sheet: srcId, row: r, col: c }, [[null]]);
      for (let r = target.start.row; r <= target.end.row; r++) {
        for (let c = target.start.col; c <= target.end.col; c++) this.hf.setCellContents({ sheet: dstId, row: r, col: c }, [[movedContent.get(key(r, c)) ?? null]]);
      }
      for (const w of writes) this.hf.setCellContents({ sheet: w.sheet, row: w.row, col: w.col }, [[w.content]]);
      for (const [name, expression] of names) this.hf.changeNamedExpression(name, expression);
    });
  }

  // ---- fill -----------------------------------------------------------------------------------

  /**
   * Fills `target` (which contains `source`, as when dragging the fill handle in any direction)
   * with the source block repeated: relative references move with each cell, absolute ones stay,
   * formats are copied.
   */
  fill(sheet: string, source: Area, target: Area): void {
    const state = this.sheet(sheet);
    const s = normArea(source);
    const t = normArea(target);
    const union: Area = {
      start: { row: Math.min(s.start.row, t.start.row), col: Math.min(s.start.col, t.start.col) },
      end: { row: Math.max(s.end.row, t.end.row), col: Math.max(s.end.col, t.end.col) },
    };
    this.attempt(() => this.edit('Fill', () => this.copyBlock(state, s, state, union, false)));
  }

  /** Ctrl+D: the area's first row filled down over the rest (one row: the row above it is copied down). */
  fillDown(sheet: string, area: Area): void {
    const a = normArea(area);
    if (a.start.row === a.end.row) {
      if (a.start.row === 0) return;
      this.fill(sheet, { start: { row: a.start.row - 1, col: a.start.col }, end: { row: a.start.row - 1, col: a.end.col } }, { start: { row: a.start.row - 1, col: a.start.col }, end: a.end });
    } else this.fill(sheet, { start: a.start, end: { row: a.start.row, col: a.end.col } }, a);
  }

  /** Ctrl+R: the area's first column filled right (one column: the column to its left is copied). */
  fillRight(sheet: string, area: Area): void {
    const a = normArea(area);
    if (a.start.col === a.end.col) {
      if (a.start.col === 0) return;
      this.fill(sheet, { start: { row: a.start.row, col: a.start.col - 1 }, end: { row: a.end.row, col: a.start.col - 1 } }, { start: { row: a.start.row, col: a.start.col - 1 }, end: a.end });
    } else this.fill(sheet, { start: a.start, end: { row: a.end.row, col: a.start.col } }, a);
  }

  private hasData(state: SheetState, row: number, col: number): boolean {
    if (col < 0) return false;
    if ((state.cells.get(key(row, col))?.input ?? null) !== null) return true;
    return this.hf.getCellValue({ sheet: this.idOf(state), row, col }) !== null && this.isSpilled(state.name, row, col);
  }

  /**
   * Where a double-click on the fill handle fills to: down to the last row of the data next to
   * the block (the column on its left, else the one on its right); null when there is none.
   */
  fillToEndArea(sheet: string, source: Area): Area | null {
    const state = this.sheet(sheet);
    const s = normArea(source);
    for (const col of [s.start.col - 1, s.end.col + 1]) {
      let r = s.end.row + 1;
      while (r < 1048576 && this.hasData(state, r, col)) r++;
      if (r - 1 > s.end.row) return { start: s.start, end: { row: r - 1, col: s.end.col } };
    }
    return null;
  }

  /** The double-click on the fill handle; returns the area filled (null when nothing to fill). */
  fillToEnd(sheet: string, source: Area): Area | null {
    const target = this.fillToEndArea(sheet, source);
    if (target) this.fill(sheet, source, target);
    return target;
  }

  // ---- formats and layout ---------------------------------------------------------------------

  getStyle(sheet: string, row: number, col: number): CellStyle {
    return this.sheet(sheet).cells.get(key(row, col))?.style ?? {};
  }

  /** Merges `style` into the cell's style (a key given as undefined is removed). */
  setStyle(sheet: string, row: number, col: number, style: CellStyle): void {
    this.setStyles(sheet, { start: { row, col }, end: { row, col } }, style);
  }

  /** Merges `style` into every cell of an area (one undo step). */
  setStyles(sheet: string, area: Area, style: CellStyle): void {
    const state = this.sheet(sheet);
    const a = this.clampToUse(state, normArea(area));
    this.edit('Format', () => {
      for (let r = a.start.row; r <= a.end.row; r++) {
        for (let c = a.start.col; c <= a.end.col; c++) {
          const k = key(r, c);
          const rec = state.cells.get(k);
          const merged = cleanStyle({ ...rec?.style, ...style });
          this.put(state, k, { ...(rec ?? { input: null }), style: merged });
        }
      }
    });
  }

  stylesOf(sheet: string): ReadonlyMap<string, CellStyle> {
    const out = new Map<string, CellStyle>();
    for (const [k, rec] of this.sheet(sheet).cells) if (rec.style) out.set(k, rec.style);
    return out;
  }

  /** The rows and columns inserted (delta > 0) and deleted (delta < 0) on a sheet so far, in order. */
  /** The rows the sheet hides, and which of them a filter hides (0-based); undefined when none. */
  rowVisibility(sheet: string): RowVisibility | undefined {
    return this.sheet(sheet).rows;
  }

  /**
   * Sets the rows a sheet hides (opening a file: src/workbench/xlsx.ts, before its cells are
   * written): SUBTOTAL leaves them out as Excel does, and saving writes them back hidden.
   */
  setRowVisibility(sheet: string, rows: RowVisibility | undefined): void {
    const state = this.sheet(sheet);
    const kept = rows && rows.hidden.length > 0 ? { hidden: [...rows.hidden].sort((a, b) => a - b), filtered: [...rows.filtered].sort((a, b) => a - b) } : undefined;
    this.edit('Hide rows', () => this.setProps(state, { rows: kept }));
  }

  structureEdits(sheet: string): readonly AxisEdit[] {
    return this.sheet(sheet).edits ?? [];
  }

  columnWidths(sheet: string): Readonly<Record<string, number>> {
    return this.sheet(sheet).columnWidths;
  }

  setColumnWidths(sheet: string, widths: Readonly<Record<string, number>>): void {
    const state = this.sheet(sheet);
    this.edit('Column width', () => this.setProps(state, { columnWidths: { ...state.columnWidths, ...widths } }));
  }

  charts(sheet: string): readonly ChartSpec[] {
    return this.sheet(sheet).charts;
  }

  addChart(sheet: string, chart: ChartSpec): void {
    const state = this.sheet(sheet);
    this.edit('Add chart', () => this.setProps(state, { charts: [...state.charts, chart] }));
  }

  /** Shows or hides a sheet (the last visible sheet stays visible). */
  setSheetHidden(sheet: string, hidden: boolean): void {
    const state = this.sheet(sheet);
    if (hidden && !state.hidden && this.sheets.filter((s) => !s.hidden).length <= 1) throw new Error('A workbook must keep at least one visible sheet.');
    this.edit(hidden ? 'Hide sheet' : 'Unhide sheet', () => this.setProps(state, { hidden }));
  }

  // ---- names ----------------------------------------------------------------------------------

  /** Adds a workbook-scoped name; false when HyperFormula cannot hold it (taken, or not a valid name). */
  addName(name: string, expression: string): boolean {
    // HyperFormula parses a name's expression as a formula (and recurses as deep): the same limits.
    if (formulaLimitProblem(expression) !== undefined) return false;
    const text = expression.startsWith('=') ? normalizeFormula(expression) : expression;
    if (!this.hf.isItPossibleToAddNamedExpression(name, text)) return false;
    this.edit('Add name', () => this.hfDo(() => this.hf.addNamedExpression(name, text)));
    return true;
  }

  /** Adds the name, or points an existing one at the new expression; false when it cannot be held. */
  setName(name: string, expression: string): boolean {
    if (formulaLimitProblem(expression) !== undefined) return false;
    const text = expression.startsWith('=') ? normalizeFormula(expression) : expression;
    if (this.hf.getNamedExpression(name) === undefined) return this.addName(name, expression);
    if (!this.hf.isItPossibleToChangeNamedExpression(name, text)) return false;
    try {
      this.edit('Change name', () => this.hfDo(() => this.hf.changeNamedExpression(name, text)));
    } catch {
      return false;
    }
    return true;
  }

  names(): NamedRange[] {
    return this.hf
      .listNamedExpressions()
      .map((name) => ({ name, expression: String(this.hf.getNamedExpression(name)?.expression ?? '') }));
  }

  // ---- settings and selection -----------------------------------------------------------------

  getSetting(k: string): string | null {
    return this.settings.get(k) ?? null;
  }

  /**
   * Stores a pane setting. Not an undo step (Office's document settings are not undone either:
   * the pane's record of an interrupted sweep must not come back), but the workbook is unsaved.
   */
  setSetting(k: string, value: string | null): void {
    if (value === null) this.settings.delete(k);
    else this.settings.set(k, value);
    this.untrackedDirty = true;
    this.changed();
    this.historyChanged();
  }

  settingEntries(): Array<[string, string]> {
    return [...this.settings.entries()];
  }

  get selection(): Selection | null {
    return this.selected;
  }

  /** Selects a cell (and so makes its sheet the active one). */
  select(sheet: string, row: number, col: number): void {
    const name = this.canonicalSheetName(sheet);
    const s = this.selected;
    if (s && s.sheet === name && s.row === row && s.col === col) return;
    this.selected = { sheet: name, row, col };
    for (const l of [...this.selectionListeners]) l();
  }

  /** The active sheet: the selection's, else the first visible one. */
  get activeSheet(): string {
    return this.activeSheetName();
  }

  // ---- snapshot -------------------------------------------------------------------------------

  /** The whole workbook as plain JSON: every sheet's inputs as typed, formats, widths, charts; names; settings. */
  snapshot(): WorkbookSnapshot {
    return {
      format: 'cyberbi-workbench',
      version: 1,
      sheets: this.sheets.map((s) => ({
        name: s.name,
        hidden: s.hidden,
        columnWidths: { ...s.columnWidths },
        charts: s.charts.map((c) => ({ ...c })),
        cells: [...s.cells.entries()]
          .map(([k, rec]) => {
            const [row, col] = unkey(k);
            return [row, col, rec.input, rec.array === true, rec.style ? { ...rec.style } : null] as const;
          })
          .sort((x, y) => x[0] - y[0] || x[1] - y[1]),
        ...(s.rows ? { rows: { hidden: [...s.rows.hidden], filtered: [...s.rows.filtered] } } : {}),
      })),
      names: this.names(),
      settings: this.settingEntries(),
      selection: this.selected,
    };
  }

  /** Rebuilds a workbook from {@link snapshot}'s JSON (clean, nothing to undo). */
  static fromSnapshot(snapshot: WorkbookSnapshot): WorkbenchModel {
    if (snapshot?.format !== 'cyberbi-workbench' || snapshot.version !== 1 || !Array.isArray(snapshot.sheets)) throw new Error('not a workbench snapshot');
    const model = new WorkbenchModel();
    const problems: StateProblem[] = [];
    model.edit('Restore', () => {
      for (const s of snapshot.sheets) {
        // Stored sparsely when its cells are sparse, as when a file is opened (xlsx.ts).
        const at = Array.isArray(s.cells) ? s.cells.filter((c) => Array.isArray(c) && c[2] !== null && isCellIndex(c[0], 1048576) && isCellIndex(c[1], 16384)).map((c) => [c[0], c[1]] as const) : [];
        withSparseSheets(sparseAt(at), () => model.addSheet(s.name, { hidden: s.hidden }));
      }
      if (model.sheets.length === 0) model.addSheet('Sheet1');
      // Hidden rows before any cell is computed (SUBTOTAL reads them); a list that is not rows is dropped.
      for (const s of snapshot.sheets) {
        const rows = validRows(s.rows);
        if (rows && model.hasSheet(s.name)) model.setRowVisibility(s.name, rows);
      }
      for (const n of snapshot.names ?? []) model.addName(n.name, n.expression);
      for (const s of snapshot.sheets) {
        model.writeInputs(
          s.name,
          s.cells.filter((c) => c[2] !== null).map(([row, col, input, array]) => ({ row, col, input, array })),
        );
        for (const [row, col, , , style] of s.cells) if (style) model.setStyle(s.name, row, col, style);
        model.setColumnWidths(s.name, s.columnWidths ?? {});
      }
      // Charts last, once every sheet's cells are in: each is checked against them, and one that
      // fails (a title that is not text, a range of 17 billion cells) is dropped and said.
      const charts = snapshot.sheets.flatMap((s) => (Array.isArray(s.charts) ? s.charts.map((chart) => ({ sheet: s.name, chart: chart as unknown })) : []));
      for (const c of validCharts(model, charts, problems)) model.addChart(c.sheet, c.chart);
    });
    // The stored settings are checked as _cyberbi's are (text names and values, bounded sizes).
    const stored = Array.isArray(snapshot.settings) ? snapshot.settings : [];
    const settings = readMetaRows(stored.map((e) => (Array.isArray(e) ? ['setting', e[0], e[1]] : ['setting', undefined, { bad: true }])), problems).settings;
    for (const [k, v] of settings) model.settings.set(k, v);
    recordStateProblems(model, problems);
    const sel = snapshot.selection;
    if (sel && model.hasSheet(sel.sheet)) model.select(sel.sheet, sel.row, sel.col);
    else model.select(model.activeSheet, 0, 0);
    model.resetHistory();
    return model;
  }

  destroy(): void {
    this.hf.destroy();
  }
}
