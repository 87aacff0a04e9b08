/**
 * Philox4x32-10 against the Random123 known-answer vectors (kat_vectors, philox4x32 10 rounds) and
 * against the independent Python implementation's golden file (scripts/golden/philox.py).
 */
import fs from 'node:fs';
import path from 'node:path';
import { mulhiM0, mulhiM1, PHILOX_M0, PHILOX_M1, philox4x32, philoxRounds2to10, uniform53 } from './philox';

const hex = (w: ArrayLike<number>) => Array.from(w, (x) => x.toString(16).padStart(8, '0')).join(' ');

function run(ctr: number[], key: number[]): Uint32Array {
  const out = new Uint32Array(4);
  philox4x32(ctr[0], ctr[1], ctr[2], ctr[3], key[0], key[1], out);
  return out;
}

describe('Philox4x32-10', () => {
  test.each([
    [[0, 0, 0, 0], [0, 0], '6627e8d5 e169c58d bc57ac4c 9b00dbd8'],
    [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], '408f276d 41c83b0e a20bc7c6 6d5451fd'],
    [[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0], 'd16cfe09 94fdcceb 5001e420 24126ea1'],
  ])('Random123 known answer: ctr %j key %j', (ctr, key, want) => {
    expect(hex(run(ctr, key))).toBe(want);
  });

  test('agrees with the Python implementation on 203 counters and keys, words and uniforms', () => {
    const golden = JSON.parse(fs.readFileSync(path.join(__dirname, '../../test/golden/philox.json'), 'utf8')) as {
      cases: Array<{ ctr: number[]; key: number[]; out: number[]; u: number[] }>;
    };
    expect(golden.cases.length).toBe(203);
    for (const c of golden.cases) {
      const w = run(c.ctr, c.key);
      expect(Array.from(w)).toEqual(c.out);
      expect([uniform53(w[0], w[1]), uniform53(w[2], w[3])]).toEqual(c.u);
    }
  });

  test('uniforms lie in [0, 1): all-zero words give 0, all-one words 1 − 2^−53', () => {
    expect(uniform53(0, 0)).toBe(0);
    expect(uniform53(0xffffffff, 0xffffffff)).toBe(1 - 2 ** -53);
  });
});

describe('round 1 taken out (philoxRounds2to10)', () => {
  test('round 1 from mulhiM0/mulhiM1 and Math.imul, then rounds 2–10, gives philox4x32’s words', () => {
    let state = 3;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) | 0) >>> 0;
    const want = new Uint32Array(4);
    const got = new Uint32Array(4);
    for (let i = 0; i < 20000; i++) {
      const c = [next(), next(), next(), next()];
      const k = [next(), next()];
      if (i < 2) c.fill(i === 0 ? 0 : 0xffffffff);
      philox4x32(c[0], c[1], c[2], c[3], k[0], k[1], want);
      // Round 1: x0 = hi(M1 c2) ^ c1 ^ k0, x1 = lo(M1 c2), x2 = hi(M0 c0) ^ c3 ^ k1, x3 = lo(M0 c0).
      philoxRounds2to10(mulhiM1(c[2]) ^ c[1] ^ k[0], Math.imul(PHILOX_M1, c[2]), mulhiM0(c[0]) ^ c[3] ^ k[1], Math.imul(PHILOX_M0, c[0]), k[0], k[1], got);
      expect(hex(got)).toBe(hex(want));
    }
  });
});
