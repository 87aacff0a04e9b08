/**
 * ISO Commercial Crime CR 00 21 (seed 002_8f2f42f68d15d0ce.txt): the loss, the part of it under
 * the $5,000 special limit, the deductible and the limit — or, for a loss sustained before this
 * policy, the prior-insurance limit (the larger when coverage was continuous, else the lower).
 */
import { SheetBuilder, STANDARD_WIDTHS } from './sheetBuilder';
import type { FieldValues, TemplateDefinition } from './types';

const SRC = 'ISO CR 00 21';

const num = (v: FieldValues, k: string) => v[k] as number;
const bool = (v: FieldValues, k: string) => v[k] as boolean;

export const ISO_TEMPLATE: TemplateDefinition = {
  id: 'iso',
  title: { en: 'ISO crime — loss, special limit, prior-policy limit', zh: 'ISO 商业犯罪 — 损失、特别限额、前保单限额' },
  description: {
    en: 'A crime loss with property under the $5,000 special limit, the deductible and limit, and the limit of earlier insurance for a loss sustained before this policy.',
    zh: '犯罪损失（部分财产适用 5,000 美元特别限额）、免赔额与限额，以及本保单生效前发生的损失适用的前保单限额。',
  },
  source: { en: 'ISO Commercial Crime Coverage Form CR 00 21 (002_8f2f42f68d15d0ce.txt)', zh: 'ISO 商业犯罪保险 CR 00 21（002_8f2f42f68d15d0ce.txt）' },
  sections: [
    {
      title: { en: 'Loss', zh: '损失' },
      fields: [
        { key: 'loss', label: { en: 'Loss', zh: '损失金额' }, kind: 'amount', default: '150,000' },
        { key: 'specialLoss', label: { en: 'Part subject to the special limit', zh: '适用特别限额的部分' }, kind: 'amount', default: '23,000', note: { en: 'precious metals, furs, manuscripts, records…', zh: '贵金属、毛皮、手稿、记录等' } },
        { key: 'specialLimit', label: { en: 'Special limit', zh: '特别限额' }, kind: 'amount', default: '5,000', note: { en: 'CR 00 21: $5,000', zh: 'CR 00 21：5,000 美元' } },
        { key: 'legalExpenses', label: { en: 'Forgery legal expenses', zh: '伪造或变造的法律费用' }, kind: 'amount', default: '0', note: { en: 'no deductible, in addition to the limit', zh: '不适用免赔额，在限额之外' } },
      ],
    },
    {
      title: { en: 'This policy', zh: '本保单' },
      fields: [
        { key: 'deductible', label: { en: 'Deductible', zh: '免赔额' }, kind: 'amount', default: '1,000' },
        { key: 'limit', label: { en: 'Limit per occurrence', zh: '每次事故限额' }, kind: 'amount', default: '250,000' },
        { key: 'policyStart', label: { en: 'Policy start', zh: '保险期间起始日' }, kind: 'date', default: '2025-01-01' },
        { key: 'policyEnd', label: { en: 'Policy end', zh: '保险期间终止日' }, kind: 'date', default: '2025-12-31' },
        { key: 'replaced', label: { en: 'Replaced by other crime insurance', zh: '已由其他犯罪保险取代' }, kind: 'boolean', default: false },
      ],
    },
    {
      title: { en: 'Dates and prior insurance', zh: '日期与前保险' },
      fields: [
        { key: 'lossDate', label: { en: 'Loss sustained on', zh: '损失发生日' }, kind: 'date', default: '2024-11-10' },
        { key: 'discoveryDate', label: { en: 'Loss discovered on', zh: '损失发现日' }, kind: 'date', default: '2025-03-15' },
        { key: 'priorLimit', label: { en: 'Prior policy’s limit', zh: '前保单限额' }, kind: 'amount', default: '100,000' },
        { key: 'continuous', label: { en: 'Continuous cover with this insurer', zh: '与本保险人连续承保' }, kind: 'boolean', default: false },
      ],
    },
  ],
  probes: [
    {
      fn: 'CRIMEPAYOUT',
      args: (v) => [num(v, 'loss'), num(v, 'deductible'), num(v, 'limit'), num(v, 'specialLoss'), num(v, 'specialLimit'), num(v, 'legalExpenses')],
      blame: { loss: 'loss', deductible: 'deductible', limit: 'limit', special_loss: 'specialLoss', special_limit: 'specialLimit', legal_expenses: 'legalExpenses' },
    },
    {
      fn: 'LOSSSUSTAINED',
      args: (v) => [num(v, 'lossDate'), num(v, 'discoveryDate'), num(v, 'policyStart'), num(v, 'policyEnd'), bool(v, 'replaced')],
      blame: { loss_date: 'lossDate', discovery_date: 'discoveryDate', policy_start: 'policyStart', policy_end: 'policyEnd' },
    },
    { fn: 'PRIORLIMIT', args: (v) => [num(v, 'limit'), num(v, 'priorLimit'), bool(v, 'continuous')], blame: { current_limit: 'limit', prior_limit: 'priorLimit' } },
  ],
  build(v) {
    const b = new SheetBuilder('ISO crime 商业犯罪', 'ISO');
    b.title('ISO Commercial Crime CR 00 21 — loss payable', '商业犯罪保险理赔测算');
    b.note('Shaded cells are inputs; every other figure is a live CYBER formula. 带底色的单元格为输入项，其余均为实时公式。');
    const r = (k: string) => b.ref(k);

    b.section('Loss', '损失');
    b.input('loss', 'Loss', '损失金额', num(v, 'loss'), 'money', `${SRC} Limit of Insurance`);
    b.input('specialLoss', 'Part subject to the special limit', '适用特别限额的部分', num(v, 'specialLoss'), 'money', `${SRC} special limits`);
    b.input('specialLimit', 'Special limit', '特别限额', num(v, 'specialLimit'), 'money', `${SRC} $5,000`);
    b.input('legalExpenses', 'Forgery legal expenses', '伪造或变造的法律费用', num(v, 'legalExpenses'), 'money', `${SRC} Forgery or Alteration`);

    b.section('This policy', '本保单');
    b.input('deductible', 'Deductible', '免赔额', num(v, 'deductible'), 'money', `${SRC} Deductible`);
    b.input('limit', 'Limit per occurrence', '每次事故限额', num(v, 'limit'), 'money', `${SRC} Limit of Insurance`);
    b.input('policyStart', 'Policy start', '保险期间起始日', num(v, 'policyStart'), 'date');
    b.input('policyEnd', 'Policy end', '保险期间终止日', num(v, 'policyEnd'), 'date');
    b.input('replaced', 'Replaced by other crime insurance', '已由其他犯罪保险取代', bool(v, 'replaced'), undefined, `${SRC} discovery period`);

    b.section('Dates and prior insurance', '日期与前保险');
    b.input('lossDate', 'Loss sustained on', '损失发生日', num(v, 'lossDate'), 'date');
    b.input('discoveryDate', 'Loss discovered on', '损失发现日', num(v, 'discoveryDate'), 'date');
    b.input('priorLimit', 'Prior policy’s limit', '前保单限额', num(v, 'priorLimit'), 'money', `${SRC} loss sustained during prior insurance`);
    b.input('continuous', 'Continuous cover with this insurer', '与本保险人连续承保', bool(v, 'continuous'), undefined, `${SRC} loss sustained during prior insurance`);

    b.section('Results (live formulas)', '计算结果（实时公式）');
    b.calc('sustained', 'Sustained and discovered under this policy', '在本保单期间内发生并发现', `=CYBER.LOSSSUSTAINED(${r('lossDate')},${r('discoveryDate')},${r('policyStart')},${r('policyEnd')},${r('replaced')})`, undefined, `${SRC} loss sustained`);
    b.calc('priorApplied', 'Prior-insurance limit', '前保险限额', `=CYBER.PRIORLIMIT(${r('limit')},${r('priorLimit')},${r('continuous')})`, 'money', `${SRC} prior insurance`);
    b.calc('effectiveLimit', 'Limit that applies', '适用限额', `=IF(${r('sustained')},${r('limit')},${r('priorApplied')})`, 'money');
    b.calc('payout', 'Crime payout', '犯罪保险赔款', `=CYBER.CRIMEPAYOUT(${r('loss')},${r('deductible')},${r('effectiveLimit')},${r('specialLoss')},${r('specialLimit')},${r('legalExpenses')})`, 'money', `${SRC} Limit, Deductible`, true);

    const covered = `(${r('loss')}-${r('specialLoss')}+MIN(${r('specialLoss')},${r('specialLimit')}))`;
    b.chart('Crime claim 犯罪理赔', [
      { en: 'Loss', zh: '损失', formula: `=${r('loss')}` },
      { en: 'Above the special limit', zh: '超过特别限额', formula: `=${r('loss')}-${covered}` },
      { en: 'Deductible', zh: '免赔额', formula: `=MIN(${covered},${r('deductible')})` },
      { en: 'Above the limit', zh: '超过限额', formula: `=${covered}-MIN(${covered},${r('deductible')})-(${r('payout')}-${r('legalExpenses')})` },
      { en: 'Payable', zh: '赔款', formula: `=${r('payout')}` },
    ]);
    const { spec, refs } = b.build(STANDARD_WIDTHS);
    return { spec, refs, payout: refs.payout };
  },
};
