/**
 * An .xlsx file → sheets of inputs. Every sheet is read (formulas may refer to other sheets);
 * cached results are ignored, because the CLI recomputes every formula.
 *
 * - formulas → formula text, storage prefixes removed (src/sheet/formula.ts); a shared
 *   formula's dependent cells get the master's formula moved to their position; an array
 *   formula (t="array": Ctrl+Shift+Enter, or an Excel 365 formula that spilled) is evaluated as
 *   an array formula, and the cells of its range are left for its result to fill;
 * - date cells → Excel serials (1900 date system, also for a workbook saved in the 1904 system);
 * - rich text and hyperlinks → their text; error cells → error values; a text cell stays text
 *   even when it starts with `=`;
 * - cells covered by a merge (all but the top-left one) are blank;
 * - workbook-level defined names that are a single range become names in the evaluation.
 *
 * ExcelJS is loaded only here, and only when an .xlsx file is read, to keep the CLI's start fast.
 */
import type { Cell, Workbook, Worksheet } from 'exceljs';
import { arrayFormula, parseAddress, shiftFormula } from '../sheet/formula';
import type { InputCell, NamedExpressionInput, SheetInput } from '../sheet/workbook';
import { UnreadableInputError } from './errors';

export interface XlsxContent {
  readonly sheets: SheetInput[];
  readonly names: NamedExpressionInput[];
}

const MS_PER_DAY = 86400000;
/** Days from 1899-12-30 (serial 0) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/**
 * A Date as ExcelJS reads it (the serial's wall-clock time, expressed in UTC) → its serial.
 * One division of exact integers, so a whole day or a time to the millisecond comes back as the
 * nearest double of the serial Excel stored.
 */
export function dateToSerial(d: Date): number {
  return (d.getTime() + UNIX_EPOCH_SERIAL * MS_PER_DAY) / MS_PER_DAY;
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
function formulaOf(cell: Cell, sheet: Worksheet): { formula: string; arrayRange?: string } | undefined {
  const v = cell.value as FormulaModel;
  if (v.formula) {
    const text = v.formula.startsWith('=') ? v.formula : `=${v.formula}`;
    return v.shareType === 'array' ? { formula: arrayFormula(text), arrayRange: v.ref } : { formula: text };
  }
  if (v.sharedFormula) {
    const master = sheet.getCell(v.sharedFormula);
    const masterFormula = (master.value as FormulaModel | null)?.formula;
    const from = parseAddress(master.address);
    const to = parseAddress(cell.address);
    if (!masterFormula || !from || !to) return undefined;
    const text = masterFormula.startsWith('=') ? masterFormula : `=${masterFormula}`;
    return { formula: shiftFormula(text, to.row - from.row, to.col - from.col) };
  }
  return undefined;
}

function inputOf(cell: Cell, sheet: Worksheet, ValueType: typeof import('exceljs').ValueType): InputCell {
  const v = cell.value as unknown;
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Number:
      return v as number;
    case ValueType.Boolean:
      return v as boolean;
    case ValueType.Date:
      return v instanceof Date && !Number.isNaN(v.getTime()) ? dateToSerial(v) : null;
    case ValueType.Error:
      return { error: (v as { error: string }).error };
    case ValueType.Hyperlink:
      return { text: textOf((v as { text?: unknown }).text) };
    case ValueType.RichText:
    case ValueType.String:
    case ValueType.SharedString:
      return { text: textOf(v) };
    case ValueType.Formula: {
      const f = formulaOf(cell, sheet);
      return f ? f.formula : null;
    }
    default:
      return { text: textOf(v) };
  }
}

function readSheet(sheet: Worksheet, ValueType: typeof import('exceljs').ValueType): SheetInput {
  const cells: InputCell[][] = [];
  const arrayAreas: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = inputOf(cell, sheet, ValueType);
      if (value === null) return;
      while (cells.length < rowNumber) cells.push([]);
      const line = cells[rowNumber - 1];
      while (line.length < colNumber) line.push(null);
      line[colNumber - 1] = value;
      const model = cell.value as FormulaModel | null;
      if (cell.type === ValueType.Formula && model?.shareType === 'array' && model.ref) {
        const [a, b] = model.ref.split(':');
        const start = parseAddress(a);
        const end = parseAddress(b ?? a);
        if (start && end) arrayAreas.push({ top: start.row, left: start.col, bottom: end.row, right: end.col });
      }
    });
  });
  // The rest of an array formula's range holds Excel's cached results: leave it to the spill.
  for (const area of arrayAreas) {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if ((r !== area.top || c !== area.left) && cells[r - 1] && c - 1 < cells[r - 1].length) cells[r - 1][c - 1] = null;
      }
    }
  }
  return { name: sheet.name, cells };
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

export async function readXlsx(file: string): Promise<XlsxContent> {
  const ExcelJS = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    throw new UnreadableInputError(`${file} is not a readable .xlsx workbook (${e instanceof Error ? e.message : String(e)})`);
  }
  const sheets = workbook.worksheets.map((s) => readSheet(s, ExcelJS.ValueType));
  if (sheets.length === 0) throw new UnreadableInputError(`${file} has no worksheet`);
  return { sheets, names: namesOf(workbook) };
}
