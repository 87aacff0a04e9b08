/**
 * Samsung 网络安全综合保险 (Samsung Property & Casualty Insurance (China) Comprehensive Cyber
 * Security Insurance): ONE covers tree settles every claim with CYBER.ALLOCATE — the claims typed
 * in the form, the hourly business-interruption loss and the reputational-harm loss — so each set
 * of terms is entered once and every limit binds: the covers' per-event limits and aggregates, the
 * policy per-claim limit and the policy aggregate (第二十四–二十六条). The total payable is the sum
 * of that one settlement and nothing else, so it can never exceed the policy aggregate.
 *
 * Deductibles (第二十七–三十一条), read so that none is taken twice:
 * - 第二十九条: for business interruption the deductible is the larger of the monetary deductible
 *   and the waiting-period deductible (释义七十). The BI claim row carries the ground-up loss of the
 *   recovery period (释义四十四) and the BI cover's deductible cell is the live formula
 *   MAX(monetary deductible, CYBER.WAITINGDEDUCTIBLE(hourly losses, waiting hours)).
 * - 第三十一条: reputational harm pays only what lies beyond the adverse-media waiting period, in
 *   24-hour blocks each within the daily cap (释义十四, 第二十六条 (六)). Its claim row carries the
 *   waiting-period loss plus the daily-capped loss after it (CYBER.REPUTATIONAL without a limit),
 *   and the REP cover's deductible cell is the waiting-period loss, so the waiting period is the
 *   REP cover's deductible.
 * - 第二十八条: one event bears one deductible, the largest of its covers' (ALLOCATE does this).
 *   The waiting periods therefore compete with the other covers' deductibles of the same event
 *   instead of being added to them. The computed rows come first in their event (REP, then BI), so
 *   the event's deductible is taken from them first and the reputational row never pays more than
 *   its daily-capped amount.
 *
 * Sub-limits (nesting, catalogue section 5): PCI within REG (第二十五条 (四)), CBI within BI
 * (第二十六条 (三)), RWD within EXT (第二十六条 (五)) and SEP within SE (第二十六条 (七)) are each
 * 「累计责任限额……的一部分，不额外增加后者的责任限额」: part of the parent's AGGREGATE only, so the
 * covers table gives them nesting "aggregate" (the parent's per-event limit does not bind them).
 *
 * The timeline computes the wording's time limits (第三十七条, 第四十三条, 第四十九条, 释义四) from the
 * dates entered, with CYBER.NOTICEBY and CYBER.DEADLINE (labels from the engine's DEADLINE_RULES).
 * Covers and claims mirror examples/samsung-limits-and-claims (fictional Lanting Cloud Logistics).
 */
import { DEADLINE_RULES } from '../../engine';
import { cellAddress } from '../addresses';
import type { CellInput } from '../gateway';
import { SheetBuilder } from './sheetBuilder';
import type { FieldValues, TableValue, TemplateDefinition } from './types';

const SRC = 'Samsung 网络安全综合保险';
/** The hourly columns hold 30 days; the form keeps the hours within them. */
export const SAMSUNG_MAX_HOURS = 720;
/** 释义四十四: 「恢复期在任何情况下均不得超过 180 天」 (CYBER.HOURLYBI's max_hours, v2). */
const MAX_RECOVERY_HOURS = 4320;
/** 释义四十三 (二): six calendar months at most, 184 days (CYBER.REPUTATIONAL, v2). */
const MAX_INDEMNITY_HOURS = 4416;

/** The covers the hourly and the reputational claims are settled on (rows the covers table must have). */
export const BI_COVER = 'BI';
export const REP_COVER = 'REP';

const COVERS = [
  'SEC; ; 2,000,000; 2,000,000; 50,000',
  'PRIV; ; 2,000,000; 2,000,000; 50,000',
  'REG; ; 750,000; 1,000,000; 50,000',
  'PCI; REG; 250,000; 250,000; 50,000; aggregate',
  'IR; ; 500,000; 500,000; 25,000',
  'BI; ; 1,500,000; 1,500,000; 100,000',
  'CBI; BI; 500,000; 500,000; 100,000; aggregate',
  'EXT; ; 500,000; 800,000; 50,000',
  'RWD; EXT; ; 100,000; ; aggregate',
  'REP; ; 5,000,000; 5,000,000; ',
  'SE; ; 250,000; 250,000; 25,000',
  'SEP; SE; ; 50,000; 25,000; aggregate',
].join('\n');

const CLAIMS = [
  'E1; IR; 180,000',
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
const str = (v: FieldValues, k: string) => v[k] as string;
const table = (v: FieldValues, k: string) => v[k] as TableValue;

const hours = (key: string, en: string, zh: string, def: string, note?: { en: string; zh: string }) =>
  ({ key, label: { en, zh }, kind: 'hours', default: def, max: SAMSUNG_MAX_HOURS, note }) as const;
const day = (key: string, en: string, zh: string, def: string, note?: { en: string; zh: string }) => ({ key, label: { en, zh }, kind: 'date', default: def, note }) as const;

/** A cover's row in the covers table (undefined when the table lacks it: the probes report it). */
function coverRow(covers: TableValue, id: string): TableValue[number] | undefined {
  return covers.find((row) => row[0] === id);
}

/** The monetary deductible typed on a cover's row (blank = none). */
function typedDeductible(covers: TableValue, id: string): number {
  const d = coverRow(covers, id)?.[4];
  return typeof d === 'number' ? d : 0;
}

/** A covers table always has the 6th column, `nesting` (blank = "all"). */
function sixColumns(covers: TableValue): TableValue {
  return covers.map((row) => [0, 1, 2, 3, 4, 5].map((k) => row[k] ?? null));
}

/**
 * The claims as settled: the form's rows, with the reputational and the hourly BI rows inserted
 * before the first row of their event (or appended as a new event). Events keep the order of their
 * first row (ALLOCATE settles in that order); inside its event the REP row comes first, then BI,
 * so the event's one deductible (第二十八条) is taken from them first.
 */
export function settledClaims<T>(claims: ReadonlyArray<readonly T[]>, bi: readonly T[], rep: readonly T[], biEvent: T, repEvent: T): T[][] {
  const out: T[][] = claims.map((r) => [...r]);
  const insert = (row: readonly T[], event: T) => {
    const at = out.findIndex((r) => r[0] === event);
    if (at < 0) out.push([...row]);
    else out.splice(at, 0, [...row]);
  };
  // BI first, then REP before it when both open the same event.
  insert(bi, biEvent);
  insert(rep, repEvent);
  return out;
}

/** A claims table of its header row only: no claims. */
const NO_CLAIMS = [['event', 'cover', 'amount']];

const deadlineRule = (id: string) => {
  const rule = DEADLINE_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`programmer error: no deadline rule ${id}`);
  return rule;
};

export const SAMSUNG_TEMPLATE: TemplateDefinition = {
  id: 'samsung',
  title: { en: 'Samsung cyber — one limits tree for claims, hourly BI and reputational harm', zh: '三星网络安全综合保险 — 索赔、按小时营业中断与声誉损害同一限额树结算' },
  description: {
    en: 'A tree of covers with sublimits and deductibles settles the claims list, the hourly business interruption and the reputational harm under the daily cap together, within the policy aggregate; a timeline of the wording’s deadlines.',
    zh: '保障项目树（分项限额与免赔额）统一结算索赔清单、按小时计算的营业中断损失及每日上限内的声誉损害，以保险单累计责任限额为限；并按条款计算各项期限。',
  },
  source: {
    en: 'Samsung Property & Casualty Insurance (China) Comprehensive Cyber Security Insurance (三星财产保险（中国）网络安全综合保险), Arts. 24–34, 37, 38, 43, 49; Definitions 2, 4, 14, 43, 44, 70',
    zh: '三星财产保险（中国）网络安全综合保险 第二十四–三十四、三十七、三十八、四十三、四十九条，释义二、四、十四、四十三、四十四、七十',
  },
  sections: [
    {
      title: { en: 'Policy limits and covers', zh: '保险单限额与保障项目' },
      fields: [
        { key: 'policyAggregate', label: { en: 'Policy aggregate limit', zh: '保险单累计责任限额' }, kind: 'amount', default: '7,500,000', note: { en: 'Art. 24: every payment counts against it', zh: '第二十四条：所有赔付均计入' } },
        { key: 'policyPerClaim', label: { en: 'Policy per-claim limit', zh: '保险单每次索赔责任限额' }, kind: 'amount', default: '2,500,000', note: { en: 'Art. 24', zh: '第二十四条' } },
        {
          key: 'covers',
          label: { en: 'Covers (id; parent; per-event limit; aggregate; deductible; nesting)', zh: '保障项目（代码；上级；每次限额；累计限额；免赔额；嵌套）' },
          kind: 'table',
          default: COVERS,
          columns: [
            { label: { en: 'id', zh: '代码' }, kind: 'text' },
            { label: { en: 'parent', zh: '上级' }, kind: 'text', optional: true },
            { label: { en: 'per-event limit', zh: '每次限额' }, kind: 'amount', optional: true },
            { label: { en: 'aggregate', zh: '累计限额' }, kind: 'amount', optional: true },
            { label: { en: 'deductible', zh: '免赔额' }, kind: 'amount', optional: true },
            { label: { en: 'nesting', zh: '嵌套' }, kind: 'text', optional: true },
          ],
          maxRows: 100,
          note: {
            en: 'A child’s limits are part of its parent’s; nesting "aggregate" = part of the parent’s aggregate only (Arts. 25 (4), 26 (3)(5)(7)). Rows BI and REP are where the hourly BI and the reputational harm are settled; their deductibles are the monetary ones (the waiting periods are added by the sheet).',
            zh: '下级限额包含于上级限额之内；嵌套 "aggregate" 表示仅属上级累计限额的一部分（第二十五条 (四)、第二十六条 (三)(五)(七)）。BI、REP 两行为营业中断与声誉损害的结算保障项目，其免赔额填金额免赔额（等待期由工作表计入）。',
          },
        },
        {
          key: 'claims',
          label: { en: 'Other claims (event; cover; amount)', zh: '其他索赔（事件；保障项目；金额）' },
          kind: 'table',
          default: CLAIMS,
          columns: [
            { label: { en: 'event', zh: '事件' }, kind: 'text' },
            { label: { en: 'cover', zh: '保障项目' }, kind: 'text' },
            { label: { en: 'amount', zh: '金额' }, kind: 'amount' },
          ],
          maxRows: 500,
          note: {
            en: 'Rows with the same event are one claim (Arts. 32, 33). The hourly BI and the reputational claims are added by the sheet: do not type them here.',
            zh: '同一事件的各行视为一次索赔（第三十二、三十三条）。营业中断与声誉损害索赔由工作表按下文计算加入，请勿在此重复填写。',
          },
        },
      ],
    },
    {
      title: { en: 'Hourly business interruption (cover BI)', zh: '按小时计算的营业中断（保障项目 BI）' },
      fields: [
        { key: 'biEvent', label: { en: 'Event of the interruption', zh: '服务中断所属事件' }, kind: 'text', default: 'E1', note: { en: 'Its rows share one deductible (Art. 28)', zh: '同一事件只适用一项免赔额（第二十八条）' } },
        { key: 'hourlyProfit', label: { en: 'Normal operating profit per hour', zh: '每小时正常营业利润' }, kind: 'amount', default: '100,000' },
        hours('outageHours', 'Service interruption (hours)', '服务中断时长（小时）', '72'),
        { key: 'lossShare', label: { en: 'Share of profit lost during it', zh: '中断期间损失的利润比例' }, kind: 'ratio', default: '60%' },
        hours('biWaiting', 'Waiting period (hours)', '等待期（小时）', '8', { en: 'Art. 27; Definition 70', zh: '第二十七条；释义七十' }),
        { key: 'maxHours', label: { en: 'Recovery period cap (hours)', zh: '恢复期上限（小时）' }, kind: 'hours', default: '4320', max: MAX_RECOVERY_HOURS, note: { en: 'Definition 44: at most 180 days', zh: '释义四十四：不超过 180 天' } },
      ],
    },
    {
      title: { en: 'Reputational harm (cover REP)', zh: '声誉损害（保障项目 REP）' },
      fields: [
        { key: 'repEvent', label: { en: 'Event of the adverse media event', zh: '负面媒体事件所属事件' }, kind: 'text', default: 'E7' },
        { key: 'repHourly', label: { en: 'Income lost per hour after the media event', zh: '负面报道后每小时收入损失' }, kind: 'amount', default: '50,000' },
        hours('repHours', 'Hours of lost income', '收入损失时长（小时）', '120'),
        hours('repWaiting', 'Waiting period (hours)', '等待期（小时）', '12', { en: 'Art. 31; Definition 2', zh: '第三十一条；释义二' }),
        { key: 'dailyCap', label: { en: 'Daily cap', zh: '每日赔偿金上限' }, kind: 'amount', default: '1,000,000', note: { en: 'Definition 14: USD 1,000,000 unless agreed otherwise', zh: '释义十四：除另有约定外为 1,000,000 美元' } },
        { key: 'indemnityHours', label: { en: 'Indemnity period (hours)', zh: '赔偿期（小时）' }, kind: 'hours', default: '4380', max: MAX_INDEMNITY_HOURS, note: { en: 'Definition 43: at most six months', zh: '释义四十三：不超过六个月' } },
      ],
    },
    {
      title: { en: 'Timeline', zh: '期限' },
      fields: [
        day('policyStart', 'Policy start', '保险期间起始日', '2025-01-01', { en: 'Art. 34', zh: '第三十四条' }),
        day('policyEnd', 'Policy end (last day of cover)', '保险期间终止日（最后一天）', '2025-12-31'),
        day('erpEnd', 'Extended reporting period ends (the policy end when none)', '延长报告期限终止日（未购买则同保险期间终止日）', '2025-12-31', { en: 'Art. 43 (2) 1 b', zh: '第四十三条 (二) 1 b' }),
        day('claimDate', 'Liability claim received', '收到责任索赔之日', '2025-05-20'),
        day('incidentDate', 'Incident (the interruption) discovered', '发现事件（服务中断）之日', '2025-03-10'),
        day('mediaDate', 'Adverse media event discovered', '发现负面媒体事件之日', '2025-03-12'),
        day('extortionDate', 'First extortion', '首次遭受网络勒索之日', '2025-03-10'),
        day('proofDate', 'Original proof of loss submitted (extortion)', '提交损失证明原件之日（网络勒索）', '2025-06-30'),
        day('settlementDate', 'Settlement agreed', '达成赔偿协议之日', '2025-10-15'),
        day('decisionDate', 'A claim decided as not covered', '核定不属于保险责任之日', '2025-10-20'),
      ],
    },
  ],
  probes: [
    {
      fn: 'ALLOCATE',
      args: (v) => [
        settledClaims(table(v, 'claims'), [str(v, 'biEvent'), BI_COVER, 0], [str(v, 'repEvent'), REP_COVER, 0], str(v, 'biEvent'), str(v, 'repEvent')),
        sixColumns(table(v, 'covers')),
        num(v, 'policyAggregate'),
        num(v, 'policyPerClaim'),
      ],
      blame: { claims: 'claims', covers: 'covers', policy_aggregate: 'policyAggregate', policy_per_claim: 'policyPerClaim' },
    },
    // The covers table must hold the two covers the sheet settles its computed claims on.
    { fn: 'REMAINING', args: (v) => [NO_CLAIMS, sixColumns(table(v, 'covers')), BI_COVER], blame: { cover: 'covers', covers: 'covers' } },
    { fn: 'REMAINING', args: (v) => [NO_CLAIMS, sixColumns(table(v, 'covers')), REP_COVER], blame: { cover: 'covers', covers: 'covers' } },
    {
      fn: 'HOURLYBI',
      args: (v) => [[[0]], num(v, 'biWaiting'), typedDeductible(table(v, 'covers'), BI_COVER), 0, num(v, 'maxHours')],
      blame: { waiting_hours: 'biWaiting', deductible: 'covers', max_hours: 'maxHours' },
    },
    {
      fn: 'REPUTATIONAL',
      args: (v) => [[[0]], num(v, 'repWaiting'), num(v, 'dailyCap'), num(v, 'indemnityHours')],
      blame: { waiting_hours: 'repWaiting', daily_cap: 'dailyCap', indemnity_hours: 'indemnityHours' },
    },
    {
      fn: 'NOTICEBY',
      args: (v) => ['claim', num(v, 'claimDate'), num(v, 'policyEnd'), num(v, 'erpEnd')],
      blame: { event_date: 'claimDate', policy_end: 'policyEnd', erp_end: 'erpEnd' },
    },
    { fn: 'INPERIOD', args: (v) => [num(v, 'incidentDate'), num(v, 'policyStart'), num(v, 'policyEnd')], blame: { date: 'incidentDate', policy_start: 'policyStart', policy_end: 'policyEnd' } },
  ],
  build(v) {
    const b = new SheetBuilder('Samsung cyber 三星网络安全', 'SAMSUNG');
    b.title('Samsung cyber — one limits tree for claims, hourly BI and reputational harm', '三星网络安全综合保险 — 索赔、营业中断与声誉损害同一限额树结算');
    b.note('Shaded cells are inputs; every other figure is a live CYBER formula. 带底色的单元格为输入项，其余均为实时公式。');
    const r = (k: string) => b.ref(k);
    const covers = sixColumns(table(v, 'covers'));

    b.section('Policy limits', '保险单限额');
    b.input('policyAggregate', 'Policy aggregate limit', '保险单累计责任限额', num(v, 'policyAggregate'), 'money', `${SRC} 第二十四条`);
    b.input('policyPerClaim', 'Policy per-claim limit', '保险单每次索赔责任限额', num(v, 'policyPerClaim'), 'money', `${SRC} 第二十四条`);

    // One row per hour: the hour, the BI loss and the reputational loss of that hour.
    const seriesTop = 4;
    const hoursIndex = Array.from({ length: SAMSUNG_MAX_HOURS }, (_, i) => i);
    const hourCol = b.column('hour', 11, seriesTop, 'Hour 小时', hoursIndex, 'hours');

    b.section('Hourly business interruption (cover BI)', '按小时计算的营业中断（保障项目 BI）');
    b.input('hourlyProfit', 'Normal operating profit per hour', '每小时正常营业利润', num(v, 'hourlyProfit'), 'money', `${SRC} 第三十八条 (一)`);
    b.input('outageHours', 'Service interruption (hours)', '服务中断时长（小时）', num(v, 'outageHours'), 'hours', `${SRC} 第十条`);
    b.input('lossShare', 'Share of profit lost', '损失的利润比例', num(v, 'lossShare'), 'ratio');
    b.input('biWaiting', 'Waiting period (hours)', '等待期（小时）', num(v, 'biWaiting'), 'hours', `${SRC} 第二十七条; 释义七十`);
    b.input('biDeductible', 'Monetary deductible of cover BI', 'BI 保障项目的金额免赔额', typedDeductible(covers, BI_COVER), 'money', `${SRC} 第二十九条 (一)`);
    b.input('maxHours', 'Recovery period cap (hours)', '恢复期上限（小时）', num(v, 'maxHours'), 'hours', `${SRC} 释义四十四`);
    const biHourly = b.column(
      'biHourly',
      12,
      seriesTop,
      'BI loss 营业中断损失',
      hoursIndex.map((i) => ({ formula: `=IF(K${seriesTop + 1 + i}<${r('outageHours')},${r('hourlyProfit')}*${r('lossShare')},0)` })),
      'money',
    );
    b.calc('biClaim', 'BI loss in the recovery period (claimed on cover BI)', '恢复期内营业中断损失（向 BI 保障项目索赔）', `=SUMIF(${hourCol},"<"&${r('maxHours')},${biHourly})`, 'money', `${SRC} 第三十八条 (一); 释义四十四`);
    b.calc('waitingDeductible', 'Waiting-period deductible', '等待期免赔额', `=CYBER.WAITINGDEDUCTIBLE(${biHourly},${r('biWaiting')})`, 'money', `${SRC} 释义七十`);
    b.calc('biDeductibleApplied', 'Deductible of cover BI: the larger one', 'BI 保障项目适用免赔额（取较大者）', `=MAX(${r('biDeductible')},${r('waitingDeductible')})`, 'money', `${SRC} 第二十九条`);

    b.section('Reputational harm (cover REP)', '声誉损害（保障项目 REP）');
    b.input('repHourly', 'Income lost per hour', '每小时收入损失', num(v, 'repHourly'), 'money', `${SRC} 第三十八条 (三)`);
    b.input('repHours', 'Hours of lost income', '收入损失时长（小时）', num(v, 'repHours'), 'hours');
    b.input('repWaiting', 'Waiting period (hours)', '等待期（小时）', num(v, 'repWaiting'), 'hours', `${SRC} 第三十一条; 释义二`);
    b.input('dailyCap', 'Daily cap', '每日赔偿金上限', num(v, 'dailyCap'), 'money', `${SRC} 释义十四; 第二十六条 (六)`);
    b.input('indemnityHours', 'Indemnity period (hours)', '赔偿期（小时）', num(v, 'indemnityHours'), 'hours', `${SRC} 释义四十三`);
    b.input('repDeductible', 'Monetary deductible of cover REP (none in the wording)', 'REP 保障项目的金额免赔额（条款未设）', typedDeductible(covers, REP_COVER), 'money', `${SRC} 第三十一条`);
    const repHourly = b.column(
      'repHourlyLoss',
      13,
      seriesTop,
      'Reputational loss 声誉损失',
      hoursIndex.map((i) => ({ formula: `=IF(K${seriesTop + 1 + i}<${r('repHours')},${r('repHourly')},0)` })),
      'money',
    );
    b.calc('repLoss', 'Reputational loss', '声誉损害收入损失', `=SUM(${repHourly})`, 'money');
    b.calc('repWaitingLoss', 'Loss in the waiting period', '等待期内的损失', `=CYBER.WAITINGDEDUCTIBLE(${repHourly},${r('repWaiting')})`, 'money', `${SRC} 第三十一条`);
    b.calc('reputational', 'After the waiting period, 24-hour blocks within the daily cap', '等待期后按每 24 小时上限封顶', `=CYBER.REPUTATIONAL(${repHourly},${r('repWaiting')},${r('dailyCap')},${r('indemnityHours')})`, 'money', `${SRC} 第三十一条; 释义十四、四十三`);
    b.calc('repClaim', 'Claimed on cover REP: waiting-period loss + capped loss', '向 REP 保障项目索赔：等待期损失 + 封顶后损失', `=${r('repWaitingLoss')}+${r('reputational')}`, 'money', `${SRC} 第二十八、三十一条`);
    b.calc('repDeductibleApplied', 'Deductible of cover REP: the waiting period', 'REP 保障项目适用免赔额（等待期）', `=MAX(${r('repDeductible')},${r('repWaitingLoss')})`, 'money', `${SRC} 第二十八、三十一条`);

    b.section('Covers tree', '保障项目树');
    const coverInputs: CellInput[][] = covers.map((row) => {
      const cells: CellInput[] = [...row];
      if (row[0] === BI_COVER) cells[4] = { formula: `=${r('biDeductibleApplied')}` };
      if (row[0] === REP_COVER) cells[4] = { formula: `=${r('repDeductibleApplied')}` };
      return cells;
    });
    b.table(
      'covers',
      [
        { en: 'Cover', zh: '保障项目' },
        { en: 'Parent', zh: '上级' },
        { en: 'Per event', zh: '每次限额', format: 'money' },
        { en: 'Aggregate', zh: '累计限额', format: 'money' },
        { en: 'Deductible', zh: '免赔额', format: 'money' },
        { en: 'Nesting', zh: '嵌套' },
      ],
      coverInputs,
    );
    const coversTop = Number(/[0-9]+/.exec(r('covers.0'))![0]);
    const biRow = covers.findIndex((row) => row[0] === BI_COVER);
    b.skip();

    b.section('Claims (the BI and REP rows are computed above)', '索赔清单（BI、REP 两行按上文计算）');
    const claims = settledClaims<CellInput>(
      table(v, 'claims'),
      [str(v, 'biEvent'), BI_COVER, { formula: `=${r('biClaim')}` }],
      [str(v, 'repEvent'), REP_COVER, { formula: `=${r('repClaim')}` }],
      str(v, 'biEvent'),
      str(v, 'repEvent'),
    );
    b.table(
      'claims',
      [
        { en: 'Event', zh: '事件' },
        { en: 'Cover', zh: '保障项目' },
        { en: 'Amount', zh: '金额', format: 'money' },
      ],
      claims,
    );
    const allocate = b.besideTable('allocate', 'claims', 4, 'Payable', '应付', `=CYBER.ALLOCATE(${r('claims')},${r('covers')},${r('policyAggregate')},${r('policyPerClaim')})`, 'money');
    const allocTop = Number(/[0-9]+/.exec(allocate)![0]);
    const spill = `D${allocTop + 1}:D${allocTop + claims.length}`;
    const payableOf = (cover: string) => `D${allocTop + 1 + claims.findIndex((row) => row[1] === cover && typeof row[2] === 'object' && row[2] !== null)}`;

    // Beside each cover: what its own rows were paid, and the aggregate left once all is settled.
    b.column(
      'coverPaid',
      7,
      coversTop - 1,
      'Paid 已赔付',
      covers.map((_, i) => ({ formula: `=SUMIF(${r('claims.1')},${cellAddress(coversTop + i, 1)},${spill})` })),
      'money',
    );
    b.column(
      'remaining',
      8,
      coversTop - 1,
      'Remaining 剩余可赔',
      covers.map((_, i) => ({ formula: `=CYBER.REMAINING(${r('claims')},${r('covers')},${cellAddress(coversTop + i, 1)},${r('policyAggregate')},${r('policyPerClaim')})` })),
      'money',
    );

    b.section('Results (live formulas)', '计算结果（实时公式）');
    b.calc('claimed', 'Claimed', '索赔金额合计', `=SUM(${r('claims.2')})`, 'money');
    b.calc('biPaid', 'Hourly BI paid (its row, cover BI)', '营业中断赔付（BI 行）', `=${payableOf(BI_COVER)}`, 'money', `${SRC} 第二十六、二十九条`);
    b.calc('repPaid', 'Reputational harm paid (its row, cover REP)', '声誉损害赔付（REP 行）', `=${payableOf(REP_COVER)}`, 'money', `${SRC} 第二十六条 (六); 第三十一条`);
    b.calc('total', 'Total payable (one settlement, within the policy aggregate)', '赔款合计（统一结算，以保险单累计限额为限）', `=SUM(${spill})`, 'money', `${SRC} 第二十四–二十八条`, true);
    b.calc('notPaid', 'Not paid (deductibles and above the limits)', '未赔付（免赔额及超限额部分）', `=${r('claimed')}-${r('total')}`, 'money');
    b.calc('policyAggregateLeft', 'Policy aggregate left', '保险单剩余累计限额', `=${r('policyAggregate')}-${r('total')}`, 'money', `${SRC} 第二十四条`);
    // The hourly BI on its own, with the same cells as the tree (its deductible, the BI cover's and
    // the policy's limits): an explanation of the BI row before other claims used the limits —
    // never added to the total, which already holds the BI row as settled.
    const perEvent = cellAddress(coversTop + biRow, 3);
    const aggregate = cellAddress(coversTop + biRow, 4);
    b.calc(
      'hourlyBi',
      'For reference: hourly BI alone, before other claims (not added)',
      '参考：营业中断单独计算，未计其他索赔（不计入合计）',
      `=CYBER.HOURLYBI(${biHourly},${r('biWaiting')},${r('biDeductible')},MIN(${perEvent},${aggregate},${r('policyPerClaim')},${r('policyAggregate')}),${r('maxHours')})`,
      'money',
      `${SRC} 第二十九条`,
    );

    b.section('Timeline (dates entered)', '期限（所填日期）');
    b.input('policyStart', 'Policy start', '保险期间起始日', num(v, 'policyStart'), 'date', `${SRC} 第三十四条`);
    b.input('policyEnd', 'Policy end (last day of cover)', '保险期间终止日（最后一天）', num(v, 'policyEnd'), 'date', `${SRC} 第三十四条`);
    b.input('erpEnd', 'Extended reporting period ends', '延长报告期限终止日', num(v, 'erpEnd'), 'date', `${SRC} 第四十三条 (二) 1 b`);
    b.input('claimDate', 'Liability claim received', '收到责任索赔之日', num(v, 'claimDate'), 'date');
    b.input('incidentDate', 'Incident (the interruption) discovered', '发现事件（服务中断）之日', num(v, 'incidentDate'), 'date');
    b.input('mediaDate', 'Adverse media event discovered', '发现负面媒体事件之日', num(v, 'mediaDate'), 'date', `${SRC} 释义二`);
    b.input('extortionDate', 'First extortion', '首次遭受网络勒索之日', num(v, 'extortionDate'), 'date');
    b.input('proofDate', 'Original proof of loss submitted (extortion)', '提交损失证明原件之日（网络勒索）', num(v, 'proofDate'), 'date');
    b.input('settlementDate', 'Settlement agreed', '达成赔偿协议之日', num(v, 'settlementDate'), 'date');
    b.input('decisionDate', 'A claim decided as not covered', '核定不属于保险责任之日', num(v, 'decisionDate'), 'date');

    b.section('Deadlines (live formulas)', '期限计算（实时公式）');
    const end = r('policyEnd');
    b.calc('incidentInPeriod', 'Incident discovered within the policy period', '事件在保险期间内首次发现', `=CYBER.INPERIOD(${r('incidentDate')},${r('policyStart')},${end})`, undefined, `${SRC} 第九–十九条`);
    b.calc('claimNotice', 'Last day to notify the liability claim', '责任索赔书面通知最后期限', `=CYBER.NOTICEBY("claim",${r('claimDate')},${end},${r('erpEnd')})`, 'date', `${SRC} 第四十三条 (二) 1`);
    b.calc('incidentNotice', 'Last day to notify the incident (BI, incident response)', '事件书面通知最后期限（营业中断、事故响应）', `=CYBER.NOTICEBY("incident",${r('incidentDate')},${end})`, 'date', `${SRC} 第四十三条 (三) 1、2`);
    b.calc('incidentProof', 'Last day for the proof of loss of the incident', '事件损失书面证明最后期限', `=CYBER.NOTICEBY("proof",${r('incidentDate')},${end})`, 'date', `${SRC} 第四十三条 (三) 1、2`);
    b.calc('mediaNotice', 'Last day to notify the adverse media event', '负面媒体事件书面通知最后期限', `=CYBER.NOTICEBY("incident",${r('mediaDate')},${end})`, 'date', `${SRC} 第四十三条 (三) 1`);
    b.calc('mediaProof', 'Last day for the proof of reputational loss', '声誉损害损失书面证明最后期限', `=CYBER.NOTICEBY("proof",${r('mediaDate')},${end})`, 'date', `${SRC} 第四十三条 (三) 1`);
    b.calc('extortionNotice', 'Last day to notify the extortion', '网络勒索书面通知最后期限', `=CYBER.NOTICEBY("extortion",${r('extortionDate')},${end})`, 'date', `${SRC} 第四十三条 (三) 3`);
    b.calc('extortionProof', 'Last day for the proof of the extortion loss', '网络勒索损失书面证明最后期限', `=CYBER.NOTICEBY("proof",${r('extortionDate')},${end})`, 'date', `${SRC} 第四十三条 (三) 3`);
    const rule = (key: string, id: string, from: string) => {
      const d = deadlineRule(id);
      const en = d.means.en[0].toUpperCase() + d.means.en.slice(1);
      b.calc(key, en, d.means.zh, `=CYBER.DEADLINE("${id}",${from})`, 'date', `${SRC} ${d.article.article}`);
    };
    rule('incidentCosts', 'samsung.incident.costs', r('incidentDate'));
    rule('suitFrom', 'samsung.extortion.suit.from', r('proofDate'));
    rule('suitBy', 'samsung.extortion.suit.by', r('extortionDate'));
    rule('paymentBy', 'samsung.payment', r('settlementDate'));
    rule('refusalBy', 'samsung.refusal', r('decisionDate'));
    rule('nonrenewalBy', 'samsung.nonrenewal', end);

    b.chart(
      'Claims settlement 理赔结算',
      [
        { en: 'Claimed', zh: '索赔金额', formula: `=${r('claimed')}` },
        { en: 'Not paid', zh: '未赔付', formula: `=${r('notPaid')}` },
        { en: 'Payable', zh: '应付', formula: `=${r('total')}` },
        { en: 'Policy aggregate left', zh: '保险单剩余累计限额', formula: `=${r('policyAggregateLeft')}` },
      ],
      8,
      3,
    );
    const { spec, refs } = b.build({ A: 44, B: 34, C: 18, D: 18, E: 16, F: 12, G: 18, H: 28, I: 18, K: 8, L: 18, M: 18 });
    return { spec, refs, payout: refs.total };
  },
};
