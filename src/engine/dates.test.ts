/**
 * Section 7 of the catalogue, dates, notices and policy changes — SAMSUNG 第一部分 第四条 (claims
 * made and reported), 第四十三条 (notice; (二) 2 notice of circumstances), 第四十九条 (一) 4 (pro-rata
 * return premium), 第四十一条
 * (一) (acquired subsidiaries). Dates are Excel serials built with the independent `serial` helper.
 */
import { CATALOGUE } from './catalogue';
import { evaluate } from './evaluate';
import type { RawArgument } from './values';
import { argumentConventions, edateSerial, expectBoolean, expectError, expectNumber, expectText, ok, parseExample, serial } from './__tests__/helpers';

const START = serial(2025, 1, 1); // 45658
const END = serial(2025, 12, 31); // 46022
const RETRO = serial(2024, 1, 1);

describe('CYBER.CLAIMSMADE (retro ≤ act ≤ policy end; policy start ≤ claim ≤ ERP end or policy end)', () => {
  // Args: act_date, claim_date, retro_date, policy_start, policy_end, [erp_end]
  it.each<[string, RawArgument[], boolean]>([
    ['catalogue example', [45500, 45800, 45292, 45658, 46022], true],
    ['act before the period but after the retroactive date', [serial(2024, 6, 1), serial(2025, 3, 1), RETRO, START, END], true],
    ['act on the retroactive date', [RETRO, serial(2025, 3, 1), RETRO, START, END], true],
    ['act the day before the retroactive date', [serial(2023, 12, 31), serial(2025, 3, 1), RETRO, START, END], false],
    ['act on the last day', [END, END, RETRO, START, END], true],
    ['act after the policy end', [serial(2026, 1, 1), serial(2026, 1, 2), RETRO, START, END, serial(2026, 12, 31)], false],
    ['claim before the period', [serial(2024, 6, 1), serial(2024, 12, 31), RETRO, START, END], false],
    ['claim on the first day', [serial(2024, 6, 1), START, RETRO, START, END], true],
    ['claim after the end, no ERP', [serial(2025, 6, 1), serial(2026, 1, 1), RETRO, START, END], false],
    ['claim after the end, within the ERP', [serial(2025, 6, 1), serial(2026, 1, 1), RETRO, START, END, serial(2026, 3, 31)], true],
    ['claim on the ERP end', [serial(2025, 6, 1), serial(2026, 3, 31), RETRO, START, END, serial(2026, 3, 31)], true],
    ['claim after the ERP end', [serial(2025, 6, 1), serial(2026, 4, 1), RETRO, START, END, serial(2026, 3, 31)], false],
    ['ERP end equal to the policy end', [serial(2025, 6, 1), END, RETRO, START, END, END], true],
    ['blank ERP = none', [serial(2025, 6, 1), serial(2026, 1, 1), RETRO, START, END, null], false],
  ])('%s: CLAIMSMADE(%j) = %p', (_label, args, expected) => {
    expectBoolean('CLAIMSMADE', args, expected);
  });

  it('policy_start after policy_end is #VALUE!', () => {
    expectError('CLAIMSMADE', [serial(2025, 6, 1), serial(2025, 6, 2), RETRO, END, START], { code: '#VALUE!', argument: 'policy_end', rule: 'periodReversed' });
  });

  it('an ERP ending before the policy is #VALUE! (the engine’s reading: an ERP follows the period)', () => {
    const r = expectError('CLAIMSMADE', [serial(2025, 6, 1), serial(2025, 6, 2), RETRO, START, END, serial(2025, 12, 30)], { code: '#VALUE!', argument: 'erp_end', rule: 'erpBeforeEnd' });
    expect(r.error.message.en).toContain('2025-12-30');
  });
});

describe('CYBER.CLAIMSMADE with circumstance_date (v2, 第四十三条 (二) 2: notice of circumstances)', () => {
  // 第四十三条 (二) 2: 「如果在保险期限内，任何高级管理人员知晓存在任何某种不当行为被合理认为可能导致日后
  // 发生本保险单保障的索赔，且其在保险期限内向保险人发送了书面通知……则因该等不当行为产生的索赔应视为在
  // 保险人首次收到该等书面通知时提出。」 A notice received within [policy_start, policy_end] takes the
  // place of claim_date; one received outside the period is ignored and claim_date is tested.
  const ACT = serial(2025, 3, 1);
  const LATE = serial(2026, 5, 1); // the claim itself, after the period (and after the ERP below)
  // Args: act_date, claim_date, retro_date, policy_start, policy_end, [erp_end], [circumstance_date]
  it.each<[string, RawArgument[], boolean]>([
    ['catalogue example: claim after the ERP, circumstances noticed in the period', [45500, 46100, 45292, 45658, 46022, 46053, 45950], true],
    ['claim after the period, notice received in it: deemed made in the period', [ACT, LATE, RETRO, START, END, null, serial(2025, 11, 15)], true],
    ['the same claim without the notice', [ACT, LATE, RETRO, START, END], false],
    ['notice on the first day of the period', [ACT, LATE, RETRO, START, END, null, START], true],
    ['notice on the last day of the period', [ACT, LATE, RETRO, START, END, null, END], true],
    ['notice the day after the period: ignored', [ACT, LATE, RETRO, START, END, null, END + 1], false],
    ['notice the day before the period: ignored', [ACT, LATE, RETRO, START, END, null, START - 1], false],
    ['notice after the period does not spoil a claim made in it', [ACT, serial(2025, 6, 1), RETRO, START, END, null, END + 10], true],
    ['notice outside the period, claim within the ERP: the ERP still counts', [ACT, serial(2026, 1, 15), RETRO, START, END, serial(2026, 3, 31), serial(2026, 1, 10)], true],
    ['notice in the period, claim long after the ERP', [ACT, LATE, RETRO, START, END, serial(2026, 3, 31), serial(2025, 12, 1)], true],
    ['the notice never cures an act after the policy end', [serial(2026, 1, 2), LATE, RETRO, START, END, null, END], false],
    ['the notice never cures an act before the retroactive date', [serial(2023, 12, 31), LATE, RETRO, START, END, null, serial(2025, 6, 1)], false],
    ['blank circumstance_date = none', [ACT, LATE, RETRO, START, END, null, null], false],
  ])('%s: CLAIMSMADE(%j) = %p', (_label, args, expected) => {
    expectBoolean('CLAIMSMADE', args, expected);
  });

  it('a circumstance_date outside the calendar is #VALUE!', () => {
    expectError('CLAIMSMADE', [ACT, LATE, RETRO, START, END, null, 60], { code: '#VALUE!', argument: 'circumstance_date', rule: 'dateOutOfRange' });
  });

  it('trace: the notice in the period and the day the claim is deemed made', () => {
    const noticed = serial(2025, 11, 15);
    const r = evaluate('CLAIMSMADE', [ACT, LATE, RETRO, START, END, null, noticed], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.article])).toEqual([
      [true, '第一部分 第四条'],
      [true, '第四十三条 (二) 2'],
      [String(noticed), '第四十三条 (二) 2'],
      [true, '第一部分 第四条'],
    ]);
    const ignored = evaluate('CLAIMSMADE', [ACT, LATE, RETRO, START, END, null, END + 1], { trace: true });
    expect(ignored.trace.map((s) => s.value)).toEqual([true, false, false]);
  });
});

describe('CYBER.NOTICEBY (第四十三条: last day for written notice)', () => {
  // Args: kind, event_date, policy_end, [erp_end]
  it.each<[string, RawArgument[], number]>([
    // "claim" (v2): 第四十三条 (二) 1 「且在任何情况下通知发送时间均不得迟于：a. 保险期限终止后 90 天；或
    // b. 延长报告期限（如执行）终止时」 — either limit keeps the notice in time: the later of the two.
    ['claim, no ERP: policy end + 90', ['claim', serial(2025, 6, 1), END], END + 90],
    ['claim with an ERP ending after policy end + 90: the ERP end', ['claim', serial(2025, 6, 1), END, serial(2026, 12, 31)], serial(2026, 12, 31)],
    ['claim with a 30-day ERP: policy end + 90 still (v1: the ERP end)', ['claim', serial(2025, 6, 1), END, END + 30], END + 90],
    ['claim with an ERP ending on policy end + 90', ['claim', serial(2025, 6, 1), END, END + 90], END + 90],
    ['claim with an ERP ending the day after policy end + 90', ['claim', serial(2025, 6, 1), END, END + 91], END + 91],
    ['claim with an ERP ending on the policy end', ['claim', serial(2025, 6, 1), END, END], END + 90],
    ['claim, blank ERP', ['claim', serial(2025, 6, 1), END, null], END + 90],
    // "incident": min(event + 90, policy end + 90).
    ['catalogue example: incident 22 days before the end', ['incident', 46000, 46022], 46090],
    ['incident early in the period: event + 90', ['incident', serial(2025, 3, 1), END], serial(2025, 3, 1) + 90],
    ['incident after the end: policy end + 90', ['incident', serial(2026, 1, 10), END], END + 90],
    ['incident on the last day', ['incident', END, END], END + 90],
    ['incident ignores the ERP', ['incident', serial(2025, 3, 1), END, serial(2026, 12, 31)], serial(2025, 3, 1) + 90],
    // "extortion": event + 90 even past the end.
    ['extortion in the period', ['extortion', serial(2025, 3, 1), END], serial(2025, 3, 1) + 90],
    ['extortion late: event + 90 past policy end + 90', ['extortion', serial(2026, 1, 10), END], serial(2026, 1, 10) + 90],
    // "proof": EDATE(event, 6).
    ['proof of loss: six months', ['proof', serial(2025, 3, 15), END], serial(2025, 9, 15)],
    ['proof of loss: clamped to the month end', ['proof', serial(2025, 8, 31), END], serial(2026, 2, 28)],
    ['proof of loss into a leap February', ['proof', serial(2023, 8, 31), END], serial(2024, 2, 29)],
    ['proof keeps the time of day', ['proof', serial(2025, 3, 15) + 0.25, END], serial(2025, 9, 15) + 0.25],
    // Option text: case-insensitive, surrounding spaces ignored.
    ['" Claim "', [' Claim ', serial(2025, 6, 1), END], END + 90],
    ['"INCIDENT"', ['INCIDENT', serial(2025, 3, 1), END], serial(2025, 3, 1) + 90],
    ['"Extortion"', ['Extortion', serial(2025, 3, 1), END], serial(2025, 3, 1) + 90],
    ['"PROOF "', ['PROOF ', serial(2025, 8, 31), END], serial(2026, 2, 28)],
  ])('%s: NOTICEBY(%j) = %p', (_label, args, expected) => {
    expectNumber('NOTICEBY', args, String(expected));
  });

  it('"proof" agrees with an independent EDATE on every day of a leap year', () => {
    for (let d = serial(2024, 1, 1); d <= serial(2024, 12, 31); d++) {
      expect(ok('NOTICEBY', ['proof', d, END]).value).toBe(edateSerial(d, 6));
    }
  });

  it('an unknown kind is #VALUE!; a blank kind is required', () => {
    const r = expectError('NOTICEBY', ['notice', serial(2025, 6, 1), END], { code: '#VALUE!', argument: 'kind', rule: 'unknownOption' });
    expect(r.error.message.en).toContain('"claim", "incident", "extortion", "proof"');
    expectError('NOTICEBY', [null, serial(2025, 6, 1), END], { code: '#VALUE!', argument: 'kind', rule: 'requiredMissing' });
    expectError('NOTICEBY', ['', serial(2025, 6, 1), END], { code: '#VALUE!', argument: 'kind', rule: 'requiredMissing' });
  });

  it.each(['claim', 'incident', 'extortion', 'proof'])('"%s": an erp_end before policy_end is #VALUE! (v2: for every kind)', (kind) => {
    const r = expectError('NOTICEBY', [kind, serial(2025, 6, 1), END, END - 1], { code: '#VALUE!', argument: 'erp_end', rule: 'erpBeforeEnd' });
    expect(r.error.message.en).toContain('2025-12-30');
    expect(r.error.message.en).toContain('2025-12-31');
  });

  it('trace: the claim deadline cites 第四十三条 (二) 1', () => {
    const r = evaluate('NOTICEBY', ['claim', serial(2025, 6, 1), END, END + 30], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.article])).toEqual([[String(END + 90), '第四十三条 (二) 1']]);
  });

  it('#NUM! when the deadline would fall after 9999-12-31, naming the date it is counted from', () => {
    const r = expectError('NOTICEBY', ['extortion', 2958465, 2958465], { code: '#NUM!', argument: 'event_date', rule: 'noticeAfterCalendar' });
    expect(r.error.message.en).toContain('9999-12-31');
    expect(r.error.message.en).toContain('2958555');
    expectError('NOTICEBY', ['proof', 2958300, 2958465], { code: '#NUM!', argument: 'event_date', rule: 'noticeAfterCalendar' });
    expectError('NOTICEBY', ['claim', 2958000, 2958400], { code: '#NUM!', argument: 'policy_end', rule: 'noticeAfterCalendar' });
    // The last representable day itself is still a deadline.
    expectNumber('NOTICEBY', ['claim', 2958000, 2958375], '2958465');
  });
});

describe('CYBER.RETURNPREMIUM (v2, 第四十九条 (一) 4: 按日比例退还未满期保险费; policy_end is the last day of cover)', () => {
  // 第四十九条 (一) 4: 「本保险单如被解除，保险人将按日比例退还未满期保险费。」 By whole days: policy_end is the
  // last day of cover (as in CLAIMSMADE, LOSSSUSTAINED and NOTICEBY) and cancel_date the day the
  // cancellation takes effect (第四十九条 (一) 1 「解除生效日期」), the first day no longer covered:
  // premium × (policy_end + 1 − cancel_date) / (policy_end + 1 − policy_start), all dates by INT.
  // v1 took policy_end as the day after the last and counted policy_end − policy_start days.
  // Args: premium, policy_start, policy_end, cancel_date
  it.each<[string, RawArgument[], string]>([
    ['catalogue: 2025 cancelled from 2025-07-01 returns 184/365', [36500, START, END, serial(2025, 7, 1)], '18400'], // 36,500 × 184 / 365
    ['catalogue example serials', [36500, 45658, 46022, 45839], '18400'],
    ['cancelled from the first day: all of it', [36500, START, END, START], '36500'],
    ['cancelled from the last day: one day back', [36500, START, END, END], '100'], // 36,500 × 1 / 365
    ['cancelled from the day after the last: nothing', [36500, START, END, END + 1], '0'],
    ['a day in', [36500, START, END, START + 1], '36400'], // 36,500 × 364 / 365
    ['leap year: 366 days', [36600, serial(2024, 1, 1), serial(2024, 12, 31), serial(2024, 7, 1)], '18400'], // 36,600 × 184 / 366
    ['a one-day policy cancelled from its day', [100, START, START, START], '100'], // 1 / 1
    ['a one-day policy cancelled from the next day', [100, START, START, START + 1], '0'],
    ['times of day are dropped (INT): cancel at noon counts from that day', [1000, START, START + 9, START + 2.5], '800'], // 10 days, 8 unexpired
    ['times of day are dropped (INT): policy_end at 23:59 is that day', [36500, START, END + 1439 / 1440, serial(2025, 7, 1)], '18400'],
    ['times of day are dropped (INT): policy_start at noon is that day', [36500, START + 0.5, END, serial(2025, 7, 1)], '18400'],
    ['40-digit quotient', [100, START, START + 2, START + 1], '66.66666666666666666666666666666666666667'], // 100 × 2 / 3
    ['premium 0', [0, START, END, START + 5], '0'],
  ])('%s: RETURNPREMIUM(%j) = %s', (_label, args, exact) => {
    expectNumber('RETURNPREMIUM', args, exact);
  });

  it('cancel_date before policy_start or after policy_end + 1 is #VALUE!', () => {
    const before = expectError('RETURNPREMIUM', [36500, START, END, START - 1], { code: '#VALUE!', argument: 'cancel_date', rule: 'cancelOutsidePeriod' });
    expect(before.error.message.en).toContain('cancel_date (2024-12-31) is the first day no longer covered');
    expect(before.error.message.en).toContain('from policy_start (2025-01-01) to the day after policy_end (2026-01-01)');
    expect(before.error.message.zh).toContain('不再承保的第一天');
    expectError('RETURNPREMIUM', [36500, START, END, END + 2], { code: '#VALUE!', argument: 'cancel_date', rule: 'cancelOutsidePeriod' });
    // Late on the day after the last day is still that day (INT).
    expectNumber('RETURNPREMIUM', [36500, START, END, END + 1.75], '0');
    expectError('RETURNPREMIUM', [36500, START, END, START - 0.25], { code: '#VALUE!', argument: 'cancel_date', rule: 'cancelOutsidePeriod' });
  });

  it('policy_end before policy_start is #VALUE! on policy_end (a one-day policy is not)', () => {
    const r = expectError('RETURNPREMIUM', [36500, END, START, serial(2025, 6, 1)], { code: '#VALUE!', argument: 'policy_end', rule: 'periodReversed' });
    expect(r.error.message.en).toContain('policy_end (2025-01-01) is before policy_start (2025-12-31)');
    expectError('RETURNPREMIUM', [36500, START, START - 1, START], { code: '#VALUE!', argument: 'policy_end', rule: 'periodReversed' });
    // The same day, policy_end earlier in the day than policy_start: one day by INT.
    expectNumber('RETURNPREMIUM', [36500, START + 0.75, START + 0.25, START], '36500');
  });

  it('trace: days of cover, unexpired days, return premium', () => {
    const r = evaluate('RETURNPREMIUM', [36500, START, END, serial(2025, 7, 1)], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.article])).toEqual([
      ['365', '第四十九条 (一) 4'],
      ['184', '第四十九条 (一) 4'],
      ['18400', '第四十九条 (一) 4'],
    ]);
  });
});

describe('CYBER.ACQUISITION (第四十一条 (一): 20% of the named insured’s revenue; notice within 90 days)', () => {
  const ACQ = serial(2025, 3, 1);
  // Args: subsidiary_revenue, named_revenue, acquisition_date, [notice_date]
  it.each<[string, RawArgument[], string]>([
    ['catalogue example', [30000000, 100000000, 45700, 45750], 'conditional'],
    ['exactly 20%: automatic', [20000000, 100000000, ACQ], 'automatic'],
    ['under 20%', [5000000, 100000000, ACQ], 'automatic'],
    ['a cent over 20%, no notice', [20000000.01, 100000000, ACQ], 'not covered'],
    ['over 20%, notice on day 90', [20000000.01, 100000000, ACQ, ACQ + 90], 'conditional'],
    ['over 20%, notice on day 91', [20000000.01, 100000000, ACQ, ACQ + 91], 'not covered'],
    ['over 20%, notice late on day 90', [30000000, 100000000, ACQ, ACQ + 90.99], 'not covered'], // serial compared as given
    ['over 20%, notice on the day of acquisition', [30000000, 100000000, ACQ, ACQ], 'conditional'],
    ['over 20%, blank notice', [30000000, 100000000, ACQ, null], 'not covered'],
    ['exactly 20% in decimals (binary gives 1.15 × 0.2 = 0.22999999999999998)', [0.23, 1.15, ACQ], 'automatic'],
    ['named revenue 0, subsidiary 0', [0, 0, ACQ], 'automatic'],
    ['named revenue 0, subsidiary revenue', [1, 0, ACQ, ACQ + 10], 'conditional'],
  ])('%s: ACQUISITION(%j) = %s', (_label, args, expected) => {
    expectText('ACQUISITION', args, expected);
  });
});

describe('section 7 catalogue examples in the specs', () => {
  it.each(CATALOGUE.filter((f) => f.section === 7).map((f) => [f.name, f.example.formula, f.example.result]))('%s: %s = %s', (name, formula, result) => {
    const ex = parseExample(formula);
    expect(ex.name).toBe(name);
    expect(String(ok(name, ex.args).exact).toUpperCase()).toBe(result.toUpperCase());
  });

  it('NOTICEBY returns a date serial (a number) for every kind', () => {
    for (const kind of ['claim', 'incident', 'extortion', 'proof']) {
      const r = evaluate('NOTICEBY', [kind, serial(2025, 6, 1), END]);
      expect(r.ok && typeof r.value).toBe('number');
    }
  });
});

argumentConventions({
  CLAIMSMADE: [serial(2025, 6, 1), serial(2026, 1, 1), RETRO, START, END, serial(2026, 3, 31), serial(2025, 11, 1)],
  NOTICEBY: ['claim', serial(2025, 6, 1), END, serial(2026, 3, 31)],
  RETURNPREMIUM: [36500, START, END, serial(2025, 6, 1)],
  ACQUISITION: [30000000, 100000000, serial(2025, 3, 1), serial(2025, 4, 1)],
});
