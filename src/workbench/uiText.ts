/**
 * Every word the workbench itself shows (toolbar, grid menus, dialogs), in the pane's two
 * languages. The language is picked as the pane picks it (src/taskpane/i18n.ts `languageOf` of
 * the browser's language); `?lang=zh` or `?lang=en` in the URL overrides it.
 */
import { type Language, languageOf } from '../taskpane/i18n';

export interface WorkbenchText {
  readonly workbook: string;
  readonly tools: string;
  readonly open: string;
  readonly save: string;
  readonly newBook: string;
  readonly undo: string;
  readonly redo: string;
  readonly numberFormat: string;
  readonly numberFormatTip: string;
  readonly bold: string;
  readonly cellAddress: string;
  readonly formulaBar: string;
  readonly cellEditor: (address: string) => string;
  /** The tip on the number of a row the file hides (the grid still shows it). */
  readonly hiddenRowTip: (why: 'filtered' | 'hidden') => string;
  readonly sheets: string;
  readonly addSheet: string;
  readonly copy: string;
  readonly cut: string;
  readonly paste: string;
  readonly pasteValues: string;
  readonly insertRow: string;
  readonly insertColumn: string;
  readonly deleteRow: string;
  readonly deleteColumn: string;
  readonly clear: string;
  readonly rename: string;
  readonly deleteSheet: string;
  readonly duplicate: string;
  readonly moveLeft: string;
  readonly moveRight: string;
  readonly renameTitle: string;
  readonly sheetName: string;
  readonly ok: string;
  readonly cancel: string;
  readonly deleteSheetTitle: (name: string) => string;
  readonly deleteSheetBody: string;
  readonly lastSheet: string;
  readonly badName: (name: string) => string;
  readonly unsavedTitle: string;
  readonly unsavedBody: string;
  readonly discard: string;
  readonly saveFirst: string;
  readonly autosaveFound: (when: string) => string;
  readonly restore: string;
  readonly discardAutosave: string;
  readonly opening: (file: string) => string;
  readonly openFailed: (file: string, message: string) => string;
  readonly saveFailed: (message: string) => string;
  readonly saved: (file: string) => string;
  readonly saveWarningsTitle: string;
  readonly saveWarningsBody: string;
  readonly saveAnyway: string;
  readonly saveAsCopy: string;
  readonly savedAsNew: (file: string) => string;
  /** Said after savedAsNew when sheets had rows hidden by a filter (a new workbook keeps the rows hidden, not the filter). */
  readonly filtersNotKept: (sheets: readonly string[]) => string;
  readonly unsavedMark: string;
  readonly standalone: (host: string) => string;
  readonly tabAccepts: string;
  readonly functions: string;
  readonly pasteFailed: (message: string) => string;
  readonly selectionTooLarge: (cells: number, max: number) => string;
}

export const WORKBENCH_TEXT: Record<Language, WorkbenchText> = {
  en: {
    workbook: 'Workbook',
    tools: 'Workbook tools',
    open: 'Open .xlsx',
    save: 'Save .xlsx',
    newBook: 'New',
    undo: 'Undo',
    redo: 'Redo',
    numberFormat: 'Number format',
    numberFormatTip: 'Number format of the selected cell',
    bold: 'Bold',
    cellAddress: 'Cell address',
    formulaBar: 'Formula bar',
    cellEditor: (address) => `Editing ${address}`,
    hiddenRowTip: (why) =>
      why === 'filtered'
        ? 'Hidden by a filter in the file (shown here): SUBTOTAL leaves it out, as Excel does.'
        : 'Hidden in the file (shown here): SUBTOTAL 101–111 leaves it out, as Excel does; 1–11 count it.',
    sheets: 'Sheets',
    addSheet: 'Add sheet',
    copy: 'Copy',
    cut: 'Cut',
    paste: 'Paste',
    pasteValues: 'Paste values',
    insertRow: 'Insert row',
    insertColumn: 'Insert column',
    deleteRow: 'Delete row',
    deleteColumn: 'Delete column',
    clear: 'Clear contents',
    rename: 'Rename',
    deleteSheet: 'Delete',
    duplicate: 'Duplicate',
    moveLeft: 'Move left',
    moveRight: 'Move right',
    renameTitle: 'Rename sheet',
    sheetName: 'Sheet name',
    ok: 'OK',
    cancel: 'Cancel',
    deleteSheetTitle: (name) => `Delete sheet “${name}”?`,
    deleteSheetBody: 'Its cells are deleted, and formulas that refer to them show #REF!. Undo brings the sheet back.',
    lastSheet: 'A workbook keeps at least one sheet.',
    badName: (name) => `“${name}” cannot be a sheet name (taken, empty, or with one of [ ] : * ? / \\).`,
    unsavedTitle: 'Discard unsaved changes?',
    unsavedBody: 'This workbook has changes that are not saved to a file. They are lost if you continue.',
    discard: 'Discard changes',
    saveFirst: 'Save .xlsx first',
    autosaveFound: (when) => `The workbench kept an autosaved copy of your last workbook (${when}). Restore it?`,
    restore: 'Restore',
    discardAutosave: 'Discard',
    opening: (file) => `Opening ${file}…`,
    openFailed: (file, message) => `${file} could not be opened: ${message}`,
    saveFailed: (message) => `Saving failed: ${message}`,
    saved: (file) => `Saved ${file}`,
    saveWarningsTitle: 'Some of the workbook cannot be kept as it was',
    saveWarningsBody: 'Saving writes your changes into the opened file, but these parts of it cannot follow them:',
    saveAnyway: 'Save anyway',
    saveAsCopy: 'Save as a copy',
    savedAsNew: (file) => `A sheet could not be updated in place: saved as a new workbook, ${file} (the opened file is unchanged)`,
    filtersNotKept: (sheets) =>
      `The rows a filter hid on ${sheets.map((n) => `'${n}'`).join(', ')} stay hidden in the new workbook, but the filter is not kept: there SUBTOTAL 1–11 and AGGREGATE count them as rows hidden by hand (only SUBTOTAL 101–111 and AGGREGATE's options 1, 3, 5 and 7 leave them out).`,
    unsavedMark: 'unsaved changes',
    standalone: (host) => `This is the standalone workbench; inside ${host} use the cyberbi add-in's task pane instead.`,
    tabAccepts: 'Tab inserts',
    functions: 'Functions',
    pasteFailed: (message) => `Paste failed: ${message}`,
    selectionTooLarge: (cells, max) => `Not done: the selection holds ${cells.toLocaleString('en-US')} cells of the sheet, more than the ${max.toLocaleString('en-US')} the workbench copies, formats or fills at once. Select fewer cells.`,
  },
  zh: {
    workbook: '工作簿',
    tools: '工作簿工具',
    open: '打开 .xlsx',
    save: '保存 .xlsx',
    newBook: '新建',
    undo: '撤销',
    redo: '恢复',
    numberFormat: '数字格式',
    numberFormatTip: '所选单元格的数字格式',
    bold: '加粗',
    cellAddress: '单元格地址',
    formulaBar: '编辑栏',
    cellEditor: (address) => `正在编辑 ${address}`,
    hiddenRowTip: (why) =>
      why === 'filtered'
        ? '文件中此行被筛选隐藏（此处仍显示）：SUBTOTAL 不计此行，与 Excel 相同。'
        : '文件中此行被隐藏（此处仍显示）：SUBTOTAL 101–111 不计此行，与 Excel 相同；1–11 计入。',
    sheets: '工作表',
    addSheet: '添加工作表',
    copy: '复制',
    cut: '剪切',
    paste: '粘贴',
    pasteValues: '粘贴数值',
    insertRow: '插入行',
    insertColumn: '插入列',
    deleteRow: '删除行',
    deleteColumn: '删除列',
    clear: '清除内容',
    rename: '重命名',
    deleteSheet: '删除',
    duplicate: '复制工作表',
    moveLeft: '左移',
    moveRight: '右移',
    renameTitle: '重命名工作表',
    sheetName: '工作表名称',
    ok: '确定',
    cancel: '取消',
    deleteSheetTitle: (name) => `删除工作表“${name}”？`,
    deleteSheetBody: '其中的单元格将被删除，引用它们的公式将显示 #REF!。撤销可恢复该工作表。',
    lastSheet: '工作簿至少保留一张工作表。',
    badName: (name) => `“${name}”不能作为工作表名称（已被使用、为空，或含有 [ ] : * ? / \\ 之一）。`,
    unsavedTitle: '放弃未保存的更改？',
    unsavedBody: '此工作簿有尚未保存到文件的更改。继续操作将丢失这些更改。',
    discard: '放弃更改',
    saveFirst: '先保存 .xlsx',
    autosaveFound: (when) => `工作台保留了您上一个工作簿的自动保存副本（${when}）。是否恢复？`,
    restore: '恢复',
    discardAutosave: '放弃',
    opening: (file) => `正在打开 ${file}…`,
    openFailed: (file, message) => `无法打开 ${file}：${message}`,
    saveFailed: (message) => `保存失败：${message}`,
    saved: (file) => `已保存 ${file}`,
    saveWarningsTitle: '工作簿的部分内容无法按原样保留',
    saveWarningsBody: '保存会把您的更改写入打开的文件，但以下内容无法随之调整：',
    saveAnyway: '仍然保存',
    saveAsCopy: '另存为副本',
    savedAsNew: (file) => `有工作表无法在原文件中更新：已另存为新工作簿 ${file}（打开的文件未改动）`,
    filtersNotKept: (sheets) =>
      `工作表 ${sheets.map((n) => `'${n}'`).join('、')} 中被筛选隐藏的行在新工作簿中仍然隐藏，但筛选本身未保留：新工作簿中 SUBTOTAL 1–11 与 AGGREGATE 会将这些行视为手动隐藏的行（只有 SUBTOTAL 101–111 以及 AGGREGATE 的选项 1、3、5、7 会排除它们）。`,
    unsavedMark: '有未保存的更改',
    standalone: (host) => `这是独立工作台；在 ${host} 中请使用 cyberbi 加载项的任务窗格。`,
    tabAccepts: '按 Tab 插入',
    functions: '函数',
    pasteFailed: (message) => `粘贴失败：${message}`,
    selectionTooLarge: (cells, max) => `未执行：所选区域含 ${cells.toLocaleString('en-US')} 个单元格，超过工作台一次复制、设置格式或填充的上限 ${max.toLocaleString('en-US')} 个。请少选一些单元格。`,
  },
};

/** The workbench's language: `?lang=` when given, else the browser's, as the pane reads it. */
export function workbenchLanguage(): Language {
  if (typeof window === 'undefined') return 'en';
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked === 'en' || asked === 'zh') return asked;
  return languageOf(typeof navigator !== 'undefined' ? navigator.language : undefined);
}
