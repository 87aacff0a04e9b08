/**
 * Settlement refusals, recoveries and other insurance — SAMSUNG 第二十一、四十五条; ISO CR 00 21
 * Recoveries and Other Insurance conditions; CPIC 第九条 5.
 */
import { CPIC_OTHER, ISO, SAMSUNG } from './articles';
import { type Decimal, dmin, positivePart } from './decimal';
import { fail } from './errors';
import { amount, type FunctionDefinition, option, ratio } from './specs';
import type { Tracer } from './trace';

/**
 * Hammer clause (第二十一条): the insurer pays at most the settlement it could have had plus defence
 * costs to the refusal, plus its share of everything above that; never more than the total cost
 * or the limit.
 */
export function hammer(total: Decimal, offer: Decimal, defence: Decimal, share: Decimal, limit: Decimal | undefined, t: Tracer): Decimal {
  const base = offer.plus(defence);
  t.step({ en: 'Settlement offer + defence costs to the refusal', zh: '原可达成的和解金 + 拒绝和解之日前的抗辩费用' }, base, SAMSUNG.hammer);
  const above = positivePart(total.minus(base));
  t.step({ en: 'Loss and defence costs above that', zh: '超出上述金额的损失与抗辩费用' }, above, SAMSUNG.hammer);
  let pay = dmin(total, base.plus(above.times(share)));
  t.step({ en: 'Insurer pays base + share × excess, at most the total', zh: '保险人赔付 = 上述金额 + 比例 × 超出部分，不超过总额' }, pay, SAMSUNG.hammer);
  if (limit !== undefined) {
    pay = dmin(pay, limit);
    t.step({ en: 'Within the limit', zh: '以责任限额为限' }, pay, SAMSUNG.hammer);
  }
  return pay;
}

/**
 * Recovery waterfall, top down (SAMSUNG 第四十五条; ISO Recoveries): the insured first for loss
 * above the limit, then the insurer for what it paid, then the insured for the deductible.
 *
 * Part 1 is 「被保险人本应在本保险单下获得但是由于超出适用的责任限额而没有获得的赔偿」: only the loss
 * above the limit. With `limit` that is max(0, C − limit), C the loss above the deductible; without
 * it the catalogue takes whatever of C the insurer did not pay, which is the same thing only when
 * the insurer paid up to its limit (an interim payment would otherwise count as "above the limit").
 * With `limit`, a payment above min(limit, C) cannot have been made under the policy: #VALUE!.
 */
export function recovery(recovered: Decimal, costs: Decimal, loss: Decimal, deductible: Decimal, insurerPaid: Decimal, limit: Decimal | undefined, t: Tracer): Decimal[] {
  const retained = dmin(deductible, loss);
  const insurable = loss.minus(retained);
  if (insurerPaid.gt(insurable)) {
    fail('insurerPaidAboveLoss', 'insurer_paid', { got: insurerPaid.toString(), max: insurable.toString() });
  }
  if (limit !== undefined && insurerPaid.gt(limit)) {
    fail('insurerPaidAboveLimit', 'insurer_paid', { got: insurerPaid.toString(), limit: limit.toString() });
  }
  let left = positivePart(recovered.minus(costs));
  t.step({ en: 'Net recovery = recovered − recovery costs', zh: '净追偿额 = 追回金额 − 追偿费用' }, left, ISO.recoveries);
  let aboveLimit: Decimal;
  if (limit === undefined) {
    aboveLimit = insurable.minus(insurerPaid);
  } else {
    aboveLimit = positivePart(insurable.minus(limit));
    t.step({ en: 'Insured’s loss above the limit = max(0, loss − deductible − limit)', zh: '被保险人超出责任限额的损失 = max(0, 损失 − 免赔额 − 责任限额)' }, aboveLimit, SAMSUNG.subrogation);
  }
  // The order is SAMSUNG 第四十五条's: the ISO form announces its own order of recoveries, but the
  // text of the wording stops before the list (catalogue section 5).
  const toInsuredAbove = dmin(left, aboveLimit);
  left = left.minus(toInsuredAbove);
  t.step({ en: '1. To the insured for loss above the limit', zh: '1. 归被保险人：超出限额的损失' }, toInsuredAbove, SAMSUNG.subrogation);
  const toInsurer = dmin(left, insurerPaid);
  left = left.minus(toInsurer);
  t.step({ en: '2. To the insurer for what it paid', zh: '2. 归保险人：已赔付金额' }, toInsurer, SAMSUNG.subrogation);
  const toDeductible = dmin(left, retained);
  left = left.minus(toDeductible);
  t.step({ en: '3. To the insured for the deductible', zh: '3. 归被保险人：免赔额' }, toDeductible, SAMSUNG.subrogation);
  t.step({ en: '4. Remainder', zh: '4. 余额' }, left, SAMSUNG.subrogation);
  return [toInsuredAbove, toInsurer, toDeductible, left];
}

export type OtherInsuranceMethod = 'excess' | 'contribution' | 'cpic';

export function otherInsurance(loss: Decimal, own: Decimal, other: Decimal, method: OtherInsuranceMethod, otherPaid: Decimal, t: Tracer): Decimal {
  if (method === 'excess') {
    const above = positivePart(loss.minus(dmin(loss, other)));
    const pay = dmin(own, above);
    t.step({ en: 'Excess of the other insurance: min(own limit, loss − other limit)', zh: '超额承保：min(本保单限额, 损失 − 其他保险限额)' }, pay, ISO.otherInsurance);
    return pay;
  }
  if (method === 'contribution') {
    const limits = own.plus(other);
    if (limits.isZero()) fail('contributionZeroLimits', 'own_limit', {});
    const pay = dmin(own, loss.times(own).div(limits));
    t.step({ en: 'Pro rata by limits: loss × own ÷ (own + other)', zh: '按限额比例分摊：损失 × 本保单限额 ÷ 限额合计' }, pay, ISO.otherInsurance);
    return pay;
  }
  const own0 = dmin(loss, own);
  t.step({ en: 'This policy’s liability amount = min(loss, own limit)', zh: '本保险合同的赔付责任金额 = min(损失, 限额)' }, own0, CPIC_OTHER.otherInsurance);
  if (otherPaid.isZero()) return own0;
  const pay = dmin(own0, positivePart(loss.minus(otherPaid)));
  t.step({ en: 'After the other insurer paid: at most loss − paid by others', zh: '其他保险已赔付：以损失减去已获赔付后的余额为限' }, pay, CPIC_OTHER.otherInsurance);
  return pay;
}

export const RECOVERY_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'HAMMER',
    section: 5,
    description: {
      en: 'Hammer clause: insurer’s most when the insured refused a settlement the claimant accepted = offer + defence to the refusal + share × the rest, within the total cost and the limit. SAMSUNG 第二十一条.',
      zh: '和解拒绝条款（hammer clause）：被保险人拒绝索赔人已接受的和解时，保险人最多赔付 和解金 + 拒绝前抗辩费用 + 比例 × 其余部分，不超过总额及限额。三星 第二十一条。',
    },
    resultKind: 'number',
    articles: [SAMSUNG.hammer],
    params: [
      amount('total_cost', { label: { en: 'total cost', zh: '损失和抗辩费用合计' }, description: { en: 'Final loss + defence costs of the claim; 0 or more.', zh: '该索赔最终的损失与抗辩费用合计，不得为负数。' } }),
      amount('settlement_offer', { label: { en: 'settlement offer', zh: '和解金' }, description: { en: 'Settlement the claimant accepted and the insured refused; 0 or more.', zh: '索赔人已接受而被保险人拒绝的和解金额，不得为负数。' } }),
      amount('defense_to_refusal', { label: { en: 'defence costs to the refusal', zh: '拒绝和解前的抗辩费用' }, description: { en: 'Defence costs incurred up to the refusal; 0 or more.', zh: '截至被保险人拒绝和解之日产生的抗辩费用，不得为负数。' } }),
      ratio('insurer_share', { optional: true, default: 0.7, label: { en: 'insurer share', zh: '保险人承担比例' }, description: { en: 'Insurer’s share of the cost above offer + defence (default 0.7, the wording’s 70%).', zh: '超出部分由保险人承担的比例（默认 0.7，即条款中的 70%）。' } }),
      amount('limit', { optional: true, label: { en: 'limit', zh: '责任限额' }, description: { en: 'Applicable limit; omit for none.', zh: '适用的责任限额；省略则不设。' } }),
    ],
    formula: '=MIN(limit, total_cost, settlement_offer + defense_to_refusal + insurer_share * MAX(0, total_cost - settlement_offer - defense_to_refusal))',
    example: { formula: '=CYBER.HAMMER(330000, 100000, 25000)', result: '268500' },
    run: (a, t) => hammer(a.num('total_cost'), a.num('settlement_offer'), a.num('defense_to_refusal'), a.num('insurer_share'), a.optNum('limit'), t),
  },
  {
    name: 'RECOVERY',
    section: 5,
    description: {
      en: 'Distributes a recovery net of its costs, top down: insured’s loss above the limit, insurer’s payment, insured’s deductible, remainder (a 1×4 row that spills right). With limit, part 1 is only the loss above the limit, max(0, loss − deductible − limit); without it, loss − deductible − insurer_paid. SAMSUNG 第四十五条; ISO Recoveries.',
      zh: '按自上而下顺序分配扣除追偿费用后的追偿款：被保险人超出限额的损失、保险人已赔付金额、被保险人的免赔额、余额（1×4 行，向右溢出）。给出 limit 时，第 1 项仅为超出责任限额的损失 max(0, 损失 − 免赔额 − 责任限额)；否则为 损失 − 免赔额 − 保险人已赔付。三星 第四十五条；ISO 追偿条款。',
    },
    resultKind: 'row',
    articles: [SAMSUNG.subrogation, ISO.recoveries],
    params: [
      amount('recovered', { label: { en: 'amount recovered', zh: '追回金额' }, description: { en: 'Amount recovered from the third party; 0 or more.', zh: '从第三方追回的金额，不得为负数。' } }),
      amount('recovery_costs', { label: { en: 'recovery costs', zh: '追偿费用' }, description: { en: 'Costs of making the recovery; 0 or more.', zh: '追偿所产生的费用，不得为负数。' } }),
      amount('loss', { label: { en: 'loss', zh: '损失' }, description: { en: 'The insured’s whole loss; 0 or more.', zh: '被保险人的全部损失，不得为负数。' } }),
      amount('deductible', { label: { en: 'deductible', zh: '免赔额' }, description: { en: 'Deductible the insured bore; 0 or more.', zh: '被保险人自行承担的免赔额，不得为负数。' } }),
      amount('insurer_paid', { label: { en: 'insurer paid', zh: '保险人已赔付' }, description: { en: 'What the insurer paid; at most loss − deductible, and at most limit when it is given.', zh: '保险人已赔付的金额，不得超过 损失 − 免赔额；给出 limit 时亦不得超过责任限额。' } }),
      amount('limit', {
        optional: true,
        label: { en: 'limit', zh: '责任限额' },
        description: {
          en: 'The limit that applied to the loss; with it the insured’s part 1 is only the loss above the limit, max(0, loss − deductible − limit). Omit it to count everything the insurer did not pay of loss − deductible as above the limit.',
          zh: '该损失适用的责任限额；给出时，被保险人第 1 项仅为超出责任限额的损失 max(0, 损失 − 免赔额 − 责任限额)。省略则把 损失 − 免赔额 中保险人未赔付的部分全部视为超出限额。',
        },
      }),
    ],
    formula:
      '=LET(N, MAX(0, recovered - recovery_costs), C, loss - MIN(deductible, loss), A, IF(ISBLANK(limit), C - insurer_paid, MAX(0, C - limit)), P1, MIN(N, A), P2, MIN(N - P1, insurer_paid), P3, MIN(N - P1 - P2, MIN(deductible, loss)), HSTACK(P1, P2, P3, N - P1 - P2 - P3))',
    example: { formula: '=CYBER.RECOVERY(130000, 0, 160000, 25000, 80000, 100000)', result: '{35000,80000,15000,0}' },
    run: (a, t) => [recovery(a.num('recovered'), a.num('recovery_costs'), a.num('loss'), a.num('deductible'), a.num('insurer_paid'), a.optNum('limit'), t)],
  },
  {
    name: 'OTHERINSURANCE',
    section: 5,
    description: {
      en: 'This policy’s share when other insurance covers the same loss: "excess" (ISO), "contribution" (pro rata by limits) or "cpic" (CPIC 第九条 5).',
      zh: '同一损失存在其他保险时本保单的份额："excess"（ISO 超额）、"contribution"（按限额比例分摊）或 "cpic"（太保 第九条 5）。',
    },
    resultKind: 'number',
    articles: [ISO.otherInsurance, CPIC_OTHER.otherInsurance],
    params: [
      amount('loss', { label: { en: 'loss', zh: '损失' }, description: { en: 'The loss; 0 or more.', zh: '损失金额，不得为负数。' } }),
      amount('own_limit', { label: { en: 'own limit', zh: '本保单限额' }, description: { en: 'This policy’s limit; 0 or more.', zh: '本保单的限额，不得为负数。' } }),
      amount('other_limit', { label: { en: 'other limit', zh: '其他保险限额' }, description: { en: 'The other insurance’s limit (sum of all others); 0 or more.', zh: '其他保险的限额（多份时合计），不得为负数。' } }),
      option('method', {
        optional: true,
        default: 'excess',
        options: ['excess', 'contribution', 'cpic'],
        label: { en: 'method', zh: '方式' },
        description: { en: 'Method: "excess" (default), "contribution" or "cpic".', zh: '方式："excess"（默认）、"contribution" 或 "cpic"。' },
      }),
      amount('other_paid', { optional: true, default: 0, label: { en: 'other paid', zh: '其他保险已赔付' }, description: { en: 'Already paid by the other insurance ("cpic" method; default 0).', zh: '其他保险已赔付的金额（"cpic" 方式使用；默认 0）。' } }),
    ],
    formula: '=SWITCH(method, "excess", MIN(own_limit, MAX(0, loss - MIN(loss, other_limit))), "contribution", MIN(own_limit, loss*own_limit/(own_limit+other_limit)), "cpic", IF(other_paid=0, MIN(loss, own_limit), MIN(loss, own_limit, MAX(0, loss - other_paid))))',
    example: { formula: '=CYBER.OTHERINSURANCE(120000, 25000, 225000, "contribution")', result: '12000' },
    run: (a, t) => otherInsurance(a.num('loss'), a.num('own_limit'), a.num('other_limit'), a.text('method') as OtherInsuranceMethod, a.num('other_paid'), t),
  },
];
