/**
 * Host-neutral values: what every host (Excel, HyperFormula, the CLI) hands the engine and gets
 * back. Hosts translate their own cell types into these and nothing else.
 */
export type ErrorCode = '#VALUE!' | '#DIV/0!' | '#NUM!' | '#N/A' | '#REF!' | '#NAME?' | '#NULL!' | '#SPILL!' | '#CALC!' | '#GETTING_DATA';

/** An error value arriving from another cell: it is propagated unchanged. */
export interface ErrorValue {
  readonly error: ErrorCode;
  readonly message?: string;
}

/** `null` is a blank cell or an omitted argument; the empty text is treated the same way. */
export type Scalar = number | string | boolean | null;
export type CellValue = Scalar | ErrorValue;
export type RangeValue = ReadonlyArray<ReadonlyArray<CellValue>>;
export type RawArgument = CellValue | RangeValue;

/** A value a function hands back to a host (after the exact result became a number). */
export type ResultScalar = number | string | boolean;
export type ResultValue = ResultScalar | ResultScalar[][];

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as ErrorValue).error === 'string';
}

export function isRange(v: RawArgument): v is RangeValue {
  return Array.isArray(v);
}

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || v === '';
}
