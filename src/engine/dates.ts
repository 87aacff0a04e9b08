/** Dates, notices and policy changes — SAMSUNG 第一部分 第四条, 第四十一、四十三、四十九条. */
import { SAMSUNG } from './articles';
import { edate, formatSerial, LAST_SERIAL } from './calendar';
import { type Decimal, dmin } from './decimal';
import { fail } from './errors';
import { amount, date, type FunctionDefinition, option } from './specs';
import type { Tracer } from './trace';

export function claimsMade(act: Decimal, claim: Decimal, retro: Decimal, start: Decimal, end: Decimal, erpEnd: Decimal | undefined, t: Tracer): boolean {
  if (start.gt(end)) fail('periodReversed', 'policy_end', { got: formatSerial(end), start: formatSerial(start) });
  if (erpEnd !== undefined && erpEnd.lt(end)) fail('erpBeforeEnd', 'erp_end', { got: formatSerial(erpEnd), end: formatSerial(end) });
  const actOk = act.gte(retro) && act.lte(end);
  t.step({ en: 'Wrongful act between the retroactive date and the policy end', zh: '不当行为发生在追溯日与保险期间终止日之间' }, actOk, SAMSUNG.claimsMade);
  const last = erpEnd ?? end;
  const claimOk = claim.gte(start) && claim.lte(last);
  t.step({ en: 'Claim first made in the policy period (or extended reporting period)', zh: '索赔在保险期间（或延长报告期）内首次提出' }, claimOk, SAMSUNG.claimsMade);
  return actOk && claimOk;
}

export type NoticeKind = 'claim' | 'incident' | 'extortion' | 'proof';

export function noticeBy(kind: NoticeKind, event: Decimal, end: Decimal, erpEnd: Decimal | undefined, t: Tracer): Decimal {
  let last: Decimal;
  switch (kind) {
    case 'claim':
      last = erpEnd ?? end.plus(90);
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
  t.step({ en: `Last day for written notice (${kind})`, zh: `书面通知的最后期限（${kind}）` }, last, SAMSUNG.notice);
  return last;
}

export function returnPremium(premium: Decimal, start: Decimal, end: Decimal, cancel: Decimal, t: Tracer): Decimal {
  // A reversed period is the period's fault, not the cancellation date's (as in CLAIMSMADE and
  // LOSSSUSTAINED); it used to be reported as cancel_date outside "2025-12-31 to 2025-01-01".
  if (start.gt(end)) fail('periodReversed', 'policy_end', { got: formatSerial(end), start: formatSerial(start) });
  if (cancel.lt(start) || cancel.gt(end)) {
    fail('cancelOutsidePeriod', 'cancel_date', { got: formatSerial(cancel), start: formatSerial(start), end: formatSerial(end) });
  }
  const days = end.minus(start);
  if (days.isZero()) fail('zeroPolicyPeriod', 'policy_end', {});
  const unexpired = end.minus(cancel);
  t.step({ en: 'Unexpired days = policy end − cancellation date', zh: '未到期天数 = 保险期间终止日 − 解除日' }, unexpired, SAMSUNG.cancellation);
  const refund = premium.times(unexpired).div(days);
  t.step({ en: 'Return premium = premium × unexpired ÷ policy days', zh: '退还保费 = 保费 × 未到期天数 ÷ 保险期间天数' }, refund, SAMSUNG.cancellation);
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

const policyEnd = d('policy_end', 'policy end', '保险期间终止日', 'Last day of the policy period.', '保险期间的终止日期。');
const erpEnd = d('erp_end', 'extended reporting period end', '延长报告期终止日', 'End of the extended reporting period, when bought; omit otherwise.', '延长报告期的终止日期（如已购买）；否则省略。', true);

export const DATE_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'CLAIMSMADE',
    section: 7,
    description: {
      en: 'TRUE when the wrongful act lies between the retroactive date and the policy end and the claim is made in the policy period (or extended reporting period). SAMSUNG 第一部分 第四条.',
      zh: '不当行为发生在追溯日与保险期间终止日之间、且索赔在保险期间（或延长报告期）内提出时为 TRUE。三星 第一部分 第四条。',
    },
    resultKind: 'boolean',
    articles: [SAMSUNG.claimsMade],
    params: [
      d('act_date', 'wrongful act date', '不当行为日', 'Date of the wrongful act.', '不当行为发生的日期。'),
      d('claim_date', 'claim date', '索赔日', 'Date the claim was first made.', '索赔首次提出的日期。'),
      d('retro_date', 'retroactive date', '追溯日', 'Retroactive date from the schedule.', '明细表规定的追溯日。'),
      d('policy_start', 'policy start', '保险期间起始日', 'First day of the policy period.', '保险期间的起始日期。'),
      policyEnd,
      erpEnd,
    ],
    formula: '=AND(retro_date <= act_date, act_date <= policy_end, policy_start <= claim_date, claim_date <= IF(ISBLANK(erp_end), policy_end, erp_end))',
    example: { formula: '=CYBER.CLAIMSMADE(45500, 45800, 45292, 45658, 46022)', result: 'TRUE' },
    run: (a, t) => claimsMade(a.num('act_date'), a.num('claim_date'), a.num('retro_date'), a.num('policy_start'), a.num('policy_end'), a.optNum('erp_end'), t),
  },
  {
    name: 'NOTICEBY',
    section: 7,
    description: {
      en: 'Last day for written notice (a date serial): "claim", "incident", "extortion" or "proof" (proof of loss). SAMSUNG 第四十三条.',
      zh: '书面通知的最后期限（日期序列号）："claim"（索赔）、"incident"（事件）、"extortion"（勒索）或 "proof"（损失证明）。三星 第四十三条。',
    },
    resultKind: 'date',
    articles: [SAMSUNG.notice],
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
    formula: '=SWITCH(kind, "claim", IF(ISBLANK(erp_end), policy_end + 90, erp_end), "incident", MIN(event_date + 90, policy_end + 90), "extortion", event_date + 90, "proof", EDATE(event_date, 6))',
    example: { formula: '=CYBER.NOTICEBY("incident", 46000, 46022)', result: '46090' },
    run: (a, t) => noticeBy(a.text('kind') as NoticeKind, a.num('event_date'), a.num('policy_end'), a.optNum('erp_end'), t),
  },
  {
    name: 'RETURNPREMIUM',
    section: 7,
    description: {
      en: 'Pro-rata return premium by days: premium × (policy end − cancellation date) ÷ (policy end − policy start). SAMSUNG 第四十九条 (一) 4.',
      zh: '按日计算退还保费：保费 × (保险期间终止日 − 解除日) ÷ (终止日 − 起始日)。三星 第四十九条（一）4。',
    },
    resultKind: 'number',
    articles: [SAMSUNG.cancellation],
    params: [
      amount('premium', { label: { en: 'premium', zh: '保费' }, description: { en: 'Premium of the policy period; 0 or more.', zh: '保险期间的保费，不得为负数。' } }),
      d('policy_start', 'policy start', '保险期间起始日', 'First day of the policy period.', '保险期间的起始日期。'),
      {
        ...policyEnd,
        description: {
          en: 'Date the policy period ends (its expiry): the days of the period are counted as policy_end − policy_start.',
          zh: '保险期间终止（到期）日期：保险期间天数按 policy_end − policy_start 计算。',
        },
      },
      d('cancel_date', 'cancellation date', '解除日', 'Date the policy is cancelled, within the policy period.', '保险合同解除日期，须在保险期间内。'),
    ],
    formula: '=premium * (policy_end - cancel_date) / (policy_end - policy_start)',
    example: { formula: '=CYBER.RETURNPREMIUM(36500, 45658, 46023, 45841)', result: '18200' },
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
