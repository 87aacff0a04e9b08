/**
 * The WebAssembly Philox blocks (philoxWasm.ts): the bytes are the text of philox.wat (assembled
 * again here), the module validates, and its words are the JavaScript philox4x32's on the
 * Random123 known-answer vectors, the Python golden cases (scripts/golden/philox.py) and random
 * counters and keys; without WebAssembly (a CSP without 'wasm-unsafe-eval' makes
 * `new WebAssembly.Module` throw) the same batch API gives the same words, and a simulation the
 * same results.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseFrequency, parseSeverity } from './parse';
import { philox4x32, philoxRounds2to10At, mulhiM0, mulhiM1, PHILOX_M0, PHILOX_M1, uniform53 } from './philox';
import { BLOCK_WORDS, createDrawBatch, createPhiloxBatch, type PhiloxBatch, PHILOX_WASM_BYTES, philoxWasmAvailable, philoxWasmInUse, usePhiloxWasm } from './philoxWasm';
import { countOf, countTable } from './sample';
import { idHashes, simulate, simulateYear, type SimModel, yearLossTable } from './simulate';

interface WasmForTest {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: unknown;
}
const realWasm = (globalThis as unknown as { WebAssembly: WasmForTest }).WebAssembly;

/** philox.wat assembled by wabt, as scripts/gen-wasm.js assembles it. */
const { assemble } = require('../../scripts/gen-wasm.js') as { assemble: (text?: string) => Promise<Uint8Array> };

// ---- helpers ------------------------------------------------------------------------------------

const hex = (w: ArrayLike<number>) => Array.from(w, (x) => (x >>> 0).toString(16).padStart(8, '0')).join(' ');

/** Runs the blocks (counter, key) through a batch; returns each block's four words, unsigned. */
function viaBatch(batch: PhiloxBatch, blocks: Array<[number[], number[]]>): number[][] {
  const out: number[][] = [];
  for (let start = 0; start < blocks.length; start += batch.capacity) {
    const chunk = blocks.slice(start, start + batch.capacity);
    chunk.forEach(([c, k], i) => batch.words.set([...c, ...k], i * BLOCK_WORDS));
    batch.run(chunk.length);
    chunk.forEach((_, i) => out.push(Array.from(batch.words.subarray(i * BLOCK_WORDS, i * BLOCK_WORDS + 4), (x) => x >>> 0)));
  }
  return out;
}

function viaJs(c: number[], k: number[]): number[] {
  const w = new Uint32Array(4);
  philox4x32(c[0], c[1], c[2], c[3], k[0], k[1], w);
  return Array.from(w);
}

function randomBlocks(count: number, seed: number): Array<[number[], number[]]> {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) | 0) >>> 0;
  const mix = () => (next() >>> 16) * 65536 + (next() >>> 16);
  const blocks: Array<[number[], number[]]> = [];
  for (let i = 0; i < count; i++) blocks.push([[mix(), mix(), mix(), mix()], [mix(), mix()]]);
  // Words at the edges.
  blocks.push([[0, 0, 0, 0], [0, 0]], [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff]], [[0x80000000, 0x7fffffff, 1, 0xfffffffe], [0x80000000, 1]]);
  return blocks;
}

/** Runs f with a WebAssembly that refuses to compile (as under a CSP without 'wasm-unsafe-eval'), or none, on fresh modules. */
function withoutWasm<T>(how: 'refused' | 'missing', f: (mods: { wasm: typeof import('./philoxWasm'); sim: typeof import('./simulate') }) => T): T {
  const g = globalThis as unknown as { WebAssembly?: unknown };
  let result: T | undefined;
  jest.isolateModules(() => {
    if (how === 'missing') delete g.WebAssembly;
    else
      g.WebAssembly = {
        ...realWasm,
        Module: function Module() {
          throw new Error("WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'wasm-unsafe-eval' is not an allowed source of script");
        },
        Instance: realWasm.Instance,
      };
    try {
      const wasm = require('./philoxWasm') as typeof import('./philoxWasm');
      const sim = require('./simulate') as typeof import('./simulate');
      result = f({ wasm, sim });
    } finally {
      g.WebAssembly = realWasm;
    }
  });
  return result as T;
}

// ---- the module ---------------------------------------------------------------------------------

describe('the module', () => {
  test('its bytes are philox.wat assembled (scripts/gen-wasm.js is up to date), and it validates', async () => {
    const text = fs.readFileSync(path.join(__dirname, 'philox.wat'), 'utf8');
    expect(Array.from(await assemble(text))).toEqual(Array.from(PHILOX_WASM_BYTES));
    expect(realWasm.validate(PHILOX_WASM_BYTES)).toBe(true);
    expect(philoxWasmAvailable()).toBe(true);
  });

  test('used only once the host asks for it (a page whose CSP refuses it would report a violation for the mere attempt)', () => {
    try {
      expect(philoxWasmInUse()).toBe(false);
      expect(createPhiloxBatch(4).wasm).toBe(false);
      expect(usePhiloxWasm(true)).toBe(true);
      expect(createPhiloxBatch(4).wasm).toBe(true);
      expect(createPhiloxBatch(4, { wasm: false }).wasm).toBe(false);
    } finally {
      expect(usePhiloxWasm(false)).toBe(false);
    }
    expect(createPhiloxBatch(4).wasm).toBe(false);
    expect(createPhiloxBatch(4, { wasm: true }).wasm).toBe(true);
  });
});

describe.each([
  ['WebAssembly', { wasm: true }],
  ['JavaScript', { wasm: false }],
])('blocks in a batch (%s)', (_name, options) => {
  test('Random123 known answers', () => {
    const batch = createPhiloxBatch(3, options);
    expect(batch.wasm).toBe(options.wasm);
    const got = viaBatch(batch, [
      [[0, 0, 0, 0], [0, 0]],
      [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff]],
      [[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0]],
    ]);
    expect(got.map(hex)).toEqual(['6627e8d5 e169c58d bc57ac4c 9b00dbd8', '408f276d 41c83b0e a20bc7c6 6d5451fd', 'd16cfe09 94fdcceb 5001e420 24126ea1']);
  });

  test('the Python implementation’s 203 cases, words and uniforms', () => {
    const golden = JSON.parse(fs.readFileSync(path.join(__dirname, '../../test/golden/philox.json'), 'utf8')) as {
      cases: Array<{ ctr: number[]; key: number[]; out: number[]; u: number[] }>;
    };
    expect(golden.cases.length).toBe(203);
    const got = viaBatch(createPhiloxBatch(64, options), golden.cases.map((c) => [c.ctr, c.key]));
    golden.cases.forEach((c, i) => {
      expect(got[i]).toEqual(c.out);
      expect([uniform53(got[i][0], got[i][1]), uniform53(got[i][2], got[i][3])]).toEqual(c.u);
    });
  });

  test('100,003 random counters and keys: philox4x32’s words, in batches of 5,000 (more than one page of memory)', () => {
    const blocks = randomBlocks(100000, 77);
    const got = viaBatch(createPhiloxBatch(5000, options), blocks);
    let mismatches = 0;
    blocks.forEach(([c, k], i) => {
      const want = viaJs(c, k);
      if (got[i].some((w, j) => w !== want[j])) mismatches++;
    });
    expect(mismatches).toBe(0);
    // A batch computes only the blocks asked for.
    const batch = createPhiloxBatch(2, options);
    batch.words.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    batch.run(1);
    expect(Array.from(batch.words.subarray(6))).toEqual([7, 8, 9, 10, 11, 12]);
    expect(() => batch.run(3)).toThrow(RangeError);
  });
});

// ---- draws of whole years (philox.wat's draw) ---------------------------------------------------

describe("draws of whole years (createDrawBatch: philox.wat's draw)", () => {
  /** What the draw must give, from philox4x32 and the hit test in JavaScript: each event's hits as [slot, u]. */
  function reference(y0: number, counts: number[], rows: { h1: Uint32Array; h2: Uint32Array; position: Int32Array; threshold: Float64Array }, seed: number): Array<Array<[number, number]>> {
    const events: Array<Array<[number, number]>> = [];
    const w = new Uint32Array(4);
    counts.forEach((n, yi) => {
      for (let e = 0; e < n; e++) {
        const hits: Array<[number, number]> = [];
        for (let j = 0; j < rows.h1.length; j++) {
          philox4x32(y0 + yi, e, rows.h1[j], rows.position[j], seed, rows.h2[j], w);
          if ((w[0] >>> 5) * 2 ** 26 + (w[1] >>> 6) < rows.threshold[j]) hits.push([j, uniform53(w[2], w[3])]);
        }
        events.push(hits);
      }
    });
    return events;
  }

  /** The batch's events after run(y0, counts.length). */
  function viaDraw(batch: NonNullable<ReturnType<typeof createDrawBatch>>, y0: number, counts: number[]): Array<Array<[number, number]>> {
    batch.counts.set(counts);
    batch.run(y0, counts.length);
    const events: Array<Array<[number, number]>> = [];
    let q = 0;
    for (const n of counts) {
      for (let e = 0; e < n; e++, q++) {
        const from = q === 0 ? 0 : batch.ends[q - 1];
        const hits: Array<[number, number]> = [];
        for (let h = from; h < batch.ends[q]; h++) hits.push([batch.hitSlot[4 * h], batch.hitU[2 * h + 1]]);
        events.push(hits);
      }
    }
    return events;
  }

  test('random rows, thresholds, seeds and counts: every hit, slot and loss uniform as the blocks tested in JavaScript give', () => {
    let state = 2026;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) | 0) >>> 0;
    const word = () => (next() >>> 16) * 65536 + (next() >>> 16);
    let hits = 0;
    let misses = 0;
    for (let trial = 0; trial < 40; trial++) {
      const nActive = 1 + (next() % 9);
      const rows = {
        h1: Uint32Array.from({ length: nActive }, word),
        h2: Uint32Array.from({ length: nActive }, word),
        position: Int32Array.from({ length: nActive }, () => next() % 5000),
        // p × 2^53 for p from 0 to 1, including 1 (always) and tiny p.
        threshold: Float64Array.from({ length: nActive }, (_, j) => (j === 0 ? 2 ** 53 : j === 1 ? 2 ** 20 : Math.floor((next() / 2 ** 32) * 2 ** 53))),
      };
      const seed = word();
      const years = 1 + (next() % 60);
      const counts = Array.from({ length: years }, () => next() % 6);
      const y0 = trial === 0 ? 1 : trial === 1 ? 0x7fffffff - years : 1 + (next() % 10_000_000);
      const eventCapacity = Math.max(1, counts.reduce((a, b) => a + b, 0));
      const batch = createDrawBatch(rows, seed, eventCapacity, years, { wasm: true });
      expect(batch).not.toBeNull();
      const want = reference(y0, counts, rows, seed);
      expect(viaDraw(batch!, y0, counts)).toEqual(want);
      for (const ev of want) {
        hits += ev.length;
        misses += nActive - ev.length;
      }
    }
    // The cases exercise both outcomes of the hit test.
    expect(hits).toBeGreaterThan(300);
    expect(misses).toBeGreaterThan(300);
  });

  test('the hit test is strict, at the threshold itself (a numerator equal to p × 2^53 does not hit; one below does)', () => {
    const w = new Uint32Array(4);
    // A year whose block's numerator is below 2^51, so that numerator ± 0.5 are doubles of their own.
    let year = 7;
    philox4x32(year, 0, 11, 3, 99, 13, w);
    while ((w[0] >>> 5) * 2 ** 26 + (w[1] >>> 6) >= 2 ** 51) philox4x32(++year, 0, 11, 3, 99, 13, w);
    const numerator = (w[0] >>> 5) * 2 ** 26 + (w[1] >>> 6);
    const rows = (t: number) => ({ h1: Uint32Array.of(11), h2: Uint32Array.of(13), position: Int32Array.of(3), threshold: Float64Array.of(t) });
    for (const [t, hit] of [
      [numerator, false],
      [numerator + 1, true],
      [numerator + 0.5, true],
      [numerator - 0.5, false],
    ] as const) {
      const batch = createDrawBatch(rows(t), 99, 1, 1, { wasm: true })!;
      const got = viaDraw(batch, year, [1]);
      expect(got).toEqual([hit ? [[0, uniform53(w[2], w[3])]] : []]);
    }
  });

  test('years without events, a run longer than one page, and the capacities enforced', () => {
    const rows = { h1: Uint32Array.of(1, 2, 3), h2: Uint32Array.of(4, 5, 6), position: Int32Array.of(0, 1, 2), threshold: Float64Array.of(2 ** 52, 2 ** 53, 2 ** 51) };
    const counts = Array.from({ length: 1024 }, (_, i) => (i % 7 === 0 ? 0 : (i % 5) + 1));
    const events = counts.reduce((a, b) => a + b, 0);
    const batch = createDrawBatch(rows, 5, events, 1024, { wasm: true })!;
    expect(viaDraw(batch, 100, counts)).toEqual(reference(100, counts, rows, 5));
    expect(viaDraw(batch, 100, [0, 0, 0])).toEqual([]);
    batch.counts.set([events + 1]);
    expect(() => batch.run(1, 1)).toThrow(RangeError);
    expect(() => batch.run(1, 1025)).toThrow(RangeError);
    expect(createDrawBatch(rows, 5, 4, 4, { wasm: false })).toBeNull();
  });
});

test('philoxRounds2to10At (the JavaScript blocks of a simulation, round 1 from kept products) gives philox4x32’s words', () => {
  const out = new Int32Array(8);
  for (const [c, k] of randomBlocks(20000, 5)) {
    philoxRounds2to10At(mulhiM1(c[2]) ^ c[1] ^ k[0], Math.imul(PHILOX_M1, c[2]), mulhiM0(c[0]) ^ c[3] ^ k[1], Math.imul(PHILOX_M0, c[0]), k[0], k[1], out, 3);
    expect(hex(out.subarray(3, 7))).toBe(hex(viaJs(c, k)));
  }
});

describe.each(['refused', 'missing'] as const)('WebAssembly %s', (how) => {
  test('the batch falls back to the JavaScript blocks: the same words', () => {
    const blocks = randomBlocks(2000, 9);
    const got = withoutWasm(how, ({ wasm }) => {
      expect(wasm.philoxWasmAvailable()).toBe(false);
      expect(wasm.usePhiloxWasm(true)).toBe(false);
      const batch = wasm.createPhiloxBatch(700, { wasm: true });
      expect(batch.wasm).toBe(false);
      return viaBatch(batch, blocks);
    });
    blocks.forEach(([c, k], i) => expect(got[i]).toEqual(viaJs(c, k)));
  });
});

// ---- the simulation with the blocks in bulk -----------------------------------------------------

/** A model of `nRows` rows over 4 covers with limits, deductibles and zero-probability rows. */
function modelOf(nRows: number, frequency: string): SimModel {
  const severities = ['lognormal(10,2)', 'lomax(1.5,50000)', 'pareto1(2.2,10000)', 'gamma(2,20000)', 'exponential(15000)', 'constant(1000.015)'];
  const ids = ['A', 'B', 'C', 'D'];
  const seen = new Map<string, number>();
  const rows = Array.from({ length: nRows }, (_, i) => {
    const id = ids[(i * 7) % 4];
    const position = seen.get(id) ?? 0;
    seen.set(id, position + 1);
    const text = severities[i % severities.length];
    return { cover: ids.indexOf(id), coverId: id, probability: i % 5 === 4 ? 0 : [0.3, 0.05, 1, 0.6][i % 4], severity: parseSeverity(text), severityText: text, position };
  });
  return {
    frequency: parseFrequency(frequency),
    frequencyText: frequency,
    rows,
    covers: [
      { id: 'A', parent: -1, path: [0], eventReach: 1, perEvent: 5_000_000_00, aggregate: 9_000_000_00, deductible: 10_000_00 },
      { id: 'B', parent: 0, path: [1, 0], eventReach: 2, perEvent: 200_000_00, aggregate: 500_000_00, deductible: 5_000_00 },
      { id: 'C', parent: -1, path: [2], eventReach: 1, perEvent: Infinity, aggregate: Infinity, deductible: 0 },
      { id: 'D', parent: 2, path: [3, 2], eventReach: 1, perEvent: 50_000_00, aggregate: Infinity, deductible: 2_500_00 },
    ],
    policyAggregate: 20_000_000_00,
    policyPerEvent: 3_000_000_00,
    scale: 100,
    hash: 'test',
  };
}

describe('the simulation with its blocks in bulk', () => {
  beforeAll(() => expect(usePhiloxWasm(true)).toBe(true));
  afterAll(() => usePhiloxWasm(false));

  test('counts drawn ahead over more than one batch of years (1,024) are each year’s own block', () => {
    const model = modelOf(6, 'negbin(3,1.2)');
    const counts = countTable(model.frequency);
    const w = new Uint32Array(4);
    for (const seed of [0, 4294967295]) {
      const table = [...yearLossTable(model, seed, 1000, 3100)];
      expect(table.length).toBe(2101);
      for (const row of table) {
        philox4x32(row.year, 0xffffffff, 0xffffffff, 0xffffffff, seed, 0x636f756e, w);
        expect(row.events).toBe(countOf(counts, uniform53(w[0], w[1])));
      }
    }
  });

  test('more events in a year than one batch of row blocks holds: the same years as one year at a time, with or without WebAssembly', () => {
    // 1,000 rows (800 that can hit): 5 events per batch of 4,096 blocks; poisson(12) years span several batches.
    const model = modelOf(1000, 'poisson(12)');
    const scopes = [{ kind: 'total' as const }, { kind: 'cover' as const, cover: 1 }, { kind: 'cover' as const, cover: 3 }];
    const whole = simulate(model, { years: 15, seed: 3, scopes })!;
    const table = [...yearLossTable(model, 3, 1, 15)];
    // Each year alone (no counts drawn ahead) equals the run's years.
    const alone = Array.from({ length: 15 }, (_, i) => [...yearLossTable(model, 3, i + 1, i + 1)][0]);
    expect(alone).toEqual(table);
    expect(table.filter((r) => r.events > 10).length).toBeGreaterThan(3);
    expect(whole.scopes[0].stats.mean * 15).toBeCloseTo(table.reduce((s, r) => s + r.total, 0), 6);
    usePhiloxWasm(false);
    expect(simulate(model, { years: 15, seed: 3, scopes })).toEqual(whole);
    expect([...yearLossTable(model, 3, 1, 15)]).toEqual(table);
    usePhiloxWasm(true);
    for (const how of ['refused', 'missing'] as const) {
      const js = withoutWasm(how, ({ wasm, sim }) => {
        expect(sim.usePhiloxWasm(true)).toBe(false);
        const out = { whole: sim.simulate(model, { years: 15, seed: 3, scopes }), table: [...sim.yearLossTable(model, 3, 1, 15)], year: sim.simulateYear(model, 3, 7) };
        expect(wasm.philoxWasmAvailable()).toBe(false);
        return out;
      });
      expect(js.whole).toEqual(whole);
      expect(js.table).toEqual(table);
      expect(js.year).toEqual(simulateYear(model, 3, 7));
    }
  });

  test('row blocks computed ahead for many years at once: each year equals the year alone, across the count batches and beside years too big for a batch', () => {
    // 200 rows (160 that can hit): 25 events per batch, so a batch holds several negbin(4,1.5)
    // years and now and then a year that does not fit whole (its events then go in chunks).
    const model = modelOf(200, 'negbin(4,1.5)');
    const scopes = [{ kind: 'total' as const }, { kind: 'cover' as const, cover: 3 }];
    const years = 1100;
    const table = [...yearLossTable(model, 11, 1, years)];
    for (const y of [1, 2, 3, 500, 1023, 1024, 1025, 1026, 1099, 1100]) {
      expect([...yearLossTable(model, 11, y, y)][0]).toEqual(table[y - 1]);
    }
    expect(table.filter((r) => r.events > 25).length).toBeGreaterThan(3);
    expect(table.filter((r) => r.events > 0 && r.events <= 8).length).toBeGreaterThan(500);
    const whole = simulate(model, { years, seed: 11, scopes })!;
    usePhiloxWasm(false);
    expect(simulate(model, { years, seed: 11, scopes })).toEqual(whole);
    expect([...yearLossTable(model, 11, 1, years)]).toEqual(table);
    usePhiloxWasm(true);
  });

  test('the draws of a year with many events are the blocks of their keys', () => {
    const model = modelOf(1000, 'poisson(12)');
    const w = new Uint32Array(4);
    const year = simulateYear(model, 1, 12);
    expect(year.events.length).toBeGreaterThan(5);
    year.events.forEach((ev, e) => {
      ev.draws.forEach((d, r) => {
        const row = model.rows[r];
        if (row.probability === 0) return expect(d.hit).toBe(false);
        const [h1, h2] = idHashes(row.coverId);
        philox4x32(12, e, h1, row.position, 1, h2, w);
        expect(d.hit).toBe(uniform53(w[0], w[1]) < row.probability);
      });
    });
  });
});
