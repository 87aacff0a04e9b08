/**
 * The evaluation of one call against a catalogue the caller chooses (evaluate.ts binds it to the
 * whole CATALOGUE). It imports no catalogue itself, so the Excel functions bundle can evaluate
 * catalogue sections 1–9 without bundling sections 10 and 11 (src/stochastic and @stdlib), which
 * it loads only when one of their functions is first called (src/functions/adapter.ts).
 */
import { coerceArgument, firstErrorValue, NO_VALUE, PropagatedError } from './coerce';
import { type Decimal, toFiniteNumber } from './decimal';
import { type EngineError, InputFailure, makeError } from './errors';
import type { MessageKey } from './messages';
import type { ArgValue, Args, ExactResult, FunctionDefinition, Table } from './specs';
import { NO_TRACE, TraceRecorder, type TraceStep } from './trace';
import type { ErrorValue, RawArgument, ResultScalar, ResultValue } from './values';

export type Outcome =
  | { readonly ok: true; readonly value: ResultValue; readonly exact: string | boolean | ReadonlyArray<ReadonlyArray<string | boolean>>; readonly trace: readonly TraceStep[] }
  | { readonly ok: false; readonly error: EngineError; readonly trace: readonly TraceStep[] };

export interface EvaluateOptions {
  /** Record the trace (default false: hot paths such as a 10,000-row sheet skip it). */
  readonly trace?: boolean;
  /** The user's language, for results that hold words (CYBER.SIMULATE's labels); default English. */
  readonly language?: 'en' | 'zh';
}

/** A lookup by catalogue name, with or without the CYBER. prefix, any case, over `catalogue`. */
export type FunctionFinder = (name: string) => FunctionDefinition | undefined;

export function functionFinder(catalogue: readonly FunctionDefinition[]): FunctionFinder {
  const byName = new Map<string, FunctionDefinition>([
    ...catalogue.map((f): [string, FunctionDefinition] => [f.name, f]),
    // The name Excel registers where the catalogue's is too short for it (FX → FXRATE).
    ...catalogue.filter((f) => f.excelName !== undefined).map((f): [string, FunctionDefinition] => [f.excelName!, f]),
  ]);
  return (name) => {
    // Hosts call with the catalogue name as it is (the sheet plugin, the add-in): one lookup.
    const exact = byName.get(name);
    if (exact) return exact;
    const upper = name.trim().toUpperCase();
    return byName.get(upper.startsWith('CYBER.') ? upper.slice(6) : upper);
  };
}

/**
 * What `evaluate` needs of a definition besides the definition itself, worked out once per
 * definition instead of on every call: the parameter positions by name (arguments are read by
 * name, several times per call) and the name used in messages. Keyed by the definition object,
 * so definitions that are not in the catalogue (tests) work the same way.
 */
interface Prepared {
  readonly fnName: string;
  readonly index: ReadonlyMap<string, number>;
}
const PREPARED = new WeakMap<FunctionDefinition, Prepared>();
function prepared(fn: FunctionDefinition): Prepared {
  let p = PREPARED.get(fn);
  if (!p) {
    const index = new Map<string, number>();
    // The first parameter of a name wins, as findIndex did.
    fn.params.forEach((param, i) => {
      if (!index.has(param.name)) index.set(param.name, i);
    });
    p = { fnName: `CYBER.${fn.name}`, index };
    PREPARED.set(fn, p);
  }
  return p;
}

class CoercedArgs implements Args {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly values: readonly ArgValue[],
    private readonly present: readonly boolean[],
    readonly language: 'en' | 'zh' = 'en',
  ) {}
  private at(name: string): ArgValue {
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`programmer error: no parameter ${name}`);
    return this.values[i];
  }
  num(name: string): Decimal {
    const v = this.at(name);
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !('toFixed' in v)) {
      throw new Error(`programmer error: ${name} is not a number parameter or has no value`);
    }
    return v as Decimal;
  }
  optNum(name: string): Decimal | undefined {
    const v = this.at(name);
    return v === undefined ? undefined : this.num(name);
  }
  bool(name: string): boolean {
    const v = this.at(name);
    if (typeof v !== 'boolean') throw new Error(`programmer error: ${name} is not a boolean`);
    return v;
  }
  text(name: string): string {
    const v = this.at(name);
    if (typeof v !== 'string') throw new Error(`programmer error: ${name} is not text`);
    return v;
  }
  optText(name: string): string | undefined {
    const v = this.at(name);
    return v === undefined ? undefined : this.text(name);
  }
  series(name: string): readonly Decimal[] {
    return this.at(name) as readonly Decimal[];
  }
  booleans(name: string): readonly boolean[] {
    return this.at(name) as readonly boolean[];
  }
  table(name: string): Table {
    return this.at(name) as Table;
  }
  given(name: string): boolean {
    const i = this.index.get(name);
    return i === undefined ? false : (this.present[i] ?? false);
  }
}

function isGiven(raw: RawArgument | undefined): boolean {
  return !(raw === undefined || raw === null || raw === '');
}

function toResultScalar(v: Decimal | boolean | string): ResultScalar {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  const n = toFiniteNumber(v);
  if (n === undefined) throw new InputFailure('resultNotFinite', { got: v.toSignificantDigits(6).toString() });
  return n;
}

function exactOf(v: Decimal | boolean | string): string | boolean {
  return typeof v === 'object' ? v.toString() : v;
}

function failure(fn: FunctionDefinition | undefined, fnName: string, key: MessageKey, params: Record<string, never> | InputFailure['params'], argument?: string): EngineError {
  const spec = fn?.params.find((p) => p.name === argument);
  return makeError(key, fnName, spec ? { name: spec.name, zh: spec.label.zh } : argument ? { name: argument, zh: argument } : undefined, params);
}

/**
 * An error value from another cell, passed on with its code and message. A missing or empty
 * message (HyperFormula's CellError carries '' when it has none) becomes the code itself, so
 * that every error still has a message to show (catalogue conventions: "the message of every
 * error must still be available to the user").
 */
function propagatedError(v: ErrorValue): EngineError {
  const text = v.message || v.error;
  return { code: v.error, rule: 'propagated', message: { en: text, zh: text } };
}

/** The trace of an outcome evaluated without one: shared, and frozen so no caller can add to it. */
const NO_STEPS: readonly TraceStep[] = Object.freeze([]);

/**
 * A successful array outcome whose exact decimal texts are only made when a caller reads `exact`:
 * the sheet hosts read `value` alone, and writing 100,000 decimals as text that nobody reads was
 * a tenth of an ALLOCATE call. Read once, the texts are kept. (Only for arrays: an object literal
 * with a getter is slower to make than one decimal's text, so a single result stays eager.)
 */
function arraySuccess(value: ResultValue, rows: ReadonlyArray<ReadonlyArray<Decimal | boolean | string>>, trace: readonly TraceStep[]): Outcome {
  let exact: ReadonlyArray<ReadonlyArray<string | boolean>> | undefined;
  return {
    ok: true,
    value,
    get exact() {
      if (exact === undefined) exact = rows.map((r) => r.map(exactOf));
      return exact;
    },
    trace,
  };
}

/**
 * Evaluates `name`, looked up with `find`, on `args` in parameter order. An argument left out of
 * the call is either absent (the call is shorter) or undefined (a host that sees an empty argument, as HyperFormula's f(a,,c)); null is
 * a blank (a blank cell, or an empty argument where the host cannot tell, as Excel).
 */
export function evaluateIn(find: FunctionFinder, name: string, args: readonly (RawArgument | undefined)[], options?: EvaluateOptions): Outcome {
  const fn = find(name);
  const recorder = options?.trace ? new TraceRecorder() : undefined;
  const trace = recorder ? recorder.steps : NO_STEPS;
  if (!fn) return { ok: false, error: failure(undefined, `CYBER.${name.trim().toUpperCase().replace(/^CYBER\./, '')}`, 'unknownFunction', {}), trace };
  const { index } = prepared(fn);
  // Messages name the function as the user wrote it: CYBER.FXRATE in Excel, CYBER.FX elsewhere.
  const fnName = fn.excelName !== undefined && name.trim().toUpperCase().replace(/^CYBER\./, '') === fn.excelName ? `CYBER.${fn.excelName}` : prepared(fn).fnName;

  // Errors passed in from other cells propagate unchanged, before any rule is checked.
  const propagated = firstErrorValue(args);
  if (propagated) return { ok: false, trace, error: propagatedError(propagated) };
  try {
    // Trailing blank arguments beyond the list (a host padding optionals) are ignored.
    let count = args.length;
    while (count > fn.params.length && !isGiven(args[count - 1])) count--;
    if (count > fn.params.length) throw new InputFailure('tooManyArguments', { max: fn.params.length, got: count });
    const values: ArgValue[] = new Array(fn.params.length);
    const present: boolean[] = new Array(fn.params.length);
    for (let i = 0; i < fn.params.length; i++) {
      // An argument left out of the call (not a blank cell) is only allowed when optional: an
      // engine caller that forgets one must not get a number computed from a silent 0.
      const raw = i < args.length ? args[i] : undefined;
      if (raw === undefined && !fn.params[i].optional) throw new InputFailure('requiredMissing', { got: NO_VALUE.omitted }, fn.params[i].name);
      present[i] = isGiven(raw);
      values[i] = coerceArgument(raw ?? null, fn.params[i]);
    }
    const result: ExactResult = fn.run(new CoercedArgs(index, values, present, options?.language), recorder ?? NO_TRACE);
    if (Array.isArray(result)) {
      const rows = result as ReadonlyArray<ReadonlyArray<Decimal | boolean | string>>;
      const value: ResultScalar[][] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        const out: ResultScalar[] = new Array(r.length);
        for (let j = 0; j < r.length; j++) out[j] = toResultScalar(r[j]);
        value[i] = out;
      }
      return arraySuccess(value, rows, trace);
    }
    const single = result as Decimal | boolean | string;
    return { ok: true, value: toResultScalar(single), exact: exactOf(single), trace };
  } catch (e) {
    if (e instanceof InputFailure) {
      return { ok: false, error: failure(fn, fnName, e.key, e.params, e.argument), trace };
    }
    if (e instanceof PropagatedError) {
      return { ok: false, trace, error: propagatedError(e.value) };
    }
    // A programmer error must still not escape into a host: report it as an internal error.
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: failure(fn, fnName, 'internalError', { detail }), trace };
  }
}
