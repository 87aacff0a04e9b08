/** Types of scripts/gen-functions.js, for the tests that call it. */
import type { FunctionDefinition } from '../src/engine';

export const FUNCTIONS_TS: string;
export function renderFunctionsModule(catalogue: readonly FunctionDefinition[]): string;
