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
