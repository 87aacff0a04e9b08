/** Types of scripts/gen-functions.js, for the tests that call it. */
import type { FunctionDefinition } from '../src/engine';

export const FUNCTIONS_TS: string;
export function renderFunctionsModule(catalogue: readonly FunctionDefinition[]): string;
/** The id Excel registers for a function: its excelName where the catalogue's is too short for Excel. */
export function excelId(fn: { readonly name: string; readonly excelName?: string }): string;
