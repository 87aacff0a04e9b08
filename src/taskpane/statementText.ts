/**
 * The words of the claim calculation statement (the sheet, the print view and the pane's
 * Statement tab), both languages. Part of the pane's one text table: i18n.ts carries it as
 * `UI_TEXT[language].statement`, so i18n.test.ts checks every entry exists in both languages.
 */

/** What a figure of the statement is, which decides how it is formatted. */
export type Unit = 'money' | 'ratio' | 'date' | 'hours' | 'days' | 'number' | 'yesno' | 'option' | 'text' | 'table' | 'series';

export interface StatementText {
  readonly title: string;
  readonly staticNote: (when: string) => string;
  readonly sheetName: string;
  readonly claim: string;
  readonly insured: string;
  readonly incident: string;
  readonly notGiven: string;
  readonly resultCell: string;
  readonly formula: string;
  readonly result: string;
  readonly writtenOn: string;
  readonly engineVersion: string;
  readonly inputs: string;
  readonly item: string;
  readonly value: string;
  readonly unit: string;
  readonly cell: string;
  readonly calculation: string;
  readonly step: string;
  readonly amount: string;
  readonly wording: string;
  readonly article: string;
  readonly readings: string;
  readonly where: string;
  readonly sentence: string;
  readonly reading: string;
  /** Said under the readings in Chinese: they translate the README's English, which governs. */
  readonly readingsLanguage: string;
  readonly units: Readonly<Record<Unit, string>>;
  readonly inFormula: string;
  readonly computed: (expression: string) => string;
  readonly errorIn: (code: string) => string;
  readonly noInputs: string;
  readonly truncated: (n: number) => string;
  readonly pageFooter: string;
  // The pane
  readonly write: string;
  readonly writing: string;
  readonly written: (sheet: string) => string;
  readonly refresh: string;
  readonly refreshed: (sheet: string) => string;
  readonly printView: string;
  readonly print: string;
  readonly close: string;
  readonly sourceCell: string;
  readonly list: string;
  readonly none: string;
  readonly failed: (message: string) => string;
  readonly noFormula: string;
  readonly fromExplain: string;
  readonly fromTemplate: string;
  readonly detailsHint: string;
  readonly listDamaged: string;
  readonly noCopy: string;
}

export const STATEMENT_TEXT: { readonly en: StatementText; readonly zh: StatementText } = {
  en: {
    title: 'Claim calculation statement',
    staticNote: (when) =>
      `Static statement: every figure is the workbook's value at ${when}; later changes to the workbook do not change it. Refresh it from the task pane's Statement tab.`,
    sheetName: 'Statement',
    claim: 'Claim',
    insured: 'Insured',
    incident: 'Incident',
    notGiven: '(not given)',
    resultCell: 'Result cell',
    formula: 'Formula',
    result: 'Result',
    writtenOn: 'Written on',
    engineVersion: 'Engine version',
    inputs: 'Inputs',
    item: 'Item',
    value: 'Value',
    unit: 'Unit',
    cell: 'Cell',
    calculation: 'Calculation, step by step',
    step: 'Step',
    amount: 'Amount',
    wording: 'Wording',
    article: 'Article',
    readings: 'Readings the product applies',
    where: 'Where',
    sentence: 'The sentence it reads',
    reading: 'The reading taken',
    readingsLanguage: 'The readings in Chinese translate the English text of the product’s README, which governs.',
    units: {
      money: 'amount',
      ratio: 'ratio',
      date: 'date',
      hours: 'hours',
      days: 'days',
      number: 'number',
      yesno: 'yes/no',
      option: 'option',
      text: 'text',
      table: 'table',
      series: 'series',
    },
    inFormula: '(in the formula)',
    computed: (expression) => `computed: ${expression}`,
    errorIn: (code) => `error ${code}`,
    noInputs: 'The formula reads no cells.',
    truncated: (n) => `The calculation reaches more than ${n} cells: only the first ${n} are listed.`,
    pageFooter: 'Page &P of &N',
    write: 'Write statement',
    writing: 'Writing the statement…',
    written: (sheet) => `Statement written to “${sheet}”. It is static: it keeps these figures until you refresh it.`,
    refresh: 'Refresh',
    refreshed: (sheet) => `“${sheet}” rewritten with the workbook's current values.`,
    printView: 'Print view',
    print: 'Print / Save as PDF',
    close: 'Close',
    sourceCell: 'Result cell',
    list: 'Statements in this workbook',
    none: 'No statement has been written in this workbook yet.',
    failed: (message) => `The statement could not be written: ${message}`,
    noFormula: 'That cell holds no formula: a statement explains a calculated cell.',
    fromExplain: 'Write a calculation statement for this cell',
    fromTemplate: 'Write a calculation statement of the total',
    detailsHint: 'Printed at the top of every statement written from this workbook (Explain and Templates tabs too).',
    listDamaged: 'The list of statements stored in this workbook could not be read; it was kept as a backup and a new list started.',
    noCopy: 'This statement was written by an older session without a copy for the print view: refresh it first.',
  },
  zh: {
    title: '理赔计算书',
    staticNote: (when) => `静态计算书：所列数字均为工作簿在 ${when} 时的值，此后工作簿的改动不会改变本计算书。如需更新，请在任务窗格的“理算书”页刷新。`,
    sheetName: '理算书',
    claim: '理赔',
    insured: '被保险人',
    incident: '事故',
    notGiven: '（未填写）',
    resultCell: '结果单元格',
    formula: '公式',
    result: '结果',
    writtenOn: '编制时间',
    engineVersion: '引擎版本',
    inputs: '输入',
    item: '项目',
    value: '数值',
    unit: '单位',
    cell: '单元格',
    calculation: '逐步计算过程',
    step: '步骤',
    amount: '金额',
    wording: '条款',
    article: '条款号',
    readings: '本产品适用的解读',
    where: '出处',
    sentence: '所依据的原文',
    reading: '采用的解读',
    readingsLanguage: '解读的中文为本产品 README 所载英文解读的译文；以英文为准。',
    units: {
      money: '金额',
      ratio: '比率',
      date: '日期',
      hours: '小时',
      days: '天',
      number: '数值',
      yesno: '是/否',
      option: '选项',
      text: '文本',
      table: '表格',
      series: '数列',
    },
    inFormula: '（公式中的常量）',
    computed: (expression) => `计算得出：${expression}`,
    errorIn: (code) => `错误 ${code}`,
    noInputs: '该公式不引用任何单元格。',
    truncated: (n) => `计算涉及的单元格超过 ${n} 个：仅列出前 ${n} 个。`,
    pageFooter: '第 &P 页，共 &N 页',
    write: '生成理算书',
    writing: '正在生成理算书…',
    written: (sheet) => `理算书已写入“${sheet}”。它是静态的：在刷新之前保留这些数字。`,
    refresh: '刷新',
    refreshed: (sheet) => `已按工作簿当前的值重写“${sheet}”。`,
    printView: '打印视图',
    print: '打印 / 另存为 PDF',
    close: '关闭',
    sourceCell: '结果单元格',
    list: '此工作簿中的理算书',
    none: '此工作簿尚未生成理算书。',
    failed: (message) => `无法生成理算书：${message}`,
    noFormula: '该单元格不含公式：理算书用于说明计算得出的单元格。',
    fromExplain: '为此单元格生成理算书',
    fromTemplate: '为赔款合计生成理算书',
    detailsHint: '印在此工作簿生成的每份理算书顶部（“解释”和“模板”页生成的也是如此）。',
    listDamaged: '无法读取此工作簿中保存的理算书列表；原记录已另行备份，并已新建列表。',
    noCopy: '此理算书由较早的会话生成，没有供打印视图使用的副本：请先刷新。',
  },
};
