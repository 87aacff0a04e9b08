/**
 * The browser bundles replace @stdlib/assert-has-generator-support with "no" (its eval check breaks
 * the pages' Content-Security-Policy: scripts/webpack-stubs/no-generator-support.js), so in Excel
 * and the workbench @stdlib's continued fractions and series run their plain-function path, while
 * Node (the CLI, these tests) runs the generator path. Both must give the same doubles, bit for
 * bit, or a CYBER cell would differ between hosts.
 */
import * as path from 'path';

type Special = Record<'gammainc' | 'gammaincinv' | 'betainc' | 'betaincinv', (...a: number[]) => number>;

function load(noGenerators: boolean): Special & { generators: boolean } {
  let out: (Special & { generators: boolean }) | undefined;
  jest.isolateModules(() => {
    if (noGenerators) jest.doMock('@stdlib/assert-has-generator-support', () => require(path.resolve(__dirname, '../scripts/webpack-stubs/no-generator-support.js')));
    else jest.dontMock('@stdlib/assert-has-generator-support');
    out = {
      generators: require('@stdlib/assert-has-generator-support')(),
      gammainc: require('@stdlib/math-base-special-gammainc'),
      gammaincinv: require('@stdlib/math-base-special-gammaincinv'),
      betainc: require('@stdlib/math-base-special-betainc'),
      betaincinv: require('@stdlib/math-base-special-betaincinv'),
    };
  });
  return out!;
}

test('the plain-function path of @stdlib gives the same doubles as the generator path', () => {
  const node = load(false);
  const browser = load(true);
  // The two really take different paths.
  expect([node.generators, browser.generators]).toEqual([true, false]);
  // A fixed pseudo-random walk over the parameter space the distribution families use.
  let seed = 20261201;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const differences: string[] = [];
  for (let i = 0; i < 20000; i++) {
    const x = Math.exp(-10 + 18 * next());
    const s = Math.exp(-5 + 11 * next());
    const q = Math.exp(-5 + 10 * next());
    const p = next();
    const calls: Array<[keyof Special, number[]]> = [
      ['gammainc', [x, s]],
      ['gammainc', [x, s, 1, 1]],
      ['betainc', [p, s, q]],
      ['betainc', [p, s, q, 1, 1]],
      ['gammaincinv', [p, s]],
      ['betaincinv', [p, s, q]],
    ];
    for (const [f, args] of calls) {
      const a = node[f](...args);
      const b = browser[f](...args);
      if (!Object.is(a, b)) differences.push(`${f}(${args.join(', ')}): ${a} vs ${b}`);
    }
  }
  expect(differences.slice(0, 5)).toEqual([]);
});
