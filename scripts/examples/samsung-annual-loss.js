/**
 * examples/samsung-annual-loss: simulated annual losses (catalogue section 11, CYBER.SIMULATE)
 * under the Samsung covers tree of examples/samsung-limits-and-claims — the same covers, limits,
 * deductibles and nesting, the same policy aggregate and per-claim limit — for loss events drawn
 * from a frequency and an events table. Each simulated year is one policy period settled exactly
 * as CYBER.ALLOCATE settles that example's claims (SAMSUNG 第二十四–二十八、三十二、三十三条).
 * The output is exact for its seed: the golden file is what `cyberbi calc` prints for seed 2025.
 *
 * Lanting Cloud Logistics Co., Ltd. (兰亭云物流有限公司) is fictional; the frequency and severities
 * are illustrative, not market figures.
 */
const { SheetLayout } = require('./layout');
const { COVERS } = require('./samsung-limits-and-claims');

const SRC = 'SAMSUNG';

/** Loss events a year; the events table; years and seed of the run. */
const FREQUENCY = 'poisson(1.5)';
const YEARS = 10000;
const SEED = 2025;

/**
 * For each event every row, in row order, hits with its probability, then draws its loss.
 * cover, probability, severity, English, 中文.
 */
const EVENTS = [
  ['IR', 0.35, 'lognormal(11.5, 1)', 'Forensics, notification, credit monitoring', '取证、通知、信用监控'],
  ['BI', 0.2, 'lognormal(12.8, 1.1)', 'Revenue lost while systems are down', '系统中断期间营业收入损失'],
  ['CBI', 0.08, 'lognormal(12.2, 1)', 'A cloud or logistics provider’s outage', '云服务商或物流服务商中断'],
  ['EXT', 0.12, 'lognormal(11.8, 0.9)', 'Extortion payment and negotiator', '勒索款项及谈判费用'],
  ['RWD', 0.04, 'pert(10000, 40000, 150000)', 'Reward for information', '悬赏报酬'],
  ['PRIV', 0.15, 'lomax(2.5, 900000)', 'Privacy class action (settlement + defence)', '隐私集体诉讼（和解 + 抗辩）'],
  ['REG', 0.1, 'lognormal(12, 1)', 'Regulator’s investigation', '监管调查'],
  ['PCI', 0.06, 'lognormal(11.8, 0.8)', 'Card brands’ PCI assessment', '卡组织 PCI 评估罚款'],
  ['SEC', 0.05, 'lomax(2.2, 1200000)', 'Malware passed to a customer: customer sues', '恶意软件传给客户：客户起诉'],
  ['SE', 0.1, 'lognormal(11.2, 1)', 'Fake supplier e-mail: funds transferred', '冒充供应商邮件：资金被转走'],
  ['SEP', 0.04, 'exponential(30000)', 'A director’s personal account emptied', '高管个人账户被盗'],
];

const RETURN_PERIODS = [2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

function build() {
  const s = new SheetLayout({ name: 'Annual loss 年度损失', widths: [44, 34, 26, 22, 22, 18, 40, 34, 24], frozenRows: 4 });
  s.title('Samsung cyber policy — simulated annual losses under the whole limits tree — Lanting Cloud Logistics Co., Ltd. 兰亭云物流有限公司 (fictional)');
  s.title('Amounts in USD. Each simulated year is one policy period, settled exactly as CYBER.ALLOCATE (三星财产保险 网络安全综合保险 第二十四–二十八、三十二、三十三条); every drawn loss is rounded to the cent. Formulas use the CYBER add-in (cyberbi).');
  s.blank();
  s.header(['Item', '项目', 'Value 数值', 'Source 依据']);

  s.section('1. Policy and run 保险单与模拟设置');
  s.item('policyAgg', 'Policy aggregate limit', '保险单累计责任限额', 7500000, 'amount', `${SRC} 第二十四条`);
  s.item('policyPerClaim', 'Policy per-claim limit', '保险单每次索赔责任限额', 2500000, 'amount', `${SRC} 第二十四条`);
  s.item('frequency', 'Loss events per year', '每年损失事件次数', FREQUENCY, undefined, 'catalogue §10 frequency');
  s.item('years', 'Simulated years', '模拟年数', YEARS, 'int', 'catalogue §11');
  s.item('seed', 'Seed', '随机种子', SEED, 'int', 'catalogue §11: the same seed gives the same years in every host');
  s.blank();

  s.section('2. Events: in each event every row hits with its probability, then draws its loss 事件：每次事件中各行以其概率发生，再抽取损失');
  s.table('events', {
    header: ['Cover 保障', 'Probability 概率', 'Severity 损失金额分布', 'What it is', '说明'],
    rows: EVENTS.map(([cover, p, severity, en, zh]) => ({ key: cover, cells: [cover, p, severity, en, zh] })),
    fmts: [undefined, 'ratio'],
    ranges: { events: [0, 2] },
  });
  s.blank();

  s.section('3. Covers: the limits tree of examples/samsung-limits-and-claims 保障项目：沿用 samsung-limits-and-claims 的限额树');
  s.table('covers', {
    header: ['Cover id 保障编号', 'Parent 上级编号', 'Per-claim/event limit 每次索赔/事件限额', 'Aggregate limit 累计限额', 'Deductible 免赔额', 'Nesting 嵌套方式', 'Cover', '保障', 'Source 依据'],
    rows: COVERS.map(([id, parent, per, agg, ded, nesting, en, zh, src]) => ({ key: id, cells: [id, parent, per, agg, ded, nesting, en, zh, `${SRC} ${src}`] })),
    fmts: [undefined, undefined, 'amount', 'amount', 'amount'],
    styles: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, 'note'],
    ranges: { covers: [0, 5] },
  });
  s.blank();

  const args = (r) => `${r.c('frequency')},${r.range('events', 'events')},${r.range('covers', 'covers')},${r.c('policyAgg')},${r.c('policyPerClaim')},${r.c('years')},${r.c('seed')}`;

  s.section('4. The whole policy: statistics, AEP and OEP (live CYBER.SIMULATE) 整张保险单：统计量、年超越与单次超越');
  s.header(['Statistic 统计量', 'Value 数值', '', 'Return period 重现期', 'AEP: annual paid 年赔付', '', 'Return period 重现期', 'OEP: largest event paid 最大单次赔付']);
  const top = s.row;
  // One simulation for all three blocks (the engine memoises it by its inputs).
  s.put(top, 1, (r) => `=CYBER.SIMULATE(${args(r)},"stats")`, { fmt: 'amount', spill: { rows: 14, cols: 2 } });
  s.put(top, 4, (r) => `=CYBER.SIMULATE(${args(r)},"aep")`, { fmt: 'amount', spill: { rows: RETURN_PERIODS.length, cols: 2 } });
  s.put(top, 7, (r) => `=CYBER.SIMULATE(${args(r)},"oep")`, { fmt: 'amount', spill: { rows: RETURN_PERIODS.length, cols: 2 } });
  s.blank(14);
  s.blank();

  s.section('5. Business interruption with its contingent sub-limit (the cover argument "BI") 营业收入损失及其连带分项（cover 参数 "BI"）');
  s.header(['Statistic 统计量', 'Value 数值', '', 'Return period 重现期', 'AEP: annual paid 年赔付']);
  const biTop = s.row;
  s.put(biTop, 1, (r) => `=CYBER.SIMULATE(${args(r)},"stats",A${r.row('covers', 'BI')})`, { fmt: 'amount', spill: { rows: 14, cols: 2 } });
  s.put(biTop, 4, (r) => `=CYBER.SIMULATE(${args(r)},"aep",A${r.row('covers', 'BI')})`, { fmt: 'amount', spill: { rows: RETURN_PERIODS.length, cols: 2 } });
  s.blank(14);
  return s;
}

module.exports = { file: 'samsung-annual-loss', build };
