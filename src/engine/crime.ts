/**
 * Crime — ISO Commercial Crime Coverage Form CR 00 21 (loss sustained): Limit of Insurance (the
 * $5,000 special limits), Deductible, Forgery or Alteration, Loss Sustained During Prior Insurance,
 * Extended Period to Discover Loss.
 */
import { ISO } from './articles';
import { edate, formatSerial } from './calendar';
import { type Decimal, dmax, dmin, positivePart } from './decimal';
import { fail } from './errors';
import { amount, bool, date, type FunctionDefinition } from './specs';
import type { Tracer } from './trace';

/**
 * Payout of one occurrence. The deductible comes off the whole loss — 「This is the amount deducted
 * from the total amount of a covered loss … The insurance company pays only the amount of a loss that
 * exceeds the amount of the deductible」 — and the special limit caps what is paid for special
 * property, not the loss the deductible is taken from: 「$5,000 is the most paid in any one occurrence
 * for loss of precious metals, … furs, or fur articles」. So furs of 6,000 with a 1,000 deductible pay
 * 5,000 (6,000 − 1,000, within the 5,000 most paid), where capping first and deducting after paid
 * 4,000. Forgery or Alteration legal expenses bear no deductible and are paid on top of the limit.
 */
export function crimePayout(loss: Decimal, deductible: Decimal, limit: Decimal, special: Decimal, specialLimit: Decimal, legal: Decimal, t: Tracer): Decimal {
  if (special.gt(loss)) fail('specialAboveLoss', 'special_loss', { got: special.toString(), max: loss.toString() });
  const afterDeductible = positivePart(loss.minus(deductible));
  t.step({ en: 'Loss above the deductible = loss − deductible (the deductible comes off the whole loss)', zh: '超过免赔额的损失 = 损失 − 免赔额（免赔额从全部损失中扣除）' }, afterDeductible, ISO.deductible);
  const mostPaid = loss.minus(special).plus(dmin(special, specialLimit));
  t.step({ en: 'Most paid under the special limit = loss − special-limit property + min(that property, special limit)', zh: '特别限额下的最高赔付 = 损失 − 特别限额财产 + min(该财产损失, 特别限额)' }, mostPaid, ISO.specialLimits);
  const net = dmin(limit, afterDeductible, mostPaid);
  t.step({ en: 'Paid: the lower of the two, within the limit', zh: '赔付：取两者中较低者，以限额为限' }, net, ISO.limit);
  const payout = net.plus(legal);
  t.step({ en: '+ Forgery or Alteration legal expenses (no deductible, in addition to the limit)', zh: '+ 伪造或变造法律费用（不适用免赔额，限额以外另行赔付）' }, payout, ISO.forgeryLegal);
  return payout;
}

export function priorLimit(current: Decimal, prior: Decimal, continuous: boolean, t: Tracer): Decimal {
  const limit = continuous ? dmax(current, prior) : dmin(current, prior);
  t.step(
    continuous
      ? { en: 'Continuous cover with the same insurer: the larger limit', zh: '同一保险人连续承保：取较高限额' }
      : { en: 'Otherwise: the lower of the two limits', zh: '其他情况：取两者中较低的限额' },
    limit,
    ISO.priorLoss,
  );
  return limit;
}

export function lossSustained(loss: Decimal, discovery: Decimal, start: Decimal, end: Decimal, replaced: boolean, t: Tracer): boolean {
  if (start.gt(end)) fail('periodReversed', 'policy_end', { got: formatSerial(end), start: formatSerial(start) });
  const inTerm = loss.gte(start) && loss.lte(end);
  t.step({ en: 'Loss sustained during the policy period', zh: '损失发生在保险期间内' }, inTerm, ISO.lossSustained);
  const lastDiscovery = replaced ? end : edate(end, 12);
  t.step(
    replaced
      ? { en: 'Replaced by other crime insurance: discovery by the policy end', zh: '已被其他犯罪保险取代：须在保险期间结束前发现' }
      : { en: 'Discovery by EDATE(policy end, 12)', zh: '须在保险期间结束后一年内发现' },
    lastDiscovery,
    ISO.lossSustained,
  );
  const ok = inTerm && loss.lte(discovery) && discovery.lte(lastDiscovery);
  t.step({ en: 'Covered as a loss sustained', zh: '按损失发生制承保' }, ok, ISO.lossSustained);
  return ok;
}

const dateParam = (name: string, en: string, zh: string, enDesc: string, zhDesc: string) =>
  date(name, { label: { en, zh }, description: { en: enDesc, zh: zhDesc } });

export const CRIME_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'CRIMEPAYOUT',
    section: 6,
    description: {
      en: 'Crime payout of one occurrence: the loss less the deductible (taken off the whole loss), never more than the special limit ($5,000) allows for special-limit property, within the limit, plus Forgery legal expenses. Furs of 6,000 with a 1,000 deductible pay 5,000. ISO CR 00 21.',
      zh: '犯罪保险每次事故赔付：损失扣除免赔额（从全部损失中扣除），特别限额财产的赔付不超过特别限额（5,000 美元），以限额为限，另加伪造法律费用。皮草损失 6,000、免赔额 1,000 时赔付 5,000。ISO CR 00 21。',
    },
    resultKind: 'number',
    articles: [ISO.deductible, ISO.specialLimits, ISO.limit, ISO.forgeryLegal],
    params: [
      amount('loss', { label: { en: 'loss', zh: '损失' }, description: { en: 'Loss of one occurrence; 0 or more.', zh: '一次事故的损失，不得为负数。' } }),
      amount('deductible', { label: { en: 'deductible', zh: '免赔额' }, description: { en: 'Deductible per occurrence, taken off the whole loss; 0 or more.', zh: '每次事故免赔额，从全部损失中扣除，不得为负数。' } }),
      amount('limit', { label: { en: 'limit', zh: '限额' }, description: { en: 'Limit of insurance per occurrence; 0 or more.', zh: '每次事故保险限额，不得为负数。' } }),
      amount('special_loss', { optional: true, default: 0, label: { en: 'special-limit loss', zh: '特别限额财产损失' }, description: { en: 'Part of the loss in precious metals, stones, furs, manuscripts, drawings or records (default 0); at most loss. At most special_limit of it is paid.', zh: '损失中属于贵金属、宝石、皮草、手稿、图纸或记录的部分（默认 0），不得超过损失；其中最多赔付 special_limit。' } }),
      amount('special_limit', { optional: true, default: 5000, label: { en: 'special limit', zh: '特别限额' }, description: { en: 'The most paid for that property in one occurrence (default 5,000); it caps what is paid, after the deductible has come off the whole loss.', zh: '每次事故该类财产的最高赔付额（默认 5,000）；它限制的是赔付金额，免赔额先从全部损失中扣除。' } }),
      amount('legal_expenses', { optional: true, default: 0, label: { en: 'legal expenses', zh: '法律费用' }, description: { en: 'Forgery or Alteration legal expenses: no deductible, in addition to the limit (default 0).', zh: '伪造或变造法律费用：不适用免赔额，限额以外另行赔付（默认 0）。' } }),
    ],
    formula: '=MIN(limit, MAX(0, MIN(loss - deductible, loss - special_loss + MIN(special_loss, special_limit)))) + legal_expenses',
    example: { formula: '=CYBER.CRIMEPAYOUT(6000, 1000, 25000, 6000)', result: '5000' },
    run: (a, t) => crimePayout(a.num('loss'), a.num('deductible'), a.num('limit'), a.num('special_loss'), a.num('special_limit'), a.num('legal_expenses'), t),
  },
  {
    name: 'PRIORLIMIT',
    section: 6,
    description: {
      en: 'Limit for a loss sustained under earlier insurance and discovered now: the larger when cover was continuous with the same insurer, else the lower. ISO CR 00 21.',
      zh: '前保单期间发生、本期发现的损失适用的限额：同一保险人连续承保时取较高者，否则取较低者。ISO CR 00 21。',
    },
    resultKind: 'number',
    articles: [ISO.priorLoss],
    params: [
      amount('current_limit', { label: { en: 'current limit', zh: '本期限额' }, description: { en: 'Limit of the current policy; 0 or more.', zh: '本期保单限额，不得为负数。' } }),
      amount('prior_limit', { label: { en: 'prior limit', zh: '前期限额' }, description: { en: 'Limit of the prior insurance; 0 or more.', zh: '前期保险限额，不得为负数。' } }),
      bool('continuous', { optional: true, default: false, label: { en: 'continuous', zh: '连续承保' }, description: { en: 'Whether cover was continuous with the same insurer (default FALSE).', zh: '是否由同一保险人连续承保（默认 FALSE）。' } }),
    ],
    formula: '=IF(continuous, MAX(current_limit, prior_limit), MIN(current_limit, prior_limit))',
    example: { formula: '=CYBER.PRIORLIMIT(250000, 100000)', result: '100000' },
    run: (a, t) => priorLimit(a.num('current_limit'), a.num('prior_limit'), a.bool('continuous'), t),
  },
  {
    name: 'LOSSSUSTAINED',
    section: 6,
    description: {
      en: 'TRUE when the loss was sustained in the policy period and discovered within one year after it ends (or by its end when replaced by other crime insurance). ISO CR 00 21.',
      zh: '损失发生在保险期间内，且在期满后一年内（被其他犯罪保险取代时须在期满前）发现时为 TRUE。ISO CR 00 21。',
    },
    resultKind: 'boolean',
    articles: [ISO.lossSustained],
    params: [
      dateParam('loss_date', 'loss date', '损失发生日', 'Date the loss was sustained.', '损失发生的日期。'),
      dateParam('discovery_date', 'discovery date', '发现日', 'Date the loss was discovered.', '发现损失的日期。'),
      dateParam('policy_start', 'policy start', '保险期间起始日', 'First day of the policy period.', '保险期间的起始日期。'),
      dateParam('policy_end', 'policy end', '保险期间终止日', 'Last day of the policy period.', '保险期间的终止日期。'),
      bool('replaced', { optional: true, default: false, label: { en: 'replaced', zh: '已被取代' }, description: { en: 'Whether the policy was replaced by other crime insurance (default FALSE).', zh: '本保单是否已被其他犯罪保险取代（默认 FALSE）。' } }),
    ],
    formula: '=AND(policy_start <= loss_date, loss_date <= policy_end, loss_date <= discovery_date, discovery_date <= IF(replaced, policy_end, EDATE(policy_end, 12)))',
    example: { formula: '=CYBER.LOSSSUSTAINED(45700, 46100, 45658, 46022)', result: 'TRUE' },
    run: (a, t) => lossSustained(a.num('loss_date'), a.num('discovery_date'), a.num('policy_start'), a.num('policy_end'), a.bool('replaced'), t),
  },
];
