/**
 * The Simulate tab's words, in English and Simplified Chinese: one part of the pane's text table
 * (src/taskpane/i18n.ts holds it as UI_TEXT[language].simulate), kept here beside the tab.
 */

export interface SimulateText {
  readonly intro: string;
  readonly model: string;
  readonly buildSheet: string;
  readonly runPane: string;
  readonly runSelected: string;
  readonly notSimulate: string;
  readonly scope: string;
  readonly wholePolicy: string;
  readonly coverScope: (id: string) => string;
  readonly running: (done: number, total: number) => string;
  readonly cancelled: string;
  readonly failed: (message: string) => string;
  /** A run beyond the engine's limits: "counts" (events per year) or "overflow" (a loss beyond every double), and what passed it. */
  readonly tooLarge: (kind: string, detail: string) => string;
  readonly finished: (years: number, seconds: string) => string;
  /** Seed, years, engine version and input hash of the shown run. */
  readonly runInfo: (seed: string, years: string, version: string, hash: string) => string;
  readonly statsTitle: string;
  readonly statLabels: readonly string[];
  readonly exceedanceTitle: string;
  readonly returnPeriod: string;
  readonly aep: string;
  readonly oep: string;
  readonly oepClosed: string;
  readonly closedFormNote: string;
  readonly convergenceTitle: string;
  readonly convergenceYears: string;
  readonly aal: string;
  readonly aalBand: string;
  readonly explorerTitle: string;
  readonly openYear: string;
  readonly finding: string;
  readonly yearAt: (year: number, t: number, total: string) => string;
  readonly noEvents: string;
  readonly event: string;
  readonly draw: string;
  readonly hit: string;
  readonly amount: string;
  readonly paid: string;
  readonly noHit: string;
  readonly claimsTitle: string;
  readonly traceTitle: string;
  readonly traceAgrees: string;
  readonly traceDiffers: string;
  readonly exportTitle: string;
  readonly exportCsv: string;
  readonly exportCsvSheet: string;
  readonly exportSheet: string;
  readonly sheetLimit: (rows: string) => string;
  readonly csvSaved: (file: string) => string;
  readonly sheetWritten: (sheet: string) => string;
  readonly yltSheet: string;
  readonly yltCsvSheet: string;
  readonly yltColumns: { readonly year: string; readonly events: string; readonly groundUp: string; readonly paid: (cover: string) => string; readonly total: string };
}

export const SIMULATE_TEXT: { readonly en: SimulateText; readonly zh: SimulateText } = {
  en: {
    intro:
      'Simulate years of losses under the policy’s whole limits tree: each year is one policy period, settled exactly as CYBER.ALLOCATE settles claims. Write the model as a sheet of live CYBER.SIMULATE cells, or run it here (off the page’s thread).',
    model: 'Annual-loss model',
    buildSheet: 'Write the model sheet',
    runPane: 'Run in the pane',
    runSelected: 'Run the selected CYBER.SIMULATE cell',
    notSimulate: 'Select a cell holding CYBER.SIMULATE first.',
    scope: 'Whose payments',
    wholePolicy: 'The whole policy',
    coverScope: (id) => `Cover ${id} and its sub-covers`,
    running: (done, total) => `Simulated ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} years…`,
    cancelled: 'Cancelled. Nothing was changed.',
    failed: (message) => `The simulation could not run: ${message}`,
    tooLarge: (kind, detail) =>
      kind === 'overflow'
        ? `A drawn loss is too large for a double (${detail}): no statistic can be computed. Check the severities.`
        : kind === 'counts'
          ? `The frequency gives years of more than ${detail} events, beyond the simulation’s limits.`
          : `The simulation is beyond its limits (${kind}: ${detail}).`,
    finished: (years, seconds) => `${years.toLocaleString('en-US')} years simulated in ${seconds} s.`,
    runInfo: (seed, years, version, hash) => `Seed ${seed} · ${years} years · engine ${version} · input hash ${hash}`,
    statsTitle: 'Statistics of the annual paid',
    statLabels: [
      'Mean annual paid (AAL)',
      'Standard deviation',
      'Standard error of the mean',
      'Probability a year pays anything',
      'VaR 90%',
      'VaR 95%',
      'VaR 99%',
      'VaR 99.5%',
      'VaR 99.6%',
      'TVaR 99%',
      'TVaR 99.5%',
      'Largest annual paid',
      'Mean number of events per year',
      'Mean annual loss before terms',
    ],
    exceedanceTitle: 'Exceedance by return period (log scale)',
    returnPeriod: 'Return period (years)',
    aep: 'AEP: annual paid',
    oep: 'OEP: largest event paid',
    oepClosed: 'OEP closed form (CYBER.OEPLOSS)',
    closedFormNote: 'One cover, every event a claim on it, no aggregate: the closed-form OEP applies and is drawn beside the simulated one.',
    convergenceTitle: 'Convergence: AAL ± 2 standard errors as years grow',
    convergenceYears: 'Years simulated',
    aal: 'AAL',
    aalBand: 'AAL ± 2 SE',
    explorerTitle: 'Year explorer',
    openYear: 'Open the year at this return period',
    finding: 'Looking for the year…',
    yearAt: (year, t, total) => `Year ${year.toLocaleString('en-US')} (nearest to the 1-in-${t} annual paid): ${total} paid.`,
    noEvents: 'No loss event in this year.',
    event: 'Event',
    draw: 'Row',
    hit: 'Hit',
    amount: 'Loss',
    paid: 'Paid',
    noHit: 'no loss',
    claimsTitle: 'Its claims, settled by CYBER.ALLOCATE with the wording’s articles',
    traceTitle: 'The exact settlement',
    traceAgrees: 'The exact decimal settlement pays the same as the simulation, to the cent.',
    traceDiffers: 'The exact decimal settlement differs from the simulation’s: please report this model.',
    exportTitle: 'Year loss table',
    exportCsv: 'Download as CSV',
    exportCsvSheet: 'Write as CSV text to a sheet',
    exportSheet: 'Write to a sheet',
    sheetLimit: (rows) => `A sheet holds the first ${rows} years; the CSV holds every year.`,
    csvSaved: (file) => `Saved “${file}”.`,
    sheetWritten: (sheet) => `Written to the sheet “${sheet}”.`,
    yltSheet: 'Year loss table',
    yltCsvSheet: 'Year loss table CSV',
    yltColumns: { year: 'year', events: 'events', groundUp: 'loss before terms', paid: (cover) => `paid ${cover}`, total: 'total paid' },
  },
  zh: {
    intro: '在保险单完整限额树下模拟多年损失：每一模拟年为一个保险期间，按 CYBER.ALLOCATE 理算索赔的方式精确理算。可将模型写成含实时 CYBER.SIMULATE 公式的工作表，或在任务窗格中运行（不占用页面主线程）。',
    model: '年度损失模型',
    buildSheet: '生成模型工作表',
    runPane: '在任务窗格中运行',
    runSelected: '运行所选 CYBER.SIMULATE 单元格',
    notSimulate: '请先选择含有 CYBER.SIMULATE 的单元格。',
    scope: '统计对象',
    wholePolicy: '整张保险单',
    coverScope: (id) => `保障项目 ${id} 及其下级`,
    running: (done, total) => `已模拟 ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} 年…`,
    cancelled: '已取消。未做任何改动。',
    failed: (message) => `无法运行模拟：${message}`,
    tooLarge: (kind, detail) =>
      kind === 'overflow'
        ? `抽取的损失过大，超出双精度数范围（${detail}）：无法计算统计量。请检查损失金额分布。`
        : kind === 'counts'
          ? `该频率分布的年度事件数可超过 ${detail} 次，超出模拟的计算限制。`
          : `模拟超出计算限制（${kind}：${detail}）。`,
    finished: (years, seconds) => `已模拟 ${years.toLocaleString('en-US')} 年，用时 ${seconds} 秒。`,
    runInfo: (seed, years, version, hash) => `随机种子 ${seed} · ${years} 年 · 引擎版本 ${version} · 输入哈希 ${hash}`,
    statsTitle: '年赔付统计',
    statLabels: [
      '年均赔付（AAL）',
      '标准差',
      '均值的标准误',
      '一年发生赔付的概率',
      '风险价值 VaR 90%',
      '风险价值 VaR 95%',
      '风险价值 VaR 99%',
      '风险价值 VaR 99.5%',
      '风险价值 VaR 99.6%',
      '尾部风险价值 TVaR 99%',
      '尾部风险价值 TVaR 99.5%',
      '最大年赔付',
      '每年平均事件次数',
      '年均损失（适用保险条件前）',
    ],
    exceedanceTitle: '各重现期的超越值（对数坐标）',
    returnPeriod: '重现期（年）',
    aep: '年超越（AEP）：年赔付',
    oep: '单次超越（OEP）：最大单次赔付',
    oepClosed: '单次超越解析解（CYBER.OEPLOSS）',
    closedFormNote: '仅一项保障、每次事件均向其索赔且无累计限额：适用单次超越概率解析解，与模拟结果并列绘出。',
    convergenceTitle: '收敛：随模拟年数增加的 AAL ± 2 倍标准误',
    convergenceYears: '模拟年数',
    aal: '年均赔付 AAL',
    aalBand: 'AAL ± 2 倍标准误',
    explorerTitle: '模拟年查看',
    openYear: '打开该重现期对应的模拟年',
    finding: '正在查找该模拟年…',
    yearAt: (year, t, total) => `第 ${year.toLocaleString('en-US')} 年（最接近 ${t} 年一遇的年赔付）：赔付 ${total}。`,
    noEvents: '该年没有损失事件。',
    event: '事件',
    draw: '行',
    hit: '是否发生',
    amount: '损失',
    paid: '赔付',
    noHit: '未发生',
    claimsTitle: '该年的索赔，按 CYBER.ALLOCATE 理算并注明条款',
    traceTitle: '精确理算过程',
    traceAgrees: '精确十进制理算结果与模拟结果一致，精确到分。',
    traceDiffers: '精确十进制理算结果与模拟结果不一致：请报告此模型。',
    exportTitle: '年度损失表',
    exportCsv: '下载 CSV 文件',
    exportCsvSheet: '以 CSV 文本写入工作表',
    exportSheet: '写入工作表',
    sheetLimit: (rows) => `工作表只写入前 ${rows} 年；CSV 文件包含全部模拟年。`,
    csvSaved: (file) => `已保存“${file}”。`,
    sheetWritten: (sheet) => `已写入工作表“${sheet}”。`,
    yltSheet: '年度损失表',
    yltCsvSheet: '年度损失表 CSV',
    yltColumns: { year: '年份', events: '事件次数', groundUp: '条件前损失', paid: (cover) => `赔付 ${cover}`, total: '赔付合计' },
  },
};
