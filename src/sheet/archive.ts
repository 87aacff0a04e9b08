/**
 * An .xlsx package made safe to hand to ExcelJS, in the CLI and the workbench alike: only the
 * parts a reading of the cells needs are kept, and each is inflated once first, its bytes
 * counted as they come, so that a part or a package past its bound (src/sheet/limits.ts) is
 * refused before anything builds on it.
 *
 * Why: ExcelJS inflates every entry of the zip, pictures (xl/media), embedded objects
 * (xl/embeddings), printer settings and macros included, whole and before reading anything: a
 * 1.9 MB file whose picture inflates to 1.9 GB costs 1.9 GB. Here such parts are dropped unread
 * (nothing the workbench or the CLI shows comes from them) and the kept parts are copied into
 * the package ExcelJS reads still compressed, as they were.
 *
 * While counting, the sheets' `<c` elements are counted too: the caller's estimate of the cells
 * it is about to build, checked against its memory budget before ExcelJS builds them.
 *
 * One repair on the way: a cell stored as an ISO 8601 date (`t="d"`, `<v>2025-01-01</v>`, as
 * some writers other than Excel save dates) is rewritten as the Excel serial it stands for
 * (45658) — ExcelJS would read it as the number 2025.
 *
 * JSZip is passed in (the CLI requires Node's build, the page loads its own chunk).
 */
import type JSZip from 'jszip';
import { type PackageLimits, PackageLimitError, sizeText } from './limits';
import { applicationOfAppXml } from './characterSets';
import { type IterationSettings, iterationOfWorkbookXml } from './iteration';

/** The parts read: what ExcelJS reads for cells, styles, names, tables and the metadata sheet. */
const NEEDED = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/styles\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/tables\/table\d+\.xml$/,
  // Its <Application> says which character set CHAR and CODE use (src/sheet/characterSets.ts).
  /^docProps\/app\.xml$/,
  // A sheet's relationships may name its drawing and comments: ExcelJS then needs those parts
  // (XML, bounded like the others); the pictures they show (xl/media) are never read.
  /^xl\/drawings\/[A-Za-z0-9]+\.xml$/,
  /^xl\/drawings\/_rels\/[A-Za-z0-9]+\.xml\.rels$/,
  /^xl\/drawings\/vmlDrawing\d+\.vml$/,
  /^xl\/comments\d+\.xml$/,
];

export function isNeededPart(name: string): boolean {
  const n = name.startsWith('/') ? name.slice(1) : name;
  return NEEDED.some((re) => re.test(n));
}

const SHEET = /^\/?xl\/worksheets\/sheet\d+\.xml$/;

export interface BoundedPackage {
  /** The package to hand to ExcelJS: the needed parts only. */
  readonly bytes: Uint8Array;
  /** `<c` elements in the sheets: an upper estimate of the cells (styled blank cells included). */
  readonly cells: number;
  /** Bytes the kept parts inflate to, all together. */
  readonly inflated: number;
  /** Parts left out unread (pictures, embedded objects, ...). */
  readonly dropped: readonly string[];
  /** docProps/app.xml's <Application> ("Microsoft Macintosh Excel"), if the package names one. */
  readonly application?: string;
  /** xl/workbook.xml's iterative calculation settings (`<calcPr iterate="1" …>`), when it turns iteration on. */
  readonly iteration?: IterationSettings;
}

/** The size an entry declares in the zip's directory (JSZip keeps it on a private field). */
function declaredSize(file: JSZip.JSZipObject): number | undefined {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && size >= 0 ? size : undefined;
}

interface Counted {
  readonly bytes: number;
  readonly cells: number;
  readonly isoDates: boolean;
  /** The sheet's merged ranges (read after </sheetData>, where the format puts them). */
  readonly merges: readonly string[];
  /** Cells the sheet's data validations cover (ExcelJS makes an entry for each). */
  readonly validated: number;
}

/**
 * Inflates one part chunk by chunk without keeping it, counting its bytes; stops as soon as the
 * part or the package (`before` bytes already read) passes its bound.
 */
function countPart(file: JSZip.JSZipObject, name: string, before: number, limits: PackageLimits, sheet: boolean): Promise<Counted> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let cells = 0;
    let isoDates = false;
    let after: string | undefined;
    let carry = '';
    let tail = '';
    const decoder = sheet ? new TextDecoder('utf-8') : undefined;
    let stopped = false;
    // internalStream is JSZip's public streaming reader (its typings list only the zip-level one).
    const stream = (file as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array');
    stream.on('data', (chunk: Uint8Array) => {
      if (stopped) return;
      bytes += chunk.length;
      if (bytes > limits.partBytes || before + bytes > limits.packageBytes) {
        stopped = true;
        stream.pause();
        reject(
          bytes > limits.partBytes
            ? new PackageLimitError(`part ${name} inflates to more than ${sizeText(limits.partBytes)} (the limit for one part; stopped after ${sizeText(bytes)})`)
            : new PackageLimitError(`the parts read inflate to more than ${sizeText(limits.packageBytes)} (the limit for a package; stopped at ${name} after ${sizeText(before + bytes)})`),
        );
        return;
      }
      if (decoder) {
        const decoded = decoder.decode(chunk, { stream: true });
        const text = carry + decoded;
        // "<c " "<c>" "<c/>" (and a line break after the name); the character after "<c" is needed.
        for (let i = text.indexOf('<c'); i >= 0 && i < text.length - 2; i = text.indexOf('<c', i + 2)) {
          const next = text.charCodeAt(i + 2);
          if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) cells++;
        }
        if (!isoDates && /\st\s*=\s*["']d["']/.test(tail + decoded)) isoDates = true;
        if (after !== undefined) after += decoded;
        else {
          const probe = tail + decoded;
          const end = probe.indexOf('</sheetData>');
          if (end >= 0) after = probe.slice(end + 12);
        }
        // A "<c" or "<" at the very end is counted with the next chunk.
        carry = text.endsWith('<c') ? '<c' : text.endsWith('<') ? '<' : '';
        tail = (tail + decoded).slice(-16);
      }
    });
    stream.on('error', (e: Error) => {
      if (stopped) return;
      stopped = true;
      reject(new PackageLimitError(`part ${name} cannot be read (${e.message})`));
    });
    stream.on('end', () => {
      if (stopped) return;
      const merges = after === undefined ? [] : [...after.matchAll(/<mergeCell\b[^>]*\bref\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]);
      const validated =
        after === undefined
          ? 0
          : [...after.matchAll(/<dataValidation\b[^>]*\bsqref\s*=\s*["']([^"']*)["']/g)].reduce((n, m) => n + m[1].split(/\s+/).reduce((k, ref) => k + rangeArea(ref), 0), 0);
      resolve({ bytes, cells, isoDates, merges, validated });
    });
    stream.resume();
  });
}

/**
 * Reads a package's directory, refuses it past its bounds, and returns the package of the
 * needed parts. Throws PackageLimitError with the figures; JSZip's own error for a file that is
 * not a zip at all.
 */
export async function boundedPackage(bytes: Uint8Array, Zip: typeof JSZip, limits: PackageLimits): Promise<BoundedPackage> {
  const zip = await Zip.loadAsync(bytes);
  const dropped: string[] = [];
  const kept: Array<[string, JSZip.JSZipObject]> = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (isNeededPart(name)) kept.push([name, file]);
    else dropped.push(name);
  }
  let declared = 0;
  for (const [name, file] of kept) {
    const size = declaredSize(file);
    if (size === undefined) continue;
    // What the directory declares is refused at once; what it hides is caught while inflating.
    if (size > limits.partBytes) throw new PackageLimitError(`part ${name} declares ${sizeText(size)} inflated, more than ${sizeText(limits.partBytes)} (the limit for one part)`);
    declared += size;
  }
  if (declared > limits.packageBytes) throw new PackageLimitError(`the parts read declare ${sizeText(declared)} inflated, more than ${sizeText(limits.packageBytes)} (the limit for a package)`);
  let inflated = 0;
  let cells = 0;
  const withDates: string[] = [];
  const hugeMerges = new Map<string, string[]>();
  const hugeValidations = new Set<string>();
  for (const [name, file] of kept) {
    const sheet = SHEET.test(name);
    const c = await countPart(file, name, inflated, limits, sheet);
    inflated += c.bytes;
    cells += c.cells;
    if (c.isoDates) withDates.push(name);
    // ExcelJS makes a cell for every cell a merge covers: a merge of B2:XFD1048576 is 17 billion
    // cells. Merged cells cost like cells; a merge past a million cells is left out of what
    // ExcelJS reads (Excel keeps only the top-left value of a merge: the cells it covers are blank
    // in the file anyway), and saving from the workbench keeps the file's merges as they were.
    // The same for data validations (nothing here reads them; saving keeps the file's own).
    if (c.validated > MAX_MERGED_CELLS) hugeValidations.add(name);
    for (const ref of c.merges) {
      const area = rangeArea(ref);
      if (area > MAX_MERGED_CELLS) hugeMerges.set(name, [...(hugeMerges.get(name) ?? []), ref]);
      else cells += area;
    }
  }
  for (const name of dropped) zip.remove(name);
  // Bounded like every kept part: counted above within the limits.
  const appXml = await zip.file(/^\/?docProps\/app\.xml$/)[0]?.async('string');
  const application = appXml === undefined ? undefined : applicationOfAppXml(appXml);
  const workbookXml = await zip.file(/^\/?xl\/workbook\.xml$/)[0]?.async('string');
  const iteration = workbookXml === undefined ? undefined : iterationOfWorkbookXml(workbookXml);
  for (const name of new Set([...withDates, ...hugeMerges.keys(), ...hugeValidations])) {
    const file = zip.file(name);
    if (!file) continue;
    let xml = await file.async('string');
    if (withDates.includes(name)) xml = isoDatesToSerials(xml);
    const huge = new Set(hugeMerges.get(name) ?? []);
    if (hugeValidations.has(name)) xml = xml.replace(/<dataValidations\b[^>]*\/>|<dataValidations\b[\s\S]*?<\/dataValidations>/g, '');
    if (huge.size > 0) xml = xml.replace(/<mergeCell\b[^>]*\bref\s*=\s*["']([^"']*)["'][^>]*\/>/g, (m: string, ref: string) => (huge.has(ref) ? '' : m));
    zip.file(name, xml);
  }
  // Kept parts keep their compressed bytes (JSZip copies an entry whose method is unchanged).
  const out = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes: out, cells, inflated, dropped, application, ...(iteration ? { iteration } : {}) };
}

/**
 * The package again without what ExcelJS's reader cannot always parse and a reading of the cells
 * does not need: autofilters (of sheets and tables), sorting state, conditional formatting, data
 * validation and the extension lists (x14 conditional formats, sparklines, slicers). Excel-saved
 * workbooks carry forms of these that ExcelJS 4.4 throws on — an autofilter by icon
 * (`<iconFilter>`), a query table's autofilter with hidden buttons ("Cannot set properties of
 * undefined (setting 'filterButton')") — and one of them made the whole workbook unreadable.
 * Used only when ExcelJS refused the package as it was: the cells, formulas, names, styles and
 * tables are read from the same parts, and saving from the workbench writes the file's own parts
 * back untouched (src/workbench/xlsxPackage.ts).
 */
export async function leanPackage(bytes: Uint8Array, Zip: typeof JSZip): Promise<Uint8Array> {
  const zip = await Zip.loadAsync(bytes);
  const element = (name: string) => new RegExp(`<(?:\\w+:)?${name}\\b[^>]*/>|<((?:\\w+:)?${name})\\b[^>]*>[\\s\\S]*?</\\1>`, 'g');
  const SHEET_PARTS = ['autoFilter', 'sortState', 'conditionalFormatting', 'dataValidations', 'extLst'];
  for (const name of Object.keys(zip.files)) {
    const n = name.startsWith('/') ? name.slice(1) : name;
    const drop = SHEET.test(name) ? SHEET_PARTS : /^xl\/tables\/table\d+\.xml$/.test(n) ? ['autoFilter', 'sortState', 'extLst'] : undefined;
    if (!drop) continue;
    const file = zip.file(name);
    if (!file) continue;
    let xml = await file.async('string');
    for (const part of drop) xml = xml.replace(element(part), '');
    zip.file(name, xml);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** The largest merge ExcelJS is given (see boundedPackage). */
const MAX_MERGED_CELLS = 1 << 20;

/** Cells of a range "B2:D10" (a single cell "B2": 1; unreadable: 0). */
function rangeArea(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return 0;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

const MS_PER_DAY = 86400000;
const UNIX_EPOCH_SERIAL = 25569;

/**
 * An ISO 8601 date or date-time (2025-01-01, 2025-01-01T12:00:00, optional fraction and Z) →
 * its Excel serial in the 1900 date system (2025-01-01 → 45658; 1900-01-01 → 1, with Excel's
 * phantom 1900-02-29 before 1900-03-01); undefined for any other text.
 */
export function isoToSerial(text: string): number | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z)?)?\s*$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined; // 2025-02-30
  const days = (t + UNIX_EPOCH_SERIAL * MS_PER_DAY) / MS_PER_DAY;
  const serial = days < 61 ? days - 1 : days;
  return serial < 1 ? undefined : serial; // before 1900-01-01: Excel has no serial for it
}

/**
 * A sheet part with every `t="d"` cell rewritten: an ISO value becomes its serial (a number
 * cell), any other value stays as text (`t="str"`).
 */
export function isoDatesToSerials(xml: string): string {
  let out = '';
  let at = 0;
  const tag = /<c\b[^>]*>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const open = m[0];
    const t = /\st\s*=\s*(["'])d\1/.exec(open);
    if (!t) continue;
    const selfClosing = open.endsWith('/>');
    const end = selfClosing ? m.index + open.length : xml.indexOf('</c>', m.index + open.length);
    if (end < 0) break;
    const body = selfClosing ? '' : xml.slice(m.index + open.length, end);
    const v = /<v>([^<]*)<\/v>/.exec(body);
    const serial = v ? isoToSerial(v[1]) : undefined;
    const newOpen = open.replace(t[0], serial === undefined && v ? ' t="str"' : '');
    const newBody = v && serial !== undefined ? body.replace(v[0], `<v>${serial}</v>`) : body;
    out += xml.slice(at, m.index) + newOpen + newBody;
    at = end;
    tag.lastIndex = end;
  }
  return out + xml.slice(at);
}
