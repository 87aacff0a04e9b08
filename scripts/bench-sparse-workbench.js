#!/usr/bin/env node
/**
 * Sparse sheets in the workbench's model (issue 12 item 3, "Sparse sheets cost what their cells
 * cost"), measured in Node (src/workbench/model.ts and xlsx.ts are DOM-free): each case is its
 * own child process, which opens a generated .xlsx into the model, edits, undoes, redoes and
 * saves, and reports per step the CPU time (process.cpuUsage: the machine may be shared) and the
 * heap in use after a forced collection (process.memoryUsage, --expose-gc), and at the end its
 * peak resident set (process.resourceUsage().maxRSS). Values are checked as it goes.
 *
 *   node scripts/bench-sparse-workbench.js [--runs N] [--case far|stray]
 *   best of N runs per step (default 3); one case only when --case is given
 *
 * The cases:
 *   - far corner: A1 = 1, XFC1048575 = A1+XFD1048576, XFD1048576 = 7 (a 1.8 KB file whose
 *     rectangle is 17 billion cells);
 *   - stray column: 20,000 rows of A = n, B = A*2, and one stray value at XFD7 (a rectangle of
 *     327 million cells).
 * BENCH_MODEL_TS=<file> measures another model.ts in place of src/workbench/model.ts (e.g. the
 * one before the change: `git show <commit>:src/workbench/model.ts > /tmp/model.ts`).
 *
 * The workbench's TypeScript (src/ and test/support/) is transpiled (typescript.transpileModule,
 * no type check) into a temporary directory; the child loads that JavaScript.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SELF = path.join(__dirname, 'bench-sparse-workbench.js');
const MiB = 1024 * 1024;

function transpile(dir) {
  const ts = require('typescript');
  const walk = (d) =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(d, e.name);
      if (e.isDirectory()) return walk(full);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
    });
  const replaced = process.env.BENCH_MODEL_TS;
  for (const src of [...walk(path.join(root, 'src')), ...walk(path.join(root, 'test', 'support'))]) {
    const out = path.join(dir, path.relative(root, src)).replace(/\.tsx?$/, '.js');
    const isModel = path.relative(root, src) === path.join('src', 'workbench', 'model.ts');
    const text = fs.readFileSync(isModel && replaced ? replaced : src, 'utf8');
    const { outputText } = ts.transpileModule(text, {
      fileName: src,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, resolveJsonModule: true, jsx: ts.JsxEmit.ReactJSX },
    });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, outputText);
  }
}

/** The child: one case, its steps timed; prints JSON. */
async function child(compiled, which) {
  const ExcelJS = require('exceljs');
  const { openXlsx, saveXlsx } = require(path.join(compiled, 'src', 'workbench', 'xlsx.js'));
  const { cell, row, sheetXml, workbook } = require(path.join(compiled, 'test', 'support', 'hostile.js'));
  const check = (what, got, want) => {
    if (got !== want) throw new Error(`${what}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  };
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const heap = () => {
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  const steps = [];
  const base = heap();
  const step = async (name, f) => {
    const t = cpu();
    const value = await f();
    const seconds = cpu() - t;
    steps.push({ name, seconds, heap: heap() - base });
    return value;
  };
  let bytes;
  let model;
  if (which === 'far') {
    bytes = workbook([['S', sheetXml(row(1, cell('A1', 1)) + row(1048575, '<c r="XFC1048575"><f>A1+XFD1048576</f></c>') + row(1048576, cell('XFD1048576', 7)))]]);
    model = await step('open', () => openXlsx(bytes, ExcelJS));
    check('XFC1048575', model.getValue('S', 1048574, 16382), 8);
    await step('edit XFD1048576', () => model.setInput('S', 1048575, 16383, 40));
    check('XFC1048575 after the edit', model.getValue('S', 1048574, 16382), 41);
    await step('undo', () => model.undo());
    check('XFC1048575 after undo', model.getValue('S', 1048574, 16382), 8);
    await step('redo', () => model.redo());
    check('XFC1048575 after redo', model.getValue('S', 1048574, 16382), 41);
    const saved = await step('save', () => saveXlsx(model, ExcelJS));
    const again = await openXlsx(saved, ExcelJS);
    check('saved XFD1048576', again.getValue('S', 1048575, 16383), 40);
  } else {
    let rows = '';
    for (let i = 1; i <= 20000; i++) rows += row(i, cell(`A${i}`, i) + `<c r="B${i}"><f>A${i}*2</f></c>` + (i === 7 ? cell('XFD7', 5) : ''));
    bytes = workbook([['S', sheetXml(rows)]]);
    model = await step('open', () => openXlsx(bytes, ExcelJS));
    await step('edit A10000', () => model.setInput('S', 9999, 0, 1));
    check('B10000 after the edit', model.getValue('S', 9999, 1), 2);
    await step('undo', () => model.undo());
    check('B10000 after undo', model.getValue('S', 9999, 1), 20000);
    await step('redo', () => model.redo());
    check('B10000 after redo', model.getValue('S', 9999, 1), 2);
    await step('insert a row', () => model.insertRows('S', 5, 1));
    check('XFD8 after the insert', model.getValue('S', 7, 16383), 5);
    await step('undo the insert', () => model.undo());
    await step('save', () => saveXlsx(model, ExcelJS));
  }
  if (model.historyProblem) throw new Error(`the engine was rebuilt: ${model.historyProblem}`);
  process.stdout.write(JSON.stringify({ bytes: bytes.length, steps, maxRss: process.resourceUsage().maxRSS * 1024 }));
}

function main() {
  const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const runs = Number(arg('--runs')) || 3;
  const only = arg('--case');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-bench-sparse-'));
  try {
    const compiled = path.join(dir, 'compiled');
    transpile(compiled);
    for (const [which, label] of [
      ['far', 'one value at XFD1048576 (A1, XFC1048575 = A1+XFD1048576, XFD1048576)'],
      ['stray', '20,000 rows (A = n, B = A*2) and one stray value at XFD7'],
    ]) {
      if (only !== undefined && only !== which) continue;
      const results = [];
      for (let i = 0; i < runs; i++) {
        const r = spawnSync(process.execPath, ['--expose-gc', SELF, '--child', compiled, which], { encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') }, maxBuffer: 16 * MiB });
        if (r.status !== 0) {
          console.error(`${label}: the child failed (status ${r.status}, signal ${r.signal})\n${(r.stderr || '').slice(-2000)}`);
          process.exitCode = 1;
          break;
        }
        results.push(JSON.parse(r.stdout));
      }
      if (results.length === 0) continue;
      console.log(`\n${label}: ${results[0].bytes.toLocaleString('en-US')} B, best of ${results.length}; peak RSS ${(Math.min(...results.map((x) => x.maxRss)) / MiB).toFixed(0)} MB`);
      console.log('step                   CPU s   heap after GC, MB (above start)');
      results[0].steps.forEach((s, k) => {
        const best = Math.min(...results.map((x) => x.steps[k].seconds));
        const h = Math.min(...results.map((x) => x.steps[k].heap));
        console.log(`${s.name.padEnd(22)} ${best.toFixed(3).padStart(6)}   ${(h / MiB).toFixed(1).padStart(7)}`);
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3], process.argv[4]).catch((e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  });
} else main();
