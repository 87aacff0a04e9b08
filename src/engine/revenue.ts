/**
 * Revenue history — CPIC 第四十四条 25, 26, 30 and the trend adjustment of 第十三条 (一) 2 (4).
 *
 * A history is a table of (period start, revenue of the period). Revenue is spread evenly over
 * its period, so a window that cuts a period takes the overlapping fraction of it, by time.
 */
import { CPIC } from './articles';
import { edate, formatSerial } from './calendar';
import { type Decimal, ONE, positivePart, ZERO } from './decimal';
import { fail } from './errors';
import { amount, days, date, type FunctionDefinition, number, type Table, table, type TableParam } from './specs';
import type { Tracer } from './trace';

export interface Period {
  readonly start: Decimal;
  readonly end: Decimal;
  readonly revenue: Decimal;
}

/**
 * Periods of a history table: each runs until the next row's start; the last one is as long as
 * the one before it. Dates must strictly increase.
 */
export function historyPeriods(history: Table, argument = 'history'): Period[] {
  const rows = history.rows;
  const periods: Period[] = [];
  for (let i = 0; i < rows.length; i++) {
    const start = rows[i].cells[0] as Decimal;
    if (i > 0) {
      const previous = rows[i - 1].cells[0] as Decimal;
      if (!start.gt(previous)) {
        fail('notIncreasing', argument, {
          column: { en: 'period start', zh: '期间起始日' },
          row: rows[i].index + 1,
          got: formatSerial(start),
          previous: formatSerial(previous),
        });
      }
    }
  }
  for (let i = 0; i < rows.length; i++) {
    const start = rows[i].cells[0] as Decimal;
    const end =
      i + 1 < rows.length
        ? (rows[i + 1].cells[0] as Decimal)
        : start.plus(start.minus(rows[i - 1].cells[0] as Decimal));
    periods.push({ start, end, revenue: rows[i].cells[1] as Decimal });
  }
  return periods;
}

/** Revenue earned in [from, to), spread evenly over each period; #N/A when not covered. */
export function revenueInWindow(periods: readonly Period[], from: Decimal, to: Decimal, argument = 'history'): Decimal {
  const first = periods[0].start;
  const last = periods[periods.length - 1].end;
  if (from.lt(first) || to.gt(last)) {
    fail('historyNotCovering', argument, {
      from: formatSerial(first),
      to: formatSerial(last),
      start: formatSerial(from),
      end: formatSerial(to),
    });
  }
  let total = ZERO;
  for (const p of periods) {
    if (p.end.lte(from) || p.start.gte(to)) continue;
    const overlapStart = p.start.gt(from) ? p.start : from;
    const overlapEnd = p.end.lt(to) ? p.end : to;
    const overlap = positivePart(overlapEnd.minus(overlapStart));
    const length = p.end.minus(p.start);
    // Whole periods are taken as they are, so an exact history stays exact.
    total = total.plus(overlap.eq(length) ? p.revenue : p.revenue.times(overlap).div(length));
  }
  return total;
}

function applyTrend(base: Decimal, trend: Decimal, t: Tracer): Decimal {
  if (trend.isZero()) return base;
  const adjusted = base.times(ONE.plus(trend));
  t.step({ en: 'Adjusted for the business trend × (1 + trend)', zh: '按经营趋势调整 × (1 + 趋势)' }, adjusted, CPIC.trendAdjustment);
  return adjusted;
}

/** 标准经营性收益: revenue in the indemnity window 12 months before the incident. 第四十四条 25. */
export function standardRevenue(history: Table, incident: Decimal, indemnityDays: Decimal, trend: Decimal, t: Tracer): Decimal {
  const periods = historyPeriods(history);
  const from = edate(incident, -12);
  const to = from.plus(indemnityDays);
  t.step({ en: 'Window start = EDATE(incident date, −12)', zh: '对比期间起始 = 事故日前 12 个月' }, from, CPIC.standardRevenue);
  t.step({ en: 'Window end = start + indemnity days', zh: '对比期间结束 = 起始 + 赔偿期间天数' }, to, CPIC.standardRevenue);
  if (to.gt(incident)) {
    fail('windowAfterIncident', 'indemnity_days', {
      got: indemnityDays.toString(),
      start: formatSerial(from),
      end: formatSerial(to),
      incident: formatSerial(incident),
    });
  }
  const base = revenueInWindow(periods, from, to);
  t.step({ en: 'Revenue in the window (pro rata by time)', zh: '对比期间内的经营性收益（按时间比例）' }, base, CPIC.standardRevenue);
  return applyTrend(base, trend, t);
}

/** 年度经营性收益: revenue in the 12 months before the incident. 第四十四条 26. */
export function annualRevenue(history: Table, incident: Decimal, trend: Decimal, t: Tracer): Decimal {
  const periods = historyPeriods(history);
  const from = edate(incident, -12);
  t.step({ en: 'Year start = EDATE(incident date, −12)', zh: '年度起始 = 事故日前 12 个月' }, from, CPIC.annualRevenue);
  const base = revenueInWindow(periods, from, incident);
  t.step({ en: 'Revenue in the 12 months before the incident', zh: '事故发生前 12 个月内的经营性收益' }, base, CPIC.annualRevenue);
  return applyTrend(base, trend, t);
}

/** 收益减少金额 = max(0, standard − actual). 第四十四条 30. */
export function revenueReduction(standard: Decimal, actual: Decimal, t: Tracer): Decimal {
  const r = positivePart(standard.minus(actual));
  t.step({ en: 'Revenue reduction = max(0, standard − actual)', zh: '收益减少金额 = max(0, 标准经营性收益 − 实际经营性收益)' }, r, CPIC.revenueReduction);
  return r;
}

// ---- catalogue entries (section 2) ----------------------------------------------------------

const history: TableParam = table('history', {
  minRows: 2,
  columns: [
    { key: 'start', kind: 'date', label: { en: 'period start', zh: '期间起始日' } },
    { key: 'revenue', kind: 'amount', label: { en: 'revenue', zh: '经营性收益' } },
  ],
  label: { en: 'revenue history', zh: '经营性收益历史' },
  description: {
    en: 'Revenue history: 2 columns (period start date, operating revenue of the period), dates strictly increasing, at least 2 rows; an optional header row is skipped.',
    zh: '经营性收益历史：2 列（期间起始日期、该期间的经营性收益），日期严格递增，至少 2 行；可带一行标题。',
  },
});
const incidentDate = date('incident_date', {
  label: { en: 'incident date', zh: '事故发生日' },
  description: { en: 'Date of the incident (Excel date serial; a time of day may be a fraction).', zh: '事故发生日期（Excel 日期序列号，可带时间小数）。' },
});
const trend = number('trend', {
  optional: true,
  default: 0,
  greaterThan: -1,
  label: { en: 'trend adjustment', zh: '经营趋势调整' },
  description: {
    en: 'Business-trend adjustment under CPIC 第十三条 (一) 2 (4), e.g. 0.08 for +8%; greater than −1 (default 0).',
    zh: '按太保 第十三条 (一) 2 (4) 的经营趋势调整，例如 +8% 写作 0.08；必须大于 −1（默认 0）。',
  },
});

export const REVENUE_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'STANDARDREVENUE',
    section: 2,
    description: {
      en: 'Standard revenue (标准经营性收益): revenue of the window starting 12 months before the incident and lasting the indemnity days, × (1 + trend). CPIC 第四十四条 25.',
      zh: '标准经营性收益：自事故日前 12 个月起、长度为赔偿期间天数的期间内的经营性收益 × (1 + 趋势)。太保 第四十四条 25。',
    },
    resultKind: 'number',
    articles: [CPIC.standardRevenue, CPIC.trendAdjustment],
    params: [
      history,
      incidentDate,
      days('indemnity_days', {
        greaterThan: 0,
        label: { en: 'indemnity period in days', zh: '赔偿期间天数' },
        description: {
          en: 'Length of the indemnity (or recovery) period in days; greater than 0, and the window must end no later than the incident date.',
          zh: '赔偿期间（或恢复期间）的天数，必须大于 0，且对比期间不得晚于事故发生日结束。',
        },
      }),
      trend,
    ],
    formula: '=SUMPRODUCT(revenue × overlap([EDATE(incident_date,-12), +indemnity_days), period) ÷ period length) × (1 + trend)',
    example: { formula: '=CYBER.STANDARDREVENUE({45292,1000000;45323,1160000;45352,1240000}, 45689, 14)', result: '560000' },
    run: (a, t) => standardRevenue(a.table('history'), a.num('incident_date'), a.num('indemnity_days'), a.num('trend'), t),
  },
  {
    name: 'ANNUALREVENUE',
    section: 2,
    description: {
      en: 'Annual revenue (年度经营性收益): revenue of the 12 months before the incident, × (1 + trend). CPIC 第四十四条 26.',
      zh: '年度经营性收益：事故发生前 12 个月内的经营性收益 × (1 + 趋势)。太保 第四十四条 26。',
    },
    resultKind: 'number',
    articles: [CPIC.annualRevenue, CPIC.trendAdjustment],
    params: [history, incidentDate, trend],
    formula: '=SUMPRODUCT(revenue × overlap([EDATE(incident_date,-12), incident_date), period) ÷ period length) × (1 + trend)',
    example: { formula: '=CYBER.ANNUALREVENUE({45292,3660000;45658,3660000}, 45839)', result: '3650000' },
    run: (a, t) => annualRevenue(a.table('history'), a.num('incident_date'), a.num('trend'), t),
  },
  {
    name: 'REVENUEREDUCTION',
    section: 2,
    description: {
      en: 'Revenue reduction (收益减少金额) = max(0, standard revenue − actual revenue). CPIC 第四十四条 30.',
      zh: '收益减少金额 = max(0, 标准经营性收益 − 实际经营性收益)。太保 第四十四条 30。',
    },
    resultKind: 'number',
    articles: [CPIC.revenueReduction],
    params: [
      amount('standard_revenue', {
        label: { en: 'standard revenue', zh: '标准经营性收益' },
        description: { en: 'Standard revenue of the indemnity period (CYBER.STANDARDREVENUE); 0 or more.', zh: '赔偿期间对应的标准经营性收益（CYBER.STANDARDREVENUE），不得为负数。' },
      }),
      amount('actual_revenue', {
        label: { en: 'actual revenue', zh: '实际经营性收益' },
        description: { en: 'Revenue actually earned during the indemnity period; 0 or more.', zh: '赔偿期间内实际取得的经营性收益，不得为负数。' },
      }),
    ],
    formula: '=MAX(0, standard_revenue - actual_revenue)',
    example: { formula: '=CYBER.REVENUEREDUCTION(500000, 120000)', result: '380000' },
    run: (a, t) => revenueReduction(a.num('standard_revenue'), a.num('actual_revenue'), t),
  },
];

