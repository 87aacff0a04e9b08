/**
 * GROUPBY (src/sheet/groupBy.ts) as Microsoft's GROUPBY page describes it: groups sorted by their
 * fields, a grand total ("Total"), subtotals with total_depth 2 ("Grand Total" then), headers,
 * sort by a value column, a filter, PERCENTOF, and a LAMBDA as the function.
 */
import { evaluateWorkbook, type InputCell, type OutputCell } from './workbook';

const code = (v: OutputCell): unknown => (typeof v === 'object' && v !== null ? v.error : v);
const DATA: InputCell[][] = [
  ['Region', 'Product', 'Sales', 'Keep'],
  ['West', 'Tea', 10, true],
  ['East', 'Tea', 5, true],
  ['West', 'Coffee', 7, false],
  ['East', 'Coffee', 3, true],
  ['West', 'Tea', 2, true],
];
function spill(formula: string, rows: number, cols: number): unknown[][] {
  const at = DATA.length;
  const cells: InputCell[][] = [...DATA.map((r) => [...r]), [`=ARRAYFORMULA(${formula.slice(1)})`]];
  const [sheet] = evaluateWorkbook([{ name: 'S', cells, arrays: [{ row: at, col: 0, rows, cols }] }]);
  return sheet.values.slice(at, at + rows).map((r) => r.slice(0, cols).map(code));
}

describe('GROUPBY', () => {
  test('sum by region: the header row is recognised and not shown; a grand total at the end', () => {
    expect(spill('=GROUPBY(A1:A6,C1:C6,_xleta.SUM)', 3, 2)).toEqual([['East', 8], ['West', 19], ['Total', 27]]);
  });
  test('headers shown (3), two fields, subtotals (total_depth 2)', () => {
    expect(spill('=GROUPBY(A1:B6,C1:C6,_xleta.SUM,3,2)', 8, 3)).toEqual([
      ['Region', 'Product', 'Sales'],
      ['East', 'Coffee', 3],
      ['East', 'Tea', 5],
      ['East', '', 8],
      ['West', 'Coffee', 7],
      ['West', 'Tea', 12],
      ['West', '', 19],
      ['Grand Total', '', 27],
    ]);
  });
  test('totals on top (-1), sorted by the value column descending (-2)', () => {
    expect(spill('=GROUPBY(A2:A6,C2:C6,_xleta.SUM,0,-1,-2)', 3, 2)).toEqual([['Total', 27], ['West', 19], ['East', 8]]);
  });
  test('a filter, no totals (0), a LAMBDA and PERCENTOF', () => {
    expect(spill('=GROUPBY(A2:A6,C2:C6,LAMBDA(v,MAX(v)),0,0,,D2:D6)', 2, 2)).toEqual([['East', 5], ['West', 10]]);
    expect(spill('=GROUPBY(A2:A6,C2:C6,_xleta.PERCENTOF,0,0)', 2, 2)).toEqual([['East', 8 / 27], ['West', 19 / 27]]);
  });
  test('row_fields and values of different heights, or a sort column beyond the result, are #VALUE!', () => {
    expect(spill('=GROUPBY(A2:A6,C2:C5,_xleta.SUM)', 1, 1)).toEqual([['#VALUE!']]);
    expect(spill('=GROUPBY(A2:A6,C2:C6,_xleta.SUM,0,1,3)', 1, 1)).toEqual([['#VALUE!']]);
  });
});

describe('PIVOTBY (read whole through ARRAYTOTEXT: blank cells are "")', () => {
  const text = (formula: string): unknown => {
    const [sheet] = evaluateWorkbook([{ name: 'S', cells: [...DATA.map((r) => [...r]), [`=ARRAYTOTEXT(${formula.slice(1)},1)`]] }]);
    return code(sheet.values[DATA.length][0]);
  };
  test('regions down, products across, a total row and column', () => {
    expect(text('=PIVOTBY(A1:A6,B1:B6,C1:C6,_xleta.SUM)')).toBe('{"","Coffee","Tea","Total";"East",3,5,8;"West",7,12,19;"Total",10,17,27}');
  });
  test('totals first (-1), rows by their totals descending (-2), a filter', () => {
    expect(text('=PIVOTBY(A2:A6,B2:B6,C2:C6,_xleta.SUM,0,-1,-2,0)')).toBe('{"","Coffee","Tea";"Total",10,17;"West",7,12;"East",3,5}');
    expect(text('=PIVOTBY(A2:A6,B2:B6,C2:C6,_xleta.SUM,0,0,1,0,1,D2:D6)')).toBe('{"","Coffee","Tea";"East",3,5;"West","",12}');
  });
  test('headers shown (3): the col fields named above, the row fields and values named below', () => {
    expect(text('=PIVOTBY(A1:A6,B1:B6,C1:C6,_xleta.SUM,3,0,1,0)')).toBe('{"","Product","";"","Coffee","Tea";"Region","Sales","Sales";"East",3,5;"West",7,12}');
  });
  const g = (x: number): number => Number(x.toPrecision(15)); // ARRAYTOTEXT shows 15 digits, as Excel
  test('PERCENTOF relative to the row totals (1) and to the grand total (2)', () => {
    expect(text('=PIVOTBY(A2:A6,B2:B6,C2:C6,_xleta.PERCENTOF,0,0,1,0,1,,1)')).toBe(`{"","Coffee","Tea";"East",${g(3 / 8)},${g(5 / 8)};"West",${g(7 / 19)},${g(12 / 19)}}`);
    expect(text('=PIVOTBY(A2:A6,B2:B6,C2:C6,_xleta.PERCENTOF,0,0,1,0,1,,2)')).toBe(`{"","Coffee","Tea";"East",${g(3 / 27)},${g(5 / 27)};"West",${g(7 / 27)},${g(12 / 27)}}`);
  });
});
