/**
 * A template is data: the form it asks for (sections of typed fields with seed defaults), the
 * engine calls that check the entries with the engine's own rules, and a builder that turns valid
 * entries into a {@link SheetSpec} of labelled inputs and live CYBER formulas. No React, no
 * Office: each template builds and evaluates in a test.
 */
import type { RawArgument, Text } from '../../engine';
import type { CellScalar, SheetSpec } from '../gateway';

export type FieldKind =
  /** Money, ≥ 0: "1,250,000", "1250000.50". */
  | 'amount'
  /** A fraction in [0, 1]: "0.9" or "90%". */
  | 'ratio'
  /** A rate that may be negative but > −1 (a trend): "0.15", "-5%". */
  | 'rate'
  /** yyyy-mm-dd, written to the sheet as a date serial. */
  | 'date'
  /** Whole hours ≥ 0. */
  | 'hours'
  /** Days ≥ 0 (fractions allowed unless `whole`). */
  | 'days'
  | 'boolean'
  /** A short text such as an event id ("E1"), trimmed; required. */
  | 'text'
  /** Lines of values separated by ";" or a tab. */
  | 'table'
  /** Numbers separated by ";", spaces, tabs or new lines. */
  | 'series';

export type ColumnKind = 'text' | 'amount' | 'ratio' | 'date' | 'days';

export interface ColumnDef {
  readonly label: Text;
  readonly kind: ColumnKind;
  /** A blank is allowed (the engine reads it as "none" or 0). */
  readonly optional?: boolean;
}

export interface FieldDef {
  readonly key: string;
  readonly label: Text;
  readonly kind: FieldKind;
  /** The entry the form starts with, as the user would type it. */
  readonly default: string | boolean;
  /** Where the default comes from (a seed's article) or what the entry means. */
  readonly note?: Text;
  readonly min?: number;
  readonly greaterThan?: number;
  readonly max?: number;
  readonly whole?: boolean;
  readonly columns?: readonly ColumnDef[];
  /** Table/series: most lines accepted. */
  readonly maxRows?: number;
  /** Table/series: fewest lines accepted (default 1). */
  readonly minRows?: number;
}

export interface FormSection {
  readonly title: Text;
  readonly fields: readonly FieldDef[];
}

export type TableValue = CellScalar[][];
export type FieldValue = number | boolean | string | TableValue | number[];
export type FieldValues = Readonly<Record<string, FieldValue>>;
/** What the form holds: the text typed into each field (booleans for check boxes). */
export type RawInputs = Readonly<Record<string, string | boolean>>;

/**
 * An engine call over the entries, run before anything is written: an error it returns is shown
 * beside the field that `blame` maps its argument to (or above the form).
 */
export interface Probe {
  readonly fn: string;
  readonly args: (v: FieldValues) => RawArgument[];
  readonly blame: Readonly<Record<string, string>>;
}

export interface BuiltTemplate {
  readonly spec: SheetSpec;
  /** Address (on the new sheet) of the template's main result, e.g. "C52". */
  readonly payout: string;
  /** Addresses of every labelled input and result, by key. */
  readonly refs: Readonly<Record<string, string>>;
}

export interface TemplateDefinition {
  readonly id: 'cpic' | 'samsung' | 'lmcit' | 'iso';
  readonly title: Text;
  readonly description: Text;
  /** The seed file(s) the form and its defaults come from. */
  readonly source: Text;
  readonly sections: readonly FormSection[];
  readonly probes: readonly Probe[];
  build(values: FieldValues): BuiltTemplate;
}
