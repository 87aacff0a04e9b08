/**
 * One history for HyperFormula and the model: every edit is one undo step, undoing all of them
 * gives back the whole starting workbook (inputs as typed, formats, widths, charts, sheets, names,
 * values) and redoing them the end state; dirty follows the saved point.
 */
import { WorkbenchModel } from './model';

const A = (row: number, col: number) => ({ row, col });
const area = (r0: number, c0: number, r1 = r0, c1 = c0) => ({ start: A(r0, c0), end: A(r1, c1) });
const f = (formula: string) => ({ formula });

/** Everything a user could see: the snapshot (without the selection) and every sheet's values. */
function whole(m: WorkbenchModel) {
  const snapshot = { ...m.snapshot(), selection: null };
  // A fixed window: HyperFormula's used size does not shrink back on undo (nothing a user sees).
  const values = m.sheetNames({ includeHidden: true }).map((s) => [s, m.getValues(s, A(0, 0), A(24, 9))]);
  return JSON.parse(JSON.stringify({ snapshot, values }));
}

function start(): WorkbenchModel {
  const m = WorkbenchModel.blank();
  m.writeInputs('Sheet1', [
    { row: 0, col: 0, input: 'Revenue' },
    { row: 0, col: 1, input: 1200000 },
    { row: 1, col: 0, input: 'Margin' },
    { row: 1, col: 1, input: 0.32 },
    { row: 2, col: 1, input: f('=CYBER.LOSTPROFIT(B1, B2, 50000)') },
    { row: 3, col: 1, input: f('=B3*2') },
  ]);
  m.setStyle('Sheet1', 1, 1, { numberFormat: '0%' });
  m.addSheet('Notes');
  m.setInput('Notes', 0, 0, f('=Sheet1!B3'));
  m.addName('Revenue', '=Sheet1!$B$1');
  m.resetHistory();
  return m;
}

const steps: Array<[string, (m: WorkbenchModel) => void]> = [
  ['type a number', (m) => m.setInput('Sheet1', 0, 1, 2000000)],
  ['type a percentage', (m) => m.typeText('Sheet1', 5, 1, '12%')],
  ['bold a block', (m) => m.setStyles('Sheet1', area(0, 0, 1, 1), { bold: true })],
  ['fill down', (m) => m.fill('Sheet1', area(3, 1), area(3, 1, 9, 1))],
  ['copy-paste across sheets', (m) => (m.copy('Sheet1', area(2, 1, 3, 1)), m.paste('Notes', area(4, 2)))],
  ['insert rows', (m) => m.insertRows('Sheet1', 1, 2)],
  ['column width', (m) => m.setColumnWidths('Sheet1', { A: 25 })],
  ['cut-paste', (m) => (m.cut('Sheet1', area(0, 0)), m.paste('Sheet1', area(0, 4)))],
  ['delete contents', (m) => m.clear('Sheet1', area(8, 1, 9, 1))],
  ['rename sheet', (m) => m.renameSheet('Notes', 'My notes')],
  ['duplicate sheet', (m) => m.duplicateSheet('Sheet1')],
  ['insert a column', (m) => m.insertColumns('Sheet1 (2)', 0, 1)],
  ['fill colour', (m) => m.setStyle('Sheet1 (2)', 0, 0, { fill: '#FFF2CC' })],
  ['reorder', (m) => m.moveSheet('My notes', 0)],
  ['add a chart', (m) => m.addChart('Sheet1', { kind: 'line', title: 't', dataAddress: 'A1:B3', anchor: 'D2' })],
  ['delete a row', (m) => m.deleteRows('Sheet1', 0, 1)],
  ['paste text from another application', (m) => m.pasteText('My notes', A(10, 0), '1\t=A11*2\n3\t4')],
  ['delete a sheet', (m) => m.removeSheet('Sheet1 (2)')],
  ['a name', (m) => m.setName('Revenue', '=Sheet1!$B$2')],
  ['add a sheet', (m) => m.addSheet('Extra')],
];

describe('undo and redo', () => {
  test('20 mixed steps undone one by one give back the whole starting workbook; redone, the end state', () => {
    const m = start();
    const before = whole(m);
    expect(m.canUndo).toBe(false);
    const states = [before];
    for (const [, step] of steps) {
      step(m);
      states.push(whole(m));
    }
    expect(steps).toHaveLength(20);
    const after = whole(m);
    expect(after).not.toEqual(before);
    expect(m.dirty).toBe(true);
    for (let i = steps.length - 1; i >= 0; i--) {
      expect(m.undo()).toBe(true);
      // Each undo gives back exactly the state before that step.
      expect({ step: steps[i][0], state: whole(m) }).toEqual({ step: steps[i][0], state: states[i] });
    }
    expect(m.canUndo).toBe(false);
    expect(m.undo()).toBe(false);
    expect(whole(m)).toEqual(before);
    expect(m.dirty).toBe(false);
    for (let i = 0; i < steps.length; i++) {
      expect(m.redo()).toBe(true);
      expect({ step: steps[i][0], state: whole(m) }).toEqual({ step: steps[i][0], state: states[i + 1] });
    }
    expect(m.canRedo).toBe(false);
    expect(whole(m)).toEqual(after);
  });

  test('values follow undo: the CYBER chain recomputes', () => {
    const m = start();
    expect(m.getValue('Sheet1', 3, 1)).toBe(668000);
    m.setInput('Sheet1', 0, 1, 2000000);
    expect(m.getValue('Sheet1', 3, 1)).toBe(1180000);
    m.undo();
    expect(m.getValue('Sheet1', 3, 1)).toBe(668000);
    m.redo();
    expect(m.getValue('Sheet1', 3, 1)).toBe(1180000);
  });

  test('a new edit after undo drops the redo steps; labels and events tell the toolbar', () => {
    const m = start();
    let events = 0;
    const off = m.onHistoryChanged(() => events++);
    m.setInput('Sheet1', 6, 0, 1);
    m.setStyle('Sheet1', 6, 0, { bold: true });
    expect(m.undoLabel).toBe('Format');
    m.undo();
    expect(m.canRedo).toBe(true);
    expect(m.redoLabel).toBe('Format');
    m.setInput('Sheet1', 7, 0, 2);
    expect(m.canRedo).toBe(false);
    expect(m.redo()).toBe(false);
    expect(events).toBeGreaterThanOrEqual(4);
    off();
    m.undo();
    m.undo();
    expect(m.getInput('Sheet1', 6, 0)).toBeNull();
    expect(m.getInput('Sheet1', 7, 0)).toBeNull();
  });

  test('edit() makes one step of many calls and rolls back everything when it fails', () => {
    const m = start();
    const before = whole(m);
    m.edit('Template', () => {
      m.setInput('Sheet1', 10, 0, 1);
      m.insertRows('Sheet1', 0, 1);
      m.setStyle('Sheet1', 0, 0, { bold: true });
    });
    m.undo();
    expect(whole(m)).toEqual(before);
    expect(() =>
      m.edit('Broken', () => {
        m.setInput('Sheet1', 10, 0, 1);
        m.renameSheet('Sheet1', 'a:b');
      }),
    ).toThrow();
    expect(whole(m)).toEqual(before);
    expect(m.getInput('Sheet1', 10, 0)).toBeNull();
    // The failed edit left no step behind and history still works.
    m.redo();
    expect(m.getStyle('Sheet1', 0, 0)).toEqual({});
    m.setInput('Sheet1', 0, 0, 5);
    m.undo();
    expect(whole(m)).toEqual(before);
  });

  test('dirty: set by edits and settings, cleared by markSaved and by undoing back to the saved point', () => {
    const m = start();
    expect(m.dirty).toBe(false);
    m.setInput('Sheet1', 0, 1, 1);
    expect(m.dirty).toBe(true);
    m.markSaved();
    expect(m.dirty).toBe(false);
    m.setInput('Sheet1', 0, 1, 2);
    expect(m.dirty).toBe(true);
    m.undo();
    expect(m.dirty).toBe(false);
    m.undo();
    expect(m.dirty).toBe(true);
    m.redo();
    expect(m.dirty).toBe(false);
    m.setSetting('scenarios', '[]');
    expect(m.dirty).toBe(true);
    expect(m.canUndo).toBe(true);
    m.markSaved();
    m.resetHistory();
    expect(m.canUndo).toBe(false);
    expect(m.dirty).toBe(false);
  });

  test('undo puts the selection back where it was before the step', () => {
    const m = start();
    m.select('Notes', 3, 3);
    m.setInput('Notes', 3, 3, 9);
    m.select('Sheet1', 0, 0);
    m.undo();
    expect(m.selection).toEqual({ sheet: 'Notes', row: 3, col: 3 });
  });
});

describe('snapshot', () => {
  test('fromSnapshot rebuilds the same workbook, clean; JSON round trip', () => {
    const m = start();
    for (const [, step] of steps) step(m);
    m.setSetting('k', 'v');
    const json = JSON.parse(JSON.stringify(m.snapshot()));
    const again = WorkbenchModel.fromSnapshot(json);
    expect(whole(again)).toEqual(whole(m));
    expect(again.getSetting('k')).toBe('v');
    expect(again.dirty).toBe(false);
    expect(again.canUndo).toBe(false);
    expect(() => WorkbenchModel.fromSnapshot({} as never)).toThrow(/not a workbench snapshot/);
  });
});

describe('engine writes', () => {
  test('runEngine is one undo step; runUntracked leaves the history in step', () => {
    const m = start();
    m.setInput('Sheet1', 8, 0, 1);
    const id = m.hf.getSheetId('Sheet1') as number;
    m.runUntracked((hf) => hf.addNamedExpression('_anchor', '=Sheet1!$J$40', id));
    expect(m.undo()).toBe(true);
    expect(m.getInput('Sheet1', 8, 0)).toBeNull();
    expect(m.hf.getNamedExpression('_anchor', id)).toBeDefined();
    expect(m.historyProblem).toBeUndefined();
    m.runEngine('Name', (hf) => hf.addNamedExpression('Other', '=Sheet1!$A$1'));
    expect(m.undoLabel).toBe('Name');
    m.undo();
    expect(m.hf.getNamedExpression('Other')).toBeUndefined();
  });

  test('an array formula in #SPILL! or with a volatile function is not mistaken for a broken engine', () => {
    const m = start();
    m.setInput('Sheet1', 20, 0, f('=TRANSPOSE(B1:B4)'), { array: true });
    m.setInput('Sheet1', 20, 2, 'blocker');
    m.setInput('Sheet1', 22, 0, f('=RAND()*B1:B2'), { array: true });
    // Rows inserted between them move both: the undo's check reads both.
    m.insertRows('Sheet1', 21, 1);
    expect(m.getValue('Sheet1', 20, 0)).toMatchObject({ error: '#SPILL!' });
    m.setInput('Sheet1', 25, 0, 1);
    m.undo();
    m.undo();
    expect(m.historyProblem).toBeUndefined();
    expect(m.canUndo).toBe(true);
  });
});

test('a write does not walk the whole undo history (HyperFormula 3.5 did on every cell: quadratic opening)', () => {
  const m = new WorkbenchModel();
  m.addSheet('Big');
  type UndoRedo = { collectReferencedOldDataVersions: (...lists: unknown[]) => Set<unknown> };
  const undoRedo = (m.hf as unknown as { _crudOperations: { undoRedo: UndoRedo } })._crudOperations.undoRedo;
  const spy = jest.spyOn(undoRedo, 'collectReferencedOldDataVersions');
  const cells = Array.from({ length: 2000 }, (_, r) => ({ row: r, col: 0, input: r }));
  m.writeInputs('Big', cells);
  for (let r = 0; r < 50; r++) m.setInput('Big', r, 1, { formula: `=A${r + 1}*2` });
  // Nothing was discarded, so the history was never walked; the writes and undo still work.
  expect(spy).not.toHaveBeenCalled();
  expect(m.getValue('Big', 49, 1)).toBe(98);
  m.undo();
  expect(m.getValue('Big', 49, 1)).toBeNull();
  // After an undo the redo stack holds an entry: the next write discards it and cleans up.
  m.setInput('Big', 0, 2, 1);
  expect(spy).toHaveBeenCalled();
  expect(m.canRedo).toBe(false);
});
