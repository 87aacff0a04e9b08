/**
 * CONVERT as Excel computes it (src/sheet/convert.ts): the examples of Microsoft's CONVERT page,
 * its prefixes (only before the units that take one), binary prefixes of bits and bytes, and the
 * Analysis ToolPak rule that a range or a logical value where one number is expected is #VALUE!
 * (src/sheet/analysisToolPak.ts).
 */
import { evaluateSheet, evaluateWorkbook, type InputCell, type OutputCell } from './workbook';
import { convert } from './convert';

function one(formula: string, cells: InputCell[][] = []): OutputCell {
  return evaluateSheet([[formula], ...cells.map((r) => [...r])])[0][0];
}
const code = (v: OutputCell): unknown => (typeof v === 'object' && v !== null ? v.error : v);

describe("CONVERT: Microsoft's examples", () => {
  test.each<[string, number | string]>([
    ['=CONVERT(1,"lbm","kg")', 0.45359237],
    ['=CONVERT(68,"F","C")', 20],
    ['=CONVERT(2.5,"ft","sec")', '#N/A'],
    ['=CONVERT(CONVERT(100,"ft","m"),"ft","m")', 9.290304],
  ])('%s is %j', (formula, expected) => {
    const v = one(formula);
    if (typeof expected === 'number') expect(v as number).toBeCloseTo(expected, 9);
    else expect(code(v)).toBe(expected);
  });
});

describe('CONVERT: units, prefixes and kinds', () => {
  test.each<[number, string, string, number]>([
    [1, 'km', 'm', 1000],
    [1, 'dam', 'm', 10],
    [1, 'em', 'm', 10], // deka written "e"
    [1, 'km2', 'm2', 1e6], // a prefix before a squared unit is squared
    [1, 'cm^3', 'l', 0.001],
    [1, 'kibyte', 'bit', 8192],
    [1, 'Mibit', 'bit', 1048576],
    [1, 'kbyte', 'bit', 8000],
    [1, 'psi', 'Pa', 6894.757293168362],
    [1, 'Torr', 'Pa', 101325 / 760],
    [1, 'Pica', 'in', 1 / 72],
    [1, 'pica', 'in', 1 / 6],
    [1, 'eV', 'J', 1.602176487e-19],
    [1, 'HP', 'W', 745.6998715822702],
    [1, 'uk_ton', 'g', 1016046.9088],
    [1, 'us_acre', 'm2', 4046.8726098742522],
    [1, 'pc', 'J', 4.184e-12], // "pc" is a parsec, and beside joules a picocalorie
    [1, 'pc', 'km', 30856775812815.53],
    [0, 'C', 'F', 32],
    [100, 'C', 'K', 373.15],
    [1, 'Reau', 'C', 1.25],
    [1, 'mK', 'K', 0.001],
    [1, 'kn', 'm/h', 1852],
    [1, 'km/h', 'm/s', 1 / 3.6],
  ])('CONVERT(%j,%j,%j) is %j', (x, from, to, expected) => {
    const v = convert(x, from, to);
    expect(typeof v).toBe('number');
    expect((v as number) / expected).toBeCloseTo(1, 12);
  });

  test.each<[string, string]>([
    ['klbm', 'g'], // lbm takes no prefix
    ['kft', 'm'],
    ['kC', 'K'],
    ['kibyte', 'Pa'], // different kinds
    ['kim', 'm'], // a binary prefix only before bit and byte
    ['xyz', 'm'],
    ['m', 'sec'],
  ])('CONVERT(1,%j,%j) is #N/A', (from, to) => {
    expect(code(one(`=CONVERT(1,"${from}","${to}")`))).toBe('#N/A');
  });
});

describe('Analysis ToolPak functions take one value, not a range or TRUE, where one number is expected', () => {
  const row: InputCell[] = [13, 25, true, '=NA()'];
  test.each<[string, unknown]>([
    ['=CONVERT(A2:B2,"C","F")', '#VALUE!'],
    ['=CONVERT(C2,"C","F")', '#VALUE!'],
    ['=CONVERT(A2,"C","F")', 55.4],
    ['=CONVERT(A2:A2,"C","F")', 55.4],
    ['=CONVERT(D2,"C","F")', '#N/A'], // an error is passed on
    ['=ISEVEN(A2:B2)', '#VALUE!'],
    ['=ISODD(TRUE)', '#VALUE!'],
    ['=ERF(C2,A2)', '#VALUE!'],
    ['=EDATE(A2:B2,1)', '#VALUE!'],
    ['=IMREAL({"1+2i","3+4i"})', '#VALUE!'],
    ['=ISEVEN(B2)', false],
    ['=SUM(A2:B2)', 38], // other functions take ranges as before
  ])('%s is %j', (formula, expected) => {
    const v = one(formula, [row]);
    if (typeof expected === 'number') expect(v as number).toBeCloseTo(expected, 9);
    else expect(code(v)).toBe(expected);
  });

  test.each<[string, unknown]>([
    ['=YEARFRAC(1/0,200,-1)', '#NUM!'], // the basis is checked first
    ['=YEARFRAC(NA(),200,1/0)', '#DIV/0!'], // the basis's error before the dates'
    ['=YEARFRAC(-1,200,"plugh")', '#VALUE!'],
    ['=YEARFRAC(2958466,200,0)', '#NUM!'], // after 9999-12-31
    ['=YEARFRAC(-1,200,0)', '#NUM!'],
  ])('YEARFRAC as Excel checks it: %s is %j', (formula, expected) => {
    expect(code(one(formula))).toBe(expected);
  });

  test('in an array formula every cell is #VALUE!', () => {
    const [sheet] = evaluateWorkbook([{ name: 'S', cells: [[13, 25], ['=ARRAYFORMULA(CONVERT(A1:B1,"C","F"))']], arrays: [{ row: 1, col: 0, rows: 1, cols: 2 }] }]);
    expect(sheet.values[1].slice(0, 2).map(code)).toEqual(['#VALUE!', '#VALUE!']);
  });
});
