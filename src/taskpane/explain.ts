/**
 * Explains a selected cell: each CYBER call of its formula with the value of every argument
 * (asked of the host: readRange for references, evaluateFormula for expressions) and the engine's
 * trace or error for those arguments. The trace is the engine's own; nothing is recomputed a
 * second way. Also reads CYBER.ALLOCATE cells for the limits view. Pure logic over the gateway.
 */
import { evaluate, findFunction, limitsReport, type LimitsReport, type Outcome, type RawArgument } from '../engine';
import { cyberArgumentsTo1900, cyberOutcomeIn1904 } from '../sheet/dateSystem';
import { qualify } from './addresses';
import { classifyArgument, findCyberCalls, type CyberCall } from './formulaArgs';
import type { CellValue, SelectedCell, WorkbookGateway } from './gateway';

export interface ResolvedArgument {
  /** The argument as written in the formula ("" when left out). */
  readonly text: string;
  /** undefined: left out of the call where the host tells that from a blank (the workbench). */
  readonly value: RawArgument | undefined;
}

export interface ExplainedCall {
  /** CYBER.NAME as written (upper case). */
  readonly name: string;
  readonly known: boolean;
  readonly args: readonly ResolvedArgument[];
  readonly outcome: Outcome;
}

export type Explanation =
  | { readonly kind: 'nothing' }
  | { readonly kind: 'value'; readonly cell: SelectedCell }
  /** A formula without CYBER calls (its error, if any, still explained by code). */
  | { readonly kind: 'other'; readonly cell: SelectedCell }
  | { readonly kind: 'cyber'; readonly cell: SelectedCell; readonly calls: readonly ExplainedCall[] };

function single(v: CellValue | CellValue[][]): RawArgument {
  if (Array.isArray(v)) return v.length === 1 && v[0].length === 1 ? (v[0][0] as RawArgument) : (v as RawArgument);
  return v as RawArgument;
}

/** The value of one argument expression of a formula on `sheet`. */
export async function resolveArgument(gateway: WorkbookGateway, text: string, sheet: string): Promise<RawArgument | undefined> {
  const kind = classifyArgument(text);
  switch (kind.kind) {
    case 'omitted':
      // Explain must give what the cell gives. HyperFormula (the workbench) tells an argument
      // left out, f(a,,c), from a blank cell and the engine reads it as missing; Excel hands both
      // over as null, the blank reading (README "Blank cells and arguments left out").
      return gateway.kind === 'workbench' ? undefined : null;
    case 'number':
    case 'text':
    case 'boolean':
      return kind.value;
    case 'reference':
      return single(await gateway.readRange(qualify(kind.address, sheet)));
    case 'expression':
      return single(await gateway.evaluateFormula(`=${kind.text}`, sheet));
  }
}

export async function resolveCall(gateway: WorkbookGateway, call: CyberCall, sheet: string): Promise<ResolvedArgument[]> {
  const out: ResolvedArgument[] = [];
  for (const text of call.args) out.push({ text, value: await resolveArgument(gateway, text, sheet) });
  return out;
}

/** The workbook uses the 1904 date system, as far as the host can tell (else 1900). */
export async function workbookDate1904(gateway: WorkbookGateway): Promise<boolean> {
  return gateway.isDate1904 ? gateway.isDate1904().catch(() => false) : false;
}

/**
 * The engine's outcome, with its trace, for a CYBER call on values read from the workbook: in a
 * 1904 workbook its dates reach the engine as the 1900 serials it counts in and a date result goes
 * back (src/sheet/dateSystem.ts), as the cell itself is calculated in Excel and the workbench, so
 * the result shown is the cell's. The trace's steps stay the engine's own (dates as 1900 serials).
 */
export function evaluateForWorkbook(name: string, values: readonly (RawArgument | undefined)[], date1904: boolean): Outcome {
  const fn = date1904 ? findFunction(name) : undefined;
  if (!fn) return evaluate(name, values, { trace: true });
  const given = cyberArgumentsTo1900(fn.params, values);
  // A date before 1904-01-01, given or returned, is the cell's error (src/sheet/dateSystem.ts).
  return cyberOutcomeIn1904(fn, name, given, evaluate(name, given, { trace: true }));
}

export async function explainCell(gateway: WorkbookGateway, cell: SelectedCell | null): Promise<Explanation> {
  if (!cell) return { kind: 'nothing' };
  if (!cell.formula) return { kind: 'value', cell };
  const calls = findCyberCalls(cell.formula);
  if (!calls.length) return { kind: 'other', cell };
  const date1904 = await workbookDate1904(gateway);
  const explained: ExplainedCall[] = [];
  for (const call of calls) {
    const args = await resolveCall(gateway, call, cell.sheet);
    explained.push({
      name: `CYBER.${call.name}`,
      known: findFunction(call.name) !== undefined,
      args,
      outcome: evaluateForWorkbook(call.name, args.map((a) => a.value), date1904),
    });
  }
  return { kind: 'cyber', cell, calls: explained };
}

export type AllocateReading =
  | { readonly ok: true; readonly address: string; readonly report: LimitsReport; readonly args: readonly ResolvedArgument[] }
  | { readonly ok: false; readonly reason: 'nothing' | 'notAllocate' };

/** For a cell holding CYBER.ALLOCATE (the gateway reports a spilled cell as its anchor): the limits report. */
export async function readAllocate(gateway: WorkbookGateway, cell: SelectedCell | null): Promise<AllocateReading> {
  if (!cell) return { ok: false, reason: 'nothing' };
  const call = cell.formula ? findCyberCalls(cell.formula).find((c) => c.name === 'ALLOCATE') : undefined;
  if (!call) return { ok: false, reason: 'notAllocate' };
  const args = await resolveCall(gateway, call, cell.sheet);
  const at = (i: number) => args[i]?.value ?? null;
  return { ok: true, address: cell.address, args, report: limitsReport(at(0), at(1), at(2), at(3)) };
}
