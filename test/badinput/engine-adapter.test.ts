/**
 * The bad-input catalogue (cases.ts) in the engine and in the Excel adapter.
 *
 * Engine: each case's exact code, argument and rule; both messages name the function and the
 * argument (en: name, zh: name（中文）); errors passed in come out unchanged; results are finite.
 * Adapter (the generated functions.ts over adapter.ts, CustomFunctions and Office stubbed as in
 * src/functions/adapter.test.ts): the same outcome as a cell value, or a CustomFunctions.Error
 * with the same code and the engine's message in the display language (English and Chinese).
 */
import { CATALOGUE, evaluate, findFunction, isErrorValue, isRange, type RawArgument } from '../../src/engine';
import { loadStochasticFunctions } from '../../src/functions/adapter';
import * as functions from '../../src/functions/functions';
import { type BadCase, CASES, runsOn, VALID } from './cases';
import { allFinite, argumentInMessage, engineOutcome, type Lang } from './outcome';
import { MockCustomFunctionsError, MockErrorCode } from '../../src/functions/testing/customFunctionsMock';

// ---- engine ------------------------------------------------------------------------------------

describe('the case table', () => {
  it('has unique ids and covers every function of the catalogue', () => {
    const ids = CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(CASES.map((c) => c.fn))).toEqual(new Set(CATALOGUE.map((f) => f.name)));
  });

  it('names every argument of every function in at least one error case', () => {
    const named = new Set(CASES.flatMap((c) => (c.expect.kind === 'error' && c.expect.argument ? [`${c.fn}.${c.expect.argument}`] : [])));
    const all = CATALOGUE.flatMap((f) => f.params.map((p) => `${f.name}.${p.name}`));
    expect(all.filter((a) => !named.has(a))).toEqual([]);
  });

  it.each(Object.keys(VALID))('%s: the base call is valid and gives every argument', (fn) => {
    expect(VALID[fn]).toHaveLength(findFunction(fn)!.params.length);
    const r = evaluate(fn, VALID[fn]);
    expect(r.ok ? 'ok' : r.error.message.en).toBe('ok');
  });
});

const ENGINE_CASES = CASES.filter((c) => runsOn(c, 'engine'));
const FUNCTIONS = CATALOGUE.map((f) => f.name);

/** What the engine did, in the terms of the case's expectation (so a diff shows only mismatches). */
function engineReport(c: BadCase): unknown {
  const r = engineOutcome(c);
  const e = c.expect;
  if (r.ok && !allFinite(r.value)) return { id: c.id, notFinite: r.value };
  switch (e.kind) {
    case 'error': {
      if (r.ok) return { id: c.id, value: r.value };
      const fn = `CYBER.${c.fn}`;
      const { en, zh } = r.error.message;
      return {
        id: c.id,
        code: r.error.code,
        argument: r.error.argument,
        rule: r.error.rule,
        // Both languages name the function and the argument (zh: name（中文）); no placeholder is left.
        namesFunction: en.startsWith(fn) && zh.startsWith(fn),
        namesArgument: e.argument === undefined || (en.includes(argumentInMessage(c.fn, e.argument, 'en')) && zh.includes(argumentInMessage(c.fn, e.argument, 'zh'))),
        clean: !/\{\w+\}|undefined/.test(en + zh),
      };
    }
    case 'propagated':
      return r.ok ? { id: c.id, value: r.value } : { id: c.id, code: r.error.code, rule: r.error.rule, en: r.error.message.en, zh: r.error.message.zh };
    case 'value':
      return r.ok ? { id: c.id, value: r.value } : { id: c.id, code: r.error.code, message: r.error.message.en };
    case 'same':
      return { id: c.id, outcome: strip(r) };
  }
}

/** What the case table says the engine must do. */
function expectedReport(c: BadCase): unknown {
  const e = c.expect;
  switch (e.kind) {
    case 'error':
      return { id: c.id, code: e.code, argument: e.argument, rule: e.rule, namesFunction: true, namesArgument: true, clean: true };
    case 'propagated': {
      const input = firstError(c.args);
      return { id: c.id, code: e.code, rule: 'propagated', en: input?.message, zh: input?.message };
    }
    case 'value':
      return { id: c.id, value: e.value };
    case 'same':
      return { id: c.id, outcome: strip(evaluate(c.fn, e.args)) };
  }
}

describe('engine', () => {
  it.each(FUNCTIONS)('CYBER.%s: every case gives its exact code, argument and rule, or its exact value', (fn) => {
    const cases = ENGINE_CASES.filter((c) => c.fn === fn);
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(cases.map(engineReport)).toEqual(cases.map(expectedReport));
  });
});

function strip(o: ReturnType<typeof evaluate>): unknown {
  return o.ok ? { value: o.value, exact: o.exact } : { code: o.error.code, argument: o.error.argument, rule: o.error.rule };
}

function firstError(args: readonly RawArgument[]): { error: string; message?: string } | undefined {
  for (const a of args) {
    const cells = Array.isArray(a) ? a.flat() : [a];
    for (const v of cells) if (typeof v === 'object' && v !== null && 'error' in v) return v;
  }
  return undefined;
}

// ---- the Excel adapter ---------------------------------------------------------------------------


const globals = globalThis as Record<string, unknown>;

beforeAll(async () => {
  globals.CustomFunctions = { Error: MockCustomFunctionsError, ErrorCode: MockErrorCode, associate: jest.fn() };
  // Sections 10 and 11 answer their first call with a Promise while their chunk loads
  // (src/functions/adapter.ts); loaded first, every call here is synchronous with the same result.
  await loadStochasticFunctions();
});
afterAll(() => {
  delete globals.CustomFunctions;
  delete globals.Office;
});

/** A host-neutral argument as Excel hands it: an error from another cell is a CustomFunctions.Error. */
function toExcel(v: RawArgument): unknown {
  if (isRange(v)) return v.map((row) => (row.some(isErrorValue) ? row.map((x) => toExcel(x)) : row));
  if (isErrorValue(v)) return new MockCustomFunctionsError(v.error as MockErrorCode, v.message);
  return v;
}

type Call = (...args: unknown[]) => unknown;

/** Calls the generated custom function; returns its value or the CustomFunctions.Error it threw. */
function callExcel(c: BadCase): { value: unknown } | { code: string; message?: string } {
  // Excel registers FX as FXRATE (its ids need three characters): call what Excel calls.
  const f = (functions as unknown as Record<string, Call>)[findFunction(c.fn)?.excelName ?? c.fn];
  try {
    const value = f(...c.args.map(toExcel));
    if (value instanceof Promise) throw new Error(`CYBER.${c.fn} returned a Promise: its chunk was not loaded first`);
    return { value };
  } catch (e) {
    // Anything but a CustomFunctions.Error escaping the adapter is a defect (a bare #VALUE! in Excel).
    if (!(e instanceof MockCustomFunctionsError)) throw new Error(`the adapter threw ${String(e)}`);
    return { code: e.code, message: e.message };
  }
}

const ADAPTER_CASES = CASES.filter((c) => runsOn(c, 'adapter'));

/** What Excel must show: the engine's value, or its error code with the message in `lang`. */
function excelExpected(c: BadCase, lang: Lang): unknown {
  const r = engineOutcome(c, lang); // SIMULATE's labels are in the user's language too
  if (r.ok) return { id: c.id, value: r.value };
  // The engine's codes all have a custom-function counterpart of the same text (#REF! and #NAME?
  // never arise here); an error passed in keeps its own message.
  const message = r.error.rule === 'propagated' ? firstError(c.args)?.message : r.error.message[lang];
  return { id: c.id, code: r.error.code, message };
}

describe.each<[Lang, string]>([
  ['en', 'en-US'],
  ['zh', 'zh-CN'],
])('Excel adapter, messages in %s (Office.context.displayLanguage %s)', (lang, displayLanguage) => {
  beforeAll(() => {
    globals.Office = { context: { displayLanguage } };
  });

  it.each(FUNCTIONS)('CYBER.%s: the engine\'s outcome as a cell value or a CustomFunctions.Error', (fn) => {
    const cases = ADAPTER_CASES.filter((c) => c.fn === fn);
    const got = cases.map((c) => ({ id: c.id, ...callExcel(c) }));
    expect(got).toEqual(cases.map((c) => excelExpected(c, lang)));
    // The message names the argument in the user's language.
    cases.forEach((c, k) => {
      if (c.expect.kind !== 'error' || c.expect.argument === undefined) return;
      const message = (got[k] as { message?: string }).message;
      expect([c.id, message?.includes(argumentInMessage(c.fn, c.expect.argument, lang))]).toEqual([c.id, true]);
    });
  });
});
