/**
 * INDEX, SWITCH, date text as a number in the dynamic-array functions, and circular references
 * (iterative calculation) as Excel computes them (issue 11). Each case is written from
 * Microsoft's documentation of the function; the expected values are Excel's.
 */
import { evaluateWorkbook, evaluateSheet, type InputCell, type OutputCell } from './workbook';
import { iterationOfWorkbookXml } from './iteration';

function one(formula: string, cells: InputCell[][] = []): OutputCell {
  const rows = cells.map((r) => [...r]);
  rows.unshift([formula]);
  return evaluateSheet(rows)[0][0];
}

/** An array formula entered over rows × cols at row `at` (0-based) under the given cells: its values. */
function arrayFormula(formula: string, rows: number, cols: number, cells: InputCell[][] = []): OutputCell[][] {
  const all = cells.map((r) => [...r]);
  const at = all.length;
  all.push([`=ARRAYFORMULA(${formula})`]);
  const [sheet] = evaluateWorkbook([{ name: 'S', cells: all, arrays: [{ row: at, col: 0, rows, cols }] }]);
  return [...Array(rows).keys()].map((r) => [...Array(cols).keys()].map((c) => sheet.values[at + r]?.[c] ?? null));
}

const code = (v: OutputCell): string | undefined => (typeof v === 'object' && v !== null ? v.error : undefined);

describe('INDEX as Excel reads its row and column', () => {
  test('a negative row or column is #VALUE!, one past the array #REF!', () => {
    expect(code(one('=INDEX(A2:B3,-1,1)', [[1, 2], [3, 4]]))).toBe('#VALUE!');
    expect(code(one('=INDEX(A2:B3,1,-1)', [[1, 2], [3, 4]]))).toBe('#VALUE!');
    expect(code(one('=INDEX(A2:B3,3,-1)', [[1, 2], [3, 4]]))).toBe('#VALUE!');
    expect(code(one('=INDEX({1,2;3,4},-1)'))).toBe('#VALUE!');
    expect(code(one('=INDEX({1,2;3,4},,-1)'))).toBe('#VALUE!');
    expect(code(one('=INDEX(A2:B3,3,1)', [[1, 2], [3, 4]]))).toBe('#REF!');
    expect(code(one('=INDEX(A2:B3,1,3)', [[1, 2], [3, 4]]))).toBe('#REF!');
    expect(code(one('=INDEX({2,3,4},2,1)'))).toBe('#REF!');
  });

  test('a range of several rows and columns needs both indexes (reference form)', () => {
    expect(code(one('=INDEX(A2:C3,2)', [[1, 2, 3], [4, 5, 6]]))).toBe('#REF!');
    expect(one('=INDEX(A2:C2,2)', [[1, 2, 3]])).toBe(2);
    expect(one('=INDEX(A2:A4,2)', [[1], [2], [3]])).toBe(2);
    expect(one('=INDEX({2,3,4},2)')).toBe(3);
  });

  test('an array with one index returns the whole row (array form)', () => {
    expect(arrayFormula('INDEX({2,3;4,5},2)', 1, 2)).toEqual([[4, 5]]);
    expect(arrayFormula('INDEX({1,2;3,4},0)', 2, 2)).toEqual([[1, 2], [3, 4]]);
  });

  test('an array of rows in an array formula: one INDEX per element, each its first value', () => {
    expect(arrayFormula('INDEX({2,3;4,5},{1,2})', 2, 2)).toEqual([[2, 4], [2, 4]]);
    expect(arrayFormula('INDEX({2,3;4,5},{1})', 1, 2)).toEqual([[2, 2]]);
    const rows = arrayFormula('INDEX({2,3;4,5},A1:A3)', 3, 2, [[3], [2], [1]]);
    expect(rows.map((r) => r.map((v) => code(v) ?? v))).toEqual([['#REF!', '#REF!'], [4, 4], [2, 2]]);
    expect(arrayFormula('INDEX(A1:B3,C1:C2,1)', 2, 1, [[-1.1, 9, 2], [-2, 9, 1], [-2.9, 9]])).toEqual([[-2], [-1.1]]);
  });
});

describe('LOOKUP and MATCH by halving over values of mixed kinds', () => {
  test('the value sought, where the halving looks, ends it', () => {
    expect(one('=LOOKUP(4.1,{"b",4.1,"a",1.1})')).toBe(4.1);
    expect(one('=LOOKUP(4.1,{TRUE,4.1,FALSE,1.1})')).toBe(4.1);
    expect(one('=MATCH(4.1,{"c bau c",4.1,"a",1.1})')).toBe(2);
    expect(one('=LOOKUP(20,{"b",4.1,"a",1.1},{"L","ML","MR","R"})')).toBe('R');
    expect(one('=LOOKUP(4.1,{"a",2.1,"b",4.1})')).toBe(4.1);
  });
  test('one reached by skipping another kind does not; sorted data as before', () => {
    expect(one('=LOOKUP("b",{"b",4.1,"a",1.1})')).toBe('a');
    expect(one('=MATCH(TRUE,{TRUE,4.1,FALSE,1.1})')).toBe(3);
    expect(one('=LOOKUP(2,{1,2,2,2,3},{"a","b","c","d","e"})')).toBe('d');
    expect(one('=LOOKUP(2.5,{1,2,3})')).toBe(2);
  });
  test('a blank lookup value is sought as 0', () => {
    expect(one('=LOOKUP(A2,B2:D2,B3:D3)', [[null, 0, 1, 2], [null, 'a', 'e', 'i']])).toBe('a');
  });
});

describe('MATCH with match_type -1', () => {
  test.each<[string, unknown]>([
    ['=MATCH(3,{4.1,3.1,2.1,1.1},-1)', 2],
    ['=MATCH(4.1,{4.1,3.1,2.1,1.1},-1)', 1],
    ['=MATCH(-2,{4.1,3.1,2.1,1.1},-1)', 4],
    ['=MATCH(0.5,{0,1,2,3,4},-1)', '#N/A'], // the first value is already smaller
    ['=MATCH(0,{0,1,2,3,4},-1)', 1], // the value itself ends the search
    ['=MATCH(-1,{0,1,2,3,4},-1)', 5],
    ['=MATCH(3,{"c bau c",4.1,"a",1.1},-1)', 2], // values of another kind are passed over
    ['=MATCH(3,{"a",2.1,"c bau c",4.1},-1)', '#N/A'],
  ])('%s is %j', (formula, expected) => {
    const v = one(formula);
    expect(code(v) ?? v).toBe(expected);
  });
  test('over a range as over an array', () => {
    const cells: InputCell[][] = [[0], [1], [2], [3], [4]];
    expect(code(one('=MATCH(0.5,A2:A6,-1)', cells))).toBe('#N/A');
    expect(one('=MATCH(-1,A2:A6,-1)', cells)).toBe(5);
    expect(one('=MATCH(3,A2:A6,1)', cells)).toBe(4);
  });
});

describe('SWITCH', () => {
  test('no match and no default is #N/A; a default is taken', () => {
    expect(code(one('=SWITCH(2,1,"one")'))).toBe('#N/A');
    expect(one('=SWITCH(2,1,"one","other")')).toBe('other');
    expect(one('=SWITCH(0,0,-1,2,-2)')).toBe(-1);
  });
  test('an error among the values is that error; in the expression, too', () => {
    expect(code(one('=SWITCH(3,A2,A2)', [[{ error: '#DIV/0!' }]]))).toBe('#DIV/0!');
    expect(code(one('=SWITCH(3,A2,3)', [[{ error: '#NUM!' }]]))).toBe('#NUM!');
    expect(code(one('=SWITCH(A2,0,"match","no-match")', [[{ error: '#NAME?' }]]))).toBe('#NAME?');
  });
  test('a blank is 0: not FALSE, not empty text; text regardless of case', () => {
    expect(one('=SWITCH(A2,0,"match")', [[null]])).toBe('match');
    expect(one('=SWITCH(0,A2,"match")', [[null]])).toBe('match');
    expect(code(one('=SWITCH(FALSE,A2,"match")', [[null]]))).toBe('#N/A');
    expect(code(one('=SWITCH(A2,"","match")', [[null]]))).toBe('#N/A');
    expect(code(one('=SWITCH(TRUE,1,"match")'))).toBe('#N/A');
    expect(one('=SWITCH("UPPER","Upper","match")')).toBe('match');
    expect(one('=SWITCH("","","match")')).toBe('match');
  });
});

describe('IFS', () => {
  test('the value of the first TRUE condition, read no further; none TRUE is #N/A', () => {
    expect(code(one('=IFS(TRUE,A2,B2,1)', [[{ error: '#VALUE!' }, { error: '#N/A' }]]))).toBe('#VALUE!');
    expect(one('=IFS(FALSE,1,1,"two",TRUE,3)')).toBe('two');
    expect(code(one('=IFS(FALSE,1,A2,2)', [[{ error: '#DIV/0!' }]]))).toBe('#DIV/0!');
    expect(code(one('=IFS(FALSE,1,0,2)'))).toBe('#N/A');
    expect(code(one('=IFS("maybe",1)'))).toBe('#VALUE!');
  });
});

describe('AND, OR, XOR with text given directly', () => {
  test('text that is not TRUE or FALSE is ignored, so an error among the arguments is the result', () => {
    expect(one('=AND(TRUE,"0")')).toBe(true);
    expect(one('=OR(FALSE,"1")')).toBe(false);
    expect(one('=AND(TRUE,"false")')).toBe(false);
    expect(code(one('=AND(TRUE,"0",A2)', [[{ error: '#REF!' }]]))).toBe('#REF!');
    expect(code(one('=AND(TRUE,"ciao",A2,"0")', [[{ error: '#REF!' }]]))).toBe('#REF!');
    expect(code(one('=XOR(TRUE,"0",A2)', [[{ error: '#NUM!' }]]))).toBe('#NUM!');
    expect(code(one('=AND("ciao")'))).toBe('#VALUE!');
  });
});

describe('a date as text is a number to the dynamic-array functions', () => {
  test('CHOOSECOLS, CHOOSEROWS, TOCOL with "01/01/1900" (serial 1)', () => {
    expect(arrayFormula('CHOOSECOLS({1,2,3;4,5,6},A1)', 2, 1, [[{ text: '01/01/1900' }]])).toEqual([[1], [4]]);
    expect(arrayFormula('CHOOSEROWS({1,2,3;4,5,6},A1)', 1, 3, [[{ text: '01/01/1900' }]])).toEqual([[1, 2, 3]]);
    expect(arrayFormula('TOCOL({1,2;3,4},A1)', 4, 1, [[{ text: '01/01/1900' }]])).toEqual([[1], [2], [3], [4]]);
  });
});

describe('MAKEARRAY and REDUCE with arrays for arguments', () => {
  test('MAKEARRAY: rows and cols are whole numbers from 1; TRUE is 1; an error is that error', () => {
    expect(arrayFormula('MAKEARRAY(2,2,LAMBDA(r,c,r*10+c))', 2, 2)).toEqual([[11, 12], [21, 22]]);
    expect(code(one('=MAKEARRAY(2.3,1,LAMBDA(r,c,r))'))).toBe('#VALUE!');
    expect(code(one('=MAKEARRAY(A2,1,LAMBDA(r,c,r))', [[null]]))).toBe('#VALUE!');
    expect(code(one('=MAKEARRAY(A2,1,LAMBDA(r,c,r))', [[{ text: '0' }]]))).toBe('#VALUE!');
    expect(code(one('=MAKEARRAY(0,1,LAMBDA(r,c,r))'))).toBe('#VALUE!');
    expect(one('=MAKEARRAY(TRUE,1,LAMBDA(r,c,r+c))')).toBe(2);
    expect(code(one('=MAKEARRAY(A2,1,LAMBDA(r,c,r))', [[{ error: '#NUM!' }]]))).toBe('#NUM!');
  });
  test('MAKEARRAY over an array of rows in an array formula: one per element, its first value', () => {
    const got = arrayFormula('MAKEARRAY(A1:D1,1,LAMBDA(x,y,x+1+y))', 1, 4, [[0, 2, 2.3, true]]);
    expect(got[0].map((v) => code(v) ?? v)).toEqual(['#VALUE!', 3, '#VALUE!', 3]);
  });
  test('REDUCE with an array as its initial value accumulates an array', () => {
    expect(arrayFormula('REDUCE(A1:C1,{1,2,3},LAMBDA(a,b,a+b^2))', 1, 3, [[1, 2, 3]])).toEqual([[15, 16, 17]]);
    expect(one('=REDUCE(1,{1,2,3},LAMBDA(a,b,a+b^2))')).toBe(15);
  });
});

describe('CHOOSECOLS and CHOOSEROWS with a range of indexes', () => {
  test('one row or one column of indexes; a 2-D range is #VALUE!', () => {
    const cells: InputCell[][] = [[1, 2], [2, 1]];
    expect(code(one('=ROWS(CHOOSECOLS({1,2,3;4,5,6},A2:B3))', cells))).toBe('#VALUE!');
    expect(code(one('=ROWS(CHOOSEROWS({1,2,3;4,5,6},A2:B3))', cells))).toBe('#VALUE!');
    expect(arrayFormula('CHOOSECOLS({1,2,3;4,5,6},A1:B1)', 2, 2, [[3, 1]])).toEqual([[3, 1], [6, 4]]);
    expect(arrayFormula('CHOOSEROWS({1,2,3;4,5,6},A1:A2)', 2, 3, [[2], [1]])).toEqual([[4, 5, 6], [1, 2, 3]]);
  });
});

describe('ADDRESS', () => {
  test.each<[string, string]>([
    ['=ADDRESS(2,3)', '$C$2'],
    ['=ADDRESS(2,3,2)', 'C$2'],
    ['=ADDRESS(2,3,2,FALSE)', 'R2C[3]'],
    ['=ADDRESS(2,3,1,FALSE,"[Book1]Sheet1")', "'[Book1]Sheet1'!R2C3"],
    ['=ADDRESS(2,3,1,FALSE,"EXCEL SHEET")', "'EXCEL SHEET'!R2C3"],
    ['=ADDRESS(1.1,3,4,4.1)', 'C1'],
    ['=ADDRESS(3,4,4.1,FALSE,"*b?u*")', "'*b?u*'!R[3]C[4]"],
    ['=ADDRESS(1,28,1,TRUE,"Data")', 'Data!$AB$1'],
  ])('%s is %s (Microsoft\'s examples, numbers truncated)', (formula, expected) => {
    expect(one(formula)).toBe(expected);
  });
  test('an empty sheet_text cell still prefixes "!"; bad arguments are #VALUE!', () => {
    expect(one('=ADDRESS(1.1,3,4,4.1,A2)', [[null]])).toBe('!C1');
    expect(code(one('=ADDRESS(0,1)'))).toBe('#VALUE!');
    expect(code(one('=ADDRESS(1,1,5)'))).toBe('#VALUE!');
    expect(code(one('=ADDRESS(4,4,A2,"x",TRUE)', [[null]]))).toBe('#VALUE!');
    expect(code(one('=ADDRESS(A2,1)', [[{ error: '#N/A' }]]))).toBe('#N/A');
  });
});

describe('TRIMRANGE', () => {
  test('trim_rows and trim_cols: one whole number 0 to 3, number text too; a fraction or an array is #VALUE!', () => {
    const cells: InputCell[][] = [[null, null], [1, 2], [null, null]];
    expect(code(one('=ROWS(TRIMRANGE(A2:B4,2.3,2))', cells))).toBe('#VALUE!');
    expect(code(one('=ROWS(TRIMRANGE(A2:B4,"3.3",2))', cells))).toBe('#VALUE!');
    expect(code(one('=ROWS(TRIMRANGE(A2:B4,{1,1},2))', cells))).toBe('#VALUE!');
    expect(one('=ROWS(TRIMRANGE(A2:B4,"3",2))', cells)).toBe(1);
    expect(one('=ROWS(TRIMRANGE(A2:B4,1,2))', cells)).toBe(2);
  });
});

describe('circular references', () => {
  test('a circle the formulas never read at run time computes (iteration off)', () => {
    // B1 =IF(A1,C1,1) with A1 FALSE never reads C1: Excel computes 1, 1, 1 and 2.
    const [s] = evaluateWorkbook([{ name: 'S', cells: [[false, '=IF(A1,C1,1)', '=D1', '=B1', '=B1+1']] }]);
    expect(s.values[0].slice(1)).toEqual([1, 1, 1, 2]);
    const [t] = evaluateWorkbook([{ name: 'S', cells: [[false, '=IFS(NOT(A1),1,TRUE,C1)', '=D1', '=B1', '=B1+1']] }]);
    expect(t.values[0].slice(1)).toEqual([1, 1, 1, 2]);
  });

  test('an error taking the branch away: the error, not #CYCLE!', () => {
    const [s] = evaluateWorkbook([{ name: 'S', cells: [[{ error: '#REF!' }, 1, '=D1', '=IF(A1="",0,3000-SUM(B1:C1))']] }]);
    expect(code(s.values[0][2])).toBe('#REF!');
    expect(code(s.values[0][3])).toBe('#REF!');
  });

  test('a true circle without iteration stays #CYCLE!', () => {
    const [s] = evaluateWorkbook([{ name: 'S', cells: [[true, '=IF(A1,C1,1)', '=B1', '=B1+1', '=A1']] }]);
    expect(code(s.values[0][1])).toBe('#CYCLE!');
    expect(code(s.values[0][2])).toBe('#CYCLE!');
    expect(code(s.values[0][3])).toBe('#CYCLE!');
    expect(s.values[0][4]).toBe(true);
  });

  test('iterative calculation: Gauss–Seidel from 0 until the change is below maxChange', () => {
    // A1 = B1/2 + 1, B1 = A1: the fixed point is 2.
    const cells: InputCell[][] = [['=B1/2+1', '=A1', '=A1*10']];
    const [s] = evaluateWorkbook([{ name: 'S', cells }], { iteration: { maxIterations: 100, maxChange: 0.001 } });
    expect(s.values[0][0] as number).toBeCloseTo(2, 2);
    expect(Math.abs((s.values[0][0] as number) - 2)).toBeLessThan(0.002);
    expect(s.values[0][2] as number).toBeCloseTo(20, 1);
    // Three passes: A1 reads B1, calculated first from A1's 0 (B1 0, A1 1), then 1.5, then 1.75.
    const [t] = evaluateWorkbook([{ name: 'S', cells }], { iteration: { maxIterations: 3, maxChange: 0.001 } });
    expect(t.values[0][0]).toBe(1.75);
    expect(t.values[0][1]).toBe(1.5);
    expect(t.values[0][2]).toBe(17.5);
  });

  test('iterative calculation: a self-referencing accumulator counts the passes', () => {
    const [s] = evaluateWorkbook([{ name: 'S', cells: [['=A1+1']] }], { iteration: { maxIterations: 5, maxChange: 0.001 } });
    expect(s.values[0][0]).toBe(5);
  });

  test('the settings from xl/workbook.xml', () => {
    expect(iterationOfWorkbookXml('<workbook><calcPr calcId="191029" iterate="1" iterateCount="10000" iterateDelta="0.01"/></workbook>')).toEqual({ maxIterations: 10000, maxChange: 0.01 });
    expect(iterationOfWorkbookXml('<calcPr iterate="1"/>')).toEqual({ maxIterations: 100, maxChange: 0.001 });
    expect(iterationOfWorkbookXml('<calcPr calcId="191029" iterateCount="1" calcOnSave="0"/>')).toBeUndefined();
    expect(iterationOfWorkbookXml('<workbook/>')).toBeUndefined();
  });
});
