/**
 * Excel's 3-D references — the same cell or range on a span of worksheets, `Jan:Mar!B6`,
 * `'Q1 2024:Q4 2024'!A1:C3` — as HyperFormula can evaluate them.
 *
 * Microsoft ("Create a 3-D reference to the same cell range on multiple worksheets"): a 3-D
 * reference takes in every worksheet stored between the two named ones, in the workbook's sheet
 * order, and only these functions accept one: SUM, AVERAGE, AVERAGEA, COUNT, COUNTA, MAX, MAXA,
 * MIN, MINA, PRODUCT, STDEV, STDEVA, STDEVP, STDEVPA, VAR, VARA, VARP, VARPA (and their STDEV.S,
 * STDEV.P, VAR.S, VAR.P forms). Each of them treats a list of references as the union of their
 * cells, so a 3-D reference given as one of their arguments is written as the list of the
 * per-sheet references (`SUM(Jan!B6,Feb!B6,Mar!B6)`), which HyperFormula reads. Anywhere else a
 * 3-D reference is #VALUE! in Excel, and here too (instead of a parsing error).
 *
 * HyperFormula has no 3-D references, so this runs on the formula text before it is parsed, with
 * the workbook's sheet names in order (src/sheet/workbook.ts). String literals are never touched.
 */

/** The functions that take a 3-D reference (Microsoft's list). */
const THREE_D_FUNCTIONS = new Set([
  'SUM', 'AVERAGE', 'AVERAGEA', 'COUNT', 'COUNTA', 'MAX', 'MAXA', 'MIN', 'MINA', 'PRODUCT',
  'STDEV', 'STDEVA', 'STDEVP', 'STDEVPA', 'VAR', 'VARA', 'VARP', 'VARPA', 'STDEV.S', 'STDEV.P', 'VAR.S', 'VAR.P',
]);

const NAME_START = /[A-Za-z_\\\u00A1-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_.\\\u00A1-\uFFFF]/;
/** What follows the `!`: a cell or range, whole columns or whole rows (absolute or not). */
const AREA = /^(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![A-Za-z0-9_.(!])/;

/** A sheet name as a formula writes it: quoted when it is not a plain name. */
function sheetPrefix(name: string): string {
  const plain = /^[A-Za-z_\u00A1-\uFFFF][A-Za-z0-9_.\u00A1-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R\d*C\d*|TRUE|FALSE)$/i.test(name);
  return plain ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/** The function name ending just before `open` (its '('), storage prefixes removed; '' for a grouping parenthesis. */
function functionBefore(text: string, open: number): string {
  let j = open;
  while (j > 0 && NAME_CHAR.test(text[j - 1])) j--;
  return text.slice(j, open).replace(/^(_xlfn\.|_xlws\.)+/i, '').toUpperCase();
}

function previousNonSpace(out: string): string {
  for (let k = out.length - 1; k >= 0; k--) if (out[k] !== ' ') return out[k];
  return '';
}

function nextNonSpace(text: string, from: number): string {
  for (let k = from; k < text.length; k++) if (text[k] !== ' ') return text[k];
  return '';
}

/**
 * `formula` (with or without its leading `=`) with every 3-D reference written out for the
 * sheets of `sheets` (the workbook's order). A formula without one is returned unchanged (the
 * same string).
 */
export function expandThreeDReferences(formula: string, sheets: readonly string[]): string {
  if (!formula.includes(':') || !formula.includes('!') || sheets.length < 2) return formula;
  const index = new Map(sheets.map((s, i) => [s.toUpperCase(), i]));
  const span = (first: string, last: string): string[] | undefined => {
    const a = index.get(first.toUpperCase());
    const b = index.get(last.toUpperCase());
    if (a === undefined || b === undefined) return undefined;
    return sheets.slice(Math.min(a, b), Math.max(a, b) + 1);
  };
  let out = '';
  let changed = false;
  /** The enclosing calls' names ('' for a grouping parenthesis, '{' for an array constant). */
  const stack: string[] = [];
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    // A sheet span: quoted as a whole ('Jan 1:Mar 1'!) or two plain names (Jan:Mar!).
    let names: [string, string] | undefined;
    let after = i;
    if (c === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      const inner = formula.slice(i + 1, j).replace(/''/g, "'");
      const colon = inner.indexOf(':');
      if (formula[j + 1] === '!' && colon > 0 && inner.indexOf(':', colon + 1) < 0) names = [inner.slice(0, colon), inner.slice(colon + 1)];
      after = j + 2;
      if (!names) {
        out += formula.slice(i, j + 1);
        i = j + 1;
        continue;
      }
    } else if (NAME_START.test(c) && (i === 0 || !NAME_CHAR.test(formula[i - 1]))) {
      const m = /^([A-Za-z_\\\u00A1-\uFFFF][A-Za-z0-9_.\\\u00A1-\uFFFF]*):([A-Za-z_\\\u00A1-\uFFFF][A-Za-z0-9_.\\\u00A1-\uFFFF]*)!/.exec(formula.slice(i));
      if (m) {
        names = [m[1], m[2]];
        after = i + m[0].length;
      }
    }
    const sheetsOf = names ? span(names[0], names[1]) : undefined;
    const area = sheetsOf ? AREA.exec(formula.slice(after)) : null;
    if (sheetsOf && area) {
      const end = after + area[0].length;
      const call = stack[stack.length - 1];
      const wholeArgument = (previousNonSpace(out) === '(' || previousNonSpace(out) === ',') && (nextNonSpace(formula, end) === ',' || nextNonSpace(formula, end) === ')');
      out += call !== undefined && THREE_D_FUNCTIONS.has(call) && wholeArgument ? sheetsOf.map((s) => sheetPrefix(s) + area[0]).join(',') : '#VALUE!';
      changed = true;
      i = end;
      continue;
    }
    if (c === '(') stack.push(functionBefore(formula, i));
    else if (c === '{') stack.push('{');
    else if (c === ')' || c === '}') stack.pop();
    if (NAME_START.test(c) || /[0-9]/.test(c)) {
      // A whole word at once, so that a name's tail is never read as the start of a sheet span.
      let j = i + 1;
      while (j < formula.length && NAME_CHAR.test(formula[j])) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return changed ? out : formula;
}

/**
 * The sheets with the 3-D references of their formula cells written out (the same array when
 * there are none). Rows keep their holes: a sparse sheet stays sparse.
 */
export function withThreeDReferences<S extends { readonly name: string; readonly cells: readonly (readonly unknown[] | undefined)[] }>(sheets: readonly S[]): readonly S[] {
  if (sheets.length < 2) return sheets;
  const names = sheets.map((s) => s.name);
  let changed = false;
  const out = sheets.map((s) => {
    let sheetChanged = false;
    const cells = s.cells.map((row) => {
      if (!row) return row;
      let rowChanged = false;
      const next = row.map((v) => {
        if (typeof v !== 'string' || !v.startsWith('=')) return v;
        const w = expandThreeDReferences(v, names);
        if (w !== v) rowChanged = true;
        return w;
      });
      if (!rowChanged) return row;
      sheetChanged = true;
      return next;
    });
    if (!sheetChanged) return s;
    changed = true;
    return { ...s, cells };
  });
  return changed ? out : sheets;
}
