/**
 * Excel table references (structured references) → plain A1 ranges, from the tables' definitions
 * in the workbook: `Table1[col2]`, `Table1[]`, `Table1[#All]`, `Table1[#Headers]`,
 * `Table1[#Totals]`, `Table1[#This Row]`, `Table1[@col]`, `Table1[[#Headers],[a]:[c]]`, and inside
 * a table the table name left out (`[col3]`, `[@col3]`). HyperFormula has no tables, so a formula
 * is rewritten before it is evaluated; a reference to an unknown table or column is left as it is
 * (and is then a parse error in that cell only).
 */
import { columnLetters } from './formula';
import { type AutoFilterArea, autoFilterOf } from './hiddenRows';
import { xmlAttribute } from './xmlText';

/** A table as the workbook defines it; rows and columns 1-based, inclusive, header and totals rows included. */
export interface TableDefinition {
  readonly name: string;
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
  readonly columns: readonly string[];
  /** The table's autofilter, from its part (src/sheet/hiddenRows.ts). */
  readonly filter?: AutoFilterArea;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Column names inside brackets escape [ ] # ' with a leading '. */
function unescapeColumn(text: string): string {
  return text.replace(/'(.)/g, '$1');
}

/** The matching ] of the [ at `start`, or -1. */
function closing(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      i++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The A1 range (sheet-qualified, absolute) of one structured reference, or undefined. */
function resolve(table: TableDefinition, inner: string, row: number): string | undefined {
  const items: string[] = [];
  const body = inner.trim();
  if (body.startsWith('[')) {
    // [[#Headers],[a]:[c]] — a list of bracketed items, a column span written [a]:[c].
    let i = 0;
    while (i < body.length) {
      if (body[i] === '[') {
        const end = closing(body, i);
        if (end < 0) return undefined;
        let item = body.slice(i + 1, end);
        i = end + 1;
        while (body[i] === ' ') i++;
        if (body[i] === ':' && body[i + 1] === '[') {
          const end2 = closing(body, i + 1);
          if (end2 < 0) return undefined;
          item = `${item}\u0000${body.slice(i + 2, end2)}`;
          i = end2 + 1;
        }
        items.push(item);
      } else i++;
    }
  } else if (body !== '') items.push(body);
  const specials = new Set<string>();
  let first: number | undefined;
  let last: number | undefined;
  const column = (name: string): number | undefined => {
    // A column name may end in spaces (Excel writes `Table1[[#This Row],[Gender ]]`): the name as
    // written first, then without the spaces around it.
    const wanted = unescapeColumn(name).toLowerCase();
    let k = table.columns.findIndex((c) => c.toLowerCase() === wanted);
    if (k < 0) k = table.columns.findIndex((c) => c.trim().toLowerCase() === wanted.trim());
    return k < 0 ? undefined : k;
  };
  for (const raw of items) {
    let item = raw.trim();
    if (item.startsWith('@')) {
      specials.add('#this row');
      item = item.slice(1).trim();
      if (item.startsWith('[') && item.endsWith(']')) item = item.slice(1, -1);
      if (item === '') continue;
    }
    if (item.startsWith('#')) {
      specials.add(item.toLowerCase());
      continue;
    }
    const [a, b] = item.split('\u0000');
    const ka = column(a);
    const kb = b === undefined ? ka : column(b);
    if (ka === undefined || kb === undefined) return undefined;
    first = Math.min(first ?? ka, ka, kb);
    last = Math.max(last ?? kb, ka, kb);
  }
  const dataTop = table.top + (table.headerRow ? 1 : 0);
  const dataBottom = table.bottom - (table.totalsRow ? 1 : 0);
  let top: number;
  let bottom: number;
  if (specials.has('#this row')) {
    if (row < dataTop || row > dataBottom) return undefined;
    top = bottom = row;
  } else if (specials.has('#all')) {
    top = table.top;
    bottom = table.bottom;
  } else {
    const headers = specials.has('#headers');
    const totals = specials.has('#totals');
    const data = specials.has('#data') || (!headers && !totals);
    if (headers && !table.headerRow) return undefined;
    if (totals && !table.totalsRow) return undefined;
    top = headers ? table.top : data ? dataTop : table.bottom;
    bottom = totals ? table.bottom : data ? dataBottom : table.top;
  }
  const left = table.left + (first ?? 0);
  const right = table.left + (last ?? table.columns.length - 1);
  const a = `$${columnLetters(left)}$${top}`;
  const b = `$${columnLetters(right)}$${bottom}`;
  return `${quoteSheet(table.sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/**
 * The formula with every structured reference it holds replaced by its range. `at` is the cell
 * holding the formula (for `#This Row`, `@` and references that leave the table name out).
 */
export function resolveTableReferences(formula: string, tables: readonly TableDefinition[], at: { sheet: string; row: number; col: number }): string {
  if (tables.length === 0 || !formula.includes('[')) return formula;
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  const home = tables.find((t) => t.sheet === at.sheet && at.row >= t.top && at.row <= t.bottom && at.col >= t.left && at.col <= t.right);
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === c) {
          if (formula[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '[') {
      const end = closing(formula, i);
      if (end < 0) break;
      const name = /([\p{L}_\\][\p{L}\p{N}_.\\]*)$/u.exec(out)?.[1];
      const table = name !== undefined ? byName.get(name.toLowerCase()) : home;
      const resolved = table ? resolve(table, formula.slice(i + 1, end), at.row) : undefined;
      if (resolved !== undefined) {
        if (name !== undefined) out = out.slice(0, out.length - name.length);
        out += resolved;
        i = end + 1;
        continue;
      }
      out += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out + formula.slice(i);
}

/** A table part (xl/tables/tableN.xml) as the file stores it. */
export interface StoredTable {
  readonly name: string;
  readonly ref: string;
  /** headerRowCount: absent means 1 (the usual table with a header row). */
  readonly headerRow: boolean;
  /** totalsRowCount: absent means 0. */
  readonly totalsRow: boolean;
  readonly columns: readonly string[];
  /** The table's autofilter (its rows, whether it filters), when the part has one. */
  readonly filter?: AutoFilterArea;
}

/**
 * Reads a table part. ExcelJS's own reading of a table stops at the first column holding a
 * <calculatedColumnFormula> (and so knows one column of a query table whose first column is
 * computed): the part is read here for the names, the size and the header and totals rows. Column
 * names keep OOXML's _xHHHH_ escapes decoded (a line break in a header is _x000a_).
 */
export function storedTableOf(xml: string): StoredTable | undefined {
  const open = /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0];
  if (!open) return undefined;
  const name = xmlAttribute(open, 'displayName') ?? xmlAttribute(open, 'name');
  const ref = xmlAttribute(open, 'ref');
  if (!name || !ref) return undefined;
  const columns: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?tableColumn\b[^>]*>/g)) {
    const column = xmlAttribute(m[0], 'name') ?? '';
    columns.push(column.replace(/_x([0-9A-Fa-f]{4})_/g, (_s, h: string) => String.fromCharCode(parseInt(h, 16))));
  }
  const headers = xmlAttribute(open, 'headerRowCount');
  const totals = xmlAttribute(open, 'totalsRowCount');
  const filter = autoFilterOf(xml);
  return { name, ref, headerRow: headers === undefined || Number(headers) > 0, totalsRow: totals !== undefined && Number(totals) > 0, columns, ...(filter ? { filter } : {}) };
}
