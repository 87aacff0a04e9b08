/**
 * Section 9 of the catalogue, CYBER.CONTINUATIONCOST — 经营延续费用 as CPIC 第四十四条 29 defines it.
 */
import { CATALOGUE } from './catalogue';
import { evaluate } from './evaluate';
import type { RawArgument } from './values';
import { argumentConventions, expectNumber, ok, parseExample } from './__tests__/helpers';

describe('CYBER.CONTINUATIONCOST (extra_costs, [avoidable], [expediting], [expediting_saved], [residual_value])', () => {
  // 29:「在恢复期间内所产生的必要且有益费用中，超出通常所需费用部分的金额；当存在该期间内可避免支出的费用时，则是扣除相关金额后的金额」
  // 29 (2):「为了缩短恢复期间而在恢复期间内产生的必要且有益的费用中，超出通常所需费用的部分是以缩短恢复期间所能够节省的经营延续费用金额为限，包含在经营延续费用中」
  // 29 (3):「为了临时使用而获取的设备等财产，在恢复期间结束时的价额」 is not a continuation cost.
  // Args: extra_costs, [avoidable=0], [expediting=0], [expediting_saved=0], [residual_value=0]
  it.each<[string, RawArgument[], string]>([
    ['catalogue example: 300,000 − 20,000 + min(50,000, 30,000) − 10,000', [300000, 20000, 50000, 30000, 10000], '300000'],
    ['extra costs alone', [120000], '120000'],
    ['less the costs avoided in the period', [120000, 15000], '105000'],
    ['expediting counted up to what it saved', [100000, 0, 40000, 25000], '125000'],
    ['expediting below what it saved: all of it', [100000, 0, 20000, 25000], '120000'],
    ['expediting without a saving counts nothing (expediting_saved defaults to 0)', [100000, 0, 40000], '100000'],
    ['a saving without expediting counts nothing', [100000, 0, 0, 25000], '100000'],
    ['the residual value of property bought for temporary use comes off', [100000, 0, 0, 0, 8000], '92000'],
    ['rented servers kept after the period: 60,000 − 5,000 avoided − 12,000 residual', [60000, 5000, null, null, 12000], '43000'],
    ['never below 0: avoided costs above the extra costs', [10000, 25000], '0'],
    ['never below 0: residual value above the rest', [10000, 0, 5000, 5000, 20000], '0'],
    ['exactly 0', [10000, 10000], '0'],
    ['nothing at all', [0], '0'],
    ['exact decimals (binary: 0.3 − 0.1 = 0.19999999999999998)', [0.3, 0.1], '0.2'],
    ['exact decimals, all terms', [0.7, 0.1, 0.3, 0.2, 0.1], '0.7'],
  ])('%s: CONTINUATIONCOST(%j) = %s', (_label, args, exact) => {
    expectNumber('CONTINUATIONCOST', args, exact);
  });

  it('its result is what CONTINUATIONPAYOUT takes as expenses', () => {
    const cost = ok('CONTINUATIONCOST', [300000, 20000, 50000, 30000, 10000]).value as number;
    const viaCost = evaluate('CONTINUATIONPAYOUT', [cost, 20000, 500000, 0.5, 10000]);
    const direct = evaluate('CONTINUATIONPAYOUT', [300000, 20000, 500000, 0.5, 10000]);
    expect(viaCost.ok && direct.ok && viaCost.value === direct.value).toBe(true);
  });

  it('trace: each term with CPIC 第四十四条 29', () => {
    const r = evaluate('CONTINUATIONCOST', [100000, 5000, 40000, 25000, 8000], { trace: true });
    expect(r.trace.map((s) => [s.value, s.article?.source, s.article?.article])).toEqual([
      ['95000', 'CPIC', '第四十四条 29'],
      ['25000', 'CPIC', '第四十四条 29'],
      ['112000', 'CPIC', '第四十四条 29'],
    ]);
  });

  it('catalogue example in the spec', () => {
    const f = CATALOGUE.find((x) => x.name === 'CONTINUATIONCOST')!;
    const ex = parseExample(f.example.formula);
    expect(String(ok('CONTINUATIONCOST', ex.args).exact)).toBe(f.example.result);
  });
});

argumentConventions({
  CONTINUATIONCOST: [300000, 20000, 50000, 30000, 10000],
});
