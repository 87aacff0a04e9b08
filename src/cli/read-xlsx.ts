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
import type * as ExcelJSModule from 'exceljs';
import { readWorkbookContent, type XlsxContent } from '../sheet/xlsx';
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

export async function readXlsx(file: string): Promise<XlsxContent> {
  const ExcelJS = loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    throw new UnreadableInputError(`${file} is not a readable .xlsx workbook (${e instanceof Error ? e.message : String(e)})`);
  }
  const content = readWorkbookContent(workbook, ExcelJS.ValueType);
  if (content.sheets.length === 0) throw new UnreadableInputError(`${file} has no worksheet`);
  return content;
}
