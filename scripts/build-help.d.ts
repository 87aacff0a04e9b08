/** Types of scripts/build-help.js, for the tests that call it. */
import type { FunctionDefinition } from '../src/engine';

export const HELP_CSP: string;
export function renderHelpPages(catalogue: readonly FunctionDefinition[]): Record<string, string>;
export function escapeHtml(text: string): string;
