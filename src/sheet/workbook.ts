/**
 * Evaluates sheets given as plain 2-D arrays with HyperFormula + the CYBER plugin: the one
 * place the CLI (and any other Node host) turns inputs into evaluated values.
 *
 * Inputs are host-neutral: a formula is text starting with `=`, anything else is a value, and
 * text is always text (HyperFormula's own guessing of "12%" or "2024-01-01" as numbers is
 * switched off by entering every text with a leading apostrophe). Outputs are numbers, booleans,
 * text, null for a blank cell, or an error with its code and a message that is never empty.
 */
import { AlwaysDense, AlwaysSparse, DetailedCellError, HyperFormula } from 'hyperformula';
import type { ConfigParams, RawCellContent } from 'hyperformula';
import { type FormulaContext, normalizeFormula, renameNames } from './formula';
import { formulaLimitProblem, limitedContent } from './formulaLimits';
import type { CharacterSet } from './characterSets';
import { probeInstance } from './interpreterHook';
import { withThreeDReferences } from './threeD';
import type { RowVisibility } from './hiddenRows';
import { type IterationSettings, resolveCircularReferences } from './iteration';
import { HYPERFORMULA_CONFIG, type Language, mentionsWholeLine, readsWholeLines, registerCyberFunctions } from './plugin';

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

/** An array formula's range as the file stores it (0-based anchor, size). */
export interface ArrayArea {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface SheetInput {
  readonly name: string;
  readonly cells: ReadonlyArray<ReadonlyArray<InputCell>>;
  /** Array formulas' ranges: the result fills each range as Excel fills it (see fillArrayAreas). */
  readonly arrays?: readonly ArrayArea[];
  /** The rows the file hides, and which of them a filter hides (SUBTOTAL leaves them out: src/sheet/hiddenRows.ts). */
  readonly rows?: RowVisibility;
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
  /**
   * The character set of CHAR and CODE (default Windows-1252): that of the application which
   * computed the workbook's cached values, 'mac' for Mac Excel (see src/sheet/characterSets.ts).
   */
  readonly characterSet?: CharacterSet;
  /**
   * Excel's iterative calculation (the workbook's `<calcPr iterate="1">`, src/sheet/iteration.ts):
   * circular references are calculated again and again up to maxIterations times. Off: a cell
   * that reads itself while being calculated is #CYCLE!.
   */
  readonly iteration?: IterationSettings;
  /**
   * Excel's 1904 date system (the workbook's `<workbookPr date1904="1"/>`, src/sheet/dateSystem.ts):
   * serial 0 is 1904-01-01 and there is no 1900-02-29, for every date function and date format.
   */
  readonly date1904?: boolean;
}

export interface SheetResult {
  readonly name: string;
  /** Evaluated values, row by row; spilled arrays included. Rows may differ in length. */
  readonly values: OutputCell[][];
  /** The formula text evaluated in each cell that held one (normalized), by "row,col" (0-based). */
  readonly formulas: ReadonlyMap<string, string>;
  /** Formulas HyperFormula could not take at all, each replaced by #VALUE! with the reason. */
  readonly replaced?: readonly ReplacedFormula[];
}

/** HyperFormula's error codes; any other code in an input cell is entered as #ERROR!. */
const HF_ERROR_CODES = new Set(['#DIV/0!', '#N/A', '#NAME?', '#NUM!', '#REF!', '#VALUE!', '#SPILL!', '#CYCLE!', '#ERROR!']);

/** Excel's error codes HyperFormula has no type for: held as #ERROR! whose message is the code. */
const EXCEL_ONLY_ERRORS = new Set(['#NULL!', '#CALC!', '#GETTING_DATA']);

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
  return {
    ...HYPERFORMULA_CONFIG,
    useArrayArithmetic: options.arrayArithmetic ?? false,
    chooseAddressMappingPolicy: ADDRESS_MAPPING,
    // The 1904 date system: serial 0 is 1904-01-01, no phantom 1900-02-29 (HyperFormula's own date functions).
    ...(options.date1904 ? { nullDate: { year: 1904, month: 1, day: 1 }, leapYear1900: false } : {}),
    // HyperFormula passes `context` to function plugins untouched: CHAR and CODE read it, and our
    // date functions the date system (src/sheet/dateSystem.ts).
    context: { characterSet: options.characterSet ?? 'windows', ...(options.date1904 ? { date1904: true } : {}) },
  };
}

/**
 * How HyperFormula stores a sheet's cells. Its default stores every sheet as a dense rectangle:
 * one array of the sheet's width per row, so a 20,000-row sheet with one stray value in column
 * XFD took 20,000 × 16,384 slots (2.6 GB) and one value at XFD1048576 more than the heap. A
 * sheet filled below 1/32 of its rectangle is stored sparsely (maps of its cells); denser sheets,
 * and empty ones (HyperFormula asks with fill 0 when a sheet is added), stay dense unless
 * {@link withSparseSheets} says the sheets about to be added are sparse.
 */
const SPARSE_FILL = 1 / 32;
const DENSE_POLICY = new AlwaysDense();
const SPARSE_POLICY = new AlwaysSparse();
let addingSparse = false;
const ADDRESS_MAPPING: NonNullable<ConfigParams['chooseAddressMappingPolicy']> = {
  call: (fill: number) => (addingSparse || (fill > 0 && fill < SPARSE_FILL) ? SPARSE_POLICY : DENSE_POLICY).call(),
};

/** Runs `add` (which adds sheets to an engine built with {@link workbookConfig}) storing them sparsely when `sparse`. */
export function withSparseSheets<T>(sparse: boolean, add: () => T): T {
  const before = addingSparse;
  addingSparse = sparse;
  try {
    return add();
  } finally {
    addingSparse = before;
  }
}

/** True when a sheet's cells fill less than 1/32 of their rectangle of more than 2^20 cells. */
export function isSparseSheet(rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>): boolean {
  let cells = 0;
  let width = 0;
  let height = 0;
  rows.forEach((row, r) =>
    row?.forEach((v, c) => {
      if (v === null || v === undefined) return;
      cells++;
      if (c >= width) width = c + 1;
      height = r + 1;
    }),
  );
  return width * height > DENSE_READ_CELLS && cells < width * height * SPARSE_FILL;
}

/**
 * One input cell → what HyperFormula is given. A formula beyond Excel's limits becomes that
 * cell's #VALUE! naming the limit, and HyperFormula never parses it (src/sheet/formulaLimits.ts).
 */
function toContent(v: InputCell, language: Language = 'en', context?: FormulaContext): RawCellContent {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.startsWith('=') ? (limitedContent(v, language) ?? normalizeFormula(v, context)) : `'${v}`;
  if (isInputError(v)) {
    const code = v.error.trim().toUpperCase();
    if (HF_ERROR_CODES.has(code)) return code;
    return EXCEL_ONLY_ERRORS.has(code) ? `=XLERROR("${code}")` : '#ERROR!';
  }
  // Empty text read from a file is a text cell, not a blank one, as in Excel: ISBLANK is FALSE,
  // COUNTA counts it, ARRAYTOTEXT shows "" (HyperFormula holds the lone apostrophe as "").
  if (isInputText(v)) return `'${v.text}`;
  return `'${String(v)}`;
}

function toOutput(v: unknown): OutputCell {
  if (v === null || v === undefined) return null;
  if (v instanceof DetailedCellError) {
    if (v.value === '#ERROR!' && EXCEL_ONLY_ERRORS.has(v.message)) return { error: v.message, message: DEFAULT_MESSAGES[v.message] };
    return { error: v.value, message: v.message || DEFAULT_MESSAGES[v.value] || v.value };
  }
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** HyperFormula's reading of a name it refuses only for its shape (Liste2 reads like a cell address). */
function nameShapeRefused(name: string): boolean {
  // One instance for the process, not one per name (each instance builds a parser: 10-25 ms).
  return !probeInstance().isItPossibleToAddNamedExpression(name, '=1');
}

/**
 * The workbook's names as HyperFormula can hold them, and the renames applied to formulas: a
 * defined name shaped like a cell address (Liste2) is kept under NAME_ (Liste2_), and every
 * formula and name expression using it is rewritten to match.
 */
function prepareNames(options: WorkbookOptions): { names: NamedExpressionInput[]; renames: Map<string, string> } {
  const given = options.names ?? [];
  const renames = new Map<string, string>();
  const taken = new Set(given.map((n) => n.name.toUpperCase()));
  for (const n of given) {
    // A backslash is allowed in Excel's names (_1234\5678) but not in HyperFormula's.
    const backslash = n.name.includes('\\');
    if (!backslash && (!/^[A-Za-z_\\][\w.]*$/.test(n.name) || !nameShapeRefused(n.name))) continue;
    let alias = `${n.name.replace(/\\/g, '_')}_`;
    while (taken.has(alias.toUpperCase())) alias += '_';
    taken.add(alias.toUpperCase());
    renames.set(n.name.toUpperCase(), alias);
  }
  // A name beyond Excel's formula limits is left out (formulas using it show #NAME?): HyperFormula
  // would recurse through it as through a formula (src/sheet/formulaLimits.ts).
  const names = given
    .filter((n) => formulaLimitProblem(n.expression) === undefined)
    .map((n) => {
      const expression = n.expression.startsWith('=') ? renameNames(normalizeFormula(n.expression, { names: nameExpressions(options), absolute: true }), renames) : n.expression;
      return { name: renames.get(n.name.toUpperCase()) ?? n.name, expression };
    });
  return { names, renames };
}

/** The workbook's names by upper-case name → expression: what resolving reference operators over names needs. */
function nameExpressions(options: WorkbookOptions): ReadonlyMap<string, string> {
  const given = options.names ?? [];
  let map = NAME_MAPS.get(given);
  if (!map) {
    map = new Map(given.map((n) => [n.name.toUpperCase(), n.expression] as const));
    NAME_MAPS.set(given, map);
  }
  return map;
}
const NAME_MAPS = new WeakMap<readonly NamedExpressionInput[], Map<string, string>>();

/**
 * Builds the engine. Without workbook names, all contents at once (buildFromSheets evaluates once
 * and tracks no changes: more than twice as fast as filling an empty engine on a 100,000-row
 * sheet). With names, a name HyperFormula cannot hold (a relative reference, an unsupported
 * expression) is left out, so formulas using it show #NAME? while the rest still evaluates.
 */
function buildEngine(sheets: readonly SheetInput[], contents: RawCellContent[][][], options: WorkbookOptions, names: readonly NamedExpressionInput[]): HyperFormula {
  const config = workbookConfig(options);
  // The sheets' hidden rows, for SUBTOTAL (src/sheet/subtotal.ts reads them from the context).
  const rows = new Map(sheets.filter((s) => s.rows).map((s) => [s.name.toUpperCase(), s.rows as RowVisibility] as const));
  if (rows.size > 0) config.context = { ...(config.context as object), rows };
  // Without names, build in one go. With names, fill an empty engine: names must exist before the
  // formulas using them are entered, so that an array function over a named range is sized by it.
  if (names.length === 0) {
    const record: Record<string, RawCellContent[][]> = {};
    sheets.forEach((s, k) => (record[s.name] = contents[k]));
    return HyperFormula.buildFromSheets(record, config);
  }
  const hf = HyperFormula.buildEmpty(config);
  try {
    const ids = sheets.map((s, k) => hf.getSheetId(withSparseSheets(isSparseSheet(contents[k]), () => hf.addSheet(s.name))) as number);
    hf.batch(() => {
      for (const n of names) if (hf.isItPossibleToAddNamedExpression(n.name, n.expression)) hf.addNamedExpression(n.name, n.expression);
      ids.forEach((id, k) => hf.setSheetContent(id, contents[k]));
    });
  } catch (e) {
    hf.destroy();
    throw e;
  }
  return hf;
}

/** A formula cell replaced by an error because HyperFormula threw while building the workbook. */
export interface ReplacedFormula {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  readonly message: string;
}

/**
 * Builds the engine so that no single formula can stop the workbook. HyperFormula's interpreter
 * is guarded already (src/sheet/excelFunctions.ts guardEvaluation); what it still throws while
 * building (e.g. "Sheet size limit exceeded") is isolated here: the formulas are entered in a
 * growing prefix, the first prefix that fails names one culprit (by halving: about log2(n) builds
 * each), the culprit is replaced by #VALUE! and the search goes on until the workbook builds.
 */
function buildRobustly(
  sheets: readonly SheetInput[],
  contents: RawCellContent[][][],
  options: WorkbookOptions,
  names: readonly NamedExpressionInput[],
  replaced: ReplacedFormula[],
): HyperFormula {
  try {
    return buildEngine(sheets, contents, options, names);
  } catch (first) {
    const formulas: Array<[number, number, number]> = [];
    contents.forEach((rows, k) =>
      rows.forEach((row, r) => row.forEach((v, c) => typeof v === 'string' && v.startsWith('=') && formulas.push([k, r, c]))),
    );
    const culprits = new Map<string, string>();
    const attempt = (count: number): { hf?: HyperFormula; error?: unknown } => {
      // slice keeps a sparse row's holes (a spread would fill them); the shared empty row stays shared.
      const trial = contents.map((rows) => rows.map((row) => (row === NO_CELLS ? row : row.slice())));
      formulas.forEach(([k, r, c], i) => {
        if (i >= count) trial[k][r][c] = null;
        else if (culprits.has(`${k},${r},${c}`)) trial[k][r][c] = '#VALUE!';
      });
      try {
        return { hf: buildEngine(sheets, trial, options, names) };
      } catch (e) {
        return { error: e };
      }
    };
    let failure: unknown = first;
    for (;;) {
      // Smallest prefix that fails: formulas[n - 1] is a culprit.
      let lo = 0; // builds
      let hi = formulas.length; // fails
      const none = attempt(0);
      if (none.error !== undefined) throw none.error; // not a formula's doing: the input itself
      none.hf?.destroy();
      let lastError = failure;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        const t = attempt(mid);
        if (t.error === undefined) {
          t.hf?.destroy();
          lo = mid;
        } else {
          lastError = t.error;
          hi = mid;
        }
      }
      const [k, r, c] = formulas[hi - 1];
      const message = `Cannot evaluate this formula: ${lastError instanceof Error ? lastError.message : String(lastError)}`;
      culprits.set(`${k},${r},${c}`, message);
      contents[k][r][c] = '#VALUE!';
      replaced.push({ sheet: sheets[k].name, row: r, col: c, formula: String(sheets[k].cells[r][c]), message });
      const again = attempt(formulas.length);
      if (again.hf) return again.hf;
      failure = again.error;
    }
  }
}

/** The row given to HyperFormula for a row without cells (never written to: formulas are never in it). */
const NO_CELLS: RawCellContent[] = [];

/**
 * Above this many cells of a sheet's extent (and four times its input cells), the values are read
 * cell by cell instead of as HyperFormula's dense rectangle: one value at XFD1048576 would
 * otherwise be a rectangle of 17 billion cells.
 */
const DENSE_READ_CELLS = 1 << 20;

/**
 * A sheet's evaluated values: HyperFormula's dense rectangle for a compact sheet, otherwise a
 * sparse array (holes for blank cells) holding the input cells and the cells their arrays spill into.
 */
function readValues(hf: HyperFormula, sheet: number, contents: ReadonlyArray<ReadonlyArray<RawCellContent>>, count: number): OutputCell[][] {
  const dims = hf.getSheetDimensions(sheet);
  if (dims.width * dims.height <= Math.max(DENSE_READ_CELLS, 4 * count)) return hf.getSheetValues(sheet).map((row) => row.map(toOutput));
  const values: OutputCell[][] = [];
  const put = (row: number, col: number) => {
    const v = toOutput(hf.getCellValue({ sheet, row, col }));
    if (v !== null) (values[row] ??= [])[col] = v;
  };
  const isArrayPart = (row: number, col: number) => String(hf.getCellType({ sheet, row, col })) === 'ARRAY';
  contents.forEach((line, row) =>
    line.forEach((content, col) => {
      if (content === null || content === undefined) return;
      put(row, col);
      if (String(hf.getCellType({ sheet, row, col })) !== 'ARRAYFORMULA') return;
      // The array's extent: the cells to its right and below that belong to an array.
      let w = 1;
      let h = 1;
      while (col + w < dims.width && isArrayPart(row, col + w)) w++;
      while (row + h < dims.height && isArrayPart(row + h, col)) h++;
      for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) if (r > 0 || c > 0) put(row + r, col + c);
    }),
  );
  return values;
}

/**
 * A CYBER function over a whole column or row (=CYBER.POOLSHARE(A:A)) returns one value per used
 * row of it, a size HyperFormula fixes when it reads the formula — while building, before the
 * cells below were read. Such formulas are entered again once every cell is in place
 * (src/sheet/plugin.ts, readsWholeLines).
 */
function enterWholeLinesAgain(hf: HyperFormula, sheets: readonly SheetInput[], contents: ReadonlyArray<ReadonlyArray<ReadonlyArray<RawCellContent>>>, names: readonly NamedExpressionInput[]): void {
  const nameList = names.filter((n) => mentionsWholeLine(n.expression)).map((n) => n.name);
  const again: Array<{ sheet: number; row: number; col: number; formula: string }> = [];
  contents.forEach((rows, k) =>
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === 'string' && v.startsWith('=') && readsWholeLines(v, nameList)) again.push({ sheet: k, row: r, col: c, formula: v });
      }),
    ),
  );
  if (again.length === 0) return;
  const ids = sheets.map((s) => hf.getSheetId(s.name) as number);
  hf.batch(() => {
    for (const a of again) {
      try {
        hf.setCellContents({ sheet: ids[a.sheet], row: a.row, col: a.col }, [[a.formula]]);
      } catch {
        // left as built: its value says what went wrong
      }
    }
  });
}

/** Evaluates every sheet (formulas may refer to other sheets) and returns them in order. */
export function evaluateWorkbook(given: readonly SheetInput[], options: WorkbookOptions = {}): SheetResult[] {
  registerCyberFunctions(options.language ?? 'en');
  // Jan:Mar!B6 across the workbook's sheets, as Excel reads it (src/sheet/threeD.ts).
  const sheets = withThreeDReferences(given);
  const { names, renames } = prepareNames(options);
  // Inputs may be sparse (a row or a cell absent: an array hole): the holes stay holes, and an
  // absent row becomes the one shared empty row, so one cell at XFD1048576 costs one cell.
  const counts: number[] = [];
  const allNames = nameExpressions(options);
  const contents = sheets.map((s) => {
    const context: FormulaContext = { sheet: s.name, names: allNames };
    const rows: RawCellContent[][] = new Array<RawCellContent[]>(s.cells.length);
    let count = 0;
    for (let r = 0; r < s.cells.length; r++) {
      const row = s.cells[r];
      if (row === undefined || row.length === 0) {
        rows[r] = NO_CELLS;
        continue;
      }
      rows[r] = row.map((cell) => {
        if (cell !== null && cell !== undefined) count++;
        const content = toContent(cell, options.language, context);
        return renames.size > 0 && typeof content === 'string' && content.startsWith('=') ? renameNames(content, renames) : content;
      });
    }
    counts.push(count);
    return rows;
  });
  // An array formula read with its range gets that range's size up front (XLFIT): HyperFormula
  // otherwise sizes it from its arguments before evaluating, as one cell when they are computed.
  const shown = new Map<string, string>(); // "sheet,row,col" → the formula as read, for the output
  sheets.forEach((s, k) =>
    (s.arrays ?? []).forEach((a) => {
      const content = contents[k][a.row]?.[a.col];
      const m = typeof content === 'string' ? /^=\s*ARRAYFORMULA\s*\(([\s\S]*)\)\s*$/i.exec(content) : null;
      if (!m || typeof content !== 'string' || a.rows * a.cols < 1) return;
      shown.set(`${k},${a.row},${a.col}`, content);
      contents[k][a.row][a.col] = `=ARRAYFORMULA(XLFIT(${m[1]},${a.rows},${a.cols}))`;
    }),
  );
  const replaced: ReplacedFormula[] = [];
  const hf = buildRobustly(sheets, contents, options, names, replaced);
  // INDIRECT and a computed OFFSET read their cells when evaluated, with no dependency HyperFormula
  // could order them by: a cell they read may not have been computed yet when they ran. Both are
  // volatile, so an empty batch evaluates them again with every other cell computed (twice: one
  // reading another).
  if (contents.some((rows) => rows.some((row) => row.some((v) => typeof v === 'string' && /(INDIRECT|XLOFFSET|XLRANGE)\s*\(/i.test(v))))) {
    hf.batch(() => undefined);
    hf.batch(() => undefined);
  }
  enterWholeLinesAgain(hf, sheets, contents, names);
  // Circles of references HyperFormula sees in the formulas' text, followed as Excel follows them
  // (only the references read) and iterated when the workbook turns iterative calculation on.
  resolveCircularReferences(hf, options.iteration);
  try {
    const ids = sheets.map((s) => hf.getSheetId(s.name) as number);
    return sheets.map((s, k) => {
      const values = readValues(hf, ids[k], contents[k], counts[k]);
      const formulas = new Map<string, string>();
      s.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const content = contents[k][r][c];
          if (typeof content === 'string' && content.startsWith('=') && !isInputError(cell)) {
            // A formula entered as XLLIMIT (beyond Excel's limits) is shown as it was read.
            formulas.set(`${r},${c}`, shown.get(`${k},${r},${c}`) ?? (content.startsWith('=XLLIMIT(') && typeof cell === 'string' ? cell : content));
          }
          // An error code HyperFormula does not know (#NULL!, #CALC!, ...) reads back as entered.
          if (isInputError(cell) && content === '#ERROR!') {
            const code = cell.error.trim().toUpperCase();
            (values[r] ??= [])[c] = { error: code, message: DEFAULT_MESSAGES[code] ?? code };
          }
        }),
      );
      if (s.arrays) fillArrayAreas(values, s.arrays);
      for (const x of replaced) {
        if (x.sheet !== s.name) continue;
        (values[x.row] ??= [])[x.col] = { error: '#VALUE!', message: x.message };
        formulas.set(`${x.row},${x.col}`, x.formula);
      }
      return { name: s.name, values, formulas, replaced: replaced.filter((x) => x.sheet === s.name) };
    });
  } finally {
    hf.destroy();
  }
}

/**
 * An array formula entered over a range larger than its result is filled as Excel fills it: a
 * single value in every cell, a one-row (one-column) result repeated down (across), and #N/A in
 * the cells beyond a larger result. HyperFormula writes only the result's own size.
 */
function fillArrayAreas(values: OutputCell[][], areas: readonly ArrayArea[]): void {
  const at = (r: number, c: number): OutputCell | undefined => values[r]?.[c];
  for (const a of areas) {
    if (a.rows * a.cols <= 1) continue;
    // The result's size: the filled extent from the anchor (a blank result cell is rare; it ends the scan).
    let h = 1;
    let w = 1;
    while (h < a.rows && at(a.row + h, a.col) !== null && at(a.row + h, a.col) !== undefined) h++;
    while (w < a.cols && at(a.row, a.col + w) !== null && at(a.row, a.col + w) !== undefined) w++;
    if (h === a.rows && w === a.cols) continue;
    for (let r = 0; r < a.rows; r++) {
      for (let c = 0; c < a.cols; c++) {
        if (r < h && c < w) continue;
        const sr = h === 1 ? 0 : r;
        const sc = w === 1 ? 0 : c;
        const v = sr < h && sc < w ? (at(a.row + sr, a.col + sc) ?? null) : { error: '#N/A', message: 'The array result is smaller than the range of the array formula.' };
        while (values.length <= a.row + r) values.push([]);
        const line = values[a.row + r];
        while (line.length <= a.col + c) line.push(null);
        line[a.col + c] = v;
      }
    }
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
