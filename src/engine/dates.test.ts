/**
 * Section 7 of the catalogue, dates, notices and policy changes — SAMSUNG 第一部分 第四条 (claims
 * made and reported), 第四十三条 (notice), 第四十九条 (一) 4 (pro-rata return premium), 第四十一条
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

describe('CYBER.NOTICEBY (第四十三条: last day for written notice)', () => {
  // Args: kind, event_date, policy_end, [erp_end]
  it.each<[string, RawArgument[], number]>([
    // "claim": erp_end when given, else policy_end + 90.
    ['claim, no ERP: policy end + 90', ['claim', serial(2025, 6, 1), END], END + 90],
    ['claim with an ERP: its end', ['claim', serial(2025, 6, 1), END, serial(2026, 12, 31)], serial(2026, 12, 31)],
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

describe('CYBER.RETURNPREMIUM (第四十九条 (一) 4: 按日比例退还未满期保险费)', () => {
  // Args: premium, policy_start, policy_end, cancel_date
  it.each<[string, RawArgument[], string]>([
    ['catalogue example', [36500, 45658, 46023, 45841], '18200'], // 36,500 × 182 / 365
    ['cancelled on the first day: all of it', [36500, START, END + 1, START], '36500'],
    ['cancelled on the last day: nothing', [36500, START, END + 1, END + 1], '0'],
    ['a day in', [36500, START, END + 1, START + 1], '36400'], // 36,500 × 364 / 365
    ['leap year', [36600, serial(2024, 1, 1), serial(2025, 1, 1), serial(2024, 7, 1)], '18400'], // 36,600 × 184 / 366
    ['fraction of a day', [1000, START, START + 10, START + 2.5], '750'], // 1,000 × 7.5 / 10
    ['40-digit quotient', [100, START, START + 3, START + 1], '66.66666666666666666666666666666666666667'], // 100 × 2 / 3
    ['premium 0', [0, START, END, START + 5], '0'],
  ])('%s: RETURNPREMIUM(%j) = %s', (_label, args, exact) => {
    expectNumber('RETURNPREMIUM', args, exact);
  });

  it('cancel_date outside the policy period is #VALUE!', () => {
    const before = expectError('RETURNPREMIUM', [36500, START, END, START - 1], { code: '#VALUE!', argument: 'cancel_date', rule: 'cancelOutsidePeriod' });
    expect(before.error.message.en).toContain('2024-12-31');
    expect(before.error.message.en).toContain('2025-01-01 to 2025-12-31');
    expectError('RETURNPREMIUM', [36500, START, END, END + 0.5], { code: '#VALUE!', argument: 'cancel_date', rule: 'cancelOutsidePeriod' });
  });

  it('a zero-day policy period is #DIV/0!', () => {
    const r = expectError('RETURNPREMIUM', [36500, START, START, START], { code: '#DIV/0!', argument: 'policy_end', rule: 'zeroPolicyPeriod' });
    expect(r.error.message.en).toContain('divides by 0');
  });

  it('policy_start after policy_end is #VALUE! on policy_end (fixed: it used to blame cancel_date)', () => {
    const r = expectError('RETURNPREMIUM', [36500, END, START, serial(2025, 6, 1)], { code: '#VALUE!', argument: 'policy_end', rule: 'periodReversed' });
    expect(r.error.message.en).toContain('policy_end (2025-01-01) is before policy_start (2025-12-31)');
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
  CLAIMSMADE: [serial(2025, 6, 1), serial(2026, 1, 1), RETRO, START, END, serial(2026, 3, 31)],
  NOTICEBY: ['claim', serial(2025, 6, 1), END, serial(2026, 3, 31)],
  RETURNPREMIUM: [36500, START, END, serial(2025, 6, 1)],
  ACQUISITION: [30000000, 100000000, serial(2025, 3, 1), serial(2025, 4, 1)],
});
