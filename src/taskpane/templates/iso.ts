/**
 * ISO (Insurance Services Office) Commercial Crime Coverage Form CR 00 21 (loss sustained), as the
 * ISO sample proposal language summarises it: the loss, the part of it under the $5,000 special
 * limit, the deductible and the limit of insurance (catalogue v2 CYBER.CRIMEPAYOUT: the deductible
 * comes off the whole loss and the special limit caps what is paid), and which policy covers the
 * loss at all.
 *
 * A loss is paid only when one of two conditions of the form holds; otherwise the template pays 0:
 * - Loss Sustained / Extended Period to Discover Loss (CYBER.LOSSSUSTAINED): "Losses must occur
 *   during the policy term but may be discovered up to one year after the expiration date. If the
 *   policy is cancelled and a new crime policy takes effect, the extended period to cover loss ends
 *   immediately" — this policy's limit applies.
 * - Loss Sustained During Prior Insurance: "If a loss sustained in a previous policy term is
 *   discovered under the current policy, coverage applies if both the previous and current policies
 *   have the same coverage and the current policy immediately replaces the previous one. In this
 *   case, the insurance limit available is the lower of the two policy limits." With continuous
 *   cover by the same insurer the form pays "the larger of the limit of insurance available today or
 *   the limit on the date the loss occurred" (CYBER.PRIORLIMIT's `continuous`); limits never add up.
 *
 * Readings (stated on the sheet): "immediately replaces" is this policy starting the day after the
 * prior policy's last day of cover; "discovered under the current policy" is a discovery on or after
 * this policy's first day and within its own discovery period (the policy end + 12 months, or the
 * policy end when this policy has itself been replaced). Since the current policy replaced the prior
 * one, the prior policy's extended discovery period ended when this one began, so a loss discovered
 * under this policy can no longer be recovered under the prior one.
 */
import { SOURCE_TITLES } from '../../engine';
import { SheetBuilder, STANDARD_WIDTHS } from './sheetBuilder';
import { deadlineRow } from './timeline';
import type { FieldValues, TemplateDefinition } from './types';

const SRC = 'ISO CR 00 21';

const num = (v: FieldValues, k: string) => v[k] as number;
const bool = (v: FieldValues, k: string) => v[k] as boolean;

export const ISO_TEMPLATE: TemplateDefinition = {
  id: 'iso',
  title: { en: 'ISO crime — loss, special limit, prior-policy limit', zh: 'ISO 商业犯罪 — 损失、特别限额、前保单限额' },
  description: {
    en: 'A crime loss with property under the $5,000 special limit, the deductible and limit; a loss sustained before this policy is paid only under the prior-insurance condition (immediate replacement, same coverage: the lower limit), otherwise nothing; the suit deadlines.',
    zh: '犯罪损失（部分财产适用 5,000 美元特别限额）、免赔额与限额；本保单生效前发生的损失仅在前保险条件下赔付（本保单立即取代前保单且保障相同：取较低限额），否则不赔；以及起诉期限。',
  },
  source: { en: SOURCE_TITLES.ISO.en, zh: SOURCE_TITLES.ISO.zh },
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
        { key: 'policyEnd', label: { en: 'Policy end (last day of cover)', zh: '保险期间终止日（最后承保日）' }, kind: 'date', default: '2025-12-31' },
        { key: 'replaced', label: { en: 'This policy has since been replaced by other crime insurance', zh: '本保单其后已由其他犯罪保险取代' }, kind: 'boolean', default: false, note: { en: 'its discovery period then ends at its end', zh: '此时发现期于保险期间终止时结束' } },
      ],
    },
    {
      title: { en: 'Dates of the loss', zh: '损失日期' },
      fields: [
        { key: 'lossDate', label: { en: 'Loss sustained on', zh: '损失发生日' }, kind: 'date', default: '2024-11-10' },
        { key: 'discoveryDate', label: { en: 'Loss discovered on', zh: '损失发现日' }, kind: 'date', default: '2025-03-15' },
        { key: 'proofDate', label: { en: 'Proof of loss filed on', zh: '提交损失证明日' }, kind: 'date', default: '2025-04-30', note: { en: 'starts the 90 days before a suit', zh: '起诉前须满 90 日，自此日起算' } },
      ],
    },
    {
      title: { en: 'Prior insurance (the policy this one replaced)', zh: '前保险（本保单所取代的保单）' },
      fields: [
        { key: 'priorStart', label: { en: 'Prior policy start', zh: '前保单保险期间起始日' }, kind: 'date', default: '2024-01-01' },
        { key: 'priorEnd', label: { en: 'Prior policy end (last day of cover)', zh: '前保单保险期间终止日（最后承保日）' }, kind: 'date', default: '2024-12-31', note: { en: 'no gap: this policy starts the next day', zh: '无间断：本保单于次日起保' } },
        { key: 'priorLimit', label: { en: 'Prior policy’s limit', zh: '前保单限额' }, kind: 'amount', default: '100,000' },
        { key: 'sameCoverage', label: { en: 'Prior policy had the same coverage', zh: '前保单保障与本保单相同' }, kind: 'boolean', default: true },
        { key: 'continuous', label: { en: 'Continuous cover with this insurer', zh: '与本保险人连续承保' }, kind: 'boolean', default: false, note: { en: 'then the larger limit', zh: '此时取较高限额' } },
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
    { fn: 'INPERIOD', args: (v) => [num(v, 'lossDate'), num(v, 'priorStart'), num(v, 'priorEnd')], blame: { date: 'lossDate', policy_start: 'priorStart', policy_end: 'priorEnd' } },
    { fn: 'PRIORLIMIT', args: (v) => [num(v, 'limit'), num(v, 'priorLimit'), bool(v, 'continuous')], blame: { current_limit: 'limit', prior_limit: 'priorLimit' } },
    { fn: 'DEADLINE', args: (v) => ['iso.suit.from', num(v, 'proofDate')], blame: { date: 'proofDate' } },
    { fn: 'DEADLINE', args: (v) => ['iso.suit.by', num(v, 'discoveryDate')], blame: { date: 'discoveryDate' } },
  ],
  build(v) {
    const b = new SheetBuilder('ISO crime 商业犯罪', 'ISO');
    b.title('ISO Commercial Crime CR 00 21 — loss payable', '商业犯罪保险理赔测算');
    b.note('Shaded cells are inputs; every other figure is a live CYBER formula. 带底色的单元格为输入项，其余均为实时公式。');
    const r = (k: string) => b.ref(k);

    b.section('Loss', '损失');
    b.input('loss', 'Loss', '损失金额', num(v, 'loss'), 'money', `${SRC} Limit of Insurance`);
    b.input('specialLoss', 'Part subject to the special limit', '适用特别限额的部分', num(v, 'specialLoss'), 'money', `${SRC} special limits`);
    b.input('specialLimit', 'Special limit', '特别限额', num(v, 'specialLimit'), 'money', `${SRC} $5,000 is the most paid`);
    b.input('legalExpenses', 'Forgery legal expenses', '伪造或变造的法律费用', num(v, 'legalExpenses'), 'money', `${SRC} Forgery or Alteration`);

    b.section('This policy', '本保单');
    b.input('deductible', 'Deductible', '免赔额', num(v, 'deductible'), 'money', `${SRC} Deductible`);
    b.input('limit', 'Limit per occurrence', '每次事故限额', num(v, 'limit'), 'money', `${SRC} Limit of Insurance`);
    b.input('policyStart', 'Policy start', '保险期间起始日', num(v, 'policyStart'), 'date');
    b.input('policyEnd', 'Policy end (last day of cover)', '保险期间终止日（最后承保日）', num(v, 'policyEnd'), 'date');
    b.input('replaced', 'Since replaced by other crime insurance', '其后已由其他犯罪保险取代', bool(v, 'replaced'), undefined, `${SRC} Extended Period to Discover Loss`);

    b.section('Dates of the loss', '损失日期');
    b.input('lossDate', 'Loss sustained on', '损失发生日', num(v, 'lossDate'), 'date', `${SRC} Loss Sustained`);
    b.input('discoveryDate', 'Loss discovered on', '损失发现日', num(v, 'discoveryDate'), 'date', `${SRC} Extended Period to Discover Loss`);
    b.input('proofDate', 'Proof of loss filed on', '提交损失证明日', num(v, 'proofDate'), 'date', `${SRC} Legal Action Against Us`);

    b.section('Prior insurance (the policy this one replaced)', '前保险（本保单所取代的保单）');
    b.input('priorStart', 'Prior policy start', '前保单保险期间起始日', num(v, 'priorStart'), 'date', `${SRC} Loss Sustained During Prior Insurance`);
    b.input('priorEnd', 'Prior policy end (last day of cover)', '前保单保险期间终止日（最后承保日）', num(v, 'priorEnd'), 'date', `${SRC} Loss Sustained During Prior Insurance`);
    b.input('priorLimit', 'Prior policy’s limit', '前保单限额', num(v, 'priorLimit'), 'money', `${SRC} Loss Sustained During Prior Insurance`);
    b.input('sameCoverage', 'Prior policy had the same coverage', '前保单保障与本保单相同', bool(v, 'sameCoverage'), undefined, `${SRC} "both … have the same coverage"`);
    b.input('continuous', 'Continuous cover with this insurer', '与本保险人连续承保', bool(v, 'continuous'), undefined, `${SRC} "the larger of the limit"`);

    b.section('Which policy covers the loss (live formulas)', '由哪一保单承保（实时公式）');
    b.calc('discoverBy', 'Last day to discover a loss under this policy', '本保单下发现损失的最后一日', `=IF(${r('replaced')},${r('policyEnd')},EDATE(${r('policyEnd')},12))`, 'date', `${SRC} Extended Period to Discover Loss`);
    b.calc('sustained', 'Sustained in this term and discovered in time', '在本保险期间内发生并及时发现', `=CYBER.LOSSSUSTAINED(${r('lossDate')},${r('discoveryDate')},${r('policyStart')},${r('policyEnd')},${r('replaced')})`, undefined, `${SRC} Loss Sustained`);
    b.calc('priorTerm', 'Sustained in the prior policy’s term', '在前保单保险期间内发生', `=CYBER.INPERIOD(${r('lossDate')},${r('priorStart')},${r('priorEnd')})`, undefined, `${SRC} Loss Sustained During Prior Insurance`);
    b.calc('immediate', 'This policy immediately replaced the prior one (starts the next day)', '本保单立即取代前保单（次日起保）', `=INT(${r('policyStart')})=INT(${r('priorEnd')})+1`, undefined, `${SRC} "immediately replaces"`);
    b.calc('discoveredNow', 'Discovered under this policy', '在本保单下发现', `=AND(${r('discoveryDate')}>=${r('policyStart')},${r('discoveryDate')}<=${r('discoverBy')})`, undefined, `${SRC} "discovered under the current policy"`);
    b.calc('priorCovered', 'Covered under the prior-insurance condition', '按前保险条件承保', `=AND(NOT(${r('sustained')}),${r('priorTerm')},${r('immediate')},${r('sameCoverage')},${r('discoveredNow')})`, undefined, `${SRC} Loss Sustained During Prior Insurance`);
    b.calc('covered', 'Covered at all (otherwise nothing is paid)', '是否承保（否则不予赔付）', `=OR(${r('sustained')},${r('priorCovered')})`);

    b.section('Results (live formulas)', '计算结果（实时公式）');
    b.calc('priorApplied', 'Prior-insurance limit (lower, or larger if continuous)', '前保险限额（取较低者；连续承保取较高者）', `=CYBER.PRIORLIMIT(${r('limit')},${r('priorLimit')},${r('continuous')})`, 'money', `${SRC} Loss Sustained During Prior Insurance`);
    b.calc('limitApplied', 'Limit that applies', '适用限额', `=IF(${r('sustained')},${r('limit')},IF(${r('priorCovered')},${r('priorApplied')},0))`, 'money', `${SRC} Limit of Insurance`);
    b.calc('beforeLimit', 'After the deductible and the special limit, before the limit', '扣除免赔额并适用特别限额后（适用限额前）', `=CYBER.CRIMEPAYOUT(${r('loss')},${r('deductible')},${r('loss')},${r('specialLoss')},${r('specialLimit')})`, 'money', `${SRC} Deductible, special limits`);
    b.calc('total', 'Crime payout', '犯罪保险赔款', `=IF(${r('covered')},CYBER.CRIMEPAYOUT(${r('loss')},${r('deductible')},${r('limitApplied')},${r('specialLoss')},${r('specialLimit')},${r('legalExpenses')}),0)`, 'money', `${SRC} Limit, Deductible`, true);

    b.section('Time limits (live formulas)', '时限（实时公式）');
    deadlineRow(b, 'suitFrom', 'iso.suit.from', r('proofDate'), SRC);
    deadlineRow(b, 'suitBy', 'iso.suit.by', r('discoveryDate'), SRC);
    b.note('The proposal language lists six duties after a loss is discovered without their time limits: no notice or proof-of-loss deadline is computed. 样本条款未给出发现损失后六项义务的期限，故不计算通知或损失证明期限。');

    const capped = `(${r('loss')}-${r('specialLoss')}+MIN(${r('specialLoss')},${r('specialLimit')}))`;
    b.chart('Crime claim 犯罪理赔', [
      { en: 'Loss', zh: '损失', formula: `=${r('loss')}` },
      { en: 'Not covered (term, discovery, prior insurance)', zh: '不予承保（期间、发现、前保险）', formula: `=IF(${r('covered')},0,${r('loss')})` },
      { en: 'Above the special limit', zh: '超过特别限额', formula: `=IF(${r('covered')},${r('loss')}-${capped},0)` },
      { en: 'Deductible (beyond the special-limit excess)', zh: '免赔额（超出特别限额部分以外）', formula: `=IF(${r('covered')},${capped}-${r('beforeLimit')},0)` },
      { en: 'Above the limit', zh: '超过限额', formula: `=IF(${r('covered')},${r('beforeLimit')}-(${r('total')}-${r('legalExpenses')}),0)` },
      { en: 'Payable', zh: '赔款', formula: `=${r('total')}` },
    ]);
    const { spec, refs } = b.build(STANDARD_WIDTHS);
    return { spec, refs, payout: refs.total };
  },
};
