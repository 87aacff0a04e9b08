/**
 * An .xlsx file on disk → sheets of inputs, read as src/sheet/xlsx.ts describes (shared with the
 * workbench). This file only loads the file and turns failures into the CLI's
 * UnreadableInputError.
 *
 * ExcelJS is loaded only here, and only when an .xlsx file is read, to keep the CLI's start fast.
 */
import { readWorkbookContent, type XlsxContent } from '../sheet/xlsx';
import { UnreadableInputError } from './errors';

export { dateToSerial, type XlsxContent } from '../sheet/xlsx';

export async function readXlsx(file: string): Promise<XlsxContent> {
  const ExcelJS = await import('exceljs');
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
