/**
 * CYBER.SIMULATE (catalogue section 11) as a cell function: its shapes and labels, the closed forms
 * of section 10 it must agree with, and the metamorphic rules of issue 14 (limits, aggregates,
 * zero frequency, seeds, appended years, reordered rows, the rounding to the cent).
 */
import { evaluate, type Outcome, prepareSimulation, RETURN_PERIODS, runSimulation, simulateYear, yearLossTable } from './index';
import { clearSimulationMemo, simulationRuns } from './simulate';
import type { RawArgument } from './values';

type Grid = Array<Array<number | string>>;

function run(args: RawArgument[], language: 'en' | 'zh' = 'en'): Grid {
  const o: Outcome = evaluate('SIMULATE', args, { language });
  if (!o.ok) throw new Error(o.error.message.en);
  return o.value as Grid;
}

function fails(args: RawArgument[]): { code: string; argument?: string; rule: string; en: string; zh: string } {
  const o = evaluate('SIMULATE', args);
  if (o.ok) throw new Error('expected an error');
  return { code: o.error.code, argument: o.error.argument, rule: o.error.rule, en: o.error.message.en, zh: o.error.message.zh };
}

const num = (g: Grid, row: number) => g[row][1] as number;
const scalar = (name: string, args: RawArgument[]) => {
  const o = evaluate(name, args);
  if (!o.ok) throw new Error(o.error.message.en);
  return o.value as number;
};

const COVERS: RawArgument = [
  ['id', 'parent', 'per event', 'aggregate', 'deductible', 'nesting'],
  ['FP', null, 60000, 150000, 2000, 'all'],
  ['BI', 'FP', 30000, 80000, 5000, 'all'],
  ['CBI', 'BI', 10000, 20000, 1000, 'aggregate'],
  ['LIAB', null, 80000, 120000, 10000, null],
];
const EVENTS: RawArgument = [
  ['cover', 'probability', 'severity'],
  ['BI', 0.6, 'lognormal(9.5,1.2)'],
  ['CBI', 0.3, 'lognormal(8.5,1)'],
  ['FP', 0.4, 'lomax(3,20000)'],
  ['LIAB', 0.25, 'lognormal(10,1.5)'],
];

describe('CYBER.SIMULATE shapes and labels', () => {
  test('"stats" is 14×2 with the catalogue’s rows in order, in English and Chinese', () => {
    const en = run(['poisson(1.5)', EVENTS, COVERS, 250000, 100000, 2000, 3]);
    expect(en.length).toBe(14);
    expect(en.every((r) => r.length === 2)).toBe(true);
    expect(en.map((r) => r[0])).toEqual([
      'Mean annual paid (AAL)',
      'Standard deviation',
      'Standard error of the mean',
      'Probability a year pays anything',
      'VaR 90%',
      'VaR 95%',
      'VaR 99%',
      'VaR 99.5%',
      'VaR 99.6%',
      'TVaR 99%',
      'TVaR 99.5%',
      'Largest annual paid',
      'Mean number of events per year',
      'Mean annual loss before terms (ground up)',
    ]);
    const zh = run(['poisson(1.5)', EVENTS, COVERS, 250000, 100000, 2000, 3], 'zh');
    expect(zh[0][0]).toBe('年均赔付（AAL）');
    expect(zh.map((r) => r[1])).toEqual(en.map((r) => r[1]));
    // se = sd / √years; VaR rises with p; TVaR 99% ≥ VaR 99%; the largest year ≥ TVaR 99.5%.
    expect(num(en, 2)).toBe(num(en, 1) / Math.sqrt(2000));
    for (let i = 4; i < 8; i++) expect(num(en, i)).toBeLessThanOrEqual(num(en, i + 1));
    expect(num(en, 9)).toBeGreaterThanOrEqual(num(en, 6));
    expect(num(en, 11)).toBeGreaterThanOrEqual(num(en, 10));
    expect(num(en, 13)).toBeGreaterThanOrEqual(num(en, 0));
  });

  test('"aep" and "oep" are 11×2: return periods 2 to 1000, amounts rising', () => {
    for (const output of ['aep', 'oep', ' OEP ']) {
      const g = run(['poisson(1.5)', EVENTS, COVERS, 250000, 100000, 2000, 3, output]);
      expect(g.map((r) => r[0])).toEqual([...RETURN_PERIODS]);
      for (let i = 1; i < g.length; i++) expect(g[i][1] as number).toBeGreaterThanOrEqual(g[i - 1][1] as number);
    }
  });

  test('the stats, aep, oep and cover cells of one model run one simulation', () => {
    clearSimulationMemo();
    const before = simulationRuns();
    const args = ['poisson(1.5)', EVENTS, COVERS, 250000, 100000, 4000, 77];
    run(args);
    run([...args, 'aep']);
    run([...args, 'oep', 'BI']);
    run([...args, 'stats', 'CBI']);
    expect(simulationRuns() - before).toBe(1);
    run([...args.slice(0, 6), 78]);
    expect(simulationRuns() - before).toBe(2);
  });

  test('the catalogue’s TVaR count: p = 0.99 over 20,000 years averages exactly the 200 largest years', () => {
    const args: RawArgument[] = ['poisson(1)', [['A', 1, 'lognormal(8,1)']], [['A', null, null, null, null]], null, null, 20000, 5];
    const g = run(args);
    const p = prepareSimulation(args.slice(0, 5));
    if (!p.ok) throw new Error('model');
    const totals = [...yearLossTable(p.value.model, 5, 1, 20000)].map((r) => Math.round(r.total * 100)).sort((a, b) => b - a);
    const top200 = totals.slice(0, 200).reduce((s, x) => s + x, 0);
    expect(num(g, 9)).toBe(top200 / (200 * 100));
    // Type-7 VaR 99%: h = 19999 × 0.99 = 19799.01 → x[19799] + 0.01 (x[19800] − x[19799]) (ascending, 0-based).
    const asc = [...totals].reverse();
    expect(num(g, 6)).toBe((asc[19799] * 100 + 1 * (asc[19800] - asc[19799])) / 10000);
  });
});

describe('CYBER.SIMULATE against the closed forms of section 10', () => {
  const dist = 'lognormal(10,1)';
  const lambda = 2;
  const years = 100000;

  test('one cover, deductible and per-event limit, Poisson: AAL within 4 standard errors of λ × LAYERLOSS', () => {
    const g = run([`poisson(${lambda})`, [['A', 1, dist]], [['A', null, 40000, null, 5000]], null, null, years, 11]);
    const closed = lambda * scalar('LAYERLOSS', [dist, 5000, 40000]);
    expect(Math.abs(num(g, 0) - closed)).toBeLessThan(4 * num(g, 2));
    // And the ground-up mean within 4 of its own standard errors of λ E[X] (sd of the annual sum: √(λ E[X²])).
    const ex = scalar('LEV', [dist, 1e308, 1]);
    const ex2 = scalar('LEV', [dist, 1e308, 2]);
    expect(Math.abs(num(g, 13) - lambda * ex)).toBeLessThan(4 * Math.sqrt((lambda * ex2) / years));
    expect(Math.abs(num(g, 12) - lambda)).toBeLessThan(4 * Math.sqrt(lambda / years));
  });

  test('OEP at each return period inside its binomial band around CYBER.OEP / OEPLOSS', () => {
    const g = run([`poisson(${lambda})`, [['A', 1, dist]], [['A', null, null, null, 5000]], null, null, years, 12, 'oep']);
    for (const [T, v] of g as Array<[number, number]>) {
      // The simulated loss at T exceeds d + v with the closed-form probability 1 − exp(−λ S(d + v)),
      // which lies within 4 binomial standard deviations of 1/T.
      const q = scalar('OEP', [`poisson(${lambda})`, dist, 5000 + v]);
      const band = 4 * Math.sqrt(((1 / T) * (1 - 1 / T)) / years);
      expect(Math.abs(q - 1 / T)).toBeLessThan(band);
      // And OEPLOSS − d lies between the simulated values at the band's ends.
      const closed = scalar('OEPLOSS', [`poisson(${lambda})`, dist, T]) - 5000;
      expect(Math.abs(closed - v) / closed).toBeLessThan(T >= 500 ? 0.15 : 0.05);
    }
  });
});

describe('CYBER.SIMULATE metamorphic rules', () => {
  const base = (perEvent: number | null, aggregate: number | null, policyAggregate: number | null): RawArgument[] => [
    'poisson(1.5)',
    EVENTS,
    [
      ['FP', null, perEvent, aggregate, 2000, 'all'],
      ['BI', 'FP', 30000, aggregate === null ? null : aggregate / 2, 5000, 'all'],
      ['CBI', 'BI', 10000, 20000, 1000, 'aggregate'],
      ['LIAB', null, perEvent, aggregate, 10000, null],
    ],
    policyAggregate,
    null,
    5000,
    9,
  ];

  test('higher limits never lower the AAL', () => {
    const aal = [20000, 40000, 80000, null].map((l) => num(run(base(l, 200000, 300000)), 0));
    for (let i = 1; i < aal.length; i++) expect(aal[i]).toBeGreaterThanOrEqual(aal[i - 1]);
    expect(aal[3]).toBeGreaterThan(aal[0]);
  });

  test('a smaller aggregate never raises the AAL', () => {
    const aal = [null, 400000, 100000, 40000].map((a) => num(run(base(60000, a, null)), 0));
    for (let i = 1; i < aal.length; i++) expect(aal[i]).toBeLessThanOrEqual(aal[i - 1]);
    const policy = [null, 200000, 50000, 0].map((a) => num(run(base(60000, 200000, a)), 0));
    for (let i = 1; i < policy.length; i++) expect(policy[i]).toBeLessThanOrEqual(policy[i - 1]);
    expect(policy[3]).toBe(0);
  });

  test('zero frequency pays 0', () => {
    const g = run(['poisson(0)', EVENTS, COVERS, null, null, 1000, 1]);
    expect(g.map((r) => r[1])).toEqual(new Array(14).fill(0));
    expect(run(['bernoulli(0)', EVENTS, COVERS, null, null, 1000, 1, 'aep']).map((r) => r[1])).toEqual(new Array(11).fill(0));
  });

  test('the same seed gives identical output, another seed another', () => {
    const a = run(['negbin(2,1)', EVENTS, COVERS, 250000, 100000, 3000, 42]);
    const b = run(['negbin(2,1)', EVENTS, COVERS, 250000, 100000, 3000, 42]);
    const c = run(['negbin(2,1)', EVENTS, COVERS, 250000, 100000, 3000, 43]);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  test('the first n years of a 2n-year run are the n-year run', () => {
    const p = prepareSimulation(['poisson(1.5)', EVENTS, COVERS, 250000, 100000]);
    if (!p.ok) throw new Error('model');
    const m = p.value.model;
    const short = runSimulation(m, { years: 1000, seed: 8 })!;
    const long = runSimulation(m, { years: 2000, seed: 8 })!;
    const at1000 = (r: typeof short) => r.scopes[0].convergence.find((c) => c.years === 1000);
    expect(at1000(long)).toEqual(at1000(short));
    // The year loss table of years 1..1000 is the run's years: its mean is the run's AAL, exactly.
    const units = [...yearLossTable(m, 8, 1, 1000)].reduce((s, r) => s + Math.round(r.total * 100), 0);
    expect(short.scopes[0].stats.mean).toBe(units / 1000 / 100);
    // A year is the same year whatever the run around it.
    expect(simulateYear(m, 8, 1500)).toEqual(simulateYear(m, 8, 1500));
  });

  test('reordering rows of independent covers leaves each cover’s statistics unchanged', () => {
    const covers: RawArgument = [
      ['A', null, 5000, 12000, 100],
      ['B', null, 8000, null, 0],
    ];
    const rows: Array<[string, number, string]> = [
      ['A', 0.5, 'lognormal(7,1)'],
      ['B', 0.7, 'pert(100,900,4000)'],
      ['A', 0.3, 'constant(2500)'],
    ];
    const reordered = [rows[1], rows[0], rows[2]];
    for (const cover of ['A', 'B']) {
      for (const output of ['stats', 'oep']) {
        const x = run(['poisson(2)', rows, covers, null, null, 3000, 4, output, cover]);
        const y = run(['poisson(2)', reordered, covers, null, null, 3000, 4, output, cover]);
        expect(y).toEqual(x);
      }
    }
  });

  test('constant(1000.015) draws 1000.02 (the shortest decimal, half to even); 1000.025 draws 1000.02', () => {
    const one = (t: string) => num(run(['bernoulli(1)', [['A', 1, t]], [['A', null, null, null, null]], null, null, 1, 1]), 0);
    expect(one('constant(1000.015)')).toBe(1000.02);
    expect(one('constant(1000.025)')).toBe(1000.02);
    expect(one('constant(0.125)')).toBe(0.12);
    expect(one('constant(0.135)')).toBe(0.14);
    expect(one('constant(0.004)')).toBe(0);
  });

  test('a cover’s statistics count it and its descendants; the total is every cover', () => {
    const args = (cover?: string): RawArgument[] => ['poisson(1.5)', EVENTS, COVERS, null, null, 2000, 3, 'stats', cover ?? null];
    const total = num(run(args()), 0);
    const fp = num(run(args('FP')), 0);
    const liab = num(run(args('LIAB')), 0);
    const bi = num(run(args('BI')), 0);
    expect(fp + liab).toBeCloseTo(total, 6);
    expect(bi).toBeLessThanOrEqual(fp);
    // Every event is drawn whatever the cover; the ground-up mean counts only the cover's rows.
    expect(num(run(args('CBI')), 12)).toBe(num(run(args()), 12));
    expect(num(run(args('CBI')), 13)).toBeLessThan(num(run(args('BI')), 13));
  });
});

describe('CYBER.SIMULATE bad input names the argument', () => {
  const ok: RawArgument[] = ['poisson(1)', [['A', 1, 'constant(10)']], [['A', null, null, null, null]], null, null, 10, 1];
  const at = (i: number, v: RawArgument) => ok.map((a, j) => (j === i ? v : a));

  test.each([
    ['frequency', at(0, 'lognormal(1,1)'), '#VALUE!', 'distUnknownFamily'],
    ['frequency', at(0, 'poisson(-1)'), '#VALUE!', 'distParamRange'],
    ['events', at(1, [['A', 1, 'normal(1,2)']]), '#VALUE!', 'distUnknownFamily'],
    ['events', at(1, [['A', 1, 'lognormal(1']]), '#VALUE!', 'distSyntax'],
    ['events', at(1, [['Z', 1, 'constant(1)']]), '#VALUE!', 'simEventsUnknownCover'],
    ['events', at(1, [[null, 1, 'constant(1)']]), '#VALUE!', 'coverIdMissing'],
    ['events', at(1, [['A', 1, null]]), '#VALUE!', 'simEventsSeverityMissing'],
    ['events', at(1, [['A', 1.5, 'constant(1)']]), '#VALUE!', 'tableCellRule'],
    ['covers', at(2, [['A', 'B', null, null, null]]), '#VALUE!', 'unknownParent'],
    ['years', at(5, 0), '#VALUE!', 'belowMinimum'],
    ['years', at(5, 1000001), '#VALUE!', 'aboveMaximum'],
    ['years', at(5, 10.5), '#VALUE!', 'notWhole'],
    ['seed', at(6, -1), '#VALUE!', 'negative'],
    ['seed', at(6, 4294967296), '#VALUE!', 'aboveMaximum'],
    ['output', [...ok, 'ylt'], '#VALUE!', 'unknownOption'],
    ['cover', [...ok, 'stats', 'Z'], '#N/A', 'unknownCoverArgument'],
    ['frequency', at(0, 'poisson(1e7)'), '#NUM!', 'simCountsTooLarge'],
    ['years', [...at(0, 'poisson(5000)').slice(0, 5), 1000000], '#NUM!', 'simWorkTooLarge'],
    ['covers', at(2, [['A', null, 0.0000000000000001, null, null]]), '#NUM!', 'simTermsTooLarge'],
  ])('%s: %j → %s %s', (argument, args, code, rule) => {
    const e = fails(args as RawArgument[]);
    expect(e).toMatchObject({ code, argument, rule });
    expect(e.en).toContain(argument);
    expect(e.zh).toContain(argument);
  });

  test('a loss beyond every double is #NUM!, never Infinity', () => {
    const e = fails(at(1, [['A', 1, 'lomax(0.001,1)']]));
    expect(e).toMatchObject({ code: '#NUM!', argument: 'events', rule: 'simOverflow' });
  });

  test('an annual paid beyond every double whose ground-up total stays finite is #NUM! too, with the largest year named (not an internal error)', () => {
    // 16 small losses after a near-maximum one: each is absorbed in the ground-up total (below an
    // ulp of it), while the year's paid adds them event by event and reaches Infinity.
    const small = (0.45 * 2 ** 971) / 100;
    const events = [['A', 0.5, 'constant(1.7976931348623157e306)'], ...Array.from({ length: 16 }, () => ['A', 1, `constant(${small})`])];
    const e = fails(['poisson(2)', events, [['A', '', null, null, 0]], null, null, 1, 4] as RawArgument[]);
    expect(e).toMatchObject({ code: '#NUM!', argument: 'events', rule: 'simOverflow' });
    expect(e.en).toContain('Infinity');
  });

  test('1e308 as a limit is no limit', () => {
    expect(run(at(2, [['A', null, 1e308, 1e308, null]]))).toEqual(run(ok));
    expect(run([...ok.slice(0, 3), 1e308, 1e308, 10, 1])).toEqual(run(ok));
  });
});
