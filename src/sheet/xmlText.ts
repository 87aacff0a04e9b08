/**
 * The text of an XML attribute or element as the file wrote it → the characters it stands for,
 * in one leaf module: the workbook reader's defined names and tables (tables.ts) and the linked
 * workbooks' cached cells (externalLinks.ts) both read SpreadsheetML parts with small patterns
 * rather than a parser.
 */

/**
 * A code point XML 1.0 allows in a document (its production `Char`): #x9 | #xA | #xD |
 * [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. A character reference to anything else
 * is not well-formed ("Characters referred to using character references must match the
 * production for Char"), so it is not a character to decode.
 */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Decodes the five predefined entities and the numeric character references (&#NNN; and
 * &#xHHH;, code points above 0xFFFF too, as a surrogate pair). A reference to no character
 * (&#0;, a surrogate, past 0x10FFFF) is left as written rather than thrown on or made up.
 */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return isXmlChar(code) ? String.fromCodePoint(code) : whole;
  });
}

/** The value of attribute `name` (a prefix such as `r:id` allowed) of a start tag's text, decoded; undefined when absent. */
export function xmlAttribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/:/g, '\\:')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[2] ?? m[3] ?? '') : undefined;
}
