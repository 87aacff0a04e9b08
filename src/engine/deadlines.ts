/**
 * Deadlines and triggers (catalogue section 9): the time limits of the SAMSUNG, CPIC and ISO
 * wordings as ONE table of rules (STYLE.md, "Rules as data"), CYBER.DEADLINE over it, and the two
 * date tests every time limit needs — when a notice takes effect (CYBER.NOTICESERVED) and whether
 * an event falls in the policy period (CYBER.INPERIOD).
 *
 * The table drives the function (lookup by id), its messages (an unknown rule lists the rules of
 * its wording), its trace (each step cites the rule's article), the generated reference
 * (scripts/build-docs.js renders it in English and Chinese) and the task pane's timeline (exported
 * from the engine as DEADLINE_RULES). A new time limit is one more entry, nothing else.
 */
import { type Citation, SAMSUNG, TIME_LIMITS } from './articles';
import { edate, FIRST_SERIAL, formatSerial, LAST_SERIAL } from './calendar';
import { type Decimal, dmin } from './decimal';
import { fail } from './errors';
import type { MessageParam } from './messages';
import { date, type FunctionDefinition, text } from './specs';
import type { Text, Tracer } from './trace';

/**
 * What the day a rule gives means (catalogue section 9): "latest" — the last day on which the act
 * is still in time; "earliest" — the first day on which it is allowed; "until" — the last day on
 * which the rule still applies; "latest (notice)" — the last day to send a notice that must
 * precede `date`.
 */
export type DeadlineKind = 'latest' | 'earliest' | 'until' | 'latest (notice)';

/** The wordings whose time limits the table holds; the id's prefix is the source in lower case. */
export type DeadlineSource = 'SAMSUNG' | 'CPIC' | 'ISO';

export interface DeadlineOffset {
  /** Signed: −15 is 15 days (or months, years) before `date`. */
  readonly amount: number;
  /** Days are added to the serial; months and years follow Excel's EDATE (years = 12 months). */
  readonly unit: 'days' | 'months' | 'years';
}

export interface DeadlineRule {
  /** Lower case, the wording first: "samsung.payment". Matched case-insensitively, trimmed. */
  readonly id: string;
  readonly source: DeadlineSource;
  /** The article the time limit is written in (the trace and the reference cite it). */
  readonly article: Citation;
  readonly offset: DeadlineOffset;
  readonly kind: DeadlineKind;
  /** What the `date` argument is for this rule. */
  readonly date: Text;
  /** What the resulting day means. */
  readonly means: Text;
  /** The wording's own sentence, in the wording's language (Chinese for SAMSUNG and CPIC). */
  readonly quote: string;
}

const days = (amount: number): DeadlineOffset => ({ amount, unit: 'days' });
const months = (amount: number): DeadlineOffset => ({ amount, unit: 'months' });
const years = (amount: number): DeadlineOffset => ({ amount, unit: 'years' });

const SETTLEMENT_AGREED: Text = { en: 'day the settlement was agreed', zh: '与被保险人达成赔偿协议之日' };
const DECIDED_NOT_COVERED: Text = { en: 'day the claim was decided as not covered', zh: '作出不属于保险责任的核定之日' };
const LEARNED_GROUND: Text = { en: 'day the insurer learned the ground for rescission', zh: '保险人知道有解除事由之日' };
const CANCELLATION_EFFECTIVE: Text = { en: 'day the cancellation is to take effect', zh: '解除生效日期' };
const LAST_DAY_OF_PERIOD: Text = { en: 'last day of the policy period', zh: '保险期间的最后一天' };

/**
 * Every time limit of catalogue section 9, in the catalogue's order. Each offset was checked
 * against the wording's sentence quoted beside it.
 */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    id: 'samsung.payment',
    source: 'SAMSUNG',
    article: TIME_LIMITS.samsungClaimDecision,
    offset: days(10),
    kind: 'latest',
    date: SETTLEMENT_AGREED,
    means: { en: 'last day for the insurer to pay the agreed indemnity', zh: '保险人履行赔偿义务的最后一天' },
    quote: '对属于保险责任的,在与被保险人达成赔偿或者给付保险金的协议后十日内,履行赔偿义务。',
  },
  {
    id: 'samsung.refusal',
    source: 'SAMSUNG',
    article: TIME_LIMITS.samsungClaimDecision,
    offset: days(3),
    kind: 'latest',
    date: DECIDED_NOT_COVERED,
    means: { en: 'last day for the insurer to send the notice of refusal with its reasons', zh: '保险人发出拒绝赔偿保险金通知书并说明理由的最后一天' },
    quote: '对不属于保险责任的,保险人应当自作出核定之日起三日内向被保险人发出拒绝赔偿保险金通知书,并说明理由。',
  },
  {
    id: 'samsung.rescission',
    source: 'SAMSUNG',
    article: TIME_LIMITS.samsungRescission,
    offset: days(30),
    kind: 'latest',
    date: LEARNED_GROUND,
    means: { en: 'last day the insurer may rescind; the right lapses after it', zh: '保险人可以解除合同的最后一天，此后解除权消灭' },
    quote: '自保险人知道有解除事由之日起,合同解除权超过三十日不行使而消灭。',
  },
  {
    id: 'samsung.takeover.premium',
    source: 'SAMSUNG',
    article: TIME_LIMITS.samsungTakeover,
    offset: days(30),
    kind: 'latest',
    date: { en: 'day the takeover took effect', zh: '接管生效之日' },
    means: {
      en: 'last day to pay the premium for the rest of the policy period; unpaid, no extended reporting period can be bought',
      zh: '付清剩余保险期限保费的最后一天；未付清的，无权购买延长报告期限',
    },
    quote: '接管不影响被保险人购买延长报告期限的权利,除非被保险人在该事件生效后 30 天内未付清剩余保险期限的保费,在此情况下,被保险人则无权购买延长报告期限。',
  },
  {
    id: 'samsung.incident.costs',
    source: 'SAMSUNG',
    article: TIME_LIMITS.samsungIncidentCosts,
    offset: months(24),
    kind: 'until',
    date: { en: 'day the security, privacy or media event was first notified', zh: '首次收到安全事件、隐私事件或媒体事件通知之日' },
    means: { en: 'last day on which incident response costs (事故响应费用) are incurred within the cover', zh: '所产生的事故响应费用仍属保障范围的最后一天' },
    quote: '指被保险人在首次收到安全事件、隐私事件或媒体事件通知后 24 个月内,……而产生(无论是否自愿)的合理必要费用、成本、手续费和开支',
  },
  {
    id: 'samsung.extortion.suit.from',
    source: 'SAMSUNG',
    article: TIME_LIMITS.samsungExtortionSuit,
    offset: days(61),
    kind: 'earliest',
    date: { en: 'day the original proof of loss was submitted', zh: '向保险人提交损失证明原件之日' },
    means: { en: 'first day a suit for the extortion loss may be brought (none within 60 days)', zh: '可以就网络勒索损失提起诉讼的第一天（60 天以内不得起诉）' },
    quote: '被保险公司在向保险人提交损失证明原件后 60 天以内,或者在遭受"网络勒索"后 12 个月之后,不得提起任何诉讼程序,要求索要款项。',
  },
  {
    id: 'samsung.extortion.suit.by',
    source: 'SAMSUNG',
    article: TIME_LIMITS.samsungExtortionSuit,
    offset: months(12),
    kind: 'latest',
    date: { en: 'day of the first extortion', zh: '首次遭受网络勒索之日' },
    means: { en: 'last day a suit for the extortion loss may be brought', zh: '可以就网络勒索损失提起诉讼的最后一天' },
    quote: '被保险公司在向保险人提交损失证明原件后 60 天以内,或者在遭受"网络勒索"后 12 个月之后,不得提起任何诉讼程序,要求索要款项。',
  },
  {
    id: 'samsung.cancel.nonpayment',
    source: 'SAMSUNG',
    article: TIME_LIMITS.samsungCancelNonpayment,
    offset: days(-15),
    kind: 'latest (notice)',
    date: CANCELLATION_EFFECTIVE,
    means: { en: 'last day for the insurer to deliver notice of cancellation for non-payment of premium', zh: '保险人因不支付保险费解除而送交解除通知的最后一天' },
    quote: '保险人应在下列日期之前向记名被保险人以电子邮件或书面形式送交解除通知: a. 因不支付保险费解除的,在解除生效日期前 15 天;',
  },
  {
    id: 'samsung.cancel.other',
    source: 'SAMSUNG',
    article: TIME_LIMITS.samsungCancelOther,
    offset: days(-60),
    kind: 'latest (notice)',
    date: CANCELLATION_EFFECTIVE,
    means: { en: 'last day for the insurer to deliver notice of cancellation for any other reason', zh: '保险人因不支付保险费以外原因解除而送交解除通知的最后一天' },
    quote: '保险人应在下列日期之前向记名被保险人以电子邮件或书面形式送交解除通知: …… b. 因不支付保险费以外原因解除的,在解除生效日期前60天。',
  },
  {
    id: 'samsung.nonrenewal',
    source: 'SAMSUNG',
    article: TIME_LIMITS.samsungNonrenewal,
    offset: days(-60),
    kind: 'latest (notice)',
    date: LAST_DAY_OF_PERIOD,
    means: { en: 'last day for the insurer to send written notice of non-renewal', zh: '保险人发送不续保书面通知的最后一天' },
    quote: '如果保险人选择不予续保此保险单,则应在保险期限到期前至少 60 天,向记名被保险人发送相应的书面通知',
  },
  {
    id: 'cpic.decision',
    source: 'CPIC',
    article: TIME_LIMITS.cpicDecision,
    offset: days(30),
    kind: 'latest',
    date: { en: 'day the claim (with its documents) was received', zh: '收到赔偿保险金请求（及相关资料）之日' },
    means: { en: 'last day for the insurer to decide whether a complex claim is covered', zh: '情形复杂时保险人作出是否属于保险责任核定的最后一天' },
    quote: '保险人收到被保险人的赔偿保险金的请求后，应当及时作出是否属于保险责任的核定；情形复杂的，应当在三十日内作出核定，但保险合同另有约定的除外。',
  },
  {
    id: 'cpic.payment',
    source: 'CPIC',
    article: TIME_LIMITS.cpicSettlement,
    offset: days(10),
    kind: 'latest',
    date: SETTLEMENT_AGREED,
    means: { en: 'last day for the insurer to pay the agreed indemnity', zh: '保险人履行赔偿保险金义务的最后一天' },
    quote: '对属于保险责任的，在与被保险人达成赔偿保险金的协议后十日内，履行赔偿保险金义务。',
  },
  {
    id: 'cpic.refusal',
    source: 'CPIC',
    article: TIME_LIMITS.cpicSettlement,
    offset: days(3),
    kind: 'latest',
    date: DECIDED_NOT_COVERED,
    means: { en: 'last day for the insurer to send the notice of refusal with its reasons', zh: '保险人发出拒绝赔偿保险金通知书并说明理由的最后一天' },
    quote: '保险人依照前款的规定作出核定后，对不属于保险责任的，应当自作出核定之日起三日内向被保险人发出拒绝赔偿保险金通知书，并说明理由。',
  },
  {
    id: 'cpic.advance',
    source: 'CPIC',
    article: TIME_LIMITS.cpicAdvance,
    offset: days(60),
    kind: 'latest',
    date: { en: 'day the claim and its documents were received', zh: '收到赔偿保险金的请求和有关证明、资料之日' },
    means: { en: 'last day by which the amount that can be determined must be advanced when the total is not yet known', zh: '赔偿数额不能确定时先予支付可以确定的数额的最后一天' },
    quote: '保险人自收到赔偿保险金的请求和有关证明、资料之日起六十日内，对其赔偿保险金的数额不能确定的，应当根据已有证明和资料可以确定的数额先予支付',
  },
  {
    id: 'cpic.rescission',
    source: 'CPIC',
    article: TIME_LIMITS.cpicRescission,
    offset: days(30),
    kind: 'latest',
    date: LEARNED_GROUND,
    means: { en: 'last day the insurer may rescind; the right lapses after it', zh: '保险人可以解除合同的最后一天，此后解除权消灭' },
    quote: '保险人依据第四条和第二十五条所取得的保险合同解除权，自保险人知道有解除事由之日起，超过三十日不行使而消灭。',
  },
  {
    id: 'cpic.rescission.contract',
    source: 'CPIC',
    article: TIME_LIMITS.cpicRescission,
    offset: years(2),
    kind: 'until',
    date: { en: 'day the contract was concluded', zh: '保险合同成立之日' },
    means: { en: 'last day on which the insurer may still rescind at all (no rescission after it)', zh: '保险人仍可解除合同的最后一天（此后不得解除）' },
    quote: '自保险合同成立之日起超过二年的，保险人不得解除合同；发生保险事故的，保险人承担赔偿责任。',
  },
  {
    id: 'cpic.risk.increase',
    source: 'CPIC',
    article: TIME_LIMITS.cpicRiskIncrease,
    offset: days(7),
    kind: 'latest',
    date: { en: 'day the risk started to increase markedly', zh: '保险标的危险程度显著增加的变化开始之日' },
    means: { en: 'last day for written notice of the increased risk to the insurer', zh: '书面通知保险人危险程度显著增加的最后一天' },
    quote: '在保险合同有效期内，若保险标的的危险程度显著增加的，应在变化开始之日起七天内书面通知保险人',
  },
  {
    id: 'cpic.investigation',
    source: 'CPIC',
    article: TIME_LIMITS.cpicInvestigation,
    offset: months(1),
    kind: 'until',
    date: { en: 'day the insured refused the investigation', zh: '拒绝保险人调查的事实出现之日' },
    means: { en: 'last day on which the refusal still lets the insurer rescind (it no longer counts after)', zh: '保险人仍可因拒绝调查而解除合同的最后一天（此后该规定不再适用）' },
    quote: '自出现第（2）项所规定的拒绝事实起，经过时间达到 1 个月，则第（2）项的规定不再适用。',
  },
  {
    id: 'cpic.software',
    source: 'CPIC',
    article: TIME_LIMITS.cpicSoftware,
    offset: months(1),
    kind: 'until',
    date: { en: 'day the new or modified software went live', zh: '新的或修改过的软件、电脑程序正式使用之日' },
    means: { en: 'last day on which an interruption caused by a bug of that software is excluded', zh: '因该软件漏洞导致的网络中断事故仍属除外责任的最后一天' },
    quote: '因软件或电脑程序的漏洞而导致在测试期内或是正式使用后的 1 个月内发生的网络中断事故。',
  },
  {
    id: 'cpic.circumstance',
    source: 'CPIC',
    article: TIME_LIMITS.cpicCircumstance,
    offset: years(5),
    kind: 'until',
    date: LAST_DAY_OF_PERIOD,
    means: {
      en: 'last day on which a claim from a notified circumstance is deemed made on the last day of the policy period',
      zh: '因已通报的诱因或事由发生的索赔仍视为在保险期间最后一天发生的最后一天',
    },
    quote: '当投保人或被保险人进行过本条第 1 款第（1）项的通报时，如在保险期间结束后 5 年内因该诱因或事由而发生索赔的，则该索赔视为是在本保险合同保险期间的最后一天发生。',
  },
  {
    id: 'iso.suit.from',
    source: 'ISO',
    article: TIME_LIMITS.isoLegalAction,
    offset: days(90),
    kind: 'earliest',
    date: { en: 'day the proof of loss was filed', zh: '提交损失证明之日' },
    means: { en: 'first day a legal action against the insurer may be brought', zh: '可以对保险人提起法律诉讼的第一天' },
    quote: 'It cannot bring an action until more than 90 days have passed since it filed a proof of loss but not later than two years after it discovered the loss.',
  },
  {
    id: 'iso.suit.by',
    source: 'ISO',
    article: TIME_LIMITS.isoLegalAction,
    offset: years(2),
    kind: 'latest',
    date: { en: 'day the loss was discovered', zh: '发现损失之日' },
    means: { en: 'last day a legal action against the insurer may be brought', zh: '可以对保险人提起法律诉讼的最后一天' },
    quote: 'It cannot bring an action until more than 90 days have passed since it filed a proof of loss but not later than two years after it discovered the loss.',
  },
  {
    id: 'iso.merger',
    source: 'ISO',
    article: TIME_LIMITS.isoMerger,
    offset: days(90),
    kind: 'until',
    date: { en: 'day of the consolidation, merger or acquisition', zh: '合并、兼并或收购之日' },
    means: { en: 'last day the added entities, premises, assets or liabilities are covered automatically', zh: '新增实体、场所、资产或责任自动获得保障的最后一天' },
    quote: 'There is coverage for up to 90 days for entities, premises, assets, or liabilities added due to consolidation or merger with, or acquisition of another entity or its employees.',
  },
  {
    id: 'iso.liberalization',
    source: 'ISO',
    article: TIME_LIMITS.isoLiberalization,
    offset: days(-45),
    kind: 'earliest',
    date: { en: 'first day of the policy period', zh: '保险期间的第一天' },
    means: { en: 'first day from which a broadening of the form, adopted without extra premium, applies to this policy', zh: '保险人不加收保费扩大保障时，该扩大适用于本保单的最早日期' },
    quote: 'If the insurance company broadens coverage during the policy period or within 45 days before the policy period begins without charging an additional premium, the broadened coverage applies to this policy.',
  },
  {
    id: 'iso.employee.abroad',
    source: 'ISO',
    article: TIME_LIMITS.isoEmployeeTerritory,
    offset: days(90),
    kind: 'until',
    date: { en: 'day the employee left the territory', zh: '员工离开承保地域之日' },
    means: { en: 'last day the employee temporarily abroad is covered', zh: '暂时身处境外的员工仍获保障的最后一天' },
    quote: 'However, it is limited to the employee being outside this territory for not more than 90 consecutive days.',
  },
  {
    id: 'iso.employee.termination',
    source: 'ISO',
    article: TIME_LIMITS.isoEmployeeTermination,
    offset: days(30),
    kind: 'earliest',
    date: { en: 'day the insurer mailed notice of termination', zh: '保险人寄出终止通知之日' },
    means: { en: 'first day the termination of cover as to that employee may take effect', zh: '对该员工的保障终止可以生效的最早日期' },
    quote: 'That date must be at least 30 days after the date the notice is mailed.',
  },
];

/** Each kind of day in both languages: a short label and what the day means (docs, trace, pane). */
export const DEADLINE_KINDS: Readonly<Record<DeadlineKind, { readonly label: Text; readonly meaning: Text }>> = {
  latest: {
    label: { en: 'latest', zh: '最迟' },
    meaning: { en: 'the last day on which the act is still in time', zh: '行为仍然及时的最后一天' },
  },
  earliest: {
    label: { en: 'earliest', zh: '最早' },
    meaning: { en: 'the first day on which the act is allowed', zh: '允许行为的第一天' },
  },
  until: {
    label: { en: 'until', zh: '截至' },
    meaning: { en: 'the last day on which the rule still applies', zh: '规则仍然适用的最后一天' },
  },
  'latest (notice)': {
    label: { en: 'latest (notice)', zh: '最迟（通知）' },
    meaning: { en: 'the last day to send a notice that must precede the date', zh: '须在该日期之前发出通知的最后一天' },
  },
};

const UNIT_TEXT: Readonly<Record<DeadlineOffset['unit'], { en: [string, string]; zh: string }>> = {
  days: { en: ['day', 'days'], zh: '天' },
  months: { en: ['month', 'months'], zh: '个月' },
  years: { en: ['year', 'years'], zh: '年' },
};

/** "+ 10 days", "− 15 days", "+ 24 months" / "+ 10 天", "+ 24 个月". */
export function offsetText(offset: DeadlineOffset): Text {
  const sign = offset.amount < 0 ? '−' : '+';
  const n = Math.abs(offset.amount);
  const u = UNIT_TEXT[offset.unit];
  return { en: `${sign} ${n} ${u.en[n === 1 ? 0 : 1]}`, zh: `${sign} ${n} ${u.zh}` };
}

const BY_ID = new Map<string, DeadlineRule>(DEADLINE_RULES.map((r) => [r.id, r]));

/** The rule of an id as a user types it (any case, surrounding spaces ignored), or undefined. */
export function findDeadlineRule(id: string): DeadlineRule | undefined {
  return BY_ID.get(id.trim().toLowerCase());
}

const SOURCES: readonly DeadlineSource[] = ['SAMSUNG', 'CPIC', 'ISO'];

function idsOf(source: DeadlineSource): string {
  return DEADLINE_RULES.filter((r) => r.source === source)
    .map((r) => r.id)
    .join(', ');
}

/**
 * An unknown rule: when the text names a wording before the dot ("samsung.foo", or "samsung"
 * alone) the message lists that wording's rules; otherwise it lists every rule, by wording, so the
 * user sees how ids are written and which exist.
 */
function failUnknownRule(got: string): never {
  const prefix = got.trim().toLowerCase().split('.')[0];
  const source = SOURCES.find((s) => s.toLowerCase() === prefix);
  if (source !== undefined) fail('unknownDeadlineRule', 'rule', { got, wording: prefix, rules: idsOf(source) });
  const all: MessageParam = {
    en: SOURCES.map((s) => `${s.toLowerCase()}.*: ${idsOf(s)}`).join('; '),
    zh: SOURCES.map((s) => `${s.toLowerCase()}.*：${idsOf(s)}`).join('；'),
  };
  return fail('unknownDeadlineWording', 'rule', { got, rules: all });
}

/**
 * A day serial outside the calendar a cell can hold is no date (Excel's EDATE gives #NUM! past
 * 9999-12-31), so it never comes back as a number (catalogue conventions, #NUM!; as NOTICEBY).
 */
function requireCalendarDay(day: Decimal, argument: string, from: Decimal, what: Text): Decimal {
  if (day.lt(FIRST_SERIAL) || day.gt(LAST_SERIAL)) fail('dayOutsideCalendar', argument, { what, got: formatSerial(from), result: day.toString() });
  return day;
}

/** The rule's day from `date`: INT(date) + N days, or EDATE(INT(date), N months) (years × 12). */
export function deadlineDay(rule: DeadlineRule, when: Decimal): Decimal {
  const day = when.floor();
  const { amount, unit } = rule.offset;
  if (unit === 'days') return day.plus(amount);
  return edate(day, unit === 'years' ? amount * 12 : amount);
}

export function deadline(ruleId: string, when: Decimal, t: Tracer): Decimal {
  const rule = findDeadlineRule(ruleId) ?? failUnknownRule(ruleId);
  const start = when.floor();
  t.step({ en: `Counted from INT(date): the ${rule.date.en}`, zh: `起算日 INT(date)：${rule.date.zh}` }, start, rule.article);
  const offset = offsetText(rule.offset);
  const day = requireCalendarDay(deadlineDay(rule, when), 'date', when, { en: `The day of ${rule.id}`, zh: `${rule.id} 的日期` });
  const kind = DEADLINE_KINDS[rule.kind].label;
  t.step({ en: `${rule.id} (${kind.en}): ${offset.en}, the ${rule.means.en}`, zh: `${rule.id}（${kind.zh}）：${offset.zh}，${rule.means.zh}` }, day, rule.article);
  return day;
}

/**
 * 第四十三条 (一) 1 a: a notice takes effect when actually received or on the day after it was
 * sent, whichever is earlier — min(INT(received), INT(sent) + 1), or INT(sent) + 1.
 */
export function noticeServed(sent: Decimal, received: Decimal | undefined, t: Tracer): Decimal {
  const sentDay = sent.floor();
  const dayAfter = sentDay.plus(1);
  t.step({ en: 'Day after the notice was sent: INT(sent_date) + 1', zh: '通知发送次日：INT(sent_date) + 1' }, dayAfter, TIME_LIMITS.samsungNoticeServed);
  if (received === undefined) {
    return requireCalendarDay(dayAfter, 'sent_date', sent, { en: 'The day after the notice was sent', zh: '通知发送次日' });
  }
  const receivedDay = received.floor();
  // A notice cannot arrive on a day before it left; a later hour of the same day is fine.
  if (receivedDay.lt(sentDay)) fail('receivedBeforeSent', 'received_date', { got: formatSerial(received), sent: formatSerial(sent) });
  const effective = dmin(receivedDay, dayAfter);
  t.step({ en: 'Takes effect on the earlier of the day received and the day after sending', zh: '以实际收到之日与发送次日中较早者为送达生效日' }, effective, TIME_LIMITS.samsungNoticeServed);
  return effective;
}

/**
 * The first-party trigger "first discovered / first occurring within the policy period"
 * (SAMSUNG 第九–十九条; CPIC 第四条 1 (2)): policy_start ≤ INT(date) ≤ policy_end, policy_end the
 * last day of cover. The period's ends are compared as given, as the catalogue writes the test.
 */
export function inPeriod(when: Decimal, start: Decimal, end: Decimal, t: Tracer): boolean {
  if (end.lt(start)) fail('periodReversed', 'policy_end', { got: formatSerial(end), start: formatSerial(start) });
  const day = when.floor();
  t.step({ en: 'Day of the event: INT(date)', zh: '事件日：INT(date)' }, day, TIME_LIMITS.samsungFirstPartyTrigger);
  const inside = day.gte(start) && day.lte(end);
  t.step({ en: 'policy_start ≤ INT(date) ≤ policy_end', zh: '保险期间起始日 ≤ INT(date) ≤ 保险期间终止日' }, inside, TIME_LIMITS.samsungFirstPartyTrigger);
  return inside;
}

const ruleCount = DEADLINE_RULES.length;
const countOf = (source: DeadlineSource): number => DEADLINE_RULES.filter((r) => r.source === source).length;
const examples = SOURCES.map((s) => `"${DEADLINE_RULES.find((r) => r.source === s)?.id ?? ''}"`).join(', ');

export const DEADLINE_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'DEADLINE',
    section: 9,
    description: {
      en: `The day a time limit of the wording falls on (a date serial): INT(date) + N days, or EDATE(INT(date), N months) for rules counted in months or years. rule is one of the ${ruleCount} rules of the SAMSUNG, CPIC and ISO wordings, e.g. ${examples}.`,
      zh: `条款期限所在的日期（日期序列号）：INT(date) + N 天，按月或年计算的规则为 EDATE(INT(date), N 个月)。rule 为三星、太保和 ISO 条款的 ${ruleCount} 条期限规则之一，例如 ${examples}。`,
    },
    resultKind: 'date',
    articles: [...new Set(DEADLINE_RULES.map((r) => r.article))],
    params: [
      text('rule', {
        label: { en: 'rule', zh: '期限规则' },
        description: {
          en: `The time limit, written wording.name: samsung.* (${countOf('SAMSUNG')} rules), cpic.* (${countOf('CPIC')}), iso.* (${countOf('ISO')}), e.g. ${examples}; case and surrounding spaces are ignored.`,
          zh: `期限规则，写作 条款.名称：samsung.*（${countOf('SAMSUNG')} 条）、cpic.*（${countOf('CPIC')} 条）、iso.*（${countOf('ISO')} 条），例如 ${examples}；不区分大小写，忽略首尾空格。`,
        },
      }),
      date('date', {
        label: { en: 'date', zh: '起算日' },
        description: {
          en: 'The day the time limit is counted from (what it is depends on the rule, e.g. the day the settlement was agreed); a time of day is ignored.',
          zh: '期限的起算日（具体含义取决于规则，例如达成赔偿协议之日）；时间部分不计。',
        },
      }),
    ],
    formula: '=IF(unit = "days", INT(date) + N, EDATE(INT(date), IF(unit = "years", 12 * N, N)))  (N and unit from the rule)',
    example: { formula: '=CYBER.DEADLINE("samsung.payment", 45658)', result: '45668' },
    run: (a, t) => deadline(a.text('rule'), a.num('date'), t),
  },
  {
    name: 'NOTICESERVED',
    section: 9,
    description: {
      en: 'The day a written notice takes effect (a date serial): the earlier of the day it was actually received and the day after it was sent. SAMSUNG 第四十三条 (一) 1.',
      zh: '书面通知送达生效之日（日期序列号）：实际收到之日与发送次日中较早者。三星 第四十三条（一）1。',
    },
    resultKind: 'date',
    articles: [TIME_LIMITS.samsungNoticeServed],
    params: [
      date('sent_date', {
        label: { en: 'sent date', zh: '发送日' },
        description: { en: 'Day the notice was sent (by the proof of sending).', zh: '通知的发送日期（以发送证明为准）。' },
      }),
      date('received_date', {
        optional: true,
        label: { en: 'received date', zh: '收到日' },
        description: { en: 'Day the notice was actually received; omit when unknown. Not on a day before sent_date.', zh: '通知实际收到的日期；不明时省略。不得早于发送日。' },
      }),
    ],
    formula: '=IF(ISBLANK(received_date), INT(sent_date) + 1, MIN(INT(received_date), INT(sent_date) + 1))',
    example: { formula: '=CYBER.NOTICESERVED(45658, 45661)', result: '45659' },
    run: (a, t) => noticeServed(a.num('sent_date'), a.optNum('received_date'), t),
  },
  {
    name: 'INPERIOD',
    section: 9,
    description: {
      en: 'TRUE when the day of date lies in the policy period, policy_start ≤ INT(date) ≤ policy_end: the trigger "first discovered / first occurring within the policy period". SAMSUNG 第九–十九条; CPIC 第四条 1 (2). Related events are one event on the earliest date: pass MIN of their dates.',
      zh: '日期所在之日处于保险期间内（policy_start ≤ INT(date) ≤ policy_end）时为 TRUE：即“在保险期间内首次发现／首次发生”的触发条件。三星 第九至十九条；太保 第四条 1（2）。相关事件视为在最早日期发生的一次事件：请传入其日期的 MIN。',
    },
    resultKind: 'boolean',
    articles: [TIME_LIMITS.samsungFirstPartyTrigger, TIME_LIMITS.cpicInterruptionTrigger, SAMSUNG.relatedClaims, TIME_LIMITS.cpicRelatedInterruptions, TIME_LIMITS.cpicRelatedIncidents],
    params: [
      date('date', {
        label: { en: 'event date', zh: '事件日' },
        description: { en: 'Day the event was first discovered or first occurred (MIN of the dates of related events).', zh: '事件首次被发现或首次发生的日期（相关事件取其日期的 MIN）。' },
      }),
      date('policy_start', {
        label: { en: 'policy start', zh: '保险期间起始日' },
        description: { en: 'First day of the policy period.', zh: '保险期间的起始日期。' },
      }),
      date('policy_end', {
        label: { en: 'policy end', zh: '保险期间终止日' },
        description: { en: 'Last day of cover of the policy period.', zh: '保险期间的最后一天。' },
      }),
    ],
    formula: '=AND(policy_start <= INT(date), INT(date) <= policy_end)',
    example: { formula: '=CYBER.INPERIOD(46022.75, 45658, 46022)', result: 'TRUE' },
    run: (a, t) => inPeriod(a.num('date'), a.num('policy_start'), a.num('policy_end'), t),
  },
];
