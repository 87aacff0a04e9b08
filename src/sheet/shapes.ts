/**
 * The size of the array a CYBER function returns, from the sizes of its input ranges alone.
 *
 * HyperFormula (like Excel's legacy array formulas) fixes the cells an array result occupies
 * when the formula is entered, before any value is known; the catalogue therefore promises that
 * an array's size depends only on the size of the input ranges, never on their values
 * (FUNCTIONS.md, conventions). This module states that promise per function so the plugin can
 * tell HyperFormula the size in advance, and checks every result against it.
 *
 * The default comes from the spec: a `column` result has one value per row of the function's
 * first table argument (header row included: a label goes beside it) or per value of its first
 * series argument. Functions whose shape says something else are listed in {@link RESULT_SHAPES}.
 */
import type { FunctionSpec, ParamSpec } from '../engine';
import { seriesMaxLength } from '../engine/specs';
import { simulateRows } from '../engine/simulate';

export interface Shape {
  readonly rows: number;
  readonly cols: number;
  /**
   * The most rows the result may have rather than its exact height: a shorter result (same
   * columns) is padded with empty cells. Only for a shape that depends on an argument's value
   * which is not known when the size is fixed (SIMULATE's `output` given by a reference).
   */
  readonly atMost?: boolean;
}

/** The size of each argument as given (a single value is 1×1; an omitted one is undefined). */
export type ArgumentShapes = (name: string) => Shape | undefined;

/**
 * The value of an argument written in the formula as a literal (a text or a number), else
 * undefined: a reference's value is not known when HyperFormula fixes the size.
 */
export type ArgumentLiterals = (name: string) => string | number | undefined;

export type ShapeRule = (argument: ArgumentShapes, literal?: ArgumentLiterals) => Shape;

export const SCALAR: Shape = { rows: 1, cols: 1 };

/** Number of values in a series argument: a row or a column, read as a list. */
function lengthOf(shape: Shape | undefined): number {
  return shape ? shape.rows * shape.cols : 1;
}

function heightOf(shape: Shape | undefined): number {
  return shape ? shape.rows : 1;
}

/**
 * Functions whose result shape is not the spec-derived default. Entries may name functions the
 * catalogue does not implement yet (FUNCTIONS.md §5): they take effect when the function arrives.
 */
export const RESULT_SHAPES: Readonly<Record<string, ShapeRule>> = {
  // One payable amount per row of `claims`, the header row included ("payable" beside it).
  ALLOCATE: (arg) => ({ rows: heightOf(arg('claims')), cols: 1 }),
  // One recovery per member claim, always a column, even when the claims are given as a row.
  POOLSHARE: (arg) => ({ rows: lengthOf(arg('member_claims')), cols: 1 }),
  // To the insured above the limit, to the insurer, to the insured for the deductible, remainder.
  RECOVERY: () => ({ rows: 1, cols: 4 }),
  // Catalogue section 11: "stats" 14×2, "aep" and "oep" 11×2 — the one shape that depends on an
  // argument's value. Written in the formula (a literal text, or omitted: "stats") the height is
  // exact. Given by a reference or an expression, the value is not known when the size is fixed,
  // so the 14 rows of the tallest output are reserved and "aep"/"oep" fill 11 of them, the 3
  // below left empty — what Excel's spill of the same 11×2 result shows (11 rows, nothing under
  // them), where a #VALUE! over the whole range was the catalogue's "same in every host" broken.
  SIMULATE: (arg, literal) => {
    const output = literal?.('output');
    if (arg('output') !== undefined && typeof output !== 'string') return { rows: simulateRows(undefined), cols: 2, atMost: true };
    return { rows: simulateRows(typeof output === 'string' ? output : undefined), cols: 2 };
  },
};

function firstRangeParam(params: readonly ParamSpec[]): ParamSpec | undefined {
  return params.find((p) => p.kind === 'table' || p.kind === 'series');
}

/**
 * The shape rule of a function: undefined for a single-value result; for an array result the
 * listed rule or the spec-derived default. Throws (a programmer error, caught by the tests) when
 * an array function has neither.
 */
export function shapeRuleFor(spec: FunctionSpec, rules: Readonly<Record<string, ShapeRule>> = RESULT_SHAPES): ShapeRule | undefined {
  if (spec.resultKind !== 'row' && spec.resultKind !== 'column' && spec.resultKind !== 'table') return undefined;
  const listed = rules[spec.name];
  if (listed) return listed;
  const range = spec.resultKind === 'column' ? firstRangeParam(spec.params) : undefined;
  if (!range) {
    throw new Error(`programmer error: CYBER.${spec.name} returns a ${spec.resultKind} but has no result shape rule in src/sheet/shapes.ts`);
  }
  return range.kind === 'table'
    ? (arg) => ({ rows: heightOf(arg(range.name)), cols: 1 })
    : (arg) => ({ rows: lengthOf(arg(range.name)), cols: 1 });
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.rows === b.rows && a.cols === b.cols;
}

/**
 * Whether a result of shape `got` may fill what `expected` reserved: the same shape, or for an
 * `atMost` shape the same columns and no more rows (the rest padded with empty cells).
 */
export function fitsShape(expected: Shape, got: Shape): boolean {
  if (sameShape(expected, got)) return true;
  return expected.atMost === true && got.cols === expected.cols && got.rows >= 1 && got.rows <= expected.rows;
}


/**
 * True when a series argument is rejected by its size alone: longer than the engine evaluates
 * (#NUM!, catalogue: "a series too long for the engine's limits") or a 2-D range (#VALUE!,
 * catalogue: a series is "a row or a column"). The call is then one error whatever the values,
 * known from the input sizes, so an array function reserves one cell for it instead of repeating
 * the error over every reserved cell: CYBER.POOLSHARE over a 1,000,000-row column made
 * HyperFormula fill, and the CLI print, a million #NUM! cells; over a 2×2 range it reserved 4.
 */
export function seriesRejectedBySize(spec: FunctionSpec, argument: ArgumentShapes): boolean {
  return spec.params.some((p) => {
    if (p.kind !== 'series') return false;
    const shape = argument(p.name);
    if (shape === undefined) return false;
    const max = seriesMaxLength(p);
    return (shape.rows > 1 && shape.cols > 1) || (max !== undefined && shape.rows * shape.cols > max);
  });
}
