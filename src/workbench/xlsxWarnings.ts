/**
 * What saving an opened workbook in place cannot keep as the file had it — shown to the user
 * before saving, with "save as a copy" offered (the contract is in the module's exported types).
 *
 * Saving patches the original package (./xlsxPackage.ts): everything the user did not change stays
 * byte for byte. What is left are edits that collide with something the workbench does not model:
 * - writing into a cell of an array formula's range (Excel keeps the array's result there);
 * - writing into a cell hidden by a merge (Excel shows only the merge's top-left cell);
 * - a table's header cell made empty, a formula, or the name of another column (Excel repairs
 *   the table; a new distinct name is saved as the column's name);
 * - rewriting a cell holding rich text (its runs of fonts become one plain text) or cell data
 *   (an in-cell picture or linked data type becomes its plain value);
 * - rows or columns inserted or deleted on a sheet: its cells are saved where they are now, and
 *   its merges, conditional formatting, validations, hyperlinks, comments, tables, defined names
 *   and column widths move with them (./xlsxShift.ts); its drawings, row heights, comment boxes,
 *   the borders and fonts of moved cells, what Excel 2010 extensions keep and a table whose
 *   columns changed stay at the file's rows and columns (when the edits are not known for sure,
 *   e.g. after undoing past the last save, nothing moves and all of it is said);
 * - a deleted sheet (charts and formulas elsewhere that refer to it lose their data);
 * - a new sheet named like one of the file's chart sheets (Excel refuses two sheets of one name).
 */
import { cellAddress } from '../sheet/formula';
import type { WorkbenchModel } from './model';
import { type Hazard, type PackageOrigin, sheetChanges, sheetFates, sheetShift, tableHeaderName } from './xlsxPackage';

/** A 0-based row and column → "B7". */
const addr = (row: number, col: number) => cellAddress(row + 1, col + 1);

export type SaveWarningKind = Hazard['kind'] | 'rowsColumnsMoved' | 'sheetRemoved' | 'sheetNameTaken' | 'notInPlace';

export interface SaveWarning {
  readonly kind: SaveWarningKind;
  readonly sheet: string;
  /** The cell, e.g. "C6", for a warning about one cell. */
  readonly address?: string;
  /** What is not kept, in English and in Chinese. */
  readonly en: string;
  readonly zh: string;
}

function text(h: Hazard, sheet: string, address: string): { en: string; zh: string } {
  const at = `'${sheet}'!${address}`;
  switch (h.kind) {
    case 'arrayPart':
      return {
        en: `${at} is part of the array formula over ${h.range}: Excel keeps the array's result there, not what was typed.`,
        zh: `${at} 属于数组公式区域 ${h.range}：Excel 在该处显示数组公式的结果，而不是所输入的内容。`,
      };
    case 'mergedCover':
      return {
        en: `${at} is hidden by the merged cells ${h.range}: Excel shows only the merge's first cell.`,
        zh: `${at} 被合并单元格 ${h.range} 遮盖：Excel 只显示合并区域的第一个单元格。`,
      };
    case 'tableHeader':
      return {
        en: `${at} is a header of the table ${h.table}: a header must be a text no other column of the table has, else Excel repairs the table on opening.`,
        zh: `${at} 是表格 ${h.table} 的标题单元格：标题必须是表格中其他列未使用的文本，否则 Excel 打开时会修复该表格。`,
      };
    case 'richText':
      return {
        en: `${at} held formatted text: its fonts and colours within the text are replaced by plain text.`,
        zh: `${at} 原为带格式的文本：文本内的字体和颜色将变为纯文本。`,
      };
    case 'cellData':
      return {
        en: `${at} held a picture or linked data in the cell: it becomes a plain value.`,
        zh: `${at} 原含单元格内图片或链接数据：将变为普通值。`,
      };
  }
}

/** The warnings for saving `model` over the file it was opened from (`origin`); [] when nothing is lost. */
export function saveWarnings(model: WorkbenchModel, origin: PackageOrigin, metaSheet: string): SaveWarning[] {
  const out: SaveWarning[] = [];
  const fates = sheetFates(model, origin);
  const fateOf = new Map(fates.filter((f) => f.name !== undefined).map((f) => [(f.name as string).toLocaleLowerCase('en'), f]));
  const byPosition = (a: string, b: string) => {
    const [ra, ca] = a.split(',').map(Number);
    const [rb, cb] = b.split(',').map(Number);
    return ra - rb || ca - cb;
  };
  for (const name of model.sheetNames({ includeHidden: true })) {
    if (name === metaSheet) continue;
    const lower = name.toLocaleLowerCase('en');
    const fate = fateOf.get(lower);
    if (!fate) {
      const part = origin.sheets.find((s) => s.name.toLocaleLowerCase('en') === lower);
      if (part && part.kind !== 'worksheet') {
        out.push({
          kind: 'sheetNameTaken',
          sheet: name,
          en: `The file already has a chart sheet named '${part.name}': rename the new sheet '${name}' or save as a copy without it.`,
          zh: `文件中已有名为 '${part.name}' 的图表工作表：请重命名新工作表 '${name}'，或另存为副本。`,
        });
      }
      continue;
    }
    const shift = sheetShift(model, name, fate.origin);
    if (shift && (fate.moved || shift.length > 0)) {
      out.push({
        kind: 'rowsColumnsMoved',
        sheet: name,
        en: `Rows or columns were inserted or deleted on '${name}': its merged cells, conditional formatting, data validation, hyperlinks, comments, tables, defined names and column widths move with them, and so do its hidden rows, but its pictures, charts, row heights, the boxes of its comments, the borders and fonts of moved cells, formatting kept in Excel 2010 extensions and a table with columns inserted or deleted inside it stay at their old rows and columns.`,
        zh: `工作表 '${name}' 中插入或删除了行或列：该表的合并单元格、条件格式、数据验证、超链接、批注、表格、名称和列宽随之移动，隐藏的行也随之移动，但图片、图表、行高、批注框、移动单元格的边框和字体、Excel 2010 扩展中保存的格式以及在其中插入或删除了列的表格仍留在原来的行列位置。`,
      });
    } else if (fate.moved) {
      out.push({
        kind: 'rowsColumnsMoved',
        sheet: name,
        en: `Rows or columns were inserted or deleted on '${name}': its cells are saved where they are now, its hidden rows hidden with them, but its merged cells, comments, hyperlinks, data validation, conditional formatting, tables, pictures, charts, row heights and the borders and fonts of moved cells stay at their old rows and columns.`,
        zh: `工作表 '${name}' 中插入或删除了行或列：单元格按现在的位置保存，隐藏的行随之保持隐藏，但该表的合并单元格、批注、超链接、数据验证、条件格式、表格、图片、图表、行高以及移动单元格的边框和字体仍留在原来的行列位置。`,
      });
    }
    const changes = sheetChanges(model, name, fate.origin);
    if (origin.unpatchable.has(fate.origin.fileName.toLocaleLowerCase('en')) && (changes.edited.size > 0 || changes.recomputed.size > 0 || changes.columnWidths)) {
      out.push({
        kind: 'notInPlace',
        sheet: name,
        en: `The sheet '${name}' is stored in a form the workbench cannot update in place: the workbook can only be saved as a new workbook, which keeps cells, formulas, number formats, bold, fills and widths but not merged cells, comments, tables, pictures, charts or other formatting.`,
        zh: `工作表 '${name}' 的存储形式无法就地更新：只能另存为新工作簿，新工作簿保留单元格、公式、数字格式、加粗、填充和列宽，但不保留合并单元格、批注、表格、图片、图表及其他格式。`,
      });
      continue;
    }
    const hazards = origin.hazards.get(fate.origin.fileName.toLocaleLowerCase('en'));
    if (!hazards || fate.moved) continue;
    const { edited } = changes;
    for (const k of [...edited].sort(byPosition)) {
      const h = hazards.get(k);
      if (!h) continue;
      const [row, col] = k.split(',').map(Number);
      // A header typed over with a new, distinct name renames the table's column: nothing lost.
      if (h.kind === 'tableHeader' && tableHeaderName(model.getInput(name, row, col), h.columns.filter((_, i) => i !== h.column)) !== undefined) continue;
      const address = addr(row, col);
      out.push({ kind: h.kind, sheet: name, address, ...text(h, name, address) });
    }
  }
  for (const f of fates) {
    if (f.name !== undefined || f.origin.fileName === metaSheet) continue;
    const s = f.origin.fileName;
    out.push({
      kind: 'sheetRemoved',
      sheet: s,
      en: `The sheet '${s}' is deleted with everything on it: charts, pivot tables and formulas on other sheets that refer to it show #REF! or their last values.`,
      zh: `工作表 '${s}' 及其上的全部内容将被删除：其他工作表中引用它的图表、数据透视表和公式将显示 #REF! 或保留最后的值。`,
    });
  }
  return out;
}

/** The file name for "save as a copy": "Claim.xlsx" → "Claim (copy).xlsx". */
export function copyFileName(fileName: string): string {
  const m = /^(.*?)(\.xlsx)?$/i.exec(fileName);
  const base = m?.[1] || 'workbook';
  return `${base} (copy)${m?.[2] ?? '.xlsx'}`;
}
