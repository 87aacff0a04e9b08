/**
 * Two tiers of failure (see STYLE.md): bad business input is a value, an {@link EngineError},
 * that every host maps to its own error cell; exceptions are reserved for programmer errors.
 *
 * Inside a function's implementation a rule violation is raised with {@link fail}, which throws
 * an {@link InputFailure}; the single entry point (`evaluate`) catches it and returns the error as
 * a value, so no caller of the engine ever sees an exception for bad input.
 */
import { formatMessage, MESSAGES, type MessageKey, type MessageParams, type MessageTemplate } from './messages';
import type { ErrorCode } from './values';

export interface EngineError {
  readonly code: ErrorCode;
  /** The catalogue name of the argument at fault, when one is. */
  readonly argument?: string;
  /** The message key in the message table (stable, for tests and tooling). */
  readonly rule: MessageKey | 'propagated';
  readonly message: { readonly en: string; readonly zh: string };
  /**
   * The values the message was filled with ({got}, {result}, … without {fn} and {arg}), so a host
   * that shows its cells' values differently from the engine can word the same rule again from
   * them (a 1904 workbook's date serials, src/sheet/dateSystem.ts) instead of editing the text.
   */
  readonly data?: MessageParams;
}

export class InputFailure extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
    readonly argument?: string,
  ) {
    super(key);
    this.name = 'InputFailure';
  }
}

/** Raises a rule violation for `argument` (a catalogue argument name, or undefined). */
export function fail(key: MessageKey, argument: string | undefined, params: MessageParams = {}): never {
  throw new InputFailure(key, params, argument);
}

/** The error of rule `key`; `template` words it other than MESSAGES[key] (same code and rule). */
export function makeError(
  key: MessageKey,
  fnName: string,
  argument: { name: string; zh: string } | undefined,
  params: MessageParams,
  template: MessageTemplate = MESSAGES[key],
): EngineError {
  return {
    code: MESSAGES[key].code,
    argument: argument?.name,
    rule: key,
    message: formatMessage(key, { ...params, fn: fnName }, argument, template),
    data: params,
  };
}
