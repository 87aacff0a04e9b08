/**
 * The pieces of section 11's simulation in doubles: the order statistics, the exact ratios, the
 * rounding to the cent, the count tables and the keys.
 */
import fc from 'fast-check';
import { exponentialQuantile, lognormalQuantile, lomaxQuantile, pareto1Quantile, QUANTILE_KERNELS } from './families';
import { parseFrequency, parseSeverity } from './parse';
import { philox4x32, uniform53 } from './philox';
import { centsOf, centsOfText, countOf, countTable } from './sample';
import { checkIdHashes, idHashes, placeOrderStatistics, ratio, selectPositions, simulate, simulateYear, type SimModel, unitsText } from './simulate';

describe('selectPositions: the order statistics a sort would put there', () => {
  test('random arrays with many ties and zeros', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1e9 })), { minLength: 1, maxLength: 3000 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (values, picks) => {
          const a = Float64Array.from(values);
          const sorted = Float64Array.from(values).sort();
          const targets = [...new Set(picks.map((p) => p % a.length))].sort((x, y) => x - y);
          selectPositions(a, targets);
          for (const t of targets) expect(a[t]).toBe(sorted[t]);
          // Still the same values.
          expect(Float64Array.from(a).sort()).toEqual(sorted);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('placeOrderStatistics: by buckets of the high word, the order statistics a sort would put there', () => {
  /** Checks the targets hold the sorted values and every value before (after) a target is ≤ (≥) it. */
  function check(values: Float64Array, targets: number[]): void {
    const a = Float64Array.from(values);
    const sorted = Float64Array.from(values).sort();
    expect(placeOrderStatistics(a, targets, new Float64Array(a.length))).toBe(true);
    for (const t of targets) {
      expect(a[t]).toBe(sorted[t]);
      for (let i = 0; i < t; i++) if (a[i] > a[t]) throw new Error(`a[${i}] = ${a[i]} > a[${t}] = ${a[t]}`);
      for (let i = t + 1; i < a.length; i++) if (a[i] < a[t]) throw new Error(`a[${i}] = ${a[i]} < a[${t}] = ${a[t]}`);
    }
    expect(Float64Array.from(a).sort()).toEqual(sorted);
  }
  test('arrays above the sort threshold: zeros, ties, one crowded bucket, amounts up to 2^53', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4097, max: 40000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
        fc.integer(),
        fc.constantFrom('spread', 'ties', 'crowded'),
        (n, picks, seed, shape) => {
          let x = seed | 0;
          const next = (): number => {
            x = (Math.imul(x, 1103515245) + 12345) | 0;
            return (x >>> 0) / 4294967296;
          };
          // 'crowded': most values inside one 1/64 octave, so one bucket is selected in, not sorted.
          const values = Float64Array.from({ length: n }, () => {
            const u = next();
            if (u < 0.3) return 0;
            if (shape === 'ties') return Math.floor(next() * 7) * 1000;
            if (shape === 'crowded') return 1_048_576 + Math.floor(next() * 16_000);
            return Math.floor(2 ** (next() * 53));
          });
          check(values, [...new Set(picks.map((p) => p % n))].sort((p, q) => p - q));
        },
      ),
      { numRuns: 40 },
    );
  });
  test('the positions of a million-year run, on a lognormal-like sample', () => {
    const n = 300_000;
    let x = 7;
    const values = Float64Array.from({ length: n }, () => {
      x = (Math.imul(x, 1103515245) + 12345) | 0;
      const u = (x >>> 0) / 4294967296;
      return u < 0.25 ? 0 : Math.round(1e6 * (1 / (1 - u) - 1));
    });
    const targets = [0, 1, 149_999, 150_000, 270_000, 297_000, 299_700, 299_998, 299_999];
    check(values, targets);
  });
  test('NaN, Infinity and negative values are refused, arranging nothing', () => {
    for (const bad of [NaN, Infinity, -Infinity, -1, -0]) {
      for (const n of [10, 10_000]) {
        const a = Float64Array.from({ length: n }, (_, i) => i % 97);
        a[n >> 1] = bad;
        const before = Float64Array.from(a);
        expect(placeOrderStatistics(a, [0, n - 1], new Float64Array(n))).toBe(false);
        expect(a).toEqual(before);
      }
    }
  });
});

describe('ratio: the nearest double of an exact quotient', () => {
  test('small numbers are one IEEE division; large ones are rounded once, ties to even', () => {
    expect(ratio(BigInt(1), BigInt(3))).toBe(1 / 3);
    const big = BigInt('123456789012345678901234567890');
    const den = BigInt('1000000000000');
    expect(ratio(big, den)).toBe(Number('123456789012345678.90123456789'));
    // 2^53 + 1 over 1 is a tie between 2^53 and 2^53 + 2: to even, 2^53.
    expect(ratio(BigInt(2) ** BigInt(53) + BigInt(1), BigInt(1))).toBe(2 ** 53);
    expect(ratio(BigInt(2) ** BigInt(53) + BigInt(3), BigInt(1))).toBe(2 ** 53 + 4);
  });
});

describe('centsOf: the shortest decimal, rounded to the cent half to even', () => {
  test.each([
    [1000.015, 100002],
    [1000.025, 100002],
    [0.125, 12],
    [0.135, 14],
    [0.005, 0],
    [0.015, 2],
    [1e-7, 0],
    [123456789.125, 12345678912],
    [2.675, 268], // the double is below 2.675, but its shortest decimal is 2.675: half to even → 2.68
  ])('%p → %p cents', (x, cents) => {
    expect(centsOf(x)).toBe(cents);
    expect(centsOfText(x)).toBe(cents);
  });

  test('the fast path equals the digit-by-digit rounding on a million doubles', () => {
    let state = 7;
    const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
    for (let i = 0; i < 1000000; i++) {
      const x = i % 3 === 0 ? Math.floor(next() * 1e7) / 1000 : next() * 10 ** Math.floor(next() * 12);
      if (centsOf(x) !== centsOfText(x)) throw new Error(`${x}: ${centsOf(x)} vs ${centsOfText(x)}`);
    }
  });
});

describe('count tables: inverse transform of the frequency', () => {
  test('Poisson, negative binomial and Bernoulli tables end at 1 and have the frequency’s mean', () => {
    for (const text of ['poisson(1.5)', 'poisson(0.01)', 'poisson(300)', 'negbin(2,1)', 'negbin(50,0.5)', 'bernoulli(0.3)']) {
      const f = parseFrequency(text);
      const t = countTable(f);
      expect(Math.abs(t.cdf[t.cdf.length - 1] - 1)).toBeLessThan(1e-12);
      let mean = 0;
      for (let k = 0; k < t.cdf.length; k++) mean += k * (t.cdf[k] - (k > 0 ? t.cdf[k - 1] : 0));
      expect(Math.abs(mean - f.mean) / f.mean).toBeLessThan(1e-10);
    }
    const p = countTable(parseFrequency('poisson(1.5)'));
    // P(N = 0) = e^−1.5: u just below is 0 events, just above is 1.
    expect(countOf(p, 0.2231301601484298 - 1e-12)).toBe(0);
    expect(countOf(p, 0.2231301601484298 + 1e-12)).toBe(1);
    expect(countOf(countTable(parseFrequency('bernoulli(0.3)')), 0.69)).toBe(0);
    expect(countOf(countTable(parseFrequency('bernoulli(0.3)')), 0.71)).toBe(1);
  });
});

describe('keys', () => {
  test('cover ids hash to two independent words; a colliding pair is refused', () => {
    expect(idHashes('BI')).not.toEqual(idHashes('CBI'));
    expect(() => checkIdHashes(['BI', 'CBI', 'BI'])).not.toThrow();
  });

  const model = (rows: Array<[string, number]>): SimModel => ({
    frequency: parseFrequency('poisson(2)'),
    frequencyText: 'poisson(2)',
    rows: rows.map(([id, position], i) => ({ cover: i, coverId: id, probability: 0.5, severity: parseSeverity('lognormal(8,1)'), severityText: 'lognormal(8,1)', position })),
    covers: rows.map(([id], i) => ({ id: `${id}#${i}`, parent: -1, path: [i], eventReach: 1, perEvent: Infinity, aggregate: Infinity, deductible: 0 })),
    policyAggregate: Infinity,
    policyPerEvent: Infinity,
    scale: 100,
    hash: 'test',
  });

  test('a row’s draws depend on its cover id and position, not on the other rows', () => {
    const one = simulateYear(model([['A', 0]]), 5, 17);
    const two = simulateYear(model([['B', 0], ['A', 0]]), 5, 17);
    expect(two.events.length).toBe(one.events.length);
    one.events.forEach((e, k) => expect(two.events[k].draws[1].amount).toBe(e.draws[0].amount));
    // The second row of the same id (position 1) draws other numbers.
    const pos = simulateYear(model([['A', 1]]), 5, 17);
    expect(pos.events.map((e) => e.draws[0].amount)).not.toEqual(one.events.map((e) => e.draws[0].amount));
  });

  test('progress is reported and a false answer cancels the run', () => {
    const seen: number[] = [];
    expect(simulate(model([['A', 0]]), { years: 10000, seed: 1, progressEvery: 4096, onProgress: (d) => void seen.push(d) })).toBeDefined();
    expect(seen).toEqual([4096, 8192, 10000]);
    expect(simulate(model([['A', 0]]), { years: 10000, seed: 1, onProgress: () => false })).toBeUndefined();
  });

  test('unitsText writes exact decimals', () => {
    expect(unitsText(100002, 100)).toBe('1000.02');
    expect(unitsText(5, 100)).toBe('0.05');
    expect(unitsText(120, 100)).toBe('1.2');
    expect(unitsText(0, 1000)).toBe('0');
    expect(unitsText(1234567, 1000)).toBe('1234.567');
  });
});

describe('the hot loop draws exactly what the documented keys give', () => {
  // Reference: every block computed whole with philox4x32 from its counter and key (the header of
  // simulate.ts), the hit and loss uniforms from its words, the loss from the severity's own
  // quantile (its closure, CYBER.QUANTILE's function) — none of the hot loop's shortcuts (round 1
  // kept per row and per year, the quantile kernels).
  const severities = ['lognormal(10,2)', 'lomax(1.5,50000)', 'pareto1(2.2,10000)', 'gamma(2,20000)', 'weibull(0.7,30000)', 'exponential(15000)', 'pert(1000,5000,90000,4)', 'constant(1000.015)', 'lognormal(14,2.5)'];
  const rowsOf: Array<[string, number, string]> = severities.map((s, i) => [['A', 'B', 'A', 'C', 'B', 'A', 'C', 'D', 'A'][i], [0.3, 0.5, 0.2, 1, 0.1, 0.25, 0.6, 0.4, 0][i], s]);
  const ids = ['A', 'B', 'C', 'D'];
  const seen = new Map<string, number>();
  const model: SimModel = {
    frequency: parseFrequency('poisson(3)'),
    frequencyText: 'poisson(3)',
    rows: rowsOf.map(([id, probability, text]) => {
      const position = seen.get(id) ?? 0;
      seen.set(id, position + 1);
      return { cover: ids.indexOf(id), coverId: id, probability, severity: parseSeverity(text), severityText: text, position };
    }),
    covers: ids.map((id, i) => ({ id, parent: -1, path: [i], eventReach: 1, perEvent: Infinity, aggregate: Infinity, deductible: 0 })),
    policyAggregate: Infinity,
    policyPerEvent: Infinity,
    scale: 100,
    hash: 'test',
  };

  test.each([0, 1, 4294967295])('seed %p, years 1 to 300 and 99,999', (seed) => {
    const w = new Uint32Array(4);
    const counts = countTable(model.frequency);
    for (const year of [...Array.from({ length: 300 }, (_, i) => i + 1), 99999]) {
      philox4x32(year, 0xffffffff, 0xffffffff, 0xffffffff, seed, 0x636f756e, w);
      const n = countOf(counts, uniform53(w[0], w[1]));
      const got = simulateYear(model, seed, year);
      expect(got.events.length).toBe(n);
      got.events.forEach((ev, e) => {
        ev.draws.forEach((d, r) => {
          const row = model.rows[r];
          if (row.probability === 0) {
            expect(d.hit).toBe(false);
            return;
          }
          const [h1, h2] = idHashes(row.coverId);
          philox4x32(year, e, h1, row.position, seed, h2, w);
          const hit = uniform53(w[0], w[1]) < row.probability;
          expect(d.hit).toBe(hit);
          expect(d.amount).toBe(hit ? centsOf(row.severity.quantile(uniform53(w[2], w[3]))) : null);
        });
      });
    }
  });
});

describe('quantile kernels', () => {
  test('each kernel is its family’s quantile, double for double', () => {
    const kernels: Record<number, (a: number, b: number, p: number) => number> = {
      [QUANTILE_KERNELS.lognormal]: lognormalQuantile,
      [QUANTILE_KERNELS.lomax]: lomaxQuantile,
      [QUANTILE_KERNELS.pareto1]: pareto1Quantile,
      [QUANTILE_KERNELS.exponential]: (a, _b, p) => exponentialQuantile(a, p),
      [QUANTILE_KERNELS.constant]: (a) => a,
    };
    let state = 11;
    const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
    for (const text of ['lognormal(12,1.5)', 'lognormal(-3,0.01)', 'lomax(2.5,200000)', 'lomax(0.3,7)', 'pareto1(2.2,10000)', 'exponential(15000)', 'constant(1000.015)']) {
      const s = parseSeverity(text);
      const k = s.quantileKernel!;
      const f = kernels[k.kind];
      for (const p of [0, 2 ** -53, 1e-300, 0.5, 0.25, 1 - 2 ** -53]) expect(f(k.a, k.b, p)).toBe(s.quantile(p));
      for (let i = 0; i < 20000; i++) {
        const p = next();
        expect(f(k.a, k.b, p)).toBe(s.quantile(p));
      }
    }
    // Families without a kernel keep their closure.
    expect(parseSeverity('gamma(2,20000)').quantileKernel).toBeUndefined();
    expect(parseSeverity('weibull(0.7,30000)').quantileKernel).toBeUndefined();
    expect(parseSeverity('pert(1000,5000,90000,4)').quantileKernel).toBeUndefined();
  });
});
