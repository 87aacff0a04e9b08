/**
 * The explain view's steps of catalogue section 10: each closed form written out with its
 * intermediate values and its source (the family's entry in Loss Models appendix A, or the
 * catalogue section). The steps come after the result and never change it: the last step is the
 * very double the cell gives.
 */
import { evaluate } from './evaluate';
import type { RawArgument } from './values';

function traced(name: string, args: RawArgument[]) {
  const r = evaluate(name, args, { trace: true });
  if (!r.ok) throw new Error(r.error.message.en);
  return { value: r.value as number, steps: r.trace };
}

const byLabel = (steps: ReturnType<typeof traced>['steps'], part: string) => {
  const s = steps.find((x) => x.label.en.includes(part));
  if (!s) throw new Error(`no step ${part} in ${steps.map((x) => x.label.en).join(' | ')}`);
  return s;
};

describe('section 10 steps', () => {
  it('LEV of a lognormal: z, E[X], Φ(z − σ), 1 − Φ(z) and the formula in Φ, from Loss Models appendix A', () => {
    const { value, steps } = traced('LEV', ['lognormal(12,2)', 1000000]);
    const z = (Math.log(1e6) - 12) / 2;
    expect(Number(byLabel(steps, 'z = (ln limit − μ) / σ').value)).toBeCloseTo(z, 14);
    expect(Number(byLabel(steps, 'E[X] = exp(μ + σ²/2)').value)).toBeCloseTo(Math.exp(14), 6);
    const phi = Number(byLabel(steps, 'Φ(z − σ)').value);
    const sf = Number(byLabel(steps, '1 − Φ(z)').value);
    // The formula's own arithmetic reproduces the result from the shown values.
    expect(Math.exp(14) * phi + 1e6 * sf).toBeCloseTo(value, 4);
    const last = steps[steps.length - 1];
    expect(last.label.en).toContain('E[X] Φ(z − σ) + limit (1 − Φ(z))');
    expect(last.label.zh).toContain('标准正态分布函数');
    expect(Number(last.value)).toBe(value);
    expect(last.article?.en).toContain('Loss Models, appendix A: lognormal');
    expect(last.article?.zh).toContain('附录 A：对数正态分布');
  });

  it('the layer 1,000,000 xs 100,000 of lognormal(12, 2): LEV(a), LEV(b), their difference, 290,196.705352', () => {
    const { value, steps } = traced('LAYERLOSS', ['lognormal(12,2)', 100000, 1000000]);
    expect(value).toBeCloseTo(290196.705352, 5);
    const la = Number(byLabel(steps, 'LEV(a) = E[min(X, a)]').value);
    const lb = Number(byLabel(steps, 'LEV(b) = E[min(X, b)]').value);
    expect(lb - la).toBeCloseTo(value, 6);
    expect(Number(byLabel(steps, 'b = a + l').value)).toBe(1100000);
    expect(Number(steps[steps.length - 1].value)).toBe(value);
    expect(steps[steps.length - 1].article?.en).toContain('§10');
    // S(a) is shown once although both S(a) and LEV(a) use it.
    expect(steps.filter((s) => s.label.en === 'z = (ln a − μ) / σ')).toHaveLength(1);
  });

  it('layer sd: the second moments and the catalogue E[Y²]', () => {
    const { value, steps } = traced('LAYERLOSS', ['gamma(2,1000)', 500, 2000, 0.5, 'sd']);
    const ey2 = Number(byLabel(steps, 'E[Y²] / share²').value);
    const band = Number(byLabel(steps, '∫ₐᵇ S(x) dx').value);
    expect(0.5 * Math.sqrt(ey2 - band * band)).toBeCloseTo(value, 9);
    expect(byLabel(steps, 'E[min(X, b)²] = E[X²] P(α + 2, b/θ) + b² Q(α, b/θ)').article?.en).toContain('appendix A: gamma');
  });

  it('ILF of a PERT: the Beta shapes, LEV(limit), LEV(base)', () => {
    const { value, steps } = traced('ILF', ['pert(0,5,10)', 8, 5]);
    expect(Number(byLabel(steps, 'α1 =').value)).toBe(3);
    expect(Number(byLabel(steps, 'α2 =').value)).toBe(3);
    const l = Number(byLabel(steps, 'LEV(limit)').value);
    const b = Number(byLabel(steps, 'LEV(base)').value);
    expect(l / b).toBe(value);
  });

  it('OEP and OEPLOSS name the frequency’s generating function (appendix B)', () => {
    const oep = traced('OEP', ['poisson(2)', 'lognormal(12,2)', 1000000]);
    expect(oep.value).toBeCloseTo(0.3051140384, 10);
    const s = Number(byLabel(oep.steps, 'S(x) = 1 − Φ(z)').value);
    expect(1 - Math.exp(-2 * s)).toBeCloseTo(oep.value, 15);
    expect(oep.steps[oep.steps.length - 1].article?.en).toContain('appendix B: Poisson');
    const loss = traced('OEPLOSS', ['poisson(2)', 'lognormal(12,2)', 100]);
    expect(loss.value).toBeCloseTo(28013169.1, 1);
    expect(Number(byLabel(loss.steps, 'S = −ln(1 − 1/T) / λ').value)).toBeCloseTo(-Math.log(0.99) / 2, 15);
  });

  it('TVAR: VaR, E[X], the excess, the result', () => {
    const { value, steps } = traced('TVAR', ['exponential(1000)', 0.9]);
    const v = Number(byLabel(steps, 'VaR_p = −θ ln(1 − p)').value);
    expect(v).toBeCloseTo(1000 * Math.log(10), 9);
    const ex = Number(byLabel(steps, 'E[(X − VaR)+]').value);
    expect(v + ex / 0.1).toBeCloseTo(value, 9);
  });

  it('DIST ci90 shows z, mu and sigma', () => {
    const r = evaluate('DIST', ['lognormal', 100000, 1000000, 'ci90'], { trace: true });
    expect(r.ok && r.trace.map((s) => s.label.en)).toEqual(['z = Φ⁻¹(0.95)', 'mu = (ln low + ln high) / 2', 'sigma = (ln high − ln low) / (2z)']);
  });

  it('every section-10 function and family gives steps with a source, and the same value as without a trace', () => {
    const dists = ['lognormal(12,2)', 'lomax(3,100000)', 'pareto1(3,2)', 'gamma(2,1000)', 'weibull(0.7,50000)', 'exponential(1000)', 'pert(0,500,10000)', 'constant(500)'];
    for (const d of dists) {
      const calls: Array<[string, RawArgument[]]> = [
        ['CDF', [d, 600]],
        ['QUANTILE', [d, 0.99]],
        ['LEV', [d, 600]],
        ['LEV', [d, 600, 2]],
        ['LEV', [d, 1e308]],
        ['LAYERLOSS', [d, 100, 900, 1, 'mean']],
        ['LAYERLOSS', [d, 100, 900, 1, 'sd']],
        ['LAYERLOSS', [d, 100, 900, 1, 'prob']],
        ['LAYERLOSS', [d, 100, 900, 1, 'severity']],
        ['ILF', [d, 1000, 500]],
        ['TVAR', [d, 0.9]],
        ['OEP', ['negbin(2,1)', d, 600]],
        ['OEPLOSS', ['bernoulli(0.5)', d, 10]],
      ];
      for (const [name, args] of calls) {
        const plain = evaluate(name, args);
        const withTrace = evaluate(name, args, { trace: true });
        expect(withTrace.ok).toBe(plain.ok);
        if (!plain.ok || !withTrace.ok) continue;
        expect(Object.is(withTrace.value, plain.value)).toBe(true);
        expect(withTrace.trace.length).toBeGreaterThanOrEqual(1);
        for (const s of withTrace.trace) {
          expect(s.article?.en).toContain('§10');
          expect(typeof s.value === 'string' && /NaN|Infinity/.test(s.value)).toBe(false);
        }
        expect(Number(withTrace.trace[withTrace.trace.length - 1].value)).toBe(plain.value);
      }
    }
  });
});
