/**
 * The character sets of Excel's CHAR and CODE. Microsoft's CHAR page: "The character set used by
 * your computer … Windows: ANSI (Windows-1252); Macintosh: Macintosh character set". A workbook's
 * cached values therefore depend on the application that last computed it (docProps/app.xml
 * <Application>, "Microsoft Macintosh Excel" on a Mac): CHAR(157) is "ù" there and a control
 * character on Windows, CHAR(128) "Ä" there and "€" on Windows. UNICHAR and UNICODE are the same
 * everywhere.
 */

export type CharacterSet = 'windows' | 'mac';

/**
 * Windows-1252 bytes 0x80–0x9F (the Unicode Consortium's mapping file cp1252.txt, "cp1252 to
 * Unicode table"); 0xA0–0xFF are Latin-1, equal to their code points. The five bytes that
 * cp1252.txt leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their code point, as Windows'
 * own conversion (and the WHATWG Encoding Standard's windows-1252) does.
 */
const WINDOWS_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Mac OS Roman bytes 0x80–0xFF, from Apple's standard mapping "Map (external version) from Mac OS
 * Roman character set to Unicode 2.1 and later" (ROMAN.TXT, Unicode Consortium's
 * MAPPINGS/VENDORS/APPLE; 0xDB is the euro sign since Mac OS 8.5, 0xF0 the Apple logo in the
 * private-use area). 0x00–0x7F are ASCII.
 */
const MAC_80_FF =
  '\u00C4\u00C5\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2\u00E4\u00E3\u00E5\u00E7\u00E9\u00E8' +
  '\u00EA\u00EB\u00ED\u00EC\u00EE\u00EF\u00F1\u00F3\u00F2\u00F4\u00F6\u00F5\u00FA\u00F9\u00FB\u00FC' +
  '\u2020\u00B0\u00A2\u00A3\u00A7\u2022\u00B6\u00DF\u00AE\u00A9\u2122\u00B4\u00A8\u2260\u00C6\u00D8' +
  '\u221E\u00B1\u2264\u2265\u00A5\u00B5\u2202\u2211\u220F\u03C0\u222B\u00AA\u00BA\u03A9\u00E6\u00F8' +
  '\u00BF\u00A1\u00AC\u221A\u0192\u2248\u2206\u00AB\u00BB\u2026\u00A0\u00C0\u00C3\u00D5\u0152\u0153' +
  '\u2013\u2014\u201C\u201D\u2018\u2019\u00F7\u25CA\u00FF\u0178\u2044\u20AC\u2039\u203A\uFB01\uFB02' +
  '\u2021\u00B7\u201A\u201E\u2030\u00C2\u00CA\u00C1\u00CB\u00C8\u00CD\u00CE\u00CF\u00CC\u00D3\u00D4' +
  '\uF8FF\u00D2\u00DA\u00DB\u00D9\u0131\u02C6\u02DC\u00AF\u02D8\u02D9\u02DA\u00B8\u02DD\u02DB\u02C7';

function table(set: CharacterSet): string[] {
  const chars: string[] = [];
  for (let b = 0; b < 256; b++) {
    if (b < 0x80) chars.push(String.fromCharCode(b));
    else if (set === 'mac') chars.push(MAC_80_FF[b - 0x80]);
    else chars.push(b < 0xa0 ? WINDOWS_80_9F[b - 0x80] : String.fromCharCode(b));
  }
  return chars;
}

const TABLES: Record<CharacterSet, { chars: string[]; codes: Map<string, number> }> = {
  windows: build('windows'),
  mac: build('mac'),
};

function build(set: CharacterSet): { chars: string[]; codes: Map<string, number> } {
  const chars = table(set);
  return { chars, codes: new Map(chars.map((c, b) => [c, b])) };
}

/** CHAR(n) for a whole n in 1…255 (the caller checks the bounds). */
export function charOf(code: number, set: CharacterSet): string {
  return TABLES[set].chars[code];
}

/**
 * CODE(text): the byte of text's first character in the set. A character the set lacks is
 * converted to "?" (63), as Windows' best-fit conversion to a code page does.
 */
export function codeOf(text: string, set: CharacterSet): number {
  const first = String.fromCodePoint(text.codePointAt(0) as number);
  return TABLES[set].codes.get(first) ?? 63;
}

/** The character set of the application named in docProps/app.xml's <Application>. */
export function characterSetOfApplication(application: string | undefined): CharacterSet {
  return application !== undefined && /macintosh/i.test(application) ? 'mac' : 'windows';
}

/** The text of <Application> in docProps/app.xml ("Microsoft Macintosh Excel"), if any. */
export function applicationOfAppXml(xml: string): string | undefined {
  const m = /<(?:\w+:)?Application\b[^>]*>([^<]*)<\/(?:\w+:)?Application>/.exec(xml);
  return m ? m[1].trim() : undefined;
}
