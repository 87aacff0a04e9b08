/**
 * The {@link WorkbookGateway} over office.js: every `Excel.run` call of the add-in lives here
 * (STYLE.md point 8). Features of the pane never see a RequestContext; they read and write
 * through the gateway, which the workbench implements over its own grid and tests fake.
 */
import { qualifyReferences } from './formulaArgs';
import { columnLetters, parseRange, sheetPrefix, splitAddress } from './addresses';
import type { CellInput, CellValue, CellWrite, ChartSpec, PrintSetup, SelectedCell, SheetSpec, WorkbookGateway } from './gateway';
import { createOfficeGateway, type OfficeGateway } from './officeGateway';
import { readWorkbookDate1904 } from '../functions/workbookDateSystem';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelGatewayOptions {
  /** Defaults to the global `Excel.run`. */
  readonly run?: Run;
  /** Defaults to `Office.context.document.settings` (saved in the workbook). */
  readonly settings?: () => Office.Settings;
  /** Defaults to the gateway over the real office.js. */
  readonly office?: OfficeGateway;
}

/** The hidden sheet formulas are evaluated on; deleted again after every evaluation. */
export const SCRATCH_SHEET = 'CyberBI_scratch';

function rangeOf(context: Excel.RequestContext, address: string): Excel.Range {
  const { sheet, range } = splitAddress(address);
  const ws = sheet === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheet);
  return ws.getRange(range);
}

/** One Excel cell (value + valueType) as the gateway's host-neutral value. */
function toCellValue(value: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { error: String(value) };
  if (type === 'Empty' || value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function toGrid(values: unknown[][], types: string[][] | undefined): CellValue[][] {
  return values.map((row, r) => row.map((v, c) => toCellValue(v, Array.isArray(types) ? types[r]?.[c] : undefined)));
}

/** A stored formula or value, as typed. */
function toInput(formula: unknown, value: unknown, type: string | undefined): CellInput {
  // Text typed as '=... reads back with the same text as "formula": it is a value.
  const isText = type === 'String' && value === formula;
  if (typeof formula === 'string' && formula.startsWith('=') && !isText) return { formula };
  const v = toCellValue(value, type);
  return typeof v === 'object' && v !== null ? { formula: `=${(v as { error: string }).error}` } : v;
}

function writeCell(range: Excel.Range, input: CellInput): void {
  if (input === null || input === '') {
    range.clear('Contents');
  } else if (typeof input === 'object') {
    range.formulas = [[input.formula]];
  } else if (typeof input === 'string' && /^[=+\-@]/.test(input)) {
    // Text that Excel would read as a formula stays text.
    range.values = [[`'${input}`]];
  } else {
    range.values = [[input]];
  }
}

function applyFormat(range: Excel.Range, cell: CellWrite): void {
  if (cell.numberFormat) range.numberFormat = [[cell.numberFormat]];
  if (cell.bold) range.format.font.bold = true;
  if (cell.fill) range.format.fill.color = cell.fill;
  if (cell.wrap) {
    range.format.wrapText = true;
    range.format.verticalAlignment = 'Top';
  }
}

/** The page-layout part of an Excel worksheet that {@link applyPrintSetup} writes (ExcelApi 1.9). */
export type PrintablePageLayout = Pick<Excel.PageLayout, 'orientation' | 'paperSize' | 'printGridlines' | 'centerHorizontally' | 'setPrintArea' | 'setPrintTitleRows'> & {
  zoom: Excel.PageLayoutZoomOptions;
  readonly headersFooters: { readonly defaultForAllPages: Pick<Excel.HeaderFooter, 'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter'> };
};

/**
 * A statement's page setup on a worksheet: orientation, paper, print area, the rows repeated on
 * every page, header and footer, one page wide, no gridlines (Excel.PageLayout, ExcelApi 1.9).
 */
export function applyPrintSetup(layout: PrintablePageLayout, print: PrintSetup): void {
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (print.paper) layout.paperSize = print.paper;
  layout.printGridlines = false;
  layout.centerHorizontally = true;
  layout.setPrintArea(print.area);
  if (print.titleRows) layout.setPrintTitleRows(print.titleRows.split(':').map((r) => `$${r}`).join(':'));
  // Fit to one page wide, as many pages tall as it takes (null: not constrained).
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: null as unknown as number };
  const hf = layout.headersFooters.defaultForAllPages;
  if (print.header?.left !== undefined) hf.leftHeader = print.header.left;
  if (print.header?.center !== undefined) hf.centerHeader = print.header.center;
  if (print.header?.right !== undefined) hf.rightHeader = print.header.right;
  if (print.footer?.left !== undefined) hf.leftFooter = print.footer.left;
  if (print.footer?.center !== undefined) hf.centerFooter = print.footer.center;
  if (print.footer?.right !== undefined) hf.rightFooter = print.footer.right;
}

const CHART_TYPES: Record<ChartSpec['kind'], Excel.ChartType> = {
  column: Excel_ChartType('ColumnClustered'),
  bar: Excel_ChartType('BarClustered'),
  line: Excel_ChartType('Line'),
};

/**
 * For a chart over a two-column range of this sheet whose first column the spec fills with
 * numbers: its label column and its amount column (ChartSpec: first column labels, second amounts).
 */
export function chartLabelsAreNumbers(spec: SheetSpec, chart: ChartSpec): { labels: string; values: string } | undefined {
  const { sheet, range } = splitAddress(chart.dataAddress);
  const r = parseRange(range);
  if (sheet !== undefined || !r || r.right !== r.left + 1) return undefined;
  const first = spec.cells.find((c) => c.address.replace(/\$/g, '').toUpperCase() === `${columnLetters(r.left)}${r.top}`);
  if (typeof first?.input !== 'number') return undefined;
  const [a, b] = [columnLetters(r.left), columnLetters(r.right)];
  return { labels: `${a}${r.top}:${a}${r.bottom}`, values: `${b}${r.top}:${b}${r.bottom}` };
}

/** The chart type's name (office.js accepts the string form of its enums). */
function Excel_ChartType(name: string): Excel.ChartType {
  return name as Excel.ChartType;
}

/** "Claim", "Claim (2)", "Claim (3)", ...: the names a new sheet may take, in order of preference. */
export function sheetNameCandidates(wanted: string, count: number): string[] {
  // Excel sheet names are at most 31 characters, without []:*?/\.
  const clean = wanted.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  const out = [clean];
  for (let k = 2; out.length < count; k++) {
    const suffix = ` (${k})`;
    out.push(clean.slice(0, 31 - suffix.length) + suffix);
  }
  return out;
}

function settingsOf(): Office.Settings {
  return Office.context.document.settings;
}

function saveSettings(settings: Office.Settings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result && String(result.status).toLowerCase() === 'failed') reject(new Error(result.error?.message ?? 'saving the settings failed'));
      else resolve();
    });
  });
}

export function createExcelGateway(options: ExcelGatewayOptions = {}): WorkbookGateway {
  const run: Run = options.run ?? ((batch) => Excel.run(batch));
  const settings = options.settings ?? settingsOf;
  const office = options.office ?? createOfficeGateway();

  async function selected(context: Excel.RequestContext): Promise<SelectedCell | null> {
    const cell = context.workbook.getActiveCell();
    cell.load(['address', 'formulas', 'values', 'valueTypes']);
    await context.sync();
    let anchor: Excel.Range = cell;
    let formula: unknown = cell.formulas[0][0];
    if (!(typeof formula === 'string' && formula.startsWith('='))) {
      // A cell inside a spilled array: the formula (and the whole array) is its anchor's.
      const parent = cell.getSpillParentOrNullObject();
      parent.load(['address', 'formulas', 'isNullObject']);
      await context.sync();
      if (!parent.isNullObject) {
        anchor = parent;
        formula = parent.formulas[0][0];
      }
    }
    const address = anchor === cell ? cell.address : anchor.address;
    const { sheet } = splitAddress(address);
    const isFormula = typeof formula === 'string' && formula.startsWith('=');
    let value: CellValue | CellValue[][] = toCellValue(cell.values[0][0], cell.valueTypes[0][0]);
    if (isFormula) {
      const spill = anchor.getSpillingToRangeOrNullObject();
      spill.load(['values', 'valueTypes', 'isNullObject']);
      if (anchor !== cell) anchor.load(['values', 'valueTypes']);
      await context.sync();
      if (!spill.isNullObject) value = toGrid(spill.values, spill.valueTypes);
      else if (anchor !== cell) value = toCellValue(anchor.values[0][0], anchor.valueTypes[0][0]);
    }
    return { address, sheet: sheet ?? '', formula: isFormula ? (formula as string) : null, value };
  }

  return {
    kind: 'excel',
    ready: () => office.ready(),
    displayLanguage: () => office.displayLanguage(),

    getSelectedCell: () => run((context) => selected(context)),

    onSelectionChanged(handler) {
      let registration: OfficeExtension.EventHandlerResult<Excel.SelectionChangedEventArgs> | undefined;
      let removed = false;
      void run(async (context) => {
        registration = context.workbook.onSelectionChanged.add(async () => handler());
        await context.sync();
      }).then(() => {
        if (removed) void remove();
      });
      async function remove() {
        const r = registration;
        if (!r) return;
        registration = undefined;
        await Excel.run(r.context, async (context) => {
          r.remove();
          await context.sync();
        });
      }
      return () => {
        removed = true;
        void remove().catch(() => undefined);
      };
    },

    readRange: (address) =>
      run(async (context) => {
        const range = rangeOf(context, address);
        range.load(['values', 'valueTypes']);
        await context.sync();
        return toGrid(range.values, range.valueTypes);
      }),

    readInput: (address) =>
      run(async (context) => {
        const range = rangeOf(context, address).getCell(0, 0);
        range.load(['formulas', 'values', 'valueTypes']);
        await context.sync();
        return toInput(range.formulas[0][0], range.values[0][0], range.valueTypes[0][0]);
      }),

    writeInput: (address, input) =>
      run(async (context) => {
        writeCell(rangeOf(context, address).getCell(0, 0), input);
        await context.sync();
      }),

    evaluateFormula: (formula, sheet) =>
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        const stale = sheets.getItemOrNullObject(SCRATCH_SHEET);
        stale.load('isNullObject');
        await context.sync();
        if (!stale.isNullObject) stale.delete();
        const scratch = sheets.add(SCRATCH_SHEET);
        scratch.visibility = 'VeryHidden';
        try {
          const body = formula.startsWith('=') ? formula : `=${formula}`;
          const cell = scratch.getRange('A1');
          cell.formulas = [[qualifyReferences(body, sheet)]];
          const spill = cell.getSpillingToRangeOrNullObject();
          cell.load(['values', 'valueTypes']);
          spill.load(['values', 'valueTypes', 'isNullObject']);
          await context.sync();
          if (!spill.isNullObject) return toGrid(spill.values, spill.valueTypes);
          return toCellValue(cell.values[0][0], cell.valueTypes[0][0]);
        } finally {
          scratch.delete();
          await context.sync();
        }
      }),

    recalculate: () =>
      run(async (context) => {
        context.workbook.application.calculate('Recalculate');
        await context.sync();
      }),

    // Excel's own DATE(1904,1,2), as the custom functions ask it (src/functions/workbookDateSystem.ts);
    // an Excel that cannot answer (no ExcelApi 1.2) is taken as 1900, as the functions take it.
    isDate1904: () => readWorkbookDate1904(run).then((on) => on === true, () => false),

    addSheet: (spec: SheetSpec) =>
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        // Candidate names "Name", "Name (2)", ... checked in one round trip.
        const candidates = sheetNameCandidates(spec.name, 50);
        const probes = candidates.map((c) => sheets.getItemOrNullObject(c));
        const nameProbes = (spec.names ?? []).map((n) => context.workbook.names.getItemOrNullObject(n.name));
        probes.forEach((p) => p.load('isNullObject'));
        nameProbes.forEach((p) => p.load('isNullObject'));
        // Replacing: the sheet of exactly that name, if it exists, is emptied and written again.
        const existing = spec.replace ? sheets.getItemOrNullObject(spec.name) : undefined;
        existing?.load(['isNullObject', 'name']);
        await context.sync();
        let name: string;
        let ws: Excel.Worksheet;
        if (existing && !existing.isNullObject) {
          name = existing.name;
          ws = existing;
          ws.charts.load('items');
          await context.sync();
          ws.getRange().clear('All');
          for (const c of ws.charts.items) c.delete();
        } else {
          const free = probes.findIndex((p) => p.isNullObject);
          if (free < 0) throw new Error(`too many sheets named ${spec.name}`);
          name = candidates[free];
          ws = sheets.add(name);
        }
        for (const cell of spec.cells) {
          const range = ws.getRange(cell.address);
          writeCell(range, cell.input);
          applyFormat(range, cell);
        }
        for (const [col, width] of Object.entries(spec.columnWidths ?? {})) {
          // Excel measures column widths in points; a character of the default font is about 7.
          ws.getRange(`${col}:${col}`).format.columnWidth = width * 7;
        }
        const taken = new Set((spec.names ?? []).filter((_, k) => !nameProbes[k].isNullObject).map((n) => n.name.toLowerCase()));
        const added = new Set<string>();
        for (const n of spec.names ?? []) {
          const reference = `=${sheetPrefix(name)}${splitAddress(n.address).range.split(':').map((c) => c.replace(/^([A-Z]+)([0-9]+)$/, '$$$1$$$2')).join(':')}`;
          // A name taken by an earlier model becomes this sheet's own (worksheet-scoped) name.
          if (taken.has(n.name.toLowerCase()) || added.has(n.name.toLowerCase())) ws.names.add(n.name, reference);
          else context.workbook.names.add(n.name, reference);
          added.add(n.name.toLowerCase());
        }
        for (const c of spec.charts ?? []) {
          const numericLabels = chartLabelsAreNumbers(spec, c);
          // Numbers in the first column (a sweep's input values) would be read by Excel as a
          // second series: the chart is made of the amounts, with the first column as x values.
          const chart = numericLabels
            ? ws.charts.add(CHART_TYPES[c.kind], ws.getRange(numericLabels.values), 'Columns')
            : ws.charts.add(CHART_TYPES[c.kind], ws.getRange(c.dataAddress), 'Columns');
          if (numericLabels) chart.series.getItemAt(0).setXAxisValues(ws.getRange(numericLabels.labels));
          chart.title.text = c.title;
          chart.legend.visible = false;
          chart.setPosition(c.anchor);
        }
        ws.activate();
        await context.sync();
        if (spec.print) {
          // Its own round trip: a host without ExcelApi 1.9's page layout still gets the sheet.
          applyPrintSetup(ws.pageLayout as unknown as PrintablePageLayout, spec.print);
          await context.sync().catch(() => undefined);
        }
        return name;
      }),

    async loadSetting(key) {
      const value: unknown = settings().get(key);
      return typeof value === 'string' ? value : value === null || value === undefined ? null : JSON.stringify(value);
    },

    async saveSetting(key, value) {
      const s = settings();
      if (value === null) s.remove(key);
      else s.set(key, value);
      await saveSettings(s);
    },
  };
}
