/**
 * Small, targeted edits of SpreadsheetML text (the parts of an .xlsx package), for saving an
 * opened workbook in place (src/workbench/xlsxPackage.ts). Nothing here parses and re-serialises a
 * whole part: every function finds one element by its tag and splices new text in, so every byte
 * it was not asked to change stays as the file had it — including elements, attributes and
 * namespaces this project has never heard of.
 *
 * The scanning relies on what the OOXML schema guarantees for the elements it touches: `<c>`,
 * `<row>`, `<sheet>`, `<definedName>`, `<xf>`, `<font>`, `<numFmt>` are never nested in an element
 * of the same name, and `>` only appears escaped inside their attribute values as Excel writes them.
 */

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escapes element text (quotes stay as they are, as Excel writes them). */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&amp;/g, '&');
}

/** The start tag of an element (`<c r="A1" s="2">` or `<c r="A1"/>`). */
export function startTag(element: string): string {
  const m = /^<[^>]*>/.exec(element);
  return m ? m[0] : element;
}

const attrPatterns = new Map<string, RegExp>();

/** An attribute's (unescaped) value in a start tag, or undefined. */
export function getAttr(tag: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}="([^"]*)"`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(tag);
  if (!m) return undefined;
  return m[1].includes('&') ? unescapeXml(m[1]) : m[1];
}

/** The start tag with the attribute set (added before the tag's end when absent) or, for undefined, removed. */
export function setAttr(tag: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}="[^"]*"`);
  if (value === undefined) return tag.replace(re, '');
  const text = ` ${name}="${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, text);
  return tag.replace(/\s*(\/?)>$/, `${text}$1>`);
}

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

// Reused: elements() runs to completion before it is called again (it calls nothing back).
const openPatterns = new Map<string, RegExp>();

/** Every element `<name …/>` or `<name …>…</name>` between from and to, in order. */
export function elements(xml: string, name: string, from = 0, to = xml.length, limit = Infinity): Span[] {
  const out: Span[] = [];
  let open = openPatterns.get(name);
  if (!open) {
    open = new RegExp(`<${name}(?=[\\s/>])`, 'g');
    openPatterns.set(name, open);
  }
  const close = `</${name}>`;
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const tagEnd = xml.indexOf('>', m.index);
    if (tagEnd < 0) break;
    let end: number;
    if (xml[tagEnd - 1] === '/') end = tagEnd + 1;
    else {
      const c = xml.indexOf(close, tagEnd);
      if (c < 0) break;
      end = c + close.length;
    }
    out.push({ start: m.index, end, text: xml.slice(m.index, end) });
    if (out.length >= limit) break;
    open.lastIndex = end;
  }
  return out;
}

/** The first element of that name, or undefined. */
export function element(xml: string, name: string, from = 0): Span | undefined {
  return elements(xml, name, from, xml.length, 1)[0];
}

/** The text between an element's start and end tags ("" for a self-closing one). */
export function inner(span: Span): { start: number; end: number; text: string } {
  const tag = startTag(span.text);
  if (tag.endsWith('/>')) return { start: span.start + tag.length, end: span.start + tag.length, text: '' };
  const closeAt = span.text.lastIndexOf('</');
  return { start: span.start + tag.length, end: span.start + closeAt, text: span.text.slice(tag.length, closeAt) };
}

/** Applies non-overlapping splices (any order) to a text. */
export function splice(text: string, edits: ReadonlyArray<{ start: number; end: number; text: string }>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/** A self-closing element made into one with content, or content set inside an existing one. */
export function withInner(span: Span, name: string, content: string): string {
  const tag = startTag(span.text);
  if (tag.endsWith('/>')) return `${tag.replace(/\s*\/>$/, '>')}${content}</${name}>`;
  return `${tag}${content}</${name}>`;
}

/** Sets a list element's count attribute (`<fonts count="3">`) to its number of children. */
export function recount(list: string, child: string): string {
  const span = { start: 0, end: list.length, text: list };
  const n = elements(list, child, startTag(list).length, inner(span).end).length;
  const tag = startTag(list);
  return getAttr(tag, 'count') === undefined ? list : setAttr(tag, 'count', String(n)) + list.slice(tag.length);
}
