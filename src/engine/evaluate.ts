/**
 * The engine's single entry point for hosts: evaluate(name, raw arguments) → value + trace, or
 * error + trace, over the whole catalogue. It never throws for bad input; every host maps the
 * outcome to its own cell type. The evaluation itself is in evaluator.ts, which takes its
 * catalogue as an argument (the Excel functions bundle evaluates sections 1–9 before it has
 * loaded sections 10 and 11).
 */
import { CATALOGUE } from './catalogue';
import { type EvaluateOptions, evaluateIn, functionFinder, type Outcome } from './evaluator';
import type { FunctionDefinition } from './specs';
import type { RawArgument } from './values';

export type { EvaluateOptions, Outcome } from './evaluator';

const FIND = functionFinder(CATALOGUE);

/** Finds a function by its catalogue name, with or without the CYBER. prefix, any case. */
export function findFunction(name: string): FunctionDefinition | undefined {
  return FIND(name);
}

/**
 * `args` in parameter order. An argument left out of the call is either absent (the call is
 * shorter) or undefined (a host that sees an empty argument, as HyperFormula's f(a,,c)); null is
 * a blank (a blank cell, or an empty argument where the host cannot tell, as Excel).
 */
export function evaluate(name: string, args: readonly (RawArgument | undefined)[], options?: EvaluateOptions): Outcome {
  return evaluateIn(FIND, name, args, options);
}
