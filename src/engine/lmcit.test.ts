/**
 * Section 5 of the catalogue, League of Minnesota Cities Insurance Trust (LMCIT) coverage summary,
 * first-party cyber section — CYBER.POOLSHARE (the $10M per common cause / $25M 12-month shared
 * pool; pro rata is this product's stated assumption) and CYBER.LMCITLIMIT ($250,000 first-party
 * aggregate; $500,000 when the member bought the higher limit and answers the five loss-control
 * questions yes).
 */
import { CATALOGUE } from './catalogue';
import { Dec } from './decimal';
import { evaluate } from './evaluate';
import type { CellValue, RawArgument } from './values';
import { argumentConventions, col, expectColumn, expectError, expectNumber, ok, parseExample, row } from './__tests__/helpers';

describe('CYBER.POOLSHARE (shared pool: full when it suffices, else pro rata)', () => {
  // Args: member_claims, [pool_limit=10000000], [pool_remaining=25000000]
  it.each<[string, RawArgument[], string[]]>([
    ['catalogue example: 15M against 10M → pro rata', [col([6000000, 9000000])], ['4000000', '6000000']], // × 10M / 15M
    ['claims fit: each in full', [col([1000000, 2000000])], ['1000000', '2000000']],
    ['claims exactly equal to the pool: in full', [col([4000000, 6000000])], ['4000000', '6000000']],
    ['pool_remaining below pool_limit binds', [col([6000000, 9000000]), 10000000, 5000000], ['2000000', '3000000']], // available 5M
    ['pool_limit below pool_remaining binds', [col([6000000, 9000000]), 3000000, 25000000], ['1200000', '1800000']], // available 3M
    ['remaining 0: nothing', [col([6000000, 9000000]), 10000000, 0], ['0', '0']],
    ['all claims 0 with nothing available: 0s, no division by 0', [col([0, 0]), 0, 0], ['0', '0']],
    ['blank claims count as 0', [col([6000000, null, 9000000, ''])], ['4000000', '0', '6000000', '0']],
    ['one member', [col([12000000])], ['10000000']],
    ['a single cell is one member', [12000000], ['10000000']],
    ['a ragged column: a missing cell is a claim of 0', [[[], [0]]], ['0', '0']], // fixed: was an internal error (found by the "any input" property)
    ['three members, 30M → 10M', [col([5000000, 10000000, 15000000])], ['1666666.666666666666666666666666666666666', '3333333.333333333333333333333333333333333', '5000000']],
    ['blank pool_limit / pool_remaining take the defaults', [col([6000000, 9000000]), null, ''], ['4000000', '6000000']],
  ])('%s: POOLSHARE(%j)', (_label, args, expected) => {
    expectColumn('POOLSHARE', args, expected);
  });

  it('a row of claims still gives a column (one value per member, spilling down)', () => {
    const r = ok('POOLSHARE', [row([6000000, 9000000, 0])]);
    expect(r.value).toEqual([[4000000], [6000000], [0]]);
    expect(r.exact).toEqual([['4000000'], ['6000000'], ['0']]);
  });

  it('pro-rata shares never add up to more than what is available (rounded toward zero)', () => {
    // {1;1;1} sharing 2: each 2/3 to 40 digits. Rounded to nearest they paid 3 × 0.…67 > 2.
    const r = ok('POOLSHARE', [col([1, 1, 1]), 2]);
    expect(r.exact).toEqual([['0.6666666666666666666666666666666666666666'], ['0.6666666666666666666666666666666666666666'], ['0.6666666666666666666666666666666666666666']]);
    const total = (r.exact as string[][]).reduce((s, [v]) => s.plus(v), new Dec(0));
    expect(total.lte(2)).toBe(true);
  });

  it('a negative claim is #VALUE! naming the member (before the fix it let others take 15M of 10M)', () => {
    const r = expectError('POOLSHARE', [col([-10000000, 30000000])], { code: '#VALUE!', argument: 'member_claims', rule: 'negativeInSeries' });
    expect(r.error.message.en).toContain('item 1 is -10000000');
  });

  it('text among the claims is #VALUE! naming the member', () => {
    const r = expectError('POOLSHARE', [col([1, 'n/a'])], { code: '#VALUE!', argument: 'member_claims', rule: 'textInSeries' });
    expect(r.error.message.en).toContain('item 2');
  });

  it('trace: available, sum, pro-rata factor', () => {
    const r = evaluate('POOLSHARE', [col([6000000, 9000000])], { trace: true });
    expect(r.trace.map((s) => s.value)).toEqual(['10000000', '15000000', '0.6666666666666666666666666666666666666667']);
    expect(r.trace.every((s) => s.article?.source === 'LMCIT')).toBe(true);
  });
});

describe('CYBER.LMCITLIMIT (v2: 500,000 only when the higher limit was bought and all five answers are yes)', () => {
  // LMCIT summary: "There is a $250,000 aggregate limit per member for the first-party coverage.
  // 会员可以将限额提高到500美元,000 for an additional premium charge if they can answer yes to the
  // following loss control questions." The answers make a member eligible; the limit is raised only
  // when the member buys it (raised TRUE). v1 gave 500,000 for five yes answers alone.
  // Args: answers (five: training, computer-use policy, firewall, monthly updates, monthly backups), [raised=FALSE]
  const YES_FORMS: CellValue[] = [true, 1, 'true', 'TRUE', 'yes', 'Yes', ' YES ', 'y', 'Y', '是'];
  const NO_FORMS: CellValue[] = [false, 0, 'false', 'FALSE', 'no', 'No', 'n', 'N', '否', null, ''];

  it.each(YES_FORMS.map((v) => [v]))('five × %j (a row), raised → 500,000', (yes) => {
    expectNumber('LMCITLIMIT', [row([yes, yes, yes, yes, yes]), true], '500000');
  });

  it.each(YES_FORMS.map((v) => [v]))('five × %j (a column), raised → 500,000', (yes) => {
    expectNumber('LMCITLIMIT', [col([yes, yes, yes, yes, yes]), true], '500000');
  });

  it.each(YES_FORMS.map((v) => [v]))('raised given as %j → 500,000 with five yes', (raised) => {
    expectNumber('LMCITLIMIT', [row([true, true, true, true, true]), raised], '500000');
  });

  it('five yes without the higher limit bought → 250,000 (omitted, blank, "" or FALSE)', () => {
    const five = row([true, true, true, true, true]);
    expectNumber('LMCITLIMIT', [five], '250000');
    for (const notRaised of NO_FORMS) expectNumber('LMCITLIMIT', [five, notRaised], '250000');
  });

  it('mixed forms of yes, raised → 500,000', () => {
    expectNumber('LMCITLIMIT', [row([true, 1, 'yes', 'Y', '是']), '是'], '500000');
  });

  it.each(NO_FORMS.map((v) => [v]))('one answer %j (no, or blank = no) → 250,000 even when raised', (no) => {
    for (let at = 0; at < 5; at++) {
      const answers: CellValue[] = [true, true, true, true, true];
      answers[at] = no;
      expectNumber('LMCITLIMIT', [row(answers), true], '250000');
    }
  });

  it('a ragged column: the missing cell is blank = no', () => {
    expectNumber('LMCITLIMIT', [[[true], [], [true], [true], [true]], true], '250000');
  });

  it('all no, all blank → 250,000', () => {
    expectNumber('LMCITLIMIT', [row([false, false, false, false, false]), true], '250000');
    expectNumber('LMCITLIMIT', [row([null, null, null, null, null]), true], '250000');
  });

  it.each<[string, RawArgument, number]>([
    ['four answers', row([true, true, true, true]), 4],
    ['six answers', row([true, true, true, true, true, true]), 6],
    ['one answer', true, 1],
    ['a blank cell', null, 1],
  ])('%s → #VALUE! (exactly five)', (_label, answers, got) => {
    const r = expectError('LMCITLIMIT', [answers, true], { code: '#VALUE!', argument: 'answers', rule: 'seriesLength' });
    expect(r.error.message.en).toContain(`exactly 5 values, but it has ${got}`);
  });

  it('a 5×2 range is not a series; other values are not booleans', () => {
    expectError('LMCITLIMIT', [[[true, true], [true, true], [true, true], [true, true], [true, true]]], { code: '#VALUE!', argument: 'answers', rule: 'notASeries' });
    expectError('LMCITLIMIT', [row([true, true, 'maybe', true, true])], { code: '#VALUE!', argument: 'answers', rule: 'notABoolean' });
    expectError('LMCITLIMIT', [row([true, true, 2, true, true])], { code: '#VALUE!', argument: 'answers', rule: 'notABoolean' });
  });

  it('raised must be a boolean', () => {
    expectError('LMCITLIMIT', [row([true, true, true, true, true]), 'maybe'], { code: '#VALUE!', argument: 'raised', rule: 'notABoolean' });
    expectError('LMCITLIMIT', [row([true, true, true, true, true]), 2], { code: '#VALUE!', argument: 'raised', rule: 'notABoolean' });
  });

  it('trace: count of yes answers, whether the higher limit was bought, then the limit', () => {
    const r = evaluate('LMCITLIMIT', [row([true, 'yes', null, 1, '否']), true], { trace: true });
    expect(r.trace.map((s) => s.value)).toEqual(['3', true, '250000']);
    const raised = evaluate('LMCITLIMIT', [row([true, true, true, true, true]), true], { trace: true });
    expect(raised.trace.map((s) => s.value)).toEqual(['5', true, '500000']);
    const notRaised = evaluate('LMCITLIMIT', [row([true, true, true, true, true])], { trace: true });
    expect(notRaised.trace.map((s) => s.value)).toEqual(['5', false, '250000']);
  });
});

describe('LMCIT catalogue examples in the specs', () => {
  it.each(CATALOGUE.filter((f) => ['POOLSHARE', 'LMCITLIMIT'].includes(f.name)).map((f) => [f.name, f.example.formula, f.example.result]))('%s: %s = %s', (name, formula, result) => {
    const ex = parseExample(formula);
    expect(ex.name).toBe(name);
    const r = ok(name, ex.args);
    const shown = Array.isArray(r.exact) ? `{${(r.exact as string[][]).map((line) => line.join(',')).join(';')}}` : String(r.exact);
    expect(shown).toBe(result);
  });
});

argumentConventions({
  POOLSHARE: [col([6000000, 9000000]), 10000000, 25000000],
  LMCITLIMIT: [row([true, true, true, true, true]), true],
});
