/**
 * Catalogue sections 10 and 11 (FUNCTIONS.md): the functions computed in doubles through the
 * bridges to src/stochastic (and @stdlib's special functions). Listed after CORE_CATALOGUE in
 * catalogue.ts; the Excel functions bundle loads this module as a separate chunk on the first
 * call of one of these functions (src/functions/adapter.ts).
 */
import { DISTRIBUTION_FUNCTIONS } from './distributions';
import { SIMULATE_FUNCTIONS } from './simulate';
import type { FunctionDefinition } from './specs';

export const STOCHASTIC_CATALOGUE: readonly FunctionDefinition[] = [
  // Section 10: loss distributions in closed form (doubles, via the bridge to src/stochastic).
  ...DISTRIBUTION_FUNCTIONS,
  // Section 11: simulated annual losses under the policy's terms (the second bridge to src/stochastic).
  ...SIMULATE_FUNCTIONS,
];
