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
import { BLOCK_WORDS, createPhiloxBatch, type PhiloxBatch, PHILOX_WASM_BYTES, philoxWasmAvailable, philoxWasmInUse, usePhiloxWasm } from './philoxWasm';
import { countOf, countTable } from './sample';
import { idHashes, simulate, simulateYear, type SimModel, yearLossTable } from './simulate';

interface WasmForTest {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: unknown;
}
const realWasm = (globalThis as unknown as { WebAssembly: WasmForTest }).WebAssembly;

// ---- a minimal assembler for the subset of WebAssembly text philox.wat uses --------------------

function sleb(value: number): number[] {
  let v = BigInt(value);
  const out: number[] = [];
  for (;;) {
    const b = Number(v & BigInt(0x7f));
    v >>= BigInt(7);
    if ((v === BigInt(0) && (b & 0x40) === 0) || (v === BigInt(-1) && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}

const OPCODES: Record<string, number> = {
  'i32.mul': 0x6c,
  'i32.add': 0x6a,
  'i32.sub': 0x6b,
  'i32.xor': 0x73,
  'i32.ge_u': 0x4f,
  'i64.mul': 0x7e,
  'i64.shr_u': 0x88,
  'i64.extend_i32_u': 0xad,
  'i32.wrap_i64': 0xa7,
  end: 0x0b,
};

/** Assembles philox.wat: its one function (param, locals, body) and its two exports. */
function assemble(text: string): Uint8Array {
  const noComments = text
    .split('\n')
    .map((l) => l.replace(/;;.*$/, ''))
    .join('\n');
  const param = /\(param (\$\w+) i32\)/.exec(noComments);
  expect(param).not.toBeNull();
  const locals = [...noComments.matchAll(/\(local (\$\w+) (i32|i64)\)/g)].map((m) => [m[1], m[2]] as const);
  const index = new Map<string, number>([[param![1], 0]]);
  locals.forEach(([name], i) => index.set(name, i + 1));
  // Local declarations as runs of one type.
  const groups: Array<[number, number]> = [];
  for (const [, type] of locals) {
    const t = type === 'i32' ? 0x7f : 0x7e;
    if (groups.length > 0 && groups[groups.length - 1][1] === t) groups[groups.length - 1][0]++;
    else groups.push([1, t]);
  }
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.includes(';; body'));
  const to = lines.findIndex((l) => l.includes(';; /body'));
  const code: number[] = [];
  for (const raw of lines.slice(from + 1, to)) {
    const line = raw.replace(/;;.*$/, '').trim();
    if (line === '') continue;
    const [op, arg] = line.split(/\s+/);
    const local = () => {
      expect(index.has(arg)).toBe(true);
      return index.get(arg)!;
    };
    if (op === 'local.get') code.push(0x20, local());
    else if (op === 'local.set') code.push(0x21, local());
    else if (op === 'local.tee') code.push(0x22, local());
    else if (op === 'i32.const') code.push(0x41, ...sleb(Number(arg) | 0));
    else if (op === 'i64.const') code.push(0x42, ...sleb(Number(arg)));
    else if (op === 'i32.load') code.push(0x28, 2, ...uleb(Number(arg.split('=')[1])));
    else if (op === 'i32.store') code.push(0x36, 2, ...uleb(Number(arg.split('=')[1])));
    else if (op === 'block') code.push(0x02, 0x40);
    else if (op === 'loop') code.push(0x03, 0x40);
    else if (op === 'br') code.push(0x0c, Number(arg));
    else if (op === 'br_if') code.push(0x0d, Number(arg));
    else if (op in OPCODES) code.push(OPCODES[op]);
    else throw new Error(`not in the subset: ${line}`);
  }
  const body = [groups.length, ...groups.flat(), ...code, 0x0b];
  const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];
  const name = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
  expect(noComments).toContain('(memory (export "memory") 1)');
  expect(noComments).toContain('(func (export "blocks")');
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 1, 0x7f, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...name('memory'), 2, 0, ...name('blocks'), 0, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

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
  test('its bytes are philox.wat assembled, and it validates', () => {
    const text = fs.readFileSync(path.join(__dirname, 'philox.wat'), 'utf8');
    expect(Array.from(assemble(text))).toEqual(Array.from(PHILOX_WASM_BYTES));
    expect(PHILOX_WASM_BYTES.length).toBe(256);
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
