/**
 * The text of a PDF that Chromium printed (page.pdf), page by page, for tests: no PDF library is
 * a dependency, and Chromium's output is regular — uncompressed object table, Flate-compressed
 * content streams, text shown with Tj/TJ in the codes of fonts whose ToUnicode CMaps say which
 * characters they are. Enough for that output; not a general PDF reader.
 */
import * as zlib from 'zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+)\s+0\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    if (s >= 0 && /^stream\r?\n/.test(body.slice(s))) {
      const dict = body.slice(0, s);
      const dataStart = start + s + (body[s + 6] === '\r' ? 8 : 7);
      const length = /\/Length\s+(\d+)(?!\s+0\s+R)/.exec(dict);
      const dataEnd = length ? dataStart + Number(length[1]) : start + body.lastIndexOf('endstream');
      let data = pdf.subarray(dataStart, dataEnd);
      if (/\/FlateDecode/.test(dict)) data = zlib.inflateSync(data);
      out.set(Number(m[1]), { dict, stream: data });
    } else {
      out.set(Number(m[1]), { dict: body });
    }
    re.lastIndex = end;
  }
  return out;
}

/** The dictionary text after /Key: an inline << … >> or the referenced object's dictionary. */
function dictOf(objs: Map<number, PdfObject>, dict: string, key: string): string {
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return '';
  const rest = dict.slice(at + key.length + 1).trimStart();
  const ref = /^(\d+)\s+0\s+R/.exec(rest);
  if (ref) return objs.get(Number(ref[1]))?.dict ?? '';
  if (!rest.startsWith('<<')) return '';
  let depth = 0;
  for (let i = 0; i < rest.length - 1; i++) {
    if (rest.startsWith('<<', i)) {
      depth++;
      i++;
    } else if (rest.startsWith('>>', i)) {
      depth--;
      i++;
      if (depth === 0) return rest.slice(0, i + 1);
    }
  }
  return rest;
}

interface CMap {
  readonly bytes: number;
  readonly map: Map<number, string>;
}

function utf16(hex: string): string {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
}

function parseCMap(text: string): CMap {
  const map = new Map<number, string>();
  let bytes = 2;
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  if (space) bytes = space[1].length / 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), utf16(m[2]));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[3].startsWith('[')) {
        [...m[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, k) => map.set(lo + k, utf16(d[1])));
      } else {
        const first = utf16(m[3].slice(1, -1));
        for (let c = lo; c <= hi; c++) map.set(c, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + (c - lo)));
      }
    }
  }
  return { bytes, map };
}

function decode(bytes: number[], cmap: CMap | undefined): string {
  if (!cmap) return String.fromCharCode(...bytes);
  let s = '';
  for (let i = 0; i + cmap.bytes <= bytes.length; i += cmap.bytes) {
    let code = 0;
    for (let k = 0; k < cmap.bytes; k++) code = code * 256 + bytes[i + k];
    s += cmap.map.get(code) ?? '';
  }
  return s;
}

function literalBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      out.push(c.charCodeAt(0));
      continue;
    }
    const n = s[++i];
    const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in esc) out.push(esc[n]);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
      out.push(parseInt(oct, 8));
    }
  }
  return out;
}

/** The text of each page, runs of text separated by spaces and text objects by new lines. */
export function pdfPages(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const pages = [...objs.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  const cmapCache = new Map<string, CMap | undefined>();
  return pages.map((page) => {
    const resources = dictOf(objs, page.dict, 'Resources');
    const fontDict = dictOf(objs, resources, 'Font');
    const fonts = new Map<string, CMap | undefined>();
    for (const f of fontDict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g)) {
      const font = objs.get(Number(f[2]));
      const tu = font && /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(font.dict);
      const key = tu ? tu[1] : '';
      if (!cmapCache.has(key)) cmapCache.set(key, tu ? parseCMap(objs.get(Number(tu[1]))?.stream?.toString('latin1') ?? '') : undefined);
      fonts.set(f[1], cmapCache.get(key));
    }
    const contents = /\/Contents\s+(?:(\d+)\s+0\s+R|\[([^\]]*)\])/.exec(page.dict);
    const refs = contents ? (contents[1] ? [contents[1]] : [...contents[2].matchAll(/(\d+)\s+0\s+R/g)].map((r) => r[1])) : [];
    let text = '';
    for (const ref of refs) {
      const stream = objs.get(Number(ref))?.stream?.toString('latin1') ?? '';
      let font: CMap | undefined;
      // Tokens: names, hex strings, literal strings, arrays' brackets, numbers, operators.
      const tokens = stream.matchAll(/\/[^\s/<>[\]()]+|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|-?\d*\.?\d+|[A-Za-z'"*]+/g);
      const operands: string[] = [];
      for (const [tok] of tokens) {
        if (/^[A-Za-z'"*]+$/.test(tok)) {
          if (tok === 'Tf') font = fonts.get(operands[operands.length - 2]?.slice(1) ?? '');
          else if (tok === 'Tj' || tok === 'TJ' || tok === "'" || tok === '"') {
            for (const o of operands) {
              if (o.startsWith('<')) {
                const hex = o.slice(1, -1).replace(/\s+/g, '');
                const bytes: number[] = [];
                for (let i = 0; i + 2 <= hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2), 16));
                text += decode(bytes, font);
              } else if (o.startsWith('(')) text += decode(literalBytes(o.slice(1, -1)), font);
              else if (/^-?\d/.test(o) && Number(o) < -250) text += ' ';
            }
          } else if (tok === 'Td' || tok === 'TD' || tok === 'Tm' || tok === 'T*') text += ' ';
          else if (tok === 'ET') text += '\n';
          operands.length = 0;
        } else if (tok !== '[' && tok !== ']') operands.push(tok);
      }
    }
    return text;
  });
}

/** All pages' text with every run of white space made one space. */
export function pdfText(pdf: Buffer): string {
  return pdfPages(pdf).join('\n').replace(/\s+/g, ' ');
}
