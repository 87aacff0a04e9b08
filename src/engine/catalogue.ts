/** Every function the engine implements, in catalogue order. */
import { INTERRUPTION_FUNCTIONS } from './interruption';
import { RATIO_FUNCTIONS } from './ratios';
import { REVENUE_FUNCTIONS } from './revenue';
import type { FunctionDefinition } from './specs';

export const CATALOGUE: readonly FunctionDefinition[] = [...RATIO_FUNCTIONS, ...REVENUE_FUNCTIONS, ...INTERRUPTION_FUNCTIONS];
