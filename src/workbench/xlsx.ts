/**
 * The workbench's workbook ↔ .xlsx bytes, with ExcelJS (its browser build in the page, its Node
 * build in tests: the caller passes the loaded module).
 *
 * Saving writes what Excel needs to show and recompute the same model:
 * - every formula as a formula with its cached value (what Excel shows before recalculating;
 *   the file asks Excel to recalculate fully on load);
 * - a formula whose result is an array (a CYBER function that spills, or an array formula) as an
 *   array formula over the cells it fills, with their cached values: Excel evaluates it over that
 *   range, and `cyberbi calc` reads it back as an array formula (src/sheet/xlsx.ts);
 * - number formats, bold, fills, column widths, and workbook names that are a single range;
 * - the task pane's settings and the charts, in a very hidden sheet named {@link META_SHEET}
 *   (one row per entry: kind, key, then the value in chunks of at most 32,000 characters, the
 *   most an Excel cell holds). ExcelJS cannot write Excel charts: they round-trip through the
 *   workbench only.
 *
 * Opening reads the cells as the CLI does (src/sheet/xlsx.ts, shared), plus formats and the
 * metadata sheet, so a file opens with the same inputs `cyberbi calc` evaluates.
 *
 * A workbook opened from a file is saved by updating that file's package in place
 * (./xlsxPackage.ts): every part and every cell the user did not change stays byte for byte —
 * merged cells, comments, tables, styles, drawings and charts, chart sheets, sheet states, names,
 * array formulas and their cached values — and only the changed cells (with the cached values
 * their change moved) are rewritten. {@link saveWarnings} lists what such a save cannot keep, for
 * the page to show before saving. The writer above is used for a workbook built in the workbench.
 */
import type * as ExcelJSModule from 'exceljs';
import { columnLetters, columnNumber } from '../sheet/formula';
import { type BoundedPackage, boundedPackage, leanPackage } from '../sheet/archive';
import { characterSetOfApplication } from '../sheet/characterSets';
import { count, DEFAULT_PACKAGE_LIMITS, PackageLimitError, type PackageLimits, SheetLimitError } from '../sheet/limits';
import { isInputError, type InputCell, isSparseSheet, withSparseSheets } from '../sheet/workbook';
import { type AutoFilterArea, autoFilterOf, type RowVisibility, rowsOfRange, worksheetPathsOf } from '../sheet/hiddenRows';
import { wholeLineCells } from '../sheet/wholeLineCells';
import { readWorkbookContent } from '../sheet/xlsx';
import type { CellInput, CellValue } from '../taskpane/gateway';
import { isFormula, WorkbenchModel } from './model';
import { type MetaEntries, readMetaRows, recordStateProblems, type StateProblem, validCharts } from './stateValidate';
import { captureOrigin, loadJSZip, type PackageOrigin, packageNames, patchPackage } from './xlsxPackage';
import { copyFileName, type SaveWarning, saveWarnings as warningsFor } from './xlsxWarnings';

export { copyFileName, type SaveWarning };
export { UnpatchableSheetError } from './xlsxPackage';

export type ExcelJS = typeof ExcelJSModule;

/** The very hidden sheet holding the pane's settings and the charts. */
export const META_SHEET = '_cyberbi';
const CHUNK = 32000;
/** Error codes an .xlsx file can hold as a value. */
const FILE_ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

type CachedValue = number | string | boolean | { error: string } | undefined;

function cached(v: CellValue): CachedValue {
  if (v === null) return undefined;
  if (typeof v === 'object') return { error: FILE_ERRORS.has(v.error) ? v.error : '#VALUE!' };
  return v;
}

function argb(fill: string): string | undefined {
  return /^#[0-9A-Fa-f]{6}$/.test(fill) ? `FF${fill.slice(1).toUpperCase()}` : undefined;
}

/** "=ARRAYFORMULA(x)" → "x"; any other formula without its "=". */
function fileFormula(formula: string): string {
  const body = formula.trim().replace(/^=/, '');
  const m = /^ARRAYFORMULA\s*\(([\s\S]*)\)\s*$/i.exec(body);
  return m ? m[1] : body;
}

/** The file each opened workbook came from (or was last saved as), kept to save it in place. */
const origins = new WeakMap<WorkbenchModel, PackageOrigin>();

/** True when `model` was opened from a file, so saving updates that file's package in place. */
export function isOpenedFromFile(model: WorkbenchModel): boolean {
  return origins.has(model);
}

/**
 * What saving `model` over the file it was opened from cannot keep as the file had it (see
 * ./xlsxWarnings.ts); [] when nothing is lost, or when the workbook was not opened from a file.
 * The page shows these before saving and offers "save as a copy" ({@link copyFileName}).
 */
export function saveWarnings(model: WorkbenchModel): SaveWarning[] {
  const origin = origins.get(model);
  return origin ? warningsFor(model, origin, META_SHEET) : [];
}

/**
 * The workbook as .xlsx bytes: the opened file with only the changes written in, or, for a
 * workbook not opened from a file, a new workbook. The saved bytes become the file later saves
 * update. Throws UnpatchableSheetError when a changed sheet cannot be updated in place (the
 * warning `notInPlace` said so before): the page then offers {@link writeNewXlsx}.
 */
export async function saveXlsx(model: WorkbenchModel, ExcelJS: ExcelJS): Promise<Uint8Array> {
  const origin = origins.get(model);
  if (!origin) return writeNewXlsx(model, ExcelJS);
  const bytes = await patchPackage(model, origin, META_SHEET, CHUNK);
  origins.set(model, await captureOrigin(bytes, model, META_SHEET, origin));
  return bytes;
}

/**
 * The sheets whose rows a filter hid (the model's rowVisibility): a new workbook (writeNewXlsx)
 * keeps those rows hidden but writes no filter (ExcelJS writes no filter criteria), so that there
 * SUBTOTAL 1–11 counts them as rows hidden by hand — the page says so after saving one.
 */
export function sheetsWithFilteredRows(model: WorkbenchModel): string[] {
  return model.sheetNames({ includeHidden: true }).filter((name) => (model.rowVisibility(name)?.filtered.length ?? 0) > 0);
}

/** A new .xlsx holding the workbench's model (what ExcelJS can write; see the module comment). */
export async function writeNewXlsx(model: WorkbenchModel, ExcelJS: ExcelJS): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cyberbi workbench';
  wb.calcProperties.fullCalcOnLoad = true;
  // The model's serials are in its date system: the copy says which (<workbookPr date1904="1"/>).
  if (model.isDate1904()) (wb.properties as { date1904?: boolean }).date1904 = true;
  const meta: Array<[string, string, string]> = [];
  const visible = new Set(model.sheetNames());
  for (const name of model.sheetNames({ includeHidden: true })) {
    // A hidden sheet stays hidden (the model does not tell hidden from very hidden).
    const ws = wb.addWorksheet(name, visible.has(name) ? {} : { state: 'hidden' });
    const widths = model.columnWidths(name);
    for (const [letters, width] of Object.entries(widths)) ws.getColumn(columnNumber(letters)).width = width;
    // The rows an opened sheet hid stay hidden (SUBTOTAL reads them again when the copy is opened).
    for (const row of model.rowVisibility(name)?.hidden ?? []) ws.getRow(row + 1).hidden = true;
    const covered = new Set<string>();
    for (const { row, col, input, array } of model.inputsOf(name)) {
      const cell = ws.getCell(row + 1, col + 1);
      if (!isFormula(input)) {
        cell.value = input;
        continue;
      }
      const result = cached(model.getValue(name, row, col));
      const formula = fileFormula(input.formula);
      const spill = model.spillSize(name, row, col);
      if (spill || array) {
        const size = spill ?? { rows: 1, cols: 1 };
        const ref = `${cell.address}:${ws.getCell(row + size.rows, col + size.cols).address}`;
        // ExcelJS writes t="array" for shareType 'array' (its typings do not list the field).
        cell.value = { formula, result, shareType: 'array', ref } as ExcelJSModule.CellFormulaValue;
        for (let r = 0; r < size.rows; r++) {
          for (let c = 0; c < size.cols; c++) {
            if (r === 0 && c === 0) continue;
            covered.add(`${row + r},${col + c}`);
            const v = cached(model.getValue(name, row + r, col + c));
            if (v !== undefined) ws.getCell(row + r + 1, col + c + 1).value = v as ExcelJSModule.CellValue;
          }
        }
      } else {
        cell.value = (result === undefined ? { formula } : { formula, result }) as ExcelJSModule.CellFormulaValue;
      }
    }
    for (const [k, style] of model.stylesOf(name)) {
      const [row, col] = k.split(',').map(Number);
      const cell = ws.getCell(row + 1, col + 1);
      if (style.numberFormat) cell.numFmt = style.numberFormat;
      if (style.bold) cell.font = { bold: true };
      const colour = style.fill ? argb(style.fill) : undefined;
      if (colour) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour } };
    }
    for (const chart of model.charts(name)) meta.push(['chart', name, JSON.stringify(chart)]);
  }
  for (const n of model.names()) {
    // ExcelJS writes names that are one range ("'Claim'!$C$5"); others stay in the workbench.
    const body = n.expression.replace(/^=/, '');
    if (/^(?:'(?:[^']|'')+'|[^'!:(),]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/i.test(body)) wb.definedNames.add(body, n.name);
  }
  for (const [k, v] of model.settingEntries()) meta.push(['setting', k, v]);
  if (meta.length > 0) {
    const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
    meta.forEach(([kind, k, value], i) => {
      const row = ws.getRow(i + 1);
      row.getCell(1).value = kind;
      row.getCell(2).value = k;
      // Always at least one value cell, so an empty setting reads back as "".
      const chunks = value.length === 0 ? [''] : (value.match(new RegExp(`[\\s\\S]{1,${CHUNK}}`, 'g')) ?? ['']);
      chunks.forEach((chunk, j) => {
        row.getCell(3 + j).value = chunk;
      });
    });
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** One input cell as read from a file → the model's CellInput. */
function toInput(v: InputCell): CellInput {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.startsWith('=') ? { formula: v } : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (isInputError(v)) return { formula: `=${v.error}` };
  return v.text;
}

/**
 * A sheet's hidden rows with the hidden rows that hold no value added (readWorkbookContent reads
 * only rows with values): the model keeps them too, so that a value typed there is left out by
 * SUBTOTAL as in Excel, and that a save moves them with inserted and deleted rows. Such a row
 * inside the sheet's autofilter (below its header row) counts as filtered, as the others do.
 */
function withEmptyHiddenRows(rows: RowVisibility | undefined, ws: ExcelJSModule.Worksheet | undefined): RowVisibility | undefined {
  const known = new Set(rows?.hidden ?? []);
  const extra: number[] = [];
  // ExcelJS's own rows (eachRow with includeEmpty would create every row up to the last).
  const own = (ws as unknown as { _rows?: Array<ExcelJSModule.Row | undefined> } | undefined)?._rows;
  if (Array.isArray(own)) {
    own.forEach((row, i) => {
      if (row && row.hidden && !row.hasValues && !known.has(i)) extra.push(i);
    });
  }
  if (extra.length === 0) return rows;
  const ref = (ws as unknown as { autoFilter?: unknown }).autoFilter;
  const area = typeof ref === 'string' ? rowsOfRange(ref) : undefined;
  const filtered = area ? extra.filter((r) => r > area.top && r <= area.bottom) : [];
  return { hidden: [...known, ...extra].sort((a, b) => a - b), filtered: [...(rows?.filtered ?? []), ...filtered].sort((a, b) => a - b) };
}

/**
 * Each listed worksheet's own autofilter as its part has it (by upper-case sheet name): whether it
 * filters (a `<filterColumn>`) tells a row a filter hid from one hidden by Hide Rows. ExcelJS keeps
 * only a filter's range, and none when the filter made it fail (the lean reading above). A part
 * declaring more than `maxBytes` is not read.
 */
async function fileAutoFilters(bytes: Uint8Array, sheets: readonly string[], maxBytes: number): Promise<Map<string, AutoFilterArea>> {
  const out = new Map<string, AutoFilterArea>();
  if (sheets.length === 0) return out;
  const zip = await (await loadJSZip()).loadAsync(bytes);
  const size = (f: { _data?: { uncompressedSize?: number } }) => f._data?.uncompressedSize;
  const read = async (path: string): Promise<string | undefined> => {
    const file = zip.file(path);
    const declared = file ? size(file as unknown as { _data?: { uncompressedSize?: number } }) : undefined;
    return file && !(typeof declared === 'number' && declared > maxBytes) ? file.async('string') : undefined;
  };
  const parts = new Map<string, string>();
  for (const path of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']) {
    const xml = await read(path);
    if (xml !== undefined) parts.set(path, xml);
  }
  const paths = worksheetPathsOf(parts);
  for (const name of sheets) {
    const path = paths.get(name.toUpperCase());
    const xml = path ? await read(path) : undefined;
    const area = xml === undefined ? undefined : autoFilterOf(xml);
    if (area) out.set(name.toUpperCase(), area);
  }
  return out;
}

/**
 * The hidden rows with those inside the sheet's own autofilter (below its header row) taken as
 * filtered when it filters and as hidden by Hide Rows when it does not, as the CLI reads them;
 * the others (a table's filter) as they were read.
 */
function withFileFilter(rows: RowVisibility | undefined, own: AutoFilterArea | undefined): RowVisibility | undefined {
  if (!rows || !own) return rows;
  const was = new Set(rows.filtered);
  const inside = (r: number) => r > own.top && r <= own.bottom;
  return { hidden: rows.hidden, filtered: rows.hidden.filter((r) => (inside(r) ? own.active !== false : was.has(r))) };
}

/**
 * The most cells the workbench opens: beyond it the page's memory (HyperFormula, the model and
 * the grid, about 1 KB a cell) would run out before the workbook shows. `cyberbi calc` reads more.
 */
export const MAX_OPEN_CELLS = 1_000_000;

/** A file the workbench refuses to open, with the reason (a limit and the figures). */
export class OpenRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpenRefusedError';
  }
}

/**
 * Opens .xlsx bytes as a workbench workbook. Throws when the bytes are not a readable workbook,
 * and OpenRefusedError, before building anything, for a file past a limit: a part or the package
 * inflating past its bound (src/sheet/archive.ts: pictures and embedded objects are never
 * inflated), more than {@link MAX_OPEN_CELLS} cells, a cell beyond XFD1048576. A sheet's extent
 * costs nothing of itself: one value at XFD1048576 opens as one cell (a sparse sheet is stored
 * sparsely, the grid draws only its window, and the model's undo check and reconcile read only
 * the cells held — model.ts), so every sheet within Excel's 1,048,576 rows × 16,384 columns opens.
 */
export async function openXlsx(
  bytes: ArrayBuffer | Uint8Array,
  ExcelJS: ExcelJS,
  limits: PackageLimits = DEFAULT_PACKAGE_LIMITS,
): Promise<WorkbenchModel> {
  let wb = new ExcelJS.Workbook();
  const data = bytes instanceof Uint8Array ? bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) : bytes;
  let bounded: BoundedPackage;
  try {
    bounded = await boundedPackage(new Uint8Array(data as ArrayBuffer), await loadJSZip(), limits);
  } catch (e) {
    if (e instanceof PackageLimitError) throw new OpenRefusedError(`The workbook is not opened: ${e.message}.`);
    throw e;
  }
  if (bounded.cells > MAX_OPEN_CELLS) {
    throw new OpenRefusedError(`The workbook is not opened: it has about ${count(bounded.cells)} cells, more than the ${count(MAX_OPEN_CELLS)} the workbench opens (cyberbi calc evaluates larger files).`);
  }
  try {
    try {
      await wb.xlsx.load(bounded.bytes as unknown as ArrayBuffer);
    } catch (first) {
      // ExcelJS throws on some filters and formats Excel writes: the model reads the cells without
      // them (src/sheet/archive.ts leanPackage); saving writes the file's own parts back.
      if (/Invalid column letter/.test(first instanceof Error ? first.message : String(first))) throw first;
      wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await leanPackage(bounded.bytes, await loadJSZip())) as unknown as ArrayBuffer).catch(() => Promise.reject(first));
    }
  } catch (e) {
    const column = /Out of bounds\. Invalid column letter: ([A-Z]+)/.exec(e instanceof Error ? e.message : '');
    if (column) throw new OpenRefusedError(`The workbook is not opened: a cell in column ${column[1]} is past the last column; a worksheet has at most 1,048,576 rows and 16,384 columns (A1 to XFD1048576).`);
    throw e;
  }
  let content: ReturnType<typeof readWorkbookContent>;
  try {
    content = readWorkbookContent(wb, ExcelJS.ValueType, { details: true });
  } catch (e) {
    if (e instanceof SheetLimitError) throw new OpenRefusedError(`The workbook is not opened: ${e.message}.`);
    throw e;
  }
  const covered = wholeLineCells(content.sheets, content.names);
  if (covered && bounded.cells + covered.cells > MAX_OPEN_CELLS) {
    throw new OpenRefusedError(
      `The workbook is not opened: its whole-column and whole-row references (${covered.example} on sheet "${covered.sheet}", which reaches row ${count(covered.rows)} and column ${columnLetters(covered.cols)}) cover about ${count(covered.cells)} empty cells, each of which HyperFormula holds; with the file's cells, more than the ${count(MAX_OPEN_CELLS)} the workbench opens (cyberbi calc evaluates larger files).`,
    );
  }
  const original = new Uint8Array(data as ArrayBuffer).slice();
  // The names as the file holds them (constants and formulas too); ExcelJS's list when unreadable.
  const names = await packageNames(original).catch(() => content.names);
  const details = content.details ?? [];
  const model = new WorkbenchModel();
  // Mac Excel computes CHAR and CODE in the Macintosh character set: evaluate as it did.
  model.setCharacterSet(characterSetOfApplication(bounded.application));
  // A workbook in Excel's 1904 date system is evaluated, shown and typed in it (its date cells
  // were read as 1904 serials); saving in place keeps its <workbookPr date1904="1"/>.
  model.setDate1904(content.date1904 === true);
  // What is read back of the workbench's own sheet is checked first; what fails is dropped and
  // said, the rest kept (src/workbench/stateValidate.ts).
  const problems: StateProblem[] = [];
  let meta: MetaEntries = { settings: [], charts: [] };
  const kept: number[] = [];
  content.sheets.forEach((sheet, k) => {
    if (sheet.name !== META_SHEET) kept.push(k);
    else meta = readMetaRows(sheet.cells, problems);
  });
  // Sheets first (formulas and names may refer to any of them), then names, then cells.
  // A sparse sheet (one value at XFD1048576) is stored sparsely by HyperFormula: its cells, not its rectangle.
  for (const k of kept) {
    withSparseSheets(isSparseSheet(content.sheets[k].cells), () => model.addSheet(content.sheets[k].name, { hidden: details[k]?.state !== 'visible' && details[k] !== undefined }));
  }
  // The rows each sheet hides, before any cell is computed: SUBTOTAL leaves out the rows a filter
  // hides, and for 101–111 every hidden row, as Excel (src/sheet/hiddenRows.ts).
  const hiddenRows = kept.map((k) => withEmptyHiddenRows(content.sheets[k].rows, wb.worksheets[k]));
  const filters = await fileAutoFilters(
    original,
    kept.filter((_, i) => hiddenRows[i]).map((k) => content.sheets[k].name),
    limits.partBytes,
  ).catch(() => new Map<string, AutoFilterArea>());
  kept.forEach((k, i) => {
    const rows = withFileFilter(hiddenRows[i], filters.get(content.sheets[k].name.toUpperCase()));
    if (rows) model.setRowVisibility(content.sheets[k].name, rows);
  });
  for (const n of names) model.addName(n.name, n.expression);
  for (const k of kept) {
    const sheet = content.sheets[k];
    const detail = details[k];
    const writes: Array<{ row: number; col: number; input: CellInput; array?: boolean }> = [];
    sheet.cells.forEach((line, row) =>
      line.forEach((v, col) => {
        const input = toInput(v);
        if (input === null) return;
        const array = detail?.cells.get(`${row},${col}`)?.arrayFormula;
        // Keep the formula as the file stores it, flagged as an array formula.
        writes.push(array ? { row, col, input: { formula: array }, array: true } : { row, col, input });
      }),
    );
    model.writeInputs(sheet.name, writes);
    if (detail) {
      for (const [key, d] of detail.cells) {
        const [row, col] = key.split(',').map(Number);
        if (d.numberFormat || d.bold || d.fill) model.setStyle(sheet.name, row, col, { numberFormat: d.numberFormat, bold: d.bold, fill: d.fill });
      }
      if (Object.keys(detail.columnWidths).length > 0) model.setColumnWidths(sheet.name, detail.columnWidths);
    }
  }
  for (const c of validCharts(model, meta.charts, problems)) model.addChart(c.sheet, c.chart);
  for (const [k, v] of meta.settings) model.setSetting(k, v);
  recordStateProblems(model, problems);
  const first = model.sheetNames()[0] ?? model.sheetNames({ includeHidden: true })[0];
  if (first) model.select(first, 0, 0);
  try {
    origins.set(model, await captureOrigin(original, model, META_SHEET));
  } catch {
    // ExcelJS read it, but the package cannot be kept: saving writes a new workbook
  }
  return model;
}

