#!/usr/bin/env node
/**
 * Big honest files (issue 12, item 6): `cyberbi calc` on generated CSV and .xlsx files of 100,000
 * and 1,000,000 cells (full run; --quick: 100,000 only), of three kinds — numbers, short texts,
 * and formulas (one number column, every other cell =A{r}*k+1) — each a whole process in its own
 * child, with its peak RSS (scripts/bench-rss.js, preloaded) and its time. Per cell: the time and
 * the peak RSS above a one-cell file of the same format, which is what the CLI's memory budget
 * (src/cli/budget.ts) estimates from. Every run must exit 0 and print as many lines as rows.
 *
 * The .xlsx files are written directly (sheet XML with inline strings, deflated with zlib, a
 * plain zip): ExcelJS would take longer to write a million cells than the CLI takes to read them.
 *
 *   node scripts/bench-bigfiles.js [--quick]     this section alone, printed as a table
 *   (npm run bench runs it as its section 7)
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');
const zlib = require('node:zlib');
const { Buffer } = require('node:buffer');

const root = path.resolve(__dirname, '..');
const RSS_HOOK = path.join(__dirname, 'bench-rss.js');
const BIN = path.join(root, 'bin', 'cyberbi.js');
const COLS = 10;
const KINDS = ['numbers', 'text', 'formulas'];

function value(kind, r, c) {
  if (kind === 'numbers') return ((r * 7919 + c * 104729) % 1000003) / 8;
  if (kind === 'text') return `claim ${r}-${c}`;
  return c === 0 ? r : `=A${r}*${c + 1}+1`;
}

function csvFile(file, kind, rows) {
  const fd = fs.openSync(file, 'w');
  let chunk = '';
  for (let r = 1; r <= rows; r++) {
    const fields = [];
    for (let c = 0; c < COLS; c++) fields.push(String(value(kind, r, c)));
    chunk += `${fields.join(',')}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

const CRC = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();
function crc32(buf) {
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = CRC[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function zipOf(entries) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const raw = Buffer.from(text, 'utf8');
    const data = zlib.deflateRawSync(raw, { level: 1 });
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(n.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc32(raw), 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(raw.length, 24);
    cd.writeUInt16LE(n.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, n, data);
    central.push(cd, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const letter = (c) => String.fromCharCode(65 + c);
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function xlsxFile(file, kind, rows) {
  const out = [];
  for (let r = 1; r <= rows; r++) {
    let cells = '';
    for (let c = 0; c < COLS; c++) {
      const v = value(kind, r, c);
      const ref = `${letter(c)}${r}`;
      if (typeof v === 'number') cells += `<c r="${ref}"><v>${v}</v></c>`;
      else if (v.startsWith('=')) cells += `<c r="${ref}"><f>${esc(v.slice(1))}</f></c>`;
      else cells += `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    }
    out.push(`<row r="${r}">${cells}</row>`);
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><sheetData>${out.join('')}</sheetData></worksheet>`;
  fs.writeFileSync(
    file,
    zipOf([
      ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`],
      ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
      ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="Big" sheetId="1" r:id="rId1"/></sheets></workbook>`],
      ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
      ['xl/worksheets/sheet1.xml', sheet],
    ]),
  );
}

/** One whole `cyberbi calc` process: seconds, peak RSS (bytes), output lines. */
function run(file) {
  const rssFile = `${file}.rss.json`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', RSS_HOOK, BIN, 'calc', file], {
    cwd: root,
    env: { ...process.env, CYBERBI_BENCH_RSS_FILE: rssFile },
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`cyberbi calc ${path.basename(file)} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  const { maxRSS } = JSON.parse(fs.readFileSync(rssFile, 'utf8'));
  return { seconds, rss: maxRSS, lines: r.stdout.length === 0 ? 0 : r.stdout.split('\n').length - 1 };
}

function benchBigFiles({ quick = false, progress = () => {} } = {}) {
  const sizes = quick ? [100000] : [100000, 1000000];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-bench-bigfiles-'));
  const rows = [];
  const per = [];
  try {
    const base = {};
    for (const format of ['csv', 'xlsx']) {
      const f = path.join(dir, `one.${format}`);
      if (format === 'csv') fs.writeFileSync(f, '1\n');
      else xlsxFile(f, 'numbers', 0);
      base[format] = run(f);
      if (format === 'xlsx' && base[format].lines !== 0) throw new Error('the empty .xlsx printed lines');
    }
    for (const cells of sizes) {
      const n = cells / COLS;
      for (const format of ['csv', 'xlsx']) {
        for (const kind of KINDS) {
          const f = path.join(dir, `${kind}-${cells}.${format}`);
          progress(`${format} ${kind} ${cells.toLocaleString('en-US')} cells`);
          (format === 'csv' ? csvFile : xlsxFile)(f, kind, n);
          const r = run(f);
          if (r.lines !== n) throw new Error(`${path.basename(f)}: ${r.lines} lines printed, not ${n}`);
          const label = `bigfile ${format} ${(cells / 1000).toLocaleString('en-US')}k ${kind}`;
          const bytesPerCell = Math.max(0, r.rss - base[format].rss) / cells;
          const usPerCell = (Math.max(0, r.seconds - base[format].seconds) / cells) * 1e6;
          rows.push({ key: `${label}: whole process`, value: r.seconds, unit: 's' });
          rows.push({ key: `${label}: peak RSS`, value: r.rss, unit: 'MiB' }); // bytes, printed in MiB
          rows.push({ key: `${label}: time per cell`, value: usPerCell, unit: 'µs' });
          rows.push({ key: `${label}: memory per cell`, value: bytesPerCell, unit: 'B' });
          per.push({ format, kind, cells, bytesPerCell, usPerCell, size: fs.statSync(f).size });
          fs.rmSync(f);
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const heap = v8.getHeapStatistics().heap_size_limit;
  const budget = heap - 256 * 2 ** 20;
  const worst = (format) => Math.max(...per.filter((p) => p.format === format).map((p) => p.bytesPerCell));
  const lines = [
    `Files: ${COLS} columns; numbers, short texts ("claim r-c"), or formulas (=A{r}*k+1 beside a number column); the .xlsx with inline strings. Each run is a whole process (start, read, evaluate, print CSV) in its own child; per cell = (run − a one-cell file's run) ÷ cells.`,
    `Memory budget (src/cli/budget.ts): Node's heap limit less 256 MiB = ${(budget / 2 ** 30).toFixed(2)} GiB on this machine; the CLI refuses a file (exit 2, with the figures) whose estimate — 1,024 B a CSV cell or 2,048 B an .xlsx cell, plus 6 B per byte of input — exceeds it. Measured worst cases here: ${Math.round(worst('csv'))} B a CSV cell, ${Math.round(worst('xlsx'))} B an .xlsx cell (the estimate must stay above them).`,
    `At the estimates the budget holds about ${Math.floor(budget / 1024 / 1e5) / 10} million CSV cells or ${Math.floor(budget / 2048 / 1e5) / 10} million .xlsx cells; NODE_OPTIONS=--max-old-space-size=MB raises it.`,
  ];
  return { rows, lines, per, budget };
}

module.exports = { benchBigFiles, csvFile, xlsxFile };

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const { rows, lines } = benchBigFiles({ quick, progress: (m) => process.stderr.write(`… ${m}\n`) });
  const w = Math.max(...rows.map((r) => r.key.length));
  const shown = (r) => (r.unit === 'MiB' ? (r.value / 2 ** 20).toFixed(0) : r.value.toFixed(r.unit === 'B' ? 0 : 3));
  for (const r of rows) console.log(`${r.key.padEnd(w)}  ${shown(r).padStart(10)} ${r.unit}`);
  for (const l of lines) console.log(l);
}
