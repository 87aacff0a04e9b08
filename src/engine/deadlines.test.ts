/**
 * Section 9 of the catalogue, deadlines and triggers: CYBER.DEADLINE over the rules table
 * (SAMSUNG, CPIC, ISO time limits), CYBER.NOTICESERVED (SAMSUNG 第四十三条 (一) 1) and
 * CYBER.INPERIOD (SAMSUNG 第九–十九条; CPIC 第四条 1 (2)). Dates are Excel serials built with the
 * independent `serial` and `edateSerial` helpers (JavaScript's UTC calendar, not the engine's).
 */
import { CATALOGUE } from './catalogue';
import { DEADLINE_KINDS, DEADLINE_RULES, findDeadlineRule, offsetText } from './deadlines';
import { evaluate } from './evaluate';
import type { RawArgument } from './values';
import { argumentConventions, edateSerial, expectBoolean, expectError, expectNumber, ok, parseExample, serial } from './__tests__/helpers';

const HAS_CJK = /[\u4e00-\u9fff]/;

describe('DEADLINE_RULES: the catalogue’s table, entry by entry', () => {
  // FUNCTIONS.md v2 section 9, CYBER.DEADLINE: rule, result (signed offset and unit), kind, article.
  const CATALOGUE_TABLE: ReadonlyArray<[string, number, 'days' | 'months' | 'years', string, string]> = [
    ['samsung.payment', 10, 'days', 'latest', '第三十七条'],
    ['samsung.refusal', 3, 'days', 'latest', '第三十七条'],
    ['samsung.rescission', 30, 'days', 'latest', '第三十九条 (二)'],
    ['samsung.takeover.premium', 30, 'days', 'latest', '第四十一条 (三)'],
    ['samsung.incident.costs', 24, 'months', 'until', '释义四 (一)'],
    ['samsung.extortion.suit.from', 61, 'days', 'earliest', '第四十三条 (三) 3'],
    ['samsung.extortion.suit.by', 12, 'months', 'latest', '第四十三条 (三) 3'],
    ['samsung.cancel.nonpayment', -15, 'days', 'latest (notice)', '第四十九条 (一) 3 a'],
    ['samsung.cancel.other', -60, 'days', 'latest (notice)', '第四十九条 (一) 3 b'],
    ['samsung.nonrenewal', -60, 'days', 'latest (notice)', '第四十九条 (二)'],
    ['cpic.decision', 30, 'days', 'latest', '第二十二条'],
    ['cpic.payment', 10, 'days', 'latest', '第二十三条'],
    ['cpic.refusal', 3, 'days', 'latest', '第二十三条'],
    ['cpic.advance', 60, 'days', 'latest', '第二十四条'],
    ['cpic.rescission', 30, 'days', 'latest', '第十九条, 第二十五条'],
    ['cpic.rescission.contract', 2, 'years', 'until', '第十九条, 第二十五条'],
    ['cpic.risk.increase', 7, 'days', 'latest', '第二十八条'],
    ['cpic.investigation', 1, 'months', 'until', '第四条 3 (3)'],
    ['cpic.software', 1, 'months', 'until', '第九条 3 (2)'],
    // The catalogue's table cites 第三条 1 (2); the wording's five-year rule is 第三十七条 1 (2):
    // 「如在保险期间结束后 5 年内因该诱因或事由而发生索赔的，则该索赔视为是在本保险合同保险期间的最后一天发生」.
    ['cpic.circumstance', 5, 'years', 'until', '第三十七条 1 (2)'],
    ['iso.suit.from', 90, 'days', 'earliest', 'Legal Action Against Us'],
    ['iso.suit.by', 2, 'years', 'latest', 'Legal Action Against Us'],
    ['iso.merger', 90, 'days', 'until', 'Consolidation – Merger – Acquisition'],
    ['iso.liberalization', -45, 'days', 'earliest', 'Liberalization'],
    ['iso.employee.abroad', 90, 'days', 'until', 'Employee Theft — Territory'],
    ['iso.employee.termination', 30, 'days', 'earliest', 'Employee Theft — Termination As To Any Employee'],
  ];

  it('holds exactly the catalogue’s rules, in its order, with its offsets, kinds and articles', () => {
    expect(DEADLINE_RULES.map((r) => [r.id, r.offset.amount, r.offset.unit, r.kind, r.article.article])).toEqual(CATALOGUE_TABLE);
  });

  it.each(DEADLINE_RULES.map((r) => [r.id, r] as const))('%s: well-formed (id prefix = wording, bilingual texts, the wording’s sentence)', (id, r) => {
    expect(id).toBe(id.toLowerCase());
    expect(id.split('.')[0]).toBe(r.source.toLowerCase());
    expect(r.article.source).toBe(r.source);
    for (const t of [r.date, r.means]) {
      expect(t.en.trim()).not.toBe('');
      expect(t.zh).toMatch(HAS_CJK);
    }
    // The quote is the wording's own sentence, in the wording's language.
    if (r.source === 'ISO') expect(r.quote).toMatch(/^[A-Z].*\.$/);
    else expect(r.quote).toMatch(HAS_CJK);
    expect(Number.isInteger(r.offset.amount) && r.offset.amount !== 0).toBe(true);
    expect(DEADLINE_KINDS[r.kind].label.zh).toMatch(HAS_CJK);
  });

  it('ids are unique and looked up case-insensitively, trimmed', () => {
    expect(new Set(DEADLINE_RULES.map((r) => r.id)).size).toBe(DEADLINE_RULES.length);
    expect(findDeadlineRule('  Samsung.PAYMENT ')?.id).toBe('samsung.payment');
    expect(findDeadlineRule('samsung.pay')).toBeUndefined();
  });

  it('offsetText writes the signed offset in both languages', () => {
    expect(offsetText({ amount: 10, unit: 'days' })).toEqual({ en: '+ 10 days', zh: '+ 10 天' });
    expect(offsetText({ amount: -15, unit: 'days' })).toEqual({ en: '− 15 days', zh: '− 15 天' });
    expect(offsetText({ amount: 1, unit: 'months' })).toEqual({ en: '+ 1 month', zh: '+ 1 个月' });
    expect(offsetText({ amount: 5, unit: 'years' })).toEqual({ en: '+ 5 years', zh: '+ 5 年' });
  });
});

describe('CYBER.DEADLINE (rule, date): INT(date) + N days or EDATE(INT(date), N months)', () => {
  // Args: rule, date
  it.each<[string, RawArgument[], number]>([
    // SAMSUNG 第三十七条「在与被保险人达成赔偿或者给付保险金的协议后十日内,履行赔偿义务」: agreed 2025-03-05, pay by 03-15.
    ['samsung.payment: agreed 2025-03-05, pay by 2025-03-15', ['samsung.payment', serial(2025, 3, 5)], serial(2025, 3, 15)],
    // 「自作出核定之日起三日内向被保险人发出拒绝赔偿保险金通知书」
    ['samsung.refusal: decided 2025-12-30, refuse by 2026-01-02', ['samsung.refusal', serial(2025, 12, 30)], serial(2026, 1, 2)],
    // 第三十九条 (二)「自保险人知道有解除事由之日起,合同解除权超过三十日不行使而消灭」
    ['samsung.rescission: learned 2025-02-01, rescind by 2025-03-03', ['samsung.rescission', serial(2025, 2, 1)], serial(2025, 3, 3)],
    // 第四十一条 (三)「在该事件生效后 30 天内未付清剩余保险期限的保费」
    ['samsung.takeover.premium: takeover 2025-06-15, premium by 2025-07-15', ['samsung.takeover.premium', serial(2025, 6, 15)], serial(2025, 7, 15)],
    // 释义四 (一)「在首次收到安全事件、隐私事件或媒体事件通知后 24 个月内」
    ['samsung.incident.costs: notified 2025-03-10, costs until 2027-03-10', ['samsung.incident.costs', serial(2025, 3, 10)], serial(2027, 3, 10)],
    ['samsung.incident.costs from a leap day: 2024-02-29 → 2026-02-28 (EDATE clamps)', ['samsung.incident.costs', serial(2024, 2, 29)], serial(2026, 2, 28)],
    // 第四十三条 (三) 3「在向保险人提交损失证明原件后 60 天以内……不得提起任何诉讼程序」: day 61 is the first allowed.
    ['samsung.extortion.suit.from: proof 2025-01-01, suit from 2025-03-03', ['samsung.extortion.suit.from', serial(2025, 1, 1)], serial(2025, 3, 3)],
    // 「或者在遭受"网络勒索"后 12 个月之后,不得提起任何诉讼程序」
    ['samsung.extortion.suit.by: extortion 2025-01-31, suit by 2026-01-31', ['samsung.extortion.suit.by', serial(2025, 1, 31)], serial(2026, 1, 31)],
    // 第四十九条 (一) 3「a. 因不支付保险费解除的,在解除生效日期前 15 天」
    ['samsung.cancel.nonpayment: effective 2025-03-01, notice by 2025-02-14', ['samsung.cancel.nonpayment', serial(2025, 3, 1)], serial(2025, 2, 14)],
    // 「b. 因不支付保险费以外原因解除的,在解除生效日期前60天」
    ['samsung.cancel.other: effective 2025-03-01, notice by 2024-12-31', ['samsung.cancel.other', serial(2025, 3, 1)], serial(2024, 12, 31)],
    // 第四十九条 (二)「应在保险期限到期前至少 60 天,向记名被保险人发送相应的书面通知」
    ['samsung.nonrenewal: period ends 2025-12-31, notice by 2025-11-01', ['samsung.nonrenewal', serial(2025, 12, 31)], serial(2025, 11, 1)],
    // CPIC 第二十二条「情形复杂的，应当在三十日内作出核定」
    ['cpic.decision: received 2025-01-15, decide by 2025-02-14', ['cpic.decision', serial(2025, 1, 15)], serial(2025, 2, 14)],
    // 第二十三条「在与被保险人达成赔偿保险金的协议后十日内，履行赔偿保险金义务」
    ['cpic.payment: agreed 2024-02-25, pay by 2024-03-06 (leap February)', ['cpic.payment', serial(2024, 2, 25)], serial(2024, 3, 6)],
    ['cpic.refusal: decided 2025-02-27, refuse by 2025-03-02', ['cpic.refusal', serial(2025, 2, 27)], serial(2025, 3, 2)],
    // 第二十四条「自收到赔偿保险金的请求和有关证明、资料之日起六十日内……先予支付」
    ['cpic.advance: received 2025-01-01, advance by 2025-03-02', ['cpic.advance', serial(2025, 1, 1)], serial(2025, 3, 2)],
    // 第十九条「自保险人知道有解除事由之日起，超过三十日不行使而消灭。自保险合同成立之日起超过二年的，保险人不得解除合同」
    ['cpic.rescission: learned 2025-05-10, rescind by 2025-06-09', ['cpic.rescission', serial(2025, 5, 10)], serial(2025, 6, 9)],
    ['cpic.rescission.contract: concluded 2024-02-29, until 2026-02-28', ['cpic.rescission.contract', serial(2024, 2, 29)], serial(2026, 2, 28)],
    // 第二十八条「应在变化开始之日起七天内书面通知保险人」
    ['cpic.risk.increase: from 2025-12-28, notify by 2026-01-04', ['cpic.risk.increase', serial(2025, 12, 28)], serial(2026, 1, 4)],
    // 第四条 3 (3)「自出现第（2）项所规定的拒绝事实起，经过时间达到 1 个月」
    ['cpic.investigation: refused 2025-01-31, until 2025-02-28 (clamped)', ['cpic.investigation', serial(2025, 1, 31)], serial(2025, 2, 28)],
    ['cpic.investigation: refused 2024-01-31, until 2024-02-29 (leap)', ['cpic.investigation', serial(2024, 1, 31)], serial(2024, 2, 29)],
    // 第九条 3 (2)「正式使用后的 1 个月内发生的网络中断事故」
    ['cpic.software: live 2025-03-31, excluded until 2025-04-30', ['cpic.software', serial(2025, 3, 31)], serial(2025, 4, 30)],
    ['cpic.software: live 2025-12-15, excluded until 2026-01-15', ['cpic.software', serial(2025, 12, 15)], serial(2026, 1, 15)],
    // 第三十七条 1 (2)「如在保险期间结束后 5 年内因该诱因或事由而发生索赔的」
    ['cpic.circumstance: period ends 2025-12-31, until 2030-12-31', ['cpic.circumstance', serial(2025, 12, 31)], serial(2030, 12, 31)],
    ['cpic.circumstance: period ends 2027-02-28, until 2032-02-28 (EDATE keeps the 28th)', ['cpic.circumstance', serial(2027, 2, 28)], serial(2032, 2, 28)],
    // ISO Legal Action: "It cannot bring an action until more than 90 days have passed since it filed
    // a proof of loss but not later than two years after it discovered the loss."
    ['iso.suit.from: proof 2025-01-10, suit from 2025-04-10', ['iso.suit.from', serial(2025, 1, 10)], serial(2025, 4, 10)],
    ['iso.suit.by: discovered 2024-02-29, suit by 2026-02-28', ['iso.suit.by', serial(2024, 2, 29)], serial(2026, 2, 28)],
    // "There is coverage for up to 90 days for entities … added due to consolidation or merger"
    ['iso.merger: merger 2025-07-01, covered until 2025-09-29', ['iso.merger', serial(2025, 7, 1)], serial(2025, 9, 29)],
    // "broadens coverage during the policy period or within 45 days before the policy period begins"
    ['iso.liberalization: period from 2025-01-01, broadenings from 2024-11-17', ['iso.liberalization', serial(2025, 1, 1)], serial(2024, 11, 17)],
    // "limited to the employee being outside this territory for not more than 90 consecutive days"
    ['iso.employee.abroad: left 2025-03-01, covered until 2025-05-30', ['iso.employee.abroad', serial(2025, 3, 1)], serial(2025, 5, 30)],
    // "That date must be at least 30 days after the date the notice is mailed."
    ['iso.employee.termination: mailed 2025-02-10, effective from 2025-03-12', ['iso.employee.termination', serial(2025, 2, 10)], serial(2025, 3, 12)],
    // The id in any case, with spaces; a time of day is dropped (INT) before counting.
    ['" SAMSUNG.Payment "', [' SAMSUNG.Payment ', serial(2025, 3, 5)], serial(2025, 3, 15)],
    ['a time of day: 2025-03-05 23:59 → 2025-03-15', ['samsung.payment', serial(2025, 3, 5) + 0.999], serial(2025, 3, 15)],
    ['a time of day with a month rule: 2025-01-31 18:00 → 2025-02-28', ['cpic.software', serial(2025, 1, 31) + 0.75], serial(2025, 2, 28)],
  ])('%s: DEADLINE(%j) = %p', (_label, args, expected) => {
    expectNumber('DEADLINE', args, String(expected));
  });

  it('every rule on every day of 2024 (a leap year) agrees with an independent EDATE / day count', () => {
    for (const r of DEADLINE_RULES) {
      const months = r.offset.unit === 'years' ? r.offset.amount * 12 : r.offset.amount;
      for (let d = serial(2024, 1, 1); d <= serial(2024, 12, 31); d++) {
        const expected = r.offset.unit === 'days' ? d + r.offset.amount : edateSerial(d, months);
        expect([r.id, d, ok('DEADLINE', [r.id, d + 0.5]).value]).toEqual([r.id, d, expected]);
      }
    }
  });

  it('the result is a whole day', () => {
    for (const r of DEADLINE_RULES) expect(Number.isInteger(ok('DEADLINE', [r.id, 45658.3]).value)).toBe(true);
  });

  it('an unknown rule of a known wording lists that wording’s rules (and no other), in both languages', () => {
    const r = expectError('DEADLINE', ['samsung.foo', 45658], { code: '#VALUE!', argument: 'rule', rule: 'unknownDeadlineRule' });
    const samsung = DEADLINE_RULES.filter((x) => x.source === 'SAMSUNG').map((x) => x.id);
    for (const id of samsung) {
      expect(r.error.message.en).toContain(id);
      expect(r.error.message.zh).toContain(id);
    }
    expect(r.error.message.en).toContain('"samsung.foo"');
    expect(r.error.message.en).not.toContain('cpic.');
    // "cpic" alone names the wording; "ISO.Suit" too (case ignored).
    const cpic = expectError('DEADLINE', ['cpic', 45658], { code: '#VALUE!', argument: 'rule', rule: 'unknownDeadlineRule' });
    expect(cpic.error.message.en).toContain('cpic.circumstance');
    expect(cpic.error.message.en).not.toContain('samsung.');
    const iso = expectError('DEADLINE', ['ISO.Suit', 45658], { code: '#VALUE!', argument: 'rule', rule: 'unknownDeadlineRule' });
    expect(iso.error.message.en).toContain('iso.suit.from, iso.suit.by');
  });

  it('a text naming no wording lists every rule, by wording', () => {
    for (const bad of ['payment', 'lmcit.notice', '12', 12]) {
      const r = expectError('DEADLINE', [bad, 45658], { code: '#VALUE!', argument: 'rule', rule: 'unknownDeadlineWording' });
      for (const x of DEADLINE_RULES) {
        expect(r.error.message.en).toContain(x.id);
        expect(r.error.message.zh).toContain(x.id);
      }
      expect(r.error.message.en).toContain('samsung.*: samsung.payment');
    }
  });

  it('a blank rule is required', () => {
    expectError('DEADLINE', [null, 45658], { code: '#VALUE!', argument: 'rule', rule: 'requiredMissing' });
    expectError('DEADLINE', ['  ', 45658], { code: '#VALUE!', argument: 'rule', rule: 'requiredMissing' });
  });

  it('#NUM! when the day falls outside the calendar (before 1900-03-01 or after 9999-12-31), as NOTICEBY', () => {
    const late = expectError('DEADLINE', ['samsung.payment', 2958460], { code: '#NUM!', argument: 'date', rule: 'dayOutsideCalendar' });
    expect(late.error.message.en).toContain('2958470');
    expect(late.error.message.en).toContain('9999-12-31');
    expectError('DEADLINE', ['cpic.circumstance', serial(9999, 1, 1)], { code: '#NUM!', argument: 'date', rule: 'dayOutsideCalendar' });
    expectError('DEADLINE', ['samsung.incident.costs', serial(9998, 1, 1)], { code: '#NUM!', argument: 'date', rule: 'dayOutsideCalendar' });
    const early = expectError('DEADLINE', ['iso.liberalization', 61], { code: '#NUM!', argument: 'date', rule: 'dayOutsideCalendar' });
    expect(early.error.message.en).toContain('serial 16');
    expectError('DEADLINE', ['samsung.nonrenewal', 120.5], { code: '#NUM!', argument: 'date', rule: 'dayOutsideCalendar' });
    // The ends of the calendar themselves are days.
    expectNumber('DEADLINE', ['samsung.payment', 2958455], '2958465');
    expectNumber('DEADLINE', ['samsung.nonrenewal', 121], '61');
    expectNumber('DEADLINE', ['cpic.circumstance', serial(9994, 12, 31)], String(2958465));
  });

  it('trace: the day counted from and the rule’s day, both citing the rule’s article', () => {
    const r = evaluate('DEADLINE', ['cpic.investigation', serial(2025, 1, 31) + 0.5], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.source, s.article?.article])).toEqual([
      [String(serial(2025, 1, 31)), 'CPIC', '第四条 3 (3)'],
      [String(serial(2025, 2, 28)), 'CPIC', '第四条 3 (3)'],
    ]);
    expect(r.trace[1].label.en).toContain('cpic.investigation (until): + 1 month');
    expect(r.trace[1].label.zh).toContain('cpic.investigation（截至）：+ 1 个月');
    expect(r.trace[0].label.zh).toContain('拒绝保险人调查的事实出现之日');
  });
});

describe('CYBER.NOTICESERVED (sent_date, [received_date]): SAMSUNG 第四十三条 (一) 1', () => {
  // 「上述通知在收件人实际收到时,或者通知发送次日,以较早者为准(根据发送证明),视为送达并生效。」
  const SENT = serial(2025, 3, 3);
  it.each<[string, RawArgument[], number]>([
    ['catalogue example: sent 2025-01-01, received 01-04: the day after sending', [45658, 45661], 45659],
    ['received two days later: the day after sending', [SENT, SENT + 2], SENT + 1],
    ['received the next day', [SENT, SENT + 1], SENT + 1],
    ['received the same day: that day', [SENT, SENT], SENT],
    ['received the same day, later hour', [SENT + 0.25, SENT + 0.75], SENT],
    ['received the same day, earlier hour (same day is not before)', [SENT + 0.75, SENT + 0.25], SENT],
    ['no received date: the day after sending', [SENT], SENT + 1],
    ['blank received date', [SENT, null], SENT + 1],
    ['sent at 23:59: the next day', [SENT + 0.999], SENT + 1],
    ['received the next morning: the next day', [SENT + 0.9, SENT + 1.1], SENT + 1],
    ['sent on the last day of February of a leap year', [serial(2024, 2, 28)], serial(2024, 2, 29)],
    ['sent 2025-12-31, received later', [serial(2025, 12, 31), serial(2026, 1, 5)], serial(2026, 1, 1)],
  ])('%s: NOTICESERVED(%j) = %p', (_label, args, expected) => {
    expectNumber('NOTICESERVED', args, String(expected));
  });

  it('received on a day before it was sent is #VALUE!', () => {
    const r = expectError('NOTICESERVED', [SENT, SENT - 0.5], { code: '#VALUE!', argument: 'received_date', rule: 'receivedBeforeSent' });
    expect(r.error.message.en).toContain('2025-03-02 12:00');
    expect(r.error.message.en).toContain('2025-03-03');
    expectError('NOTICESERVED', [SENT, SENT - 3], { code: '#VALUE!', argument: 'received_date', rule: 'receivedBeforeSent' });
  });

  it('sent on 9999-12-31 with no received date: the day after is no date (#NUM!); received that day, it is', () => {
    expectError('NOTICESERVED', [2958465], { code: '#NUM!', argument: 'sent_date', rule: 'dayOutsideCalendar' });
    expectNumber('NOTICESERVED', [2958465, 2958465.5], '2958465');
    expectNumber('NOTICESERVED', [61], '62');
  });

  it('trace cites 第四十三条 (一) 1 a', () => {
    const r = evaluate('NOTICESERVED', [SENT, SENT + 3], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.article])).toEqual([
      [String(SENT + 1), '第四十三条 (一) 1 a'],
      [String(SENT + 1), '第四十三条 (一) 1 a'],
    ]);
  });
});

describe('CYBER.INPERIOD (date, policy_start, policy_end): policy_start ≤ INT(date) ≤ policy_end', () => {
  // SAMSUNG 第九条「被保险公司在保险期限内首次发现的……事故响应费用」; CPIC 第四条 1 (2)「仅当上述网络中断事故是在
  // 本保险合同所记载的保险期间内发生……时，保险人予以赔付保险金」.
  const START = serial(2025, 1, 1);
  const END = serial(2025, 12, 31);
  it.each<[string, RawArgument[], boolean]>([
    ['catalogue example: the last day at 18:00', [46022.75, 45658, 46022], true],
    ['inside', [serial(2025, 6, 1), START, END], true],
    ['the first day', [START, START, END], true],
    ['the first day at noon', [START + 0.5, START, END], true],
    ['the last day', [END, START, END], true],
    ['the last day at 23:59', [END + 0.999, START, END], true],
    ['the day after the last', [END + 1, START, END], false],
    ['the day before the first, at 23:59', [START - 0.001, START, END], false],
    ['a one-day period', [START + 0.3, START, START], true],
    ['a one-day period, the next day', [START + 1, START, START], false],
    // The ends are compared as given (the catalogue's test applies INT to date only): a period
    // starting at noon does not hold the morning of its first day.
    ['policy_start at noon: the day of date is before it', [START + 0.75, START + 0.5, END], false],
    ['policy_end at noon: the day of date is within it', [END + 0.75, START, END + 0.5], true],
  ])('%s: INPERIOD(%j) = %p', (_label, args, expected) => {
    expectBoolean('INPERIOD', args, expected);
  });

  it('policy_end before policy_start is #VALUE!', () => {
    const r = expectError('INPERIOD', [START, END, START], { code: '#VALUE!', argument: 'policy_end', rule: 'periodReversed' });
    expect(r.error.message.en).toContain('policy_end (2025-01-01) is before policy_start (2025-12-31)');
    expectError('INPERIOD', [START, START + 0.5, START + 0.25], { code: '#VALUE!', argument: 'policy_end', rule: 'periodReversed' });
  });

  it('related events: MIN of their dates decides (SAMSUNG 第三十三条)', () => {
    // 「该事件应视为在最早的一次事件发生之日首次发生」: events of 2024-12-20 and 2025-01-10 are one, on 2024-12-20.
    expectBoolean('INPERIOD', [Math.min(serial(2024, 12, 20), serial(2025, 1, 10)), START, END], false);
  });
});

describe('section 9 catalogue examples in the specs (deadlines and triggers)', () => {
  it.each(CATALOGUE.filter((f) => ['DEADLINE', 'NOTICESERVED', 'INPERIOD'].includes(f.name)).map((f) => [f.name, f.example.formula, f.example.result]))('%s: %s = %s', (name, formula, result) => {
    const ex = parseExample(formula);
    expect(ex.name).toBe(name);
    expect(String(ok(name, ex.args).exact).toUpperCase()).toBe(result.toUpperCase());
  });

  it('DEADLINE cites every rule’s article', () => {
    const spec = CATALOGUE.find((f) => f.name === 'DEADLINE')!;
    for (const r of DEADLINE_RULES) expect(spec.articles).toContain(r.article);
  });
});

argumentConventions({
  DEADLINE: ['cpic.payment', serial(2025, 6, 1)],
  NOTICESERVED: [serial(2025, 6, 1), serial(2025, 6, 3)],
  INPERIOD: [serial(2025, 6, 1), serial(2025, 1, 1), serial(2025, 12, 31)],
});
