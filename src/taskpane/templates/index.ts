/** The four policy-form templates, in the order the pane lists them. */
import { CPIC_TEMPLATE } from './cpic';
import { ISO_TEMPLATE } from './iso';
import { LMCIT_TEMPLATE } from './lmcit';
import { SAMSUNG_TEMPLATE } from './samsung';
import type { TemplateDefinition } from './types';

export const TEMPLATES: readonly TemplateDefinition[] = [CPIC_TEMPLATE, SAMSUNG_TEMPLATE, LMCIT_TEMPLATE, ISO_TEMPLATE];

export function findTemplate(id: string): TemplateDefinition | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

export type { TemplateDefinition, FieldDef, FormSection, RawInputs, BuiltTemplate } from './types';
