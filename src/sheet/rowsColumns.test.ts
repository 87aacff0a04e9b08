/**
 * ROWS and COLUMNS of ranges mixing absolute and relative ends count as Excel does, in any row
 * and column (src/sheet/rowsColumns.ts); HyperFormula subtracted the stored addresses.
 */
import { evaluateSheet } from './workbook';

describe('ROWS and COLUMNS with absolute and relative ends', () => {
  test('the running count filled down a list: ROWS($A$1:A1) is 1, 2, 3, … in rows 1, 2, 3, …', () => {
    const cells = Array.from({ length: 6 }, (_, r) => [r + 1, `=ROWS($A$1:A${r + 1})`, `=COLUMNS($A$1:${'ABCDEF'[r]}1)`, `=SMALL($A$1:$A$6,ROWS($A$1:A${r + 1}))`]);
    const values = evaluateSheet(cells);
    expect(values.map((row) => row.slice(1))).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, n, n]));
  });
  test('mixed ends, whole rows and columns, reversed ends, arrays and single cells', () => {
    const row3 = evaluateSheet([[], [], ['=ROWS(A$1:A3)', '=ROWS($A1:A3)', '=ROWS(A1:$A$3)', '=ROWS($2:2)', '=COLUMNS($A:B)', '=ROWS({1;2})', '=COLUMNS({1,2,3})', '=ROWS(A:A)', '=ROWS(B7)', '=COLUMNS($C$1:A1)']])[2];
    expect(row3).toEqual([3, 3, 3, 1, 2, 2, 3, 1048576, 1, 3]);
  });
});
