/**
 * The functions of src/sheet/moreFunctions.ts with the examples of Microsoft's pages (results as
 * the pages give them, to their digits).
 */
import { evaluateSheet, evaluateWorkbook, type InputCell, type OutputCell } from './workbook';

const code = (v: OutputCell): unknown => (typeof v === 'object' && v !== null ? v.error : v);
function one(formula: string, data: InputCell[][] = []): unknown {
  return code(evaluateSheet([...data.map((r) => [...r]), [formula]])[data.length][0]);
}
function spill(formula: string, rows: number, cols: number): unknown[][] {
  const [sheet] = evaluateWorkbook([{ name: 'S', cells: [[`=ARRAYFORMULA(${formula.slice(1)})`]], arrays: [{ row: 0, col: 0, rows, cols }] }]);
  return sheet.values.slice(0, rows).map((r) => r.slice(0, cols).map(code));
}

describe('byte-counting text functions without a DBCS default language count characters', () => {
  test.each<[string, unknown]>([
    ['=FINDB("ia","山田太郎ciao")', 6],
    ['=SEARCHB("BASE","database")', 5],
    ['=LEFTB("ciao",1)', 'c'],
    ['=RIGHTB("ciao",1)', 'o'],
    ['=MIDB("ciao",1,2)', 'ci'],
    ['=LENB("ciao")', 4],
    ['=REPLACEB("ciao",2,0,"vvv")', 'cvvviao'],
    ['=ASC("ＥＸＣＥＬ　１")', 'EXCEL 1'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula)).toBe(expected);
  });
});

describe('engineering and statistics (Microsoft examples)', () => {
  test.each<[string, number, number]>([
    ['=ERF.PRECISE(0.745)', 0.70792892, 8],
    ['=ERF.PRECISE(1)', 0.84270079, 8],
    ['=ERFC.PRECISE(1)', 0.15729921, 8],
    ['=GESTEP(5,4)', 1, 12],
    ['=GESTEP(5,5)', 1, 12],
    ['=GESTEP(-4,-5)', 1, 12],
    ['=GESTEP(-1)', 0, 12],
    ['=PERMUTATIONA(3,2)', 9, 12],
    ['=PERMUTATIONA(2,2)', 4, 12],
    ['=PERCENTRANK.INC({13,12,11,8,4,3,2,1,1,1},2)', 0.333, 12],
    ['=PERCENTRANK.INC({13,12,11,8,4,3,2,1,1,1},4)', 0.555, 12],
    ['=PERCENTRANK.INC({13,12,11,8,4,3,2,1,1,1},8)', 0.666, 12],
    ['=PERCENTRANK.INC({13,12,11,8,4,3,2,1,1,1},5)', 0.583, 12],
    ['=PERCENTRANK.EXC({1,2,3,6,6,6,7,8,9},7)', 0.7, 12],
    ['=PERCENTRANK.EXC({1,2,3,6,6,6,7,8,9},5.43)', 0.381, 12],
    ['=PERCENTRANK.EXC({1,2,3,6,6,6,7,8,9},5.43,1)', 0.3, 12],
    ['=TRIMMEAN({4,5,6,7,2,3,4,5,1,2,3},0.2)', 3.777777778, 9],
    ['=PROB({0,1,2,3},{0.2,0.3,0.1,0.4},2)', 0.1, 12],
    ['=PROB({0,1,2,3},{0.2,0.3,0.1,0.4},1,3)', 0.8, 12],
    ['=BINOM.DIST.RANGE(60,0.75,48)', 0.084, 3],
    ['=BINOM.DIST.RANGE(60,0.75,45,50)', 0.524, 3],
    ['=INDEX(LOGEST({33100;47300;69000;102000;150000;220000},{11;12;13;14;15;16}),1,1)', 1.463275628, 9],
    ['=INDEX(LOGEST({33100;47300;69000;102000;150000;220000},{11;12;13;14;15;16}),1,2)', 495.3047702, 7],
    ['=INDEX(GROWTH({33100;47300;69000;102000;150000;220000},{11;12;13;14;15;16},{17;18}),1,1)', 320196.7184, 4],
    ['=INDEX(GROWTH({33100;47300;69000;102000;150000;220000},{11;12;13;14;15;16},{17;18}),2,1)', 468536.054, 2], // 495.3047702 × 1.463275628^18 (the page's b and m)
    ['=PERCENTOF({10,20},{10,20,30,40})', 0.3, 12],
    ['=MDETERM({1,3,8,5;1,3,6,1;1,1,1,0;7,3,10,2})', 88, 9],
    ['=MDETERM({3,6,1;1,1,0;3,10,2})', 1, 9],
    ['=MDETERM({3,6;1,1})', -3, 9],
    ['=T.TEST({3,4,5,8,9,1,2,4,5},{6,19,3,2,14,4,5,17,1},2,1)', 0.196016, 6], // Microsoft's T.TEST example
    ['=TTEST({3,4,5,8,9,1,2,4,5},{6,19,3,2,14,4,5,17,1},2,1)', 0.196016, 6],
  ])('%s is %j', (formula, expected, digits) => {
    const v = one(formula);
    expect(typeof v).toBe('number');
    expect(v as number).toBeCloseTo(expected, digits);
  });

  test.each<[string, unknown]>([
    ['=PERCENTRANK.INC({1,2,3},5)', '#N/A'],
    ['=TRIMMEAN({1,2,3},1)', '#NUM!'],
    ['=PROB({0,1},{0.5,0.6},0)', '#NUM!'], // the probabilities must add up to 1
    ['=MODE.MULT({1,2,3})', '#N/A'],
    ['=MDETERM({1,2,3;4,5,6})', '#VALUE!'],
    ['=MINVERSE({1,2;2,4})', '#NUM!'],
    ['=T.TEST({1,2,3},{1,2},2,1)', '#N/A'], // paired arrays of different sizes
    ['=T.TEST({1,2,3},{4,5,6},3,2)', '#NUM!'], // tails must be 1 or 2
    ['=T.TEST({1},{4,5,6},2,2)', '#DIV/0!'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula)).toBe(expected);
  });

  test('MINVERSE({4,-1;2,0}) is {0,0.5;-1,2}; MODE.MULT gives each most frequent number in a column', () => {
    expect(spill('=MINVERSE({4,-1;2,0})', 2, 2)).toEqual([[0, 0.5], [-1, 2]]);
    expect(spill('=MODE.MULT({1,2,3,4,3,2,1,2,3})', 2, 1)).toEqual([[2], [3]]);
  });
});

describe('XMATCH next smaller (-1) / next larger (1) across kinds, in Excel\'s sort order (numbers, text, FALSE, TRUE)', () => {
  test.each<[string, unknown]>([
    ['=XMATCH(3,{FALSE,2.1,TRUE,4.1},-1)', 2], // FALSE and TRUE sort after every number
    ['=XMATCH(TRUE,{FALSE,2.1,TRUE,4.1},-1)', 3],
    ['=XMATCH("x",{FALSE,2.1,TRUE,4.1},-1)', 4], // text sorts after numbers, before logical values
    ['=XMATCH(-2,{"a",TRUE,2.1,"c",4.1},1)', 3],
    ['=XMATCH("*b",{"a",2.1,"c",4.1},1)', 1],
    ['=XMATCH(-2,{FALSE,2.1,TRUE,4.1},-1)', '#N/A'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula)).toBe(expected);
  });
});

describe('MATCH, VLOOKUP and HLOOKUP over an array written in the formula (src/sheet/arrayLookups.ts)', () => {
  test.each<[string, unknown]>([
    ['=MATCH("b",{"a","b","c"},0)', 2],
    ['=MATCH("B*",{"a","bau","c"},0)', 2], // without case, with wildcards
    ['=MATCH(2.5,{1,2,3})', 2], // the largest value ≤ 2.5
    ['=MATCH(2.5,{3,2,1},-1)', 1], // the smallest value ≥ 2.5, descending
    ['=MATCH(9,{"a","b"},0)', '#N/A'],
    ['=VLOOKUP(2,{1,"one";2,"two";3,"three"},2,FALSE)', 'two'],
    ['=VLOOKUP(2.5,{1,"one";2,"two";3,"three"},2)', 'two'],
    ['=HLOOKUP("b",{"a","b";10,20},2,0)', 20],
    ['=VLOOKUP(2,{1,"one";2,"two"},3,FALSE)', '#REF!'],
    ['=VLOOKUP(2,{1,"one";2,"two"},0,FALSE)', '#VALUE!'],
    ['=VLOOKUP(2,{1,5;2,6},{2,1},0)', 6], // in one cell's formula the first index counts
  ])('%s is %j', (formula, expected) => {
    expect(one(formula)).toBe(expected);
  });
});

describe('IM… results written as Excel writes them (src/sheet/complexText.ts)', () => {
  test.each<[string, unknown]>([
    ['=IMSUM("3+4i","5-3i")', '8+i'], // Microsoft's IMSUM example
    ['=IMSUM("3+4j","5-3j")', '8+j'], // the arguments' suffix is kept
    ['=IMPRODUCT("3+4i","5-3i")', '27+11i'], // Microsoft's IMPRODUCT example
    ['=IMSUB("13+4j","5+3j")', '8+j'], // Microsoft's IMSUB example, with j
    ['=IMCOS("1+i")', '0.833730025131149-0.988897705762865i'], // 15 significant digits (Microsoft: 0.833730025131149-0.988897705762865i)
    ['=IMEXP("-13-0.13i")', '2.24125650720536E-06-2.93015864712072E-07i'], // scientific below 1E-05
    ['=IMCONJUGATE("3+4j")', '3-4j'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula)).toBe(expected);
  });
});

describe('CHOOSE and ISREF as Microsoft documents them (src/sheet/referenceFunctions.ts)', () => {
  const data: InputCell[][] = [[1, '=NA()', 'x']];
  test.each<[string, unknown]>([
    ['=CHOOSE(2,"1st","2nd","3rd","Finished")', '2nd'], // Microsoft's example
    ['=CHOOSE(2.9,"a","b","c")', 'b'], // a fraction is truncated
    ['=CHOOSE(0,"a","b")', '#VALUE!'],
    ['=CHOOSE(3,"a","b")', '#VALUE!'],
    ['=CHOOSE(1,"a",1/0)', 'a'], // only the value chosen is evaluated
    ['=ISREF(A1)', true],
    ['=ISREF(B1)', true], // a reference to an error is a reference
    ['=ISREF(A1:C1)', true],
    ['=ISREF(INDEX(A1:C1,1,2))', true],
    ['=ISREF(5)', false],
    ['=ISREF("A1")', false],
    ['=AREAS(A1:C1)', 1],
    ['=AREAS(B1)', 1], // a cell holding an error is one area
    ['=AREAS(5)', '#VALUE!'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula, data)).toBe(expected);
  });
});

describe('NUMBERVALUE (Microsoft examples; a negative amount in parentheses; an error passed on)', () => {
  test.each<[string, unknown]>([
    ['=NUMBERVALUE("2.500,27",",",".")', 2500.27],
    ['=NUMBERVALUE("3.5%")', 0.035],
    ['=NUMBERVALUE("(2.500,27)",",",".")', -2500.27],
    ['=NUMBERVALUE("(2,500.27%)%",".",",")', -0.250027],
    ['=NUMBERVALUE(NA())', '#N/A'],
  ])('%s is %j', (formula, expected) => {
    const v = one(formula);
    if (typeof expected === 'number') expect(v as number).toBeCloseTo(expected, 12);
    else expect(v).toBe(expected);
  });
});

describe('AND, OR, XOR: text and empty cells of a reference are ignored (src/sheet/referenceFunctions.ts)', () => {
  const data: InputCell[][] = [[true, null, 'text', 0]];
  test.each<[string, unknown]>([
    ['=AND(B1,TRUE)', true], // an empty cell is ignored
    ['=AND(C1,TRUE)', true], // text in a reference is ignored
    ['=AND(A1:C1)', true],
    ['=OR(B1:C1,D1)', false],
    ['=AND(B1:C1)', '#VALUE!'], // no logical value at all
    // Text given directly that is not TRUE/FALSE is ignored as well (Excel: AND(TRUE,"0") is TRUE)
    ['=AND("x",TRUE)', true],
    ['=AND("x")', '#VALUE!'], // and then no logical value at all
    ['=XOR(TRUE,TRUE,A1)', true],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula, data)).toBe(expected);
  });
});
