/**
 * The templates' timeline blocks: one row per time limit of the wording, a live CYBER.DEADLINE
 * formula over a date the user entered, labelled with the engine's own bilingual text for that rule
 * (DEADLINE_RULES, the table that drives the function), so the sheet, the docs and the function
 * say the same thing.
 */
import { DEADLINE_RULES, type Text } from '../../engine';
import type { SheetBuilder } from './sheetBuilder';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The rule's text: what the resulting day means (the row's label) and what its date is. */
export function deadlineText(id: string): { readonly means: Text; readonly date: Text; readonly article: string } {
  const rule = DEADLINE_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`programmer error: no CYBER.DEADLINE rule ${id}`);
  return { means: { en: capitalise(rule.means.en), zh: rule.means.zh }, date: { en: capitalise(rule.date.en), zh: rule.date.zh }, article: rule.article.article };
}

/** A timeline row: `=CYBER.DEADLINE("id", dateRef)`, formatted as a date, citing the rule's article. */
export function deadlineRow(b: SheetBuilder, key: string, id: string, dateRef: string, source: string): string {
  const t = deadlineText(id);
  return b.calc(key, t.means.en, t.means.zh, `=CYBER.DEADLINE("${id}",${dateRef})`, 'date', `${source} ${t.article}`);
}
