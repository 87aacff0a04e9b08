/**
 * Financial ratios of the CPIC network-interruption cover — 第四十四条 21, 32, 33.
 *
 * The wording defines the profit rate and the insured ratio twice: for a profitable year from the
 * insured items' total T, and for a loss-making year from N, the insured maintenance costs less
 * the part of the operating loss they must absorb. Both are computed here once, in
 * {@link insurableMargin}, and the two ratios only differ in their denominators.
 */
import { CPIC } from './articles';
import { type Decimal, sumRoundedOnce, ZERO } from './decimal';
import { fail } from './errors';
import { amount, bool, type FunctionDefinition, type NumberParam, type BooleanParam } from './specs';
import type { Tracer } from './trace';

export interface RatioInputs {
  readonly revenue: Decimal;
  readonly expenses: Decimal;
  readonly maintenance: Decimal;
  readonly insuredMaintenance: Decimal;
  readonly profitInsured: boolean;
}

export interface InsurableMargin {
  /** Operating profit P = revenue − expenses (negative in a loss year). */
  readonly profit: Decimal;
  /** T (profit year) or N (loss year); 0 when the loss year leaves no insurable margin. */
  readonly margin: Decimal;
  /** P + maintenance: the insured ratio's denominator, and in a loss year maintenance − L. */
  readonly profitPlusMaintenance: Decimal;
  readonly lossYear: boolean;
  /** True when N ≤ 0 in a loss year: both ratios are 0. */
  readonly noMargin: boolean;
}

/** P = revenue − expenses. 第四十四条 21. */
export function operatingProfit(revenue: Decimal, expenses: Decimal, t: Tracer): Decimal {
  const p = revenue.minus(expenses);
  t.step({ en: 'Operating profit P = revenue − expenses', zh: '经营性利润 P = 经营性收益 − 经营性费用' }, p, CPIC.operatingProfit);
  return p;
}

/** The insured items' total T, or in a loss year the insurable remainder N. 第四十四条 32–33. */
export function insurableMargin(x: RatioInputs, t: Tracer): InsurableMargin {
  // 第四十四条 20: maintenance costs are part of the operating expenses (经营性费用), so they cannot
  // exceed them. Accepting more would let the profit rate exceed 1 (T = IM + P > revenue).
  if (x.maintenance.gt(x.expenses)) {
    fail('maintenanceAboveExpenses', 'maintenance', { got: x.maintenance.toString(), max: x.expenses.toString() });
  }
  if (x.insuredMaintenance.gt(x.maintenance)) {
    fail('insuredMaintenanceAboveMaintenance', 'insured_maintenance', {
      got: x.insuredMaintenance.toString(),
      max: x.maintenance.toString(),
    });
  }
  const profit = operatingProfit(x.revenue, x.expenses, t);
  // T and P + maintenance are summed exactly from the inputs and rounded once, so that T never
  // exceeds P + maintenance (nor revenue when maintenance ≤ expenses): both ratios stay ≤ 1.
  const profitPlusMaintenance = sumRoundedOnce(x.revenue, x.expenses.negated(), x.maintenance);
  if (!profit.isNegative()) {
    const margin = x.profitInsured ? sumRoundedOnce(x.insuredMaintenance, x.revenue, x.expenses.negated()) : x.insuredMaintenance;
    t.step(
      x.profitInsured
        ? { en: 'Insured items T = insured maintenance + operating profit', zh: '投保项目合计金额 T = 投保维持费用 + 经营性利润' }
        : { en: 'Insured items T = insured maintenance (profit not insured)', zh: '投保项目合计金额 T = 投保维持费用（未投保经营性利润）' },
      margin,
      CPIC.profitRate,
    );
    return { profit, profitPlusMaintenance, margin, lossYear: false, noMargin: false };
  }
  const loss = profit.negated();
  t.step({ en: 'Operating loss L = −P', zh: '经营性亏损 L = −P' }, loss, CPIC.profitRate);
  // The loss is borne by the maintenance costs in proportion; the insured share of it comes off:
  // N = IM − L × IM ÷ M (第四十四条 32), which is IM × (M − L) ÷ M = IM × (P + M) ÷ M. Computed in
  // the second form: M − L nearly cancels when the loss almost uses up maintenance, and taking
  // IM minus a rounded L × IM ÷ M left mostly rounding error there (a profit rate above 1 was
  // possible with maintenance ≤ expenses).
  const n = x.maintenance.isZero() ? ZERO : x.insuredMaintenance.times(profitPlusMaintenance).div(x.maintenance);
  t.step(
    { en: 'N = insured maintenance − L × insured maintenance ÷ maintenance', zh: 'N = 投保维持费用 − 经营性亏损 × 投保维持费用 ÷ 维持费用' },
    n,
    CPIC.profitRate,
  );
  const noMargin = n.lte(0);
  if (noMargin) {
    t.step({ en: 'N ≤ 0: no insurable margin, both ratios are 0', zh: 'N ≤ 0：无可投保余额，利润率与投保比率均为 0' }, ZERO, CPIC.profitRate);
  }
  return { profit, profitPlusMaintenance, margin: noMargin ? ZERO : n, lossYear: true, noMargin };
}

/**
 * In a loss year with N > 0, N ÷ X = (IM ÷ M) × ((P + M) ÷ X): computed as a product of quotients
 * that are each at most 1 for consistent inputs, so rounding cannot carry a ratio above 1.
 */
function lossYearRatio(x: RatioInputs, m: InsurableMargin, denominator: Decimal): Decimal {
  return x.insuredMaintenance.div(x.maintenance).times(m.profitPlusMaintenance.div(denominator));
}

/** 利润率. Profit year T ÷ revenue; loss year N ÷ revenue (0 when N ≤ 0). 第四十四条 32. */
export function profitRate(x: RatioInputs, t: Tracer): Decimal {
  const m = insurableMargin(x, t);
  const rate = m.noMargin ? ZERO : m.lossYear ? lossYearRatio(x, m, x.revenue) : m.margin.div(x.revenue);
  t.step(
    m.lossYear
      ? { en: 'Profit rate = N ÷ revenue', zh: '利润率 = N ÷ 经营性收益' }
      : { en: 'Profit rate = T ÷ revenue', zh: '利润率 = T ÷ 经营性收益' },
    rate,
    CPIC.profitRate,
  );
  return rate;
}

/** 投保比率. Profit year T ÷ (P + maintenance); loss year N ÷ (P + maintenance). 第四十四条 33. */
export function insuredRatio(x: RatioInputs, t: Tracer): Decimal {
  const m = insurableMargin(x, t);
  if (m.noMargin) {
    t.step({ en: 'Insured ratio (no insurable margin)', zh: '投保比率（无可投保余额）' }, ZERO, CPIC.insuredRatio);
    return ZERO;
  }
  const denominator = m.profitPlusMaintenance;
  t.step({ en: 'Denominator = P + maintenance', zh: '分母 = 经营性利润 + 维持费用' }, denominator, CPIC.insuredRatio);
  if (denominator.isZero()) {
    // The denominator is operating profit (revenue − expenses, not an argument of its own) plus
    // maintenance: maintenance is the one argument that stands in it, so the message names it.
    fail('insuredRatioZeroDenominator', 'maintenance', { profit: m.profit.toString(), maintenance: x.maintenance.toString() });
  }
  // Loss year: N ÷ (P + M) with N = IM × (P + M) ÷ M is IM ÷ M.
  const ratio = m.lossYear ? lossYearRatio(x, m, denominator) : m.margin.div(denominator);
  t.step(
    m.lossYear
      ? { en: 'Insured ratio = N ÷ (P + maintenance)', zh: '投保比率 = N ÷ (经营性利润 + 维持费用)' }
      : { en: 'Insured ratio = T ÷ (P + maintenance)', zh: '投保比率 = T ÷ (经营性利润 + 维持费用)' },
    ratio,
    CPIC.insuredRatio,
  );
  return ratio;
}

// ---- catalogue entries (section 1) ----------------------------------------------------------

const revenue: NumberParam = amount('revenue', {
  greaterThan: 0,
  label: { en: 'operating revenue', zh: '经营性收益' },
  description: {
    en: 'Operating revenue (经营性收益) of the last financial year before the incident; greater than 0.',
    zh: '事故发生前最近一个会计年度的经营性收益，必须大于 0。',
  },
});
const expenses: NumberParam = amount('expenses', {
  label: { en: 'operating expenses', zh: '经营性费用' },
  description: {
    en: 'Operating expenses (经营性费用) of the same year: cost of sales or production, overheads, selling costs; 0 or more.',
    zh: '同一年度的经营性费用（销售成本或生产成本、一般管理费、销售费用等），不得为负数。',
  },
});
const maintenance: NumberParam = amount('maintenance', {
  label: { en: 'maintenance costs', zh: '维持费用' },
  description: {
    en: 'Maintenance costs (维持费用): the part of expenses that runs whether or not the business is interrupted; between 0 and expenses.',
    zh: '维持费用：无论是否发生事故，维持经营所必须支出的那部分经营性费用，介于 0 与经营性费用之间。',
  },
});
const insuredMaintenance: NumberParam = amount('insured_maintenance', {
  label: { en: 'insured maintenance costs', zh: '投保维持费用' },
  description: {
    en: 'Insured maintenance costs (投保维持费用): the maintenance accounts named in the schedule; between 0 and maintenance.',
    zh: '投保维持费用：明细表中列明的维持费用，介于 0 与维持费用之间。',
  },
});
const profitInsured: BooleanParam = bool('profit_insured', {
  optional: true,
  default: true,
  label: { en: 'profit insured', zh: '是否投保经营性利润' },
  description: {
    en: 'Whether the schedule insures operating profit (default TRUE).',
    zh: '明细表是否承保经营性利润（默认 TRUE）。',
  },
});

const RATIO_PARAMS = [revenue, expenses, maintenance, insuredMaintenance, profitInsured] as const;

function ratioInputs(a: { num(n: string): Decimal; bool(n: string): boolean }): RatioInputs {
  return {
    revenue: a.num('revenue'),
    expenses: a.num('expenses'),
    maintenance: a.num('maintenance'),
    insuredMaintenance: a.num('insured_maintenance'),
    profitInsured: a.bool('profit_insured'),
  };
}

export const RATIO_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'OPERATINGPROFIT',
    section: 1,
    description: {
      en: 'Operating profit (经营性利润) = revenue − expenses; negative in a loss year. CPIC 第四十四条 21.',
      zh: '经营性利润 = 经营性收益 − 经营性费用；亏损年度为负数。太保 第四十四条 21。',
    },
    resultKind: 'number',
    articles: [CPIC.operatingProfit],
    params: [revenue, expenses],
    formula: '=revenue - expenses',
    example: { formula: '=CYBER.OPERATINGPROFIT(12000000, 10500000)', result: '1500000' },
    run: (a, t) => operatingProfit(a.num('revenue'), a.num('expenses'), t),
  },
  {
    name: 'PROFITRATE',
    section: 1,
    description: {
      en: 'Profit rate (利润率): insured items ÷ revenue, with the loss-year formula when expenses exceed revenue. CPIC 第四十四条 32.',
      zh: '利润率：投保项目合计金额 ÷ 经营性收益；经营性费用超过经营性收益时按亏损年度公式计算。太保 第四十四条 32。',
    },
    resultKind: 'number',
    articles: [CPIC.operatingProfit, CPIC.profitRate],
    params: RATIO_PARAMS,
    formula:
      '=LET(P, revenue-expenses, IF(P>=0, (insured_maintenance+IF(profit_insured,P,0))/revenue, MAX(0, insured_maintenance-(-P)*insured_maintenance/maintenance)/revenue))',
    example: { formula: '=CYBER.PROFITRATE(12000000, 10500000, 3000000, 2400000)', result: '0.325' },
    run: (a, t) => profitRate(ratioInputs(a), t),
  },
  {
    name: 'INSUREDRATIO',
    section: 1,
    description: {
      en: 'Insured ratio (投保比率): insured items ÷ (operating profit + maintenance), with the loss-year formula. CPIC 第四十四条 33.',
      zh: '投保比率：投保项目合计金额 ÷ (经营性利润 + 维持费用)；亏损年度按亏损公式计算。太保 第四十四条 33。',
    },
    resultKind: 'number',
    articles: [CPIC.operatingProfit, CPIC.insuredRatio],
    params: RATIO_PARAMS,
    formula:
      '=LET(P, revenue-expenses, IF(P>=0, (insured_maintenance+IF(profit_insured,P,0))/(P+maintenance), MAX(0, insured_maintenance-(-P)*insured_maintenance/maintenance)/(P+maintenance)))',
    example: { formula: '=CYBER.INSUREDRATIO(12000000, 10500000, 3000000, 2400000)', result: '0.8666666666666666666666666666666666666667' },
    run: (a, t) => insuredRatio(ratioInputs(a), t),
  },
];
