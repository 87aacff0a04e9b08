/**
 * Evaluates sheets given as plain 2-D arrays with HyperFormula + the CYBER plugin: the one
 * place the CLI (and any other Node host) turns inputs into evaluated values.
 *
 * Inputs are host-neutral: a formula is text starting with `=`, anything else is a value, and
 * text is always text (HyperFormula's own guessing of "12%" or "2024-01-01" as numbers is
 * switched off by entering every text with a leading apostrophe). Outputs are numbers, booleans,
 * text, null for a blank cell, or an error with its code and a message that is never empty.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { ConfigParams, RawCellContent } from 'hyperformula';
import { normalizeFormula } from './formula';
import { HYPERFORMULA_CONFIG, type Language, registerCyberFunctions } from './plugin';

/** An error value held by an input cell (an error cell of an xlsx file). */
export interface InputError {
  readonly error: string;
}
/** Text that must stay text even though it starts with `=` (an xlsx text cell). */
export interface InputText {
  readonly text: string;
}
export type InputCell = string | number | boolean | null | undefined | InputError | InputText;

export interface OutputError {
  readonly error: string;
  readonly message: string;
}
export type OutputCell = number | string | boolean | null | OutputError;

export interface SheetInput {
  readonly name: string;
  readonly cells: ReadonlyArray<ReadonlyArray<InputCell>>;
}

/** A workbook-level name (an xlsx defined name), e.g. { name: 'SumInsured', expression: '=Model!$C$5' }. */
export interface NamedExpressionInput {
  readonly name: string;
  readonly expression: string;
}

export interface WorkbookOptions {
  /**
   * Evaluate every formula element-wise, as Excel 365 does when a formula is typed
   * (=A1:A3*2 spills). Off (HyperFormula's default): a range in a single-value position is
   * reduced by implicit intersection, as Excel does for formulas stored without the array flag;
   * array formulas are then written =ARRAYFORMULA(...).
   */
  readonly arrayArithmetic?: boolean;
  /** Language of the CYBER functions' error messages (default English). */
  readonly language?: Language;
  readonly names?: readonly NamedExpressionInput[];
}

export interface SheetResult {
  readonly name: string;
  /** Evaluated values, row by row; spilled arrays included. Rows may differ in length. */
  readonly values: OutputCell[][];
  /** The formula text evaluated in each cell that held one (normalized), by "row,col" (0-based). */
  readonly formulas: ReadonlyMap<string, string>;
}

/** HyperFormula's error codes; any other code in an input cell is entered as #ERROR!. */
const HF_ERROR_CODES = new Set(['#DIV/0!', '#N/A', '#NAME?', '#NUM!', '#REF!', '#VALUE!', '#SPILL!', '#CYCLE!', '#ERROR!']);

/** Said for an error that carries no message of its own (e.g. =1/0, or an error typed into a cell). */
const DEFAULT_MESSAGES: Readonly<Record<string, string>> = {
  '#DIV/0!': 'Division by zero.',
  '#N/A': 'Value not available.',
  '#NAME?': 'Unknown function or name.',
  '#NUM!': 'Invalid numeric value.',
  '#REF!': 'Invalid reference.',
  '#VALUE!': 'Wrong type of value.',
  '#SPILL!': 'The array result has no room to spill.',
  '#CYCLE!': 'Circular reference.',
  '#ERROR!': 'Error.',
  '#NULL!': 'Null intersection of ranges.',
  '#CALC!': 'Calculation error.',
  '#GETTING_DATA': 'Data not available yet.',
};

export function isInputError(v: InputCell): v is InputError {
  return typeof v === 'object' && v !== null && typeof (v as InputError).error === 'string';
}

function isInputText(v: InputCell): v is InputText {
  return typeof v === 'object' && v !== null && typeof (v as InputText).text === 'string';
}

export function isOutputError(v: OutputCell): v is OutputError {
  return typeof v === 'object' && v !== null;
}

/** The HyperFormula settings for a workbook. */
export function workbookConfig(options: WorkbookOptions = {}): Partial<ConfigParams> {
  return { ...HYPERFORMULA_CONFIG, useArrayArithmetic: options.arrayArithmetic ?? false };
}

/** One input cell → what HyperFormula is given. */
function toContent(v: InputCell): RawCellContent {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.startsWith('=') ? normalizeFormula(v) : `'${v}`;
  if (isInputError(v)) {
    const code = v.error.trim().toUpperCase();
    return HF_ERROR_CODES.has(code) ? code : '#ERROR!';
  }
  if (isInputText(v)) return v.text === '' ? null : `'${v.text}`;
  return `'${String(v)}`;
}

function toOutput(v: unknown): OutputCell {
  if (v === null || v === undefined) return null;
  if (v instanceof DetailedCellError) return { error: v.value, message: v.message || DEFAULT_MESSAGES[v.value] || v.value };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * Builds the engine. Without workbook names, all contents at once (buildFromSheets evaluates once
 * and tracks no changes: more than twice as fast as filling an empty engine on a 100,000-row
 * sheet). With names, a name HyperFormula cannot hold (a relative reference, an unsupported
 * expression) is left out, so formulas using it show #NAME? while the rest still evaluates.
 */
function buildEngine(sheets: readonly SheetInput[], contents: RawCellContent[][][], options: WorkbookOptions): HyperFormula {
  const config = workbookConfig(options);
  const names = (options.names ?? []).map((n) => ({
    name: n.name,
    expression: n.expression.startsWith('=') ? normalizeFormula(n.expression) : n.expression,
  }));
  // Without names, build in one go. With names, fill an empty engine: names must exist before the
  // formulas using them are entered, so that an array function over a named range is sized by it.
  if (names.length === 0) {
    const record: Record<string, RawCellContent[][]> = {};
    sheets.forEach((s, k) => (record[s.name] = contents[k]));
    return HyperFormula.buildFromSheets(record, config);
  }
  const hf = HyperFormula.buildEmpty(config);
  const ids = sheets.map((s) => hf.getSheetId(hf.addSheet(s.name)) as number);
  hf.batch(() => {
    for (const n of names) if (hf.isItPossibleToAddNamedExpression(n.name, n.expression)) hf.addNamedExpression(n.name, n.expression);
    ids.forEach((id, k) => hf.setSheetContent(id, contents[k]));
  });
  return hf;
}

/** Evaluates every sheet (formulas may refer to other sheets) and returns them in order. */
export function evaluateWorkbook(sheets: readonly SheetInput[], options: WorkbookOptions = {}): SheetResult[] {
  registerCyberFunctions(options.language ?? 'en');
  const contents = sheets.map((s) => s.cells.map((row) => row.map(toContent)));
  const hf = buildEngine(sheets, contents, options);
  try {
    const ids = sheets.map((s) => hf.getSheetId(s.name) as number);
    return sheets.map((s, k) => {
      const values = hf.getSheetValues(ids[k]).map((row) => row.map(toOutput));
      const formulas = new Map<string, string>();
      s.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const content = contents[k][r][c];
          if (typeof content === 'string' && content.startsWith('=')) formulas.set(`${r},${c}`, content);
          // An error code HyperFormula does not know (#NULL!, #CALC!, ...) reads back as entered.
          if (isInputError(cell) && content === '#ERROR!') {
            const code = cell.error.trim().toUpperCase();
            while (values.length <= r) values.push([]);
            values[r][c] = { error: code, message: DEFAULT_MESSAGES[code] ?? code };
          }
        }),
      );
      return { name: s.name, values, formulas };
    });
  } finally {
    hf.destroy();
  }
}

/** Evaluates one sheet given as a 2-D array of inputs; returns its values (spills included). */
export function evaluateSheet(cells: ReadonlyArray<ReadonlyArray<InputCell>>, options: WorkbookOptions = {}): OutputCell[][] {
  return evaluateWorkbook([{ name: 'Sheet1', cells }], options)[0].values;
}

/**
 * The values trimmed to the used range: trailing blank rows dropped, and every row padded with
 * null to the width of the rightmost non-blank cell of any row. Empty text counts as blank.
 */
export function usedRange(values: ReadonlyArray<ReadonlyArray<OutputCell>>): OutputCell[][] {
  const filled = (v: OutputCell | undefined) => v !== null && v !== undefined && v !== '';
  let rows = 0;
  let cols = 0;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (filled(v)) {
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, c + 1);
      }
    }),
  );
  const out: OutputCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: OutputCell[] = [];
    for (let c = 0; c < cols; c++) row.push(values[r]?.[c] ?? null);
    out.push(row);
  }
  return out;
}
