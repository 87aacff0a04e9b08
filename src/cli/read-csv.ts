/**
 * A CSV file → one sheet of inputs, following the CLI contract (catalogue section 8): a field
 * starting with `=` is a formula, a number is a number, TRUE/FALSE are booleans, anything else
 * is text, and an empty field is a blank cell. Line n is row n; field k is column k.
 */
import { parse } from 'csv-parse/sync';
import type { InputCell } from '../sheet/workbook';
import { count, MAX_COLS, MAX_ROWS } from '../sheet/limits';
import { UnreadableInputError } from './errors';

/** A decimal number as written in a CSV field: 12, -0.5, .25, 1e6, 3.5E-2 (no thousands separators). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** One CSV field → an input cell. */
export function csvField(field: string): InputCell {
  if (field === '') return null;
  if (field.startsWith('=')) return field;
  const trimmed = field.trim();
  if (NUMBER.test(trimmed)) {
    const n = Number(trimmed);
    if (Number.isFinite(n)) return n === 0 ? 0 : n;
    // 1e400: a number past the largest double (about 1.8e308) is an error in its cell, as the
    // evaluator's numbers are, never Infinity written to a file.
    return { error: '#NUM!' };
  }
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  return field;
}

/**
 * Text of a CSV file: UTF-16 when it starts with a UTF-16 byte-order mark (little- or big-endian:
 * Excel's "Unicode text" and many Windows tools write it); otherwise UTF-8 (a byte-order mark is
 * dropped by the parser); a file that is not valid UTF-8 is read as GB18030, the encoding Excel's
 * plain "CSV" uses on Chinese Windows.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeStrict('utf-16le', bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeStrict('utf-16be', bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** UTF-16 text (its byte-order mark dropped); a file that is not valid UTF-16 is unreadable. */
function decodeStrict(encoding: 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableInputError(`the file starts with a ${encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} byte-order mark but is not valid ${encoding.toUpperCase()} text`);
  }
}

/**
 * An upper estimate of a CSV text's fields (separators and line ends, quoted ones included),
 * counted before parsing, for the memory budget.
 */
export function estimateFields(text: string): number {
  let n = 1;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) n++;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The records of well-formed CSV text, read in one pass — the same records csv-parse gives with
 * the options below — or undefined at the first thing that is not well-formed (a quote inside an
 * unquoted field, text after a closing quote, a quote never closed), where csv-parse then gives
 * its own records or its own message. Why not csv-parse for everything: it builds an error object
 * (with a copy of the parser's state) for every record whose field count differs from the first
 * record's even when told to accept it, so a sheet whose first line is 16,384 fields wide and
 * the next million lines are one field took 77 s; and it is about three times slower on a large
 * regular file.
 */
export function fastRecords(text: string): string[][] | undefined {
  const records: string[][] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (i >= n) return records;
  let record: string[] = [];
  for (;;) {
    let field: string;
    if (text.charCodeAt(i) === 34) {
      let j = i + 1;
      field = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return undefined;
        if (text.charCodeAt(q + 1) === 34) {
          field += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        field += text.slice(j, q);
        i = q + 1;
        break;
      }
      const c = text.charCodeAt(i);
      if (i < n && c !== 44 && c !== 10 && c !== 13) return undefined;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === 44 || c === 10 || c === 13) break;
        if (c === 34) return undefined;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    record.push(field);
    if (i >= n) {
      records.push(record);
      return records;
    }
    if (text.charCodeAt(i) === 44) {
      i++;
      if (i >= n) {
        record.push('');
        records.push(record);
        return records;
      }
      continue;
    }
    i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    records.push(record);
    record = [];
    if (i >= n) return records;
  }
}

export function parseCsv(text: string, source = 'the CSV input'): InputCell[][] {
  let records: string[][] | undefined = fastRecords(text);
  if (records === undefined) {
    try {
      records = parse(text, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: false,
        record_delimiter: ['\r\n', '\n', '\r'],
      }) as string[][];
    } catch (e) {
      throw new UnreadableInputError(`${source} is not valid CSV: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  // Excel's sheet size: a CSV past it cannot be a sheet (a trailing empty line is no row).
  let rows = records.length;
  while (rows > 0 && records[rows - 1].every((f) => f === '')) rows--;
  if (rows > MAX_ROWS) throw new UnreadableInputError(`${source} has ${count(rows)} rows: a worksheet has at most 1,048,576 rows and 16,384 columns (A1 to XFD1048576)`);
  const wide = records.findIndex((fields) => fields.length > MAX_COLS && fields.slice(MAX_COLS).some((f) => f !== ''));
  if (wide >= 0) throw new UnreadableInputError(`${source}: line ${count(wide + 1)} has ${count(records[wide].length)} fields: a worksheet has at most 1,048,576 rows and 16,384 columns (A1 to XFD1048576)`);
  return records.map((fields) => fields.map(csvField));
}
