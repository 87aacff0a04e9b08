/**
 * Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror and Shaw, "Parallel random
 * numbers: as easy as 1, 2, 3" (SC11), as Random123 defines it: four 32-bit counter words and two
 * key words give four 32-bit output words, and any counter can be computed alone. Section 11
 * keys its draws by stable ids (seed, year, event, cover, position), never by a running state, so
 * a result does not depend on recalculation order, on other rows or on the years asked for.
 *
 * Only exact integer operations: Math.imul, shifts, xor, and products of 16-bit halves (each below
 * 2^32, exact in a double), so every JavaScript engine gives the same words.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9 | 0;
const W1 = 0xbb67ae85 | 0;
const M0_LO = M0 & 0xffff;
const M0_HI = M0 >>> 16;
const M1_LO = M1 & 0xffff;
const M1_HI = M1 >>> 16;

/**
 * The high 32 bits of the 64-bit product m × b (m by its 16-bit halves), as an int32: the partial
 * products of 16-bit halves are below 2^32, exact in a double, and carried by hand.
 */
function mulhi(mLo: number, mHi: number, b: number): number {
  const bLo = b & 0xffff;
  const bHi = b >>> 16;
  const ll = mLo * bLo;
  const lh = mLo * bHi;
  const hl = mHi * bLo;
  const mid = (ll >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (mHi * bHi + (lh >>> 16) + (hl >>> 16) + (mid >>> 16)) | 0;
}

/**
 * Philox4x32-10 of counter (c0, c1, c2, c3) under key (k0, k1), written to out[0..3] (read back
 * as unsigned 32-bit words from a Uint32Array). Ten rounds; the key is bumped by the Weyl
 * constants before every round but the first. Words are kept as int32 inside (V8's fastest
 * integers); the bits are the same.
 */
export function philox4x32(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: Uint32Array | number[]): void {
  let x0 = c0 | 0;
  let x1 = c1 | 0;
  let x2 = c2 | 0;
  let x3 = c3 | 0;
  let key0 = k0 | 0;
  let key1 = k1 | 0;
  for (let r = 0; r < 10; r++) {
    if (r > 0) {
      key0 = (key0 + W0) | 0;
      key1 = (key1 + W1) | 0;
    }
    const lo0 = Math.imul(M0, x0);
    const hi0 = mulhi(M0_LO, M0_HI, x0);
    const lo1 = Math.imul(M1, x2);
    const hi1 = mulhi(M1_LO, M1_HI, x2);
    x0 = hi1 ^ x1 ^ key0;
    x1 = lo1;
    x2 = hi0 ^ x3 ^ key1;
    x3 = lo0;
  }
  out[0] = x0 >>> 0;
  out[1] = x1 >>> 0;
  out[2] = x2 >>> 0;
  out[3] = x3 >>> 0;
}

/** The first round's multipliers, for callers that take round 1 out of the loop (philoxRounds2to10). */
export const PHILOX_M0 = M0;
export const PHILOX_M1 = M1;
/** The high 32 bits of M0 × b (b a 32-bit word), as an int32. */
export function mulhiM0(b: number): number {
  return mulhi(M0_LO, M0_HI, b);
}

/** The high 32 bits of M1 × b (b a 32-bit word), as an int32. */
export function mulhiM1(b: number): number {
  return mulhi(M1_LO, M1_HI, b);
}

/**
 * Rounds 2 to 10 of philox4x32, from the state (x0, x1, x2, x3) after round 1 and the key
 * (k0, k1) of round 1 (the caller's key): the same words as philox4x32 for that counter. The
 * simulation computes round 1 of its blocks from products it keeps — M0 × year once a year,
 * M1 × the cover id's hash once a run — since those counter words do not change from block to
 * block: the same integer operations, one round fewer of them per block.
 */
export function philoxRounds2to10(x0: number, x1: number, x2: number, x3: number, k0: number, k1: number, out: Uint32Array | number[]): void {
  let key0 = k0 | 0;
  let key1 = k1 | 0;
  for (let r = 1; r < 10; r++) {
    key0 = (key0 + W0) | 0;
    key1 = (key1 + W1) | 0;
    const lo0 = Math.imul(M0, x0);
    const hi0 = mulhi(M0_LO, M0_HI, x0);
    const lo1 = Math.imul(M1, x2);
    const hi1 = mulhi(M1_LO, M1_HI, x2);
    x0 = hi1 ^ x1 ^ key0;
    x1 = lo1;
    x2 = hi0 ^ x3 ^ key1;
    x3 = lo0;
  }
  out[0] = x0 >>> 0;
  out[1] = x1 >>> 0;
  out[2] = x2 >>> 0;
  out[3] = x3 >>> 0;
}

/**
 * philoxRounds2to10 with its four output words written as int32 to out[at .. at + 3] (the
 * same bits): the JavaScript blocks of a simulation's batch when WebAssembly is refused
 * (philoxWasm.ts), written in place instead of through a scratch array.
 */
export function philoxRounds2to10At(x0: number, x1: number, x2: number, x3: number, k0: number, k1: number, out: Int32Array, at: number): void {
  let key0 = k0 | 0;
  let key1 = k1 | 0;
  for (let r = 1; r < 10; r++) {
    key0 = (key0 + W0) | 0;
    key1 = (key1 + W1) | 0;
    const lo0 = Math.imul(M0, x0);
    const hi0 = mulhi(M0_LO, M0_HI, x0);
    const lo1 = Math.imul(M1, x2);
    const hi1 = mulhi(M1_LO, M1_HI, x2);
    x0 = hi1 ^ x1 ^ key0;
    x1 = lo1;
    x2 = hi0 ^ x3 ^ key1;
    x3 = lo0;
  }
  out[at] = x0;
  out[at + 1] = x1;
  out[at + 2] = x2;
  out[at + 3] = x3;
}

const TWO_26 = 67108864;
/** 2^−53: multiplying by it is exact, the same double as dividing by 2^53. */
const TWO_MINUS_53 = 1.1102230246251565e-16;

/**
 * A uniform in [0, 1) with 53 random bits from two words: the top 27 bits of `a` and the top 26
 * of `b` (the construction of numpy's random_double and Random123's u01): k / 2^53, exact.
 */
export function uniform53(a: number, b: number): number {
  return ((a >>> 5) * TWO_26 + (b >>> 6)) * TWO_MINUS_53;
}
