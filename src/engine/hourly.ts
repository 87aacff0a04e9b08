/**
 * Hourly business interruption and reputational harm — SAMSUNG 第二十九、三十一、三十八条,
 * 释义十四、四十三、四十四、七十.
 *
 * Losses arrive as a series, one value per hour from the start of the service interruption (or of
 * the adverse media event). Every function here is one pass over at most MAX_HOURLY_VALUES values.
 */
import { SAMSUNG } from './articles';
import { requireNonNegativeSeries } from './coerce';
import { type Decimal, dmax, dmin, positivePart, ZERO } from './decimal';
import { amount, type Args, type FunctionDefinition, hours, series, type SeriesParam } from './specs';
import type { Tracer } from './trace';

/** A leap year of hours: the longest series evaluated; a longer one is #NUM!, never a hang. */
export const MAX_HOURLY_VALUES = 8784;

function sumRange(values: readonly Decimal[], from: number, to: number): Decimal {
  let s = ZERO;
  const end = Math.min(to, values.length);
  for (let i = Math.max(0, from); i < end; i++) s = s.plus(values[i]);
  return s;
}

/** 等待期免赔额: the losses of the first `waiting` hours. 释义七十. */
export function waitingDeductible(values: readonly Decimal[], waiting: number, t: Tracer): Decimal {
  const w = sumRange(values, 0, waiting);
  t.step({ en: 'Waiting-period deductible = losses of the first waiting hours', zh: '等待期免赔额 = 等待期内各小时损失之和' }, w, SAMSUNG.waitingDeductible);
  return w;
}

/**
 * Hourly BI payout: the larger of the monetary and the waiting-period deductible applies
 * (第二十九条), only the recovery period counts (≤ 180 days, 释义四十四), within the limit.
 */
export function hourlyBi(values: readonly Decimal[], waiting: number, deductible: Decimal, limit: Decimal, maxHours: number, t: Tracer): Decimal {
  const counted = Math.min(values.length, maxHours);
  const total = sumRange(values, 0, counted);
  t.step({ en: 'Losses of the hours that count (recovery period)', zh: '恢复期内计入的各小时损失之和' }, total, SAMSUNG.recoveryPeriod);
  const w = sumRange(values, 0, Math.min(waiting, counted));
  t.step({ en: 'Waiting-period deductible', zh: '等待期免赔额' }, w, SAMSUNG.waitingDeductible);
  const applied = dmax(deductible, w);
  t.step({ en: 'Deductible applied = larger of the deductible and the waiting-period deductible', zh: '适用免赔额 = 免赔额与等待期免赔额中的较大者' }, applied, SAMSUNG.largerDeductibleBi);
  const payout = dmin(limit, positivePart(total.minus(applied)));
  t.step({ en: 'Payout = min(limit, losses − deductible applied)', zh: '赔付金额 = min(限额, 损失 − 适用免赔额)' }, payout, SAMSUNG.largerDeductibleBi);
  return payout;
}

/**
 * 声誉损害收入损失: hours from the end of the waiting period for the indemnity period count, cut
 * into 24-hour blocks each capped at the daily cap (释义十四), the total capped at the limit.
 */
export function reputational(values: readonly Decimal[], waiting: number, dailyCap: Decimal, indemnityHours: number, limit: Decimal | undefined, t: Tracer): Decimal {
  const from = waiting;
  const to = Math.min(values.length, waiting + indemnityHours);
  let total = ZERO;
  let capped = 0;
  for (let start = from; start < to; start += 24) {
    const block = sumRange(values, start, Math.min(start + 24, to));
    if (block.gt(dailyCap)) capped++;
    total = total.plus(dmin(block, dailyCap));
  }
  t.step({ en: 'Hours counted: from the end of the waiting period, for the indemnity period', zh: '计入小时：自等待期结束起，赔偿期内' }, String(Math.max(0, to - from)), SAMSUNG.indemnityPeriod);
  t.step({ en: '24-hour blocks capped at the daily cap', zh: '按每日赔偿金上限封顶的 24 小时区段数' }, String(capped), SAMSUNG.dailyCap);
  t.step({ en: 'Sum of the capped 24-hour blocks', zh: '各 24 小时区段封顶后的合计' }, total, SAMSUNG.reputationalWaiting);
  if (limit === undefined) return total;
  const payout = dmin(total, limit);
  t.step({ en: 'Payout = min(total, limit)', zh: '赔付金额 = min(合计, 限额)' }, payout, SAMSUNG.dailyCap);
  return payout;
}

// ---- catalogue entries (section 4) ----------------------------------------------------------

const hourlyLosses: SeriesParam = series('hourly_losses', {
  maxLength: MAX_HOURLY_VALUES,
  label: { en: 'hourly losses', zh: '每小时损失' },
  description: {
    en: 'Losses per hour from the start of the interruption (or adverse media event): one row or one column, at most 8,784 values (a leap year); blanks count as 0.',
    zh: '自服务中断（或负面媒体事件）开始起每小时的损失：单行或单列，最多 8,784 个值（一个闰年），空白按 0 计。',
  },
});
const waitingHours = hours('waiting_hours', {
  whole: true,
  label: { en: 'waiting period (hours)', zh: '等待期（小时）' },
  description: { en: 'Waiting period in whole hours from the schedule; 0 or more.', zh: '明细表规定的等待期（整数小时），不得为负数。' },
});

/**
 * The hourly losses as amounts: a negative hour is #VALUE! (catalogue conventions: every amount
 * ≥ 0). Without this check a negative hour made WAITINGDEDUCTIBLE and REPUTATIONAL negative.
 */
const lossesOf = (a: Args): readonly Decimal[] => requireNonNegativeSeries(a.series('hourly_losses'), 'hourly_losses');

export const HOURLY_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'WAITINGDEDUCTIBLE',
    section: 4,
    description: {
      en: 'Waiting-period deductible (等待期免赔额): the sum of the losses of the first waiting hours. SAMSUNG 释义七十.',
      zh: '等待期免赔额：等待期内各小时损失之和。三星 释义七十。',
    },
    resultKind: 'number',
    articles: [SAMSUNG.waitingDeductible],
    params: [hourlyLosses, waitingHours],
    formula: '=SUM(OFFSET(hourly_losses, 0, 0, waiting_hours))',
    example: { formula: '=CYBER.WAITINGDEDUCTIBLE({100;200;300;400}, 2)', result: '300' },
    run: (a, t) => waitingDeductible(lossesOf(a), a.num('waiting_hours').toNumber(), t),
  },
  {
    name: 'HOURLYBI',
    section: 4,
    description: {
      en: 'Hourly business-interruption payout: losses of the first max_hours hours less the larger of the deductible and the waiting-period deductible, within the limit. SAMSUNG 第二十九条, 释义四十四.',
      zh: '按小时计算的营业收入损失赔付：前 max_hours 小时的损失减去免赔额与等待期免赔额中的较大者，以限额为限。三星 第二十九条、释义四十四。',
    },
    resultKind: 'number',
    articles: [SAMSUNG.largerDeductibleBi, SAMSUNG.recoveryPeriod, SAMSUNG.waitingDeductible],
    params: [
      hourlyLosses,
      waitingHours,
      amount('deductible', {
        label: { en: 'deductible', zh: '免赔额' },
        description: { en: 'Monetary deductible from the schedule; 0 or more.', zh: '明细表规定的免赔额，不得为负数。' },
      }),
      amount('limit', {
        label: { en: 'limit', zh: '责任限额' },
        description: { en: 'Limit of the business-interruption cover; 0 or more.', zh: '营业收入损失保障的责任限额，不得为负数。' },
      }),
      hours('max_hours', {
        optional: true,
        default: 4320,
        whole: true,
        label: { en: 'recovery period cap (hours)', zh: '恢复期上限（小时）' },
        description: { en: 'Hours that count at most: the recovery period, never over 180 days = 4320 hours (default 4320).', zh: '最多计入的小时数：恢复期，不超过 180 天即 4320 小时（默认 4320）。' },
      }),
    ],
    formula: '=MIN(limit, MAX(0, SUM(first max_hours) - MAX(deductible, SUM(first waiting_hours))))',
    example: { formula: '=CYBER.HOURLYBI({100;200;300;400}, 2, 250, 1000)', result: '700' },
    run: (a, t) =>
      hourlyBi(lossesOf(a), a.num('waiting_hours').toNumber(), a.num('deductible'), a.num('limit'), a.num('max_hours').toNumber(), t),
  },
  {
    name: 'REPUTATIONAL',
    section: 4,
    description: {
      en: 'Reputational-harm income loss (声誉损害收入损失): hours after the waiting period within the indemnity period, in 24-hour blocks each capped at the daily cap, total within the limit. SAMSUNG 第三十一条, 第二十六条 (六), 释义十四、四十三.',
      zh: '声誉损害收入损失：等待期结束后赔偿期内的各小时损失，按 24 小时分段、每段以每日赔偿金上限为限，合计以限额为限。三星 第三十一条、第二十六条（六）、释义十四、四十三。',
    },
    resultKind: 'number',
    articles: [SAMSUNG.reputationalWaiting, SAMSUNG.dailyCap, SAMSUNG.indemnityPeriod],
    params: [
      hourlyLosses,
      { ...waitingHours, description: { en: 'Adverse-media waiting period in whole hours; 0 or more.', zh: '负面媒体事件等待期（整数小时），不得为负数。' } },
      amount('daily_cap', {
        optional: true,
        default: 1000000,
        label: { en: 'daily cap', zh: '每日赔偿金上限' },
        description: { en: 'Most payable per 24 hours (每日赔偿金上限, default 1,000,000).', zh: '每 24 小时最高赔付金额（每日赔偿金上限，默认 1,000,000）。' },
      }),
      hours('indemnity_hours', {
        optional: true,
        default: 4380,
        whole: true,
        label: { en: 'indemnity period (hours)', zh: '赔偿期（小时）' },
        description: { en: 'Indemnity period in whole hours after the waiting period, at most six months (default 4380 = 6 × 730).', zh: '等待期结束后的赔偿期（整数小时），最长六个月（默认 4380 = 6 × 730）。' },
      }),
      amount('limit', {
        optional: true,
        label: { en: 'limit', zh: '责任限额' },
        description: { en: 'Limit of the reputational-harm cover; omit for none.', zh: '声誉损害保障的责任限额；省略则不设。' },
      }),
    ],
    formula: '=MIN(limit, SUM over 24-hour blocks from waiting_hours of MIN(daily_cap, SUM(block)))',
    example: { formula: '=CYBER.REPUTATIONAL({100;200;300;400;500;600}, 1, 1000, 4)', result: '1000' },
    run: (a, t) =>
      reputational(lossesOf(a), a.num('waiting_hours').toNumber(), a.num('daily_cap'), a.num('indemnity_hours').toNumber(), a.optNum('limit'), t),
  },
];
