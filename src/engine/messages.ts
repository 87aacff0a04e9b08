/**
 * Every message the engine can give a user, in English and Simplified Chinese: one table, so a
 * translation is reviewed in one place and no message is scattered through the code.
 *
 * Placeholders: {fn} the function (CYBER.NAME), {arg} the argument's name (in Chinese followed by
 * its Chinese label), and rule-specific ones ({got}, {min}, {row}, ...). Every message names the
 * argument and the rule it breaks.
 */
import type { ErrorCode } from './values';

export interface MessageTemplate {
  readonly code: ErrorCode;
  readonly en: string;
  readonly zh: string;
}

export const MESSAGES = {
  notANumber: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be a number, but it is {got}.',
    zh: '{fn}：参数 {arg} 必须是数字，但输入的是 {got}。',
  },
  notFinite: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be a finite number, but it is {got}.',
    zh: '{fn}：参数 {arg} 必须是有限的数字，但输入的是 {got}。',
  },
  notSingleValue: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be a single value, but a range of {rows}×{cols} cells was given.',
    zh: '{fn}：参数 {arg} 必须是单个值，但输入的是 {rows}×{cols} 的单元格区域。',
  },
  negative: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be 0 or more, but it is {got}.',
    zh: '{fn}：参数 {arg} 不得为负数，但输入的是 {got}。',
  },
  notPositive: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be greater than 0, but it is {got}.',
    zh: '{fn}：参数 {arg} 必须大于 0，但输入的是 {got}。',
  },
  notAbove: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be greater than {min}, but it is {got}.',
    zh: '{fn}：参数 {arg} 必须大于 {min}，但输入的是 {got}。',
  },
  belowMinimum: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be at least {min}, but it is {got}.',
    zh: '{fn}：参数 {arg} 不得小于 {min}，但输入的是 {got}。',
  },
  aboveMaximum: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be at most {max}, but it is {got}.',
    zh: '{fn}：参数 {arg} 不得大于 {max}，但输入的是 {got}。',
  },
  maintenanceAboveExpenses: {
    code: '#VALUE!',
    en: '{fn}: {arg} ({got}) cannot exceed expenses ({max}): maintenance costs are the part of operating expenses that runs whether or not the business is interrupted.',
    zh: '{fn}：参数 {arg}（{got}）不得超过经营性费用 expenses（{max}）：维持费用是经营性费用中无论是否发生事故都须支出的部分。',
  },
  outsideUnitInterval: {
    code: '#VALUE!',
    en: '{fn}: {arg} is a fraction and must lie between 0 and 1 (25% is 0.25), but it is {got}.',
    zh: '{fn}：参数 {arg} 是比例，必须在 0 到 1 之间（25% 写作 0.25），但输入的是 {got}。',
  },
  notWhole: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be a whole number, but it is {got}.',
    zh: '{fn}：参数 {arg} 必须是整数，但输入的是 {got}。',
  },
  dateOutOfRange: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be a date serial between 61 (1900-03-01) and 2958465 (9999-12-31), but it is {got}.',
    zh: '{fn}：参数 {arg} 必须是 61（1900-03-01）至 2958465（9999-12-31）之间的日期序列号，但输入的是 {got}。',
  },
  notABoolean: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be TRUE/FALSE, 1/0, "yes"/"no", "y"/"n" or "是"/"否", but it is {got}.',
    zh: '{fn}：参数 {arg} 必须是 TRUE/FALSE、1/0、"yes"/"no"、"y"/"n" 或 "是"/"否"，但输入的是 {got}。',
  },
  negativeInSeries: {
    code: '#VALUE!',
    en: '{fn}: {arg} holds amounts, which must be 0 or more, but item {index} is {got}.',
    zh: '{fn}：参数 {arg} 中的金额不得为负数，但第 {index} 项是 {got}。',
  },
  notASeries: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be a single row or a single column, but a range of {rows}×{cols} cells was given.',
    zh: '{fn}：参数 {arg} 必须是单行或单列区域，但输入的是 {rows}×{cols} 的区域。',
  },
  textInSeries: {
    code: '#VALUE!',
    en: '{fn}: {arg} must hold only numbers or blanks, but item {index} is {got}.',
    zh: '{fn}：参数 {arg} 只能包含数字或空白单元格，但第 {index} 项是 {got}。',
  },
  tableWidth: {
    code: '#VALUE!',
    // {expected} is "exactly 3" / "5 or 6" (恰好 3 / 5 或 6): a table may have optional last columns.
    en: '{fn}: {arg} must be a table of {expected} columns ({columns}), but it has {cols}.',
    zh: '{fn}：参数 {arg} 必须是{expected}列的表格（{columns}），但它有 {cols} 列。',
  },
  tableTooShort: {
    code: '#VALUE!',
    en: '{fn}: {arg} needs at least {min} data rows (header and blank rows not counted), but it has {rows}.',
    zh: '{fn}：参数 {arg} 至少需要 {min} 行数据（不计标题行和空白行），但只有 {rows} 行。',
  },
  tableCellNotNumber: {
    code: '#VALUE!',
    en: '{fn}: {arg} row {row}, column "{column}" must be a number, but it is {got} (only the first row may be a header).',
    zh: '{fn}：参数 {arg} 第 {row} 行“{column}”列必须是数字，但输入的是 {got}（只有第一行可以是标题行）。',
  },
  tableCellRule: {
    code: '#VALUE!',
    en: '{fn}: {arg} row {row}, column "{column}" {rule}, but it is {got}.',
    zh: '{fn}：参数 {arg} 第 {row} 行“{column}”列{rule}，但输入的是 {got}。',
  },
  tableCellOption: {
    code: '#VALUE!',
    en: '{fn}: {arg} row {row}, column "{column}" must be {options} or blank (= "{default}"), but it is {got}.',
    zh: '{fn}：参数 {arg} 第 {row} 行“{column}”列必须是 {options} 或空白（即 "{default}"），但输入的是 {got}。',
  },
  notIncreasing: {
    code: '#VALUE!',
    en: '{fn}: {arg} column "{column}" must strictly increase, but row {row} ({got}) is not after the row before it ({previous}).',
    zh: '{fn}：参数 {arg} 的“{column}”列必须严格递增，但第 {row} 行（{got}）不大于上一行（{previous}）。',
  },
  insuredMaintenanceAboveMaintenance: {
    code: '#VALUE!',
    en: '{fn}: {arg} ({got}) cannot exceed maintenance ({max}): insured maintenance costs are the part of maintenance costs named in the schedule.',
    zh: '{fn}：参数 {arg}（{got}）不得超过维持费用 maintenance（{max}）：投保维持费用是明细表中列明的那部分维持费用。',
  },
  insuredRatioZeroDenominator: {
    code: '#DIV/0!',
    en: '{fn}: the insured ratio divides by operating profit + {arg}, which is 0 here (revenue − expenses = {profit}, {arg} = {maintenance}).',
    zh: '{fn}：投保比率的分母（经营性利润 + {arg}）为 0（经营性收益 − 经营性费用 = {profit}，{arg} = {maintenance}）。',
  },
  windowAfterIncident: {
    code: '#VALUE!',
    en: '{fn}: {arg} of {got} days makes the comparison window (from 12 months before the incident, {start}) end on {end}, after the incident date {incident}; the window must lie within the 12 months before the incident.',
    zh: '{fn}：参数 {arg} 为 {got} 天，使对比期间（自事故前 12 个月 {start} 起）结束于 {end}，晚于事故日期 {incident}；对比期间必须在事故发生前 12 个月之内。',
  },
  historyNotCovering: {
    code: '#N/A',
    en: '{fn}: {arg} covers {from} to {to}, which does not include the whole window {start} to {end}.',
    zh: '{fn}：参数 {arg} 覆盖 {from} 至 {to}，未完整覆盖所需期间 {start} 至 {end}。',
  },
  profitRateRequired: {
    code: '#VALUE!',
    en: '{fn}: {arg} is required when annual_revenue is given (the under-insurance test uses annual revenue × profit rate).',
    zh: '{fn}：给出 annual_revenue 时必须提供参数 {arg}（不足额保险测试使用 年度经营性收益 × 利润率）。',
  },
  beyondLastBound: {
    code: '#N/A',
    en: '{fn}: {arg} is {got} days, beyond the last bound of the recovery table ({max} days).',
    zh: '{fn}：参数 {arg} 为 {got} 天，超过了恢复期间比例表的最后一个上限（{max} 天）。',
  },
  noticeAfterCalendar: {
    code: '#NUM!',
    en: '{fn}: the notice deadline counted from {arg} ({got}) would fall on serial {result}, after 9999-12-31 (2958465), the last date a spreadsheet can hold.',
    zh: '{fn}：从参数 {arg}（{got}）起算的通知期限为序列号 {result}，晚于电子表格能表示的最后日期 9999-12-31（2958465）。',
  },
  resultNotFinite: {
    code: '#NUM!',
    en: '{fn}: the result {got} is too large to be stored in a cell.',
    zh: '{fn}：计算结果 {got} 过大，无法存入单元格。',
  },
  requiredMissing: {
    code: '#VALUE!',
    // {got} (coerce.ts NO_VALUE): "missing from the call" (在调用中被省略) where the host tells an
    // argument left out from a blank one, else "blank" (为空白): a blank cell, "", or in Excel
    // also an empty argument.
    en: '{fn}: {arg} is required, but it is {got}.',
    zh: '{fn}：必须提供参数 {arg}，但它{got}。',
  },
  tooManyArguments: {
    code: '#VALUE!',
    en: '{fn}: takes at most {max} arguments, but {got} were given.',
    zh: '{fn}：最多接受 {max} 个参数，但给出了 {got} 个。',
  },
  seriesTooLong: {
    code: '#NUM!',
    en: '{fn}: {arg} has {got} values; at most {max} can be evaluated.',
    zh: '{fn}：参数 {arg} 有 {got} 个值，最多只能计算 {max} 个。',
  },
  unknownOption: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be one of {options}, but it is {got}.',
    zh: '{fn}：参数 {arg} 必须是 {options} 之一，但输入的是 {got}。',
  },
  notText: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be text or a number (an id), but it is {got}.',
    zh: '{fn}：参数 {arg} 必须是文本或数字（编号），但输入的是 {got}。',
  },
  seriesLength: {
    code: '#VALUE!',
    en: '{fn}: {arg} must hold exactly {expected} values, but it has {got}.',
    zh: '{fn}：参数 {arg} 必须恰好包含 {expected} 个值，但有 {got} 个。',
  },
  coverIdMissing: {
    code: '#VALUE!',
    en: '{fn}: {arg} row {row} has no cover id.',
    zh: '{fn}：参数 {arg} 第 {row} 行缺少保障编号。',
  },
  duplicateCoverId: {
    code: '#VALUE!',
    en: '{fn}: {arg} row {row} repeats the cover id "{id}"; ids must be unique.',
    zh: '{fn}：参数 {arg} 第 {row} 行的保障编号“{id}”重复；编号必须唯一。',
  },
  unknownParent: {
    code: '#VALUE!',
    en: '{fn}: {arg} row {row} names the parent "{id}", which is not a cover id of the table.',
    zh: '{fn}：参数 {arg} 第 {row} 行的上级编号“{id}”不在保障表中。',
  },
  parentCycle: {
    code: '#VALUE!',
    en: '{fn}: {arg} has a cycle of parents through the cover "{id}"; a cover cannot be its own ancestor.',
    zh: '{fn}：参数 {arg} 中保障“{id}”的上级关系形成循环；保障不能是自己的上级。',
  },
  claimCoverMissing: {
    code: '#VALUE!',
    en: '{fn}: {arg} row {row} has an amount but no cover id.',
    zh: '{fn}：参数 {arg} 第 {row} 行有金额但缺少保障编号。',
  },
  unknownCover: {
    code: '#N/A',
    en: '{fn}: {arg} row {row} claims under the cover "{id}", which is not in covers.',
    zh: '{fn}：参数 {arg} 第 {row} 行索赔的保障“{id}”不在保障表中。',
  },
  unknownCoverArgument: {
    code: '#N/A',
    en: '{fn}: {arg} "{id}" is not a cover id of covers.',
    zh: '{fn}：参数 {arg}“{id}”不是保障表中的编号。',
  },
  insurerPaidAboveLoss: {
    code: '#VALUE!',
    en: '{fn}: {arg} ({got}) cannot exceed loss − deductible ({max}).',
    zh: '{fn}：参数 {arg}（{got}）不得超过 损失 − 免赔额（{max}）。',
  },
  insurerPaidAboveLimit: {
    code: '#VALUE!',
    en: '{fn}: {arg} ({got}) cannot exceed limit ({limit}): the insurer pays at most its limit.',
    zh: '{fn}：参数 {arg}（{got}）不得超过责任限额 limit（{limit}）：保险人的赔付以责任限额为限。',
  },
  contributionZeroLimits: {
    code: '#DIV/0!',
    en: '{fn}: {arg}: contribution by limits divides by own_limit + other_limit, which is 0.',
    zh: '{fn}：参数 {arg}：按限额比例分摊的分母 own_limit + other_limit 为 0。',
  },
  specialAboveLoss: {
    code: '#VALUE!',
    en: '{fn}: {arg} ({got}) is part of the loss and cannot exceed it ({max}).',
    zh: '{fn}：参数 {arg}（{got}）是损失的一部分，不得超过损失（{max}）。',
  },
  periodReversed: {
    code: '#VALUE!',
    en: '{fn}: {arg} ({got}) is before policy_start ({start}).',
    zh: '{fn}：参数 {arg}（{got}）早于保险期间起始日 policy_start（{start}）。',
  },
  erpBeforeEnd: {
    code: '#VALUE!',
    en: '{fn}: {arg} ({got}) is before policy_end ({end}); an extended reporting period follows the policy period.',
    zh: '{fn}：参数 {arg}（{got}）早于保险期间终止日 policy_end（{end}）；延长报告期在保险期间之后。',
  },
  cancelOutsidePeriod: {
    code: '#VALUE!',
    // RETURNPREMIUM: cancel_date is the first day no longer covered, policy_end the last day covered.
    en: '{fn}: {arg} ({got}) is the first day no longer covered, so it must lie from policy_start ({start}) to the day after policy_end ({after}).',
    zh: '{fn}：参数 {arg}（{got}）是不再承保的第一天，须在保险期间起始日 policy_start（{start}）至终止日 policy_end 的次日（{after}）之间。',
  },
  // ---- section 9: deadlines, triggers, currency (deadlines.ts, currency.ts) ----
  unknownDeadlineRule: {
    code: '#VALUE!',
    en: '{fn}: {arg} "{got}" is not one of the {wording}.* rules; they are: {rules}.',
    zh: '{fn}：参数 {arg}“{got}”不是 {wording}.* 的期限规则；其规则为：{rules}。',
  },
  unknownDeadlineWording: {
    code: '#VALUE!',
    en: '{fn}: {arg} "{got}" is not a deadline rule; a rule names its wording before the dot — {rules}.',
    zh: '{fn}：参数 {arg}“{got}”不是期限规则；规则在点号前写明所属条款——{rules}。',
  },
  dayOutsideCalendar: {
    code: '#NUM!',
    en: '{fn}: {what}, counted from {arg} ({got}), would be serial {result}, outside the dates a spreadsheet can hold (61, 1900-03-01, to 2958465, 9999-12-31).',
    zh: '{fn}：{what}（自参数 {arg}（{got}）起算）为序列号 {result}，超出电子表格能表示的日期范围（61，即 1900-03-01，至 2958465，即 9999-12-31）。',
  },
  receivedBeforeSent: {
    code: '#VALUE!',
    en: '{fn}: {arg} ({got}) is on a day before sent_date ({sent}); a notice cannot be received before the day it was sent.',
    zh: '{fn}：参数 {arg}（{got}）早于发送日 sent_date（{sent}）；通知不可能在发送日之前收到。',
  },
  rateNotPositive: {
    code: '#VALUE!',
    en: '{fn}: {arg} row {row}, column "rate" must be greater than 0 (units of the policy currency per unit of the amount’s currency), but it is {got}.',
    zh: '{fn}：参数 {arg} 第 {row} 行“汇率”列必须大于 0（每单位金额币种折合的保单币种数额），但输入的是 {got}。',
  },
  noRateForDate: {
    code: '#N/A',
    en: '{fn}: {arg} has no rate for {date} and none {direction} it (rule "{rule}"); its dates run from {from} to {to}.',
    zh: '{fn}：参数 {arg} 中没有 {date} 的汇率，也没有{direction}的汇率（规则 "{rule}"）；表中日期为 {from} 至 {to}。',
  },
  // Section 10: distribution texts and closed forms.
  distSyntax: {
    code: '#VALUE!',
    en: '{fn}: {arg} "{got}" is not a distribution text: at character {position} {expected} was expected, but {found} was found. Write family(p1, p2), e.g. lognormal(12, 2).',
    zh: '{fn}：参数 {arg}“{got}”不是分布文本：第 {position} 个字符处应为{expected}，但输入的是{found}。请写作 family(p1, p2)，例如 lognormal(12, 2)。',
  },
  distUnknownFamily: {
    code: '#VALUE!',
    en: '{fn}: {arg} "{got}": "{family}" is not a {role} family; the {role} families are {known}.',
    zh: '{fn}：参数 {arg}“{got}”：“{family}”不是{role}分布族；{role}分布族为 {known}。',
  },
  distArity: {
    code: '#VALUE!',
    en: '{fn}: {arg} "{got}": {family} takes {expected} parameters, but {count} were given.',
    zh: '{fn}：参数 {arg}“{got}”：{family} 需要 {expected} 个参数，但给出了 {count} 个。',
  },
  distParamRange: {
    code: '#VALUE!',
    en: '{fn}: {arg} "{got}": parameter {param} of {family} must be {rule}, but it is {value}.',
    zh: '{fn}：参数 {arg}“{got}”：{family} 的参数 {param} 必须{rule}，但输入的是 {value}。',
  },
  distMomentInfinite: {
    code: '#NUM!',
    en: '{fn}: {arg} "{got}" has an infinite {order}, so the result cannot be computed.',
    zh: '{fn}：参数 {arg}“{got}”的{order}为无穷大，无法计算结果。',
  },
  distFormFamily: {
    code: '#VALUE!',
    en: '{fn}: {arg} "{got}" has no form "{form}": that form is for {families}; write the text of other families directly.',
    zh: '{fn}：参数 {arg}“{got}”没有 "{form}" 形式：该形式仅适用于 {families}；其他分布族请直接写出分布文本。',
  },
  notBelow: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be less than {max}, but it is {got}.',
    zh: '{fn}：参数 {arg} 必须小于 {max}，但输入的是 {got}。',
  },
  layerNeverReached: {
    code: '#DIV/0!',
    en: '{fn}: no loss of {dist} exceeds {arg} ({got}): S(attachment) = 0, so the severity in the layer divides by 0.',
    zh: '{fn}：{dist} 的损失不会超过参数 {arg}（{got}）：S(attachment) = 0，层内严重度的分母为 0。',
  },
  ilfBaseZero: {
    code: '#DIV/0!',
    en: '{fn}: LEV({arg}) + alae is 0 for {dist}, so the factor divides by 0.',
    zh: '{fn}：对于 {dist}，LEV({arg}) + alae 为 0，增限因子的分母为 0。',
  },
  oepUnreachable: {
    code: '#NUM!',
    en: '{fn}: {arg} "{got}" can never give an occurrence exceedance probability of {probability} (1 / return_period): at most {most}.',
    zh: '{fn}：参数 {arg}“{got}”的单次损失超越概率不可能达到 {probability}（1 / return_period）：最多为 {most}。',
  },
  // Section 11: CYBER.SIMULATE.
  simEventsUnknownCover: {
    code: '#VALUE!',
    en: '{fn}: {arg} row {row} names the cover "{id}", which is not in covers.',
    zh: '{fn}：参数 {arg} 第 {row} 行的保障“{id}”不在保障表中。',
  },
  simEventsSeverityMissing: {
    code: '#VALUE!',
    en: '{fn}: {arg} row {row} has no severity text (e.g. lognormal(12, 2)).',
    zh: '{fn}：参数 {arg} 第 {row} 行缺少损失金额分布文本（例如 lognormal(12, 2)）。',
  },
  simCountsTooLarge: {
    code: '#NUM!',
    en: '{fn}: {arg} "{got}" gives years of more than {max} events, beyond the simulation’s limits.',
    zh: '{fn}：参数 {arg}“{got}”的年度事件数可超过 {max} 次，超出模拟的计算限制。',
  },
  simWorkTooLarge: {
    code: '#NUM!',
    en: '{fn}: {arg} ({got}) × the mean number of events × the rows of events asks for about {work} draws; at most {max} can be simulated in one call.',
    zh: '{fn}：参数 {arg}（{got}）× 年均事件数 × 事件表行数约需 {work} 次抽样；一次调用最多模拟 {max} 次。',
  },
  simTermsTooLarge: {
    code: '#NUM!',
    en: '{fn}: {arg} holds {got}, with more decimals than the simulation can settle exactly (at most 15).',
    zh: '{fn}：参数 {arg} 中的 {got} 小数位数过多，模拟无法精确理算（最多 15 位）。',
  },
  simIdCollision: {
    code: '#NUM!',
    en: '{fn}: the cover ids {got} of {arg} share the same random key; rename one of them.',
    zh: '{fn}：参数 {arg} 中的保障编号 {got} 对应相同的随机数键；请重命名其中之一。',
  },
  simOverflow: {
    code: '#NUM!',
    en: '{fn}: a loss drawn from {arg} is too large for a double ({got}): no statistic can be computed.',
    zh: '{fn}：从参数 {arg} 抽取的损失过大，超出双精度数范围（{got}）：无法计算统计量。',
  },
  internalError: {
    code: '#VALUE!',
    en: '{fn}: internal error ({detail}). Please report it with the inputs that caused it.',
    zh: '{fn}：内部错误（{detail}）。请连同导致错误的输入一并报告。',
  },
  unknownFunction: {
    code: '#NAME?',
    en: '{fn} is not a CYBER function.',
    zh: '{fn} 不是 CYBER 函数。',
  },
} as const satisfies Record<string, MessageTemplate>;

export type MessageKey = keyof typeof MESSAGES;

/**
 * The messages above that quote the engine's serials and range (the 1900 date system: 61 is
 * 1900-03-01, 2958465 is 9999-12-31), worded for a workbook in the 1904 date system, where serial
 * 0 is 1904-01-01 and 2957003 is 9999-12-31 (ECMA-376 Part 1, §18.17.4.1). The engine counts in
 * 1900 serials whatever the workbook; the host of a 1904 workbook words these errors again with
 * these templates and the serials its cells hold (src/sheet/dateSystem.ts), so the user reads the
 * numbers of the workbook in front of them. Same rule, code and placeholders as the 1900 message.
 */
export const MESSAGES_1904 = {
  dateOutOfRange: {
    code: '#VALUE!',
    en: '{fn}: {arg} must be a date serial between 0 (1904-01-01) and 2957003 (9999-12-31), but it is {got}.',
    zh: '{fn}：参数 {arg} 必须是 0（1904-01-01）至 2957003（9999-12-31）之间的日期序列号，但输入的是 {got}。',
  },
  noticeAfterCalendar: {
    code: '#NUM!',
    en: '{fn}: the notice deadline counted from {arg} ({got}) would fall on serial {result}, after 9999-12-31 (2957003), the last date a spreadsheet can hold.',
    zh: '{fn}：从参数 {arg}（{got}）起算的通知期限为序列号 {result}，晚于电子表格能表示的最后日期 9999-12-31（2957003）。',
  },
  dayOutsideCalendar: {
    code: '#NUM!',
    en: '{fn}: {what}, counted from {arg} ({got}), would be serial {result}, outside the dates a spreadsheet can hold (0, 1904-01-01, to 2957003, 9999-12-31).',
    zh: '{fn}：{what}（自参数 {arg}（{got}）起算）为序列号 {result}，超出电子表格能表示的日期范围（0，即 1904-01-01，至 2957003，即 9999-12-31）。',
  },
} as const satisfies Partial<Record<MessageKey, MessageTemplate>>;

/**
 * The rule of a table's date column in tableCellRule (its 1900 text is in src/engine/coerce.ts,
 * COLUMN_RULE_TEXT), worded for a 1904 workbook as {@link MESSAGES_1904}.
 */
export const DATE_COLUMN_RULE_1904 = {
  en: 'must be a date serial from 0 (1904-01-01) to 2957003 (9999-12-31)',
  zh: '必须是 0（1904-01-01）至 2957003（9999-12-31）之间的日期序列号',
} as const;

/** A parameter is the same in both languages, or given per language (a described value). */
export type MessageParam = string | number | { readonly en: string; readonly zh: string };
export type MessageParams = Readonly<Record<string, MessageParam>>;

function fill(template: string, params: MessageParams, lang: 'en' | 'zh'): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!(key in params)) return whole;
    const v = params[key];
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

/**
 * Both languages of a message, with the argument shown as `name` (en) and `name（中文）` (zh);
 * `template` is the rule's message, or another wording of the same rule ({@link MESSAGES_1904}).
 */
export function formatMessage(
  key: MessageKey,
  params: MessageParams,
  argument?: { name: string; zh: string },
  template: MessageTemplate = MESSAGES[key],
): { en: string; zh: string } {
  const t = template;
  const en = fill(t.en, { ...params, arg: argument ? argument.name : '' }, 'en');
  const zh = fill(t.zh, { ...params, arg: argument ? `${argument.name}（${argument.zh}）` : '' }, 'zh');
  return { en, zh };
}

/**
 * CYBER.SIMULATE's "stats" labels (catalogue section 11), in the catalogue's order, in the user's
 * language: the first column of its 14×2 result.
 */
export const SIMULATE_LABELS: ReadonlyArray<{ readonly en: string; readonly zh: string }> = [
  { en: 'Mean annual paid (AAL)', zh: '年均赔付（AAL）' },
  { en: 'Standard deviation', zh: '标准差' },
  { en: 'Standard error of the mean', zh: '均值的标准误差' },
  { en: 'Probability a year pays anything', zh: '年度发生赔付的概率' },
  { en: 'VaR 90%', zh: '风险价值 VaR 90%' },
  { en: 'VaR 95%', zh: '风险价值 VaR 95%' },
  { en: 'VaR 99%', zh: '风险价值 VaR 99%' },
  { en: 'VaR 99.5%', zh: '风险价值 VaR 99.5%' },
  { en: 'VaR 99.6%', zh: '风险价值 VaR 99.6%' },
  { en: 'TVaR 99%', zh: '尾部风险价值 TVaR 99%' },
  { en: 'TVaR 99.5%', zh: '尾部风险价值 TVaR 99.5%' },
  { en: 'Largest annual paid', zh: '最大年度赔付' },
  { en: 'Mean number of events per year', zh: '年均事件数' },
  { en: 'Mean annual loss before terms (ground up)', zh: '年均损失（适用条款前，从零起算）' },
];
