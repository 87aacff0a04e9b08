/**
 * Typing whole-column and whole-row references on a sheet that reaches row 1,048,576 (issue 12:
 * "hostile or oversized input ends in a clear message within bounded time and memory; nothing the
 * user had is lost"). HyperFormula holds a vertex for every cell such a reference covers, so one
 * `=SUM(A:A)` there is a million cells (460 MB and 3 s in the model) and a few crashed the tab.
 * The entry is refused before HyperFormula sees it, as an over-limit formula is (Workbench.tsx keeps
 * the editor open with the reason), and the cell keeps what it held; the same formulas on a
 * 500-row sheet are entered. Memory is measured (resident set), time by the test's own timeout.
 */
import ExcelJS from 'exceljs';
import { cell, row, sheetXml, workbook } from '../../test/support/hostile';
import { MAX_HELD_CELLS, WholeLineLimitError, WorkbenchModel } from './model';
import { openXlsx } from './xlsx';

const MiB = 1024 * 1024;

/** A1 = 1, B1 = 5, XFD1048576 = 7 on sheet "S". */
const farCorner = () => workbook([['S', sheetXml(row(1, cell('A1', 1) + cell('B1', 5)) + row(1048576, cell('XFD1048576', 7)))]]);

describe('typing whole-column references on a sheet reaching row 1,048,576', () => {
  test('=SUM(A:A) is refused with the figures (English and Chinese); the cell keeps its content; nothing grows', async () => {
    const model = await openXlsx(farCorner(), ExcelJS);
    const before = process.memoryUsage().rss;
    let error: unknown;
    try {
      model.typeText('S', 0, 1, '=SUM(A:A)');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WholeLineLimitError);
    expect((error as Error).message).toBe(
      'This formula\'s whole-column and whole-row references (A:A on sheet "S", which reaches row 1,048,576 and column XFD) cover about 1,048,576 cells, each of which HyperFormula holds; with the workbook\'s 3 cells, more than the 1,000,000 the workbench holds. Refer to the rows in use (for example A1:A1000 rather than A:A).',
    );
    expect((error as WholeLineLimitError).zh).toBe(
      '此公式的整列或整行引用（工作表"S"的 A:A，该表用到第 1,048,576 行、第 XFD 列）覆盖约 1,048,576 个单元格，HyperFormula 要为每个单元格占用内存；加上工作簿已有的 3 个单元格，超过工作台可容纳的 1,000,000 个。请改为引用实际使用的行（例如用 A1:A1000 代替 A:A）。',
    );
    // Nothing was written: B1 still holds 5, no undo step, and the engine built nothing.
    expect(model.getInput('S', 0, 1)).toBe(5);
    expect(model.getValue('S', 0, 1)).toBe(5);
    expect(model.canUndo).toBe(false);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MiB);
    // The editor's check (Workbench.tsx calls it before writing) gives the same reason.
    expect(model.wholeLineProblem('S', 0, 1, '=SUM(A:A)')?.message).toBe((error as Error).message);
  });

  test("whole rows, a quoted sheet, a column range and a pasted formula are refused too; A1:A1000 and text in quotes are not", async () => {
    const model = await openXlsx(farCorner(), ExcelJS);
    model.addSheet('Other sheet');
    // A whole row of sheet S: 16,384 cells, within the cap.
    model.typeText('Other sheet', 0, 0, '=SUM(S!1:1)');
    expect(model.getValue('Other sheet', 0, 0)).toBe(6);
    // 61 whole rows: 999,424 cells, with the workbook's 4 within 1,000,000 (checked, not built); 62 are past it.
    expect(model.wholeLineProblem('Other sheet', 1, 0, '=COUNT(S!1:61)')).toBeUndefined();
    expect(() => model.typeText('Other sheet', 2, 0, '=COUNT(S!1:62)')).toThrow(/cover about 1,015,808 cells/);
    expect(() => model.typeText('Other sheet', 2, 0, "=SUM('S'!$C:$C)")).toThrow(/\('S'!\$C:\$C on sheet "S", which reaches row 1,048,576 and column XFD\)/);
    expect(() => model.typeText('Other sheet', 2, 0, '=SUM(S!B:D)')).toThrow(/cover about 3,145,728 cells/);
    expect(() => model.pasteText('S', { row: 5, col: 0 }, '1\t=SUM(A:A)')).toThrow(WholeLineLimitError);
    expect(model.getInput('S', 5, 0)).toBe(null);
    expect(model.getInput('S', 5, 1)).toBe(null);
    // Within the rows in use, and text that only looks like a reference, are entered.
    model.typeText('S', 2, 1, '=SUM(A1:A1000)');
    expect(model.getValue('S', 2, 1)).toBe(1);
    model.typeText('S', 3, 0, '="A:A"');
    expect(model.getValue('S', 3, 0)).toBe('A:A');
    // The cells the references cover count the workbook's cells against the same cap.
    expect(MAX_HELD_CELLS).toBe(1_000_000);
  });

  test('on a 500-row sheet, =SUM(A:A) and CYBER.POOLSHARE(A:A) are entered and evaluate', () => {
    const model = new WorkbenchModel();
    const sheet = model.addSheet('Pool');
    for (let r = 0; r < 500; r++) model.setInput(sheet, r, 0, 2);
    model.typeText(sheet, 0, 2, '=SUM(A:A)');
    expect(model.getValue(sheet, 0, 2)).toBe(1000);
    model.typeText(sheet, 0, 3, '=CYBER.POOLSHARE(A:A)');
    // The claims (2 each, 1,000 in all) are within the pool: each paid in full, one row per claim.
    expect(model.getValue(sheet, 0, 3)).toBe(2);
    expect(model.getValue(sheet, 499, 3)).toBe(2);
    expect(model.wholeLineProblem(sheet, 0, 4, '=SUM(A:A)+SUM(B:Z)+SUM(1:100)')).toBeUndefined();
  });
});
