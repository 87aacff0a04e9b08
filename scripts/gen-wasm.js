#!/usr/bin/env node
/**
 * Writes src/stochastic/philoxWasmBytes.ts — the bytes of the simulation's WebAssembly module —
 * from its text, src/stochastic/philox.wat, assembled by wabt's wat2wasm (Apache-2.0, a
 * development dependency only: the product ships the bytes, never the assembler).
 *
 * Why generated: the module is compiled from bytes at run time (philoxWasm.ts), and hand-listed
 * bytes could drift from the text a reviewer reads; src/stochastic/philoxWasm.test.ts assembles
 * the text again and fails when the committed bytes differ.
 *
 *   node scripts/gen-wasm.js          # rewrite the file
 *   node scripts/gen-wasm.js --check  # exit 1 when it is out of date
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const WAT = path.join(ROOT, 'src', 'stochastic', 'philox.wat');
const OUT = path.join(ROOT, 'src', 'stochastic', 'philoxWasmBytes.ts');

/** The module's bytes, assembled from philox.wat (no name section: the bytes carry no debug names). */
async function assemble(text = fs.readFileSync(WAT, 'utf8')) {
  const wabt = await require('wabt')();
  const module = wabt.parseWat('philox.wat', text);
  try {
    module.validate();
    return Uint8Array.from(module.toBinary({ write_debug_names: false }).buffer);
  } finally {
    module.destroy();
  }
}

/** The TypeScript file holding the bytes, 16 to a line. */
function render(bytes) {
  const lines = [];
  for (let i = 0; i < bytes.length; i += 16) {
    lines.push('  ' + Array.from(bytes.subarray(i, i + 16), (b) => '0x' + b.toString(16).padStart(2, '0') + ',').join(' '));
  }
  return `/**
 * The bytes of philox.wat (${bytes.length} bytes), assembled by wabt's wat2wasm: written by
 * scripts/gen-wasm.js — do not edit; change philox.wat and run \`node scripts/gen-wasm.js\`.
 * philoxWasm.test.ts assembles the text again and compares.
 */
export const PHILOX_WASM_BYTES = new Uint8Array([
${lines.join('\n')}
]);
`;
}

async function main() {
  const text = render(await assemble());
  if (process.argv.includes('--check')) {
    const now = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (now !== text) {
      console.error('src/stochastic/philoxWasmBytes.ts is out of date: run node scripts/gen-wasm.js');
      process.exit(1);
    }
    console.log('src/stochastic/philoxWasmBytes.ts is up to date');
    return;
  }
  fs.writeFileSync(OUT, text);
  console.log(`wrote src/stochastic/philoxWasmBytes.ts (${text.length} characters)`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { assemble, render };
