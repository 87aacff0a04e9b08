/**
 * The pane's two languages: every word the pane shows, in one table. Catalogue texts
 * (descriptions, labels, articles, engine messages) come with both languages from the engine;
 * template field labels are bilingual data in the template modules.
 */
import { PRICING_TEXT, type PricingText } from './pricingText';
import { SIMULATE_TEXT, type SimulateText } from './simulate/text';
import { COMPARE_TEXT, type CompareText } from './compareText';
import { STATEMENT_TEXT, type StatementText } from './statementText';
import { TORNADO_TEXT, type TornadoText } from './tornadoText';
import { TWO_WAY_TEXT, type TwoWayText } from './twoWayText';

export type Language = 'en' | 'zh';

export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** Simplified Chinese for any Chinese Office UI (the catalogue has no Traditional text), else English. */
export function languageOf(locale: string | undefined): Language {
  return typeof locale === 'string' && locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export type TabId = 'templates' | 'explain' | 'statement' | 'limits' | 'sensitivity' | 'scenarios' | 'pricing' | 'simulate' | 'reference';

export const TAB_IDS: readonly TabId[] = ['templates', 'explain', 'statement', 'limits', 'sensitivity', 'scenarios', 'pricing', 'simulate', 'reference'];

export interface FormText {
  readonly required: string;
  readonly notNumber: (got: string) => string;
  readonly negative: string;
  readonly ratio: string;
  readonly rate: string;
  readonly notDate: string;
  readonly notWhole: string;
  readonly atMost: (max: string) => string;
  readonly atLeast: (min: string) => string;
  readonly greaterThan: (min: string) => string;
  readonly line: (n: number, message: string) => string;
  readonly item: (n: number, message: string) => string;
  readonly columns: (n: number) => string;
  readonly fewRows: (n: number) => string;
  readonly manyRows: (n: number) => string;
}

export interface UiText {
  readonly title: string;
  readonly paneTitle: string;
  readonly languageLabel: string;
  readonly languageName: Record<Language, string>;
  readonly tabs: Record<TabId, string>;
  readonly notInOffice: string;
  readonly noWorkbook: string;
  // Reference
  readonly searchPlaceholder: string;
  readonly count: (shown: number, total: number) => string;
  readonly noMatch: string;
  readonly syntax: string;
  /** "In Excel: CYBER.FXRATE" for a function Excel registers under another name. */
  readonly inExcel: (name: string) => string;
  readonly parameters: string;
  readonly parameter: string;
  readonly description: string;
  readonly optional: string;
  readonly defaultValue: (value: string) => string;
  readonly articles: string;
  readonly example: string;
  readonly formula: string;
  readonly section: (n: number) => string;
  // Templates
  readonly form: FormText;
  readonly chooseTemplate: string;
  readonly source: string;
  readonly build: string;
  readonly building: string;
  readonly built: (sheet: string) => string;
  readonly buildFailed: (message: string) => string;
  readonly fixErrors: string;
  readonly resetDefaults: string;
  readonly tableHint: (columns: string) => string;
  readonly seriesHint: string;
  readonly yes: string;
  // Explain
  readonly selectCell: string;
  readonly noFormula: string;
  readonly notCyber: string;
  readonly refresh: string;
  readonly cell: string;
  readonly value: string;
  readonly argumentsTitle: string;
  readonly omitted: string;
  readonly steps: string;
  readonly step: string;
  readonly article: string;
  readonly noSteps: string;
  readonly errorTitle: (code: string) => string;
  readonly errorMessages: Readonly<Record<string, string>>;
  readonly unknownError: string;
  readonly readFailed: (message: string) => string;
  // Limits
  readonly notAllocate: string;
  readonly cover: string;
  readonly perEvent: string;
  readonly aggregate: string;
  readonly largestEvent: string;
  readonly paid: string;
  readonly remaining: string;
  readonly available: string;
  readonly deductible: string;
  readonly noLimit: string;
  readonly unlimited: string;
  readonly policy: string;
  readonly policyAggregate: string;
  readonly used: (used: string, limit: string) => string;
  // Sensitivity
  readonly inputCell: string;
  readonly outputCell: string;
  readonly from: string;
  readonly to: string;
  readonly stepCount: string;
  readonly useSelection: string;
  readonly run: string;
  readonly cancel: string;
  readonly writeTable: string;
  readonly tableWritten: (sheet: string) => string;
  readonly running: (done: number, total: number) => string;
  readonly finished: (address: string) => string;
  readonly cancelled: (address: string) => string;
  readonly failedRestored: (message: string, address: string) => string;
  readonly pendingRestored: (address: string) => string;
  /** An interrupted sweep's restore, offered: the cell, what it holds now, what it held before. */
  readonly pendingOffer: (address: string, current: string, original: string) => string;
  readonly restoreConfirm: string;
  readonly restoreDecline: string;
  readonly pendingDeclined: (address: string) => string;
  /** The cell or the record changed between the offer and the confirmation. */
  readonly pendingChangedSince: (address: string) => string;
  /** A restore record that was not applied, and why; the record is removed, no cell changed. */
  readonly pendingDiscarded: (reason: 'unreadable' | 'otherWorkbook' | 'notSigned' | 'changed', address: string | undefined, original: string | undefined) => string;
  /** How an entry is shown in those messages when the cell is empty. */
  readonly emptyEntry: string;
  readonly needCell: string;
  readonly needNumber: string;
  readonly stepsRange: (max: number) => string;
  readonly sameCell: string;
  readonly inputValue: string;
  readonly payout: string;
  readonly sensitivitySheet: string;
  readonly chartTitle: string;
  // Scenarios
  readonly scenarioName: string;
  readonly saveScenario: string;
  readonly saveTemplateScenario: (template: string) => string;
  readonly saveSensitivityScenario: string;
  readonly scenarioSaved: (name: string) => string;
  readonly scenarioNameRequired: string;
  readonly noScenarios: string;
  readonly apply: string;
  readonly remove: string;
  readonly scenarioKind: { readonly template: string; readonly sensitivity: string };
  readonly savedAt: (when: string) => string;
  readonly damaged: (reason: string) => string;
  readonly damagedReasons: { readonly json: string; readonly version: (v: string) => string; readonly shape: string };
  readonly damagedSaveBlocked: string;
  readonly startNewList: string;
  readonly scenarioApplied: (name: string) => string;
  /** The claim calculation statement (./statementText.ts). */
  readonly statement: StatementText;
  /** Scenarios side by side (./compareText.ts). */
  readonly compare: CompareText;
  /** The tornado of the Sensitivity tab (./tornadoText.ts). */
  readonly tornado: TornadoText;
  /** The two-way table of the Sensitivity tab (./twoWayText.ts). */
  readonly twoWay: TwoWayText;
  // Pricing (catalogue section 10)
  readonly pricing: PricingText;
  readonly simulate: SimulateText;
}

export const UI_TEXT: Record<Language, UiText> = {
  en: {
    title: 'CYBER function reference',
    paneTitle: 'CyberBI',
    languageLabel: 'Language',
    languageName: { en: 'English', zh: '简体中文' },
    tabs: { templates: 'Templates', explain: 'Explain', statement: 'Statement', limits: 'Limits', sensitivity: 'Sensitivity', scenarios: 'Scenarios', pricing: 'Pricing', simulate: 'Simulate', reference: 'Reference' },
    notInOffice: 'Not running inside Excel: the functions are listed for reference only.',
    noWorkbook: 'No workbook is connected: open the pane in Excel or in the workbench to use this tab.',
    searchPlaceholder: 'Search functions, parameters, articles',
    count: (shown, total) => (shown === total ? `${total} functions` : `${shown} of ${total} functions`),
    noMatch: 'No function matches the search.',
    syntax: 'Syntax',
    inExcel: (name) => `In Excel: ${name} (Excel registers no function name shorter than three characters; the workbench and the CLI accept both names)`,
    parameters: 'Parameters',
    parameter: 'Parameter',
    description: 'Description',
    optional: 'optional',
    defaultValue: (v) => `default ${v}`,
    articles: 'Articles',
    example: 'Example',
    formula: 'As an Excel formula',
    section: (n) => `Section ${n}`,
    form: {
      required: 'Enter a value.',
      notNumber: (got) => `“${got}” is not a number; write it like 1,250,000 or 1250000.50.`,
      negative: 'Must be 0 or more.',
      ratio: 'Enter a fraction from 0 to 1 or a percentage, e.g. 0.9 or 90%.',
      rate: 'Enter a rate above −100%, e.g. 0.15, 15% or −5%.',
      notDate: 'Enter a date as yyyy-mm-dd, e.g. 2024-12-01.',
      notWhole: 'Must be a whole number.',
      atMost: (max) => `Must be at most ${max}.`,
      atLeast: (min) => `Must be at least ${min}.`,
      greaterThan: (min) => `Must be greater than ${min}.`,
      line: (n, message) => `Line ${n}: ${message}`,
      item: (n, message) => `Value ${n}: ${message}`,
      columns: (n) => `each line needs up to ${n} values separated by “;” or a tab.`,
      fewRows: (n) => `Enter at least ${n} ${n === 1 ? 'line' : 'lines'}.`,
      manyRows: (n) => `At most ${n} values.`,
    },
    chooseTemplate: 'Policy form',
    source: 'Source',
    build: 'Build worksheet',
    building: 'Writing the worksheet…',
    built: (sheet) => `Worksheet “${sheet}” written: inputs are shaded, every result is a live CYBER formula.`,
    buildFailed: (message) => `The worksheet could not be written: ${message}`,
    fixErrors: 'Correct the marked entries. Nothing has been written to the workbook.',
    resetDefaults: 'Reset to the policy’s figures',
    tableHint: (columns) => `One line per row: ${columns}; separate values with “;” or a tab.`,
    seriesHint: 'Values separated by “;”, spaces or new lines.',
    yes: 'Yes',
    selectCell: 'Select a cell holding a CYBER formula.',
    noFormula: 'The selected cell holds a value, not a formula.',
    notCyber: 'The selected formula calls no CYBER function.',
    refresh: 'Refresh',
    cell: 'Cell',
    value: 'Value',
    argumentsTitle: 'Arguments',
    omitted: '(omitted)',
    steps: 'How the value was computed',
    step: 'Step',
    article: 'Article',
    noSteps: 'This function records no intermediate steps.',
    errorTitle: (code) => `Error ${code}`,
    errorMessages: {
      '#VALUE!': 'A value has the wrong type or breaks a rule.',
      '#DIV/0!': 'Division by zero.',
      '#NUM!': 'A number cannot be computed from these values.',
      '#N/A': 'A value is not available (a lookup found nothing).',
      '#REF!': 'A reference is not valid (a cell or sheet was deleted).',
      '#NAME?': 'Unknown function or name (is the add-in loaded?).',
      '#NULL!': 'The ranges do not intersect.',
      '#SPILL!': 'The array result has no room to spill: clear the cells below or beside it.',
      '#CALC!': 'The calculation cannot be done (for example an empty array).',
      '#GETTING_DATA': 'The value is still being computed.',
      '#BUSY!': 'The value is still being computed.',
      '#FIELD!': 'The field does not exist in the linked data type.',
      '#CONNECT!': 'A data source could not be reached.',
      '#BLOCKED!': 'A feature needed by the formula is blocked.',
      '#UNKNOWN!': 'Excel does not support this data type.',
    },
    unknownError: 'An error without a message.',
    readFailed: (message) => `The workbook could not be read: ${message}`,
    notAllocate: 'Select a cell holding CYBER.ALLOCATE (or a cell of its spilled column).',
    cover: 'Cover',
    perEvent: 'Per event',
    aggregate: 'Aggregate',
    largestEvent: 'largest event',
    paid: 'Paid',
    remaining: 'Remaining',
    available: 'Still available',
    deductible: 'Deductible',
    noLimit: 'no limit',
    unlimited: 'unlimited',
    policy: 'Policy',
    policyAggregate: 'Policy aggregate',
    used: (used, limit) => `${used} used of ${limit}`,
    inputCell: 'Input cell',
    outputCell: 'Result cell',
    from: 'From',
    to: 'To',
    stepCount: 'Points',
    useSelection: 'Use selected cell',
    run: 'Run',
    cancel: 'Cancel',
    writeTable: 'Write the table to a new sheet',
    tableWritten: (sheet) => `Table written to “${sheet}”.`,
    running: (done, total) => `Recalculating ${done} of ${total}…`,
    finished: (address) => `Done. ${address} is back to its original entry.`,
    cancelled: (address) => `Cancelled. ${address} is back to its original entry.`,
    failedRestored: (message, address) => `The run failed (${message}). ${address} is back to its original entry.`,
    pendingRestored: (address) => `A sensitivity run was interrupted when the pane closed. ${address} has been restored to its original entry.`,
    pendingOffer: (address, current, original) =>
      `A sensitivity run was interrupted when the pane closed: ${address} still holds ${current}, a value the run wrote. Restore its original entry, ${original}?`,
    restoreConfirm: 'Restore',
    restoreDecline: 'Keep as it is',
    pendingDeclined: (address) => `${address} was left as it is; the restore record has been removed.`,
    pendingChangedSince: (address) => `${address} changed in the meantime, so nothing was written; the restore record has been removed.`,
    pendingDiscarded: (reason, address, original) => {
      const why = {
        unreadable: 'it is damaged or from an older version',
        otherWorkbook: 'it was not made in this workbook',
        notSigned: 'it was not made by this pane on this computer (or was edited)',
        changed: 'the cell has been changed since the run',
      }[reason];
      const what = address ? ` It was for ${address}${original !== undefined ? ` (original entry ${original})` : ''}.` : '';
      return `A stored sensitivity restore record was not applied because ${why}; nothing in the workbook was changed and the record has been removed.${what}`;
    },
    emptyEntry: '(empty)',
    needCell: 'Enter a single cell, e.g. Claim!C8.',
    needNumber: 'Enter a number.',
    stepsRange: (max) => `Between 2 and ${max} points.`,
    sameCell: 'The result cell must differ from the input cell.',
    inputValue: 'Input value',
    payout: 'Result',
    sensitivitySheet: 'Sensitivity',
    chartTitle: 'Result by input value',
    scenarioName: 'Scenario name',
    saveScenario: 'Save scenario',
    saveTemplateScenario: (template) => `Save these ${template} entries as a scenario`,
    saveSensitivityScenario: 'Save this sweep as a scenario',
    scenarioSaved: (name) => `Scenario “${name}” saved in the workbook.`,
    scenarioNameRequired: 'Give the scenario a name.',
    noScenarios: 'No scenarios are saved in this workbook yet. Save one from the Templates or Sensitivity tab.',
    apply: 'Open',
    remove: 'Delete',
    scenarioKind: { template: 'Template entries', sensitivity: 'Sensitivity sweep' },
    savedAt: (when) => `saved ${when}`,
    damaged: (reason) => `The scenarios stored in this workbook cannot be read (${reason}). Nothing in the sheets has been changed.`,
    damagedReasons: {
      json: 'the stored text is not valid JSON',
      version: (v) => `it was written by a newer version of the add-in (format ${v})`,
      shape: 'entries are missing or malformed',
    },
    damagedSaveBlocked: 'To keep the damaged record, new scenarios are not saved until you start a new list.',
    startNewList: 'Start a new list (the damaged record is kept as a backup)',
    scenarioApplied: (name) => `Scenario “${name}” opened.`,
    statement: STATEMENT_TEXT.en,
    compare: COMPARE_TEXT.en,
    tornado: TORNADO_TEXT.en,
    twoWay: TWO_WAY_TEXT.en,
    pricing: PRICING_TEXT.en,
    simulate: SIMULATE_TEXT.en,
  },
  zh: {
    title: 'CYBER 函数参考',
    paneTitle: 'CyberBI',
    languageLabel: '语言',
    languageName: { en: 'English', zh: '简体中文' },
    tabs: { templates: '模板', explain: '解释', statement: '理算书', limits: '限额', sensitivity: '敏感性', scenarios: '情景', pricing: '定价', simulate: '模拟', reference: '函数参考' },
    notInOffice: '当前不在 Excel 中运行：以下函数仅供查阅。',
    noWorkbook: '未连接工作簿：请在 Excel 或工作台中打开任务窗格以使用此页。',
    searchPlaceholder: '搜索函数、参数、条款',
    count: (shown, total) => (shown === total ? `共 ${total} 个函数` : `${shown} / ${total} 个函数`),
    noMatch: '没有符合搜索条件的函数。',
    syntax: '语法',
    inExcel: (name) => `在 Excel 中为 ${name}（Excel 不注册少于三个字符的函数名；工作台与命令行两个名称均可使用）`,
    parameters: '参数',
    parameter: '参数',
    description: '说明',
    optional: '可选',
    defaultValue: (v) => `默认 ${v}`,
    articles: '条款出处',
    example: '示例',
    formula: '等价的 Excel 公式',
    section: (n) => `第 ${n} 节`,
    form: {
      required: '请输入数值。',
      notNumber: (got) => `“${got}”不是数字；请写成 1,250,000 或 1250000.50 的形式。`,
      negative: '不得为负数。',
      ratio: '请输入 0 到 1 之间的小数或百分比，例如 0.9 或 90%。',
      rate: '请输入大于 −100% 的比率，例如 0.15、15% 或 −5%。',
      notDate: '请按 yyyy-mm-dd 输入日期，例如 2024-12-01。',
      notWhole: '必须是整数。',
      atMost: (max) => `不得大于 ${max}。`,
      atLeast: (min) => `不得小于 ${min}。`,
      greaterThan: (min) => `必须大于 ${min}。`,
      line: (n, message) => `第 ${n} 行：${message}`,
      item: (n, message) => `第 ${n} 个值：${message}`,
      columns: (n) => `每行最多 ${n} 个值，用“;”或制表符分隔。`,
      fewRows: (n) => `至少输入 ${n} 行。`,
      manyRows: (n) => `最多 ${n} 个值。`,
    },
    chooseTemplate: '保单条款',
    source: '出处',
    build: '生成工作表',
    building: '正在写入工作表…',
    built: (sheet) => `已生成工作表“${sheet}”：输入单元格带底色，所有结果均为实时 CYBER 公式。`,
    buildFailed: (message) => `无法写入工作表：${message}`,
    fixErrors: '请更正标出的输入项。工作簿未做任何改动。',
    resetDefaults: '恢复保单条款中的数值',
    tableHint: (columns) => `每行一条：${columns}；数值之间用“;”或制表符分隔。`,
    seriesHint: '数值之间用“;”、空格或换行分隔。',
    yes: '是',
    selectCell: '请选择含有 CYBER 公式的单元格。',
    noFormula: '所选单元格是数值，不是公式。',
    notCyber: '所选公式未调用任何 CYBER 函数。',
    refresh: '刷新',
    cell: '单元格',
    value: '值',
    argumentsTitle: '参数',
    omitted: '（省略）',
    steps: '计算过程',
    step: '步骤',
    article: '条款',
    noSteps: '此函数没有中间计算步骤。',
    errorTitle: (code) => `错误 ${code}`,
    errorMessages: {
      '#VALUE!': '某个值的类型错误或不符合规则。',
      '#DIV/0!': '除数为零。',
      '#NUM!': '无法根据这些数值计算出结果。',
      '#N/A': '值不可用（查找没有结果）。',
      '#REF!': '引用无效（单元格或工作表已被删除）。',
      '#NAME?': '未知的函数或名称（加载项是否已加载？）。',
      '#NULL!': '区域没有交集。',
      '#SPILL!': '数组结果没有溢出空间：请清空其下方或旁边的单元格。',
      '#CALC!': '无法完成计算（例如数组为空）。',
      '#GETTING_DATA': '正在计算该值。',
      '#BUSY!': '正在计算该值。',
      '#FIELD!': '链接数据类型中不存在该字段。',
      '#CONNECT!': '无法连接数据源。',
      '#BLOCKED!': '公式所需的功能被阻止。',
      '#UNKNOWN!': 'Excel 不支持此数据类型。',
    },
    unknownError: '该错误没有说明。',
    readFailed: (message) => `无法读取工作簿：${message}`,
    notAllocate: '请选择含有 CYBER.ALLOCATE 的单元格（或其溢出列中的单元格）。',
    cover: '保障项目',
    perEvent: '每次事件',
    aggregate: '累计',
    largestEvent: '单次事件最大使用',
    paid: '已赔付',
    remaining: '剩余',
    available: '仍可赔付',
    deductible: '免赔额',
    noLimit: '无限额',
    unlimited: '无限制',
    policy: '保险单',
    policyAggregate: '保险单累计限额',
    used: (used, limit) => `已用 ${used} / 限额 ${limit}`,
    inputCell: '输入单元格',
    outputCell: '结果单元格',
    from: '起始值',
    to: '终止值',
    stepCount: '取值点数',
    useSelection: '使用所选单元格',
    run: '运行',
    cancel: '取消',
    writeTable: '将结果表写入新工作表',
    tableWritten: (sheet) => `结果表已写入“${sheet}”。`,
    running: (done, total) => `正在重新计算 ${done} / ${total}…`,
    finished: (address) => `完成。${address} 已恢复为原输入。`,
    cancelled: (address) => `已取消。${address} 已恢复为原输入。`,
    failedRestored: (message, address) => `运行失败（${message}）。${address} 已恢复为原输入。`,
    pendingRestored: (address) => `上次敏感性分析在任务窗格关闭时中断。${address} 已恢复为原输入。`,
    pendingOffer: (address, current, original) => `上次敏感性分析在任务窗格关闭时中断：${address} 仍为分析写入的值 ${current}。是否恢复为原输入 ${original}？`,
    restoreConfirm: '恢复',
    restoreDecline: '保持现状',
    pendingDeclined: (address) => `${address} 保持现状；恢复记录已删除。`,
    pendingChangedSince: (address) => `${address} 在此期间已被修改，因此未写入任何内容；恢复记录已删除。`,
    pendingDiscarded: (reason, address, original) => {
      const why = {
        unreadable: '记录已损坏或来自旧版本',
        otherWorkbook: '记录并非在此工作簿中生成',
        notSigned: '记录并非由本计算机上的任务窗格生成（或已被修改）',
        changed: '该单元格在分析之后已被修改',
      }[reason];
      const what = address ? `该记录针对 ${address}${original !== undefined ? `（原输入 ${original}）` : ''}。` : '';
      return `已保存的敏感性分析恢复记录未被应用，因为${why}；工作簿未做任何改动，记录已删除。${what}`;
    },
    emptyEntry: '（空）',
    needCell: '请输入单个单元格，例如 Claim!C8。',
    needNumber: '请输入数字。',
    stepsRange: (max) => `取值点数须在 2 到 ${max} 之间。`,
    sameCell: '结果单元格不能与输入单元格相同。',
    inputValue: '输入值',
    payout: '结果',
    sensitivitySheet: '敏感性分析',
    chartTitle: '结果随输入值的变化',
    scenarioName: '情景名称',
    saveScenario: '保存情景',
    saveTemplateScenario: (template) => `将这些 ${template} 输入保存为情景`,
    saveSensitivityScenario: '将此敏感性分析保存为情景',
    scenarioSaved: (name) => `情景“${name}”已保存到工作簿。`,
    scenarioNameRequired: '请为情景命名。',
    noScenarios: '此工作簿尚未保存任何情景。可在“模板”或“敏感性”页保存。',
    apply: '打开',
    remove: '删除',
    scenarioKind: { template: '模板输入', sensitivity: '敏感性分析' },
    savedAt: (when) => `保存于 ${when}`,
    damaged: (reason) => `无法读取此工作簿中保存的情景（${reason}）。工作表未做任何改动。`,
    damagedReasons: {
      json: '保存的内容不是有效的 JSON',
      version: (v) => `它由更新版本的加载项写入（格式 ${v}）`,
      shape: '条目缺失或格式错误',
    },
    damagedSaveBlocked: '为保留受损记录，在新建列表之前不会保存新情景。',
    startNewList: '新建列表（受损记录将另行备份）',
    scenarioApplied: (name) => `已打开情景“${name}”。`,
    statement: STATEMENT_TEXT.zh,
    compare: COMPARE_TEXT.zh,
    tornado: TORNADO_TEXT.zh,
    twoWay: TWO_WAY_TEXT.zh,
    pricing: PRICING_TEXT.zh,
    simulate: SIMULATE_TEXT.zh,
  },
};
