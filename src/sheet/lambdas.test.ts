/**
 * BYROW, BYCOL, MAP, REDUCE, SCAN, MAKEARRAY and LET (src/sheet/lambdas.ts) with the examples of
 * Microsoft's pages, and a function written alone (`_xleta.SUM`, as Excel stores `BYROW(A1:B2,SUM)`).
 */
import { evaluateSheet, evaluateWorkbook, type InputCell, type OutputCell } from './workbook';

const code = (v: OutputCell): unknown => (typeof v === 'object' && v !== null ? v.error : v);
function one(formula: string, data: InputCell[][] = []): unknown {
  return code(evaluateSheet([...data.map((r) => [...r]), [formula]])[data.length][0]);
}
function spill(formula: string, rows: number, cols: number, data: InputCell[][] = []): unknown[][] {
  const at = data.length;
  const cells: InputCell[][] = [...data.map((r) => [...r]), [`=ARRAYFORMULA(${formula.slice(1)})`]];
  const [sheet] = evaluateWorkbook([{ name: 'S', cells, arrays: [{ row: at, col: 0, rows, cols }] }]);
  return sheet.values.slice(at, at + rows).map((r) => r.slice(0, cols).map(code));
}

describe('LAMBDA helpers (Microsoft examples)', () => {
  const data: InputCell[][] = [
    [1, 2, 3],
    [4, 5, 6],
  ];
  test.each<[string, number, number, unknown[][]]>([
    ['=BYROW(A1:C2,LAMBDA(array,MAX(array)))', 2, 1, [[3], [6]]],
    ['=BYROW(A1:C2,LAMBDA(array,SUMSQ(array)))', 2, 1, [[14], [77]]],
    ['=BYCOL(A1:C2,LAMBDA(array,MAX(array)))', 1, 3, [[4, 5, 6]]],
    ['=BYCOL(A1:C2,_xleta.SUM)', 1, 3, [[5, 7, 9]]],
    ['=MAP(A1:C2,LAMBDA(a,IF(a>4,a*a,+a)))', 2, 3, [[1, 2, 3], [4, 25, 36]]],
    ['=MAP(A1:C1,A2:C2,LAMBDA(a,b,a+b))', 1, 3, [[5, 7, 9]]],
    ['=SCAN("",{"a","b","c";"d","e","f"},LAMBDA(t,i,t&i))', 2, 3, [['a', 'ab', 'abc'], ['abcd', 'abcde', 'abcdef']]],
    ['=SCAN(1,{1,2,3},LAMBDA(a,b,a*b))', 1, 3, [[1, 2, 6]]],
    ['=MAKEARRAY(3,3,LAMBDA(r,c,r*c))', 3, 3, [[1, 2, 3], [2, 4, 6], [3, 6, 9]]],
  ])('%s', (formula, rows, cols, expected) => {
    expect(spill(formula, rows, cols, data)).toEqual(expected);
  });

  test.each<[string, unknown]>([
    ['=REDUCE(,A1:C2,LAMBDA(a,b,a+b^2))', 91],
    ['=REDUCE(1,A1:C2,LAMBDA(a,b,a*b))', 720],
    ['=REDUCE(0,A1:C2,LAMBDA(t,c,IF(c>3,t+c,t)))', 15],
    ['=LET(x,1,x+1)', 2],
    ['=LET(total,SUM(A1:C2),n,COUNT(A1:C2),total/n)', 3.5],
    ['=SUM(BYROW(A1:C2,LAMBDA(r,SUM(r))))', 21],
    ['=SUM(BYROW(A1:C2,LAMBDA(r,r)))', '#CALC!'], // a row is not one value
    ['=SUM(BYROW(A1:C2,LAMBDA(a,b,a)))', '#VALUE!'], // BYROW's lambda takes one parameter
  ])('%s is %j', (formula, expected) => {
    expect(one(formula, data)).toBe(expected);
  });
});

describe('what still differs from Excel (pinned): LAMBDA outside the helpers', () => {
  test('a LAMBDA alone is #NAME? (Excel: #CALC!); one called in place is computed (as the LET it amounts to)', () => {
    expect(one('=LAMBDA(x,x+1)')).toBe('#NAME?');
    expect(one('=LAMBDA(x,x+1)(2)')).toBe(3);
  });
});
