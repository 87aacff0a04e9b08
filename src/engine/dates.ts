/** Dates, notices and policy changes — SAMSUNG 第一部分 第四条, 第四十一、四十三、四十九条. */
import { SAMSUNG } from './articles';
import { edate, formatSerial, LAST_SERIAL } from './calendar';
import { type Decimal, dmax, dmin } from './decimal';
import { fail } from './errors';
import { amount, date, type FunctionDefinition, option } from './specs';
import type { Tracer } from './trace';

/**
 * Claims made and reported (第一部分 第四条): the act from the retroactive date to the policy end, the
 * claim first made in the policy period or the extended reporting period. A notice of circumstances
 * moves the claim's date: 「则因该等不当行为产生的索赔应视为在保险人首次收到该等书面通知时提出」
 * (第四十三条 (二) 2), provided the notice was sent 「在保险期限内」 — a notice the insurer received within
 * the period was sent within it; one received outside it proves nothing, so it is ignored.
 */
export function claimsMade(
  act: Decimal,
  claim: Decimal,
  retro: Decimal,
  start: Decimal,
  end: Decimal,
  erpEnd: Decimal | undefined,
  circumstance: Decimal | undefined,
  t: Tracer,
): boolean {
  if (start.gt(end)) fail('periodReversed', 'policy_end', { got: formatSerial(end), start: formatSerial(start) });
  if (erpEnd !== undefined && erpEnd.lt(end)) fail('erpBeforeEnd', 'erp_end', { got: formatSerial(erpEnd), end: formatSerial(end) });
  const actOk = act.gte(retro) && act.lte(end);
  t.step({ en: 'Wrongful act between the retroactive date and the policy end', zh: '不当行为发生在追溯日与保险期间终止日之间' }, actOk, SAMSUNG.claimsMade);
  let made = claim;
  if (circumstance !== undefined) {
    const noticed = circumstance.gte(start) && circumstance.lte(end);
    t.step(
      { en: 'Notice of circumstances received within the policy period', zh: '保险人在保险期间内收到情况通知' },
      noticed,
      SAMSUNG.circumstanceNotice,
    );
    if (noticed) {
      made = circumstance;
      t.step({ en: 'The claim is deemed made when the insurer received that notice', zh: '索赔视为在保险人首次收到该书面通知时提出' }, made, SAMSUNG.circumstanceNotice);
    }
  }
  const last = erpEnd ?? end;
  const claimOk = made.gte(start) && made.lte(last);
  t.step({ en: 'Claim first made in the policy period (or extended reporting period)', zh: '索赔在保险期间（或延长报告期）内首次提出' }, claimOk, SAMSUNG.claimsMade);
  return actOk && claimOk;
}

export type NoticeKind = 'claim' | 'incident' | 'extortion' | 'proof';

/**
 * Last day for written notice (第四十三条). For a claim the notice must be sent no later than
 * 「a. 保险期限终止后 90 天；或 b. 延长报告期限（如执行）终止时」: either limit keeps the insured in
 * time, so the later of the two applies — an extended reporting period shorter than 90 days never
 * shortens the 90 days. An ERP ends after the policy period for every kind (it extends it).
 */
export function noticeBy(kind: NoticeKind, event: Decimal, end: Decimal, erpEnd: Decimal | undefined, t: Tracer): Decimal {
  if (erpEnd !== undefined && erpEnd.lt(end)) fail('erpBeforeEnd', 'erp_end', { got: formatSerial(erpEnd), end: formatSerial(end) });
  let last: Decimal;
  let article = SAMSUNG.notice;
  switch (kind) {
    case 'claim':
      last = erpEnd === undefined ? end.plus(90) : dmax(end.plus(90), erpEnd);
      article = SAMSUNG.claimNotice;
      break;
    case 'incident':
      last = dmin(event.plus(90), end.plus(90));
      break;
    case 'extortion':
      last = event.plus(90);
      break;
    default:
      last = edate(event, 6);
  }
  // A date cell ends at 9999-12-31 (Excel's EDATE gives #NUM! past it): a deadline beyond it is
  // not a date, so it must not come back as a number (FUNCTIONS.md conventions, #NUM!).
  if (last.gt(LAST_SERIAL)) {
    const from = kind === 'claim' ? 'policy_end' : 'event_date';
    fail('noticeAfterCalendar', from, { got: formatSerial(kind === 'claim' ? end : event), result: last.toString() });
  }
  t.step({ en: `Last day for written notice (${kind})`, zh: `书面通知的最后期限（${kind}）` }, last, article);
  return last;
}

/**
 * Pro-rata return premium, 第四十九条 (一) 4: 「本保险单如被解除，保险人将按日比例退还未满期保险费」.
 * The days are whole days (按日): policy_end is the last day of cover, as in CLAIMSMADE,
 * LOSSSUSTAINED and NOTICEBY, so the period has policy_end + 1 − policy_start days; cancel_date is the
 * day the cancellation takes effect (第四十九条 (一) 1 「解除生效日期」), the first day no longer covered,
 * so policy_end + 1 − cancel_date days are unexpired. Cancelling on the first day returns everything,
 * from the day after the last day nothing.
 */
export function returnPremium(premium: Decimal, start: Decimal, end: Decimal, cancel: Decimal, t: Tracer): Decimal {
  const first = start.floor();
  const afterLast = end.floor().plus(1);
  const off = cancel.floor();
  // A reversed period is the period's fault, not the cancellation date's (as in CLAIMSMADE and
  // LOSSSUSTAINED).
  if (afterLast.lte(first)) fail('periodReversed', 'policy_end', { got: formatSerial(end), start: formatSerial(start) });
  if (off.lt(first) || off.gt(afterLast)) {
    fail('cancelOutsidePeriod', 'cancel_date', { got: formatSerial(cancel), start: formatSerial(first), after: formatSerial(afterLast) });
  }
  const days = afterLast.minus(first);
  t.step({ en: 'Days of cover = policy end + 1 − policy start', zh: '保险期间天数 = 终止日 + 1 − 起始日' }, days, SAMSUNG.cancellation);
  const unexpired = afterLast.minus(off);
  t.step({ en: 'Unexpired days = policy end + 1 − cancellation date', zh: '未到期天数 = 终止日 + 1 − 解除生效日' }, unexpired, SAMSUNG.cancellation);
  const refund = premium.times(unexpired).div(days);
  t.step({ en: 'Return premium = premium × unexpired ÷ days of cover', zh: '退还保费 = 保费 × 未到期天数 ÷ 保险期间天数' }, refund, SAMSUNG.cancellation);
  return refund;
}

export function acquisition(subsidiary: Decimal, named: Decimal, acquired: Decimal, notice: Decimal | undefined, t: Tracer): string {
  const threshold = named.times('0.2');
  t.step({ en: '20% of the named insured’s revenue', zh: '记名被保险人营业收入的 20%' }, threshold, SAMSUNG.acquisition);
  if (subsidiary.lte(threshold)) return 'automatic';
  const inTime = notice !== undefined && notice.lte(acquired.plus(90));
  t.step({ en: 'Notice given within 90 days of the acquisition', zh: '收购后 90 日内已发出通知' }, inTime, SAMSUNG.acquisition);
  return inTime ? 'conditional' : 'not covered';
}

const d = (name: string, en: string, zh: string, enDesc: string, zhDesc: string, optional = false) =>
  date(name, { optional, label: { en, zh }, description: { en: enDesc, zh: zhDesc } });

const policyEnd = d('policy_end', 'policy end', '保险期间终止日', 'Last day of the policy period (the last day of cover).', '保险期间的终止日期（承保的最后一天）。');
const erpEnd = d(
  'erp_end',
  'extended reporting period end',
  '延长报告期终止日',
  'End of the extended reporting period, when bought; omit otherwise. Not before policy_end.',
  '延长报告期的终止日期（如已购买）；否则省略。不得早于 policy_end。',
  true,
);

export const DATE_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'CLAIMSMADE',
    section: 7,
    description: {
      en: 'TRUE when the wrongful act lies between the retroactive date and the policy end and the claim is made in the policy period (or extended reporting period); a notice of circumstances the insurer received within the policy period counts as the day the claim was made. SAMSUNG 第一部分 第四条, 第四十三条 (二) 2.',
      zh: '不当行为发生在追溯日与保险期间终止日之间、且索赔在保险期间（或延长报告期）内提出时为 TRUE；保险人在保险期间内收到情况通知的，以收到之日为索赔提出之日。三星 第一部分 第四条、第四十三条（二）2。',
    },
    resultKind: 'boolean',
    articles: [SAMSUNG.claimsMade, SAMSUNG.circumstanceNotice],
    params: [
      d('act_date', 'wrongful act date', '不当行为日', 'Date of the wrongful act.', '不当行为发生的日期。'),
      d('claim_date', 'claim date', '索赔日', 'Date the claim was first made.', '索赔首次提出的日期。'),
      d('retro_date', 'retroactive date', '追溯日', 'Retroactive date from the schedule.', '明细表规定的追溯日。'),
      d('policy_start', 'policy start', '保险期间起始日', 'First day of the policy period.', '保险期间的起始日期。'),
      policyEnd,
      erpEnd,
      d(
        'circumstance_date',
        'notice of circumstances date',
        '情况通知日',
        'Day the insurer first received a written notice of the circumstances from which the claim arose; within the policy period it replaces claim_date, outside it is ignored. Omit when none.',
        '保险人首次收到引起该索赔的情况书面通知的日期；在保险期间内时取代 claim_date，在保险期间外则不予考虑。没有时省略。',
        true,
      ),
    ],
    formula:
      '=LET(made, IF(AND(NOT(ISBLANK(circumstance_date)), policy_start <= circumstance_date, circumstance_date <= policy_end), circumstance_date, claim_date), AND(retro_date <= act_date, act_date <= policy_end, policy_start <= made, made <= IF(ISBLANK(erp_end), policy_end, erp_end)))',
    example: { formula: '=CYBER.CLAIMSMADE(45500, 46100, 45292, 45658, 46022, 46053, 45950)', result: 'TRUE' },
    run: (a, t) =>
      claimsMade(a.num('act_date'), a.num('claim_date'), a.num('retro_date'), a.num('policy_start'), a.num('policy_end'), a.optNum('erp_end'), a.optNum('circumstance_date'), t),
  },
  {
    name: 'NOTICEBY',
    section: 7,
    description: {
      en: 'Last day for written notice (a date serial): "claim" (policy end + 90, or the ERP end when later), "incident", "extortion" or "proof" (proof of loss). SAMSUNG 第四十三条.',
      zh: '书面通知的最后期限（日期序列号）："claim"（索赔：终止日 + 90 天，或延长报告期终止日，以较晚者为准）、"incident"（事件）、"extortion"（勒索）或 "proof"（损失证明）。三星 第四十三条。',
    },
    resultKind: 'date',
    articles: [SAMSUNG.notice, SAMSUNG.claimNotice],
    params: [
      option('kind', {
        options: ['claim', 'incident', 'extortion', 'proof'],
        label: { en: 'kind', zh: '类别' },
        description: { en: 'What is notified: "claim", "incident", "extortion" or "proof".', zh: '通知事项："claim"、"incident"、"extortion" 或 "proof"。' },
      }),
      d('event_date', 'event date', '事件日', 'Date of the event (discovery, demand or loss).', '事件（发现、勒索要求或损失）发生的日期。'),
      policyEnd,
      erpEnd,
    ],
    formula: '=SWITCH(kind, "claim", IF(ISBLANK(erp_end), policy_end + 90, MAX(policy_end + 90, erp_end)), "incident", MIN(event_date + 90, policy_end + 90), "extortion", event_date + 90, "proof", EDATE(event_date, 6))',
    example: { formula: '=CYBER.NOTICEBY("incident", 46000, 46022)', result: '46090' },
    run: (a, t) => noticeBy(a.text('kind') as NoticeKind, a.num('event_date'), a.num('policy_end'), a.optNum('erp_end'), t),
  },
  {
    name: 'RETURNPREMIUM',
    section: 7,
    description: {
      en: 'Pro-rata return premium by whole days: premium × (policy end + 1 − cancellation date) ÷ (policy end + 1 − policy start), policy end being the last day of cover and the cancellation date the first day no longer covered. SAMSUNG 第四十九条 (一) 4.',
      zh: '按日计算退还保费：保费 × (终止日 + 1 − 解除生效日) ÷ (终止日 + 1 − 起始日)；终止日为承保的最后一天，解除生效日为不再承保的第一天。三星 第四十九条（一）4。',
    },
    resultKind: 'number',
    articles: [SAMSUNG.cancellation],
    params: [
      amount('premium', { label: { en: 'premium', zh: '保费' }, description: { en: 'Premium of the policy period; 0 or more.', zh: '保险期间的保费，不得为负数。' } }),
      d('policy_start', 'policy start', '保险期间起始日', 'First day of the policy period.', '保险期间的起始日期。'),
      {
        ...policyEnd,
        description: {
          en: 'Last day of cover (not the day after): the period has policy_end + 1 − policy_start days; not before policy_start. Dates count as whole days.',
          zh: '承保的最后一天（不是其次日）：保险期间天数为 policy_end + 1 − policy_start；不得早于起始日。日期按整日计算。',
        },
      },
      d(
        'cancel_date',
        'cancellation date',
        '解除生效日',
        'Day the cancellation takes effect, the first day no longer covered: from policy_start to policy_end + 1 (which returns nothing).',
        '解除生效日期，即不再承保的第一天：须在 policy_start 至 policy_end + 1 之间（后者不退保费）。',
      ),
    ],
    formula: '=premium * (INT(policy_end) + 1 - INT(cancel_date)) / (INT(policy_end) + 1 - INT(policy_start))',
    example: { formula: '=CYBER.RETURNPREMIUM(36500, 45658, 46022, 45839)', result: '18400' },
    run: (a, t) => returnPremium(a.num('premium'), a.num('policy_start'), a.num('policy_end'), a.num('cancel_date'), t),
  },
  {
    name: 'ACQUISITION',
    section: 7,
    description: {
      en: 'Cover of a newly acquired subsidiary: "automatic" up to 20% of the named insured’s revenue, else "conditional" with notice within 90 days, else "not covered". SAMSUNG 第四十一条 (一).',
      zh: '新收购子公司的保障："automatic"（营业收入不超过记名被保险人的 20%）；否则收购后 90 日内通知为 "conditional"；否则 "not covered"。三星 第四十一条（一）。',
    },
    resultKind: 'text',
    articles: [SAMSUNG.acquisition],
    params: [
      amount('subsidiary_revenue', { label: { en: 'subsidiary revenue', zh: '子公司营业收入' }, description: { en: 'Revenue of the acquired subsidiary; 0 or more.', zh: '被收购子公司的营业收入，不得为负数。' } }),
      amount('named_revenue', { label: { en: 'named insured revenue', zh: '记名被保险人营业收入' }, description: { en: 'Revenue of the named insured; 0 or more.', zh: '记名被保险人的营业收入，不得为负数。' } }),
      d('acquisition_date', 'acquisition date', '收购日', 'Date of the acquisition.', '收购日期。'),
      d('notice_date', 'notice date', '通知日', 'Date written notice was given to the insurer; omit when none.', '向保险人发出书面通知的日期；未通知时省略。', true),
    ],
    formula: '=IF(subsidiary_revenue <= 0.2 * named_revenue, "automatic", IF(AND(NOT(ISBLANK(notice_date)), notice_date <= acquisition_date + 90), "conditional", "not covered"))',
    example: { formula: '=CYBER.ACQUISITION(30000000, 100000000, 45700, 45750)', result: 'conditional' },
    run: (a, t) => acquisition(a.num('subsidiary_revenue'), a.num('named_revenue'), a.num('acquisition_date'), a.optNum('notice_date'), t),
  },
];
