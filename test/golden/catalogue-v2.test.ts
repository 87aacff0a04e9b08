/**
 * Catalogue v2 against a second implementation. scripts/golden/catalogue_v2.py implements the
 * rules v2 changed (sections 3–7) and the new section 9 from the catalogue's text alone, in exact
 * rationals and Python's own calendar, and writes test/golden/catalogue-v2.json. Every case is
 * replayed here through the engine: the error code must be the same, a number must equal the
 * rational to 30 significant digits (the engine computes in 40), and the cell value must be the
 * nearest double.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Decimal from 'decimal.js';
import { evaluate } from '../../src/engine';
import type { RawArgument } from '../../src/engine';

type Expected = boolean | string | { num: number; exact: string } | { error: string } | Expected[];
interface GoldenCase {
  fn: string;
  args: RawArgument[];
  expected: Expected;
}

const ROOT = path.resolve(__dirname, '../..');
const FILE = path.join(ROOT, 'test/golden/catalogue-v2.json');
const { cases } = JSON.parse(fs.readFileSync(FILE, 'utf8')) as { cases: GoldenCase[] };
const D = Decimal.clone({ precision: 60 });

function sameNumber(exact: string, value: unknown, want: { num: number; exact: string }): string | undefined {
  const [p, q] = want.exact.split('/');
  const rational = new D(p).div(q);
  const diff = new D(exact).minus(rational).abs();
  if (diff.gt(rational.abs().times('1e-30')) && diff.gt('1e-30')) return `exact ${exact} ≠ ${want.exact}`;
  if (typeof value !== 'number') return `cell value ${String(value)} is not a number`;
  // The nearest double of the rational (Python's float()), within one unit in the last place
  // (the engine rounds its 40-digit decimal to a double, a second rounding).
  if (value !== want.num && Math.abs(value - want.num) > Math.abs(want.num) * 2.3e-16) return `cell ${value} ≠ ${want.num}`;
  return undefined;
}

function compare(exact: unknown, value: unknown, want: Expected): string | undefined {
  if (Array.isArray(want)) {
    if (!Array.isArray(exact) || !Array.isArray(value) || exact.length !== want.length) return `shape differs: ${JSON.stringify(exact)}`;
    for (let i = 0; i < want.length; i++) {
      const e = compare(exact[i], (value as unknown[])[i], want[i]);
      if (e) return `[${i}] ${e}`;
    }
    return undefined;
  }
  if (typeof want === 'boolean' || typeof want === 'string') return exact === want && value === want ? undefined : `got ${String(exact)}, want ${String(want)}`;
  if ('error' in want) return `got a value ${JSON.stringify(exact)}, want ${want.error}`;
  return typeof exact === 'string' ? sameNumber(exact, value, want) : `got ${String(exact)}, want a number`;
}

const byFunction = new Map<string, GoldenCase[]>();
for (const c of cases) byFunction.set(c.fn, [...(byFunction.get(c.fn) ?? []), c]);

describe.each([...byFunction.keys()])('CYBER.%s agrees with the independent implementation', (fn) => {
  test(`${byFunction.get(fn)!.length} generated cases`, () => {
    const failures: string[] = [];
    for (const c of byFunction.get(fn)!) {
      const out = evaluate(c.fn, c.args);
      let problem: string | undefined;
      if (typeof c.expected === 'object' && !Array.isArray(c.expected) && 'error' in c.expected) {
        if (out.ok) problem = `got ${JSON.stringify(out.value)}, want ${c.expected.error}`;
        else if (out.error.code !== c.expected.error) problem = `got ${out.error.code} (${out.error.message.en}), want ${c.expected.error}`;
      } else if (!out.ok) {
        problem = `got ${out.error.code}: ${out.error.message.en}`;
      } else {
        problem = compare(out.exact, out.value, c.expected);
      }
      if (problem) failures.push(`${fn}: ${problem} — arguments ${JSON.stringify(c.args).slice(0, 240)}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});

test('the table covers every rule v2 changed or added', () => {
  expect([...byFunction.keys()].sort()).toEqual(
    ['ALLOCATE', 'CLAIMSMADE', 'CONTINUATIONCOST', 'CRIMEPAYOUT', 'DEADLINE', 'FX', 'HOURLYBI', 'INPERIOD', 'LMCITLIMIT', 'NOTICEBY', 'NOTICESERVED', 'RECOVERY', 'RECOVERYRATIO', 'REPUTATIONAL', 'RETURNPREMIUM'].sort(),
  );
});

// The committed table is what the script writes (python3 with the standard library is on every
// machine of this project; without it the check is reported, not silently passed).
test('test/golden/catalogue-v2.json is what scripts/golden/catalogue_v2.py writes', () => {
  const r = spawnSync('python3', ['scripts/golden/catalogue_v2.py', '--check'], { cwd: ROOT, encoding: 'utf8' });
  if (r.error) throw new Error(`python3 is needed to check the golden table: ${r.error.message}`);
  expect(r.stdout.trim()).toBe('up to date');
  expect(r.status).toBe(0);
});
