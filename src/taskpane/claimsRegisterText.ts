/**
 * The claims register's pane texts, English and Simplified Chinese (kept beside the module, as
 * the Pricing tab keeps its own, so the shared UI text table is not rewritten for one feature).
 */
import type { Language } from './i18n';

export interface RegisterText {
  readonly title: string;
  readonly intro: string;
  readonly write: string;
  readonly writing: string;
  readonly written: (sheet: string) => string;
  readonly writeFailed: (message: string) => string;
  readonly fixErrors: string;
  readonly heading: (sheet: string) => string;
  readonly orderRule: string;
  readonly outOfOrder: (n: number) => string;
  readonly flagged: (n: number) => string;
  readonly columns: {
    readonly id: string;
    readonly date: string;
    readonly cover: string;
    readonly payable: string;
    readonly coverLeft: string;
    readonly overallLeft: string;
    readonly check: string;
  };
  readonly covers: Readonly<Record<'profit' | 'continuation' | 'crisis', string>>;
  readonly overall: string;
  readonly paidOf: (paid: string, limit: string) => string;
  readonly left: (amount: string) => string;
  readonly noIncidents: string;
  readonly addTitle: string;
  readonly add: string;
  readonly added: (id: string, row: number) => string;
  readonly addFailed: (message: string) => string;
  /** The incident is written but the register could not be read back (the list shown is older). */
  readonly addedNotRefreshed: (id: string, row: number, message: string) => string;
  readonly full: (n: number) => string;
  readonly scheduleUnreadable: string;
  readonly lineError: (line: number, message: string) => string;
  readonly unknownCover: (text: string) => string;
  readonly hoursRequired: string;
  readonly ratioRequired: string;
  readonly crisisNoDeductible: string;
  readonly outsidePeriod: string;
  readonly beforePrevious: (line: number) => string;
  readonly beforeLast: (id: string, date: string) => string;
  readonly repeated: (line: number) => string;
  readonly repeatedInSheet: (id: string) => string;
  readonly fields: {
    readonly id: string;
    readonly date: string;
    readonly cover: string;
    readonly loss: string;
    readonly deductible: string;
    readonly hours: string;
    readonly ratio: string;
    readonly recovered: string;
  };
}

const en: RegisterText = {
  title: 'Claims register (CPIC 2025 B)',
  intro:
    'One row per incident and cover of the policy period. Each row’s payout takes what the rows above it paid (a live SUMIF), so the period limits of Art. 13 (1) 2 (5) and (8), the crisis-cost limit and the overall limit of liability bind across incidents without typing paid-to-date.',
  write: 'Write the register',
  writing: 'Writing the register…',
  written: (sheet) => `Register written to sheet “${sheet}”. Select any of its cells to see the limits left after each incident.`,
  writeFailed: (m) => `The register could not be written: ${m}`,
  fixErrors: 'Fix the entries marked in red first.',
  heading: (sheet) => `Claims register on “${sheet}”`,
  orderRule: 'Rows are settled in row order, which must be date order: sort the rows by date (the formulas are the same on every row, so sorting keeps them right).',
  outOfOrder: (n) => `${n} row(s) dated before a row above them: the limits left after each incident are not reliable until the rows are sorted by date (the register’s total is).`,
  flagged: (n) => `${n} row(s) flagged in the check column.`,
  columns: { id: 'Incident', date: 'Date', cover: 'Cover', payable: 'Payable', coverLeft: 'Cover limit', overallLeft: 'Limit of liability', check: 'Check' },
  covers: { profit: 'Lost profit', continuation: 'Continuation costs', crisis: 'Crisis costs' },
  overall: 'Limit of liability (Art. 13)',
  paidOf: (paid, limit) => `${paid} paid of ${limit}`,
  left: (a) => `${a} left`,
  noIncidents: 'No incidents yet.',
  addTitle: 'Add an incident',
  add: 'Add incident',
  added: (id, row) => `Incident ${id} added on row ${row}.`,
  addFailed: (m) => `The incident could not be added: ${m}`,
  addedNotRefreshed: (id, row, m) => `Incident ${id} added on row ${row}, but the register could not be read again${m ? `: ${m}` : ''}. The list below may not show it yet; do not add it again.`,
  full: (n) => `The register holds at most ${n} incidents.`,
  scheduleUnreadable: 'The register’s schedule cells do not all hold numbers (column C): correct them on the sheet first.',
  lineError: (line, m) => `Line ${line}: ${m}`,
  unknownCover: (t) => `unknown cover “${t}”: use profit, continuation or crisis (利润, 经营延续, 危机)`,
  hoursRequired: 'the interruption’s length in hours is required (Art. 14 1: the time deductible is a trigger)',
  ratioRequired: 'the recovery ratio is required for continuation costs (Art. 13 (1) 2 (7))',
  crisisNoDeductible: 'crisis costs take no deductible (Art. 13 (2) 1 (1)): leave it blank',
  outsidePeriod: 'the date is outside the policy period (Art. 4 1 (2)): it belongs to another period’s register',
  beforePrevious: (line) => `dated before line ${line}: enter the incidents in date order`,
  beforeLast: (id, date) => `dated before incident ${id} (${date}), the register’s last: add it at the end of the sheet by hand and sort the rows by date`,
  repeated: (line) => `the same incident and cover as line ${line}: one row per incident and cover`,
  repeatedInSheet: (id) => `incident ${id} already has a row for this cover`,
  fields: {
    id: 'Incident id',
    date: 'Date (yyyy-mm-dd)',
    cover: 'Cover (profit, continuation, crisis)',
    loss: 'Loss, costs or crisis costs spent',
    deductible: 'Deductible',
    hours: 'Interruption (hours)',
    ratio: 'Recovery ratio',
    recovered: 'Crisis costs recovered',
  },
};

const zh: RegisterText = {
  title: '赔案登记簿（太平洋 2025 B 款）',
  intro:
    '保险期间内每次事故的每个保障项目一行。每行赔款以其上各行已赔付金额为已赔付额（实时 SUMIF 公式），因此第十三条 (一) 2 (5)、(8) 的保险期间限额、危机管理费用限额及责任限额跨事故累计适用，无需手工输入已赔付金额。',
  write: '写入登记簿',
  writing: '正在写入登记簿…',
  written: (sheet) => `登记簿已写入工作表“${sheet}”。选中其中任一单元格即可查看每次事故后的剩余限额。`,
  writeFailed: (m) => `无法写入登记簿：${m}`,
  fixErrors: '请先修正标红的输入项。',
  heading: (sheet) => `“${sheet}”上的赔案登记簿`,
  orderRule: '各行按行序理算，行序须为日期顺序：请按日期排序（每行公式相同，排序后仍然正确）。',
  outOfOrder: (n) => `${n} 行的日期早于其上方的行：按日期排序之前，每次事故后的剩余限额不可靠（登记簿赔付总额不受影响）。`,
  flagged: (n) => `检查列中标记了 ${n} 行。`,
  columns: { id: '事故', date: '日期', cover: '保障项目', payable: '实际赔付', coverLeft: '本项目限额', overallLeft: '责任限额', check: '检查' },
  covers: { profit: '利润损失', continuation: '经营延续费用', crisis: '危机管理费用' },
  overall: '责任限额（第十三条）',
  paidOf: (paid, limit) => `已赔付 ${paid}，限额 ${limit}`,
  left: (a) => `剩余 ${a}`,
  noIncidents: '尚无事故。',
  addTitle: '新增事故',
  add: '新增事故',
  added: (id, row) => `事故 ${id} 已写入第 ${row} 行。`,
  addFailed: (m) => `无法新增事故：${m}`,
  addedNotRefreshed: (id, row, m) => `事故 ${id} 已写入第 ${row} 行，但未能重新读取登记表${m ? `：${m}` : ''}。下方列表可能尚未显示该事故，请勿重复新增。`,
  full: (n) => `登记簿最多容纳 ${n} 次事故。`,
  scheduleUnreadable: '登记簿明细表单元格（C 列）并非全部为数值：请先在工作表中更正。',
  lineError: (line, m) => `第 ${line} 行：${m}`,
  unknownCover: (t) => `未知保障项目“${t}”：请填 profit、continuation 或 crisis（利润、经营延续、危机）`,
  hoursRequired: '须填写中断持续小时数（第十四条 1：免赔时间为触发条件）',
  ratioRequired: '经营延续费用须填写恢复期间对应比例（第十三条 (一) 2 (7)）',
  crisisNoDeductible: '危机管理费用不适用免赔额（第十三条 (二) 1 (1)）：请留空',
  outsidePeriod: '日期不在保险期间内（第四条 1 (2)）：应登记在其他保险期间的登记簿中',
  beforePrevious: (line) => `日期早于第 ${line} 行：请按日期顺序填写事故`,
  beforeLast: (id, date) => `日期早于登记簿最后一次事故 ${id}（${date}）：请在工作表末尾手工添加该行并按日期排序`,
  repeated: (line) => `与第 ${line} 行的事故和保障项目相同：每次事故每个保障项目一行`,
  repeatedInSheet: (id) => `事故 ${id} 已有该保障项目的行`,
  fields: {
    id: '事故编号',
    date: '日期（yyyy-mm-dd）',
    cover: '保障项目（profit、continuation、crisis）',
    loss: '损失、费用或危机管理费用支出',
    deductible: '免赔额',
    hours: '中断时间（小时）',
    ratio: '恢复期间对应比例',
    recovered: '已追回的危机管理费用',
  },
};

export const REGISTER_TEXT: Readonly<Record<Language, RegisterText>> = { en, zh };
