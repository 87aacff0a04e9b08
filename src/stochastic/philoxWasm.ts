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
 * The module is the text of philox.wat, assembled by hand (256 bytes; philoxWasm.test.ts
 * assembles the text again and compares the bytes). It is compiled synchronously, once a
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
 * JavaScript philox4x32 (about 15% slower a simulated year, the same values).
 * WebAssembly is a JavaScript built-in, not a DOM API, so the engine's rule (no DOM/Office code)
 * holds; it is reached through globalThis because the CLI build's type library (ES2020)
 * declares no WebAssembly.
 */
import { philox4x32 } from './philox';

/** The module's bytes: philox.wat, one line of bytes per instruction. */
export const PHILOX_WASM_BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,       // "\0asm", version 1
  0x01, 0x05, 0x01, 0x60, 0x01, 0x7f, 0x00,             // type section: one type, (func (param i32))
  0x03, 0x02, 0x01, 0x00,                               // function section: one function of type 0
  0x05, 0x03, 0x01, 0x00, 0x01,                         // memory section: one memory, at least 1 page, no maximum
  0x07, 0x13, 0x02,                                     // export section (19 bytes): two exports
  0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, // "memory": memory 0
  0x06, 0x62, 0x6c, 0x6f, 0x63, 0x6b, 0x73, 0x00, 0x00, // "blocks": function 0
  0x0a, 0xd0, 0x01, 0x01, 0xcd, 0x01,                   // code section (208 bytes): one body of 205 bytes
  0x02, 0x09, 0x7f, 0x02, 0x7e,                         // locals: 9 × i32 ($p $end $x0 $x1 $x2 $x3 $k0 $k1 $r), 2 × i64 ($q0 $q1)
  0x20, 0x00,                                           // local.get $n
  0x41, 0x18,                                           // i32.const 24
  0x6c,                                                 // i32.mul
  0x21, 0x02,                                           // local.set $end
  0x02, 0x40,                                           // block
  0x03, 0x40,                                           // loop
  0x20, 0x01,                                           // local.get $p
  0x20, 0x02,                                           // local.get $end
  0x4f,                                                 // i32.ge_u
  0x0d, 0x01,                                           // br_if 1
  0x20, 0x01,                                           // local.get $p
  0x28, 0x02, 0x00,                                     // i32.load offset=0
  0x21, 0x03,                                           // local.set $x0
  0x20, 0x01,                                           // local.get $p
  0x28, 0x02, 0x04,                                     // i32.load offset=4
  0x21, 0x04,                                           // local.set $x1
  0x20, 0x01,                                           // local.get $p
  0x28, 0x02, 0x08,                                     // i32.load offset=8
  0x21, 0x05,                                           // local.set $x2
  0x20, 0x01,                                           // local.get $p
  0x28, 0x02, 0x0c,                                     // i32.load offset=12
  0x21, 0x06,                                           // local.set $x3
  0x20, 0x01,                                           // local.get $p
  0x28, 0x02, 0x10,                                     // i32.load offset=16
  0x21, 0x07,                                           // local.set $k0
  0x20, 0x01,                                           // local.get $p
  0x28, 0x02, 0x14,                                     // i32.load offset=20
  0x21, 0x08,                                           // local.set $k1
  0x41, 0x0a,                                           // i32.const 10
  0x21, 0x09,                                           // local.set $r
  0x03, 0x40,                                           // loop
  0x20, 0x03,                                           // local.get $x0
  0xad,                                                 // i64.extend_i32_u
  0x42, 0xd3, 0xbe, 0xc4, 0x92, 0x0d,                   // i64.const 0xd2511f53
  0x7e,                                                 // i64.mul
  0x21, 0x0a,                                           // local.set $q0
  0x20, 0x05,                                           // local.get $x2
  0xad,                                                 // i64.extend_i32_u
  0x42, 0xd7, 0x9a, 0xfa, 0xec, 0x0c,                   // i64.const 0xcd9e8d57
  0x7e,                                                 // i64.mul
  0x21, 0x0b,                                           // local.set $q1
  0x20, 0x0b,                                           // local.get $q1
  0x42, 0x20,                                           // i64.const 32
  0x88,                                                 // i64.shr_u
  0xa7,                                                 // i32.wrap_i64
  0x20, 0x04,                                           // local.get $x1
  0x73,                                                 // i32.xor
  0x20, 0x07,                                           // local.get $k0
  0x73,                                                 // i32.xor
  0x21, 0x03,                                           // local.set $x0
  0x20, 0x0b,                                           // local.get $q1
  0xa7,                                                 // i32.wrap_i64
  0x21, 0x04,                                           // local.set $x1
  0x20, 0x0a,                                           // local.get $q0
  0x42, 0x20,                                           // i64.const 32
  0x88,                                                 // i64.shr_u
  0xa7,                                                 // i32.wrap_i64
  0x20, 0x06,                                           // local.get $x3
  0x73,                                                 // i32.xor
  0x20, 0x08,                                           // local.get $k1
  0x73,                                                 // i32.xor
  0x21, 0x05,                                           // local.set $x2
  0x20, 0x0a,                                           // local.get $q0
  0xa7,                                                 // i32.wrap_i64
  0x21, 0x06,                                           // local.set $x3
  0x20, 0x07,                                           // local.get $k0
  0x41, 0xb9, 0xf3, 0xdd, 0xf1, 0x79,                   // i32.const 0x9e3779b9
  0x6a,                                                 // i32.add
  0x21, 0x07,                                           // local.set $k0
  0x20, 0x08,                                           // local.get $k1
  0x41, 0x85, 0xdd, 0x9e, 0xdb, 0x7b,                   // i32.const 0xbb67ae85
  0x6a,                                                 // i32.add
  0x21, 0x08,                                           // local.set $k1
  0x20, 0x09,                                           // local.get $r
  0x41, 0x01,                                           // i32.const 1
  0x6b,                                                 // i32.sub
  0x22, 0x09,                                           // local.tee $r
  0x0d, 0x00,                                           // br_if 0
  0x0b,                                                 // end
  0x20, 0x01,                                           // local.get $p
  0x20, 0x03,                                           // local.get $x0
  0x36, 0x02, 0x00,                                     // i32.store offset=0
  0x20, 0x01,                                           // local.get $p
  0x20, 0x04,                                           // local.get $x1
  0x36, 0x02, 0x04,                                     // i32.store offset=4
  0x20, 0x01,                                           // local.get $p
  0x20, 0x05,                                           // local.get $x2
  0x36, 0x02, 0x08,                                     // i32.store offset=8
  0x20, 0x01,                                           // local.get $p
  0x20, 0x06,                                           // local.get $x3
  0x36, 0x02, 0x0c,                                     // i32.store offset=12
  0x20, 0x01,                                           // local.get $p
  0x41, 0x18,                                           // i32.const 24
  0x6a,                                                 // i32.add
  0x21, 0x01,                                           // local.set $p
  0x0c, 0x00,                                           // br 0
  0x0b,                                                 // end
  0x0b,                                                 // end
  0x0b,                                                 // end (of the function)
]);

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
  Instance: new (module: object, imports: object) => { exports: { memory: { buffer: ArrayBuffer; grow(pages: number): number }; blocks: (n: number) => void } };
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
