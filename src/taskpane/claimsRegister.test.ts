/**
 * The claims register, evaluated cell by cell through HyperFormula + the CYBER plugin (the
 * workbench and CLI path), so the live formulas — each row's paid_to_date a SUMIF of the rows
 * above it — are what is proven, not a second computation in the test.
 */
import { parseCell } from './addresses';
import type { CellInput, CellValue, SheetSpec } from './gateway';
import {
  addIncident,
  CHECK,
  defaultRegisterInputs,
  EMPTY_INCIDENT,
  type Incident,
  readLimits,
  readRegister,
  REGISTER_LAYOUT,
  REGISTER_TITLE,
  registerSheet,
  validateRegister,
  writeRegister,
} from './claimsRegister';
import { FakeGateway } from './testing/fakeGateway';
import { evaluateSpec, hyperFormulaCompute } from './testing/sheetEval';
import { parseDate } from './templates/form';

const H = REGISTER_LAYOUT.headerRow;
const day = (iso: string) => parseDate(iso)!;

function valid(changes: Record<string, string> = {}) {
  const v = validateRegister({ ...defaultRegisterInputs(), ...changes });
  if (!v.ok) throw new Error(`invalid: ${JSON.stringify(v)}`);
  return v;
}

function invalid(changes: Record<string, string>) {
  const v = validateRegister({ ...defaultRegisterInputs(), ...changes });
  if (v.ok) throw new Error('expected errors');
  return v;
}

/** A row's figures by the table's column letters. */
function rowsOf(read: (a: string) => CellValue, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const r = H + 1 + i;
    return { id: read(`A${r}`), before: read(`I${r}`), cover: read(`J${r}`), payable: read(`L${r}`), coverLeft: read(`M${r}`), overallLeft: read(`N${r}`), check: read(`O${r}`) };
  });
}

const S = REGISTER_LAYOUT.summary;

test('the period profit limit binds on the third incident: 400,000, 280,000, then 600,000 of 800,000 (第十三条 (一) 2 (5))', () => {
  const v = valid();
  const spec = registerSheet(v.schedule, v.incidents);
  const read = evaluateSpec(spec);
  expect(read('A1')).toBe(REGISTER_TITLE);
  // 第十三条 (一) 2 (5)「在整个保险期间内……以明细表中所规定的利润保险金额或利润赔偿限额为限，二者取其低」:
  // min(8,400,000, 1,000,000) = 1,000,000 for the whole period.
  expect(read(S.profitCap)).toBe(1000000);
  expect(rowsOf(read, 4)).toEqual([
    // I1 lost profit: 456,000 − 56,000 = 400,000; nothing paid before it.
    { id: 'I1', before: 0, cover: 400000, payable: 400000, coverLeft: 600000, overallLeft: 2600000, check: CHECK.ok },
    // I2 continuation: min(300,000 − 20,000, 500,000 × 75%, 500,000 − 0) = 280,000 (2 (7)); its own limit.
    { id: 'I2', before: 0, cover: 280000, payable: 280000, coverLeft: 220000, overallLeft: 2320000, check: CHECK.ok },
    // I3 lost profit: 856,000 − 56,000 = 800,000 but 1,000,000 − 400,000 paid to date = 600,000 left.
    { id: 'I3', before: 400000, cover: 600000, payable: 600000, coverLeft: 0, overallLeft: 1720000, check: CHECK.ok },
    // I4 crisis: (120,000 − 10,000) × 90% = 99,000, no deductible (第十三条 (二) 1 (1)).
    { id: 'I4', before: 0, cover: 99000, payable: 99000, coverLeft: 401000, overallLeft: 1621000, check: CHECK.ok },
  ]);
  expect(read(S.incidents)).toBe(4);
  expect(read(S.totalPaid)).toBe(1379000);
  expect([read(S.profitPaid), read(S.contPaid), read(S.crisisPaid)]).toEqual([1000000, 280000, 99000]);
  expect([read(S.overallLeft), read(S.profitLeft), read(S.contLeft), read(S.crisisLeft)]).toEqual([1621000, 0, 220000, 401000]);
  expect(read(S.flagged)).toBe(0);
  expect(read(S.status)).toBe(CHECK.ok);
  // Nobody typed a paid_to_date: row 3's payout formula takes the SUMIF of the rows above it.
  const formula = (a: string) => (spec.cells.find((c) => c.address === a)?.input as { formula: string }).formula;
  expect(formula(`I${H + 3}`)).toBe(`=SUMIF($C$${H}:C${H + 2},C${H + 3},$L$${H}:L${H + 2})`);
  // As the README quotes it: the third incident sits on row 24, under the header on row 21.
  expect(formula('I24')).toBe('=SUMIF($C$21:C23,C24,$L$21:L23)');
  expect(formula(`J${H + 3}`)).toContain(`CYBER.BIPAYOUT(D${H + 3},E${H + 3},$C$7,$C$8,$C$9,$C$10,,I${H + 3})`);
});

test('the overall 责任限额 (第十三条) binds across covers; a cover’s paid-to-date counts only what was paid', () => {
  const v = valid({ overallLimit: '1,200,000' });
  const read = evaluateSpec(registerSheet(v.schedule, v.incidents));
  const rows = rowsOf(read, 4);
  expect(rows.map((r) => r.payable)).toEqual([400000, 280000, 520000, 0]);
  expect(rows.map((r) => r.overallLeft)).toEqual([800000, 520000, 0, 0]);
  // I3's profit cover would pay 600,000; the 责任限额 cut it to 520,000, so 1,000,000 − 920,000 is left of 2 (5).
  expect(rows[2].cover).toBe(600000);
  expect(rows[2].coverLeft).toBe(80000);
  // I4's crisis cover would pay 99,000; nothing is left of the 责任限额; its own limit is untouched.
  expect(rows[3].cover).toBe(99000);
  expect(rows[3].coverLeft).toBe(500000);
  expect(read(S.totalPaid)).toBe(1200000);
  expect(read(S.overallLeft)).toBe(0);
  // Paid outside the register (other covers) comes off the same limit before the first row.
  const other = valid({ otherPaid: '2,900,000' });
  const r2 = rowsOf(evaluateSpec(registerSheet(other.schedule, other.incidents)), 4);
  expect(r2.map((r) => r.payable)).toEqual([100000, 0, 0, 0]);
});

test('the continuation limit for the period binds on the second continuation incident (第十三条 (一) 2 (8))', () => {
  const v = valid({
    incidents: ['C1; 2025-03-01; continuation; 300,000; 20,000; 48; 75%', 'C2; 2025-05-01; 经营延续; 400,000; 20,000; 30; 100%', 'C3; 2025-07-01; continuation; 50,000; 20,000; 13; 100%'].join('\n'),
  });
  const rows = rowsOf(evaluateSpec(registerSheet(v.schedule, v.incidents)), 3);
  // C1: min(280,000, 375,000, 500,000) = 280,000. C2: min(380,000, 500,000 × 100%, 500,000 − 280,000) = 220,000.
  // C3: 500,000 − 500,000 = 0 left for the period.
  expect(rows.map((r) => [r.before, r.payable, r.coverLeft])).toEqual([
    [0, 280000, 220000],
    [280000, 220000, 0],
    [500000, 0, 0],
  ]);
});

test('第十四条 1 and 第四条 1 (2): no payout when the interruption did not outlast the time deductible', () => {
  const v = valid({ incidents: 'T1; 2025-02-10; profit; 456,000; 56,000; 12\nT2; 2025-02-11; profit; 456,000; 56,000; 13' });
  const rows = rowsOf(evaluateSpec(registerSheet(v.schedule, v.incidents)), 2);
  expect(rows.map((r) => r.payable)).toEqual([0, 400000]);
});

/** A formula with each relative row number written as an offset from its own row (R1C1's idea). */
function relative(formula: string, row: number): string {
  return formula.replace(/(\$?)([A-Z]{1,2})(\$?)([0-9]+)/g, (m, d1: string, col: string, d2: string, r: string) => (d2 ? m : `${d1}${col}R[${Number(r) - row}]`));
}

/** What Excel's Data ▸ Sort does to the table's rows: each row's cells move, relative rows re-based. */
function sortRows(spec: SheetSpec, order: readonly number[]): SheetSpec {
  const first = H + 1;
  const moved = new Map<string, CellInput>();
  order.forEach((from, to) => {
    for (const c of spec.cells) {
      const p = parseCell(c.address)!;
      if (p.row !== first + from) continue;
      const target = first + to;
      const input = c.input !== null && typeof c.input === 'object' ? { formula: relative(c.input.formula, p.row).replace(/([A-Z]{1,2})R\[(-?[0-9]+)\]/g, (_, col: string, k: string) => `${col}${target + Number(k)}`) } : c.input;
      moved.set(c.address.replace(/[0-9]+$/, String(target)), input);
    }
  });
  return { ...spec, cells: spec.cells.map((c) => (moved.has(c.address) ? { ...c, input: moved.get(c.address)! } : c)) };
}

test('rows out of date order are flagged; sorting them as Excel does gives the register in date order', () => {
  const v = valid();
  const [i1, i2, i3, i4] = v.incidents as Incident[];
  // I3 (June) typed above I1 (February) and I2 (April): both are dated before a row above them.
  const shuffled = registerSheet(v.schedule, [i3, i1, i2, i4]);
  const read = evaluateSpec(shuffled);
  const rows = rowsOf(read, 4);
  expect(rows.map((r) => r.check)).toEqual([CHECK.ok, CHECK.order, CHECK.order, CHECK.ok]);
  expect(read(S.flagged)).toBe(2);
  expect(read(S.status)).not.toBe(CHECK.ok);
  // Row order is settlement order: I3 takes 800,000 of the 1,000,000 first and I1 the 200,000 left —
  // the per-incident figures are wrong for the dates, the period totals are not.
  expect(rows.map((r) => [r.id, r.payable])).toEqual([
    ['I3', 800000],
    ['I1', 200000],
    ['I2', 280000],
    ['I4', 99000],
  ]);
  expect([read(S.totalPaid), read(S.profitPaid), read(S.overallLeft)]).toEqual([1379000, 1000000, 1621000]);
  // Every row has the same formula relative to its own row, so a sort keeps the formulas right.
  for (const col of ['I', 'J', 'K', 'L', 'M', 'N', 'O']) {
    const forms = [0, 1, 2, 3].map((i) => {
      const c = shuffled.cells.find((x) => x.address === `${col}${H + 1 + i}`)!;
      return relative((c.input as { formula: string }).formula, H + 1 + i);
    });
    expect(new Set(forms).size).toBe(1);
  }
  // Sorting by date (rows 2, 3, 1, 4 → I1, I2, I3, I4): the flags clear and I3 bears the cap.
  const sorted = evaluateSpec(sortRows(shuffled, [1, 2, 0, 3]));
  const after = rowsOf(sorted, 4);
  expect(after.map((r) => [r.id, r.payable, r.check])).toEqual([
    ['I1', 400000, CHECK.ok],
    ['I2', 280000, CHECK.ok],
    ['I3', 600000, CHECK.ok],
    ['I4', 99000, CHECK.ok],
  ]);
  expect(sorted(S.flagged)).toBe(0);
});

test('the check column flags what the pane would have refused, typed into the sheet', () => {
  const v = valid();
  const i1 = v.incidents[0];
  const rows = rowsOf(
    evaluateSpec(
      registerSheet(v.schedule, [
        i1,
        { ...i1, date: day('2025-03-01') },
        { ...i1, id: 'X', date: day('2026-01-05') },
        { ...i1, id: 'Y', date: day('2026-01-06'), cover: 'crisis', deductible: 5000, recovered: 0 },
      ]),
    ),
    4,
  );
  expect(rows.map((r) => r.check)).toEqual([CHECK.ok, CHECK.repeated, CHECK.outside, CHECK.outside]);
  // 第四条 1 (2): lost profit after the period's last day is not paid.
  expect(rows[2].payable).toBe(0);
});

test('the form refuses out-of-order, repeated, out-of-period and incomplete lines, in both languages', () => {
  const order = invalid({ incidents: 'A; 2025-05-01; profit; 100,000; 0; 20\nB; 2025-04-01; profit; 100,000; 0; 20' });
  expect(order.ok || order.errors.incidents).toEqual({ en: 'Line 2: dated before line 1: enter the incidents in date order', zh: '第 2 行：日期早于第 1 行：请按日期顺序填写事故' });
  const twice = invalid({ incidents: 'A; 2025-05-01; profit; 100,000; 0; 20\na; 2025-05-02; 利润; 100,000; 0; 20' });
  expect(twice.ok || twice.errors.incidents.en).toBe('Line 2: the same incident and cover as line 1: one row per incident and cover');
  const outside = invalid({ incidents: 'A; 2026-01-01; profit; 100,000; 0; 20' });
  expect(outside.ok || outside.errors.incidents.zh).toContain('日期不在保险期间内');
  expect(invalid({ incidents: 'A; 2025-05-01; profit; 100,000; 0' }).errors.incidents.en).toContain('hours is required');
  expect(invalid({ incidents: 'A; 2025-05-01; continuation; 100,000; 0; 20' }).errors.incidents.en).toContain('recovery ratio is required');
  expect(invalid({ incidents: 'A; 2025-05-01; crisis; 100,000; 1,000' }).errors.incidents.en).toContain('no deductible');
  expect(invalid({ incidents: 'A; 2025-05-01; theft; 100,000' }).errors.incidents.en).toContain('unknown cover “theft”');
  // The engine's own rules, blamed on the schedule's fields.
  expect(invalid({ crisisReduction: '120%' }).errors.crisisReduction).toBeDefined();
  expect(invalid({ policyEnd: '2024-12-31' }).errors.policyEnd?.en).toMatch(/policy_end/);
  expect(invalid({ annualRevenue: '40,000,000' }).errors.profitRate?.en).toMatch(/profit_rate/);
});

test('through a gateway: written, read back for the Limits tab, an incident added extends the block', async () => {
  const g = new FakeGateway(hyperFormulaCompute);
  const written = await writeRegister(g, defaultRegisterInputs());
  if (!written.ok) throw new Error('not written');
  const reading = await readLimits(g, { address: `'${written.sheet}'!C5`, sheet: written.sheet, formula: null, value: 3000000 });
  if (reading.kind !== 'register') throw new Error('not read as a register');
  const r = reading.reading;
  expect(r.rows.map((x) => [x.id, x.payable, x.coverLeft, x.overallLeft])).toEqual([
    ['I1', 400000, 600000, 2600000],
    ['I2', 280000, 220000, 2320000],
    ['I3', 600000, 0, 1720000],
    ['I4', 99000, 401000, 1621000],
  ]);
  expect(r.covers.profit).toEqual({ limit: 1000000, paid: 1000000, left: 0 });
  expect(r.overall).toEqual({ limit: 3000000, paid: 1379000, left: 1621000 });
  expect(r.nextRow).toBe(H + 5);

  // Before the last incident: refused, with the way to do it.
  const early = await addIncident(g, r, { ...EMPTY_INCIDENT, id: 'I0', date: '2025-08-01', cover: 'crisis', loss: '10,000' });
  expect(early).toEqual({ ok: false, error: expect.objectContaining({ en: expect.stringContaining('dated before incident I4 (2025-09-05)') }) });
  const twin = await addIncident(g, r, { ...EMPTY_INCIDENT, id: 'i3', date: '2025-10-01', cover: 'profit', loss: '10,000', hours: '20' });
  expect(twin.ok).toBe(false);

  // I5, lost profit after the cap was used up: 0; a crisis cost I6: paid from the crisis limit.
  expect(await addIncident(g, r, { ...EMPTY_INCIDENT, id: 'I5', date: '2025-10-01', cover: 'profit', loss: '306,000', deductible: '56,000', hours: '20' })).toEqual({ ok: true, row: H + 5 });
  const r2 = await readRegister(g, written.sheet);
  if (!r2.ok) throw new Error('gone');
  expect(await addIncident(g, r2, { ...EMPTY_INCIDENT, id: 'I6', date: '2025-11-15', cover: '危机', loss: '50,000', recovered: '' })).toEqual({ ok: true, row: H + 6 });
  const r3 = await readRegister(g, written.sheet);
  if (!r3.ok) throw new Error('gone');
  expect(r3.rows.slice(4).map((x) => [x.id, x.payable, x.coverLeft, x.overallLeft, x.check])).toEqual([
    ['I5', 0, 0, 1621000, CHECK.ok],
    ['I6', 45000, 356000, 1576000, CHECK.ok],
  ]);
  expect(r3.overall).toEqual({ limit: 3000000, paid: 1424000, left: 1576000 });
  expect(r3.covers.crisis).toEqual({ limit: 500000, paid: 144000, left: 356000 });
  // The added row's formulas are the block's own (the same relative formula as the row above).
  const cells = g.sheets.get(written.sheet)!;
  const f = (a: string) => (cells.get(a) as { formula: string }).formula;
  expect(relative(f(`L${H + 6}`), H + 6)).toBe(relative(f(`L${H + 1}`), H + 1));
  expect(relative(f(`I${H + 6}`), H + 6)).toBe(relative(f(`I${H + 1}`), H + 1));

  // Any other sheet is not a register: the Limits tab falls back to CYBER.ALLOCATE.
  g.set('Other', { A1: 'x' });
  expect((await readLimits(g, { address: 'Other!A1', sheet: 'Other', formula: null, value: 'x' })).kind).toBe('allocate');
});
