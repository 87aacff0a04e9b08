/**
 * Each template, built from its default (seed) entries, evaluated cell by cell through
 * HyperFormula + the CYBER plugin (the workbench and CLI path), gives the hand-checked figures of
 * examples/README.md. Also: formulas are live (never pasted values), inputs are named, invalid
 * entries are flagged in both languages and never reach the workbook.
 */
import { FakeGateway } from '../testing/fakeGateway';
import { evaluateSpec } from '../testing/sheetEval';
import { CPIC_TEMPLATE } from './cpic';
import { buildTemplate, defaultInputs, parseDate, parseNumber, serialToIso, validateForm } from './form';
import { TEMPLATES } from './index';
import { ISO_TEMPLATE } from './iso';
import { LMCIT_TEMPLATE } from './lmcit';
import { SAMSUNG_TEMPLATE } from './samsung';
import type { TemplateDefinition } from './types';

function buildDefault(t: TemplateDefinition) {
  const v = validateForm(t, defaultInputs(t));
  if (!v.ok) throw new Error(`${t.id} defaults invalid: ${JSON.stringify(v)}`);
  const built = t.build(v.values);
  return { built, read: evaluateSpec(built.spec) };
}

/** A template built from its defaults with some entries changed, and a reader of its cells by key. */
function buildWith(t: TemplateDefinition, changes: Record<string, string | boolean>) {
  const v = validateForm(t, { ...defaultInputs(t), ...changes });
  if (!v.ok) throw new Error(`${t.id} ${JSON.stringify(changes)} invalid: ${JSON.stringify(v)}`);
  const built = t.build(v.values);
  const read = evaluateSpec(built.spec);
  return { built, read, at: (k: string) => read(built.refs[k]) };
}

/** A date cell's serial, from yyyy-mm-dd. */
const day = (iso: string) => parseDate(iso)!;

test('CPIC network interruption: 562,500 BI payout, 911,500 in all, within the 3,000,000 责任限额 (examples/README.md §1)', () => {
  const { built, read } = buildDefault(CPIC_TEMPLATE);
  const at = (k: string) => read(built.refs[k]);
  expect(at('profitRate')).toBe(0.28);
  expect(at('insuredRatio')).toBe(0.7);
  expect(at('standardRevenue')).toBe(4140000);
  expect(at('annualRevenue')).toBe(40000000);
  expect(at('lostProfit')).toBe(680000);
  expect(at('prevention')).toBe(126000);
  // (806,000 − 56,000) × 8,400,000 / 11,200,000 = 562,500 (under-insured), within 3,000,000.
  expect(at('biPayout')).toBe(562500);
  expect(at('contPayout')).toBe(250000);
  expect(at('crisisPayout')).toBe(99000);
  // 第十三条「保险人的总赔偿金额以责任限额为限」: 562,500 + 250,000 + 99,000 = 911,500 ≤ 3,000,000 − 0.
  expect(at('covers')).toBe(911500);
  expect(at('overallLimit')).toBe(3000000);
  expect(at('overallRemaining')).toBe(3000000);
  expect(at('aboveOverall')).toBe(0);
  expect(at('total')).toBe(911500);
  expect(read(built.payout)).toBe(911500);
  // The chart: loss → deductible → under-insurance and limits → payable.
  expect([0, 1, 2, 3].map((i) => read(built.refs[`chart.${i}`]))).toEqual([806000, 56000, 187500, 562500]);
});

test('CPIC: the overall 责任限额 of 第十三条 caps the total, sub-limits and crisis costs inside it', () => {
  // Other covers paid 2,500,000 earlier: 3,000,000 − 2,500,000 = 500,000 left < 911,500.
  const other = buildWith(CPIC_TEMPLATE, { otherPaid: '2,500,000' });
  expect(other.at('biPayout')).toBe(562500);
  expect(other.at('overallRemaining')).toBe(500000);
  expect(other.at('total')).toBe(500000);
  expect(other.at('aboveOverall')).toBe(411500);
  // Profit paid 2,800,000 earlier: the profit cap is 3,000,000 − 2,800,000 = 200,000 (第十三条 (一) 2 (5)),
  // and the same 2,800,000 counts against the 责任限额: min(200,000 + 250,000 + 99,000, 200,000) = 200,000.
  const profit = buildWith(CPIC_TEMPLATE, { paidToDate: '2,800,000' });
  expect(profit.at('biPayout')).toBe(200000);
  expect(profit.at('covers')).toBe(549000);
  expect(profit.at('total')).toBe(200000);
  // Each sub-limit for the period binds on its own: continuation min(280,000, 250,000, 500,000 − 400,000)
  // = 100,000 (2 (8)); crisis min(99,000, 500,000 − 450,000) = 50,000; 3,000,000 − 850,000 left.
  const subs = buildWith(CPIC_TEMPLATE, { contPaid: '400,000', crisisPaid: '450,000' });
  expect(subs.at('contPayout')).toBe(100000);
  expect(subs.at('crisisPayout')).toBe(50000);
  expect(subs.at('overallRemaining')).toBe(2150000);
  expect(subs.at('total')).toBe(712500);
  // A 责任限额 below a sub-limit: the sub-limits are inside it, not in addition to it.
  const small = buildWith(CPIC_TEMPLATE, { overallLimit: '600,000' });
  expect(small.at('total')).toBe(600000);
  // Paid earlier beyond the 责任限额: nothing is left, never a negative payout.
  const spent = buildWith(CPIC_TEMPLATE, { otherPaid: '3,500,000' });
  expect(spent.at('overallRemaining')).toBe(0);
  expect(spent.at('total')).toBe(0);
});

test('CPIC timeline: the claim-handling time limits from the dates entered (CYBER.DEADLINE)', () => {
  const { built, read } = buildDefault(CPIC_TEMPLATE);
  const at = (k: string) => read(built.refs[k]);
  // 第二十二条「情形复杂的，应当在三十日内作出核定」: received 2025-01-06 + 30 days.
  expect(at('decisionBy')).toBe(day('2025-02-05'));
  // 第二十四条「自收到赔偿保险金的请求和有关证明、资料之日起六十日内……先予支付」: 2025-01-06 + 60 days.
  expect(at('advanceBy')).toBe(day('2025-03-07'));
  // 第二十三条「应当自作出核定之日起三日内向被保险人发出拒绝赔偿保险金通知书」: 2025-01-24 + 3 days.
  expect(at('refusalBy')).toBe(day('2025-01-27'));
  // 第二十三条「在与被保险人达成赔偿保险金的协议后十日内，履行赔偿保险金义务」: 2025-02-10 + 10 days.
  expect(at('paymentBy')).toBe(day('2025-02-20'));
  // 第二十八条「应在变化开始之日起七天内书面通知保险人」: 2024-10-15 + 7 days.
  expect(at('riskNoticeBy')).toBe(day('2024-10-22'));
  // 第五条 1 (1)「被保险人首次发现网络安全事故的第二天起的 180 日内」: 2024-12-01 + 180 days.
  expect(at('crisisUntil')).toBe(day('2025-05-30'));
  const formula = (k: string) => (built.spec.cells.find((c) => c.address === built.refs[k])?.input as { formula: string }).formula;
  expect(formula('paymentBy')).toBe(`=CYBER.DEADLINE("cpic.payment",${built.refs.settlementDate})`);
  // Labelled with the engine's own text for the rule.
  const label = built.spec.cells.find((c) => c.address === built.refs.paymentBy.replace(/^C/, 'A'))?.input;
  expect(label).toBe('Last day for the insurer to pay the agreed indemnity');
});

test('Samsung: one settlement of the claims, the hourly BI and the reputational harm: 7,500,000, exactly the policy aggregate', () => {
  const { built, read } = buildDefault(SAMSUNG_TEMPLATE);
  const at = (k: string) => read(built.refs[k]);
  // Hourly BI (cover BI, event E1): 72 h × 100,000 × 60% = 4,320,000 ground up, all within the
  // 4,320-hour recovery period (释义四十四). 第二十九条: the deductible is the larger of the monetary
  // 100,000 and the waiting-period deductible 8 h × 60,000 = 480,000 (释义七十) → 480,000, the BI
  // cover's deductible cell.
  expect(at('biClaim')).toBe(4320000);
  expect(at('waitingDeductible')).toBe(480000);
  expect(at('biDeductibleApplied')).toBe(480000);
  // Reputational harm (cover REP, event E7): 120 h × 50,000; the 12-hour waiting period holds
  // 600,000 (第三十一条); the 108 hours after it are four 24-h blocks of 1,200,000, each capped at
  // the 1,000,000 daily cap (释义十四), then 12 h = 600,000: 4,600,000. The claim row carries
  // 600,000 + 4,600,000 = 5,200,000 and the REP cover's deductible is the 600,000 waiting period.
  expect(at('repWaitingLoss')).toBe(600000);
  expect(at('reputational')).toBe(4600000);
  expect(at('repClaim')).toBe(5200000);
  // 14 typed claims 7,550,000 + 4,320,000 + 5,200,000.
  expect(at('claimed')).toBe(17070000);
  // CYBER.ALLOCATE, one deductible per event (第二十八条), taken from the computed row first:
  // E1 BI 4,320,000 − 480,000 → its 1,500,000 limit; IR 180,000 and EXT 400,000 bear none: 2,080,000.
  // E2 PRIV 1,850,000, REG 350,000, PCI 250,000, IR 50,000 (policy per claim 2,500,000): 2,500,000.
  // E3 CBI 600,000 after its deductible, but BI's aggregate is used up by E1 (第二十六条 (三)) → 0; IR 60,000.
  // E4 RWD 100,000 + EXT 100,000; E5 SE 155,000 + SEP 50,000; E6 SEC 2,000,000 + REG 300,000.
  // E1–E6 = 7,345,000, leaving 155,000 of the policy aggregate; E7 REP 5,200,000 − 600,000 =
  // 4,600,000 → 155,000 (第二十四条: 「合计赔偿金额不得超过保险单载明的保险单累计责任限额」).
  const top = Number(/[0-9]+$/.exec(built.refs.allocate)![0]);
  const paid = Array.from({ length: 16 }, (_, i) => read(`D${top + 1 + i}`));
  expect(paid).toEqual([1500000, 180000, 400000, 1850000, 350000, 0, 60000, 250000, 50000, 100000, 100000, 155000, 50000, 2000000, 300000, 155000]);
  expect(read(`A${top + 1}`)).toBe('E1');
  expect(read(`B${top + 1}`)).toBe('BI');
  expect(read(`B${top + 16}`)).toBe('REP');
  expect(at('biPaid')).toBe(1500000);
  expect(at('repPaid')).toBe(155000);
  expect(read(built.payout)).toBe(7500000);
  expect(at('total')).toBe(7500000);
  expect(at('policyAggregateLeft')).toBe(0);
  expect(at('notPaid')).toBe(9570000);
  // HOURLYBI with the same cells, on its own: min(1,500,000, 4,320,000 − 480,000); not in the total.
  expect(at('hourlyBi')).toBe(1500000);
  expect(read(built.refs.allocate)).toBe('payable');
  // Beside the covers: paid to each cover's own rows; REMAINING is 0 everywhere once the policy aggregate is used up.
  const column = (key: string) => {
    const [a, b] = built.refs[key].split(':').map((c) => Number(/[0-9]+$/.exec(c)![0]));
    const col = /^[A-Z]+/.exec(built.refs[key])![0];
    return Array.from({ length: b - a + 1 }, (_, i) => read(`${col}${a + i}`));
  };
  expect(column('covers.0')).toEqual(['SEC', 'PRIV', 'REG', 'PCI', 'IR', 'BI', 'CBI', 'EXT', 'RWD', 'REP', 'SE', 'SEP']);
  expect(column('coverPaid')).toEqual([2000000, 1850000, 650000, 250000, 290000, 1500000, 0, 500000, 100000, 155000, 155000, 50000]);
  expect(column('remaining')).toEqual(Array(12).fill(0));
  // The BI and REP deductible cells are live formulas; the monetary deductibles are typed once.
  const cell = (address: string) => built.spec.cells.find((c) => c.address === address)?.input;
  const coversTop = Number(/[0-9]+$/.exec(built.refs['covers.0'].split(':')[0])![0]);
  expect(cell(`E${coversTop + 5}`)).toEqual({ formula: `=${built.refs.biDeductibleApplied}` });
  expect(cell(`E${coversTop + 9}`)).toEqual({ formula: `=${built.refs.repDeductibleApplied}` });
  expect(cell(built.refs.biDeductible)).toBe(100000);
  expect(cell(built.refs.dailyCap)).toBe(1000000);
  // No second set of BI or reputational terms on the sheet.
  for (const gone of ['biLimit', 'repLimit']) expect(built.refs[gone]).toBeUndefined();

  // Timeline (serials; policy 2025-01-01 to 2025-12-31, no extended reporting period).
  // 第四十三条 (二) 1: claim notice by 2025-12-31 + 90 = 2026-03-31; (三) 1–2: incident discovered
  // 2025-03-10 → min(+90, policy end + 90) = 2025-06-08, proof of loss EDATE(+6) = 2025-09-10; media
  // event 2025-03-12 → 2025-06-10, 2025-09-12; (三) 3: extortion 2025-03-10 → notice 2025-06-08,
  // proof 2025-09-10, suit not before proof 2025-06-30 + 61 = 2025-08-30 nor after EDATE(+12) =
  // 2026-03-10; 释义四 (一): incident costs within 24 months, to 2027-03-10; 第三十七条: payment
  // 2025-10-15 + 10 = 2025-10-25, refusal 2025-10-20 + 3 = 2025-10-23; 第四十九条 (二): non-renewal
  // notice by 2025-12-31 − 60 = 2025-11-01.
  expect(at('incidentInPeriod')).toBe(true);
  expect(['claimNotice', 'incidentNotice', 'incidentProof', 'mediaNotice', 'mediaProof', 'extortionNotice', 'extortionProof', 'suitFrom', 'suitBy', 'incidentCosts', 'paymentBy', 'refusalBy', 'nonrenewalBy'].map((k) => serialToIso(at(k) as number))).toEqual([
    '2026-03-31',
    '2025-06-08',
    '2025-09-10',
    '2025-06-10',
    '2025-09-12',
    '2025-06-08',
    '2025-09-10',
    '2025-08-30',
    '2026-03-10',
    '2027-03-10',
    '2025-10-25',
    '2025-10-23',
    '2025-11-01',
  ]);
});

test('Samsung nesting "aggregate": RWD is part of EXT’s aggregate only, so EXT’s per-event limit does not shrink by it', () => {
  // 第二十六条 (五)「保险人在"报酬支付"保障项下承担的第一方费用累计责任限额是"网络勒索"保障累计责任限额的一部分」:
  // with EXT's per-event limit at 150,000, E4 pays RWD 100,000 and EXT 150,000 − 50,000 = 100,000
  // (nesting "aggregate"); nesting "all" would leave EXT only 150,000 − 100,000 = 50,000.
  const covers = (nesting: string) => String(defaultInputs(SAMSUNG_TEMPLATE).covers).replace('EXT; ; 500,000;', 'EXT; ; 150,000;').replace('RWD; EXT; ; 100,000; ; aggregate', `RWD; EXT; ; 100,000; ; ${nesting}`);
  const e4 = (nesting: string) => {
    const v = validateForm(SAMSUNG_TEMPLATE, { ...defaultInputs(SAMSUNG_TEMPLATE), covers: covers(nesting) });
    if (!v.ok) throw new Error(JSON.stringify(v));
    const b = SAMSUNG_TEMPLATE.build(v.values);
    const read = evaluateSpec(b.spec);
    const top = Number(/[0-9]+$/.exec(b.refs.allocate)![0]);
    return [read(`D${top + 10}`), read(`D${top + 11}`)];
  };
  expect(e4('aggregate')).toEqual([100000, 100000]);
  expect(e4('all')).toEqual([100000, 50000]);
});

test('Samsung form: the tree must hold covers BI and REP, event ids are required, the recovery period never exceeds 180 days', () => {
  const defaults = defaultInputs(SAMSUNG_TEMPLATE);
  const noRep = validateForm(SAMSUNG_TEMPLATE, { ...defaults, covers: String(defaults.covers).replace(/^REP;.*\n/m, '') });
  expect(noRep.ok).toBe(false);
  if (!noRep.ok) expect(noRep.errors.covers.en).toMatch(/REP/);
  const noEvent = validateForm(SAMSUNG_TEMPLATE, { ...defaults, biEvent: '  ' });
  expect(noEvent.ok).toBe(false);
  if (!noEvent.ok) expect(Object.keys(noEvent.errors)).toEqual(['biEvent']);
  // 释义四十四「恢复期在任何情况下均不得超过 180 天」.
  const long = validateForm(SAMSUNG_TEMPLATE, { ...defaults, maxHours: '4321' });
  expect(long.ok).toBe(false);
  if (!long.ok) expect(Object.keys(long.errors)).toEqual(['maxHours']);
  const nesting = validateForm(SAMSUNG_TEMPLATE, { ...defaults, covers: String(defaults.covers).replace('aggregate', 'partly') });
  expect(nesting.ok).toBe(false);
  if (!nesting.ok) expect(Object.keys(nesting.errors)).toEqual(['covers']);
  // An ERP cannot end before the policy period (CYBER.NOTICEBY).
  const erp = validateForm(SAMSUNG_TEMPLATE, { ...defaults, erpEnd: '2025-06-30' });
  expect(erp.ok).toBe(false);
  if (!erp.ok) expect(Object.keys(erp.errors)).toEqual(['erpEnd']);
});

test('LMCIT: higher limit bought and five yes → 500,000; the pool pays 375,000 × 10/10.24 = 366,210.9375; liability 5,350,000; crime 250,000; 5,966,210.9375 in all', () => {
  const { built, read } = buildDefault(LMCIT_TEMPLATE);
  const at = (k: string) => read(built.refs[k]);
  expect(at('raised')).toBe(true);
  expect(at('memberLimit')).toBe(500000);
  expect(at('aggregateLeft')).toBe(500000);
  expect(at('covered')).toBe(375000);
  expect(at('poolClaimed')).toBe(10240000);
  expect(at('poolRecovery')).toBe(366210.9375);
  expect(at('liabilityPayable')).toBe(5350000);
  expect(at('breachRemaining')).toBe(0);
  expect(at('pciRemaining')).toBe(0);
  // Crime: "The standard limit is $250,000 per occurrence": min(250,000, 310,000 − 0 − 0) = 250,000.
  expect(at('crimePayout')).toBe(250000);
  // 366,210.9375 + 5,350,000 + 250,000.
  expect(at('total')).toBe(5966210.9375);
  expect(read(built.payout)).toBe(5966210.9375);
  const input = (k: string) => built.spec.cells.find((c) => c.address === built.refs[k])?.input;
  expect([input('poolLimit'), input('poolRemaining'), input('perOccurrence'), input('breachAggregate'), input('pciSublimit'), input('crimeLimit')]).toEqual([10000000, 25000000, 2000000, 3000000, 250000, 250000]);
  // The summary names no time limit in days: the timeline block computes nothing (no DEADLINE formula).
  expect(built.spec.cells.some((c) => typeof c.input === 'object' && c.input !== null && /DEADLINE|NOTICEBY/.test(c.input.formula))).toBe(false);
});

test('LMCIT: every limit binds — the $250,000 aggregate, what it paid earlier, the pool, the crime limit', () => {
  // One "no" answer: the $250k aggregate even with the higher limit bought.
  expect(buildWith(LMCIT_TEMPLATE, { firewall: false }).at('memberLimit')).toBe(250000);
  // v2: five yes answers without buying the higher limit — "会员可以将限额提高到500美元,000 for an
  // additional premium charge if they can answer yes" — stay at $250,000; the member's pool claim is
  // then 250,000 of 10,115,000 claimed: 250,000 × 10,000,000 / 10,115,000.
  const notBought = buildWith(LMCIT_TEMPLATE, { raised: false });
  expect(notBought.at('memberLimit')).toBe(250000);
  expect(notBought.at('covered')).toBe(250000);
  expect(notBought.at('poolClaimed')).toBe(10115000);
  expect(notBought.at('poolRecovery')).toBeCloseTo(2500000000000 / 10115000, 6);
  // Alone in the pool: paid in full, within what is left of the aggregate (500,000 − 300,000).
  const paid = buildWith(LMCIT_TEMPLATE, { otherClaims: '', firstPartyPaid: '300,000' });
  expect(paid.at('aggregateLeft')).toBe(200000);
  expect(paid.at('covered')).toBe(200000);
  expect(paid.at('poolRecovery')).toBe(200000);
  // The aggregate used up: nothing, never a negative amount.
  expect(buildWith(LMCIT_TEMPLATE, { otherClaims: '', firstPartyPaid: '600,000' }).at('poolRecovery')).toBe(0);
  // The pool's aggregate left binds: 375,000 alone against 100,000 left of the $25M.
  expect(buildWith(LMCIT_TEMPLATE, { otherClaims: '', poolRemaining: '100,000' }).at('poolRecovery')).toBe(100000);
  // Crime: card fraud "not otherwise reimbursable by the issuer, owner, or cardholder": (310,000 − 100,000)
  // within 250,000; a deductible when the member's schedule has one; nothing without property coverage.
  expect(buildWith(LMCIT_TEMPLATE, { crimeReimbursable: '100,000' }).at('crimePayout')).toBe(210000);
  expect(buildWith(LMCIT_TEMPLATE, { crimeLoss: '100,000', crimeDeductible: '5,000' }).at('crimePayout')).toBe(95000);
  const noProperty = buildWith(LMCIT_TEMPLATE, { hasProperty: false });
  expect(noProperty.at('crimePayout')).toBe(0);
  expect(noProperty.at('total')).toBe(366210.9375 + 5350000);
  // More reimbursable than lost: flagged on that field, never written.
  const v = validateForm(LMCIT_TEMPLATE, { ...defaultInputs(LMCIT_TEMPLATE), crimeReimbursable: '400,000' });
  expect(v.ok).toBe(false);
  if (!v.ok) expect(Object.keys(v.errors)).toEqual(['crimeReimbursable']);
});

test('ISO crime: a loss of the prior term under the prior-insurance condition gets the lower limit: min(100,000, 132,000) = 100,000', () => {
  // "If a loss sustained in a previous policy term is discovered under the current policy, coverage
  // applies if both the previous and current policies have the same coverage and the current policy
  // immediately replaces the previous one. In this case, the insurance limit available is the lower
  // of the two policy limits." Sustained 2024-11-10 in the 2024 term, discovered 2025-03-15; this
  // policy starts 2025-01-01, the day after the prior one's last day.
  const { built, read } = buildDefault(ISO_TEMPLATE);
  const at = (k: string) => read(built.refs[k]);
  expect(at('sustained')).toBe(false);
  expect([at('priorTerm'), at('immediate'), at('discoveredNow'), at('priorCovered'), at('covered')]).toEqual([true, true, true, true, true]);
  expect(at('discoverBy')).toBe(day('2026-12-31'));
  expect(at('limitApplied')).toBe(100000);
  // v2 CYBER.CRIMEPAYOUT: min(loss − deductible, loss − special + min(special, 5,000)) =
  // min(149,000, 150,000 − 23,000 + 5,000 = 132,000) = 132,000 before the limit (v1 took the
  // deductible off the 132,000: 131,000).
  expect(at('beforeLimit')).toBe(132000);
  expect(at('total')).toBe(100000);
  expect(read(built.payout)).toBe(100000);
  // Loss → not covered 0 → above the special limit 18,000 → deductible 0 (inside the 18,000) →
  // above the limit 32,000 → payable 100,000.
  expect([0, 1, 2, 3, 4, 5].map((i) => read(built.refs[`chart.${i}`]))).toEqual([150000, 0, 18000, 0, 32000, 100000]);
  expect(built.spec.cells.find((c) => c.address === built.refs.specialLimit)?.input).toBe(5000);
  // Continuous cover with this insurer: "The policy pays the larger of the limit of insurance
  // available today or the limit on the date the loss occurred": min(250,000, 132,000) = 132,000.
  expect(buildWith(ISO_TEMPLATE, { continuous: true }).at('total')).toBe(132000);
});

test('ISO crime: a loss failing CYBER.LOSSSUSTAINED pays 0 unless the prior-insurance condition holds', () => {
  const total = (changes: Record<string, string | boolean>) => buildWith(ISO_TEMPLATE, changes).at('total');
  // A gap: this policy starts 2025-01-15, not the day after 2024-12-31 — it did not "immediately replace" the prior one.
  const gap = buildWith(ISO_TEMPLATE, { policyStart: '2025-01-15' });
  expect(gap.at('immediate')).toBe(false);
  expect(gap.at('total')).toBe(0);
  // Everything a "not covered" bar: 150,000 not covered, nothing payable.
  expect([0, 1, 2, 3, 4, 5].map((i) => gap.read(gap.built.refs[`chart.${i}`]))).toEqual([150000, 150000, 0, 0, 0, 0]);
  // Not "the same coverage".
  expect(total({ sameCoverage: false })).toBe(0);
  // Sustained two terms back (2023-06-01), before the prior policy's term.
  expect(total({ lossDate: '2023-06-01' })).toBe(0);
  // Sustained in this term but discovered 2027-01-05, after EDATE(2025-12-31, 12) = 2026-12-31 (v1 paid the prior limit, 100,000).
  expect(total({ lossDate: '2025-06-01', discoveryDate: '2027-01-05' })).toBe(0);
  // This policy since replaced by other crime insurance: "the extended period to cover loss ends immediately".
  expect(total({ lossDate: '2025-06-01', discoveryDate: '2026-01-10', replaced: true })).toBe(0);
  expect(total({ lossDate: '2025-06-01', discoveryDate: '2026-01-10' })).toBe(132000);
  // Discovered 2024-12-20, during the prior term: not "discovered under the current policy" (the prior policy's loss).
  expect(total({ discoveryDate: '2024-12-20' })).toBe(0);
  // Not covered: no Forgery legal expenses either.
  expect(total({ sameCoverage: false, legalExpenses: '12,000' })).toBe(0);
});

test('ISO crime: losses of this term under v2 CYBER.CRIMEPAYOUT, legal expenses outside the limit', () => {
  const total = (changes: Record<string, string | boolean>) => buildWith(ISO_TEMPLATE, { lossDate: '2025-02-01', ...changes }).at('total');
  // Sustained and discovered in the term: this policy's 250,000: min(250,000, 132,000) = 132,000.
  expect(total({})).toBe(132000);
  // Furs of 6,000, 1,000 deductible: "$5,000 is the most paid": min(6,000 − 1,000, 0 + 5,000) = 5,000 (v1 4,000).
  expect(total({ loss: '6,000', specialLoss: '6,000' })).toBe(5000);
  // 300,000, nothing special, 12,000 legal expenses: min(250,000, 299,000) + 12,000 = 262,000 — the limit binds, the
  // legal expenses are paid in addition to it (Forgery or Alteration).
  const forgery = buildWith(ISO_TEMPLATE, { lossDate: '2025-02-01', loss: '300,000', specialLoss: '0', legalExpenses: '12,000' });
  expect(forgery.at('limitApplied')).toBe(250000);
  expect(forgery.at('total')).toBe(262000);
});

test('ISO timeline: suit no earlier than 90 days after the proof of loss, no later than 2 years after discovery', () => {
  const { built, read } = buildDefault(ISO_TEMPLATE);
  // "It cannot bring an action until more than 90 days have passed since it filed a proof of loss but
  // not later than two years after it discovered the loss." Proof 2025-04-30 + 90 days; discovery
  // 2025-03-15 + 2 years.
  expect(read(built.refs.suitFrom)).toBe(day('2025-07-29'));
  expect(read(built.refs.suitBy)).toBe(day('2027-03-15'));
});

test.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: live formulas, named inputs, a chart, no evaluation errors', (_, t) => {
  const { built, read } = buildDefault(t);
  const formulas = built.spec.cells.filter((c) => c.input !== null && typeof c.input === 'object');
  expect(formulas.some((c) => /CYBER\./.test((c.input as { formula: string }).formula))).toBe(true);
  // Every result key is a formula cell.
  for (const [key, address] of Object.entries(built.refs)) {
    if (key.includes('.') || address.includes(':')) continue;
    const cell = built.spec.cells.find((c) => c.address === address);
    const named = built.spec.names?.some((n) => n.address === address);
    expect(named || (cell && typeof cell.input === 'object' && cell.input !== null)).toBe(true);
  }
  for (const c of formulas) expect(read(c.address)).not.toEqual(expect.objectContaining({ error: expect.any(String) }));
  expect(built.spec.charts).toHaveLength(1);
  expect(new Set(built.spec.names?.map((n) => n.name)).size).toBe(built.spec.names?.length);
  for (const n of built.spec.names ?? []) expect(n.name).toMatch(/^[A-Z]+_[A-Za-z0-9]+$/);
});

describe('validation', () => {
  test('numbers, percentages and dates as users type them', () => {
    expect(parseNumber('1,250,000', false)).toBe(1250000);
    expect(parseNumber('$5,000', false)).toBe(5000);
    expect(parseNumber('90%', true)).toBe(0.9);
    expect(parseNumber('0.1%', true)).toBe(0.001);
    expect(parseNumber('12abc', false)).toBeUndefined();
    expect(parseDate('2024-12-01')).toBe(45627);
    expect(parseDate('2024-02-30')).toBeUndefined();
  });

  test('each invalid entry gets its own message in both languages; engine rules apply across fields', () => {
    const v = validateForm(CPIC_TEMPLATE, {
      ...defaultInputs(CPIC_TEMPLATE),
      sumInsured: '-5',
      crisisReduction: '120%',
      incidentDate: '2024-13-01',
      durationHours: '7.5',
      history: '2023-01-01; 100\nnot a date; 5',
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors.sumInsured.en).toBe('Must be 0 or more.');
    expect(v.errors.sumInsured.zh).toBe('不得为负数。');
    expect(v.errors.crisisReduction.en).toMatch(/fraction from 0 to 1/);
    expect(v.errors.incidentDate.zh).toMatch(/yyyy-mm-dd/);
    expect(v.errors.durationHours.en).toBe('Must be a whole number.');
    expect(v.errors.history.en).toBe('Line 2: period start: Enter a date as yyyy-mm-dd, e.g. 2024-12-01.');
    expect(v.errors.history.zh).toMatch(/^第 2 行：期间起始日：/);

    // Each field parses, but the engine rejects the combination: its own message, on the field.
    const engine = validateForm(CPIC_TEMPLATE, { ...defaultInputs(CPIC_TEMPLATE), insuredMaintenance: '20,000,000' });
    expect(engine.ok).toBe(false);
    if (!engine.ok) expect(engine.errors.insuredMaintenance.en).toMatch(/CYBER\.PROFITRATE/);
    const crime = validateForm(ISO_TEMPLATE, { ...defaultInputs(ISO_TEMPLATE), specialLoss: '200,000' });
    expect(crime.ok).toBe(false);
    if (!crime.ok) expect(Object.keys(crime.errors)).toEqual(['specialLoss']);
    const tree = validateForm(SAMSUNG_TEMPLATE, { ...defaultInputs(SAMSUNG_TEMPLATE), covers: 'A; B; 1; 1; 0\nB; A; 1; 1; 0' });
    expect(tree.ok).toBe(false);
    if (!tree.ok) expect(tree.errors.covers.zh).toBeTruthy();
    const hours = validateForm(SAMSUNG_TEMPLATE, { ...defaultInputs(SAMSUNG_TEMPLATE), outageHours: '721' });
    expect(hours.ok).toBe(false);
  });

  test('nothing is written until the form is valid', async () => {
    const gateway = new FakeGateway();
    const bad = await buildTemplate(gateway, ISO_TEMPLATE, { ...defaultInputs(ISO_TEMPLATE), loss: 'lots' });
    expect(bad.ok).toBe(false);
    expect(gateway.addedSheets).toHaveLength(0);
    expect(gateway.log).toEqual([]);
    const good = await buildTemplate(gateway, ISO_TEMPLATE, defaultInputs(ISO_TEMPLATE));
    expect(good).toEqual({ ok: true, sheet: 'ISO crime 商业犯罪', payout: expect.stringMatching(/^C\d+$/) });
    expect(gateway.addedSheets).toHaveLength(1);
  });
});
