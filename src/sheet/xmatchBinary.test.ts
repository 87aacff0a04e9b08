/**
 * XMATCH's and XLOOKUP's binary search (search_mode 2 / -2). Microsoft's XMATCH and XLOOKUP pages:
 * "Perform a binary search that relies on lookup_array being sorted in ascending order. If not
 * sorted, invalid results will be returned." Excel halves the range and returns what it lands on;
 * the cells below are those of issue 11's real-Excel corpus (test_test_files_test.xlsx, saved by
 * Excel 365) whose cached values our linear search did not give, with Excel's values.
 */
import { evaluateSheet, type OutputCell } from './workbook';

function one(formula: string, cells: OutputCell[][] = []): OutputCell {
  const v = evaluateSheet([[formula], ...cells.map((r) => [...r] as never[])])[0][0];
  return v !== null && typeof v === 'object' ? v.error : v;
}

describe('over sorted data a binary search finds what a linear search finds', () => {
  test.each<[string, OutputCell]>([
    ['=XMATCH(5,{1,3,5,7,9},0,2)', 3],
    ['=XMATCH(6,{1,3,5,7,9},0,2)', '#N/A'],
    ['=XMATCH(6,{1,3,5,7,9},-1,2)', 3],
    ['=XMATCH(6,{1,3,5,7,9},1,2)', 4],
    ['=XMATCH(10,{1,3,5,7,9},1,2)', '#N/A'],
    ['=XMATCH(0,{1,3,5,7,9},-1,2)', '#N/A'],
    ['=XMATCH(6,{9,7,5,3,1},-1,-2)', 3],
    ['=XMATCH(6,{9,7,5,3,1},1,-2)', 2],
    ['=XMATCH(9,{9,7,5,3,1},0,-2)', 1],
    ['=XMATCH("C",{"a","b","c","d"},0,2)', 3], // text without regard to case
    ['=XLOOKUP(6,{1,3,5,7,9},{"a","b","c","d","e"},"none",-1,2)', 'c'],
    ['=XLOOKUP(6,{9,7,5,3,1},{"a","b","c","d","e"},"none",1,-2)', 'b'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula)).toBe(expected);
  });
});

describe("over unsorted data it lands where Excel's halving lands (issue 11's corpus)", () => {
  test.each<[string, OutputCell]>([
    // EXTRA!K79, K80, L87, L88, K83, L89, L92, L93, L94
    ['=XMATCH(4.1,{"","a",1.1,4.1},0,2)', '#N/A'],
    ['=XMATCH(4.1,{"","a",1.1,4.1},0,-2)', '#N/A'],
    ['=XMATCH(1,{1,2,2.1,3,4.1},0,-2)', '#N/A'],
    ['=XMATCH(1,{4.1,3,2.1,2,1},1,2)', 1],
    ['=XMATCH(4.1,{2,"s","a",4.1,1.1},1,2)', 2],
    ['=XMATCH(FALSE,{"a",4.1,3,2.1,2,TRUE,"b"},-1,2)', 5],
    ['=XMATCH(FALSE,{"a",FALSE,4.1,3,2.1,2,FALSE,"b"},1,-2)', 2],
    ['=XMATCH(FALSE,{"a",FALSE,4.1,3,2.1,2,FALSE,"b"},-1,-2)', 2],
    ['=XMATCH(FALSE,{"a",2,FALSE,4.1,3,2.1,2,FALSE,9,9},-1,2)', 8],
    // LOOKUP!S177…Y177 (and row 186): -2, 1.1, 3, 4, 4.1, a blank cell, "*b?u*", TRUE
    ['=XMATCH(-2,{TRUE,4.1,FALSE,1.1},-1,2)', '#N/A'],
    ['=XMATCH(1.1,{TRUE,4.1,FALSE,1.1},-1,2)', '#N/A'],
    ['=XMATCH(4.1,{TRUE,4.1,FALSE,1.1},-1,2)', 2],
    ['=XMATCH(A2,{TRUE,4.1,FALSE,1.1},-1,2)', 4],
    ['=XMATCH("*b?u*",{TRUE,4.1,FALSE,1.1},-1,2)', 2],
    ['=XMATCH(TRUE,{TRUE,4.1,FALSE,1.1},-1,2)', 4],
    // LOOKUP row 176 (next larger) and 185 (next smaller) over {"",4.1,"a",1.1}
    ['=XMATCH(-2,{"",4.1,"a",1.1},1,2)', 1],
    ['=XMATCH(3,{"",4.1,"a",1.1},1,2)', 1],
    ['=XMATCH(A2,{"",4.1,"a",1.1},1,2)', '#N/A'],
    ['=XMATCH("*b?u*",{"",4.1,"a",1.1},1,2)', 3],
    ['=XMATCH(3,{"",4.1,"a",1.1},-1,2)', '#N/A'],
    ['=XMATCH(A2,{"",4.1,"a",1.1},-1,2)', 4],
    ['=XMATCH("*b?u*",{"",4.1,"a",1.1},-1,2)', 2],
    // LOOKUP!U168…Y169: XLOOKUP(…,1,1,2)
    ['=XLOOKUP(4,{TRUE,4.1,FALSE,1.1},{"L","ML","MR","R"},1,1,2)', 'L'],
    ['=XLOOKUP(A2,{TRUE,4.1,FALSE,1.1},{"L","ML","MR","R"},1,1,2)', 1],
    ['=XLOOKUP("b",{TRUE,4.1,FALSE,"b"},{"L","ML","MR","R"},1,1,2)', 'MR'],
    ['=XLOOKUP(TRUE,{TRUE,4.1,FALSE,"b"},{"L","ML","MR","R"},1,1,2)', 1],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula, [[null]])).toBe(expected);
  });

  test.each([
    '=XMATCH(3,{4.1,3.1,2.1,1.1},2,2)',
    '=XMATCH("*b?u*",{"c bau c",4.1,"a",1.1},2,-2)',
    '=XLOOKUP("a*",{"a","b"},{1,2},0,2,2)',
  ])('wildcards with a binary search: %s is #VALUE! (LOOKUP rows 183 and 184)', (formula) => {
    expect(one(formula)).toBe('#VALUE!');
  });
});

describe("XLOOKUP's match_mode and search_mode (issue 11's corpus, LOOKUP!AH162:AO169)", () => {
  test.each<[string, OutputCell]>([
    // search_mode -1.1 is rounded down to -2, a binary search from the end (AH162 "R", AL162 1, AM162 "L")
    ['=XLOOKUP(-1.1,{-1.1,2.1,3.1,4.1},{"L","ML","MR","R"},1,1,-1.1)', 'R'],
    ['=XLOOKUP(4.1,{-1.1,2.1,3.1,4.1},{"L","ML","MR","R"},1,1,-1.1)', 1],
    ['=XLOOKUP(A2,{-1.1,2.1,3.1,4.1},{"L","ML","MR","R"},1,-1,-1.1)', 'L'],
    ['=XLOOKUP(3,{-1.1,2.1,3.1,4.1},{"L","ML","MR","R"},1,2,-1.1)', '#VALUE!'],
    // search_mode 0, -3 and 3 and match_mode 4 are not among their values
    ['=XLOOKUP(2.1,{-1.1,2.1,3.1,4.1},{"L","ML","MR","R"},1,0,0)', '#VALUE!'],
    ['=XLOOKUP(2.1,{-1.1,2.1,3.1,4.1},{"L","ML","MR","R"},1,0,-3)', '#VALUE!'],
    ['=XLOOKUP(2.1,{-1.1,2.1,3.1,4.1},{"L","ML","MR","R"},1,0,3)', '#VALUE!'],
    ['=XLOOKUP(2.1,{-1.1,2.1,3.1,4.1},{"L","ML","MR","R"},1,4,1)', '#VALUE!'],
    // match_mode 3 (Microsoft 365's regular-expression match) takes a pattern: a number is #VALUE!
    ['=XLOOKUP(2.1,{-1.1,2.1,3.1,4.1},{"L","ML","MR","R"},1,3,1)', '#VALUE!'],
    ['=XLOOKUP(2.1,{-1.1,2.1,3.1,4.1},{"L","ML","MR","R"},1,0,1)', 'ML'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula, [[null]])).toBe(expected);
  });
});

describe('what still differs from Excel (pinned): text equality in XMATCH', () => {
  test('"ß" does not equal "ss" (Excel: XMATCH("ß",{1,"ss",2.1,"c bau c",4.1},0) is 2, corpus EXTRA!L75)', () => {
    expect(one('=XMATCH("ß",{1,"ss",2.1,"c bau c",4.1},0)')).toBe('#N/A');
  });
});

describe('match_mode 3: a regular expression tested against the text values (Microsoft 365)', () => {
  test.each<[string, OutputCell]>([
    // EXTRA!O76: XMATCH("ß",{1,"ss",2.1,"c bau c",4.1},3) is #N/A in Excel (no text matches the pattern)
    ['=XMATCH("ß",{1,"ss",2.1,"c bau c",4.1},3)', '#N/A'],
    ['=XMATCH("b.u",{1,"ss",2.1,"c bau c",4.1},3)', 4], // a part matching suffices
    ['=XMATCH("^C",{"c bau c","Cat"},3)', 2], // case counts
    ['=XMATCH("a",{"a","ba"},3,-1)', 2],
    ['=XLOOKUP("^b",{"a","bb","bc"},{1,2,3},"none",3)', 2],
    ['=XLOOKUP("^z",{"a","bb","bc"},{1,2,3},"none",3)', 'none'],
    ['=XMATCH("1",{1,"1"},3)', 2], // numbers are not text
    ['=XMATCH("(",{"a"},3)', '#VALUE!'],
    ['=XMATCH("a",{"a"},3,2)', '#VALUE!'],
    ['=XMATCH(1,{1},3)', '#VALUE!'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula)).toBe(expected);
  });
});
