/**
 * League of Minnesota Cities Insurance Trust (LMCIT) coverage summary, for one member city. Every
 * limit the summary names binds on the sheet:
 * - first-party cyber: the $250,000 aggregate per member, $500,000 only when the member bought the
 *   higher limit and answers yes to all five loss-control questions (CYBER.LMCITLIMIT with `raised`:
 *   "There is a $250,000 aggregate limit per member for the first-party coverage. 会员可以将限额提高到
 *   500美元,000 for an additional premium charge if they can answer yes to the following loss control
 *   questions."), less what the aggregate paid earlier; then the common-cause claims share the $10M
 *   pool within what is left of its $25M 12-month aggregate (CYBER.POOLSHARE, pro rata: this
 *   product's stated assumption);
 * - liability: $2M per occurrence over every liability claim, the $3M data-breach annual aggregate,
 *   and the $250,000 PCI/regulatory sublimit "part of and not in addition to" it (CYBER.ALLOCATE);
 * - crime, for members with LMCIT property coverage: "The standard limit is $250,000 per occurrence"
 *   (CYBER.CRIMEPAYOUT; the summary names no deductible and no special limit, and covers card fraud
 *   only where it is "not otherwise reimbursable by the issuer, owner, or cardholder").
 * The summary sets no time limit counted in days (notice is a call to the claims staff "immediately"),
 * and it does not say the crime coverage follows the ISO form, so the timeline computes nothing.
 * Mirrors examples/lmcit-member (fictional North Meadow).
 */
import { SOURCE_TITLES } from '../../engine';
import { SheetBuilder, STANDARD_WIDTHS } from './sheetBuilder';
import type { FieldDef, FieldValues, TableValue, TemplateDefinition } from './types';

const SRC = 'LMCIT summary';

const OTHER_MEMBERS = [...Array(17).fill('500,000'), ...Array(4).fill('250,000'), '365,000'].join('; ');

const LIABILITY_CLAIMS = [
  'O1; BREACH; 450,000',
  'O2; BREACH; 1,500,000',
  'O2; PCIREG; 180,000',
  'O2; PCIREG; 120,000',
  'O3; BREACH; 950,000',
  'O3; PCIREG; 200,000',
  'O4; OTHER; 350,000',
  'O5; OTHER; 2,400,000',
].join('\n');

const QUESTIONS: ReadonlyArray<readonly [string, string, string]> = [
  ['training', 'Annual cyber-security training', '每年网络安全培训'],
  ['policy', 'Computer-use policy', '计算机使用政策'],
  ['firewall', 'Firewall', '防火墙'],
  ['updates', 'Monthly antivirus and Windows updates', '每月更新杀毒软件和 Windows'],
  ['backups', 'Monthly backups', '每月备份'],
];

const num = (v: FieldValues, k: string) => v[k] as number;
const bool = (v: FieldValues, k: string) => v[k] as boolean;
const table = (v: FieldValues, k: string) => v[k] as TableValue;

const amount = (key: string, en: string, zh: string, def: string, note?: { en: string; zh: string }): FieldDef => ({ key, label: { en, zh }, kind: 'amount', default: def, note });

export const LMCIT_TEMPLATE: TemplateDefinition = {
  id: 'lmcit',
  title: { en: 'LMCIT member — loss control, limits, shared pool', zh: 'LMCIT 成员 — 损失控制、限额、共享赔偿池' },
  description: {
    en: 'The first-party aggregate the higher limit and the loss-control answers give, a common-cause loss shared pro rata through the pool, liability claims under the per-occurrence limit, the breach aggregate and the PCI sublimit, and a crime loss under the $250,000 per-occurrence limit.',
    zh: '按是否购买较高限额及损失控制问题的回答确定第一方累计限额；同一原因的损失按比例分摊共享赔偿池；责任索赔适用每次事故限额、数据泄露累计限额与 PCI 分项限额；犯罪损失适用每次事故 25 万美元限额。',
  },
  source: { en: SOURCE_TITLES.LMCIT.en, zh: SOURCE_TITLES.LMCIT.zh },
  sections: [
    {
      title: { en: 'Loss-control answers', zh: '损失控制问题' },
      fields: [
        ...QUESTIONS.map(([key, en, zh]) => ({ key, label: { en, zh }, kind: 'boolean', default: true }) as FieldDef),
        { key: 'raised', label: { en: 'Bought the higher limit ($500,000) for the additional premium', zh: '已支付附加保费将限额提高至 50 万美元' }, kind: 'boolean', default: true, note: { en: 'without it the aggregate stays $250,000', zh: '未购买时累计限额为 25 万美元' } },
      ],
    },
    {
      title: { en: 'First-party loss', zh: '第一方损失' },
      fields: [
        amount('breachResponse', 'Breach response', '数据泄露应对费用', '180,000'),
        amount('lostRevenue', 'Loss of revenue and extra expense', '收入损失及额外费用', '95,000'),
        amount('restoration', 'Data restoration', '数据恢复', '60,000'),
        amount('equipment', 'Equipment', '设备', '40,000'),
        amount('deductible', 'Deductible', '免赔额', '0', { en: 'The summary names none', zh: '摘要未规定免赔额' }),
        amount('firstPartyPaid', 'Paid earlier from the member’s aggregate', '成员累计限额已赔付', '0'),
      ],
    },
    {
      title: { en: 'Shared pool', zh: '共享赔偿池' },
      fields: [
        {
          key: 'otherClaims',
          label: { en: 'Other members’ claims from the same cause', zh: '同一原因下其他成员的索赔' },
          kind: 'series',
          default: OTHER_MEMBERS,
          maxRows: 500,
          minRows: 0,
        },
        amount('poolLimit', 'Pool limit per common cause', '每一共同原因的赔偿池限额', '10,000,000', { en: '$10M', zh: '1000 万美元' }),
        amount('poolRemaining', 'Pool aggregate left (12 months)', '12 个月赔偿池累计剩余', '25,000,000', { en: '$25M', zh: '2500 万美元' }),
      ],
    },
    {
      title: { en: 'Liability', zh: '责任' },
      fields: [
        amount('perOccurrence', 'Per occurrence limit', '每次事故限额', '2,000,000', { en: '$2M', zh: '200 万美元' }),
        amount('breachAggregate', 'Data-breach annual aggregate', '数据泄露年度累计限额', '3,000,000', { en: '$3M', zh: '300 万美元' }),
        amount('pciSublimit', 'PCI / regulatory sublimit', 'PCI / 监管分项限额', '250,000', { en: '$250k, part of the $3M', zh: '25 万美元，含于 300 万之内' }),
        {
          key: 'liabilityClaims',
          label: { en: 'Liability claims (occurrence; BREACH, PCIREG or OTHER; amount)', zh: '责任索赔（事故；BREACH、PCIREG 或 OTHER；金额）' },
          kind: 'table',
          default: LIABILITY_CLAIMS,
          columns: [
            { label: { en: 'occurrence', zh: '事故' }, kind: 'text' },
            { label: { en: 'cover', zh: '保障项目' }, kind: 'text' },
            { label: { en: 'amount', zh: '金额' }, kind: 'amount' },
          ],
          maxRows: 500,
        },
      ],
    },
    {
      title: { en: 'Crime (members with LMCIT property coverage)', zh: '犯罪保障（投保 LMCIT 财产保险的成员）' },
      fields: [
        { key: 'hasProperty', label: { en: 'Member has LMCIT property coverage', zh: '成员已投保 LMCIT 财产保险' }, kind: 'boolean', default: true, note: { en: 'crime cover comes with it', zh: '犯罪保障随附于财产保险' } },
        amount('crimeLoss', 'Crime loss of one occurrence', '一次事故的犯罪损失', '310,000', { en: 'outside theft incl. wire fraud, card fraud, fraudulent instructions', zh: '外部盗窃（含电汇诈骗）、信用卡诈骗、欺诈性指令' }),
        amount('crimeReimbursable', 'Part reimbursable by the card issuer, owner or cardholder', '可由发卡机构、所有人或持卡人偿付的部分', '0'),
        amount('crimeDeductible', 'Crime deductible', '犯罪保障免赔额', '0', { en: 'The summary names none', zh: '摘要未规定免赔额' }),
        amount('crimeLimit', 'Crime limit per occurrence', '犯罪保障每次事故限额', '250,000', { en: '$250k', zh: '25 万美元' }),
      ],
    },
  ],
  probes: [
    {
      fn: 'POOLSHARE',
      args: (v) => [[[0], ...(v.otherClaims as number[]).map((n) => [n])], num(v, 'poolLimit'), num(v, 'poolRemaining')],
      blame: { member_claims: 'otherClaims', pool_limit: 'poolLimit', pool_remaining: 'poolRemaining' },
    },
    {
      fn: 'ALLOCATE',
      args: (v) => [
        table(v, 'liabilityClaims'),
        [
          ['LIAB', null, num(v, 'perOccurrence'), null, null],
          ['BREACH', 'LIAB', null, num(v, 'breachAggregate'), null],
          ['PCIREG', 'BREACH', null, num(v, 'pciSublimit'), null],
          ['OTHER', 'LIAB', null, null, null],
        ],
      ],
      blame: { claims: 'liabilityClaims' },
    },
    {
      fn: 'CRIMEPAYOUT',
      args: (v) => [num(v, 'crimeLoss') - num(v, 'crimeReimbursable'), num(v, 'crimeDeductible'), num(v, 'crimeLimit')],
      // The loss is the crime loss less what is reimbursable: a negative one means too much was entered as reimbursable.
      blame: { loss: 'crimeReimbursable', deductible: 'crimeDeductible', limit: 'crimeLimit' },
    },
  ],
  build(v) {
    const b = new SheetBuilder('LMCIT member 成员', 'LMCIT');
    b.title('LMCIT member — loss control, first-party limit, shared pool, liability', 'LMCIT 成员 — 损失控制、第一方限额、共享赔偿池、责任');
    b.note('Shaded cells are inputs; every other figure is a live CYBER formula. 带底色的单元格为输入项，其余均为实时公式。');
    const r = (k: string) => b.ref(k);

    b.section('Loss-control answers', '损失控制问题');
    for (const [key, en, zh] of QUESTIONS) b.input(key, en, zh, v[key] as boolean, undefined, `${SRC} first-party aggregate`);
    b.input('raised', 'Bought the higher limit ($500,000)', '已购买较高限额（50 万美元）', bool(v, 'raised'), undefined, `${SRC} "for an additional premium charge"`);
    b.calc('memberLimit', 'First-party aggregate', '第一方累计限额', `=CYBER.LMCITLIMIT(${r('training')}:${r('backups')},${r('raised')})`, 'money', `${SRC} $250k / $500k`, true);

    b.section('First-party loss', '第一方损失');
    b.input('breachResponse', 'Breach response', '数据泄露应对费用', num(v, 'breachResponse'), 'money');
    b.input('lostRevenue', 'Loss of revenue and extra expense', '收入损失及额外费用', num(v, 'lostRevenue'), 'money');
    b.input('restoration', 'Data restoration', '数据恢复', num(v, 'restoration'), 'money');
    b.input('equipment', 'Equipment', '设备', num(v, 'equipment'), 'money');
    b.input('deductible', 'Deductible', '免赔额', num(v, 'deductible'), 'money', 'summary names none');
    b.input('firstPartyPaid', 'Paid earlier from the member’s aggregate', '成员累计限额已赔付', num(v, 'firstPartyPaid'), 'money', `${SRC} first-party aggregate`);
    b.calc('firstPartyLoss', 'First-party loss', '第一方损失合计', `=SUM(${r('breachResponse')}:${r('equipment')})`, 'money');
    b.calc('aggregateLeft', 'Member’s aggregate left', '成员累计限额剩余', `=MAX(0,${r('memberLimit')}-${r('firstPartyPaid')})`, 'money', `${SRC} first-party aggregate`);
    b.calc('covered', 'Within the member’s aggregate', '成员累计限额内', `=CYBER.LAYER(${r('firstPartyLoss')},${r('deductible')},${r('aggregateLeft')})`, 'money', `${SRC} first-party aggregate`);

    b.section('Shared pool', '共享赔偿池');
    b.input('poolLimit', 'Pool limit per common cause', '每一共同原因的赔偿池限额', num(v, 'poolLimit'), 'money', `${SRC} $10M`);
    b.input('poolRemaining', 'Pool aggregate left (12 months)', '12 个月赔偿池累计剩余', num(v, 'poolRemaining'), 'money', `${SRC} $25M`);
    const others = v.otherClaims as number[];
    const poolTop = b.nextRow;
    b.column('poolClaims', 1, poolTop, 'Pool claims 赔偿池索赔', [{ formula: `=${r('covered')}` }, ...others], 'money');
    b.column('poolShares', 2, poolTop, 'Pool share (pro rata) 按比例分摊', [{ formula: `=CYBER.POOLSHARE(${r('poolClaims')},${r('poolLimit')},${r('poolRemaining')})` }], 'money');
    b.skip(others.length + 2);
    b.calc('poolClaimed', 'Claimed from the pool', '向赔偿池索赔合计', `=SUM(${r('poolClaims')})`, 'money');
    b.calc('poolRecovery', 'This member’s recovery from the pool', '本成员自赔偿池获赔', `=INDEX(CYBER.POOLSHARE(${r('poolClaims')},${r('poolLimit')},${r('poolRemaining')}),1)`, 'money', `${SRC} shared pool (pro rata: this product’s assumption)`, true);

    b.section('Liability', '责任');
    b.input('perOccurrence', 'Per occurrence limit', '每次事故限额', num(v, 'perOccurrence'), 'money', `${SRC} $2M`);
    b.input('breachAggregate', 'Data-breach annual aggregate', '数据泄露年度累计限额', num(v, 'breachAggregate'), 'money', `${SRC} $3M`);
    b.input('pciSublimit', 'PCI / regulatory sublimit', 'PCI / 监管分项限额', num(v, 'pciSublimit'), 'money', `${SRC} $250k`);
    b.table(
      'liabilityCovers',
      [
        { en: 'Cover', zh: '保障项目' },
        { en: 'Parent', zh: '上级' },
        { en: 'Per occurrence', zh: '每次限额', format: 'money' },
        { en: 'Aggregate', zh: '累计限额', format: 'money' },
        { en: 'Deductible', zh: '免赔额', format: 'money' },
      ],
      [
        ['LIAB', null, { formula: `=${r('perOccurrence')}` }, null, null],
        ['BREACH', 'LIAB', null, { formula: `=${r('breachAggregate')}` }, null],
        ['PCIREG', 'BREACH', null, { formula: `=${r('pciSublimit')}` }, null],
        ['OTHER', 'LIAB', null, null, null],
      ],
      { input: false },
    );
    b.skip();
    const claims = table(v, 'liabilityClaims');
    b.table(
      'liabilityClaims',
      [
        { en: 'Occurrence', zh: '事故' },
        { en: 'Cover', zh: '保障项目' },
        { en: 'Amount', zh: '金额', format: 'money' },
      ],
      claims,
    );
    const allocate = b.besideTable('liabilityAllocate', 'liabilityClaims', 4, 'Payable', '应付', `=CYBER.ALLOCATE(${r('liabilityClaims')},${r('liabilityCovers')})`, 'money');
    const top = Number(/[0-9]+/.exec(allocate)![0]);
    b.calc('liabilityPayable', 'Liability payable', '责任应付合计', `=SUM(D${top + 1}:D${top + claims.length})`, 'money', `${SRC} $2M / $3M / $250k`, true);
    b.calc('breachRemaining', 'Breach aggregate left', '数据泄露累计限额剩余', `=CYBER.REMAINING(${r('liabilityClaims')},${r('liabilityCovers')},"BREACH")`, 'money');
    b.calc('pciRemaining', 'PCI / regulatory sublimit left', 'PCI / 监管分项限额剩余', `=CYBER.REMAINING(${r('liabilityClaims')},${r('liabilityCovers')},"PCIREG")`, 'money');

    b.section('Crime (members with LMCIT property coverage)', '犯罪保障（投保 LMCIT 财产保险的成员）');
    b.input('hasProperty', 'Member has LMCIT property coverage', '成员已投保 LMCIT 财产保险', bool(v, 'hasProperty'), undefined, `${SRC} crime coverage`);
    b.input('crimeLoss', 'Crime loss of one occurrence', '一次事故的犯罪损失', num(v, 'crimeLoss'), 'money', `${SRC} crime coverage`);
    b.input('crimeReimbursable', 'Part reimbursable by the card issuer, owner or cardholder', '可由发卡机构、所有人或持卡人偿付的部分', num(v, 'crimeReimbursable'), 'money', `${SRC} "not otherwise reimbursable"`);
    b.input('crimeDeductible', 'Crime deductible', '犯罪保障免赔额', num(v, 'crimeDeductible'), 'money', 'summary names none');
    b.input('crimeLimit', 'Crime limit per occurrence', '犯罪保障每次事故限额', num(v, 'crimeLimit'), 'money', `${SRC} $250,000 per occurrence`);
    b.calc('crimePayout', 'Crime payout', '犯罪保障赔款', `=IF(${r('hasProperty')},CYBER.CRIMEPAYOUT(${r('crimeLoss')}-${r('crimeReimbursable')},${r('crimeDeductible')},${r('crimeLimit')}),0)`, 'money', `${SRC} $250,000 per occurrence`, true);

    b.section('Total', '合计');
    b.calc('total', 'LMCIT pays in all (pool recovery + liability + crime)', 'LMCIT 赔付合计（赔偿池 + 责任 + 犯罪）', `=${r('poolRecovery')}+${r('liabilityPayable')}+${r('crimePayout')}`, 'money', undefined, true);

    b.section('Time limits', '时限');
    b.note('The summary sets no time limit counted in days: a member that suspects a breach calls LMCIT claims staff immediately at (800) 925-1122; liability is claims-based; the pool aggregate runs over 12 months and the breach aggregates are annual. It does not say the crime coverage follows the ISO form, so no ISO deadline is applied. Nothing to compute.');
    b.note('摘要未规定以天数计的期限：怀疑发生数据泄露时应立即致电 (800) 925-1122 联系 LMCIT 索赔人员；责任保险为索赔制；赔偿池累计限额按 12 个月计，数据泄露累计限额按年度计。摘要未说明犯罪保障适用 ISO 表格，故不套用 ISO 期限。无需计算。');

    b.chart('First-party claim 第一方理赔', [
      { en: 'Loss', zh: '损失', formula: `=${r('firstPartyLoss')}` },
      { en: 'Deductible', zh: '免赔额', formula: `=MIN(${r('firstPartyLoss')},${r('deductible')})` },
      { en: 'Member aggregate and pool', zh: '成员累计限额与赔偿池', formula: `=${r('firstPartyLoss')}-MIN(${r('firstPartyLoss')},${r('deductible')})-${r('poolRecovery')}` },
      { en: 'Payable', zh: '赔款', formula: `=${r('poolRecovery')}` },
    ]);
    const { spec, refs } = b.build(STANDARD_WIDTHS);
    return { spec, refs, payout: refs.total };
  },
};
