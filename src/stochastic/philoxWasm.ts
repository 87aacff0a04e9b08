/**
 * Philox4x32-10 blocks in bulk, in WebAssembly where the host allows it, in JavaScript otherwise:
 * the same words either way. In JavaScript each 32×32→64-bit product of a round is computed from
 * 16-bit halves (philox.ts); in WebAssembly it is one i64.mul, and WebAssembly's integer
 * arithmetic is exactly specified (wrapping i32 add, i64 mul modulo 2^64, no
 * implementation-defined results), so every engine gives the words of the JS philox4x32 — the
 * tests compare both on the Random123 known-answer vectors, the Python golden cases and random
 * counters and keys.
 *
 * A batch: the caller writes block i as six words at words[6i .. 6i + 5] (counter c0 c1 c2 c3,
 * key k0 k1), calls run(n), and reads block i's output words from words[6i .. 6i + 3]. One call
 * computes n blocks, so the cost of crossing into WebAssembly is paid once a batch.
 *
 * The module is the text of philox.wat, assembled by wabt (philoxWasmBytes.ts, written by
 * scripts/gen-wasm.js; philoxWasm.test.ts assembles the text again and compares the bytes). Its
 * second function, draw, is a simulation's draws for whole years (createDrawBatch). It is compiled synchronously, once a
 * process, and only once a host has asked for it (usePhiloxWasm(true)), because only the host
 * knows whether its policy allows it: under a Content-Security-Policy without
 * 'wasm-unsafe-eval', `new WebAssembly.Module` throws AND reports a policy violation
 * ("script-src wasm-eval") to the page, so merely trying would put a violation in a page that
 * forbids it. The hosts that ask: the CLI and the benchmark (no page policy), and this project's
 * pages, whose policy allows WebAssembly compiles ('wasm-unsafe-eval', scripts/csp.js) — the
 * workbench page (src/workbench/index.tsx), the task pane (src/taskpane/index.tsx), the Simulate
 * worker (src/taskpane/simulate/worker.ts) and the custom functions, when they load the SIMULATE
 * chunk (src/functions/adapter.ts). Without the host's word, without WebAssembly, or when the
 * compile is refused (a webview that does not know 'wasm-unsafe-eval'), every batch runs the
 * JavaScript philox4x32 (a simulated year takes about 1.6 times as long, the same values).
 * WebAssembly is a JavaScript built-in, not a DOM API, so the engine's rule (no DOM/Office code)
 * holds; it is reached through globalThis because the CLI build's type library (ES2020)
 * declares no WebAssembly.
 */
import { philox4x32 } from './philox';
import { PHILOX_WASM_BYTES } from './philoxWasmBytes';

export { PHILOX_WASM_BYTES } from './philoxWasmBytes';

/** Words per block in a batch: counter c0..c3, key k0 k1 (the output replaces the counter). */
export const BLOCK_WORDS = 6;

export interface PhiloxBatch {
  /** 6 words per block (BLOCK_WORDS); run(n) replaces words 6i .. 6i + 3 of blocks i < n by their output. */
  readonly words: Int32Array;
  /** How many blocks `words` holds. */
  readonly capacity: number;
  /** True when the blocks are computed in WebAssembly. */
  readonly wasm: boolean;
  /** Computes blocks 0 .. n − 1 in place (n ≤ capacity). */
  run(n: number): void;
}

/** The little of the WebAssembly API used here (the CLI build's type library has none). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: object,
  ) => {
    exports: {
      memory: { buffer: ArrayBuffer; grow(pages: number): number };
      blocks: (n: number) => void;
      draw: (y0: number, years: number, counts: number, ends: number, hits: number, rows: number, nActive: number, seed: number) => void;
    };
  };
}

const PAGE = 65536;
/** The compiled module; null when this host has no WebAssembly or refuses to compile it. */
let compiled: object | null | undefined;

function wasmApi(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

function compiledModule(): object | null {
  if (compiled === undefined) {
    compiled = null;
    const api = wasmApi();
    if (api) {
      try {
        compiled = new api.Module(PHILOX_WASM_BYTES);
      } catch {
        // A CSP without 'wasm-unsafe-eval' (CompileError/EvalError): the JavaScript blocks below.
        compiled = null;
      }
    }
  }
  return compiled;
}

/** Whether the host asked for WebAssembly (usePhiloxWasm). */
let wanted = false;

/** Whether this process can compile the module (it tries, once; false when refused or missing). */
export function philoxWasmAvailable(): boolean {
  return compiledModule() !== null;
}

/**
 * For a host that knows its policy allows compiling WebAssembly (the CLI, the bench, and our
 * pages, whose script-src carries 'wasm-unsafe-eval': scripts/csp.js): `true` lets the batches made from now on compute in WebAssembly, `false` (the default) keeps
 * them in JavaScript — the same values either way. Returns whether batches made from now on use
 * WebAssembly (false when this host cannot compile it).
 */
export function usePhiloxWasm(on: boolean): boolean {
  wanted = on;
  return philoxWasmInUse();
}

/** Whether batches made now compute in WebAssembly (asked for and available). */
export function philoxWasmInUse(): boolean {
  return wanted && compiledModule() !== null;
}

/**
 * A batch of `capacity` blocks, in WebAssembly when the host asked for it (usePhiloxWasm) and
 * it compiles. `wasm: true` / `false` overrides the host's choice (tests; the values are the same).
 */
export function createPhiloxBatch(capacity: number, options: { wasm?: boolean } = {}): PhiloxBatch {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`programmer error: capacity must be a whole number from 1, not ${capacity}`);
  const module = (options.wasm ?? wanted) ? compiledModule() : null;
  const api = wasmApi();
  if (module !== null && api) {
    try {
      const instance = new api.Instance(module, {});
      const memory = instance.exports.memory;
      const pages = Math.ceil((capacity * BLOCK_WORDS * 4) / PAGE);
      if (pages > 1) memory.grow(pages - 1);
      const words = new Int32Array(memory.buffer, 0, capacity * BLOCK_WORDS);
      const blocks = instance.exports.blocks;
      return {
        words,
        capacity,
        wasm: true,
        run(n: number): void {
          if (n > capacity) throw new RangeError(`programmer error: ${n} blocks in a batch of ${capacity}`);
          blocks(n);
        },
      };
    } catch {
      // Instantiation refused (memory): the JavaScript blocks.
    }
  }
  const words = new Int32Array(capacity * BLOCK_WORDS);
  const out = new Uint32Array(4);
  return {
    words,
    capacity,
    wasm: false,
    run(n: number): void {
      if (n > capacity) throw new RangeError(`programmer error: ${n} blocks in a batch of ${capacity}`);
      for (let i = 0, o = 0; i < n; i++, o += BLOCK_WORDS) {
        philox4x32(words[o], words[o + 1], words[o + 2], words[o + 3], words[o + 4], words[o + 5], out);
        words[o] = out[0];
        words[o + 1] = out[1];
        words[o + 2] = out[2];
        words[o + 3] = out[3];
      }
    },
  };
}

/**
 * A simulation's draws for whole years in WebAssembly (philox.wat's draw): for each year, each of
 * its events and each active row, the block of counter [year, event, h1, position] and key
 * [seed, h2], the row's hit (the hit uniform's integer numerator below p × 2^53: the comparison
 * simulate.ts makes) and, for a row that hits, its slot and loss uniform (philox.ts's uniform53 of
 * words 2 and 3). What drawing each block in JavaScript and testing it there gives, without
 * reading the blocks back: simulate.ts's YearEngine reads only the hits.
 */
export interface DrawBatch {
  /** The most events one run draws (all its years together). */
  readonly eventCapacity: number;
  /** The most years one run draws. */
  readonly yearCapacity: number;
  /** The events of each year of the next run, written by the caller: counts[i] for year y0 + i. */
  readonly counts: Int32Array;
  /** After a run: ends[q] = the hits of the run's events 0 .. q (event q's hits end there). */
  readonly ends: Int32Array;
  /** After a run: hit h's slot (the index of its row among the active rows) at hitSlot[4h]. */
  readonly hitSlot: Int32Array;
  /** After a run: hit h's loss uniform at hitU[2h + 1]. */
  readonly hitU: Float64Array;
  /** Draws years y0 .. y0 + years − 1 (counts written; their events at most eventCapacity). */
  run(y0: number, years: number): void;
}

/**
 * A draw batch for active rows with these ids' hashes (h1, h2), positions and hit thresholds
 * (p × 2^53), under this seed; null when the batches compute in JavaScript (the host did not ask
 * for WebAssembly, or it cannot compile or instantiate the module): the caller draws in
 * JavaScript then. `wasm: true` / `false` overrides the host's choice as in createPhiloxBatch.
 */
export function createDrawBatch(
  rows: { readonly h1: Uint32Array; readonly h2: Uint32Array; readonly position: Int32Array; readonly threshold: Float64Array },
  seed: number,
  eventCapacity: number,
  yearCapacity: number,
  options: { wasm?: boolean } = {},
): DrawBatch | null {
  const nActive = rows.h1.length;
  if (nActive < 1 || !Number.isInteger(eventCapacity) || eventCapacity < 1 || !Number.isInteger(yearCapacity) || yearCapacity < 1) {
    throw new RangeError(`programmer error: a draw batch needs rows and capacities from 1 (${nActive}, ${eventCapacity}, ${yearCapacity})`);
  }
  const module = (options.wasm ?? wanted) ? compiledModule() : null;
  const api = wasmApi();
  if (module === null || !api) return null;
  // Byte layout: rows (24 a slot), counts (4 a year), ends (4 an event), hits (16 a block).
  const align8 = (n: number): number => Math.ceil(n / 8) * 8;
  const rowsAt = 0;
  const countsAt = align8(rowsAt + 24 * nActive);
  const endsAt = align8(countsAt + 4 * yearCapacity);
  const hitsAt = align8(endsAt + 4 * eventCapacity);
  const bytes = hitsAt + 16 * eventCapacity * nActive;
  try {
    const instance = new api.Instance(module, {});
    const memory = instance.exports.memory;
    const pages = Math.ceil(bytes / PAGE);
    if (pages > 1) memory.grow(pages - 1);
    const buffer = memory.buffer;
    const words = new Int32Array(buffer, rowsAt, 6 * nActive);
    const doubles = new Float64Array(buffer, rowsAt, 3 * nActive);
    for (let j = 0; j < nActive; j++) {
      words[6 * j] = rows.h1[j];
      words[6 * j + 1] = rows.position[j];
      words[6 * j + 2] = rows.h2[j];
      doubles[3 * j + 2] = rows.threshold[j];
    }
    const draw = instance.exports.draw;
    const s = seed | 0;
    const counts = new Int32Array(buffer, countsAt, yearCapacity);
    return {
      eventCapacity,
      yearCapacity,
      counts,
      ends: new Int32Array(buffer, endsAt, eventCapacity),
      hitSlot: new Int32Array(buffer, hitsAt, 4 * eventCapacity * nActive),
      hitU: new Float64Array(buffer, hitsAt, 2 * eventCapacity * nActive),
      run(y0: number, years: number): void {
        if (years > yearCapacity) throw new RangeError(`programmer error: ${years} years in a draw batch of ${yearCapacity}`);
        // The module writes an end per event and an entry per block: more would overwrite the hits.
        let events = 0;
        for (let i = 0; i < years; i++) events += counts[i];
        if (!(events <= eventCapacity)) throw new RangeError(`programmer error: ${events} events in a draw batch of ${eventCapacity}`);
        draw(y0, years, countsAt, endsAt, hitsAt, rowsAt, nActive, s);
      },
    };
  } catch {
    // Instantiation refused (memory): the caller draws in JavaScript.
    return null;
  }
}
