/**
 * Shared helpers of the engine's test suites (src/engine/*.test.ts). Not part of the engine:
 * tsconfig.cli.json excludes __tests__, and nothing outside the tests imports this file.
 */
import { findFunction, evaluate, type Outcome } from '../evaluate';
import type { ErrorCode, RawArgument } from '../values';

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
