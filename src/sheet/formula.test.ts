import { arrayFormula, cellAddress, columnLetters, columnNumber, normalizeFormula, parseAddress, shiftFormula } from './formula';

describe('normalizeFormula', () => {
  it.each([
    ['=_xlfn.CONCAT(A1,B1)', '=CONCAT(A1,B1)'],
    ['_xlfn._xlws.SORT(A1:A9)', '=SORT(A1:A9)'],
    ['=_xludf.CYBER.LOSTPROFIT(C45,C21)', '=CYBER.LOSTPROFIT(C45,C21)'],
    ['=_xldudf_CYBER_LOSTPROFIT(C45,C21)', '=CYBER.LOSTPROFIT(C45,C21)'],
    ['=_XLDUDF_CYBER_BIPAYOUT(1,2,3,4)', '=CYBER.BIPAYOUT(1,2,3,4)'],
    ['=_xlfn.LET(_xlpm.x,2,_xlpm.x*3)', '=LET(x,2,x*3)'],
    ['=IF(A1,TRUE,false)', '=IF(A1,TRUE(),FALSE())'],
    ['=TRUE()+FALSE ()', '=TRUE()+FALSE ()'],
    ['=CYBER.PROFITRATE(1,0,0,0, TRUE )', '=CYBER.PROFITRATE(1,0,0,0, TRUE() )'],
  ])('%s → %s', (given, expected) => {
    expect(normalizeFormula(given)).toBe(expected);
  });

  it('leaves string literals and quoted sheet names alone', () => {
    // A doubled quote is one quote inside Excel's string (HyperFormula's lexer has no such escape):
    // the text is kept, written as its pieces joined by CHAR(34).
    expect(normalizeFormula('=CONCAT("_xlfn.X TRUE", \'_xlfn. TRUE\'!A1, "say ""_xludf.""")')).toBe(
      '=CONCAT("_xlfn.X TRUE", \'_xlfn. TRUE\'!A1, ("say "&CHAR(34)&"_xludf."&CHAR(34)&""))',
    );
  });

  it('wraps an array formula once', () => {
    expect(arrayFormula('SUM(A1:A3*B1:B3)')).toBe('=ARRAYFORMULA(SUM(A1:A3*B1:B3))');
    expect(arrayFormula('=ARRAYFORMULA(A1:A3*2)')).toBe('=ARRAYFORMULA(A1:A3*2)');
  });
});

describe('shiftFormula (shared formulas)', () => {
  it.each([
    ['=A1+B$2*$C3+$D$4', 2, 1, '=B3+C$2*$C5+$D$4'],
    ['=SUM(A1:B2)', 1, 0, '=SUM(A2:B3)'],
    ['=CYBER.LOSTPROFIT(C45,C21,Sheet2!A1)', 3, 0, '=CYBER.LOSTPROFIT(C48,C24,Sheet2!A4)'],
    ['=LOG10(A1)&"A1"', 1, 1, '=LOG10(B2)&"A1"'],
    ['=SUM(A:A)+SUM(1:2)', 1, 1, '=SUM(B:B)+SUM(2:3)'],
    ['=A2', -2, 0, '=#REF!'],
    ["='Q1 A1'!B2", 1, 0, "='Q1 A1'!B3"],
    ['=Rate1Name+1.5E+3', 5, 5, '=Rate1Name+1.5E+3'],
  ])('%s moved %i rows, %i cols → %s', (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });
});

describe('addresses', () => {
  it('converts between letters and numbers', () => {
    expect(columnNumber('A')).toBe(1);
    expect(columnNumber('xfd')).toBe(16384);
    expect(columnLetters(28)).toBe('AB');
    expect(cellAddress(21, 3)).toBe('C21');
    expect(parseAddress('$C$21')).toEqual({ row: 21, col: 3 });
    expect(parseAddress('XFE1')).toBeUndefined();
    expect(parseAddress('A0')).toBeUndefined();
  });
});
