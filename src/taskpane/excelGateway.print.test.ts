/**
 * The Excel gateway's print setup and in-place replacement (a statement sheet): what addSheet
 * assigns on office.js objects, against a small hand-made fake of the objects it touches
 * (Excel.PageLayout, ExcelApi 1.9: orientation, paperSize, setPrintArea, setPrintTitleRows,
 * zoom, headersFooters.defaultForAllPages).
 */
import { applyPrintSetup, createExcelGateway, type PrintablePageLayout } from './excelGateway';
import type { PrintSetup, SheetSpec } from './gateway';
import { createStandaloneGateway } from './officeGateway';

function fakeLayout() {
  const calls: string[] = [];
  const layout = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    printGridlines: true,
    centerHorizontally: false,
    zoom: {},
    headersFooters: { defaultForAllPages: { leftHeader: '', centerHeader: '', rightHeader: '', leftFooter: '', centerFooter: '', rightFooter: '' } },
    setPrintArea: (a: string) => calls.push(`area ${a}`),
    setPrintTitleRows: (r: string) => calls.push(`titles ${r}`),
  };
  return { layout, calls };
}

const PRINT: PrintSetup = {
  orientation: 'landscape',
  paper: 'A4',
  area: 'A1:E80',
  titleRows: '1:2',
  fitToWidth: true,
  header: { left: 'Claim calculation statement — A && B', right: "'CPIC'!C61" },
  footer: { left: 'cyberbi 0.1.0', right: 'Page &P of &N' },
};

test('applyPrintSetup: landscape A4, the print area, title rows, one page wide, header and footer, no gridlines', () => {
  const { layout, calls } = fakeLayout();
  applyPrintSetup(layout as unknown as PrintablePageLayout, PRINT);
  expect(layout).toMatchObject({
    orientation: 'Landscape',
    paperSize: 'A4',
    printGridlines: false,
    centerHorizontally: true,
    zoom: { horizontalFitToPages: 1, verticalFitToPages: null },
    headersFooters: { defaultForAllPages: { leftHeader: 'Claim calculation statement — A && B', rightHeader: "'CPIC'!C61", leftFooter: 'cyberbi 0.1.0', rightFooter: 'Page &P of &N', centerHeader: '', centerFooter: '' } },
  });
  expect(calls).toEqual(['area A1:E80', 'titles $1:$2']);
});

/** A fake workbook holding one sheet "Statement C61" with a chart, for addSheet. */
function fakeExcel(existing: boolean) {
  const log: string[] = [];
  const { layout, calls } = fakeLayout();
  const range = (address: string) => ({
    set values(v: unknown[][]) {
      log.push(`values ${address} ${JSON.stringify(v)}`);
    },
    set formulas(v: unknown[][]) {
      log.push(`formulas ${address} ${JSON.stringify(v)}`);
    },
    set numberFormat(v: unknown[][]) {
      log.push(`format ${address} ${JSON.stringify(v)}`);
    },
    format: {
      font: {},
      fill: {},
      set wrapText(v: boolean) {
        log.push(`wrap ${address} ${v}`);
      },
      set verticalAlignment(v: string) {
        log.push(`valign ${address} ${v}`);
      },
      set columnWidth(v: number) {
        log.push(`width ${address} ${v}`);
      },
    },
    clear: (what: string) => log.push(`clear ${address || 'sheet'} ${what}`),
  });
  const sheet = (name: string, isNull: boolean) => ({
    name,
    isNullObject: isNull,
    load: () => undefined,
    charts: { items: [{ delete: () => log.push(`delete chart of ${name}`) }], load: () => undefined },
    getRange: (a?: string) => range(a ?? ''),
    names: { add: () => undefined },
    pageLayout: layout,
    activate: () => log.push(`activate ${name}`),
  });
  const context = {
    workbook: {
      worksheets: {
        getItemOrNullObject: (n: string) => sheet(n, !(existing && n === 'Statement C61')),
        add: (n: string) => {
          log.push(`add ${n}`);
          return sheet(n, false);
        },
      },
      names: { getItemOrNullObject: () => ({ isNullObject: true, load: () => undefined }) },
    },
    sync: async () => undefined,
  };
  const gateway = createExcelGateway({ run: (batch) => batch(context as unknown as Excel.RequestContext), office: createStandaloneGateway(), settings: () => ({}) as Office.Settings });
  return { gateway, log, calls, layout };
}

const SPEC: SheetSpec = {
  name: 'Statement C61',
  cells: [
    { address: 'A1', input: 'Claim calculation statement', bold: true },
    { address: 'B9', input: 562500, numberFormat: '#,##0.00' },
    { address: 'D20', input: 'a long reading', wrap: true },
  ],
  print: PRINT,
  replace: true,
};

test('replace: the sheet of that name is emptied (cells and charts) and written again, then its print setup', async () => {
  const { gateway, log, calls, layout } = fakeExcel(true);
  expect(await gateway.addSheet(SPEC)).toBe('Statement C61');
  expect(log).not.toContain('add Statement C61');
  expect(log.slice(0, 2)).toEqual(['clear sheet All', 'delete chart of Statement C61']);
  expect(log).toContain('values B9 [[562500]]');
  expect(log).toContain('format B9 [["#,##0.00"]]');
  expect(log).toEqual(expect.arrayContaining(['wrap D20 true', 'valign D20 Top']));
  expect(calls).toEqual(['area A1:E80', 'titles $1:$2']);
  expect(layout.orientation).toBe('Landscape');
});

test('replace of a sheet that is not there, or no replace: a new sheet', async () => {
  const missing = fakeExcel(false);
  expect(await missing.gateway.addSheet(SPEC)).toBe('Statement C61');
  expect(missing.log).toContain('add Statement C61');
  const plain = fakeExcel(true);
  // Without replace the name is taken, so the next free one is used and nothing is cleared.
  expect(await plain.gateway.addSheet({ ...SPEC, replace: false })).toBe('Statement C61 (2)');
  expect(plain.log.some((l) => l.startsWith('clear'))).toBe(false);
});
