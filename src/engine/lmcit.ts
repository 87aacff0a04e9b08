/**
 * League of Minnesota Cities Insurance Trust (LMCIT) coverage summary, first-party cyber section:
 * the first-party aggregate that five loss-control answers raise, and the shared pool for claims
 * of many members from one common cause.
 */
import { LMCIT } from './articles';
import { requireNonNegativeSeries } from './coerce';
import { Dec, type Decimal, dmin, ZERO } from './decimal';
import { amount, bool, type FunctionDefinition, series, type SeriesParam } from './specs';
import type { Tracer } from './trace';

export const LMCIT_BASE_LIMIT = 250000;
export const LMCIT_RAISED_LIMIT = 500000;

/** The engine's Decimal, rounding toward zero: pro-rata shares of a limit never exceed it. */
const TowardZero = Dec.clone({ rounding: Dec.ROUND_DOWN });

/** Pays each member in full when the pool suffices, else pro rata (this product's assumption). */
export function poolShare(claims: readonly Decimal[], poolLimit: Decimal, poolRemaining: Decimal, t: Tracer): Decimal[] {
  const available = dmin(poolLimit, poolRemaining);
  t.step({ en: 'Available = min(pool limit, pool remaining)', zh: '可用额度 = min(共享限额, 剩余总额)' }, available, LMCIT.sharedPool);
  let sum = ZERO;
  for (const c of claims) sum = sum.plus(c);
  t.step({ en: 'Sum of the members’ claims', zh: '各成员索赔合计' }, sum, LMCIT.sharedPool);
  if (sum.lte(available)) {
    t.step({ en: 'The pool suffices: each claim is paid in full', zh: '额度充足：各索赔全额赔付' }, true, LMCIT.sharedPool);
    return claims.slice();
  }
  t.step({ en: 'Pro rata: each claim × available ÷ sum (stated assumption)', zh: '按比例：各索赔 × 可用额度 ÷ 合计（本产品的明示假设）' }, available.div(sum), LMCIT.sharedPool);
  // Each share is rounded toward zero at the engine's precision, so that the shares never add up
  // to more than what is available (catalogue section 5: "each is paid pro rata"; LMCIT: the
  // members share the limit). Rounded to nearest, {1;1;1} sharing 2 paid 3 × 0.666…67 > 2.
  return claims.map((c) => new Dec(new TowardZero(c.times(available)).div(sum)));
}

/**
 * 500,000 only when the member bought the higher limit (`raised`) and all five loss-control answers
 * are yes, else 250,000. The summary makes the raise an option, not an effect of the answers: "There
 * is a $250,000 aggregate limit per member for the first-party coverage. 会员可以将限额提高到500美元,000
 * for an additional premium charge if they can answer yes to the following loss control questions."
 */
export function lmcitLimit(answers: readonly boolean[], raised: boolean, t: Tracer): Decimal {
  const yes = answers.filter(Boolean).length;
  t.step({ en: 'Loss-control questions answered yes (of 5)', zh: '回答“是”的防损问题数（共 5 个）' }, String(yes), LMCIT.firstPartyAggregate);
  t.step({ en: 'Higher limit bought for the additional premium', zh: '已支付附加保费购买较高限额' }, raised, LMCIT.firstPartyAggregate);
  const limit = new Dec(raised && yes === 5 ? LMCIT_RAISED_LIMIT : LMCIT_BASE_LIMIT);
  t.step({ en: 'First-party aggregate per member', zh: '每成员第一方保障累计限额' }, limit, LMCIT.firstPartyAggregate);
  return limit;
}

const answersParam: SeriesParam = series('answers', {
  exactLength: 5,
  elements: 'boolean',
  label: { en: 'loss-control answers', zh: '防损问题回答' },
  description: {
    en: 'Exactly five answers (a row or column): annual cyber training, computer-use policy, firewall, monthly AV/Windows updates, monthly backups; TRUE/FALSE, yes/no, 是/否; blank = no.',
    zh: '恰好五个回答（单行或单列）：年度网络培训、电脑使用政策、防火墙、每月杀毒与 Windows 更新、每月数据备份；TRUE/FALSE、yes/no、是/否；空白视为否。',
  },
});

export const LMCIT_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'POOLSHARE',
    section: 5,
    description: {
      en: 'LMCIT shared pool: each member’s recovery for one common cause (one column that spills down): in full when the claims fit in min(pool limit, pool remaining), else pro rata — pro rata is this product’s stated assumption.',
      zh: 'LMCIT 共享限额：同一原因下各成员从共享池获得的赔付（向下溢出的一列）：索赔合计不超过 min(共享限额, 剩余总额) 时全额赔付，否则按比例分摊——按比例分摊是本产品的明示假设。',
    },
    resultKind: 'column',
    articles: [LMCIT.sharedPool],
    params: [
      series('member_claims', {
        label: { en: 'member claims', zh: '成员索赔' },
        description: { en: 'Each member’s claim for the common cause, one per row (blank = 0).', zh: '同一原因下各成员的索赔金额，每行一个（空白按 0 计）。' },
      }),
      amount('pool_limit', { optional: true, default: 10000000, label: { en: 'pool limit', zh: '共享限额' }, description: { en: 'Shared limit per common cause (default 10,000,000).', zh: '每一共同原因的共享限额（默认 10,000,000）。' } }),
      amount('pool_remaining', { optional: true, default: 25000000, label: { en: 'pool remaining', zh: '剩余总额' }, description: { en: 'What is left of the 12-month pool aggregate (default 25,000,000).', zh: '12 个月共享总额的剩余部分（默认 25,000,000）。' } }),
    ],
    formula: '=IF(SUM(member_claims) <= MIN(pool_limit, pool_remaining), member_claims, member_claims * MIN(pool_limit, pool_remaining) / SUM(member_claims))',
    example: { formula: '=CYBER.POOLSHARE({6000000;9000000})', result: '{4000000;6000000}' },
    // Claims are amounts (≥ 0, catalogue conventions): a negative claim let the others be paid
    // more than the pool ({-10M; 30M} paid 15M out of 10M available).
    run: (a, t) =>
      poolShare(requireNonNegativeSeries(a.series('member_claims'), 'member_claims'), a.num('pool_limit'), a.num('pool_remaining'), t).map((v) => [v]),
  },
  {
    name: 'LMCITLIMIT',
    section: 5,
    description: {
      en: 'LMCIT first-party aggregate per member: 500,000 when the member bought the higher limit (raised TRUE) and all five loss-control answers are yes, else 250,000.',
      zh: 'LMCIT 每成员第一方保障累计限额：成员已支付附加保费购买较高限额（raised 为 TRUE）且五个防损问题全部回答“是”时为 500,000，否则为 250,000。',
    },
    resultKind: 'number',
    articles: [LMCIT.firstPartyAggregate],
    params: [
      answersParam,
      bool('raised', {
        optional: true,
        default: false,
        label: { en: 'higher limit bought', zh: '已购买较高限额' },
        description: {
          en: 'Whether the member bought the 500,000 limit for the additional premium (default FALSE): the answers alone do not raise the limit.',
          zh: '成员是否已支付附加保费购买 500,000 的限额（默认 FALSE）：仅有回答不会提高限额。',
        },
      }),
    ],
    formula: '=IF(AND(raised, COUNTIF(answers, TRUE) = 5), 500000, 250000)',
    example: { formula: '=CYBER.LMCITLIMIT({TRUE,TRUE,TRUE,TRUE,TRUE}, TRUE)', result: '500000' },
    run: (a, t) => lmcitLimit(a.booleans('answers'), a.bool('raised'), t),
  },
];
