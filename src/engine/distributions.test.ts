/**
 * Catalogue section 10 through the engine: the published figures, the known traps of other
 * tools, and every error rule (text that does not parse names the position, a parameter out of
 * range names the parameter, an infinite moment is #NUM!). The golden tables against SciPy are in
 * test/golden/distributions.test.ts, the identities in src/stochastic/properties.test.ts.
 */
import { evaluate } from './evaluate';
import type { RawArgument } from './values';

function num(fn: string, args: RawArgument[]): number {
  const o = evaluate(fn, args);
  if (!o.ok) throw new Error(`${fn}: ${o.error.message.en}`);
  return o.value as number;
}

function error(fn: string, args: RawArgument[]) {
  const o = evaluate(fn, args);
  if (o.ok) throw new Error(`${fn} gave ${String(o.value)}`);
  return o.error;
}

const rel = (x: number, want: number) => Math.abs(x - want) / Math.abs(want);

describe('published figures', () => {
  it('a lognormal from the 90% interval 100,000 to 1,000,000 has mean 404,001.28269457 (riskquant: ×0.10 = 40,400.128269457)', () => {
    const dist = evaluate('DIST', ['lognormal', 100000, 1000000, 'ci90']);
    expect(dist.ok).toBe(true);
    const text = (dist as { value: string }).value;
    expect(text).toMatch(/^lognormal\([0-9.]+,[0-9.]+\)$/);
    const mean = num('LEV', [text, 1e308]);
    expect(rel(mean, 404001.28269457)).toBeLessThan(1e-12);
    expect(rel(0.1 * mean, 40400.128269457)).toBeLessThan(1e-12);
  });

  it('Poisson λ = 2 with lognormal(12, 2): OEP(1,000,000), the 1-in-100 occurrence loss, the layer 1,000,000 xs 100,000', () => {
    expect(rel(num('OEP', ['poisson(2)', 'lognormal(12,2)', 1000000]), 0.3051140384)).toBeLessThan(1e-10);
    expect(Math.abs(num('OEPLOSS', ['poisson(2)', 'lognormal(12,2)', 100]) - 28013169.1)).toBeLessThan(0.005);
    expect(Math.abs(num('LAYERLOSS', ['lognormal(12,2)', 100000, 1000000]) - 290196.705352)).toBeLessThan(5e-7);
  });
});

describe('the traps of other tools', () => {
  it('the standard PERT (0, 0.5, 1) is Beta(3, 3) (variance 1/28), not Beta(4, 4) (1/36)', () => {
    const m1 = num('LEV', ['pert(0,0.5,1)', 1e308]);
    const m2 = num('LEV', ['pert(0,0.5,1)', 1e308, 2]);
    expect(m1).toBe(0.5);
    expect(rel(m2 - m1 * m1, 1 / 28)).toBeLessThan(1e-12);
    // Beta(3, 3): F(0.25) = 3·0.25^3·... = 0.103515625 exactly (I_{1/4}(3,3) = 53/512).
    expect(rel(num('CDF', ['pert(0,0.5,1)', 0.25]), 53 / 512)).toBeLessThan(1e-13);
  });

  it('pareto1(3, 2) has mean 3 and median 2.5198420997897 (a popular library answers 12 and 8.485)', () => {
    expect(num('LEV', ['pareto1(3,2)', 1e308])).toBe(3);
    expect(rel(num('QUANTILE', ['pareto1(3,2)', 0.5]), 2.5198420997897464)).toBeLessThan(1e-15);
  });
});

describe('CYBER.DIST', () => {
  it.each<[RawArgument[], string]>([
    [['lognormal', 12, 2], 'lognormal(12,2)'],
    [['LogNormal ', -1.5, 0.25, 'params'], 'lognormal(-1.5,0.25)'],
    [['gamma', 1000, 0.5, 'meancv'], 'gamma(4,250)'],
    [['lomax', 1000, 2, 'meancv'], `lomax(${8 / 3},${1000 * (8 / 3 - 1)})`],
  ])('%j → %s', (args, want) => {
    const o = evaluate('DIST', args);
    expect(o.ok && o.value).toBe(want);
  });

  it('"meancv" lognormal: the mean and the cv come back', () => {
    const text = (evaluate('DIST', ['lognormal', 250000, 1.5, 'meancv']) as { value: string }).value;
    const m1 = num('LEV', [text, 1e308]);
    const m2 = num('LEV', [text, 1e308, 2]);
    expect(rel(m1, 250000)).toBeLessThan(1e-14);
    expect(rel(Math.sqrt(m2 - m1 * m1) / m1, 1.5)).toBeLessThan(1e-12);
  });

  it.each<[RawArgument[], string, string | undefined, string]>([
    [['pert', 1, 2], '#VALUE!', 'family', 'distFormFamily'],
    [['exponential', 1, 2, 'meancv'], '#VALUE!', 'family', 'distFormFamily'],
    [['gamma', 1, 2, 'ci90'], '#VALUE!', 'family', 'distFormFamily'],
    [['lognormal', 1, 0], '#VALUE!', 'b', 'distParamRange'],
    [['gamma', -1, 2], '#VALUE!', 'a', 'distParamRange'],
    [['lomax', 1000, 1, 'meancv'], '#VALUE!', 'b', 'notAbove'],
    [['lognormal', 0, 1, 'meancv'], '#VALUE!', 'a', 'notPositive'],
    [['lognormal', 10, 10, 'ci90'], '#VALUE!', 'b', 'notAbove'],
    [['normal', 1, 2], '#VALUE!', 'family', 'unknownOption'],
  ])('%j is %s naming %s', (args, code, argument, rule) => {
    const e = error('DIST', args);
    expect([e.code, e.argument, e.rule]).toEqual([code, argument, rule]);
  });
});

describe('closed forms at simple points', () => {
  it.each<[string, RawArgument[], number]>([
    ['CDF', ['exponential(1000)', 1000], 1 - Math.exp(-1)],
    ['CDF', ['constant(500)', 500], 1],
    ['CDF', ['constant(500)', 499.99], 0],
    ['QUANTILE', ['constant(500)', 0], 500],
    ['QUANTILE', ['pert(10,20,30)', 0], 10],
    ['QUANTILE', ['lognormal(0,1)', 0], 0],
    ['LEV', ['constant(500)', 200], 200],
    ['LEV', ['constant(500)', 200, 2], 40000],
    ['LAYERLOSS', ['constant(500)', 400, 300, 0.5, 'mean'], 50],
    ['LAYERLOSS', ['constant(500)', 400, 300, 1, 'sd'], 0],
    ['LAYERLOSS', ['exponential(1000)', 1000, 1e308, 1, 'prob'], Math.exp(-1)],
    ['LAYERLOSS', ['exponential(1000)', 1000, 1e308, 1, 'severity'], 1000],
    ['ILF', ['exponential(1000)', 1000, 1000], 1],
    ['TVAR', ['constant(500)', 0.9], 500],
    ['OEP', ['bernoulli(0.25)', 'constant(100)', 99], 0.25],
    ['OEP', ['poisson(0)', 'lognormal(12,2)', 0], 0],
  ])('%s %j', (fn, args, want) => {
    const v = num(fn, args);
    if (want === 0) expect(v).toBe(0);
    else expect(rel(v, want)).toBeLessThan(1e-15);
  });
});

describe('every error rule', () => {
  it.each<[string, RawArgument[], string, string | undefined, string, RegExp?]>([
    // A text that does not parse names the position.
    ['CDF', ['lognormal(12;2)', 1], '#VALUE!', 'dist', 'distSyntax', /character 13/],
    // Spaces are ignored anywhere, so the name read is "lognormal12"; positions count the space.
    ['CDF', ['lognormal 12,2)', 1], '#VALUE!', 'dist', 'distSyntax', /character 13 "\(" was expected, but "," was found/],
    ['CDF', ['lognormal(12,2', 1], '#VALUE!', 'dist', 'distSyntax', /character 15 .*the end of the text was found/],
    ['CDF', ['lognormal(12,2)x', 1], '#VALUE!', 'dist', 'distSyntax', /character 16/],
    ['CDF', ['(12,2)', 1], '#VALUE!', 'dist', 'distSyntax', /character 1 /],
    ['CDF', ['lognormal(1e,2)', 1], '#VALUE!', 'dist', 'distSyntax', /character 12/],
    ['OEP', ['poisson(2', 'lognormal(12,2)', 1], '#VALUE!', 'frequency', 'distSyntax', /character 10/],
    // Unknown family, for its role.
    ['CDF', ['normal(0,1)', 1], '#VALUE!', 'dist', 'distUnknownFamily', /lognormal, lomax, pareto1, gamma, weibull, exponential, pert, constant/],
    ['OEP', ['lognormal(12,2)', 'lognormal(12,2)', 1], '#VALUE!', 'frequency', 'distUnknownFamily', /poisson, negbin, bernoulli/],
    // The number of parameters.
    ['CDF', ['lognormal(12)', 1], '#VALUE!', 'dist', 'distArity', /takes 2 parameters, but 1 were given/],
    ['CDF', ['pert(1,2,3,4,5)', 1], '#VALUE!', 'dist', 'distArity', /takes 3–4/],
    // A parameter out of range names the parameter.
    ['CDF', ['lognormal(12,0)', 1], '#VALUE!', 'dist', 'distParamRange', /parameter sigma of lognormal must be greater than 0, but it is 0/],
    ['CDF', ['lomax(-1,2)', 1], '#VALUE!', 'dist', 'distParamRange', /parameter alpha/],
    ['CDF', ['pareto1(1,0)', 1], '#VALUE!', 'dist', 'distParamRange', /parameter theta/],
    ['CDF', ['gamma(0,1)', 1], '#VALUE!', 'dist', 'distParamRange', /parameter shape/],
    ['CDF', ['weibull(1,-2)', 1], '#VALUE!', 'dist', 'distParamRange', /parameter scale/],
    ['CDF', ['exponential(0)', 1], '#VALUE!', 'dist', 'distParamRange', /parameter mean/],
    ['CDF', ['pert(-1,0,1)', 1], '#VALUE!', 'dist', 'distParamRange', /parameter min/],
    ['CDF', ['pert(0,2,1)', 1], '#VALUE!', 'dist', 'distParamRange', /parameter mode of pert must be between min \(0\) and max \(1\)/],
    ['CDF', ['pert(1,1,1)', 1], '#VALUE!', 'dist', 'distParamRange', /parameter max of pert must be greater than min/],
    ['CDF', ['pert(0,1,2,0)', 1], '#VALUE!', 'dist', 'distParamRange', /parameter lambda/],
    ['CDF', ['constant(-5)', 1], '#VALUE!', 'dist', 'distParamRange', /parameter x/],
    ['CDF', ['lognormal(1e999,1)', 1], '#VALUE!', 'dist', 'distParamRange', /parameter mu of lognormal must be a finite number/],
    ['OEP', ['poisson(-1)', 'lognormal(12,2)', 1], '#VALUE!', 'frequency', 'distParamRange', /parameter lambda/],
    ['OEP', ['negbin(2,0.5)', 'lognormal(12,2)', 1], '#VALUE!', 'frequency', 'distParamRange', /parameter cv of negbin must be such that cv² > 1\/mean/],
    ['OEP', ['bernoulli(1.5)', 'lognormal(12,2)', 1], '#VALUE!', 'frequency', 'distParamRange', /parameter p of bernoulli must be at least 0 and at most 1/],
    // An infinite moment is #NUM!.
    ['LEV', ['lomax(1,1000)', 1e308], '#NUM!', 'dist', 'distMomentInfinite', /infinite mean/],
    ['LEV', ['pareto1(2,1000)', 1e308, 2], '#NUM!', 'dist', 'distMomentInfinite', /infinite second moment/],
    ['TVAR', ['lomax(0.9,1000)', 0.99], '#NUM!', 'dist', 'distMomentInfinite'],
    ['ILF', ['lomax(1,1000)', 1e308, 1000], '#NUM!', 'dist', 'distMomentInfinite'],
    ['LAYERLOSS', ['lomax(1,1000)', 1000, 1e308], '#NUM!', 'dist', 'distMomentInfinite'],
    ['LAYERLOSS', ['lomax(1.5,1000)', 1000, 1e308, 1, 'sd'], '#NUM!', 'dist', 'distMomentInfinite'],
    // p in [0, 1); return_period > 1; the frequency must reach the probability.
    ['QUANTILE', ['lognormal(12,2)', 1], '#VALUE!', 'p', 'notBelow'],
    ['TVAR', ['lognormal(12,2)', 1], '#VALUE!', 'p', 'notBelow'],
    ['OEPLOSS', ['poisson(2)', 'lognormal(12,2)', 1], '#VALUE!', 'return_period', 'notAbove'],
    ['OEPLOSS', ['bernoulli(0.005)', 'lognormal(12,2)', 100], '#NUM!', 'frequency', 'oepUnreachable', /at most 0.005/],
    ['OEPLOSS', ['poisson(0)', 'lognormal(12,2)', 100], '#NUM!', 'frequency', 'oepUnreachable'],
    ['LEV', ['lognormal(12,2)', 100, 3], '#VALUE!', 'k', 'aboveMaximum'],
    ['LEV', ['lognormal(12,2)', 100, 1.5], '#VALUE!', 'k', 'notWhole'],
    ['ILF', ['lognormal(12,2)', 100, 0], '#VALUE!', 'base_limit', 'notPositive'],
    // #DIV/0!: a layer never reached, a base LEV of 0.
    ['LAYERLOSS', ['pert(0,1,2)', 2, 10, 1, 'severity'], '#DIV/0!', 'attachment', 'layerNeverReached'],
    ['ILF', ['constant(0)', 100, 10], '#DIV/0!', 'base_limit', 'ilfBaseZero'],
    // A result too large for a double.
    ['LEV', ['lognormal(800,1)', 1e308], '#NUM!', undefined, 'resultNotFinite'],
  ])('%s %j is %s naming %s (%s)', (...row) => {
    // A rest parameter: with a sixth named one, it.each would pass a done callback to shorter rows.
    const [fn, args, code, argument, rule, message] = row;
    const e = error(fn, args);
    expect([e.code, e.argument, e.rule]).toEqual([code, argument, rule]);
    if (message) expect(e.message.en).toMatch(message);
    // Both languages carry the message; the Chinese names the argument with its label.
    expect(e.message.zh).not.toMatch(/\{\w+\}/);
    expect(e.message.en).not.toMatch(/\{\w+\}/);
  });
});
