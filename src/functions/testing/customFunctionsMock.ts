/**
 * The CustomFunctions runtime and the Office global as the shared runtime provides them, for
 * tests of the Excel adapter (src/functions/adapter.test.ts, test/badinput, test/properties).
 * Test-only: nothing in the add-in imports this file.
 */

export enum MockErrorCode {
  invalidValue = '#VALUE!',
  notAvailable = '#N/A',
  divisionByZero = '#DIV/0!',
  invalidNumber = '#NUM!',
  nullReference = '#NULL!',
  invalidName = '#NAME?',
  invalidReference = '#REF!',
}

/** What `new CustomFunctions.Error(code, message)` makes. */
export class MockCustomFunctionsError {
  constructor(
    readonly code: MockErrorCode,
    readonly message?: string,
  ) {}
}

const globals = globalThis as Record<string, unknown>;

/** Office.context.displayLanguage as Office reports it; undefined removes the Office global. */
export function setDisplayLanguage(lang: string | undefined): void {
  if (lang === undefined) delete globals.Office;
  else globals.Office = { context: { displayLanguage: lang } };
}
