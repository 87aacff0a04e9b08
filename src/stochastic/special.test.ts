/**
 * special.ts's exp must be @stdlib's exp to the last bit (section 11: the same double in every
 * host, and the same loss as CYBER.QUANTILE gave before the faster path): compared bit for bit on
 * every kind of argument — the edges of its fast path, each point where k = round(x / ln 2)
 * changes, the arguments the lognormal quantile meets, and 600,000 random ones.
 */
import expLibrary from '@stdlib/math-base-special-exp';
import { exp, normQuantile } from './special';

const F = new Float64Array(1);
const B = new BigInt64Array(F.buffer);


/** The next double above (up) or below x (finite, non-zero x). */
function step(x: number, up: boolean): number {
  F[0] = x;
  B[0] += (x > 0) === up ? 1n : -1n;
  return F[0];
}

/** A deterministic generator (mulberry32, two words a double) of doubles in [0, 1): the test does not depend on Math.random. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  const next32 = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 2 ** 53;
}

/** The arguments where exp and the library give different doubles (at most `limit` of them). */
function differences(xs: Iterable<number>, limit = 5): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (const x of xs) {
    const a = exp(x);
    const b = expLibrary(x);
    if (!Object.is(a, b)) {
      out.push([x, a, b]);
      if (out.length >= limit) break;
    }
  }
  return out;
}

describe('exp (special.ts) is @stdlib exp bit for bit', () => {
  test('edges: zeros, the near-zero cut, the fast path ends, overflow, underflow, non-finite', () => {
    const edges = [0, -0, 1, -1, 2 ** -28, 700, 709.782712893384, 709.7827128933841, 710, 745.1332191019411, 745.1332191019412, 746, 1e300, 2 ** -1074];
    const xs: number[] = [NaN, Infinity, -Infinity];
    for (const e of edges) {
      for (const v of [e, -e]) {
        xs.push(v);
        if (v !== 0 && Number.isFinite(v)) {
          let lo = v;
          let hi = v;
          for (let i = 0; i < 4; i++) {
            lo = step(lo, false);
            hi = step(hi, true);
            xs.push(lo, hi);
          }
        }
      }
    }
    expect(differences(xs)).toEqual([]);
    // The fallback's own answers, so the edges above reach both paths.
    expect(exp(-0)).toBe(1);
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(-708)).toBeGreaterThan(0);
  });

  test('every point where k = round(x / ln 2) changes, and its neighbours', () => {
    const xs: number[] = [];
    for (let k = -1080; k <= 1030; k++) {
      const x = (k + 0.5) * Math.LN2;
      let lo = x;
      let hi = x;
      xs.push(x);
      for (let i = 0; i < 3; i++) {
        lo = step(lo, false);
        hi = step(hi, true);
        xs.push(lo, hi);
      }
      xs.push(k * Math.LN2);
    }
    expect(differences(xs)).toEqual([]);
  });

  test('the arguments of the lognormal quantile, mu + sigma z, over a grid of u', () => {
    const xs: number[] = [];
    for (const [mu, sigma] of [
      [12, 1.5],
      [11, 1.2],
      [10, 1],
      [0, 1],
      [-3, 0.25],
      [20, 3],
    ]) {
      for (let i = 1; i < 20000; i++) xs.push(mu + sigma * normQuantile(i / 20000));
      for (let e = 1; e <= 60; e++) xs.push(mu + sigma * normQuantile(2 ** -e), mu + sigma * normQuantile(1 - 2 ** -e));
    }
    expect(differences(xs)).toEqual([]);
  });

  test('600,000 random arguments across every scale', () => {
    const u = generator(20261201);
    const xs = new Float64Array(600_000);
    for (let i = 0; i < xs.length; i++) {
      const r = u();
      // Uniform over the fast path, over small scales, and over the whole range including the fallback.
      if (i % 3 === 0) xs[i] = (r - 0.5) * 1400;
      else if (i % 3 === 1) xs[i] = (r - 0.5) * 2 ** (-40 + 50 * u());
      else xs[i] = (r - 0.5) * 1500 * u() ** 4;
    }
    expect(differences(xs)).toEqual([]);
  });
});
