/**
 * The model's editing operations as the grid calls them (copy/paste/fill, rows, columns, sheets,
 * undo), in one place: the view never edits cells any other way. Each is one undo step in the
 * model (src/workbench/model.ts), done through HyperFormula's own operations there.
 */
import type { CellRef } from './address';
import type { WorkbenchModel } from './model';

export interface Range {
  readonly start: CellRef;
  readonly end: CellRef;
}

/** The model's editing API (W1-API: src/workbench/model.ts). */
interface EditingModel {
  edit<T>(label: string, fn: () => T): T;
  copy(sheet: string, area: Range): string;
  cut(sheet: string, area: Range): string;
  clipboardText(): string | null;
  paste(sheet: string, target: Range): void;
  pasteValues(sheet: string, target: Range): void;
  pasteFromSystem(sheet: string, target: Range, text: string): void;
  fill(sheet: string, source: Range, target: Range): void;
  fillDown(sheet: string, area: Range): void;
  fillRight(sheet: string, area: Range): void;
  fillToEnd(sheet: string, source: Range): Range | null;
  clear(sheet: string, area: Range, what?: 'contents' | 'formats' | 'all'): void;
  setStyles(sheet: string, area: Range, style: Record<string, unknown>): void;
  insertRows(sheet: string, index: number, count?: number): void;
  deleteRows(sheet: string, index: number, count?: number): void;
  insertColumns(sheet: string, index: number, count?: number): void;
  deleteColumns(sheet: string, index: number, count?: number): void;
  renameSheet(old: string, next: string): string;
  removeSheet(name: string): void;
  duplicateSheet(name: string): string;
  moveSheet(name: string, toIndex: number): void;
  undo(): boolean;
  redo(): boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  onHistoryChanged(listener: () => void): () => void;
  readonly dirty: boolean;
  markSaved(): void;
  resetHistory(): void;
  addSheet(name: string): string;
}

export type ModelOps = ReturnType<typeof modelOps>;

export function modelOps(model: WorkbenchModel) {
  const m = model as unknown as Partial<EditingModel> & WorkbenchModel;
  const need = <K extends keyof EditingModel>(k: K): EditingModel[K] => {
    const f = m[k];
    if (typeof f !== 'function') throw new Error(`the workbook model has no ${String(k)} yet`);
    return (f as (...a: unknown[]) => unknown).bind(m) as EditingModel[K];
  };
  return {
    transaction<T>(fn: () => T): T {
      return typeof m.edit === 'function' ? m.edit('edit', fn) : fn();
    },
    copy: (sheet: string, area: Range) => need('copy')(sheet, area),
    cut: (sheet: string, area: Range) => need('cut')(sheet, area),
    clipboardText: () => (typeof m.clipboardText === 'function' ? m.clipboardText() : null),
    paste: (sheet: string, target: Range) => need('paste')(sheet, target),
    pasteValues: (sheet: string, target: Range) => need('pasteValues')(sheet, target),
    pasteFromSystem: (sheet: string, target: Range, text: string) => need('pasteFromSystem')(sheet, target, text),
    fill: (sheet: string, source: Range, target: Range) => need('fill')(sheet, source, target),
    fillDown: (sheet: string, area: Range) => need('fillDown')(sheet, area),
    fillRight: (sheet: string, area: Range) => need('fillRight')(sheet, area),
    fillToEnd: (sheet: string, source: Range) => need('fillToEnd')(sheet, source),
    clear: (sheet: string, area: Range) => need('clear')(sheet, area, 'contents'),
    setStyles: (sheet: string, area: Range, style: Record<string, unknown>) => {
      if (typeof m.setStyles === 'function') return m.setStyles(sheet, area, style);
      for (let r = area.start.row; r <= area.end.row; r++) for (let c = area.start.col; c <= area.end.col; c++) model.setStyle(sheet, r, c, style);
    },
    insertRows: (sheet: string, index: number, count: number) => need('insertRows')(sheet, index, count),
    deleteRows: (sheet: string, index: number, count: number) => need('deleteRows')(sheet, index, count),
    insertColumns: (sheet: string, index: number, count: number) => need('insertColumns')(sheet, index, count),
    deleteColumns: (sheet: string, index: number, count: number) => need('deleteColumns')(sheet, index, count),
    renameSheet: (old: string, next: string) => need('renameSheet')(old, next),
    removeSheet: (name: string) => need('removeSheet')(name),
    duplicateSheet: (name: string) => need('duplicateSheet')(name),
    moveSheet: (name: string, toIndex: number) => need('moveSheet')(name, toIndex),
    addSheet: (name: string) => model.addSheet(name),
    undo: () => (typeof m.undo === 'function' ? m.undo() : false),
    redo: () => (typeof m.redo === 'function' ? m.redo() : false),
    canUndo: () => m.canUndo === true,
    canRedo: () => m.canRedo === true,
    onHistoryChanged: (listener: () => void) => (typeof m.onHistoryChanged === 'function' ? m.onHistoryChanged(listener) : () => undefined),
    dirty: () => m.dirty === true,
    markSaved: () => (typeof m.markSaved === 'function' ? m.markSaved() : undefined),
    resetHistory: () => (typeof m.resetHistory === 'function' ? m.resetHistory() : undefined),
  };
}
