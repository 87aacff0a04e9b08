/**
 * Currency (catalogue section 9): an amount in another currency converted into the policy's, at
 * the rate of a given day — SAMSUNG 第五十条 (一) (the rate of the judgment, settlement or due
 * date, or the next one published) and ISO's valuation condition (the rate of the day the loss
 * was sustained).
 */
import { CURRENCY } from './articles';
import { formatSerial } from './calendar';
import type { Decimal } from './decimal';
import { fail } from './errors';
import { amount, date, type FunctionDefinition, option, type Table, table } from './specs';
import type { Tracer } from './trace';

export type RateRule = 'next' | 'prior';

interface Rate {
  readonly day: Decimal;
  readonly rate: Decimal;
  /** 1-based row of the range as given, for messages and the trace. */
  readonly row: number;
}

/** The rows of a rates table, checked: dates strictly increase, every rate is above 0. */
function ratesOf(rates: Table): Rate[] {
  const out: Rate[] = [];
  for (const r of rates.rows) {
    const day = r.cells[0] as Decimal;
    const rate = r.cells[1] as Decimal;
    const row = r.index + 1;
    // A rate is units of the policy's currency per unit of the amount's: 0 or less converts
    // nothing into anything, so it can only be a typing error.
    if (!rate.gt(0)) fail('rateNotPositive', 'rates', { row, got: rate.toString() });
    const previous = out[out.length - 1];
    if (previous !== undefined && !day.gt(previous.day)) {
      fail('notIncreasing', 'rates', { column: { en: 'date', zh: '日期' }, row, got: formatSerial(day), previous: formatSerial(previous.day) });
    }
    out.push({ day, rate, row });
  }
  return out;
}

/**
 * The rate of INT(date): the row dated that day, else (no rate published that day) the next
 * published one ("next", SAMSUNG 第五十条 (一): 「如果该日期没有公布汇率，则按照中国国家外汇管理局下一个日期公布的汇率」)
 * or the last one before ("prior"); #N/A when there is none.
 */
export function fx(value: Decimal, rates: Table, when: Decimal, rule: RateRule, t: Tracer): Decimal {
  const rows = ratesOf(rates);
  const day = when.floor();
  let found = rows.find((r) => r.day.eq(day));
  let how = { en: 'published that day', zh: '当日公布' };
  if (found === undefined) {
    if (rule === 'next') {
      found = rows.find((r) => r.day.gt(day));
      how = { en: 'none that day: the next published', zh: '当日未公布：取下一个公布日' };
    } else {
      for (const r of rows) if (r.day.lt(day)) found = r;
      how = { en: 'none that day: the last published before', zh: '当日未公布：取此前最后一个公布日' };
    }
  }
  if (found === undefined) {
    fail('noRateForDate', 'rates', {
      date: formatSerial(day),
      direction: rule === 'next' ? { en: 'after', zh: '此后' } : { en: 'before', zh: '此前' },
      rule,
      from: formatSerial(rows[0].day),
      to: formatSerial(rows[rows.length - 1].day),
    });
  }
  t.step({ en: `Rate of ${formatSerial(day)} (${how.en}): row ${found.row}, ${formatSerial(found.day)}`, zh: `${formatSerial(day)} 的汇率（${how.zh}）：第 ${found.row} 行，${formatSerial(found.day)}` }, found.rate, CURRENCY.samsung);
  const converted = value.times(found.rate);
  t.step({ en: 'Amount × rate, in the policy’s currency', zh: '金额 × 汇率（保单币种）' }, converted, CURRENCY.samsung);
  return converted;
}

export const CURRENCY_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'FX',
    // Excel refuses a two-letter id (Microsoft: ids and names "must start with a letter and be at
    // least three characters"); the catalogue's FX keeps its name everywhere else.
    excelName: 'FXRATE',
    section: 9,
    description: {
      en: 'Converts amount into the policy’s currency at the rate of date: the rate published that day, else the next one ("next", SAMSUNG 第五十条 (一)) or the last one before ("prior"); #N/A when there is none.',
      zh: '按日期的汇率将金额折算为保单币种：取当日公布的汇率；当日未公布时取下一个公布的汇率（"next"，三星 第五十条（一））或此前最后一个（"prior"）；均无时为 #N/A。',
    },
    resultKind: 'number',
    articles: [CURRENCY.samsung, CURRENCY.iso],
    params: [
      amount('amount', {
        label: { en: 'amount', zh: '金额' },
        description: { en: 'The amount in the other currency; 0 or more.', zh: '以其他币种表示的金额，不得为负数。' },
      }),
      table('rates', {
        columns: [
          { key: 'date', label: { en: 'date', zh: '日期' }, kind: 'date' },
          { key: 'rate', label: { en: 'rate', zh: '汇率' }, kind: 'number' },
        ],
        label: { en: 'rates', zh: '汇率表' },
        description: {
          en: 'Table of 2 columns, date and rate (units of the policy’s currency per unit of the amount’s currency, > 0), dates strictly increasing; one header row allowed.',
          zh: '两列表格：日期、汇率（每单位金额币种折合的保单币种数额，须大于 0），日期严格递增；可含一行标题。',
        },
      }),
      date('date', {
        label: { en: 'date', zh: '汇率日' },
        description: {
          en: 'Day whose rate applies (judgment, settlement or due date; for ISO the day the loss was sustained); a time of day is ignored.',
          zh: '适用其汇率的日期（判决、和解或到期应付之日；ISO 为损失发生之日）；时间部分不计。',
        },
      }),
      option('rule', {
        optional: true,
        default: 'next',
        options: ['next', 'prior'],
        label: { en: 'rule', zh: '取值规则' },
        description: {
          en: 'When no rate was published that day: "next" (default) takes the next published rate, "prior" the last one before.',
          zh: '当日未公布汇率时："next"（默认）取下一个公布的汇率，"prior" 取此前最后一个。',
        },
      }),
    ],
    formula: '=amount * XLOOKUP(INT(date), INDEX(rates, , 1), INDEX(rates, , 2), NA(), IF(rule = "prior", -1, 1))',
    example: { formula: '=CYBER.FX(1000, {45658,7.1;45660,7.2}, 45659)', result: '7200' },
    run: (a, t) => fx(a.num('amount'), a.table('rates'), a.num('date'), a.text('rule') as RateRule, t),
  },
];
