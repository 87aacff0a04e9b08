/**
 * FORECAST.ETS, FORECAST.ETS.CONFINT, FORECAST.ETS.SEASONALITY and FORECAST.ETS.STAT, as one
 * FunctionPlugin registered beside the others (src/sheet/excelFunctions.ts registerExcelFunctions).
 *
 * What Microsoft documents (FORECAST.ETS and its three companions' pages), and this file does:
 * - the "AAA version of the Exponential Triple Smoothing (ETS) algorithm": additive error, additive
 *   trend, additive seasonality (Holt–Winters);
 * - the timeline "must have a consistent step between" its points, is sorted implicitly, and a
 *   constant step that cannot be identified is #NUM!; timeline and values of different sizes are
 *   #N/A; "a monthly timeline with values on the 1st of every month" steps by months (here: dates
 *   on one day of the month, or each on its month's last day; STAT's step is then in months);
 * - up to 30% of the steps may be missing: data_completion 1 (default) completes a missing point as
 *   the average of its neighbours (linearly between them over a longer gap), 0 as zero; any other
 *   data_completion is #NUM!;
 * - points with the same time stamp are aggregated: 0 or 1 AVERAGE (default), 2 COUNT, 3 COUNTA,
 *   4 MAX, 5 MEDIAN, 6 MIN, 7 SUM (the order of Excel's own argument list); anything else #NUM!;
 * - seasonality 1 (default) detects the season, 0 is none, a whole number 2 … 8,760 is the season's
 *   length; anything else #NUM!;
 * - FORECAST.ETS.STAT's statistic_type 1 alpha, 2 beta, 3 gamma, 4 MASE, 5 SMAPE, 6 MAE, 7 RMSE,
 *   8 the step detected; another is #NUM!; CONFINT's confidence_level is in (0, 1) (default 0.95;
 *   Excel also takes 0, a blank, as an interval of width 0, and refuses 1 with #NUM!).
 *
 * What Microsoft does not publish, and what is done here instead (README "What still differs"):
 * - the smoothing parameters: here alpha, beta, gamma in [0, 1] minimise the sum of squared
 *   one-step-ahead errors (a 0.1 grid, then a coordinate search to 1e-6); the initial level is the
 *   first season's mean (the first point without a season), the initial trend the difference of
 *   the first two seasons' means per step (of the first two points), the initial seasonal indices
 *   the first season's deviations from its centred trend line. A series any such fit reproduces
 *   exactly (a line, a repeating pattern) forecasts Excel's figure; others can differ from Excel in
 *   the last digits or more;
 * - the season detection: the lag 2 … n/2 of the largest autocorrelation of the series less its
 *   least-squares line, if it is a local peak above 2/√n (no season otherwise) — Excel finds no
 *   season in 1,2,3,2,1,2,3,2,1 either;
 * - the confidence interval: z·σ·√(1 + Σ c_j²), c_j = α(1 + jβ) + (1 − α)γ·[j a multiple of the
 *   season], σ² the mean squared one-step error (Hyndman et al., "Forecasting with Exponential
 *   Smoothing", the ETS(A,A,A) class);
 * - a target within the history is the history's value there (linearly between points); a target
 *   less than one step before the first point is read as Excel gives it, linearly from 0 one step
 *   before the first point to the first value (FORECAST.ETS(0.1,…) over a timeline starting at 1
 *   with step 1 and first value 1 is 0.1 in Excel); one step or more before is #NUM!. CONFINT is 0
 *   for a target up to the last point (no forecast there).
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import * as formulajs from '@formulajs/formulajs';
import { gridOf, type Scalar } from './dynamicArrays';
import { excelDateParts } from './excelFunctions';

const num = (message: string): CellError => new CellError(ErrorType.NUM, message);

/** The completed, evenly stepped series an ETS fit runs over. */
export interface Series {
  readonly start: number;
  readonly step: number;
  readonly values: number[];
  /** A timeline of dates a whole number of months apart (start and step then count months). */
  readonly monthly?: { readonly day: number | 'end' };
}

/** Days in the month of a {year, month}. */
const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A date serial as a month count and its day (Excel's 1900 calendar). */
function monthOf(serial: number): { index: number; day: number; days: number } {
  const { year, month, day } = excelDateParts(serial);
  return { index: year * 12 + month - 1, day, days: daysIn(year, month) };
}

/**
 * The slots (steps after the first point) of sorted distinct times: a constant numeric step, or —
 * Microsoft's example of a timeline, "a monthly timeline with values on the 1st of every month" —
 * dates on one day of the month (or each a month's last day) a whole number of months apart.
 */
function slotsOf(times: readonly number[]): { start: number; step: number; slots: number[]; monthly?: Series['monthly'] } | undefined {
  const even = (keys: readonly number[]): { step: number; slots: number[] } | undefined => {
    let step = Infinity;
    for (let i = 1; i < keys.length; i++) step = Math.min(step, keys[i] - keys[i - 1]);
    const slots: number[] = [];
    for (const t of keys) {
      const k = (t - keys[0]) / step;
      if (Math.abs(k - Math.round(k)) > 1e-9 * Math.max(1, Math.abs(k))) return undefined;
      slots.push(Math.round(k));
    }
    return { step, slots };
  };
  const plain = even(times);
  if (plain) return { start: times[0], ...plain };
  if (!times.every((t) => Number.isInteger(t) && t >= 1 && t <= 2958465)) return undefined;
  const months = times.map(monthOf);
  const sameDay = months.every((m) => m.day === months[0].day);
  const monthEnds = months.every((m) => m.day === m.days);
  if (!sameDay && !monthEnds) return undefined;
  const byMonth = even(months.map((m) => m.index));
  if (!byMonth) return undefined;
  return { start: months[0].index, ...byMonth, monthly: { day: sameDay ? months[0].day : 'end' } };
}

const AGGREGATIONS: Readonly<Record<number, (v: number[]) => number>> = {
  0: (v) => v.reduce((s, x) => s + x, 0) / v.length,
  1: (v) => v.reduce((s, x) => s + x, 0) / v.length,
  2: (v) => v.length,
  3: (v) => v.length,
  4: (v) => Math.max(...v),
  5: (v) => {
    const s = [...v].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  },
  6: (v) => Math.min(...v),
  7: (v) => v.reduce((s, x) => s + x, 0),
};

const whole = (x: number): number => Math.trunc(x);

/** Values and timeline → the evenly stepped series (sorted, aggregated, completed), or Excel's error. */
export function buildSeries(valuesIn: readonly Scalar[], timelineIn: readonly Scalar[], completion: number, aggregation: number, name: string): Series | CellError {
  if (valuesIn.length !== timelineIn.length) return new CellError(ErrorType.NA, `${name}: values and timeline must have the same size.`);
  const c = whole(completion);
  if (c !== 0 && c !== 1) return num(`${name}: data_completion must be 0 or 1.`);
  const a = whole(aggregation);
  const aggregate = AGGREGATIONS[a];
  if (!aggregate) return num(`${name}: aggregation must be 0 to 7.`);
  const byTime = new Map<number, number[]>();
  for (let i = 0; i < valuesIn.length; i++) {
    const t = timelineIn[i];
    const v = valuesIn[i];
    if (t instanceof CellError) return t;
    if (v instanceof CellError) return v;
    if (t === null) continue;
    if (typeof t !== 'number') return new CellError(ErrorType.VALUE, `${name}: the timeline must hold numbers (dates).`);
    if (v === null) continue; // a blank value is a missing point
    if (typeof v !== 'number') return new CellError(ErrorType.VALUE, `${name}: the values must be numbers.`);
    const list = byTime.get(t) ?? [];
    list.push(v);
    byTime.set(t, list);
  }
  const times = [...byTime.keys()].sort((x, y) => x - y);
  if (times.length < 2) return num(`${name}: at least two points of the timeline are needed to find its step.`);
  const found = slotsOf(times);
  if (!found) return num(`${name}: the timeline has no constant step.`);
  const { slots } = found;
  const size = slots[slots.length - 1] + 1;
  if ((size - times.length) / size > 0.3) return num(`${name}: more than 30% of the timeline's steps are missing.`);
  const values: (number | undefined)[] = new Array<number | undefined>(size).fill(undefined);
  times.forEach((t, i) => (values[slots[i]] = aggregate(byTime.get(t) as number[])));
  for (let i = 0; i < size; i++) {
    if (values[i] !== undefined) continue;
    if (c === 0) {
      values[i] = 0;
      continue;
    }
    let j = i;
    while (values[j] === undefined) j++;
    const before = values[i - 1] as number;
    const after = values[j] as number;
    for (let q = i; q < j; q++) values[q] = before + ((after - before) * (q - i + 1)) / (j - i + 1);
  }
  return { start: found.start, step: found.step, values: values as number[], ...(found.monthly ? { monthly: found.monthly } : {}) };
}

/** The season length the seasonality argument asks for (1 = detect), or #NUM!. */
export function seasonLength(arg: number, series: readonly number[], name: string): number | CellError {
  const s = whole(arg);
  if (s < 0 || s > 8760 || !Number.isFinite(arg)) return num(`${name}: seasonality must be 0, 1 (detect) or a season length up to 8,760.`);
  if (s === 1) return detectSeason(series);
  return s;
}

/** The season detected (0 for none): see the file's comment. */
export function detectSeason(y: readonly number[]): number {
  const n = y.length;
  if (n < 4) return 0;
  const mt = (n - 1) / 2;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  y.forEach((v, t) => {
    sxy += (t - mt) * (v - my);
    sxx += (t - mt) ** 2;
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const d = y.map((v, t) => v - my - slope * (t - mt));
  const var0 = d.reduce((s, v) => s + v * v, 0);
  if (var0 <= 1e-12 * Math.max(1, my * my) * n) return 0;
  const acf = (lag: number): number => {
    let s = 0;
    for (let t = 0; t + lag < n; t++) s += d[t] * d[t + lag];
    return s / var0;
  };
  const top = Math.floor(n / 2);
  const r = [1, acf(1)];
  for (let lag = 2; lag <= top + 1; lag++) r.push(lag < n ? acf(lag) : -Infinity);
  let best = 0;
  let bestR = 2 / Math.sqrt(n);
  for (let lag = 2; lag <= top; lag++) {
    const peak = r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1];
    if (peak && r[lag] > bestR) {
      best = lag;
      bestR = r[lag];
    }
  }
  return best;
}

/** An AAA fit: the smoothing parameters, the final states and the one-step-ahead errors. */
export interface EtsFit {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly season: number;
  readonly level: number;
  readonly trend: number;
  readonly seasonal: number[]; // the last `season` indices, oldest first
  readonly fitted: number[]; // one-step-ahead forecasts of the points the errors are measured on
  readonly actual: number[];
}

function run(y: readonly number[], m: number, alpha: number, beta: number, gamma: number): EtsFit {
  const n = y.length;
  let level: number;
  let trend: number;
  let seasonal: number[] = [];
  let from: number;
  if (m >= 2) {
    const first = y.slice(0, m);
    const mean1 = first.reduce((s, v) => s + v, 0) / first.length;
    const second = y.slice(m, 2 * m);
    trend = second.length === m ? (second.reduce((s, v) => s + v, 0) / m - mean1) / m : 0;
    seasonal = first.map((v, i) => v - mean1 - (i - (first.length - 1) / 2) * trend);
    while (seasonal.length < m) seasonal.push(0);
    // The states one step before the first point: the level of the first season's middle taken back.
    level = mean1 - ((first.length - 1) / 2 + 1) * trend;
    from = 0;
  } else {
    level = y[0];
    trend = n > 1 ? y[1] - y[0] : 0;
    from = 1;
  }
  const fitted: number[] = [];
  const actual: number[] = [];
  for (let t = from; t < n; t++) {
    const s = m >= 2 ? seasonal[t % m] : 0;
    const forecast = level + trend + s;
    fitted.push(forecast);
    actual.push(y[t]);
    const newLevel = alpha * (y[t] - s) + (1 - alpha) * (level + trend);
    trend = beta * (newLevel - level) + (1 - beta) * trend;
    if (m >= 2) seasonal[t % m] = gamma * (y[t] - newLevel) + (1 - gamma) * s;
    level = newLevel;
  }
  if (m >= 2) {
    const next = n % m;
    seasonal = [...seasonal.slice(next), ...seasonal.slice(0, next)];
  }
  return { alpha, beta, gamma: m >= 2 ? gamma : 0, season: m >= 2 ? m : 0, level, trend, seasonal, fitted, actual };
}

const sse = (f: EtsFit): number => f.fitted.reduce((s, v, i) => s + (f.actual[i] - v) ** 2, 0);

/** Fits the AAA model with the parameters minimising the squared one-step errors (see the file's comment). */
export function fitEts(y: readonly number[], m: number): EtsFit {
  const seasonalModel = m >= 2;
  let best: [number, number, number] = [0.5, 0.1, seasonalModel ? 0.1 : 0];
  let bestE = sse(run(y, m, best[0], best[1], best[2]));
  const grid = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
  for (const a of grid) {
    for (const b of grid) {
      for (const g of seasonalModel ? grid : [0]) {
        const e = sse(run(y, m, a, b, g));
        if (e < bestE - 1e-15 * Math.max(1, bestE)) {
          bestE = e;
          best = [a, b, g];
        }
      }
    }
  }
  // Coordinate search: halve the step around the best point until 1e-6.
  const dims = seasonalModel ? 3 : 2;
  for (let h = 0.05; h > 1e-6; h /= 2) {
    let moved = true;
    for (let round = 0; moved && round < 50; round++) {
      moved = false;
      for (let d = 0; d < dims; d++) {
        for (const dir of [-1, 1]) {
          const p: [number, number, number] = [...best];
          p[d] = Math.min(1, Math.max(0, p[d] + dir * h));
          if (p[d] === best[d]) continue;
          const e = sse(run(y, m, p[0], p[1], p[2]));
          if (e < bestE - 1e-15 * Math.max(1, bestE)) {
            bestE = e;
            best = p;
            moved = true;
          }
        }
      }
    }
  }
  return run(y, m, best[0], best[1], best[2]);
}

/** The forecast h ≥ 1 whole steps after the last point. */
function ahead(f: EtsFit, h: number): number {
  return f.level + h * f.trend + (f.season >= 2 ? f.seasonal[(h - 1) % f.season] : 0);
}

/** Where the target falls: steps after the first point (p) of the series. */
function position(series: Series, target: number): number {
  if (!series.monthly) return (target - series.start) / series.step;
  // A monthly timeline: whole months, and the days past the timeline's day as a share of the month.
  if (!(target >= 1 && target <= 2958465)) return target < 1 ? -Infinity : Infinity;
  const m = monthOf(Math.floor(target));
  const anchor = series.monthly.day === 'end' ? m.days : Math.min(series.monthly.day, m.days);
  return (m.index - series.start + (m.day - anchor + (target % 1)) / m.days) / series.step;
}

/** FORECAST.ETS at the target over a series and its fit. */
export function forecastAt(series: Series, fit: EtsFit | undefined, target: number, name: string): number | CellError {
  const p = position(series, target);
  const y = series.values;
  const n = y.length;
  if (p <= -1) return num(`${name}: the target date is before the timeline.`);
  if (p < 0) return (1 + p) * y[0];
  if (p <= n - 1) {
    const i = Math.floor(p);
    const f = p - i;
    return f === 0 ? y[i] : y[i] + f * (y[i + 1] - y[i]);
  }
  if (!fit) return num(`${name}: no fit.`);
  const h = p - (n - 1);
  const lo = Math.floor(h);
  const fr = h - lo;
  const a = lo === 0 ? y[n - 1] : ahead(fit, lo);
  return fr === 0 ? a : a + fr * (ahead(fit, lo + 1) - a);
}

/** FORECAST.ETS.STAT's statistic. */
export function statistic(series: Series, fit: EtsFit, type: number): number | CellError {
  const e = fit.fitted.map((v, i) => fit.actual[i] - v);
  const count = e.length;
  const mae = count === 0 ? 0 : e.reduce((s, v) => s + Math.abs(v), 0) / count;
  switch (whole(type)) {
    case 1:
      return fit.alpha;
    case 2:
      return fit.beta;
    case 3:
      return fit.gamma;
    case 4: {
      const y = series.values;
      let naive = 0;
      for (let t = 1; t < y.length; t++) naive += Math.abs(y[t] - y[t - 1]);
      naive /= Math.max(1, y.length - 1);
      if (naive === 0) return mae === 0 ? 0 : new CellError(ErrorType.DIV_BY_ZERO, 'FORECAST.ETS.STAT: the series does not change (MASE).');
      return mae / naive;
    }
    case 5: {
      let s = 0;
      fit.fitted.forEach((f, i) => {
        const d = (Math.abs(fit.actual[i]) + Math.abs(f)) / 2;
        if (d > 0) s += Math.abs(fit.actual[i] - f) / d;
      });
      return count === 0 ? 0 : s / count;
    }
    case 6:
      return mae;
    case 7:
      return count === 0 ? 0 : Math.sqrt(e.reduce((s, v) => s + v * v, 0) / count);
    case 8:
      return series.step;
    default:
      return num('FORECAST.ETS.STAT: statistic_type must be 1 to 8.');
  }
}

/** FORECAST.ETS.CONFINT's half-width at the target (see the file's comment). */
export function confidenceAt(series: Series, fit: EtsFit, target: number, confidence: number): number | CellError {
  const p = position(series, target);
  const n = series.values.length;
  // Excel takes 0 (a blank) as a confidence level (an interval of width 0) and refuses 1.
  if (!(confidence >= 0 && confidence < 1)) return num('FORECAST.ETS.CONFINT: confidence_level must be from 0 up to (not including) 1.');
  if (p <= -1) return num('FORECAST.ETS.CONFINT: the target date is before the timeline.');
  if (p <= n - 1) return 0;
  const h = Math.ceil(p - (n - 1));
  const e = fit.fitted.map((v, i) => fit.actual[i] - v);
  const sigma2 = e.length === 0 ? 0 : e.reduce((s, v) => s + v * v, 0) / e.length;
  let factor = 1;
  for (let j = 1; j < h; j++) {
    const c = fit.alpha * (1 + j * fit.beta) + (fit.season >= 2 && j % fit.season === 0 ? (1 - fit.alpha) * fit.gamma : 0);
    factor += c * c;
  }
  const z = formulajs.NORMSINV((1 + confidence) / 2) as unknown;
  if (typeof z !== 'number' || !Number.isFinite(z)) return num('FORECAST.ETS.CONFINT: confidence_level must be between 0 and 1.');
  return z * Math.sqrt(sigma2 * factor);
}

const N = FunctionArgumentType.NUMBER;
const R = FunctionArgumentType.RANGE;

const ETS_FUNCTIONS: ImplementedFunctions = {
  'FORECAST.ETS': {
    method: 'forecastEts',
    parameters: [{ argumentType: N }, { argumentType: R }, { argumentType: R }, { argumentType: N, defaultValue: 1 }, { argumentType: N, defaultValue: 1 }, { argumentType: N, defaultValue: 0 }],
  },
  'FORECAST.ETS.CONFINT': {
    method: 'forecastEtsConfint',
    parameters: [
      { argumentType: N },
      { argumentType: R },
      { argumentType: R },
      { argumentType: N, defaultValue: 0.95 },
      { argumentType: N, defaultValue: 1 },
      { argumentType: N, defaultValue: 1 },
      { argumentType: N, defaultValue: 0 },
    ],
  },
  'FORECAST.ETS.SEASONALITY': {
    method: 'forecastEtsSeasonality',
    parameters: [{ argumentType: R }, { argumentType: R }, { argumentType: N, defaultValue: 1 }, { argumentType: N, defaultValue: 0 }],
  },
  'FORECAST.ETS.STAT': {
    method: 'forecastEtsStat',
    parameters: [{ argumentType: R }, { argumentType: R }, { argumentType: N }, { argumentType: N, defaultValue: 1 }, { argumentType: N, defaultValue: 1 }, { argumentType: N, defaultValue: 0 }],
  },
};

const flat = (v: unknown): Scalar[] => gridOf(v).flat();

/** The series and its fit for the arguments (values, timeline, seasonality, completion, aggregation). */
function prepare(values: unknown, timeline: unknown, seasonality: number, completion: number, aggregation: number, name: string): { series: Series; fit: EtsFit } | CellError {
  const series = buildSeries(flat(values), flat(timeline), completion, aggregation, name);
  if (series instanceof CellError) return series;
  const m = seasonLength(seasonality, series.values, name);
  if (m instanceof CellError) return m;
  return { series, fit: fitEts(series.values, m) };
}

/** Never lets an exception out of a function: one bad cell never fails a workbook. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function safely(name: string, f: () => unknown): any {
  try {
    return f();
  } catch (e) {
    return new CellError(ErrorType.VALUE, `${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export class ForecastEtsPlugin extends FunctionPlugin {
  static implementedFunctions = ETS_FUNCTIONS;

  forecastEts(ast: ProcedureAst, state: InterpreterState): unknown {
    const name = 'FORECAST.ETS';
    return this.runFunction(ast.args, state, this.metadata(name), (target: number, values: SimpleRangeValue, timeline: SimpleRangeValue, seasonality: number, completion: number, aggregation: number) =>
      safely(name, () => {
        const p = prepare(values, timeline, seasonality, completion, aggregation, name);
        return p instanceof CellError ? p : forecastAt(p.series, p.fit, target, name);
      }),
    );
  }

  forecastEtsConfint(ast: ProcedureAst, state: InterpreterState): unknown {
    const name = 'FORECAST.ETS.CONFINT';
    return this.runFunction(
      ast.args,
      state,
      this.metadata(name),
      (target: number, values: SimpleRangeValue, timeline: SimpleRangeValue, confidence: number, seasonality: number, completion: number, aggregation: number) =>
        safely(name, () => {
          const p = prepare(values, timeline, seasonality, completion, aggregation, name);
          return p instanceof CellError ? p : confidenceAt(p.series, p.fit, target, confidence);
        }),
    );
  }

  forecastEtsSeasonality(ast: ProcedureAst, state: InterpreterState): unknown {
    const name = 'FORECAST.ETS.SEASONALITY';
    return this.runFunction(ast.args, state, this.metadata(name), (values: SimpleRangeValue, timeline: SimpleRangeValue, completion: number, aggregation: number) =>
      safely(name, () => {
        const series = buildSeries(flat(values), flat(timeline), completion, aggregation, name);
        return series instanceof CellError ? series : detectSeason(series.values);
      }),
    );
  }

  forecastEtsStat(ast: ProcedureAst, state: InterpreterState): unknown {
    const name = 'FORECAST.ETS.STAT';
    return this.runFunction(
      ast.args,
      state,
      this.metadata(name),
      (values: SimpleRangeValue, timeline: SimpleRangeValue, type: number, seasonality: number, completion: number, aggregation: number) =>
        safely(name, () => {
          if (!(whole(type) >= 1 && whole(type) <= 8)) return num('FORECAST.ETS.STAT: statistic_type must be 1 to 8.');
          const p = prepare(values, timeline, seasonality, completion, aggregation, name);
          return p instanceof CellError ? p : statistic(p.series, p.fit, type);
        }),
    );
  }
}

let registered = false;

/** Registers the plugin; once per process, before a HyperFormula instance is built. */
export function registerForecastEts(): void {
  if (registered) return;
  registered = true;
  for (const id of Object.keys(ETS_FUNCTIONS)) {
    if (HyperFormula.getRegisteredFunctionNames('enGB').includes(id)) HyperFormula.unregisterFunction(id);
  }
  const names = Object.fromEntries(Object.keys(ETS_FUNCTIONS).map((id) => [id, id]));
  HyperFormula.registerFunctionPlugin(ForecastEtsPlugin, Object.fromEntries(HyperFormula.getRegisteredLanguagesCodes().map((code) => [code, names])));
}
