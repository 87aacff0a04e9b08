/**
 * Scenarios side by side (issue 15, 2): two or more stored scenarios of one policy form's
 * entries. Each scenario's model is built on its own sheet (the template's own live formulas,
 * without its workbook names, so the user's models keep theirs), and a comparison sheet puts the
 * scenarios in columns: every input (those that differ from the first scenario highlighted),
 * every result, and each result's difference from the first scenario, absolute and relative —
 * all live formulas referring to the model sheets. The pane shows the same figures, read back
 * from the models. Pure logic over the gateway: no React.
 */
import type { Text } from '../engine';
import { dateShown, to1900 } from '../sheet/dateSystem';
import { cellAddress, columnLetters, parseCell, sheetPrefix } from './addresses';
import type { CellInput, CellValue, CellWrite, WorkbookGateway } from './gateway';
import type { Language } from './i18n';
import { COMPARE_TEXT } from './compareText';
import { workbookDate1904 } from './explain';
import type { Scenario } from './scenarios';
import { findTemplate } from './templates';
import { defaultInputs, serialToIso, validateForm } from './templates/form';
import { FORMAT, specInDateSystem } from './templates/sheetBuilder';
import type { BuiltTemplate, FieldDef, FieldValue, TemplateDefinition } from './templates/types';

/** Highlight of an input that differs from the first scenario's. */
export const DIFFERS_FILL = '#FFE699';
const HEADER_FILL = '#D9E1F2';
const SECTION_FILL = '#B4C6E7';

export type TemplateScenario = Extract<Scenario, { kind: 'template' }>;

export interface CompareInput {
  readonly key: string;
  readonly label: Text;
  readonly kind: FieldDef['kind'];
  /** Per scenario: the entry's value (a table or series by its number of lines). */
  readonly values: ReadonlyArray<number | string | boolean | null>;
  /** Per scenario: differs from the first scenario's (false for the first). */
  readonly differs: readonly boolean[];
}

export interface CompareResult {
  readonly key: string;
  readonly label: Text;
  readonly format?: string;
  /** Per scenario: the model's value (errors as their code; a date as its 1900 serial, as the inputs' dates; a negative date of a 1904 workbook as the text Excel shows). */
  readonly values: readonly CellValue[];
  /** Per scenario: value − the first scenario's (null for the first, or when either is not a number). */
  readonly absolute: ReadonlyArray<number | null>;
  /** Per scenario: value ÷ the first scenario's − 1 (null as above, or when the first is 0). */
  readonly relative: ReadonlyArray<number | null>;
}

export interface Comparison {
  readonly templateId: string;
  readonly language: Language;
  readonly scenarios: ReadonlyArray<{ readonly name: string; readonly sheet: string }>;
  readonly inputs: readonly CompareInput[];
  readonly results: readonly CompareResult[];
  /** The comparison sheet's name. */
  readonly sheet: string;
}

export type CompareProblemKind = 'chooseTwo' | 'onlyTemplates' | 'oneTemplate' | 'invalid';

export class CompareProblem extends Error {
  constructor(
    readonly kind: CompareProblemKind,
    readonly scenario?: string,
    readonly detail?: Text,
  ) {
    super(kind);
    this.name = 'CompareProblem';
  }
}

/** Why these scenarios cannot be compared, or undefined when they can. */
export function compareProblem(selected: readonly Scenario[]): CompareProblemKind | undefined {
  if (selected.some((s) => s.kind !== 'template')) return 'onlyTemplates';
  if (selected.length < 2) return 'chooseTwo';
  if (new Set(selected.map((s) => (s as TemplateScenario).templateId)).size > 1) return 'oneTemplate';
  if (!findTemplate((selected[0] as TemplateScenario).templateId)) return 'oneTemplate';
  return undefined;
}

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\). */
function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Scenario';
}

function fields(template: TemplateDefinition): FieldDef[] {
  return template.sections.flatMap((s) => s.fields);
}

/** What the comparison shows of an entry: a scalar as it is, a table or series by its lines. */
function shown(v: FieldValue | undefined): number | string | boolean | null {
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.length;
  return v;
}

const FORMAT_OF_KIND: Partial<Record<FieldDef['kind'], string>> = {
  amount: FORMAT.money,
  ratio: FORMAT.ratio,
  rate: FORMAT.ratio,
  date: FORMAT.date,
  hours: FORMAT.hours,
  days: FORMAT.days,
};

/** The results of a built model: its bold formula cells of column C, by key, with their labels. */
function resultsOf(built: BuiltTemplate): Array<{ key: string; address: string; label: Text; format?: string }> {
  const keyOf = new Map(Object.entries(built.refs).map(([k, a]) => [a, k]));
  const at = new Map(built.spec.cells.map((c) => [c.address, c]));
  const out: Array<{ key: string; address: string; label: Text; format?: string }> = [];
  for (const c of built.spec.cells) {
    const p = parseCell(c.address);
    if (!p || p.col !== 3 || !c.bold || c.input === null || typeof c.input !== 'object') continue;
    const key = keyOf.get(c.address);
    if (!key) continue;
    const en = at.get(`A${p.row}`)?.input;
    const zh = at.get(`B${p.row}`)?.input;
    out.push({ key, address: c.address, label: { en: typeof en === 'string' ? en : key, zh: typeof zh === 'string' ? zh : typeof en === 'string' ? en : key }, format: c.numberFormat });
  }
  return out;
}

/**
 * A date result read from a model sheet → what the comparison holds for the pane: a date as its
 * 1900 serial, as the entries' dates. A negative serial is no date of the workbook's system (moved
 * by 1,462 days it would be a day of 1900–1903): in a 1904 workbook, the text Excel shows in the
 * cell ("-1904-01-02", src/sheet/dateSystem.ts dateShown); in a 1900 one the number as the cell
 * holds it, which the pane shows as the cell's pound signs (statement.ts figureText).
 */
export function comparedDate(v: CellValue, date1904: boolean): CellValue {
  if (typeof v !== 'number') return v;
  if (v >= 0) return to1900(v, date1904);
  return date1904 ? dateShown(v, true, serialToIso) : v;
}

function first(v: CellValue[][]): CellValue {
  return v[0]?.[0] ?? null;
}

/**
 * Builds each scenario's model, then the comparison sheet; returns what the pane shows.
 * Throws {@link CompareProblem} before writing anything when the scenarios cannot be compared.
 */
export async function compareScenarios(gateway: WorkbookGateway, selected: readonly Scenario[], language: Language): Promise<Comparison> {
  const problem = compareProblem(selected);
  if (problem) throw new CompareProblem(problem);
  const scenarios = selected as readonly TemplateScenario[];
  const template = findTemplate(scenarios[0].templateId)!;
  // Every scenario is checked before anything is written.
  const values = scenarios.map((s) => {
    const v = validateForm(template, { ...defaultInputs(template), ...s.inputs });
    if (!v.ok) {
      const message = Object.values(v.errors)[0] ?? v.formErrors[0] ?? { en: '', zh: '' };
      throw new CompareProblem('invalid', s.name, message);
    }
    return v.values;
  });
  const t = COMPARE_TEXT[language];
  const built = values.map((v) => template.build(v));
  // Dates are written in the workbook's system and read back into the 1900 one the form's entries count in.
  const date1904 = await workbookDate1904(gateway);
  const sheets: string[] = [];
  for (let i = 0; i < scenarios.length; i++) {
    // The template's live model without its workbook names (the user's models keep theirs) or its chart.
    sheets.push(await gateway.addSheet({ ...specInDateSystem(built[i].spec, date1904), name: sheetName(t.modelSheet(scenarios[i].name)), names: [], charts: [] }));
  }
  await gateway.recalculate();

  const inputs: CompareInput[] = fields(template).map((f) => {
    const vs = values.map((v) => v[f.key]);
    const base = JSON.stringify(vs[0] ?? null);
    return { key: f.key, label: f.label, kind: f.kind, values: vs.map(shown), differs: vs.map((v, i) => i > 0 && JSON.stringify(v ?? null) !== base) };
  });

  const perScenario = built.map(resultsOf);
  const results: CompareResult[] = [];
  for (const r of perScenario[0]) {
    const cells = perScenario.map((list) => list.find((x) => x.key === r.key));
    if (cells.some((c) => !c)) continue;
    const read: CellValue[] = [];
    for (let i = 0; i < cells.length; i++) read.push(first(await gateway.readRange(`${sheetPrefix(sheets[i])}${cells[i]!.address}`)));
    const base = read[0];
    // The differences as the comparison sheet computes them, from the cells' own values.
    const absolute = read.map((v, i) => (i > 0 && typeof v === 'number' && typeof base === 'number' ? v - base : null));
    const relative = read.map((v, i) => (i > 0 && typeof v === 'number' && typeof base === 'number' && base !== 0 ? v / base - 1 : null));
    const values = r.format === FORMAT.date ? read.map((v) => comparedDate(v, date1904)) : read;
    results.push({ key: r.key, label: r.label, format: r.format, values, absolute, relative });
  }

  const sheet = await gateway.addSheet(comparisonSheet(template, scenarios.map((s) => s.name), sheets, built, inputs, results, language));
  return { templateId: template.id, language, scenarios: scenarios.map((s, i) => ({ name: s.name, sheet: sheets[i] })), inputs, results, sheet };
}

/** The comparison sheet: scenarios in columns, live formulas into each model sheet. */
export function comparisonSheet(
  template: TemplateDefinition,
  names: readonly string[],
  sheets: readonly string[],
  built: readonly BuiltTemplate[],
  inputs: readonly CompareInput[],
  results: readonly CompareResult[],
  language: Language,
) {
  const t = COMPARE_TEXT[language];
  const n = names.length;
  const cells: CellWrite[] = [];
  let row = 1;
  const put = (col: number, input: CellInput, extra: Omit<CellWrite, 'address' | 'input'> = {}) => {
    if ((input === null || input === '') && !extra.fill) return;
    cells.push({ address: cellAddress(row, col), input, ...extra });
  };
  const lastCol = 1 + n + 2 * (n - 1);
  const section = (title: string) => {
    row++;
    put(1, title, { bold: true, fill: SECTION_FILL });
    for (let c = 2; c <= lastCol; c++) put(c, null, { fill: SECTION_FILL });
    row++;
  };
  put(1, t.title(template.title[language]), { bold: true });
  row++;
  put(1, t.note);
  row++;

  section(t.inputs);
  put(1, t.item, { bold: true, fill: HEADER_FILL });
  names.forEach((name, i) => put(2 + i, name, { bold: true, fill: HEADER_FILL }));
  row++;
  for (const input of inputs) {
    const anyDiffers = input.differs.some(Boolean);
    put(1, input.label[language], anyDiffers ? { fill: DIFFERS_FILL, bold: true } : {});
    for (let i = 0; i < n; i++) {
      const address = built[i].refs[input.key];
      const table = (input.kind === 'table' || input.kind === 'series') && typeof input.values[i] === 'number';
      const fill = input.differs[i] ? { fill: DIFFERS_FILL } : {};
      if (table || !address) put(2 + i, table ? t.lines(input.values[i] as number) : (input.values[i] ?? null), fill);
      else put(2 + i, { formula: `=${sheetPrefix(sheets[i])}${address}` }, { numberFormat: FORMAT_OF_KIND[input.kind], ...fill });
    }
    row++;
  }

  section(t.results);
  put(1, t.item, { bold: true, fill: HEADER_FILL });
  names.forEach((name, i) => put(2 + i, name, { bold: true, fill: HEADER_FILL }));
  for (let i = 1; i < n; i++) {
    put(1 + n + 2 * i - 1, t.difference(names[i], names[0]), { bold: true, fill: HEADER_FILL });
    put(1 + n + 2 * i, t.relative(names[i], names[0]), { bold: true, fill: HEADER_FILL });
  }
  row++;
  const perScenario = built.map(resultsOf);
  for (const r of results) {
    put(1, r.label[language], { bold: true });
    for (let i = 0; i < n; i++) {
      const cell = perScenario[i].find((x) => x.key === r.key)!;
      put(2 + i, { formula: `=${sheetPrefix(sheets[i])}${cell.address}` }, { numberFormat: r.format });
    }
    const baseCell = `${columnLetters(2)}${row}`;
    for (let i = 1; i < n; i++) {
      const own = `${columnLetters(2 + i)}${row}`;
      put(1 + n + 2 * i - 1, { formula: `=IF(AND(ISNUMBER(${own}),ISNUMBER(${baseCell})),${own}-${baseCell},"")` }, { numberFormat: r.format });
      put(1 + n + 2 * i, { formula: `=IF(AND(ISNUMBER(${own}),ISNUMBER(${baseCell})),IF(${baseCell}=0,"",${own}/${baseCell}-1),"")` }, { numberFormat: '0.00%' });
    }
    row++;
  }
  const widths: Record<string, number> = { A: 44 };
  for (let c = 2; c <= lastCol; c++) widths[columnLetters(c)] = 18;
  return { name: t.sheetName, cells, columnWidths: widths };
}
