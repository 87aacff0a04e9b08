/**
 * AGGREGATE and SUBTOTAL over a reference a function returns (INDEX, OFFSET, INDIRECT, CHOOSE,
 * IF, the range operator with INDEX): Excel reads such a reference as a typed range, so hidden
 * rows and nested SUBTOTAL/AGGREGATE cells are left out of it as of B1:B10 (src/sheet/aggregate.ts,
 * src/sheet/subtotal.ts, the references worked out by src/sheet/rangeOperator.ts).
 */
import { evaluateWorkbook, type SheetInput } from './workbook';

/**
 * S!B1:B10 = 1, 2 (row 2 hidden by Hide Rows), 4, 8 (row 4 hidden by a filter),
 * =SUBTOTAL(9,B1:B4) (7), 32, 16, "text", =AGGREGATE(9,4,B1:B3) (7), TRUE; column A the same
 * with an error in A6. The formulas in column C.
 */
function hiddenSheet(formulas: string[], rows: SheetInput['rows'] = { hidden: [1, 3], filtered: [3] }): unknown[] {
  const a: unknown[] = [1, 2, 4, 8, '=SUBTOTAL(9,A1:A4)', '=1/0', 16, 'text', '=AGGREGATE(9,4,A1:A3)', true];
  const b: unknown[] = [1, 2, 4, 8, '=SUBTOTAL(9,B1:B4)', 32, 16, 'text', '=AGGREGATE(9,4,B1:B3)', true];
  const n = Math.max(a.length, formulas.length);
  const cells = Array.from({ length: n }, (_, r) => [a[r] ?? null, b[r] ?? null, formulas[r] ?? null]) as SheetInput['cells'];
  return evaluateWorkbook([{ name: 'S', cells, rows }])[0].values.map((row) => row[2]);
}

describe('a reference a function returns is read as the typed range', () => {
  test('AGGREGATE over INDEX, INDIRECT, OFFSET, CHOOSE, IF and A1:INDEX(…) agrees with B1:B10', () => {
    const v = hiddenSheet([
      '=AGGREGATE(9,5,B1:B10)', // 67: 1 + 4 + 32 + 16 + 7 + 7 (rows 2 and 4 hidden)
      '=AGGREGATE(9,5,INDEX(B1:B10,0,1))',
      '=AGGREGATE(9,3,INDIRECT("B1:B10"))', // 53: hidden rows and nested cells left out
      '=AGGREGATE(9,1,OFFSET(B1,0,0,COUNTA(B1:B10),1))', // 53 (an OFFSET computed when evaluated)
      '=AGGREGATE(9,0,B1:INDEX(B1:B10,5))', // B1:B5 without the nested B5: 15
      '=AGGREGATE(9,1,CHOOSE(2,A1:A10,B1:B10))', // 53
      '=AGGREGATE(9,1,IF(C1>0,B1:B10,A1:A10))', // 53
      '=AGGREGATE(14,3,INDEX(B1:B10,0,1),2)', // LARGE 2 of 1, 4, 32, 16: 16
      '=AGGREGATE(9,7,INDEX(A1:A10,0,1))', // 1 + 4 + 16 + 7 + 7: the error and hidden rows left out
      '=AGGREGATE(9,4,INDEX(B1:B10,0,1))', // nothing left out: 77
    ]);
    expect(v).toEqual([67, 67, 53, 53, 15, 53, 53, 16, 35, 77]);
  });

  test('SUBTOTAL over INDEX, OFFSET, INDIRECT agrees with B1:B10', () => {
    const v = hiddenSheet([
      '=SUBTOTAL(109,B1:B10)', // 53: hidden rows and nested cells left out
      '=SUBTOTAL(109,OFFSET(B1,0,0,10,1))',
      '=SUBTOTAL(109,OFFSET(B1,0,0,COUNTA(B1:B10),1))',
      '=SUBTOTAL(109,INDEX(B1:B10,0,1))',
      '=SUBTOTAL(9,INDIRECT("B1:B10"))', // 55: only the filtered row 4 and the nested cells left out
      '=SUBTOTAL(102,B1:INDEX(B1:B10,7))', // COUNT of 1, 4, 32, 16: 4
    ]);
    expect(v.slice(0, 6)).toEqual([53, 53, 53, 53, 55, 4]);
  });

  test('a one-cell reference, another sheet, and what stays a value', () => {
    const v = hiddenSheet([
      '=AGGREGATE(9,5,INDEX(B1:B10,2,1))', // the hidden B2: 0
      '=AGGREGATE(9,0,INDIRECT("B5"))', // the nested B5: 0
      '=AGGREGATE(15,6,INDEX(B1:B4/(B1:B4>1),0,1),1)', // a computed array: only errors left out, 2
      '=AGGREGATE(9,4,INDEX(B1:B10,2,1))', // 2
    ]);
    expect(v.slice(0, 4)).toEqual([0, 0, 2, 2]);
    const s = { name: 'S', cells: [[1], [2], [4]], rows: { hidden: [1], filtered: [] } };
    const t = { name: 'T', cells: [['=AGGREGATE(9,5,INDIRECT("S!A1:A3"))', '=SUBTOTAL(109,INDEX(S!A1:A3,0,1))', '=AGGREGATE(9,4,INDIRECT("S!A1:A3"))']] };
    expect(evaluateWorkbook([s, t])[1].values[0]).toEqual([5, 5, 7]);
  });
});

describe('the array form with an array of k spills, as in Excel 365', () => {
  test('AGGREGATE(14,6,A1:A5,{1,2}), a column of k, k from a range, errors of k, nested in SUM', () => {
    const num = expect.objectContaining({ error: '#NUM!' });
    const div = expect.objectContaining({ error: '#DIV/0!' });
    // A1:A5 = 3, #DIV/0!, 4, 1, 5 (row 5 hidden); H1:H2 = 1, 3.
    const cells = [
      [3, '=AGGREGATE(14,6,A1:A5,{1,2})', null, '=AGGREGATE(15,4,A1:A5,{1;2;3})', '=SUM(AGGREGATE(14,6,A1:A5,{1,2}))', '=AGGREGATE(14,6,A1:A5,H1:H2)', null, 1],
      ['=1/0', null, null, null, null, null, null, 3],
      [4, null, null, null, '=AGGREGATE(14,7,A1:A5,2)'],
      [1, null, null, null, '=AGGREGATE(14,6,A1:A5,{1,9,0})'],
      [5, null, null, null, '=AGGREGATE(15,7,A1:A5,{1,2})'],
    ];
    const v = evaluateWorkbook([{ name: 'P', cells, rows: { hidden: [4], filtered: [] } }])[0].values;
    expect([v[0][1], v[0][2]]).toEqual([5, 4]); // LARGE 1 and 2 of 3, 4, 1, 5 (the error left out)
    expect([v[0][3], v[1][3], v[2][3]]).toEqual([div, div, div]); // option 4: the error, for each k
    expect(v[0][4]).toBe(9); // SUM of {5, 4}
    expect([v[0][5], v[1][5]]).toEqual([5, 3]); // k = 1, 3 from H1:H2, down the column
    expect(v[2][4]).toBe(3); // LARGE 2 of 3, 4, 1 (the hidden row 5 left out by 7)
    expect([v[3][4], v[3][5], v[3][6]]).toEqual([5, num, num]); // k beyond the count and k = 0: #NUM!
    expect([v[4][4], v[4][5]]).toEqual([1, 3]); // SMALL 1 and 2 of 3, 4, 1
  });
});
