/**
 * Shared helpers of the engine's test suites (src/engine/*.test.ts). Not part of the engine:
 * tsconfig.cli.json excludes __tests__, and nothing outside the tests imports this file.
 */
import { findFunction, evaluate, type Outcome } from '../evaluate';
import type { CellValue, ErrorCode, RawArgument } from '../values';

/**
 * Excel 1900-system serial of a calendar date, computed independently of the engine's calendar:
 * days since 1899-12-30 (valid from 1900-03-01, serial 61, on).
 */
export function serial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}

/** Evaluates with the trace on and requires success; returns value and exact result. */
export function ok(name: string, args: readonly RawArgument[]): { value: unknown; exact: unknown } {
  const r = evaluate(name, args, { trace: true });
  if (!r.ok) {
    throw new Error(`${name}(${JSON.stringify(args)}) failed: ${r.error.code} ${r.error.message.en}`);
  }
  return { value: r.value, exact: r.exact };
}

/** Asserts a numeric result: exact decimal string and the double it becomes. */
export function expectNumber(name: string, args: readonly RawArgument[], exact: string): void {
  const r = ok(name, args);
  expect(r.exact).toBe(exact);
  expect(r.value).toBe(Number(exact));
}

export function expectBoolean(name: string, args: readonly RawArgument[], expected: boolean): void {
  const r = ok(name, args);
  expect(r.value).toBe(expected);
  expect(r.exact).toBe(expected);
}

export interface ExpectedError {
  readonly code: ErrorCode;
  /** The catalogue argument named by the error; undefined when the rule names none. */
  readonly argument: string | undefined;
  readonly rule: string;
}

/**
 * Asserts a failure: code, argument and message key; and that both languages name the function
 * (CYBER.X) and, when there is one, the argument (the Chinese message shows it as name（中文）).
 */
export function expectError(name: string, args: readonly RawArgument[], expected: ExpectedError): Outcome & { ok: false } {
  const r = evaluate(name, args, { trace: true });
  if (r.ok) throw new Error(`${name}(${JSON.stringify(args)}) succeeded with ${JSON.stringify(r.value)}; expected ${expected.code}`);
  expect({ code: r.error.code, argument: r.error.argument, rule: r.error.rule }).toEqual({
    code: expected.code,
    argument: expected.argument,
    rule: expected.rule,
  });
  const fn = `CYBER.${findFunction(name)?.name ?? name}`;
  expect(r.error.message.en).toContain(fn);
  expect(r.error.message.zh).toContain(fn);
  if (expected.argument !== undefined) {
    const spec = findFunction(name)?.params.find((p) => p.name === expected.argument);
    expect(spec).toBeDefined();
    expect(r.error.message.en).toContain(expected.argument);
    expect(r.error.message.zh).toContain(`${expected.argument}（${spec?.label.zh}）`);
  }
  // No placeholder may survive into a message the user reads.
  expect(r.error.message.en).not.toMatch(/\{\w+\}/);
  expect(r.error.message.zh).not.toMatch(/\{\w+\}/);
  return r as Outcome & { ok: false };
}

export const KNOWN_CODES: readonly ErrorCode[] = ['#VALUE!', '#DIV/0!', '#NUM!', '#N/A', '#REF!', '#NAME?', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'];

/**
 * Excel's EDATE on a serial, computed independently of the engine with JavaScript's UTC calendar:
 * same day of month `months` away, clamped to the month's end; the time of day is kept. Exact
 * for serials whose fraction is a multiple of 1/4 (the property tests use only those).
 */
export function edateSerial(s: number, months: number): number {
  const whole = Math.floor(s);
  const fraction = s - whole;
  const d = new Date((whole - 25569) * 86400000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return Date.UTC(y, m, day) / 86400000 + 25569 + fraction;
}

// ---- sections 4–7: ranges, spilled results, argument conventions driven by the specs ----------

/** A column range {a;b;c} of the given cells. */
export function col(values: readonly CellValue[]): CellValue[][] {
  return values.map((v) => [v]);
}

/** A row range {a,b,c} of the given cells. */
export function row(values: readonly CellValue[]): CellValue[][] {
  return [[...values]];
}

/** `n` copies of `value` (an hourly series built from runs). */
export function repeat(value: CellValue, n: number): CellValue[] {
  return new Array<CellValue>(n).fill(value);
}

/** Asserts a spilled result: the exact 2-D array (decimal strings, texts) and the values it becomes. */
export function expectArray(name: string, args: readonly RawArgument[], exact: ReadonlyArray<ReadonlyArray<string>>): void {
  const r = ok(name, args);
  expect(r.exact).toEqual(exact);
  // Texts ("payable", "") stay texts; decimal strings become the double they denote.
  const isNumber = (s: string) => s !== '' && s !== 'payable' && !Number.isNaN(Number(s));
  expect(r.value).toEqual(exact.map((line) => line.map((s) => (isNumber(s) ? Number(s) : s))));
}

/** Asserts a one-column spilled result (ALLOCATE, POOLSHARE). */
export function expectColumn(name: string, args: readonly RawArgument[], exact: readonly string[]): void {
  expectArray(name, args, exact.map((s) => [s]));
}

/** Asserts a text result ("automatic", "unlimited", ...). */
export function expectText(name: string, args: readonly RawArgument[], expected: string): void {
  const r = ok(name, args);
  expect(r.value).toBe(expected);
  expect(r.exact).toBe(expected);
}

function outcomeOf(name: string, args: readonly RawArgument[]): unknown {
  const r = evaluate(name, args);
  return r.ok ? { value: r.value, exact: r.exact } : { code: r.error.code, rule: r.error.rule, argument: r.error.argument };
}

/**
 * The catalogue's conventions checked on every argument of the functions in `valid` (a valid call
 * of each function with every argument given), driven by the parameter specs: the fixture is
 * valid; one argument too many is #VALUE!; a required argument left out is reported by name;
 * optional arguments omitted, blank or "" take the default; error values propagate; every number
 * rejects text, ranges and its bounds (negative amounts and hours, ratios outside [0, 1], dates
 * outside the calendar, fractional whole hours); series reject text and 2-D ranges; tables
 * reject a wrong width; options reject unknown text; booleans reject other values.
 */
export function argumentConventions(valid: Readonly<Record<string, RawArgument[]>>): void {
  describe.each(Object.keys(valid))('%s: argument conventions', (fn) => {
    const spec = findFunction(fn);
    if (!spec) throw new Error(`no function ${fn}`);
    const fixture = valid[fn];
    const withArg = (i: number, v: RawArgument): RawArgument[] => fixture.map((a, j) => (j === i ? v : a));

    it('the fixture is valid and gives every argument', () => {
      expect(fixture).toHaveLength(spec.params.length);
      const r = evaluate(fn, fixture);
      if (!r.ok) throw new Error(r.error.message.en);
    });

    it('one argument too many is #VALUE! (tooManyArguments); trailing blanks are ignored', () => {
      expectError(fn, [...fixture, 1], { code: '#VALUE!', argument: undefined, rule: 'tooManyArguments' });
      expect(outcomeOf(fn, [...fixture, null, ''])).toEqual(outcomeOf(fn, fixture));
    });

    it.each(spec.params.map((p, i) => [p.name, i] as const))('%s: an error value passed in propagates unchanged', (_n, i) => {
      const r = evaluate(fn, withArg(i, { error: '#REF!', message: 'upstream' }));
      expect(r.ok ? 'ok' : [r.error.code, r.error.rule, r.error.message.en]).toEqual(['#REF!', 'propagated', 'upstream']);
    });

    const required = spec.params.map((p, i) => [p.name, i, p] as const).filter(([, , p]) => !p.optional);
    if (required.length) {
      it.each(required)('%s: left out of the call → #VALUE! requiredMissing', (name, i) => {
        expectError(fn, fixture.slice(0, i), { code: '#VALUE!', argument: name, rule: 'requiredMissing' });
      });
    }

    const optional = spec.params.map((p, i) => [p.name, i, p] as const).filter(([, , p]) => p.optional);
    if (optional.length) {
      it.each(optional)('%s: blank and "" take the default (and omitted, when last)', (_n, i, p) => {
        const blank = outcomeOf(fn, withArg(i, null));
        expect(outcomeOf(fn, withArg(i, ''))).toEqual(blank);
        if (i === fixture.length - 1) expect(outcomeOf(fn, fixture.slice(0, i))).toEqual(blank);
        const dflt = (p as { default?: number | string | boolean }).default;
        if (dflt !== undefined) expect(outcomeOf(fn, withArg(i, dflt))).toEqual(blank);
      });
    }

    for (const [i, p] of spec.params.entries()) {
      switch (p.kind) {
        case 'amount':
        case 'hours':
        case 'days':
        case 'number':
          it(`${p.name}: text, a 2×2 range and a negative value are #VALUE!`, () => {
            expectError(fn, withArg(i, 'abc'), { code: '#VALUE!', argument: p.name, rule: 'notANumber' });
            expectError(fn, withArg(i, [[1, 2], [3, 4]]), { code: '#VALUE!', argument: p.name, rule: 'notSingleValue' });
            if (p.min === 0) expectError(fn, withArg(i, -1), { code: '#VALUE!', argument: p.name, rule: 'negative' });
            if (p.whole) expectError(fn, withArg(i, 1.5), { code: '#VALUE!', argument: p.name, rule: 'notWhole' });
          });
          break;
        case 'ratio':
          it(`${p.name}: outside [0, 1] is #VALUE! outsideUnitInterval`, () => {
            expectError(fn, withArg(i, -0.01), { code: '#VALUE!', argument: p.name, rule: 'outsideUnitInterval' });
            expectError(fn, withArg(i, 1.01), { code: '#VALUE!', argument: p.name, rule: 'outsideUnitInterval' });
            expectError(fn, withArg(i, 'abc'), { code: '#VALUE!', argument: p.name, rule: 'notANumber' });
          });
          break;
        case 'date':
          it(`${p.name}: serials before 61 or after 2958465 are #VALUE! dateOutOfRange`, () => {
            expectError(fn, withArg(i, 60), { code: '#VALUE!', argument: p.name, rule: 'dateOutOfRange' });
            expectError(fn, withArg(i, 2958466), { code: '#VALUE!', argument: p.name, rule: 'dateOutOfRange' });
            expectError(fn, withArg(i, '2025-01-01'), { code: '#VALUE!', argument: p.name, rule: 'notANumber' });
          });
          break;
        case 'series':
          it(`${p.name}: a 2×2 range is #VALUE! notASeries; a wrong item is #VALUE!`, () => {
            expectError(fn, withArg(i, [[1, 0], [1, 0]]), { code: '#VALUE!', argument: p.name, rule: 'notASeries' });
            if (p.elements === 'boolean') {
              expectError(fn, withArg(i, [[true, true, 'maybe', true, true]]), { code: '#VALUE!', argument: p.name, rule: 'notABoolean' });
            } else {
              const r = expectError(fn, withArg(i, [[1], ['x'], [3]]), { code: '#VALUE!', argument: p.name, rule: 'textInSeries' });
              expect(r.error.message.en).toContain('item 2');
            }
          });
          break;
        case 'table':
          it(`${p.name}: a table of the wrong width is #VALUE! tableWidth`, () => {
            // One column more than the table has: wrong for every table (CYBER.FX's rates have 2).
            expectError(fn, withArg(i, [new Array<number>(p.columns.length + 1).fill(1)]), { code: '#VALUE!', argument: p.name, rule: 'tableWidth' });
          });
          break;
        case 'option':
          it(`${p.name}: unknown text is #VALUE! unknownOption naming every option`, () => {
            const r = expectError(fn, withArg(i, 'nonsense'), { code: '#VALUE!', argument: p.name, rule: 'unknownOption' });
            for (const o of p.options) expect(r.error.message.en).toContain(`"${o}"`);
            expectError(fn, withArg(i, 3), { code: '#VALUE!', argument: p.name, rule: 'unknownOption' });
          });
          break;
        case 'boolean':
          it(`${p.name}: a value that is not a boolean is #VALUE! notABoolean`, () => {
            expectError(fn, withArg(i, 'maybe'), { code: '#VALUE!', argument: p.name, rule: 'notABoolean' });
            expectError(fn, withArg(i, 2), { code: '#VALUE!', argument: p.name, rule: 'notABoolean' });
          });
          break;
        case 'text':
          it(`${p.name}: a boolean is #VALUE! notText`, () => {
            expectError(fn, withArg(i, true), { code: '#VALUE!', argument: p.name, rule: 'notText' });
          });
          break;
      }
    }

    it('every parameter has a Chinese label for messages', () => {
      for (const p of spec.params) expect(p.label.zh).toMatch(/[\u4e00-\u9fff]/);
    });
  });
}

/**
 * Parses a spec example `=CYBER.NAME(...)`: numbers, "texts", TRUE/FALSE and array constants
 * {a,b;c,d} whose items are numbers or "texts" ("" is a blank cell).
 */
export function parseExample(formula: string): { name: string; args: RawArgument[] } {
  const m = /^=CYBER\.([A-Z]+)\((.*)\)$/.exec(formula);
  if (!m) throw new Error(`unparsed example ${formula}`);
  const item = (t: string): CellValue => {
    const s = t.trim();
    if (s.startsWith('"')) return s.slice(1, -1) === '' ? null : s.slice(1, -1);
    if (/^(TRUE|FALSE)$/i.test(s)) return s.toUpperCase() === 'TRUE';
    const n = Number(s);
    if (s === '' || Number.isNaN(n)) throw new Error(`unparsed item ${s} in ${formula}`);
    return n;
  };
  const args: RawArgument[] = [];
  for (const part of m[2].match(/\s*\{[^}]*\}|\s*"[^"]*"|[^,]+/g) ?? []) {
    const t = part.trim();
    if (t.startsWith('{')) args.push(t.slice(1, -1).split(';').map((r) => r.split(',').map(item)));
    else args.push(item(t));
  }
  return { name: m[1], args };
}
