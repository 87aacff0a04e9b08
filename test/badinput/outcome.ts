/**
 * What every host must show for a case of the bad-input catalogue: the engine's outcome (which
 * engine-adapter.test.ts checks against each case's expectation) in the host's terms.
 */
import { evaluate, findFunction, type Outcome, type ResultValue } from '../../src/engine';
import type { BadCase } from './cases';

export type Lang = 'en' | 'zh';

export type Shown =
  | { readonly kind: 'value'; readonly value: ResultValue }
  | { readonly kind: 'error'; readonly code: string; readonly message: string; readonly argument: string | undefined }
  /** The input error, unchanged: the host compares with the cell the error came from. */
  | { readonly kind: 'propagated'; readonly code: string };

/** The engine's outcome for a case (for 'same' cases: identical to the equivalent call's). */
export function engineOutcome(c: BadCase, lang: Lang = 'en'): Outcome {
  // The language also reaches results that hold words (CYBER.SIMULATE's labels, catalogue §11).
  return evaluate(c.fn, c.args, { language: lang });
}

export function expectedShown(c: BadCase, lang: Lang): Shown {
  const o = engineOutcome(c, lang);
  if (o.ok) return { kind: 'value', value: o.value };
  if (o.error.rule === 'propagated') return { kind: 'propagated', code: o.error.code };
  return { kind: 'error', code: o.error.code, message: o.error.message[lang], argument: o.error.argument };
}

/** How an argument is named in a message: `name` in English, `name（中文）` in Chinese. */
export function argumentInMessage(fn: string, argument: string, lang: Lang): string {
  if (lang === 'en') return argument;
  const p = findFunction(fn)?.params.find((x) => x.name === argument);
  if (!p) throw new Error(`CYBER.${fn} has no argument ${argument}`);
  return `${argument}（${p.label.zh}）`;
}

/** Every number in a value is finite (never Infinity or NaN) and never −0. */
export function allFinite(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(allFinite);
  return true;
}
