/**
 * An in-memory {@link WorkbookGateway} for tests (and for anyone needing a gateway without a
 * host): sheets are maps of addresses to inputs; values come from a pluggable `compute`
 * (by default a formula's value is null and a value is itself; tests that need real formulas
 * pass `hyperFormulaCompute` from ./sheetEval). Every call is logged, and `hooks` let a test make
 * a write fail or hang to play a host that errs or a pane that is closed mid-way.
 */
import { cellAddress, parseCell, parseRange, qualify, splitAddress } from '../addresses';
import { qualifyReferences } from '../formulaArgs';
import type { CellInput, CellValue, SelectedCell, SheetSpec, WorkbookGateway } from '../gateway';

export type Sheets = Map<string, Map<string, CellInput>>;
export interface NameEntry {
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
}
/** Computes every sheet's values: sheet → address → value (spilled arrays filled in). */
export type Compute = (sheets: Sheets, names: readonly NameEntry[]) => Map<string, Map<string, CellValue>>;

export interface FakeHooks {
  /** Runs before each writeInput; throw to fail the write, return a pending promise to hang it. */
  beforeWrite?: (address: string, input: CellInput) => void | Promise<void>;
}

/** Without a calculation engine: values are what was typed, formulas have no value. */
export const noCompute: Compute = (sheets) => {
  const out = new Map<string, Map<string, CellValue>>();
  for (const [name, cells] of sheets) {
    const values = new Map<string, CellValue>();
    for (const [a, input] of cells) values.set(a, input !== null && typeof input === 'object' ? null : input);
    out.set(name, values);
  }
  return out;
};

export class FakeGateway implements WorkbookGateway {
  readonly kind = 'workbench' as const;
  readonly sheets: Sheets = new Map();
  readonly names: NameEntry[] = [];
  readonly settings = new Map<string, string>();
  readonly log: string[] = [];
  readonly addedSheets: SheetSpec[] = [];
  selection: string | null = null;
  activeSheet = 'Sheet1';
  hooks: FakeHooks = {};
  private listeners = new Set<() => void>();

  constructor(
    private readonly compute: Compute = noCompute,
    private readonly language = 'en-US',
  ) {
    this.sheets.set('Sheet1', new Map());
  }

  /** Puts inputs on a sheet (created when missing), e.g. fake.set('Claim', { C5: 100, C6: { formula: '=C5*2' } }). */
  set(sheet: string, cells: Record<string, CellInput>): this {
    if (!this.sheets.has(sheet)) this.sheets.set(sheet, new Map());
    for (const [a, input] of Object.entries(cells)) this.sheets.get(sheet)!.set(a, input);
    return this;
  }

  select(address: string | null): void {
    this.selection = address;
    for (const l of this.listeners) l();
  }

  private locate(address: string): { sheet: string; range: string } {
    const { sheet, range } = splitAddress(address);
    const name = sheet ?? this.activeSheet;
    if (!this.sheets.has(name)) throw new Error(`no sheet ${name}`);
    return { sheet: name, range };
  }

  private values(): Map<string, Map<string, CellValue>> {
    return this.compute(this.sheets, this.names);
  }

  ready() {
    return Promise.resolve({ inOffice: false });
  }

  displayLanguage() {
    return this.language;
  }

  async getSelectedCell(): Promise<SelectedCell | null> {
    this.log.push('getSelectedCell');
    if (!this.selection) return null;
    const { sheet, range } = this.locate(this.selection);
    const input = this.sheets.get(sheet)!.get(range) ?? null;
    const formula = input !== null && typeof input === 'object' ? input.formula : null;
    const grid = await this.readRange(qualify(range, sheet));
    return { address: qualify(range, sheet), sheet, formula, value: grid[0][0] };
  }

  onSelectionChanged(handler: () => void): () => void {
    this.listeners.add(handler);
    return () => this.listeners.delete(handler);
  }

  async readRange(address: string): Promise<CellValue[][]> {
    this.log.push(`readRange ${address}`);
    const { sheet, range } = this.locate(address);
    const r = parseRange(range);
    if (!r) throw new Error(`bad range ${address}`);
    const values = this.values().get(sheet) ?? new Map<string, CellValue>();
    const out: CellValue[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: CellValue[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(values.get(cellAddress(row, col)) ?? null);
      out.push(line);
    }
    return out;
  }

  async readInput(address: string): Promise<CellInput> {
    this.log.push(`readInput ${address}`);
    const { sheet, range } = this.locate(address);
    return this.sheets.get(sheet)!.get(range.split(':')[0]) ?? null;
  }

  async writeInput(address: string, input: CellInput): Promise<void> {
    await this.hooks.beforeWrite?.(address, input);
    this.log.push(`writeInput ${address} ${JSON.stringify(input)}`);
    const { sheet, range } = this.locate(address);
    const cell = range.split(':')[0];
    if (input === null || input === '') this.sheets.get(sheet)!.delete(cell);
    else this.sheets.get(sheet)!.set(cell, input);
  }

  async evaluateFormula(formula: string, sheet: string): Promise<CellValue | CellValue[][]> {
    this.log.push(`evaluateFormula ${formula} @${sheet}`);
    const scratch = '__scratch__';
    this.sheets.set(scratch, new Map([['A1', { formula: qualifyReferences(formula.startsWith('=') ? formula : `=${formula}`, sheet) }]]));
    try {
      const values = this.values().get(scratch) ?? new Map<string, CellValue>();
      const cells = [...values.entries()].filter(([, v]) => v !== null);
      if (cells.length <= 1) return values.get('A1') ?? null;
      let bottom = 1;
      let right = 1;
      for (const [a] of cells) {
        const p = parseCell(a)!;
        bottom = Math.max(bottom, p.row);
        right = Math.max(right, p.col);
      }
      const grid: CellValue[][] = [];
      for (let row = 1; row <= bottom; row++) {
        const line: CellValue[] = [];
        for (let col = 1; col <= right; col++) line.push(values.get(cellAddress(row, col)) ?? null);
        grid.push(line);
      }
      return grid;
    } finally {
      this.sheets.delete(scratch);
    }
  }

  async recalculate(): Promise<void> {
    this.log.push('recalculate');
  }

  async addSheet(spec: SheetSpec): Promise<string> {
    let name = spec.name;
    if (!spec.replace) for (let k = 2; this.sheets.has(name); k++) name = `${spec.name} (${k})`;
    this.log.push(`addSheet ${name}`);
    const cells = new Map<string, CellInput>();
    for (const c of spec.cells) cells.set(c.address, c.input);
    this.sheets.set(name, cells);
    for (const n of spec.names ?? []) if (!this.names.some((e) => e.name === n.name)) this.names.push({ name: n.name, sheet: name, address: n.address });
    this.addedSheets.push({ ...spec, name });
    this.activeSheet = name;
    return name;
  }

  async loadSetting(key: string): Promise<string | null> {
    return this.settings.get(key) ?? null;
  }

  async saveSetting(key: string, value: string | null): Promise<void> {
    this.log.push(`saveSetting ${key} ${value === null ? 'null' : 'value'}`);
    if (value === null) this.settings.delete(key);
    else this.settings.set(key, value);
  }
}
