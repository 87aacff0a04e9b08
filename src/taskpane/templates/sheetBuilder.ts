/**
 * Lays out a template's worksheet: column A the item in English, B in Chinese, C the value or
 * formula, D where it comes from (the examples/ workbooks use the same layout). Formulas are
 * written against the addresses the builder hands out, so no template hand-types a cell address.
 */
import { from1900 } from '../../sheet/dateSystem';
import { cellAddress, columnLetters } from '../addresses';
import type { CellInput, CellWrite, ChartSpec, SheetSpec } from '../gateway';

export const FORMAT = {
  money: '#,##0.00',
  ratio: '0.00%',
  date: 'yyyy-mm-dd',
  hours: '#,##0',
  days: '#,##0.##',
  number: 'General',
} as const;

export type FormatName = keyof typeof FORMAT;

const INPUT_FILL = '#FFF2CC';
const RESULT_FILL = '#E2EFDA';
const HEADER_FILL = '#D9E1F2';

export interface TableColumn {
  readonly en: string;
  readonly zh: string;
  readonly format?: FormatName;
}

export class SheetBuilder {
  private readonly cells = new Map<string, CellWrite>();
  private readonly refs = new Map<string, string>();
  private readonly names: Array<{ name: string; address: string }> = [];
  private readonly charts: ChartSpec[] = [];
  private row = 1;

  /** `prefix` starts every workbook name of the sheet's inputs, e.g. "CPIC" → CPIC_SumInsured. */
  constructor(
    private readonly name: string,
    private readonly prefix: string,
  ) {}

  private put(address: string, input: CellInput, extra: Omit<CellWrite, 'address' | 'input'> = {}): void {
    if (this.cells.has(address)) throw new Error(`programmer error: ${this.name}!${address} written twice`);
    if (input === null || input === '') return;
    this.cells.set(address, { address, input, ...extra });
  }

  /** The address of an item's value cell or a table's range, by key. */
  ref(key: string): string {
    const a = this.refs.get(key);
    if (!a) throw new Error(`programmer error: no cell ${key} on ${this.name}`);
    return a;
  }

  title(en: string, zh: string): void {
    this.put(`A${this.row++}`, `${en} ${zh}`, { bold: true });
  }

  note(text: string): void {
    this.put(`A${this.row++}`, text);
  }

  section(en: string, zh: string): void {
    this.row++;
    this.put(`A${this.row}`, en, { bold: true, fill: HEADER_FILL });
    this.put(`B${this.row}`, zh, { bold: true, fill: HEADER_FILL });
    this.put(`C${this.row}`, '', { fill: HEADER_FILL });
    this.row++;
  }

  private item(key: string, en: string, zh: string, input: CellInput, format: FormatName | undefined, note: string | undefined, style: Omit<CellWrite, 'address' | 'input'>): string {
    const r = this.row++;
    const address = `C${r}`;
    this.put(`A${r}`, en);
    this.put(`B${r}`, zh);
    this.put(address, input, { numberFormat: format ? FORMAT[format] : undefined, ...style });
    if (note) this.put(`D${r}`, note);
    this.refs.set(key, address);
    return address;
  }

  /** A labelled input cell (shaded) with a workbook name `${prefix}_${Key}`. */
  input(key: string, en: string, zh: string, value: CellInput, format?: FormatName, note?: string): string {
    const address = this.item(key, en, zh, value, format, note, { fill: INPUT_FILL });
    this.names.push({ name: `${this.prefix}_${key[0].toUpperCase()}${key.slice(1)}`, address });
    return address;
  }

  /** A labelled formula: an intermediate amount, or (result = true) a result in bold. */
  calc(key: string, en: string, zh: string, formula: string, format?: FormatName, note?: string, result = false): string {
    return this.item(key, en, zh, { formula }, format, note, result ? { bold: true, fill: RESULT_FILL } : {});
  }

  /**
   * A table of inputs starting in column A: a header row, then the rows. Refs: `key` the whole
   * range with its header (the functions skip a header row), `key.data` the data rows only,
   * `key.N` column N (0-based) of the data rows. Named `${prefix}_${Key}`.
   */
  table(key: string, columns: readonly TableColumn[], rows: ReadonlyArray<ReadonlyArray<CellInput>>, options: { input?: boolean; left?: number } = {}): string {
    const left = options.left ?? 1;
    const top = this.row;
    columns.forEach((c, k) => this.put(cellAddress(top, left + k), `${c.en} ${c.zh}`, { bold: true, fill: HEADER_FILL }));
    rows.forEach((cells, i) =>
      columns.forEach((c, k) => {
        const v = cells[k] ?? null;
        this.put(cellAddress(top + 1 + i, left + k), v, {
          numberFormat: c.format ? FORMAT[c.format] : undefined,
          // A formula inside a table of inputs (a figure the sheet computes) is not shaded.
          fill: options.input === false || (v !== null && typeof v === 'object') ? undefined : INPUT_FILL,
        });
      }),
    );
    const bottom = top + rows.length;
    const right = left + columns.length - 1;
    const range = `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
    this.refs.set(key, range);
    this.refs.set(`${key}.data`, `${cellAddress(top + 1, left)}:${cellAddress(bottom, right)}`);
    columns.forEach((_, k) => this.refs.set(`${key}.${k}`, `${cellAddress(top + 1, left + k)}:${cellAddress(bottom, left + k)}`));
    if (options.input !== false) this.names.push({ name: `${this.prefix}_${key[0].toUpperCase()}${key.slice(1)}`, address: range });
    this.row = bottom + 1;
    return range;
  }

  /** A formula beside a table's header row (a spilling result such as CYBER.ALLOCATE). */
  besideTable(key: string, tableKey: string, column: number, en: string, zh: string, formula: string, format?: FormatName): string {
    const [first] = this.ref(tableKey).split(':');
    const top = Number(/[0-9]+$/.exec(first)![0]);
    const header = cellAddress(top - 1, column);
    const anchor = cellAddress(top, column);
    // The header row of the table holds the formula (its spill starts with "payable" beside the
    // header), so the label goes in the row above.
    this.put(header, `${en} ${zh}`, { bold: true });
    this.put(anchor, { formula }, { numberFormat: format ? FORMAT[format] : undefined, bold: true });
    this.refs.set(key, anchor);
    return anchor;
  }

  /** Leaves `n` empty rows. */
  skip(n = 1): void {
    this.row += n;
  }

  /** The next free row (for placing a block beside the flow). */
  get nextRow(): number {
    return this.row;
  }

  /**
   * The claim chart: a two-column block (label, amount formula) at `left`/`top`, and a column
   * chart of it placed below the block.
   */
  chart(title: string, rows: ReadonlyArray<{ en: string; zh: string; formula: string }>, left = 6, top = 3): void {
    const col = columnLetters(left);
    const valueCol = columnLetters(left + 1);
    this.put(`${col}${top - 1}`, title, { bold: true });
    rows.forEach((r, i) => {
      this.put(`${col}${top + i}`, `${r.en} ${r.zh}`);
      this.put(`${valueCol}${top + i}`, { formula: r.formula }, { numberFormat: FORMAT.money });
      this.refs.set(`chart.${i}`, `${valueCol}${top + i}`);
    });
    this.charts.push({ kind: 'column', title, dataAddress: `${col}${top}:${valueCol}${top + rows.length - 1}`, anchor: `${col}${top + rows.length + 1}` });
  }

  /** A column of values or formulas at `left`, starting at `top` under a header. */
  column(key: string, left: number, top: number, header: string, values: readonly CellInput[], format?: FormatName): string {
    this.put(cellAddress(top, left), header, { bold: true, fill: HEADER_FILL });
    values.forEach((v, i) => this.put(cellAddress(top + 1 + i, left), v, { numberFormat: format ? FORMAT[format] : undefined }));
    const range = `${cellAddress(top + 1, left)}:${cellAddress(top + values.length, left)}`;
    this.refs.set(key, range);
    return range;
  }

  build(widths: Readonly<Record<string, number>>): { spec: SheetSpec; refs: Record<string, string> } {
    return {
      spec: { name: this.name, cells: [...this.cells.values()], names: this.names, columnWidths: widths, charts: this.charts },
      refs: Object.fromEntries(this.refs),
    };
  }
}

/**
 * The cells as a workbook in `date1904` stores them: the builders write every date as a number in
 * the date format (FORMAT.date) and count it in the 1900 system, as the engine does; in a 1904
 * workbook each such number is written 1,462 lower (src/sheet/dateSystem.ts), so the cell shows
 * the date entered and the CYBER formulas over it (which convert it back) give the same dates.
 * Formulas are left as they are: they hold references, not serials.
 */
export function cellsInDateSystem(cells: readonly CellWrite[], date1904: boolean): CellWrite[] {
  if (!date1904) return [...cells];
  return cells.map((c) => (c.numberFormat === FORMAT.date && typeof c.input === 'number' ? { ...c, input: from1900(c.input, true) } : c));
}

/** A built sheet in the workbook's date system (see {@link cellsInDateSystem}). */
export function specInDateSystem(spec: SheetSpec, date1904: boolean): SheetSpec {
  return date1904 ? { ...spec, cells: cellsInDateSystem(spec.cells, true) } : spec;
}

export const STANDARD_WIDTHS = { A: 44, B: 30, C: 18, D: 34, E: 16, F: 34, G: 18 } as const;
