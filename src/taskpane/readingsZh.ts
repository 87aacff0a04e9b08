/**
 * The readings (./readings.ts, the README's "Readings · 解读" table) in Chinese, for a Chinese
 * claim calculation statement: where each applies and the reading taken, by the README row's
 * "where". The README states the readings in English and that text governs; these are its
 * translation. readingsZh.test.ts fails when a README row has no translation or a translation
 * no row. The quoted sentence stays in the wording's own language (the README's).
 */
export const READINGS_ZH: Readonly<Record<string, { readonly where: string; readonly reading: string }>> = {
  'CPIC 第九条 5 ② other insurance': {
    where: '太保 第九条 5 ② 其他保险',
    reading:
      '按其他保险赔付后的余额：本保险支付其他保险赔付后尚余的损失，且不超过本保险自身应赔金额，即 min(min(损失, 本保单限额), max(0, 损失 − 其他已赔付))；其他保险尚未赔付时（①）为本保险自身金额 min(损失, 本保单限额)。（若按字面"本保险金额 − 其他赔付"计算，在本保险金额未用尽时仍会有部分损失得不到赔付。）',
  },
  'ISO Recoveries': {
    where: 'ISO 追偿',
    reading: '采用三星的顺序（三星 第四十五条）：扣除追偿费用后，依次用于被保险人超出责任限额的损失、补偿保险人已付款项、补偿被保险人的免赔额，最后为余额。给出 limit 时，第 1 项仅为超出限额的损失 max(0, 免赔额以上的损失 − 限额)。',
  },
  'SAMSUNG 释义十四 daily cap': {
    where: '三星 释义十四 每日赔偿金上限',
    reading: '"24 小时"为自等待期结束（序列第 waiting_hours 小时）起连续划分的固定 24 小时区段，而非自然日或滚动窗口；每段最多赔付上限金额，最后一段可以较短。上限以美元计：默认值 1,000,000 按序列的币种读取，序列为其他币种时请用 FX（三星 第五十条）折算。',
  },
  'SAMSUNG 释义四十三 indemnity period': {
    where: '三星 释义四十三 赔偿期',
    reading:
      '未给出 start 时，六个月默认为 indemnity_hours = 4380（6 × 730 小时，按平均月长）。给出 start（首次发现负面媒体事件之时）时，赔偿期于 E = start + waiting_hours / 24 之后六个自然月（精确到小时）结束：H = min(indemnity_hours, 24 × (EDATE(E, 6) − E))，EDATE 保留时刻。indemnity_hours 超过 4416（184 天，最长的六个自然月）为 #VALUE!。(一) 由用户适用：损失停止时结束序列。只计等待期之后的小时（第三十一条）。',
  },
  'SAMSUNG 释义四十四 recovery period': {
    where: '三星 释义四十四 恢复期',
    reading: '180 天 = 4320 小时，自序列第 0 小时起算（「从计算机系统遭受服务中断后被保险公司开始受到影响时起」）。明细表可缩短该期间（max_hours < 4320），不可延长：max_hours 超过 4320 为 #VALUE!。',
  },
  'SAMSUNG 第四十三条 which date each notice counts from': {
    where: '三星 第四十三条 各项通知的起算日',
    reading:
      '"claim"：任一期限满足即为及时，取 policy_end + 90 与 erp_end 中较晚者（不使用 event_date）。"incident"：事件应对与声誉损害以高级管理人员知晓（或收到通知）之日为 event_date，营业中断、数字资产、社会工程与索赔规避以事件发生之日为 event_date；取 min(event_date + 90, policy_end + 90)。"extortion"：event_date 为首次遭受网络勒索之日；event_date + 90，不受保险期限终止的限制。"proof"：EDATE(event_date, 6)，event_date 按各保障的原文为发现、事件或勒索之日。每个期限都是发送通知（通知发送日期）的最后一天；通知何时生效见 NOTICESERVED。erp_end 早于 policy_end 为 #VALUE!。',
  },
  'SAMSUNG 第四十三条 (一) 1 a when a notice takes effect': {
    where: '三星 第四十三条 (一) 1 a 通知的生效',
    reading: '按日计算：min(INT(received_date), INT(sent_date) + 1)；收到日早于发送日为 #VALUE!。',
  },
  'SAMSUNG 第四十三条 (二) 2 notice of circumstances': {
    where: '三星 第四十三条 (二) 2 情况通知',
    reading: 'circumstance_date 为保险人首次收到该通知之日；在保险期限内收到的通知即在期限内发送，索赔视为于该日提出。circumstance_date 在保险期限之外时不予考虑，按 claim_date 判断。erp_end 早于 policy_end 为 #VALUE!。',
  },
  'SAMSUNG 第二十五条 (四), 第二十六条 (三)–(七); LMCIT liability': {
    where: '三星 第二十五条 (四)、第二十六条 (三)–(七)；LMCIT 责任保障',
    reading:
      '三星的分项限额仅为其上级累计限额的一部分：嵌套方式 "aggregate"（赔付计入上级的累计限额，而非其每次事件限额）。LMCIT 每次事故 200 万美元适用于所有责任索赔，包括数据泄露累计限额及其 PCI 分项限额：嵌套方式 "all"（默认）。同一事件只适用一次最大的免赔额（第二十八条），按行序取自该事件的各行，且不取自无免赔额的保障（报酬支付，第三十条）；事件编号为空的索赔行自成一个事件；保障的免赔额为空即为 0，不继承上级的免赔额；空白的索赔行返回空单元格。',
  },
  'LMCIT shared pool': {
    where: 'LMCIT 共享限额',
    reading: '按比例分摊，是本产品的明示假设：索赔合计超过 min(pool_limit, pool_remaining) 时，每个成员获得 索赔 × 可用额 ÷ 合计。每份在第 40 位有效数字处向零舍入，因此各份之和从不超过共享限额。',
  },
  'LMCIT first-party aggregate': {
    where: 'LMCIT 第一方累计限额',
    reading: '提高限额是需支付附加保费购买的选项：仅当 raised 为 TRUE 且五个问题全部回答"是"时为 500,000；否则为 250,000。空白的回答视为"否"。',
  },
  'ISO Forgery or Alteration': {
    where: 'ISO 伪造或变造',
    reading: '法律费用不适用免赔额，且在限额之外另行支付，与已公布的 CR 00 21 表格伪造或变造条件 b 一致：赔付 = min(limit, …) + legal_expenses。',
  },
  'ISO Limit of Insurance, special limits': {
    where: 'ISO 保险限额、特别限额',
    reading: '免赔额从全部损失中扣除，特别限额限制的是对特别财产的赔付：min(limit, max(0, min(loss − deductible, loss − special_loss + min(special_loss, special_limit))))。皮草损失 6,000、免赔额 1,000 时赔付 5,000。',
  },
  'SAMSUNG 第四十九条 (一) 4 return premium': {
    where: '三星 第四十九条 (一) 4 退还保费',
    reading: '按整日计算；policy_end 为承保的最后一天（与其他函数一致），cancel_date 为解除生效之日、即不再承保的第一天：保费 × (policy_end + 1 − cancel_date) ÷ (policy_end + 1 − policy_start)。2025 年保单自 2025-07-01 起解除，退还 184/365。',
  },
  'SAMSUNG 第五十条 (一); ISO valuation': {
    where: '三星 第五十条 (一)；ISO 估值',
    reading: 'rule 为 "next"（默认）即三星的后备规则；ISO 未规定当日无公布汇率时的后备规则，由其明细表选择 "prior" 或 "next"。当日及之后（或之前）均无汇率时为 #N/A。',
  },
  'Time limits of every wording (catalogue section 9)': {
    where: '各条款的时限（函数目录第 9 节）',
    reading:
      '每条规则给出一个整日，其种类说明该日的含义：latest —— 行为仍属及时的最后一天；earliest —— 允许行为的第一天（"60 天内"不得起诉，则第 61 天为第一天，samsung.extortion.suit.from = +61；iso.suit.from 为 +90）；until —— 规则仍适用的最后一天（cpic.software：自缺陷起至 EDATE(date, 1) 的中断不予赔付）；latest (notice) —— 须在 date 之前发出的通知的最后发送日（−15、−60 天）。月与年按 EDATE 计算（2 年 = 24 个月）。规则表及各条款原文见函数参考。',
  },
  'CPIC 第五条 1 (1) crisis-management period': {
    where: '太保 第五条 1 (1) 事故处理期间',
    reading: '两个日期均按日（INT）取整：期间为 [发现日 + 1, 发现日 + 180]，下午发现的事故，期间也自次日零时起算。',
  },
  'CPIC 第四十四条 20 maintenance costs': {
    where: '太保 第四十四条 20 维持费用',
    reading: '维持费用是经营性费用的一部分：maintenance > expenses 与 insured_maintenance > maintenance 均为 #VALUE!。两者均满足时，利润率与投保比率总在 [0, 1] 之内。INSUREDRATIO 的 #DIV/0! 指向 maintenance，即其分母中唯一的参数。',
  },
  'CPIC 第十三条 (一) 2 (3) under-insurance': {
    where: '太保 第十三条 (一) 2 (3) 不足额保险',
    reading: '仅在给出 annual_revenue 时适用；未给出 annual_revenue 而给出的 profit_rate 或 insured_ratio 不予使用（计算过程中注明）。',
  },
  'CPIC 第三十七条 1 (2) notified circumstances': {
    where: '太保 第三十七条 1 (2) 已通知的诱因或事由',
    reading: '函数目录的规则表将此规则（cpic.circumstance，自保险期间最后一天起 + 5 年）标为第三条 1 (2)；该句在第三十七条 1 (2)，故本产品引用该条。期限采用目录的规定。',
  },
  'Samsung template: hourly BI and reputational harm inside the tree': {
    where: '三星模板：保障树中的按小时营业中断与声誉损害',
    reading:
      '每组条件只在保障树中输入一次。前 max_hours 小时的按小时营业中断损失是对保障 BI 的索赔，其免赔额单元格为 =MAX(金额免赔额, CYBER.WAITINGDEDUCTIBLE(…))；对保障 REP 的声誉损害索赔为等待期损失加上受每日上限约束的 CYBER.REPUTATIONAL 金额，以等待期损失作为 REP 的免赔额。随后 CYBER.ALLOCATE 对每个事件只适用一次最大的免赔额并适用各保障及保单限额，因此模板合计（ALLOCATE 溢出结果之和）从不超过保单累计限额（属性测试以随机输入检验）。CYBER.HOURLYBI 作为单独数字留在表上，不计入合计。',
  },
  'ISO template: loss sustained during prior insurance': {
    where: 'ISO 模板：前保险期间发生的损失',
    reading: '未通过 LOSSSUSTAINED 的损失赔付 0，除非：损失发生在前一保险期间，本保单自前保单最后一天的次日起承保（即时接续），保障相同，且在本保单下发现；此时适用较低的限额（同一保险人连续承保时取较高者，见 PRIORLIMIT）。两个或更多期间之前的损失赔付 0。',
  },
  'CPIC template: the overall 责任限额': {
    where: '太保模板：总责任限额',
    reading: '合计 = min(各保障之和, 责任限额 − 本期间此前已赔付的全部金额)；条款未规定总限额发生作用时由哪项保障让出，因此表上列示各保障适用总限额前的金额及适用后的合计。',
  },
  'Catalogue: `CYBER.FX` in Excel': {
    where: '函数目录：Excel 中的 CYBER.FX',
    reading: 'Excel 无法注册两个字母的函数，因此加载项将 CYBER.FX 注册为 CYBER.FXRATE；工作台与命令行两个名称均接受，Excel 中编写的工作簿在各处计算结果相同。消息按调用时的函数名称命名。',
  },
  'Catalogue: blank and missing arguments': {
    where: '函数目录：空白与省略的参数',
    reading:
      '必填数字参数的空白单元格按 0 计（与 Excel 一致，较旧的桌面版甚至以 0 传入），再经校验：空白的收益（须 > 0）或日期为 #VALUE!，空白的免赔额为 0；必填的文本或选项为空白时为 #VALUE!「…为必填，但为空白」。在调用中省略的必填参数（参数较少，或空参数 f(a,,c)）在能够区分的宿主（命令行、工作台）中为 #VALUE!「…为必填，但在调用中被省略」；Excel 将空参数作为空白单元格传入，因此按空白解读，函数提示已注明。在表格中（命令行、工作台）参数个数错误由引擎判断，消息指明函数及缺少的参数。',
  },
  'Catalogue: types and dates': {
    where: '函数目录：类型与日期',
    reading: '需要数字处给出文本为 #VALUE!，以文本形式输入的数字亦然；布尔值不是数字（只有布尔参数接受 1/0）。日期为 61（1900-03-01）至 2958465（9999-12-31）的序列号：1900 年 3 月之前 Excel 的日历有一天并不存在。EDATE 保留日期的时刻——"事故前 12 个月"EDATE(incident_date, −12) 保留事故的时刻（Excel 自身的 EDATE 会舍去；整日日期两者一致）。',
  },
  'Catalogue: limits of the engine': {
    where: '函数目录：引擎的限制',
    reading:
      '按小时的序列最多 8,784 个值（闰年的小时数），其他序列最多 100,000 个（LMCIT 共享池成员不足一千）：更长的序列立即在一个单元格中返回 #NUM!，不预留百万单元格的溢出区域。固定长度的序列（LMCITLIMIT 的五个回答）保留其"恰好 5 个值"的 #VALUE! 规则。金额序列中的负值为 #VALUE! 并指明位置。超出单元格可容纳范围的结果（1e308 + 1e308）为 #NUM!，从不为 Infinity；晚于 9999-12-31 的期限同样为 #NUM!，与 Excel 的 EDATE 一致。',
  },
};
