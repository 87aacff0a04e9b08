/**
 * Catalogue section 11: "every simulated year is settled exactly as CYBER.ALLOCATE settles
 * claims". The simulation settles in integer units (src/stochastic/simulate.ts); this suite
 * re-settles random years of random covers trees (every nesting, deductibles, per-event and
 * aggregate limits, policy limits, terms with up to 4 decimals, zero amounts, ties) with the exact
 * decimal engine — CYBER.ALLOCATE on the claims table of the year — and demands equality to the
 * cent, row by row, and that the year loss table's totals are those payments summed.
 */
import fc from 'fast-check';
import { type CellValue, evaluate, prepareSimulation, simulateYear, unitsText, yearLossTable } from '../../src/engine';
import { fcParams, RUNS } from './arbitraries';

/** Terms in cents, whole amounts (so limits bind often) or now and then with 3–4 decimals. */
const term = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 3000 }) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 500000 }).map((n) => n / 100) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5000000 }).map((n) => n / 1000) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 50000000 }).map((n) => n / 10000) },
);
const limit = fc.option(term, { nil: null, freq: 3 });

/** Severities with ties at cents (constant, half cents) and spread (lognormal, pert, lomax). */
const severity = fc.oneof(
  fc.integer({ min: 0, max: 300000 }).map((c) => `constant(${c / 100})`),
  fc.integer({ min: 0, max: 100000 }).map((c) => `constant(${c / 100 + 0.005})`),
  fc.tuple(fc.integer({ min: 200, max: 900 }), fc.integer({ min: 10, max: 200 })).map(([m, s]) => `lognormal(${m / 100},${s / 100})`),
  fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 3000 })).map(([a, m, w]) => `pert(${a},${a + m},${a + m + w})`),
  fc.tuple(fc.integer({ min: 15, max: 60 }), fc.integer({ min: 100, max: 5000 })).map(([a, t]) => `lomax(${a / 10},${t})`),
);

const model = fc.record({
  covers: fc.array(
    fc.record({
      parentPick: fc.option(fc.nat(), { nil: null, freq: 3 }),
      perEvent: limit,
      aggregate: limit,
      deductible: fc.oneof(fc.constant(0), term),
      nesting: fc.constantFrom('all', 'aggregate', null),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  rows: fc.array(fc.record({ coverPick: fc.nat(), probability: fc.constantFrom(1, 1, 0.7, 0.3, 0), severity }), { minLength: 1, maxLength: 7 }),
  frequency: fc.constantFrom('poisson(2)', 'poisson(4)', 'negbin(3,1)', 'bernoulli(0.9)'),
  policyAggregate: limit,
  policyPerClaim: limit,
  seed: fc.integer({ min: 0, max: 4294967295 }),
  year: fc.integer({ min: 1, max: 1000000 }),
});

describe('the cents settlement of a simulated year equals CYBER.ALLOCATE to the cent', () => {
  test('random trees, random years', () => {
    let claimsSeen = 0;
    fc.assert(
      fc.property(model, (m) => {
        const covers: CellValue[][] = m.covers.map((c, i) => [`C${i}`, i === 0 || c.parentPick === null ? null : `C${c.parentPick % i}`, c.perEvent, c.aggregate, c.deductible, c.nesting]);
        const events: CellValue[][] = [['cover', 'probability', 'severity'], ...m.rows.map((r) => [`C${r.coverPick % m.covers.length}`, r.probability, r.severity])];
        const prepared = prepareSimulation([m.frequency, events, covers, m.policyAggregate, m.policyPerClaim]);
        if (!prepared.ok) throw new Error(prepared.error.message.en);
        const { model: sim } = prepared.value;
        const year = simulateYear(sim, m.seed, m.year);
        const outcome = evaluate('ALLOCATE', prepared.value.allocateArgs(year));
        if (!outcome.ok) throw new Error(outcome.error.message.en);
        const exact = (outcome.exact as ReadonlyArray<ReadonlyArray<string>>).slice(1).map((r) => r[0]);
        const fast = year.events.flatMap((e) => e.draws.filter((d) => d.hit).map((d) => unitsText(d.paid, sim.scale)));
        claimsSeen += fast.length;
        expect(fast).toEqual(exact);
        // The year loss table of that year: the same payments, summed.
        const [row] = [...yearLossTable(sim, m.seed, m.year, m.year)];
        const paidUnits = year.events.reduce((s, e) => s + e.draws.reduce((t, d) => t + d.paid, 0), 0);
        expect(row.total).toBe(paidUnits / sim.scale);
        expect(row.events).toBe(year.events.length);
      }),
      fcParams(Math.max(50, Math.floor(RUNS / 5))),
    );
    expect(claimsSeen).toBeGreaterThan(0);
  });
});
