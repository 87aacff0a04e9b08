/**
 * The embedded spreadsheet: toolbar (open, save, new, undo, redo, number format, bold), formula
 * bar, the grid (react-datasheet-grid, MIT: see README "The workbench"), sheet tabs and the
 * sheet's charts. It reads and writes only the {@link WorkbenchModel}; HyperFormula computes
 * behind it.
 *
 * The grid component draws the cells and keeps the selection; everything that changes the
 * workbook goes through the model, never through the grid's own text copy: typing (our own
 * editor over the cell, or the formula bar), point mode, copy/cut/paste, fill, delete, rows,
 * columns and sheets. Keys and mouse events are taken in the window's capture phase, before the
 * grid's document listeners, so the grid never writes text of its own (its Ctrl+D duplicates
 * rows, its drag handle copies formula text, a click while editing moves its editor).
 */
import { Button, Input, makeStyles, Select, tokens, Tooltip } from '@fluentui/react-components';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { type CellProps, type Column, DataSheetGrid, type DataSheetGridProps, type DataSheetGridRef } from 'react-datasheet-grid';
import { columnLetters } from '../sheet/formula';
import { FormulaLimitError, formulaLimitMessage, formulaLimitProblem } from '../sheet/formulaLimits';
import type { Language } from '../taskpane/i18n';
import { type CellRef, qualified } from './address';
import { displayText, editText, NUMBER_FORMATS, parseTyped } from './cellText';
import { callAt, cycleReference, insertAt, isPointable, namePrefixAt, referenceText, type Span } from './formulaEdit';
import { FunctionHelp, type FunctionInfo, functionList, suggestionsFor } from './FunctionHelp';
import { GridMenu, type MenuItemSpec, SheetDialogs, type SheetDialogState } from './GridMenus';
import { SheetCharts } from './SheetCharts';
import { isFormula, WholeLineLimitError, type WorkbenchModel } from './model';
import { modelOps, type Range } from './ops';
import { WORKBENCH_TEXT, type WorkbenchText } from './uiText';

/** One grid cell: the text shown and its CSS classes. */
interface GridCell {
  readonly display: string;
  readonly className?: string;
}
/**
 * One row as the grid reads it. Its cells are read from the model when the grid draws them (the
 * rows and columns in the grid's window), never for the whole sheet: a sheet with one value at
 * XFD1048576 costs what is on screen.
 */
class GridRow {
  private readonly cells = new Map<number, GridCell | null>();
  /** `hidden`: the file hides the row (by a filter, or by Hide Rows); the gutter marks it. */
  constructor(
    private readonly read: (col: number) => GridCell | null,
    readonly hidden?: 'filtered' | 'hidden',
  ) {}
  cell(col: number): GridCell | null {
    let made = this.cells.get(col);
    if (made === undefined) {
      made = this.read(col);
      this.cells.set(col, made);
    }
    return made;
  }
}

/** Rows made this many at most before the ones made are dropped (made again when drawn). */
const ROWS_KEPT = 2048;

/**
 * The grid's `value`: an array of `count` rows whose row objects are made when the grid asks for
 * one (it reads `length` and `value[i]` of the rows in its window: its rows and columns are
 * virtualised), so the cost is the rows drawn, not rows × columns.
 */
function lazyRows(count: number, make: (row: number) => GridRow): GridRow[] {
  const target: GridRow[] = [];
  target.length = count;
  let made = new Map<number, GridRow>();
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (typeof prop === 'string') {
        const i = Number(prop);
        if (Number.isInteger(i) && i >= 0 && i < count && String(i) === prop) {
          let r = made.get(i);
          if (!r) {
            if (made.size >= ROWS_KEPT) made = new Map();
            r = make(i);
            made.set(i, r);
          }
          return r;
        }
      }
      return Reflect.get(t, prop, receiver);
    },
  });
}

interface ColumnData {
  readonly key: string;
  readonly col: number;
}

const MIN_ROWS = 200;
const MIN_COLS = 26;
/** A worksheet's bounds (A1 to XFD1048576): the grid never shows rows or columns past them. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/**
 * Copy, cut, format, fill and paste cost per cell of the selection (within the used area for
 * copy and format): past this many (the most cells the workbench opens, MAX_OPEN_CELLS) they are
 * refused with the reason — Ctrl+A on a sheet reaching XFD1048576 selects 17 billion.
 */
const MAX_SELECTION_CELLS = 1_000_000;
const ROW_HEIGHT = 26;
/** Excel's width unit (a character) in pixels, roughly. */
const PX_PER_CHAR = 7.5;

const inertCopy = () => '';
const inertRow = ({ rowData }: { rowData: GridRow }) => rowData;
const ignoreChange = () => undefined;
/** Module constants: new props on every render would make the grid recompute its 16,384 columns. */
/**
 * The row numbers; a row the file hides is drawn (the workbench shows every row) with its number
 * marked and a tip saying why SUBTOTAL leaves it out.
 */
function gutterColumn(tip: WorkbenchText['hiddenRowTip']) {
  return {
    basis: 44,
    component: ({ rowIndex, rowData }: { rowIndex: number; rowData?: GridRow }) =>
      rowData?.hidden ? (
        <span className="wb-rownum wb-rownum-hidden" data-hidden={rowData.hidden} title={tip(rowData.hidden)}>
          {rowIndex + 1}
        </span>
      ) : (
        <span className="wb-rownum">{rowIndex + 1}</span>
      ),
  };
}

type OnSelectionChange = NonNullable<DataSheetGridProps<GridRow>['onSelectionChange']>;
type OnActiveCellChange = NonNullable<DataSheetGridProps<GridRow>['onActiveCellChange']>;

/** A cell as drawn: its text in a span that carries its position, so a pointer finds the cell under it. */
const CellView = memo(function CellView({ rowData, rowIndex, columnData }: CellProps<GridRow, ColumnData>) {
  const cell = rowData.cell(columnData.col);
  return (
    <span className="wb-cell" data-r={rowIndex} data-c={columnData.col}>
      {cell?.display ?? ''}
    </span>
  );
});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0, flexGrow: 1 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  formulaBar: { display: 'flex', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  address: { width: '14em', flexShrink: 0 },
  formula: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
  tabs: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
  status: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  problem: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

export interface WorkbenchProps {
  readonly model: WorkbenchModel;
  /** The file name shown and used when saving. */
  readonly fileName: string;
  readonly onOpen: (file: File) => void;
  readonly onSave: () => void;
  readonly onNew: () => void;
  readonly message?: string;
  readonly language: Language;
  /** True when the workbook has changes not saved to a file. */
  readonly dirty?: boolean;
}

function useModelVersion(model: WorkbenchModel): number {
  return useSyncExternalStore(
    useCallback((listener) => model.subscribe(listener), [model]),
    () => model.version,
  );
}

function useSelection(model: WorkbenchModel) {
  const subscribe = useCallback((listener: () => void) => model.onSelectionChanged(listener), [model]);
  return useSyncExternalStore(subscribe, () => model.selection);
}

function fillClass(fill: string): string {
  return `wb-fill-${fill.slice(1).toUpperCase()}`;
}

/**
 * One CSS rule per cell fill colour of the sheet. The page's Content-Security-Policy refuses
 * inline style text (scripts/csp.js), so the rules go through the CSSOM into an empty <style>
 * element, as Fluent UI's own styles do. Only #RRGGBB colours become rules: a fill read from a
 * file is data, never CSS.
 */
function useFillRules(fills: readonly string[]): void {
  useLayoutEffect(() => {
    const element = document.createElement('style');
    document.head.appendChild(element);
    const sheet = element.sheet;
    for (const fill of fills) if (sheet && /^#[0-9A-F]{6}$/i.test(fill)) sheet.insertRule(`.${fillClass(fill)}{background:${fill}}`, sheet.cssRules.length);
    return () => element.remove();
  }, [fills]);
}

/** A formula or value being typed into one cell, in the cell's own editor or in the formula bar. */
interface EditState {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** The cell's text before the edit (Esc puts it back). */
  readonly original: string;
  readonly text: string;
  readonly caret: number;
  readonly target: 'cell' | 'bar';
  /** "enter": started by typing, arrows end the entry (Excel's Enter mode); "edit": F2, arrows move the caret. */
  readonly mode: 'enter' | 'edit';
  /** The sheet the grid shows while pointing (another sheet's tab was clicked). */
  readonly viewSheet: string;
  /** The reference inserted by pointing last, which the next arrow, drag or Shift+click replaces. */
  readonly point?: { readonly span: Span; readonly sheet: string; readonly anchor: CellRef; readonly cursor: CellRef };
  /** Autocomplete: which suggestion is highlighted, and whether Esc hid the list. */
  readonly pick: number;
  readonly listHidden?: boolean;
  /** Why the entry was refused (a formula beyond Excel's limits): shown under the formula bar. */
  readonly problem?: string;
}

const normalize = (r: Range): Range => ({
  start: { row: Math.min(r.start.row, r.end.row), col: Math.min(r.start.col, r.end.col) },
  end: { row: Math.max(r.start.row, r.end.row), col: Math.max(r.start.col, r.end.col) },
});

/** The grid cell under a pointer, from the position every drawn cell carries. */
function cellAtPoint(x: number, y: number, grid: Element | null): CellRef | undefined {
  if (!grid) return undefined;
  for (const el of document.elementsFromPoint(x, y)) {
    if (!grid.contains(el)) continue;
    const holder = (el as HTMLElement).closest?.('[data-r]') ?? (el as HTMLElement).querySelector?.(':scope > [data-r]');
    if (holder instanceof HTMLElement) return { row: Number(holder.dataset.r), col: Number(holder.dataset.c) };
  }
  return undefined;
}

function cellElement(grid: Element | null, row: number, col: number): HTMLElement | null {
  return grid?.querySelector<HTMLElement>(`[data-r="${row}"][data-c="${col}"]`) ?? null;
}

const isEditableTarget = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');

/** TSV from another application → rows of cell texts. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const body = text.replace(/\r?\n$/, '');
  while (i < body.length) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += ch === '\r' && body[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

export function Workbench({ model, fileName, onOpen, onSave, onNew, message, language, dirty }: WorkbenchProps) {
  const styles = useStyles();
  const text = WORKBENCH_TEXT[language];
  const gutter = useMemo(() => gutterColumn(text.hiddenRowTip), [text]);
  const ops = useMemo(() => modelOps(model), [model]);
  const version = useModelVersion(model);
  const selection = useSelection(model);
  const [edit, setEditState] = useState<EditState | null>(null);
  const editRef = useRef<EditState | null>(null);
  const setEdit = useCallback((next: EditState | null) => {
    editRef.current = next;
    setEditState(next);
  }, []);
  const homeSheet = selection?.sheet ?? model.activeSheet;
  const sheet = edit?.viewSheet ?? homeSheet;
  const gridRef = useRef<DataSheetGridRef>(null);
  const gridBox = useRef<HTMLDivElement>(null);
  const cellInput = useRef<HTMLInputElement>(null);
  const barInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const rangeRef = useRef<Range | null>(null);
  const pendingCaret = useRef<number | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItemSpec[] } | null>(null);
  const [sheetDialog, setSheetDialog] = useState<SheetDialogState | null>(null);
  const [note, setNote] = useState<string | undefined>();
  // A new message from the page (a file opened or refused) replaces the last note.
  useEffect(() => setNote(undefined), [message]);
  const [, setLayoutTick] = useState(0);
  useEffect(() => ops.onHistoryChanged(() => setLayoutTick((n) => n + 1)), [ops]);

  const used = useMemo(() => model.usedSize(sheet), [model, sheet, version]);
  const rowCount = Math.min(MAX_ROWS, Math.max(MIN_ROWS, used.rows + 100));
  const colCount = Math.min(MAX_COLS, Math.max(MIN_COLS, used.cols + 10));

  const rows = useMemo<GridRow[]>(() => {
    const cellAt = (r: number, c: number): GridCell | null => {
      const input = model.getInput(sheet, r, c);
      const value = model.getValue(sheet, r, c);
      const style = model.getStyle(sheet, r, c);
      if (input === null && value === null && !style.fill) return null;
      const classes = [
        typeof value === 'number' || typeof value === 'boolean' ? 'wb-num' : '',
        value !== null && typeof value === 'object' ? 'wb-err' : '',
        style.bold ? 'wb-bold' : '',
        style.fill ? fillClass(style.fill) : '',
        input === null && value !== null && model.isSpilled(sheet, r, c) ? 'wb-spill' : '',
      ].filter(Boolean);
      return { display: displayText(value, style.numberFormat), className: classes.join(' ') || undefined };
    };
    const shown = model.rowVisibility(sheet);
    const hidden = new Set(shown?.hidden ?? []);
    const filtered = new Set(shown?.filtered ?? []);
    const hiddenAs = (r: number) => (filtered.has(r) ? 'filtered' : hidden.has(r) ? 'hidden' : undefined);
    return lazyRows(rowCount, (r) => new GridRow((c) => cellAt(r, c), hiddenAs(r)));
  }, [model, sheet, version, rowCount]); // the version: new rows after every change of the workbook


  const widths = model.columnWidths(sheet);
  // One light definition a column (16,384 at most, their cells are drawn only in the grid's window).
  const columns = useMemo<Array<Partial<Column<GridRow, ColumnData, string>>>>(
    () =>
      Array.from({ length: colCount }, (_, c) => {
        const letters = columnLetters(c + 1);
        const px = Math.round((widths[letters] ?? 12) * PX_PER_CHAR);
        return {
          component: CellView as unknown as Column<GridRow, ColumnData, string>['component'],
          columnData: { key: letters, col: c },
          id: letters,
          title: letters,
          basis: px,
          grow: 0,
          shrink: 0,
          minWidth: 40,
          // Copy, paste and delete never reach the grid (see the file comment); these keep it inert.
          copyValue: inertCopy,
          pasteValue: inertRow,
          deleteValue: inertRow,
          cellClassName: ({ rowData }: { rowData: GridRow }) => rowData.cell(c)?.className,
        };
      }),
    [colCount, widths],
  );

  const fills = useMemo(() => {
    const set = new Set<string>();
    for (const style of model.stylesOf(sheet).values()) if (style.fill) set.add(style.fill.toUpperCase());
    return [...set];
  }, [model, sheet, version]);
  useFillRules(fills);

  const functions = useMemo(() => functionList(model.hf, language), [model, language]);
  const functionByName = useMemo(() => new Map(functions.map((f) => [f.name, f])), [functions]);

  // ---- writing --------------------------------------------------------------------------------

  const write = useCallback(
    (sheetName: string, row: number, col: number, typedText: string) => {
      model.typeText(sheetName, row, col, typedText);
    },
    [model],
  );

  /** The selected range (the active cell when nothing more is selected). */
  const currentRange = useCallback((): Range | null => {
    if (rangeRef.current) return rangeRef.current;
    const s = model.selection;
    return s ? { start: { row: s.row, col: s.col }, end: { row: s.row, col: s.col } } : null;
  }, [model]);

  const selectRange = useCallback(
    (range: Range, active?: CellRef) => {
      const within = (c: CellRef): CellRef => ({ row: Math.min(MAX_ROWS - 1, Math.max(0, c.row)), col: Math.min(MAX_COLS - 1, Math.max(0, c.col)) });
      const n = normalize(range);
      const r = { start: within(n.start), end: within(n.end) };
      const a = within(active ?? r.start);
      model.select(homeSheet, a.row, a.col);
      if (r.start.row === r.end.row && r.start.col === r.end.col) gridRef.current?.setActiveCell({ row: a.row, col: a.col });
      else gridRef.current?.setSelection({ min: { row: r.start.row, col: r.start.col }, max: { row: r.end.row, col: r.end.col } });
      rangeRef.current = r;
    },
    [model, homeSheet],
  );

  const flash = (s: string) => setNote(s);

  // ---- editing: start, commit, cancel ----------------------------------------------------------

  const startEdit = useCallback(
    (options: { target: 'cell' | 'bar'; mode: 'enter' | 'edit'; text?: string }) => {
      const s = model.selection;
      if (!s) return;
      const original = editText(model.getInput(s.sheet, s.row, s.col), model.getStyle(s.sheet, s.row, s.col).numberFormat);
      const t = options.text ?? original;
      // The formula bar keeps the caret (or the selection) the click or the focus gave it.
      if (options.target === 'cell') pendingCaret.current = t.length;
      setEdit({ sheet: s.sheet, row: s.row, col: s.col, original, text: t, caret: t.length, target: options.target, mode: options.mode, viewSheet: s.sheet, pick: 0 });
    },
    [model, setEdit],
  );

  const commit = useCallback(
    (move?: { dr: number; dc: number }) => {
      const ed = editRef.current;
      if (!ed) return;
      if (ed.text !== ed.original) {
        // A formula beyond Excel's limits is refused as Excel refuses it: the editor stays open with
        // the reason, and the cell keeps what it held (Esc leaves the edit).
        const typed = parseTyped(ed.text);
        const problem = isFormula(typed.input) ? formulaLimitProblem(typed.input.formula) : undefined;
        if (problem) {
          setEdit({ ...ed, problem: formulaLimitMessage(problem, language) });
          return;
        }
        // So is one whose whole-column or whole-row references would make HyperFormula hold too many cells.
        const wide = isFormula(typed.input) ? model.wholeLineProblem(ed.sheet, ed.row, ed.col, typed.input.formula) : undefined;
        if (wide) {
          setEdit({ ...ed, problem: language === 'zh' ? wide.zh : wide.message });
          return;
        }
      }
      setEdit(null);
      // As in Excel, the keys go back to the grid once the entry is made.
      if (ed.target === 'bar' && document.activeElement === barInput.current) barInput.current?.blur();
      if (ed.text !== ed.original) write(ed.sheet, ed.row, ed.col, ed.text);
      if (move) {
        // Enter or Tab at the sheet's last row or column stays there, as in Excel.
        const row = Math.min(MAX_ROWS - 1, Math.max(0, ed.row + move.dr));
        const col = Math.min(MAX_COLS - 1, Math.max(0, ed.col + move.dc));
        model.select(ed.sheet, row, col);
        rangeRef.current = null;
        gridRef.current?.setActiveCell({ row, col });
      } else if (ed.viewSheet !== ed.sheet) model.select(ed.sheet, ed.row, ed.col);
    },
    [model, setEdit, write, language],
  );

  const cancel = useCallback(() => {
    const ed = editRef.current;
    if (!ed) return;
    setEdit(null);
    if (ed.target === 'bar' && document.activeElement === barInput.current) barInput.current?.blur();
    model.select(ed.sheet, ed.row, ed.col);
    gridRef.current?.setActiveCell({ row: ed.row, col: ed.col });
  }, [model, setEdit]);

  // Back on a sheet (after pointing at another, or a sheet switch), the grid shows the selection.
  useEffect(() => {
    const s = model.selection;
    if (!edit && s && s.sheet === sheet) gridRef.current?.setActiveCell({ row: s.row, col: s.col });
  }, [sheet]);

  const activeInput = useCallback(() => (editRef.current?.target === 'bar' ? barInput.current : cellInput.current), []);
  const caretOf = useCallback(() => {
    const el = activeInput();
    return el?.selectionStart ?? editRef.current?.caret ?? 0;
  }, [activeInput]);

  useLayoutEffect(() => {
    if (!edit) return;
    const el = edit.target === 'bar' ? barInput.current : cellInput.current;
    if (el && document.activeElement !== el) el.focus();
    if (el && pendingCaret.current !== null) {
      el.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  }, [edit]);

  /** Text typed by the user (not by pointing): the pointed reference is no longer the one to replace. */
  const onEditText = (value: string, caret: number, from: 'cell' | 'bar') => {
    let ed = editRef.current;
    if (!ed) {
      // Typing into a formula bar that kept the focus after its last entry (the grid's clicks do not take it) starts a new one.
      const s = model.selection;
      if (!s) return;
      const original = editText(model.getInput(s.sheet, s.row, s.col), model.getStyle(s.sheet, s.row, s.col).numberFormat);
      ed = { sheet: s.sheet, row: s.row, col: s.col, original, text: original, caret, target: from, mode: 'edit', viewSheet: s.sheet, pick: 0 };
    }
    setEdit({ ...ed, text: value, caret, point: undefined, pick: 0, listHidden: false, problem: undefined });
  };

  /** Can a click or an arrow key insert a reference now? */
  const pointable = useCallback((): boolean => {
    const ed = editRef.current;
    if (!ed || !ed.text.startsWith('=')) return false;
    const caret = caretOf();
    if (ed.point && caret === ed.point.span.end) return true;
    return isPointable(ed.text, caret);
  }, [caretOf]);

  /** Inserts (or replaces the last pointed) reference to `range` on `onSheet`. */
  const point = useCallback(
    (onSheet: string, anchor: CellRef, cursor: CellRef, viewSheet?: string) => {
      const ed = editRef.current;
      if (!ed) return;
      const caret = caretOf();
      const replace = ed.point && caret === ed.point.span.end ? ed.point.span : undefined;
      const ref = referenceText({ start: anchor, end: cursor }, onSheet, ed.sheet);
      const next = insertAt(ed.text, caret, ref, replace);
      pendingCaret.current = next.span.end;
      const view = viewSheet ?? ed.viewSheet;
      setEdit({ ...ed, text: next.text, caret: next.span.end, point: { span: next.span, sheet: onSheet, anchor, cursor }, viewSheet: view, target: view !== ed.sheet ? 'bar' : ed.target, pick: 0, listHidden: true });
    },
    [caretOf, setEdit],
  );

  const suggestions = useMemo<FunctionInfo[]>(() => {
    if (!edit || edit.listHidden) return [];
    const span = namePrefixAt(edit.text, edit.caret);
    return span ? suggestionsFor(functions, edit.text.slice(span.start, span.end)) : [];
  }, [edit, functions]);
  const suggestionsRef = useRef(suggestions);
  suggestionsRef.current = suggestions;

  const accept = useCallback(
    (f: FunctionInfo) => {
      const ed = editRef.current;
      if (!ed) return;
      const span = namePrefixAt(ed.text, caretOf());
      if (!span) return;
      const textNext = `${ed.text.slice(0, span.start)}${f.name}(${ed.text.slice(span.end)}`;
      const caret = span.start + f.name.length + 1;
      pendingCaret.current = caret;
      setEdit({ ...ed, text: textNext, caret, point: undefined, pick: 0, listHidden: false });
    },
    [caretOf, setEdit],
  );

  // ---- grid actions -------------------------------------------------------------------------------

  /** True, with the reason in the status line, for a selection too large to act on (see MAX_SELECTION_CELLS). */
  const tooLarge = useCallback(
    (r: Range, withinUse: boolean): boolean => {
      const size = model.usedSize(homeSheet);
      const endRow = withinUse ? Math.min(r.end.row, Math.max(size.rows, 1) - 1) : r.end.row;
      const endCol = withinUse ? Math.min(r.end.col, Math.max(size.cols, 1) - 1) : r.end.col;
      const cells = Math.max(0, endRow - r.start.row + 1) * Math.max(0, endCol - r.start.col + 1);
      if (cells <= MAX_SELECTION_CELLS) return false;
      setNote(text.selectionTooLarge(cells, MAX_SELECTION_CELLS));
      return true;
    },
    [model, homeSheet, text],
  );

  const copySelection = useCallback(
    (cut: boolean): string | null => {
      const range = currentRange();
      if (!range) return null;
      const r = normalize(range);
      if (tooLarge(r, true)) return null;
      try {
        return cut ? ops.cut(homeSheet, r) : ops.copy(homeSheet, r);
      } catch (e) {
        flash(text.pasteFailed(e instanceof Error ? e.message : String(e)));
        return null;
      }
    },
    [currentRange, homeSheet, ops, text, tooLarge],
  );

  /** Pastes the system clipboard's text (the workbench's own block when it is that block's TSV), or the model's block. */
  const pasteHere = useCallback(
    (systemText: string | null, valuesOnly = false) => {
      const range = currentRange();
      if (!range) return;
      const target = normalize(range);
      if (tooLarge(target, false)) return;
      const own = ops.clipboardText();
      // An empty system clipboard (no permission, or nothing copied elsewhere) pastes the workbench's own block.
      const body = systemText || own;
      if (!body) return;
      try {
        if (valuesOnly && own !== null) ops.pasteValues(homeSheet, target);
        else if (systemText) ops.pasteFromSystem(homeSheet, target, systemText);
        else ops.paste(homeSheet, target);
        const grid = parseTsv(body);
        const h = grid.length - 1;
        const w = Math.max(...grid.map((l) => l.length)) - 1;
        const end = { row: Math.max(target.end.row, target.start.row + h), col: Math.max(target.end.col, target.start.col + w) };
        selectRange({ start: target.start, end }, target.start);
      } catch (e) {
        // A pasted formula beyond Excel's limits refuses the paste (nothing changed): said in the UI's language.
        flash(text.pasteFailed(e instanceof FormulaLimitError || e instanceof WholeLineLimitError ? (language === 'zh' ? e.zh : e.message) : e instanceof Error ? e.message : String(e)));
      }
    },
    [currentRange, homeSheet, ops, selectRange, text, language, tooLarge],
  );

  const pasteFromMenu = useCallback(
    (valuesOnly: boolean) => {
      if (ops.clipboardText() !== null) return pasteHere(null, valuesOnly);
      void navigator.clipboard
        ?.readText()
        .then((t) => pasteHere(t, valuesOnly))
        .catch(() => undefined);
    },
    [ops, pasteHere],
  );

  const clearSelection = useCallback(() => {
    const range = currentRange();
    if (range) ops.clear(homeSheet, normalize(range));
  }, [currentRange, homeSheet, ops]);

  /** Ctrl+D (down) / Ctrl+R (right): the first row (column) of the selection fills the rest; one cell takes the cell above (left). */
  const fillFrom = useCallback(
    (direction: 'down' | 'right') => {
      const range = currentRange();
      if (!range || tooLarge(normalize(range), false)) return;
      if (direction === 'down') ops.fillDown(homeSheet, normalize(range));
      else ops.fillRight(homeSheet, normalize(range));
    },
    [currentRange, homeSheet, ops, tooLarge],
  );

  /** Double-click on the fill handle: down to the last row of the data next to the selection. */
  const fillToAdjacentEnd = useCallback(() => {
    const range = currentRange();
    if (!range) return;
    const area = ops.fillToEnd(homeSheet, normalize(range));
    if (area) selectRange(area);
  }, [currentRange, homeSheet, ops, selectRange]);

  const rowsOrCols = useCallback(
    (what: 'insertRows' | 'deleteRows' | 'insertColumns' | 'deleteColumns') => {
      const range = currentRange();
      if (!range) return;
      const r = normalize(range);
      if (what === 'insertRows') ops.insertRows(homeSheet, r.start.row, r.end.row - r.start.row + 1);
      else if (what === 'deleteRows') ops.deleteRows(homeSheet, r.start.row, r.end.row - r.start.row + 1);
      else if (what === 'insertColumns') ops.insertColumns(homeSheet, r.start.col, r.end.col - r.start.col + 1);
      else ops.deleteColumns(homeSheet, r.start.col, r.end.col - r.start.col + 1);
    },
    [currentRange, homeSheet, ops],
  );

  /** Ctrl+arrow: to the edge of the data, as Excel moves. */
  const jump = useCallback(
    (dr: number, dc: number, extend: boolean) => {
      const s = model.selection;
      if (!s) return;
      const size = model.usedSize(homeSheet);
      const maxR = Math.max(size.rows, 1) - 1;
      const maxC = Math.max(size.cols, 1) - 1;
      const has = (r: number, c: number) => model.getInput(homeSheet, r, c) !== null || model.getValue(homeSheet, r, c) !== null;
      let { row, col } = s;
      const inside = (r: number, c: number) => r >= 0 && c >= 0 && r <= Math.max(maxR, s.row) && c <= Math.max(maxC, s.col);
      const next = (r: number, c: number) => ({ r: r + dr, c: c + dc });
      const n = next(row, col);
      if (!inside(n.r, n.c)) {
        row = dr ? (dr > 0 ? rowCount - 1 : 0) : row;
        col = dc ? (dc > 0 ? colCount - 1 : 0) : col;
      } else if (has(row, col) && has(n.r, n.c)) {
        // Along the block to its last filled cell.
        while (inside(row + dr, col + dc) && has(row + dr, col + dc)) {
          row += dr;
          col += dc;
        }
      } else {
        // To the next filled cell, or the sheet's edge.
        row = n.r;
        col = n.c;
        while (!has(row, col) && inside(row + dr, col + dc)) {
          row += dr;
          col += dc;
        }
        if (!has(row, col)) {
          row = dr ? (dr > 0 ? rowCount - 1 : 0) : row;
          col = dc ? (dc > 0 ? colCount - 1 : 0) : col;
        }
      }
      if (extend) {
        const start = rangeRef.current?.start ?? { row: s.row, col: s.col };
        selectRange({ start, end: { row, col } }, { row: s.row, col: s.col });
      } else selectRange({ start: { row, col }, end: { row, col } });
    },
    [model, homeSheet, rowCount, colCount, selectRange],
  );

  const undo = useCallback(() => {
    if (ops.canUndo()) ops.undo();
  }, [ops]);
  const redo = useCallback(() => {
    if (ops.canRedo()) ops.redo();
  }, [ops]);

  // ---- window listeners (capture phase: before the grid's document listeners) --------------------

  const handlers = useRef({
    onKeyDown: (_e: KeyboardEvent) => {},
    onMouseDown: (_e: MouseEvent) => {},
    onMouseMove: (_e: MouseEvent) => {},
    onMouseUp: (_e: MouseEvent) => {},
    onCopy: (_e: ClipboardEvent) => {},
    onCut: (_e: ClipboardEvent) => {},
    onPaste: (_e: ClipboardEvent) => {},
  });
  const drag = useRef<{ kind: 'point'; sheet: string; anchor: CellRef } | { kind: 'fill'; source: Range; to?: CellRef } | null>(null);
  const pasteTimer = useRef<number | undefined>(undefined);

  const ownsEditor = (t: EventTarget | null) => t === cellInput.current || t === barInput.current;
  const gridHasFocus = () => gridRef.current?.activeCell != null;

  handlers.current.onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const ed = editRef.current;
    if (ed && (ownsEditor(e.target) || e.target === document.body)) {
      e.stopPropagation();
      // The editor lost the focus without the edit ending (see onBlurEditor): the key is still the formula's.
      if (!ownsEditor(e.target)) activeInput()?.focus();
      const list = suggestionsRef.current;
      if (list.length && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setEdit({ ...ed, pick: (ed.pick + step + list.length) % list.length });
        return;
      }
      if (list.length && e.key === 'Tab') {
        e.preventDefault();
        accept(list[Math.min(ed.pick, list.length - 1)]);
        return;
      }
      if (list.length && e.key === 'Escape') {
        e.preventDefault();
        setEdit({ ...ed, listHidden: true });
        return;
      }
      if (e.key === 'Enter' && !e.altKey) {
        e.preventDefault();
        commit({ dr: e.shiftKey ? -1 : 1, dc: 0 });
      } else if (e.key === 'Tab') {
        e.preventDefault();
        commit({ dr: 0, dc: e.shiftKey ? -1 : 1 });
      } else if (e.key === 'Escape') {
        e.preventDefault();
        cancel();
      } else if (e.key === 'F4') {
        e.preventDefault();
        const next = cycleReference(ed.text, caretOf());
        if (next) {
          pendingCaret.current = next.caret;
          setEdit({ ...ed, text: next.text, caret: next.caret, point: ed.point && { ...ed.point, span: { start: ed.point.span.start, end: next.caret } } });
        }
      } else if (e.key.startsWith('Arrow') && !ctrl && !e.altKey) {
        const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key as 'ArrowUp'] ?? [0, 0];
        if (pointable()) {
          e.preventDefault();
          const here = ed.point && caretOf() === ed.point.span.end ? ed.point : { sheet: ed.viewSheet, anchor: { row: ed.row, col: ed.col }, cursor: { row: ed.row, col: ed.col } };
          const cursor = { row: Math.max(0, here.cursor.row + d[0]), col: Math.max(0, here.cursor.col + d[1]) };
          const fresh = !(ed.point && caretOf() === ed.point.span.end);
          const anchor = e.shiftKey && !fresh ? here.anchor : cursor;
          point(here.sheet, anchor, cursor);
        } else if (ed.mode === 'enter' && ed.target === 'cell') {
          e.preventDefault();
          commit({ dr: d[0], dc: d[1] });
        }
      } else if (e.key === 'F2') {
        e.preventDefault();
        setEdit({ ...ed, mode: ed.mode === 'enter' ? 'edit' : 'enter' });
      } else if (ctrl && e.key.toLowerCase() === 's') {
        e.preventDefault();
        commit();
        onSave();
      }
      return;
    }
    // Ctrl+S saves from anywhere on the page but a dialog.
    if (ctrl && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      e.stopPropagation();
      onSave();
      return;
    }
    if (isEditableTarget(e.target) || (e.target instanceof HTMLElement && e.target.closest('[role="dialog"],[role="menu"]'))) return;
    if (!gridHasFocus()) {
      if (ctrl && !e.altKey && (e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'y') && e.target === document.body) {
        e.preventDefault();
        if (e.key.toLowerCase() === 'y' || e.shiftKey) redo();
        else undo();
      }
      return;
    }
    const k = e.key;
    const lower = k.toLowerCase();
    const take = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (ctrl && !e.altKey) {
      if (lower === 'z' && !e.shiftKey) return take(), undo();
      if (lower === 'y' || (lower === 'z' && e.shiftKey)) return take(), redo();
      if (lower === 'd') return take(), fillFrom('down');
      if (lower === 'r') return take(), fillFrom('right');
      if ((k === '+' || k === '=') && e.shiftKey) return take(), rowsOrCols('insertRows');
      if (k === '-' || k === '_') return take(), rowsOrCols('deleteRows');
      if (k === 'Home') return take(), selectRange({ start: { row: 0, col: 0 }, end: { row: 0, col: 0 } });
      if (k === 'End') {
        take();
        const size = model.usedSize(homeSheet);
        const end = { row: Math.max(0, size.rows - 1), col: Math.max(0, size.cols - 1) };
        return selectRange({ start: end, end });
      }
      if (k.startsWith('Arrow')) {
        take();
        const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[k as 'ArrowUp'] ?? [0, 0];
        return jump(d[0], d[1], e.shiftKey);
      }
      if (lower === 'c' || lower === 'x') {
        // The copy/cut event follows and puts the TSV on the system clipboard; the model remembers the source now.
        e.stopPropagation();
        copySelection(lower === 'x');
        return;
      }
      if (lower === 'v') {
        e.stopPropagation();
        // The paste event brings the system clipboard; without one (no permission), paste the workbench's own.
        window.clearTimeout(pasteTimer.current);
        pasteTimer.current = window.setTimeout(() => pasteHere(null), 150);
        return;
      }
      return;
    }
    if (k === 'F2') return take(), startEdit({ target: 'cell', mode: 'edit' });
    if (k === 'Enter' && !e.altKey) {
      take();
      const s = model.selection;
      if (s) selectRange({ start: { row: Math.max(0, s.row + (e.shiftKey ? -1 : 1)), col: s.col }, end: { row: Math.max(0, s.row + (e.shiftKey ? -1 : 1)), col: s.col } });
      return;
    }
    if (k === 'Delete') return take(), clearSelection();
    if (k === 'Backspace') return take(), startEdit({ target: 'cell', mode: 'enter', text: '' });
    if (k.length === 1 && !e.altKey) return take(), startEdit({ target: 'cell', mode: 'enter', text: k });
  };

  handlers.current.onMouseDown = (e: MouseEvent) => {
    if (e.button !== 0) return;
    const box = gridBox.current;
    const target = e.target as HTMLElement | null;
    const inGrid = !!(box && target && box.contains(target));
    const ed = editRef.current;
    if (ed && inGrid) {
      const cell = cellAtPoint(e.clientX, e.clientY, box);
      if (cell && pointable()) {
        e.preventDefault();
        e.stopPropagation();
        const onSheet = ed.viewSheet;
        const anchor = e.shiftKey && ed.point ? ed.point.anchor : cell;
        point(onSheet, anchor, cell);
        drag.current = { kind: 'point', sheet: onSheet, anchor };
        return;
      }
      if (cell && ed.target === 'cell' && cell.row === ed.row && cell.col === ed.col && ed.viewSheet === ed.sheet) return;
      commit();
      return;
    }
    if (!inGrid || !target) return;
    if (target.closest('.dsg-expand-rows-indicator')) {
      e.preventDefault();
      e.stopPropagation();
      if (e.detail >= 2) {
        drag.current = null;
        fillToAdjacentEnd();
        return;
      }
      const source = currentRange();
      if (source) drag.current = { kind: 'fill', source: normalize(source) };
      return;
    }
    if (e.detail >= 2) {
      const cell = cellAtPoint(e.clientX, e.clientY, box);
      if (cell) {
        e.preventDefault();
        e.stopPropagation();
        model.select(homeSheet, cell.row, cell.col);
        startEdit({ target: 'cell', mode: 'edit' });
      }
    }
  };

  handlers.current.onMouseMove = (e: MouseEvent) => {
    const d = drag.current;
    if (!d) return;
    e.stopPropagation();
    const cell = cellAtPoint(e.clientX, e.clientY, gridBox.current);
    if (!cell) return;
    if (d.kind === 'point') {
      const ed = editRef.current;
      if (ed?.point && (ed.point.cursor.row !== cell.row || ed.point.cursor.col !== cell.col)) point(d.sheet, d.anchor, cell);
    } else d.to = cell;
  };

  handlers.current.onMouseUp = (e: MouseEvent) => {
    const d = drag.current;
    if (!d) return;
    drag.current = null;
    e.stopPropagation();
    if (d.kind !== 'fill') return;
    const to = d.to ?? cellAtPoint(e.clientX, e.clientY, gridBox.current);
    if (!to) return;
    const s = d.source;
    const down = to.row - s.end.row;
    const right = to.col - s.end.col;
    const up = s.start.row - to.row;
    const left = s.start.col - to.col;
    let target: Range | null = null;
    const most = Math.max(down, right, up, left);
    if (most <= 0) return;
    if (most === down) target = { start: s.start, end: { row: to.row, col: s.end.col } };
    else if (most === right) target = { start: s.start, end: { row: s.end.row, col: to.col } };
    else if (most === up) target = { start: { row: to.row, col: s.start.col }, end: s.end };
    else target = { start: { row: s.start.row, col: to.col }, end: s.end };
    ops.fill(homeSheet, s, target);
    selectRange(target);
  };

  handlers.current.onCopy = (e: ClipboardEvent) => {
    if (editRef.current || isEditableTarget(e.target) || !gridHasFocus()) return;
    e.stopPropagation();
    e.preventDefault();
    const tsv = ops.clipboardText() ?? copySelection(false);
    if (tsv !== null) e.clipboardData?.setData('text/plain', tsv);
  };
  handlers.current.onCut = (e: ClipboardEvent) => {
    if (editRef.current || isEditableTarget(e.target) || !gridHasFocus()) return;
    e.stopPropagation();
    e.preventDefault();
    const tsv = ops.clipboardText() ?? copySelection(true);
    if (tsv !== null) e.clipboardData?.setData('text/plain', tsv);
  };
  handlers.current.onPaste = (e: ClipboardEvent) => {
    if (editRef.current || isEditableTarget(e.target) || !gridHasFocus()) return;
    e.stopPropagation();
    e.preventDefault();
    window.clearTimeout(pasteTimer.current);
    pasteHere(e.clipboardData?.getData('text/plain') ?? null);
  };

  useEffect(() => {
    const h = handlers.current;
    const kd = (e: KeyboardEvent) => h.onKeyDown(e);
    const md = (e: MouseEvent) => h.onMouseDown(e);
    const mm = (e: MouseEvent) => h.onMouseMove(e);
    const mu = (e: MouseEvent) => h.onMouseUp(e);
    const co = (e: ClipboardEvent) => h.onCopy(e);
    const cu = (e: ClipboardEvent) => h.onCut(e);
    const pa = (e: ClipboardEvent) => h.onPaste(e);
    const scroll = () => setLayoutTick((n) => n + 1);
    window.addEventListener('keydown', kd, true);
    window.addEventListener('mousedown', md, true);
    window.addEventListener('mousemove', mm, true);
    window.addEventListener('mouseup', mu, true);
    window.addEventListener('copy', co, true);
    window.addEventListener('cut', cu, true);
    window.addEventListener('paste', pa, true);
    window.addEventListener('scroll', scroll, true);
    return () => {
      window.removeEventListener('keydown', kd, true);
      window.removeEventListener('mousedown', md, true);
      window.removeEventListener('mousemove', mm, true);
      window.removeEventListener('mouseup', mu, true);
      window.removeEventListener('copy', co, true);
      window.removeEventListener('cut', cu, true);
      window.removeEventListener('paste', pa, true);
      window.removeEventListener('scroll', scroll, true);
    };
  }, []);

  // A copy is forgotten once the workbook changes elsewhere than by pasting it (as Excel drops its marquee).
  const onSelectionChange = useCallback<OnSelectionChange>(({ selection: sel }) => {
    rangeRef.current = sel ? { start: { row: sel.min.row, col: sel.min.col }, end: { row: sel.max.row, col: sel.max.col } } : null;
  }, []);

  const onActiveCellChange = useCallback<OnActiveCellChange>(
    ({ cell }) => {
      if (cell && !editRef.current) model.select(sheet, cell.row, cell.col);
    },
    [model, sheet],
  );

  const onBlurEditor = () => {
    // Deferred: focus moving between our two editors, or a click that points, is not the end of the edit.
    window.setTimeout(() => {
      const ed = editRef.current;
      if (!ed) return;
      const active = document.activeElement;
      if (active === cellInput.current || active === barInput.current) return;
      // Focus that went nowhere (a click on the page's background, the editor re-placed) keeps the edit, as Excel does.
      if (!active || active === document.body) return;
      if (active instanceof HTMLElement && active.closest('[role="dialog"]')) return;
      commit();
    }, 0);
  };

  // ---- toolbar ----------------------------------------------------------------------------------

  const selectedInput = selection ? editText(model.getInput(selection.sheet, selection.row, selection.col), model.getStyle(selection.sheet, selection.row, selection.col).numberFormat) : '';
  const selectedStyle = selection ? model.getStyle(selection.sheet, selection.row, selection.col) : {};
  const styleSelection = (style: { numberFormat?: string; bold?: true }) => {
    const range = currentRange();
    if (!range || !selection || tooLarge(normalize(range), true)) return;
    ops.setStyles(selection.sheet, normalize(range), style);
  };
  const setFormat = (code: string) => styleSelection({ numberFormat: code === 'General' ? undefined : code });
  const toggleBold = () => styleSelection({ bold: selectedStyle.bold ? undefined : true });
  const switchSheet = (name: string) => {
    rangeRef.current = null;
    model.select(name, 0, 0);
  };
  const addSheet = () => {
    let n = model.sheetNames({ includeHidden: true }).length + 1;
    while (model.hasSheet(`Sheet${n}`)) n++;
    switchSheet(ops.addSheet(`Sheet${n}`));
  };

  const gridMenu = (): MenuItemSpec[] => [
    { id: 'copy', label: text.copy, shortcut: 'Ctrl+C', run: () => copySelection(false) },
    { id: 'cut', label: text.cut, shortcut: 'Ctrl+X', run: () => copySelection(true) },
    { id: 'paste', label: text.paste, shortcut: 'Ctrl+V', run: () => pasteFromMenu(false) },
    { id: 'pasteValues', label: text.pasteValues, run: () => pasteFromMenu(true) },
    { id: 'insertRow', label: text.insertRow, shortcut: 'Ctrl+Shift+=', divider: true, run: () => rowsOrCols('insertRows') },
    { id: 'insertColumn', label: text.insertColumn, run: () => rowsOrCols('insertColumns') },
    { id: 'deleteRow', label: text.deleteRow, shortcut: 'Ctrl+-', run: () => rowsOrCols('deleteRows') },
    { id: 'deleteColumn', label: text.deleteColumn, run: () => rowsOrCols('deleteColumns') },
    { id: 'clear', label: text.clear, shortcut: 'Delete', divider: true, run: clearSelection },
  ];

  const onGridContextMenu = (e: React.MouseEvent) => {
    if (editRef.current) return;
    const cell = cellAtPoint(e.clientX, e.clientY, gridBox.current);
    if (!cell) return;
    e.preventDefault();
    const r = currentRange();
    const inside = r && (() => {
      const n = normalize(r);
      return cell.row >= n.start.row && cell.row <= n.end.row && cell.col >= n.start.col && cell.col <= n.end.col;
    })();
    if (!inside) selectRange({ start: cell, end: cell });
    setMenu({ x: e.clientX, y: e.clientY, items: gridMenu() });
  };

  const sheetNames = model.sheetNames();
  const onTabContextMenu = (e: React.MouseEvent, name: string) => {
    e.preventDefault();
    const index = sheetNames.indexOf(name);
    setMenu({
      x: e.clientX,
      y: e.clientY,
      items: [
        { id: 'rename', label: text.rename, run: () => setSheetDialog({ kind: 'rename', sheet: name }) },
        { id: 'duplicate', label: text.duplicate, run: () => switchSheet(ops.duplicateSheet(name)) },
        { id: 'moveLeft', label: text.moveLeft, disabled: index <= 0, run: () => ops.moveSheet(name, index - 1) },
        { id: 'moveRight', label: text.moveRight, disabled: index >= sheetNames.length - 1, run: () => ops.moveSheet(name, index + 1) },
        { id: 'delete', label: text.deleteSheet, divider: true, disabled: sheetNames.length <= 1, run: () => setSheetDialog({ kind: 'delete', sheet: name }) },
      ],
    });
  };

  const onTabClick = (name: string) => {
    const ed = editRef.current;
    if (ed && pointable()) {
      // Point mode: the other sheet's tab shows that sheet and points at its A1; a click there moves the reference.
      point(name, { row: 0, col: 0 }, { row: 0, col: 0 }, name);
      return;
    }
    if (ed) {
      commit();
      // A refused entry (a formula beyond Excel's limits) keeps the editor, and the sheet, open.
      if (editRef.current) return;
    }
    switchSheet(name);
  };

  // ---- layout of the cell editor and the pointed range ---------------------------------------------

  // The editor stays where its cell was last seen when the cell scrolls out of the grid's window:
  // unmounting it would lose the focus, and with it the formula being typed.
  const lastEditorRect = useRef<DOMRect | null>(null);
  const seenRect = edit && edit.viewSheet === edit.sheet ? cellElement(gridBox.current, edit.row, edit.col)?.parentElement?.getBoundingClientRect() ?? null : null;
  if (!edit) lastEditorRect.current = null;
  else if (seenRect) lastEditorRect.current = seenRect;
  const editorRect = edit && edit.viewSheet === edit.sheet ? lastEditorRect.current : null;
  const pointRect = (() => {
    if (!edit?.point || edit.point.sheet !== sheet) return null;
    const n = normalize({ start: edit.point.anchor, end: edit.point.cursor });
    const a = cellElement(gridBox.current, n.start.row, n.start.col)?.parentElement?.getBoundingClientRect();
    const b = cellElement(gridBox.current, n.end.row, n.end.col)?.parentElement?.getBoundingClientRect();
    if (!a || !b) return null;
    return { left: a.left, top: a.top, width: b.right - a.left, height: b.bottom - a.top };
  })();
  const helpAnchor = edit ? ((edit.target === 'bar' ? barInput.current : cellInput.current)?.getBoundingClientRect() ?? null) : null;
  const call = useMemo(() => {
    if (!edit) return undefined;
    const c = callAt(edit.text, edit.caret);
    const info = c && functionByName.get(c.name);
    return c && info?.entry ? { info, argument: c.argument } : undefined;
  }, [edit, functionByName]);

  const shownFormula = edit ? edit.text : selectedInput;
  const addressShown = edit ? qualified(edit.sheet, edit) : selection ? qualified(selection.sheet, selection) : '';

  return (
    <section className={styles.root} aria-label={text.workbook}>
      <div className={styles.toolbar} role="toolbar" aria-label={text.tools}>
        <Button onClick={() => fileInput.current?.click()}>{text.open}</Button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="open-file"
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onOpen(file);
            e.target.value = '';
          }}
        />
        <Button appearance="primary" onClick={onSave}>
          {text.save}
        </Button>
        <Button onClick={onNew}>{text.newBook}</Button>
        <Tooltip content={`${text.undo} (Ctrl+Z)`} relationship="description">
          <Button aria-label={text.undo} disabled={!ops.canUndo()} onClick={undo}>
            ↶ {text.undo}
          </Button>
        </Tooltip>
        <Tooltip content={`${text.redo} (Ctrl+Y)`} relationship="description">
          <Button aria-label={text.redo} disabled={!ops.canRedo()} onClick={redo}>
            ↷ {text.redo}
          </Button>
        </Tooltip>
        <Tooltip content={text.numberFormatTip} relationship="label">
          <Select aria-label={text.numberFormat} value={selectedStyle.numberFormat ?? 'General'} onChange={(_, d) => setFormat(d.value)}>
            {[...NUMBER_FORMATS, ...(selectedStyle.numberFormat && !NUMBER_FORMATS.some((f) => f.code === selectedStyle.numberFormat) ? [{ code: selectedStyle.numberFormat, label: selectedStyle.numberFormat }] : [])].map((f) => (
              <option key={f.code} value={f.code}>
                {f.code === f.label ? f.code : `${f.label}  (${f.code})`}
              </option>
            ))}
          </Select>
        </Tooltip>
        <Button aria-label={text.bold} aria-pressed={selectedStyle.bold === true} onClick={toggleBold} style={{ fontWeight: 'bold' }}>
          B
        </Button>
        <span className={styles.status} data-testid="status">
          {note ?? message ?? fileName}
          {dirty ? ` · ${text.unsavedMark}` : ''}
        </span>
      </div>
      <div className={styles.formulaBar}>
        <Input className={styles.address} aria-label={text.cellAddress} readOnly value={addressShown} />
        <Input
          className={styles.formula}
          aria-label={text.formulaBar}
          input={{ ref: barInput }}
          value={shownFormula}
          onFocus={() => {
            const ed = editRef.current;
            if (ed) {
              if (ed.target !== 'bar') setEdit({ ...ed, target: 'bar', mode: 'edit' });
            } else startEdit({ target: 'bar', mode: 'edit' });
          }}
          onChange={(e, d) => onEditText(d.value, (e.target as HTMLInputElement).selectionStart ?? d.value.length, 'bar')}
          onSelect={(e) => {
            const ed = editRef.current;
            const c = (e.target as HTMLInputElement).selectionStart ?? 0;
            if (ed && ed.target === 'bar' && ed.caret !== c) setEdit({ ...ed, caret: c });
          }}
          onBlur={onBlurEditor}
          contentBefore={<span aria-hidden>ƒx</span>}
        />
      </div>
      {edit?.problem && (
        <div className={styles.problem} role="alert" data-testid="edit-problem">
          {edit.problem}
        </div>
      )}
      <div ref={gridBox} className="wb-grid-box" onContextMenu={onGridContextMenu}>
        <DataSheetGrid<GridRow>
          key={sheet}
          ref={gridRef}
          className="wb-grid"
          value={rows}
          onChange={ignoreChange}
          columns={columns}
          gutterColumn={gutter}
          lockRows
          disableContextMenu
          rowHeight={ROW_HEIGHT}
          height={Math.min(640, (rowCount + 1) * ROW_HEIGHT)}
          onActiveCellChange={onActiveCellChange}
          onSelectionChange={onSelectionChange}
        />
      </div>
      {edit && editorRect && (
        <input
          ref={cellInput}
          className="wb-editor"
          aria-label={text.cellEditor(addressShown)}
          data-testid="cell-editor"
          style={{ position: 'fixed', left: editorRect.left, top: editorRect.top, minWidth: editorRect.width, height: editorRect.height }}
          value={edit.text}
          onFocus={() => {
            const ed = editRef.current;
            if (ed && ed.target !== 'cell') setEdit({ ...ed, target: 'cell' });
          }}
          onChange={(e) => onEditText(e.target.value, e.target.selectionStart ?? e.target.value.length, 'cell')}
          onSelect={(e) => {
            const ed = editRef.current;
            const c = e.currentTarget.selectionStart ?? 0;
            if (ed && ed.target === 'cell' && ed.caret !== c) setEdit({ ...ed, caret: c });
          }}
          onBlur={onBlurEditor}
          spellCheck={false}
          autoComplete="off"
        />
      )}
      {pointRect && <div className="wb-point" data-testid="point-range" style={{ position: 'fixed', ...pointRect }} />}
      <FunctionHelp
        anchor={helpAnchor}
        suggestions={suggestions}
        highlighted={edit?.pick ?? 0}
        onPick={accept}
        call={suggestions.length ? undefined : call}
        text={text}
      />
      <nav className={styles.tabs} aria-label={text.sheets}>
        {sheetNames.map((name) => (
          <Button
            key={name}
            size="small"
            appearance={name === sheet ? 'primary' : 'secondary'}
            aria-current={name === sheet ? 'page' : undefined}
            onMouseDown={(e) => {
              // Pointing at another sheet keeps the caret in the formula.
              if (editRef.current && pointable()) e.preventDefault();
            }}
            onClick={() => onTabClick(name)}
            onContextMenu={(e) => onTabContextMenu(e, name)}
          >
            {name}
          </Button>
        ))}
        <Button size="small" appearance="subtle" aria-label={text.addSheet} onClick={addSheet}>
          +
        </Button>
      </nav>
      <SheetCharts model={model} sheet={sheet} version={version} />
      <GridMenu menu={menu} onClose={() => setMenu(null)} />
      <SheetDialogs
        state={sheetDialog}
        text={text}
        onClose={() => setSheetDialog(null)}
        onRename={(from, to) => {
          const trimmed = to.trim();
          if (!trimmed || /[[\]:*?/\\]/.test(trimmed) || trimmed.length > 31 || (model.hasSheet(trimmed) && trimmed.toLowerCase() !== from.toLowerCase())) return text.badName(to);
          ops.renameSheet(from, trimmed);
          return undefined;
        }}
        onDelete={(name) => {
          const names = model.sheetNames();
          const i = names.indexOf(name);
          const next = names[i + 1] ?? names[i - 1];
          ops.removeSheet(name);
          if (next) switchSheet(next);
        }}
      />
    </section>
  );
}

