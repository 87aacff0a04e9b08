/** Every function the engine implements, in catalogue order (FUNCTIONS.md sections 1–7 and 9–11). */
import { CONTINUATION_FUNCTIONS } from './continuation';
import { CRIME_FUNCTIONS } from './crime';
import { CURRENCY_FUNCTIONS } from './currency';
import { DATE_FUNCTIONS } from './dates';
import { DEADLINE_FUNCTIONS } from './deadlines';
import { DISTRIBUTION_FUNCTIONS } from './distributions';
import { HOURLY_FUNCTIONS } from './hourly';
import { INTERRUPTION_FUNCTIONS } from './interruption';
import { LIMIT_FUNCTIONS } from './limits';
import { LMCIT_FUNCTIONS } from './lmcit';
import { RATIO_FUNCTIONS } from './ratios';
import { RECOVERY_FUNCTIONS } from './recoveries';
import { REVENUE_FUNCTIONS } from './revenue';
import { SIMULATE_FUNCTIONS } from './simulate';
import type { FunctionDefinition } from './specs';

export const CATALOGUE: readonly FunctionDefinition[] = [
  ...RATIO_FUNCTIONS,
  ...REVENUE_FUNCTIONS,
  ...INTERRUPTION_FUNCTIONS,
  ...HOURLY_FUNCTIONS,
  ...LIMIT_FUNCTIONS,
  ...RECOVERY_FUNCTIONS,
  ...LMCIT_FUNCTIONS,
  ...CRIME_FUNCTIONS,
  ...DATE_FUNCTIONS,
  // Section 9: deadlines, triggers, currency and continuation costs.
  ...DEADLINE_FUNCTIONS,
  ...CURRENCY_FUNCTIONS,
  ...CONTINUATION_FUNCTIONS,
  // Section 10: loss distributions in closed form (doubles, via the bridge to src/stochastic).
  ...DISTRIBUTION_FUNCTIONS,
  // Section 11: simulated annual losses under the policy's terms (the second bridge to src/stochastic).
  ...SIMULATE_FUNCTIONS,
];
