/**
 * The Excel gateway against office-addin-mock: a small in-memory workbook stands behind the mock
 * objects (each getRange gives an OfficeMockObject filled from it; context.sync() writes back
 * what the gateway assigned and completes the mock's loads).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { parseRange, cellAddress } from './addresses';
import { createExcelGateway, SCRATCH_SHEET, sheetNameCandidates } from './excelGateway';
import { createStandaloneGateway } from './officeGateway';

interface MockCell {
  formula?: string;
  value: number | string | boolean | null;
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
}

type Mock = OfficeMockObject & Record<string, unknown>;

class MockWorkbook {
  sheets = new Map<string, Map<string, MockCell>>();
  names = new Map<string, string>();
  sheetNames = new Map<string, Map<string, string>>();
  charts: Array<{ sheet: string; type: string; data: string; title?: string; anchor?: string }> = [];
  columnWidths = new Map<string, number>();
  visibility = new Map<string, string>();
  active = 'Sheet1';
  activeCell = 'B2';
  /** What a formula evaluates to in this fake (there is no calculation engine behind it). */
  compute: (formula: string) => number | string | boolean | null = () => null;
  private pending: Array<() => void> = [];
  private mocks: OfficeMockObject[] = [];
  private addresses = new WeakMap<object, string>();

  constructor() {
    this.sheets.set('Sheet1', new Map());
  }

  /** The workbook itself, for the mock objects' callbacks (plain functions: the mock calls them with its own this). */
  private self(): MockWorkbook {
    return this;
  }

  cell(sheet: string, address: string): MockCell {
    return this.sheets.get(sheet)?.get(address) ?? { value: null };
  }

  set(sheet: string, address: string, cell: MockCell) {
    this.sheets.get(sheet)!.set(address, cell);
  }

  private track<T extends OfficeMockObject>(m: T, flush?: (m: Mock) => void): T {
    this.mocks.push(m);
    if (flush) this.pending.push(() => flush(m as unknown as Mock));
    return m;
  }

  nullObject(): Mock {
    return this.track(new OfficeMockObject({ isNullObject: true, address: '', formulas: [[]], values: [[]], valueTypes: [[]] })) as Mock;
  }

  range(sheet: string, address: string): Mock {
    const book = this.self();
    if (/^[A-Z]+:[A-Z]+$/.test(address)) {
      // A whole column: only its width is written.
      const initial = { format: { columnWidth: 0 } };
      return this.track(new OfficeMockObject(initial), (m) => {
        const w = (m.format as Mock).columnWidth;
        if (typeof w === 'number' && w > 0) book.columnWidths.set(`${sheet}!${address.split(':')[0]}`, w);
      }) as Mock;
    }
    const r = parseRange(address)!;
    const addresses: string[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: string[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(cellAddress(row, col));
      addresses.push(line);
    }
    const cells = addresses.map((line) => line.map((a) => this.cell(sheet, a)));
    const data = {
      isNullObject: false,
      address: `${sheet}!${address}`,
      formulas: cells.map((line) => line.map((c) => c.formula ?? (c.value === null ? '' : c.value))),
      values: cells.map((line) => line.map((c) => (c.value === null ? '' : c.value))),
      valueTypes: cells.map((line) =>
        line.map((c) =>
          c.value === null ? 'Empty' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : /^#/.test(String(c.value)) ? 'Error' : 'String',
        ),
      ),
      numberFormat: cells.map((line) => line.map((c) => c.numberFormat ?? 'General')),
      format: { font: { bold: false }, fill: { color: '' } },
      getCell(row: number, col: number) {
        return book.range(sheet, cellAddress(r.top + row, r.left + col));
      },
      clear() {
        book.pending.push(() => book.set(sheet, addresses[0][0], { value: null }));
      },
      getSpillingToRangeOrNullObject() {
        return book.nullObject();
      },
      getSpillParentOrNullObject() {
        return book.nullObject();
      },
    };
    const initialFormulas = data.formulas;
    const initialValues = data.values;
    const mock = this.track(new OfficeMockObject(data), (m) => {
      const target = addresses[0][0];
      const old = book.cell(sheet, target);
      const next: MockCell = { ...old };
      if (Array.isArray(m.formulas) && m.formulas !== initialFormulas) {
        const f = (m.formulas as unknown[][])[0][0];
        next.formula = String(f);
        next.value = book.compute(String(f));
        // Excel calculates on sync: what the gateway loads next is the new value.
        m.values = [[next.value === null ? '' : next.value]];
        m.valueTypes = [[typeof next.value === 'number' ? 'Double' : next.value === null ? 'Empty' : 'String']];
      } else if (Array.isArray(m.values) && m.values !== initialValues) {
        const v = (m.values as unknown[][])[0][0] as MockCell['value'];
        next.formula = undefined;
        next.value = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
      }
      if (Array.isArray(m.numberFormat)) next.numberFormat = String((m.numberFormat as unknown[][])[0][0]);
      const format = m.format as Mock;
      if ((format.font as Mock).bold === true) next.bold = true;
      const color = (format.fill as Mock).color;
      if (typeof color === 'string' && color !== '') next.fill = color;
      book.set(sheet, target, next);
    }) as Mock;
    this.addresses.set(mock, `${sheet}!${address}`);
    return mock;
  }

  worksheet(name: string): Mock {
    const book = this.self();
    return this.track(
      new OfficeMockObject({
        name,
        isNullObject: !this.sheets.has(name),
        visibility: 'Visible',
        getRange(address: string) {
          return book.range(name, address);
        },
        delete() {
          book.pending.push(() => book.sheets.delete(name));
        },
        activate() {
          book.active = name;
        },
        names: {
          add(n: string, ref: string) {
            if (!book.sheetNames.has(name)) book.sheetNames.set(name, new Map());
            book.sheetNames.get(name)!.set(n, ref);
          },
        },
        charts: {
          add(type: string, range: Mock, seriesBy: string) {
            const entry: (typeof book.charts)[number] = { sheet: name, type: `${type}/${seriesBy}`, data: book.addresses.get(range) ?? '?' };
            book.charts.push(entry);
            return {
              title: {
                set text(t: string) {
                  entry.title = t;
                },
              },
              legend: { visible: true },
              setPosition(anchor: string) {
                entry.anchor = anchor;
              },
            };
          },
        },
      }),
      (m) => {
        if (m.visibility !== 'Visible' && typeof m.visibility === 'string' && !m.visibility.startsWith('Error')) book.visibility.set(name, m.visibility);
      },
    ) as Mock;
  }

  excel(): Mock {
    const book = this.self();
    const context = {
      workbook: {
        worksheets: {
          getItem: (name: string) => book.worksheet(name),
          getItemOrNullObject: (name: string) => book.worksheet(name),
          getActiveWorksheet: () => book.worksheet(book.active),
          add(name: string) {
            if (book.sheets.has(name)) throw new Error(`sheet ${name} exists`);
            book.sheets.set(name, new Map());
            return book.worksheet(name);
          },
        },
        names: {
          add(n: string, ref: string) {
            if (book.names.has(n)) throw new Error(`name ${n} exists`);
            book.names.set(n, ref);
          },
          getItemOrNullObject: (n: string) => book.track(new OfficeMockObject({ isNullObject: !book.names.has(n) })),
        },
        getActiveCell: () => book.range(book.active, book.activeCell),
        application: { calculate: () => undefined },
      },
      async sync() {
        const writes = book.pending;
        book.pending = [];
        writes.forEach((w) => w());
        for (const m of book.mocks) await m.sync();
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    };
    return new OfficeMockObject({
      context,
      run: async function (this: { context: unknown }, batch: (c: unknown) => Promise<unknown>) {
        return batch(this.context);
      },
    }) as Mock;
  }
}

function settingsMock(store: Map<string, unknown>, saved: { count: number }) {
  return new OfficeMockObject({
    context: {
      document: {
        settings: {
          get: (key: string) => (store.has(key) ? store.get(key) : null),
          set: (key: string, value: unknown) => store.set(key, value),
          remove: (key: string) => store.delete(key),
          saveAsync: (callback: (r: { status: string }) => void) => {
            saved.count++;
            callback({ status: 'succeeded' });
          },
        },
      },
    },
  });
}

const globals = globalThis as Record<string, unknown>;
let book: MockWorkbook;

beforeEach(() => {
  book = new MockWorkbook();
  globals.Excel = book.excel();
});
afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

function gateway() {
  return createExcelGateway({ office: createStandaloneGateway('en-US') });
}

test('writeInput then readInput restores values and formulas exactly', async () => {
  const g = gateway();
  await g.writeInput('Sheet1!B4', 1250000);
  await expect(g.readInput('Sheet1!B4')).resolves.toBe(1250000);
  book.compute = (f) => (f === '=B4*2' ? 2500000 : null);
  await g.writeInput('B5', { formula: '=B4*2' });
  await expect(g.readInput('B5')).resolves.toEqual({ formula: '=B4*2' });
  await expect(g.readRange('B5')).resolves.toEqual([[2500000]]);
  await g.writeInput('B6', '=not a formula');
  await expect(g.readInput('B6')).resolves.toBe('=not a formula');
  await g.writeInput('B4', null);
  await expect(g.readInput('B4')).resolves.toBeNull();
  await g.writeInput('B7', true);
  await expect(g.readInput('B7')).resolves.toBe(true);
});

test('readRange maps blanks to null and error cells to error values', async () => {
  book.set('Sheet1', 'A1', { value: 'id' });
  book.set('Sheet1', 'B1', { value: 5 });
  book.set('Sheet1', 'B2', { value: '#VALUE!', formula: '=CYBER.LAYER(-1,0,1)' });
  const g = gateway();
  await expect(g.readRange("'Sheet1'!A1:B2")).resolves.toEqual([
    ['id', 5],
    [null, { error: '#VALUE!' }],
  ]);
});

test('getSelectedCell reports the active cell with its sheet, formula and value', async () => {
  book.set('Sheet1', 'B2', { value: 42, formula: '=CYBER.LAYER(50,8,100)' });
  const cell = await gateway().getSelectedCell();
  expect(cell).toEqual({ address: 'Sheet1!B2', sheet: 'Sheet1', formula: '=CYBER.LAYER(50,8,100)', value: 42 });
});

test('addSheet writes cells, formats, names, column widths and a chart on a uniquely named sheet', async () => {
  book.sheets.set('Claim', new Map());
  book.names.set('Claim_Loss', '=Claim!$C$3');
  const g = gateway();
  const name = await g.addSheet({
    name: 'Claim',
    cells: [
      { address: 'A1', input: 'Claim model', bold: true },
      { address: 'C3', input: 150000, numberFormat: '#,##0', fill: '#FFF2CC' },
      { address: 'C4', input: { formula: '=CYBER.LAYER(C3,1000,100000)' }, numberFormat: '#,##0.00', bold: true },
    ],
    names: [
      { name: 'Claim_Loss', address: 'C3' },
      { name: 'Claim_Payout', address: 'C4' },
    ],
    columnWidths: { A: 30 },
    charts: [{ kind: 'column', title: 'Claim', dataAddress: 'F3:G6', anchor: 'F8' }],
  });
  expect(name).toBe('Claim (2)');
  expect(sheetNameCandidates('Claim', 3)).toEqual(['Claim', 'Claim (2)', 'Claim (3)']);
  const sheet = book.sheets.get('Claim (2)')!;
  expect(sheet.get('A1')).toMatchObject({ value: 'Claim model', bold: true });
  expect(sheet.get('C3')).toMatchObject({ value: 150000, numberFormat: '#,##0', fill: '#FFF2CC' });
  expect(sheet.get('C4')).toMatchObject({ formula: '=CYBER.LAYER(C3,1000,100000)', numberFormat: '#,##0.00', bold: true });
  // A name already taken by an earlier model becomes the new sheet's own name.
  expect(book.names.get('Claim_Loss')).toBe('=Claim!$C$3');
  expect(book.sheetNames.get('Claim (2)')?.get('Claim_Loss')).toBe("='Claim (2)'!$C$3");
  expect(book.names.get('Claim_Payout')).toBe("='Claim (2)'!$C$4");
  expect(book.columnWidths.get('Claim (2)!A')).toBe(210);
  expect(book.charts).toEqual([{ sheet: 'Claim (2)', type: 'ColumnClustered/Columns', data: 'Claim (2)!F3:G6', title: 'Claim', anchor: 'F8' }]);
  expect(book.active).toBe('Claim (2)');
});

test('evaluateFormula qualifies references, evaluates on a hidden scratch sheet and deletes it', async () => {
  book.sheets.set('Claim', new Map());
  const seen: string[] = [];
  book.compute = (f) => {
    seen.push(f);
    return 7;
  };
  const g = gateway();
  await expect(g.evaluateFormula('=SUM(C3:C5)*2', 'Claim')).resolves.toBe(7);
  expect(seen).toEqual(['=SUM(Claim!C3:C5)*2']);
  expect(book.visibility.get(SCRATCH_SHEET)).toBe('VeryHidden');
  expect(book.sheets.has(SCRATCH_SHEET)).toBe(false);
});

test('settings round trip through the document settings, saved each time', async () => {
  const store = new Map<string, unknown>();
  const saved = { count: 0 };
  globals.Office = settingsMock(store, saved);
  const g = gateway();
  await expect(g.loadSetting('cyberbi.scenarios')).resolves.toBeNull();
  await g.saveSetting('cyberbi.scenarios', '{"version":1,"scenarios":[]}');
  await expect(g.loadSetting('cyberbi.scenarios')).resolves.toBe('{"version":1,"scenarios":[]}');
  await g.saveSetting('cyberbi.scenarios', null);
  await expect(g.loadSetting('cyberbi.scenarios')).resolves.toBeNull();
  expect(saved.count).toBe(2);
});
