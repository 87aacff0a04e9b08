/**
 * Empty text is no number, as in Excel: `=1+""`, `=A1*2` where A1 holds `=IF(x,"",…)` (the usual
 * way a sheet leaves a cell looking blank), `=DATE(2025,1,"")` and `=SUM("2","4","")` are #VALUE!
 * in Excel. HyperFormula's ArithmeticHelper reads "" as 0 wherever it converts text to a number
 * (`coerceNonDateScalarToMaybeNumber`: `if (arg === '') return 0`), which turned those #VALUE!
 * cells into numbers nobody could see were wrong.
 *
 * The conversion is left to HyperFormula for everything else: a blank cell (EmptyValue, not "")
 * is still 0, numeric text ("2", "5%", "$3", dates) is still converted, and functions that take
 * text as 0 by their own rule (N, AVERAGEA, …) do so through their own code.
 *
 * ArithmeticHelper is not exported: its prototype is reached through an instance (the shared
 * probe, src/sheet/interpreterHook.ts), once per process.
 */
import { probeInstance } from './interpreterHook';

let installed = false;

export function registerEmptyTextIsNoNumber(): void {
  if (installed) return;
  installed = true;
  const helper = (probeInstance() as unknown as { _evaluator?: { interpreter?: { arithmeticHelper?: object } } })._evaluator?.interpreter?.arithmeticHelper;
  if (!helper) return;
  const proto = Object.getPrototypeOf(helper) as { coerceNonDateScalarToMaybeNumber?: (this: unknown, arg: unknown) => unknown };
  const original = proto.coerceNonDateScalarToMaybeNumber;
  if (typeof original !== 'function') return;
  proto.coerceNonDateScalarToMaybeNumber = function coerce(this: unknown, arg: unknown): unknown {
    return arg === '' ? undefined : original.call(this, arg);
  };
}
