/**
 * examples/lmcit-member: an LMCIT member city's cyber, liability and crime figures — the
 * first-party aggregate its loss-control answers earn (CYBER.LMCITLIMIT), a vendor breach shared
 * by many member cities (CYBER.POOLSHARE), a year of liability claims against the data-security
 * breach aggregate and its PCI/regulatory sublimit (CYBER.ALLOCATE, CYBER.REMAINING), and crime
 * (CYBER.CRIMEPAYOUT, CYBER.PRIORLIMIT, CYBER.LOSSSUSTAINED). Hand check: examples/README.md.
 *
 * The City of North Meadow (北草甸市) and the other member cities are fictional, as are their figures.
 */
const { SheetLayout } = require('./layout');

const LMCIT = 'LMCIT';
const ISO = 'ISO CR 00 21';

const QUESTIONS = [
  ['Annual cyber training for all employees?', '是否为所有员工提供年度网络培训？', 'yes', true],
  ['A computer-use policy?', '是否有电脑使用政策？', 'yes', true],
  ['A firewall between the internet and the member’s network?', '在互联网和会员网络之间有防火墙吗？', 'yes', '是'],
  ['Anti-virus and Windows updated monthly?', '是否每月更新杀毒软件和 Windows 软件？', 'yes', false],
  ['A monthly data backup procedure?', '是否有每月的数据备份程序？', 'yes', ''],
];

/**
 * The other member cities whose systems ran the same billing vendor's software (one common
 * cause): first-party aggregate from their own answers, and their first-party costs.
 */
const MEMBERS = [
  [500000, 512000], [500000, 640000], [500000, 585000], [500000, 730000], [500000, 505000], [500000, 820000],
  [500000, 615000], [500000, 560000], [500000, 990000], [500000, 530000], [500000, 675000], [500000, 700000],
  [500000, 545000], [500000, 610000], [500000, 880000], [500000, 525000], [500000, 650000],
  [250000, 310000], [250000, 275000], [250000, 402000], [250000, 260000],
  [500000, 365000],
];

const LIABILITY_COVERS = [
  ['LIAB', '', 2000000, '', '', 'Municipal liability, computer-related claims (per occurrence)', '市政责任：计算机相关索赔（每次事故）', `${LMCIT} $2M per occurrence`],
  ['BREACH', 'LIAB', '', 3000000, '', 'Third-party claims from data security breaches', '数据安全漏洞引起的第三方索赔', `${LMCIT} $3M annual aggregate`],
  ['PCIREG', 'BREACH', '', 250000, '', 'PCI fines and assessments; breach regulatory fines (part of BREACH)', 'PCI 罚款及评估；数据安全漏洞监管罚款（含于 BREACH）', `${LMCIT} $250k sublimit, part of the $3M`],
  ['OTHER', 'LIAB', '', '', '', 'Other computer-related liability (the $3M aggregate does not apply)', '其他计算机相关责任（不适用 300 万累计限额）', `${LMCIT} harassment, defamation, IP`],
];

const LIABILITY_CLAIMS = [
  ['O1-BREACH', 'O1', 'BREACH', 450000, [2025, 2, 11], 'Stolen laptop: employees’ Social Security numbers accessed', '笔记本电脑被盗：员工社会安全号码被访问'],
  ['O2-BREACH', 'O2', 'BREACH', 1500000, [2025, 5, 6], 'Utility-billing card numbers hacked: customers sue', '水电计费系统信用卡号被黑：客户起诉'],
  ['O2-PCI', 'O2', 'PCIREG', 180000, [2025, 6, 2], 'Same breach: card brands’ PCI assessment', '同一漏洞：卡组织 PCI 评估'],
  ['O2-FINE', 'O2', 'PCIREG', 120000, [2025, 7, 14], 'Same breach: state regulatory fine', '同一漏洞：州监管罚款'],
  ['O3-BREACH', 'O3', 'BREACH', 950000, [2025, 8, 19], 'Water-tower control system hacked: residents sue', '水塔控制系统被黑：居民起诉'],
  ['O3-FINE', 'O3', 'PCIREG', 200000, [2025, 9, 30], 'Same breach: regulatory fine', '同一漏洞：监管罚款'],
  ['O4-OTHER', 'O4', 'OTHER', 350000, [2025, 10, 7], 'Harassment by e-mail: employee sues', '利用电子邮件骚扰：员工起诉'],
  ['O5-OTHER', 'O5', 'OTHER', 2400000, [2025, 11, 24], 'Defamatory listserv post about a vendor', '在邮件列表发布诽谤供应商的言论'],
];

function build() {
  const s = new SheetLayout({ name: 'Member 成员', widths: [56, 40, 20, 26, 24, 24, 40, 34, 30], frozenRows: 4 });
  s.title('LMCIT member coverage — City of North Meadow, Minnesota 北草甸市 (fictional)');
  s.title('Amounts in USD. Rules: League of Minnesota Cities Insurance Trust (LMCIT) coverage summary; ISO Commercial Crime Coverage Form CR 00 21 (loss sustained). Formulas use the CYBER add-in (cyberbi).');
  s.blank();
  s.header(['Item', '项目', 'Value 数值', 'Source 依据']);

  s.section('1. First-party cyber: the five loss-control questions 第一方网络保障：五个防损问题');
  s.table('answers', {
    header: ['Question', '问题', 'North Meadow 北草甸市', 'South Prairie 南草原市 (comparison)'],
    rows: QUESTIONS.map(([en, zh, a, b], i) => ({ key: i + 1, cells: [en, zh, a, b] })),
  });
  // The higher limit is an option bought for an additional premium by a member that can answer
  // yes to all five questions; answering yes alone does not raise it (LMCIT coverage summary).
  const raisedRow = s.item('raised', 'Bought the higher limit for the additional premium?', '是否已加费购买较高限额？', true, undefined, `${LMCIT} optional higher limit`, { noteCol: 5 });
  s.put(raisedRow, 4, false);
  const limitRow = s.item(
    'fpAggregate',
    'First-party aggregate per member (500,000 if the higher limit was bought and all five are yes)',
    '每成员第一方累计限额（已购买较高限额且五项均为是则 500,000）',
    (r) => `=CYBER.LMCITLIMIT(${r.col('answers', 2)},C${raisedRow})`,
    'amount',
    undefined,
    { style: 'total' },
  );
  s.put(limitRow, 4, (r) => `=CYBER.LMCITLIMIT(${r.col('answers', 3)},D${raisedRow})`, { fmt: 'amount' });
  s.put(limitRow, 5, `${LMCIT} $250,000 / $500,000`, { style: 'note' });
  s.blank();

  s.section('2. First-party breach: the utility-billing vendor’s ransomware 第一方：水电计费服务商遭勒索软件攻击');
  s.item('breachDate', 'Breach discovered', '发现数据泄露日期', { date: [2025, 4, 14] }, 'date', LMCIT);
  s.item('fpResponse', 'Breach response: legal and IT advice, notices, credit monitoring', '数据泄露响应：法律与 IT 咨询、通知、信用监控', 180000, 'amount', `${LMCIT} first-party 1`);
  s.item('fpRevenue', 'Loss of revenue, extra and expediting expense', '收入损失、额外费用与加急费用', 95000, 'amount', `${LMCIT} first-party 2`);
  s.item('fpData', 'Restoring electronic data', '恢复电子数据', 60000, 'amount', `${LMCIT} first-party 3`);
  s.item('fpEquipment', 'Repairing computer equipment', '修复电脑设备', 40000, 'amount', `${LMCIT} first-party 4`);
  s.item('fpCosts', 'First-party costs', '第一方费用合计', (r) => `=SUM(${r.c('fpResponse')}:${r.c('fpEquipment')})`, 'amount', 'standard functions');
  s.item('fpClaim', 'Within the member’s aggregate', '以成员累计限额为限', (r) => `=CYBER.LAYER(${r.c('fpCosts')},0,${r.c('fpAggregate')})`, 'amount', `${LMCIT} aggregate per member`);
  s.blank();

  s.section('3. Shared pool: 23 member cities hit through the same vendor (one common cause) 共享限额：同一服务商导致 23 个成员城市受损');
  s.note('Pro rata when the claims exceed the pool is this product’s stated assumption: the LMCIT summary says the $10M is shared, not how. 超出共享限额时按比例分摊是本产品的明示假设：LMCIT 说明只说限额共享，未说明如何分摊。');
  s.item('poolLimit', 'Shared limit per common cause', '同一原因共享限额', 10000000, 'amount', `${LMCIT} $10M per common cause`);
  s.item('poolRemaining', 'Left of the $25M 12-month pool aggregate', '12 个月 2,500 万总限额的剩余额', 25000000, 'amount', `${LMCIT} $25M in 12 months`);
  s.item('poolLater', 'If only this much were left of the $25M', '如 2,500 万总额仅剩', 6000000, 'amount', `${LMCIT} $25M in 12 months`);
  const memberRows = [
    { key: 'NM', cells: ['City of North Meadow 北草甸市', (r) => `=${r.c('fpAggregate')}`, (r) => `=${r.c('fpCosts')}`, (r) => `=MIN(B${r.row('members', 'NM')},C${r.row('members', 'NM')})`] },
    ...MEMBERS.map(([agg, costs], i) => {
      const key = `M${String(i + 2).padStart(2, '0')}`;
      return { key, cells: [`Member city ${String(i + 2).padStart(2, '0')} 成员城市 ${String(i + 2).padStart(2, '0')}`, agg, costs, (r) => `=MIN(B${r.row('members', key)},C${r.row('members', key)})`] };
    }),
  ];
  const membersTop = s.table('members', {
    header: ['Member city 成员城市', 'Aggregate 累计限额', 'First-party costs 第一方费用', 'Claim within aggregate 限额内索赔', 'Pool share 共享池赔付', 'Pool share if only 6,000,000 left 剩余 600 万时'],
    rows: memberRows,
    fmts: [undefined, 'amount', 'amount', 'amount', 'amount', 'amount'],
  });
  // The two pool columns spill down beside the claims, one value per member.
  s.put(membersTop + 1, 5, (r) => `=CYBER.POOLSHARE(${r.col('members', 3)},${r.c('poolLimit')},${r.c('poolRemaining')})`, { fmt: 'amount', spill: { rows: memberRows.length, cols: 1 } });
  s.put(membersTop + 1, 6, (r) => `=CYBER.POOLSHARE(${r.col('members', 3)},${r.c('poolLimit')},${r.c('poolLater')})`, { fmt: 'amount', spill: { rows: memberRows.length, cols: 1 } });
  s.item('poolClaims', 'Members’ claims', '成员索赔合计', (r) => `=SUM(${r.col('members', 3)})`, 'amount', 'standard functions');
  s.item('poolAvailable', 'Available for this cause', '本原因可用额度', (r) => `=MIN(${r.c('poolLimit')},${r.c('poolRemaining')})`, 'amount', `${LMCIT} shared pool`);
  s.item('poolFactor', 'Pro-rata factor (available ÷ claims)', '分摊比例（可用额度 ÷ 索赔合计）', (r) => `=${r.c('poolAvailable')}/${r.c('poolClaims')}`, 'ratio', 'stated assumption 明示假设');
  s.item('poolPaid', 'Paid from the pool', '共享池赔付合计', (r) => `=SUM(${r.col('members', 4)})`, 'amount', 'standard functions');
  s.item('poolNorthMeadow', 'North Meadow’s recovery for the breach', '北草甸市本次数据泄露获赔', (r) => `=${r.cell('members', 'NM', 4)}`, 'amount', `${LMCIT} shared pool`, { style: 'total' });
  s.blank();

  s.section('4. Municipal liability (claims-made): one year of computer-related claims 市政责任保险（索赔发生制）：一年的计算机相关索赔');
  s.table('liabCovers', {
    header: ['Cover id 保障编号', 'Parent 上级编号', 'Per-occurrence limit 每次事故限额', 'Annual aggregate 年度累计限额', 'Deductible 免赔额', 'Cover', '保障', 'Aggregate left 剩余累计限额', 'Source 依据'],
    rows: LIABILITY_COVERS.map(([id, parent, per, agg, ded, en, zh, src]) => ({
      key: id,
      cells: [id, parent, per, agg, ded, en, zh, (r) => `=CYBER.REMAINING(${r.range('liabClaims', 'claims')},${r.range('liabCovers', 'covers')},A${r.row('liabCovers', id)})`, src],
    })),
    fmts: [undefined, undefined, 'amount', 'amount', 'amount', undefined, undefined, 'amount'],
    styles: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'note'],
    ranges: { covers: [0, 4] },
  });
  s.blank();
  s.table('liabClaims', {
    header: ['Occurrence 事故', 'Cover 保障', 'Amount (damages + defence) 金额', 'Payable 应付', 'Date 日期', 'What happened', '经过'],
    rows: LIABILITY_CLAIMS.map(([key, occurrence, cover, amount, date, en, zh]) => ({ key, cells: [occurrence, cover, amount, '', { date }, en, zh] })),
    fmts: [undefined, undefined, 'amount', 'amount', 'date'],
    ranges: { claims: [0, 2] },
    spill: { col: 3, fmt: 'amount', value: (r) => `=CYBER.ALLOCATE(${r.range('liabClaims', 'claims')},${r.range('liabCovers', 'covers')})` },
  });
  s.item('liabClaimed', 'Claimed', '索赔合计', (r) => `=SUM(${r.col('liabClaims', 2)})`, 'amount', 'standard functions');
  s.item('liabPayable', 'Payable', '应付合计', (r) => `=SUM(${r.col('liabClaims', 3)})`, 'amount', LMCIT, { style: 'total' });
  s.item(
    'liabBreachPaid',
    'Of which under the data-security breach aggregate',
    '其中计入数据安全漏洞累计限额',
    (r) => `=SUMIF(${r.col('liabClaims', 1)},"BREACH",${r.col('liabClaims', 3)})+SUMIF(${r.col('liabClaims', 1)},"PCIREG",${r.col('liabClaims', 3)})`,
    'amount',
    `${LMCIT} $3M annual aggregate`,
  );
  s.blank();

  s.section('5. Crime ($250,000 per occurrence) 犯罪保险（每次事故 250,000）');
  s.item('crimeLimit', 'Crime limit per occurrence', '每次事故犯罪保险限额', 250000, 'amount', `${LMCIT} standard crime limit`);
  s.item('crimeDeductible', 'Deductible per occurrence (this member’s schedule)', '每次事故免赔额（本成员明细表）', 1000, 'amount', `${ISO} Deductible`);
  s.item('specialLimit', 'Special limit: precious metals, manuscripts, drawings, records', '特别限额：贵金属、手稿、图纸、记录', 5000, 'amount', `${ISO} $5,000 special limits`);
  s.item('burglaryLoss', 'Safe burglary at city hall: everything taken', '市政厅保险柜被盗：全部损失', 50000, 'amount', ISO);
  s.item('burglarySpecial', 'Of which gold commemorative coins (9,000) and 1890s plat maps (14,000)', '其中金质纪念币（9,000）和 1890 年代地籍图（14,000）', 23000, 'amount', `${ISO} $5,000 special limits`);
  s.item('burglaryPay', 'Burglary payout', '盗窃赔款', (r) => `=CYBER.CRIMEPAYOUT(${r.c('burglaryLoss')},${r.c('crimeDeductible')},${r.c('crimeLimit')},${r.c('burglarySpecial')},${r.c('specialLimit')})`, 'amount', ISO, { style: 'total' });
  s.item('forgeryLoss', 'Altered city checks', '市政支票被变造', 280000, 'amount', `${ISO} Forgery or Alteration`);
  s.item('forgeryLegal', 'Legal expenses defending the refusal to pay them', '拒付抗辩的法律费用', 12000, 'amount', `${ISO} legal expenses: no deductible`);
  s.item('forgeryPay', 'Forgery payout (legal expenses on top of the limit)', '伪造赔款（法律费用在限额之外）', (r) => `=CYBER.CRIMEPAYOUT(${r.c('forgeryLoss')},${r.c('crimeDeductible')},${r.c('crimeLimit')},0,${r.c('specialLimit')},${r.c('forgeryLegal')})`, 'amount', ISO, { style: 'total' });
  s.item('termStart', 'This policy term: first day', '本保险期间起始日', { date: [2025, 1, 1] }, 'date', `${ISO} Policy Period`);
  s.item('termEnd', 'This policy term: last day', '本保险期间终止日', { date: [2025, 12, 31] }, 'date', `${ISO} Policy Period`);
  s.item('theftDate', 'Employee theft sustained', '员工盗窃发生日', { date: [2025, 9, 3] }, 'date', ISO);
  s.item('theftFound', 'Employee theft discovered', '员工盗窃发现日', { date: [2026, 6, 30] }, 'date', ISO);
  s.item('theftCovered', 'Covered as a loss sustained (discovered within a year after the term)', '按损失发生制承保（期满后一年内发现）', (r) => `=CYBER.LOSSSUSTAINED(${r.c('theftDate')},${r.c('theftFound')},${r.c('termStart')},${r.c('termEnd')})`, undefined, `${ISO} Loss Sustained`);
  s.item('theftReplaced', 'The same if the policy had been replaced by other crime insurance', '如本保单已被其他犯罪保险取代', (r) => `=CYBER.LOSSSUSTAINED(${r.c('theftDate')},${r.c('theftFound')},${r.c('termStart')},${r.c('termEnd')},TRUE)`, undefined, `${ISO} Loss Sustained`);
  s.item('priorStart', 'Prior policy term: first day', '前一保险期间起始日', { date: [2024, 1, 1] }, 'date', `${ISO} prior insurance`);
  s.item('priorEnd', 'Prior policy term: last day', '前一保险期间终止日', { date: [2024, 12, 31] }, 'date', `${ISO} prior insurance`);
  s.item('priorLoss', 'Older theft sustained', '较早的盗窃发生日', { date: [2024, 11, 10] }, 'date', ISO);
  s.item('priorFound', 'Older theft discovered', '较早的盗窃发现日', { date: [2026, 2, 15] }, 'date', ISO);
  s.item('priorUnderPrior', 'Covered by the prior policy? (discovered too late)', '前一保单是否承保（发现过晚）', (r) => `=CYBER.LOSSSUSTAINED(${r.c('priorLoss')},${r.c('priorFound')},${r.c('priorStart')},${r.c('priorEnd')})`, undefined, `${ISO} Loss Sustained`);
  s.item('priorUnderCurrent', 'Covered by this policy as its own loss? (sustained before the term)', '本保单是否作为本期损失承保（发生在本期之前）', (r) => `=CYBER.LOSSSUSTAINED(${r.c('priorLoss')},${r.c('priorFound')},${r.c('termStart')},${r.c('termEnd')})`, undefined, `${ISO} Loss Sustained`);
  s.item('priorLimitValue', 'Prior policy’s limit', '前一保单限额', 100000, 'amount', `${ISO} prior insurance`);
  s.item('priorContinuous', 'Limit for it: continuous cover with LMCIT', '适用限额：LMCIT 连续承保', (r) => `=CYBER.PRIORLIMIT(${r.c('crimeLimit')},${r.c('priorLimitValue')},TRUE)`, 'amount', `${ISO} continuous cover: the larger`);
  s.item('priorReplaced', 'Limit for it: this policy replaced another insurer’s', '适用限额：本保单取代其他保险人的保单', (r) => `=CYBER.PRIORLIMIT(${r.c('crimeLimit')},${r.c('priorLimitValue')},FALSE)`, 'amount', `${ISO} prior loss: the lower`);
  return s;
}

module.exports = { file: 'lmcit-member', build };
