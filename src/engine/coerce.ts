/**
 * Turns host-neutral argument values into the exact values a function computes with, checking
 * every catalogue convention on the way (types, bounds, booleans, blanks, series, tables with an
 * optional header row). Driven entirely by the parameter specs.
 */
import { FIRST_SERIAL, LAST_SERIAL } from './calendar';
import { compare, Dec, type Decimal, fromNumber, ONE, ZERO } from './decimal';
import { fail } from './errors';
import type { MessageKey, MessageParam } from './messages';
import {
  type ArgValue,
  type BooleanParam,
  type ColumnSpec,
  type NumberParam,
  type OptionParam,
  type ParamSpec,
  type SeriesParam,
  seriesMaxLength,
  type Table,
  type TableParam,
  tableWidths,
  type TableRow,
  type TextParam,
} from './specs';
import { type CellValue, type ErrorValue, isBlank, isErrorValue, type RawArgument } from './values';

/** An error value found in an argument: propagated unchanged by `evaluate`. */
export class PropagatedError extends Error {
  constructor(readonly value: ErrorValue) {
    super(value.error);
    this.name = 'PropagatedError';
  }
}

/**
 * What `requiredMissing` says of a required argument without a value ({got}): left out of the
 * call, where the host can tell (evaluate: beyond the arguments given, or undefined, as
 * HyperFormula's f(a,,c)), or blank (a blank cell or "", and in Excel also an empty argument,
 * which Excel hands over exactly as a blank cell).
 */
export const NO_VALUE = {
  omitted: { en: 'missing from the call', zh: '在调用中被省略' },
  blank: { en: 'blank', zh: '为空白' },
} as const;

/** How a value is shown inside a message ("the text "abc"", "blank", "TRUE", "12.5"). */
export function describeValue(v: unknown): MessageParam {
  if (v === null || v === undefined || v === '') return { en: 'blank', zh: '空白' };
  if (typeof v === 'string') return { en: `the text "${v}"`, zh: `文本“${v}”` };
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (isErrorValue(v)) return v.error;
  if (Array.isArray(v)) return { en: 'a range', zh: '单元格区域' };
  return String(v);
}

const TRUE_TEXTS = new Set(['true', 'yes', 'y', '是']);
const FALSE_TEXTS = new Set(['false', 'no', 'n', '否']);

/** A numeric rule's bounds as Decimals, made once per rule (see `boundsOf`). */
interface Bounds {
  readonly min?: Decimal;
  readonly greaterThan?: Decimal;
  readonly max?: Decimal;
}

const DATE_FIRST = new Dec(FIRST_SERIAL);
const DATE_AFTER_LAST = new Dec(LAST_SERIAL + 1);
const BOUNDS = new WeakMap<NumberParam, Bounds>();

/**
 * The bounds of `spec` as Decimals, converted on first use and kept for the spec's lifetime:
 * comparing with a plain number converted it to a Decimal on every check of every argument.
 * Keyed by the spec object, so specs stay plain data (they also feed the generated reference).
 */
function boundsOf(spec: NumberParam): Bounds {
  let b = BOUNDS.get(spec);
  if (b === undefined) {
    b = {
      min: spec.min === undefined ? undefined : new Dec(spec.min),
      greaterThan: spec.greaterThan === undefined ? undefined : new Dec(spec.greaterThan),
      max: spec.max === undefined ? undefined : new Dec(spec.max),
    };
    BOUNDS.set(spec, b);
  }
  return b;
}

/**
 * The message key of the first bound of `spec` that x breaks, or undefined when x is valid.
 * Separate from the message so that a valid value (nearly every value) costs comparisons only:
 * the shown value ("got") is only made for a failure.
 */
function boundBroken(x: Decimal, spec: NumberParam): MessageKey | undefined {
  if (spec.kind === 'date') {
    return compare(x, DATE_FIRST) < 0 || compare(x, DATE_AFTER_LAST) >= 0 ? 'dateOutOfRange' : undefined;
  }
  if (spec.kind === 'ratio') return compare(x, ZERO) < 0 || compare(x, ONE) > 0 ? 'outsideUnitInterval' : undefined;
  const b = boundsOf(spec);
  if (b.min !== undefined && compare(x, b.min) < 0) return spec.min === 0 ? 'negative' : 'belowMinimum';
  if (b.greaterThan !== undefined && compare(x, b.greaterThan) <= 0) return spec.greaterThan === 0 ? 'notPositive' : 'notAbove';
  if (b.max !== undefined && compare(x, b.max) > 0) return 'aboveMaximum';
  if (spec.whole && !x.isInteger()) return 'notWhole';
  return undefined;
}

/** Raises the failure `key` found by `boundBroken`, with the message data that key shows. */
function failBound(key: MessageKey, spec: NumberParam, name: string, got: MessageParam): never {
  if (key === 'belowMinimum') return fail(key, name, { got, min: spec.min as number });
  if (key === 'notAbove') return fail(key, name, { got, min: spec.greaterThan as number });
  if (key === 'aboveMaximum') return fail(key, name, { got, max: spec.max as number });
  return fail(key, name, { got });
}

/**
 * Applies the bounds of a numeric rule; `name` is the argument reported. `got` (the value as
 * shown in the message) may be given as a function, called only when a bound is broken.
 */
export function checkNumber(x: Decimal, spec: NumberParam, name: string, got: MessageParam | (() => MessageParam)): void {
  const key = boundBroken(x, spec);
  if (key !== undefined) failBound(key, spec, name, typeof got === 'function' ? got() : got);
}

/** A single cell's number, or a failure naming `name`. Blank is handled by the caller. */
function toDecimal(v: CellValue, name: string): Decimal {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail('notFinite', name, { got: describeValue(v) });
    return fromNumber(v === 0 ? 0 : v); // -0 arrives as 0
  }
  return fail('notANumber', name, { got: describeValue(v) });
}

function single(raw: RawArgument, name: string): CellValue {
  if (!Array.isArray(raw)) return raw as CellValue;
  const rows = raw.length;
  const cols = rows ? raw[0].length : 0;
  if (rows === 1 && cols === 1) return raw[0][0];
  return fail('notSingleValue', name, { rows, cols });
}

function coerceNumber(raw: RawArgument, spec: NumberParam): Decimal | undefined {
  const v = single(raw, spec.name);
  if (isBlank(v)) {
    if (spec.optional) return spec.default === undefined ? undefined : new Dec(spec.default);
    // A blank cell given for a required number is 0, as in Excel; the bounds still apply, so a
    // blank revenue (> 0) or date fails with a message instead of silently becoming a result.
    const zero = ZERO;
    const blankKey = boundBroken(zero, spec);
    if (blankKey !== undefined) failBound(blankKey, spec, spec.name, describeValue(v));
    return zero;
  }
  const x = toDecimal(v, spec.name);
  // The value is described (turned into text) only for a message, never for a valid argument.
  const key = boundBroken(x, spec);
  if (key !== undefined) failBound(key, spec, spec.name, describeValue(v));
  return x;
}

export function toBoolean(v: CellValue, name: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (v === 1) return true;
    if (v === 0) return false;
  }
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (TRUE_TEXTS.has(t)) return true;
    if (FALSE_TEXTS.has(t)) return false;
  }
  return fail('notABoolean', name, { got: describeValue(v) });
}

function coerceBoolean(raw: RawArgument, spec: BooleanParam): boolean | undefined {
  const v = single(raw, spec.name);
  if (isBlank(v)) return spec.optional ? spec.default : false;
  return toBoolean(v, spec.name);
}

function coerceOption(raw: RawArgument, spec: OptionParam): string | undefined {
  const v = single(raw, spec.name);
  if (isBlank(v)) {
    if (spec.optional) return spec.default;
    return fail('requiredMissing', spec.name, { got: NO_VALUE.blank });
  }
  const t = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
  const match = t === undefined ? undefined : spec.options.find((o) => o.toLowerCase() === t);
  if (match === undefined) {
    return fail('unknownOption', spec.name, { got: describeValue(v), options: spec.options.map((o) => `"${o}"`).join(', ') });
  }
  return match;
}

function shape(raw: RawArgument): { rows: number; cols: number; cells: ReadonlyArray<ReadonlyArray<CellValue>> } {
  if (!Array.isArray(raw)) return { rows: 1, cols: 1, cells: [[raw as CellValue]] };
  const rows = raw.length;
  // A loop, not Math.max(...rows): spreading 100,000+ rows would overflow the call stack.
  let cols = 0;
  for (const r of raw) if (r.length > cols) cols = r.length;
  return { rows, cols, cells: raw as ReadonlyArray<ReadonlyArray<CellValue>> };
}

function coerceText(raw: RawArgument, spec: TextParam): string | undefined {
  const v = single(raw, spec.name);
  if (isBlank(v) || (typeof v === 'string' && v.trim() === '')) {
    if (spec.optional) return spec.default;
    return fail('requiredMissing', spec.name, { got: NO_VALUE.blank });
  }
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return fail('notText', spec.name, { got: describeValue(v) });
}

/**
 * The cells of a 1-D range in reading order, exactly rows × cols of them: a cell missing from a
 * ragged row is blank, as in tables. (Iterating the rows as given left holes: the column
 * [[], [0]] made a series of length 2 with one value, and POOLSHARE or HOURLYBI failed with an
 * internal error on the missing one.)
 */
function* seriesCells(cells: ReadonlyArray<ReadonlyArray<CellValue>>, rows: number, cols: number): Generator<CellValue> {
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) yield cells[i][j] ?? null;
}

function coerceBooleanSeries(cells: ReadonlyArray<ReadonlyArray<CellValue>>, rows: number, cols: number, spec: SeriesParam): readonly boolean[] {
  const out: boolean[] = [];
  for (const v of seriesCells(cells, rows, cols)) out.push(isBlank(v) ? false : toBoolean(v, spec.name));
  return out;
}

export function coerceSeries(raw: RawArgument, spec: SeriesParam): readonly Decimal[] | readonly boolean[] {
  const { rows, cols, cells } = shape(raw);
  if (rows > 1 && cols > 1) fail('notASeries', spec.name, { rows, cols });
  const length = rows * cols;
  // Checked before any value is read, so a million cells fail at once (catalogue: #NUM! for a
  // series too long for the engine's limits); every series has a limit unless its length is exact.
  const maxLength = seriesMaxLength(spec);
  if (maxLength !== undefined && length > maxLength) {
    fail('seriesTooLong', spec.name, { got: length, max: maxLength });
  }
  if (spec.exactLength !== undefined && length !== spec.exactLength) {
    fail('seriesLength', spec.name, { got: length, expected: spec.exactLength });
  }
  if (spec.elements === 'boolean') return coerceBooleanSeries(cells, rows, cols, spec);
  const out: Decimal[] = new Array(length);
  let k = 0;
  for (const v of seriesCells(cells, rows, cols)) {
    if (isBlank(v)) out[k] = ZERO;
    else if (typeof v === 'number') out[k] = toDecimal(v, spec.name);
    else fail('textInSeries', spec.name, { index: k + 1, got: describeValue(v) });
    k++;
  }
  return out;
}

/**
 * A series whose values are amounts (hourly losses, member claims): each must be ≥ 0 (catalogue
 * conventions: "every amount ... must be ≥ 0 ... otherwise #VALUE!"). Called by the functions
 * whose series hold amounts; the series spec itself says nothing about signs.
 */
export function requireNonNegativeSeries(values: readonly Decimal[], name: string): readonly Decimal[] {
  for (let i = 0; i < values.length; i++) {
    if (values[i].isNegative()) fail('negativeInSeries', name, { index: i + 1, got: values[i].toString() });
  }
  return values;
}

const COLUMN_RULE: Partial<Record<ColumnSpec['kind'], NumberParam>> = {
  date: { name: '', kind: 'date', label: { en: '', zh: '' }, description: { en: '', zh: '' } },
  amount: { name: '', kind: 'amount', min: 0, label: { en: '', zh: '' }, description: { en: '', zh: '' } },
  days: { name: '', kind: 'days', min: 0, label: { en: '', zh: '' }, description: { en: '', zh: '' } },
  ratio: { name: '', kind: 'ratio', min: 0, max: 1, label: { en: '', zh: '' }, description: { en: '', zh: '' } },
};

const COLUMN_RULE_TEXT: Record<string, { en: string; zh: string }> = {
  date: { en: 'must be a date serial from 61 (1900-03-01) to 2958465 (9999-12-31)', zh: '必须是 61（1900-03-01）至 2958465（9999-12-31）之间的日期序列号' },
  amount: { en: 'must be 0 or more', zh: '不得为负数' },
  days: { en: 'must be 0 or more days', zh: '天数不得为负数' },
  ratio: { en: 'is a fraction and must lie between 0 and 1', zh: '是比例，必须在 0 到 1 之间' },
};

/** Columns whose cells are numbers: text in one of them on the first row makes it a header. */
const isNumericColumn = (c: ColumnSpec): boolean => c.kind !== 'text' && c.kind !== 'option';

/** The widths a table accepts, as the message shows them: "exactly 3", "5 or 6". */
function expectedWidths(widths: readonly number[]): MessageParam {
  if (widths.length === 1) return { en: `exactly ${widths[0]}`, zh: `恰好 ${widths[0]} ` };
  const head = widths.slice(0, -1);
  const last = widths[widths.length - 1];
  return { en: `${head.join(', ')} or ${last}`, zh: ` ${head.join('、')} 或 ${last} ` };
}

/** The columns as the width message lists them, optional ones marked. */
function columnList(columns: readonly ColumnSpec[]): MessageParam {
  return {
    en: columns.map((c) => (c.optional ? `${c.label.en} (optional)` : c.label.en)).join(', '),
    zh: columns.map((c) => (c.optional ? `${c.label.zh}（可省略）` : c.label.zh)).join('、'),
  };
}

/**
 * An option column's cell: the option as the spec writes it, matched case-insensitively ignoring
 * surrounding spaces (catalogue conventions, "Option texts"); blank or "" is the column's default.
 * Anything else, a number or a boolean included, fails naming the row and the column.
 */
function tableOption(v: CellValue, c: ColumnSpec, name: string, row: number): string | null {
  const t = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
  if (isBlank(v) || t === '') return c.default ?? null;
  const options = c.options ?? [];
  const match = t === undefined ? undefined : options.find((o) => o.toLowerCase() === t);
  if (match === undefined) {
    return fail('tableCellOption', name, {
      row,
      column: c.label,
      got: describeValue(v),
      options: { en: options.map((o) => `"${o}"`).join(', '), zh: options.map((o) => `"${o}"`).join('、') },
      default: c.default ?? '',
    });
  }
  return match;
}

export function coerceTable(raw: RawArgument, spec: TableParam): Table {
  const { rows, cols, cells } = shape(raw);
  const columns = spec.columns;
  // Trailing optional columns (the covers tree's nesting, catalogue v2 section 5) may be left out;
  // a cell of a column the range leaves out reads as blank below, as in a ragged row.
  const widths = tableWidths(spec);
  if (!widths.includes(cols)) fail('tableWidth', spec.name, { expected: expectedWidths(widths), cols, columns: columnList(columns) });
  // A first row in which any numeric column holds text is a header row (catalogue conventions).
  const first = cells[0] ?? [];
  const headerSkipped = columns.some((c, j) => isNumericColumn(c) && typeof first[j] === 'string' && first[j] !== '');
  const out: TableRow[] = [];
  for (let i = headerSkipped ? 1 : 0; i < rows; i++) {
    const row = cells[i];
    if (row.every((v) => isBlank(v))) continue; // an entirely blank row holds nothing typed
    const values: Array<Decimal | string | null> = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j];
      const v = row[j] ?? null;
      if (c.kind === 'text') {
        values[j] = isBlank(v) ? null : typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : String(v);
        continue;
      }
      if (c.kind === 'option') {
        values[j] = tableOption(v, c, spec.name, i + 1);
        continue;
      }
      // The error's location and the described value are made only when the cell fails: most
      // cells are valid, and describing each (a number turned into text) was a large share of
      // reading a 10,000-row claims table.
      let x: Decimal;
      if (isBlank(v)) {
        if (c.blank === 'none') {
          values[j] = null;
          continue;
        }
        x = ZERO;
      } else if (typeof v === 'number' && Number.isFinite(v)) {
        x = fromNumber(v === 0 ? 0 : v);
      } else {
        return fail('tableCellNotNumber', spec.name, { row: i + 1, column: c.label, got: describeValue(v) });
      }
      values[j] = x;
      const rule = COLUMN_RULE[c.kind];
      if (rule && boundBroken(x, rule) !== undefined) {
        fail('tableCellRule', spec.name, { row: i + 1, column: c.label, got: describeValue(v), rule: COLUMN_RULE_TEXT[c.kind] });
      }
    }
    out.push({ index: i, cells: values });
  }
  const minRows = spec.minRows ?? 1;
  if (out.length < minRows) fail('tableTooShort', spec.name, { min: minRows, rows: out.length });
  return { headerSkipped, height: rows, rows: out };
}

/** The first error value anywhere in the arguments, in argument order (undefined: left out). */
export function firstErrorValue(args: readonly (RawArgument | undefined)[]): ErrorValue | undefined {
  for (const a of args) {
    if (Array.isArray(a)) {
      for (const row of a) for (const v of row) if (isErrorValue(v)) return v;
    } else if (isErrorValue(a)) return a;
  }
  return undefined;
}

export function coerceArgument(raw: RawArgument, spec: ParamSpec): ArgValue {
  switch (spec.kind) {
    case 'boolean':
      return coerceBoolean(raw, spec);
    case 'option':
      return coerceOption(raw, spec);
    case 'text':
      return coerceText(raw, spec);
    case 'series':
      if (spec.optional && !Array.isArray(raw) && isBlank(raw as CellValue)) return undefined;
      return coerceSeries(raw, spec);
    case 'table':
      return coerceTable(raw, spec);
    default:
      return coerceNumber(raw, spec);
  }
}
