/**
 * The date system of the workbook the CYBER functions calculate in, inside Excel.
 *
 * A workbook saved in Excel's 1904 date system (File > Options > Advanced > "Use 1904 date
 * system"; Mac workbooks) stores every date 1,462 lower than the 1900 system the engine counts
 * in (src/sheet/dateSystem.ts). Excel hands a custom function the cell's serial as it is, so
 * without this module CYBER.DEADLINE of 2024-01-31 (43860 in 1904) would count from 2020-01-30
 * and return a serial that the workbook shows four years off. The adapter (./adapter.ts) asks
 * {@link workbookDate1904} and converts the date arguments and a date result at its boundary,
 * exactly as the HyperFormula plugin does for a 1904 workbook in the workbench and the CLI.
 *
 * How the add-in learns the system. Office.js's own property for it, `Workbook.use1904DateSystem`,
 * is still "[API set: ExcelApi BETA (PREVIEW ONLY)]" in Microsoft's reference (excel.workbook,
 * Aug 2026), and preview APIs need the beta office.js and "are not intended for use in a
 * production environment"; this add-in loads the production office.js (taskpane.html). So the
 * add-in asks Excel's own DATE function instead, through `workbook.functions.date` (Excel.Functions,
 * ExcelApi 1.2, whose year is documented as "a number from 1900 or 1904 (depending on the
 * workbook's date system) to 9999"): DATE(1904, 1, 2) is 1 in a 1904 workbook (serial 0 is
 * 1904-01-01) and 1463 in a 1900 one. That is the workbook's own setting as Excel calculates with
 * it, not a guess from the data. Where ExcelApi 1.2 is missing, or the answer is neither, the
 * functions keep the 1900 system.
 *
 * When it is read. Once when the runtime starts, and again after each calculation
 * (`worksheets.onCalculated`, ExcelApi 1.8): Office.js has no event for the date-system option
 * changing, and one `DATE` round trip per calculation is cheap next to the calculation itself.
 * CYBER cells calculated under the other system (before the first answer, or before the option
 * was changed) are calculated again, by one full recalculation, only when the system changed and
 * a date-bearing CYBER function has been evaluated meanwhile: a 1900 workbook never pays for it.
 *
 * The shared runtime holds one copy of this module per workbook (one runtime per document), and
 * the functions bundle is a separate webpack entry from the task pane, so this state and its
 * Excel.run calls live here, in the functions bundle, rather than in the pane's gateway.
 */

/** What the add-in knows of the workbook's date system (for diagnostics and tests). */
export type DateSystemStatus =
  /** Not asked yet (the runtime is starting): the functions count in 1900 meanwhile. */
  | 'unknown'
  | '1900'
  | '1904'
  /** Not inside Excel, or Excel without ExcelApi 1.2: the functions count in 1900. */
  | 'unavailable';

let date1904 = false;
let consulted = false;
let status: DateSystemStatus = 'unknown';

/**
 * The adapter's question for a date-bearing CYBER function: does the workbook use the 1904 date
 * system? Recorded, so that a change of system recalculates only when a cell may be stale.
 */
export function workbookDate1904(): boolean {
  consulted = true;
  return date1904;
}

/** What is known of the workbook's date system. */
export function workbookDateSystemStatus(): DateSystemStatus {
  return status;
}

/**
 * Records the workbook's date system. True when CYBER cells may hold serials of the other system
 * (it changed after a date-bearing function was evaluated), so the caller recalculates them.
 */
export function setWorkbookDate1904(on: boolean): boolean {
  status = on ? '1904' : '1900';
  const stale = on !== date1904 && consulted;
  date1904 = on;
  if (stale) consulted = false;
  return stale;
}

/** Back to the state of a fresh runtime (tests). */
export function resetWorkbookDateSystem(): void {
  date1904 = false;
  consulted = false;
  status = 'unknown';
}

/** DATE(1904, 1, 2) → the workbook's date system: 1 in 1904, 1463 in 1900, else unknown. */
export async function readWorkbookDate1904(run: ExcelRun): Promise<boolean | undefined> {
  return run(async (context) => {
    const result = context.workbook.functions.date(1904, 1, 2);
    result.load(['value', 'error']);
    await context.sync();
    // "If the error string is not set, then the function succeeded" (Excel.FunctionResult).
    if (result.error) return undefined;
    if (result.value === 1) return true;
    if (result.value === 1463) return false;
    return undefined;
  });
}

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What the watcher needs of Office (the globals in Excel; fakes in tests). */
export interface DateSystemHost {
  /** Resolves true once Office is ready inside Excel, false anywhere else. */
  inExcel(): Promise<boolean>;
  /** Office.context.requirements.isSetSupported. */
  isSetSupported(name: string, version: string): boolean;
  run: ExcelRun;
  /** Waits `ms` before a retry (setTimeout in Excel; immediate in tests). */
  wait?: (ms: number) => Promise<void>;
}

/**
 * The waits before asking again while Excel has not answered (a workbook still loading can fail
 * the first call): about a minute in all, so a 1904 workbook does not stay counted in 1900 until
 * its next calculation — or for the session, without ExcelApi 1.8's onCalculated.
 */
export const DATE_SYSTEM_RETRIES_MS: readonly number[] = [250, 500, 1000, 2000, 4000, 8000, 16000, 30000];

function officeHost(): DateSystemHost {
  return {
    async inExcel() {
      if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return false;
      const info = await Office.onReady();
      return String(info?.host) === 'Excel' && typeof Excel !== 'undefined';
    },
    isSetSupported: (name, version) => Office.context?.requirements?.isSetSupported(name, version) === true,
    run: (batch) => Excel.run(batch),
  };
}

/**
 * Reads the workbook's date system now and after every calculation (see the module comment).
 * Resolves with the status once the first answer is in; never rejects: a failure keeps 1900.
 */
export async function watchWorkbookDateSystem(host: DateSystemHost = officeHost()): Promise<DateSystemStatus> {
  try {
    if (!(await host.inExcel()) || !host.isSetSupported('ExcelApi', '1.2')) {
      status = 'unavailable';
      return status;
    }
    const check = async () => {
      const on = await readWorkbookDate1904(host.run);
      if (on === undefined) return;
      if (setWorkbookDate1904(on)) {
        await host.run(async (context) => {
          context.workbook.application.calculate('Full');
          await context.sync();
        });
      }
    };
    // onCalculated fires for each sheet calculated: one check at a time, and one more if any fired meanwhile.
    let checking: Promise<void> | undefined;
    let again = false;
    const recheck = () => {
      if (checking) {
        again = true;
        return;
      }
      checking = (async () => {
        do {
          again = false;
          await check().catch(() => undefined);
        } while (again);
      })().finally(() => {
        checking = undefined;
      });
    };
    await check().catch(() => undefined);
    if (status === 'unknown') {
      // No answer yet: ask again, waiting longer each time, until Excel answers (not awaited: the
      // functions start meanwhile, in 1900, and are recalculated if the answer is 1904).
      const wait = host.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
      void (async () => {
        for (const ms of DATE_SYSTEM_RETRIES_MS) {
          if (status !== 'unknown') return;
          await wait(ms);
          await check().catch(() => undefined);
        }
      })();
    }
    if (host.isSetSupported('ExcelApi', '1.8')) {
      await host.run(async (context) => {
        context.workbook.worksheets.onCalculated.add(async () => recheck());
        await context.sync();
      });
    }
  } catch {
    // Excel did not answer: the functions keep counting in the system they have.
  }
  return status;
}
