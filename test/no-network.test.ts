/**
 * The add-in makes no network request at runtime, and neither does any runtime dependency
 * (issue 5): `cyberbi calc` reads and evaluates every example — xlsx through ExcelJS, csv through
 * csv-parse, formulas through HyperFormula, the engine through decimal.js — in a Node process in
 * which every network API throws and reports itself (test/support/no-network.js). The browser
 * pages are covered in Chromium: test/bundle.test.ts (the add-in page) and
 * test/e2e/workbench.e2e.test.ts (the workbench) fail on any request beyond their own origin and
 * office.js.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureLibBuilt } from './support/lib';

const ROOT = path.resolve(__dirname, '..');
const PRELOAD = path.join(__dirname, 'support', 'no-network.js');
const BIN = path.join(ROOT, 'bin', 'cyberbi.js');

beforeAll(() => ensureLibBuilt(), 120_000);

const run = (args: string[]) => spawnSync(process.execPath, ['-r', PRELOAD, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

test('the guard works: a process that tries the network under it is caught', () => {
  for (const attempt of [
    "require('https').get('https://registry.npmjs.org/')",
    "require('net').connect(80, 'example.com')",
    "fetch('https://example.com/')",
    "require('dns').lookup('example.com', () => {})",
  ]) {
    const r = run(['-e', attempt]);
    expect(r.stderr).toMatch(/^NETWORK ATTEMPT /m);
    expect(r.status).not.toBe(0);
  }
});

const examples = fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => /\.(xlsx|csv)$/.test(f));

test.each(examples)('cyberbi calc examples/%s evaluates without touching the network', (file) => {
  const r = run([BIN, 'calc', path.join('examples', file), '--format', 'json']);
  expect(r.stderr).not.toMatch(/NETWORK ATTEMPT/);
  expect(r.status).toBe(0);
  // It really evaluated: the JSON lists cells and CYBER results among them.
  const cells = JSON.parse(r.stdout) as unknown;
  expect(JSON.stringify(cells)).toMatch(/CYBER\./);
});

test('no runtime dependency runs an install script (nothing can download at install time either)', () => {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; hasInstallScript?: boolean }>;
  };
  const runtime = Object.entries(lock.packages).filter(([name, p]) => name !== '' && !p.dev);
  expect(runtime.map(([name]) => name)).toContain('node_modules/exceljs');
  expect(runtime.filter(([, p]) => p.hasInstallScript).map(([name]) => name)).toEqual([]);
});
