/**
 * The CPIC template's default sheet behind a {@link FakeGateway} that evaluates with HyperFormula
 * and the CYBER plugin, for the what-if tests (tornado, two-way table), with an in-memory store
 * for the signed restore keys.
 */
import type { RestoreKeyStore } from '../sensitivity';
import { CPIC_TEMPLATE } from '../templates/cpic';
import { defaultInputs, validateForm } from '../templates/form';
import { type Compute, FakeGateway } from './fakeGateway';
import { hyperFormulaCompute } from './sheetEval';

/** hyperFormulaCompute, recomputed only when the sheets or names changed since the last call (a sweep reads many times between writes). */
export function cachedCompute(): Compute {
  let k0 = '';
  let last: ReturnType<Compute> | undefined;
  return (sheets, names) => {
    const k = JSON.stringify([[...sheets].map(([n, c]) => [n, [...c]]), names]);
    if (k !== k0 || !last) [k0, last] = [k, hyperFormulaCompute(sheets, names)];
    return last;
  };
}

/** A restore-key store that lives as long as the test. */
export function memoryKeys(): RestoreKeyStore {
  let k: string | null = null;
  return { load: () => k, save: (v) => (k = v) };
}

/** The CPIC template built from its defaults on a fresh gateway; `at(ref)` is the qualified address of one of its refs. */
export async function cpicOnFakeGateway(): Promise<{ g: FakeGateway; at: (ref: string) => string }> {
  const g = new FakeGateway(cachedCompute());
  const v = validateForm(CPIC_TEMPLATE, defaultInputs(CPIC_TEMPLATE));
  if (!v.ok) throw new Error('CPIC defaults invalid');
  const built = CPIC_TEMPLATE.build(v.values);
  const sheet = await g.addSheet({ ...built.spec, names: [] });
  return { g, at: (k: string) => `'${sheet}'!${built.refs[k]}` };
}
