/**
 * An ExcelJS workbook → sheets of inputs: the one reading of .xlsx content shared by the CLI
 * (src/cli/read-xlsx.ts, which loads the file from disk) and the workbench (which loads the bytes
 * a user opened in the browser). Every sheet is read (formulas may refer to other sheets); cached
 * results are ignored, because both hosts recompute every formula.
 *
 * - formulas → formula text, storage prefixes removed (src/sheet/formula.ts); a shared
 *   formula's dependent cells get the master's formula moved to their position; an array
 *   formula (t="array": Ctrl+Shift+Enter, or an Excel 365 formula that spilled) is evaluated as
 *   an array formula, and the cells of its range are left for its result to fill;
 * - date cells → Excel serials in the workbook's date system (`date1904`, which ExcelJS reads from
 *   xl/workbook.xml's <workbookPr>, and which the content returns for the evaluation);
 * - rich text and hyperlinks → their text; error cells → error values; a text cell stays text
 *   even when it starts with `=`;
 * - cells covered by a merge (all but the top-left one) are blank;
 * - workbook-level defined names that are a single range become names in the evaluation.
 *
 * With `details` the reader also returns what a spreadsheet host shows but does not compute:
 * number formats, bold, fills, column widths, sheet visibility and each array formula as stored.
 *
 * ExcelJS is only imported as types here: the caller hands in the loaded module's ValueType, so
 * the CLI keeps loading ExcelJS lazily and the workbench uses ExcelJS's browser build.
 */
import type { Cell, Workbook, Worksheet } from 'exceljs';
import { arrayFormula, columnLetters, parseAddress, shiftFormula, tokenize } from './formula';
import { MAX_COLS, MAX_ROWS, SheetLimitError, sheetLimitMessage } from './limits';
import { resolveTableReferences, type StoredTable, storedTableOf, type TableDefinition } from './tables';
import type { InputCell, NamedExpressionInput, SheetInput } from './workbook';
import type { CharacterSet } from './characterSets';
import { DATE1904_OFFSET } from './dateSystem';
import { definedNamesOf, externalBooksOf, resolveExternalReferences, resolveSpillReferences, singleValueOfArrayConstant, type WorkbookParts } from './externalLinks';
import { type AutoFilterArea, autoFilterOf, rowsOfRange, rowVisibility, worksheetPathsOf } from './hiddenRows';

/** What a host shows for one cell beyond its input. */
export interface CellDetail {
  /** Excel number format code, absent for General. */
  readonly numberFormat?: string;
  readonly bold?: boolean;
  /** Solid background colour as #RRGGBB. */
  readonly fill?: string;
  /** An array formula as the file stores it (with `=`, without the ARRAYFORMULA wrapper). */
  readonly arrayFormula?: string;
  /** The array formula's range as the file stores it, e.g. "C5:C9". */
  readonly arrayRange?: string;
}

export interface SheetDetails {
  /** By "row,col", both 0-based. */
  readonly cells: ReadonlyMap<string, CellDetail>;
  /** Column widths in characters, by column letter. */
  readonly columnWidths: Readonly<Record<string, number>>;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
}

export interface XlsxContent {
  readonly sheets: SheetInput[];
  readonly names: NamedExpressionInput[];
  /** One per sheet, in the same order; present when read with `{ details: true }`. */
  readonly details?: SheetDetails[];
  /** CHAR's and CODE's character set, from docProps/app.xml's <Application> (set by the readers of the file). */
  readonly characterSet?: CharacterSet;
  /** The workbook uses Excel's 1904 date system (src/sheet/dateSystem.ts); absent for 1900. */
  readonly date1904?: boolean;
}

export type ValueTypes = typeof import('exceljs').ValueType;

const MS_PER_DAY = 86400000;
/** Days from 1899-12-30 (serial 0) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/**
 * A Date as ExcelJS reads it (the serial's wall-clock time, expressed in UTC) → its serial.
 * One division of exact integers, so a whole day or a time to the millisecond comes back as the
 * nearest double of the serial Excel stored.
 */
export function dateToSerial(d: Date, date1904 = false): number {
  return (d.getTime() + (UNIX_EPOCH_SERIAL - (date1904 ? DATE1904_OFFSET : 0)) * MS_PER_DAY) / MS_PER_DAY;
}

function richTextOf(v: unknown): string | undefined {
  if (typeof v === 'object' && v !== null && Array.isArray((v as { richText?: unknown }).richText)) {
    return ((v as { richText: Array<{ text?: string }> }).richText).map((r) => r.text ?? '').join('');
  }
  return undefined;
}

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  return richTextOf(v) ?? (v === null || v === undefined ? '' : String(v));
}

interface FormulaModel {
  formula?: string;
  sharedFormula?: string;
  shareType?: string;
  ref?: string;
}

/** The formula text of a formula cell (with `=`), or undefined when it has none. */
function formulaOf(cell: Cell, sheet: Worksheet, tables: readonly TableDefinition[]): string | undefined {
  const v = cell.value as FormulaModel;
  const here = parseAddress(cell.address);
  // Table references become ranges first (for a shared formula, at the dependent's own row: they
  // are absolute, so moving the master's text leaves them in place).
  const resolved = (text: string): string => (here ? resolveTableReferences(text, tables, { sheet: sheet.name, row: here.row, col: here.col }) : text);
  if (v.formula) {
    const text = resolved(v.formula.startsWith('=') ? v.formula : `=${v.formula}`);
    return v.shareType === 'array' ? arrayFormula(text) : text;
  }
  if (v.sharedFormula) {
    const master = sheet.getCell(v.sharedFormula);
    const masterFormula = (master.value as FormulaModel | null)?.formula;
    const from = parseAddress(master.address);
    const to = here;
    if (!masterFormula || !from || !to) return undefined;
    const text = resolved(masterFormula.startsWith('=') ? masterFormula : `=${masterFormula}`);
    return shiftFormula(text, to.row - from.row, to.col - from.col);
  }
  return undefined;
}

/**
 * Every table of the workbook, from ExcelJS's reading of the table parts (which tells each
 * table's sheet) and, where the file's parts were read, the parts themselves (src/sheet/tables.ts
 * storedTableOf: ExcelJS loses the columns after a calculated column).
 */
function tablesOf(workbook: Workbook, parts?: WorkbookParts): TableDefinition[] {
  const stored = new Map<string, StoredTable>();
  for (const [path, xml] of parts ?? []) {
    if (!/^\/?xl\/tables\/table\d+\.xml$/.test(path)) continue;
    const t = storedTableOf(xml);
    if (t) stored.set(t.name.toLowerCase(), t);
  }
  const out: TableDefinition[] = [];
  for (const sheet of workbook.worksheets) {
    const tables = (sheet as unknown as { tables?: Record<string, { model?: TableModel; table?: TableModel }> }).tables ?? {};
    for (const t of Object.values(tables)) {
      const m = t.model ?? t.table;
      const part = m?.name ? stored.get(m.name.toLowerCase()) : undefined;
      const ref = part?.ref ?? m?.tableRef ?? m?.ref;
      if (!m || typeof ref !== 'string' || !m.name) continue;
      const [a, b] = ref.split(':');
      const start = parseAddress(a);
      const end = parseAddress(b ?? a);
      if (!start || !end) continue;
      if (part) {
        out.push({ name: part.name, sheet: sheet.name, top: start.row, left: start.col, bottom: end.row, right: end.col, headerRow: part.headerRow, totalsRow: part.totalsRow, columns: part.columns, ...(part.filter ? { filter: part.filter } : {}) });
        continue;
      }
      const columns = (m.columns ?? []).map((c) => String(c.name ?? ''));
      // ExcelJS reads a header row only from an explicit headerRowCount="1", but Excel leaves the
      // attribute out for the usual table with headers: the first row holding the column names tells.
      const firstRow = columns.map((_, k) => textOf(sheet.getCell(start.row, start.col + k).value as unknown));
      const headerRow = m.headerRow === true || (columns.length > 0 && columns.every((c, k) => c === firstRow[k]));
      out.push({ name: m.name, sheet: sheet.name, top: start.row, left: start.col, bottom: end.row, right: end.col, headerRow, totalsRow: m.totalsRow === true, columns });
    }
  }
  return out;
}

interface TableModel {
  name?: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: Array<{ name?: string }>;
}

function inputOf(cell: Cell, sheet: Worksheet, ValueType: ValueTypes, tables: readonly TableDefinition[], date1904: boolean): InputCell {
  const v = cell.value as unknown;
  // A formula whose cached result is an error is typed by ExcelJS as an error cell: its formula counts.
  const model = v as FormulaModel | null;
  if (typeof model === 'object' && model !== null && (typeof model.formula === 'string' || typeof model.sharedFormula === 'string')) {
    return formulaOf(cell, sheet, tables) ?? null;
  }
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Number:
      return v as number;
    case ValueType.Boolean:
      return v as boolean;
    case ValueType.Date:
      return v instanceof Date && !Number.isNaN(v.getTime()) ? dateToSerial(v, date1904) : null;
    case ValueType.Error:
      return { error: (v as { error: string }).error };
    case ValueType.Hyperlink:
      return { text: textOf((v as { text?: unknown }).text) };
    case ValueType.RichText:
    case ValueType.String:
    case ValueType.SharedString:
      return { text: textOf(v) };
    case ValueType.Formula:
      return formulaOf(cell, sheet, tables) ?? null;
    default:
      return { text: textOf(v) };
  }
}

function detailOf(cell: Cell, ValueType: ValueTypes): CellDetail | undefined {
  const numFmt = typeof cell.numFmt === 'string' && cell.numFmt !== '' && cell.numFmt !== 'General' ? cell.numFmt : undefined;
  const bold = cell.font?.bold === true ? true : undefined;
  const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  const argb = fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
  const colour = typeof argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
  const model = cell.value as FormulaModel | null;
  const array = cell.type === ValueType.Formula && model?.shareType === 'array' && model.formula ? model : undefined;
  if (!numFmt && !bold && !colour && !array) return undefined;
  return {
    ...(numFmt ? { numberFormat: numFmt } : {}),
    ...(bold ? { bold } : {}),
    ...(colour ? { fill: colour } : {}),
    ...(array ? { arrayFormula: array.formula?.startsWith('=') ? array.formula : `=${array.formula}`, arrayRange: array.ref } : {}),
  };
}

/** The most cells an array formula's stored range is filled to (see readSheet). */
const MAX_FILLED_ARRAY = 1 << 20;

function readSheet(
  sheet: Worksheet,
  ValueType: ValueTypes,
  withDetails: boolean,
  tables: readonly TableDefinition[],
  date1904: boolean,
  parts: WorkbookParts | undefined,
): { input: SheetInput; details?: SheetDetails } {
  const cells: InputCell[][] = [];
  const details = new Map<string, CellDetail>();
  const arrayAreas: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  const hidden: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > MAX_ROWS) throw new SheetLimitError(sheetLimitMessage(sheet.name, `has a cell in row ${rowNumber.toLocaleString('en-US')}`));
    if (row.hidden) hidden.push(rowNumber - 1);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (colNumber > MAX_COLS) throw new SheetLimitError(sheetLimitMessage(sheet.name, `has a cell in column ${colNumber.toLocaleString('en-US')}`));
      if (withDetails) {
        const detail = detailOf(cell, ValueType);
        if (detail) details.set(`${rowNumber - 1},${colNumber - 1}`, detail);
      }
      const value = inputOf(cell, sheet, ValueType, tables, date1904);
      if (value === null) return;
      // Sparse: no row or cell is made for a blank one (one value at XFD1048576 is one entry).
      (cells[rowNumber - 1] ??= [])[colNumber - 1] = value;
      const model = cell.value as FormulaModel | null;
      if (typeof model === 'object' && model !== null && model.shareType === 'array' && model.ref) {
        const [a, b] = model.ref.split(':');
        const start = parseAddress(a);
        const end = parseAddress(b ?? a);
        if (start && end) arrayAreas.push({ top: start.row, left: start.col, bottom: end.row, right: end.col });
      }
    });
  });
  // The rest of an array formula's range holds Excel's cached results: leave it to the spill.
  // Only the cells present are visited (a range of A1:XFD1048576 costs its cells, not its area).
  for (const area of arrayAreas) {
    for (let r = area.top; r <= Math.min(area.bottom, cells.length); r++) {
      const line = cells[r - 1];
      line?.forEach((_, c0) => {
        const c = c0 + 1;
        if (c >= area.left && c <= area.right && (r !== area.top || c !== area.left)) line[c0] = null;
      });
    }
  }
  // A range larger than a million cells is not filled to its size (its result spills as computed):
  // a stored ref of A1:XFD1048576 would otherwise ask for an array of 17 billion values.
  const arrays = arrayAreas
    .map((a) => ({ row: a.top - 1, col: a.left - 1, rows: a.bottom - a.top + 1, cols: a.right - a.left + 1 }))
    .filter((a) => a.rows * a.cols <= MAX_FILLED_ARRAY);
  const rows = hidden.length > 0 ? rowVisibility(hidden, filtersOf(sheet, tables, parts)) : undefined;
  const input: SheetInput = { name: sheet.name, cells, ...(arrays.length > 0 ? { arrays } : {}), ...(rows ? { rows } : {}) };
  if (!withDetails) return { input };
  const columnWidths: Record<string, number> = {};
  (sheet.columns ?? []).forEach((column, k) => {
    if (column && typeof column.width === 'number') columnWidths[columnLetters(k + 1)] = column.width;
  });
  const state = sheet.state === 'hidden' || sheet.state === 'veryHidden' ? sheet.state : 'visible';
  return { input, details: { cells: details, columnWidths, state } };
}

/**
 * The sheet's autofilter areas (src/sheet/hiddenRows.ts): its own — whether it filters from its
 * element in the worksheet's part when the reader kept it (src/cli/read-xlsx.ts), unknown
 * otherwise — and each of its tables' (from the table part; unknown for a table read by ExcelJS
 * alone, whose header row has the filter arrows).
 */
function filtersOf(sheet: Worksheet, tables: readonly TableDefinition[], parts: WorkbookParts | undefined): AutoFilterArea[] {
  const out: AutoFilterArea[] = [];
  const own = (sheet as unknown as { autoFilter?: unknown }).autoFilter;
  const ref = typeof own === 'string' ? own : undefined;
  const rows = ref ? rowsOfRange(ref) : undefined;
  if (rows) {
    const path = parts ? worksheetPathsOf(parts).get(sheet.name.toUpperCase()) : undefined;
    const xml = path ? (parts?.get(path) ?? parts?.get(`/${path}`)) : undefined;
    out.push({ ...rows, active: xml ? autoFilterOf(xml)?.active : undefined });
  }
  for (const t of tables) {
    if (t.sheet !== sheet.name) continue;
    if (t.filter) out.push(t.filter);
    else if (t.headerRow) out.push({ top: t.top - 1, bottom: t.bottom - 1, active: undefined });
  }
  return out;
}

function namesOf(workbook: Workbook): NamedExpressionInput[] {
  const names: NamedExpressionInput[] = [];
  let model: Array<{ name: string; ranges: string[] }> = [];
  try {
    model = workbook.definedNames.model as Array<{ name: string; ranges: string[] }>;
  } catch {
    return names; // names are an extra: a workbook whose names ExcelJS cannot list still evaluates
  }
  for (const n of model) {
    if (n.ranges.length === 1 && !n.name.startsWith('_xlnm.')) names.push({ name: n.name, expression: `=${n.ranges[0]}` });
  }
  return names;
}

/**
 * Names as xl/workbook.xml stores them (see src/sheet/externalLinks.ts), references to linked
 * workbooks as their cached values, spilled-range references (A1#) as the ranges the file stores,
 * and an ordinary formula that is one array constant as its first value.
 */
function resolveFileReferences(sheets: SheetInput[], parts: WorkbookParts | undefined, exceljsNames: NamedExpressionInput[], tables: readonly TableDefinition[] = []): NamedExpressionInput[] {
  const books = parts ? externalBooksOf(parts) : [];
  const spills = new Map<string, Map<string, readonly [number, number]>>();
  for (const s of sheets) spills.set(s.name.toUpperCase(), new Map((s.arrays ?? []).map((a) => [`${a.row},${a.col}`, [a.rows, a.cols] as const])));
  const raw = parts ? definedNamesOf(parts) : undefined;
  const qualified = sheetQualifiedNames(raw ?? [], sheets);
  // `[0]!Name` (the workbook itself) is read also in a workbook linking no other.
  const rewrite = (text: string, sheet: string): string =>
    resolveSpillReferences(unqualifyNames(books.length > 0 || text.includes('[0]') ? resolveExternalReferences(text, books) : text, qualified), sheet, spills);
  for (const s of sheets) {
    for (const row of s.cells) {
      if (!row) continue;
      row.forEach((v, c) => {
        if (typeof v !== 'string' || !v.startsWith('=')) return;
        const text = singleValueOfArrayConstant(rewrite(v, s.name));
        if (text !== v) (row as InputCell[])[c] = text;
      });
    }
  }
  if (!raw) return exceljsNames;
  // Workbook-level names first; a sheet-level name only where no workbook-level one has its name.
  const seen = new Set<string>();
  const names: NamedExpressionInput[] = [];
  for (const n of [...raw.filter((x) => x.localSheetId === undefined), ...raw.filter((x) => x.localSheetId !== undefined)]) {
    if (seen.has(n.name.toUpperCase())) continue;
    seen.add(n.name.toUpperCase());
    // A name's table references (total = SUM(Table1[c])) become ranges as a cell's do; a name is in no table.
    const expression = resolveTableReferences(n.expression, tables, { sheet: '', row: 0, col: 0 });
    names.push({ name: n.name, expression: rewrite(expression, '') });
  }
  return names;
}

/**
 * Sheet-level names the evaluation knows by their name alone (as the names are kept below: no
 * workbook-level name of that name, the first sheet's), by "SHEET!NAME" in upper case.
 */
function sheetQualifiedNames(raw: readonly { name: string; localSheetId?: number }[], sheets: readonly SheetInput[]): Map<string, string> {
  const global = new Set(raw.filter((x) => x.localSheetId === undefined).map((x) => x.name.toUpperCase()));
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const x of raw) {
    const name = x.name.toUpperCase();
    if (x.localSheetId === undefined || global.has(name) || taken.has(name)) continue;
    taken.add(name);
    const sheet = sheets[x.localSheetId]?.name;
    if (sheet !== undefined) out.set(`${sheet.toUpperCase()}!${name}`, x.name);
  }
  return out;
}

/** `Defines!NR_To_A1` (a sheet-level name qualified by its sheet, as Excel writes it from another sheet) → the name. */
function unqualifyNames(text: string, qualified: ReadonlyMap<string, string>): string {
  if (qualified.size === 0 || !text.includes('!')) return text;
  const tokens = tokenize(text);
  const out = tokens.map((t) => t.text);
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i];
    if ((t.kind !== 'word' && t.kind !== 'quoted') || tokens[i + 1].text !== '!' || tokens[i + 2].kind !== 'word' || tokens[i - 1]?.text === ']') continue;
    const sheet = t.kind === 'quoted' ? t.text.slice(1, -1).replace(/''/g, "'") : t.text;
    const name = qualified.get(`${sheet.toUpperCase()}!${tokens[i + 2].text.toUpperCase()}`);
    if (name === undefined || tokens[i + 3]?.text === '(') continue;
    out[i] = '';
    out[i + 1] = '';
    out[i + 2] = name;
    i += 2;
  }
  return out.join('');
}

/** The workbook uses the 1904 date system, as ExcelJS read it from xl/workbook.xml. */
export function workbookDate1904(workbook: Workbook): boolean {
  try {
    return (workbook.properties as { date1904?: unknown } | undefined)?.date1904 === true;
  } catch {
    return false;
  }
}

/** Reads every sheet and the workbook-level names of a loaded ExcelJS workbook. */
export function readWorkbookContent(workbook: Workbook, ValueType: ValueTypes, options: { details?: boolean; parts?: WorkbookParts } = {}): XlsxContent {
  let tables: TableDefinition[] = [];
  try {
    tables = tablesOf(workbook, options.parts);
  } catch {
    tables = []; // tables are an extra: their references then show a parse error in their cells only
  }
  // ExcelJS reads <workbookPr date1904="1"> and gives date cells as the dates of that system.
  const date1904 = workbookDate1904(workbook);
  const read = workbook.worksheets.map((s) => readSheet(s, ValueType, options.details === true, tables, date1904, options.parts));
  const sheets = read.map((r) => r.input);
  // A host reading details (the workbench) keeps each formula as the user wrote it, to show and save.
  const names = options.details ? namesOf(workbook) : resolveFileReferences(sheets, options.parts, namesOf(workbook), tables);
  const system = date1904 ? { date1904 } : {};
  if (!options.details) return { sheets, names, ...system };
  return { sheets, names, details: read.map((r) => r.details as SheetDetails), ...system };
}
