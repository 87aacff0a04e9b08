/**
 * The engine's own Decimal helpers against decimal.js itself: `fromNumber` must make exactly the
 * Decimal that `new Dec(v)` makes for every double (results are compared bit for bit with the
 * engine's earlier conversion), and `compare` must order exactly as Decimal#cmp.
 */
import fc from 'fast-check';
import { compare, Dec, type Decimal, dmax, dmin, fromNumber } from './decimal';

const RUNS = Number(process.env.CYBERBI_PROPERTY_RUNS) || 10000;

/** Sign, exponent and digit words: equal fields mean the same Decimal for every later operation. */
function fields(x: Decimal): { s: number; e: number; d: number[] | null } {
  return { s: x.s, e: x.e, d: x.d === null ? null : [...x.d] };
}

/**
 * Checks fromNumber(v) against new Dec(v) without Jest's matchers in the loop (they made the
 * 10,000-run properties slow); on a difference, the matchers show it.
 */
function expectSameAsDecimalJs(v: number): void {
  const mine = fromNumber(v);
  const theirs = new Dec(v);
  const a = fields(mine);
  const b = fields(theirs);
  const same =
    mine instanceof Dec &&
    Object.is(a.s, b.s) && // −0 keeps its sign, NaN its NaN sign
    Object.is(a.e, b.e) &&
    (a.d === null ? b.d === null : b.d !== null && a.d.length === b.d.length && a.d.every((w, i) => w === b.d?.[i])) &&
    mine.toString() === theirs.toString() &&
    // The same own properties in the same order (the same object layout as decimal.js's own).
    Object.keys(mine).join() === Object.keys(theirs).join();
  if (!same) {
    // Fields only: decimal.js's toString never ends on a malformed Decimal (a trailing zero word).
    expect({ v, fields: a, keys: Object.keys(mine) }).toEqual({ v, fields: b, keys: Object.keys(theirs) });
    expect(mine.toString()).toBe(theirs.toString());
  }
}

const TWO_53 = 2 ** 53;

/** Doubles where the fast path starts, ends or changes its number of digit words. */
const EDGES: number[] = [
  0, -0, 1, -1, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1e-7, 0.1, 0.28, 1 / 3,
  9999999, 9999999.5, 1e7, -1e7, 10000001, 1e7 + 0.5, 12345678, 99999999, 1e8, 120000000, 1e13, 1e13 + 1, 1e14,
  1e14 + 1, 1e14 - 1, 99999999999999, 12345678901234, 123456789012345, 1234567890123456, 1e15, 9e15,
  Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1, TWO_53, TWO_53 + 2, -TWO_53,
  TWO_53 * 2, 1e16, 1e17, 1e20, 1e21, 1e22, 1.7976931348623157e308, -1.7976931348623157e308, 1e308, -1e308,
  35000000, 31500000, 10500000, 100000000, 200000000, 66666667, 50000000, 40000000, 2958466, 45627,
  Infinity, -Infinity, NaN,
];

describe('fromNumber: exactly new Dec(v) for every double', () => {
  test.each(EDGES.map((v) => [v]))('%p', (v) => expectSameAsDecimalJs(v));

  test('every power of ten and its neighbours as integers, 1 to 1e22', () => {
    for (let p = 0; p <= 22; p++) {
      const t = 10 ** p;
      for (const v of [t - 1, t, t + 1, 2 * t, 9 * t, -t]) expectSameAsDecimalJs(v);
    }
  });

  test('multiples of the digit-word size 1e7 and of 1e14, near 2^53', () => {
    for (let k = 1; k < 1000; k++) {
      expectSameAsDecimalJs(k * 1e7);
      expectSameAsDecimalJs(k * 1e7 + 1);
      expectSameAsDecimalJs(k * 1e14 < TWO_53 ? k * 1e14 : k);
      expectSameAsDecimalJs(Number.MAX_SAFE_INTEGER - k);
      expectSameAsDecimalJs(TWO_53 + 2 * k);
    }
  });

  test('property: any double (−0, subnormals, ±Infinity, NaN, up to 1e308)', () => {
    fc.assert(
      fc.property(fc.double(), (v) => {
        expectSameAsDecimalJs(v);
      }),
      { numRuns: RUNS },
    );
  });

  test('property: any safe integer, and integers around 2^53', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.maxSafeInteger(),
          fc.integer({ min: 1e7, max: 2 ** 31 - 1 }),
          fc.integer({ min: -1000, max: 1000 }).map((k) => TWO_53 + 2 * k),
          fc.integer({ min: 0, max: 1e6 }).map((k) => Number.MAX_SAFE_INTEGER - k),
          fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 9999 })).map(([a, p, b]) => a * 10 ** p + b),
        ),
        (v) => {
          expectSameAsDecimalJs(v);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('property: doubles from their bit patterns (every exponent equally likely)', () => {
    const view = new DataView(new ArrayBuffer(8));
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (bits) => {
        view.setBigUint64(0, bits);
        expectSameAsDecimalJs(view.getFloat64(0));
      }),
      { numRuns: RUNS },
    );
  });

  test('arithmetic on a fast-path value is the arithmetic on decimal.js’s own', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b) => {
        const x = fromNumber(a);
        const y = new Dec(a);
        expect(x.minus(b).toString()).toBe(y.minus(b).toString());
        expect(x.times(b).toString()).toBe(y.times(b).toString());
        expect(x.dividedBy(7).toString()).toBe(y.dividedBy(7).toString());
        expect(x.cmp(b)).toBe(y.cmp(b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('compare: exactly Decimal#cmp', () => {
  const decimals = fc.oneof(
    fc.double().map((v) => new Dec(v)),
    fc.integer({ min: -3, max: 3 }).map((v) => new Dec(v)),
    fc.tuple(fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }), fc.integer({ min: -60, max: 60 })).map(([m, p]) => new Dec(`${m}e${p}`)),
  );

  test('property: same sign as x.cmp(y) (NaN as NaN)', () => {
    fc.assert(
      fc.property(decimals, decimals, (x, y) => {
        expect(Object.is(compare(x, y), x.cmp(y))).toBe(true);
        expect(Object.is(compare(x, x), x.cmp(x))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test('signed zeros, infinities and NaN', () => {
    const specials = [0, -0, 1, -1, Infinity, -Infinity, NaN, 5e-324, 1e308].map((v) => new Dec(v));
    for (const x of specials) for (const y of specials) expect(Object.is(compare(x, y), x.cmp(y))).toBe(true);
  });

  test('dmin and dmax pick the same value as lt and gt', () => {
    fc.assert(
      fc.property(fc.array(decimals.filter((x) => !x.isNaN()), { minLength: 1, maxLength: 6 }), (xs) => {
        let lo = xs[0];
        let hi = xs[0];
        for (const x of xs) {
          if (x.lt(lo)) lo = x;
          if (x.gt(hi)) hi = x;
        }
        expect(dmin(...xs)).toBe(lo);
        expect(dmax(...xs)).toBe(hi);
      }),
      { numRuns: 2000 },
    );
  });
});
