/**
 * FORECAST.ETS, .CONFINT, .SEASONALITY and .STAT (src/sheet/forecastEts.ts) on series any correct
 * AAA exponential smoothing reproduces exactly (a repeating pattern, a line), so that the values are
 * Excel's; the argument rules of Microsoft's pages; and, pinned, what depends on our optimiser.
 */
import { evaluateSheet, type OutputCell } from './workbook';
import { buildSeries, detectSeason } from './forecastEts';

const code = (v: OutputCell): unknown => (typeof v === 'object' && v !== null ? v.error : v);
const one = (formula: string): unknown => code(evaluateSheet([[formula]])[0][0]);

// A season of 3 (10, 20, 30) on a timeline of step 2, with two points at 8 (4 and 16, average 10).
const T = '{2,4,6,8,8,10,12,14,16,18,20,22,24}';
const V = '{10,20,30,4,16,20,30,10,20,30,10,20,30}';
// A line, 2·t + 1, with the point at 8 missing (1 of 6 steps).
const LT = '{2,4,6,10,12}';
const LV = '{5,9,13,21,25}';

describe('FORECAST.ETS on series an exact fit reproduces', () => {
  test.each<[string, number]>([
    [`=FORECAST.ETS(26,${V},${T},3)`, 10],
    [`=FORECAST.ETS(28,${V},${T},3)`, 20],
    [`=FORECAST.ETS(30,${V},${T})`, 30], // the season detected
    [`=FORECAST.ETS(14,${LV},${LT})`, 29],
    [`=FORECAST.ETS(20,${LV},${LT},0)`, 41],
    [`=FORECAST.ETS(15,${LV},${LT},0)`, 31], // half a step: between the forecasts at 14 and 16
  ])('%s is %d', (formula, expected) => {
    expect(one(formula) as number).toBeCloseTo(expected, 9);
  });

  test('points with the same time stamp: 0/1 AVERAGE, 2 COUNT, 3 COUNTA, 4 MAX, 5 MEDIAN, 6 MIN, 7 SUM', () => {
    // A target within the history is the history's (aggregated) value there.
    const at8 = (aggregation: number): unknown => one(`=FORECAST.ETS(8,${V},${T},3,1,${aggregation})`);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(at8)).toEqual([10, 10, 2, 2, 16, 10, 4, 20]);
    expect(one(`=FORECAST.ETS(8,${V},${T},3,1,8)`)).toBe('#NUM!');
  });

  test('a missing point: data_completion 1 (default) the neighbours\' average, 0 zero, another #NUM!', () => {
    expect(one(`=FORECAST.ETS(8,${LV},${LT})`)).toBe(17);
    expect(one(`=FORECAST.ETS(8,${LV},${LT},1,0)`)).toBe(0);
    expect(one(`=FORECAST.ETS(8,${LV},${LT},1,2)`)).toBe('#NUM!');
    expect(one(`=FORECAST.ETS(8,${LV},${LT},1,-1)`)).toBe('#NUM!');
  });

  test('a target less than a step before the first point: linearly from 0 one step before (as Excel gives it); further #NUM!', () => {
    expect(one(`=FORECAST.ETS(1,${LV},${LT})`)).toBeCloseTo(2.5, 12);
    expect(one(`=FORECAST.ETS(0,${LV},${LT})`)).toBe('#NUM!');
    expect(one(`=FORECAST.ETS(-1,${LV},${LT})`)).toBe('#NUM!');
  });

  test('a monthly timeline (Microsoft: "values on the 1st of every month"; or each month\'s last day) steps by months', () => {
    // 2024-01-01 … 2024-05-01 (steps of 29–31 days); 2024-06-01 is 45444, 2024-07-01 45474.
    const firsts = '{45292,45323,45352,45383,45413}';
    expect(one(`=FORECAST.ETS(45444,{1,2,3,4,5},${firsts},0)`)).toBeCloseTo(6, 9);
    expect(one(`=FORECAST.ETS(45474,{1,2,3,4,5},${firsts},0)`)).toBeCloseTo(7, 9);
    expect(one(`=FORECAST.ETS.STAT({1,2,3,4,5},${firsts},8,0)`)).toBe(1);
    // 2024-01-31, 02-29, 03-31, 04-30, 05-31 → 2024-06-30 (45473).
    expect(one('=FORECAST.ETS(45473,{1,2,3,4,5},{45322,45351,45382,45412,45443},0)')).toBeCloseTo(6, 9);
    // Not one day of the month (05-02): no constant step.
    expect(one('=FORECAST.ETS(45474,{1,2,3,4,5},{45292,45323,45352,45383,45414},0)')).toBe('#NUM!');
  });

  test("Microsoft's argument errors", () => {
    expect(one('=FORECAST.ETS(5,{1,2,3},{1,2})')).toBe('#N/A'); // sizes differ
    expect(one('=FORECAST.ETS(9,{1,2,3,4},{1,2,4.5,7})')).toBe('#NUM!'); // no constant step
    expect(one('=FORECAST.ETS(20,{1,2,3,4},{1,2,5,10})')).toBe('#NUM!'); // more than 30% missing
    expect(one(`=FORECAST.ETS(30,${V},${T},-1)`)).toBe('#NUM!');
    expect(one(`=FORECAST.ETS(30,${V},${T},8761)`)).toBe('#NUM!');
    expect(one('=FORECAST.ETS(5,{1,"a",3},{1,2,3})')).toBe('#VALUE!');
    expect(one('=FORECAST.ETS(5,{1,2,3},{1,"a",3})')).toBe('#VALUE!');
    expect(one('=FORECAST.ETS(#DIV/0!,{1,2,3},{1,2,3})')).toBe('#DIV/0!');
  });
});

describe('FORECAST.ETS.SEASONALITY, .STAT and .CONFINT', () => {
  test('seasonality detected: 3 for a repeating 3-point pattern, none for a line or for two cycles and a bit', () => {
    expect(one(`=FORECAST.ETS.SEASONALITY(${V},${T})`)).toBe(3);
    expect(one(`=FORECAST.ETS.SEASONALITY(${LV},${LT})`)).toBe(0);
    // Excel finds no season in 1,2,3,2,1,2,3,2,1 either.
    expect(one('=FORECAST.ETS.SEASONALITY({5,6,7,6,5,6,7,6,5},{1,2,3,4,5,6,7,8,9})')).toBe(0);
    expect(one(`=FORECAST.ETS.SEASONALITY(${V},${T},2)`)).toBe('#NUM!');
  });

  test('statistics of an exact fit: MASE, SMAPE, MAE, RMSE 0; 8 the step; another type #NUM!', () => {
    expect([4, 5, 6, 7].map((t) => one(`=FORECAST.ETS.STAT(${V},${T},${t},3)`))).toEqual([0, 0, 0, 0]);
    expect(one(`=FORECAST.ETS.STAT(${V},${T},8,3)`)).toBe(2);
    expect(one(`=FORECAST.ETS.STAT(${V},${T},0,3)`)).toBe('#NUM!');
    expect(one(`=FORECAST.ETS.STAT(${V},${T},9,3)`)).toBe('#NUM!');
  });

  test('confidence interval: 0 for an exact fit; a level of 0 is width 0; 1 or more #NUM!', () => {
    expect(one(`=FORECAST.ETS.CONFINT(26,${V},${T},0.95,3)`)).toBe(0);
    expect(one(`=FORECAST.ETS.CONFINT(26,${V},${T},0,3)`)).toBe(0);
    expect(one(`=FORECAST.ETS.CONFINT(26,${V},${T},1,3)`)).toBe('#NUM!');
    expect(one(`=FORECAST.ETS.CONFINT(26,${V},${T},50,3)`)).toBe('#NUM!');
  });

  test('buildSeries sorts, aggregates and completes; detectSeason on a plain array', () => {
    const s = buildSeries([3, 1, 2, 5], [4, 1, 2, 5], 1, 0, 'T');
    expect(s).toEqual({ start: 1, step: 1, values: [1, 2, 2.5, 3, 5] });
    expect(detectSeason([1, 5, 1, 5, 1, 5, 1, 5, 1, 5])).toBe(2);
  });
});

/**
 * README "What still differs from Excel": Microsoft does not publish the parameters its optimiser
 * finds, so on a series no exact fit reproduces alpha, beta, gamma, the forecast and the interval
 * are OURS (least squares of the one-step errors), pinned here, and can differ from Excel's.
 */
describe('what still differs from Excel (pinned): the fitted parameters of a noisy series', () => {
  const N = '{12,15,11,18,21,17,24,27,22,30,33,28}';
  const NT = '{1,2,3,4,5,6,7,8,9,10,11,12}';
  test('our alpha, beta, gamma and forecast (not Excel\'s figures)', () => {
    expect([1, 2, 3].map((t) => one(`=FORECAST.ETS.STAT(${N},${NT},${t})`))).toEqual([0, 0, 1]);
    expect(one(`=FORECAST.ETS(13,${N},${NT})`) as number).toBeCloseTo(36, 9);
    expect(one(`=FORECAST.ETS.CONFINT(13,${N},${NT})`) as number).toBeCloseTo(0.565792867038086, 9);
  });
});
