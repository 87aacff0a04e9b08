/**
 * Loss distributions in closed form (catalogue section 10): the cell functions, and the ONE
 * bridge between the exact engine and src/stochastic, which computes in doubles (STYLE.md "One
 * room per kind of arithmetic"). Here, and only here:
 * - amounts arrive as exact decimals and are converted to doubles once (catalogue: "Amounts enter
 *   as decimals and are converted once");
 * - a double result goes back as the Decimal of that very double (fromNumber: the shortest decimal
 *   that reads back as the same double), so the engine's one result conversion hands the host
 *   exactly the double computed — no second rounding, no change to evaluate.ts; a result that is
 *   not finite is #NUM!;
 * - a DistributionProblem of src/stochastic becomes the catalogue's error, with its message from
 *   messages.ts in English and Chinese.
 */
import {
  DistributionProblem,
  type Frequency,
  ilf,
  layerLoss,
  type LayerStat,
  lev,
  oep,
  oepLoss,
  parseFrequency,
  parseSeverity,
  type Problem,
  SEVERITY_FAMILIES,
  type Severity,
  tvar,
  findSeverityFamily,
  checkParams,
  type ClosedFormStep,
  distributionSteps,
  ilfSteps,
  layerSteps,
  levSteps,
  oepLossSteps,
  oepSteps,
  quantileSteps,
  tvarSteps,
} from '../stochastic';
// ln and log1p from the same library as the rest of section 10 (host-independent doubles).
import { ln as lnOf, log1p as log1pOf } from '../stochastic/special';
import { DISTRIBUTION_FORMS, DISTRIBUTIONS } from './articles';
import { type Decimal, fromNumber } from './decimal';
import { fail } from './errors';
import { amount, type FunctionDefinition, number, option, ratio, text } from './specs';
import type { Tracer } from './trace';

// ---- the bridge ---------------------------------------------------------------------------------

/** Runs a computation of src/stochastic, turning its problems into the catalogue's errors. */
export function guarded<T>(argument: string, got: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DistributionProblem) return report(e.problem, argument, got);
    throw e;
  }
}

function report(p: Problem, argument: string, got: string): never {
  switch (p.kind) {
    case 'syntax':
      return fail('distSyntax', argument, { got, position: p.position, expected: p.expected, found: p.found === '' ? { en: 'the end of the text', zh: '文本结束' } : `"${p.found}"` });
    case 'family':
      return fail('distUnknownFamily', argument, {
        got,
        family: p.family,
        role: p.role === 'severity' ? { en: 'severity', zh: '损失金额' } : { en: 'frequency', zh: '损失频率' },
        known: p.known.join(', '),
      });
    case 'arity':
      return fail('distArity', argument, { got, family: p.family, expected: p.expected, count: p.count });
    case 'range':
      return fail('distParamRange', argument, { got, family: p.family, param: p.param, rule: p.rule, value: String(p.value) });
    case 'infiniteMoment':
      return fail('distMomentInfinite', argument, { got, order: p.order === 1 ? { en: 'mean', zh: '均值' } : { en: 'second moment', zh: '二阶矩' } });
    case 'unreachable':
      return fail('oepUnreachable', argument, { got, probability: String(p.probability), most: String(p.most) });
  }
}

/** A severity text argument, parsed (its problems name the argument). */
function severityArg(t: string, argument = 'dist'): Severity {
  return guarded(argument, t, () => parseSeverity(t));
}

function frequencyArg(t: string): Frequency {
  return guarded('frequency', t, () => parseFrequency(t));
}

/** The one conversion of an exact amount into a double. */
const toDouble = (d: Decimal): number => d.toNumber();

/** The one conversion of a double result back: exactly that double (see the file comment). */
function result(x: number): Decimal {
  if (!Number.isFinite(x)) fail('resultNotFinite', undefined, { got: String(x) });
  return fromNumber(x === 0 ? 0 : x);
}

/** p in [0, 1): the ratio parameter takes [0, 1], the catalogue excludes 1 for these functions. */
function probabilityBelowOne(p: Decimal, argument: string): number {
  if (p.gte(1)) fail('notBelow', argument, { max: '1', got: p.toString() });
  return toDouble(p);
}

function step(t: Tracer, en: string, zh: string, v: number): void {
  t.step({ en, zh }, fromNumber(v), DISTRIBUTIONS.closedForm);
}

/**
 * The closed-form steps of src/stochastic for the explain view, each with the appendix entry of
 * its family (or the catalogue section). Asked for only when a trace is recorded, after the result
 * was computed: the result never depends on them.
 */
function steps(t: Tracer, make: () => readonly ClosedFormStep[]): void {
  if (!t.enabled) return;
  // A quantity two formulas share (S(a) in a layer's LEV(a), say) is shown once, where first used.
  const shown = new Set<string>();
  for (const s of make()) {
    const key = `${s.label.en}\u0000${String(s.value)}`;
    if (shown.has(key)) continue;
    shown.add(key);
    const value = typeof s.value === 'string' ? s.value : Number.isFinite(s.value) ? fromNumber(s.value === 0 ? 0 : s.value) : Number.isNaN(s.value) ? '—' : '∞';
    t.step(s.label, value, DISTRIBUTION_FORMS[s.source] ?? DISTRIBUTIONS.closedForm);
  }
}

// ---- CYBER.DIST ---------------------------------------------------------------------------------

/** The z of a 90% interval: Φ⁻¹(0.95), as the catalogue writes it. */
const Z95 = 1.6448536269514722;
const TWO_PARAMETER = ['lognormal', 'lomax', 'pareto1', 'gamma', 'weibull'];

function distText(family: string, a: number, b: number, form: string, t: Tracer): string {
  let params: [number, number];
  if (form === 'params') {
    if (!TWO_PARAMETER.includes(family)) fail('distFormFamily', 'family', { got: family, form, families: TWO_PARAMETER.join(', ') });
    params = [a, b];
    // Checked as a text of that family would be, naming a or b.
    const f = findSeverityFamily(family)!;
    try {
      checkParams(f, params);
    } catch (e) {
      if (e instanceof DistributionProblem && e.problem.kind === 'range') {
        const which = f.params.findIndex((p) => p.name === (e.problem as { param: string }).param) === 0 ? 'a' : 'b';
        report(e.problem, which, `${family}(${a},${b})`);
      }
      throw e;
    }
  } else if (form === 'meancv') {
    if (!['lognormal', 'gamma', 'lomax'].includes(family)) fail('distFormFamily', 'family', { got: family, form, families: 'lognormal, gamma, lomax' });
    if (!(a > 0)) fail('notPositive', 'a', { got: String(a) });
    if (family === 'lomax') {
      // alpha = 2b²/(b² − 1) needs b > 1: a Lomax with a finite variance has cv > 1.
      if (!(b > 1)) fail('notAbove', 'b', { min: '1', got: String(b) });
    } else if (!(b > 0)) fail('notPositive', 'b', { got: String(b) });
    const b2 = b * b;
    if (family === 'lognormal') {
      const sigma = Math.sqrt(log1pOf(b2));
      params = [lnOf(a) - (sigma * sigma) / 2, sigma];
      if (t.enabled) {
        step(t, 'sigma = √(ln(1 + cv²))', 'sigma = √(ln(1 + cv²))', params[1]);
        step(t, 'mu = ln(mean) − sigma²/2', 'mu = ln(均值) − sigma²/2', params[0]);
      }
    } else if (family === 'gamma') {
      params = [1 / b2, a * b2];
      if (t.enabled) {
        step(t, 'shape = 1/cv²', '形状 = 1/cv²', params[0]);
        step(t, 'scale = mean × cv²', '尺度 = 均值 × cv²', params[1]);
      }
    } else {
      const alpha = (2 * b2) / (b2 - 1);
      params = [alpha, a * (alpha - 1)];
      if (t.enabled) {
        step(t, 'alpha = 2cv² / (cv² − 1)', 'alpha = 2cv² / (cv² − 1)', params[0]);
        step(t, 'theta = mean × (alpha − 1)', 'theta = 均值 × (alpha − 1)', params[1]);
      }
    }
  } else {
    if (family !== 'lognormal') fail('distFormFamily', 'family', { got: family, form, families: 'lognormal' });
    if (!(a > 0)) fail('notPositive', 'a', { got: String(a) });
    if (!(b > a)) fail('notAbove', 'b', { min: String(a), got: String(b) });
    params = [(lnOf(a) + lnOf(b)) / 2, (lnOf(b) - lnOf(a)) / (2 * Z95)];
    if (t.enabled && params.every(Number.isFinite)) {
      step(t, 'z = Φ⁻¹(0.95)', 'z = Φ⁻¹(0.95)', Z95);
      step(t, 'mu = (ln low + ln high) / 2', 'mu = (ln 下限 + ln 上限) / 2', params[0]);
      step(t, 'sigma = (ln high − ln low) / (2z)', 'sigma = (ln 上限 − ln 下限) / (2z)', params[1]);
    }
  }
  if (!params.every(Number.isFinite)) fail('resultNotFinite', undefined, { got: String(params.find((x) => !Number.isFinite(x))) });
  // Read back to be sure the text is one the parser accepts with these very parameters.
  const textOut = `${family}(${params.map(String).join(',')})`;
  severityArg(textOut, 'a');
  return textOut;
}

// ---- parameters ---------------------------------------------------------------------------------

const distParam = text('dist', {
  label: { en: 'severity', zh: '损失金额分布' },
  description: {
    en: 'A severity text family(p1, p2[, p3[, p4]]): lognormal(mu, sigma), lomax(alpha, theta), pareto1(alpha, theta), gamma(shape, scale), weibull(shape, scale), exponential(mean), pert(min, mode, max[, lambda=4]), constant(x).',
    zh: '损失金额分布文本 family(p1, p2[, p3[, p4]])：lognormal(mu, sigma)、lomax(alpha, theta)、pareto1(alpha, theta)、gamma(shape, scale)、weibull(shape, scale)、exponential(mean)、pert(min, mode, max[, lambda=4])、constant(x)。',
  },
});

const frequencyParam = text('frequency', {
  label: { en: 'frequency', zh: '损失频率分布' },
  description: {
    en: 'Events per year: poisson(lambda), negbin(mean, cv) with cv² > 1/mean, or bernoulli(p).',
    zh: '每年事件数：poisson(lambda)、negbin(mean, cv)（须 cv² > 1/mean）或 bernoulli(p)。',
  },
});

const probabilityParam = (en: string, zh: string) =>
  ratio('p', { label: { en: 'probability', zh: '概率' }, description: { en, zh } });

const NO_LIMIT_EN = '1e308 or more means no limit';
const NO_LIMIT_ZH = '1e308 及以上表示无限额';

// ---- the functions ------------------------------------------------------------------------------

export const DISTRIBUTION_FUNCTIONS: readonly FunctionDefinition[] = [
  {
    name: 'DIST',
    section: 10,
    description: {
      en: 'Builds a severity text from friendlier inputs: "params" family(a, b) for lognormal, lomax, pareto1, gamma, weibull; "meancv" from a mean and a coefficient of variation (lognormal, gamma, lomax); "ci90" a lognormal from a 90% interval a to b.',
      zh: '由更直观的输入生成损失金额分布文本："params" 为 family(a, b)（lognormal、lomax、pareto1、gamma、weibull）；"meancv" 由均值与变异系数生成（lognormal、gamma、lomax）；"ci90" 由 90% 区间 a 至 b 生成对数正态分布。',
    },
    resultKind: 'text',
    articles: [DISTRIBUTIONS.closedForm],
    params: [
      option('family', {
        options: SEVERITY_FAMILIES.map((f) => f.id),
        label: { en: 'family', zh: '分布族' },
        description: { en: 'The severity family, e.g. "lognormal".', zh: '损失金额分布族，例如 "lognormal"。' },
      }),
      number('a', {
        label: { en: 'first input', zh: '第一个输入' },
        description: { en: '"params": the first parameter; "meancv": the mean (> 0); "ci90": the low end of the 90% interval (> 0).', zh: '"params"：第一个参数；"meancv"：均值（大于 0）；"ci90"：90% 区间的下限（大于 0）。' },
      }),
      number('b', {
        label: { en: 'second input', zh: '第二个输入' },
        description: { en: '"params": the second parameter; "meancv": the coefficient of variation (> 0; > 1 for lomax); "ci90": the high end (> a).', zh: '"params"：第二个参数；"meancv"：变异系数（大于 0；lomax 须大于 1）；"ci90"：区间上限（大于 a）。' },
      }),
      option('form', {
        optional: true,
        default: 'params',
        options: ['params', 'meancv', 'ci90'],
        label: { en: 'form', zh: '输入形式' },
        description: { en: '"params" (default), "meancv" or "ci90".', zh: '"params"（默认）、"meancv" 或 "ci90"。' },
      }),
    ],
    formula: '="lognormal(" & (LN(a) + LN(b)) / 2 & "," & (LN(b) - LN(a)) / (2 * NORM.S.INV(0.95)) & ")"',
    example: { formula: '=CYBER.DIST("lognormal", 12, 2)', result: 'lognormal(12,2)' },
    run: (a, t) => distText(a.text('family'), toDouble(a.num('a')), toDouble(a.num('b')), a.text('form'), t),
  },
  {
    name: 'CDF',
    section: 10,
    description: { en: 'F(x) = P(X ≤ x), the probability that one loss is at most x.', zh: 'F(x) = P(X ≤ x)，单次损失不超过 x 的概率。' },
    resultKind: 'number',
    articles: [DISTRIBUTIONS.closedForm],
    params: [
      distParam,
      amount('x', { label: { en: 'amount', zh: '金额' }, description: { en: 'The amount x, 0 or more.', zh: '金额 x，不得为负数。' } }),
    ],
    formula: '=NORM.S.DIST((LN(x) - mu) / sigma, TRUE)',
    example: { formula: '=CYBER.CDF("exponential(1000)", 0)', result: '0' },
    run: (a, t) => {
      const d = severityArg(a.text('dist'));
      const x = toDouble(a.num('x'));
      const v = d.cdf(x);
      steps(t, () => distributionSteps(d, x, 'x', false));
      return result(v);
    },
  },
  {
    name: 'QUANTILE',
    section: 10,
    description: {
      en: 'The p-quantile, the least x with F(x) ≥ p, for p in [0, 1); p = 0 gives the lower end of the support.',
      zh: 'p 分位数，即使 F(x) ≥ p 的最小 x，p 取 [0, 1)；p = 0 时为支撑集下端。',
    },
    resultKind: 'number',
    articles: [DISTRIBUTIONS.closedForm],
    params: [distParam, probabilityParam('Probability p, 0 ≤ p < 1.', '概率 p，0 ≤ p < 1。')],
    formula: '=LOGNORM.INV(p, mu, sigma)',
    example: { formula: '=CYBER.QUANTILE("pareto1(3,2)", 0)', result: '2' },
    run: (a, t) => {
      const d = severityArg(a.text('dist'));
      const p = probabilityBelowOne(a.num('p'), 'p');
      const v = d.quantile(p);
      steps(t, () => quantileSteps(d, p, v, 'x_p'));
      return result(v);
    },
  },
  {
    name: 'LEV',
    section: 10,
    description: {
      en: `Limited expected value E[min(X, limit)^k], k 1 or 2; a limit of ${NO_LIMIT_EN} (then the k-th moment, #NUM! if infinite).`,
      zh: `有限期望值 E[min(X, limit)^k]，k 为 1 或 2；限额${NO_LIMIT_ZH}（此时为 k 阶矩，无穷大时为 #NUM!）。`,
    },
    resultKind: 'number',
    articles: [DISTRIBUTIONS.closedForm],
    params: [
      distParam,
      amount('limit', { label: { en: 'limit', zh: '限额' }, description: { en: `The limit, 0 or more; ${NO_LIMIT_EN}.`, zh: `限额，不得为负数；${NO_LIMIT_ZH}。` } }),
      number('k', { optional: true, default: 1, min: 1, max: 2, whole: true, label: { en: 'moment', zh: '矩的阶数' }, description: { en: 'The moment: 1 (default) or 2.', zh: '矩的阶数：1（默认）或 2。' } }),
    ],
    formula: '=EXP(mu + sigma^2/2) * NORM.S.DIST((LN(limit) - mu - sigma^2) / sigma, TRUE) + limit * (1 - NORM.S.DIST((LN(limit) - mu) / sigma, TRUE))',
    example: { formula: '=CYBER.LEV("pareto1(3,2)", 1e308)', result: '3' },
    run: (a, t) => {
      const dist = a.text('dist');
      const d = severityArg(dist);
      const limit = toDouble(a.num('limit'));
      const k = a.num('k').toNumber() as 1 | 2;
      const v = guarded('dist', dist, () => lev(d, limit, k));
      steps(t, () => levSteps(d, limit, 'limit', k, v));
      return result(v);
    },
  },
  {
    name: 'LAYERLOSS',
    section: 10,
    description: {
      en: 'The layer limit xs attachment on one loss, Y = share × min(max(X − attachment, 0), limit): "mean" E[Y], "sd" its standard deviation, "prob" S(attachment), "severity" E[Y | Y > 0] (#DIV/0! when S(attachment) = 0).',
      zh: '单次损失在层 limit xs attachment 中的部分 Y = share × min(max(X − attachment, 0), limit)："mean" 为 E[Y]，"sd" 为其标准差，"prob" 为 S(attachment)，"severity" 为 E[Y | Y > 0]（S(attachment) = 0 时为 #DIV/0!）。',
    },
    resultKind: 'number',
    articles: [DISTRIBUTIONS.closedForm],
    params: [
      distParam,
      amount('attachment', { label: { en: 'attachment', zh: '起赔点' }, description: { en: 'Where the layer attaches, 0 or more.', zh: '该层的起赔点，不得为负数。' } }),
      amount('limit', { label: { en: 'layer limit', zh: '层限额' }, description: { en: `The width of the layer, 0 or more; ${NO_LIMIT_EN}.`, zh: `该层的宽度，不得为负数；${NO_LIMIT_ZH}。` } }),
      ratio('share', { optional: true, default: 1, label: { en: 'share', zh: '份额' }, description: { en: 'The share of the layer taken, 0 to 1 (default 1).', zh: '承担该层的份额，0 至 1（默认 1）。' } }),
      option('stat', {
        optional: true,
        default: 'mean',
        options: ['mean', 'sd', 'prob', 'severity'],
        label: { en: 'statistic', zh: '统计量' },
        description: { en: '"mean" (default), "sd", "prob" or "severity".', zh: '"mean"（默认）、"sd"、"prob" 或 "severity"。' },
      }),
    ],
    formula: '=share * (CYBER.LEV(dist, attachment + limit) - CYBER.LEV(dist, attachment))',
    example: { formula: '=CYBER.LAYERLOSS("constant(500)", 100, 300)', result: '300' },
    run: (a, t) => {
      const dist = a.text('dist');
      const d = severityArg(dist);
      const stat = a.text('stat') as LayerStat;
      const [att, limit, share] = [toDouble(a.num('attachment')), toDouble(a.num('limit')), toDouble(a.num('share'))];
      const v = guarded('dist', dist, () => layerLoss(d, att, limit, share, stat));
      if (v === undefined) fail('layerNeverReached', 'attachment', { got: a.num('attachment').toString(), dist });
      steps(t, () => layerSteps(d, att, limit, share, stat, v));
      return result(v);
    },
  },
  {
    name: 'ILF',
    section: 10,
    description: {
      en: `Increased limit factor (LEV(limit) + alae) / (LEV(base_limit) + alae), alae a fixed allocated loss-adjustment expense per claim; ${NO_LIMIT_EN}.`,
      zh: `增限因子 (LEV(limit) + alae) / (LEV(base_limit) + alae)，alae 为每件索赔固定的已分配理赔费用；${NO_LIMIT_ZH}。`,
    },
    resultKind: 'number',
    articles: [DISTRIBUTIONS.closedForm],
    params: [
      distParam,
      amount('limit', { label: { en: 'limit', zh: '限额' }, description: { en: `The limit priced, 0 or more; ${NO_LIMIT_EN}.`, zh: `所定价的限额，不得为负数；${NO_LIMIT_ZH}。` } }),
      amount('base_limit', { greaterThan: 0, label: { en: 'base limit', zh: '基础限额' }, description: { en: 'The base limit, greater than 0.', zh: '基础限额，须大于 0。' } }),
      amount('alae', { optional: true, default: 0, label: { en: 'ALAE per claim', zh: '每件索赔的理赔费用' }, description: { en: 'Allocated loss-adjustment expense per claim, 0 or more (default 0).', zh: '每件索赔的已分配理赔费用，不得为负数（默认 0）。' } }),
    ],
    formula: '=(CYBER.LEV(dist, limit) + alae) / (CYBER.LEV(dist, base_limit) + alae)',
    example: { formula: '=CYBER.ILF("constant(500)", 1000, 250)', result: '2' },
    run: (a, t) => {
      const dist = a.text('dist');
      const d = severityArg(dist);
      const [limit, base, alae] = [toDouble(a.num('limit')), toDouble(a.num('base_limit')), toDouble(a.num('alae'))];
      const v = guarded('dist', dist, () => ilf(d, limit, base, alae));
      if (v === undefined) fail('ilfBaseZero', 'base_limit', { dist });
      steps(t, () => ilfSteps(d, limit, base, alae, v));
      return result(v);
    },
  },
  {
    name: 'TVAR',
    section: 10,
    description: {
      en: 'Tail value at risk VaR_p + (E[X] − LEV(VaR_p)) / (1 − p), VaR_p = CYBER.QUANTILE(dist, p), p in [0, 1); #NUM! when E[X] is infinite.',
      zh: '尾部风险价值 VaR_p + (E[X] − LEV(VaR_p)) / (1 − p)，VaR_p = CYBER.QUANTILE(dist, p)，p 取 [0, 1)；E[X] 无穷大时为 #NUM!。',
    },
    resultKind: 'number',
    articles: [DISTRIBUTIONS.closedForm],
    params: [distParam, probabilityParam('Probability p, 0 ≤ p < 1.', '概率 p，0 ≤ p < 1。')],
    formula: '=CYBER.QUANTILE(dist, p) + (CYBER.LEV(dist, 1e308) - CYBER.LEV(dist, CYBER.QUANTILE(dist, p))) / (1 - p)',
    example: { formula: '=CYBER.TVAR("exponential(1000)", 0)', result: '1000' },
    run: (a, t) => {
      const dist = a.text('dist');
      const d = severityArg(dist);
      const p = probabilityBelowOne(a.num('p'), 'p');
      const v = guarded('dist', dist, () => tvar(d, p));
      steps(t, () => tvarSteps(d, p, v));
      return result(v);
    },
  },
  {
    name: 'OEP',
    section: 10,
    description: {
      en: 'Occurrence exceedance: the probability that the largest single loss of a year exceeds x, 1 − P_N(F(x)) with P_N the frequency’s probability generating function.',
      zh: '单次损失超越概率：一年中最大单次损失超过 x 的概率，1 − P_N(F(x))，P_N 为频率分布的概率母函数。',
    },
    resultKind: 'number',
    articles: [DISTRIBUTIONS.closedForm],
    params: [frequencyParam, distParam, amount('x', { label: { en: 'amount', zh: '金额' }, description: { en: 'The amount x, 0 or more.', zh: '金额 x，不得为负数。' } })],
    formula: '=1 - EXP(-lambda * (1 - CYBER.CDF(dist, x)))',
    example: { formula: '=CYBER.OEP("bernoulli(0.5)", "constant(100)", 50)', result: '0.5' },
    run: (a, t) => {
      const n = frequencyArg(a.text('frequency'));
      const d = severityArg(a.text('dist'));
      const x = toDouble(a.num('x'));
      const v = oep(n, d, x);
      steps(t, () => oepSteps(n, d, x, v));
      return result(v);
    },
  },
  {
    name: 'OEPLOSS',
    section: 10,
    description: {
      en: 'The loss whose occurrence exceedance probability is 1 / return_period (return_period > 1); #NUM! when the frequency can never reach that probability.',
      zh: '单次损失超越概率为 1 / return_period 的损失金额（return_period > 1）；频率分布无法达到该概率时为 #NUM!。',
    },
    resultKind: 'number',
    articles: [DISTRIBUTIONS.closedForm],
    params: [
      frequencyParam,
      distParam,
      number('return_period', { greaterThan: 1, label: { en: 'return period', zh: '重现期' }, description: { en: 'The return period in years, greater than 1.', zh: '重现期（年），须大于 1。' } }),
    ],
    formula: '=CYBER.QUANTILE(dist, 1 + LN(1 - 1 / return_period) / lambda)',
    example: { formula: '=CYBER.OEPLOSS("bernoulli(0.5)", "constant(100)", 2)', result: '100' },
    run: (a, t) => {
      const freq = a.text('frequency');
      const n = frequencyArg(freq);
      const d = severityArg(a.text('dist'));
      const T = toDouble(a.num('return_period'));
      const v = guarded('frequency', freq, () => oepLoss(n, d, T));
      steps(t, () => oepLossSteps(n, d, T, v));
      return result(v);
    },
  },
];

/**
 * The families table and the parser, for the hosts (the pricing pane draws an exceedance curve and
 * lists the families from the same table): hosts reach src/stochastic only through the engine.
 */
export { FREQUENCY_FAMILIES, parseFrequency, parseSeverity, SEVERITY_FAMILIES, DistributionProblem, NO_LIMIT } from '../stochastic';
export type { Frequency, FrequencyFamily, Problem, Severity, SeverityFamily } from '../stochastic';
