/**
 * The Excel side of every CYBER function: turns what Excel hands a custom function into the
 * engine's host-neutral RawArgument, evaluates, and turns the outcome back into a cell value or
 * a CustomFunctions.Error (STYLE.md point 8: this layer only coerces, calls and maps errors).
 *
 * Nothing but a CustomFunctions.Error may leave `invoke`: Excel turns any other exception into a
 * bare #VALUE! without a message, and the catalogue promises that every error names its argument
 * and rule (FUNCTIONS.md, conventions).
 *
 * Excel shows the text of a CustomFunctions.Error only on #VALUE! and #N/A (Microsoft's
 * custom-functions errors article: "You can only return a custom error message with the #VALUE!
 * and #N/A errors"). On #DIV/0!, #NUM! and #NULL! the cell shows the code alone; the error still
 * carries its message, and the user reads it in the task pane's explain view, which evaluates the
 * selected cell's CYBER call again with the engine (src/taskpane/explain.ts) and shows the message
 * for every code (FUNCTIONS.md, conventions: "the message of every error must still be available
 * to the user").
 *
 * Blank and omitted: Excel hands a custom function `null` (or undefined) both for an argument left
 * out of the call and for a reference to a blank cell, and older desktop builds hand a blank cell
 * over as 0 (office-js issues #4702, #5262), so this host cannot tell them apart. Both reach the
 * engine as blank: an optional takes its default, a required number counts as 0 and is then
 * validated (the metadata's help says so per parameter), a required text is #VALUE! "blank".
 * HyperFormula can tell them apart (src/sheet/plugin.ts).
 */
// The engine's modules themselves, not its index: the index (and evaluate.ts) list the whole
// catalogue, whose sections 10 and 11 bring src/stochastic and @stdlib (see STOCHASTIC_NAMES).
import { CORE_CATALOGUE } from '../engine/catalogueCore';
import { evaluateIn, type FunctionFinder, functionFinder } from '../engine/evaluator';
import { formatMessage } from '../engine/messages';
import type { FunctionDefinition } from '../engine/specs';
import type { CellValue, ErrorCode, RawArgument, ResultValue } from '../engine/values';
import { cyberArgumentsTo1900, cyberOutcomeIn1904 } from '../sheet/dateSystem';
import { workbookDate1904 } from './workbookDateSystem';

export type Language = 'en' | 'zh';

/**
 * Engine error code → CustomFunctions.ErrorCode member.
 *
 * #NAME? and #REF! exist in CustomFunctions.ErrorCode but are "supported as a custom function
 * input error, but not as a custom function output error" (@types/custom-functions-runtime), so
 * the closest code a function may return is #VALUE!, which also shows the message. The
 * engine only produces them for an unknown function name (a defect of this add-in) or when one
 * is propagated from an argument. #SPILL! and #CALC! have no custom-function counterpart either;
 * #GETTING_DATA means "not available yet", which is what #N/A says.
 */
const EXCEL_CODE: Readonly<Record<ErrorCode, keyof typeof CustomFunctions.ErrorCode>> = {
  '#VALUE!': 'invalidValue',
  '#DIV/0!': 'divisionByZero',
  '#NUM!': 'invalidNumber',
  '#N/A': 'notAvailable',
  '#NULL!': 'nullReference',
  '#REF!': 'invalidValue',
  '#NAME?': 'invalidValue',
  '#SPILL!': 'invalidValue',
  '#CALC!': 'invalidValue',
  '#GETTING_DATA': 'notAvailable',
};

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.keys(EXCEL_CODE));

/**
 * The Chinese locales the manifest gives the Simplified Chinese metadata (functions-zh-cn.json)
 * and strings, lower case as the manifest writes them. An override covers one locale only
 * (TOOLING-FACTS.md), so each is listed: a user on zh-TW, zh-HK, zh-SG or zh-MO then reads the
 * descriptions in the same language as the messages. test/manifest.test.ts checks the manifest
 * against this list.
 */
export const CHINESE_LOCALES: readonly string[] = ['zh-cn', 'zh-tw', 'zh-hk', 'zh-sg', 'zh-mo'];

/**
 * The user's language for messages: Chinese when Office's display language is Chinese (any zh-*,
 * which covers CHINESE_LOCALES), else English. This is the language the manifest picks the
 * function descriptions by, so messages and descriptions agree. Office may be absent (tests, a
 * page outside Excel) or not initialised yet; neither may stop a function from answering.
 */
export function userLanguage(): Language {
  try {
    const lang = typeof Office === 'undefined' ? undefined : Office.context?.displayLanguage;
    return typeof lang === 'string' && lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  } catch {
    return 'en';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** The error code carried by an error-like value Excel might pass, if any. */
function errorCodeOf(v: Record<string, unknown>): ErrorCode | undefined {
  // CustomFunctions.Error has `code`; a rich error cell value has `basicValue` ("#DIV/0!").
  for (const candidate of [v.code, v.basicValue]) {
    if (typeof candidate === 'string' && KNOWN_CODES.has(candidate)) return candidate as ErrorCode;
  }
  return undefined;
}

/** One cell as Excel hands it → the engine's CellValue. */
export function toCellValue(v: unknown): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (isObject(v)) {
    const code = errorCodeOf(v);
    if (code) return typeof v.message === 'string' && v.message !== '' ? { error: code, message: v.message } : { error: code };
    // The metadata allows custom data types in `any` parameters (allowCustomDataForDataTypeAny):
    // such an entity stands for its basic value, the one the cell displays.
    const basic = v.basicValue;
    if (basic === null || typeof basic === 'number' || typeof basic === 'string' || typeof basic === 'boolean') return basic;
  }
  // Anything else reaches the engine as text, so its message names the argument and the rule.
  return String(v);
}

/** A cell that is already an engine CellValue as Excel hands it (undefined is not: it becomes null). */
function isPlain(v: unknown): boolean {
  return v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
}

const SHEET_ROWS = 1048576;
const SHEET_COLUMNS = 16384;

function blank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/**
 * A whole column (=CYBER.POOLSHARE(A:A): all 1,048,576 rows) without its trailing blank rows, and
 * a whole row (16,384 columns) without its trailing blank columns (at least one is kept): what
 * the workbench and the CLI read for a whole column or row (src/sheet/plugin.ts, wholeLineUsed),
 * so a list of claims in column A gives one result per claim, not a million zeros (the
 * catalogue's conventions count a blank in a series as 0). A range of any other size is passed
 * on whole: its result's size depends on its size only.
 */
function trimWholeLine(v: readonly unknown[]): readonly unknown[] {
  if (v.length === SHEET_ROWS) {
    let n = v.length;
    while (n > 1 && (Array.isArray(v[n - 1]) ? (v[n - 1] as unknown[]).every(blank) : blank(v[n - 1]))) n--;
    return v.slice(0, n);
  }
  if (v.length > 0 && v.every((row) => Array.isArray(row) && row.length === SHEET_COLUMNS)) {
    const rows = v as unknown[][];
    let n = SHEET_COLUMNS;
    while (n > 1 && rows.every((row) => blank(row[n - 1]))) n--;
    return rows.map((row) => row.slice(0, n));
  }
  return v;
}

/**
 * One argument → RawArgument: ranges stay 2-D, everything else is a single cell. A row of plain
 * values is passed on as it is: copying every cell of a 1,000,000-row column took most of the
 * time of a call that the engine rejects at once (catalogue: a series too long for the engine's
 * limits is #NUM!, and must fail fast).
 */
export function toRawArgument(v: unknown): RawArgument {
  if (!Array.isArray(v)) return toCellValue(v);
  return trimWholeLine(v).map((row: unknown) => (Array.isArray(row) ? (row.every(isPlain) ? (row as CellValue[]) : row.map(toCellValue)) : [toCellValue(row)]));
}

/** Raised when there is no CustomFunctions runtime to build an error with (outside Excel). */
export class HostlessFunctionError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'HostlessFunctionError';
  }
}

function excelError(code: ErrorCode, message: string): Error {
  if (typeof CustomFunctions === 'undefined' || typeof CustomFunctions.Error !== 'function') {
    return new HostlessFunctionError(code, message);
  }
  const key = EXCEL_CODE[code] ?? 'invalidValue';
  // CustomFunctions.Error is not a subclass of Error in the typings; it is what Excel expects thrown.
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[key], message) as unknown as Error;
}

/**
 * The functions of catalogue sections 10 and 11 (src/engine/catalogueStochastic.ts; adapter.test
 * checks this list against it). They compute in doubles through src/stochastic and @stdlib, which
 * are nearly half of the functions bundle, so functions.js starts without them and loads them as a
 * separate chunk (from the add-in's own origin: script-src 'self', scripts/csp.js) on the first
 * call of one of them. Excel accepts a Promise as a custom function's result (an asynchronous
 * function); once the chunk is loaded every call is synchronous again, with the same results.
 */
const STOCHASTIC_NAMES: ReadonlySet<string> = new Set(['DIST', 'CDF', 'QUANTILE', 'LEV', 'LAYERLOSS', 'ILF', 'TVAR', 'OEP', 'OEPLOSS', 'SIMULATE']);

/** The lookup `invoke` uses: sections 1–9 until the stochastic chunk has loaded, then all. */
let find: FunctionFinder = functionFinder(CORE_CATALOGUE);
let stochasticLoaded = false;
let stochasticLoading: Promise<void> | undefined;

function catalogueName(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CYBER.') ? upper.slice(6) : upper;
}

/**
 * Loads catalogue sections 10 and 11 (once; a failed load is tried again on the next call).
 * Exported for tests and hosts that want every call synchronous from the start.
 */
export function loadStochasticFunctions(): Promise<void> {
  if (stochasticLoaded) return Promise.resolve();
  // Through a resolved Promise: webpack's chunk loader can throw at once rather than reject (a
  // runtime without a document), and nothing but a CustomFunctions.Error may leave `invoke`.
  stochasticLoading ??= Promise.resolve()
    .then(() =>
      Promise.all([
        import(/* webpackChunkName: "functions-stochastic" */ '../engine/catalogueStochastic'),
        // Already in that chunk (SIMULATE's definition): one chunk, one copy of its state.
        import(/* webpackChunkName: "functions-stochastic" */ '../engine/simulate'),
      ]),
    )
    .then(
      ([m, simulate]) => {
        // SIMULATE computes its Philox blocks in WebAssembly (src/stochastic/philoxWasm.ts): the
        // shared-runtime page's policy allows the compile ('wasm-unsafe-eval', scripts/csp.js); a
        // webview that refuses it runs the same blocks in JavaScript, with the same values. Asked
        // here, not in the entry (register.ts), so that functions.js does not carry section 11.
        simulate.usePhiloxWasm(true);
        find = functionFinder([...CORE_CATALOGUE, ...m.STOCHASTIC_CATALOGUE]);
        stochasticLoaded = true;
      },
      (e: unknown) => {
        stochasticLoading = undefined;
        throw e;
      },
    );
  return stochasticLoading;
}

function internalError(name: string, e: unknown): { code: ErrorCode; message: string } {
  const detail = e instanceof Error ? e.message : String(e);
  const fn = `CYBER.${catalogueName(name)}`;
  return { code: '#VALUE!', message: formatMessage('internalError', { fn, detail })[userLanguage()] };
}

/** The function reads or returns a date: a date parameter, a table with a date column, or a date result. */
function bearsDates(fn: FunctionDefinition): boolean {
  return fn.resultKind === 'date' || fn.params.some((p) => p.kind === 'date' || (p.kind === 'table' && p.columns.some((c) => c.kind === 'date')));
}

/** `invoke` once the function's catalogue section is loaded. */
function invokeLoaded(name: string, args: readonly unknown[]): ResultValue {
  let failure: { code: ErrorCode; message: string };
  try {
    // A workbook in Excel's 1904 date system (./workbookDateSystem.ts): its date serials reach the
    // engine as the 1900 serials it counts in, and a date it returns goes back to a 1904 serial,
    // as the HyperFormula plugin does in the workbench and the CLI (src/sheet/dateSystem.ts); a
    // date before 1904-01-01, given or returned, is the engine's error for a date out of range.
    const fn = find(name);
    const date1904 = fn !== undefined && bearsDates(fn) && workbookDate1904();
    const raw = args.map(toRawArgument);
    const given = date1904 ? cyberArgumentsTo1900(fn.params, raw) : raw;
    const evaluated = evaluateIn(find, name, given, { language: userLanguage() });
    const outcome = date1904 ? cyberOutcomeIn1904(fn, name, given, evaluated) : evaluated;
    if (outcome.ok) return outcome.value;
    failure = { code: outcome.error.code, message: outcome.error.message[userLanguage()] };
  } catch (e) {
    // The engine reports bad input as a value; an exception here is a defect, but it must still
    // reach the user as a described #VALUE! rather than a silent one.
    failure = internalError(name, e);
  }
  throw excelError(failure.code, failure.message);
}

/**
 * Evaluates catalogue function `name` on the arguments Excel passed, in catalogue order.
 * Returns the number / boolean / text / matrix for the cell, or throws CustomFunctions.Error
 * whose message is in the user's language (shown by Excel on #VALUE! and #N/A; for the other
 * codes, by the task pane's explain view).
 *
 * The first call of a section 10 or 11 function (STOCHASTIC_NAMES) returns a Promise instead: it
 * loads the chunk, then makes the same call (resolving to its value, or rejecting with its
 * CustomFunctions.Error). A chunk that cannot be loaded gives #VALUE! with the internal-error
 * message, never a bare error.
 */
export function invoke(name: string, args: readonly unknown[]): ResultValue | Promise<ResultValue> {
  if (!stochasticLoaded && STOCHASTIC_NAMES.has(catalogueName(name))) {
    return loadStochasticFunctions().then(
      () => invokeLoaded(name, args),
      (e: unknown) => {
        const failure = internalError(name, e);
        throw excelError(failure.code, failure.message);
      },
    );
  }
  return invokeLoaded(name, args);
}
