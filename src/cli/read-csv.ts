/**
 * A CSV file → one sheet of inputs, following the CLI contract (catalogue section 8): a field
 * starting with `=` is a formula, a number is a number, TRUE/FALSE are booleans, anything else
 * is text, and an empty field is a blank cell. Line n is row n; field k is column k.
 */
import { parse } from 'csv-parse/sync';
import type { InputCell } from '../sheet/workbook';
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
  }
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  return field;
}

/**
 * Text of a CSV file: UTF-8 (a byte-order mark is dropped by the parser); a file that is not
 * valid UTF-8 is read as GB18030, the encoding Excel's plain "CSV" uses on Chinese Windows.
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function parseCsv(text: string, source = 'the CSV input'): InputCell[][] {
  let records: string[][];
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
  return records.map((fields) => fields.map(csvField));
}
