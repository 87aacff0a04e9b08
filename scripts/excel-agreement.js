#!/usr/bin/env node
/**
 * How often our evaluator computes what Excel computed: runs the evaluation the CLI uses
 * (src/sheet, compiled to lib/ by `npm run build:cli`) on every .xlsx workbook of a folder and
 * compares each formula cell with the value Excel cached in the file when it last saved it.
 *
 *   node scripts/excel-agreement.js FOLDER [--lib DIR] [--worst N] [--json]
 *
 * A cell agrees when both are numbers within 1e-9 relative (1e-9 absolute near zero), or both
 * are the same text, boolean or error code. Cells of an array formula's range count one by one.
 * A formula cell without a cached value (never calculated by Excel) is not counted. Reported per
 * workbook and overall, with the worst disagreements (numbers by relative difference first, then
 * by kind) so that the most common causes can be found and fixed.
 *
 * Only the workbooks are read: nothing is written. Workbooks that other projects saved with real
 * Excel make a fair corpus; do not commit them here.
 */
'use strict';
const fs = require('fs');
const path = require('path');

function parseArgs(argv) {
  const args = { folder: undefined, lib: path.join(__dirname, '..', 'lib'), worst: 30, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lib') args.lib = path.resolve(argv[++i]);
    else if (a === '--worst') args.worst = Number(argv[++i]);
    else if (a === '--json') args.json = true;
    else if (!args.folder) args.folder = a;
    else throw new Error(`unexpected argument ${a}`);
  }
  if (!args.folder) throw new Error('usage: node scripts/excel-agreement.js FOLDER [--lib DIR] [--worst N] [--json]');
  return args;
}

/** A cached value as ExcelJS reads it → number | string | boolean | {error} | undefined. */
function cachedOf(v, dateToSerial) {
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : dateToSerial(v);
  if (typeof v === 'object' && typeof v.error === 'string') return { error: v.error };
  if (typeof v === 'object' && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
  // The file escapes control characters as _xHHHH_; ExcelJS hands them over escaped.
  if (typeof v === 'string') return v.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  return v;
}

function ours(v) {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return { error: v.error, message: v.message };
  return v;
}

/** 0 when equal; otherwise a badness used to rank disagreements (larger is worse). */
function difference(expected, actual) {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(expected), Math.abs(actual));
    const d = Math.abs(expected - actual);
    if (d <= 1e-9 * Math.max(scale, 1)) return 0;
    return 1 + Math.min(d / Math.max(scale, 1e-300), 1e6);
  }
  if (expected !== null && typeof expected === 'object') {
    return actual !== null && typeof actual === 'object' && actual.error === expected.error ? 0 : 2e6;
  }
  if (expected === '' && actual === null) return 0; // Excel caches "" where a formula gave empty text
  return expected === actual ? 0 : 3e6;
}

function show(v) {
  if (v === null) return '(blank)';
  if (typeof v === 'object') return v.message ? `${v.error} (${v.message})` : v.error;
  return JSON.stringify(v);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const ExcelJS = require('exceljs');
  const { readWorkbookContent, dateToSerial } = require(path.join(args.lib, 'sheet', 'xlsx.js'));
  const { evaluateWorkbook } = require(path.join(args.lib, 'sheet', 'workbook.js'));
  const { applicationOfAppXml, characterSetOfApplication } = require(path.join(args.lib, 'sheet', 'characterSets.js'));
  const JSZip = require('jszip');
  const linksFile = path.join(args.lib, 'sheet', 'externalLinks.js');
  const { readWorkbookParts } = fs.existsSync(linksFile) ? require(linksFile) : {};
  // Older builds (--lib) have no iteration module: iteration then stays off.
  const iterationOfWorkbookXml = fs.existsSync(path.join(args.lib, 'sheet', 'iteration.js')) ? require(path.join(args.lib, 'sheet', 'iteration.js')).iterationOfWorkbookXml : undefined;
  const files = fs
    .readdirSync(args.folder)
    .filter((f) => f.toLowerCase().endsWith('.xlsx') && !f.startsWith('~$'))
    .sort();
  const rows = [];
  const worst = [];
  let total = 0;
  let agreed = 0;
  for (const file of files) {
    const full = path.join(args.folder, file);
    const row = { file, cells: 0, agreed: 0, failed: undefined };
    rows.push(row);
    try {
      let wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.readFile(full);
      } catch (first) {
        // As the CLI reads it (src/cli/read-xlsx.ts): without the filters ExcelJS cannot parse.
        const { leanPackage } = require(path.join(args.lib, 'sheet', 'archive.js'));
        if (!leanPackage) throw first;
        wb = new ExcelJS.Workbook();
        await wb.xlsx.load(await leanPackage(fs.readFileSync(full), JSZip));
      }
      const zip = await JSZip.loadAsync(fs.readFileSync(full));
      // Names as stored and linked workbooks' cached values, as the CLI reads them (src/sheet/externalLinks.ts).
      const parts = readWorkbookParts ? await readWorkbookParts(zip, 256 * 1024 * 1024) : undefined;
      const content = readWorkbookContent(wb, ExcelJS.ValueType, { parts });
      // CHAR and CODE as the application that cached the values computed them (Mac Excel: Mac Roman).
      const appXml = await zip.file('docProps/app.xml')?.async('string');
      const characterSet = characterSetOfApplication(appXml === undefined ? undefined : applicationOfAppXml(appXml));
      // Iterative calculation as the workbook turns it on (<calcPr iterate="1">), as the CLI reads it.
      const workbookXml = await zip.file('xl/workbook.xml')?.async('string');
      const iteration = workbookXml === undefined || !iterationOfWorkbookXml ? undefined : iterationOfWorkbookXml(workbookXml);
      // The workbook's date system (<workbookPr date1904="1"/>), as the CLI reads it: dates and cached dates in it.
      const date1904 = content.date1904 === true;
      const toSerial = (d) => dateToSerial(d, date1904);
      const results = evaluateWorkbook(content.sheets, { names: content.names, tables: content.tables, characterSet, iteration, date1904 });
      // ExcelJS drops a formula's cached result when it is 0 (its reader tests the value's truth):
      // those cells are read from the sheet's XML, so that they are counted like any other.
      const zeros = await cachedZeros(zip, workbookXml);
      wb.worksheets.forEach((sheet, k) => {
        const values = results[k].values;
        const sheetZeros = zeros.get(sheet.name) ?? new Set();
        const expect = new Map(); // "r,c" -> cached
        sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
          r.eachCell({ includeEmpty: false }, (cell, colNumber) => {
            const model = cell.value;
            // A formula with an error result is typed as an error cell by ExcelJS: look at the model.
            if (typeof model !== 'object' || model === null || (typeof model.formula !== 'string' && typeof model.sharedFormula !== 'string')) return;
            const cachedZero = model.result === undefined && sheetZeros.has(cell.address);
            expect.set(`${rowNumber - 1},${colNumber - 1}`, { cached: cachedZero ? 0 : cachedOf(model.result, toSerial), formula: model.formula ?? model.sharedFormula });
            if (model.shareType === 'array' && model.ref) {
              const [a, b] = model.ref.split(':');
              const m1 = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
              const m2 = /^\$?([A-Z]+)\$?(\d+)$/.exec(b ?? a);
              if (!m1 || !m2) return;
              const col = (s) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
              for (let rr = Number(m1[2]); rr <= Number(m2[2]); rr++) {
                for (let cc = col(m1[1]); cc <= col(m2[1]); cc++) {
                  if (rr === rowNumber && cc === colNumber) continue;
                  const other = sheet.getCell(rr, cc);
                  expect.set(`${rr - 1},${cc - 1}`, { cached: cachedOf(other.value, toSerial), formula: `{${model.formula}}` });
                }
              }
            }
          });
        });
        for (const [key, { cached, formula }] of expect) {
          if (cached === undefined) continue;
          const [r, c] = key.split(',').map(Number);
          const actual = ours(values[r]?.[c]);
          const d = difference(cached, actual);
          row.cells++;
          if (d === 0) row.agreed++;
          else worst.push({ d, cell: sheet.getCell(r + 1, c + 1).address, sheet: sheet.name, file, formula, excel: show(cached), ours: show(actual) });
        }
      });
    } catch (e) {
      row.failed = e instanceof Error ? e.message : String(e);
    }
    total += row.cells;
    agreed += row.agreed;
  }
  worst.sort((a, b) => b.d - a.d);
  const top = worst.slice(0, args.worst).map(({ file, sheet, cell, formula, excel, ours: o }) => ({ file, sheet, cell, formula, excel, ours: o }));
  const failed = rows.filter((r) => r.failed);
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ total, agreed, share: total ? agreed / total : 1, workbooks: rows, failed: failed.length, worst: top }, null, 2)}\n`);
    return;
  }
  const pct = (a, n) => (n ? `${((100 * a) / n).toFixed(1)}%` : '-');
  for (const r of rows) console.log(`${pct(r.agreed, r.cells).padStart(7)}  ${String(r.agreed).padStart(6)}/${String(r.cells).padEnd(6)} ${r.file}${r.failed ? `  FAILED: ${r.failed}` : ''}`);
  console.log(`\noverall: ${agreed}/${total} formula cells agree with Excel's cached values (${pct(agreed, total)}); ${failed.length} workbook(s) failed as a whole`);
  if (top.length) {
    console.log(`\nworst ${top.length} disagreements:`);
    for (const w of top) console.log(`  ${w.file} ${w.sheet}!${w.cell}  =${w.formula}\n      Excel ${w.excel}   ours ${w.ours}`);
  }
}

/**
 * Sheet name → the addresses of its formula cells whose cached value is the number 0
 * (`<c r="A1"><f>…</f><v>0</v></c>`, no type or type n), read from the package itself.
 */
async function cachedZeros(zip, workbookXml) {
  const out = new Map();
  if (!workbookXml) return out;
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const target = new Map();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const t = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const unescape = (t) => t.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = rid && target.get(rid);
    const xml = part && (await zip.file(part)?.async('string'));
    if (!name || !xml) continue;
    const set = new Set();
    for (const c of xml.matchAll(/<c\b([^>]*)>([\s\S]*?)<\/c>/g)) {
      const attrs = c[1];
      const type = /\bt="([^"]*)"/.exec(attrs)?.[1];
      if (type && type !== 'n') continue;
      if (!/<f\b/.test(c[2]) || !/<v>\s*-?0(\.0*)?([eE][+-]?\d+)?\s*<\/v>/.test(c[2])) continue;
      const r = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      if (r) set.add(r);
    }
    out.set(unescape(name), set);
  }
  return out;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
