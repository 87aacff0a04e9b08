/**
 * Network-interruption loss and payout — CPIC 第十三条 (一) 2 and (二) 1, 第十四条, 第五条.
 */
import { CPIC } from './articles';
import { type Decimal, dmin, ONE, positivePart } from './decimal';
import { fail } from './errors';
import { amount, date, days, type FunctionDefinition, hours, ratio, table } from './specs';
import type { Tracer } from './trace';

/** 丧失利益 = max(0, revenue reduction × profit rate − saved costs). 第十三条 (一) 2 (1) ①. */
export function lostProfit(reduction: Decimal, rate: Decimal, saved: Decimal, t: Tracer): Decimal {
  const gross = reduction.times(rate);
  t.step({ en: 'Revenue reduction × profit rate', zh: '收益减少金额 × 利润率' }, gross, CPIC.lostProfit);
  const lost = positivePart(gross.minus(saved));
  t.step({ en: 'Lost profit = max(0, … − insured maintenance costs saved)', zh: '丧失利益 = max(0, … − 赔偿期间内免于支出的投保维持费用)' }, lost, CPIC.lostProfit);
  return lost;
}

/**
 * 防止收益减少费用: the expense in the insured proportion, never more than the profit it saved.
 * 第十三条 (一) 2 (1) ②.
 */
export function preventionCost(expense: Decimal, insuredRatio: Decimal, avoided: Decimal, rate: Decimal, t: Tracer): Decimal {
  const proportional = expense.times(insuredRatio);
  t.step({ en: 'Expense × insured ratio', zh: '防止收益减少费用 × 投保比率' }, proportional, CPIC.preventionCost);
  const ceiling = avoided.times(rate);
  t.step({ en: 'Ceiling = revenue reduction avoided × profit rate', zh: '上限 = 因该费用而免于减少的经营性收益 × 利润率' }, ceiling, CPIC.preventionCost);
  const payable = dmin(proportional, ceiling);
  t.step({ en: 'Prevention cost payable = the lower of the two', zh: '应赔付的防止收益减少费用 = 两者取其低' }, payable, CPIC.preventionCost);
  return payable;
}

export interface BiPayoutInputs {
  readonly loss: Decimal;
  readonly deductible: Decimal;
  readonly sumInsured: Decimal;
  readonly limit: Decimal;
  readonly annualRevenue?: Decimal;
  readonly profitRate?: Decimal;
  readonly insuredRatio?: Decimal;
  readonly paidToDate: Decimal;
}

/** Per-incident lost-profit payout with the period cap and under-insurance. 第十三条 (一) 2 (2), (3), (5). */
export function biPayout(x: BiPayoutInputs, t: Tracer): Decimal {
  const perIncident = dmin(x.sumInsured, x.limit);
  t.step({ en: 'Lower of sum insured and limit', zh: '利润保险金额与利润赔偿限额取其低' }, perIncident, CPIC.payoutPerIncident);
  const cap = positivePart(perIncident.minus(x.paidToDate));
  t.step({ en: 'Cap = that − paid to date in the period', zh: '剩余限额 = 上述金额 − 保险期间内已赔付金额' }, cap, CPIC.periodCap);
  const net = positivePart(x.loss.minus(x.deductible));
  t.step({ en: 'Loss less deductible', zh: '损失金额 − 利润免赔额' }, net, CPIC.payoutPerIncident);
  let scale = ONE;
  if (x.annualRevenue !== undefined && x.profitRate !== undefined) {
    let insurable = x.annualRevenue.times(x.profitRate);
    if (x.insuredRatio !== undefined) insurable = insurable.times(x.insuredRatio);
    t.step(
      x.insuredRatio !== undefined
        ? { en: 'Insurable = annual revenue × profit rate × insured ratio', zh: '应保金额 = 年度经营性收益 × 利润率 × 投保比率' }
        : { en: 'Insurable = annual revenue × profit rate', zh: '应保金额 = 年度经营性收益 × 利润率' },
      insurable,
      CPIC.underInsurance,
    );
    if (x.sumInsured.lt(insurable)) {
      scale = x.sumInsured.div(insurable);
      t.step({ en: 'Under-insured: scale = sum insured ÷ insurable', zh: '不足额保险：比例 = 利润保险金额 ÷ 应保金额' }, scale, CPIC.underInsurance);
    } else {
      t.step({ en: 'Not under-insured: scale = 1', zh: '非不足额保险：比例 = 1' }, scale, CPIC.underInsurance);
    }
  }
  const payout = dmin(cap, scale.eq(ONE) ? net : net.times(scale));
  t.step({ en: 'Payout = min(cap, (loss − deductible) × scale)', zh: '赔付金额 = min(剩余限额, (损失 − 免赔额) × 比例)' }, payout, CPIC.payoutPerIncident);
  return payout;
}

/** Time deductible as a trigger: TRUE when the interruption lasted longer. 第十四条 1. */
export function waitingMet(duration: Decimal, waiting: Decimal, t: Tracer): boolean {
  const met = duration.gt(waiting);
  t.step({ en: 'Interruption lasted longer than the time deductible', zh: '网络中断持续时间超过免赔时间' }, met, CPIC.timeDeductible);
  return met;
}

/**
 * Ratio of the first row whose bound ≥ the recovery period d; #N/A beyond the last bound.
 * 第十三条 (一) 2 (7). With the schedule's agreed recovery period, d = min(recovery days, agreed
 * days): CPIC 第四十四条 28 「任何情况下不得超过明细表中规定的经营延续费用约定恢复期间」.
 */
export function recoveryRatio(
  recoveryDays: Decimal,
  agreedDays: Decimal | undefined,
  rows: ReadonlyArray<readonly [Decimal, Decimal]>,
  tableRows: readonly number[],
  t: Tracer,
): Decimal {
  for (let i = 1; i < rows.length; i++) {
    if (!rows[i][0].gt(rows[i - 1][0])) {
      fail('notIncreasing', 'table', {
        column: { en: 'upper bound (days)', zh: '天数上限' },
        row: tableRows[i] + 1,
        got: rows[i][0].toString(),
        previous: rows[i - 1][0].toString(),
      });
    }
  }
  // The argument a lookup failure names is the one that set the recovery period.
  const capped = agreedDays !== undefined && agreedDays.lt(recoveryDays);
  const days = capped ? agreedDays : recoveryDays;
  if (agreedDays !== undefined) {
    t.step({ en: 'Recovery period = min(recovery days, agreed recovery period)', zh: '恢复期间 = min(恢复期间天数, 约定恢复期间)' }, days, CPIC.recoveryPeriod);
  }
  const hit = rows.find((r) => r[0].gte(days));
  if (!hit) {
    fail('beyondLastBound', capped ? 'agreed_days' : 'recovery_days', { got: days.toString(), max: rows[rows.length - 1][0].toString() });
  }
  t.step({ en: 'Ratio of the first bound ≥ recovery days', zh: '首个不小于恢复期间天数的上限所对应的比例' }, hit[1], CPIC.continuationPerIncident);
  return hit[1];
}

/** 经营延续费用 per incident. 第十三条 (一) 2 (6)–(8). */
export function continuationPayout(expenses: Decimal, deductible: Decimal, sumInsured: Decimal, recovery: Decimal, paid: Decimal, t: Tracer): Decimal {
  const net = positivePart(expenses.minus(deductible));
  t.step({ en: 'Continuation costs less deductible', zh: '经营延续费用 − 经营延续费用免赔额' }, net, CPIC.continuationCost);
  const perIncident = sumInsured.times(recovery);
  t.step({ en: 'Per-incident limit = sum insured × recovery ratio', zh: '每次事故限额 = 经营延续费用保险金额 × 恢复期间对应比例' }, perIncident, CPIC.continuationPerIncident);
  const remaining = positivePart(sumInsured.minus(paid));
  t.step({ en: 'Remaining for the period = sum insured − paid to date', zh: '保险期间剩余额度 = 保险金额 − 已赔付金额' }, remaining, CPIC.continuationPeriodCap);
  const payout = dmin(net, perIncident, remaining);
  t.step({ en: 'Payout = the lowest of the three', zh: '赔付金额 = 三者取其低' }, payout, CPIC.continuationPerIncident);
  return payout;
}

/** 危机管理/诉讼应对费用: (spent − recovered) × reduction ratio within the limit, no deductible. 第十三条 (二) 1. */
export function crisisPayout(spent: Decimal, recovered: Decimal, reduction: Decimal, limit: Decimal, paid: Decimal, t: Tracer): Decimal {
  const net = positivePart(spent.minus(recovered));
  t.step({ en: 'Spent less amounts recovered from others', zh: '支出金额 − 可从他人处回收的金额' }, net, CPIC.crisisPayout);
  const reduced = net.times(reduction);
  t.step({ en: '× reduction ratio', zh: '× 减额赔付比例' }, reduced, CPIC.crisisPayout);
  const remaining = positivePart(limit.minus(paid));
  t.step({ en: 'Remaining limit = limit − paid to date (no deductible applies)', zh: '剩余限额 = 限额 − 已赔付金额（不适用免赔额）' }, remaining, CPIC.crisisPayout);
  const payout = dmin(reduced, remaining);
  t.step({ en: 'Payout = min(…, remaining limit)', zh: '赔付金额 = min(…, 剩余限额)' }, payout, CPIC.crisisPayout);
  return payout;
}

/**
 * TRUE when the cost's day lies from the day after discovery through `days` days after it.
 * 第五条 1 (1): "被保险人首次发现网络安全事故的第二天起的 180 日内". Both dates are taken by their
 * day (INT), so a discovery in the afternoon still opens the window at the next midnight.
 */
export function crisisWindow(discovery: Decimal, cost: Decimal, span: Decimal, t: Tracer): boolean {
  const day = discovery.floor();
  const costDay = cost.floor();
  const first = day.plus(1);
  const last = day.plus(span);
  t.step({ en: 'Window opens the day after discovery', zh: '处理期间自发现后第二天开始' }, first, CPIC.crisisWindow);
  t.step({ en: 'Window closes after the number of days', zh: '处理期间在规定天数后结束' }, last, CPIC.crisisWindow);
  const inside = costDay.gte(first) && costDay.lte(last);
  t.step({ en: 'Cost date lies in the window', zh: '费用发生日在处理期间内' }, inside, CPIC.crisisWindow);
  return inside;
}

// ---- catalogue entries (section 3) ----------------------------------------------------------

const profitRateParam = ratio('profit_rate', {
  label: { en: 'profit rate', zh: '利润率' },
  description: { en: 'Profit rate (CYBER.PROFITRATE), a fraction between 0 and 1.', zh: '利润率（CYBER.PROFITRATE），0 到 1 之间的比例。' },
});
const insuredRatioParam = ratio('insured_ratio', {
  label: { en: 'insured ratio', zh: '投保比率' },
  description: { en: 'Insured ratio (CYBER.INSUREDRATIO), a fraction between 0 and 1.', zh: '投保比率（CYBER.INSUREDRATIO），0 到 1 之间的比例。' },
});
const paidToDate = amount('paid_to_date', {
  optional: true,
  default: 0,
  label: { en: 'paid to date', zh: '已赔付金额' },
  description: { en: 'Amount already paid under this limit in the policy period (default 0).', zh: '本保险期间内该限额项下已赔付的金额（默认 0）。' },
});
const deductible = amount('deductible', {
  label: { en: 'deductible', zh: '免赔额' },
  description: { en: 'Deductible per incident from the schedule; 0 or more.', zh: '明细表规定的每次事故免赔额，不得为负数。' },
});

export const INTERRUPTION_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'LOSTPROFIT',
    section: 3,
    description: {
      en: 'Lost profit (丧失利益) = max(0, revenue reduction × profit rate − insured maintenance costs saved). CPIC 第十三条 (一) 2 (1) ①.',
      zh: '丧失利益 = max(0, 收益减少金额 × 利润率 − 赔偿期间内免于支出的投保维持费用)。太保 第十三条 (一) 2 (1) ①。',
    },
    resultKind: 'number',
    articles: [CPIC.lostProfit],
    params: [
      amount('revenue_reduction', {
        label: { en: 'revenue reduction', zh: '收益减少金额' },
        description: { en: 'Revenue reduction in the indemnity period (CYBER.REVENUEREDUCTION); 0 or more.', zh: '赔偿期间内的收益减少金额（CYBER.REVENUEREDUCTION），不得为负数。' },
      }),
      profitRateParam,
      amount('saved_costs', {
        optional: true,
        default: 0,
        label: { en: 'costs saved', zh: '免于支出的投保维持费用' },
        description: { en: 'Insured maintenance costs not spent during the indemnity period (default 0).', zh: '赔偿期间内免于支出的投保维持费用（默认 0）。' },
      }),
    ],
    formula: '=MAX(0, revenue_reduction * profit_rate - saved_costs)',
    example: { formula: '=CYBER.LOSTPROFIT(380000, 0.325, 20000)', result: '103500' },
    run: (a, t) => lostProfit(a.num('revenue_reduction'), a.num('profit_rate'), a.num('saved_costs'), t),
  },
  {
    name: 'PREVENTIONCOST',
    section: 3,
    description: {
      en: 'Payable prevention cost (防止收益减少费用) = min(expense × insured ratio, revenue reduction avoided × profit rate). CPIC 第十三条 (一) 2 (1) ②.',
      zh: '应赔付的防止收益减少费用 = min(费用 × 投保比率, 免于减少的经营性收益 × 利润率)。太保 第十三条 (一) 2 (1) ②。',
    },
    resultKind: 'number',
    articles: [CPIC.preventionCost],
    params: [
      amount('expense', {
        label: { en: 'prevention expense', zh: '防止收益减少费用' },
        description: { en: 'Extraordinary expense spent to prevent or reduce the fall in revenue; 0 or more.', zh: '为防止或减轻经营性收益减少而支出的超出通常所需的费用，不得为负数。' },
      }),
      insuredRatioParam,
      amount('avoided_reduction', {
        label: { en: 'revenue reduction avoided', zh: '免于减少的经营性收益' },
        description: { en: 'Operating revenue whose loss the expense avoided; 0 or more.', zh: '因支出该费用而免于减少的经营性收益，不得为负数。' },
      }),
      profitRateParam,
    ],
    formula: '=MIN(expense * insured_ratio, avoided_reduction * profit_rate)',
    example: { formula: '=CYBER.PREVENTIONCOST(50000, 0.8, 100000, 0.325)', result: '32500' },
    run: (a, t) => preventionCost(a.num('expense'), a.num('insured_ratio'), a.num('avoided_reduction'), a.num('profit_rate'), t),
  },
  {
    name: 'BIPAYOUT',
    section: 3,
    description: {
      en: 'Per-incident network-interruption payout: (loss − deductible) within the lower of sum insured and limit less paid to date, scaled down when under-insured. CPIC 第十三条 (一) 2 (2), (3), (5).',
      zh: '每次网络中断事故赔付金额：(损失 − 免赔额)，以利润保险金额与赔偿限额之低者减已赔付金额为限；不足额保险时按比例赔付。太保 第十三条 (一) 2 (2)、(3)、(5)。',
    },
    resultKind: 'number',
    articles: [CPIC.payoutPerIncident, CPIC.underInsurance, CPIC.periodCap],
    params: [
      amount('loss', {
        label: { en: 'loss', zh: '损失金额' },
        description: { en: 'Lost profit + prevention cost of the incident; 0 or more.', zh: '该次事故的丧失利益与防止收益减少费用之和，不得为负数。' },
      }),
      deductible,
      amount('sum_insured', {
        label: { en: 'sum insured', zh: '利润保险金额' },
        description: { en: 'Profit sum insured (利润保险金额) from the schedule; 0 or more.', zh: '明细表规定的利润保险金额，不得为负数。' },
      }),
      amount('limit', {
        label: { en: 'limit', zh: '利润赔偿限额' },
        description: { en: 'Profit limit of indemnity (利润赔偿限额) from the schedule; 0 or more.', zh: '明细表规定的利润赔偿限额，不得为负数。' },
      }),
      amount('annual_revenue', {
        optional: true,
        label: { en: 'annual revenue', zh: '年度经营性收益' },
        description: { en: 'Annual revenue (CYBER.ANNUALREVENUE) for the under-insurance test; omit to skip the test.', zh: '用于不足额保险测试的年度经营性收益（CYBER.ANNUALREVENUE）；省略则不做该测试。' },
      }),
      { ...profitRateParam, optional: true, description: { en: 'Profit rate; required when annual_revenue is given.', zh: '利润率；给出 annual_revenue 时必须提供。' } },
      { ...insuredRatioParam, optional: true, description: { en: 'Insured ratio, when the schedule agrees one (multiplies the insurable amount).', zh: '投保比率（如明细表约定），乘入应保金额。' } },
      paidToDate,
    ],
    formula:
      '=MIN(MAX(0, MIN(sum_insured, limit) - paid_to_date), MAX(0, loss - deductible) * IF(sum_insured < annual_revenue*profit_rate*insured_ratio, sum_insured/(annual_revenue*profit_rate*insured_ratio), 1))',
    example: { formula: '=CYBER.BIPAYOUT(136000, 10000, 1000000, 800000, 12000000, 0.325)', result: '32307.69230769230769230769230769230769231' },
    run: (a, t) => {
      const annualRevenue = a.optNum('annual_revenue');
      const rate = a.optNum('profit_rate');
      if (annualRevenue !== undefined && rate === undefined) fail('profitRateRequired', 'profit_rate');
      return biPayout(
        {
          loss: a.num('loss'),
          deductible: a.num('deductible'),
          sumInsured: a.num('sum_insured'),
          limit: a.num('limit'),
          annualRevenue,
          profitRate: rate,
          insuredRatio: a.optNum('insured_ratio'),
          paidToDate: a.num('paid_to_date'),
        },
        t,
      );
    },
  },
  {
    name: 'WAITINGMET',
    section: 3,
    description: {
      en: 'TRUE when the continuous interruption lasted longer than the time deductible (a trigger, not an amount). CPIC 第十四条 1.',
      zh: '网络中断连续持续时间超过免赔时间时为 TRUE（免赔时间是触发条件，而非扣减金额）。太保 第十四条 1。',
    },
    resultKind: 'boolean',
    articles: [CPIC.timeDeductible],
    params: [
      hours('duration_hours', {
        label: { en: 'interruption duration (hours)', zh: '中断持续时间（小时）' },
        description: { en: 'How long the interruption lasted without a break, in hours; 0 or more.', zh: '网络中断连续持续的小时数，不得为负数。' },
      }),
      hours('waiting_hours', {
        label: { en: 'time deductible (hours)', zh: '免赔时间（小时）' },
        description: { en: 'Time deductible from the schedule, in hours; 0 or more.', zh: '明细表规定的免赔时间（小时），不得为负数。' },
      }),
    ],
    formula: '=duration_hours > waiting_hours',
    example: { formula: '=CYBER.WAITINGMET(13, 12)', result: 'TRUE' },
    run: (a, t) => waitingMet(a.num('duration_hours'), a.num('waiting_hours'), t),
  },
  {
    name: 'RECOVERYRATIO',
    section: 3,
    description: {
      en: 'Recovery-period ratio (恢复期间的对应比例): the ratio of the first table row whose day bound ≥ the recovery period, which never exceeds the agreed recovery period when one is given. CPIC 第十三条 (一) 2 (7), 第四十四条 28.',
      zh: '恢复期间的对应比例：比例表中首个天数上限不小于恢复期间天数的行所对应的比例；给出约定恢复期间时，恢复期间不超过该期间。太保 第十三条 (一) 2 (7)、第四十四条 28。',
    },
    resultKind: 'number',
    articles: [CPIC.continuationPerIncident, CPIC.recoveryPeriod],
    params: [
      days('recovery_days', {
        label: { en: 'recovery days', zh: '恢复期间天数' },
        description: { en: 'Length of the recovery period in days, from the incident until the IT equipment works as before; 0 or more.', zh: '恢复期间的天数（自 IT 设备发生事故时起至其功能复原至出险前状态时止），不得为负数。' },
      }),
      table('table', {
        columns: [
          { key: 'bound', kind: 'days', label: { en: 'upper bound (days)', zh: '天数上限' } },
          { key: 'ratio', kind: 'ratio', label: { en: 'ratio', zh: '比例' } },
        ],
        label: { en: 'recovery ratio table', zh: '恢复期间比例表' },
        description: {
          en: 'Table of 2 columns: upper bound in days (strictly increasing) and ratio (0 to 1); an optional header row is skipped.',
          zh: '2 列表格：天数上限（严格递增）与比例（0 到 1）；可带一行标题。',
        },
      }),
      days('agreed_days', {
        optional: true,
        label: { en: 'agreed recovery period (days)', zh: '约定恢复期间（天）' },
        description: {
          en: 'The schedule\'s agreed recovery period for continuation costs, in days; 0 or more. The recovery period never exceeds it (CPIC 第四十四条 28); omit when the schedule agrees none.',
          zh: '明细表规定的经营延续费用约定恢复期间（天），不得为负数。恢复期间任何情况下不得超过该期间（太保 第四十四条 28）；明细表未约定时省略。',
        },
      }),
    ],
    formula: '=INDEX(ratio, MATCH(TRUE, bound >= MIN(recovery_days, agreed_days), 0))',
    example: { formula: '=CYBER.RECOVERYRATIO(75, {30,0.5;60,0.75;90,1}, 45)', result: '0.75' },
    run: (a, t) => {
      const tab = a.table('table');
      const rows = tab.rows.map((r) => [r.cells[0] as Decimal, r.cells[1] as Decimal] as const);
      return recoveryRatio(a.num('recovery_days'), a.optNum('agreed_days'), rows, tab.rows.map((r) => r.index), t);
    },
  },
  {
    name: 'CONTINUATIONPAYOUT',
    section: 3,
    description: {
      en: 'Business-continuation cost payout (经营延续费用) per incident = min(expenses − deductible, sum insured × recovery ratio, sum insured − paid to date). CPIC 第十三条 (一) 2 (6)–(8).',
      zh: '每次事故经营延续费用赔付 = min(费用 − 免赔额, 保险金额 × 恢复期间对应比例, 保险金额 − 已赔付金额)。太保 第十三条 (一) 2 (6)–(8)。',
    },
    resultKind: 'number',
    articles: [CPIC.continuationCost, CPIC.continuationPerIncident, CPIC.continuationPeriodCap],
    params: [
      amount('expenses', {
        label: { en: 'continuation costs', zh: '经营延续费用' },
        description: { en: 'Business-continuation costs of the incident, net of avoidable costs; 0 or more.', zh: '该次事故的经营延续费用（已扣除可避免支出的费用），不得为负数。' },
      }),
      { ...deductible, description: { en: 'Continuation-cost deductible from the schedule; 0 or more.', zh: '明细表规定的经营延续费用免赔额，不得为负数。' } },
      amount('sum_insured', {
        label: { en: 'continuation sum insured', zh: '经营延续费用保险金额' },
        description: { en: 'Business-continuation sum insured from the schedule; 0 or more.', zh: '明细表规定的经营延续费用保险金额，不得为负数。' },
      }),
      ratio('recovery_ratio', {
        label: { en: 'recovery ratio', zh: '恢复期间对应比例' },
        description: { en: 'Recovery-period ratio (CYBER.RECOVERYRATIO), between 0 and 1.', zh: '恢复期间对应比例（CYBER.RECOVERYRATIO），0 到 1 之间。' },
      }),
      paidToDate,
    ],
    formula: '=MIN(MAX(0, expenses - deductible), sum_insured * recovery_ratio, MAX(0, sum_insured - paid_to_date))',
    example: { formula: '=CYBER.CONTINUATIONPAYOUT(300000, 20000, 500000, 0.5)', result: '250000' },
    run: (a, t) => continuationPayout(a.num('expenses'), a.num('deductible'), a.num('sum_insured'), a.num('recovery_ratio'), a.num('paid_to_date'), t),
  },
  {
    name: 'CRISISPAYOUT',
    section: 3,
    description: {
      en: 'Crisis-management or litigation cost payout = min((spent − recovered) × reduction ratio, limit − paid to date); no deductible. CPIC 第十三条 (二) 1.',
      zh: '危机管理/诉讼应对费用赔付 = min((支出 − 回收) × 减额赔付比例, 限额 − 已赔付金额)；不适用免赔额。太保 第十三条 (二) 1。',
    },
    resultKind: 'number',
    articles: [CPIC.crisisPayout],
    params: [
      amount('spent', {
        label: { en: 'amount spent', zh: '支出金额' },
        description: { en: 'Crisis-management or litigation costs spent; 0 or more.', zh: '被保险人支出的危机管理或诉讼应对费用，不得为负数。' },
      }),
      amount('recovered', {
        label: { en: 'amount recovered', zh: '回收金额' },
        description: { en: 'Cash recoverable from others; 0 or more.', zh: '可从他人处回收的现金，不得为负数。' },
      }),
      ratio('reduction_ratio', {
        label: { en: 'reduction ratio', zh: '减额赔付比例' },
        description: { en: 'Reduction ratio (减额赔付比例) from the schedule, between 0 and 1.', zh: '明细表规定的减额赔付比例，0 到 1 之间。' },
      }),
      amount('limit', {
        label: { en: 'limit', zh: '赔偿限额' },
        description: { en: 'Limit for these costs from the schedule; 0 or more.', zh: '明细表规定的该项费用限额，不得为负数。' },
      }),
      paidToDate,
    ],
    formula: '=MIN(MAX(0, spent - recovered) * reduction_ratio, MAX(0, limit - paid_to_date))',
    example: { formula: '=CYBER.CRISISPAYOUT(120000, 20000, 0.9, 500000)', result: '90000' },
    run: (a, t) => crisisPayout(a.num('spent'), a.num('recovered'), a.num('reduction_ratio'), a.num('limit'), a.num('paid_to_date'), t),
  },
  {
    name: 'CRISISWINDOW',
    section: 3,
    description: {
      en: 'TRUE when the cost date falls from the day after discovery through the following 180 days (crisis-management period). CPIC 第五条 1 (1).',
      zh: '费用发生日在发现事故次日起的 180 日内（事故处理期间）时为 TRUE。太保 第五条 1 (1)。',
    },
    resultKind: 'boolean',
    articles: [CPIC.crisisWindow],
    params: [
      date('discovery_date', {
        label: { en: 'discovery date', zh: '首次发现日' },
        description: { en: 'Date the insured first discovered the security incident.', zh: '被保险人首次发现网络安全事故的日期。' },
      }),
      date('cost_date', {
        label: { en: 'cost date', zh: '费用发生日' },
        description: { en: 'Date the cost was incurred.', zh: '费用发生的日期。' },
      }),
      days('days', {
        optional: true,
        default: 180,
        label: { en: 'days', zh: '天数' },
        description: { en: 'Length of the window in days (default 180).', zh: '处理期间的天数（默认 180）。' },
      }),
    ],
    formula: '=AND(INT(cost_date) >= INT(discovery_date) + 1, INT(cost_date) <= INT(discovery_date) + days)',
    example: { formula: '=CYBER.CRISISWINDOW(45658, 45659)', result: 'TRUE' },
    run: (a, t) => crisisWindow(a.num('discovery_date'), a.num('cost_date'), a.num('days'), t),
  },
];

