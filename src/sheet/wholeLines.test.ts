/**
 * Whole-column and whole-row references given to CYBER functions (=CYBER.POOLSHARE(A:A),
 * =CYBER.ALLOCATE(D:F, H:L)): read as the used part of the column — down to its last row holding
 * anything, trailing empty rows ignored — in the CLI's evaluator, the workbench's model and the
 * Excel adapter, with the same values as the explicit range. They gave #VALUE! "internal error
 * (… Infinity×1 were reserved)" (or 1×1) before.
 */
import { invoke } from '../functions/adapter';
import { WorkbenchModel } from '../workbench/model';
import { evaluateWorkbook, type InputCell, isOutputError, type OutputCell } from './workbook';

// The catalogue's own ALLOCATE example (src/engine/limits.ts): {400;200}.
const CLAIMS: InputCell[][] = [
  ['E1', 'BI', 500],
  ['E1', 'CBI', 300],
];
const COVERS: InputCell[][] = [
  ['BI', null, 600, 1000, 100],
  ['CBI', 'BI', null, 400, 50],
];

/** A sheet: claims in A1:A3, a note in C8 (the sheet is 8 rows high), CLAIMS in D:F, COVERS in H:L. */
function sheetCells(formulas: Record<string, string>): InputCell[][] {
  const rows: InputCell[][] = Array.from({ length: 8 }, () => []);
  [4000000, 5000000, 3000000].forEach((v, r) => (rows[r][0] = v));
  rows[7][2] = 'note';
  CLAIMS.forEach((line, r) => line.forEach((v, c) => (rows[r][3 + c] = v)));
  COVERS.forEach((line, r) => line.forEach((v, c) => (rows[r][7 + c] = v)));
  for (const [address, f] of Object.entries(formulas)) {
    const col = address.charCodeAt(0) - 65;
    const row = Number(address.slice(1)) - 1;
    while (rows.length <= row) rows.push([]);
    rows[row][col] = f;
  }
  return rows;
}

const column = (values: OutputCell[][], col: number, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => values[from + k]?.[col] ?? null);

describe('the CLI evaluator', () => {
  it('POOLSHARE(A:A) = POOLSHARE(A1:A3): one value per used row, none for the empty rows below', () => {
    const [s] = evaluateWorkbook([{ name: 'S', cells: sheetCells({ N1: '=CYBER.POOLSHARE(A:A,10000000,25000000)', O1: '=CYBER.POOLSHARE(A1:A3,10000000,25000000)', P1: '=SUM(N1:N8)' }) }]);
    const whole = column(s.values, 13, 0, 7);
    expect(whole.slice(0, 3)).toEqual(column(s.values, 14, 0, 2));
    // Pro rata: 12,000,000 of claims on a 10,000,000 pool.
    expect(whole.slice(0, 3)).toEqual([(4000000 * 10) / 12, (5000000 * 10) / 12, 2500000]);
    expect(whole.slice(3)).toEqual([null, null, null, null, null]);
    expect(s.values[0][15]).toBe(10000000);
  });

  it('ALLOCATE(D:F, H:L) = ALLOCATE(D1:F2, H1:L2) = {400;200}', () => {
    const [s] = evaluateWorkbook([{ name: 'S', cells: sheetCells({ N1: '=CYBER.ALLOCATE(D:F, H:L)', O1: '=CYBER.ALLOCATE(D1:F2,H1:L2)' }) }]);
    expect(column(s.values, 13, 0, 3)).toEqual([400, 200, null, null]);
    expect(column(s.values, 14, 0, 1)).toEqual([400, 200]);
  });

  it('a whole row, another sheet and a name standing for a column read the same way', () => {
    const data: InputCell[][] = [[100, 200, null, 300], [], [], [null, null, null, null, null, null, 'far']];
    const [, out] = evaluateWorkbook(
      [
        { name: 'Data', cells: data },
        { name: 'Out', cells: [['=CYBER.POOLSHARE(Data!A:A, 250)', '=CYBER.POOLSHARE(Data!1:1, 250)', '=CYBER.POOLSHARE(Claims, 250)', '=CYBER.POOLSHARE($Z:$Z, 250)']] },
      ],
      { names: [{ name: 'Claims', expression: '=Data!$A:$A' }] },
    );
    // Data!A:A has one used row (100); Data!1:1 has four columns (a blank counts as 0).
    expect(column(out.values, 0, 0, 1)).toEqual([100, null]);
    expect(column(out.values, 1, 0, 4)).toEqual([(100 * 250) / 600, (200 * 250) / 600, 0, (300 * 250) / 600, null]);
    expect(column(out.values, 2, 0, 1)).toEqual([100, null]);
    // An empty column: one blank, which counts as 0.
    expect(column(out.values, 3, 0, 1)).toEqual([0, null]);
  });

  it('a whole column of text is still the engine\u2019s #VALUE! naming the argument, never an internal error', () => {
    const [s] = evaluateWorkbook([{ name: 'S', cells: [['claims'], [100], [null, '=CYBER.POOLSHARE(A:A)']] }]);
    const v = s.values[2][1];
    expect(isOutputError(v) && v.message).toMatch(/^CYBER\.POOLSHARE: member_claims must hold only numbers or blanks/);
  });
});

describe('the workbench model', () => {
  const values = (m: WorkbenchModel, col: number, rows: number) => m.getValues('S', { row: 0, col }, { row: rows - 1, col }).map((r) => r[0]);

  it('a file opened with the formula above its data, then rows typed and cleared: the result follows the column', () => {
    const m = new WorkbenchModel();
    m.addSheet('S');
    // The formula is written first, as a file is read row by row.
    m.writeInputs('S', [
      { row: 0, col: 1, input: { formula: '=CYBER.POOLSHARE(A:A, 250)' } },
      { row: 0, col: 0, input: 100 },
      { row: 1, col: 0, input: 200 },
      { row: 3, col: 0, input: 300 },
    ]);
    expect(values(m, 1, 5)).toEqual([(100 * 250) / 600, (200 * 250) / 600, 0, (300 * 250) / 600, null]);
    m.typeText('S', 4, 0, '400');
    expect(values(m, 1, 6)).toEqual([25, 50, 0, 75, 100, null]);
    m.typeText('S', 4, 0, '');
    m.typeText('S', 3, 0, '');
    expect(values(m, 1, 5)).toEqual([(100 * 250) / 300, (200 * 250) / 300, null, null, null]);
    // The user's data is what was typed.
    expect([0, 1, 2, 3, 4].map((r) => m.getInput('S', r, 0))).toEqual([100, 200, null, null, null]);
    expect(m.getInput('S', 0, 1)).toEqual({ formula: '=CYBER.POOLSHARE(A:A, 250)' });
  });

  it('saved and opened again (the spill read back as an array formula), then the column grows: the result grows, the history is kept', async () => {
    const m = new WorkbenchModel();
    m.addSheet('S');
    m.writeInputs('S', [
      { row: 0, col: 0, input: 100 },
      { row: 1, col: 0, input: 300 },
      { row: 0, col: 1, input: { formula: '=CYBER.POOLSHARE(A:A, 200)' } },
    ]);
    const ExcelJS = (await import('exceljs')).default;
    const { openXlsx, saveXlsx } = await import('../workbench/xlsx');
    const back = await openXlsx(await saveXlsx(m, ExcelJS), ExcelJS);
    expect(back.isArrayFormula('S', 0, 1)).toBe(true);
    expect(values(back, 1, 3)).toEqual([50, 150, null]);
    back.typeText('S', 2, 0, '400');
    expect(values(back, 1, 4)).toEqual([25, 75, 100, null]);
    expect(back.historyProblem).toBeUndefined();
    expect(back.undoCount).toBe(1);
    back.typeText('S', 2, 0, '');
    expect(values(back, 1, 4)).toEqual([50, 150, null, null]);
  });

  it('data on another sheet growing: the result on the first sheet grows with it', () => {
    const m = new WorkbenchModel();
    m.addSheet('S');
    m.addSheet('Data');
    m.writeInputs('Data', [
      { row: 0, col: 0, input: 100 },
      { row: 1, col: 0, input: 300 },
    ]);
    m.setInput('S', 0, 0, { formula: '=CYBER.POOLSHARE(Data!A:A, 200)' });
    expect(values(m, 0, 3)).toEqual([50, 150, null]);
    m.typeText('Data', 2, 0, '400');
    expect(values(m, 0, 4)).toEqual([25, 75, 100, null]);
  });
});

describe('the Excel adapter', () => {
  const SHEET_ROWS = 1048576;

  it('a whole column as Excel hands it (1,048,576 rows) loses its trailing blank rows: one result per claim', () => {
    const col: unknown[][] = Array.from({ length: SHEET_ROWS }, () => [null]);
    col[0] = [4000000];
    col[1] = [5000000];
    col[2] = [3000000];
    const t = Date.now();
    expect(invoke('POOLSHARE', [col, 10000000, 25000000])).toEqual([[(4000000 * 10) / 12], [(5000000 * 10) / 12], [2500000]]);
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it('a whole row (16,384 columns) likewise; a range of any other size is kept whole', () => {
    const row: unknown[] = Array.from({ length: 16384 }, () => '');
    row[0] = 100;
    row[3] = 300;
    expect(invoke('POOLSHARE', [[row], 200])).toEqual([[50], [0], [0], [150]]);
    expect(invoke('POOLSHARE', [[[100], [300], [null]], 200])).toEqual([[50], [150], [0]]);
  });

  it('the claims and covers of ALLOCATE over whole columns', () => {
    const claims: unknown[][] = Array.from({ length: SHEET_ROWS }, () => [null, null, null]);
    const covers: unknown[][] = Array.from({ length: SHEET_ROWS }, () => ['', '', '', '', '']);
    CLAIMS.forEach((line, r) => (claims[r] = [...line]));
    COVERS.forEach((line, r) => (covers[r] = line.map((v) => v ?? '')));
    expect(invoke('ALLOCATE', [claims, covers])).toEqual([[400], [200]]);
  });
});
