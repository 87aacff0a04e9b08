/**
 * Random edits (seeded, so a failure repeats) over a workbook with plain formulas, array formulas
 * and a CYBER function that spills, across two sheets: undoing every step gives back the starting
 * workbook and redoing them the end state — values included — or, where HyperFormula's own undo
 * failed, the model rebuilt the engine and still gives the exact state (history cleared).
 */
import { WorkbenchModel } from './model';

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const A = (row: number, col: number) => ({ row, col });
const area = (r0: number, c0: number, r1 = r0, c1 = c0) => ({ start: A(r0, c0), end: A(r1, c1) });

function view(m: WorkbenchModel) {
  const snapshot = { ...m.snapshot(), selection: null };
  const values = m.sheetNames({ includeHidden: true }).map((s) => [s, m.getValues(s, A(0, 0), A(14, 7))]);
  return JSON.stringify({ snapshot, values });
}

function setup(): WorkbenchModel {
  const m = WorkbenchModel.blank();
  m.addSheet('Two');
  for (let r = 0; r < 5; r++) m.setInput('Sheet1', r, 0, (r + 1) * 100);
  m.setInput('Sheet1', 0, 1, { formula: '=A1*2' });
  m.setInput('Sheet1', 0, 2, { formula: '=A1:A5/10' }, { array: true });
  m.setInput('Sheet1', 0, 3, { formula: '=CYBER.POOLSHARE(A1:A3, 50, 1000)' });
  m.setInput('Sheet1', 7, 0, { formula: '=SUM(A1:A5)+$B$1' });
  m.setInput('Two', 0, 0, { formula: '=Sheet1!A2+Sheet1!$C$2' });
  m.setStyle('Sheet1', 0, 0, { bold: true, fill: '#FFF2CC' });
  m.resetHistory();
  return m;
}

type Op = (m: WorkbenchModel, r: () => number) => void;
const int = (r: () => number, n: number) => Math.floor(r() * n);
const sheetOf = (r: () => number) => (r() < 0.75 ? 'Sheet1' : 'Two');
const ops: Op[] = [
  (m, r) => m.setInput(sheetOf(r), int(r, 8), int(r, 5), int(r, 1000)),
  (m, r) => m.setInput(sheetOf(r), int(r, 8), int(r, 5), { formula: `=A${1 + int(r, 6)}*3` }),
  (m, r) => m.setStyle(sheetOf(r), int(r, 8), int(r, 5), { numberFormat: '#,##0' }),
  (m, r) => m.insertRows(sheetOf(r), int(r, 7), 1 + int(r, 2)),
  (m, r) => m.deleteRows(sheetOf(r), int(r, 7), 1 + int(r, 2)),
  (m, r) => m.insertColumns(sheetOf(r), int(r, 5), 1),
  (m, r) => m.deleteColumns(sheetOf(r), int(r, 5), 1),
  (m, r) => {
    const s = sheetOf(r);
    const r0 = int(r, 6);
    const c0 = int(r, 4);
    m.fill(s, area(r0, c0), area(r0, c0, r0 + 1 + int(r, 4), c0));
  },
  (m, r) => {
    m.copy(sheetOf(r), area(int(r, 4), int(r, 3), 2 + int(r, 4), 1 + int(r, 3)));
    m.paste(sheetOf(r), area(int(r, 8), int(r, 5)));
  },
  (m, r) => {
    m.cut(sheetOf(r), area(int(r, 5), int(r, 4), int(r, 5) + 1, int(r, 4)));
    m.paste(sheetOf(r), area(int(r, 9), int(r, 6)));
  },
  (m, r) => m.clear(sheetOf(r), area(int(r, 6), int(r, 4), int(r, 6) + 1, int(r, 4) + 1)),
];

function run(seed: number) {
  const r = prng(seed);
  const m = setup();
  const states = [view(m)];
  for (let i = 0; i < 12; i++) {
    const before = m.undoCount;
    ops[int(r, ops.length)](m, r);
    if (m.historyProblem) return; // rebuilt while editing: nothing left to undo
    // An edit that changed nothing (a format already there, a column past the data) is no step.
    if (m.undoCount > before) states.push(view(m));
    else expect(view(m)).toBe(states[states.length - 1]);
  }
  const steps = states.length - 1;
  let undone = 0;
  while (m.undo()) {
    undone++;
    if (m.historyProblem) {
      // The engine was rebuilt; the state is still exactly the one the undo was to give.
      expect(view(m)).toBe(states[states.length - 1 - undone]);
      return;
    }
    expect(view(m)).toBe(states[states.length - 1 - undone]);
  }
  expect(undone).toBeLessThanOrEqual(steps);
  expect(view(m)).toBe(states[states.length - 1 - undone]);
  let redone = 0;
  while (m.redo()) {
    redone++;
    expect(view(m)).toBe(states[states.length - 1 - undone + redone]);
    if (m.historyProblem) return;
  }
  expect(redone).toBe(undone);
}

test.each(Array.from({ length: 60 }, (_, k) => k + 1))('random sequence %i: undo all, redo all', run);
