/**
 * examples/samsung-limits-and-claims: a Samsung cyber policy's covers tree, a year of claims
 * settled by CYBER.ALLOCATE, what is left of each cover (CYBER.REMAINING), a hammer-clause case,
 * a recovery, other insurance, and the policy's dates. Hand check: examples/README.md.
 *
 * Lanting Cloud Logistics Co., Ltd. (兰亭云物流有限公司) is fictional, as are its figures.
 */
const { SheetLayout } = require('./layout');

const SRC = 'SAMSUNG';

/** Covers tree (SAMSUNG 第四–十九条 covers; limits 第二十四–二十六条; deductibles 第二十七–三十条). */
const COVERS = [
  // id, parent, per-claim/event limit, aggregate, deductible, nesting, English, 中文, source.
  // Nesting "aggregate": 第二十五条 (四) and 第二十六条 (三)(五)(七) make these sub-limits part of the
  // parent's aggregate (「……累计责任限额的一部分，不额外增加后者的责任限额」), not of its per-claim limit.
  ['SEC', '', 2000000, 2000000, 50000, '', 'Security liability', '安全责任', '第四条; 第二十五条 (一)(二)'],
  ['PRIV', '', 2000000, 2000000, 50000, '', 'Privacy liability', '隐私责任', '第五条; 第二十五条 (一)(二)'],
  ['REG', '', 750000, 1000000, 50000, '', 'Regulatory proceedings', '监管调查诉讼', '第七条; 第二十五条'],
  ['PCI', 'REG', 250000, 250000, 50000, 'aggregate', 'PCI DSS non-compliance (part of REG)', 'PCI 数据安全标准违规（含于监管调查诉讼）', '第八条; 第二十五条 (四)'],
  ['IR', '', 500000, 500000, 25000, '', 'Incident response costs', '事故响应费用', '第九条; 第二十六条 (一)(二)'],
  ['BI', '', 1500000, 1500000, 100000, '', 'Business interruption (revenue loss)', '营业收入损失', '第十条; 第二十六条; 第二十九条'],
  ['CBI', 'BI', 500000, 500000, 100000, 'aggregate', 'Contingent business interruption (part of BI)', '连带营业收入损失（含于营业收入损失）', '第十一条; 第二十六条 (三)'],
  ['EXT', '', 500000, 800000, 50000, '', 'Cyber extortion', '网络勒索', '第十五条; 第二十六条'],
  ['RWD', 'EXT', '', 100000, '', 'aggregate', 'Reward payment (part of EXT, no deductible)', '报酬支付（含于网络勒索，不适用免赔额）', '第十六条; 第二十六条 (五); 第三十条'],
  ['SE', '', 250000, 250000, 25000, '', 'Social-engineering funds-transfer fraud', '社会工程学资金转账诈骗', '第十八条; 第二十六条'],
  ['SEP', 'SE', '', 50000, 25000, 'aggregate', 'Social-engineering theft of personal funds (part of SE)', '社会工程学盗窃个人资金（含于社会工程学资金转账诈骗）', '第十九条; 第二十六条 (七)'],
];

/**
 * Claims in the order they were made. Rows with the same event id are one claim/event
 * (第三十二、三十三条); E2's PCI assessment and notification costs arrive after E3 began.
 */
const CLAIMS = [
  // key, event, cover, amount, date, English, 中文
  ['E1-IR', 'E1', 'IR', 180000, [2025, 3, 10], 'Ransomware on the warehouse system: forensics, notification', '仓储系统勒索软件：取证、通知'],
  ['E1-BI', 'E1', 'BI', 1200000, [2025, 3, 10], 'Ransomware: revenue lost while the system was down', '勒索软件：系统中断期间营业收入损失'],
  ['E1-EXT', 'E1', 'EXT', 400000, [2025, 3, 11], 'Ransomware: extortion payment and negotiator', '勒索软件：勒索款项及谈判费用'],
  ['E2-PRIV', 'E2', 'PRIV', 1900000, [2025, 5, 20], 'Card-data breach: customers’ class action (settlement + defence)', '支付卡数据泄露：客户集体诉讼（和解 + 抗辩）'],
  ['E2-REG', 'E2', 'REG', 350000, [2025, 6, 15], 'Card-data breach: regulator’s investigation', '支付卡数据泄露：监管调查'],
  ['E3-CBI', 'E3', 'CBI', 700000, [2025, 7, 2], 'Cloud provider outage: contingent revenue loss', '云服务商中断：连带营业收入损失'],
  ['E3-IR', 'E3', 'IR', 60000, [2025, 7, 3], 'Cloud provider outage: incident response', '云服务商中断：事故响应'],
  ['E2-PCI', 'E2', 'PCI', 420000, [2025, 7, 20], 'Card-data breach: card brands’ PCI assessment (related claim)', '支付卡数据泄露：卡组织 PCI 评估罚款（相关索赔）'],
  ['E2-IR', 'E2', 'IR', 120000, [2025, 7, 25], 'Card-data breach: notification and credit monitoring', '支付卡数据泄露：通知与信用监控'],
  ['E4-RWD', 'E4', 'RWD', 120000, [2025, 8, 5], 'Second extortion attempt: reward for information', '第二次勒索：悬赏报酬'],
  ['E4-EXT', 'E4', 'EXT', 150000, [2025, 8, 5], 'Second extortion attempt: response costs', '第二次勒索：应对费用'],
  ['E5-SE', 'E5', 'SE', 180000, [2025, 9, 9], 'Fake supplier e-mail: company funds transferred', '冒充供应商邮件：公司资金被转走'],
  ['E5-SEP', 'E5', 'SEP', 70000, [2025, 9, 9], 'Same fraud: a director’s personal account emptied', '同一诈骗：一名高管个人账户被盗'],
  ['E6-SEC', 'E6', 'SEC', 2600000, [2025, 11, 18], 'Malware passed to a customer: customer sues', '恶意软件传给客户：客户起诉'],
  ['E6-REG', 'E6', 'REG', 300000, [2025, 12, 2], 'Same malware: regulator’s investigation', '同一恶意软件：监管调查'],
];

const EVENTS = [
  ['E1', 'Largest deductible 100,000 (BI) taken once, from the first row', '只扣一次最大免赔额 100,000（营业收入损失），从第一行扣除'],
  ['E2', 'PCI capped at its 250,000 sublimit; policy per-claim limit 2,500,000 reached', 'PCI 以 250,000 分项限额为限；达到保险单每次索赔限额 2,500,000'],
  ['E3', 'CBI limited by what is left of the BI aggregate (300,000)', '连带营业收入损失以营业收入损失剩余累计限额 300,000 为限'],
  ['E4', 'Reward payment bears no deductible; capped at 100,000', '报酬支付不适用免赔额；以 100,000 为限'],
  ['E5', 'Personal funds capped at the 50,000 sublimit', '个人资金以 50,000 分项限额为限'],
  ['E6', 'Security liability capped at its 2,000,000 per-claim limit', '安全责任以每次索赔限额 2,000,000 为限'],
];

function build() {
  const s = new SheetLayout({ name: 'Claims 理赔', widths: [52, 40, 20, 24, 22, 14, 46, 40, 22, 36], frozenRows: 4 });
  s.title('Samsung cyber policy — limits tree and a year of claims — Lanting Cloud Logistics Co., Ltd. 兰亭云物流有限公司 (fictional)');
  s.title('Amounts in USD. Rules: 三星财产保险 网络安全综合保险 第二十一、二十四–三十三、四十一、四十三、四十五、四十九条. Formulas use the CYBER add-in (cyberbi).');
  s.blank();
  s.header(['Item', '项目', 'Value 数值', 'Source 依据']);

  s.section('1. Policy schedule 保险单明细');
  s.item('policyStart', 'Policy period: first day', '保险期间起始日', { date: [2025, 1, 1] }, 'date', `${SRC} 第三十四条`);
  s.item('policyEnd', 'Policy period: last day', '保险期间终止日', { date: [2025, 12, 31] }, 'date', `${SRC} 第三十四条`);
  s.item('retroDate', 'Retroactive date', '追溯日期', { date: [2023, 1, 1] }, 'date', `${SRC} 第一部分`);
  s.item('premium', 'Annual premium', '保险费', 146000, 'amount', `${SRC} 第四十九条`);
  s.item('policyAgg', 'Policy aggregate limit', '保险单累计责任限额', 7500000, 'amount', `${SRC} 第二十四条`);
  s.item('policyPerClaim', 'Policy per-claim limit', '保险单每次索赔责任限额', 2500000, 'amount', `${SRC} 第二十四条`);
  s.item('namedRevenue', 'Named insured’s revenue, last financial year', '记名被保险人上一年度营业收入', 400000000, 'amount', `${SRC} 第四十一条 (一)`);
  s.blank();

  s.section('2. Covers: a child’s limits are part of its parent’s aggregate (nesting) 保障项目：下级限额包含在上级累计限额之内（嵌套方式）');
  s.table('covers', {
    header: ['Cover id 保障编号', 'Parent 上级编号', 'Per-claim/event limit 每次索赔/事件限额', 'Aggregate limit 累计限额', 'Deductible 免赔额', 'Nesting 嵌套方式', 'Cover', '保障', 'Aggregate left 剩余累计限额', 'Source 依据'],
    rows: COVERS.map(([id, parent, per, agg, ded, nesting, en, zh, src]) => ({
      key: id,
      cells: [
        id,
        parent,
        per,
        agg,
        ded,
        nesting,
        en,
        zh,
        (r) => `=CYBER.REMAINING(${r.range('claims', 'claims')},${r.range('covers', 'covers')},A${r.row('covers', id)},${r.c('policyAgg')},${r.c('policyPerClaim')})`,
        `${SRC} ${src}`,
      ],
    })),
    fmts: [undefined, undefined, 'amount', 'amount', 'amount', undefined, undefined, undefined, 'amount'],
    styles: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'note'],
    ranges: { covers: [0, 5] },
  });
  s.blank();

  s.section('3. Claims: rows with the same event id are one claim/event 索赔：事件编号相同的行为同一索赔/事件 (第三十二、三十三条)');
  s.table('claims', {
    header: ['Event 事件', 'Cover 保障', 'Amount (loss + defence) 金额', 'Payable 应付', 'Date 日期', 'What happened', '经过'],
    rows: CLAIMS.map(([key, event, cover, amount, date, en, zh]) => ({ key, cells: [event, cover, amount, '', { date }, en, zh] })),
    fmts: [undefined, undefined, 'amount', 'amount', 'date'],
    ranges: { claims: [0, 2] },
    spill: {
      col: 3,
      fmt: 'amount',
      value: (r) => `=CYBER.ALLOCATE(${r.range('claims', 'claims')},${r.range('covers', 'covers')},${r.c('policyAgg')},${r.c('policyPerClaim')})`,
    },
  });
  s.blank();

  s.section('4. Totals 合计');
  s.item('totalClaimed', 'Claimed (loss + defence costs)', '索赔金额合计', (r) => `=SUM(${r.col('claims', 2)})`, 'amount', 'standard functions');
  s.item('totalPayable', 'Payable', '应付合计', (r) => `=SUM(${r.col('claims', 3)})`, 'amount', `${SRC} 第二十四–二十八条`, { style: 'total' });
  s.item('totalNotPaid', 'Not paid (deductibles and amounts above the limits)', '未赔付（免赔额及超限额部分）', (r) => `=${r.c('totalClaimed')}-${r.c('totalPayable')}`, 'amount', 'standard functions');
  s.item('policyAggLeft', 'Policy aggregate left', '保险单剩余累计限额', (r) => `=${r.c('policyAgg')}-${r.c('totalPayable')}`, 'amount', `${SRC} 第二十四条`);
  s.table('events', {
    header: ['Event 事件', 'Claimed 索赔', 'Payable 应付', 'Not paid 未赔付', 'What limits it', '限额说明'],
    rows: EVENTS.map(([id, en, zh]) => ({
      key: id,
      cells: [
        id,
        (r) => `=SUMIF(${r.col('claims', 0)},A${r.row('events', id)},${r.col('claims', 2)})`,
        (r) => `=SUMIF(${r.col('claims', 0)},A${r.row('events', id)},${r.col('claims', 3)})`,
        (r) => `=B${r.row('events', id)}-C${r.row('events', id)}`,
        en,
        zh,
      ],
    })),
    fmts: [undefined, 'amount', 'amount', 'amount'],
  });
  s.blank();

  s.section('5. Hammer clause: the insured refused a settlement the claimant accepted 和解拒绝 (第二十一条)');
  s.item('hammerTotal', 'Final loss + defence costs of the claim', '损失和抗辩费用合计', 2200000, 'amount', `${SRC} 第二十一条`);
  s.item('hammerOffer', 'Settlement the claimant accepted', '索赔人接受的和解金', 900000, 'amount', `${SRC} 第二十一条 (一)`);
  s.item('hammerDefence', 'Defence costs up to the refusal', '拒绝和解之日前的抗辩费用', 120000, 'amount', `${SRC} 第二十一条 (一)`);
  s.item('hammerShare', 'Insurer’s share of the rest', '超出部分保险人承担比例', 0.7, 'ratio', `${SRC} 第二十一条 (二)`);
  s.item('hammerLimit', 'Applicable limit (privacy liability, per claim)', '适用限额（隐私责任每次索赔）', (r) => `=${r.cell('covers', 'PRIV', 2)}`, 'amount', `${SRC} 第二十五条 (二)`);
  s.item('hammerPay', 'Insurer pays at most', '保险人最多赔付', (r) => `=CYBER.HAMMER(${r.c('hammerTotal')},${r.c('hammerOffer')},${r.c('hammerDefence')},${r.c('hammerShare')},${r.c('hammerLimit')})`, 'amount', `${SRC} 第二十一条`, { style: 'total' });
  s.item('hammerInsured', 'Borne by the insured', '由被保险人自行承担', (r) => `=${r.c('hammerTotal')}-${r.c('hammerPay')}`, 'amount', `${SRC} 第二十一条`);
  s.blank();

  s.section('6. Recovery from the cloud provider (event E3) 向云服务商追偿（事件 E3） (第四十五条)');
  s.item('recLoss', 'Loss (E3 contingent BI)', '损失（E3 连带营业收入损失）', (r) => `=${r.cell('claims', 'E3-CBI', 2)}`, 'amount', `${SRC} 第四十五条`);
  s.item('recDeductible', 'Deductible the insured bore', '被保险人承担的免赔额', (r) => `=${r.cell('covers', 'CBI', 4)}`, 'amount', `${SRC} 第二十八条`);
  s.item('recPaid', 'Insurer paid (the ALLOCATE result beside the row)', '保险人已赔付', (r) => `=${r.cell('claims', 'E3-CBI', 3)}`, 'amount', `${SRC} 第二十六条 (三)`);
  s.item('recovered', 'Recovered from the provider', '从服务商追回金额', 760000, 'amount', `${SRC} 第四十五条`);
  s.item('recCosts', 'Costs of the recovery (lawyers)', '追偿费用（律师费）', 40000, 'amount', `${SRC} 第四十五条`);
  s.header(['Distribution of the net recovery', '净追偿款分配', '1. Insured: loss above the limit 被保险人：超限额损失', '2. Insurer 保险人', '3. Insured: deductible 被保险人：免赔额', '4. Remainder 余额']);
  s.item(
    'recovery',
    'Net recovery, top down',
    '净追偿款自上而下分配',
    (r) => `=CYBER.RECOVERY(${r.c('recovered')},${r.c('recCosts')},${r.c('recLoss')},${r.c('recDeductible')},${r.c('recPaid')})`,
    'amount',
    `${SRC} 第四十五条 1–3`,
    { spill: { rows: 1, cols: 4 }, noteCol: 7 },
  );
  s.blank();

  s.section('7. Other insurance (information): a crime policy also covers the E5 transfer fraud 其他保险（参考）');
  s.item('oiLoss', 'Loss (E5 funds-transfer fraud)', '损失（E5 资金转账诈骗）', (r) => `=${r.cell('claims', 'E5-SE', 2)}`, 'amount', '');
  s.item('oiOwn', 'This policy’s limit (SE per claim)', '本保单限额（每次索赔）', (r) => `=${r.cell('covers', 'SE', 2)}`, 'amount', `${SRC} 第二十六条 (二)`);
  s.item('oiOther', 'Crime policy’s limit', '犯罪保险限额', 100000, 'amount', 'ISO CR 00 21 Other Insurance');
  s.item('oiExcess', 'This policy as excess insurance', '本保单作为超额保险', (r) => `=CYBER.OTHERINSURANCE(${r.c('oiLoss')},${r.c('oiOwn')},${r.c('oiOther')},"excess")`, 'amount', 'ISO CR 00 21 Other Insurance');
  s.item('oiContribution', 'This policy’s share pro rata by limits', '按限额比例分摊', (r) => `=CYBER.OTHERINSURANCE(${r.c('oiLoss')},${r.c('oiOwn')},${r.c('oiOther')},"contribution")`, 'amount', 'ISO CR 00 21 Other Insurance');
  s.blank();

  s.section('8. Dates, notices and policy changes 日期、通知与保单变更');
  s.item('actE2', 'E2 wrongful act (breach began)', 'E2 不当行为日（泄露开始）', { date: [2024, 11, 15] }, 'date', `${SRC} 第三十二条`);
  s.item('claimE2', 'E2 claim first made', 'E2 索赔首次提出日', (r) => `=${r.cell('claims', 'E2-PRIV', 4)}`, 'date', `${SRC} 第三十二条`);
  s.item('claimsMadeE2', 'E2 is a claim made in the period', 'E2 属于保险期间内提出的索赔', (r) => `=CYBER.CLAIMSMADE(${r.c('actE2')},${r.c('claimE2')},${r.c('retroDate')},${r.c('policyStart')},${r.c('policyEnd')})`, undefined, `${SRC} 第一部分; 第四条`);
  s.item('actOld', 'Another claim: wrongful act', '另一索赔：不当行为日', { date: [2022, 10, 1] }, 'date', '');
  s.item('claimOld', 'Another claim: first made', '另一索赔：首次提出日', { date: [2025, 9, 1] }, 'date', '');
  s.item('claimsMadeOld', 'Covered? (act before the retroactive date)', '是否承保（不当行为早于追溯日）', (r) => `=CYBER.CLAIMSMADE(${r.c('actOld')},${r.c('claimOld')},${r.c('retroDate')},${r.c('policyStart')},${r.c('policyEnd')})`, undefined, `${SRC} 第一部分`);
  s.item('noticeClaim', 'Last day to notify a claim', '索赔通知最后期限', (r) => `=CYBER.NOTICEBY("claim",${r.c('claimE2')},${r.c('policyEnd')})`, 'date', `${SRC} 第四十三条 (二) 1`);
  s.item('noticeIncident', 'Last day to notify E1 (incident response)', 'E1 事件通知最后期限', (r) => `=CYBER.NOTICEBY("incident",${r.cell('claims', 'E1-IR', 4)},${r.c('policyEnd')})`, 'date', `${SRC} 第四十三条 (三) 1`);
  s.item('noticeExtortion', 'Last day to notify E4 (extortion)', 'E4 勒索通知最后期限', (r) => `=CYBER.NOTICEBY("extortion",${r.cell('claims', 'E4-RWD', 4)},${r.c('policyEnd')})`, 'date', `${SRC} 第四十三条 (三) 3`);
  s.item('noticeProof', 'Last day for E1’s proof of loss', 'E1 损失证明最后期限', (r) => `=CYBER.NOTICEBY("proof",${r.cell('claims', 'E1-IR', 4)},${r.c('policyEnd')})`, 'date', `${SRC} 第四十三条 (三) 1`);
  s.item('cancelDate', 'If the named insured cancelled on', '如记名被保险人于此日解除', { date: [2025, 10, 1] }, 'date', `${SRC} 第四十九条 (一) 1`);
  s.item(
    'returnPremium',
    'Return premium (2025-12-31 is the last day of cover; cancelled from 2025-10-01)',
    '退还保费（2025-12-31 为最后承保日；自 2025-10-01 起解除）',
    (r) => `=CYBER.RETURNPREMIUM(${r.c('premium')},${r.c('policyStart')},${r.c('policyEnd')},${r.c('cancelDate')})`,
    'amount',
    `${SRC} 第四十九条 (一) 4`,
  );
  s.table('acquisitions', {
    header: ['Acquired subsidiary 被收购子公司', 'Revenue 营业收入', 'Acquired 收购日', 'Notice 通知日', 'Cover 保障 (第四十一条 (一))'],
    rows: [
      ['Subsidiary A: last-mile courier 子公司A：末端配送', 60000000, { date: [2025, 4, 1] }, '', (r) => `=CYBER.ACQUISITION(B${r.row('acquisitions', 'A')},${r.c('namedRevenue')},C${r.row('acquisitions', 'A')})`],
      ['Subsidiary B: cold-chain warehouses 子公司B：冷链仓储', 120000000, { date: [2025, 6, 30] }, { date: [2025, 9, 15] }, (r) => `=CYBER.ACQUISITION(B${r.row('acquisitions', 'B')},${r.c('namedRevenue')},C${r.row('acquisitions', 'B')},D${r.row('acquisitions', 'B')})`],
      ['Subsidiary C: customs broker 子公司C：报关行', 100000000, { date: [2025, 4, 1] }, '', (r) => `=CYBER.ACQUISITION(B${r.row('acquisitions', 'C')},${r.c('namedRevenue')},C${r.row('acquisitions', 'C')})`],
    ].map((cells, i) => ({ key: 'ABC'[i], cells })),
    fmts: [undefined, 'amount', 'date', 'date'],
  });
  return s;
}

// COVERS: also the tree of examples/samsung-annual-loss (the same policy, simulated).
module.exports = { file: 'samsung-limits-and-claims', build, COVERS };
