/**
 * src/sheet/engineering.ts: Excel's engineering, maths and trigonometry rules where HyperFormula's
 * differ, with the values Microsoft's pages give and values Excel computes.
 */
import { evaluateSheet, evaluateWorkbook, type InputCell, type OutputCell } from './workbook';
import { arabic, readBase, readComplexText, roundTo, writeBase } from './engineering';

const code = (v: OutputCell): unknown => (typeof v === 'object' && v !== null ? v.error : v);
function one(formula: string, data: InputCell[][] = []): unknown {
  return code(evaluateSheet([...data.map((r) => [...r]), [formula]])[data.length][0]);
}
function spill(formula: string, rows: number, cols: number): unknown[][] {
  const [sheet] = evaluateWorkbook([{ name: 'S', cells: [[`=ARRAYFORMULA(${formula.slice(1)})`]], arrays: [{ row: 0, col: 0, rows, cols }] }]);
  return sheet.values.slice(0, rows).map((r) => r.slice(0, cols).map(code));
}

describe('base conversions: 10 digits of two\'s complement, either case, places checked first', () => {
  test.each<[string, unknown]>([
    // Microsoft's examples
    ['=HEX2BIN("F",8)', '00001111'],
    ['=HEX2BIN("B7")', '10110111'],
    ['=HEX2BIN("FFFFFFFFFF")', '1111111111'],
    ['=HEX2DEC("FFFFFFFF5B")', -165],
    ['=DEC2BIN(-100)', '1110011100'],
    ['=DEC2HEX(-54)', 'FFFFFFFFCA'],
    ['=BIN2HEX(11111011,4)', '00FB'],
    ['=BIN2HEX(11111011,1)', '#NUM!'],
    // lower-case hexadecimal digits
    ['=HEX2BIN("fffffffffe")', '1111111110'],
    ['=HEX2BIN("e")', '1110'],
    ['=HEX2OCT("e")', '16'],
    ['=HEX2DEC("e")', 14],
    ['=HEX2DEC("f000000000")', -68719476736],
    ['=HEX2OCT("fffffffffe")', '7777777776'],
    ['=HEX2BIN("d5a")', '#NUM!'],
    // DEC2…: "If number is not an integer, it is truncated"
    ['=DEC2BIN(511.7)', '111111111'],
    ['=DEC2BIN(-512.7)', '1000000000'],
    ['=DEC2BIN(512.7)', '#NUM!'],
    ['=DEC2HEX(549755813887.7)', '7FFFFFFFFF'],
    ['=DEC2HEX(-549755813888.7)', '8000000000'],
    ['=DEC2OCT(-536870912.7)', '4000000000'],
    // places: 1 to 10 (truncated), checked before the number; ignored for a negative number
    ['=DEC2BIN("E",0)', '#NUM!'],
    ['=DEC2BIN("E",11)', '#NUM!'],
    ['=DEC2BIN("E",1)', '#VALUE!'],
    ['=DEC2BIN(-25,10)', '1111100111'],
    ['=DEC2BIN(-25,11)', '#NUM!'],
    ['=BIN2HEX(110,"5")', '00006'],
    ['=HEX2OCT("E",2)', '16'],
    // empty text and blanks
    ['=BIN2OCT("")', '0'],
    ['=HEX2BIN("")', '0'],
    ['=DEC2BIN("")', '#VALUE!'],
    ['=HEX2BIN(A1)', '0'],
    ['=DEC2BIN(A1,3)', '000'],
    // no number of the base
    ['=BIN2DEC(2.3)', '#NUM!'],
    ['=HEX2DEC(-1)', '#NUM!'],
    ['=OCT2BIN("a")', '#NUM!'],
    ['=BIN2DEC(10000000000)', '#NUM!'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula, [[null]])).toBe(expected);
  });

  test('the readers and writers', () => {
    expect(readBase('1000000000', 2, 'BIN2DEC')).toBe(-512);
    expect(readBase('7777777777', 8, 'OCT2DEC')).toBe(-1);
    expect(writeBase(-1, 16, 3, 'DEC2HEX')).toBe('FFFFFFFFFF');
    expect(writeBase(512, 2, undefined, 'DEC2BIN')).toHaveProperty('type', 'NUM');
  });
});

describe('bitwise functions: 48-bit whole numbers, the shift amount truncated', () => {
  test.each<[string, unknown]>([
    ['=BITAND(13,25)', 9],
    ['=BITOR(23,10)', 31],
    ['=BITXOR(5,3)', 6],
    ['=BITAND(2^48,25)', '#NUM!'],
    ['=BITAND(2^48-1,2^47+1)', 2 ** 47 + 1],
    ['=BITOR(2^40,1)', 2 ** 40 + 1],
    ['=BITAND(25,2.3)', '#NUM!'],
    ['=BITAND(-1,1)', '#NUM!'],
    ['=BITLSHIFT(4,2)', 16],
    ['=BITLSHIFT(25,2.3)', 100],
    ['=BITRSHIFT(13,2)', 3],
    ['=BITRSHIFT(25,2.3)', 6],
    ['=BITLSHIFT(99,-1)', 49],
    ['=BITLSHIFT(2.3,1)', '#NUM!'],
    ['=BITLSHIFT(1,54)', '#NUM!'],
    ['=BITLSHIFT(A1,"3.3")', 0],
    ['=BITAND("a",1)', '#VALUE!'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula, [[null]])).toBe(expected);
  });

  test('element by element in an array formula', () => {
    expect(spill('=BITLSHIFT({13,25,99},{25,2.3,-1})', 1, 3)).toEqual([[436207616, 100, 49]]);
  });
});

describe('ARABIC reads right to left, subtracting a digit smaller than the largest so far', () => {
  test.each<[string, unknown]>([
    ['=ARABIC("LVII")', 57],
    ['=ARABIC("mcmxii")', 1912],
    ['=ARABIC("IL")', 49],
    ['=ARABIC("IIIIIIV")', -1],
    ['=ARABIC("IILmIIC")', 1046],
    ['=ARABIC("")', 0],
    ['=ARABIC("Vh")', '#VALUE!'],
    ['=ARABIC(0)', '#VALUE!'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula)).toBe(expected);
  });

  test('a leading minus sign', () => {
    expect(arabic('-MMXI')).toBe(-2011);
  });
});

describe('complex numbers as Excel reads and writes them', () => {
  test.each<[string, unknown]>([
    // Microsoft's examples
    ['=IMSUM("3+4i","5-3i")', '8+i'],
    ['=IMPRODUCT("3+4i","5-3i")', '27+11i'],
    ['=IMPRODUCT("1+2i",30)', '30+60i'],
    ['=IMSUB("13+4i","5+3i")', '8+i'],
    ['=IMDIV("-238+240i","10+24i")', '5+12i'],
    ['=IMTAN("4+3i")', '0.00490825806749606+1.00070953606723i'],
    ['=IMCOT("4+3i")', '0.00490118239430447-0.999266927805902i'],
    ['=IMCOT("-3+2i")', '0.0106047834703371-1.035746637765i'],
    // the real part Excel's formula gives (sin 2a over cosh 2b), not 0
    ['=IMTAN("7+25j")', '3.82126757337684E-22+j'],
    ['=IMCOT("7+25j")', '3.82126757337684E-22-j'],
    ['=IMCOT("-13+25j")', '-2.94156899085227E-22-j'],
    ['=IMCOT("13+5j")', '0.0000692442674613868-1.00005873951153j'],
    ['=IMCSC("4+3i")', '-0.0754898329158637+0.0648774713706355i'],
    ['=IMCSC("3.1+2j")', '0.0118908807944521+0.275445903842597j'],
    ['=IMCSC("7+25j")', '1.82483860060804E-11-2.09403043759793E-11j'],
    ['=IMCSC(0)', '#NUM!'],
    // "i" and "j" in one call
    ['=IMPRODUCT("-3+2i","3.1+2j")', '#VALUE!'],
    ['=IMSUM("13+5j","3.1+2j","-3+2i")', '#VALUE!'],
    ['=IMSUB("3.1+2j","-3+2i")', '#NUM!'],
    ['=IMDIV("3.1+2j","-3+2i")', '#NUM!'],
    // arguments left to right: text that is no complex number before a logical value
    ['=IMDIV("yvj",TRUE)', '#NUM!'],
    ['=IMSUB("yvj",TRUE)', '#NUM!'],
    ['=IMPRODUCT(TRUE,"yvj")', '#VALUE!'],
    ['=IMPRODUCT(A1,"-13+25j")', '0'],
    ['=IMDIV("1+i",0)', '#NUM!'],
    ['=IMSUM(A2:B2,C2)', '#REF!'],
    ['=IMSUM(A3:C3)', '23.1+32j'],
  ])('%s is %j', (formula, expected) => {
    const data: InputCell[][] = [
      [null, null, null],
      [{ error: '#REF!' }, '23.1+32j', { error: '#VALUE!' }],
      ['7+25j', '13+5j', '3.1+2j'],
    ];
    expect(one(formula, data)).toBe(expected);
  });

  test('the reader', () => {
    expect(readComplexText('1E-3-2j')).toEqual({ re: 0.001, im: -2, suffix: 'j' });
    expect(readComplexText('-i')).toEqual({ re: 0, im: -1, suffix: 'i' });
    expect(readComplexText('2.5')).toEqual({ re: 2.5, im: 0, suffix: undefined });
    expect(readComplexText('yvj')).toBeUndefined();
  });
});

describe('rounding: num_digits truncated to an integer', () => {
  test.each<[string, unknown]>([
    ['=ROUND(2.15,1)', 2.2],
    ['=ROUND(-1.475,2)', -1.48],
    ['=ROUND(21.5,-1)', 20],
    ['=ROUND(2.55,1)', 2.6],
    ['=ROUND(0.234,1.9)', 0.2],
    ['=ROUND(-222.5,-2)', -200],
    ['=ROUNDUP(3.14159,3)', 3.142],
    ['=ROUNDUP(-3.14159,1)', -3.2],
    ['=ROUNDUP(0.234,1.2)', 0.3],
    ['=ROUNDUP(2.55,-255.5)', 1e255],
    ['=ROUNDUP(-255.5,-2)', -300],
    ['=ROUNDDOWN(3.14159,3)', 3.141],
    ['=ROUNDDOWN(-255.5,-2.5)', -200],
    ['=ROUNDDOWN(0.29*100,0)', 29],
    ['=TRUNC(8.9)', 8],
    ['=TRUNC(-8.9)', -8],
    ['=TRUNC(0.234,1.9)', 0.2],
    ['=ROUND(TRUE,0)', 1],
    ['=ROUND("ciao",0)', '#VALUE!'],
  ])('%s is %j', (formula, expected) => {
    expect(one(formula)).toBe(expected);
  });

  test('element by element in an array formula', () => {
    expect(spill('=ROUND({2.55,-222.5,-2.55},{1,-2,1})', 1, 3)).toEqual([[2.6, -200, -2.6]]);
    expect(roundTo(1.5, -0.5, Math.round)).toBe(2);
  });
});

describe('other maths and trigonometry', () => {
  test.each<[string, unknown]>([
    // CEILING: significance 0 gives 0; Microsoft's examples
    ['=CEILING(2.5,1)', 3],
    ['=CEILING(-2.5,-2)', -4],
    ['=CEILING(-2.5,2)', -2],
    ['=CEILING(1.5,0.1)', 1.5],
    ['=CEILING(0.234,0.01)', 0.24],
    ['=CEILING(0.07,0.01)', 0.07],
    ['=CEILING(5,0)', 0],
    ['=CEILING(0.234,A1)', 0],
    ['=CEILING(2.5,-2)', '#NUM!'],
    ['=CEILING(TRUE,0)', 0],
    // CEILING.MATH / FLOOR.MATH: any nonzero mode
    ['=CEILING.MATH(-5.5,2,-1)', -6],
    ['=CEILING.MATH(-0.6,2,2)', -2],
    ['=CEILING.MATH(-8.1,2)', -8],
    ['=CEILING.MATH(-5.5,2,1)', -6],
    ['=CEILING.MATH(24.3,5)', 25],
    ['=FLOOR.MATH(-5.5,2,-1)', -4],
    ['=FLOOR.MATH(-0.6,2,2)', 0],
    ['=FLOOR.MATH(-8.1,2)', -10],
    ['=FLOOR.MATH(24.3,5)', 20],
    ['=FLOOR.MATH(TRUE)', 1],
    // ACOT: 0 to pi
    ['=ACOT(2)', 0.4636476090008061],
    ['=ACOT(-1)', 2.356194490192345],
    ['=ACOT(0)', Math.PI / 2],
    // POWER
    ['=POWER(5,2)', 25],
    ['=POWER(0,0)', '#NUM!'],
    ['=POWER(0,-1)', '#DIV/0!'],
    ['=POWER(TRUE,2.3)', 1],
    ['=POWER(-8,1/3)', '#NUM!'],
    // GCD / LCM
    ['=GCD(5,2)', 1],
    ['=GCD(24,36)', 12],
    ['=GCD(5.7)', 5],
    ['=GCD(A1)', '#VALUE!'],
    ['=GCD(-0.4,TRUE)', '#VALUE!'],
    ['=GCD(-0.4)', '#NUM!'],
    ['=LCM(24,36)', 72],
    ['=LCM(15.7,63)', 315],
    ['=LCM(0,63,15.7)', 0],
    ['=LCM(A1)', '#VALUE!'],
  ])('%s is %j', (formula, expected) => {
    const got = one(formula, [[null]]);
    if (typeof expected === 'number') expect(got).toBeCloseTo(expected, 12);
    else expect(got).toBe(expected);
  });

  test('a number that is not finite inside an array a function returns is #NUM!, as Excel shows it', () => {
    expect(spill('=ACOS({0,1,2.3,-1})', 1, 4)).toEqual([[Math.PI / 2, 0, '#NUM!', Math.PI]]);
    expect(spill('=LN({1,0,-1})', 1, 3)).toEqual([[0, '#NUM!', '#NUM!']]);
    expect(spill('=SQRT({1,-1,4})', 1, 3)).toEqual([[1, '#NUM!', 2]]);
    expect(spill('=POWER({0,1,2},{-1,2,3})', 1, 3)).toEqual([['#DIV/0!', 1, 8]]);
  });

  test('MMULT passes on the first error value of its arrays', () => {
    const data: InputCell[][] = [[{ error: '#N/A' }, { error: '#DIV/0!' }, { error: '#NAME?' }], [1, 2, { error: '#NULL!' }]];
    expect(one('=MMULT(A1:B1,C1:C2)', data)).toBe('#N/A');
    expect(one('=MMULT(A2:B2,C1:C2)', data)).toBe('#NAME?');
    expect(one('=MMULT(A2:B2,{1;2})', data)).toBe(5);
    expect(one('=MMULT(A2:B2,{"a";2})', data)).toBe('#VALUE!');
  });
});

describe('dates: every argument truncated, date text read as its serial', () => {
  test.each<[string, unknown]>([
    // Microsoft's examples
    ['=EDATE(DATE(2011,1,15),1)', 40589],
    ['=EDATE(DATE(2011,1,15),-1)', 40527],
    ['=EDATE(DATE(2011,1,15),2)', 40617],
    ['=EOMONTH(DATE(2011,1,1),1)', 40602],
    ['=EOMONTH(DATE(2011,1,1),-3)', 40482],
    ['=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30))', 0.580555555555556],
    ['=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),1)', 0.576502732240437],
    ['=YEARFRAC(DATE(2012,1,1),DATE(2012,7,30),3)', 0.578082191780822],
    // truncation and text
    ['=EDATE(1,".55")', 1],
    ['=EOMONTH(1,".55")', 31],
    ['=EDATE(8,"2")', 68],
    ['=EOMONTH(8,"2")', 91],
    ['=EDATE(0,0)', 0],
    ['=EOMONTH(0,0)', 31],
    ['=EDATE(DATE(2011,1,31),1)', 40602],
    ['=EDATE(-1,1)', '#NUM!'],
    ['=EDATE(TRUE,0)', '#VALUE!'],
    ['=YEARFRAC(1,345,2.9)', 344 / 360],
    ['=YEARFRAC(2.9,345,"3")', 343 / 365],
    ['=YEARFRAC(4,345)', 336 / 360],
    ['=YEARFRAC(1,345,5)', '#NUM!'],
    ['=YEARFRAC(1,345,"abc")', '#VALUE!'],
    ['=YEARFRAC(1,345,"")', '#VALUE!'],
    // the basis is checked before the dates: text that is no number #VALUE!, date text its serial
    ['=YEARFRAC(1/0,200,"plugh")', '#VALUE!'],
    ['=YEARFRAC(-1,200,"plugh")', '#VALUE!'],
    ['=YEARFRAC(0,345,"1/1/1987 05:00 AM")', '#NUM!'],
    ['=YEARFRAC(1,345,"3")', 344 / 365],
    ['=YEARFRAC(1/0,200,TRUE)', '#VALUE!'],
    // DATEDIF "YD": the end's month and day in the start's year, Excel's 1900-02-29 counted
    ['=DATEDIF(DATE(2001,6,1),DATE(2002,8,15),"YD")', 75],
    ['=DATEDIF(DATE(2001,9,1),DATE(2002,8,15),"yd")', 348],
    ['=DATEDIF(8,1987,"YD")', 153],
    ['=DATEDIF(5,1,"YD")', '#NUM!'],
    ['=DATEDIF(DATE(2001,1,1),DATE(2003,1,1),"Y")', 2],
    // basis 1 over more than a year: the average of the years' lengths, 1900 of 365 days
    ['=YEARFRAC(1987,345,1)', 1642 / (2191 / 6)],
    ['=YEARFRAC(DATE(2011,3,1),DATE(2012,2,29),1)', 365 / 366],
    // basis 4 (European 30/360)
    ['=YEARFRAC(DATE(1987,1,1),345,4)', 30981 / 360],
    // after 9999-12-31
    ['=DAY(2958465)', 31],
    ['=DAY(2958466)', '#NUM!'],
    ['=YEAR(2958466)', '#NUM!'],
    // date text before 1900-01-01 is text, not a date
    ['=YEAR("7/5/1800")', '#VALUE!'],
    ['="12/31/1899"+0', '#VALUE!'],
    ['=YEAR("7/5/1900")', 1900],
    ['="12:00"+0', 0.5],
  ])('%s is %j', (formula, expected) => {
    const got = one(formula);
    if (typeof expected === 'number') expect(got).toBeCloseTo(expected, 12);
    else expect(got).toBe(expected);
  });

  test('date text as the months', () => {
    expect(one('=EDATE(0.7,A1)', [['1/1/1987 02:00 AM']])).toBe(967223);
    expect(one('=EOMONTH(0.7,A1)', [['1/1/1987 02:00 AM']])).toBe(967254);
  });
});

describe('FACTDOUBLE, LOG, SUMPRODUCT and PERCENTOF as Excel checks them', () => {
  test.each<[string, unknown]>([
    ['=FACTDOUBLE(6)', 48],
    ['=FACTDOUBLE(7)', 105],
    ['=FACTDOUBLE(-1)', 1],
    ['=FACTDOUBLE(-1.1)', '#NUM!'],
    ['=FACTDOUBLE("2.3")', 2],
    ['=LOG(10)', 1],
    ['=LOG(1000)', 3],
    ['=LOG(8,2)', 3],
    ['=LOG(86,2.7182818)', 4.454347342888287],
    ['=LOG(0,"ciao")', '#VALUE!'],
    ['=LOG(2.3,0)', '#NUM!'],
    ['=LOG(2,1)', '#DIV/0!'],
    ['=SUMPRODUCT({1,2},{3,4})', 11],
    ['=SUMPRODUCT({1,2},{3,4,5})', '#VALUE!'],
    ['=SUMPRODUCT(A1:B1,{3,4,5})', '#NUM!'],
    ['=PERCENTOF({1,2},{1,2,3,4})', 0.3],
    ['=PERCENTOF(A1:B1,{1,2})', '#NUM!'],
    ['=PERCENTOF({1,2},A1:B1)', '#NUM!'],
  ])('%s is %j', (formula, expected) => {
    const got = one(formula, [[{ error: '#NUM!' }, { error: '#REF!' }]]);
    if (typeof expected === 'number') expect(got).toBeCloseTo(expected, 12);
    else expect(got).toBe(expected);
  });
});
