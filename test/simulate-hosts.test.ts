/**
 * CYBER.SIMULATE in every host (catalogue section 11: "The same inputs, seed and engine version
 * give identical results in Excel, the workbench and the CLI"): the HyperFormula sheet of the
 * workbench and the CLI against the engine, in English and Chinese; the 14×2 and 11×2 spills; one
 * simulation for the stats, AEP, OEP and cover cells of one model.
 */
import { evaluate, type RawArgument } from '../src/engine';
import { evaluateSheet, type InputCell } from '../src/sheet/workbook';

const covers: InputCell[][] = [
  ['id', 'parent', 'per event', 'aggregate', 'deductible', 'nesting'],
  ['FP', null, 60000, 150000, 2000, 'all'],
  ['BI', 'FP', 30000, 80000, 5000, 'all'],
  ['CBI', 'BI', 10000, 20000, 1000, 'aggregate'],
];
const events: InputCell[][] = [
  ['cover', 'probability', 'severity'],
  ['BI', 0.6, 'lognormal(9.5,1.2)'],
  ['CBI', 0.3, 'lognormal(8.5,1)'],
  ['FP', 0.4, 'lomax(3,20000)'],
];

/** Covers in A1:F4, events in A6:C9, the calls in column H, 20 rows apart. */
function sheet(calls: string[]): InputCell[][] {
  const cells: InputCell[][] = [];
  const put = (r: number, c: number, v: InputCell) => {
    while (cells.length <= r) cells.push([]);
    cells[r][c] = v;
  };
  covers.forEach((row, r) => row.forEach((v, c) => put(r, c, v)));
  events.forEach((row, r) => row.forEach((v, c) => put(5 + r, c, v)));
  calls.forEach((f, k) => put(20 * k, 7, f));
  put(100, 0, null);
  return cells;
}

const ARGS = (output?: string, cover?: string): RawArgument[] => [
  'poisson(1.5)',
  events as RawArgument,
  covers as RawArgument,
  200000,
  70000,
  3000,
  5,
  output ?? null,
  cover ?? null,
];

describe.each(['en', 'zh'] as const)('CYBER.SIMULATE in HyperFormula (messages and labels in %s)', (language) => {
  const calls = [
    '=CYBER.SIMULATE("poisson(1.5)",A6:C9,A1:F4,200000,70000,3000,5)',
    '=CYBER.SIMULATE("poisson(1.5)",A6:C9,A1:F4,200000,70000,3000,5,"aep")',
    '=CYBER.SIMULATE("poisson(1.5)",A6:C9,A1:F4,200000,70000,3000,5,"oep","BI")',
    '=CYBER.SIMULATE("poisson(1.5)",A6:C9,A1:F4,200000,70000,3000,5,,"CBI")',
    '=CYBER.SIMULATE("poisson(1.5)",A6:C9,A1:F4,200000,70000,0,5)',
  ];
  const values = evaluateSheet(sheet(calls), { language });
  const block = (k: number, rows: number) => values.slice(20 * k, 20 * k + rows).map((r) => [r[7], r[8]]);

  test('stats spill 14×2 and equal the engine’s, labels in the user’s language', () => {
    const engine = evaluate('SIMULATE', ARGS(), { language });
    expect(engine.ok).toBe(true);
    expect(block(0, 14)).toEqual(engine.ok ? engine.value : null);
    expect(values[14]?.[7] ?? null).toBeNull();
  });

  test('a literal "aep" or "oep" spills 11×2, equal to the engine’s, the cover option too', () => {
    const aep = evaluate('SIMULATE', ARGS('aep'));
    const oep = evaluate('SIMULATE', ARGS('oep', 'BI'));
    const cbi = evaluate('SIMULATE', ARGS(undefined, 'CBI'), { language });
    expect(block(1, 11)).toEqual(aep.ok ? aep.value : null);
    expect(values[20 + 11]?.[7] ?? null).toBeNull();
    expect(block(2, 11)).toEqual(oep.ok ? oep.value : null);
    expect(block(3, 14)).toEqual(cbi.ok ? cbi.value : null);
  });

  test('an error names the argument in the user’s language', () => {
    const e = values[80][7] as { error: string; message: string };
    expect(e.error).toBe('#VALUE!');
    expect(e.message).toContain(language === 'en' ? 'years' : 'years（模拟年数）');
  });
});
