/**
 * decodeXml: the predefined entities and numeric character references of XML 1.0 ("4.1
 * Character and Entity References"; a reference must name a `Char`), as SpreadsheetML parts
 * write them in attribute values and element text.
 */
import { decodeXml } from './xmlText';

describe('decodeXml', () => {
  test.each([
    ['plain text', 'Sales 2024', 'Sales 2024'],
    ['the five entities', '&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;', `<a> & "b" 'c'`],
    ['decimal reference', '&#65;&#20013;', 'A中'],
    ['hexadecimal reference, either case', '&#x41;&#x4E2D;&#x4e2d;', 'A中中'],
    ['leading zeros', '&#0065;&#x0041;', 'AA'],
    ['above 0xFFFF: one code point, a surrogate pair', '&#x1F600;&#128512;', '\u{1F600}\u{1F600}'],
    ['the last code point', '&#x10FFFF;', '\u{10FFFF}'],
    ['tab, line feed and carriage return', '&#9;&#xA;&#13;', '\t\n\r'],
    ['decoded once: &amp;lt; is the text &lt;', '&amp;lt; &amp;#65;', '&lt; &#65;'],
    ['past 0x10FFFF: left as written', '&#x110000; &#99999999;', '&#x110000; &#99999999;'],
    ['NUL and other control characters: left as written', '&#0; &#x1; &#31;', '&#0; &#x1; &#31;'],
    ['a surrogate alone: left as written', '&#xD800; &#57343;', '&#xD800; &#57343;'],
    ['U+FFFE and U+FFFF: left as written', '&#xFFFE;&#xFFFF;', '&#xFFFE;&#xFFFF;'],
    ['not a reference: left as written', '&nbsp; &#; &#x; &#xG1; & amp;', '&nbsp; &#; &#x; &#xG1; & amp;'],
  ])('%s', (_what, written, decoded) => {
    expect(decodeXml(written)).toBe(decoded);
  });
});
