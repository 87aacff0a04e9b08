/**
 * Section 5 of the catalogue, limits, layers and deductibles — CYBER.LAYER, CYBER.ALLOCATE and
 * CYBER.REMAINING (SAMSUNG 第二十四–二十八、三十、三十二、三十三条; LMCIT's sublimits).
 *
 * The public oracles are OasisLMF's calc-rule examples (inputs 0, 10, …, 60) and a Samsung-style
 * limits tree settled by hand, row by row, in the comments.
 */
import { CATALOGUE } from './catalogue';
import { evaluate } from './evaluate';
import type { CellValue, RawArgument } from './values';
import { argumentConventions, expectColumn, expectError, expectNumber, expectText, ok, parseExample } from './__tests__/helpers';

/** A limit no loss reaches (a layer without a limit). */
const NO_LIMIT = 1e300;
const LOSSES = [0, 10, 20, 30, 40, 50, 60];

/** LAYER's exact result as a number. */
function layer(...args: RawArgument[]): number {
  return ok('LAYER', args).value as number;
}

describe('CYBER.LAYER against OasisLMF calc rules (losses 0, 10, …, 60)', () => {
  // Each oracle: a rule name, how it is written with CYBER.LAYER, and the expected outputs.
  const ORACLES: Array<[string, (loss: number) => number, number[]]> = [
    ['deductible 15 + limit 30: LAYER(loss, 15, 30)', (x) => layer(x, 15, 30), [0, 0, 5, 15, 25, 30, 30]],
    [
      'deductible 15, then attachment 10, limit 30, share 0.5: LAYER(LAYER(loss, 15, ∞), 10, 30, 0.5)',
      (x) => layer(layer(x, 15, NO_LIMIT), 10, 30, 0.5),
      [0, 0, 0, 2.5, 7.5, 12.5, 15],
    ],
    ['deductible only 15: LAYER(loss, 15, ∞)', (x) => layer(x, 15, NO_LIMIT), [0, 0, 5, 15, 25, 35, 45]],
    ['limit only 30: LAYER(loss, 0, 30)', (x) => layer(x, 0, 30), [0, 10, 20, 30, 30, 30, 30]],
  ];
  it.each(ORACLES)('%s', (_rule, calc, expected) => {
    expect(LOSSES.map(calc)).toEqual(expected);
  });
});

describe('CYBER.LAYER examples', () => {
  it.each<[string, RawArgument[], string]>([
    ['catalogue example', [40, 15, 30], '25'], // min(40 − 15, 30)
    ['loss at the attachment', [15, 15, 30], '0'],
    ['loss below the attachment: 0, never negative', [10, 15, 30], '0'],
    ['loss exactly fills the layer', [45, 15, 30], '30'],
    ['share', [100, 20, 50, 0.25], '12.5'], // min(80, 50) × 0.25
    ['share 0', [100, 20, 50, 0], '0'],
    ['share blank = 1', [100, 20, 50, null], '50'],
    ['limit 0', [100, 20, 0], '0'],
    ['exact decimals', [0.3, 0.1, 1, 0.5], '0.1'], // (0.3 − 0.1) × 0.5; binary gives 0.09999999999999999
  ])('%s: LAYER(%j) = %s', (_label, args, exact) => {
    expectNumber('LAYER', args, exact);
  });
});

// ---- ALLOCATE: the Samsung-style tree --------------------------------------------------------

/**
 * covers: id, parent, per-claim/event limit, aggregate limit, deductible (blank = none / 0).
 * - PCI 支付卡产业联盟数据安全标准违规 is part of REG 监管调查诉讼 (第二十五条 (四));
 * - CBI 连带营业收入损失 is part of BI 营业收入损失 (第二十六条 (三));
 * - REWARD 报酬支付 is part of EXT 网络勒索 and has no deductible (第二十六条 (五), 第三十条);
 * - CRISIS has a per-event limit only, no aggregate of its own.
 */
const SAMSUNG_COVERS: CellValue[][] = [
  ['cover', 'parent', 'per event', 'aggregate', 'deductible'], // header row: text in the numeric columns
  ['REG', null, 500000, 1000000, 50000],
  ['PCI', 'REG', null, 300000, 20000],
  ['BI', null, 800000, 1500000, 100000],
  ['CBI', 'BI', null, 400000, 80000],
  ['EXT', null, 300000, 600000, 30000],
  ['REWARD', 'EXT', null, 100000, null],
  ['CRISIS', null, 50000, null, null],
];

/** claims: event id, cover id, amount (loss + defence costs). Row 0 is a header, row 5 blank. */
const SAMSUNG_CLAIMS: CellValue[][] = [
  ['event', 'cover', 'amount'], // 0  header → "payable"
  ['E1', 'REG', 350000], //        1
  ['E1', 'PCI', 260000], //        2  same wrongful act as row 1: one claim (第三十二条)
  ['E2', 'CBI', 150000], //        3
  ['E2', 'BI', 900000], //         4  same event as row 3 (第三十三条)
  [null, null, null], //           5  blank row → ""
  ['E3', 'REWARD', 40000], //      6
  ['E3', 'EXT', 250000], //        7
  ['E1', 'PCI', 80000], //         8  a related claim reported later: settled with E1, before E2
  ['E4', 'CBI', 500000], //        9
  [null, 'REWARD', 70000], //     10  no event id: an event of its own
  ['E5', 'EXT', 20000], //        11  below the deductible
  ['E6', 'EXT', 100000], //       12
  ['E7', 'CRISIS', 80000], //     13
];

describe('CYBER.ALLOCATE: Samsung-style limits tree (第二十四–二十八、三十、三十二、三十三条)', () => {
  /*
   * Run A: policy aggregate 1,900,000, policy per-claim 700,000 (第二十四条).
   * Counters at the start: aggregates REG 1,000,000, PCI 300,000, BI 1,500,000, CBI 400,000,
   * EXT 600,000, REWARD 100,000, policy 1,900,000. Per event (fresh each event): REG 500,000,
   * BI 800,000, EXT 300,000, CRISIS 50,000, policy 700,000.
   * Events are settled in order of their first row: E1 (rows 1, 2, 8), E2 (3, 4), E3 (6, 7),
   * E4 (9), row 10, E5 (11), E6 (12), E7 (13).
   *
   * E1  D = max(REG 50,000, PCI 20,000) = 50,000 (第二十八条).
   *  r1  REG 350,000: takes D 50,000 → net 300,000; min(REG/e 500k, REG agg 1M, pol/e 700k, pol 1.9M) → 300,000.
   *      REG/e 200k, REG agg 700k, pol/e 400k, pol 1.6M.
   *  r2  PCI 260,000: D used up → net 260,000; min(PCI agg 300k, REG/e 200k, …) → 200,000 (PCI inside REG).
   *      PCI agg 100k, REG/e 0, REG agg 500k, pol/e 200k, pol 1.4M.
   *  r8  PCI 80,000: REG/e 0 → 0. (E1 has paid 500,000 = REG's per-claim limit.)
   * E2  D = max(CBI 80,000, BI 100,000) = 100,000; per-event counters fresh: BI/e 800k, pol/e 700k.
   *  r3  CBI 150,000: CBI has a deductible, so it bears D → net 50,000 → 50,000.
   *      CBI agg 350k, BI/e 750k, BI agg 1.45M, pol/e 650k, pol 1.35M.
   *  r4  BI 900,000: D used up → net 900,000; min(BI/e 750k, BI agg 1.45M, pol/e 650k, pol 1.35M) → 650,000.
   *      BI/e 100k, BI agg 800k, pol/e 0, pol 700k.
   * E3  D = max(REWARD 0, EXT 30,000) = 30,000.
   *  r6  REWARD 40,000: no deductible of its own → bears none (第三十条) → 40,000.
   *      REWARD agg 60k, EXT/e 260k, EXT agg 560k, pol 660k.
   *  r7  EXT 250,000: takes D 30,000 → net 220,000 → 220,000. EXT/e 40k, EXT agg 340k, pol 440k.
   * E4  D = 80,000.
   *  r9  CBI 500,000: net 420,000; min(CBI agg 350k, BI/e 800k, BI agg 800k, pol/e 700k, pol 440k) → 350,000.
   *      CBI agg 0 (exhausted across events), BI agg 450k, pol 90k.
   * r10 (own event) D = 0. REWARD 70,000: min(REWARD agg 60k, EXT/e 300k, EXT agg 340k, pol 90k) → 60,000.
   *      REWARD agg 0, EXT agg 280k, pol 30k.
   * E5  D = 30,000. r11 EXT 20,000: takes 20,000 → net 0 → 0.
   * E6  D = 30,000. r12 EXT 100,000: net 70,000; min(EXT/e 300k, EXT agg 280k, pol 30k) → 30,000. pol 0.
   * E7  D = 0. r13 CRISIS 80,000: policy aggregate exhausted → 0.
   * Paid: 300 + 200 + 0 + 50 + 650 + 40 + 220 + 350 + 60 + 0 + 30 + 0 = 1,900 thousand = the policy aggregate.
   */
  const RUN_A = ['payable', '300000', '200000', '50000', '650000', '', '40000', '220000', '0', '350000', '60000', '0', '30000', '0'];

  /*
   * Run B: no policy aggregate, policy per-claim 700,000. Rows 1–11 as in run A (the policy
   * aggregate never bound before row 12; at row 10 it was 90k > REWARD's 60k).
   *  r12 EXT 100,000: net 70,000; min(EXT/e 300k, EXT agg 280k, pol/e 700k) → 70,000. EXT agg 210k.
   *  r13 CRISIS 80,000: D 0; min(CRISIS/e 50k, pol/e 700k) → 50,000.
   */
  const RUN_B = ['payable', '300000', '200000', '50000', '650000', '', '40000', '220000', '0', '350000', '60000', '0', '70000', '50000'];

  /*
   * Run C: no policy limits at all.
   *  E1 as before (REG's own per-claim limit binds): 300,000, 200,000, 0.
   *  E2 r3 50,000; r4 min(900k, BI/e 750k, BI agg 1.45M) → 750,000. BI agg 700k.
   *  E3 40,000, 220,000. E4 r9 net 420k: min(CBI agg 350k, BI agg 700k) → 350,000. BI agg 350k.
   *  r10 60,000; r11 0; r12 70,000; r13 50,000.
   */
  const RUN_C = ['payable', '300000', '200000', '50000', '750000', '', '40000', '220000', '0', '350000', '60000', '0', '70000', '50000'];

  it('run A: policy aggregate 1,900,000 and per-claim 700,000', () => {
    expectColumn('ALLOCATE', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, 1900000, 700000], RUN_A);
  });

  it('run B: no policy aggregate, per-claim 700,000', () => {
    expectColumn('ALLOCATE', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, null, 700000], RUN_B);
  });

  it('run C: no policy limits', () => {
    expectColumn('ALLOCATE', [SAMSUNG_CLAIMS, SAMSUNG_COVERS], RUN_C);
    expectColumn('ALLOCATE', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, '', ''], RUN_C);
  });

  it('one value per row of claims, lined up with it (header, blank rows included)', () => {
    const r = ok('ALLOCATE', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, 1900000, 700000]);
    expect(r.value).toHaveLength(SAMSUNG_CLAIMS.length);
    expect((r.value as unknown[][]).every((line) => line.length === 1)).toBe(true);
  });

  it('trace: claimed, retained by deductibles, paid, above the limits (run A)', () => {
    // Claimed: 350 + 260 + 150 + 900 + 40 + 250 + 80 + 500 + 70 + 20 + 100 + 80 = 2,800 thousand.
    // Retained: E1 50,000 + E2 100,000 + E3 30,000 + E4 80,000 + E5 20,000 + E6 30,000 = 310,000.
    // Paid 1,900,000. Above the limits: 2,800,000 − 310,000 − 1,900,000 = 590,000.
    const r = evaluate('ALLOCATE', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, 1900000, 700000], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.article])).toEqual([
      ['2800000', '第三十二、三十三条'],
      ['310000', '第二十八条'],
      ['1900000', '第二十六条'],
      ['590000', '第二十四条'],
    ]);
  });
});

describe('CYBER.REMAINING after the Samsung-style tree', () => {
  /*
   * Run B's aggregates at the end: REG 1,000,000 − 500,000 = 500,000; PCI 300,000 − 200,000 =
   * 100,000; BI 1,500,000 − 50,000 − 650,000 − 350,000 = 450,000; CBI 400,000 − 50,000 − 350,000 = 0;
   * EXT 600,000 − 40,000 − 220,000 − 60,000 − 70,000 = 210,000; REWARD 100,000 − 40,000 − 60,000 = 0.
   * REMAINING is the least on the path to the root (and the policy's).
   */
  it.each<[string, string]>([
    ['REG', '500000'],
    ['PCI', '100000'], // min(PCI 100,000, REG 500,000)
    ['BI', '450000'],
    ['CBI', '0'], // min(CBI 0, BI 450,000)
    ['EXT', '210000'],
    ['REWARD', '0'], // min(REWARD 0, EXT 210,000)
  ])('run B: REMAINING(…, %s) = %s', (cover, exact) => {
    expectNumber('REMAINING', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, cover, null, 700000], exact);
  });

  it('run B: CRISIS has no aggregate on its path and there is no policy aggregate → "unlimited"', () => {
    expectText('REMAINING', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, 'CRISIS', null, 700000], 'unlimited');
    expectText('REMAINING', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, ' CRISIS '], 'unlimited'); // the id is trimmed
  });

  it.each(['REG', 'PCI', 'BI', 'CBI', 'EXT', 'REWARD', 'CRISIS'])('run A: the policy aggregate is exhausted, so REMAINING(…, %s) = 0', (cover) => {
    expectNumber('REMAINING', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, cover, 1900000, 700000], '0');
  });

  it('run C: BI 350,000 (its aggregate carried across E2 and E4), EXT 210,000', () => {
    // BI: 1,500,000 − 50,000 − 750,000 − 350,000 = 350,000.
    expectNumber('REMAINING', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, 'BI'], '350000');
    expectNumber('REMAINING', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, 'EXT'], '210000');
  });

  it('the policy aggregate counts when it is the least: 2,000,000 − 1,990,000 paid = 10,000', () => {
    // Run B's payments with a policy aggregate of 2,000,000 never reach it: before row 12 the
    // policy has paid 1,870,000 (130,000 left ≥ 70,000), before row 13 1,940,000 (60,000 left ≥
    // 50,000); in all 1,990,000. REG: min(500,000, 10,000).
    expectColumn('ALLOCATE', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, 2000000, 700000], ['payable', '300000', '200000', '50000', '650000', '', '40000', '220000', '0', '350000', '60000', '0', '70000', '50000']);
    expectNumber('REMAINING', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, 'REG', 2000000, 700000], '10000');
    expectNumber('REMAINING', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, 'CRISIS', 2000000, 700000], '10000');
    expectNumber('REMAINING', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, 'CBI', 2000000, 700000], '0');
  });

  it('no claims: every aggregate is untouched', () => {
    expectNumber('REMAINING', [[['event', 'cover', 'amount']], SAMSUNG_COVERS, 'PCI'], '300000');
    expectNumber('REMAINING', [[['event', 'cover', 'amount']], SAMSUNG_COVERS, 'PCI', 250000], '250000');
  });

  it('catalogue example', () => {
    expectNumber('REMAINING', [[['E1', 'BI', 500], ['E1', 'CBI', 300]], [['BI', null, 600, 1000, 100], ['CBI', 'BI', null, 400, 50]], 'CBI'], '200'); // CBI 400 − 200; BI 1000 − 600
  });
});

// ---- catalogue v2: the 6th covers column, nesting ---------------------------------------------

/**
 * The same tree with the 6th column. SAMSUNG 第二十五条 (四): "保险人在“支付卡产业联盟数据安全标准违规”
 * 保障项下……应承担的累计责任限额是“监管调查诉讼”保障累计责任限额的一部分，不额外增加后者的责任限额" —
 * part of REG's AGGREGATE; 第二十六条 (三) CBI in BI and (五) REWARD in EXT likewise. So those
 * sub-limits nest "aggregate": their payments use the parent's aggregate, never its per-claim limit.
 */
const SAMSUNG_COVERS_V2: CellValue[][] = [
  ['cover', 'parent', 'per event', 'aggregate', 'deductible', 'nesting'],
  ['REG', null, 500000, 1000000, 50000, null],
  ['PCI', 'REG', null, 300000, 20000, 'aggregate'],
  ['BI', null, 800000, 1500000, 100000, 'all'],
  ['CBI', 'BI', null, 400000, 80000, ' Aggregate '], // case and spaces ignored
  ['EXT', null, 300000, 600000, 30000, ''],
  ['REWARD', 'EXT', null, 100000, null, 'AGGREGATE'],
  ['CRISIS', null, 50000, null, null, null],
];

describe('CYBER.ALLOCATE v2: nesting "aggregate" (SAMSUNG 第二十五条 (四), 第二十六条 (三)、(五))', () => {
  /*
   * Run C (no policy limits) with the v2 tree. Per event: REG 500,000, BI 800,000, EXT 300,000,
   * CRISIS 50,000; PCI, CBI and REWARD have none, and nest "aggregate", so their payments use
   * their own aggregate and their parent's aggregate only.
   * E1  D = 50,000. r1 REG 350,000 → 300,000 (REG/e 200k, REG agg 700k).
   *     r2 PCI 260,000 → min(PCI agg 300k, REG agg 700k) = 260,000 — REG/e 200k does NOT apply
   *        (v1 and a 5-column table: 200,000). PCI agg 40k, REG agg 440k, REG/e still 200k.
   *     r8 PCI 80,000 → min(PCI agg 40k, REG agg 440k) = 40,000 (v1: 0, REG/e used up).
   *     E1 pays 600,000, more than REG's per-claim 500,000: the PCI part is not inside it.
   * E2  D = 100,000. r3 CBI 150,000 → net 50,000 → 50,000 (CBI agg 350k, BI agg 1.45M; BI/e untouched 800k).
   *     r4 BI 900,000 → min(BI/e 800k, BI agg 1.45M) = 800,000 (v1: 750,000). BI agg 650k.
   * E3  D = 30,000. r6 REWARD 40,000 → 40,000 (REWARD agg 60k, EXT agg 560k; EXT/e untouched).
   *     r7 EXT 250,000 → net 220,000 → 220,000. EXT agg 340k.
   * E4  r9 CBI 500,000 → net 420,000 → min(CBI agg 350k, BI agg 650k) = 350,000. BI agg 300k.
   * r10 REWARD 70,000 → min(REWARD agg 60k, EXT agg 340k) = 60,000. EXT agg 280k.
   * E5  r11 0. E6 r12 EXT 100,000 → 70,000 (EXT agg 210k). E7 r13 CRISIS 80,000 → 50,000.
   */
  const RUN_C_V2 = ['payable', '300000', '260000', '50000', '800000', '', '40000', '220000', '40000', '350000', '60000', '0', '70000', '50000'];

  /*
   * Run A (policy aggregate 1,900,000, per claim 700,000, 第二十四条): the policy limits apply
   * whatever the nesting.
   * E1  r1 300,000 (pol/e 400k, pol 1.6M). r2 PCI → min(PCI 300k, REG agg 700k, pol/e 400k) = 260,000
   *     (pol/e 140k, pol 1.34M). r8 PCI 80,000 → min(PCI 40k, pol/e 140k) = 40,000 (pol 1.3M).
   * E2  r3 50,000 (pol/e 650k, pol 1.25M). r4 BI → min(BI/e 800k, BI agg 1.45M, pol/e 650k) = 650,000 (pol 600k).
   * E3  r6 40,000 (pol 560k). r7 220,000 (pol 340k).
   * E4  r9 CBI net 420,000 → min(CBI 350k, BI agg 800k, pol 340k) = 340,000. The policy aggregate is used up:
   * r10–r13 0. Paid 300 + 260 + 40 + 50 + 650 + 40 + 220 + 340 = 1,900 thousand.
   */
  const RUN_A_V2 = ['payable', '300000', '260000', '50000', '650000', '', '40000', '220000', '40000', '340000', '0', '0', '0', '0'];

  it('run C: a PCI claim counts against REG’s aggregate but not REG’s per-claim limit', () => {
    expectColumn('ALLOCATE', [SAMSUNG_CLAIMS, SAMSUNG_COVERS_V2], RUN_C_V2);
  });

  it('run A: the policy per-claim and aggregate limits apply whatever the nesting (第二十四条)', () => {
    expectColumn('ALLOCATE', [SAMSUNG_CLAIMS, SAMSUNG_COVERS_V2, 1900000, 700000], RUN_A_V2);
  });

  it('REMAINING after run C: the aggregates still hold every payment of their sub-limits', () => {
    // REG 1,000,000 − 300,000 − 260,000 − 40,000; BI 1,500,000 − 50,000 − 800,000 − 350,000;
    // EXT 600,000 − 40,000 − 220,000 − 60,000 − 70,000.
    for (const [cover, exact] of [['REG', '400000'], ['PCI', '0'], ['BI', '300000'], ['CBI', '0'], ['EXT', '210000'], ['REWARD', '0']]) {
      expectNumber('REMAINING', [SAMSUNG_CLAIMS, SAMSUNG_COVERS_V2, cover], exact);
    }
    expectText('REMAINING', [SAMSUNG_CLAIMS, SAMSUNG_COVERS_V2, 'CRISIS'], 'unlimited');
  });

  it('a 5-column table is a table whose nesting is "all" everywhere: runs A, B, C unchanged', () => {
    const allAll = (nesting: CellValue) => SAMSUNG_COVERS.map((r, i) => [...r, i === 0 ? 'nesting' : nesting]);
    for (const nesting of [null, '', 'all', ' ALL ']) {
      const covers = allAll(nesting);
      for (const policy of [[1900000, 700000], [null, 700000], []] as RawArgument[][]) {
        expect(ok('ALLOCATE', [SAMSUNG_CLAIMS, covers, ...policy]).exact).toEqual(ok('ALLOCATE', [SAMSUNG_CLAIMS, SAMSUNG_COVERS, ...policy]).exact);
      }
    }
    // And the hand-settled run C of the 5-column table (PCI inside REG's per-claim limit).
    expectColumn('ALLOCATE', [SAMSUNG_CLAIMS, allAll('all')], ['payable', '300000', '200000', '50000', '750000', '', '40000', '220000', '0', '350000', '60000', '0', '70000', '50000']);
  });

  it('PCI under REG, the brief’s example: with "all" REG’s per-claim limit binds the PCI claim, with "aggregate" only the aggregates do', () => {
    // REG: per claim 500, aggregate 1,000. PCI inside REG: aggregate 300.
    const covers = (nesting: string) => [
      ['REG', null, 500, 1000, null, null],
      ['PCI', 'REG', null, 300, null, nesting],
    ];
    const claims = [['E1', 'REG', 500], ['E1', 'PCI', 200], ['E2', 'PCI', 200]];
    // all: E1 REG 500 uses REG/e; PCI 200 → REG/e 0 → 0. E2 PCI 200 → min(PCI 300, REG/e 500, REG agg 500) = 200.
    expectColumn('ALLOCATE', [claims, covers('all')], ['500', '0', '200']);
    // aggregate: E1 PCI 200 → min(PCI 300, REG agg 500) = 200. E2 PCI 200 → min(PCI 100, REG agg 300) = 100.
    expectColumn('ALLOCATE', [claims, covers('aggregate')], ['500', '200', '100']);
    expectNumber('REMAINING', [claims, covers('aggregate'), 'REG'], '200'); // 1,000 − 500 − 200 − 100
    expectNumber('REMAINING', [claims, covers('aggregate'), 'PCI'], '0');
  });

  it('LMCIT: $2M per occurrence over the $3M breach aggregate and its $250,000 PCI sublimit, nesting "all"', () => {
    // LMCIT: "每次事故的标准限额为200万美元" and the PCI sublimit is "part of and not in addition to
    // the $3 million data security breach aggregate". One occurrence: 1,900,000 of breach
    // liability and 250,000 of PCI fines → PCI gets min(250,000, 2,000,000 − 1,900,000) = 100,000.
    const covers = [
      ['LIAB', null, 2000000, null, null],
      ['BREACH', 'LIAB', null, 3000000, null, 'all'],
      ['PCI', 'BREACH', null, 250000, null, 'all'],
    ];
    expectColumn('ALLOCATE', [[['O1', 'BREACH', 1900000], ['O1', 'PCI', 250000]], covers], ['1900000', '100000']);
    // A second occurrence: the per-occurrence limit is fresh; PCI's aggregate has 150,000 left,
    // the breach aggregate 3,000,000 − 2,000,000 = 1,000,000.
    expectColumn('ALLOCATE', [[['O1', 'BREACH', 1900000], ['O1', 'PCI', 250000], ['O2', 'PCI', 250000], ['O2', 'BREACH', 1500000]], covers], ['1900000', '100000', '150000', '850000']);
  });

  it('the per-event reach stops at the first cover nesting "aggregate"; every aggregate on the path counts; untouched counters stay whole', () => {
    // R (per event 100, aggregate 1,000) ⊃ M "all" (per event 80) ⊃ L "aggregate" (per event 60) ⊃ X "all" (per event 50).
    const covers = (lNesting: string, rNesting: string | null = null): CellValue[][] => [
      ['R', null, 100, 1000, null, rNesting],
      ['M', 'R', 80, null, null, 'all'],
      ['L', 'M', 60, null, null, lNesting],
      ['X', 'L', 50, null, null, 'all'],
    ];
    const claims = [['E1', 'X', 70], ['E1', 'L', 30], ['E1', 'M', 100], ['E1', 'R', 50], ['E1', 'X', 10]];
    // "aggregate": X 70 → min(X/e 50, L/e 60) = 50 (X's path to M passes L, which nests
    //   "aggregate": M/e and R/e do not apply and are not reduced). X/e 0, L/e 10.
    //   L 30 → L/e 10 → 10. M 100 → min(M/e 80, R/e 100) = 80 (both still whole). R/e 20.
    //   R 50 → R/e 20 → 20. X 10 → X/e 0 → 0. R's aggregate counted all of it: 1,000 − 160.
    expectColumn('ALLOCATE', [claims, covers('aggregate')], ['50', '10', '80', '20', '0']);
    expectNumber('REMAINING', [claims, covers('aggregate'), 'X'], '840');
    // "all" everywhere: X 50 uses M/e (30 left) and R/e (50 left); L 10 (M 20, R 40); M 20; R 20; X 0.
    expectColumn('ALLOCATE', [claims, covers('all')], ['50', '10', '20', '20', '0']);
    expectNumber('REMAINING', [claims, covers('all'), 'X'], '900');
    // A root's nesting has no parent to speak of: "aggregate" on R changes nothing.
    expectColumn('ALLOCATE', [claims, covers('aggregate', 'aggregate')], ['50', '10', '80', '20', '0']);
    expectColumn('ALLOCATE', [claims, covers('all', 'aggregate')], ['50', '10', '20', '20', '0']);
  });

  it('the largest deductible and the policy per-claim limit are the same with either nesting', () => {
    const covers: CellValue[][] = [
      ['P', null, 100, null, 30, null],
      ['C', 'P', null, null, 10, 'aggregate'],
    ];
    const claims = [['E1', 'P', 20], ['E1', 'C', 80], ['E1', 'C', 80]];
    // E1: D = max(P 30, C 10) = 30 (第二十八条), taken in row order: 20 from P's row → 0, 10 from
    // the first C row → 70; the second C row → 80 (C nests "aggregate": P/e 100 does not apply).
    expectColumn('ALLOCATE', [claims, covers], ['0', '70', '80']);
    // Policy per claim 100 (第二十四条, whatever the nesting): 0, 70, then min(80, 100 − 70) = 30.
    expectColumn('ALLOCATE', [claims, covers, null, 100], ['0', '70', '30']);
    // With "all", P's own per-event limit does the same: min(80, 100 − 70) = 30.
    expectColumn('ALLOCATE', [claims, [covers[0], ['C', 'P', null, null, 10, 'all']]], ['0', '70', '30']);
  });

  it('nesting errors: #VALUE! naming covers, the row and the column (header rows counted)', () => {
    const bad = (nesting: CellValue, header = false): CellValue[][] => [
      ...(header ? [['id', 'parent', 'e', 'agg', 'ded', 'nesting']] : []),
      ['REG', null, 500, 1000, null, 'all'],
      ['PCI', 'REG', null, 300, null, nesting],
    ];
    for (const [nesting, got] of [['partial', 'the text "partial"'], ['aggregated', 'the text "aggregated"'], [1, '1'], [true, 'TRUE']] as Array<[CellValue, string]>) {
      for (const fn of ['ALLOCATE', 'REMAINING']) {
        const args = fn === 'ALLOCATE' ? [[['E1', 'PCI', 10]], bad(nesting)] : [[['E1', 'PCI', 10]], bad(nesting), 'PCI'];
        const r = expectError(fn, args, { code: '#VALUE!', argument: 'covers', rule: 'tableCellOption' });
        expect(r.error.message.en).toBe(`CYBER.${fn}: covers row 2, column "nesting" must be "all", "aggregate" or blank (= "all"), but it is ${got}.`);
        expect(r.error.message.zh).toContain('参数 covers（保障项目） 第 2 行“嵌套方式”列必须是 "all"、"aggregate" 或空白');
      }
    }
    const r = expectError('ALLOCATE', [[['E1', 'PCI', 10]], bad('x', true)], { code: '#VALUE!', argument: 'covers', rule: 'tableCellOption' });
    expect(r.error.message.en).toContain('row 3');
  });

  it('covers of 5 or 6 columns are accepted; any other width is #VALUE! listing both widths in English and Chinese', () => {
    for (const width of [1, 2, 3, 4, 7, 8]) {
      const covers = [Array.from({ length: width }, (_, k): CellValue => (k === 0 ? 'A' : null))];
      for (const fn of ['ALLOCATE', 'REMAINING']) {
        const args = fn === 'ALLOCATE' ? [[['E1', 'A', 10]], covers] : [[['E1', 'A', 10]], covers, 'A'];
        const r = expectError(fn, args, { code: '#VALUE!', argument: 'covers', rule: 'tableWidth' });
        expect(r.error.message.en).toBe(
          `CYBER.${fn}: covers must be a table of 5 or 6 columns (cover id, parent id, per-claim/event limit, aggregate limit, deductible, nesting (optional)), but it has ${width}.`,
        );
        expect(r.error.message.zh).toBe(
          `CYBER.${fn}：参数 covers（保障项目） 必须是 5 或 6 列的表格（保障编号、上级保障编号、每次索赔/事件限额、累计限额、免赔额、嵌套方式（可省略）），但它有 ${width} 列。`,
        );
      }
    }
    // A table without optional columns still says "exactly".
    const claims = expectError('ALLOCATE', [[['E1', 'A']], ONE], { code: '#VALUE!', argument: 'claims', rule: 'tableWidth' });
    expect(claims.error.message.en).toBe('CYBER.ALLOCATE: claims must be a table of exactly 3 columns (event id, cover id, amount), but it has 2.');
    expect(claims.error.message.zh).toBe('CYBER.ALLOCATE：参数 claims（索赔清单） 必须是恰好 3 列的表格（事件编号、保障编号、金额），但它有 2 列。');
    expectColumn('ALLOCATE', [[['E1', 'A', 50]], [['A', null, 100, 150, 10, null]]], ['40']);
    expectColumn('ALLOCATE', [[['E1', 'A', 50]], [['A', null, 100, 150, 10, 'aggregate']]], ['40']);
  });

  it('REMAINING of a cover not in a 6-column table is #N/A, a lookup that finds nothing', () => {
    const r = expectError('REMAINING', [SAMSUNG_CLAIMS, SAMSUNG_COVERS_V2, 'SEC'], { code: '#N/A', argument: 'cover', rule: 'unknownCoverArgument' });
    expect(r.error.message.en).toBe('CYBER.REMAINING: cover "SEC" is not a cover id of covers.');
  });
});

// ---- ALLOCATE: one rule at a time --------------------------------------------------------------

/** One cover A: per-event 100, aggregate 150, deductible 10 (blank cells: none / 0). */
const ONE: CellValue[][] = [['A', null, 100, 150, 10]];

describe('CYBER.ALLOCATE rules one at a time', () => {
  it.each<[string, CellValue[][], CellValue[][], RawArgument, RawArgument, string[]]>([
    // label, claims, covers, policy aggregate, policy per-claim, expected column
    ['no header: numbers only', [['E1', 'A', 50]], ONE, null, null, ['40']], // 50 − 10
    ['header row → "payable"', [['ev', 'cover', 'amount'], ['E1', 'A', 50]], ONE, null, null, ['payable', '40']],
    ['only a header', [['ev', 'cover', 'amount']], ONE, null, null, ['payable']],
    ['blank rows → ""', [['E1', 'A', 50], [null, null, null], ['', '', ''], ['E2', 'A', 30]], ONE, null, null, ['40', '', '', '20']],
    ['entirely blank claims', [[null, null, null]], ONE, null, null, ['']],
    ['amount at the deductible', [['E1', 'A', 10]], ONE, null, null, ['0']],
    ['amount below the deductible', [['E1', 'A', 4]], ONE, null, null, ['0']],
    ['blank amount is 0', [['E1', 'A', null]], ONE, null, null, ['0']],
    // Same event: one deductible (第二十八条), per-event limit shared by the rows.
    ['same event: the deductible once, taken in row order', [['E1', 'A', 6], ['E1', 'A', 50]], ONE, null, null, ['0', '46']], // D 10: 6 from row 1, 4 from row 2
    ['same event: per-event limit shared', [['E1', 'A', 80], ['E1', 'A', 80]], ONE, null, null, ['70', '30']], // 70; then min(80, 100 − 70)
    // Different events: a deductible each; per-event counters fresh; aggregate carried.
    ['different events: a deductible each', [['E1', 'A', 50], ['E2', 'A', 50]], ONE, null, null, ['40', '40']],
    ['per-event limit resets per event, aggregate carried', [['E1', 'A', 200], ['E2', 'A', 200]], ONE, null, null, ['100', '50']], // 100 (per event); min(100, 150 − 100)
    ['aggregate exhausted: later events get 0', [['E1', 'A', 200], ['E2', 'A', 200], ['E3', 'A', 200]], ONE, null, null, ['100', '50', '0']],
    ['blank event ids: each row its own event', [[null, 'A', 50], ['', 'A', 50]], ONE, null, null, ['40', '40']],
    ['numeric event ids: 1 and "1" are one event', [[1, 'A', 50], ['1', 'A', 50]], ONE, null, null, ['40', '50']],
    ['event ids are trimmed', [['E1', 'A', 50], [' E1 ', 'A', 50]], ONE, null, null, ['40', '50']],
    // Events in order of first row; rows within an event in row order.
    // Policy limits (第二十四条).
    ['policy per-claim limit', [['E1', 'A', 90], ['E2', 'A', 90]], ONE, null, 60, ['60', '60']],
    ['policy per-claim limit shared within the event', [['E1', 'A', 50], ['E1', 'A', 50]], ONE, null, 60, ['40', '20']], // D 10; 40; min(50, 60 − 40)
    ['policy aggregate', [['E1', 'A', 90], ['E2', 'A', 90]], ONE, 100, null, ['80', '20']],
    ['policy aggregate 0', [['E1', 'A', 90]], ONE, 0, null, ['0']],
    ['cover without limits', [['E1', 'X', 1e6]], [['X', null, null, null, null]], null, null, ['1000000']],
  ])('%s', (_label, claims, covers, policyAggregate, policyPerClaim, expected) => {
    expectColumn('ALLOCATE', [claims, covers, policyAggregate, policyPerClaim], expected);
  });

  it('events settle in order of their first row (worked)', () => {
    // E2 first (rows 1 and 3): D 10 from row 1 → 70; row 3: 80 → min(80, per-event 100 − 70 = 30) → 30.
    // Aggregate 150 − 100 = 50. E1 (row 2): D 10 → 70 → min(70, per-event 100, aggregate 50) → 50.
    expectColumn('ALLOCATE', [[['E2', 'A', 80], ['E1', 'A', 80], ['E2', 'A', 80]], ONE], ['70', '50', '30']);
  });

  it('largest deductible once per event; a cover without a deductible bears none (第二十八、三十条)', () => {
    const covers: CellValue[][] = [
      ['EXT', null, null, null, 1000],
      ['REWARD', 'EXT', null, null, null],
      ['SMALL', null, null, null, 200],
    ];
    // E1: D = max(0, 1000) = 1000. REWARD 300 bears nothing → 300. EXT 500 takes 500 → 0.
    // EXT 800 takes the other 500 → 300.
    expectColumn('ALLOCATE', [[['E1', 'REWARD', 300], ['E1', 'EXT', 500], ['E1', 'EXT', 800]], covers], ['300', '0', '300']);
    // E1: D = max(200, 1000) = 1000, taken from SMALL's row first (row order): SMALL 1500 → 500; EXT 400 → 400.
    expectColumn('ALLOCATE', [[['E1', 'SMALL', 1500], ['E1', 'EXT', 400]], covers], ['500', '400']);
    // Only SMALL: D = 200.
    expectColumn('ALLOCATE', [[['E1', 'SMALL', 1500]], covers], ['1300']);
    // REWARD alone: no deductible at all.
    expectColumn('ALLOCATE', [[['E1', 'REWARD', 1500]], covers], ['1500']);
    // A deductible larger than the event's amounts is retained only up to them.
    expectColumn('ALLOCATE', [[['E1', 'SMALL', 100], ['E1', 'EXT', 300], ['E2', 'SMALL', 300]], covers], ['0', '0', '100']);
  });

  it('a child’s limits are part of its parent’s (第二十五条 (四), 第二十六条 (三)); grandchildren too', () => {
    const covers: CellValue[][] = [
      ['P', null, 150, 200, null],
      ['C', 'P', 100, 120, null],
      ['G', 'C', null, 90, null],
    ];
    // E1: G 100 → min(G agg 90, C/e 100, C agg 120, P/e 150, P agg 200) = 90.
    //     C 100 → min(C/e 100 − 90 = 10, C agg 30, P/e 60, P agg 110) = 10.
    //     P 100 → min(P/e 150 − 100 = 50, P agg 100) = 50.
    // E2: G 100 → G agg 0 → 0. C 100 → min(C/e 100, C agg 120 − 100 = 20, P agg 200 − 150 = 50) = 20.
    //     P 100 → min(P/e 150 − 20 = 130, P agg 30) = 30.
    expectColumn(
      'ALLOCATE',
      [[['E1', 'G', 100], ['E1', 'C', 100], ['E1', 'P', 100], ['E2', 'G', 100], ['E2', 'C', 100], ['E2', 'P', 100]], covers],
      ['90', '10', '50', '0', '20', '30'],
    );
    expectNumber('REMAINING', [[['E1', 'G', 100], ['E1', 'C', 100], ['E1', 'P', 100], ['E2', 'G', 100], ['E2', 'C', 100], ['E2', 'P', 100]], covers, 'G'], '0');
  });

  it('paying under a child never lets the parent’s aggregate be exceeded by a sibling', () => {
    const covers: CellValue[][] = [
      ['BI', null, null, 1000, null],
      ['CBI', 'BI', null, 800, null],
      ['OE', 'BI', null, 800, null],
    ];
    // CBI 700 → 700 (BI agg 300 left). OE 700 → min(OE 800, BI 300) = 300. BI 50 → 0.
    expectColumn('ALLOCATE', [[['E1', 'CBI', 700], ['E2', 'OE', 700], ['E3', 'BI', 50]], covers], ['700', '300', '0']);
    expectNumber('REMAINING', [[['E1', 'CBI', 700], ['E2', 'OE', 700]], covers, 'CBI'], '0'); // min(CBI 100, BI 0)
  });

  it('covers: a header row is skipped, ids are trimmed, numeric ids are text', () => {
    const covers: CellValue[][] = [
      ['id', 'parent', 'per event', 'aggregate', 'deductible'],
      [' 7 ', null, null, 100, 5],
      ['8', 7, null, 50, null],
    ];
    expectColumn('ALLOCATE', [[['E1', 7, 80], ['E2', '8', 80]], covers], ['75', '25']); // 80 − 5; min(80, 50, 100 − 75)
  });

  it('cents stay exact across many rows', () => {
    const claims = Array.from({ length: 10 }, (_, i): CellValue[] => [`E${i}`, 'A', 0.1]);
    const r = ok('ALLOCATE', [claims, [['A', null, null, 0.3, null]]]);
    expect(r.exact).toEqual([['0.1'], ['0.1'], ['0.1'], ['0'], ['0'], ['0'], ['0'], ['0'], ['0'], ['0']]);
  });

  it('100,000 claim rows settle (a pass over the claims: linear in their number)', () => {
    // 20,000 events of 5 rows over a 4-cover tree; every row pays 90 (100 less a share of the
    // deductible 10 taken once per event from its first row) until aggregates bind.
    const covers: CellValue[][] = [
      ['ROOT', null, null, null, 10],
      ['A', 'ROOT', null, null, 10],
      ['B', 'A', null, null, 10],
      ['C', 'B', null, null, 10],
    ];
    const claims: CellValue[][] = [];
    for (let i = 0; i < 100000; i++) claims.push([`E${Math.floor(i / 5)}`, ['ROOT', 'A', 'B', 'C', 'C'][i % 5], 100]);
    const r = evaluate('ALLOCATE', [claims, covers]);
    if (!r.ok) throw new Error(r.error.message.en);
    const column = r.value as number[][];
    expect(column).toHaveLength(100000);
    // First row of each event bears the deductible: 90; the other four pay 100.
    expect(column[0][0]).toBe(90);
    expect(column[1][0]).toBe(100);
    expect(column[99995][0]).toBe(90);
    expect(column[99999][0]).toBe(100);
    const total = column.reduce((s, [v]) => s + v, 0);
    expect(total).toBe(20000 * (90 + 4 * 100));
    // With a root aggregate the tail is cut off exactly where it is exhausted.
    const capped = evaluate('REMAINING', [claims, [['ROOT', null, null, 1e6, 10], ...covers.slice(1)], 'C']);
    expect(capped.ok && capped.value).toBe(0);
  });
});

describe('section 5 (limits) error rules', () => {
  const CLAIMS: CellValue[][] = [['E1', 'A', 10]];

  it.each<[string, CellValue[][], string, string]>([
    ['duplicate cover id', [['A', null, null, null, null], ['A', null, 5, null, null]], 'duplicateCoverId', 'row 2 repeats the cover id "A"'],
    ['duplicate after trimming', [['A', null, null, null, null], [' A ', null, 5, null, null]], 'duplicateCoverId', '"A"'],
    ['unknown parent', [['A', 'ROOT', null, null, null]], 'unknownParent', 'row 1 names the parent "ROOT"'],
    ['self-parent', [['A', 'A', null, null, null]], 'parentCycle', 'through the cover "A"'],
    ['two-cover cycle', [['A', 'B', null, null, null], ['B', 'A', null, null, null]], 'parentCycle', 'cycle of parents'],
    ['three-cover cycle below a valid cover', [['R', null, null, null, null], ['A', 'C', null, null, null], ['B', 'A', null, null, null], ['C', 'B', null, null, null]], 'parentCycle', 'cycle of parents'],
    ['missing cover id', [['A', null, null, null, null], [null, 'A', 5, null, null]], 'coverIdMissing', 'row 2 has no cover id'],
    ['missing cover id (header row counted)', [['id', 'parent', 'e', 'agg', 'ded'], ['A', null, null, null, null], ['', 'A', 5, null, null]], 'coverIdMissing', 'row 3'],
    ['a negative limit', [['A', null, -5, null, null]], 'tableCellRule', 'must be 0 or more'],
    ['text in a limit below the first row', [['A', null, 5, null, null], ['B', null, 'lots', null, null]], 'tableCellNotNumber', 'row 2'],
  ])('covers: %s → #VALUE!', (_label, covers, rule, fragment) => {
    for (const [fn, args] of [
      ['ALLOCATE', [CLAIMS, covers]],
      ['REMAINING', [CLAIMS, covers, 'A']],
    ] as Array<[string, RawArgument[]]>) {
      const r = expectError(fn, args, { code: '#VALUE!', argument: 'covers', rule });
      expect(r.error.message.en).toContain(fragment);
    }
  });

  it('covers with no data rows', () => {
    expectError('ALLOCATE', [CLAIMS, [['id', 'parent', 'e', 'agg', 'ded']]], { code: '#VALUE!', argument: 'covers', rule: 'tableTooShort' });
  });

  it('claims under an unknown cover → #N/A naming the row and the id', () => {
    const r = expectError('ALLOCATE', [[['E1', 'A', 10], ['E1', 'Z', 5]], ONE], { code: '#N/A', argument: 'claims', rule: 'unknownCover' });
    expect(r.error.message.en).toContain('row 2');
    expect(r.error.message.en).toContain('"Z"');
    expect(r.error.message.zh).toContain('“Z”');
    expectError('REMAINING', [[['E1', 'Z', 5]], ONE, 'A'], { code: '#N/A', argument: 'claims', rule: 'unknownCover' });
  });

  it('a claims row without a cover id → #VALUE!', () => {
    const r = expectError('ALLOCATE', [[['E1', 'A', 10], ['E1', null, 5]], ONE], { code: '#VALUE!', argument: 'claims', rule: 'claimCoverMissing' });
    expect(r.error.message.en).toContain('row 2');
  });

  it('a negative claim amount → #VALUE!', () => {
    expectError('ALLOCATE', [[['E1', 'A', -10]], ONE], { code: '#VALUE!', argument: 'claims', rule: 'tableCellRule' });
  });

  it('REMAINING for a cover that is not in covers → #N/A', () => {
    const r = expectError('REMAINING', [CLAIMS, ONE, 'B'], { code: '#N/A', argument: 'cover', rule: 'unknownCoverArgument' });
    expect(r.error.message.en).toContain('"B"');
    expectError('REMAINING', [CLAIMS, ONE, ''], { code: '#VALUE!', argument: 'cover', rule: 'requiredMissing' });
  });

  it('negative policy limits → #VALUE!', () => {
    expectError('ALLOCATE', [CLAIMS, ONE, -1], { code: '#VALUE!', argument: 'policy_aggregate', rule: 'negative' });
    expectError('ALLOCATE', [CLAIMS, ONE, null, -1], { code: '#VALUE!', argument: 'policy_per_claim', rule: 'negative' });
  });
});

describe('section 5 (limits) catalogue examples in the specs', () => {
  it.each(CATALOGUE.filter((f) => ['LAYER', 'ALLOCATE', 'REMAINING'].includes(f.name)).map((f) => [f.name, f.example.formula, f.example.result]))('%s: %s = %s', (name, formula, result) => {
    const ex = parseExample(formula);
    expect(ex.name).toBe(name);
    const r = ok(name, ex.args);
    const shown = Array.isArray(r.exact) ? `{${(r.exact as string[][]).map((line) => line.join(',')).join(';')}}` : String(r.exact);
    expect(shown).toBe(result);
  });
});

argumentConventions({
  LAYER: [40, 15, 30, 0.5],
  ALLOCATE: [[['E1', 'A', 50]], ONE, 1000, 500],
  REMAINING: [[['E1', 'A', 50]], ONE, 'A', 1000, 500],
});
