/**
 * The readings the product takes where a wording (or the function catalogue) leaves room: the
 * README's "Readings · 解读" table as data, so a claim calculation statement can list the ones its
 * calculation applies. Each row is the README's row verbatim (Markdown as written there);
 * readings.test.ts fails when the two disagree, so a reading changed in one place must be changed
 * in the other. Pure data and helpers: no React, no host.
 */

export interface Reading {
  /** The README's "where" column: the wording and article (or the catalogue) it concerns. */
  readonly where: string;
  /** "the sentence it reads", quoted in the wording's own language. */
  readonly sentence: string;
  /** "the reading taken". */
  readonly reading: string;
  /** "functions": the CYBER functions (in backticks), templates or "all" it applies to. */
  readonly functions: string;
}

export const READINGS: readonly Reading[] = [
  {
    where: "CPIC 第九条 5 ② other insurance",
    sentence: "「已从其他保险合同等获赠保险金或互助金时，以本保险合同的赔付责任金额减去其他保险合同等的赔付保险金或互助金的合计金额后，剩余的余额。」",
    reading: "The balance after the other payments: this policy pays what is left of the loss once the others have paid, never more than its own amount — min(min(loss, own_limit), max(0, loss − other_paid)); before any other payment (①) its own amount min(loss, own_limit). (Taken literally, \"own amount − other payments\" would leave part of the loss unpaid although this policy's amount is not exhausted.)",
    functions: "`OTHERINSURANCE` \"cpic\"",
  },
  {
    where: "ISO Recoveries",
    sentence: "\"Recoveries are reduced by recovery expenses and are returned in the following order:\" — the text stops before the list.",
    reading: "Samsung's order: 「在减去实际追偿费用后,余额将按如下顺序使用和分配: 1、支付被保险人本应在本保险单下获得但是由于超出适用的责任限额而没有获得的赔偿; 2、补偿保险人所支付的任何款项; 3、给予被保险人以补偿被保险人发生的免赔额。」 (SAMSUNG 第四十五条), then the remainder. With `limit` given, priority 1 is only the loss above the limit, max(0, loss above the deductible − limit).",
    functions: "`RECOVERY`",
  },
  {
    where: "SAMSUNG 释义十四 daily cap",
    sentence: "「每日赔偿金上限:指在声誉损害保障项下,24 小时内可赔付的最高赔偿金额,除另有约定外,为1,000,000美元。」",
    reading: "\"24 hours\" are fixed, consecutive 24-hour blocks counted from the end of the waiting period (hour `waiting_hours` of the series), not calendar days and not a rolling window; each block pays at most the cap, the last block may be shorter. The cap is USD: the default 1,000,000 is read in the series' currency, so convert it with `FX` (SAMSUNG 第五十条) for a series in another currency.",
    functions: "`REPUTATIONAL`",
  },
  {
    where: "SAMSUNG 释义四十三 indemnity period",
    sentence: "「赔偿期:指从负面媒体事件等待期结束起,至下述较早日期止的期限:(一)被保险人的净利润不再遭受损失的日期;或 (二) 负面媒体事件等待期结束后六个月,不受保险期限到期的限制。」",
    reading: "Without `start`, six months are `indemnity_hours` = 4380 by default (6 × 730 h, an average month). With `start` (when the adverse media event was first discovered) the period ends six calendar months to the hour after E = start + waiting_hours / 24: H = min(indemnity_hours, 24 × (EDATE(E, 6) − E)), EDATE keeping the time of day. `indemnity_hours` above 4416 (184 days, the longest six calendar months) is `#VALUE!`. (一) is the user's to apply: end the series when the loss stops. Only hours after the waiting period count (第三十一条).",
    functions: "`REPUTATIONAL`",
  },
  {
    where: "SAMSUNG 释义四十四 recovery period",
    sentence: "「恢复期在任何情况下均不得超过 180 天。」",
    reading: "180 days = 4320 hours, counted from hour 0 of the series, 「从计算机系统遭受服务中断后被保险公司开始受到影响时起」. A schedule may shorten the period (`max_hours` < 4320), never lengthen it: `max_hours` above 4320 is `#VALUE!`.",
    functions: "`HOURLYBI`",
  },
  {
    where: "SAMSUNG 第四十三条 which date each notice counts from",
    sentence: "(二) 1 「通知发送时间均不得迟于: a. 保险期限终止后 90 天;或 b. 延长报告期限(如执行)终止时。」 (三) 1 「不得迟于高级管理人员知晓该等事件或实际收到事件通知后 90 天,也不得迟于保险期限到期后 90 天。」 (三) 2 「不得迟于事件发生后 90 天,也不得迟于保险期限到期后 90 天。」 (三) 3 「不得迟于被保险公司首次遭受网络勒索后 90 天。」 proof: 「须在发现事件发生后六个月内」 / 「须在事件发生后六个月内」 / 「须在遭受网络勒索后六个月内」",
    reading: "\"claim\": either limit keeps the insured in time, so the later of policy_end + 90 and erp_end (`event_date` is not used). \"incident\": `event_date` is the day a senior officer learned of (or received notice of) the event for incident response and reputational harm, and the day the event occurred for business interruption, digital assets, social engineering and claim avoidance; min(event_date + 90, policy_end + 90). \"extortion\": `event_date` is the first extortion; event_date + 90, not cut at the policy end. \"proof\": EDATE(event_date, 6), `event_date` being the discovery, the event or the extortion as the cover's sentence says. Every deadline is the last day to *send* (通知发送日期); when a notice takes effect is `NOTICESERVED`. An erp_end before policy_end is `#VALUE!`.",
    functions: "`NOTICEBY`",
  },
  {
    where: "SAMSUNG 第四十三条 (一) 1 a when a notice takes effect",
    sentence: "「上述通知在收件人实际收到时,或者通知发送次日,以较早者为准(根据发送证明),视为送达并生效。」",
    reading: "Counted by day: min(INT(received_date), INT(sent_date) + 1); a receipt on a day before the sending is `#VALUE!`.",
    functions: "`NOTICESERVED`",
  },
  {
    where: "SAMSUNG 第四十三条 (二) 2 notice of circumstances",
    sentence: "「如果在保险期限内……其在保险期限内向保险人发送了书面通知……则因该等不当行为产生的索赔应视为在保险人首次收到该等书面通知时提出。」",
    reading: "`circumstance_date` is the day the insurer first received the notice; a notice received within the policy period was sent within it, so the claim is deemed made that day. A circumstance_date outside the period is ignored and claim_date is tested. An erp_end before policy_end is `#VALUE!`.",
    functions: "`CLAIMSMADE`",
  },
  {
    where: "SAMSUNG 第二十五条 (四), 第二十六条 (三)–(七); LMCIT liability",
    sentence: "Samsung: 「……累计责任限额是\"监管调查诉讼\"保障累计责任限额的一部分,不额外增加后者的责任限额。」 LMCIT: 「每次事故的标准限额为200万美元」 and \"$250,000 annual aggregate/sublimit (part of and not in addition to the $3 million data security breach aggregate)\".",
    reading: "A Samsung sub-limit is part of its parent's *aggregate* only: nesting \"aggregate\" (a payment counts against the parent's aggregate, not its per-event limit). LMCIT's $2M per occurrence applies to every liability claim, the breach aggregate and its PCI sublimit included: nesting \"all\", the default. Within an event the largest deductible applies once (第二十八条), taken from the event's rows in row order and never from a cover without a deductible (报酬支付, 第三十条); a claims row with a blank event id is an event of its own; a cover's blank deductible is 0 and never takes its parent's; a blank claims row gives an empty cell.",
    functions: "`ALLOCATE`, `REMAINING`; the Samsung and LMCIT templates",
  },
  {
    where: "LMCIT shared pool",
    sentence: "「由于共同的原因,成员们共享1000万美元的限额, 或者类似的网络索赔源于一个事件, 在12个月内,总限额为2500万美元.」 — the limit is shared; the summary does not say how.",
    reading: "Pro rata, this product's stated assumption: when the claims exceed min(pool_limit, pool_remaining) each member gets claim × available ÷ total. Each share is rounded toward zero at the 40th digit, so the shares never add up to more than the pool.",
    functions: "`POOLSHARE`",
  },
  {
    where: "LMCIT first-party aggregate",
    sentence: "\"There is a $250,000 aggregate limit per member for the first-party coverage. 会员可以将限额提高到500美元,000 for an additional premium charge if they can answer yes to the following loss control questions.\"",
    reading: "The raise is an option bought for a premium: 500,000 only when `raised` is TRUE *and* all five answers are yes; otherwise 250,000. A blank answer is no.",
    functions: "`LMCITLIMIT`",
  },
  {
    where: "ISO Forgery or Alteration",
    sentence: "\"Legal expenses are not subject to a deductible.\" — silent on the limit.",
    reading: "Legal expenses bear no deductible and are paid in addition to the limit, as the published CR 00 21 form's Forgery or Alteration condition b. says: payout = min(limit, …) + legal_expenses.",
    functions: "`CRIMEPAYOUT`",
  },
  {
    where: "ISO Limit of Insurance, special limits",
    sentence: "\"$5,000 is the most paid in any one occurrence for loss of precious metals, precious or semiprecious stones, pearls, furs, or fur articles.\"",
    reading: "The deductible comes off the whole loss and the special limit caps what is *paid* for special property: min(limit, max(0, min(loss − deductible, loss − special_loss + min(special_loss, special_limit)))). Furs of 6,000 with a 1,000 deductible pay 5,000.",
    functions: "`CRIMEPAYOUT`",
  },
  {
    where: "SAMSUNG 第四十九条 (一) 4 return premium",
    sentence: "「本保险单如被解除,保险人将按日比例退还未满期保险费。」 with (一) 1 「解除生效日期」",
    reading: "Whole days; `policy_end` is the last day of cover, as in every other function, and `cancel_date` the day the cancellation takes effect, the first day no longer covered: premium × (policy_end + 1 − cancel_date) ÷ (policy_end + 1 − policy_start). A 2025 policy cancelled from 2025-07-01 returns 184/365.",
    functions: "`RETURNPREMIUM`",
  },
  {
    where: "SAMSUNG 第五十条 (一); ISO valuation",
    sentence: "「相关汇率以最终判决做出之日、和解金额约定之日或损失金额到期应付之日中国国家外汇管理局公布的为准(如果该日期没有公布汇率,则按照中国国家外汇管理局下一个日期公布的汇率)」; ISO: \"at the exchange rate published in The Wall Street Journal on the date the loss was sustained\"",
    reading: "`rule` \"next\" (the default) is Samsung's fallback; ISO names no fallback for a day without a published rate, so its schedule chooses \"prior\" or \"next\". No rate on or after (or before) the day is `#N/A`.",
    functions: "`FX`",
  },
  {
    where: "Time limits of every wording (catalogue section 9)",
    sentence: "e.g. 「被保险公司在向保险人提交损失证明原件后 60 天以内……不得提起任何诉讼程序」 (SAMSUNG 第四十三条 (三) 3); \"It cannot bring an action until more than 90 days have passed since it filed a proof of loss\" (ISO legal action); 「在解除生效日期前 15 天」 (SAMSUNG 第四十九条 (一) 3 a)",
    reading: "Each rule gives one whole day, and its kind says what the day means: **latest** — the last day the act is still in time; **earliest** — the first day it is allowed (no suit \"within 60 days\" makes day 61 the first, `samsung.extortion.suit.from` = +61; `iso.suit.from` is +90); **until** — the last day the rule still applies (`cpic.software`: an interruption from the bug up to EDATE(date, 1) is excluded); **latest (notice)** — the last day to send a notice that must precede `date` (−15, −60 days). Months and years follow EDATE (2 years = 24 months). The table of rules, with each article and sentence, is in the [function reference](docs/FUNCTIONS.md).",
    functions: "`DEADLINE`",
  },
  {
    where: "CPIC 第五条 1 (1) crisis-management period",
    sentence: "「仅限事故处理期间内，即被保险人首次发现网络安全事故的第二天起的 180 日内，发生的费用」",
    reading: "Both dates are taken by their day (INT): the window is [discovery + 1, discovery + 180], so a discovery in the afternoon still opens it at the next midnight.",
    functions: "`CRISISWINDOW`",
  },
  {
    where: "CPIC 第四十四条 20 maintenance costs",
    sentence: "「维持费用是指无论是否发生事故，维持经营所必须支出的费用，其中，明细表中所规定的费用定义为\"投保维持费用\"。」",
    reading: "Maintenance is part of expenses: `maintenance` > `expenses` and `insured_maintenance` > `maintenance` are `#VALUE!`. With both enforced, the profit rate and the insured ratio always lie in [0, 1]. `INSUREDRATIO`'s `#DIV/0!` names `maintenance`, the one argument inside its denominator.",
    functions: "`PROFITRATE`, `INSUREDRATIO`",
  },
  {
    where: "CPIC 第十三条 (一) 2 (3) under-insurance",
    sentence: "The test compares the sum insured with annual revenue × profit rate (× insured ratio).",
    reading: "Applied only when `annual_revenue` is given; a `profit_rate` or `insured_ratio` given without it is not used (the trace says so).",
    functions: "`BIPAYOUT`",
  },
  {
    where: "CPIC 第三十七条 1 (2) notified circumstances",
    sentence: "「如在保险期间结束后 5 年内因该诱因或事由而发生索赔的，则该索赔视为是在本保险合同保险期间的最后一天发生。」",
    reading: "The catalogue's table cites this rule (`cpic.circumstance`, + 5 years from the period's last day) as 第三条 1 (2); the sentence is in 第三十七条 1 (2), so the product cites that article. The offset is the catalogue's.",
    functions: "`DEADLINE`",
  },
  {
    where: "Samsung template: hourly BI and reputational harm inside the tree",
    sentence: "第二十八条 「如果同一索赔或事件适用多项的免赔额或等待期,则该索赔或事件适用免赔额、等待期中金额最大的一项。」 第二十九条 「……适用的免赔额、等待期是以下两项中的较大金额」; 第三十一条 「保险人仅支付超出负面媒体事件等待期(见释义)部分的声誉损害收入损失。」",
    reading: "Each set of terms is entered once, in the covers tree. The hourly BI loss of the first `max_hours` hours is a claim on cover BI, whose deductible cell is `=MAX(monetary deductible, CYBER.WAITINGDEDUCTIBLE(…))`; the reputational claim on cover REP is the waiting-period loss plus the daily-capped `CYBER.REPUTATIONAL` amount, with the waiting-period loss as REP's deductible. `CYBER.ALLOCATE` then applies the largest deductible once per event and every cover and policy limit, so the template's total (the sum of the ALLOCATE spill) never exceeds the policy aggregate — a property test checks it on random inputs. `CYBER.HOURLYBI` stays on the sheet as the standalone figure, not added to the total.",
    functions: "the Samsung template",
  },
  {
    where: "ISO template: loss sustained during prior insurance",
    sentence: "\"If a loss sustained in a previous policy term is discovered under the current policy, coverage applies if both the previous and current policies have the same coverage and the current policy immediately replaces the previous one. In this case, the insurance limit available is the lower of the two policy limits.\"",
    reading: "A loss that fails `LOSSSUSTAINED` pays 0 unless it was sustained in the prior term, this policy started the day after the prior one's last day (immediately replaced), the coverage is the same, and it was discovered under this policy; then the lower limit applies (the larger with continuous cover by the same insurer, `PRIORLIMIT`). A loss two or more terms back pays 0.",
    functions: "the ISO template",
  },
  {
    where: "CPIC template: the overall 责任限额",
    sentence: "第十三条 「在本保险合同项下，保险人的总赔偿金额以责任限额为限。分项责任限额（包括其他承保项目适用的分项责任限额）及抗辩费用均包含在责任限额内，而非额外增加责任限额。」",
    reading: "The total is min(sum of the covers, 责任限额 − everything paid earlier in the period); the wording does not say which cover gives way when the overall limit binds, so the sheet shows each cover before the cap and the total after it.",
    functions: "the CPIC template",
  },
  {
    where: "Catalogue: `CYBER.FX` in Excel",
    sentence: "Microsoft, *Custom functions naming and localization*: a custom function's id and name \"must start with a letter and be at least three characters\".",
    reading: "Excel cannot register a two-letter function, so the add-in registers `CYBER.FX` as `CYBER.FXRATE`; the workbench and the CLI accept both names, so a workbook written in Excel evaluates the same everywhere. Messages name the function as it was called.",
    functions: "`FX`",
  },
  {
    where: "Catalogue: blank and missing arguments",
    sentence: "\"An omitted optional argument, a blank cell, or the empty text \"\" takes the default.\" — silent on required arguments.",
    reading: "A blank cell given for a *required* number counts as 0, as Excel does (older desktop builds even pass it as 0), and is then validated: a blank revenue (> 0) or date is `#VALUE!`, a blank deductible is 0; a required text or option left blank is `#VALUE!` \"… is required, but it is blank.\" A required argument left out of a call — shorter, or an empty argument `f(a,,c)` — is `#VALUE!` \"… is required, but it is missing from the call.\" where the host can tell (CLI, workbench); Excel passes an empty argument as a blank cell, so there it takes the blank reading, and the function help says so ([Blank cells and arguments left out](#blank-cells-and-arguments-left-out--空白单元格与省略的参数)). In a sheet (CLI, workbench) a wrong number of arguments is judged by the engine, so the message names the function and the missing argument.",
    functions: "all",
  },
  {
    where: "Catalogue: types and dates",
    sentence: "\"Dates are Excel serial numbers (1900 date system …)\"; \"+N months means Excel's EDATE rule\".",
    reading: "Text where a number is expected is `#VALUE!`, numbers typed as text included; booleans are not numbers (only boolean parameters accept 1/0). Dates are serials from 61 (1900-03-01) to 2958465 (9999-12-31): before March 1900 Excel's calendar has a day that never existed. EDATE keeps a date's time of day — \"12 months before the incident\", `EDATE(incident_date, −12)`, keeps the incident's hour (Excel's own `EDATE` drops it; with whole-day dates the two agree).",
    functions: "all",
  },
  {
    where: "Catalogue: limits of the engine",
    sentence: "\"`#NUM!` — a result that cannot be computed from valid-looking numbers (for example a series too long for the engine's limits)\"",
    reading: "Hourly series hold at most 8,784 values (a leap year of hours), any other series at most 100,000 (an LMCIT pool has under a thousand members): a longer one is `#NUM!` at once, in one cell, without reserving a million-cell spill. A series of fixed length (`LMCITLIMIT`'s five answers) keeps its own `#VALUE!` \"exactly 5 values\" rule. A negative value inside a series of amounts is `#VALUE!` naming its position. A result beyond what a cell can hold (1e308 + 1e308) is `#NUM!`, never Infinity; a deadline after 9999-12-31 is `#NUM!` too, like Excel's own `EDATE`.",
    functions: "all; `NOTICEBY`, `DEADLINE`",
  },
];

/** The function names a reading names (the backticked upper-case words of its "functions" column). */
export function readingFunctions(r: Reading): string[] {
  return [...r.functions.matchAll(/`([A-Z][A-Z0-9]*)`/g)].map((m) => m[1]);
}

/** The templates a reading names ("the CPIC template" → "cpic"). */
export function readingTemplates(r: Reading): string[] {
  return [...r.functions.matchAll(/\b(CPIC|Samsung|LMCIT|ISO) template/gi)].map((m) => m[1].toLowerCase());
}

/** True for the readings that apply to every function ("all", "all; NOTICEBY, …"). */
export function appliesToAll(r: Reading): boolean {
  return /^all\b/.test(r.functions);
}

/**
 * The readings a calculation applies: those naming one of its functions or its template, then
 * those that apply to every function (blank arguments, types and dates, the engine's limits).
 */
export function readingsFor(functions: readonly string[], templates: readonly string[] = []): Reading[] {
  const fns = new Set(functions.map((f) => f.toUpperCase().replace(/^CYBER\./, '')));
  const tpl = new Set(templates.map((t) => t.toLowerCase()));
  // FXRATE is how Excel registers FX: the readings say FX.
  if (fns.has('FXRATE')) fns.add('FX');
  const specific = READINGS.filter((r) => !appliesToAll(r) && (readingFunctions(r).some((f) => fns.has(f)) || readingTemplates(r).some((t) => tpl.has(t))));
  return [...specific, ...READINGS.filter(appliesToAll)];
}

/** Markdown of a table cell as plain text for a sheet or a printed page: no backticks, no emphasis, links by their text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\\|/g, '|');
}
