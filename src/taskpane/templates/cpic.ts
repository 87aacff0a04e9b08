/**
 * 中国太平洋财产保险 CPIC 企业网络安全保险（2025版B款）network interruption: revenue history, the
 * schedule and the incident → lost profit, prevention cost, the network-interruption payout
 * (第十三条 (一) 2), business continuation costs and crisis costs — and, over all of them, the
 * policy's overall 责任限额 (第十三条): 「在本保险合同项下，保险人的总赔偿金额以责任限额为限。分项责任限额
 * （包括其他承保项目适用的分项责任限额）及抗辩费用均包含在责任限额内，而非额外增加责任限额。」 and for crisis
 * costs 第十三条 (二) 1 (2)「保险人赔付被保险人的网络安全事故应对费用，应包含在本保险合同的赔偿限额之内。」
 * The sub-limits stay (each cover's own limit for the period, less what it paid earlier); the total
 * is then capped at what is left of the 责任限额 after everything paid earlier in the period under
 * any cover. The wording does not say which cover gives way when the 责任限额 binds, so the sheet
 * shows the covers' amounts before it and the total after it.
 *
 * The timeline computes the day-counted time limits of the wording with CYBER.DEADLINE (第二十二、
 * 二十三、二十四、二十八条) and the crisis-management period (第五条 1 (1)). The notice of an
 * incident is 「及时」/「立即」 (第二十九条 (二), 第三十七条 2 (2)) and the limitation period is the
 * Insurance Law's (第三十六条): no day count in the wording, so none is computed.
 * The defaults are the examples/cpic-network-interruption model (fictional Qinghe Bazaar).
 */
import { SOURCE_TITLES } from '../../engine';
import { SheetBuilder, STANDARD_WIDTHS } from './sheetBuilder';
import { deadlineRow, deadlineText } from './timeline';
import type { FieldValues, TableValue, TemplateDefinition } from './types';

const SRC = 'CPIC 企业网络安全保险（2025版B款）';

const MONTHS_2023 = [2600000, 2200000, 2500000, 2400000, 2700000, 3300000, 2500000, 2600000, 2800000, 3000000, 4800000, 3600000];
const MONTHS_2024 = [3000000, 2500000, 2900000, 2800000, 3100000, 3900000, 2900000, 3000000, 3200000, 3500000, 5600000, 1600000];
const HISTORY = [...MONTHS_2023.map((v, m) => [2023, m, v]), ...MONTHS_2024.map((v, m) => [2024, m, v])]
  .map(([y, m, v]) => `${y}-${String(m + 1).padStart(2, '0')}-01; ${v.toLocaleString('en-US')}`)
  .join('\n');

const num = (v: FieldValues, k: string) => v[k] as number;
const bool = (v: FieldValues, k: string) => v[k] as boolean;
const table = (v: FieldValues, k: string) => v[k] as TableValue;

export const CPIC_TEMPLATE: TemplateDefinition = {
  id: 'cpic',
  title: { en: 'CPIC 2025 B — network interruption', zh: '太平洋 2025 B 款 — 网络中断' },
  description: {
    en: 'Revenue history, schedule and incident → lost profit, prevention cost and the per-incident payout, with continuation and crisis costs, all within the overall limit of liability; the claim-handling deadlines.',
    zh: '经营性收益历史、明细表与事故 → 丧失利益、防止收益减少费用及每次事故赔款，含经营延续费用与危机管理费用，合计以责任限额为限；以及理赔期限。',
  },
  source: { en: `${SOURCE_TITLES.CPIC.en}, Arts. 5, 13, 14, 22–24, 28, 44`, zh: `${SOURCE_TITLES.CPIC.zh} 第五、十三、十四、二十二至二十四、二十八、四十四条` },
  sections: [
    {
      title: { en: 'Schedule', zh: '保险明细表' },
      fields: [
        { key: 'overallLimit', label: { en: 'Overall limit of liability', zh: '责任限额' }, kind: 'amount', default: '3,000,000', note: { en: 'Art. 13: every sub-limit and crisis cost is inside it', zh: '第十三条：分项责任限额及危机管理费用均包含在内' } },
        { key: 'otherPaid', label: { en: 'Paid earlier in the period under other covers', zh: '本保险期间其他保障项目已赔付' }, kind: 'amount', default: '0', note: { en: 'IT liability, property, litigation costs…', zh: 'IT 业务责任、财产损失、诉讼应对费用等' } },
        { key: 'sumInsured', label: { en: 'Profit sum insured', zh: '利润保险金额' }, kind: 'amount', default: '8,400,000' },
        { key: 'limit', label: { en: 'Profit limit of indemnity', zh: '利润赔偿限额' }, kind: 'amount', default: '3,000,000' },
        { key: 'deductible', label: { en: 'Profit deductible', zh: '利润免赔额' }, kind: 'amount', default: '56,000' },
        { key: 'paidToDate', label: { en: 'Profit paid earlier in the period', zh: '本保险期间利润损失已赔付' }, kind: 'amount', default: '0' },
        { key: 'waitingHours', label: { en: 'Time deductible (hours)', zh: '免赔时间（小时）' }, kind: 'hours', default: '12', note: { en: 'Art. 14 (1): a trigger, not an amount', zh: '第十四条 1：触发条件，不扣减金额' } },
        { key: 'contSumInsured', label: { en: 'Continuation costs sum insured', zh: '经营延续费用保险金额' }, kind: 'amount', default: '500,000' },
        { key: 'contDeductible', label: { en: 'Continuation costs deductible', zh: '经营延续费用免赔额' }, kind: 'amount', default: '20,000' },
        { key: 'contPaid', label: { en: 'Continuation costs paid earlier in the period', zh: '本保险期间经营延续费用已赔付' }, kind: 'amount', default: '0' },
        { key: 'crisisLimit', label: { en: 'Crisis-cost limit', zh: '危机管理费用赔偿限额' }, kind: 'amount', default: '500,000' },
        { key: 'crisisReduction', label: { en: 'Crisis-cost reduction ratio', zh: '减额赔付比例' }, kind: 'ratio', default: '90%' },
        { key: 'crisisPaid', label: { en: 'Crisis costs paid earlier in the period', zh: '本保险期间危机管理费用已赔付' }, kind: 'amount', default: '0' },
        {
          key: 'recoveryTable',
          label: { en: 'Recovery-ratio table', zh: '恢复期间对应比例表' },
          kind: 'table',
          default: '7; 30%\n14; 50%\n30; 75%\n60; 100%',
          columns: [
            { label: { en: 'up to days', zh: '天数上限' }, kind: 'days' },
            { label: { en: 'ratio', zh: '比例' }, kind: 'ratio' },
          ],
          maxRows: 20,
        },
      ],
    },
    {
      title: { en: 'Last financial year', zh: '最近一个会计年度' },
      fields: [
        { key: 'revenue', label: { en: 'Operating revenue', zh: '经营性收益' }, kind: 'amount', default: '35,000,000', greaterThan: 0 },
        { key: 'expenses', label: { en: 'Operating expenses', zh: '经营性费用' }, kind: 'amount', default: '31,500,000' },
        { key: 'maintenance', label: { en: 'Maintenance costs', zh: '维持费用' }, kind: 'amount', default: '10,500,000' },
        { key: 'insuredMaintenance', label: { en: 'Insured maintenance costs', zh: '投保维持费用' }, kind: 'amount', default: '6,300,000' },
        { key: 'profitInsured', label: { en: 'Operating profit insured', zh: '承保经营性利润' }, kind: 'boolean', default: true },
        {
          key: 'history',
          label: { en: 'Revenue history (period start; revenue)', zh: '经营性收益历史（期间起始日；收益）' },
          kind: 'table',
          default: HISTORY,
          columns: [
            { label: { en: 'period start', zh: '期间起始日' }, kind: 'date' },
            { label: { en: 'revenue', zh: '收益' }, kind: 'amount' },
          ],
          minRows: 2,
          maxRows: 240,
        },
      ],
    },
    {
      title: { en: 'Incident', zh: '事故' },
      fields: [
        { key: 'incidentDate', label: { en: 'Incident date', zh: '事故发生日' }, kind: 'date', default: '2024-12-01' },
        { key: 'durationHours', label: { en: 'Interruption lasted (hours)', zh: '持续中断时间（小时）' }, kind: 'hours', default: '72' },
        { key: 'indemnityDays', label: { en: 'Indemnity period (days)', zh: '赔偿期间（天）' }, kind: 'days', default: '31', greaterThan: 0 },
        { key: 'recoveryDays', label: { en: 'Recovery period (days)', zh: '恢复期间（天）' }, kind: 'days', default: '10' },
        { key: 'trend', label: { en: 'Trend adjustment', zh: '趋势调整' }, kind: 'rate', default: '15%', note: { en: 'Art. 13 (1) 2 (4)', zh: '第十三条 (一) 2 (4)' } },
        { key: 'actualRevenue', label: { en: 'Revenue earned in the indemnity period', zh: '赔偿期间实际经营性收益' }, kind: 'amount', default: '1,600,000' },
        { key: 'savedCosts', label: { en: 'Insured maintenance not spent', zh: '节省的投保维持费用' }, kind: 'amount', default: '31,200' },
        { key: 'preventionExpense', label: { en: 'Prevention expense', zh: '防止收益减少费用' }, kind: 'amount', default: '180,000' },
        { key: 'avoidedReduction', label: { en: 'Revenue loss it avoided', zh: '由此避免的收益减少' }, kind: 'amount', default: '500,000' },
        { key: 'contExpenses', label: { en: 'Business continuation costs', zh: '经营延续费用' }, kind: 'amount', default: '300,000' },
        { key: 'crisisSpent', label: { en: 'Crisis costs spent', zh: '危机管理费用支出' }, kind: 'amount', default: '120,000' },
        { key: 'crisisRecovered', label: { en: 'Crisis costs recovered', zh: '已追回的危机管理费用' }, kind: 'amount', default: '10,000' },
        { key: 'discoveryDate', label: { en: 'Incident discovered', zh: '事故发现日' }, kind: 'date', default: '2024-12-01' },
        { key: 'crisisDate', label: { en: 'Crisis costs incurred', zh: '危机管理费用发生日' }, kind: 'date', default: '2024-12-05' },
      ],
    },
    {
      title: { en: 'Claim handling (dates)', zh: '理赔处理（日期）' },
      fields: [
        { key: 'claimReceived', label: deadlineText('cpic.advance').date, kind: 'date', default: '2025-01-06' },
        { key: 'decisionDate', label: { en: 'Day the insurer decided on cover', zh: '保险人作出核定之日' }, kind: 'date', default: '2025-01-24', note: { en: 'a refusal notice is due 3 days later', zh: '不属于保险责任的，3 日内发出拒赔通知' } },
        { key: 'settlementDate', label: deadlineText('cpic.payment').date, kind: 'date', default: '2025-02-10' },
        { key: 'riskIncreaseDate', label: deadlineText('cpic.risk.increase').date, kind: 'date', default: '2024-10-15', note: { en: 'only if the risk increased markedly', zh: '仅在危险程度显著增加时适用' } },
      ],
    },
  ],
  probes: [
    {
      fn: 'PROFITRATE',
      args: (v) => [num(v, 'revenue'), num(v, 'expenses'), num(v, 'maintenance'), num(v, 'insuredMaintenance'), bool(v, 'profitInsured')],
      blame: { revenue: 'revenue', expenses: 'expenses', maintenance: 'maintenance', insured_maintenance: 'insuredMaintenance' },
    },
    {
      fn: 'STANDARDREVENUE',
      args: (v) => [table(v, 'history'), num(v, 'incidentDate'), num(v, 'indemnityDays'), num(v, 'trend')],
      blame: { history: 'history', incident_date: 'incidentDate', indemnity_days: 'indemnityDays', trend: 'trend' },
    },
    { fn: 'ANNUALREVENUE', args: (v) => [table(v, 'history'), num(v, 'incidentDate')], blame: { history: 'history', incident_date: 'incidentDate' } },
    { fn: 'RECOVERYRATIO', args: (v) => [num(v, 'recoveryDays'), table(v, 'recoveryTable')], blame: { recovery_days: 'recoveryDays', table: 'recoveryTable' } },
    {
      fn: 'BIPAYOUT',
      args: (v) => [0, num(v, 'deductible'), num(v, 'sumInsured'), num(v, 'limit'), null, null, null, num(v, 'paidToDate')],
      blame: { deductible: 'deductible', sum_insured: 'sumInsured', limit: 'limit', paid_to_date: 'paidToDate' },
    },
    { fn: 'WAITINGMET', args: (v) => [num(v, 'durationHours'), num(v, 'waitingHours')], blame: { duration_hours: 'durationHours', waiting_hours: 'waitingHours' } },
    {
      fn: 'CRISISPAYOUT',
      args: (v) => [num(v, 'crisisSpent'), num(v, 'crisisRecovered'), num(v, 'crisisReduction'), num(v, 'crisisLimit')],
      blame: { spent: 'crisisSpent', recovered: 'crisisRecovered', reduction_ratio: 'crisisReduction', limit: 'crisisLimit' },
    },
    { fn: 'CRISISWINDOW', args: (v) => [num(v, 'discoveryDate'), num(v, 'crisisDate')], blame: { discovery_date: 'discoveryDate', cost_date: 'crisisDate' } },
    ...(
      [
        ['cpic.decision', 'claimReceived'],
        ['cpic.advance', 'claimReceived'],
        ['cpic.refusal', 'decisionDate'],
        ['cpic.payment', 'settlementDate'],
        ['cpic.risk.increase', 'riskIncreaseDate'],
      ] as const
    ).map(([rule, key]) => ({ fn: 'DEADLINE', args: (v: FieldValues) => [rule, num(v, key)], blame: { date: key } })),
  ],
  build(v) {
    const b = new SheetBuilder('CPIC BI 网络中断', 'CPIC');
    b.title('CPIC 2025 B — network interruption claim', '网络中断损失理赔测算');
    b.note('Shaded cells are inputs; every other figure is a live CYBER formula. 带底色的单元格为输入项，其余均为实时公式。');

    b.section('Schedule', '保险明细表');
    b.input('overallLimit', 'Overall limit of liability', '责任限额', num(v, 'overallLimit'), 'money', `${SRC} 第十三条`);
    b.input('otherPaid', 'Paid earlier in the period under other covers', '本保险期间其他保障项目已赔付', num(v, 'otherPaid'), 'money', `${SRC} 第十三条`);
    b.input('sumInsured', 'Profit sum insured', '利润保险金额', num(v, 'sumInsured'), 'money', `${SRC} 第十三条 (一) 2 (2)`);
    b.input('limit', 'Profit limit of indemnity', '利润赔偿限额', num(v, 'limit'), 'money', `${SRC} 第十三条 (一) 2 (5)`);
    b.input('deductible', 'Profit deductible', '利润免赔额', num(v, 'deductible'), 'money', `${SRC} 第十三条 (一) 2 (2)`);
    b.input('paidToDate', 'Profit paid earlier in the period', '本保险期间利润损失已赔付', num(v, 'paidToDate'), 'money', `${SRC} 第十三条 (一) 2 (5)`);
    b.input('waitingHours', 'Time deductible (hours)', '免赔时间（小时）', num(v, 'waitingHours'), 'hours', `${SRC} 第十四条 1`);
    b.input('contSumInsured', 'Continuation costs sum insured', '经营延续费用保险金额', num(v, 'contSumInsured'), 'money', `${SRC} 第十三条 (一) 2 (6)`);
    b.input('contDeductible', 'Continuation costs deductible', '经营延续费用免赔额', num(v, 'contDeductible'), 'money', `${SRC} 第十三条 (一) 2 (7)`);
    b.input('contPaid', 'Continuation costs paid earlier in the period', '本保险期间经营延续费用已赔付', num(v, 'contPaid'), 'money', `${SRC} 第十三条 (一) 2 (8)`);
    b.input('crisisLimit', 'Crisis-cost limit', '危机管理费用赔偿限额', num(v, 'crisisLimit'), 'money', `${SRC} 第十三条 (二) 1`);
    b.input('crisisReduction', 'Crisis-cost reduction ratio', '减额赔付比例', num(v, 'crisisReduction'), 'ratio', `${SRC} 第十三条 (二) 1`);
    b.input('crisisPaid', 'Crisis costs paid earlier in the period', '本保险期间危机管理费用已赔付', num(v, 'crisisPaid'), 'money', `${SRC} 第十三条 (二) 1`);

    b.section('Last financial year', '最近一个会计年度');
    b.input('revenue', 'Operating revenue', '经营性收益', num(v, 'revenue'), 'money', `${SRC} 第四十四条 26`);
    b.input('expenses', 'Operating expenses', '经营性费用', num(v, 'expenses'), 'money', `${SRC} 第四十四条 21`);
    b.input('maintenance', 'Maintenance costs', '维持费用', num(v, 'maintenance'), 'money', `${SRC} 第四十四条 20`);
    b.input('insuredMaintenance', 'Insured maintenance costs', '投保维持费用', num(v, 'insuredMaintenance'), 'money', `${SRC} 第四十四条 20`);
    b.input('profitInsured', 'Operating profit insured', '承保经营性利润', bool(v, 'profitInsured'), undefined, `${SRC} 第四十四条 32`);

    b.section('Incident', '事故');
    b.input('incidentDate', 'Incident date', '事故发生日', num(v, 'incidentDate'), 'date', `${SRC} 第四十四条 25`);
    b.input('durationHours', 'Interruption lasted (hours)', '持续中断时间（小时）', num(v, 'durationHours'), 'hours', `${SRC} 第十四条 1`);
    b.input('indemnityDays', 'Indemnity period (days)', '赔偿期间（天）', num(v, 'indemnityDays'), 'days', `${SRC} 第四十四条 25`);
    b.input('recoveryDays', 'Recovery period (days)', '恢复期间（天）', num(v, 'recoveryDays'), 'days', `${SRC} 第十三条 (一) 2 (7)`);
    b.input('trend', 'Trend adjustment', '趋势调整', num(v, 'trend'), 'ratio', `${SRC} 第十三条 (一) 2 (4)`);
    b.input('actualRevenue', 'Revenue earned in the indemnity period', '赔偿期间实际经营性收益', num(v, 'actualRevenue'), 'money', `${SRC} 第四十四条 30`);
    b.input('savedCosts', 'Insured maintenance not spent', '节省的投保维持费用', num(v, 'savedCosts'), 'money', `${SRC} 第十三条 (一) 2 (1) ①`);
    b.input('preventionExpense', 'Prevention expense', '防止收益减少费用', num(v, 'preventionExpense'), 'money', `${SRC} 第十三条 (一) 2 (1) ②`);
    b.input('avoidedReduction', 'Revenue loss it avoided', '由此避免的收益减少', num(v, 'avoidedReduction'), 'money', `${SRC} 第十三条 (一) 2 (1) ②`);
    b.input('contExpenses', 'Business continuation costs', '经营延续费用', num(v, 'contExpenses'), 'money', `${SRC} 第十三条 (一) 2 (6)`);
    b.input('crisisSpent', 'Crisis costs spent', '危机管理费用支出', num(v, 'crisisSpent'), 'money', `${SRC} 第十三条 (二) 1`);
    b.input('crisisRecovered', 'Crisis costs recovered', '已追回的危机管理费用', num(v, 'crisisRecovered'), 'money', `${SRC} 第十三条 (二) 1`);
    b.input('discoveryDate', 'Incident discovered', '事故发现日', num(v, 'discoveryDate'), 'date', `${SRC} 第五条 1 (1)`);
    b.input('crisisDate', 'Crisis costs incurred', '危机管理费用发生日', num(v, 'crisisDate'), 'date', `${SRC} 第五条 1 (1)`);

    b.section('Claim handling (dates)', '理赔处理（日期）');
    const claimDate = deadlineText('cpic.advance').date;
    const settled = deadlineText('cpic.payment').date;
    const risk = deadlineText('cpic.risk.increase').date;
    b.input('claimReceived', claimDate.en, claimDate.zh, num(v, 'claimReceived'), 'date', `${SRC} 第二十二、二十四条`);
    b.input('decisionDate', 'Day the insurer decided on cover', '保险人作出核定之日', num(v, 'decisionDate'), 'date', `${SRC} 第二十三条`);
    b.input('settlementDate', settled.en, settled.zh, num(v, 'settlementDate'), 'date', `${SRC} 第二十三条`);
    b.input('riskIncreaseDate', risk.en, risk.zh, num(v, 'riskIncreaseDate'), 'date', `${SRC} 第二十八条`);

    b.section('Tables', '表格');
    b.table(
      'history',
      [
        { en: 'Period start', zh: '期间起始日', format: 'date' },
        { en: 'Revenue', zh: '经营性收益', format: 'money' },
      ],
      table(v, 'history'),
    );
    b.skip();
    b.table(
      'recoveryTable',
      [
        { en: 'Up to days', zh: '天数上限', format: 'days' },
        { en: 'Ratio', zh: '比例', format: 'ratio' },
      ],
      table(v, 'recoveryTable'),
    );

    const r = (k: string) => b.ref(k);
    b.section('Results (live formulas)', '计算结果（实时公式）');
    b.calc('operatingProfit', 'Operating profit', '经营性利润', `=CYBER.OPERATINGPROFIT(${r('revenue')},${r('expenses')})`, 'money', `${SRC} 第四十四条 21`);
    b.calc('profitRate', 'Profit rate', '利润率', `=CYBER.PROFITRATE(${r('revenue')},${r('expenses')},${r('maintenance')},${r('insuredMaintenance')},${r('profitInsured')})`, 'ratio', `${SRC} 第四十四条 32`);
    b.calc('insuredRatio', 'Insured ratio', '投保比率', `=CYBER.INSUREDRATIO(${r('revenue')},${r('expenses')},${r('maintenance')},${r('insuredMaintenance')},${r('profitInsured')})`, 'ratio', `${SRC} 第四十四条 33`);
    b.calc('waitingMet', 'Time deductible exceeded', '超过免赔时间', `=CYBER.WAITINGMET(${r('durationHours')},${r('waitingHours')})`, undefined, `${SRC} 第十四条 1`);
    b.calc('standardRevenue', 'Standard revenue', '标准经营性收益', `=CYBER.STANDARDREVENUE(${r('history')},${r('incidentDate')},${r('indemnityDays')},${r('trend')})`, 'money', `${SRC} 第四十四条 25`);
    b.calc('annualRevenue', 'Annual revenue', '年度经营性收益', `=CYBER.ANNUALREVENUE(${r('history')},${r('incidentDate')})`, 'money', `${SRC} 第四十四条 26`);
    b.calc('reduction', 'Revenue reduction', '收益减少金额', `=CYBER.REVENUEREDUCTION(${r('standardRevenue')},${r('actualRevenue')})`, 'money', `${SRC} 第四十四条 30`);
    b.calc('lostProfit', 'Lost profit', '丧失利益', `=CYBER.LOSTPROFIT(${r('reduction')},${r('profitRate')},${r('savedCosts')})`, 'money', `${SRC} 第十三条 (一) 2 (1) ①`);
    b.calc('prevention', 'Prevention cost payable', '防止收益减少费用', `=CYBER.PREVENTIONCOST(${r('preventionExpense')},${r('insuredRatio')},${r('avoidedReduction')},${r('profitRate')})`, 'money', `${SRC} 第十三条 (一) 2 (1) ②`);
    b.calc('loss', 'Loss (lost profit + prevention cost)', '损失（丧失利益 + 防止费用）', `=${r('lostProfit')}+${r('prevention')}`, 'money');
    b.calc('biPayout', 'Network-interruption payout', '网络中断赔款', `=IF(${r('waitingMet')},CYBER.BIPAYOUT(${r('loss')},${r('deductible')},${r('sumInsured')},${r('limit')},${r('annualRevenue')},${r('profitRate')},,${r('paidToDate')}),0)`, 'money', `${SRC} 第十三条 (一) 2 (2)(3)(5)`, true);
    b.calc('recoveryRatio', 'Recovery ratio', '恢复期间对应比例', `=CYBER.RECOVERYRATIO(${r('recoveryDays')},${r('recoveryTable')})`, 'ratio', `${SRC} 第十三条 (一) 2 (7)`);
    b.calc('contPayout', 'Continuation payout', '经营延续费用赔款', `=IF(${r('waitingMet')},CYBER.CONTINUATIONPAYOUT(${r('contExpenses')},${r('contDeductible')},${r('contSumInsured')},${r('recoveryRatio')},${r('contPaid')}),0)`, 'money', `${SRC} 第十三条 (一) 2 (6)-(8)`, true);
    b.calc('crisisWindow', 'Crisis costs within 180 days', '危机费用在 180 天内', `=CYBER.CRISISWINDOW(${r('discoveryDate')},${r('crisisDate')})`, undefined, `${SRC} 第五条 1 (1)`);
    b.calc('crisisPayout', 'Crisis-cost payout', '危机管理费用赔款', `=IF(${r('crisisWindow')},CYBER.CRISISPAYOUT(${r('crisisSpent')},${r('crisisRecovered')},${r('crisisReduction')},${r('crisisLimit')},${r('crisisPaid')}),0)`, 'money', `${SRC} 第十三条 (二) 1`, true);
    b.calc('covers', 'Covers before the overall limit', '各保障项目合计（适用责任限额前）', `=${r('biPayout')}+${r('contPayout')}+${r('crisisPayout')}`, 'money');
    b.calc('overallRemaining', 'Overall limit left', '责任限额剩余', `=MAX(0,${r('overallLimit')}-${r('paidToDate')}-${r('contPaid')}-${r('crisisPaid')}-${r('otherPaid')})`, 'money', `${SRC} 第十三条`);
    b.calc('total', 'Total payable (within the overall limit)', '赔款合计（以责任限额为限）', `=MIN(${r('covers')},${r('overallRemaining')})`, 'money', `${SRC} 第十三条`, true);
    b.calc('aboveOverall', 'Above the overall limit (not paid)', '超过责任限额（不予赔付）', `=${r('covers')}-${r('total')}`, 'money', `${SRC} 第十三条`);

    b.section('Time limits (live formulas)', '时限（实时公式）');
    deadlineRow(b, 'decisionBy', 'cpic.decision', r('claimReceived'), SRC);
    deadlineRow(b, 'advanceBy', 'cpic.advance', r('claimReceived'), SRC);
    deadlineRow(b, 'refusalBy', 'cpic.refusal', r('decisionDate'), SRC);
    deadlineRow(b, 'paymentBy', 'cpic.payment', r('settlementDate'), SRC);
    deadlineRow(b, 'riskNoticeBy', 'cpic.risk.increase', r('riskIncreaseDate'), SRC);
    b.calc('crisisUntil', 'Last day crisis costs count (180 days after the discovery)', '危机管理费用计入的最后一日（发现次日起 180 日内）', `=INT(${r('discoveryDate')})+180`, 'date', `${SRC} 第五条 1 (1)`);
    b.note('Notice of the incident is due 「及时」 / 「立即」 (第二十九条 (二), 第三十七条 2 (2)) and the limitation period is the Insurance Law’s (第三十六条): the wording gives no day count, so none is computed. 事故通知为「及时」「立即」，诉讼时效依《保险法》，条款未规定天数，故不计算。');

    b.chart('Network-interruption claim 网络中断理赔', [
      { en: 'Loss', zh: '损失', formula: `=${r('loss')}` },
      { en: 'Deductible', zh: '免赔额', formula: `=MIN(${r('loss')},${r('deductible')})` },
      { en: 'Under-insurance and limits', zh: '不足额投保与限额', formula: `=${r('loss')}-MIN(${r('loss')},${r('deductible')})-${r('biPayout')}` },
      { en: 'Payable', zh: '赔款', formula: `=${r('biPayout')}` },
    ]);
    const { spec, refs } = b.build(STANDARD_WIDTHS);
    return { spec, refs, payout: refs.total };
  },
};

