/**
 * The words of the scenario comparison (issue 15, 2), both languages; i18n.ts carries them as
 * `UI_TEXT[language].compare`, so i18n.test.ts checks every entry exists in both.
 */
export interface CompareText {
  readonly title: (template: string) => string;
  readonly note: string;
  readonly sheetName: string;
  readonly modelSheet: (scenario: string) => string;
  readonly inputs: string;
  readonly results: string;
  readonly item: string;
  readonly difference: (scenario: string, base: string) => string;
  readonly relative: (scenario: string, base: string) => string;
  readonly lines: (n: number) => string;
  readonly differs: string;
  readonly same: string;
  readonly compare: (n: number) => string;
  readonly select: (name: string) => string;
  readonly chooseTwo: string;
  readonly oneTemplate: string;
  readonly onlyTemplates: string;
  readonly invalid: (scenario: string, message: string) => string;
  readonly written: (sheet: string, models: number) => string;
  readonly failed: (message: string) => string;
  readonly comparing: string;
  readonly onlyDifferences: string;
  readonly differingInputs: (n: number) => string;
}

export const COMPARE_TEXT: { readonly en: CompareText; readonly zh: CompareText } = {
  en: {
    title: (template) => `Scenarios side by side — ${template}`,
    note: 'Each scenario’s model is on its own sheet; every figure here is a live formula referring to it. Inputs that differ from the first scenario are highlighted; differences are against the first scenario.',
    sheetName: 'Comparison',
    modelSheet: (scenario) => `Scenario ${scenario}`,
    inputs: 'Inputs',
    results: 'Results',
    item: 'Item',
    difference: (scenario, base) => `${scenario} − ${base}`,
    relative: (scenario, base) => `${scenario} vs ${base} (%)`,
    lines: (n) => `${n} ${n === 1 ? 'line' : 'lines'}`,
    differs: 'differs',
    same: 'same',
    compare: (n) => `Compare the ${n} selected`,
    select: (name) => `Select ${name} for comparison`,
    chooseTwo: 'Select two or more scenarios of template entries to compare them.',
    oneTemplate: 'The selected scenarios are entries of different policy forms: compare scenarios of one form.',
    onlyTemplates: 'A sensitivity sweep has no single result to compare: select scenarios of template entries.',
    invalid: (scenario, message) => `Scenario “${scenario}” has an entry the form does not accept: ${message}`,
    written: (sheet, models) => `Comparison written to “${sheet}”, with ${models} model sheets it refers to.`,
    failed: (message) => `The comparison could not be written: ${message}`,
    comparing: 'Building each scenario’s model…',
    onlyDifferences: 'Show only the inputs that differ',
    differingInputs: (n) => `${n} ${n === 1 ? 'input differs' : 'inputs differ'}`,
  },
  zh: {
    title: (template) => `情景对比 — ${template}`,
    note: '每个情景的模型位于单独的工作表；此处每个数字都是引用该工作表的实时公式。与第一个情景不同的输入以底色标出；差额均相对于第一个情景。',
    sheetName: '情景对比',
    modelSheet: (scenario) => `情景 ${scenario}`,
    inputs: '输入',
    results: '结果',
    item: '项目',
    difference: (scenario, base) => `${scenario} − ${base}（差额）`,
    relative: (scenario, base) => `${scenario} 相对 ${base}（%）`,
    lines: (n) => `${n} 行`,
    differs: '不同',
    same: '相同',
    compare: (n) => `对比所选的 ${n} 个情景`,
    select: (name) => `选择情景 ${name} 参与对比`,
    chooseTwo: '请选择两个或以上的模板输入情景进行对比。',
    oneTemplate: '所选情景属于不同的保单条款：请对比同一条款的情景。',
    onlyTemplates: '敏感性分析没有单一结果可供对比：请选择模板输入情景。',
    invalid: (scenario, message) => `情景“${scenario}”中有表单不接受的输入：${message}`,
    written: (sheet, models) => `对比已写入“${sheet}”，并附其引用的 ${models} 个模型工作表。`,
    failed: (message) => `无法写入对比：${message}`,
    comparing: '正在生成各情景的模型…',
    onlyDifferences: '只显示不同的输入',
    differingInputs: (n) => `${n} 项输入不同`,
  },
};
