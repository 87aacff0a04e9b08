/**
 * Exact decimal arithmetic (catalogue conventions): results are exact decimals until they leave
 * the engine; 0.1 + 0.2 style drift is impossible inside a chain. Each test also computes the
 * same thing in binary floating point, to show the example would catch drift.
 */
import { evaluate } from './evaluate';
import { expectNumber, ok, serial } from './__tests__/helpers';
import type { RawArgument } from './values';

/** A host passes the previous cell's number on, as Excel does. */
function value(name: string, args: readonly RawArgument[]): number {
  const v = ok(name, args).value;
  if (typeof v !== 'number') throw new Error(`${name} gave ${String(v)}`);
  return v;
}

describe('single functions', () => {
  it('LOSTPROFIT(0.3, 0.1) = 0.03 and LOSTPROFIT(0.7, 0.1) = 0.07', () => {
    expectNumber('LOSTPROFIT', [0.3, 0.1], '0.03');
    expectNumber('LOSTPROFIT', [0.7, 0.1], '0.07');
    expect(0.7 * 0.1).not.toBe(0.07); // binary: 0.06999999999999999
  });

  it('OPERATINGPROFIT(0.3, 0.1) = 0.2 and (1000.1, 1000) = 0.1', () => {
    expectNumber('OPERATINGPROFIT', [0.3, 0.1], '0.2');
    expectNumber('OPERATINGPROFIT', [1000.1, 1000], '0.1');
    expect(0.3 - 0.1).not.toBe(0.2);
    expect(1000.1 - 1000).not.toBe(0.1); // binary: 0.10000000000002274
  });

  it('a history of 0.1 and 0.2 sums to 1.8 over 12 months', () => {
    // Months of 2024 alternate 0.1, 0.2 (six of each): 6 × 0.1 + 6 × 0.2 = 1.8.
    const rows: number[][] = [];
    for (let m = 1; m <= 13; m++) rows.push([m <= 12 ? serial(2024, m, 1) : serial(2025, 1, 1), m % 2 ? 0.1 : 0.2]);
    expectNumber('ANNUALREVENUE', [rows, serial(2025, 1, 1)], '1.8');
    let binary = 0;
    for (let m = 1; m <= 12; m++) binary += m % 2 ? 0.1 : 0.2;
    expect(binary).not.toBe(1.8); // binary: 1.8000000000000003
  });

  it('trend: 1.1 × (1 + 0.1) = 1.21', () => {
    // 2024-01-01 → 2024-02-01 holds 1.1; incident 2025-01-01, 31 days = all of January 2024.
    expectNumber('STANDARDREVENUE', [[[serial(2024, 1, 1), 1.1], [serial(2024, 2, 1), 0]], serial(2025, 1, 1), 31, 0.1], '1.21');
    expect(1.1 * 1.1).not.toBe(1.21);
  });

  it('CRISISPAYOUT: (0.3 − 0.1) × 0.3 = 0.06 and 3 × 0.1 style sums stay exact', () => {
    expectNumber('CRISISPAYOUT', [0.3, 0.1, 0.3, 1], '0.06');
    expectNumber('CRISISPAYOUT', [0.3, 0, 1, 1, 0.1], '0.3'); // min(0.3, 1 − 0.1 = 0.9)
    expectNumber('CONTINUATIONPAYOUT', [1.15, 0, 100, 1], '1.15');
  });
});

describe('the CPIC network-interruption chain, cell by cell', () => {
  // Monthly revenue 1,000,000 from 2024-01 to 2025-04 (every period whole months).
  const history: number[][] = [];
  for (let i = 0; i < 16; i++) history.push([serial(2024 + Math.floor(i / 12), (i % 12) + 1, 1), 1000000]);
  const incident = serial(2025, 4, 1);

  it('PROFITRATE → STANDARDREVENUE → REVENUEREDUCTION → LOSTPROFIT → PREVENTIONCOST → ANNUALREVENUE → BIPAYOUT', () => {
    // 第四十四条 32: P = 12M − 10.5M = 1.5M; T = 2.4M + 1.5M = 3.9M; 3.9M / 12M = 0.325.
    const rate = value('PROFITRATE', [12000000, 10500000, 3000000, 2400000]);
    expect(rate).toBe(0.325);
    // 第四十四条 33: 3.9M / (1.5M + 3M) = 13/15; the host carries the double 0.8666666666666667.
    const insured = value('INSUREDRATIO', [12000000, 10500000, 3000000, 2400000]);
    expect(insured).toBe(0.8666666666666667);
    // 第四十四条 25: window from 2024-04-01 for 15 days: 1,000,000 × 15 / 30 (April) = 500,000.
    const standard = value('STANDARDREVENUE', [history, incident, 15]);
    expect(standard).toBe(500000);
    // 第四十四条 30: 500,000 − 120,000 = 380,000.
    const reduction = value('REVENUEREDUCTION', [standard, 120000]);
    expect(reduction).toBe(380000);
    // 第十三条 (一) 2 (1) ①: 380,000 × 0.325 − 20,000 = 123,500 − 20,000 = 103,500.
    const lost = ok('LOSTPROFIT', [reduction, rate, 20000]);
    expect(lost.exact).toBe('103500');
    // ②: min(50,000 × 0.8666666666666667 = 43,333.333333333335, 100,000 × 0.325 = 32,500) = 32,500.
    const prevention = ok('PREVENTIONCOST', [50000, insured, 100000, rate]);
    expect(prevention.exact).toBe('32500');
    // 第四十四条 26: 12 whole months of 1,000,000 before 2025-04-01.
    const annual = value('ANNUALREVENUE', [history, incident]);
    expect(annual).toBe(12000000);
    // 第十三条 (一) 2 (2), (3): loss 103,500 + 32,500 = 136,000; − 10,000 = 126,000;
    // insurable 12,000,000 × 0.325 = 3,900,000 > SI 1,000,000: 126,000 × 1,000,000 / 3,900,000
    // = 1,260,000 / 39 = 32,307.692307692307692307… (40 significant digits, last one rounded up).
    const payout = ok('BIPAYOUT', [103500 + 32500, 10000, 1000000, 800000, annual, rate]);
    expect(payout.exact).toBe('32307.69230769230769230769230769230769231');
    expect(payout.value).toBe(32307.692307692309); // the double nearest the exact result
    // Binary arithmetic of the same formula lands elsewhere in the last place:
    expect(126000 * (1000000 / (12000000 * 0.325))).not.toBe(payout.value);
  });

  it('loss-year chain with cents: PROFITRATE → LOSTPROFIT → BIPAYOUT', () => {
    // Loss year: L = 200,000; N = 400,000 − 200,000 × 400,000 / 800,000 = 300,000; 300,000 / 1,000,000 = 0.3.
    const rate = value('PROFITRATE', [1000000, 1200000, 800000, 400000]);
    // Insured ratio N / (P + M) = 300,000 / 600,000 = 0.5.
    const insured = value('INSUREDRATIO', [1000000, 1200000, 800000, 400000]);
    // 123,456.78 × 0.3 = 37,037.034; − 0.01 = 37,037.024.
    const lost = value('LOSTPROFIT', [123456.78, rate, 0.01]);
    expect(ok('LOSTPROFIT', [123456.78, rate, 0.01]).exact).toBe('37037.024');
    // insurable = 1,000,000 × 0.3 × 0.5 = 150,000 > SI 75,000: scale 0.5;
    // (37,037.024 − 0.004) × 0.5 = 37,037.02 × 0.5 = 18,518.51.
    expectNumber('BIPAYOUT', [lost, 0.004, 75000, 100000, 1000000, rate, insured], '18518.51');
    // The same in binary: 0.3 is fine here, but 0.1 × 3 style steps are not.
    expect(0.1 * 3).not.toBe(0.3);
  });

  it('the trace carries exact intermediate values, never rounded doubles', () => {
    const r = evaluate('BIPAYOUT', [136000, 10000, 1000000, 800000, 12000000, 0.325], { trace: true });
    const scale = r.trace.find((s) => s.label.en.startsWith('Under-insured'));
    expect(scale?.value).toBe('0.2564102564102564102564102564102564102564'); // 1,000,000 / 3,900,000 = 10/39
  });
});
