/** Public surface of the engine: pure TypeScript + decimal.js, imported by every host. */
export { CATALOGUE } from './catalogue';
export { evaluate, findFunction, type Outcome, type EvaluateOptions } from './evaluate';
export type { EngineError } from './errors';
export { MESSAGES, formatMessage, type MessageKey } from './messages';
export type { FunctionDefinition, FunctionSpec, ParamSpec, ColumnSpec, ResultKind } from './specs';
export type { TraceStep, Text } from './trace';
export type { Citation } from './articles';
export { SOURCE_TITLES } from './articles';
export * from './values';
export { limitsReport, type LimitsReport, type CoverUsage } from './limitsReport';
// Section 10: the distribution families and the one parser of distribution texts (doubles).
export {
  SEVERITY_FAMILIES,
  FREQUENCY_FAMILIES,
  parseSeverity,
  parseFrequency,
  DistributionProblem,
  NO_LIMIT,
  type Severity,
  type Frequency,
  type SeverityFamily,
  type FrequencyFamily,
  type Problem as DistributionProblemKind,
} from './distributions';
export {
  DEADLINE_RULES,
  DEADLINE_KINDS,
  deadlineDay,
  findDeadlineRule,
  offsetText,
  type DeadlineRule,
  type DeadlineKind,
  type DeadlineOffset,
  type DeadlineSource,
} from './deadlines';
// Section 11: the annual-loss simulation (CYBER.SIMULATE) for the Simulate tab (see src/engine/simulate.ts).
export * from './simulate';
