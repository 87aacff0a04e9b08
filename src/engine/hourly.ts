/**
 * Hourly business interruption and reputational harm — SAMSUNG 第二十九、三十一、三十八条,
 * 释义十四、四十三、四十四、七十.
 *
 * Losses arrive as a series, one value per hour from the start of the service interruption (or of
 * the adverse media event). Every function here is one pass over at most MAX_HOURLY_VALUES values.
 */
import { SAMSUNG } from './articles';
import { edate, formatSerial } from './calendar';
import { requireNonNegativeSeries } from './coerce';
import { Dec, type Decimal, dmax, dmin, positivePart, ZERO } from './decimal';
import { amount, type Args, date, type FunctionDefinition, hours, series, type SeriesParam } from './specs';
import type { Tracer } from './trace';

/** A leap year of hours: the longest series evaluated; a longer one is #NUM!, never a hang. */
export const MAX_HOURLY_VALUES = 8784;

/**
 * 恢复期 in hours at most: 180 days. SAMSUNG 释义四十四「恢复期在任何情况下均不得超过 180 天」— a
 * schedule may shorten the recovery period, never lengthen it, so a longer max_hours is #VALUE!.
 */
export const MAX_RECOVERY_HOURS = 180 * 24;

/**
 * 赔偿期 in hours at most: 184 days, the longest six calendar months (1 July to 1 January; the
 * shortest, 1 September to 1 March, is 181). SAMSUNG 释义四十三 (二) ends the indemnity period
 * 「负面媒体事件等待期结束后六个月」, so no schedule can make it longer.
 */
export const MAX_INDEMNITY_HOURS = 184 * 24;

const SECONDS_PER_DAY = 86400;

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
 * The indemnity period in hours when the series' first hour is known (SAMSUNG 释义四十三 (二):
 * 「负面媒体事件等待期结束后六个月」): the waiting period ends at E = start + waiting / 24 (释义二:
 * the waiting period counts 「从被保险人首次发现负面媒体事件时开始」), and six calendar months later
 * is EDATE(E, 6) at the same time of day, so H = 24 × the whole days between them (181 to 184).
 *
 * Only E's day matters (the time of day is kept, so it cancels out). E is rounded to the second
 * before its day is taken: a start typed as 20:00 is a double a hair off 20/24, and 20:00 plus a
 * 4-hour waiting period must fall on the next day's 00:00, not on 23:59:59.999… of the day before
 * — which, on the 29th to 31st of a month, changes the month-end clamping and the period by a day.
 */
function calendarIndemnityHours(start: Decimal, waiting: number, t: Tracer): number {
  const end = start.plus(new Dec(waiting).div(24)).times(SECONDS_PER_DAY).round().div(SECONDS_PER_DAY);
  const sixMonthsLater = edate(end, 6);
  const days = sixMonthsLater.floor().minus(end.floor()).toNumber();
  t.step({ en: 'End of the waiting period E = start + waiting hours ÷ 24', zh: '负面媒体事件等待期结束时间 E = 首次发现时间 + 等待期小时数 ÷ 24' }, formatSerial(end), SAMSUNG.mediaWaitingPeriod);
  t.step({ en: 'Six calendar months after E: EDATE(E, 6) at the same time of day', zh: 'E 之后六个月：EDATE(E, 6)，时刻不变' }, formatSerial(sixMonthsLater), SAMSUNG.indemnityPeriod);
  return days * 24;
}

/**
 * 声誉损害收入损失: hours from the end of the waiting period for the indemnity period count, cut
 * into 24-hour blocks each capped at the daily cap (释义十四), the total capped at the limit.
 * With `start` the indemnity period is also cut at six calendar months after the waiting period
 * (释义四十三 (二)); without it, `indemnityHours` alone is the period.
 */
export function reputational(
  values: readonly Decimal[],
  waiting: number,
  dailyCap: Decimal,
  indemnityHours: number,
  limit: Decimal | undefined,
  start: Decimal | undefined,
  t: Tracer,
): Decimal {
  let period = indemnityHours;
  // The calendar is consulted only when an hour of the series can count (waiting < length ≤ 8,784
  // hours), so E stays within a year of a valid date; past the series nothing counts either way.
  if (start !== undefined && waiting < values.length) {
    const calendar = calendarIndemnityHours(start, waiting, t);
    period = Math.min(indemnityHours, calendar);
    t.step({ en: 'Indemnity period (hours) = min(indemnity hours, six calendar months)', zh: '赔偿期（小时）= min(赔偿期小时数, 六个自然月)' }, String(period), SAMSUNG.indemnityPeriod);
  }
  const from = waiting;
  const to = Math.min(values.length, waiting + period);
  let total = ZERO;
  let capped = 0;
  for (let blockStart = from; blockStart < to; blockStart += 24) {
    const block = sumRange(values, blockStart, Math.min(blockStart + 24, to));
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
      en: 'Hourly business-interruption payout: losses of the first max_hours hours (the recovery period, never over 180 days = 4320 hours) less the larger of the deductible and the waiting-period deductible, within the limit. SAMSUNG 第二十九条, 释义四十四.',
      zh: '按小时计算的营业收入损失赔付：前 max_hours 小时（恢复期，任何情况下不超过 180 天即 4320 小时）的损失减去免赔额与等待期免赔额中的较大者，以限额为限。三星 第二十九条、释义四十四。',
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
        default: MAX_RECOVERY_HOURS,
        max: MAX_RECOVERY_HOURS,
        whole: true,
        label: { en: 'recovery period cap (hours)', zh: '恢复期上限（小时）' },
        description: {
          en: 'Hours that count at most: the recovery period, 0 to 4320 (default 4320). A schedule may shorten it, never lengthen it: the recovery period never exceeds 180 days (SAMSUNG 释义四十四), so above 4320 is #VALUE!.',
          zh: '最多计入的小时数：恢复期，0 至 4320（默认 4320）。明细表可缩短、不可延长：恢复期在任何情况下均不得超过 180 天（三星 释义四十四），大于 4320 为 #VALUE!。',
        },
      }),
    ],
    formula: '=IF(max_hours > 4320, #VALUE!, MIN(limit, MAX(0, SUM(first max_hours hours) - MAX(deductible, SUM(first MIN(waiting_hours, max_hours) hours)))))',
    example: { formula: '=CYBER.HOURLYBI({100;200;300;400}, 2, 250, 1000, 3)', result: '300' },
    run: (a, t) =>
      hourlyBi(lossesOf(a), a.num('waiting_hours').toNumber(), a.num('deductible'), a.num('limit'), a.num('max_hours').toNumber(), t),
  },
  {
    name: 'REPUTATIONAL',
    section: 4,
    description: {
      en: 'Reputational-harm income loss (声誉损害收入损失): hours after the waiting period within the indemnity period (at most six months; with start, six calendar months to the hour), in 24-hour blocks each capped at the daily cap, total within the limit. The wording\'s daily cap is USD 1,000,000 unless the schedule agrees otherwise; the default 1,000,000 is read in the series\' currency, so for a series in another currency give the cap converted with CYBER.FX (CYBER.FXRATE in Excel). SAMSUNG 第三十一条, 第二十六条 (六), 第五十条, 释义十四、四十三.',
      zh: '声誉损害收入损失：等待期结束后赔偿期内（最长六个月；给出 start 时为精确到小时的六个自然月）的各小时损失，按 24 小时分段、每段以每日赔偿金上限为限，合计以限额为限。条款的每日赔偿金上限除另有约定外为 1,000,000 美元；默认值 1,000,000 按损失序列的币种计，序列为其他币种时请给出用 CYBER.FX（Excel 中为 CYBER.FXRATE）折算后的上限。三星 第三十一条、第二十六条（六）、第五十条、释义十四、四十三。',
    },
    resultKind: 'number',
    articles: [SAMSUNG.reputationalWaiting, SAMSUNG.dailyCap, SAMSUNG.indemnityPeriod, SAMSUNG.mediaWaitingPeriod],
    params: [
      hourlyLosses,
      { ...waitingHours, description: { en: 'Adverse-media waiting period in whole hours from first discovery of the adverse media event; 0 or more.', zh: '负面媒体事件等待期（整数小时，自首次发现负面媒体事件时起算），不得为负数。' } },
      amount('daily_cap', {
        optional: true,
        default: 1000000,
        label: { en: 'daily cap', zh: '每日赔偿金上限' },
        description: {
          en: 'Most payable per 24 hours (每日赔偿金上限): USD 1,000,000 in the wording unless the schedule agrees otherwise. Give it in the series\' currency (default 1,000,000 of that currency); for a series in another currency convert the USD cap with CYBER.FX, CYBER.FXRATE in Excel (SAMSUNG 第五十条).',
          zh: '每 24 小时最高赔付金额（每日赔偿金上限）：条款规定除另有约定外为 1,000,000 美元。请按损失序列的币种给出（默认为该币种的 1,000,000）；序列为其他币种时，用 CYBER.FX（Excel 中为 CYBER.FXRATE）折算美元上限（三星 第五十条）。',
        },
      }),
      hours('indemnity_hours', {
        optional: true,
        default: 4380,
        max: MAX_INDEMNITY_HOURS,
        whole: true,
        label: { en: 'indemnity period (hours)', zh: '赔偿期（小时）' },
        description: {
          en: 'Indemnity period in whole hours after the waiting period, 0 to 4416 (184 days, the longest six calendar months); default 4380 = 6 × 730. With start the period also ends six calendar months after the waiting period: give 4416 to let the calendar alone decide.',
          zh: '等待期结束后的赔偿期（整数小时），0 至 4416（184 天，最长的六个自然月）；默认 4380 = 6 × 730。给出 start 时赔偿期还在等待期结束后六个自然月终止：给 4416 即完全按日历计算。',
        },
      }),
      amount('limit', {
        optional: true,
        label: { en: 'limit', zh: '责任限额' },
        description: { en: 'Limit of the reputational-harm cover; omit for none.', zh: '声誉损害保障的责任限额；省略则不设。' },
      }),
      date('start', {
        optional: true,
        label: { en: 'first discovery', zh: '首次发现时间' },
        description: {
          en: 'Date and time of the first hour of the series (when the adverse media event was first discovered). With it the indemnity period ends at the earlier of indemnity_hours and six calendar months after the waiting period, to the hour; omit to use indemnity_hours alone.',
          zh: '序列第一个小时的日期时间（首次发现负面媒体事件的时间）。给出时，赔偿期在 indemnity_hours 与等待期结束后六个自然月（精确到小时）中较早者终止；省略则只按 indemnity_hours。',
        },
      }),
    ],
    formula:
      '=MIN(limit, SUM over 24-hour blocks of hours [waiting_hours, waiting_hours + H) of MIN(daily_cap, SUM(block))), H = IF(ISBLANK(start), indemnity_hours, MIN(indemnity_hours, 24 * (EDATE(E, 6) - E))) with E = start + waiting_hours / 24 and EDATE keeping the time of day',
    example: { formula: '=CYBER.REPUTATIONAL({100;200;300;400;500;600}, 1, 1000, 4416, 5000, 45900.5)', result: '1000' },
    run: (a, t) =>
      reputational(lossesOf(a), a.num('waiting_hours').toNumber(), a.num('daily_cap'), a.num('indemnity_hours').toNumber(), a.optNum('limit'), a.optNum('start'), t),
  },
];
