/**
 * An .xlsx file on disk → sheets of inputs, read as src/sheet/xlsx.ts describes (shared with the
 * workbench). This file only loads the file and turns failures into the CLI's
 * UnreadableInputError.
 *
 * ExcelJS is loaded only here, and only when an .xlsx file is read, to keep the CLI's start fast.
 * Only its Workbook class and enums are loaded, not the package's index: the index also loads
 * the streaming reader and writer (unzipper, archiver and their dependencies), about 380 modules
 * the CLI never uses, which took about 100 ms of every .xlsx run. The Workbook is the same class
 * the index exports.
 */
import fs from 'node:fs';
import type * as ExcelJSModule from 'exceljs';
import { type BoundedPackage, boundedPackage, leanPackage } from '../sheet/archive';
import { DEFAULT_PACKAGE_LIMITS, PackageLimitError, type PackageLimits, SheetLimitError } from '../sheet/limits';
import { readWorkbookContent, type XlsxContent } from '../sheet/xlsx';
import { characterSetOfApplication } from '../sheet/characterSets';
import { readWorkbookParts } from '../sheet/externalLinks';
import { autoFilterElement, worksheetPathsOf } from '../sheet/hiddenRows';
import type { IterationSettings } from '../sheet/iteration';
import { UnreadableInputError } from './errors';

export { dateToSerial, type XlsxContent } from '../sheet/xlsx';

type ExcelJSParts = Pick<typeof ExcelJSModule, 'Workbook' | 'ValueType'>;

/** ExcelJS's Workbook and ValueType; the whole package if its layout ever changes. */
export function loadExcelJS(): ExcelJSParts {
  try {
    // Deep paths ExcelJS 4 ships (lib/doc), typed as the index's exports.
    const Workbook = require('exceljs/lib/doc/workbook') as ExcelJSParts['Workbook'];
    const { ValueType } = require('exceljs/lib/doc/enums') as Pick<ExcelJSParts, 'ValueType'>;
    if (typeof Workbook === 'function' && ValueType && typeof ValueType.Formula === 'number') return { Workbook, ValueType };
  } catch {
    /* fall through to the package's index */
  }
  return require('exceljs') as typeof ExcelJSModule;
}

/** What reading an .xlsx file learnt before building its cells (for the memory budget). */
export interface XlsxReading {
  /** The `<c` elements of its sheets: an upper estimate of its cells. */
  readonly cells: number;
  /** Bytes its needed parts inflate to. */
  readonly inflated: number;
}

/**
 * Reads `file` within `limits` (src/sheet/archive.ts: only the parts needed, each counted while
 * inflating); `check` sees the estimate of cells before ExcelJS builds them and may throw.
 */
export async function readXlsx(
  file: string,
  limits: PackageLimits = DEFAULT_PACKAGE_LIMITS,
  check?: (reading: XlsxReading) => void,
  bytes: Uint8Array = fs.readFileSync(file),
): Promise<XlsxContent & { readonly iteration?: IterationSettings }> {
  const ExcelJS = loadExcelJS();
  const JSZip = require('jszip') as typeof import('jszip');
  let bounded: BoundedPackage;
  try {
    bounded = await boundedPackage(bytes, JSZip, limits);
  } catch (e) {
    if (e instanceof PackageLimitError) throw new UnreadableInputError(`${file}: ${e.message}; --max-size MB sets the limit for one part to MB and for the package to 4 × MB`);
    throw new UnreadableInputError(`${file} is not a readable .xlsx workbook (${e instanceof Error ? e.message : String(e)})`);
  }
  check?.({ cells: bounded.cells, inflated: bounded.inflated });
  let workbook = new ExcelJS.Workbook();
  try {
    try {
      await workbook.xlsx.load(bounded.bytes as unknown as ArrayBuffer);
    } catch (first) {
      // ExcelJS throws on some filters and formats Excel writes; read the cells without them
      // (src/sheet/archive.ts leanPackage) rather than refuse the whole workbook.
      if (/Invalid column letter/.test(first instanceof Error ? first.message : String(first))) throw first;
      workbook = new ExcelJS.Workbook();
      // If that fails too, the reason given is the first one.
      await workbook.xlsx.load((await leanPackage(bounded.bytes, JSZip)) as unknown as ArrayBuffer).catch(() => Promise.reject(first));
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // ExcelJS refuses a column past XFD while reading the cell's address.
    const column = /Out of bounds\. Invalid column letter: ([A-Z]+)/.exec(message);
    if (column) throw new UnreadableInputError(`${file}: a cell in column ${column[1]} is past the last column: a worksheet has at most 1,048,576 rows and 16,384 columns (A1 to XFD1048576)`);
    throw new UnreadableInputError(`${file} is not a readable .xlsx workbook (${message})`);
  }
  // Names as stored and linked workbooks' cached values (src/sheet/externalLinks.ts): extras, read
  // from the file itself (the package given to ExcelJS holds no external links).
  const parts = await JSZip.loadAsync(bytes)
    .then(async (zip) => {
      const read = await readWorkbookParts(zip, limits.partBytes);
      await readAutoFilters(zip, read, workbook, limits.partBytes);
      return read;
    })
    .catch(() => undefined);
  let content: XlsxContent;
  try {
    content = readWorkbookContent(workbook, ExcelJS.ValueType, { parts });
  } catch (e) {
    if (e instanceof SheetLimitError) throw new UnreadableInputError(`${file}: ${e.message}`);
    throw e;
  }
  if (content.sheets.length === 0) throw new UnreadableInputError(`${file} has no worksheet`);
  // Mac Excel computes CHAR and CODE in the Macintosh character set: evaluate as it did.
  // Iterative calculation as the workbook sets it (src/sheet/iteration.ts).
  return { ...content, characterSet: characterSetOfApplication(bounded.application), ...(bounded.iteration ? { iteration: bounded.iteration } : {}) };
}

/**
 * For a worksheet with an autofilter and hidden rows, keeps its `<autoFilter>` element in `parts`
 * under the worksheet's path: whether the filter filters tells SUBTOTAL which hidden rows a filter
 * hid (src/sheet/hiddenRows.ts). ExcelJS keeps only the filter's range. A part declaring more than
 * `maxBytes` is not read (the filter's rows are then taken as filtered).
 */
async function readAutoFilters(zip: import('jszip'), parts: Map<string, string>, workbook: InstanceType<ExcelJSParts['Workbook']>, maxBytes: number): Promise<void> {
  const paths = worksheetPathsOf(parts);
  for (const sheet of workbook.worksheets) {
    if (typeof (sheet as unknown as { autoFilter?: unknown }).autoFilter !== 'string') continue;
    let hidden = false;
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (row.hidden) hidden = true;
    });
    const path = paths.get(sheet.name.toUpperCase());
    const file = hidden && path ? zip.file(path) : null;
    if (!file || !path) continue;
    const declared = (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (typeof declared === 'number' && declared > maxBytes) continue;
    const element = autoFilterElement(await file.async('string'));
    if (element) parts.set(path, element);
  }
}
