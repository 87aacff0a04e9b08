/**
 * Test-only: evaluates SheetSpecs with HyperFormula + the CYBER plugin (src/sheet), the way the
 * workbench and the CLI do. Never imported by the add-in bundle (HyperFormula is GPL-3.0-only).
 */
import { cellAddress, parseCell, sheetPrefix, splitAddress } from '../addresses';
import type { CellInput, CellValue, SheetSpec } from '../gateway';
import { evaluateWorkbook, type InputCell, type OutputCell } from '../../sheet/workbook';

export function toInputCell(input: CellInput): InputCell {
  if (input === null) return null;
  if (typeof input === 'object') return input.formula;
  if (typeof input === 'string') return { text: input };
  return input;
}

export function toCellValue(v: OutputCell | undefined): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return { error: v.error, message: v.message };
  return v;
}

/** Grids of inputs for sheets given as address → input maps. */
export function gridOf(cells: ReadonlyMap<string, CellInput>): InputCell[][] {
  const grid: InputCell[][] = [];
  for (const [address, input] of cells) {
    const p = parseCell(address)!;
    while (grid.length < p.row) grid.push([]);
    const row = grid[p.row - 1];
    while (row.length < p.col) row.push(null);
    row[p.col - 1] = toInputCell(input);
  }
  return grid;
}

/** Evaluates sheets (name → address → input) with workbook names; returns name → values. */
export function evaluateSheets(
  sheets: ReadonlyMap<string, ReadonlyMap<string, CellInput>>,
  names: ReadonlyArray<{ name: string; sheet: string; address: string }> = [],
): Map<string, OutputCell[][]> {
  const list = [...sheets.entries()].map(([name, cells]) => ({ name, cells: gridOf(cells) }));
  const results = evaluateWorkbook(list, {
    names: names.map((n) => ({ name: n.name, expression: `=${sheetPrefix(n.sheet)}${absolute(n.address)}` })),
  });
  return new Map(results.map((r) => [r.name, r.values]));
}

function absolute(range: string): string {
  return splitAddress(range)
    .range.split(':')
    .map((c) => c.replace(/^([A-Z]+)([0-9]+)$/, '$$$1$$$2'))
    .join(':');
}

/** Evaluates one SheetSpec on its own and returns a reader of its values by address. */
export function evaluateSpec(spec: SheetSpec): (address: string) => CellValue {
  const cells = new Map(spec.cells.map((c) => [c.address, c.input] as const));
  const values = evaluateSheets(new Map([[spec.name, cells]]), (spec.names ?? []).map((n) => ({ ...n, sheet: spec.name }))).get(spec.name)!;
  return (address) => {
    const p = parseCell(address)!;
    return toCellValue(values[p.row - 1]?.[p.col - 1]);
  };
}

/** A FakeGateway `compute` that evaluates every sheet with HyperFormula (test-only). */
export function hyperFormulaCompute(sheets: ReadonlyMap<string, ReadonlyMap<string, CellInput>>, names: ReadonlyArray<{ name: string; sheet: string; address: string }>): Map<string, Map<string, CellValue>> {
  const results = evaluateSheets(sheets, names);
  const out = new Map<string, Map<string, CellValue>>();
  for (const [name, grid] of results) {
    const values = new Map<string, CellValue>();
    grid.forEach((row, r) => row.forEach((v, c) => { if (v !== null && v !== undefined) values.set(cellAddress(r + 1, c + 1), toCellValue(v)); }));
    out.set(name, values);
  }
  return out;
}
