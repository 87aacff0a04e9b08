/** Every function the engine implements, in catalogue order (FUNCTIONS.md sections 1–7 and 9–11). */
import { CORE_CATALOGUE } from './catalogueCore';
import type { FunctionDefinition } from './specs';
import { STOCHASTIC_CATALOGUE } from './catalogueStochastic';

// Two lists so that the Excel functions bundle can load sections 10 and 11 later (catalogueCore.ts).
export const CATALOGUE: readonly FunctionDefinition[] = [...CORE_CATALOGUE, ...STOCHASTIC_CATALOGUE];
