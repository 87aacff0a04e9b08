/**
 * Circular references as Excel computes them (issue 11).
 *
 * HyperFormula orders formulas by the references written in them and gives every cell of a
 * circle of references #CYCLE!. Excel follows the references a formula actually reads while it
 * is calculated: =IF(A1,B1,1) with A1 FALSE never reads B1, so a circle through B1 that this IF
 * closes is no circle at all, and the cells compute (1). Only a cell that reads itself, directly
 * or through others, while it is being calculated is in a circular reference.
 *
 * - Iterative calculation off (Excel's default): such a cell stays an error here (#CYCLE!, "Circular
 *   reference."), where Excel shows 0 with its circular-reference warning.
 * - Iterative calculation on (File > Options > Formulas > "Enable iterative calculation"; in the
 *   file `<calcPr iterate="1" iterateCount="100" iterateDelta="0.001"/>`): Microsoft, "Remove or
 *   allow a circular reference": Excel recalculates "until a specific numeric condition is met":
 *   at most Maximum Iterations times (iterateCount, 100 by default), stopping once no value
 *   changes by Maximum Change or more (iterateDelta, 0.001 by default). Each pass recalculates
 *   the cells in order, each reading the values the others have at that moment (Gauss–Seidel),
 *   from 0 for a cell never calculated.
 *
 * This works on HyperFormula's dependency graph after it has evaluated the workbook: the cells it
 * gave #CYCLE! and every cell depending on them are calculated again, each on demand when another
 * reads it (so in the order the formulas read them), with the cell reads of the interpreter routed
 * through {@link resolveCircularReferences}' hook for that time only.
 */
import { CellError, ErrorType, type HyperFormula, SimpleRangeValue } from 'hyperformula';

/** Excel's iterative calculation settings (the workbook's calcPr). */
export interface IterationSettings {
  /** iterateCount: at most this many passes. */
  readonly maxIterations: number;
  /** iterateDelta: stop when no value changed by this much or more. */
  readonly maxChange: number;
}

/** ECMA-376 Part 1, 18.2.2 calcPr: iterateCount defaults to 100, iterateDelta to 0.001. */
const DEFAULT_COUNT = 100;
const DEFAULT_DELTA = 0.001;
/** A bound on the passes whatever a file says (Excel's own dialog accepts up to 32,767). */
const MAX_COUNT = 32767;
/** Passes without iteration: enough for any order of reading to settle (see resolveCircularReferences). */
const NON_ITERATIVE_PASSES = 10;

/** The iterative calculation settings of xl/workbook.xml, or undefined when iteration is off. */
export function iterationOfWorkbookXml(xml: string): IterationSettings | undefined {
  const m = /<(?:\w+:)?calcPr\b([^>]*)>/.exec(xml);
  if (!m) return undefined;
  const attr = (name: string): string | undefined => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(m[1])?.[1];
  const iterate = attr('iterate');
  if (iterate !== '1' && iterate !== 'true') return undefined;
  const count = Number(attr('iterateCount') ?? DEFAULT_COUNT);
  const delta = Number(attr('iterateDelta') ?? DEFAULT_DELTA);
  return {
    maxIterations: Number.isFinite(count) && count >= 1 ? Math.min(Math.floor(count), MAX_COUNT) : DEFAULT_COUNT,
    maxChange: Number.isFinite(delta) && delta >= 0 ? delta : DEFAULT_DELTA,
  };
}

interface Address {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}
type Vertex = object;
interface FormulaVertexLike {
  getFormula(service: unknown): unknown;
  getAddress(service: unknown): Address;
}
interface RangeVertexLike {
  clearCache(): void;
}
interface Internals {
  dependencyGraph: {
    graph: { getNodes(): Iterable<Vertex>; adjacentNodes(v: Vertex): Iterable<Vertex> };
    addressMapping: { getCell(a: Address): Vertex | undefined; getCellValue(a: Address): unknown };
    lazilyTransformingAstService: unknown;
  };
  evaluator: { recomputeFormulaVertexValue(v: Vertex): unknown };
}

const isFormula = (v: Vertex): v is FormulaVertexLike => typeof (v as Partial<FormulaVertexLike>).getFormula === 'function' && typeof (v as Partial<FormulaVertexLike>).getAddress === 'function';
const isRange = (v: Vertex): v is RangeVertexLike => typeof (v as Partial<RangeVertexLike>).clearCache === 'function' && !isFormula(v);
const isCycle = (v: unknown): boolean => v instanceof CellError && v.type === ErrorType.CYCLE;

/** What a cell holds as a number for the change between passes (undefined: not a number). */
function numeric(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const val = (v as { val?: unknown } | null)?.val; // HyperFormula's typed numbers (dates, percents)
  return typeof val === 'number' ? val : undefined;
}

/**
 * Calculates again the cells HyperFormula gave #CYCLE! (and those depending on them) following the
 * references their formulas read, and with `iteration` iterates true circles as Excel does. Returns
 * the number of passes made (0 when the workbook has no circle of references).
 */
export function resolveCircularReferences(hf: HyperFormula, iteration?: IterationSettings): number {
  const internals = hf as unknown as Internals;
  const graph = internals.dependencyGraph;
  const mapping = graph.addressMapping;
  const service = graph.lazilyTransformingAstService;
  const read = mapping.getCellValue.bind(mapping);
  // The cells HyperFormula found in a circle (or given its error by one), then all depending on them.
  const seeds: Vertex[] = [];
  for (const v of graph.graph.getNodes()) {
    if (!isFormula(v)) continue;
    let value: unknown;
    try {
      value = read(v.getAddress(service));
    } catch {
      continue;
    }
    if (isCycle(value)) seeds.push(v);
  }
  if (seeds.length === 0) return 0;
  const pending = new Set<Vertex>(seeds);
  const queue = [...seeds];
  while (queue.length > 0) {
    const v = queue.pop() as Vertex;
    for (const next of graph.graph.adjacentNodes(v)) {
      if (!pending.has(next)) {
        pending.add(next);
        queue.push(next);
      }
    }
  }
  const formulas = [...pending].filter(isFormula);
  const ranges = [...pending].filter(isRange);
  const addressOf = new Map<Vertex, Address>(formulas.map((v) => [v, v.getAddress(service)]));
  // Excel's order as far as it is documented: sheet by sheet, row by row.
  formulas.sort((a, b) => {
    const x = addressOf.get(a) as Address;
    const y = addressOf.get(b) as Address;
    return x.sheet - y.sheet || x.row - y.row || x.col - y.col;
  });
  const done = new Set<Vertex>();
  const calculating = new Set<Vertex>();
  const calculate = (v: Vertex): void => {
    calculating.add(v);
    try {
      internals.evaluator.recomputeFormulaVertexValue(v);
    } catch {
      // left with its value: one cell never fails the workbook
    } finally {
      calculating.delete(v);
      done.add(v);
      // A range's cached aggregate (SUM over it, its criteria) may hold what the cell had before.
      for (const r of ranges) r.clearCache();
    }
  };
  mapping.getCellValue = (address: Address): unknown => {
    const v = mapping.getCell(address);
    if (v !== undefined && pending.has(v) && isFormula(v)) {
      if (calculating.has(v)) {
        // The cell is read while being calculated: what it holds from the pass before (#CYCLE! at
        // first; with iteration, 0 for a cell never calculated).
        const now = read(address);
        return iteration && isCycle(now) ? 0 : now;
      }
      if (!done.has(v)) calculate(v);
    }
    return read(address);
  };
  const snapshot = (v: FormulaVertexLike): unknown[] => {
    const value = read(addressOf.get(v) as Address);
    const whole = (v as { getCellValue?: () => unknown }).getCellValue?.();
    // An array formula: every cell of its result.
    return whole instanceof SimpleRangeValue ? whole.data.flat() : [value];
  };
  const differs = (a: unknown, b: unknown): boolean => {
    const x = numeric(a);
    const y = numeric(b);
    if (x !== undefined && y !== undefined) return iteration ? !(Math.abs(y - x) < iteration.maxChange) : x !== y;
    if (a instanceof CellError && b instanceof CellError) return a.type !== b.type;
    return a !== b;
  };
  let passes = 0;
  let changing: FormulaVertexLike[] = [];
  try {
    // Without iteration, passes go on while values still change: a cell that read another before
    // that one had its value reads it in the next pass, as Excel calculates a cell again once what it
    // reads is calculated. What still changes after them is a true circle.
    const limit = iteration ? iteration.maxIterations : NON_ITERATIVE_PASSES;
    while (passes < limit) {
      const before = formulas.map(snapshot);
      done.clear();
      for (const r of ranges) r.clearCache();
      for (const v of formulas) if (!done.has(v)) calculate(v);
      passes++;
      changing = formulas.filter((v, i) => {
        const after = snapshot(v);
        return after.length !== before[i].length || after.some((x, k) => differs(before[i][k], x));
      });
      if (changing.length === 0) break;
    }
  } finally {
    delete (mapping as { getCellValue?: unknown }).getCellValue; // the prototype's own again
    for (const r of ranges) r.clearCache();
  }
  if (!iteration) for (const v of changing) (v as unknown as { setCellValue(x: unknown): unknown }).setCellValue(new CellError(ErrorType.CYCLE, 'Circular reference.'));
  return passes;
}
