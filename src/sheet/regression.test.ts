/**
 * LINEST, TREND, LOGEST, GROWTH and FORECAST as Excel computes them (issue 11): the const and stats
 * flags left empty, the 5-row statistics, x columns removed for having no variance, the order of
 * Excel's checks (shape #REF! before cell #VALUE!), and the shape new_x must have for several x
 * variables. The statistics' expected values come from NumPy's least squares
 * (scripts/golden/linest.py prints them).
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
function closeGrid(actual: unknown[][], expected: unknown[][]): void {
  expected.forEach((row, r) =>
    row.forEach((e, c) => {
      if (typeof e === 'number') {
        expect(typeof actual[r][c]).toBe('number');
        expect(actual[r][c] as number).toBeCloseTo(e, 9);
      } else expect(actual[r][c]).toBe(e);
    }),
  );
}

describe('LINEST with statistics (NumPy least squares, scripts/golden/linest.py)', () => {
  test('const left empty is TRUE: LINEST(y,x,,TRUE) fits the constant', () => {
    closeGrid(spill('=LINEST({3;5;4;8;9;12},{1;2;3;4;5;6},,TRUE)', 5, 2), [
      [1.742857142857142, 0.7333333333333314],
      [0.284760312147163, 1.1089820872499567],
      [0.9035208417644678, 1.191237851584485],
      [37.45973154362415, 4],
      [53.15714285714285, 5.676190476190477],
    ]);
  });
  test('two x variables: m2 m1 b, then #N/A beyond the first two columns', () => {
    closeGrid(spill('=LINEST({3;5;4;8;9;12;14},{1,4;2,1;3,5;4,2;5,7;6,3;7,8},TRUE,TRUE)', 5, 3), [
      [-0.18461538461538565, 1.9758241758241764, 0.7450549450549454],
      [0.2188368030087371, 0.2596850014224396, 1.0457728551793053],
      [0.9481196581196581, 1.1550177202389296, '#N/A'],
      [36.550247116968706, 4, '#N/A'],
      [97.52087912087913, 5.336263736263736, '#N/A'],
    ]);
  });
  test('every x column without variance and df = n - k - 1 = 0: Excel reports an exact fit of the mean', () => {
    // Excel's result for three points on two constant x columns: coefficients 0 (removed), b the
    // mean, standard errors 0, r² 1, se(y) 0, F #NUM!, df 0, ssreg the total sum of squares.
    closeGrid(spill('=LINEST({4;5;9},{1,7;1,7;1,7},,TRUE)', 5, 3), [
      [0, 0, 6],
      [0, 0, 0],
      [1, 0, '#N/A'],
      ['#NUM!', 0, '#N/A'],
      [14, 0, '#N/A'],
    ]);
  });
  test('one x without variance: slope 0 and the mean (Microsoft: a removed column shows 0)', () => {
    closeGrid(spill('=LINEST({1,3,6,9,12},{1,1,1,1,1})', 1, 2), [[0, 6.2]]);
  });
});

describe("LINEST / LOGEST: Excel's checks, in its order", () => {
  const data: InputCell[][] = [
    [1, 2],
    [2, 4],
    [3, 7],
    [null, 9],
  ];
  test('known_y and known_x of different lengths are #REF!, before a blank among them is looked at', () => {
    expect(one('=LINEST(A1:A4,B1:B3)', data)).toBe('#REF!');
    expect(one('=LOGEST(A1:A4,B1:B3)', data)).toBe('#REF!');
  });
  test('a blank, text or an error among known_y / known_x is #VALUE! (not the error itself)', () => {
    expect(one('=LINEST(A1:A4,B1:B4)', data)).toBe('#VALUE!');
    expect(one('=LINEST({1;#N/A;3},{1;2;3})')).toBe('#VALUE!');
    expect(one('=LINEST({1;2;3},{1;#DIV/0!;3})')).toBe('#VALUE!');
    expect(one('=LOGEST({1;#NAME?;3},{1;2;3})')).toBe('#VALUE!');
  });
  test('const or stats an error is #VALUE!', () => {
    expect(one('=LINEST(A1:A3,B1:B3,NA(),0)', data)).toBe('#VALUE!');
    expect(one('=LOGEST(A1:A3,B1:B3,NA(),0)', data)).toBe('#VALUE!');
    expect(one('=LINEST(A1:A3,B1:B3,TRUE,1/0)', data)).toBe('#VALUE!');
  });
  test('const given as a number or a blank cell: 0 and a blank are FALSE', () => {
    expect(one('=INDEX(LINEST(A1:A3,B1:B3,0),1,2)', data)).toBe(0);
    expect(one('=INDEX(LINEST(A1:A3,B1:B3,C1),1,2)', data)).toBe(0);
    expect(one('=INDEX(LINEST({2;4;6},{1;2;3},1),1,1)', data)).toBeCloseTo(2, 12);
  });
});

describe('TREND and GROWTH', () => {
  test('no known_x: x is 1, 2, 3 … in known_y\'s shape (a column gives a column)', () => {
    closeGrid(spill('=TREND({-6;-5;-4;-3})', 4, 1), [[-6], [-5], [-4], [-3]]);
    closeGrid(spill('=TREND({1;3;2;6})', 4, 1), [[0.9], [2.3], [3.7], [5.1]]);
    closeGrid(spill('=TREND({1,3,2,6})', 1, 4), [[0.9, 2.3, 3.7, 5.1]]);
  });
  test('several x variables: new_x needs a column per variable (known_y a column), else #REF!', () => {
    const y = '{2;3;4;21;2}';
    const x = '{2,1;2,2;5,3;2,4;4,1}';
    expect(one(`=TREND(${y},${x},{0.1,0.2,0.3})`)).toBe('#REF!');
    expect(one(`=TREND(${y},${x},{0.1;0.2})`)).toBe('#REF!');
    expect(one(`=GROWTH(${y},${x},{0.1,0.2,0.3})`)).toBe('#REF!');
    // A row per point with two columns: y = −2·x1 + 5.2353·x2 + 0.8824 (NumPy) at (5, 4).
    expect(one(`=TREND(${y},${x},{5,4})`)).toBeCloseTo(11.823529411764719, 9);
  });
  test('several x variables over a row of known_y: new_x needs a row per variable', () => {
    expect(one('=TREND({1,3,2,6,5},{1,2,3,4,5;2,1,2,1,3},2.5)')).toBe('#REF!');
    expect(one('=TREND({1,3,2,6,5},{1,2,3,4,5;2,1,2,1,3},{2.5;1})')).toBeCloseTo(3.666666666666667, 9);
  });
  test('const left empty is TRUE for TREND and GROWTH', () => {
    expect(one('=TREND({2;4;6},{1;2;3},4,)')).toBeCloseTo(8, 12);
    expect(one('=GROWTH({2;4;8},{1;2;3},4,)')).toBeCloseTo(16, 9);
  });
});

describe('FORECAST: the first error met pair by pair, known_y before known_x', () => {
  // Row 1: "a", 1, #VALUE!; row 2: #NAME?, #NUM!, #NUM!; row 3: #DIV/0!, #NAME?, 3.
  const cells: InputCell[][] = [
    ['a', 1, '=1+"x"'],
    ['=NOSUCHFUNCTION()', '=SQRT(-1)', '=SQRT(-1)'],
    ['=1/0', '=NOSUCHFUNCTION()', 3],
  ];
  test.each<[string, string]>([
    ['=FORECAST(1,A1:C1,A2:C2)', '#NAME?'], // the first pair's x, though y's first error (#VALUE!) comes earlier in y
    ['=FORECAST(1,A3:B3,A2:B2)', '#DIV/0!'],
    ['=FORECAST.LINEAR(1,B1:C1,B2:C2)', '#NUM!'],
  ])('%s is %s', (formula, expected) => {
    expect(one(formula, cells)).toBe(expected);
  });
});
