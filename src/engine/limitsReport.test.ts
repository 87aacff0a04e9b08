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

  it('reports nesting "aggregate" as ALLOCATE settles it: the parent’s aggregate counts the child, its per-event limit does not (catalogue v2 section 5)', () => {
    // CBI nests "aggregate" in BI (SAMSUNG 第二十六条 (三): 连带营业收入损失的累计责任限额是营业收入损失
    // 保障累计责任限额的一部分). E1: D 100 from row 1 → BI pays 400 (BI/e 200 left); CBI 300 →
    // min(CBI agg 400, BI agg 600) = 300, BI/e untouched. E2: BI 700 → 600 net, min(BI/e 600, BI agg 300) = 300.
    const nested = [[...covers[0], 'nesting'], [...covers[1], null], [...covers[2], 'aggregate']];
    const r = limitsReport(claims, nested, 2000);
    if (!r.ok) throw new Error(r.error.message.en);
    const alloc = evaluate('ALLOCATE', [claims, nested, 2000]);
    expect(alloc.ok && alloc.value).toEqual([['payable'], [400], [300], [300]]);
    const bi = r.covers.find((c) => c.id === 'BI')!;
    const cbi = r.covers.find((c) => c.id === 'CBI')!;
    // BI's aggregate counted 400 + 300 + 300; its per-event limit 400 in E1 (not CBI's 300), 300 in E2.
    expect(bi).toMatchObject({ nesting: 'all', paid: 1000, largestEvent: 400, aggregateRemaining: 0, available: 0 });
    expect(cbi).toMatchObject({ nesting: 'aggregate', paid: 300, largestEvent: 300, aggregateRemaining: 100, available: 0 });
    expect(r.policy).toEqual({ aggregateLimit: 2000, aggregateRemaining: 1000, paid: 1000 });
    // The 5-column table of the test above nests "all": BI's largest event is E1's 400 + 200.
    const flat = limitsReport(claims, covers, 2000);
    expect(flat.ok && flat.covers.map((c) => [c.id, c.nesting, c.largestEvent])).toEqual([['BI', 'all', 600], ['CBI', 'all', 200]]);
  });

  it('a nesting that is neither "all" nor "aggregate" is the engine’s error', () => {
    const r = limitsReport(claims, [['BI', null, 600, 1000, 100, 'both']]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: '#VALUE!', argument: 'covers', rule: 'tableCellOption' });
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
