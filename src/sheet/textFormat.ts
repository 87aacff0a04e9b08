/**
 * Excel's TEXT(value, format_text) as Microsoft documents it ("TEXT function", "Review guidelines
 * for customizing a number format"), on top of numfmt (which formats dates, times, fractions,
 * scientific notation, conditions and text sections as Excel does) with what numfmt does not do
 * as Excel does, for the sections of digits, literals, percent signs and commas:
 *
 * - every % multiplies by 100 ("#%%%" shows 1.23 as "1230000%%%");
 * - literal text between digit placeholders stays where it stands, the digits counted from the
 *   right ("0cc###,00" shows 1234578.555 as "1,2cc34,579"), and the thousands separator is shown
 *   after every third placeholder position from the right that shows a digit, whatever literals
 *   stand between ("0,## ##, ##" shows 1234567890 as "1,234,56 7,8 90");
 * - a comma right after a digit placeholder turns on thousands separators when a placeholder
 *   follows it, scales by 1,000 when no placeholder follows it, and is dropped otherwise; a comma
 *   after anything else is literal;
 * - a second "." is literal, the decimals continuing after it ("#.###.#" shows 890123.4567 as
 *   "890123.456.7");
 * - an empty format shows nothing ("-" for a negative number); "@" outside the last section, or
 *   beside digit placeholders, is not a format (#VALUE!);
 * - a date or time format shows no negative number and no date after 9999-12-31 (#VALUE!), except
 *   an elapsed time alone ([h], [m], [s]);
 * - text is read as the number, date or time it stands for ("2007-02-03 19:08:07.0123", "0:59:99",
 *   "23:59.5").
 *
 * GPL-side only (the sheet evaluator), like HyperFormula: never in the add-in.
 */
import { format as numfmt } from 'numfmt';
import Decimal from 'decimal.js';
import { DATE1904_OFFSET } from './dateSystem';

/** The sections of a format, split at ";" outside quotes, escapes and brackets. */
export function formatSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      const j = code.indexOf('"', i + 1);
      const end = j < 0 ? code.length : j + 1;
      cur += code.slice(i, end);
      i = end - 1;
    } else if (c === '\\' || c === '_' || c === '*') {
      cur += code.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      const j = code.indexOf(']', i + 1);
      const end = j < 0 ? code.length : j + 1;
      cur += code.slice(i, end);
      i = end - 1;
    } else if (c === ';') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** A section without its quoted text, escaped characters, fills, spacings and brackets: what is left to interpret. */
function bare(section: string): string {
  return section.replace(/"[^"]*"?|\\.|_.|\*.|\[[^\]]*\]?/g, ' ');
}

const DATE_LETTERS = /[yYmMdDhHsSeEgGbBaApP/@]/;

/** Whether a section holds only digit placeholders, literals, ".", "," and "%" (no date, time, fraction, exponent, text or condition). */
function isPlainNumberSection(section: string): boolean {
  if (/\[\s*[<>=]/.test(section) || /\[(h+|m+|s+)\]/i.test(section)) return false;
  const b = bare(section);
  return /[0#?]/.test(b) && !DATE_LETTERS.test(b) && !/general/i.test(b);
}

type Part = { kind: 'digit'; c: string } | { kind: 'point' } | { kind: 'comma' } | { kind: 'percent' } | { kind: 'literal'; text: string };

function parts(section: string): Part[] {
  const out: Part[] = [];
  let point = false;
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === '"') {
      const j = section.indexOf('"', i + 1);
      const end = j < 0 ? section.length : j;
      out.push({ kind: 'literal', text: section.slice(i + 1, end) });
      i = end;
    } else if (c === '\\') {
      if (i + 1 < section.length) out.push({ kind: 'literal', text: section[i + 1] });
      i++;
    } else if (c === '_') {
      out.push({ kind: 'literal', text: ' ' });
      i++;
    } else if (c === '*') {
      i++; // a fill: TEXT has no column width to fill
    } else if (c === '[') {
      const j = section.indexOf(']', i + 1);
      const end = j < 0 ? section.length : j;
      const inner = section.slice(i + 1, end);
      // [$€-407]: the currency text; a colour ([Red]) shows nothing.
      if (inner.startsWith('$')) out.push({ kind: 'literal', text: inner.slice(1).split('-')[0] });
      i = end;
    } else if (c === '0' || c === '#' || c === '?') out.push({ kind: 'digit', c });
    else if (c === '.') {
      out.push(point ? { kind: 'literal', text: '.' } : { kind: 'point' });
      point = true;
    } else if (c === ',') out.push({ kind: 'comma' });
    else if (c === '%') out.push({ kind: 'percent' });
    else out.push({ kind: 'literal', text: c });
  }
  return out;
}

/** One plain number section applied to x (the sign shown only when `signed`). */
function formatPlain(section: string, x: number, signed: boolean): string {
  const ps = parts(section);
  const pointAt = ps.findIndex((p) => p.kind === 'point');
  const intEnd = pointAt < 0 ? ps.length : pointAt;
  let grouping = false;
  let scale = 0;
  const shown: Array<Part | null> = ps.slice();
  for (let i = 0; i < ps.length; i++) {
    if (ps[i].kind !== 'comma') continue;
    let j = i;
    while (j < ps.length && ps[j].kind === 'comma') j++;
    const after = ps[i - 1]?.kind === 'digit';
    if (!after) {
      for (let k = i; k < j; k++) shown[k] = { kind: 'literal', text: ',' };
    } else {
      const inInteger = i < intEnd;
      const more = ps.slice(j, inInteger ? intEnd : ps.length).some((p) => p.kind === 'digit');
      const moreAnywhere = ps.slice(j).some((p) => p.kind === 'digit');
      if (inInteger && more) {
        if (ps[j]?.kind === 'digit') grouping = true;
      } else if (!moreAnywhere || (inInteger && !more)) scale += j - i;
      for (let k = i; k < j; k++) shown[k] = null;
    }
    i = j - 1;
  }
  const percents = ps.filter((p) => p.kind === 'percent').length;
  const decimals = ps.slice(intEnd).filter((p) => p.kind === 'digit').length;
  let v = new Decimal(Math.abs(x).toPrecision(15));
  if (percents) v = v.times(new Decimal(100).pow(percents));
  if (scale) v = v.div(new Decimal(1000).pow(scale));
  const fixed = v.toFixed(decimals, Decimal.ROUND_HALF_UP);
  const [wholeText, fracText = ''] = fixed.split('.');
  const whole = wholeText === '0' ? '' : wholeText;
  const negative = signed && x < 0 && /[1-9]/.test(fixed);

  // Integer placeholders, right to left: each takes one digit (the leftmost takes the rest).
  const intDigits = ps.slice(0, intEnd).filter((p) => p.kind === 'digit').length;
  let intCount = 0;
  const fracChars = [...fracText];
  // A # or ? decimal whose digit and every digit after it are zeros shows nothing (? a space),
  // also before a 0 placeholder ("#.#####00#0" shows 890123.456789 as "890123.45678900").
  const fracPlaceholders = ps.slice(intEnd).filter((p): p is { kind: 'digit'; c: string } => p.kind === 'digit');
  const fracShown = fracChars.slice();
  for (let k = fracPlaceholders.length - 1; k >= 0 && fracChars[k] === '0'; k--) {
    if (fracPlaceholders[k].c !== '0') fracShown[k] = fracPlaceholders[k].c === '?' ? ' ' : '';
  }
  let out = '';
  let fracIndex = 0;
  for (let i = 0; i < shown.length; i++) {
    const p = shown[i];
    if (p === null) continue;
    if (p.kind === 'literal') out += p.text;
    else if (p.kind === 'percent') out += '%';
    else if (p.kind === 'point') out += (intDigits === 0 ? whole : '') + '.'; // ".#": the whole number still shows
    else if (p.kind === 'digit' && i < intEnd) {
      const pos = intDigits - 1 - intCount; // position from the right
      intCount++;
      const from = whole.length - 1 - pos;
      let text = '';
      const positions: number[] = [];
      if (pos === intDigits - 1 && from > 0) {
        for (let k = 0; k <= from; k++) {
          text += whole[k];
          positions.push(whole.length - 1 - k);
        }
      } else if (from >= 0) {
        text = whole[from];
        positions.push(pos);
      } else if (p.c === '0') {
        text = '0';
        positions.push(pos);
      } else if (p.c === '?') text = ' ';
      if (grouping && positions.length) {
        let g = '';
        for (let k = 0; k < text.length; k++) g += text[k] + (positions[k] > 0 && positions[k] % 3 === 0 ? ',' : '');
        text = g;
      }
      out += text;
    } else if (p.kind === 'digit') out += fracShown[fracIndex++] ?? '';
  }
  return negative ? `-${out}` : out;
}

/**
 * Whether a section formats a date or time: 'elapsed' for an elapsed time alone ([h], [mm], [s]:
 * negative and large values shown), 'mixed' for an elapsed time with other fields ([h]:mm,
 * [s].000: no negative value), 'date' for any other date or time (no negative value, nothing after
 * 9999-12-31), 'none' otherwise.
 */
function dateKind(section: string): 'none' | 'elapsed' | 'mixed' | 'date' {
  const b = section.replace(/"[^"]*"?|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]?/gi, ' ');
  const elapsed = /\[(h+|m+|s+)\]/i;
  if (elapsed.test(b)) return /[yYmMdDhHsS0.]|AM\/PM|A\/P/i.test(b.replace(elapsed, ' ')) ? 'mixed' : 'elapsed';
  return /[yYmMdDhHsS]|AM\/PM|A\/P/i.test(b) ? 'date' : 'none';
}

/** The sections that format numbers: all but a last text section (@), at most three. */
function numericSections(sections: readonly string[]): readonly string[] {
  const textSection = sections.length > 1 && bare(sections[sections.length - 1]).includes('@');
  return textSection ? sections.slice(0, -1) : sections.slice(0, 3);
}

/** The section Excel formats x with: one for all; positive and zero, negative; positive, negative, zero. */
function sectionOf(numeric: readonly string[], x: number): string {
  if (numeric.length <= 1) return numeric[0] ?? '';
  if (numeric.length === 2) return x < 0 ? numeric[1] : numeric[0];
  return x > 0 ? numeric[0] : x < 0 ? numeric[1] : numeric[2];
}

/**
 * The section of a number format that Excel applies to the number x (a code such as
 * `d-mmm;0` formats a negative number with `0`), or undefined for a code with conditions
 * ([<0], [=1]…), whose section depends on them.
 */
export function numberSection(code: string, x: number): string | undefined {
  const sections = formatSections(code);
  if (sections.some((s) => /\[\s*[<>=]/.test(s))) return undefined;
  return sectionOf(numericSections(sections), x);
}

/** The largest serial Excel shows as a date: 9999-12-31 23:59:59.999…. */
const LAST_DATE = 2958466;

/**
 * TEXT's result for a number or a text, or undefined where Excel gives #VALUE! (a format it
 * cannot apply). Text that stands for a number, date or time is formatted as that number.
 */
export function excelText(value: number | string, code: string, options: { readonly date1904?: boolean } = {}): string | undefined {
  let input: number | string = value;
  // numfmt counts in the 1900 date system only: a 1904 serial shown by a date format is shown as
  // the 1900 serial of the same date and time (src/sheet/dateSystem.ts). Elapsed times ([h]:mm)
  // and numbers are the same in both systems.
  let shift = 0;
  if (typeof input === 'string') input = textToNumber(input, options.date1904) ?? input;
  const sections = formatSections(code);
  if (code === '') return typeof input === 'number' ? (input < 0 ? '-' : '') : input;
  // More than four sections, or a quotation mark left open (#"°F""), is no format.
  if (sections.length > 4 || (code.replace(/\\./g, '').match(/"/g) ?? []).length % 2 === 1) return undefined;
  for (let k = 0; k < sections.length; k++) {
    const b = bare(sections[k]);
    if (b.includes('@') && (k < sections.length - 1 || /[0#?]/.test(b))) return undefined;
  }
  if (typeof input === 'number' && !sections.some((s) => /\[\s*[<>=]/.test(s))) {
    const numeric = numericSections(sections);
    const x = input;
    const chosen = sectionOf(numeric, x);
    const signed = numeric.length <= 1;
    const kind = dateKind(chosen);
    if ((kind === 'date' || kind === 'mixed') && x < 0) return undefined;
    if (options.date1904 && kind === 'date') shift = DATE1904_OFFSET;
    if (kind === 'date' && x + shift >= LAST_DATE) return undefined;
    if (isPlainNumberSection(chosen)) return formatPlain(chosen, signed ? x : Math.abs(x), signed);
  }
  try {
    const lower = typeof input === 'number' ? lowerCaseMeridiem(code) : undefined;
    if (lower) {
      // numfmt writes AM/PM and A/P in capitals only: format with a capital marker at the end (the
      // 12-hour clock) and the lower-case one's place held, then move the marker there, lowered.
      const out = numfmt(lower.code, (input as number) + shift, { leap1900: true, throws: true });
      const mark = out.slice(-2).toLowerCase();
      return out.slice(0, -2).split(MERIDIEM_PLACE).join(lower.short ? mark[0] : mark);
    }
    return numfmt(code, typeof input === 'number' ? input + shift : input, { leap1900: true, throws: true });
  } catch {
    return undefined;
  }
}

const MERIDIEM_PLACE = '\u0001';

/**
 * Excel shows `a/p` in lower case ("2:35:27 p" for `h:mm:ss a/p`), where `am/pm` is shown "PM" as
 * numfmt shows it (both as Excel-saved workbooks cache them). For a one-section code holding
 * `a/p` (outside quotes, brackets and escapes): the code with that marker replaced by a
 * placeholder and AM/PM appended; undefined otherwise.
 */
function lowerCaseMeridiem(code: string): { code: string; short: boolean } | undefined {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '[') bracket = true;
    else if (!quoted && c === ']') bracket = false;
    else if (!quoted && !bracket && c === ';') return undefined;
    else if (!quoted && !bracket && code.startsWith('a/p', i)) {
      const short = true;
      const rest = code.slice(i + 3);
      if (/(?:am\/pm|a\/p)/i.test(rest.replace(/"[^"]*"/g, ''))) return undefined;
      return { code: `${code.slice(0, i)}"${MERIDIEM_PLACE}"${rest}AM/PM`, short };
    }
  }
  return undefined;
}

// ---- text read as a number ------------------------------------------------------------------

/** Excel's 1900 serial of a calendar date (serial 60 is the phantom 1900-02-29). */
function serialOf(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (year < 1900 || year > 9999 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  const serial = Math.round((ms - Date.UTC(1899, 11, 30)) / 86400000);
  return serial < 61 ? serial - 1 : serial;
}

/**
 * A time of day as Excel reads it from text: h:m, h:m:s, m:s.f (a last field with decimals is
 * seconds), each field before the last within a day (hours to 23, minutes to 59), the last under
 * 10,000; an optional AM/PM. Returns a fraction of a day (can exceed 1), or undefined.
 */
export function timeOfText(text: string): number | undefined {
  const m = /^\s*(\d+):(\d+)(?::(\d+))?(\.\d*)?\s*(AM|PM|A|P)?\s*$/i.exec(text);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const c = m[3] === undefined ? undefined : Number(m[3]);
  const frac = m[4] !== undefined && m[4].length > 1 ? Number(`0${m[4]}`) : 0;
  const withDecimals = m[4] !== undefined && m[4].length > 1;
  const ampm = m[5]?.toUpperCase();
  let seconds: number;
  if (c !== undefined) {
    if (a > 23 || b > 59 || c >= 10000) return undefined;
    seconds = a * 3600 + b * 60 + c + frac;
  } else if (withDecimals) {
    if (a > 59 || b >= 10000) return undefined; // m:s.f
    seconds = a * 60 + b + frac;
  } else {
    if (a > 23 || b >= 10000) return undefined;
    seconds = a * 3600 + b * 60;
  }
  if (ampm) {
    // 12 AM is midnight, 1 PM is 13:00; an hour above 12 or minutes and seconds only take no AM/PM.
    if ((c === undefined && withDecimals) || a > 12 || a === 0) return undefined;
    if (a === 12) seconds -= 12 * 3600;
    if (ampm.startsWith('P')) seconds += 12 * 3600;
  }
  return seconds / 86400;
}

/**
 * Text Excel reads as a number when a function needs one: a number ("12", "1e3", " 2.5 ",
 * "$1,234.50", "(12)", "12.5%"), an ISO
 * date with an optional time (its serial in the 1904 date system when `date1904`, from 1904-01-01) ("1987-08-26", "2007-02-03 19:08:07.0123"), or a time ("0:59:99").
 */
export function textToNumber(text: string, date1904 = false): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  // As Excel reads a number typed as text: a sign or parentheses, a dollar sign, thousands
  // separators between groups of three digits, a trailing percent sign ("($1,234.50)", "12.5%").
  const n = /^([-+]?)\s*(\()?\s*([-+]?)\$?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)\s*(%?)\s*(\))?$/.exec(t);
  if (n && Boolean(n[2]) === Boolean(n[6]) && !(n[2] && (n[1] || n[3])) && !(n[1] && n[3])) {
    const magnitude = Number(n[4].replace(/,/g, '')) / (n[5] ? 100 : 1);
    return n[1] === '-' || n[3] === '-' || n[2] ? -magnitude : magnitude;
  }
  const d = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](.+))?$/.exec(t);
  if (d) {
    const date = serialOf(Number(d[1]), Number(d[2]), Number(d[3]));
    // In a 1904 workbook a date is 1,462 days lower (src/sheet/dateSystem.ts), and one before
    // 1904-01-01, the first day of that system, is no date: the text stays text, as a date before
    // 1900 does in the 1900 system (VALUE("1903-12-31") is #VALUE! there, not -1).
    if (date === undefined || (date1904 && date < DATE1904_OFFSET)) return undefined;
    const serial = date1904 ? date - DATE1904_OFFSET : date;
    if (d[4] === undefined) return serial;
    const time = timeOfText(d[4]);
    return time === undefined || time >= 1 ? undefined : serial + time;
  }
  return timeOfText(t);
}
