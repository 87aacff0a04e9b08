/**
 * Rows a worksheet hides, as SUBTOTAL reads them (src/sheet/subtotal.ts). Microsoft's SUBTOTAL
 * page: "For the function_num constants from 1 to 11, the SUBTOTAL function includes the values of
 * rows hidden by the Hide Rows command […] Use these constants when you want to subtotal hidden and
 * nonhidden numbers in a list. For the function_Num constants from 101 to 111, the SUBTOTAL
 * function ignores values of rows hidden by the Hide Rows command" and "The SUBTOTAL function
 * ignores any rows that are not included in the result of a filter, no matter which function_num
 * value you use."
 *
 * A file records both kinds alike, `<row hidden="1">`; what tells them apart is a filter: a hidden
 * row inside the range of an autofilter that filters (one with a `<filterColumn>`) — the sheet's
 * own or a table's — is taken as hidden by that filter, any other hidden row as hidden by Hide
 * Rows. When the filter's own element cannot be read (a worksheet part too large to scan, or a
 * host that reads no parts), a hidden row inside an autofilter's range is taken as filtered: rows
 * hidden where arrows to filter them are shown are, in practice, filtered out.
 */
import { parseAddress } from './formula';
import { xmlAttribute } from './xmlText';

/** Which rows of a sheet are hidden (0-based, ascending), and which of those a filter hides. */
export interface RowVisibility {
  readonly hidden: readonly number[];
  readonly filtered: readonly number[];
}

/** An autofilter's rows (0-based, inclusive) and whether it filters; `active` undefined when unknown. */
export interface AutoFilterArea {
  readonly top: number;
  readonly bottom: number;
  readonly active: boolean | undefined;
}

/** The rows of a range text such as "A1:D20" (0-based, inclusive), or undefined. */
export function rowsOfRange(ref: string): { top: number; bottom: number } | undefined {
  const [a, b] = ref.split(':');
  const start = parseAddress(a);
  const end = parseAddress(b ?? a);
  if (!start || !end) return undefined;
  return { top: Math.min(start.row, end.row) - 1, bottom: Math.max(start.row, end.row) - 1 };
}

/** The `<autoFilter>` element of a worksheet's or a table's XML: its rows and whether it filters. */
export function autoFilterOf(xml: string): AutoFilterArea | undefined {
  const m = /<(?:\w+:)?autoFilter\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:\w+:)?autoFilter>)/.exec(xml);
  if (!m) return undefined;
  const ref = xmlAttribute(`<autoFilter${m[1]}>`, 'ref');
  const rows = ref ? rowsOfRange(ref) : undefined;
  if (!rows) return undefined;
  return { ...rows, active: /<(?:\w+:)?filterColumn\b/.test(m[3] ?? '') };
}

/**
 * The sheet's hidden rows, sorted, each filtered when an autofilter area holding it filters (or
 * its filtering is unknown).
 */
export function rowVisibility(hidden: readonly number[], filters: readonly AutoFilterArea[]): RowVisibility | undefined {
  if (hidden.length === 0) return undefined;
  const rows = [...hidden].sort((a, b) => a - b);
  // A filter's header row is never hidden by it; a hidden header row was hidden by Hide Rows.
  const filtered = rows.filter((r) => filters.some((f) => f.active !== false && r > f.top && r <= f.bottom));
  return { hidden: rows, filtered };
}

/** Each worksheet's part path by upper-case sheet name, from workbook.xml and its relationships. */
export function worksheetPathsOf(parts: ReadonlyMap<string, string>): Map<string, string> {
  const get = (p: string) => parts.get(p) ?? parts.get(`/${p}`);
  const workbook = get('xl/workbook.xml');
  const rels = get('xl/_rels/workbook.xml.rels');
  const out = new Map<string, string>();
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = xmlAttribute(m[0], 'Id');
    const target = xmlAttribute(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = xmlAttribute(m[0], 'name');
    const id = xmlAttribute(m[0], 'r:id');
    const path = id ? targets.get(id) : undefined;
    if (name && path) out.set(name.toUpperCase(), path);
  }
  return out;
}

/** The `<autoFilter …>…</autoFilter>` element of a worksheet's XML (kept instead of the whole part), or undefined. */
export function autoFilterElement(xml: string): string | undefined {
  return /<(?:\w+:)?autoFilter\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?autoFilter>)/.exec(xml)?.[0];
}
