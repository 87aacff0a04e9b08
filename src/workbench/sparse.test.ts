/**
 * Sparse sheets in the workbench's model (issue 12 item 3, "Sparse sheets cost what their cells
 * cost"): a sheet reaching XFD1048576 opens, edits, undoes, redoes and saves at the cost of its
 * cells. The model's undo check (engineAgrees) and reconcile read the cells HyperFormula holds,
 * never the sheet's rectangle (HyperFormula's getSheetSerialized: 17 billion slots here), and a
 * sparse sheet stays sparse when the engine is rebuilt, a sheet is duplicated or an autosaved
 * workbook is restored. Memory is measured around each case (the heap after a forced collection
 * when jest runs with --expose-gc, else the resident set): before, the first undo ran out of heap.
 * Time is not asserted (the figures are in scripts/bench-sparse-workbench.js).
 */
import ExcelJS from 'exceljs';
import { cell, row, sheetXml, workbook } from '../../test/support/hostile';
import { WorkbenchModel } from './model';
import { openXlsx, saveXlsx } from './xlsx';

const MiB = 1024 * 1024;
const LAST_ROW = 1048575;
const LAST_COL = 16383;

/** Peak resident set during `f` above what it was before. */
async function grewBy<T>(f: () => Promise<T> | T): Promise<{ value: T; grew: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const value = await f();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, grew: peak - before };
  } finally {
    clearInterval(timer);
  }
}

/** A1 = 1, XFD1048576 = 7, XFC1048575 = A1+XFD1048576. */
const farCorner = () => workbook([['S', sheetXml(row(1, cell('A1', 1)) + row(1048575, '<c r="XFC1048575"><f>A1+XFD1048576</f></c>') + row(1048576, cell('XFD1048576', 7)))]]);

/** 20,000 rows of A = row number and B = A*2, one stray value at XFD7. */
function strayColumn(): Buffer {
  let rows = '';
  for (let i = 1; i <= 20000; i++) rows += row(i, cell(`A${i}`, i) + `<c r="B${i}"><f>A${i}*2</f></c>` + (i === 7 ? cell('XFD7', 5) : ''));
  return workbook([['S', sheetXml(rows)]]);
}

describe('a sheet reaching XFD1048576 in the workbench model', () => {
  test('opens (no refusal), an edit recalculates, undo and redo keep HyperFormula and the model in step, and it saves', async () => {
    const { value: model, grew } = await grewBy(async () => {
      const m = await openXlsx(farCorner(), ExcelJS);
      expect(m.getValue('S', LAST_ROW - 1, LAST_COL - 1)).toBe(8);
      m.setInput('S', LAST_ROW, LAST_COL, 40);
      expect(m.getValue('S', LAST_ROW - 1, LAST_COL - 1)).toBe(41);
      m.setInput('S', 0, 0, 2);
      expect(m.getValue('S', LAST_ROW - 1, LAST_COL - 1)).toBe(42);
      expect(m.undo()).toBe(true);
      expect(m.getValue('S', LAST_ROW - 1, LAST_COL - 1)).toBe(41);
      expect(m.undo()).toBe(true);
      expect(m.getValue('S', LAST_ROW, LAST_COL)).toBe(7);
      expect(m.getValue('S', LAST_ROW - 1, LAST_COL - 1)).toBe(8);
      expect(m.redo()).toBe(true);
      expect(m.getValue('S', LAST_ROW, LAST_COL)).toBe(40);
      expect(m.getValue('S', LAST_ROW - 1, LAST_COL - 1)).toBe(41);
      // No rebuild: HyperFormula's undo agreed with the model, checked over the cells held.
      expect(m.historyProblem).toBeUndefined();
      expect(m.canRedo).toBe(true);
      return m;
    });
    expect(grew).toBeLessThan(150 * MiB);
    const { value: saved, grew: savedGrew } = await grewBy(() => saveXlsx(model, ExcelJS));
    expect(savedGrew).toBeLessThan(150 * MiB);
    const again = await openXlsx(saved, ExcelJS);
    expect(again.getValue('S', LAST_ROW, LAST_COL)).toBe(40);
    expect(again.getInput('S', LAST_ROW - 1, LAST_COL - 1)).toEqual({ formula: '=A1+XFD1048576' });
    expect(again.getValue('S', LAST_ROW - 1, LAST_COL - 1)).toBe(41);
    expect(again.usedSize('S')).toEqual({ rows: 1048576, cols: 16384 });
  });

  test('a cell HyperFormula holds that the model does not, far from the others, is found on undo: the engine is rebuilt from the model, still sparse', async () => {
    const model = await openXlsx(farCorner(), ExcelJS);
    const { grew } = await grewBy(() => {
      model.setInput('S', 0, 0, 3);
      // Written behind the model's back (as HyperFormula's own undo can leave a spilled value as a constant).
      const id = model.hf.getSheetId('S') as number;
      model.hf.setCellContents({ sheet: id, row: LAST_ROW, col: 5000 }, [[99]]);
      model.undo();
    });
    expect(model.historyProblem).toMatch(/disagreed with the workbook; the workbook was rebuilt/);
    expect(model.getValue('S', LAST_ROW, 5000)).toBeNull();
    expect(model.getValue('S', 0, 0)).toBe(1);
    expect(model.getValue('S', LAST_ROW - 1, LAST_COL - 1)).toBe(8);
    // The rebuilt engine still holds the sheet sparsely: another edit and undo cost their cells.
    const { grew: again } = await grewBy(() => {
      model.setInput('S', LAST_ROW, 0, 5);
      expect(model.undo()).toBe(true);
    });
    expect(model.getValue('S', LAST_ROW, 0)).toBeNull();
    expect(grew + again).toBeLessThan(150 * MiB);
  });

  test('a cell HyperFormula holds that the model has no record of is taken into the model by reconcile (a sheet renamed)', async () => {
    const model = await openXlsx(farCorner(), ExcelJS);
    const { grew } = await grewBy(() => {
      const id = model.hf.getSheetId('S') as number;
      model.runEngine('Stray', (hf) => hf.setCellContents({ sheet: id, row: 3, col: LAST_COL }, [['=A1*3']]));
      model.renameSheet('S', 'T');
    });
    expect(model.getInput('T', 3, LAST_COL)).toEqual({ formula: '=A1*3' });
    expect(model.getValue('T', 3, LAST_COL)).toBe(3);
    expect(model.getInput('T', LAST_ROW, LAST_COL)).toBe(7);
    expect(grew).toBeLessThan(150 * MiB);
  });

  test('duplicating the sheet and restoring the workbook from its snapshot (autosave) keep it sparse', async () => {
    const model = await openXlsx(farCorner(), ExcelJS);
    const { grew } = await grewBy(() => {
      const copy = model.duplicateSheet('S');
      expect(model.getValue(copy, LAST_ROW - 1, LAST_COL - 1)).toBe(8);
      model.setInput(copy, LAST_ROW, LAST_COL, 10);
      expect(model.getValue(copy, LAST_ROW - 1, LAST_COL - 1)).toBe(11);
      expect(model.undo()).toBe(true);
      expect(model.getValue(copy, LAST_ROW - 1, LAST_COL - 1)).toBe(8);
      const restored = WorkbenchModel.fromSnapshot(JSON.parse(JSON.stringify(model.snapshot())));
      expect(restored.getValue('S', LAST_ROW - 1, LAST_COL - 1)).toBe(8);
      expect(restored.getValue(copy, LAST_ROW, LAST_COL)).toBe(7);
      restored.setInput('S', 0, 0, 4);
      expect(restored.undo()).toBe(true);
      expect(restored.historyProblem).toBeUndefined();
      restored.destroy();
    });
    expect(grew).toBeLessThan(200 * MiB);
  });
});

describe('a sheet made in the workbench that reaches XFD1048576', () => {
  test('a value typed at XFD1048576, then 20,000 rows written and a value pasted far away: memory of the cells, undo and redo agree', async () => {
    const m = WorkbenchModel.blank();
    const { grew } = await grewBy(() => {
      m.typeText('Sheet1', LAST_ROW, LAST_COL, '7');
      m.writeInputs('Sheet1', Array.from({ length: 20000 }, (_, r) => ({ row: r, col: 0, input: r + 1 })));
      m.typeText('Sheet1', 0, 1, '=SUM(A1:A20000)+XFD1048576');
      expect(m.getValue('Sheet1', 0, 1)).toBe(200010007);
      m.copy('Sheet1', { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } });
      m.paste('Sheet1', { start: { row: 500000, col: 9000 }, end: { row: 500000, col: 9000 } });
      m.writeInputs('Sheet1', Array.from({ length: 20000 }, (_, r) => ({ row: 20000 + r, col: 2, input: 1 })));
      expect(m.undo()).toBe(true);
      expect(m.getValue('Sheet1', 500000, 9000)).toBe(1);
      expect(m.undo()).toBe(true);
      expect(m.getValue('Sheet1', 500000, 9000)).toBeNull();
      expect(m.redo()).toBe(true);
      expect(m.getValue('Sheet1', 500000, 9000)).toBe(1);
      m.setInput('Sheet1', LAST_ROW, LAST_COL, 8);
      expect(m.getValue('Sheet1', 0, 1)).toBe(200010008);
      expect(m.undo()).toBe(true);
      expect(m.getValue('Sheet1', 0, 1)).toBe(200010007);
    });
    expect(m.historyProblem).toBeUndefined();
    // Stored densely, each of the 40,000 rows would hold 16,384 slots (5,000 rows took 630 MB).
    expect(grew).toBeLessThan(200 * MiB);
  });
});

describe('a 20,000-row sheet with one stray value in column XFD', () => {
  test('opens, an edit recalculates, undo and redo agree, a row inserted and undone, a paste over a block', async () => {
    const model = await openXlsx(strayColumn(), ExcelJS);
    const { grew } = await grewBy(() => {
      model.setInput('S', 9999, 0, 1);
      expect(model.getValue('S', 9999, 1)).toBe(2);
      expect(model.undo()).toBe(true);
      expect(model.getValue('S', 9999, 1)).toBe(20000);
      expect(model.redo()).toBe(true);
      expect(model.getValue('S', 9999, 1)).toBe(2);
      model.insertRows('S', 5, 1);
      expect(model.getValue('S', 7, LAST_COL)).toBe(5);
      expect(model.getInput('S', 10000, 1)).toEqual({ formula: '=A10001*2' });
      expect(model.undo()).toBe(true);
      expect(model.getValue('S', 6, LAST_COL)).toBe(5);
      model.copy('S', { start: { row: 0, col: 0 }, end: { row: 1, col: 1 } });
      model.paste('S', { start: { row: 0, col: 5 }, end: { row: 1, col: 6 } });
      expect(model.getInput('S', 1, 6)).toEqual({ formula: '=F2*2' });
      expect(model.undo()).toBe(true);
      expect(model.getInput('S', 1, 6)).toBeNull();
    });
    expect(model.historyProblem).toBeUndefined();
    expect(grew).toBeLessThan(300 * MiB);
  });
});
