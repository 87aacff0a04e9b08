/**
 * Section 5 of the catalogue, settlement refusals, recoveries and other insurance —
 * CYBER.HAMMER (SAMSUNG 第二十一条), CYBER.RECOVERY (SAMSUNG 第四十五条; ISO Recoveries) and
 * CYBER.OTHERINSURANCE (ISO Other Insurance; CPIC 第九条 5). Every row's arithmetic is in its comment.
 *
 * RECOVERY's order is SAMSUNG 第四十五条's: 「在减去实际追偿费用后，余额将按如下顺序使用和分配：1、支付
 * 被保险人本应在本保险单下获得但是由于超出适用的责任限额而没有获得的赔偿：2、补偿保险人所支付的任何
 * 款项；3、给予被保险人以补偿被保险人发生的免赔额。」
 */
import { CATALOGUE } from './catalogue';
import { evaluate } from './evaluate';
import type { RawArgument } from './values';
import { argumentConventions, expectArray, expectError, expectNumber, ok, parseExample } from './__tests__/helpers';

const NO_LIMIT = 1e300;

describe('CYBER.HAMMER public oracle (hammer clause worked example)', () => {
  // Total cost 330,000; settlement offer 100,000; defence to the refusal 25,000.
  // Insurer's most = 125,000 + share × (330,000 − 125,000 = 205,000). A 5,000 retention is then
  // taken off with CYBER.LAYER(hammer, 5000, ∞).
  it.each<[number, string, number]>([
    [0, '125000', 120000], // full hammer: 125,000 + 0
    [0.7, '268500', 263500], // 125,000 + 0.7 × 205,000 = 125,000 + 143,500
  ])('insurer_share %p: HAMMER = %s; %p after a 5,000 retention', (share, exact, afterRetention) => {
    expectNumber('HAMMER', [330000, 100000, 25000, share], exact);
    const hammer = ok('HAMMER', [330000, 100000, 25000, share]).value as number;
    expect(ok('LAYER', [hammer, 5000, NO_LIMIT]).value).toBe(afterRetention);
  });
});

describe('CYBER.HAMMER examples (第二十一条 (一) + (二) 70%)', () => {
  // Args: total_cost, settlement_offer, defense_to_refusal, [insurer_share=0.7], [limit]
  it.each<[string, RawArgument[], string]>([
    ['catalogue example, default share 0.7', [330000, 100000, 25000], '268500'],
    ['share blank = 0.7', [330000, 100000, 25000, null], '268500'],
    ['share 1: everything', [330000, 100000, 25000, 1], '330000'],
    ['share 0.5', [330000, 100000, 25000, 0.5], '227500'], // 125,000 + 102,500
    ['within the limit', [330000, 100000, 25000, 0.7, 200000], '200000'],
    ['limit above', [330000, 100000, 25000, 0.7, 500000], '268500'],
    ['limit 0', [330000, 100000, 25000, 0.7, 0], '0'],
    ['never more than the total: offer + defence above the total', [100000, 90000, 30000, 0.7], '100000'], // min(100,000, 120,000)
    ['total equal to offer + defence', [125000, 100000, 25000, 0], '125000'],
    ['nothing above the offer', [50000, 100000, 0, 0], '50000'],
    ['no offer, no defence: share × total', [100000, 0, 0, 0.7], '70000'],
    ['exact decimals', [0.3, 0.1, 0, 0.5], '0.2'], // 0.1 + 0.5 × 0.2
  ])('%s: HAMMER(%j) = %s', (_label, args, exact) => {
    expectNumber('HAMMER', args, exact);
  });
});

describe('CYBER.RECOVERY public oracle: top-down distribution (Lord Napier and Ettrick v Hunter)', () => {
  // Loss 160,000, deductible (excess) 25,000, insurer paid its limit 100,000; 130,000 recovered.
  // 1. insured's loss above the limit: 160,000 − 25,000 − 100,000 = 35,000;
  // 2. insurer: min(95,000 left, 100,000) = 95,000; 3. deductible: nothing left; 4. remainder 0.
  it('RECOVERY(130000, 0, 160000, 25000, 100000) = {35000, 95000, 0, 0}', () => {
    expectArray('RECOVERY', [130000, 0, 160000, 25000, 100000], [['35000', '95000', '0', '0']]);
  });
});

describe('CYBER.RECOVERY examples (第四十五条 order: above the limit, insurer, deductible)', () => {
  // Args: recovered, recovery_costs, loss, deductible, insurer_paid → {above limit, insurer, deductible, remainder}
  it.each<[string, RawArgument[], [string, string, string, string]]>([
    ['recovery costs come off first', [130000, 10000, 160000, 25000, 100000], ['35000', '85000', '0', '0']], // N 120,000
    ['enough for everyone, with a remainder', [200000, 0, 160000, 25000, 100000], ['35000', '100000', '25000', '40000']],
    ['exactly enough for all three', [160000, 0, 160000, 25000, 100000], ['35000', '100000', '25000', '0']],
    ['less than the uninsured part above the limit', [20000, 0, 160000, 25000, 100000], ['20000', '0', '0', '0']],
    ['costs exceed the recovery: nothing to share', [10000, 20000, 160000, 25000, 100000], ['0', '0', '0', '0']],
    ['costs equal to the recovery', [10000, 10000, 160000, 25000, 100000], ['0', '0', '0', '0']],
    ['insurer paid everything above the deductible', [50000, 0, 100000, 10000, 90000], ['0', '50000', '0', '0']],
    ['then the deductible', [95000, 0, 100000, 10000, 90000], ['0', '90000', '5000', '0']],
    ['deductible larger than the loss: only the loss was retained', [50000, 0, 10000, 25000, 0], ['0', '0', '10000', '40000']], // min(25,000, 10,000)
    ['nothing paid yet', [30000, 0, 100000, 10000, 0], ['30000', '0', '0', '0']], // 90,000 above "the limit" of 0 paid
    ['no loss', [500, 0, 0, 0, 0], ['0', '0', '0', '500']],
    ['exact decimals', [0.3, 0.1, 0.3, 0.1, 0.1], ['0.1', '0.1', '0', '0']], // N 0.2: 0.3 − 0.1 − 0.1 = 0.1 above; insurer 0.1
  ])('%s: RECOVERY(%j)', (_label, args, parts) => {
    expectArray('RECOVERY', args, [parts]);
  });

  it('returns a 1×4 row that spills right', () => {
    const r = ok('RECOVERY', [130000, 0, 160000, 25000, 100000]);
    expect(r.value).toEqual([[35000, 95000, 0, 0]]);
  });

  it('insurer_paid may equal loss − deductible; above it is #VALUE!', () => {
    expectArray('RECOVERY', [10000, 0, 160000, 25000, 135000], [['0', '10000', '0', '0']]);
    const r = expectError('RECOVERY', [10000, 0, 160000, 25000, 135000.01], { code: '#VALUE!', argument: 'insurer_paid', rule: 'insurerPaidAboveLoss' });
    expect(r.error.message.en).toContain('135000.01');
    expect(r.error.message.en).toContain('135000');
    // With the deductible above the loss, nothing can have been paid.
    expectError('RECOVERY', [10000, 0, 1000, 5000, 1], { code: '#VALUE!', argument: 'insurer_paid', rule: 'insurerPaidAboveLoss' });
  });

  it('trace: net recovery (ISO: "Recoveries are reduced by recovery expenses") and the four parts in 第四十五条 order', () => {
    const r = evaluate('RECOVERY', [130000, 10000, 160000, 25000, 100000], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.source, s.article?.article])).toEqual([
      ['120000', 'ISO', 'Recoveries'],
      ['35000', 'SAMSUNG', '第四十五条'],
      ['85000', 'SAMSUNG', '第四十五条'],
      ['0', 'SAMSUNG', '第四十五条'],
      ['0', 'SAMSUNG', '第四十五条'],
    ]);
  });

  it('trace with limit: the loss above the limit is shown before the four parts', () => {
    const r = evaluate('RECOVERY', [130000, 0, 160000, 25000, 80000, 100000], { trace: true });
    expect(r.trace.map((s) => s.value)).toEqual(['130000', '35000', '35000', '80000', '15000', '0']);
  });
});

describe('CYBER.RECOVERY with limit (v2): part 1 is only the loss above the limit', () => {
  // 第四十五条 1: 「支付被保险人本应在本保险单下获得但是由于超出适用的责任限额而没有获得的赔偿」 — what the
  // insured did not get BECAUSE it was above the limit: max(0, loss − deductible − limit). Without
  // limit the catalogue takes loss − deductible − insurer_paid, which is the same only when the
  // insurer paid its limit.
  // Args: recovered, recovery_costs, loss, deductible, insurer_paid, [limit]
  it.each<[string, RawArgument[], [string, string, string, string]]>([
    // Loss 160,000, deductible 25,000 → C = 135,000; limit 100,000 → above the limit 35,000.
    ['catalogue example: an interim payment of 80,000 is not "above the limit"', [130000, 0, 160000, 25000, 80000, 100000], ['35000', '80000', '15000', '0']],
    ['the same without limit: 135,000 − 80,000 = 55,000 counted as above the limit', [130000, 0, 160000, 25000, 80000], ['55000', '75000', '0', '0']],
    ['insurer paid its limit: the same with or without limit', [130000, 0, 160000, 25000, 100000, 100000], ['35000', '95000', '0', '0']],
    ['loss within the limit: nothing above it, all to the insurer then the deductible', [50000, 0, 60000, 10000, 50000, 100000], ['0', '50000', '0', '0']],
    ['loss within the limit, insurer paid nothing yet', [30000, 0, 60000, 10000, 0, 100000], ['0', '0', '10000', '20000']],
    ['C exactly at the limit: 0 above it', [30000, 0, 110000, 10000, 100000, 100000], ['0', '30000', '0', '0']],
    ['limit 0: the whole C is above the limit, nothing paid', [200000, 0, 160000, 25000, 0, 0], ['135000', '0', '25000', '40000']],
    ['recovery costs come off first', [130000, 10000, 160000, 25000, 80000, 100000], ['35000', '80000', '5000', '0']], // N 120,000
    ['blank limit = none', [130000, 0, 160000, 25000, 80000, null], ['55000', '75000', '0', '0']],
    ['exact decimals', [0.3, 0, 0.3, 0.1, 0.1, 0.1], ['0.1', '0.1', '0.1', '0']], // C 0.2, above 0.1
  ])('%s: RECOVERY(%j)', (_label, args, parts) => {
    expectArray('RECOVERY', args, [parts]);
  });

  it('with limit, insurer_paid above min(limit, loss − deductible) is #VALUE!', () => {
    // At the limit is fine; a cent above it is not (the insurer cannot have paid beyond its limit).
    expectArray('RECOVERY', [40000, 0, 160000, 25000, 100000, 100000], [['35000', '5000', '0', '0']]);
    const r = expectError('RECOVERY', [10000, 0, 160000, 25000, 100000.01, 100000], { code: '#VALUE!', argument: 'insurer_paid', rule: 'insurerPaidAboveLimit' });
    expect(r.error.message.en).toContain('100000.01');
    expect(r.error.message.en).toContain('limit (100000)');
    expect(r.error.message.zh).toContain('责任限额');
    // Above loss − deductible (below the limit) keeps the loss rule.
    expectError('RECOVERY', [10000, 0, 60000, 10000, 50000.01, 100000], { code: '#VALUE!', argument: 'insurer_paid', rule: 'insurerPaidAboveLoss' });
    // The deductible above the loss: nothing can have been paid, whatever the limit.
    expectError('RECOVERY', [10000, 0, 1000, 5000, 1, 100000], { code: '#VALUE!', argument: 'insurer_paid', rule: 'insurerPaidAboveLoss' });
  });

  it('a negative limit is #VALUE!', () => {
    expectError('RECOVERY', [10000, 0, 160000, 25000, 0, -1], { code: '#VALUE!', argument: 'limit', rule: 'negative' });
  });
});

describe('CYBER.OTHERINSURANCE public oracle: contribution by limits', () => {
  // Three identical policies with limits 25,000 / 87,500 / 137,500 (sum 250,000); loss 120,000.
  // Each pays loss × own ÷ 250,000: 12,000 / 42,000 / 66,000 (together the loss).
  const LIMITS = [25000, 87500, 137500];
  it.each<[number, string]>([
    [25000, '12000'],
    [87500, '42000'],
    [137500, '66000'],
  ])('own limit %p pays %s', (own, exact) => {
    const others = LIMITS.reduce((s, l) => s + l, 0) - own;
    expectNumber('OTHERINSURANCE', [120000, own, others, 'contribution'], exact);
  });
});

describe('CYBER.OTHERINSURANCE examples', () => {
  // Args: loss, own_limit, other_limit, [method="excess"], [other_paid=0]
  it.each<[string, RawArgument[], string]>([
    // "excess" (ISO): this policy pays above the other insurance.
    ['excess: above the other limit', [120000, 100000, 50000], '70000'], // min(100,000, 120,000 − 50,000)
    ['excess: own limit binds', [120000, 30000, 50000], '30000'],
    ['excess: other limit covers it all', [120000, 100000, 150000], '0'], // 120,000 − min(120,000, 150,000)
    ['excess: no other insurance', [120000, 100000, 0], '100000'],
    ['excess named explicitly', [120000, 100000, 50000, 'excess'], '70000'],
    // "contribution" (ISO identical insurance): pro rata by limits, within the own limit.
    ['contribution: loss above both limits', [300000, 25000, 225000, 'contribution'], '25000'], // min(25,000, 30,000)
    ['contribution: no other insurance', [120000, 100000, 0, 'contribution'], '100000'], // min(100,000, 120,000)
    ['contribution: own limit 0', [120000, 0, 100000, 'contribution'], '0'],
    ['contribution: 40-digit quotient', [1, 1, 2, 'contribution'], '0.3333333333333333333333333333333333333333'], // 1 × 1 ÷ 3,
    // "cpic" (CPIC 第九条 5).
    ['cpic: before the other insurer paid', [120000, 100000, 50000, 'cpic'], '100000'], // min(loss, own)
    ['cpic: loss within the own limit', [80000, 100000, 50000, 'cpic'], '80000'],
    ['cpic: after the other insurer paid', [120000, 100000, 50000, 'cpic', 80000], '40000'], // min(100,000, 120,000 − 80,000)
    ['cpic: the other paid it all', [120000, 100000, 50000, 'cpic', 120000], '0'],
    ['cpic: the other paid more than the loss', [120000, 100000, 50000, 'cpic', 150000], '0'],
    ['cpic: other_paid blank = 0', [120000, 100000, 50000, 'cpic', null], '100000'],
    ['other_paid ignored by "excess"', [120000, 100000, 50000, 'excess', 80000], '70000'],
    // Option text: case-insensitive, surrounding spaces ignored; blank and "" take the default.
    ['"Contribution"', [120000, 25000, 225000, 'Contribution'], '12000'],
    ['"  CONTRIBUTION  "', [120000, 25000, 225000, '  CONTRIBUTION  '], '12000'],
    ['" CPIC"', [120000, 100000, 50000, ' CPIC', 80000], '40000'],
    ['"Excess "', [120000, 100000, 50000, 'Excess '], '70000'],
    ['method blank = excess', [120000, 100000, 50000, null], '70000'],
    ['method "" = excess', [120000, 100000, 50000, ''], '70000'],
  ])('%s: OTHERINSURANCE(%j) = %s', (_label, args, exact) => {
    expectNumber('OTHERINSURANCE', args, exact);
  });
});

describe('section 5 (recoveries) error rules', () => {
  it('contribution with both limits 0 is #DIV/0!', () => {
    const r = expectError('OTHERINSURANCE', [120000, 0, 0, 'contribution'], { code: '#DIV/0!', argument: 'own_limit', rule: 'contributionZeroLimits' });
    expect(r.error.message.en).toContain('own_limit + other_limit');
    // The other methods do not divide.
    expectNumber('OTHERINSURANCE', [120000, 0, 0, 'excess'], '0');
    expectNumber('OTHERINSURANCE', [120000, 0, 0, 'cpic'], '0');
  });

  it.each(['pro rata', 'primary', 'excess insurance', 'contrib', 'CPIC 第九条'])('unknown option text "%s" is #VALUE!', (method) => {
    const r = expectError('OTHERINSURANCE', [120000, 100000, 50000, method], { code: '#VALUE!', argument: 'method', rule: 'unknownOption' });
    expect(r.error.message.en).toContain('"excess", "contribution", "cpic"');
  });

  it('a number as the option is #VALUE!', () => {
    expectError('OTHERINSURANCE', [120000, 100000, 50000, 1], { code: '#VALUE!', argument: 'method', rule: 'unknownOption' });
  });

  it('HAMMER share above 1 is #VALUE!', () => {
    expectError('HAMMER', [330000, 100000, 25000, 70], { code: '#VALUE!', argument: 'insurer_share', rule: 'outsideUnitInterval' });
  });
});

describe('section 5 (recoveries) catalogue examples in the specs', () => {
  it.each(CATALOGUE.filter((f) => ['HAMMER', 'RECOVERY', 'OTHERINSURANCE'].includes(f.name)).map((f) => [f.name, f.example.formula, f.example.result]))('%s: %s = %s', (name, formula, result) => {
    const ex = parseExample(formula);
    expect(ex.name).toBe(name);
    const r = ok(name, ex.args);
    const shown = Array.isArray(r.exact) ? `{${(r.exact as string[][]).map((line) => line.join(',')).join(';')}}` : String(r.exact);
    expect(shown).toBe(result);
  });
});

argumentConventions({
  HAMMER: [330000, 100000, 25000, 0.7, 200000],
  RECOVERY: [130000, 0, 160000, 25000, 100000, 100000],
  OTHERINSURANCE: [120000, 100000, 50000, 'cpic', 80000],
});
