/**
 * Excel 365's array functions as src/sheet/dynamicArrays.ts computes them, with the examples of
 * Microsoft's pages for TAKE, DROP, CHOOSECOLS, CHOOSEROWS, TOCOL, TOROW, EXPAND, WRAPROWS,
 * WRAPCOLS, TEXTSPLIT, TEXTBEFORE, TEXTAFTER, SORT, SORTBY, UNIQUE, FILTER, MUNIT, ARRAYTOTEXT and
 * VALUETOTEXT. An array result is read as an array formula over its range (as one read from a
 * file), or inside another function.
 */
import { evaluateSheet, evaluateWorkbook, type InputCell, type OutputCell } from './workbook';

const code = (v: OutputCell): unknown => (typeof v === 'object' && v !== null ? v.error : v);

/** The formula entered as an array formula over rows × cols below the data, as Excel stores a spill. */
function spill(formula: string, rows: number, cols: number, data: InputCell[][] = []): unknown[][] {
  const at = data.length;
  const cells: InputCell[][] = [...data.map((r) => [...r]), [`=ARRAYFORMULA(${formula.slice(1)})`]];
  const [sheet] = evaluateWorkbook([{ name: 'S', cells, arrays: [{ row: at, col: 0, rows, cols }] }]);
  return sheet.values.slice(at, at + rows).map((r) => r.slice(0, cols).map(code));
}

function one(formula: string, data: InputCell[][] = []): unknown {
  return code(evaluateSheet([...data.map((r) => [...r]), [formula]])[data.length][0]);
}

const NINE: InputCell[][] = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];

describe('TAKE and DROP (Microsoft examples over A1:C3 = 1…9)', () => {
  test.each<[string, number, number, unknown[][]]>([
    ['=TAKE(A1:C3,2)', 2, 3, [[1, 2, 3], [4, 5, 6]]],
    ['=TAKE(A1:C3,,2)', 3, 2, [[1, 2], [4, 5], [7, 8]]],
    ['=TAKE(A1:C3,-2)', 2, 3, [[4, 5, 6], [7, 8, 9]]],
    ['=TAKE(A1:C3,2,2)', 2, 2, [[1, 2], [4, 5]]],
    ['=DROP(A1:C3,2)', 1, 3, [[7, 8, 9]]],
    ['=DROP(A1:C3,,2)', 3, 1, [[3], [6], [9]]],
    ['=DROP(A1:C3,-2)', 1, 3, [[1, 2, 3]]],
    ['=DROP(A1:C3,2,2)', 1, 1, [[9]]],
  ])('%s', (formula, rows, cols, expected) => {
    expect(spill(formula, rows, cols, NINE)).toEqual(expected);
  });

  test('0 rows is #CALC!; dropping every row too', () => {
    expect(one('=SUM(TAKE(A1:C3,0))', NINE)).toBe('#CALC!');
    expect(one('=SUM(DROP(A1:C3,3))', NINE)).toBe('#CALC!');
  });

  test('inside another function the array is used whole', () => {
    expect(one('=SUM(TAKE(A1:C3,2))', NINE)).toBe(21);
    expect(one('=ROWS(DROP(A1:C3,1))', NINE)).toBe(2);
  });
});

describe('CHOOSECOLS, CHOOSEROWS, TOCOL, TOROW, EXPAND, WRAPROWS, WRAPCOLS', () => {
  test.each<[string, number, number, unknown[][]]>([
    ['=CHOOSECOLS(A1:C3,1,3)', 3, 2, [[1, 3], [4, 6], [7, 9]]],
    ['=CHOOSECOLS(A1:C3,-1)', 3, 1, [[3], [6], [9]]],
    ['=CHOOSEROWS(A1:C3,{1,3},2)', 3, 3, [[1, 2, 3], [7, 8, 9], [4, 5, 6]]],
    ['=TOCOL(A1:B2)', 4, 1, [[1], [2], [4], [5]]],
    ['=TOCOL(A1:B2,0,TRUE)', 4, 1, [[1], [4], [2], [5]]],
    ['=TOROW(A1:B2)', 1, 4, [[1, 2, 4, 5]]],
    ['=EXPAND(A1:B2,3,3)', 3, 3, [[1, 2, '#N/A'], [4, 5, '#N/A'], ['#N/A', '#N/A', '#N/A']]],
    ['=EXPAND(A1:B2,3,3,"-")', 3, 3, [[1, 2, '-'], [4, 5, '-'], ['-', '-', '-']]],
    ['=WRAPROWS({"A","B","C","D","E","F","G"},3)', 3, 3, [['A', 'B', 'C'], ['D', 'E', 'F'], ['G', '#N/A', '#N/A']]],
    ['=WRAPROWS({"A","B","C","D","E","F","G"},3,"x")', 3, 3, [['A', 'B', 'C'], ['D', 'E', 'F'], ['G', 'x', 'x']]],
    ['=WRAPCOLS({"A","B","C","D","E","F","G"},3)', 3, 3, [['A', 'D', 'G'], ['B', 'E', '#N/A'], ['C', 'F', '#N/A']]],
  ])('%s', (formula, rows, cols, expected) => {
    expect(spill(formula, rows, cols, NINE)).toEqual(expected);
  });

  test.each<[string, unknown]>([
    ['=SUM(CHOOSECOLS(A1:C3,4))', '#VALUE!'], // "exceeds the number of columns"
    ['=SUM(CHOOSECOLS(A1:C3,0))', '#VALUE!'],
    ['=SUM(EXPAND(A1:C3,2))', '#VALUE!'], // rows smaller than the array
    ['=SUM(WRAPROWS(A1:C3,2))', '#VALUE!'], // not a vector
    ['=SUM(WRAPROWS(A1:C1,0))', '#NUM!'],
    ['=SUM(TOCOL({1,"",3},1))', 4],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula, NINE)).toBe(expected);
  });

  test('a one-value argument given an array is lifted, one result per element', () => {
    expect(spill('=WRAPROWS({1,2,3,4},A1:B1)', 1, 2, [[1, 2]])).toEqual([[1, 1]]);
  });
});

describe('TEXTSPLIT, TEXTBEFORE, TEXTAFTER (Microsoft examples)', () => {
  test.each<[string, number, number, unknown[][]]>([
    ['=TEXTSPLIT("Dakota Lennon Sanchez"," ")', 1, 3, [['Dakota', 'Lennon', 'Sanchez']]],
    ['=TEXTSPLIT("1,2,3;4,5,6",",",";")', 2, 3, [['1', '2', '3'], ['4', '5', '6']]],
    ['=TEXTSPLIT("Do. Or do not. There is no try. -Anonymous",".")', 1, 4, [['Do', ' Or do not', ' There is no try', ' -Anonymous']]],
    ['=TEXTSPLIT("Do. Or do not. There is no try. -Anonymous",{".","-"})', 1, 5, [['Do', ' Or do not', ' There is no try', ' ', 'Anonymous']]],
    ['=TEXTSPLIT("Do. Or do not. There is no try. -Anonymous",{".","-"},,TRUE)', 1, 4, [['Do', ' Or do not', ' There is no try', ' ']]],
    ['=TEXTSPLIT("a,b;c",",",";")', 2, 2, [['a', 'b'], ['c', '#N/A']]],
    ['=TEXTSPLIT("a,b;c",",",";",,,"")', 2, 2, [['a', 'b'], ['c', '']]],
  ])('%s', (formula, rows, cols, expected) => {
    expect(spill(formula, rows, cols)).toEqual(expected);
  });

  const A = "Red riding hood's, red hood";
  test.each<[string, unknown]>([
    ['=TEXTBEFORE(A1,"hood")', 'Red riding '],
    ['=TEXTBEFORE(A1,"")', ''],
    ['=TEXTBEFORE(A1,"",-1)', A],
    ['=TEXTBEFORE(B1,"Red")', '#N/A'],
    ['=TEXTBEFORE(B1,"red",2)', "Little red riding hood's "],
    ['=TEXTBEFORE(B1,"red",-2)', 'Little '],
    ['=TEXTBEFORE(B1,"Red",,FALSE)', '#N/A'],
    ['=TEXTBEFORE(B1,"red",3)', '#N/A'],
    ['=TEXTBEFORE(B1,"RED",1,1)', 'Little '],
    ['=TEXTBEFORE(A1,"basket")', '#N/A'],
    ['=TEXTBEFORE(A1,"hood",0)', '#VALUE!'],
    ['=TEXTAFTER(A1,"hood")', "'s, red hood"],
    ['=TEXTAFTER(A1,"")', A],
    ['=TEXTAFTER(A1,"HOOD",1,1)', "'s, red hood"],
    ['=TEXTAFTER(A1,"basket",1,,,"Not found")', 'Not found'],
    ['=TEXTAFTER(A1,"hood",-1)', ''],
    ['=TEXTAFTER("1,2,3,4,5",{"3","4"})', ',4,5'],
    ['=TEXTAFTER("a-b","-",2,0,TRUE)', ''], // match_end: the end of the text is a delimiter
    ['=TEXTSPLIT("abc","")', '#VALUE!'],
    ['=TEXTSPLIT(C1,",")', '#VALUE!'], // an empty cell: nothing to split, #VALUE! as in Excel
  ])('%s is %j', (formula, expected) => {
    expect(one(formula, [[A, "Little red riding hood's red hood"]])).toBe(expected);
  });
});

describe('SORT, SORTBY, UNIQUE, FILTER', () => {
  const data: InputCell[][] = [
    ['b', 3],
    ['a', 1],
    ['C', 2],
    ['a', 1],
  ];
  test.each<[string, number, number, unknown[][]]>([
    ['=SORT(A1:B4)', 4, 2, [['a', 1], ['a', 1], ['b', 3], ['C', 2]]],
    ['=SORT(A1:B4,2,-1)', 4, 2, [['b', 3], ['C', 2], ['a', 1], ['a', 1]]],
    ['=SORTBY(A1:A4,B1:B4,1)', 4, 1, [['a'], ['a'], ['C'], ['b']]],
    ['=SORT({3,1,2},1,1,TRUE)', 1, 3, [[1, 2, 3]]],
    ['=UNIQUE(A1:B4)', 3, 2, [['b', 3], ['a', 1], ['C', 2]]],
    ['=UNIQUE(A1:A4,,TRUE)', 2, 1, [['b'], ['C']]],
    ['=UNIQUE({1,1,2},TRUE)', 1, 2, [[1, 2]]],
    ['=FILTER(A1:B4,B1:B4>1)', 2, 2, [['b', 3], ['C', 2]]],
    ['=FILTER(A1:B4,B1:B4>5,"none")', 1, 1, [['none']]],
    ['=FILTER({1,2,3},{TRUE,FALSE,TRUE})', 1, 2, [[1, 3]]],
  ])('%s', (formula, rows, cols, expected) => {
    expect(spill(formula, rows, cols, data)).toEqual(expected);
  });

  test('FILTER with nothing left is #CALC!', () => {
    expect(one('=ARRAYFORMULA(SUM(FILTER(B1:B4,B1:B4>5)))', data)).toBe('#CALC!');
  });
});

describe('MUNIT, ARRAYTOTEXT, VALUETOTEXT', () => {
  test('MUNIT(3) is the 3×3 identity', () => {
    expect(spill('=MUNIT(3)', 3, 3)).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
  });
  const data: InputCell[][] = [
    [true, { error: '#VALUE!' }],
    [1234.01234, 'Seattle'],
    ['Hello', '1,123'],
  ];
  test.each<[string, unknown]>([
    ['=ARRAYTOTEXT(A1:B3,0)', 'TRUE, #VALUE!, 1234.01234, Seattle, Hello, 1,123'],
    ['=ARRAYTOTEXT(A1:B3,1)', '{TRUE,#VALUE!;1234.01234,"Seattle";"Hello","1,123"}'],
    ['=VALUETOTEXT(B2,1)', '"Seattle"'],
    ['=VALUETOTEXT(B2,0)', 'Seattle'],
    ['=VALUETOTEXT(A2)', '1234.01234'],
    ['=VALUETOTEXT(B1)', '#VALUE!'],
    // An empty cell has no strict text: Excel gives #VALUE! for ARRAYTOTEXT(empty cell, 1), and
    // leaves empty cells empty between the commas of a larger array ({0,,"a"}).
    ['=ARRAYTOTEXT(C1,1)', '#VALUE!'],
    ['=ARRAYTOTEXT(A2:C2,1)', '{1234.01234,"Seattle",}'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula, data)).toBe(expected);
  });
});

describe('what still differs from Excel (pinned): regular expressions', () => {
  test('CHAR reads codes 128-255 in Windows-1252 by default, as Windows Excel (CHAR(128) "€"; Mac Excel\'s set: src/sheet/characterSets.test.ts)', () => {
    expect(one('=CHAR(128)')).toBe('\u20AC');
    expect(one('=UNICODE(CHAR(157))')).toBe(157);
  });
  test('a pattern only PCRE2 reads (a possessive quantifier) is #VALUE! in REGEXTEST, REGEXEXTRACT, REGEXREPLACE', () => {
    expect(one('=REGEXTEST("aaa","a*+")')).toBe('#VALUE!');
  });
});

describe('what still differs from Excel (pinned): array results typed in one cell', () => {
  test('a result whose size depends on the values (UNIQUE, FILTER, computed counts) fills only an array formula over a range', () => {
    expect(evaluateSheet([[1], [2], ['=UNIQUE(A1:A2)']])[2][0]).toEqual({ error: '#VALUE!', message: 'Cell range not allowed.' });
  });
  test('a size known from the formula spills as in Excel', () => {
    const out = evaluateSheet([['=TAKE({1,2;3,4},-1)']]);
    expect(out[0].slice(0, 2)).toEqual([3, 4]);
  });
});

describe('REGEXTEST, REGEXEXTRACT, REGEXREPLACE', () => {
  const data: InputCell[][] = [['Sonia Rees (378) 555-4195', 'DylanWilliams']];
  test.each<[string, unknown]>([
    ['=REGEXTEST("alpha","a")', true],
    ['=REGEXTEST("alpha","^A")', false], // case_sensitivity 0: case matters
    ['=REGEXTEST("alpha","^A",1)', true],
    ['=REGEXEXTRACT(A1,"\\(\\d{3}\\) \\d{3}-\\d{4}")', '(378) 555-4195'],
    ['=REGEXEXTRACT(B1,"[A-Z][a-z]+")', 'Dylan'],
    ['=REGEXEXTRACT("abc","x")', '#N/A'],
    ['=REGEXREPLACE("a1b22","\\d+","#")', 'a#b#'],
    ['=REGEXREPLACE("a1b22","\\d+","#",2)', 'a1b#'],
    ['=REGEXREPLACE("a1b22","\\d+","#",-2)', 'a#b22'],
    ['=REGEXREPLACE("Sonia Rees","(\\w+) (\\w+)","$2, $1")', 'Rees, Sonia'],
    ['=REGEXTEST("a","(")', '#VALUE!'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula, data)).toBe(expected);
  });

  test('return_mode 1 gives every match and 2 the groups, as a row (a group that did not match is #N/A)', () => {
    expect(spill('=REGEXEXTRACT(B1,"[A-Z][a-z]+",1)', 1, 2, data)).toEqual([['Dylan', 'Williams']]);
    expect(spill('=REGEXEXTRACT("1a2b3c","((\\d)[bc]+|(3c))",2)', 1, 3)).toEqual([['2b', '2', '#N/A']]);
  });
});

describe('TRIMRANGE', () => {
  const data: InputCell[][] = [
    [null, null, null],
    [null, 1, null],
    [null, 2, 3],
    [null, null, null],
  ];
  test.each<[string, number, number, unknown[][]]>([
    ['=TRIMRANGE(A1:C4)', 2, 2, [[1, 0], [2, 3]]], // blank rows and columns at both ends cut off; a blank inside is 0
    ['=TRIMRANGE(A1:C4,1,0)', 3, 3, [[0, 1, 0], [0, 2, 3], [0, 0, 0]]], // leading rows only
    ['=TRIMRANGE(A1:C4,2,1)', 3, 2, [[0, 0], [1, 0], [2, 3]]], // trailing rows, leading columns
  ])('%s', (formula, rows, cols, expected) => {
    expect(spill(formula, rows, cols, data)).toEqual(expected);
  });
  test('an empty range is #REF!; trim_rows outside 0 to 3 is #VALUE!', () => {
    expect(one('=ROWS(TRIMRANGE(A1:A4))', data)).toBe('#REF!');
    expect(one('=ROWS(TRIMRANGE(A1:C4,4))', data)).toBe('#VALUE!');
  });
});

describe('an array formula read from a file shows a blank of its result as 0, as Excel', () => {
  test('{=A1:C1} over an empty B1', () => {
    const [sheet] = evaluateWorkbook([{ name: 'S', cells: [[1, null, 3], ['=ARRAYFORMULA(A1:C1)']], arrays: [{ row: 1, col: 0, rows: 1, cols: 3 }] }]);
    expect(sheet.values[1].slice(0, 3)).toEqual([1, 0, 3]);
  });
});
