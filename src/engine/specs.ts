/**
 * Declarative specifications of the catalogue's functions and their parameters.
 *
 * One spec drives argument coercion and validation (coerce.ts), the Excel metadata in both
 * languages, the HyperFormula plugin's argument list and the generated function reference, in the
 * spirit of HyperFormula's `implementedFunctions` table. Nothing about a parameter is said twice.
 */
import type { Citation } from './articles';
import type { Decimal } from './decimal';
import type { Text, Tracer } from './trace';

/** Numeric checks, applied in this order after the type check. */
export interface NumberRule {
  /** Inclusive lower bound. */
  readonly min?: number;
  /** Exclusive lower bound. */
  readonly greaterThan?: number;
  /** Inclusive upper bound. */
  readonly max?: number;
  readonly whole?: boolean;
}

export type ColumnKind = 'date' | 'amount' | 'ratio' | 'days' | 'number' | 'text' | 'option';

export interface ColumnSpec {
  readonly key: string;
  readonly label: Text;
  readonly kind: ColumnKind;
  /** What a blank cell in this column means: 0 (default) or "none" (null). */
  readonly blank?: 'zero' | 'none';
  /**
   * An option column's texts, matched case-insensitively ignoring surrounding spaces (catalogue
   * conventions); the cell holds the option as written here. A blank cell holds `default`.
   */
  readonly options?: readonly string[];
  readonly default?: string;
  /**
   * A trailing column the range may leave out: a table is accepted with or without it, and a
   * cell of an absent column reads as blank. Only the last columns of a table may be optional.
   */
  readonly optional?: boolean;
}

/** The column counts a table accepts, narrowest first: the required columns, then each optional one. */
export function tableWidths(p: { readonly columns: readonly ColumnSpec[] }): number[] {
  let required = p.columns.length;
  while (required > 0 && p.columns[required - 1].optional) required--;
  if (p.columns.slice(0, required).some((c) => c.optional)) {
    throw new Error('programmer error: only the last columns of a table may be optional');
  }
  const widths: number[] = [];
  for (let w = required; w <= p.columns.length; w++) widths.push(w);
  return widths;
}

interface ParamBase {
  readonly name: string;
  /** Short label, e.g. 经营性收益: used in messages after the argument's name. */
  readonly label: Text;
  readonly description: Text;
  readonly optional?: boolean;
}

export interface NumberParam extends ParamBase, NumberRule {
  readonly kind: 'number' | 'amount' | 'ratio' | 'date' | 'hours' | 'days';
  readonly default?: number;
}

export interface BooleanParam extends ParamBase {
  readonly kind: 'boolean';
  readonly default?: boolean;
}

export interface OptionParam extends ParamBase {
  readonly kind: 'option';
  readonly options: readonly string[];
  readonly default?: string;
}

export interface SeriesParam extends ParamBase {
  readonly kind: 'series';
  /** Longest series accepted (longer is #NUM!, never a hang). */
  readonly maxLength?: number;
  /** Number of values required exactly (#VALUE! otherwise). */
  readonly exactLength?: number;
  /** What each value is: numbers (blank = 0, the default) or booleans (blank = FALSE). */
  readonly elements?: 'number' | 'boolean';
}

/** Free text (an id to look up): any text or number, trimmed; required unless optional. */
export interface TextParam extends ParamBase {
  readonly kind: 'text';
  readonly default?: string;
}

export interface TableParam extends ParamBase {
  readonly kind: 'table';
  readonly columns: readonly ColumnSpec[];
  readonly minRows?: number;
}

export type ParamSpec = NumberParam | BooleanParam | OptionParam | TextParam | SeriesParam | TableParam;

/** `table`: a two-dimensional array (rows × columns), e.g. SIMULATE's labelled statistics. */
export type ResultKind = 'number' | 'boolean' | 'text' | 'date' | 'row' | 'column' | 'table';

export interface FunctionSpec {
  /** Catalogue name without the namespace, e.g. PROFITRATE. */
  readonly name: string;
  /**
   * The name Excel registers when the catalogue's cannot be registered there: Microsoft's
   * custom-function naming rules ("Custom functions naming and localization") require an id and a
   * name of at least three characters, so the add-in registers CYBER.FX as CYBER.FXRATE. Every
   * host accepts that as a second name of the same function, so a workbook written in Excel
   * evaluates the same in the workbench and the CLI.
   */
  readonly excelName?: string;
  /** Catalogue section number. */
  readonly section: number;
  readonly description: Text;
  readonly resultKind: ResultKind;
  readonly articles: readonly Citation[];
  readonly params: readonly ParamSpec[];
  /** The rule written as an Excel formula, for the reference (fmcalc style). */
  readonly formula: string;
  /** A worked example: formula and the exact result. */
  readonly example: { readonly formula: string; readonly result: string };
}

/** A coerced table: data rows only (header and entirely blank rows are not in `rows`). */
export interface Table {
  readonly headerSkipped: boolean;
  /** Number of rows of the range as given (header and blank rows included). */
  readonly height: number;
  readonly rows: readonly TableRow[];
}

export interface TableRow {
  /** 0-based index of the row in the range as given. */
  readonly index: number;
  readonly cells: ReadonlyArray<Decimal | string | null>;
}

export type ArgValue = Decimal | boolean | string | readonly Decimal[] | readonly boolean[] | Table | undefined;

/** Coerced arguments, read by name. Reading a name that the spec lacks is a programmer error. */
export interface Args {
  /**
   * The user's language where a result holds words (CYBER.SIMULATE's "stats" labels, catalogue
   * section 11: "label in the user's language"); English when the host does not say.
   */
  readonly language?: 'en' | 'zh';
  num(name: string): Decimal;
  optNum(name: string): Decimal | undefined;
  bool(name: string): boolean;
  text(name: string): string;
  /** An optional text without a default: undefined when not given (blank, "" or spaces). */
  optText?(name: string): string | undefined;
  series(name: string): readonly Decimal[];
  booleans(name: string): readonly boolean[];
  table(name: string): Table;
  /** True when the argument was given (not omitted, blank or ""). */
  given(name: string): boolean;
}

export type ExactResult = Decimal | boolean | string | ReadonlyArray<ReadonlyArray<Decimal | boolean | string>>;

export interface FunctionDefinition extends FunctionSpec {
  run(args: Args, trace: Tracer): ExactResult;
}

// ---- builders: keep the catalogue files readable ------------------------------------------

type Described = { label: Text; description: Text; optional?: boolean };

export const amount = (name: string, d: Described & NumberRule & { default?: number }): NumberParam => ({
  name,
  kind: 'amount',
  min: d.greaterThan === undefined ? 0 : undefined,
  ...d,
});

export const ratio = (name: string, d: Described & { default?: number }): NumberParam => ({
  name,
  kind: 'ratio',
  min: 0,
  max: 1,
  ...d,
});

export const number = (name: string, d: Described & NumberRule & { default?: number }): NumberParam => ({
  name,
  kind: 'number',
  ...d,
});

export const date = (name: string, d: Described & { default?: number }): NumberParam => ({
  name,
  kind: 'date',
  ...d,
});

export const hours = (name: string, d: Described & NumberRule & { default?: number }): NumberParam => ({
  name,
  kind: 'hours',
  min: 0,
  ...d,
});

export const days = (name: string, d: Described & NumberRule & { default?: number }): NumberParam => ({
  name,
  kind: 'days',
  min: d.greaterThan === undefined ? 0 : undefined,
  ...d,
});

export const bool = (name: string, d: Described & { default?: boolean }): BooleanParam => ({
  name,
  kind: 'boolean',
  ...d,
});

export const table = (
  name: string,
  d: Described & { columns: readonly ColumnSpec[]; minRows?: number },
): TableParam => ({ name, kind: 'table', ...d });

export const text = (name: string, d: Described & { default?: string }): TextParam => ({
  name,
  kind: 'text',
  ...d,
});

/**
 * The longest series a function evaluates when its spec sets no tighter limit (and no exact
 * length). Catalogue conventions: "#NUM! — a result that cannot be computed from valid-looking
 * numbers (for example a series too long for the engine's limits)"; the limit must fail fast.
 * Without it CYBER.POOLSHARE over a 1,000,000-cell column computed for ~3 s and spilled a million
 * cells. 100,000 values is far above any real use (an LMCIT pool has under 1,000 members) and
 * evaluates in a fraction of a second.
 */
export const MAX_SERIES_VALUES = 100000;

/** The most values a series parameter accepts (longer is #NUM!), or undefined for no limit. */
export function seriesMaxLength(p: SeriesParam): number | undefined {
  return p.maxLength ?? (p.exactLength === undefined ? MAX_SERIES_VALUES : undefined);
}

export const series = (
  name: string,
  d: Described & { maxLength?: number; exactLength?: number; elements?: 'number' | 'boolean' },
): SeriesParam => ({
  name,
  kind: 'series',
  // Stated in the spec (and so in the generated reference) unless an exact length applies.
  ...(d.exactLength === undefined ? { maxLength: MAX_SERIES_VALUES } : {}),
  ...d,
});

export const option = (
  name: string,
  d: Described & { options: readonly string[]; default?: string },
): OptionParam => ({ name, kind: 'option', ...d });
