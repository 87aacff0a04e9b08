/**
 * The trace: every intermediate amount a function computed, with the rule and article it comes
 * from, in order. The task pane's explain view reads it as it is; nothing recomputes a result a
 * second way to explain it.
 */
import type { Citation } from './articles';
import type { Decimal } from './decimal';

export interface Text {
  readonly en: string;
  readonly zh: string;
}

export interface TraceStep {
  /** What was computed, e.g. "Operating profit P = revenue − expenses". */
  readonly label: Text;
  /** The exact value (a decimal string), or a boolean / text. */
  readonly value: string | boolean;
  readonly article?: Citation;
}

export interface Tracer {
  readonly enabled: boolean;
  step(label: Text, value: Decimal | boolean | string, article?: Citation): void;
}

export class TraceRecorder implements Tracer {
  readonly enabled = true;
  readonly steps: TraceStep[] = [];
  step(label: Text, value: Decimal | boolean | string, article?: Citation): void {
    this.steps.push({
      label,
      value: typeof value === 'object' ? value.toString() : value,
      article,
    });
  }
}

/** Used on hot paths (a sheet of 10,000 rows): records nothing. */
export const NO_TRACE: Tracer = {
  enabled: false,
  step() {
    /* intentionally empty */
  },
};
