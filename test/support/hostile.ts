/**
 * Hostile and oversized input files, generated at test time (never committed): minimal .xlsx
 * packages written entry by entry, so a test can declare any cell address, any part, and a
 * "zip bomb" entry whose few compressed bytes inflate to gigabytes.
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** The entry's bytes as stored (already deflated when `deflated`). */
  readonly data: Buffer;
  readonly deflated: boolean;
  /** The size the entry declares once inflated. */
  readonly size: number;
  readonly crc: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A part deflated as any zip writer would. */
export function part(name: string, text: string | Buffer): ZipEntry {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return { name, data: zlib.deflateRawSync(raw), deflated: true, size: raw.length, crc: crc32(raw) };
}

/**
 * An entry of `megabytes` MiB of zeros in about a thousandth of that: a 1 MiB block of zeros
 * deflated once, after a full flush (so the block does not depend on what came before),
 * repeated, and closed by an empty final block. The CRC is not computed (nothing that reads
 * this entry should ever inflate it).
 */
export function bomb(name: string, megabytes: number): ZipEntry {
  // A full flush ends the block byte-aligned, without a final block and with no reference to
  // earlier bytes: the same bytes are 1 MiB more of zeros wherever they are repeated.
  const block = zlib.deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const chunks: Buffer[] = new Array<Buffer>(megabytes).fill(block);
  chunks.push(Buffer.from([0x03, 0x00])); // an empty final block (fixed Huffman, end of block)
  return { name, data: Buffer.concat(chunks), deflated: true, size: megabytes * (1 << 20), crc: 0 };
}

/** A zip file of the entries (no zip64: every size below 4 GiB). */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.deflated ? 8 : 0, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.deflated ? 8 : 0, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A sheet part holding the given `<row>` elements (their XML as given). */
export function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${rows}</sheetData></worksheet>`;
}

/** `<c>` of a number (or of any value with `t`). */
export function cell(ref: string, value: string | number, t?: string): string {
  return `<c r="${ref}"${t ? ` t="${t}"` : ''}><v>${value}</v></c>`;
}

/** A row element of cells (the row number is read from the first cell's reference). */
export function row(n: number, cells: string): string {
  return `<row r="${n}">${cells}</row>`;
}

/**
 * A complete minimal workbook: one sheet per entry of `sheets` (name → sheet XML), and any
 * extra entries (media, embeddings, bombs).
 */
export function workbook(sheets: ReadonlyArray<readonly [string, string]>, extra: readonly ZipEntry[] = []): Buffer {
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
    .map((_, k) => `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('')}</Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const book = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheets
    .map(([name], k) => `<sheet name="${name}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const bookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, k) => `<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`)
    .join('')}</Relationships>`;
  return zip([
    part('[Content_Types].xml', types),
    part('_rels/.rels', rels),
    part('xl/workbook.xml', book),
    part('xl/_rels/workbook.xml.rels', bookRels),
    ...sheets.map(([, xml], k) => part(`xl/worksheets/sheet${k + 1}.xml`, xml)),
    ...extra,
  ]);
}
