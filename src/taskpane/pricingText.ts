/**
 * The Pricing tab's words in both languages, reached through the pane's one text table
 * (UI_TEXT[language].pricing, src/taskpane/i18n.ts). Family and parameter names come from the
 * engine's families table, which is bilingual itself.
 */
export interface PricingText {
  readonly intro: string;
  readonly severity: string;
  readonly form: string;
  readonly forms: { readonly params: string; readonly meancv: string; readonly ci90: string };
  readonly family: string;
  readonly mean: string;
  readonly cv: string;
  readonly low: string;
  readonly high: string;
  readonly optionalDefault: (value: string) => string;
  readonly layers: string;
  readonly layersHint: string;
  readonly baseLimit: string;
  readonly baseLimitHint: string;
  readonly alae: string;
  readonly alaeHint: string;
  readonly noLimitWords: string;
  readonly severityText: string;
  readonly expectedLoss: string;
  readonly median: string;
  readonly quantile99: string;
  readonly curveTitle: string;
  readonly curveLabel: string;
  readonly noCurve: string;
  readonly attachment: string;
  readonly limit: string;
  readonly layerMean: string;
  readonly layerSd: string;
  readonly layerProb: string;
  readonly ilf: (base: string) => string;
  readonly ilfShort: string;
  readonly unlimited: string;
  readonly write: string;
  readonly writing: string;
  readonly written: (sheet: string) => string;
  readonly writeFailed: (message: string) => string;
  readonly fixErrors: string;
  readonly tooManyLayers: (max: number) => string;
  readonly chooseFamily: (families: string) => string;
  readonly layerColumns: string;
  readonly sheetName: string;
  readonly sheetNote: string;
  readonly explainHint: string;
}

export const PRICING_TEXT: { readonly en: PricingText; readonly zh: PricingText } = {
  en: {
    intro:
      'Price layers from a severity distribution (catalogue section 10): choose a family and its parameters, or fit a lognormal, gamma or Lomax to a mean and coefficient of variation, or a lognormal to a 90% interval. Every figure is computed by the CYBER functions.',
    severity: 'Severity (size of one loss)',
    form: 'Enter the severity as',
    forms: { params: 'family and parameters', meancv: 'mean and coefficient of variation', ci90: '90% interval (lognormal)' },
    family: 'Family',
    mean: 'Mean',
    cv: 'Coefficient of variation',
    low: 'Low end of the 90% interval (5th percentile)',
    high: 'High end of the 90% interval (95th percentile)',
    optionalDefault: (value) => `optional, default ${value}`,
    layers: 'Layers',
    layersHint: 'One layer per line: attachment; limit (“no limit” or 1e308 for an unlimited layer).',
    baseLimit: 'Base limit for the ILF',
    baseLimitHint: 'The limit the increased limit factors are relative to (greater than 0).',
    alae: 'ALAE per claim',
    alaeHint: 'Allocated loss-adjustment expense per claim added to both LEVs of the ILF (0 or more).',
    noLimitWords: 'no limit, unlimited, none',
    severityText: 'Severity',
    expectedLoss: 'Mean loss E[X]',
    median: 'Median',
    quantile99: '1-in-100 loss (99% quantile)',
    curveTitle: 'Exceedance curve S(x) = P(X > x), log scales',
    curveLabel: 'Exceedance probability by loss amount',
    noCurve: 'This severity has no exceedance curve to draw on log scales (a single value).',
    attachment: 'Attachment',
    limit: 'Limit',
    layerMean: 'Expected loss',
    layerSd: 'Standard deviation',
    layerProb: 'P(attach)',
    ilf: (base) => `ILF of attachment + limit against ${base}`,
    ilfShort: 'ILF',
    unlimited: 'no limit',
    write: 'Write the pricing sheet',
    writing: 'Writing the sheet…',
    written: (sheet) => `Sheet “${sheet}” written: the severity and layers are inputs, every figure is a live CYBER.DIST, CYBER.LAYERLOSS or CYBER.ILF formula on the severity cell.`,
    writeFailed: (message) => `The sheet could not be written: ${message}`,
    fixErrors: 'Correct the marked entries. Nothing has been written to the workbook.',
    tooManyLayers: (max) => `At most ${max} layers.`,
    chooseFamily: (families) => `Choose one of: ${families}.`,
    layerColumns: 'each line needs an attachment and a limit separated by “;” or a tab.',
    sheetName: 'Pricing',
    sheetNote: 'Inputs are shaded; every result is a live CYBER formula on the severity cell. Select one and open Explain to see each closed-form step.',
    explainHint: 'Select any result on the written sheet and open the Explain tab: it shows each closed-form step, its formula, its source and its intermediate values.',
  },
  zh: {
    intro: '根据损失金额分布为分层定价（函数目录第 10 节）：选择分布族及其参数，或由均值与变异系数拟合对数正态、伽马或 Lomax 分布，或由 90% 区间拟合对数正态分布。所有数值均由 CYBER 函数计算。',
    severity: '损失金额分布（单次损失的大小）',
    form: '输入方式',
    forms: { params: '分布族与参数', meancv: '均值与变异系数', ci90: '90% 区间（对数正态）' },
    family: '分布族',
    mean: '均值',
    cv: '变异系数',
    low: '90% 区间下限（第 5 百分位数）',
    high: '90% 区间上限（第 95 百分位数）',
    optionalDefault: (value) => `可选，默认 ${value}`,
    layers: '分层',
    layersHint: '每行一层：起赔点; 层限额（无限额的层写“无限额”或 1e308）。',
    baseLimit: '增限因子的基础限额',
    baseLimitHint: '增限因子所相对的限额（须大于 0）。',
    alae: '每件索赔的理赔费用',
    alaeHint: '每件索赔的已分配理赔费用，计入增限因子分子与分母的 LEV（不得为负数）。',
    noLimitWords: '无限额、无限、不限',
    severityText: '损失金额分布',
    expectedLoss: '平均损失 E[X]',
    median: '中位数',
    quantile99: '百年一遇损失（99% 分位数）',
    curveTitle: '超越曲线 S(x) = P(X > x)，对数坐标',
    curveLabel: '各损失金额的超越概率',
    noCurve: '该分布为单一数值，无法在对数坐标上绘制超越曲线。',
    attachment: '起赔点',
    limit: '层限额',
    layerMean: '期望损失',
    layerSd: '标准差',
    layerProb: '进入该层的概率',
    ilf: (base) => `起赔点 + 层限额相对于 ${base} 的增限因子`,
    ilfShort: '增限因子',
    unlimited: '无限额',
    write: '生成定价工作表',
    writing: '正在写入工作表…',
    written: (sheet) => `已生成工作表“${sheet}”：损失金额分布与分层为输入，所有数值均为引用分布单元格的实时 CYBER.DIST、CYBER.LAYERLOSS 或 CYBER.ILF 公式。`,
    writeFailed: (message) => `无法写入工作表：${message}`,
    fixErrors: '请更正标出的输入项。工作簿未做任何改动。',
    tooManyLayers: (max) => `最多 ${max} 层。`,
    chooseFamily: (families) => `请选择：${families}。`,
    layerColumns: '每行须有起赔点与层限额，用“;”或制表符分隔。',
    sheetName: '定价',
    sheetNote: '输入单元格带底色；所有结果均为引用分布单元格的实时 CYBER 公式。选中任一结果并打开“解释”页，可查看每一步闭式计算。',
    explainHint: '在生成的工作表中选中任一结果并打开“解释”页：页面列出每一步闭式计算的公式、出处及中间值。',
  },
};
