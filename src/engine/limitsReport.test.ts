import { evaluate } from './evaluate';
import { limitsReport } from './limitsReport';

// BI: per event 600, aggregate 1000, deductible 100; CBI inside BI: aggregate 400, deductible 50.
const covers = [
  ['cover', 'parent', 'per event', 'aggregate', 'deductible'],
  ['BI', null, 600, 1000, 100],
  ['CBI', 'BI', null, 400, 50],
];
const claims = [
  ['event', 'cover', 'amount'],
  ['E1', 'BI', 500], // D = max(100, 50) = 100 taken here: pays 400; BI event left 200
  ['E1', 'CBI', 300], // no deductible left; BI event limit left 200 → pays 200
  ['E2', 'BI', 700], // D = 100: 600 net; BI per event 600, aggregate left 1000 − 600 = 400 → pays 400
];

describe('limitsReport', () => {
  it('reports what ALLOCATE paid per cover, with used and remaining limits', () => {
    const r = limitsReport(claims, covers, 2000);
    if (!r.ok) throw new Error(r.error.message.en);
    const alloc = evaluate('ALLOCATE', [claims, covers, 2000]);
    expect(alloc.ok && alloc.value).toEqual([['payable'], [400], [200], [400]]);
    const bi = r.covers.find((c) => c.id === 'BI')!;
    const cbi = r.covers.find((c) => c.id === 'CBI')!;
    expect(bi).toMatchObject({ depth: 0, paid: 1000, largestEvent: 600, aggregateRemaining: 0, available: 0, perEventLimit: 600, aggregateLimit: 1000 });
    expect(cbi).toMatchObject({ parent: 'BI', depth: 1, paid: 200, largestEvent: 200, aggregateRemaining: 200, available: 0, perEventLimit: null });
    expect(r.policy).toEqual({ aggregateLimit: 2000, aggregateRemaining: 1000, paid: 1000 });
  });

  it('gives the engine error, in both languages, for a bad covers table', () => {
    const r = limitsReport(claims, [['A', 'B', null, null, null], ['B', 'A', null, null, null]]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('#VALUE!');
      expect(r.error.argument).toBe('covers');
      expect(r.error.message.zh).toContain('covers');
    }
  });
});
