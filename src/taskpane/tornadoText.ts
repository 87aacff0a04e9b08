/**
 * The words of the tornado (issue 15, 3), both languages; i18n.ts carries them as
 * `UI_TEXT[language].tornado`, so i18n.test.ts checks every entry exists in both.
 */
export interface TornadoText {
  readonly title: string;
  readonly hint: string;
  readonly output: string;
  readonly inputs: string;
  readonly inputsHint: string;
  readonly percent: string;
  readonly run: string;
  readonly running: (done: number, total: number) => string;
  readonly finished: (n: number) => string;
  readonly cancelled: string;
  readonly failed: (message: string) => string;
  readonly problems: {
    readonly needCell: string;
    readonly needNumber: (line: number) => string;
    readonly lowHigh: (line: number) => string;
    readonly tooMany: (max: number) => string;
    readonly sameCell: string;
    readonly percent: string;
    readonly none: string;
    readonly badLine: (line: number) => string;
  };
  readonly sheetTitle: string;
  readonly sheet: string;
  readonly input: string;
  readonly value: string;
  readonly low: string;
  readonly high: string;
  readonly atLow: string;
  readonly atHigh: string;
  readonly swing: string;
  readonly base: string;
  readonly notNumber: string;
  readonly tableWritten: (sheet: string) => string;
}

export const TORNADO_TEXT: { readonly en: TornadoText; readonly zh: TornadoText } = {
  en: {
    title: 'Tornado: which input moves the result most',
    hint: 'Each input is moved on its own, to ± the percentage of its value or to the low and high given on its line, and put back before the next one.',
    output: 'Result cell (tornado)',
    inputs: 'Input cells, one per line',
    inputsHint: 'A cell (moved by ± the percentage), or a cell; low; high — e.g. Claim!C11; 0; 112000.',
    percent: '± percent',
    run: 'Run tornado',
    running: (done, total) => `Moving input ${done} of ${total}…`,
    finished: (n) => `Done: ${n} inputs ranked by the swing of the result; every input is back to its original entry.`,
    cancelled: 'Cancelled: every input is back to its original entry.',
    failed: (message) => `The tornado failed (${message}); every input is back to its original entry.`,
    problems: {
      needCell: 'Enter a single result cell, e.g. Claim!C55.',
      needNumber: (line) => `Line ${line}: after the cell give a low and a high number, separated by “;”.`,
      lowHigh: (line) => `Line ${line}: the low must be below the high.`,
      tooMany: (max) => `At most ${max} inputs.`,
      sameCell: 'The result cell cannot be one of the inputs.',
      percent: 'Enter a percentage above 0, e.g. 10.',
      none: 'Enter at least one input cell.',
      badLine: (line) => `Line ${line}: enter a single cell, e.g. Claim!C6.`,
    },
    sheetTitle: 'Tornado: swing of the result by input',
    sheet: 'Tornado',
    input: 'Input',
    value: 'Value',
    low: 'Low',
    high: 'High',
    atLow: 'Result at low',
    atHigh: 'Result at high',
    swing: 'Swing',
    base: 'Result as it is',
    notNumber: 'the cell holds no number',
    tableWritten: (sheet) => `Table written to “${sheet}”.`,
  },
  zh: {
    title: '龙卷风图：哪个输入对结果影响最大',
    hint: '每次只变动一个输入：按其数值的 ± 百分比，或按该行给出的低值与高值；变动下一个之前先恢复原值。',
    output: '结果单元格（龙卷风图）',
    inputs: '输入单元格，每行一个',
    inputsHint: '单元格（按 ± 百分比变动），或 单元格; 低值; 高值 —— 例如 Claim!C11; 0; 112000。',
    percent: '± 百分比',
    run: '运行龙卷风分析',
    running: (done, total) => `正在变动第 ${done} / ${total} 个输入…`,
    finished: (n) => `完成：${n} 个输入已按结果的变动幅度排序；所有输入均已恢复为原输入。`,
    cancelled: '已取消：所有输入均已恢复为原输入。',
    failed: (message) => `龙卷风分析失败（${message}）；所有输入均已恢复为原输入。`,
    problems: {
      needCell: '请输入单个结果单元格，例如 Claim!C55。',
      needNumber: (line) => `第 ${line} 行：单元格之后请给出低值和高值，用“;”分隔。`,
      lowHigh: (line) => `第 ${line} 行：低值必须小于高值。`,
      tooMany: (max) => `最多 ${max} 个输入。`,
      sameCell: '结果单元格不能是输入之一。',
      percent: '请输入大于 0 的百分比，例如 10。',
      none: '请至少输入一个输入单元格。',
      badLine: (line) => `第 ${line} 行：请输入单个单元格，例如 Claim!C6。`,
    },
    sheetTitle: '龙卷风图：各输入引起的结果变动幅度',
    sheet: '龙卷风分析',
    input: '输入',
    value: '数值',
    low: '低值',
    high: '高值',
    atLow: '低值时的结果',
    atHigh: '高值时的结果',
    swing: '变动幅度',
    base: '当前结果',
    notNumber: '该单元格不是数字',
    tableWritten: (sheet) => `结果表已写入“${sheet}”。`,
  },
};
