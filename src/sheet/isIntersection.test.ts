/**
 * The IS functions given a range outside an array formula: implicit intersection with the
 * formula's row or column (Microsoft, "Implicit intersection operator: @"), #VALUE! where the range
 * does not cross it — and that value is what the function tests.
 */
import { evaluateWorkbook, type InputCell } from './workbook';

function column(cells: InputCell[][]): unknown[][] {
  return evaluateWorkbook([{ name: 'S', cells }])[0].values;
}

test('a one-column range is read in the formula’s row, a one-row range in its column', () => {
  const v = column([
    [1, 'x', '=ISNUMBER(A1:A3)', '=ISTEXT(B1:B2)'],
    ['=1/0', null, '=ISERROR(A1:A3)', '=ISBLANK(B1:B2)'],
    [true, 'y', '=ISLOGICAL(A1:A3)', '=ISNA(A1:A3)'],
    ['=ISNUMBER(A1:D1)', '=ISTEXT(A1:D1)', '=ISERR(A1:A3)', '=ISNONTEXT(B1:B3)'],
  ]);
  expect(v[0].slice(2)).toEqual([true, true]);
  expect(v[1].slice(2)).toEqual([true, true]);
  expect(v[2].slice(2)).toEqual([true, false]);
  // Row 4 is outside A1:A3 and B1:B3: #VALUE!, an error (ISERR) and no text (ISNONTEXT).
  expect(v[3]).toEqual([true, true, true, true]);
});

test('a range the formula’s row and column do not cross is #VALUE!, which the function tests', () => {
  const v = column([
    [1, 2],
    ['a', 'b'],
    ['=ISERROR(A1:A2)', '=ISNONTEXT(B1:B2)', '=ISTEXT(A1:A2)', '=ISERR(A1:B2)', '=ISNA(A1:A2)', '=ISNUMBER(A1:B2)'],
  ]);
  expect(v[2]).toEqual([true, true, false, true, false, false]);
});

test('in an array formula the range is tested cell by cell, as before', () => {
  const v = column([[1], ['a'], ['=ARRAYFORMULA(ISTEXT(A1:A2))']]);
  expect(v[2][0]).toBe(false);
  expect(v[3]?.[0]).toBe(true);
});

describe('what still differs from Excel (pinned): a range as a whole value', () => {
  // Excel: =A1:A3 alone in row 2 (or a table column, =Table1[col]) is A2. AGGREGATE computes
  // (src/sheet/aggregate.ts; src/sheet/aggregate.test.ts).
  it('a range as a cell’s whole value, and AGGREGATE beside it', () => {
    const v = column([
      [1, null, null],
      [2, '=A1:A3', null],
      [3, '=AGGREGATE(9,4,A1:A3)', null],
    ]);
    expect(v[1][1]).toMatchObject({ error: '#VALUE!' });
    expect(v[2][1]).toBe(6);
  });
});
