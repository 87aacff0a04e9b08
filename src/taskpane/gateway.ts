/**
 * The one interface between the task pane and a spreadsheet host (STYLE.md point 8).
 *
 * Two implementations: the Excel gateway (every `Excel.run` call of the add-in lives in it) and
 * the workbench gateway (HyperFormula behind the standalone page's embedded grid). Components
 * receive a gateway through context and never touch Office, the grid or HyperFormula directly,
 * so they render and test in Jest with a fake.
 *
 * Addresses are A1 text, optionally sheet-qualified ("Claim!B4", "'My sheet'!B4:C9"); an
 * unqualified address refers to the active sheet.
 */
import type { OfficeGateway } from './officeGateway';

export type CellScalar = number | string | boolean | null;

/** An error value as a host shows it, with its message when the host has one. */
export interface CellErrorValue {
  readonly error: string;
  readonly message?: string;
}

export type CellValue = CellScalar | CellErrorValue;

/** What a user typed into a cell: a value or a formula. Restoring it restores the cell. */
export type CellInput = CellScalar | { readonly formula: string };

export interface SelectedCell {
  /** Sheet-qualified address of the (top-left) selected cell, e.g. "Claim!B4". */
  readonly address: string;
  readonly sheet: string;
  /** The formula as typed (starting with "="), or null for a value. */
  readonly formula: string | null;
  /** The evaluated value; a spilled array's anchor gives the whole array. */
  readonly value: CellValue | CellValue[][];
}

export interface CellWrite {
  /** Address on the written sheet, e.g. "B4". */
  readonly address: string;
  readonly input: CellInput;
  /** Excel number format code, e.g. "#,##0.00", "0.00%", "yyyy-mm-dd". */
  readonly numberFormat?: string;
  readonly bold?: boolean;
  /** Background colour as #RRGGBB (input cells are shaded). */
  readonly fill?: string;
  /** Wrap long text inside the column's width (and align it to the top of the row). */
  readonly wrap?: boolean;
}

/**
 * How a sheet prints (a claim calculation statement): Excel applies it to the worksheet's page
 * layout; the workbench, which has no page layout, prints through the pane's print view instead.
 */
export interface PrintSetup {
  readonly orientation: 'portrait' | 'landscape';
  /** The print area on the sheet, e.g. "A1:E80". */
  readonly area: string;
  /** Rows repeated at the top of every page, e.g. "1:2". */
  readonly titleRows?: string;
  /** Header and footer texts (Excel's codes: &P page, &N pages; a literal & written &&). */
  readonly header?: { readonly left?: string; readonly center?: string; readonly right?: string };
  readonly footer?: { readonly left?: string; readonly center?: string; readonly right?: string };
  /** Scale the print area to one page wide (any number of pages tall). */
  readonly fitToWidth?: boolean;
  readonly paper?: 'A4' | 'Letter';
}

export interface ChartSpec {
  readonly kind: 'column' | 'bar' | 'line';
  readonly title: string;
  /** Categories and values, e.g. "A20:B24" (first column labels, second column amounts). */
  readonly dataAddress: string;
  /** Top-left cell the chart is placed at. */
  readonly anchor: string;
}

export interface SheetSpec {
  /** Name of the new worksheet; the gateway makes it unique ("Name (2)") when taken. */
  readonly name: string;
  readonly cells: readonly CellWrite[];
  /** Workbook-scoped names for input cells, e.g. { name: "SumInsured", address: "C5" }. */
  readonly names?: ReadonlyArray<{ readonly name: string; readonly address: string }>;
  /** Column widths in characters, by column letter. */
  readonly columnWidths?: Readonly<Record<string, number>>;
  readonly charts?: readonly ChartSpec[];
  /** Page setup, print area, header and footer (Excel). */
  readonly print?: PrintSetup;
  /**
   * When a sheet of exactly this name exists, empty it and write this content into it (its
   * position kept) instead of adding "Name (2)": how a statement is refreshed in place.
   */
  readonly replace?: boolean;
}

export interface WorkbookGateway extends OfficeGateway {
  readonly kind: 'excel' | 'workbench';
  /** The active cell, or null when nothing is selected. */
  getSelectedCell(): Promise<SelectedCell | null>;
  /** Calls `handler` whenever the selection changes; returns the unsubscribe function. */
  onSelectionChanged(handler: () => void): () => void;
  /** Values of a range (one row per sheet row), evaluated. */
  readRange(address: string): Promise<CellValue[][]>;
  /** What was typed into one cell (formula or value), for restoring it exactly. */
  readInput(address: string): Promise<CellInput>;
  writeInput(address: string, input: CellInput): Promise<void>;
  /** Evaluates a formula (e.g. "=B4+C4") in the context of `sheet` without changing the workbook. */
  evaluateFormula(formula: string, sheet: string): Promise<CellValue | CellValue[][]>;
  /** Recalculates the workbook (so reads after writes see new values). */
  recalculate(): Promise<void>;
  /**
   * The workbook uses Excel's 1904 date system (its date serials are 1,462 lower than the 1900
   * ones the engine counts in: src/sheet/dateSystem.ts). Absent, or false when the host cannot
   * tell, means 1900.
   */
  isDate1904?(): Promise<boolean>;
  /** Adds and fills a new worksheet; returns its final name. */
  addSheet(sheet: SheetSpec): Promise<string>;
  /** Per-workbook storage for the pane's state (scenarios, a pending sensitivity restore). */
  loadSetting(key: string): Promise<string | null>;
  saveSetting(key: string, value: string | null): Promise<void>;
  /**
   * Offers `text` to the user as a file (the workbench: a browser download made on the page, no
   * request). Absent where the host cannot (the Excel add-in): the pane writes a sheet instead.
   */
  downloadFile?(fileName: string, text: string, mimeType: string): Promise<void>;
}
