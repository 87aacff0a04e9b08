/**
 * What saving an opened workbook in place cannot keep as the file had it — shown to the user
 * before saving, with "save as a copy" offered (the contract is in the module's exported types).
 *
 * Saving patches the original package (./xlsxPackage.ts): everything the user did not change stays
 * byte for byte. What is left are edits that collide with something the workbench does not model:
 * - writing into a cell of an array formula's range (Excel keeps the array's result there);
 * - writing into a cell hidden by a merge (Excel shows only the merge's top-left cell);
 * - changing a table's header cell (the table's column name in the file stays the old one, and
 *   Excel repairs the table when it opens the file);
 * - rewriting a cell holding rich text (its runs of fonts become one plain text) or cell data
 *   (an in-cell picture or linked data type becomes its plain value);
 * - a sheet of the file the workbook no longer has (it stays in the saved file as it was);
 * - a new sheet named like one of the file's chart sheets (Excel refuses two sheets of one name).
 */
import { cellAddress } from '../sheet/formula';
import type { WorkbenchModel } from './model';
import { type Hazard, type PackageOrigin, sheetChanges } from './xlsxPackage';

/** A 0-based row and column → "B7". */
const addr = (row: number, col: number) => cellAddress(row + 1, col + 1);

export type SaveWarningKind = Hazard['kind'] | 'sheetMissing' | 'sheetNameTaken';

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
        en: `${at} is a header of the table ${h.table}: the table keeps its old column name and Excel repairs the table on opening.`,
        zh: `${at} 是表格 ${h.table} 的标题单元格：表格仍保留原列名，Excel 打开时会修复该表格。`,
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
  const names = model.sheetNames({ includeHidden: true });
  const inModel = new Set(names.map((n) => n.toLocaleLowerCase('en')));
  for (const name of names) {
    if (name === metaSheet) continue;
    const lower = name.toLocaleLowerCase('en');
    const part = origin.sheets.find((s) => s.name.toLocaleLowerCase('en') === lower);
    const before = origin.model.get(lower);
    if (part && part.kind !== 'worksheet') {
      out.push({
        kind: 'sheetNameTaken',
        sheet: name,
        en: `The file already has a chart sheet named '${part.name}': rename the new sheet '${name}' or save as a copy without it.`,
        zh: `文件中已有名为 '${part.name}' 的图表工作表：请重命名新工作表 '${name}'，或另存为副本。`,
      });
      continue;
    }
    if (!before) continue;
    const hazards = origin.hazards.get(lower);
    if (!hazards) continue;
    const { edited } = sheetChanges(model, name, before);
    const byPosition = (a: string, b: string) => {
      const [ra, ca] = a.split(',').map(Number);
      const [rb, cb] = b.split(',').map(Number);
      return ra - rb || ca - cb;
    };
    for (const k of [...edited].sort(byPosition)) {
      const h = hazards.get(k);
      if (!h) continue;
      const [row, col] = k.split(',').map(Number);
      const address = addr(row, col);
      out.push({ kind: h.kind, sheet: name, address, ...text(h, name, address) });
    }
  }
  for (const s of origin.sheets) {
    if (s.kind !== 'worksheet' || s.name === metaSheet || inModel.has(s.name.toLocaleLowerCase('en'))) continue;
    out.push({
      kind: 'sheetMissing',
      sheet: s.name,
      en: `The sheet '${s.name}' of the file is not in the workbook any more: the saved file keeps it as it was.`,
      zh: `文件中的工作表 '${s.name}' 已不在工作簿中：保存的文件仍按原样保留该工作表。`,
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
