/**
 * The task pane's {@link WorkbookGateway} over the workbench's own workbook (HyperFormula with the
 * CYBER plugin, src/workbench/model.ts), for the standalone page used without Excel.
 *
 * Where Excel leaves a choice, the workbench does this:
 * - HyperFormula recalculates on every write, so `recalculate` has nothing left to do;
 * - `addSheet` makes the new sheet active (A1 selected), as Excel does with a new worksheet; a
 *   name that already exists is pointed at the new sheet's cell (the latest model wins); a
 *   sheet's print setup is not kept (the workbench has no page layout: a statement prints from
 *   the pane's print view), and `wrap` is not shown;
 * - settings live in the workbook model and are saved into the .xlsx file (src/workbench/xlsx.ts),
 *   so they travel with the workbook as Office's document settings do;
 * - `readInput` of an array formula gives its formula; the array flag is not part of CellInput;
 * - what the pane writes in one go (its calls before the page next gets control: a template sheet,
 *   a sensitivity run and its table) is ONE undo step of the workbench, as a macro's writes are
 *   one action; a run that writes its input and restores it leaves no step at all.
 */
import type { CellInput, CellValue, SelectedCell, SheetSpec, WorkbookGateway } from '../taskpane/gateway';
import { absoluteQualified, parseRange, qualified, type RangeRef } from './address';
import { isFormula, type WorkbenchModel } from './model';

export interface WorkbenchGatewayOptions {
  /** The UI language to report; defaults to the browser's. */
  readonly displayLanguage?: string;
}

function browserLanguage(): string | undefined {
  return typeof navigator !== 'undefined' && typeof navigator.language === 'string' ? navigator.language : undefined;
}

function withEquals(formula: string): string {
  return formula.trimStart().startsWith('=') ? formula.trimStart() : `=${formula.trimStart()}`;
}

export function createWorkbenchGateway(model: WorkbenchModel, options: WorkbenchGatewayOptions = {}): WorkbookGateway {
  const sheetOf = (range: RangeRef) => model.canonicalSheetName(range.sheet ?? model.activeSheet);
  // One undo step per burst of pane writes: the step closes when the page next gets control.
  let groupOpen = false;
  const group = (label: string) => {
    if (groupOpen) return;
    groupOpen = true;
    model.openGroup(label);
    setTimeout(() => {
      groupOpen = false;
      model.closeGroup();
    }, 0);
  };
  const single = (address: string) => {
    const range = parseRange(address);
    return { sheet: sheetOf(range), row: range.start.row, col: range.start.col };
  };

  return {
    kind: 'workbench',
    ready: () => Promise.resolve({ inOffice: false }),
    displayLanguage: () => options.displayLanguage ?? browserLanguage(),

    async getSelectedCell(): Promise<SelectedCell | null> {
      const s = model.selection;
      if (!s || !model.hasSheet(s.sheet)) return null;
      const input = model.getInput(s.sheet, s.row, s.col);
      const spill = model.spillSize(s.sheet, s.row, s.col);
      const value =
        spill && (spill.rows > 1 || spill.cols > 1)
          ? model.getValues(s.sheet, { row: s.row, col: s.col }, { row: s.row + spill.rows - 1, col: s.col + spill.cols - 1 })
          : model.getValue(s.sheet, s.row, s.col);
      return { address: qualified(s.sheet, s), sheet: s.sheet, formula: isFormula(input) ? input.formula : null, value };
    },

    onSelectionChanged: (handler) => model.onSelectionChanged(handler),

    async readRange(address: string): Promise<CellValue[][]> {
      const range = parseRange(address);
      return model.getValues(sheetOf(range), range.start, range.end);
    },

    async readInput(address: string): Promise<CellInput> {
      const c = single(address);
      return model.getInput(c.sheet, c.row, c.col);
    },

    async writeInput(address: string, input: CellInput): Promise<void> {
      const c = single(address);
      group('Task pane');
      model.setInput(c.sheet, c.row, c.col, isFormula(input) ? { formula: withEquals(input.formula) } : input);
    },

    async evaluateFormula(formula: string, sheet: string): Promise<CellValue | CellValue[][]> {
      return model.evaluate(withEquals(formula), model.canonicalSheetName(sheet));
    },

    async recalculate(): Promise<void> {
      // HyperFormula has already recalculated everything the last write touched.
    },

    // An opened xlsx's <workbookPr date1904="1"/> (src/workbench/xlsx.ts).
    isDate1904: async () => model.isDate1904(),

    async addSheet(spec: SheetSpec): Promise<string> {
      group('Task pane: new sheet');
      let name: string;
      if (spec.replace && model.hasSheet(spec.name)) {
        // Refreshing in place: a fresh sheet right after the old one takes over its name and place
        // (added before the old one goes, so the workbook never lacks a visible sheet).
        const old = model.canonicalSheetName(spec.name);
        const fresh = model.addSheet(old, { index: model.sheetNames({ includeHidden: true }).indexOf(old) + 1 });
        model.removeSheet(old);
        name = model.renameSheet(fresh, old);
      } else {
        name = model.addSheet(spec.name);
      }
      const cells = spec.cells.map((w) => {
        const ref = parseRange(w.address).start;
        return { ...ref, input: isFormula(w.input) ? { formula: withEquals(w.input.formula) } : w.input, write: w };
      });
      // Names first: the new sheet's formulas may use them.
      for (const n of spec.names ?? []) model.setName(n.name, `=${absoluteQualified(name, parseRange(n.address))}`);
      model.writeInputs(name, cells);
      for (const c of cells) {
        const { numberFormat, bold, fill } = c.write;
        if (numberFormat !== undefined || bold !== undefined || fill !== undefined) model.setStyle(name, c.row, c.col, { numberFormat, bold, fill });
      }
      if (spec.columnWidths) model.setColumnWidths(name, spec.columnWidths);
      for (const chart of spec.charts ?? []) model.addChart(name, chart);
      model.select(name, 0, 0);
      return name;
    },

    async loadSetting(k: string): Promise<string | null> {
      return model.getSetting(k);
    },

    async saveSetting(k: string, value: string | null): Promise<void> {
      model.setSetting(k, value);
    },

    // A download made by the page itself (a blob: link clicked): nothing leaves the machine.
    async downloadFile(fileName: string, text: string, mimeType: string): Promise<void> {
      const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  };
}
