/**
 * Payout properties of the catalogue (FUNCTIONS.md sections 3–7), RUNS cases per function, on the
 * engine's exact results (the cross-host suite shows the other hosts give the same):
 *
 *  (a) every result is a finite number, never −0 (checked on each call below as well);
 *  (b) every payout lies between 0 and every cap the catalogue applies to it;
 *  (c) a payout never falls when the loss rises or a deductible (or what acts as one: an
 *      attachment, amounts recovered, insured costs saved, actual revenue) falls;
 *  (d) ALLOCATE conserves money: paid + retained by deductibles + above the limits = claimed.
 *
 * ALLOCATE's monotonicity is stated as the catalogue makes it true. Events are settled one after
 * another (FUNCTIONS.md §5, steps 1–2) and each payment uses up counters shared with later
 * claims, so raising one claim can lower LATER claims' payments by more than it adds, and the
 * total paid can fall (pinned by the example below). What holds: everything settled before the
 * changed claim is unchanged, and the changed claim itself is paid no less.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { evaluate, type CellValue, type RawArgument } from '../../src/engine';
import { type Book, bookArb, bookRanges, cents, dateSerial, eventPathOf, eventsOf, fcParams, pathOf, ratio, RUNS, seriesOf, seriesValues, wholeHours } from './arbitraries';

/** Wide enough that sums of engine results are exact (the engine itself keeps 40 digits). */
const Exact = Decimal.clone({ precision: 1000 });
type D = Decimal;
const d = (x: number | string | D): D => new Exact(x);
const ZERO = d(0);
const pos = (x: D): D => (x.isNegative() ? ZERO : x);
const dmin = (...xs: D[]): D => xs.reduce((m, x) => (x.lt(m) ? x : m));
const sum = (xs: readonly D[]): D => xs.reduce((s, x) => s.plus(x), ZERO);

/**
 * A property's assertion. Cheaper than Jest's expect on the hot path (hundreds of thousands of
 * checks); fast-check reports the failing case, its seed and path, and this message.
 */
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`property broken: ${what}`);
}

const call = (name: string, args: readonly RawArgument[]) => `CYBER.${name}(${JSON.stringify(args).slice(0, 600)})`;

/** (a) for one cell value. */
function checkCellNumber(v: unknown, name: string, args: readonly RawArgument[]): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || Object.is(v, -0)) throw new Error(`${call(name, args)}: the cell would show ${String(Object.is(v, -0) ? '-0' : v)}`);
}

/** The exact result of a call that must succeed with a number; (a) checked on the way. */
function pay(name: string, args: readonly RawArgument[]): D {
  const r = evaluate(name, args);
  if (!r.ok) throw new Error(`${call(name, args)} failed: ${r.error.code} ${r.error.message.en}`);
  checkCellNumber(r.value, name, args);
  if (typeof r.exact !== 'string') throw new Error(`${call(name, args)} returned ${JSON.stringify(r.exact)}`);
  return d(r.exact);
}

/** The exact column (or row) of an array result; (a) checked on every cell that holds a number. */
function cells(name: string, args: readonly RawArgument[], trace = false): { exact: string[][]; trace: string[] } {
  const r = evaluate(name, args, { trace });
  if (!r.ok) throw new Error(`${call(name, args)} failed: ${r.error.code} ${r.error.message.en}`);
  for (const row of r.value as unknown[][]) for (const v of row) if (typeof v !== 'string') checkCellNumber(v, name, args);
  return { exact: r.exact as string[][], trace: r.trace.map((s) => String(s.value)) };
}

/** A value at or below x, in cents (a lower deductible, attachment, ...). */
const lower = (x: number, keep: number): number => Math.floor(Math.round(x * 100) * keep) / 100;
/** x + extra, exactly (cents). */
const plus = (x: number, extra: number): number => (Math.round(x * 100) + Math.round(extra * 100)) / 100;

const keep = fc.double({ min: 0, max: 1, noNaN: true });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 3 });

describe('section 3: network interruption (CPIC 第十三条)', () => {
  it('BIPAYOUT: 0 ≤ payout ≤ max(0, min(sum_insured, limit) − paid_to_date) and ≤ loss − deductible; never falls when the loss rises or the deductible falls', () => {
    fc.assert(
      fc.property(
        fc.record({ loss: cents, ded: cents, si: cents, limit: cents, under: maybe(fc.tuple(cents, ratio, maybe(ratio))), paid: maybe(cents), extra: cents, keep }),
        (x) => {
          const args = (loss: number, ded: number): RawArgument[] => [loss, ded, x.si, x.limit, x.under?.[0] ?? null, x.under?.[1] ?? null, x.under?.[2] ?? null, x.paid];
          const p = pay('BIPAYOUT', args(x.loss, x.ded));
          check(p.gte(0), 'p.gte(0)');
          check(p.lte(pos(dmin(d(x.si), d(x.limit)).minus(d(x.paid ?? 0)))), 'p.lte(pos(dmin(d(x.si), d(x.limit)).minus(d(x.paid ?? 0))))');
          check(p.lte(pos(d(x.loss).minus(d(x.ded)))), 'p.lte(pos(d(x.loss).minus(d(x.ded))))');
          check(pay('BIPAYOUT', args(plus(x.loss, x.extra), x.ded)).gte(p), 'pay(\'BIPAYOUT\', args(plus(x.loss, x.extra), x.ded)).gte(p)');
          check(pay('BIPAYOUT', args(x.loss, lower(x.ded, x.keep))).gte(p), 'pay(\'BIPAYOUT\', args(x.loss, lower(x.ded, x.keep))).gte(p)');
        },
      ),
      fcParams(),
    );
  });

  it('CONTINUATIONPAYOUT: within sum_insured × recovery_ratio, sum_insured − paid_to_date and expenses − deductible; ≥ 0; never falls when expenses rise or the deductible falls', () => {
    fc.assert(
      fc.property(cents, cents, cents, ratio, maybe(cents), cents, keep, (expenses, ded, si, rr, paid, extra, k) => {
        const args = (e: number, dd: number): RawArgument[] => [e, dd, si, rr, paid];
        const p = pay('CONTINUATIONPAYOUT', args(expenses, ded));
        check(p.gte(0), 'p.gte(0)');
        check(p.lte(d(si).times(d(rr))), 'p.lte(d(si).times(d(rr)))');
        check(p.lte(pos(d(si).minus(d(paid ?? 0)))), 'p.lte(pos(d(si).minus(d(paid ?? 0))))');
        check(p.lte(pos(d(expenses).minus(d(ded)))), 'p.lte(pos(d(expenses).minus(d(ded))))');
        check(pay('CONTINUATIONPAYOUT', args(plus(expenses, extra), ded)).gte(p), 'pay(\'CONTINUATIONPAYOUT\', args(plus(expenses, extra), ded)).gte(p)');
        check(pay('CONTINUATIONPAYOUT', args(expenses, lower(ded, k))).gte(p), 'pay(\'CONTINUATIONPAYOUT\', args(expenses, lower(ded, k))).gte(p)');
      }),
      fcParams(),
    );
  });

  it('CRISISPAYOUT: within limit − paid_to_date and (spent − recovered) × reduction_ratio; ≥ 0; never falls when spending rises or recoveries fall', () => {
    fc.assert(
      fc.property(cents, cents, ratio, cents, maybe(cents), cents, keep, (spent, recovered, rr, limit, paid, extra, k) => {
        const args = (s: number, rec: number): RawArgument[] => [s, rec, rr, limit, paid];
        const p = pay('CRISISPAYOUT', args(spent, recovered));
        check(p.gte(0), 'p.gte(0)');
        check(p.lte(pos(d(limit).minus(d(paid ?? 0)))), 'p.lte(pos(d(limit).minus(d(paid ?? 0))))');
        check(p.lte(pos(d(spent).minus(d(recovered))).times(d(rr))), 'p.lte(pos(d(spent).minus(d(recovered))).times(d(rr)))');
        check(pay('CRISISPAYOUT', args(plus(spent, extra), recovered)).gte(p), 'pay(\'CRISISPAYOUT\', args(plus(spent, extra), recovered)).gte(p)');
        check(pay('CRISISPAYOUT', args(spent, lower(recovered, k))).gte(p), 'pay(\'CRISISPAYOUT\', args(spent, lower(recovered, k))).gte(p)');
      }),
      fcParams(),
    );
  });

  it('LOSTPROFIT: 0 ≤ lost profit ≤ revenue_reduction × profit_rate; never falls when the reduction rises or the saved costs fall', () => {
    fc.assert(
      fc.property(cents, ratio, maybe(cents), cents, keep, (reduction, rate, saved, extra, k) => {
        const p = pay('LOSTPROFIT', [reduction, rate, saved]);
        check(p.gte(0) && p.lte(d(reduction).times(d(rate))), 'p.gte(0) && p.lte(d(reduction).times(d(rate)))');
        check(pay('LOSTPROFIT', [plus(reduction, extra), rate, saved]).gte(p), 'pay(\'LOSTPROFIT\', [plus(reduction, extra), rate, saved]).gte(p)');
        check(pay('LOSTPROFIT', [reduction, rate, lower(saved ?? 0, k)]).gte(p), 'pay(\'LOSTPROFIT\', [reduction, rate, lower(saved ?? 0, k)]).gte(p)');
      }),
      fcParams(),
    );
  });

  it('PREVENTIONCOST: 0 ≤ payable ≤ expense × insured_ratio and ≤ avoided_reduction × profit_rate; never falls when the expense or the avoided reduction rises', () => {
    fc.assert(
      fc.property(cents, ratio, cents, ratio, cents, cents, (expense, ir, avoided, rate, e1, e2) => {
        const p = pay('PREVENTIONCOST', [expense, ir, avoided, rate]);
        check(p.gte(0), 'p.gte(0)');
        check(p.lte(d(expense).times(d(ir))) && p.lte(d(avoided).times(d(rate))), 'p.lte(d(expense).times(d(ir))) && p.lte(d(avoided).times(d(rate)))');
        check(pay('PREVENTIONCOST', [plus(expense, e1), ir, avoided, rate]).gte(p), 'pay(\'PREVENTIONCOST\', [plus(expense, e1), ir, avoided, rate]).gte(p)');
        check(pay('PREVENTIONCOST', [expense, ir, plus(avoided, e2), rate]).gte(p), 'pay(\'PREVENTIONCOST\', [expense, ir, plus(avoided, e2), rate]).gte(p)');
      }),
      fcParams(),
    );
  });

  it('REVENUEREDUCTION: 0 ≤ reduction ≤ standard_revenue; never falls when the standard revenue rises or the actual revenue falls', () => {
    fc.assert(
      fc.property(cents, cents, cents, keep, (standard, actual, extra, k) => {
        const r = pay('REVENUEREDUCTION', [standard, actual]);
        check(r.gte(0) && r.lte(d(standard)), 'r.gte(0) && r.lte(d(standard))');
        check(pay('REVENUEREDUCTION', [plus(standard, extra), actual]).gte(r), 'pay(\'REVENUEREDUCTION\', [plus(standard, extra), actual]).gte(r)');
        check(pay('REVENUEREDUCTION', [standard, lower(actual, k)]).gte(r), 'pay(\'REVENUEREDUCTION\', [standard, lower(actual, k)]).gte(r)');
      }),
      fcParams(),
    );
  });
});

describe('section 4: hourly BI and reputational harm (SAMSUNG 第二十九、三十一条)', () => {
  const hourly = seriesOf(cents, 1, 60);

  /** The series with one hour raised by `extra` (a blank hour becomes that amount). */
  const raise = (s: CellValue[][], at: number, extra: number): CellValue[][] => {
    const flat = seriesValues(s);
    const i = at % flat.length;
    flat[i] = plus(flat[i], extra);
    return s.length === 1 ? [flat] : flat.map((v) => [v]);
  };

  it('HOURLYBI: 0 ≤ payout ≤ limit and ≤ the hours counted − deductible; never falls when an hour’s loss rises or the deductible falls', () => {
    fc.assert(
      fc.property(hourly, wholeHours, cents, cents, maybe(wholeHours), fc.nat(), cents, keep, (losses, waiting, ded, limit, maxHours, at, extra, k) => {
        const args = (ls: CellValue[][], dd: number): RawArgument[] => [ls, waiting, dd, limit, maxHours];
        const p = pay('HOURLYBI', args(losses, ded));
        const counted = sum(seriesValues(losses).slice(0, maxHours ?? 4320).map(d));
        check(p.gte(0) && p.lte(d(limit)), 'p.gte(0) && p.lte(d(limit))');
        check(p.lte(pos(counted.minus(d(ded)))), 'p.lte(pos(counted.minus(d(ded))))');
        check(pay('HOURLYBI', args(raise(losses, at, extra), ded)).gte(p), 'pay(\'HOURLYBI\', args(raise(losses, at, extra), ded)).gte(p)');
        check(pay('HOURLYBI', args(losses, lower(ded, k))).gte(p), 'pay(\'HOURLYBI\', args(losses, lower(ded, k))).gte(p)');
      }),
      fcParams(),
    );
  });

  it('REPUTATIONAL: 0 ≤ payout ≤ limit, ≤ daily_cap × 24-hour blocks, ≤ the hours counted; never falls when an hour’s loss, the daily cap or the limit rises; start (v2) only ever shortens the period', () => {
    fc.assert(
      fc.property(hourly, wholeHours, maybe(cents), maybe(wholeHours), maybe(cents), maybe(dateSerial), fc.nat(), cents, (losses, waiting, cap, indemnity, limit, start, at, extra) => {
        const args = (ls: CellValue[][], c: number | null, l: number | null): RawArgument[] => [ls, waiting, c, indemnity, l, start];
        const p = pay('REPUTATIONAL', args(losses, cap, limit));
        // Six calendar months are at least 181 days (4344 h), far beyond these series and these
        // indemnity periods: with or without start the same hours count (SAMSUNG 释义四十三 (二)).
        if (start !== null) check(pay('REPUTATIONAL', [losses, waiting, cap, indemnity, limit]).eq(p), 'start changed a series shorter than six months');
        const values = seriesValues(losses);
        const counted = values.slice(waiting, Math.max(waiting, Math.min(values.length, waiting + (indemnity ?? 4380))));
        check(p.gte(0), 'p.gte(0)');
        check(p.lte(d(cap ?? 1000000).times(Math.ceil(counted.length / 24))), 'p.lte(d(cap ?? 1000000).times(Math.ceil(counted.length / 24)))');
        check(p.lte(sum(counted.map(d))), 'p.lte(sum(counted.map(d)))');
        if (limit !== null) check(p.lte(d(limit)), 'p.lte(d(limit))');
        check(pay('REPUTATIONAL', args(raise(losses, at, extra), cap, limit)).gte(p), 'pay(\'REPUTATIONAL\', args(raise(losses, at, extra), cap, limit)).gte(p)');
        check(pay('REPUTATIONAL', args(losses, plus(cap ?? 1000000, extra), limit)).gte(p), 'pay(\'REPUTATIONAL\', args(losses, plus(cap ?? 1000000, extra), limit)).gte(p)');
        if (limit !== null) check(pay('REPUTATIONAL', args(losses, cap, plus(limit, extra))).gte(p), 'pay(\'REPUTATIONAL\', args(losses, cap, plus(limit, extra))).gte(p)');
      }),
      fcParams(),
    );
  });

  it('WAITINGDEDUCTIBLE: 0 ≤ W ≤ all the hours’ losses; never falls when an hour’s loss or the waiting period rises', () => {
    fc.assert(
      fc.property(hourly, wholeHours, fc.integer({ min: 0, max: 30 }), fc.nat(), cents, (losses, waiting, more, at, extra) => {
        const w = pay('WAITINGDEDUCTIBLE', [losses, waiting]);
        check(w.gte(0) && w.lte(sum(seriesValues(losses).map(d))), 'w.gte(0) && w.lte(sum(seriesValues(losses).map(d)))');
        check(pay('WAITINGDEDUCTIBLE', [losses, waiting + more]).gte(w), 'pay(\'WAITINGDEDUCTIBLE\', [losses, waiting + more]).gte(w)');
        check(pay('WAITINGDEDUCTIBLE', [raise(losses, at, extra), waiting]).gte(w), 'pay(\'WAITINGDEDUCTIBLE\', [raise(losses, at, extra), waiting]).gte(w)');
      }),
      fcParams(),
    );
  });
});

describe('section 5: layers, settlement, recoveries, other insurance, pool', () => {
  it('LAYER: 0 ≤ layer ≤ limit × share and ≤ (loss − attachment) × share; never falls when the loss rises or the attachment falls', () => {
    fc.assert(
      fc.property(cents, cents, cents, maybe(ratio), cents, keep, (loss, attachment, limit, share, extra, k) => {
        const l = pay('LAYER', [loss, attachment, limit, share]);
        const s = d(share ?? 1);
        check(l.gte(0) && l.lte(d(limit).times(s)), 'l.gte(0) && l.lte(d(limit).times(s))');
        check(l.lte(pos(d(loss).minus(d(attachment))).times(s)), 'l.lte(pos(d(loss).minus(d(attachment))).times(s))');
        check(pay('LAYER', [plus(loss, extra), attachment, limit, share]).gte(l), 'pay(\'LAYER\', [plus(loss, extra), attachment, limit, share]).gte(l)');
        check(pay('LAYER', [loss, lower(attachment, k), limit, share]).gte(l), 'pay(\'LAYER\', [loss, lower(attachment, k), limit, share]).gte(l)');
      }),
      fcParams(),
    );
  });

  it('HAMMER: min(total, offer + defence, limit) ≤ payout ≤ min(total, limit); never falls when the total cost rises', () => {
    fc.assert(
      fc.property(cents, cents, cents, maybe(ratio), maybe(cents), cents, (total, offer, defence, share, limit, extra) => {
        const h = pay('HAMMER', [total, offer, defence, share, limit]);
        const cap = limit === null ? d(total) : dmin(d(total), d(limit));
        check(h.lte(cap), 'h.lte(cap)');
        check(h.gte(dmin(cap, d(offer).plus(d(defence)))), 'h.gte(dmin(cap, d(offer).plus(d(defence))))');
        check(pay('HAMMER', [plus(total, extra), offer, defence, share, limit]).gte(h), 'pay(\'HAMMER\', [plus(total, extra), offer, defence, share, limit]).gte(h)');
      }),
      fcParams(),
    );
  });

  it('OTHERINSURANCE: 0 ≤ share ≤ own_limit and ≤ loss, for every method; never falls when the loss rises', () => {
    fc.assert(
      fc.property(cents, cents, cents, fc.constantFrom('excess', 'contribution', 'cpic', null), maybe(cents), cents, (loss, own, other, method, otherPaid, extra) => {
        // Contribution with both limits 0 is #VALUE! (a ratio of nothing); give it a limit.
        const ownLimit = method === 'contribution' && own === 0 && other === 0 ? 1 : own;
        const args = (l: number): RawArgument[] => [l, ownLimit, other, method, otherPaid];
        const p = pay('OTHERINSURANCE', args(loss));
        check(p.gte(0) && p.lte(d(ownLimit)) && p.lte(d(loss)), 'p.gte(0) && p.lte(d(ownLimit)) && p.lte(d(loss))');
        check(pay('OTHERINSURANCE', args(plus(loss, extra))).gte(p), 'pay(\'OTHERINSURANCE\', args(plus(loss, extra))).gte(p)');
      }),
      fcParams(),
    );
  });

  it('RECOVERY: the four parts are ≥ 0, each within its claim, and sum exactly to max(0, recovered − recovery_costs); with limit part 1 is the loss above the limit only', () => {
    // SAMSUNG 第四十五条 1: 「支付被保险人本应在本保险单下获得但是由于超出适用的责任限额而没有获得的赔偿」 —
    // with limit (v2), part 1's claim is max(0, loss − deductible − limit), whatever the insurer paid.
    fc.assert(
      fc.property(cents, cents, cents, cents, fc.integer({ min: 0, max: 1000 }), maybe(fc.integer({ min: 0, max: 1500 })), (rec, costs, loss, ded, per, limitShare) => {
        const insurable = Math.round(loss * 100) - Math.min(Math.round(ded * 100), Math.round(loss * 100));
        const limit = limitShare === null ? null : Math.floor((insurable * limitShare) / 1000);
        const paid = Math.floor(((limit === null ? insurable : Math.min(limit, insurable)) * per) / 1000) / 100;
        const args: RawArgument[] = [rec, costs, loss, ded, paid, limit === null ? null : limit / 100];
        const [above, insurer, deductible, rest] = cells('RECOVERY', args).exact[0].map(d);
        const net = pos(d(rec).minus(d(costs)));
        const aboveClaim = limit === null ? d(insurable / 100).minus(d(paid)) : pos(d(insurable / 100).minus(d(limit / 100)));
        for (const p of [above, insurer, deductible, rest]) check(p.gte(0), 'p.gte(0)');
        // Top down: each part takes what it can of what the parts before it left.
        check(above.eq(dmin(net, aboveClaim)), 'above.eq(dmin(net, aboveClaim))');
        check(insurer.eq(dmin(net.minus(above), d(paid))), 'insurer.eq(dmin(net.minus(above), d(paid)))');
        check(deductible.eq(dmin(net.minus(above).minus(insurer), dmin(d(ded), d(loss)))), 'deductible.eq(dmin(net − above − insurer, min(ded, loss)))');
        check(sum([above, insurer, deductible, rest]).eq(net), 'sum([above, insurer, deductible, rest]).eq(net)');
        // The insured never gets back more than it bore: the loss above the limit and the deductible.
        check(above.plus(deductible).lte(d(loss).minus(d(paid))), 'above.plus(deductible).lte(d(loss).minus(d(paid)))');
        if (limit !== null) {
          // One cent more than the limit allows is refused.
          const over = evaluate('RECOVERY', [rec, costs, loss, ded, Math.min(limit, insurable) / 100 + 0.01, limit / 100]);
          check(!over.ok && over.error.code === '#VALUE!' && over.error.argument === 'insurer_paid', 'insurer_paid above min(limit, C) is #VALUE!');
        }
      }),
      fcParams(),
    );
  });

  it('POOLSHARE: each share ≤ its claim, the shares ≤ min(pool_limit, pool_remaining); a member’s share never falls when its claim rises, and no other member’s rises', () => {
    fc.assert(
      fc.property(seriesOf(cents, 1, 12), maybe(cents), maybe(cents), fc.nat(), cents, (claims, limit, remaining, at, extra) => {
        const shares = (c: CellValue[][]) => cells('POOLSHARE', [c, limit, remaining]).exact.map((r) => d(r[0]));
        const before = shares(claims);
        const values = seriesValues(claims);
        check(before.length === values.length, 'one share per member claim');
        before.forEach((s, i) => check(s.gte(0) && s.lte(d(values[i])), 's.gte(0) && s.lte(d(values[i]))'));
        check(sum(before).lte(dmin(d(limit ?? 10000000), d(remaining ?? 25000000))), 'sum(before).lte(dmin(d(limit ?? 10000000), d(remaining ?? 25000000)))');
        const i = at % values.length;
        const raised = values.map((v, j) => (j === i ? plus(v, extra) : v));
        const after = shares(claims.length === 1 ? [raised] : raised.map((v) => [v]));
        after.forEach((s, j) => check(j === i ? s.gte(before[j]) : s.lte(before[j]), 'j === i ? s.gte(before[j]) : s.lte(before[j])'));
      }),
      fcParams(),
    );
  });

  it('LMCITLIMIT is 500,000 exactly when the higher limit was bought and all five answers are yes, else 250,000', () => {
    // LMCIT: "会员可以将限额提高到500美元,000 for an additional premium charge if they can answer yes to
    // the following loss control questions" — an option the member buys (raised, v2), not an effect of the answers.
    const isYes = (a: CellValue) => a === true || a === 'yes' || a === 1 || a === '是';
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<CellValue>(true, false, null, 'yes', 'no', 1, 0, '是', '否'), { minLength: 5, maxLength: 5 }),
        fc.constantFrom<CellValue | undefined>(undefined, null, true, false, 'yes', '否', 1, 0),
        (answers, raised) => {
          const args: RawArgument[] = raised === undefined ? [[answers]] : [[answers], raised];
          const want = raised !== undefined && isYes(raised) && answers.every(isYes);
          expect(pay('LMCITLIMIT', args).toString()).toBe(want ? '500000' : '250000');
        },
      ),
      fcParams(Math.ceil(RUNS / 10)), // 9^5 × 8 inputs in all: a tenth of the runs covers them well
    );
  });
});

// ---- ALLOCATE and REMAINING ------------------------------------------------------------------------

/** The deductible retained on each row, straight from the catalogue's step 1 (SAMSUNG 第二十八条). */
function retainedOf(b: Book): D[] {
  const retained = b.claims.map(() => ZERO);
  for (const rows of eventsOf(b)) {
    let left = rows.reduce((m, i) => (d(b.covers[b.claims[i].cover].deductible).gt(m) ? d(b.covers[b.claims[i].cover].deductible) : m), ZERO);
    for (const i of rows) {
      if (b.covers[b.claims[i].cover].deductible === 0) continue; // 第三十条: bears no other cover's
      retained[i] = dmin(left, d(b.claims[i].amount));
      left = left.minus(retained[i]);
    }
  }
  return retained;
}

function bookArgs(b: Book): RawArgument[] {
  const { claims, covers } = bookRanges(b);
  return [claims, covers, b.policyAggregate, b.policyPerClaim];
}

/** ALLOCATE's payable per claim row (the header label checked and dropped), and its trace. */
function allocate(b: Book, trace = false): { paid: D[]; trace: string[] } {
  const r = cells('ALLOCATE', bookArgs(b), trace);
  check(r.exact.length === b.claims.length + (b.header ? 1 : 0), 'one value per row of claims');
  if (b.header) check(r.exact[0][0] === 'payable', '"payable" beside the header row');
  return { paid: r.exact.slice(b.header ? 1 : 0).map((row) => d(row[0])), trace: r.trace };
}

/** Row indices in the order the catalogue settles them: events by first row, rows in row order. */
const settlementOrder = (b: Book): number[] => eventsOf(b).flat();

describe('ALLOCATE and REMAINING (SAMSUNG 第二十四–二十八、三十二、三十三条)', () => {
  const book = bookArb(14);

  it('ALLOCATE never pays below 0 or above the loss after the deductible, any per-event, aggregate or policy limit that applies (a child’s limits are part of its ancestors’: their aggregates always, their per-event limits through nesting "all")', () => {
    fc.assert(
      fc.property(book, (b) => {
        const { paid } = allocate(b);
        const retained = retainedOf(b);
        const paths = b.claims.map((c) => pathOf(b, c.cover));
        const eventPaths = b.claims.map((c) => eventPathOf(b, c.cover));
        paid.forEach((p, i) => check(p.gte(0) && p.lte(d(b.claims[i].amount).minus(retained[i])), 'p.gte(0) && p.lte(d(b.claims[i].amount).minus(retained[i]))'));
        for (const rows of eventsOf(b)) {
          if (b.policyPerClaim !== null) check(sum(rows.map((i) => paid[i])).lte(d(b.policyPerClaim)), 'sum(rows.map((i) => paid[i])).lte(d(b.policyPerClaim))');
          b.covers.forEach((c, k) => {
            if (c.perEvent === null) return;
            check(sum(rows.filter((i) => eventPaths[i].includes(k)).map((i) => paid[i])).lte(d(c.perEvent)), 'sum(rows.filter((i) => eventPaths[i].includes(k)).map((i) => paid[i])).lte(d(c.perEvent))');
          });
        }
        b.covers.forEach((c, k) => {
          if (c.aggregate === null) return;
          check(sum(b.claims.map((_cl, i) => (paths[i].includes(k) ? paid[i] : ZERO))).lte(d(c.aggregate)), 'sum(b.claims.map((_cl, i) => (paths[i].includes(k) ? paid[i] : ZERO))).lte(d(c.aggregate))');
        });
        if (b.policyAggregate !== null) check(sum(paid).lte(d(b.policyAggregate)), 'sum(paid).lte(d(b.policyAggregate))');
      }),
      fcParams(),
    );
  });

  it('ALLOCATE conserves money exactly: paid + retained by the deductible + above the limits = claimed, every part ≥ 0 on every row, and the engine’s own account agrees', () => {
    fc.assert(
      fc.property(book, (b) => {
        const { paid, trace } = allocate(b, true);
        const retained = retainedOf(b); // from the catalogue's rule, not from the engine
        const above = b.claims.map((c, i) => d(c.amount).minus(retained[i]).minus(paid[i]));
        above.forEach((a) => check(a.gte(0), 'a.gte(0)'));
        const claimed = sum(b.claims.map((c) => d(c.amount)));
        check(sum(paid).plus(sum(retained)).plus(sum(above)).eq(claimed), 'sum(paid).plus(sum(retained)).plus(sum(above)).eq(claimed)');
        // The trace's account (claimed, retained, paid, above) is the same, to the last digit.
        const account = [claimed, sum(retained), sum(paid), sum(above)].map((x) => new Decimal(x).toString());
        expect(trace.map((v) => new Decimal(v).toString())).toEqual(account);
      }),
      fcParams(),
    );
  });

  it('ALLOCATE: when one claim rises, every claim settled before it is paid the same and it is paid no less', () => {
    fc.assert(
      fc.property(
        book.filter((b) => b.claims.length > 0),
        fc.nat(),
        cents,
        (b, at, extra) => {
          const i = at % b.claims.length;
          const raised: Book = { ...b, claims: b.claims.map((c, j) => (j === i ? { ...c, amount: plus(c.amount, extra) } : c)) };
          const before = allocate(b).paid;
          const after = allocate(raised).paid;
          const order = settlementOrder(b);
          for (const j of order.slice(0, order.indexOf(i))) check(after[j].eq(before[j]), 'after[j].eq(before[j])');
          check(after[i].gte(before[i]), 'after[i].gte(before[i])');
        },
      ),
      fcParams(),
    );
  });

  it('ALLOCATE: when a cover’s deductible falls, claims settled before its first event are paid the same, and that event’s first claim no less', () => {
    fc.assert(
      fc.property(
        book.filter((b) => b.claims.length > 0),
        fc.nat(),
        keep,
        (b, pick, k) => {
          const cover = pick % b.covers.length;
          const lowered: Book = { ...b, covers: b.covers.map((c, j) => (j === cover ? { ...c, deductible: lower(c.deductible, k) } : c)) };
          const before = allocate(b).paid;
          const after = allocate(lowered).paid;
          const events = eventsOf(b);
          const first = events.findIndex((rows) => rows.some((i) => b.claims[i].cover === cover));
          const settledBefore = (first < 0 ? events : events.slice(0, first)).flat();
          for (const j of settledBefore) check(after[j].eq(before[j]), 'after[j].eq(before[j])');
          if (first >= 0) check(after[events[first][0]].gte(before[events[first][0]]), 'after[events[first][0]].gte(before[events[first][0]])');
        },
      ),
      fcParams(),
    );
  });

  it('REMAINING lies between 0 and every aggregate on the cover’s path and the policy’s, or is "unlimited" when none applies', () => {
    fc.assert(
      fc.property(book, fc.nat(), (b, pick) => {
        const k = pick % b.covers.length;
        const args = bookArgs(b);
        const r = evaluate('REMAINING', [args[0], args[1], `C${k}`, args[2], args[3]]);
        if (!r.ok) throw new Error(r.error.message.en);
        const aggregates = [...pathOf(b, k).map((j) => b.covers[j].aggregate), b.policyAggregate].filter((x): x is number => x !== null);
        if (aggregates.length === 0) expect(r.exact).toBe('unlimited');
        else {
          checkCellNumber(r.value, 'REMAINING', args);
          const rem = d(r.exact as string);
          check(rem.gte(0), 'rem.gte(0)');
          for (const a of aggregates) check(rem.lte(d(a)), 'rem.lte(d(a))');
        }
      }),
      fcParams(),
    );
  });

  it('the catalogue’s sequential settlement: raising an earlier claim can lower the total paid (why the property above is per claim)', () => {
    // Cover A (aggregate 100) and B (no limits); policy per claim 100. Event E1: A a, B 100; event E2: A 100.
    const covers = [
      ['A', null, null, 100, null],
      ['B', null, null, null, null],
    ];
    const total = (a: number) => {
      const r = cells('ALLOCATE', [[['E1', 'A', a], ['E1', 'B', 100], ['E2', 'A', 100]], covers, null, 100]).exact.map((x) => d(x[0]));
      return { rows: r.map(String), total: sum(r).toNumber() };
    };
    // a = 0: E1 pays 0 + 100 (policy per claim), E2 pays A's whole aggregate, 100.
    expect(total(0)).toEqual({ rows: ['0', '100', '100'], total: 200 });
    // a = 50: E1 pays 50 + 50 (the per-claim limit is shared), E2 only A's remaining 50.
    expect(total(50)).toEqual({ rows: ['50', '50', '50'], total: 150 });
  });
});

describe('sections 6–7: crime, limits, premiums', () => {
  it('CRIMEPAYOUT: payout − legal = min(limit, max(0, min(loss − deductible, loss − special + min(special, special_limit)))); never falls when the loss rises or the deductible falls', () => {
    // ISO Deductible: "This is the amount deducted from the total amount of a covered loss"; special
    // limits: "$5,000 is the most paid in any one occurrence for loss of …" (catalogue v2 §6).
    fc.assert(
      fc.property(
        fc.record({ loss: cents, ded: cents, limit: cents, share: fc.integer({ min: 0, max: 1000 }), specialLimit: maybe(cents), legal: maybe(cents), extra: cents, keep }),
        (x) => {
          const special = Math.floor((Math.round(x.loss * 100) * x.share) / 1000) / 100; // ≤ loss
          const args = (loss: number, ded: number): RawArgument[] => [loss, ded, x.limit, special, x.specialLimit, x.legal];
          const p = pay('CRIMEPAYOUT', args(x.loss, x.ded));
          const legal = d(x.legal ?? 0);
          const mostPaid = d(x.loss).minus(d(special)).plus(dmin(d(special), d(x.specialLimit ?? 5000)));
          const afterDeductible = pos(d(x.loss).minus(d(x.ded)));
          check(p.gte(legal) && p.lte(d(x.limit).plus(legal)), 'p.gte(legal) && p.lte(d(x.limit).plus(legal))');
          check(p.minus(legal).eq(dmin(d(x.limit), afterDeductible, mostPaid)), 'p.minus(legal).eq(dmin(limit, loss − deductible, most paid))');
          // Never more than the special limit for special property plus the rest of the loss.
          check(p.minus(legal).lte(d(x.loss).minus(d(special)).plus(d(x.specialLimit ?? 5000))), 'special property paid within its special limit');
          check(pay('CRIMEPAYOUT', args(plus(x.loss, x.extra), x.ded)).gte(p), 'pay(\'CRIMEPAYOUT\', args(plus(x.loss, x.extra), x.ded)).gte(p)');
          check(pay('CRIMEPAYOUT', args(x.loss, lower(x.ded, x.keep))).gte(p), 'pay(\'CRIMEPAYOUT\', args(x.loss, lower(x.ded, x.keep))).gte(p)');
        },
      ),
      fcParams(),
    );
  });

  it('PRIORLIMIT is the larger limit when cover was continuous, else the lower', () => {
    fc.assert(
      fc.property(cents, cents, maybe(fc.boolean()), (current, prior, continuous) => {
        const p = pay('PRIORLIMIT', [current, prior, continuous]);
        check(p.eq(continuous ? Decimal.max(d(current), d(prior)) : dmin(d(current), d(prior))), 'p.eq(continuous ? Decimal.max(d(current), d(prior)) : dmin(d(current), d(prior)))');
      }),
      fcParams(Math.ceil(RUNS / 10)),
    );
  });

  it('RETURNPREMIUM lies in [0, premium], never rises as the cancellation date moves later, is all of it from the first day and nothing from the day after the last', () => {
    // v2 (SAMSUNG 第四十九条 (一) 4, 按日比例): policy_end is the last day of cover, cancel_date the first
    // day no longer covered: premium × (end + 1 − cancel) / (end + 1 − start), dates by INT.
    fc.assert(
      fc.property(cents, fc.integer({ min: 40000, max: 50000 }), fc.integer({ min: 0, max: 800 }), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 }), (premium, start, last, a, b, q) => {
        const [early, late] = [a % (last + 2), b % (last + 2)].sort((x, y) => x - y);
        const at = (off: number) => pay('RETURNPREMIUM', [premium, start + q / 4, start + last + q / 4, start + off + q / 4]);
        const r1 = at(early);
        const r2 = at(late);
        check(r1.gte(r2) && r2.gte(0) && r1.lte(d(premium)), 'r1.gte(r2) && r2.gte(0) && r1.lte(d(premium))');
        check(at(0).eq(d(premium)), 'cancelled from the first day: the whole premium');
        check(at(last + 1).isZero(), 'cancelled from the day after the last: nothing');
        // premium × unexpired / days, to the engine's 40 digits.
        const want = d(premium).times(last + 1 - early).div(last + 1);
        check(r1.minus(want).abs().lte(want.times('1e-39')), 'premium × (end + 1 − cancel) / (end + 1 − start)');
      }),
      fcParams(),
    );
  });

  it('CLAIMSMADE with circumstance_date: within the policy period it takes claim_date\'s place, outside it changes nothing', () => {
    // SAMSUNG 第四十三条 (二) 2: 「则因该等不当行为产生的索赔应视为在保险人首次收到该等书面通知时提出」, the
    // notice sent 「在保险期限内」 (catalogue v2 §7).
    const day = fc.integer({ min: 45000, max: 47000 });
    fc.assert(
      fc.property(day, day, day, day, fc.integer({ min: 0, max: 800 }), maybe(fc.integer({ min: 0, max: 400 })), fc.integer({ min: -100, max: 900 }), (act, claim, retro, start, len, erp, circOff) => {
        const end = start + len;
        const erpEnd = erp === null ? null : end + erp;
        const circ = start + circOff;
        const withNotice = evaluate('CLAIMSMADE', [act, claim, retro, start, end, erpEnd, circ]);
        const inPeriod = circ >= start && circ <= end;
        const same = evaluate('CLAIMSMADE', [act, inPeriod ? circ : claim, retro, start, end, erpEnd]);
        check(withNotice.ok && same.ok && withNotice.value === same.value, 'CLAIMSMADE(…, circumstance_date) = CLAIMSMADE with the claim deemed made on it, or unchanged');
      }),
      fcParams(Math.ceil(RUNS / 10)),
    );
  });

  it('NOTICEBY "claim" is the later of policy_end + 90 and erp_end; an erp_end before policy_end is #VALUE! for every kind', () => {
    // SAMSUNG 第四十三条 (二) 1: 「a. 保险期限终止后 90 天；或 b. 延长报告期限（如执行）终止时」 (catalogue v2 §7).
    fc.assert(
      fc.property(fc.integer({ min: 45000, max: 47000 }), fc.integer({ min: 45000, max: 47000 }), fc.integer({ min: -30, max: 400 }), fc.constantFrom('claim', 'incident', 'extortion', 'proof'), (event, end, erpOff, kind) => {
        const erp = end + erpOff;
        const r = evaluate('NOTICEBY', [kind, event, end, erp]);
        if (erpOff < 0) {
          check(!r.ok && r.error.code === '#VALUE!' && r.error.argument === 'erp_end', 'erp_end before policy_end is #VALUE!');
          return;
        }
        check(r.ok, 'a valid notice');
        if (kind === 'claim') check(r.ok && r.value === Math.max(end + 90, erp), 'claim: max(policy_end + 90, erp_end)');
        if (kind === 'claim') check(pay('NOTICEBY', ['claim', event, end]).eq(end + 90), 'claim without an ERP: policy_end + 90');
      }),
      fcParams(Math.ceil(RUNS / 10)),
    );
  });
});
