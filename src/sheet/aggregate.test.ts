/**
 * AGGREGATE as Microsoft's AGGREGATE page documents it (src/sheet/aggregate.ts), through
 * evaluateWorkbook: the 19 functions against the plain functions and values computed by hand or
 * with numpy (scripts/golden/aggregate.py), the 8 options with nested SUBTOTAL/AGGREGATE cells,
 * error cells and rows hidden by Hide Rows or by a filter, the array form with k, the errors.
 */
import { evaluateWorkbook, type SheetInput } from './workbook';

const err = (code: string) => expect.objectContaining({ error: code });

/** D1:D8 = 3, 1, 4, 1, 5, 9, 2, 6; the formulas in column F. */
function plainSheet(formulas: string[]): unknown[] {
  const d = [3, 1, 4, 1, 5, 9, 2, 6];
  const n = Math.max(d.length, formulas.length);
  const cells = Array.from({ length: n }, (_, r) => [null, null, null, d[r] ?? null, null, formulas[r] ?? null]);
  return evaluateWorkbook([{ name: 'P', cells }])[0].values.map((row) => row[5]);
}

describe('each function_num is the plain function of the same values (option 4: nothing left out)', () => {
  // [function_num, the plain function's formula, the value by hand / numpy]
  const cases: Array<[number, string, number]> = [
    [1, 'AVERAGE(D1:D8)', 3.875],
    [2, 'COUNT(D1:D8)', 8],
    [3, 'COUNTA(D1:D8)', 8],
    [4, 'MAX(D1:D8)', 9],
    [5, 'MIN(D1:D8)', 1],
    [6, 'PRODUCT(D1:D8)', 6480],
    [7, 'STDEV.S(D1:D8)', 2.748376143938713],
    [8, 'STDEV.P(D1:D8)', 2.5708704751503917],
    [9, 'SUM(D1:D8)', 31],
    [10, 'VAR.S(D1:D8)', 7.553571428571429],
    [11, 'VAR.P(D1:D8)', 6.609375],
    [12, 'MEDIAN(D1:D8)', 3.5],
    [13, 'MODE.SNGL(D1:D8)', 1],
  ];
  const arrayCases: Array<[number, number, string, number]> = [
    [14, 3, 'LARGE(D1:D8,3)', 5],
    [15, 2, 'SMALL(D1:D8,2)', 1],
    [16, 0.3, 'PERCENTILE.INC(D1:D8,0.3)', 2.1],
    [17, 1, 'QUARTILE.INC(D1:D8,1)', 1.75],
    [18, 0.3, 'PERCENTILE.EXC(D1:D8,0.3)', 1.7],
    [19, 3, 'QUARTILE.EXC(D1:D8,3)', 5.75],
  ];
  test.each(cases)('function_num %i', (fn, plain, expected) => {
    const [agg, direct, omitted] = plainSheet([`=AGGREGATE(${fn},4,D1:D8)`, `=${plain}`, `=AGGREGATE(${fn},,D1:D8)`]);
    expect(agg).toBeCloseTo(expected, 12);
    expect(agg).toBe(direct);
    expect(omitted).toBe(direct); // options omitted = 0: nothing here to leave out
  });
  test.each(arrayCases)('function_num %i (array form, k = %d)', (fn, k, plain, expected) => {
    const plainOfBlank = plain.replace(/,[^,]*\)$/, ',G1)');
    const [agg, direct, fromCell, directOfBlank] = plainSheet([`=AGGREGATE(${fn},4,D1:D8,${k})`, `=${plain}`, `=AGGREGATE(${fn},0,D1:D8,G1)`, `=${plainOfBlank}`]);
    expect(agg).toBeCloseTo(expected, 12);
    expect(agg).toBe(direct);
    // k a blank cell is 0: LARGE's k ≤ 0, PERCENTILE.EXC's k outside (0, 1) are #NUM!, the .INC minimum is 1.
    expect(fromCell).toEqual(fn === 16 || fn === 17 ? 1 : err('#NUM!'));
    expect(fromCell).toEqual(directOfBlank);
  });
  test('a defined name is a reference (the Excel VBA Aggregate method: "Defined names" are valid)', () => {
    const cells = [[1, '=AGGREGATE(9,4,vals)'], [2, '=AGGREGATE(9,6,vals)'], ['=1/0', '=AGGREGATE(14,6,vals,1)'], [4, '=AGGREGATE(2,0,vals)']];
    const v = evaluateWorkbook([{ name: 'N', cells }], { names: [{ name: 'vals', expression: '=N!$A$1:$A$4' }] })[0].values.map((r) => r[1]);
    expect(v).toEqual([err('#DIV/0!'), 7, 4, 3]);
    // The name's hidden rows and nested cells are left out as a written reference's.
    const hidden = [[1, '=AGGREGATE(9,5,vals)'], [2, '=AGGREGATE(9,4,vals)'], ['=SUBTOTAL(9,A1:A2)', '=AGGREGATE(9,1,vals)'], [4, '=AGGREGATE(14,3,vals,2)']];
    const w = evaluateWorkbook([{ name: 'N', cells: hidden, rows: { hidden: [1], filtered: [] } }], { names: [{ name: 'vals', expression: '=N!$A$1:$A$4' }] })[0].values.map((r) => r[1]);
    expect(w).toEqual([1 + 3 + 4, 1 + 2 + 3 + 4, 1 + 4, 1]);
  });
  test('several references, and a reference given twice', () => {
    expect(plainSheet(['=AGGREGATE(9,4,D1:D4,D5:D8)', '=AGGREGATE(9,4,D1,D1:D8)', '=AGGREGATE(2,4,D1:D8,D1:D2)']).slice(0, 3)).toEqual([31, 34, 10]);
  });
});

/**
 * S!A1:A10 = 1, 2 (row hidden by Hide Rows), 4, 8 (row hidden by a filter), =SUBTOTAL(9,A1:A4)
 * (7: the filtered 8 left out), =1/0, 16, "text", =AGGREGATE(9,4,A1:A3) (7), TRUE.
 * Column B the same with 32 in place of the error.
 */
function hiddenSheet(formulas: string[], rows: SheetInput['rows'] | null = { hidden: [1, 3], filtered: [3] }): unknown[] {
  const a: unknown[] = [1, 2, 4, 8, '=SUBTOTAL(9,A1:A4)', '=1/0', 16, 'text', '=AGGREGATE(9,4,A1:A3)', true];
  const b: unknown[] = [1, 2, 4, 8, '=SUBTOTAL(9,B1:B4)', 32, 16, 'text', '=AGGREGATE(9,4,B1:B3)', true];
  const n = Math.max(a.length, formulas.length);
  const cells = Array.from({ length: n }, (_, r) => [a[r] ?? null, b[r] ?? null, formulas[r] ?? null]) as SheetInput['cells'];
  const sheet: SheetInput = rows ? { name: 'S', cells, rows } : { name: 'S', cells };
  return evaluateWorkbook([sheet])[0].values.map((row) => row[2]);
}

describe('options: nested SUBTOTAL/AGGREGATE (0–3), hidden rows (1, 3, 5, 7), error values (2, 3, 6, 7), nothing (4)', () => {
  test('SUM of column A (with an error) and column B (without) for each option', () => {
    const options = [0, 1, 2, 3, 4, 5, 6, 7];
    const v = hiddenSheet([...options.map((o) => `=AGGREGATE(9,${o},A1:A10)`), ...options.map((o) => `=AGGREGATE(9,${o},B1:B10)`)]);
    expect(v.slice(0, 8)).toEqual([
      err('#DIV/0!'), // 0: the error is not ignored
      err('#DIV/0!'), // 1
      31, // 2: 1 + 2 + 4 + 8 + 16, both nested cells left out
      21, // 3: 1 + 4 + 16 (rows 2 and 4 hidden)
      err('#DIV/0!'), // 4
      err('#DIV/0!'), // 5
      45, // 6: 31 + 7 + 7 (the nested cells counted)
      35, // 7: 1 + 4 + 16 + 7 + 7
    ]);
    expect(v.slice(8, 16)).toEqual([
      63, // 0: 1 + 2 + 4 + 8 + 32 + 16
      53, // 1: 1 + 4 + 32 + 16
      63, // 2
      53, // 3
      77, // 4: 63 + 7 + 7
      67, // 5: 53 + 7 + 7 — the filtered row 4 is a hidden row too
      77, // 6
      67, // 7
    ]);
  });

  test('a row hidden by a filter is left out only by the hidden-row options (unlike SUBTOTAL)', () => {
    const rows = { hidden: [3], filtered: [3] };
    const v = hiddenSheet(['=AGGREGATE(9,0,B1:B4)', '=AGGREGATE(9,4,B1:B4)', '=AGGREGATE(9,5,B1:B4)', '=AGGREGATE(9,1,B1:B4)', '=SUBTOTAL(9,B1:B4)'], rows);
    expect(v.slice(0, 5)).toEqual([15, 15, 7, 7, 7]);
  });

  test('COUNT, COUNTA, AVERAGE, MAX, MIN, PRODUCT, MEDIAN, MODE.SNGL, STDEV/VAR with the options', () => {
    const v = hiddenSheet([
      '=AGGREGATE(2,4,A1:A10)', // COUNT ignores errors and text, as COUNT does: 1, 2, 4, 8, 7, 16, 7
      '=AGGREGATE(2,3,A1:A10)', // 1, 4, 16
      '=AGGREGATE(3,6,A1:A10)', // COUNTA: every non-empty value but the error
      '=AGGREGATE(3,4,A1:A10)', // COUNTA counts an error value, as COUNTA does
      '=AGGREGATE(1,3,A1:A10)', // (1 + 4 + 16) / 3
      '=AGGREGATE(4,6,A1:A10)', // MAX
      '=AGGREGATE(5,7,B1:B10)', // MIN of 1, 4, 32, 16, 7, 7
      '=AGGREGATE(6,3,A1:A10)', // 1·4·16
      '=AGGREGATE(12,2,A1:A10)', // MEDIAN of 1, 2, 4, 8, 16
      '=AGGREGATE(13,6,A1:A10)', // MODE.SNGL: 7 (the two nested cells)
      '=AGGREGATE(10,3,A1:A10)', // VAR.S of 1, 4, 16
      '=AGGREGATE(8,3,A1:A10)', // STDEV.P of 1, 4, 16
      '=AGGREGATE(13,3,A1:A10)', // no value repeats: #N/A
    ]);
    expect(v.slice(0, 10)).toEqual([7, 3, 9, 10, 7, 16, 1, 64, 4, 7]);
    expect(v[10]).toBeCloseTo(63, 12); // mean 7; (36 + 9 + 81) / 2
    expect(v[11]).toBeCloseTo(Math.sqrt(42), 12);
    expect(v[12]).toEqual(err('#N/A'));
  });

  test('a single cell, whole columns, another sheet', () => {
    const v = hiddenSheet(['=AGGREGATE(9,5,B2)', '=AGGREGATE(9,4,B2)', '=AGGREGATE(9,3,A:A)', '=AGGREGATE(9,6,A:A)', '=AGGREGATE(2,6,A6)']);
    expect(v.slice(0, 5)).toEqual([0, 2, 21, 45, 0]);
    // Another sheet's reference: that sheet's hidden rows (each sheet its own rows).
    const s = { name: 'S', cells: [[1], [2], [4]], rows: { hidden: [1], filtered: [] } };
    const t = { name: 'T', cells: [['=AGGREGATE(9,5,S!A1:A3)', '=AGGREGATE(9,4,S!A1:A3)', '=AGGREGATE(9,5,A2:A3)'], [2], [4]] };
    expect(evaluateWorkbook([s, t])[1].values[0]).toEqual([5, 7, 6]);
  });

  test('without hidden rows the hidden-row options change nothing', () => {
    // The nested SUBTOTAL(9,B1:B4) is 15 now (no row filtered).
    expect(hiddenSheet(['=AGGREGATE(9,1,B1:B10)', '=AGGREGATE(9,5,B1:B10)', '=AGGREGATE(9,7,A1:A10)'], null).slice(0, 3)).toEqual([63, 63 + 15 + 7, 31 + 15 + 7]);
  });

  test('an AGGREGATE or SUBTOTAL of a range holding this kind of cell: the nested cells are left out with 0–3', () => {
    const v = hiddenSheet(['=AGGREGATE(9,0,B5)', '=AGGREGATE(9,4,B5)', '=SUBTOTAL(9,B9)', '=AGGREGATE(9,0,B9,B1)']);
    expect(v.slice(0, 4)).toEqual([0, 7, 0, 1]);
  });
});

describe('the array form: LARGE, SMALL, PERCENTILE, QUARTILE with k', () => {
  test('over a reference with the options', () => {
    const v = hiddenSheet([
      '=AGGREGATE(14,6,A1:A10,1)', // LARGE 1 ignoring the error: 16
      '=AGGREGATE(14,4,A1:A10,1)', // the error
      '=AGGREGATE(14,7,A1:A10,2)', // 1, 4, 16, 7, 7: 7
      '=AGGREGATE(15,3,A1:A10,2)', // SMALL 2 of 1, 4, 16: 4
      '=AGGREGATE(16,3,A1:A10,0.5)', // PERCENTILE.INC 0.5 of 1, 4, 16: 4
      '=AGGREGATE(19,3,A1:A10,1)', // QUARTILE.EXC 1 of 1, 4, 16: 1 (numpy weibull)
      '=AGGREGATE(17,2,A1:A10,4)', // QUARTILE.INC 4 = the maximum: 16
      '=AGGREGATE(14,3,A1:A10,4)', // only 3 numbers: #NUM!
      '=AGGREGATE(15,6,A1:A10,0)', // k ≤ 0: #NUM!
      '=AGGREGATE(18,3,A1:A10,0.1)', // PERCENTILE.EXC below 1/(n+1): #NUM!
      '=AGGREGATE(17,3,A1:A10,5)', // QUARTILE.INC quart > 4: #NUM!
    ]);
    expect(v.slice(0, 7)).toEqual([16, err('#DIV/0!'), 7, 4, 4, 1, 16]);
    expect(v.slice(7, 11)).toEqual([err('#NUM!'), err('#NUM!'), err('#NUM!'), err('#NUM!')]);
  });

  test('over a computed array only the error values can be left out', () => {
    const v = hiddenSheet([
      '=AGGREGATE(14,6,B1:B4/(B1:B4>1),1)', // 8/(TRUE): 8; 1/(FALSE) is #DIV/0!, left out
      '=AGGREGATE(15,6,B1:B4/(B1:B4>1),1)', // 2 — the hidden row 2 is not left out of a computed array
      '=AGGREGATE(15,5,B1:B4/(B1:B4>1),1)', // errors not ignored: the #DIV/0!
      '=AGGREGATE(14,7,{1,5,3},2)', // an array constant: 3
      '=AGGREGATE(14,6,1/0,1)', // nothing left: #NUM!
    ]);
    expect(v.slice(0, 5)).toEqual([8, 2, err('#DIV/0!'), 3, err('#NUM!')]);
  });
});

describe('errors as Excel gives them', () => {
  test('wrong function_num or options, a missing k, values where references are required', () => {
    const v = plainSheet([
      '=AGGREGATE(0,4,D1:D8)',
      '=AGGREGATE(20,4,D1:D8)',
      '=AGGREGATE(9,8,D1:D8)',
      '=AGGREGATE(9,-1,D1:D8)',
      '=AGGREGATE(14,4,D1:D8)', // "If a second ref argument is required but not provided, AGGREGATE returns a #VALUE! error."
      '=AGGREGATE(9,4,{1,2,3})', // 1–13: arrays are not valid
      '=AGGREGATE(9,4,1,2)', // 1–13: typed data is not valid
      '=AGGREGATE(9,6,D1:D8*2)',
    ]);
    expect(v).toEqual(Array(8).fill(err('#VALUE!')));
  });

  test('function_num and options are truncated; an error in them or in k is the result whatever the options', () => {
    const v = plainSheet(['=AGGREGATE(9.9,4.5,D1:D8)', '=AGGREGATE(1/0,6,D1:D8)', '=AGGREGATE(9,NA(),D1:D8)', '=AGGREGATE(14,6,D1:D8,NA())', '=AGGREGATE(14,6,D1:D8,1/0)']);
    expect(v.slice(0, 5)).toEqual([31, err('#DIV/0!'), err('#N/A'), err('#N/A'), err('#DIV/0!')]);
  });

  test('no value left: #DIV/0! for the mean, deviations and variances, 0 for sums and counts, #NUM! for MEDIAN and k-th values', () => {
    // B2 (hidden) and B5 (nested) only.
    const v = hiddenSheet(['=AGGREGATE(1,1,B2,B5)', '=AGGREGATE(9,1,B2,B5)', '=AGGREGATE(2,1,B2,B5)', '=AGGREGATE(7,1,B2,B5)', '=AGGREGATE(12,1,B2,B5)', '=AGGREGATE(14,1,B2,1)', '=AGGREGATE(7,3,A1:A2)', '=AGGREGATE(13,1,B2,B5)']);
    expect(v.slice(0, 8)).toEqual([err('#DIV/0!'), 0, 0, err('#DIV/0!'), err('#NUM!'), err('#NUM!'), err('#DIV/0!'), err('#N/A')]);
  });
});
