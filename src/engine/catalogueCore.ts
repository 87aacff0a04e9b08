/**
 * Catalogue sections 1–7 and 9 (FUNCTIONS.md): every function in exact decimals, without the
 * doubles of src/stochastic. catalogue.ts lists these, then catalogueStochastic.ts's; the Excel
 * functions bundle starts with this list alone and loads the other when one of its functions is
 * first called (src/functions/adapter.ts), which keeps @stdlib out of functions.js.
 */
import { CONTINUATION_FUNCTIONS } from './continuation';
import { CRIME_FUNCTIONS } from './crime';
import { CURRENCY_FUNCTIONS } from './currency';
import { DATE_FUNCTIONS } from './dates';
import { DEADLINE_FUNCTIONS } from './deadlines';
import { HOURLY_FUNCTIONS } from './hourly';
import { INTERRUPTION_FUNCTIONS } from './interruption';
import { LIMIT_FUNCTIONS } from './limits';
import { LMCIT_FUNCTIONS } from './lmcit';
import { RATIO_FUNCTIONS } from './ratios';
import { RECOVERY_FUNCTIONS } from './recoveries';
import { REVENUE_FUNCTIONS } from './revenue';
import type { FunctionDefinition } from './specs';

export const CORE_CATALOGUE: readonly FunctionDefinition[] = [
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
];
