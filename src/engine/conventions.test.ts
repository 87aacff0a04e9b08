/**
 * The catalogue's conventions (FUNCTIONS.md, "Conventions (all functions)") checked on every
 * function of sections 1–3 and every argument, driven by the parameter specs: types, bounds,
 * blanks and defaults, booleans, ranges, error propagation, too many arguments, #NUM!, and the
 * message table in both languages.
 */
import { CATALOGUE } from './catalogue';
import { checkNumber } from './coerce';
import { Dec } from './decimal';
import { InputFailure } from './errors';
import { evaluate, findFunction } from './evaluate';
import { formatMessage, MESSAGES, type MessageKey } from './messages';
import type { NumberParam, ParamSpec } from './specs';
import type { RawArgument } from './values';
import { expectError, expectNumber, KNOWN_CODES, serial } from './__tests__/helpers';

const YEARLY: RawArgument = [
  [serial(2024, 1, 1), 3660000],
  [serial(2025, 1, 1), 3660000],
];

/** A valid call of every function of sections 1–3, every argument given. */
const VALID: Record<string, RawArgument[]> = {
  OPERATINGPROFIT: [100, 50],
  PROFITRATE: [100, 80, 40, 20, true],
  INSUREDRATIO: [100, 80, 40, 20, true],
  STANDARDREVENUE: [YEARLY, serial(2025, 3, 1), 30, 0.05],
  ANNUALREVENUE: [YEARLY, serial(2025, 3, 1), 0.05],
  REVENUEREDUCTION: [100, 50],
  LOSTPROFIT: [100, 0.3, 5],
  PREVENTIONCOST: [100, 0.5, 100, 0.3],
  BIPAYOUT: [100, 10, 1000, 800, 10000, 0.3, 0.5, 0],
  WAITINGMET: [13, 12],
  RECOVERYRATIO: [45, [[30, 0.5], [60, 0.75]], 50],
  CONTINUATIONPAYOUT: [100, 10, 1000, 0.5, 0],
  CRISISPAYOUT: [100, 10, 0.9, 1000, 0],
  CRISISWINDOW: [serial(2025, 1, 1), serial(2025, 1, 2), 180],
};

const SECTIONS_1_3 = CATALOGUE.filter((f) => f.section <= 3);

function withArg(fn: string, index: number, value: RawArgument): RawArgument[] {
  const args = [...VALID[fn]];
  args[index] = value;
  return args;
}

/** Every (function, parameter) pair of sections 1–3. */
const PARAMS: Array<[string, number, ParamSpec]> = SECTIONS_1_3.flatMap((f) => f.params.map((p, i): [string, number, ParamSpec] => [f.name, i, p]));
const NUMERIC = PARAMS.filter(([, , p]) => ['amount', 'ratio', 'date', 'hours', 'days', 'number'].includes(p.kind));
const BOOLEANS = PARAMS.filter(([, , p]) => p.kind === 'boolean');
const TABLES = PARAMS.filter(([, , p]) => p.kind === 'table');

describe('fixtures', () => {
  it('cover exactly the functions of sections 1–3, in catalogue order', () => {
    expect(SECTIONS_1_3.map((f) => f.name)).toEqual([
      'OPERATINGPROFIT',
      'PROFITRATE',
      'INSUREDRATIO',
      'STANDARDREVENUE',
      'ANNUALREVENUE',
      'REVENUEREDUCTION',
      'LOSTPROFIT',
      'PREVENTIONCOST',
      'BIPAYOUT',
      'WAITINGMET',
      'RECOVERYRATIO',
      'CONTINUATIONPAYOUT',
      'CRISISPAYOUT',
      'CRISISWINDOW',
    ]);
    expect(Object.keys(VALID).sort()).toEqual(SECTIONS_1_3.map((f) => f.name).sort());
  });

  it.each(Object.keys(VALID))('%s fixture is valid and gives every argument', (fn) => {
    expect(VALID[fn]).toHaveLength(findFunction(fn)!.params.length);
    const r = evaluate(fn, VALID[fn]);
    expect(r.ok).toBe(true);
  });
});

describe('argument arrangement', () => {
  it.each(SECTIONS_1_3.map((f) => f.name))('%s: one argument too many is #VALUE! (tooManyArguments)', (fn) => {
    const n = VALID[fn].length;
    const r = expectError(fn, [...VALID[fn], 1], { code: '#VALUE!', argument: undefined, rule: 'tooManyArguments' });
    expect(r.error.message.en).toContain(`at most ${n} arguments, but ${n + 1} were given`);
    expect(r.error.message.zh).toContain(`最多接受 ${n} 个参数`);
  });

  it.each(SECTIONS_1_3.map((f) => f.name))('%s: trailing blank arguments beyond the list are ignored', (fn) => {
    const a = evaluate(fn, VALID[fn]);
    const b = evaluate(fn, [...VALID[fn], null, '']);
    expect(b).toEqual(a);
  });

  it('all arguments omitted: the first required one is reported as missing', () => {
    expectError('OPERATINGPROFIT', [], { code: '#VALUE!', argument: 'revenue', rule: 'requiredMissing' });
    expectError('ANNUALREVENUE', [], { code: '#VALUE!', argument: 'history', rule: 'requiredMissing' });
    expectError('CRISISWINDOW', [], { code: '#VALUE!', argument: 'discovery_date', rule: 'requiredMissing' });
  });

  it('a required argument left out of the call never becomes a silent 0', () => {
    // (A blank cell is different: it is passed as null and counts as 0, as in Excel.)
    expectError('LOSTPROFIT', [100], { code: '#VALUE!', argument: 'profit_rate', rule: 'requiredMissing' });
    expectError('PROFITRATE', [100, 50], { code: '#VALUE!', argument: 'maintenance', rule: 'requiredMissing' });
    expect(evaluate('LOSTPROFIT', [100, null]).ok).toBe(true);
  });

  it('a bound other than 0 is worded as the rule it is', () => {
    const lower = { name: 'x', kind: 'number', min: 5, label: { en: 'x', zh: 'x' }, description: { en: '', zh: '' } } as const;
    expect(() => checkNumber(new Dec(4), lower, 'x', '4')).toThrow('belowMinimum');
    const upper = { name: 'x', kind: 'number', max: 5, label: { en: 'x', zh: 'x' }, description: { en: '', zh: '' } } as const;
    expect(() => checkNumber(new Dec(6), upper, 'x', '6')).toThrow('aboveMaximum');
    expect(() => checkNumber(new Dec(5), upper, 'x', '5')).not.toThrow();
  });

  it('names are found with or without the CYBER. prefix, in any case, with spaces', () => {
    for (const name of ['PROFITRATE', 'profitrate', 'CYBER.PROFITRATE', ' cyber.ProfitRate ']) {
      expectNumber(name, [12000000, 10500000, 3000000, 2400000], '0.325');
    }
  });

  it('an unknown function is #NAME?', () => {
    const r = evaluate('CYBER.NOSUCH', [1]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('#NAME?');
      expect(r.error.message.en).toContain('CYBER.NOSUCH');
      expect(r.error.message.zh).toContain('CYBER.NOSUCH');
    }
  });
});

describe('numeric arguments (every amount, ratio, date, hours, days and number)', () => {
  describe.each(NUMERIC)('%s argument %i', (fn, index, p) => {
    const name = p.name;
    it.each<[string, RawArgument, string]>([
      ['text', 'abc', 'notANumber'],
      ['numeric text', '12', 'notANumber'],
      ['TRUE', true, 'notANumber'],
      ['FALSE', false, 'notANumber'],
      ['NaN', NaN, 'notFinite'],
      ['Infinity', Infinity, 'notFinite'],
      ['−Infinity', -Infinity, 'notFinite'],
      ['a 1×2 range', [[1, 2]], 'notSingleValue'],
      ['a 2×1 range', [[1], [2]], 'notSingleValue'],
      ['an empty range', [], 'notSingleValue'],
    ])(`${name}: %s → #VALUE!`, (_label, value, rule) => {
      expectError(fn, withArg(fn, index, value), { code: '#VALUE!', argument: name, rule });
    });

    it(`${name}: a 1×1 range is its single value`, () => {
      const a = evaluate(fn, VALID[fn]);
      const b = evaluate(fn, withArg(fn, index, [[VALID[fn][index] as number]]));
      expect(b).toEqual(a);
    });

    const q = p as NumberParam;
    const bad: Array<[RawArgument, string]> = [];
    if (q.kind === 'ratio') bad.push([1.0000001, 'outsideUnitInterval'], [-0.0000001, 'outsideUnitInterval'], [25, 'outsideUnitInterval']);
    else if (q.kind === 'date') bad.push([60, 'dateOutOfRange'], [0, 'dateOutOfRange'], [-1, 'dateOutOfRange'], [2958466, 'dateOutOfRange'], [1e300, 'dateOutOfRange']);
    else if (q.greaterThan === 0) bad.push([0, 'notPositive'], [-1, 'notPositive']);
    else if (q.greaterThan !== undefined) bad.push([q.greaterThan, 'notAbove'], [q.greaterThan - 1, 'notAbove']);
    else if (q.min === 0) bad.push([-1, 'negative'], [-1e-300, 'negative'], [-1e308, 'negative']);
    it.each(bad)(`${name} (${q.kind}): %p → #VALUE! %s`, (value, rule) => {
      expectError(fn, withArg(fn, index, value), { code: '#VALUE!', argument: name, rule });
    });
  });

  it('every numeric argument of sections 1–3 has a bound checked above', () => {
    // Guards the table above: a new kind of numeric argument must get its own bad values.
    for (const [, , p] of NUMERIC) {
      const q = p as NumberParam;
      expect(q.kind === 'ratio' || q.kind === 'date' || q.greaterThan !== undefined || q.min === 0).toBe(true);
    }
  });

  it('−0 is accepted as 0 and never comes back as −0', () => {
    const r = evaluate('LOSTPROFIT', [-0, 0.5, -0]);
    expect(r.ok && Object.is(r.value, 0) && r.exact === '0').toBe(true);
    expectNumber('OPERATINGPROFIT', [1, -0], '1');
  });

  it('ratio bounds 0 and 1 and date bounds 61 and 2958465 are inside', () => {
    expectNumber('CRISISPAYOUT', [10, 0, 1, 100], '10');
    expectNumber('CRISISPAYOUT', [10, 0, 0, 100], '0');
    expect(evaluate('CRISISWINDOW', [61, 62]).ok).toBe(true);
    expect(evaluate('CRISISWINDOW', [2958465, 2958465.5]).ok).toBe(true);
  });

  it('a blank required number is 0, then checked (0 is a valid amount)', () => {
    expectNumber('OPERATINGPROFIT', [100, null], '100');
    expectNumber('LOSTPROFIT', [null, 0.3], '0');
  });
});

describe('non-integer where a whole number is required (coerce rule, used by later sections)', () => {
  // No argument of sections 1–3 must be whole; the rule is checked on a spec of its own.
  const spec: NumberParam = { name: 'waiting_hours', kind: 'hours', min: 0, whole: true, label: { en: '', zh: '' }, description: { en: '', zh: '' } };
  it.each<[string, boolean]>([
    ['12', true],
    ['0', true],
    ['12.5', false],
    ['0.0001', false],
  ])('%s whole → %p', (x, accepted) => {
    let failure: unknown;
    try {
      checkNumber(new Dec(x), spec, spec.name, x);
    } catch (e) {
      failure = e;
    }
    if (accepted) expect(failure).toBeUndefined();
    else {
      expect(failure).toBeInstanceOf(InputFailure);
      expect((failure as InputFailure).key).toBe('notWhole');
      expect((failure as InputFailure).argument).toBe('waiting_hours');
      const m = formatMessage('notWhole', { ...(failure as InputFailure).params, fn: 'CYBER.X' }, { name: 'waiting_hours', zh: '等待期' });
      expect(m.en).toBe(`CYBER.X: waiting_hours must be a whole number, but it is ${x}.`);
      expect(m.zh).toContain('waiting_hours（等待期）');
    }
  });

  it('the sign rule comes before the whole-number rule', () => {
    expect(() => checkNumber(new Dec('-1.5'), spec, spec.name, '-1.5')).toThrow('negative');
  });
});

describe('booleans (TRUE/FALSE, 1/0, "true"/"false", "yes"/"no", "y"/"n", "是"/"否")', () => {
  // PROFITRATE(12M, 10.5M, 3M, 2.4M, profit_insured): TRUE → 3.9M / 12M = 0.325; FALSE → 2.4M / 12M = 0.2.
  const base = [12000000, 10500000, 3000000, 2400000];
  it.each<[RawArgument]>([[true], [1], ['true'], ['TRUE'], ['True'], [' true '], ['yes'], ['YES'], ['Yes'], [' y'], ['Y'], ['是'], [' 是 '], ['\t是\n']])(
    'profit_insured %p is TRUE',
    (v) => expectNumber('PROFITRATE', [...base, v], '0.325'),
  );
  it.each<[RawArgument]>([[false], [0], ['false'], ['FALSE'], ['False '], ['no'], ['NO'], ['No'], ['n'], ['N'], ['否'], [' 否']])(
    'profit_insured %p is FALSE',
    (v) => expectNumber('PROFITRATE', [...base, v], '0.2'),
  );
  it.each<[string, RawArgument[]]>([
    ['omitted', base],
    ['blank', [...base, null]],
    ['""', [...base, '']],
  ])('profit_insured %s takes the default TRUE', (_label, args) => expectNumber('PROFITRATE', args, '0.325'));

  describe.each(BOOLEANS)('%s argument %i', (fn, index, p) => {
    it.each<[RawArgument]>([['maybe'], ['1'], ['0'], ['t'], ['f'], ['真'], ['假'], ['  '], [2], [-1], [0.5], [NaN], [Infinity]])(
      `${p.name}: %p → #VALUE! notABoolean`,
      (v) => {
        expectError(fn, withArg(fn, index, v), { code: '#VALUE!', argument: p.name, rule: 'notABoolean' });
      },
    );
    it(`${p.name}: a range → #VALUE! notSingleValue`, () => {
      expectError(fn, withArg(fn, index, [[true, false]]), { code: '#VALUE!', argument: p.name, rule: 'notSingleValue' });
    });
  });

  it('INSUREDRATIO reads booleans the same way', () => {
    // FALSE: T = 2.4M; 2.4M / 4.5M = 8/15.
    for (const v of [false, 0, 'no', 'N', '否']) expectNumber('INSUREDRATIO', [...base, v], '0.5333333333333333333333333333333333333333');
  });
});

describe('optional arguments: omitted, blank and "" all take the default', () => {
  const OPTIONAL = PARAMS.filter(([, , p]) => p.optional);
  it('sections 1–3 have the optional arguments of the catalogue', () => {
    expect(OPTIONAL.map(([fn, , p]) => `${fn}.${p.name}=${'default' in p ? String(p.default) : 'none'}`)).toEqual([
      'PROFITRATE.profit_insured=true',
      'INSUREDRATIO.profit_insured=true',
      'STANDARDREVENUE.trend=0',
      'ANNUALREVENUE.trend=0',
      'LOSTPROFIT.saved_costs=0',
      'BIPAYOUT.annual_revenue=none',
      'BIPAYOUT.profit_rate=none',
      'BIPAYOUT.insured_ratio=none',
      'BIPAYOUT.paid_to_date=0',
      'RECOVERYRATIO.agreed_days=none', // v2: CPIC 第四十四条 28
      'CONTINUATIONPAYOUT.paid_to_date=0',
      'CRISISPAYOUT.paid_to_date=0',
      'CRISISWINDOW.days=180',
    ]);
  });

  it.each(OPTIONAL.filter(([, , p]) => 'default' in p && p.default !== undefined))('%s argument %i', (fn, index, p) => {
    const explicit = evaluate(fn, withArg(fn, index, (p as { default: number | boolean }).default));
    expect(explicit.ok).toBe(true);
    expect(evaluate(fn, withArg(fn, index, null))).toEqual(explicit);
    expect(evaluate(fn, withArg(fn, index, ''))).toEqual(explicit);
    if (index === VALID[fn].length - 1) expect(evaluate(fn, VALID[fn].slice(0, index))).toEqual(explicit);
  });
});

describe('tables', () => {
  describe.each(TABLES)('%s argument %i', (fn, index, p) => {
    it.each<[string, RawArgument, string]>([
      ['a number', 5, 'tableWidth'],
      ['a text', 'history', 'tableWidth'],
      ['TRUE', true, 'tableWidth'],
      ['omitted', null, 'tableWidth'],
      ['empty', [], 'tableWidth'],
      ['three columns', [[1000, 1, 1], [2000, 1, 1]], 'tableWidth'],
      ['a row', [[1000, 1, 2000, 1]], 'tableWidth'],
      ['NaN in a cell', [[1000, NaN], [2000, 1]], 'tableCellNotNumber'],
      ['Infinity in a cell', [[1000, 0.5], [2000, Infinity]], 'tableCellNotNumber'],
      ['TRUE in a cell', [[1000, 0.5], [true, 1]], 'tableCellNotNumber'],
      ['text in row 2', [[1000, 0.5], [2000, 'x']], 'tableCellNotNumber'],
      ['negative in a cell', [[1000, 0.5], [2000, -1]], 'tableCellRule'],
    ])(`${p.name}: %s → #VALUE!`, (_label, value, rule) => {
      expectError(fn, withArg(fn, index, value), { code: '#VALUE!', argument: p.name, rule });
    });
  });

  it('ragged rows: a missing cell is blank (0)', () => {
    expectNumber('RECOVERYRATIO', [45, [[30, 0.5], [60]]], '0'); // row 2's ratio is blank = 0
    // From 2024-03-01: 306 days of the first period at 10,000 a day; the second period's revenue is blank.
    expectNumber('ANNUALREVENUE', [[[serial(2024, 1, 1), 3660000], [serial(2025, 1, 1)]], serial(2025, 3, 1)], '3060000');
  });
});

describe('error values passed in propagate unchanged', () => {
  const ERR = { error: '#N/A' as const, message: 'Lookup in Sheet2!B4 found nothing' };
  describe.each(PARAMS)('%s argument %i', (fn, index, p) => {
    it(`${p.name}: as the argument`, () => {
      const r = evaluate(fn, withArg(fn, index, ERR));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toEqual({ code: '#N/A', rule: 'propagated', message: { en: ERR.message, zh: ERR.message } });
    });
    it(`${p.name}: inside a 1×1 range, with no message`, () => {
      const r = evaluate(fn, withArg(fn, index, [[{ error: '#DIV/0!' }]]));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toEqual({ code: '#DIV/0!', rule: 'propagated', message: { en: '#DIV/0!', zh: '#DIV/0!' } });
    });
  });

  it('an error inside a table cell propagates', () => {
    const r = evaluate('ANNUALREVENUE', [[[serial(2024, 1, 1), 1], [serial(2025, 1, 1), { error: '#REF!', message: 'gone' }]], serial(2025, 3, 1)]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ code: '#REF!', rule: 'propagated', message: { en: 'gone', zh: 'gone' } });
  });

  it('the first error in argument order wins, before any rule is checked', () => {
    const r = evaluate('LOSTPROFIT', ['not a number', { error: '#NUM!', message: 'first' }, { error: '#N/A', message: 'second' }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.code, r.error.message.en]).toEqual(['#NUM!', 'first']);
  });

  it('an empty message is replaced by the code, so every error has a message (HyperFormula errors carry "")', () => {
    const r = evaluate('LOSTPROFIT', [{ error: '#VALUE!', message: '' }, 0.3]);
    expect(!r.ok && r.error).toEqual({ code: '#VALUE!', rule: 'propagated', message: { en: '#VALUE!', zh: '#VALUE!' } });
  });

  it.each(KNOWN_CODES)('code %s is kept', (code) => {
    const r = evaluate('OPERATINGPROFIT', [{ error: code }, 1]);
    expect(!r.ok && r.error.code).toBe(code);
  });
});

describe('#NUM!: a result too large for a double', () => {
  it.each<[string, RawArgument[]]>([
    // January 2024 whole (3.1e307) × (1 + 1e300).
    ['STANDARDREVENUE with a huge trend', [[[serial(2024, 1, 1), 3.1e307], [serial(2024, 2, 1), 0]], serial(2025, 1, 1), 31, 1e300]],
    ['ANNUALREVENUE summing two periods of 1e308', [[[serial(2024, 1, 1), 1e308], [serial(2024, 6, 1), 1e308], [serial(2024, 11, 1), 0]], serial(2025, 1, 1)]],
    ['ANNUALREVENUE with a huge trend', [YEARLY, serial(2025, 3, 1), 1e303]], // 3,650,000 × (1 + 1e303) ≈ 3.65e309
  ])('%s', (_label, args) => {
    const fn = _label.split(' ')[0];
    const r = expectError(fn, args, { code: '#NUM!', argument: undefined, rule: 'resultNotFinite' });
    expect(r.error.message.en).toContain('too large');
    expect(r.error.message.zh).toContain('过大');
  });

  it('the largest finite doubles still come back', () => {
    expectNumber('OPERATINGPROFIT', [Number.MAX_VALUE, 0], '1.7976931348623157e+308');
    const r = evaluate('LOSTPROFIT', [Number.MAX_VALUE, 1]);
    expect(r.ok && r.value).toBe(Number.MAX_VALUE);
  });

  it('a result below the smallest double becomes 0, never −0', () => {
    const r = evaluate('LOSTPROFIT', [5e-324, 0.1]);
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
    expect(r.ok && r.exact).toBe('5e-325');
  });
});

describe('message table (messages.ts)', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const keys = Object.keys(MESSAGES) as MessageKey[];

  it.each(keys)('%s: en and zh present, same placeholders, known code, names the function', (key) => {
    const m = MESSAGES[key];
    expect(m.en.trim().length).toBeGreaterThan(0);
    expect(m.zh.trim().length).toBeGreaterThan(0);
    expect(new Set(placeholders(m.zh))).toEqual(new Set(placeholders(m.en)));
    expect(KNOWN_CODES).toContain(m.code);
    expect(m.en).toContain('{fn}');
    expect(m.zh).toContain('{fn}');
    expect(m.zh).toMatch(/[\u4e00-\u9fff]/); // actually Chinese
  });

  it('every rule reported about an argument names it ({arg}) in both languages', () => {
    const withoutArgument = new Set(['resultNotFinite', 'tooManyArguments', 'internalError', 'unknownFunction']);
    for (const key of keys) {
      if (withoutArgument.has(key)) continue;
      expect([key, MESSAGES[key].en.includes('{arg}'), MESSAGES[key].zh.includes('{arg}')]).toEqual([key, true, true]);
    }
  });

  it('codes follow the catalogue: #DIV/0! for the zero denominator, #N/A for lookups, #NUM! for the limits', () => {
    expect(MESSAGES.insuredRatioZeroDenominator.code).toBe('#DIV/0!');
    expect(MESSAGES.historyNotCovering.code).toBe('#N/A');
    expect(MESSAGES.beyondLastBound.code).toBe('#N/A');
    expect(MESSAGES.resultNotFinite.code).toBe('#NUM!');
    expect(MESSAGES.seriesTooLong.code).toBe('#NUM!');
    expect(MESSAGES.unknownFunction.code).toBe('#NAME?');
  });

  it('formatMessage fills described values per language and shows the Chinese label', () => {
    const m = formatMessage('notANumber', { fn: 'CYBER.LOSTPROFIT', got: { en: 'the text "x"', zh: '文本“x”' } }, { name: 'profit_rate', zh: '利润率' });
    expect(m).toEqual({
      en: 'CYBER.LOSTPROFIT: profit_rate must be a number, but it is the text "x".',
      zh: 'CYBER.LOSTPROFIT：参数 profit_rate（利润率） 必须是数字，但输入的是 文本“x”。',
    });
  });

  it('every parameter of sections 1–3 has a Chinese label for messages', () => {
    for (const [, , p] of PARAMS) expect(p.label.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('catalogue examples in the specs', () => {
  /** Parses the numbers and {a,b;c,d} arrays of an example formula `=CYBER.NAME(...)`. */
  function parseExample(formula: string): { name: string; args: RawArgument[] } {
    const m = /^=CYBER\.([A-Z]+)\((.*)\)$/.exec(formula);
    if (!m) throw new Error(`unparsed example ${formula}`);
    const args: RawArgument[] = [];
    for (const part of m[2].match(/\s*\{[^}]*\}|[^,]+/g) ?? []) {
      const t = part.trim();
      if (t.startsWith('{')) args.push(t.slice(1, -1).split(';').map((row) => row.split(',').map(Number)));
      else args.push(Number(t));
    }
    return { name: m[1], args };
  }

  it.each(SECTIONS_1_3.map((f) => [f.name, f.example.formula, f.example.result]))('%s: %s = %s', (name, formula, result) => {
    const ex = parseExample(formula);
    expect(ex.name).toBe(name);
    const r = evaluate(ex.name, ex.args);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(String(r.exact).toUpperCase()).toBe(result.toUpperCase());
  });
});

describe('large ranges', () => {
  it('a 150,000-row history is read without exhausting the call stack', () => {
    // One row per day from 1901-01-01 (serial 367), revenue 1 per day; the 12 months before
    // 2300-01-01 hold 365 days (2299 is not a leap year).
    const rows: number[][] = [];
    for (let i = 0; i < 150000; i++) rows.push([367 + i, 1]);
    const r = evaluate('ANNUALREVENUE', [rows, 367 + 145000]);
    expect(r.ok).toBe(true);
    expect(r.ok && typeof r.value).toBe('number');
    expect(r.ok && (r.value as number) >= 365 && (r.value as number) <= 366).toBe(true);
  });
});
