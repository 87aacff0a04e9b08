/**
 * HyperFormula's formula parser is a chevrotain parser, and every HyperFormula instance builds
 * one: its constructor analyses the grammar (`performSelfAnalysis`) and, by default, also runs
 * chevrotain's grammar validations (ambiguities, left recursion), about a third of that time.
 * chevrotain documents `skipValidations` for this case: the validations are for the author of a
 * grammar during development; they only report defects of the grammar itself and change nothing
 * the parser does. HyperFormula's grammar is fixed (it is validated by HyperFormula's own tests)
 * and HyperFormula offers no way to pass the option, so it is set on the instance just before
 * the analysis runs. Measured: 30 ms less CPU to build the first instance, 10 ms each after.
 *
 * If chevrotain is not the instance HyperFormula uses (a nested copy), nothing changes.
 */
import { EmbeddedActionsParser } from 'chevrotain';

let installed = false;

export function fastParserStart(): void {
  if (installed) return;
  installed = true;
  const proto = EmbeddedActionsParser.prototype as unknown as { performSelfAnalysis?: (this: { skipValidations?: boolean }) => void };
  const analyse = proto.performSelfAnalysis;
  if (typeof analyse !== 'function') return;
  proto.performSelfAnalysis = function performSelfAnalysisWithoutValidations(this: { skipValidations?: boolean }): void {
    this.skipValidations = true;
    analyse.call(this);
  };
}
