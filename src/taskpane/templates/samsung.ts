/**
 * Samsung 网络安全综合保险 (seed 001_694919f9d8fff4df.txt): a covers tree with sublimits and
 * deductibles and a claims list settled by CYBER.ALLOCATE (第二十四–二十八、三十二、三十三条),
 * hourly business interruption (第二十九、三十八条, 释义七十/四十四) and reputational harm under the
 * daily cap (第三十一条, 释义十四: 1,000,000 a day). Covers and claims mirror
 * examples/samsung-limits-and-claims (fictional Lanting Cloud Logistics).
 */
import { cellAddress } from '../addresses';
import { SheetBuilder } from './sheetBuilder';
import type { FieldValues, TableValue, TemplateDefinition } from './types';

const SRC = 'SAMSUNG';
/** The hourly columns hold 30 days; the form keeps the hours within them. */
export const SAMSUNG_MAX_HOURS = 720;

const COVERS = [
  'SEC; ; 2,000,000; 2,000,000; 50,000',
  'PRIV; ; 2,000,000; 2,000,000; 50,000',
  'REG; ; 750,000; 1,000,000; 50,000',
  'PCI; REG; 250,000; 250,000; 50,000',
  'IR; ; 500,000; 500,000; 25,000',
  'BI; ; 1,500,000; 1,500,000; 100,000',
  'CBI; BI; 500,000; 500,000; 100,000',
  'EXT; ; 500,000; 800,000; 50,000',
  'RWD; EXT; ; 100,000; ',
  'SE; ; 250,000; 250,000; 25,000',
  'SEP; SE; ; 50,000; 25,000',
].join('\n');

const CLAIMS = [
  'E1; IR; 180,000',
  'E1; BI; 1,200,000',
  'E1; EXT; 400,000',
  'E2; PRIV; 1,900,000',
  'E2; REG; 350,000',
  'E3; CBI; 700,000',
  'E3; IR; 60,000',
  'E2; PCI; 420,000',
  'E2; IR; 120,000',
  'E4; RWD; 120,000',
  'E4; EXT; 150,000',
  'E5; SE; 180,000',
  'E5; SEP; 70,000',
  'E6; SEC; 2,600,000',
  'E6; REG; 300,000',
].join('\n');

const num = (v: FieldValues, k: string) => v[k] as number;
const table = (v: FieldValues, k: string) => v[k] as TableValue;

const hours = (key: string, en: string, zh: string, def: string, note?: { en: string; zh: string }) =>
  ({ key, label: { en, zh }, kind: 'hours', default: def, max: SAMSUNG_MAX_HOURS, note }) as const;

export const SAMSUNG_TEMPLATE: TemplateDefinition = {
  id: 'samsung',
  title: { en: 'Samsung cyber — limits, claims, hourly BI, reputational harm', zh: '三星网络安全综合保险 — 限额、索赔、按小时营业中断、声誉损害' },
  description: {
    en: 'A tree of covers with sublimits and deductibles settles a claims list; hourly business interruption and reputational harm under the daily cap.',
    zh: '保障项目树（分项限额与免赔额）结算索赔清单；按小时计算营业中断损失及每日上限内的声誉损害。',
  },
  source: { en: 'Samsung P&C comprehensive cyber insurance, Arts. 24–33, 38, Definitions 14, 43, 44, 70 (001_694919f9d8fff4df.txt)', zh: '三星财产保险 网络安全综合保险 第二十四–三十三、三十八条，释义十四、四十三、四十四、七十（001_694919f9d8fff4df.txt）' },
  sections: [
    {
      title: { en: 'Policy limits and covers', zh: '保险单限额与保障项目' },
      fields: [
        { key: 'policyAggregate', label: { en: 'Policy aggregate limit', zh: '保险单累计责任限额' }, kind: 'amount', default: '7,500,000', note: { en: 'Art. 24', zh: '第二十四条' } },
        { key: 'policyPerClaim', label: { en: 'Policy per-claim limit', zh: '保险单每次索赔责任限额' }, kind: 'amount', default: '2,500,000', note: { en: 'Art. 24', zh: '第二十四条' } },
        {
          key: 'covers',
          label: { en: 'Covers (id; parent; per-event limit; aggregate; deductible)', zh: '保障项目（代码；上级；每次限额；累计限额；免赔额）' },
          kind: 'table',
          default: COVERS,
          columns: [
            { label: { en: 'id', zh: '代码' }, kind: 'text' },
            { label: { en: 'parent', zh: '上级' }, kind: 'text', optional: true },
            { label: { en: 'per-event limit', zh: '每次限额' }, kind: 'amount', optional: true },
            { label: { en: 'aggregate', zh: '累计限额' }, kind: 'amount', optional: true },
            { label: { en: 'deductible', zh: '免赔额' }, kind: 'amount', optional: true },
          ],
          maxRows: 100,
          note: { en: 'A child’s limits are part of its parent’s (Arts. 25 (4), 26)', zh: '下级限额包含于上级限额之内（第二十五条 (四)、第二十六条）' },
        },
        {
          key: 'claims',
          label: { en: 'Claims (event; cover; amount)', zh: '索赔（事件；保障项目；金额）' },
          kind: 'table',
          default: CLAIMS,
          columns: [
            { label: { en: 'event', zh: '事件' }, kind: 'text' },
            { label: { en: 'cover', zh: '保障项目' }, kind: 'text' },
            { label: { en: 'amount', zh: '金额' }, kind: 'amount' },
          ],
          maxRows: 500,
          note: { en: 'Rows with the same event are one claim (Arts. 32, 33)', zh: '同一事件的各行视为一次索赔（第三十二、三十三条）' },
        },
      ],
    },
    {
      title: { en: 'Hourly business interruption', zh: '按小时计算的营业中断' },
      fields: [
        { key: 'hourlyProfit', label: { en: 'Normal operating profit per hour', zh: '每小时正常营业利润' }, kind: 'amount', default: '100,000' },
        hours('outageHours', 'Service interruption (hours)', '服务中断时长（小时）', '72'),
        { key: 'lossShare', label: { en: 'Share of profit lost during it', zh: '中断期间损失的利润比例' }, kind: 'ratio', default: '60%' },
        hours('biWaiting', 'Waiting period (hours)', '等待期（小时）', '8', { en: 'Art. 27; Definition 70', zh: '第二十七条；释义七十' }),
        { key: 'biDeductible', label: { en: 'BI deductible', zh: '营业中断免赔额' }, kind: 'amount', default: '250,000', note: { en: 'Art. 29: the larger one applies', zh: '第二十九条：取较大者' } },
        { key: 'biLimit', label: { en: 'BI limit', zh: '营业中断赔偿限额' }, kind: 'amount', default: '15,000,000' },
        { key: 'maxHours', label: { en: 'Recovery period cap (hours)', zh: '恢复期上限（小时）' }, kind: 'hours', default: '4320', note: { en: 'Definition 44: at most 180 days', zh: '释义四十四：不超过 180 天' } },
      ],
    },
    {
      title: { en: 'Reputational harm', zh: '声誉损害' },
      fields: [
        { key: 'repHourly', label: { en: 'Income lost per hour after the media event', zh: '负面报道后每小时收入损失' }, kind: 'amount', default: '50,000' },
        hours('repHours', 'Hours of lost income', '收入损失时长（小时）', '120'),
        hours('repWaiting', 'Waiting period (hours)', '等待期（小时）', '12', { en: 'Art. 31', zh: '第三十一条' }),
        { key: 'dailyCap', label: { en: 'Daily cap', zh: '每日赔偿金上限' }, kind: 'amount', default: '1,000,000', note: { en: 'Definition 14', zh: '释义十四' } },
        { key: 'indemnityHours', label: { en: 'Indemnity period (hours)', zh: '赔偿期（小时）' }, kind: 'hours', default: '4380', note: { en: 'Definition 43: at most six months', zh: '释义四十三：不超过六个月' } },
        { key: 'repLimit', label: { en: 'Reputational harm limit', zh: '声誉损害赔偿限额' }, kind: 'amount', default: '5,000,000' },
      ],
    },
  ],
  probes: [
    {
      fn: 'ALLOCATE',
      args: (v) => [table(v, 'claims'), table(v, 'covers'), num(v, 'policyAggregate'), num(v, 'policyPerClaim')],
      blame: { claims: 'claims', covers: 'covers', policy_aggregate: 'policyAggregate', policy_per_claim: 'policyPerClaim' },
    },
    {
      fn: 'HOURLYBI',
      args: (v) => [[[0]], num(v, 'biWaiting'), num(v, 'biDeductible'), num(v, 'biLimit'), num(v, 'maxHours')],
      blame: { waiting_hours: 'biWaiting', deductible: 'biDeductible', limit: 'biLimit', max_hours: 'maxHours' },
    },
    {
      fn: 'REPUTATIONAL',
      args: (v) => [[[0]], num(v, 'repWaiting'), num(v, 'dailyCap'), num(v, 'indemnityHours'), num(v, 'repLimit')],
      blame: { waiting_hours: 'repWaiting', daily_cap: 'dailyCap', indemnity_hours: 'indemnityHours', limit: 'repLimit' },
    },
  ],
  build(v) {
    const b = new SheetBuilder('Samsung cyber 三星网络安全', 'SAMSUNG');
    b.title('Samsung cyber — limits tree, claims, hourly BI and reputational harm', '三星网络安全综合保险 — 限额、索赔、营业中断与声誉损害');
    b.note('Shaded cells are inputs; every other figure is a live CYBER formula. 带底色的单元格为输入项，其余均为实时公式。');

    b.section('Policy limits', '保险单限额');
    b.input('policyAggregate', 'Policy aggregate limit', '保险单累计责任限额', num(v, 'policyAggregate'), 'money', `${SRC} 第二十四条`);
    b.input('policyPerClaim', 'Policy per-claim limit', '保险单每次索赔责任限额', num(v, 'policyPerClaim'), 'money', `${SRC} 第二十四条`);

    b.section('Hourly business interruption', '按小时计算的营业中断');
    b.input('hourlyProfit', 'Normal operating profit per hour', '每小时正常营业利润', num(v, 'hourlyProfit'), 'money', `${SRC} 第三十八条`);
    b.input('outageHours', 'Service interruption (hours)', '服务中断时长（小时）', num(v, 'outageHours'), 'hours', `${SRC} 第十条`);
    b.input('lossShare', 'Share of profit lost', '损失的利润比例', num(v, 'lossShare'), 'ratio');
    b.input('biWaiting', 'Waiting period (hours)', '等待期（小时）', num(v, 'biWaiting'), 'hours', `${SRC} 第二十七条; 释义七十`);
    b.input('biDeductible', 'BI deductible', '营业中断免赔额', num(v, 'biDeductible'), 'money', `${SRC} 第二十九条`);
    b.input('biLimit', 'BI limit', '营业中断赔偿限额', num(v, 'biLimit'), 'money', `${SRC} 第二十六条`);
    b.input('maxHours', 'Recovery period cap (hours)', '恢复期上限（小时）', num(v, 'maxHours'), 'hours', `${SRC} 释义四十四`);

    b.section('Reputational harm', '声誉损害');
    b.input('repHourly', 'Income lost per hour', '每小时收入损失', num(v, 'repHourly'), 'money', `${SRC} 第三十八条`);
    b.input('repHours', 'Hours of lost income', '收入损失时长（小时）', num(v, 'repHours'), 'hours');
    b.input('repWaiting', 'Waiting period (hours)', '等待期（小时）', num(v, 'repWaiting'), 'hours', `${SRC} 第三十一条`);
    b.input('dailyCap', 'Daily cap', '每日赔偿金上限', num(v, 'dailyCap'), 'money', `${SRC} 释义十四`);
    b.input('indemnityHours', 'Indemnity period (hours)', '赔偿期（小时）', num(v, 'indemnityHours'), 'hours', `${SRC} 释义四十三`);
    b.input('repLimit', 'Reputational harm limit', '声誉损害赔偿限额', num(v, 'repLimit'), 'money', `${SRC} 第二十六条 (六)`);

    b.section('Covers tree', '保障项目树');
    const covers = table(v, 'covers');
    b.table(
      'covers',
      [
        { en: 'Cover', zh: '保障项目' },
        { en: 'Parent', zh: '上级' },
        { en: 'Per event', zh: '每次限额', format: 'money' },
        { en: 'Aggregate', zh: '累计限额', format: 'money' },
        { en: 'Deductible', zh: '免赔额', format: 'money' },
      ],
      covers,
    );
    const r = (k: string) => b.ref(k);
    b.skip();
    b.section('Claims', '索赔清单');
    const claims = table(v, 'claims');
    b.table(
      'claims',
      [
        { en: 'Event', zh: '事件' },
        { en: 'Cover', zh: '保障项目' },
        { en: 'Amount', zh: '金额', format: 'money' },
      ],
      claims,
    );
    // Remaining aggregate beside each cover, once the claims are settled.
    const coversTop = Number(/[0-9]+/.exec(r('covers.0'))![0]);
    b.column(
      'remaining',
      6,
      coversTop - 1,
      'Remaining 剩余可赔',
      covers.map((_, i) => ({ formula: `=CYBER.REMAINING(${r('claims')},${r('covers')},${cellAddress(coversTop + i, 1)},${r('policyAggregate')},${r('policyPerClaim')})` })),
      'money',
    );
    const allocate = b.besideTable('allocate', 'claims', 4, 'Payable', '应付', `=CYBER.ALLOCATE(${r('claims')},${r('covers')},${r('policyAggregate')},${r('policyPerClaim')})`, 'money');
    const allocTop = Number(/[0-9]+/.exec(allocate)![0]);
    const spill = `D${allocTop + 1}:D${allocTop + claims.length}`;

    // One row per hour: the hour, the BI loss and the reputational loss of that hour.
    const seriesTop = 4;
    const hoursIndex = Array.from({ length: SAMSUNG_MAX_HOURS }, (_, i) => i);
    b.column('hour', 11, seriesTop, 'Hour 小时', hoursIndex, 'hours');
    b.column(
      'biHourly',
      12,
      seriesTop,
      'BI loss 营业中断损失',
      hoursIndex.map((i) => ({ formula: `=IF(K${seriesTop + 1 + i}<${r('outageHours')},${r('hourlyProfit')}*${r('lossShare')},0)` })),
      'money',
    );
    b.column(
      'repHourlyLoss',
      13,
      seriesTop,
      'Reputational loss 声誉损失',
      hoursIndex.map((i) => ({ formula: `=IF(K${seriesTop + 1 + i}<${r('repHours')},${r('repHourly')},0)` })),
      'money',
    );

    b.section('Results (live formulas)', '计算结果（实时公式）');
    b.calc('claimed', 'Claimed', '索赔金额合计', `=SUM(${r('claims.2')})`, 'money');
    b.calc('claimsPayable', 'Claims payable (ALLOCATE)', '索赔应付合计', `=SUM(${spill})`, 'money', `${SRC} 第二十四–二十八条`, true);
    b.calc('biLoss', 'BI loss', '营业中断损失', `=SUM(${r('biHourly')})`, 'money', `${SRC} 第三十八条`);
    b.calc('waitingDeductible', 'Waiting-period deductible', '等待期免赔额', `=CYBER.WAITINGDEDUCTIBLE(${r('biHourly')},${r('biWaiting')})`, 'money', `${SRC} 释义七十`);
    b.calc('hourlyBi', 'Hourly BI payout', '营业中断赔款', `=CYBER.HOURLYBI(${r('biHourly')},${r('biWaiting')},${r('biDeductible')},${r('biLimit')},${r('maxHours')})`, 'money', `${SRC} 第二十九条`, true);
    b.calc('repLoss', 'Reputational loss', '声誉损害收入损失', `=SUM(${r('repHourlyLoss')})`, 'money');
    b.calc('reputational', 'Reputational harm payout', '声誉损害赔款', `=CYBER.REPUTATIONAL(${r('repHourlyLoss')},${r('repWaiting')},${r('dailyCap')},${r('indemnityHours')},${r('repLimit')})`, 'money', `${SRC} 第三十一条; 释义十四`, true);
    b.calc('total', 'Total payable', '赔款合计', `=${r('claimsPayable')}+${r('hourlyBi')}+${r('reputational')}`, 'money', undefined, true);

    b.chart(
      'Hourly BI claim 营业中断理赔',
      [
        { en: 'Loss', zh: '损失', formula: `=${r('biLoss')}` },
        { en: 'Deductible', zh: '免赔额', formula: `=MIN(${r('biLoss')},MAX(${r('biDeductible')},${r('waitingDeductible')}))` },
        { en: 'Above the limit', zh: '超过限额', formula: `=${r('biLoss')}-MIN(${r('biLoss')},MAX(${r('biDeductible')},${r('waitingDeductible')}))-${r('hourlyBi')}` },
        { en: 'Payable', zh: '赔款', formula: `=${r('hourlyBi')}` },
      ],
      8,
      3,
    );
    const { spec, refs } = b.build({ A: 40, B: 30, C: 18, D: 18, E: 16, F: 18, H: 30, I: 18, K: 8, L: 18, M: 18 });
    return { spec, refs, payout: refs.total };
  },
};
