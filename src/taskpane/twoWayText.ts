/**
 * The words of the two-way table (issue 15, 3), both languages; i18n.ts carries them as
 * `UI_TEXT[language].twoWay`, so i18n.test.ts checks every entry exists in both.
 */
export interface TwoWayText {
  readonly title: string;
  readonly hint: string;
  readonly output: string;
  readonly rowInput: string;
  readonly columnInput: string;
  readonly run: string;
  readonly running: (done: number, total: number) => string;
  readonly finished: string;
  readonly cancelled: string;
  readonly failed: (message: string) => string;
  readonly problems: { readonly needCell: string; readonly needNumber: string; readonly stepsRange: (max: number) => string; readonly sameCell: string };
  readonly sheetTitle: string;
  readonly sheet: string;
  readonly rows: string;
  readonly columns: string;
  readonly result: string;
  readonly tableWritten: (sheet: string) => string;
  readonly legend: (min: string, max: string) => string;
}

export const TWO_WAY_TEXT: { readonly en: TwoWayText; readonly zh: TwoWayText } = {
  en: {
    title: 'Two-way table: a result for every pair of two inputs',
    hint: 'As Excel’s data table. Both inputs are put back to their entries after the run, a failure or a cancel.',
    output: 'Result cell (two-way)',
    rowInput: 'Row input',
    columnInput: 'Column input',
    run: 'Run two-way table',
    running: (done, total) => `Row ${done} of ${total}…`,
    finished: 'Done: both inputs are back to their original entries.',
    cancelled: 'Cancelled: both inputs are back to their original entries.',
    failed: (message) => `The table failed (${message}); both inputs are back to their original entries.`,
    problems: {
      needCell: 'Enter single cells, e.g. Claim!C6.',
      needNumber: 'Enter numbers for from and to.',
      stepsRange: (max) => `Between 2 and ${max} points per input.`,
      sameCell: 'The two inputs and the result must be three different cells.',
    },
    sheetTitle: 'Two-way table',
    sheet: 'Two-way',
    rows: 'Rows',
    columns: 'Columns',
    result: 'Result',
    tableWritten: (sheet) => `Table written to “${sheet}”.`,
    legend: (min, max) => `White ${min} → blue ${max}`,
  },
  zh: {
    title: '双变量表：两个输入每一组取值下的结果',
    hint: '与 Excel 的模拟运算表相同。运行结束、失败或取消后，两个输入均恢复为原输入。',
    output: '结果单元格（双变量表）',
    rowInput: '行输入',
    columnInput: '列输入',
    run: '运行双变量表',
    running: (done, total) => `第 ${done} / ${total} 行…`,
    finished: '完成：两个输入均已恢复为原输入。',
    cancelled: '已取消：两个输入均已恢复为原输入。',
    failed: (message) => `双变量表运行失败（${message}）；两个输入均已恢复为原输入。`,
    problems: {
      needCell: '请输入单个单元格，例如 Claim!C6。',
      needNumber: '起始值与终止值请输入数字。',
      stepsRange: (max) => `每个输入的取值点数须在 2 到 ${max} 之间。`,
      sameCell: '两个输入与结果必须是三个不同的单元格。',
    },
    sheetTitle: '双变量表',
    sheet: '双变量表',
    rows: '行',
    columns: '列',
    result: '结果',
    tableWritten: (sheet) => `结果表已写入“${sheet}”。`,
    legend: (min, max) => `白色 ${min} → 蓝色 ${max}`,
  },
};
