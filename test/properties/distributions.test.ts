/**
 * Catalogue section 10: the identities of the closed forms, as properties over every family
 * (issue 13 item 3). Values go through the engine (evaluate), so the cell functions themselves are
 * checked; the numerical integration uses src/stochastic's S(x) directly.
 *
 * - LEV(∞) = mean where finite: LEV(u) + LAYERLOSS(u xs ∞) = LEV(1e308);
 * - LAYERLOSS means of adjacent layers add up to the combined layer;
 * - ILF(base, base) = 1, and ILF rises with the limit;
 * - QUANTILE(CDF(x)) = x (continuous families, F(x) away from 0 and 1);
 * - TVAR ≥ QUANTILE;
 * - OEP falls as x rises; OEPLOSS inverts OEP;
 * - LEV against a numerical integration of the survival function, ∫_0^u S(x) dx.
 */
import fc from 'fast-check';
import { evaluate, type RawArgument } from '../../src/engine';
import { parseSeverity } from '../../src/stochastic';
import { cents, fcParams, frequencyText, RUNS, severityText } from './arbitraries';

/** Each property evaluates a few cells per case: a tenth of the suite's runs, at least 200. */
const runs = Math.max(200, Math.floor(RUNS / 10));

function num(fn: string, args: RawArgument[]): number | undefined {
  const o = evaluate(fn, args);
  if (o.ok) return o.value as number;
  // The only errors a valid severity may give here: an infinite moment (#NUM!), a layer never
  // reached or a base LEV of 0 (#DIV/0!, constant(0)), a frequency that never reaches 1/T.
  expect(['distMomentInfinite', 'layerNeverReached', 'ilfBaseZero', 'oepUnreachable', 'resultNotFinite']).toContain(o.error.rule);
  return undefined;
}

const close = (got: number, want: number, rel: number, abs = 1e-12) => Math.abs(got - want) <= Math.max(abs, rel * Math.abs(want));

const family = (t: string) => t.trim().toLowerCase().replace(/\s*\(.*$/, '');
const continuous = (t: string) => family(t) !== 'constant';

describe('section 10 identities', () => {
  it('LEV(u) + E[(X − u)+] = LEV(∞) = the mean, where finite', () => {
    fc.assert(
      fc.property(severityText, cents, (d, u) => {
        const mean = num('LEV', [d, 1e308]);
        if (mean === undefined) return;
        const below = num('LEV', [d, u])!;
        const above = num('LAYERLOSS', [d, u, 1e308])!;
        expect(below).toBeLessThanOrEqual(mean * (1 + 1e-12));
        expect(close(below + above, mean, 1e-11)).toBe(true);
      }),
      fcParams(runs),
    );
  });

  it('adjacent layers add up to the combined layer', () => {
    fc.assert(
      fc.property(severityText, cents, cents, cents, (d, a, l1, l2) => {
        const lower = num('LAYERLOSS', [d, a, l1])!;
        const upper = num('LAYERLOSS', [d, a + l1, l2])!;
        const both = num('LAYERLOSS', [d, a, l1 + l2])!;
        // (a + l1) + l2 and a + (l1 + l2) may differ by an ulp of the amounts: S ≤ 1 times that.
        expect(close(lower + upper, both, 1e-11, 1e-12 + 4 * Number.EPSILON * (a + l1 + l2))).toBe(true);
      }),
      fcParams(runs),
    );
  });

  it('ILF(base, base) = 1 and ILF rises with the limit', () => {
    fc.assert(
      fc.property(severityText, cents, cents, cents, (d, base0, l1, dl) => {
        const base = base0 > 0 ? base0 : 1;
        const one = num('ILF', [d, base, base]);
        if (one === undefined) return;
        expect(one).toBe(1);
        const lo = num('ILF', [d, l1, base])!;
        const hi = num('ILF', [d, l1 + dl, base])!;
        expect(hi).toBeGreaterThanOrEqual(lo * (1 - 1e-15));
      }),
      fcParams(runs),
    );
  });

  it('QUANTILE(CDF(x)) = x for a continuous severity, F(x) in [1e-6, 1 − 1e-6]', () => {
    fc.assert(
      fc.property(severityText.filter(continuous), fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (d, p) => {
        const x = num('QUANTILE', [d, p])!;
        const f = num('CDF', [d, x])!;
        if (f < 1e-6 || f > 1 - 1e-6) return;
        const back = num('QUANTILE', [d, f])!;
        expect(close(back, x, 1e-8, 1e-9)).toBe(true);
      }),
      fcParams(runs),
    );
  });

  it('TVAR ≥ QUANTILE', () => {
    fc.assert(
      fc.property(severityText, fc.double({ min: 0, max: 0.9999, noNaN: true }), (d, p) => {
        const t = num('TVAR', [d, p]);
        if (t === undefined) return;
        expect(t).toBeGreaterThanOrEqual(num('QUANTILE', [d, p])! * (1 - 1e-12));
      }),
      fcParams(runs),
    );
  });

  it('OEP falls as x rises', () => {
    fc.assert(
      fc.property(frequencyText, severityText, cents, cents, (n, d, x, dx) => {
        const lo = num('OEP', [n, d, x])!;
        const hi = num('OEP', [n, d, x + dx])!;
        expect(hi).toBeLessThanOrEqual(lo);
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(lo).toBeLessThanOrEqual(1);
      }),
      fcParams(runs),
    );
  });

  it('OEPLOSS inverts OEP (continuous severities, where the frequency reaches 1/T)', () => {
    fc.assert(
      fc.property(frequencyText, severityText.filter(continuous), fc.double({ min: 1.01, max: 5000, noNaN: true }), (n, d, t) => {
        const x = num('OEPLOSS', [n, d, t]);
        if (x === undefined) return;
        const lower = parseSeverity(d).lower;
        if (x <= lower) return; // every year exceeds the lower end: OEP there is the frequency's most
        expect(close(num('OEP', [n, d, x])!, 1 / t, 1e-8)).toBe(true);
      }),
      fcParams(runs),
    );
  });
});

// ---- LEV against numerical integration -----------------------------------------------------------

/** Adaptive Simpson of f over [a, b] to a relative tolerance. */
function simpson(f: (x: number) => number, a: number, b: number, tol: number): number {
  const rec = (a0: number, b0: number, fa: number, fm: number, fb: number, whole: number, depth: number): number => {
    const m = (a0 + b0) / 2;
    const lm = (a0 + m) / 2;
    const rm = (m + b0) / 2;
    const flm = f(lm);
    const frm = f(rm);
    const left = ((m - a0) / 6) * (fa + 4 * flm + fm);
    const right = ((b0 - m) / 6) * (fm + 4 * frm + fb);
    if (depth <= 0 || Math.abs(left + right - whole) <= 15 * tol * Math.abs(left + right)) return left + right + (left + right - whole) / 15;
    return rec(a0, m, fa, flm, fm, left, depth - 1) + rec(m, b0, fm, frm, fb, right, depth - 1);
  };
  const fa = f(a);
  const fb = f(b);
  const fm = f((a + b) / 2);
  return rec(a, b, fa, fm, fb, ((b - a) / 6) * (fa + 4 * fm + fb), 40);
}

describe('LEV against a numerical integration of the survival function', () => {
  it('E[min(X, u)] = ∫_0^u S(x) dx and E[min(X, u)²] = ∫_0^u 2x S(x) dx', () => {
    fc.assert(
      fc.property(severityText.filter(continuous), fc.double({ min: 0.01, max: 0.999, noNaN: true }), (t, p) => {
        const d = parseSeverity(t);
        const u = num('QUANTILE', [t, p])!;
        if (!(u > 0)) return;
        // Pieces at the lower end of the support and at quantiles: S bends there.
        const cuts = [0, d.lower, ...[0.001, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99].map((q) => d.quantile(q)), u].filter((x) => x >= 0 && x <= u).sort((x, y) => x - y);
        let i1 = 0;
        let i2 = 0;
        for (let k = 1; k < cuts.length; k++) {
          if (cuts[k] > cuts[k - 1]) {
            i1 += simpson((x) => d.sf(x), cuts[k - 1], cuts[k], 1e-12);
            i2 += simpson((x) => 2 * x * d.sf(x), cuts[k - 1], cuts[k], 1e-12);
          }
        }
        expect(close(num('LEV', [t, u])!, i1, 1e-8)).toBe(true);
        expect(close(num('LEV', [t, u, 2])!, i2, 1e-8)).toBe(true);
      }),
      fcParams(Math.max(100, Math.floor(runs / 4))),
    );
  });
});
