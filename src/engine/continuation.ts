/**
 * 经营延续费用 (business continuation costs) as CPIC 第四十四条 29 defines them (catalogue section 9):
 * the figure CYBER.CONTINUATIONPAYOUT (interruption.ts) takes as its `expenses`.
 */
import { CONTINUATION } from './articles';
import { type Decimal, dmin, positivePart } from './decimal';
import { amount, type FunctionDefinition } from './specs';
import type { Tracer } from './trace';

export interface ContinuationInputs {
  /** 恢复期间内所产生的必要且有益费用中，超出通常所需费用部分的金额. */
  readonly extraCosts: Decimal;
  /** 该期间内可避免支出的费用. */
  readonly avoidable: Decimal;
  /** 为了缩短恢复期间而……超出通常所需费用的部分 (29 (2)). */
  readonly expediting: Decimal;
  /** 以缩短恢复期间所能够节省的经营延续费用金额为限 (29 (2)). */
  readonly expeditingSaved: Decimal;
  /** 为了临时使用而获取的设备等财产，在恢复期间结束时的价额 (29 (3)). */
  readonly residualValue: Decimal;
}

/** max(0, extra − avoidable + min(expediting, expediting_saved) − residual_value). */
export function continuationCost(x: ContinuationInputs, t: Tracer): Decimal {
  const a = CONTINUATION.definition;
  const net = x.extraCosts.minus(x.avoidable);
  t.step({ en: 'Costs above the usual ones less the costs avoidable in the recovery period', zh: '超出通常所需费用的必要且有益费用 − 该期间内可避免支出的费用' }, net, a);
  // 29 (2): restoring the IT equipment is not a continuation cost, except what was spent above the
  // usual to shorten the recovery period, counted up to the continuation costs it saved.
  const expediting = dmin(x.expediting, x.expeditingSaved);
  t.step({ en: 'Expediting costs counted = min(expediting, continuation costs it saved)', zh: '计入的缩短恢复期间费用 = min(该费用, 因此节省的经营延续费用)' }, expediting, a);
  // 29 (3): what property bought for temporary use is still worth at the end is not a cost.
  const cost = positivePart(net.plus(expediting).minus(x.residualValue));
  t.step({ en: 'Business continuation costs = max(0, … − residual value of temporary property)', zh: '经营延续费用 = max(0, … − 临时使用财产在恢复期间结束时的价额)' }, cost, a);
  return cost;
}

const money = (name: string, optional: boolean, en: string, zh: string, enDesc: string, zhDesc: string) =>
  amount(name, { ...(optional ? { optional, default: 0 } : {}), label: { en, zh }, description: { en: enDesc, zh: zhDesc } });

export const CONTINUATION_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'CONTINUATIONCOST',
    section: 9,
    description: {
      en: 'Business continuation costs (经营延续费用) as CPIC 第四十四条 29 defines them, the expenses CYBER.CONTINUATIONPAYOUT takes: max(0, extra costs − avoidable + min(expediting, expediting saved) − residual value).',
      zh: '按太保 第四十四条 29 定义的经营延续费用，即 CYBER.CONTINUATIONPAYOUT 所用的费用：max(0, 超出通常所需的费用 − 可避免的费用 + min(缩短恢复期间的费用, 因此节省的费用) − 临时财产残值)。',
    },
    resultKind: 'number',
    articles: [CONTINUATION.definition],
    params: [
      money(
        'extra_costs',
        false,
        'extra costs',
        '超出通常所需的费用',
        'Necessary and useful costs above the usual ones incurred in the recovery period (not costs that run anyway, not restoring the IT equipment, not amounts paid as prevention costs); 0 or more.',
        '恢复期间内为防止或减轻标准经营性收益减少而产生的必要且有益费用中超出通常所需的部分（不含无论是否发生事故均须支出的费用、IT 设备的修复费用及作为防止收益减少费用支付的金额），不得为负数。',
      ),
      money('avoidable', true, 'avoidable costs', '可避免支出的费用', 'Costs avoided in the recovery period (default 0).', '恢复期间内可避免支出的费用（默认 0）。'),
      money(
        'expediting',
        true,
        'expediting costs',
        '缩短恢复期间的费用',
        'Costs above the usual ones spent to shorten the recovery period of the IT equipment (default 0); counted only up to expediting_saved.',
        '为缩短 IT 设备恢复期间而产生的超出通常所需的必要且有益费用（默认 0）；以 expediting_saved 为限计入。',
      ),
      money(
        'expediting_saved',
        true,
        'continuation costs saved',
        '因缩短而节省的经营延续费用',
        'The continuation costs that shortening the recovery period saved (default 0): the most of expediting that counts.',
        '因缩短恢复期间而能够节省的经营延续费用（默认 0）：缩短恢复期间的费用以此为限计入。',
      ),
      money(
        'residual_value',
        true,
        'residual value',
        '临时财产残值',
        'Value at the end of the recovery period of property acquired for temporary use (default 0).',
        '为临时使用而获取的设备等财产在恢复期间结束时的价额（默认 0）。',
      ),
    ],
    formula: '=MAX(0, extra_costs - avoidable + MIN(expediting, expediting_saved) - residual_value)',
    example: { formula: '=CYBER.CONTINUATIONCOST(300000, 20000, 50000, 30000, 10000)', result: '300000' },
    run: (a, t) =>
      continuationCost(
        {
          extraCosts: a.num('extra_costs'),
          avoidable: a.num('avoidable'),
          expediting: a.num('expediting'),
          expeditingSaved: a.num('expediting_saved'),
          residualValue: a.num('residual_value'),
        },
        t,
      ),
  },
];
