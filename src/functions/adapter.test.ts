/**
 * The Excel adapter: values reach the engine as the catalogue's conventions expect, results come
 * back as cell values, and every failure leaves as a CustomFunctions.Error with the right code and
 * a message in the user's language. CustomFunctions and Office are mocked as globals, the way the
 * shared runtime provides them.
 *
 * Excel shows an error's text only on #VALUE! and #N/A; for #DIV/0! and #NUM! the cell shows the
 * code alone, and the message reaches the user through the task pane's explain view (tested last).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CHINESE_LOCALES, HostlessFunctionError, invoke, loadStochasticFunctions, toRawArgument, userLanguage } from './adapter';
import { STOCHASTIC_CATALOGUE } from '../engine/catalogueStochastic';
import { CORE_CATALOGUE } from '../engine/catalogueCore';
import { CATALOGUE } from '../engine';
import * as functions from './functions';
import { MockCustomFunctionsError, MockErrorCode, setDisplayLanguage } from './testing/customFunctionsMock';
import { ExplainView } from '../taskpane/components/ExplainView';
import { explainCell } from '../taskpane/explain';
import type { CellValue } from '../taskpane/gateway';
import { type Compute, FakeGateway } from '../taskpane/testing/fakeGateway';


const globals = globalThis as Record<string, unknown>;

/** Runs `f`, which must throw a CustomFunctions.Error; returns its code and message. */
function excelError(f: () => unknown): { code: string; message?: string } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(MockCustomFunctionsError);
    const err = e as MockCustomFunctionsError;
    return { code: err.code, message: err.message };
  }
  throw new Error('expected a CustomFunctions.Error, but the function returned');
}

const HISTORY = [
  [45292, 1000000],
  [45323, 1160000],
  [45352, 1240000],
];

beforeEach(() => {
  globals.CustomFunctions = { Error: MockCustomFunctionsError, ErrorCode: MockErrorCode, associate: jest.fn() };
  setDisplayLanguage('en-US');
});

afterAll(() => {
  delete globals.CustomFunctions;
  delete globals.Office;
});

// Sections 10 and 11 load lazily on their first call (tested in 'catalogue sections 10 and 11,
// loaded on first call' with a fresh adapter); every other test here sees them loaded, as Excel
// does after that first call, so all results are synchronous.
beforeAll(() => loadStochasticFunctions());

describe('catalogue sections 10 and 11, loaded on first call', () => {
  type Adapter = typeof import('./adapter');

  test('the two lists are the catalogue, in order; the adapter knows which names load lazily', async () => {
    expect([...CORE_CATALOGUE, ...STOCHASTIC_CATALOGUE]).toEqual(CATALOGUE);
    expect(STOCHASTIC_CATALOGUE.map((f) => f.section).every((n) => n === 10 || n === 11)).toBe(true);
    expect(CORE_CATALOGUE.some((f) => f.section === 10 || f.section === 11)).toBe(false);
    // Every lazy function answers with a Promise on a fresh adapter, and no core function does.
    await jest.isolateModulesAsync(async () => {
      const fresh = require('./adapter') as Adapter;
      const waits = (name: string): boolean => {
        try {
          const r = fresh.invoke(name, []);
          if (!(r instanceof Promise)) return false;
          r.catch(() => undefined); // called without arguments: it rejects, which is not the point here
          return true;
        } catch {
          return false; // a core function called without arguments throws at once
        }
      };
      expect(CATALOGUE.filter((f) => waits(f.excelName ?? f.name)).map((f) => f.name)).toEqual(STOCHASTIC_CATALOGUE.map((f) => f.name));
    });
  });

  test('the first call returns a Promise of the same value; once loaded, calls are synchronous', async () => {
    await jest.isolateModulesAsync(async () => {
      const fresh = require('./adapter') as Adapter;
      const first = fresh.invoke('CDF', ['exponential(1000)', 1000]);
      expect(first).toBeInstanceOf(Promise);
      await expect(first).resolves.toBe(1 - Math.exp(-1));
      expect(fresh.invoke('CDF', ['exponential(1000)', 1000])).toBe(1 - Math.exp(-1));
      expect(fresh.invoke('CDF', ['exponential(1000)', 1000])).toBe(invoke('CDF', ['exponential(1000)', 1000]));
      // A core function never waits.
      expect(fresh.invoke('PROFITRATE', [12000000, 10500000, 3000000, 2400000])).toBe(0.325);
    });
  });

  test('a first call with bad input rejects with the same CustomFunctions.Error as a later one', async () => {
    await jest.isolateModulesAsync(async () => {
      const fresh = require('./adapter') as Adapter;
      const first = fresh.invoke('CDF', ['lognormal(12;2)', 1]);
      expect(first).toBeInstanceOf(Promise);
      const rejected = await (first as Promise<unknown>).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(rejected).toBeInstanceOf(MockCustomFunctionsError);
      expect(rejected).toEqual(excelError(() => invoke('CDF', ['lognormal(12;2)', 1])));
      expect((rejected as MockCustomFunctionsError).code).toBe('#VALUE!');
    });
  });

  test('a chunk that fails to load gives #VALUE! with the internal-error message, and the next call tries again', async () => {
    try {
      await jest.isolateModulesAsync(async () => {
        let fail = true;
        jest.doMock('../engine/catalogueStochastic', () => {
          if (fail) throw new Error('chunk 123 failed');
          return jest.requireActual('../engine/catalogueStochastic');
        });
        const fresh = require('./adapter') as Adapter;
        const rejected = await (fresh.invoke('CDF', ['exponential(1000)', 1000]) as Promise<unknown>).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(rejected).toBeInstanceOf(MockCustomFunctionsError);
        expect(rejected).toEqual(new MockCustomFunctionsError(MockErrorCode.invalidValue, 'CYBER.CDF: internal error (chunk 123 failed). Please report it with the inputs that caused it.'));
        fail = false;
        await expect(fresh.invoke('CDF', ['exponential(1000)', 1000])).resolves.toBe(1 - Math.exp(-1));
      });
    } finally {
      jest.dontMock('../engine/catalogueStochastic');
    }
  });
});

describe('values', () => {
  test('numbers, booleans and the catalogue examples come back unrounded', () => {
    expect(functions.OPERATINGPROFIT(12000000, 10500000)).toBe(1500000);
    expect(functions.PROFITRATE(12000000, 10500000, 3000000, 2400000)).toBe(0.325);
    expect(functions.INSUREDRATIO(12000000, 10500000, 3000000, 2400000)).toBeCloseTo(0.8666666666666667, 15);
    expect(functions.LOSTPROFIT(380000, 0.325, 20000)).toBe(103500);
    expect(functions.WAITINGMET(13, 12)).toBe(true);
    expect(functions.WAITINGMET(12, 12)).toBe(false);
    expect(functions.CRISISWINDOW(45658, 45659)).toBe(true);
  });

  test('exact decimal inside: 0.1 + 0.2 style drift does not reach the cell', () => {
    // revenue − expenses with binary-unfriendly fractions: exactly 0.3, not 0.30000000000000004.
    expect(functions.OPERATINGPROFIT(0.5, 0.2)).toBe(0.3);
    expect(functions.REVENUEREDUCTION(0.3, 0.1)).toBe(0.2);
  });

  test('a 2-D range reaches a table parameter as rows', () => {
    expect(functions.STANDARDREVENUE(HISTORY, 45689, 14)).toBe(560000);
    expect(functions.RECOVERYRATIO(45, [[30, 0.5], [60, 0.75], [90, 1]])).toBe(0.75);
  });

  test('a header row and blank cells ("" or null) in a range follow the catalogue conventions', () => {
    const withHeader = [['start', 'revenue'], ...HISTORY, ['', null]];
    expect(functions.STANDARDREVENUE(withHeader, 45689, 14)).toBe(560000);
  });

  test('omitted optionals (null, undefined or "") take their defaults', () => {
    expect(functions.PROFITRATE(12000000, 10500000, 3000000, 2400000, null)).toBe(0.325);
    expect(functions.PROFITRATE(12000000, 10500000, 3000000, 2400000, undefined)).toBe(0.325);
    expect(functions.PROFITRATE(12000000, 10500000, 3000000, 2400000, '')).toBe(0.325);
    expect(functions.PROFITRATE(12000000, 10500000, 3000000, 2400000, false)).toBe(0.2);
    expect(functions.PROFITRATE(12000000, 10500000, 3000000, 2400000, 'no')).toBe(0.2);
    expect(functions.CRISISWINDOW(45658, 45658 + 181, null)).toBe(false);
    expect(functions.CRISISWINDOW(45658, 45658 + 181, 181)).toBe(true);
  });

  test('Excel cannot tell an empty argument from a blank cell: both are blank (a required amount counts as 0)', () => {
    // =CYBER.REVENUEREDUCTION(500,) and =CYBER.REVENUEREDUCTION(500,A1) with A1 blank both call
    // the function with null (older desktop builds pass the blank cell as 0: the same result).
    expect(functions.REVENUEREDUCTION(500, null)).toBe(500);
    expect(functions.REVENUEREDUCTION(500, undefined)).toBe(500);
    expect(functions.REVENUEREDUCTION(500, 0)).toBe(500);
    // A required text has no such reading: blank is #VALUE!, and the message says "blank", never
    // "missing from the call", which this host cannot know.
    expect(excelError(() => functions.NOTICEBY(null, 45800, 46022))).toEqual({ code: '#VALUE!', message: 'CYBER.NOTICEBY: kind is required, but it is blank.' });
    expect(excelError(() => functions.NOTICEBY(undefined, 45800, 46022)).message).toBe('CYBER.NOTICEBY: kind is required, but it is blank.');
  });

  test('toRawArgument maps Excel values to engine values', () => {
    expect(toRawArgument(undefined)).toBeNull();
    expect(toRawArgument(null)).toBeNull();
    expect(toRawArgument([[1, null, undefined, 'x', true]])).toEqual([[1, null, null, 'x', true]]);
    expect(toRawArgument(new MockCustomFunctionsError(MockErrorCode.notAvailable, 'gone'))).toEqual({ error: '#N/A', message: 'gone' });
    expect(toRawArgument({ type: 'Error', basicValue: '#DIV/0!' })).toEqual({ error: '#DIV/0!' });
    expect(toRawArgument({ type: 'Double', basicValue: 42 })).toBe(42);
    expect(toRawArgument([1, 2])).toEqual([[1], [2]]);
  });
});

describe('engine errors → CustomFunctions.Error', () => {
  test('#VALUE! with the rule broken, in English', () => {
    expect(excelError(() => functions.OPERATINGPROFIT(-5, 0))).toEqual({
      code: '#VALUE!',
      message: 'CYBER.OPERATINGPROFIT: revenue must be greater than 0, but it is -5.',
    });
    expect(excelError(() => functions.LOSTPROFIT(100, 1.5))).toEqual({
      code: '#VALUE!',
      message: 'CYBER.LOSTPROFIT: profit_rate is a fraction and must lie between 0 and 1 (25% is 0.25), but it is 1.5.',
    });
    expect(excelError(() => functions.REVENUEREDUCTION('abc', 1))).toEqual({
      code: '#VALUE!',
      message: 'CYBER.REVENUEREDUCTION: standard_revenue must be a number, but it is the text "abc".',
    });
  });

  test('#VALUE! in Simplified Chinese when Office displays Chinese', () => {
    setDisplayLanguage('zh-CN');
    expect(excelError(() => functions.OPERATINGPROFIT(-5, 0))).toEqual({
      code: '#VALUE!',
      message: 'CYBER.OPERATINGPROFIT：参数 revenue（经营性收益） 必须大于 0，但输入的是 -5。',
    });
    expect(excelError(() => functions.REVENUEREDUCTION('abc', 1))).toEqual({
      code: '#VALUE!',
      message: 'CYBER.REVENUEREDUCTION：参数 standard_revenue（标准经营性收益） 必须是数字，但输入的是 文本“abc”。',
    });
  });

  // #DIV/0! and #NUM! carry their message too, though Excel shows only the code in the cell: the
  // task pane's explain view shows the text (see the last describe block).
  test('#DIV/0! when the insured ratio has a zero denominator (第四十四条 33), its message carried for the explain view', () => {
    const err = excelError(() => functions.INSUREDRATIO(100, 100, 0, 0));
    expect(err.code).toBe('#DIV/0!');
    expect(err.message).toContain('operating profit + maintenance, which is 0');
    setDisplayLanguage('zh-CN');
    expect(excelError(() => functions.INSUREDRATIO(100, 100, 0, 0)).message).toContain('投保比率的分母');
  });

  test('#N/A when a lookup finds nothing, message in both languages', () => {
    expect(excelError(() => functions.RECOVERYRATIO(100, [[30, 0.5], [60, 1]]))).toEqual({
      code: '#N/A',
      message: 'CYBER.RECOVERYRATIO: recovery_days is 100 days, beyond the last bound of the recovery table (60 days).',
    });
    setDisplayLanguage('zh-TW');
    expect(excelError(() => functions.RECOVERYRATIO(100, [[30, 0.5], [60, 1]]))).toEqual({
      code: '#N/A',
      message: 'CYBER.RECOVERYRATIO：参数 recovery_days（恢复期间天数） 为 100 天，超过了恢复期间比例表的最后一个上限（60 天）。',
    });
  });

  test('#NUM! when the exact result does not fit a cell, its message carried for the explain view', () => {
    const err = excelError(() => functions.ANNUALREVENUE([[45292, 1e308], [45658, 1e308]], 45839, 10));
    expect(err.code).toBe('#NUM!');
    expect(err.message).toMatch(/^CYBER\.ANNUALREVENUE: the result .* is too large to be stored in a cell\.$/);
  });

  test('an unknown function name (#NAME?, not a valid output code) becomes a described #VALUE!', () => {
    expect(excelError(() => invoke('NOSUCHFUNCTION', []))).toEqual({
      code: '#VALUE!',
      message: 'CYBER.NOSUCHFUNCTION is not a CYBER function.',
    });
  });

  test('error values in arguments propagate with their code and message', () => {
    const upstream = new MockCustomFunctionsError(MockErrorCode.notAvailable, 'no rate yet');
    expect(excelError(() => functions.LOSTPROFIT(100, upstream))).toEqual({ code: '#N/A', message: 'no rate yet' });
    expect(excelError(() => functions.STANDARDREVENUE([[45292, { type: 'Error', basicValue: '#DIV/0!' }]], 45689, 14)).code).toBe('#DIV/0!');
    expect(excelError(() => functions.OPERATINGPROFIT({ code: '#NULL!' }, 1)).code).toBe('#NULL!');
    // #REF! cannot be returned by a custom function: the closest output code is #VALUE!.
    expect(excelError(() => functions.OPERATINGPROFIT({ code: '#REF!' }, 1)).code).toBe('#VALUE!');
  });
});

describe('nothing but CustomFunctions.Error leaves the adapter', () => {
  const junk: unknown[] = [
    null,
    undefined,
    '',
    ' ',
    'text',
    '是',
    true,
    false,
    -1,
    0,
    1,
    0.5,
    1e308,
    -1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    {},
    { code: 42 },
    [],
    [[]],
    [[1, 'x'], [null]],
    [[1, 2, 3]],
    Symbol('s'),
    BigInt(7),
    () => 1,
    new Date(0),
  ];

  test('every function, fed every kind of junk, returns a cell value or throws CustomFunctions.Error', () => {
    let calls = 0;
    for (const [id, fn] of Object.entries(functions)) {
      const arity = (fn as (...a: unknown[]) => unknown).length;
      for (let k = 0; k < junk.length; k++) {
        const args = Array.from({ length: arity }, (_, i) => junk[(k + i * 7) % junk.length]);
        calls++;
        try {
          const value = (fn as (...a: unknown[]) => unknown)(...args);
          const ok =
            typeof value === 'boolean' ||
            typeof value === 'string' ||
            (typeof value === 'number' && Number.isFinite(value)) ||
            Array.isArray(value);
          if (!ok) throw new Error(`${id} returned ${String(value)}`);
        } catch (e) {
          if (!(e instanceof MockCustomFunctionsError)) throw new Error(`${id}(${args.map(String).join(', ')}) threw ${String(e)}`);
          expect(typeof e.message).toBe('string');
          expect(e.message).not.toBe('');
        }
      }
    }
    expect(calls).toBe(Object.keys(functions).length * junk.length);
  });

  test('an unexpected exception inside the engine becomes a described #VALUE!', () => {
    jest.isolateModules(() => {
      jest.doMock('../engine/evaluator', () => ({
        ...jest.requireActual('../engine/evaluator'),
        evaluateIn: () => {
          throw new TypeError('boom');
        },
      }));
      const isolated = require('./adapter') as typeof import('./adapter');
      expect(excelError(() => isolated.invoke('PROFITRATE', [1, 0, 0, 0]))).toEqual({
        code: '#VALUE!',
        message: 'CYBER.PROFITRATE: internal error (boom). Please report it with the inputs that caused it.',
      });
      setDisplayLanguage('zh-CN');
      expect(excelError(() => isolated.invoke('PROFITRATE', [1, 0, 0, 0])).message).toBe('CYBER.PROFITRATE：内部错误（boom）。请连同导致错误的输入一并报告。');
    });
  });

  test('outside Excel (no CustomFunctions runtime) the error still carries code and message', () => {
    delete globals.CustomFunctions;
    try {
      functions.OPERATINGPROFIT(-5, 0);
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(HostlessFunctionError);
      expect((e as HostlessFunctionError).code).toBe('#VALUE!');
      expect((e as HostlessFunctionError).message).toBe('CYBER.OPERATINGPROFIT: revenue must be greater than 0, but it is -5.');
    }
  });
});

describe('userLanguage', () => {
  test('Chinese for every Chinese locale the manifest localizes, as Office reports them', () => {
    // The manifest serves the Simplified Chinese descriptions to each of these (test/manifest.test.ts):
    // the messages must be in the same language as the descriptions.
    expect(CHINESE_LOCALES).toEqual(expect.arrayContaining(['zh-cn', 'zh-tw', 'zh-hk', 'zh-sg']));
    for (const locale of CHINESE_LOCALES) {
      const office = locale.replace(/-(\w+)$/, (_m, region: string) => `-${region.toUpperCase()}`); // zh-HK
      setDisplayLanguage(office);
      expect([office, userLanguage()]).toEqual([office, 'zh']);
      setDisplayLanguage(locale);
      expect([locale, userLanguage()]).toEqual([locale, 'zh']);
    }
    setDisplayLanguage('zh-HK');
    expect(excelError(() => functions.OPERATINGPROFIT(-5, 0)).message).toBe('CYBER.OPERATINGPROFIT：参数 revenue（经营性收益） 必须大于 0，但输入的是 -5。');
    setDisplayLanguage('zh-SG');
    expect(excelError(() => functions.OPERATINGPROFIT(-5, 0)).message).toMatch(/^CYBER\.OPERATINGPROFIT：参数 revenue（经营性收益）/);
  });

  test('Chinese for any zh display language, English otherwise or without Office', () => {
    setDisplayLanguage('zh-CN');
    expect(userLanguage()).toBe('zh');
    setDisplayLanguage('ZH-tw');
    expect(userLanguage()).toBe('zh');
    setDisplayLanguage('en-GB');
    expect(userLanguage()).toBe('en');
    setDisplayLanguage('de-DE');
    expect(userLanguage()).toBe('en');
    setDisplayLanguage(undefined);
    expect(userLanguage()).toBe('en');
    globals.Office = {};
    expect(userLanguage()).toBe('en');
    globals.Office = {
      get context(): never {
        throw new Error('Office is not initialised');
      },
    };
    expect(userLanguage()).toBe('en');
  });
});

describe('codes whose text Excel does not show (#DIV/0!, #NUM!): the explain view gives the message', () => {
  /**
   * A workbook as Excel shows it: typed values as they are, and each formula cell holding only
   * the code of the error its custom function threw (Excel keeps the text on #VALUE! and #N/A only).
   */
  function excelShowing(cellCode: Record<string, string>): Compute {
    return (sheets) => {
      const out = new Map<string, Map<string, CellValue>>();
      for (const [name, cells] of sheets) {
        const values = new Map<string, CellValue>();
        for (const [a, input] of cells) {
          const shown: CellValue = input !== null && typeof input === 'object' ? { error: cellCode[`${name}!${a}`] as '#DIV/0!' } : input;
          values.set(a, shown);
        }
        out.set(name, values);
      }
      return out;
    };
  }

  test.each([
    ['#DIV/0!', '=CYBER.INSUREDRATIO(A1,A2,A3,A4)', () => functions.INSUREDRATIO(100, 100, 0, 0), /operating profit \+ maintenance, which is 0/, /投保比率的分母/],
    ['#NUM!', '=CYBER.ANNUALREVENUE(C1:D2,A5,A6)', () => functions.ANNUALREVENUE([[45292, 1e308], [45658, 1e308]], 45839, 10), /too large to be stored in a cell/, /过大/],
  ])('%s: the cell shows the code; the explain view shows the message in both languages', async (code, formula, call, en, zh) => {
    setDisplayLanguage('en-US');
    const thrown = excelError(call);
    expect(thrown.code).toBe(code);
    const g = new FakeGateway(excelShowing({ 'Claim!B1': thrown.code })).set('Claim', {
      A1: 100,
      A2: 100,
      A3: 0,
      A4: 0,
      A5: 45839,
      A6: 10,
      C1: 45292,
      D1: 1e308,
      C2: 45658,
      D2: 1e308,
      B1: { formula },
    });
    g.select('Claim!B1');
    const e = await explainCell(g, await g.getSelectedCell());
    if (e.kind !== 'cyber') throw new Error(`expected a CYBER call, got ${e.kind}`);
    expect(e.cell.value).toEqual({ error: code });
    const outcome = e.calls[0].outcome;
    if (outcome.ok) throw new Error('expected an error');
    expect(outcome.error.code).toBe(code);
    // The same text the adapter put in the CustomFunctions.Error, which Excel does not display.
    expect(outcome.error.message.en).toBe(thrown.message);
    expect(outcome.error.message.en).toMatch(en);
    expect(outcome.error.message.zh).toMatch(zh);
    const html = (language: 'en' | 'zh') => renderToStaticMarkup(createElement(ExplainView, { explanation: e, language }));
    expect(html('en')).toContain(outcome.error.message.en.replace(/'/g, '&#x27;'));
    expect(html('zh')).toContain(outcome.error.message.zh);
  });
});
