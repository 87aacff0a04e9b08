/**
 * The function reference as the pane shows it, read from the engine CATALOGUE — the same specs
 * that produce the Excel metadata — so the pane can never describe a function differently from
 * Excel's own tooltip. Pure: no React, no Office.
 */
import { CATALOGUE, type FunctionDefinition, type ParamSpec } from '../engine';
import type { Language } from './i18n';

export interface ParamEntry {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly optional: boolean;
  /** The default as a cell would show it (TRUE, 0, "excess"), when the spec has one. */
  readonly defaultText?: string;
}

export interface FunctionEntry {
  /** Catalogue name, e.g. PROFITRATE. */
  readonly id: string;
  /** As typed in a cell, e.g. CYBER.PROFITRATE. */
  readonly name: string;
  readonly section: number;
  readonly description: string;
  /** CYBER.FXRATE where Excel registers the function under another name than the catalogue's. */
  readonly excelName?: string;
  /** =CYBER.NAME(a, b, [c]) — optional arguments in brackets, as in FUNCTIONS.md. */
  readonly syntax: string;
  readonly params: readonly ParamEntry[];
  readonly articles: readonly string[];
  readonly formula: string;
  readonly example: { readonly formula: string; readonly result: string };
}

function defaultText(p: ParamSpec): string | undefined {
  if (!('default' in p) || p.default === undefined) return undefined;
  if (typeof p.default === 'boolean') return p.default ? 'TRUE' : 'FALSE';
  if (typeof p.default === 'string') return `"${p.default}"`;
  return String(p.default);
}

export function toEntry(fn: FunctionDefinition, lang: Language): FunctionEntry {
  const name = `CYBER.${fn.name}`;
  return {
    id: fn.name,
    name,
    section: fn.section,
    ...(fn.excelName ? { excelName: `CYBER.${fn.excelName}` } : {}),
    description: fn.description[lang],
    syntax: `=${name}(${fn.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`,
    params: fn.params.map((p) => ({
      name: p.name,
      label: p.label[lang],
      description: p.description[lang],
      optional: Boolean(p.optional),
      defaultText: defaultText(p),
    })),
    articles: fn.articles.map((a) => a[lang]),
    formula: fn.formula,
    example: fn.example,
  };
}

/** Everything a search may match, in both languages: a user may search in either. */
function searchableText(fn: FunctionDefinition): string {
  const parts: string[] = [fn.name, `CYBER.${fn.name}`, ...(fn.excelName ? [fn.excelName] : []), fn.description.en, fn.description.zh];
  for (const p of fn.params) parts.push(p.name, p.label.en, p.label.zh, p.description.en, p.description.zh);
  for (const a of fn.articles) parts.push(a.article, a.en, a.zh);
  return parts.join('\n').toLowerCase();
}

/**
 * The functions matching `query`: every whitespace-separated term must occur somewhere in the
 * function's texts (case-insensitive). Functions whose name contains a term come first (typing
 * "profitrate" finds CYBER.PROFITRATE before the functions that merely mention it); otherwise
 * catalogue order. An empty query lists the whole catalogue.
 */
export function searchCatalogue(query: string, catalogue: readonly FunctionDefinition[] = CATALOGUE): FunctionDefinition[] {
  const terms = query
    .toLowerCase()
    .split(/\s+/)
    .map((t) => t.replace(/^cyber\./, ''))
    .filter((t) => t !== '');
  if (!terms.length) return [...catalogue];
  const matching = catalogue.filter((fn) => {
    const text = searchableText(fn);
    return terms.every((t) => text.includes(t));
  });
  const byName = (fn: FunctionDefinition) => (terms.some((t) => fn.name.toLowerCase().includes(t)) ? 0 : 1);
  return matching.map((fn, i) => ({ fn, i, rank: byName(fn) })).sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.fn);
}
