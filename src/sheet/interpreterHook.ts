/**
 * The one HyperFormula instance the sheet plugins build for themselves.
 *
 * Several plugins (the evaluation guard, the Analysis ToolPak check, reference functions, IM…
 * text, LAMBDA scopes, array lookups) wrap `evaluateAst` of HyperFormula's Interpreter, whose
 * class is not exported: its prototype is reached through an instance. Each used to build and
 * destroy its own instance, and every HyperFormula instance builds a formula parser (chevrotain's
 * grammar analysis, 10–25 ms): seven parsers before `cyberbi calc` evaluated anything. They now
 * share this one instance, built on first use and kept for the process (an empty instance holds
 * no cells). Which names HyperFormula accepts is also asked of it (src/sheet/workbook.ts).
 *
 * Names of functions registered after the instance was built are unknown to it, so it is never
 * used to evaluate anything.
 */
import { HyperFormula } from 'hyperformula';
import { fastParserStart } from './parserStart';

let probe: HyperFormula | undefined;

/** The shared instance (built on first call). */
export function probeInstance(): HyperFormula {
  if (!probe) {
    fastParserStart();
    probe = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' });
  }
  return probe;
}

/**
 * The prototype of HyperFormula's Interpreter, whose `evaluateAst` the plugins wrap (each marks
 * the prototype so that it wraps once per process); undefined if HyperFormula's internals
 * changed shape, and the plugins then install nothing.
 */
export function interpreterPrototype(): Record<string, unknown> | undefined {
  const interpreter = (probeInstance() as unknown as { _evaluator?: { interpreter?: object } })._evaluator?.interpreter;
  return interpreter ? (Object.getPrototypeOf(interpreter) as Record<string, unknown>) : undefined;
}
