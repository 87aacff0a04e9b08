/**
 * examples/samsung-hourly-bi-reputational: a ten-day service interruption counted hour by hour
 * (CYBER.WAITINGDEDUCTIBLE, CYBER.HOURLYBI) and the income lost after an adverse media event
 * (CYBER.REPUTATIONAL, daily cap 释义十四), with cross-checks by standard functions. Every hourly
 * value is a formula: the normal profit of that clock hour × the share lost on that day.
 * Hand check: examples/README.md.
 *
 * Jinqiao Online Retail Co., Ltd. (金桥在线零售有限公司) is fictional, as are its figures.
 */
const { SheetLayout } = require('./layout');

const SRC = 'SAMSUNG';

/** Normal operating profit per clock hour (USD), 00:00 … 23:00: night low, peaks late morning and evening. */
const PROFILE = [60000, 40000, 30000, 20000, 20000, 30000, 50000, 80000, 120000, 150000, 180000, 180000, 140000, 140000, 150000, 150000, 140000, 130000, 140000, 170000, 200000, 200000, 150000, 100000];
/** Share of the normal profit lost (%), day by day from the start of the interruption (10 days). */
const BI_LOST = [100, 100, 90, 70, 50, 35, 25, 15, 10, 5];
/** Share lost (%) day by day from discovery of the adverse media event (14 days). */
const REP_LOST = [40, 55, 45, 35, 25, 20, 15, 10, 8, 6, 4, 3, 2, 1];

const BI_START_HOUR = 2; // 2025-06-18 02:00
const REP_START_HOUR = 9; // 2025-06-19 09:00

function build() {
  const s = new SheetLayout({
    name: 'Hourly 小时损失',
    widths: [56, 40, 18, 30, 3, 16, 20, 18, 18, 18, 3, 10, 10, 10, 16, 3, 10, 10, 10, 16],
    frozenRows: 4,
  });
  s.title('Samsung cyber policy — hourly business interruption and reputational harm — Jinqiao Online Retail Co., Ltd. 金桥在线零售有限公司 (fictional)');
  s.title('Amounts in USD. Rules: 三星财产保险 网络安全综合保险 第二十六条 (六), 第二十九、三十一、三十八条, 释义十四、四十三、四十四、七十. Formulas use the CYBER add-in (cyberbi).');
  s.title('Each hourly loss (columns L–O and Q–T) = normal profit of that clock hour (F–G) × share lost that day (F–H) ÷ 100. 每小时损失 = 该时点正常利润 × 当日损失比例 ÷ 100。');
  s.header(['Item', '项目', 'Value 数值', 'Source 依据']);

  // ---- side tables (columns F–J) and the hourly series (L–O, Q–T) ----------------------------
  const profileTop = 4;
  s.put(profileTop - 1, 6, 'Normal profit by clock hour 各时点正常利润', { style: 'section' });
  s.table('profile', {
    at: { row: profileTop, col: 6 },
    header: ['Clock hour 时点', 'Profit per hour 每小时利润'],
    rows: PROFILE.map((p, h) => [h, p]),
    fmts: ['hours', 'amount'],
  });
  const biDaysTop = profileTop + PROFILE.length + 3;
  s.put(biDaysTop - 1, 6, 'Interruption: share lost by day 服务中断：每日损失比例', { style: 'section' });
  s.table('biDays', {
    at: { row: biDaysTop, col: 6 },
    header: ['Day 天', 'Share lost (%) 损失比例(%)', 'Day total 当日损失'],
    rows: BI_LOST.map((pct, i) => ({ key: i + 1, cells: [i + 1, pct, (r) => `=SUMIF(${r.col('biSeries', 2)},F${r.row('biDays', i + 1)},${r.col('biSeries', 3)})`] })),
    fmts: ['days', 'int', 'amount'],
  });
  const repDaysTop = biDaysTop + BI_LOST.length + 3;
  s.put(repDaysTop - 1, 6, 'Adverse media: share lost by day 负面媒体：每日损失比例', { style: 'section' });
  s.table('repDays', {
    at: { row: repDaysTop, col: 6 },
    header: ['Day 天', 'Share lost (%) 损失比例(%)', 'Day total 当日损失'],
    rows: REP_LOST.map((pct, i) => ({ key: i + 1, cells: [i + 1, pct, (r) => `=SUMIF(${r.col('repSeries', 2)},F${r.row('repDays', i + 1)},${r.col('repSeries', 3)})`] })),
    fmts: ['days', 'int', 'amount'],
  });
  const blocksTop = repDaysTop + REP_LOST.length + 3;
  s.put(blocksTop - 1, 6, 'Check by standard functions: 24-hour blocks after the waiting period 标准函数复核：等待期后每 24 小时', { style: 'section' });
  s.table('blocks', {
    at: { row: blocksTop, col: 6 },
    header: ['Block 区段', 'From hour 起始小时', 'To hour (excl.) 截止小时', 'Block loss 区段损失', 'Paid (≤ daily cap) 赔付'],
    rows: REP_LOST.map((_, i) => ({
      key: i + 1,
      cells: [
        i + 1,
        (r) => `=${r.c('repWaiting')}+24*(F${r.row('blocks', i + 1)}-1)`,
        (r) => `=G${r.row('blocks', i + 1)}+24`,
        (r) => {
          const row = r.row('blocks', i + 1);
          return `=SUMIFS(${r.col('repSeries', 3)},${r.col('repSeries', 0)},">="&G${row},${r.col('repSeries', 0)},"<"&H${row})`;
        },
        (r) => `=MIN(${r.c('dailyCap')},I${r.row('blocks', i + 1)})`,
      ],
    })),
    fmts: ['int', 'hours', 'hours', 'amount', 'amount'],
  });

  const seriesTop = 4;
  s.put(seriesTop - 1, 12, 'Service interruption, hour by hour 服务中断逐小时损失', { style: 'section' });
  s.table('biSeries', {
    at: { row: seriesTop, col: 12 },
    header: ['Hour 小时', 'Clock 时点', 'Day 天', 'Loss 损失'],
    rows: Array.from({ length: BI_LOST.length * 24 }, (_, h) => {
      const row = seriesTop + 1 + h;
      return [
        h,
        (r) => `=MOD(${r.c('biStartHour')}+L${row},24)`,
        `=INT(L${row}/24)+1`,
        (r) => `=INDEX(${r.col('profile', 1)},M${row}+1)*INDEX(${r.col('biDays', 1)},N${row})/100`,
      ];
    }),
    fmts: ['hours', 'hours', 'days', 'amount'],
  });
  s.put(seriesTop - 1, 17, 'Adverse media event, hour by hour 负面媒体事件逐小时损失', { style: 'section' });
  s.table('repSeries', {
    at: { row: seriesTop, col: 17 },
    header: ['Hour 小时', 'Clock 时点', 'Day 天', 'Loss 损失'],
    rows: Array.from({ length: REP_LOST.length * 24 }, (_, h) => {
      const row = seriesTop + 1 + h;
      return [
        h,
        (r) => `=MOD(${r.c('repStartHour')}+Q${row},24)`,
        `=INT(Q${row}/24)+1`,
        (r) => `=INDEX(${r.col('profile', 1)},R${row}+1)*INDEX(${r.col('repDays', 1)},S${row})/100`,
      ];
    }),
    fmts: ['hours', 'hours', 'days', 'amount'],
  });

  // ---- the left block -------------------------------------------------------------------------
  s.section('1. Schedule 保险明细');
  s.item('biWaiting', 'Waiting period, business interruption (hours)', '营业收入损失等待期（小时）', 8, 'hours', `${SRC} 第二十九条; 释义七十`);
  s.item('biDeductible', 'Business-interruption deductible', '营业收入损失免赔额', 250000, 'amount', `${SRC} 第二十七、二十九条`);
  s.item('biLimit', 'Business-interruption limit', '营业收入损失责任限额', 15000000, 'amount', `${SRC} 第二十六条 (一)(二)`);
  s.item('repWaiting', 'Adverse-media waiting period (hours)', '负面媒体事件等待期（小时）', 12, 'hours', `${SRC} 第三十一条; 释义二`);
  s.item('dailyCap', 'Daily cap, reputational harm', '每日赔偿金上限', 1000000, 'amount', `${SRC} 释义十四; 第二十六条 (六)`);
  s.item('repLimit', 'Reputational-harm limit', '声誉损害责任限额', 5000000, 'amount', `${SRC} 第二十六条`);
  s.blank();

  s.section('2. Service interruption (ransomware on the order platform) 服务中断（订单平台遭勒索软件攻击）');
  s.item('biStartDate', 'Interruption began (date)', '服务中断开始日期', { date: [2025, 6, 18] }, 'date', `${SRC} 第二十九条`);
  s.item('biStartHour', 'Interruption began (clock hour)', '服务中断开始时点', BI_START_HOUR, 'hours', `${SRC} 第二十九条`);
  s.item('biHours', 'Hours recorded', '记录小时数', (r) => `=COUNT(${r.col('biSeries', 3)})`, 'hours', 'standard functions');
  s.item('biTotal', 'Losses of all hours recorded', '全部小时损失合计', (r) => `=SUM(${r.col('biSeries', 3)})`, 'amount', 'standard functions');
  s.item('biWaitingSum', 'Losses of the first 8 hours (SUM)', '前 8 小时损失（SUM）', `=SUM(O${seriesTop + 1}:O${seriesTop + 8})`, 'amount', 'standard functions');
  s.item('waitingDeductible', 'Waiting-period deductible', '等待期免赔额', (r) => `=CYBER.WAITINGDEDUCTIBLE(${r.col('biSeries', 3)},${r.c('biWaiting')})`, 'amount', `${SRC} 释义七十`);
  s.item('deductibleApplied', 'Deductible applied: the larger of the two', '适用免赔额：两者中的较大者', (r) => `=MAX(${r.c('biDeductible')},${r.c('waitingDeductible')})`, 'amount', `${SRC} 第二十八、二十九条`);
  s.item('hourlyBi', 'Business-interruption payout', '营业收入损失赔款', (r) => `=CYBER.HOURLYBI(${r.col('biSeries', 3)},${r.c('biWaiting')},${r.c('biDeductible')},${r.c('biLimit')})`, 'amount', `${SRC} 第二十九条; 第三十八条 (一)`, { style: 'total' });
  s.item('recoveryHours', 'If the recovery period had ended after 5 days (hours)', '如恢复期 5 天即结束（小时）', 120, 'hours', `${SRC} 释义四十四`);
  s.item('hourlyBi120', 'Payout with that recovery period', '按该恢复期计算的赔款', (r) => `=CYBER.HOURLYBI(${r.col('biSeries', 3)},${r.c('biWaiting')},${r.c('biDeductible')},${r.c('biLimit')},${r.c('recoveryHours')})`, 'amount', `${SRC} 释义四十四`);
  s.item('biPeak', 'Largest hourly loss', '最大小时损失', (r) => `=MAX(${r.col('biSeries', 3)})`, 'amount', 'standard functions');
  s.item('biDayCheck', 'Day totals add up to all hours', '每日合计等于全部小时合计', (r) => `=SUM(${r.col('biDays', 2)})=${r.c('biTotal')}`, undefined, 'standard functions');
  s.blank();

  s.section('3. Adverse media event (press reports of the attack) 负面媒体事件（媒体报道攻击事件）');
  s.item('repStartDate', 'Event discovered (date)', '首次发现负面媒体事件日期', { date: [2025, 6, 19] }, 'date', `${SRC} 释义二`);
  s.item('repStartHour', 'Event discovered (clock hour)', '首次发现时点', REP_START_HOUR, 'hours', `${SRC} 释义二`);
  s.item('repHours', 'Hours recorded', '记录小时数', (r) => `=COUNT(${r.col('repSeries', 3)})`, 'hours', 'standard functions');
  s.item('repTotal', 'Income lost in all hours recorded', '全部小时收入损失合计', (r) => `=SUM(${r.col('repSeries', 3)})`, 'amount', 'standard functions');
  s.item('repWaitingSum', 'Of which in the waiting period (not covered)', '其中等待期内（不赔付）', `=SUM(T${seriesTop + 1}:T${seriesTop + 12})`, 'amount', `${SRC} 第三十一条`);
  s.item('repAfterWaiting', 'After the waiting period, before the daily cap', '等待期后、每日上限前', (r) => `=${r.c('repTotal')}-${r.c('repWaitingSum')}`, 'amount', 'standard functions');
  s.item('repNoLimit', 'After the waiting period, 24-hour blocks capped at the daily cap', '等待期后按每 24 小时上限封顶', (r) => `=CYBER.REPUTATIONAL(${r.col('repSeries', 3)},${r.c('repWaiting')},${r.c('dailyCap')})`, 'amount', `${SRC} 第三十一条; 释义十四、四十三`);
  s.item('repBlocksCheck', 'The same by standard functions (blocks table)', '标准函数复核（区段表）', (r) => `=SUM(${r.col('blocks', 4)})`, 'amount', 'standard functions');
  s.item('repPayout', 'Reputational-harm payout (within the limit)', '声誉损害赔款（以限额为限）', (r) => `=CYBER.REPUTATIONAL(${r.col('repSeries', 3)},${r.c('repWaiting')},${r.c('dailyCap')},,${r.c('repLimit')})`, 'amount', `${SRC} 第二十六条 (六); 第三十一条`, { style: 'total' });
  s.item('repIndemnityHours', 'If net profit had stopped suffering after 7 days (hours)', '如净利润 7 天后不再受损（小时）', 168, 'hours', `${SRC} 释义四十三 (一)`);
  s.item('repPayout168', 'Payout with that indemnity period (no limit)', '按该赔偿期计算的赔款（不计限额）', (r) => `=CYBER.REPUTATIONAL(${r.col('repSeries', 3)},${r.c('repWaiting')},${r.c('dailyCap')},${r.c('repIndemnityHours')})`, 'amount', `${SRC} 释义四十三`);
  s.blank();

  s.section('4. Total 合计');
  s.item('total', 'Sum of the two payouts — NOT what is payable: the policy aggregate and the covers tree still apply (settle both as claims with CYBER.ALLOCATE, as the Samsung template does)', '两项赔款之和——并非应付金额：仍须适用保险单累计限额与保障项目树（以 CYBER.ALLOCATE 将两者作为索赔理算，见三星模板）', (r) => `=${r.c('hourlyBi')}+${r.c('repPayout')}`, 'amount', `${SRC} 第二十四条`);
  return s;
}

module.exports = { file: 'samsung-hourly-bi-reputational', build };
