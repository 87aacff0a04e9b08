/**
 * The workbench's workbook: what the user typed into each cell (kept exactly, so the formula bar
 * and `readInput` give it back as typed), the cells' formats, the sheets' column widths and
 * charts, workbook names and the pane's settings; and a HyperFormula instance with the CYBER
 * plugin that computes every value.
 *
 * Settings as in the CLI's reading of .xlsx files (src/sheet/workbook.ts, workbookConfig): array
 * arithmetic off, so a workbook computes the same here, in `cyberbi calc` and in Excel's file
 * semantics; an array formula (Ctrl+Shift+Enter in Excel) is flagged per cell and given to
 * HyperFormula as ARRAYFORMULA(...). CYBER functions returning arrays spill without it.
 *
 * HyperFormula is GPL-3.0-only: this module belongs to the workbench bundle only.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { RawCellContent } from 'hyperformula';
import { arrayFormula, normalizeFormula } from '../sheet/formula';
import { registerCyberFunctions } from '../sheet/plugin';
import { workbookConfig } from '../sheet/workbook';
import type { CellInput, CellValue, ChartSpec } from '../taskpane/gateway';
import type { CellRef } from './address';

export interface CellStyle {
  /** Excel number format code; absent means General. */
  readonly numberFormat?: string;
  readonly bold?: boolean;
  /** Background as #RRGGBB. */
  readonly fill?: string;
}

export interface NamedRange {
  readonly name: string;
  /** Formula text, e.g. "='Claim'!$C$5". */
  readonly expression: string;
}

interface SheetState {
  name: string;
  readonly inputs: Map<string, CellInput>;
  /** Cells holding an array formula (Excel's {=...}), by key. */
  readonly arrays: Set<string>;
  readonly styles: Map<string, CellStyle>;
  columnWidths: Record<string, number>;
  readonly charts: ChartSpec[];
  hidden: boolean;
}

export interface Selection {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

const key = (row: number, col: number) => `${row},${col}`;

export function isFormula(input: CellInput): input is { readonly formula: string } {
  return typeof input === 'object' && input !== null && typeof (input as { formula?: unknown }).formula === 'string';
}

/** A HyperFormula value → the gateway's CellValue. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof DetailedCellError) return v.message ? { error: v.value, message: v.message } : { error: v.value };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** One input → what HyperFormula is given (text always stays text, as in src/sheet/workbook.ts). */
function toContent(input: CellInput, array: boolean): RawCellContent {
  if (input === null || input === '') return null;
  if (typeof input === 'number') return Number.isFinite(input) ? input : '#NUM!';
  if (typeof input === 'boolean') return input;
  if (typeof input === 'string') return `'${input}`;
  return array ? arrayFormula(input.formula) : normalizeFormula(input.formula);
}

export class WorkbenchModel {
  readonly hf: HyperFormula;
  private readonly sheets: SheetState[] = [];
  private readonly settings = new Map<string, string>();
  private selected: Selection | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly selectionListeners = new Set<() => void>();
  private versionNumber = 0;

  constructor() {
    registerCyberFunctions('en');
    this.hf = HyperFormula.buildEmpty(workbookConfig({ arrayArithmetic: false }));
  }

  /** A workbook with one empty sheet, "Sheet1", selected at A1. */
  static blank(): WorkbenchModel {
    const model = new WorkbenchModel();
    model.addSheet('Sheet1');
    model.select('Sheet1', 0, 0);
    return model;
  }

  // ---- change notification --------------------------------------------------------------------

  /** Increases with every change; a React view re-renders when it moves. */
  get version(): number {
    return this.versionNumber;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` whenever the selected cell changes; returns the unsubscribe function. */
  onSelectionChanged(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  private changed(): void {
    this.versionNumber++;
    for (const l of [...this.listeners]) l();
  }

  // ---- sheets ---------------------------------------------------------------------------------

  /** Every sheet's name in order, hidden ones included only when asked. */
  sheetNames(options: { includeHidden?: boolean } = {}): string[] {
    return this.sheets.filter((s) => options.includeHidden || !s.hidden).map((s) => s.name);
  }

  hasSheet(name: string): boolean {
    return this.find(name) !== undefined;
  }

  private find(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  private sheet(name: string): SheetState {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet "${name}"`);
    return s;
  }

  private sheetId(name: string): number {
    const id = this.hf.getSheetId(this.sheet(name).name);
    if (id === undefined) throw new Error(`no sheet "${name}"`);
    return id;
  }

  /** `name`, or "name (2)", "name (3)"… — the first not taken (sheet names ignore case). */
  uniqueSheetName(name: string): string {
    const base = name.trim().replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
    if (!this.hasSheet(base)) return base;
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
      if (!this.hasSheet(candidate)) return candidate;
    }
  }

  /** Adds an empty sheet at the end under a unique name; returns that name. */
  addSheet(name: string, options: { hidden?: boolean } = {}): string {
    const unique = this.uniqueSheetName(name);
    this.hf.addSheet(unique);
    this.sheets.push({ name: unique, inputs: new Map(), arrays: new Set(), styles: new Map(), columnWidths: {}, charts: [], hidden: options.hidden === true });
    this.changed();
    return unique;
  }

  /** The sheet's name as stored (sheet names are matched ignoring case). */
  canonicalSheetName(name: string): string {
    return this.sheet(name).name;
  }

  // ---- cells ----------------------------------------------------------------------------------

  /** Writes one cell; `array` enters a formula as an array formula. Recalculates at once. */
  setInput(sheet: string, row: number, col: number, input: CellInput, options: { array?: boolean } = {}): void {
    this.writeInputs(sheet, [{ row, col, input, array: options.array }]);
  }

  /** Writes several cells in one recalculation. */
  writeInputs(sheet: string, cells: ReadonlyArray<{ row: number; col: number; input: CellInput; array?: boolean }>): void {
    const state = this.sheet(sheet);
    const id = this.sheetId(sheet);
    this.hf.batch(() => {
      for (const c of cells) {
        const k = key(c.row, c.col);
        const array = isFormula(c.input) && c.array === true;
        if (c.input === null || c.input === '') state.inputs.delete(k);
        else state.inputs.set(k, c.input);
        if (array) state.arrays.add(k);
        else state.arrays.delete(k);
        this.hf.setCellContents({ sheet: id, row: c.row, col: c.col }, [[toContent(c.input, array)]]);
      }
    });
    this.changed();
  }

  /** What was typed into the cell (null for an empty one). */
  getInput(sheet: string, row: number, col: number): CellInput {
    return this.sheet(sheet).inputs.get(key(row, col)) ?? null;
  }

  isArrayFormula(sheet: string, row: number, col: number): boolean {
    return this.sheet(sheet).arrays.has(key(row, col));
  }

  /** Every non-empty input of a sheet, row-major. */
  inputsOf(sheet: string): Array<{ row: number; col: number; input: CellInput; array: boolean }> {
    const state = this.sheet(sheet);
    return [...state.inputs.entries()]
      .map(([k, input]) => {
        const [row, col] = k.split(',').map(Number);
        return { row, col, input, array: state.arrays.has(k) };
      })
      .sort((a, b) => a.row - b.row || a.col - b.col);
  }

  getValue(sheet: string, row: number, col: number): CellValue {
    return toCellValue(this.hf.getCellValue({ sheet: this.sheetId(sheet), row, col }));
  }

  /** Values of a rectangle, one array per row. */
  getValues(sheet: string, start: CellRef, end: CellRef): CellValue[][] {
    const id = this.sheetId(sheet);
    const out: CellValue[][] = [];
    for (let r = start.row; r <= end.row; r++) {
      const line: CellValue[] = [];
      for (let c = start.col; c <= end.col; c++) line.push(toCellValue(this.hf.getCellValue({ sheet: id, row: r, col: c })));
      out.push(line);
    }
    return out;
  }

  /** The size of the array a formula cell spills (its anchor included); undefined for a single value. */
  spillSize(sheet: string, row: number, col: number): { rows: number; cols: number } | undefined {
    const id = this.sheetId(sheet);
    if (String(this.hf.getCellType({ sheet: id, row, col })) !== 'ARRAYFORMULA') return undefined;
    const input = this.getInput(sheet, row, col);
    if (!isFormula(input)) return undefined;
    const content = toContent(input, this.isArrayFormula(sheet, row, col)) as string;
    // The formula's references are absolute positions on this sheet (no cell moves it), so
    // evaluating it again off-grid gives the array and thus its size.
    const result = this.hf.calculateFormula(content, id);
    if (Array.isArray(result)) return { rows: result.length, cols: Math.max(1, ...result.map((r) => r.length)) };
    return { rows: 1, cols: 1 };
  }

  /** True for a cell that shows part of another cell's array result. */
  isSpilled(sheet: string, row: number, col: number): boolean {
    const id = this.sheetId(sheet);
    return String(this.hf.getCellType({ sheet: id, row, col })) === 'ARRAY';
  }

  /** Rows and columns in use (inputs and spills). */
  usedSize(sheet: string): { rows: number; cols: number } {
    const d = this.hf.getSheetDimensions(this.sheetId(sheet));
    return { rows: d.height, cols: d.width };
  }

  /** Evaluates a formula in the context of a sheet without changing the workbook. */
  evaluate(formula: string, sheet: string): CellValue | CellValue[][] {
    const text = formula.startsWith('=') ? formula : `=${formula}`;
    const result = this.hf.calculateFormula(normalizeFormula(text), this.sheetId(sheet));
    if (Array.isArray(result)) return result.map((row) => row.map(toCellValue));
    return toCellValue(result);
  }

  // ---- formats and layout ---------------------------------------------------------------------

  getStyle(sheet: string, row: number, col: number): CellStyle {
    return this.sheet(sheet).styles.get(key(row, col)) ?? {};
  }

  /** Merges `style` into the cell's style (a key given as undefined is removed). */
  setStyle(sheet: string, row: number, col: number, style: CellStyle): void {
    const state = this.sheet(sheet);
    const merged: Record<string, unknown> = { ...state.styles.get(key(row, col)), ...style };
    for (const k of Object.keys(merged)) if (merged[k] === undefined || merged[k] === '' || merged[k] === 'General') delete merged[k];
    if (Object.keys(merged).length === 0) state.styles.delete(key(row, col));
    else state.styles.set(key(row, col), merged as CellStyle);
    this.changed();
  }

  stylesOf(sheet: string): ReadonlyMap<string, CellStyle> {
    return this.sheet(sheet).styles;
  }

  columnWidths(sheet: string): Readonly<Record<string, number>> {
    return this.sheet(sheet).columnWidths;
  }

  setColumnWidths(sheet: string, widths: Readonly<Record<string, number>>): void {
    const state = this.sheet(sheet);
    state.columnWidths = { ...state.columnWidths, ...widths };
    this.changed();
  }

  charts(sheet: string): readonly ChartSpec[] {
    return this.sheet(sheet).charts;
  }

  addChart(sheet: string, chart: ChartSpec): void {
    this.sheet(sheet).charts.push(chart);
    this.changed();
  }

  // ---- names ----------------------------------------------------------------------------------

  /** Adds a workbook-scoped name; false when HyperFormula cannot hold it (taken, or not a valid name). */
  addName(name: string, expression: string): boolean {
    const text = expression.startsWith('=') ? normalizeFormula(expression) : expression;
    if (!this.hf.isItPossibleToAddNamedExpression(name, text)) return false;
    this.hf.addNamedExpression(name, text);
    this.changed();
    return true;
  }

  /** Adds the name, or points an existing one at the new expression; false when it cannot be held. */
  setName(name: string, expression: string): boolean {
    const text = expression.startsWith('=') ? normalizeFormula(expression) : expression;
    if (this.hf.getNamedExpression(name) === undefined) return this.addName(name, expression);
    try {
      this.hf.changeNamedExpression(name, text);
    } catch {
      return false;
    }
    this.changed();
    return true;
  }

  names(): NamedRange[] {
    return this.hf
      .listNamedExpressions()
      .map((name) => ({ name, expression: String(this.hf.getNamedExpression(name)?.expression ?? '') }));
  }

  // ---- settings and selection -----------------------------------------------------------------

  getSetting(k: string): string | null {
    return this.settings.get(k) ?? null;
  }

  setSetting(k: string, value: string | null): void {
    if (value === null) this.settings.delete(k);
    else this.settings.set(k, value);
    this.changed();
  }

  settingEntries(): Array<[string, string]> {
    return [...this.settings.entries()];
  }

  get selection(): Selection | null {
    return this.selected;
  }

  /** Selects a cell (and so makes its sheet the active one). */
  select(sheet: string, row: number, col: number): void {
    const name = this.canonicalSheetName(sheet);
    const s = this.selected;
    if (s && s.sheet === name && s.row === row && s.col === col) return;
    this.selected = { sheet: name, row, col };
    for (const l of [...this.selectionListeners]) l();
  }

  /** The active sheet: the selection's, else the first visible one. */
  get activeSheet(): string {
    return this.selected?.sheet ?? this.sheetNames()[0] ?? this.sheets[0]?.name ?? 'Sheet1';
  }

  destroy(): void {
    this.hf.destroy();
  }
}
