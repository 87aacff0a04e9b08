/**
 * The cross-host property, run per function by the crosshost-*.test.ts files (split in two so
 * that Jest runs the halves on both cores): RUNS generated calls of each function — valid ones,
 * and valid ones broken in one or two places — go through all three hosts (see hosts.ts), and
 * must give identical values, identical spilled arrays, or identical error codes and messages;
 * no host may show NaN, ±Infinity or −0 in a cell (FUNCTIONS.md conventions: results are numbers
 * a cell can hold; bad input yields an Excel error, never a number).
 *
 * A further RUNS ÷ 50 calls carry NaN or ±Infinity, which a JavaScript caller can pass to the
 * engine or the adapter but no cell can hold: engine and adapter must agree on them, and neither
 * may return a non-finite number.
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/engine';
import { loadStochasticFunctions } from '../../src/functions/adapter';
import { describeCall, engineArgs, nonFiniteCell, RUNS, samplingSeed, sheetCall, type Tuple } from './arbitraries';
import { badCellValue, installCustomFunctions, sameOutcome, show, SPEC_BY_NAME, viaAdapter, viaEngine, viaSheet, type HostOutcome } from './hosts';

const MAX_REPORTED = 5;

function withNonFinite(name: string, arity: number): fc.Arbitrary<Tuple> {
  return fc.tuple(sheetCall(name, arity), fc.nat(), fc.nat(), nonFiniteCell).map(([t, at, inside, v]) => {
    const out = [...t];
    const i = at % arity;
    while (out.length <= i) out.push(undefined);
    const a = out[i];
    if (Array.isArray(a) && (a as CellValue[][]).flat().length > 0) {
      const range = (a as CellValue[][]).map((r) => [...r]);
      const flat = range.flat().length;
      let k = inside % flat;
      for (const row of range) {
        if (k < row.length) {
          row[k] = v;
          break;
        }
        k -= row.length;
      }
      out[i] = range;
    } else out[i] = v;
    return out;
  });
}

export function crossHostSuite(names: readonly string[]): void {
  let uninstall: () => void = () => undefined;
  beforeAll(async () => {
    uninstall = installCustomFunctions();
    // Sections 10 and 11 answer their first call with a Promise while their chunk loads
    // (src/functions/adapter.ts); loaded first, every adapter call is synchronous.
    await loadStochasticFunctions();
  });
  afterAll(() => uninstall());

  it.each(names)(`%s: ${RUNS} generated calls give identical results in the engine, the Excel adapter and HyperFormula`, (name) => {
    const spec = SPEC_BY_NAME.get(name);
    if (!spec) throw new Error(`no function ${name}`);
    const arity = spec.params.length;
    const seed = samplingSeed();
    const t0 = Date.now();
    const calls = fc.sample(sheetCall(name, arity), { numRuns: RUNS, seed });
    const t1 = Date.now();
    const sheet = viaSheet(name, calls);
    const t2 = Date.now();
    if (process.env.CYBERBI_PROPERTY_TIMING) process.stdout.write(`${name}: sampled in ${t1 - t0} ms, sheet of ${sheet.rows} rows evaluated in ${t2 - t1} ms\n`);
    const failures: string[] = [];
    let errors = 0;
    let arrays = 0;
    calls.forEach((t, k) => {
      const { outcome: engine, propagated } = viaEngine(name, t);
      const adapter = viaAdapter(name, t, propagated);
      const hf = sheet.outcome(k, engine, propagated);
      if (engine.kind === 'error') errors++;
      else if (Array.isArray(engine.value)) arrays++;
      const problems: string[] = [];
      for (const [host, o] of [['engine', engine], ['adapter', adapter], ['HyperFormula', hf]] as Array<[string, HostOutcome]>) {
        const bad = badCellValue(o);
        if (bad) problems.push(`${host} returned ${bad}`);
      }
      if (!sameOutcome(engine, adapter)) problems.push('engine and adapter disagree');
      // No tolerance: with several errors passed in, HyperFormula too gives the first in argument
      // order (src/sheet/plugin.ts evaluateCall; FUNCTIONS.md conventions, errors propagate).
      if (!sameOutcome(engine, hf)) problems.push('engine and HyperFormula disagree');
      if (problems.length && failures.length < MAX_REPORTED) {
        failures.push(
          [
            `call #${k}: ${describeCall(name, t)}  (${problems.join('; ')})`,
            `  engine args:  ${JSON.stringify(engineArgs(t))}`,
            `  sheet:        ${sheet.formula(k)}`,
            `  engine:       ${show(engine)}`,
            `  adapter:      ${show(adapter)}`,
            `  HyperFormula: ${show(hf)}`,
          ].join('\n'),
        );
      } else if (problems.length) failures.push('');
    });
    if (failures.length) {
      throw new Error(
        `CYBER.${name}: ${failures.length} of ${calls.length} calls differ between hosts or show a value no cell may hold ` +
          `(sampled with seed ${seed}; rerun with CYBERBI_PROPERTY_SEED=${seed} CYBERBI_PROPERTY_RUNS=${RUNS}). First ones:\n` +
          failures.filter((f) => f !== '').join('\n'),
      );
    }
    // The generator must reach both sides of every function: results and errors.
    expect(errors).toBeGreaterThan(0);
    expect(calls.length - errors).toBeGreaterThan(0);
    if (spec.resultKind === 'row' || spec.resultKind === 'column' || spec.resultKind === 'table') expect(arrays).toBeGreaterThan(0);
  });

  it.each(names)('%s: NaN and ±Infinity passed by a JavaScript caller give the same error in the engine and the adapter', (name) => {
    const spec = SPEC_BY_NAME.get(name);
    if (!spec) throw new Error(`no function ${name}`);
    const seed = samplingSeed();
    const calls = fc.sample(withNonFinite(name, spec.params.length), { numRuns: Math.max(1, Math.floor(RUNS / 50)), seed });
    for (const t of calls) {
      const { outcome: engine, propagated } = viaEngine(name, t);
      const adapter = viaAdapter(name, t, propagated);
      const bad = badCellValue(engine) ?? badCellValue(adapter);
      if (bad || !sameOutcome(engine, adapter)) {
        throw new Error(`${describeCall(name, t)} (sampled with seed ${seed}): ${bad ?? 'the hosts disagree'}; engine ${show(engine)}, adapter ${show(adapter)}`);
      }
    }
  });
}
