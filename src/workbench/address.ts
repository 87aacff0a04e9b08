/**
 * A1 addresses as the gateway speaks them: "B4", "B4:C9", "Claim!B4", "'My sheet'!B4:C9".
 * Rows and columns here are 0-based (HyperFormula's), unlike src/sheet/formula.ts.
 */
import { cellAddress, parseAddress } from '../sheet/formula';

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface RangeRef {
  /** The sheet named in the address, or undefined for "the active sheet". */
  readonly sheet?: string;
  readonly start: CellRef;
  readonly end: CellRef;
}

/** Splits "'It''s'!A1" into the sheet name ("It's") and the rest ("A1"). */
function splitSheet(address: string): { sheet?: string; rest: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let j = 1;
    let name = '';
    while (j < text.length) {
      if (text[j] === "'") {
        if (text[j + 1] === "'") {
          name += "'";
          j += 2;
          continue;
        }
        break;
      }
      name += text[j++];
    }
    if (text[j + 1] !== '!') throw new Error(`not an address: ${address}`);
    return { sheet: name, rest: text.slice(j + 2) };
  }
  const bang = text.lastIndexOf('!');
  return bang < 0 ? { rest: text } : { sheet: text.slice(0, bang), rest: text.slice(bang + 1) };
}

function cellOf(text: string, address: string): CellRef {
  const p = parseAddress(text.trim());
  if (!p) throw new Error(`not an address: ${address}`);
  return { row: p.row - 1, col: p.col - 1 };
}

/** Parses an address; throws on anything that is not one (a programmer error in the pane). */
export function parseRange(address: string): RangeRef {
  const { sheet, rest } = splitSheet(address);
  const [a, b] = rest.split(':');
  const start = cellOf(a, address);
  const end = b === undefined ? start : cellOf(b, address);
  return {
    ...(sheet !== undefined ? { sheet } : {}),
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

/** The sheet name as a formula writes it: quoted when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseAddress(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "B4" for row 3, col 1 (0-based). */
export function a1(ref: CellRef): string {
  return cellAddress(ref.row + 1, ref.col + 1);
}

/** "'My sheet'!B4" */
export function qualified(sheet: string, ref: CellRef): string {
  return `${quoteSheet(sheet)}!${a1(ref)}`;
}

/** "'My sheet'!$B$4", how a defined name refers to an input cell. */
export function absoluteQualified(sheet: string, range: RangeRef): string {
  const abs = (r: CellRef) => a1(r).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const same = range.start.row === range.end.row && range.start.col === range.end.col;
  return `${quoteSheet(sheet)}!${abs(range.start)}${same ? '' : `:${abs(range.end)}`}`;
}
