/**
 * OFFSET with an empty height or width, and ROW/COLUMN over whole rows and columns, as Microsoft's
 * pages describe them: OFFSET "Height … If omitted, height is the same as reference"; ROW
 * "reference … the cell or range of cells for which you want the row number" (a whole row is such
 * a range: its first row; a whole column starts at row 1).
 */
import { evaluateWorkbook, type InputCell } from './workbook';

function values(formulas: string[]): unknown[] {
  const cells: InputCell[][] = [];
  for (let r = 0; r < Math.max(formulas.length, 8); r++) cells.push([]);
  // K7:L8 = 1, 0.5 / 2, 3
  cells[6][10] = 1;
  cells[6][11] = 0.5;
  cells[7][10] = 2;
  cells[7][11] = 3;
  formulas.forEach((f, i) => (cells[i][0] = f));
  return evaluateWorkbook([{ name: 'S', cells }])[0].values.slice(0, formulas.length).map((r) => r[0]);
}

test('an empty height or width is the reference’s own', () => {
  expect(values(['=SUM(OFFSET(K7:L8,0,0,1,))', '=SUM(OFFSET(K7:L8,0,0,,1))', '=SUM(OFFSET(K7:L8,0,0,,))', '=SUM(OFFSET(K7:L8,1,0))', '=SUM(OFFSET(K7:L8,0,0,1,1))'])).toEqual([1.5, 3, 6.5, 5, 1]);
});

test('ROW and COLUMN of whole rows and columns', () => {
  expect(values(['=ROW(2:3)', '=COLUMN(1:2)', '=COLUMN(C:D)', '=ROW(C:D)', '=SUMPRODUCT(ROW(1:3))', '=SUMPRODUCT(COLUMN(B:D))'])).toEqual([2, 1, 3, 1, 6, 9]);
});
