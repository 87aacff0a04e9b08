/**
 * `cyberbi calc` runs the one-file build of lib/cli (webpack.cli.config.js) only while it is
 * exactly as built (bin/bundle.js), and the bundle computes what the modules compute.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const { freshBundle } = require('../bin/bundle') as { freshBundle: (root: string) => string | undefined };

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'cyberbi.js');

describe('bin/bundle.js: the bundle runs only while every file it was made from is unchanged', () => {
  let dir: string;
  let input: string;
  const write = (rel: string, text: string) => {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
    return f;
  };
  const stamp = (rel: string) => {
    const s = fs.statSync(path.join(dir, rel));
    return [rel, s.size, s.mtimeMs];
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-bundle-'));
    write('lib/cli/cyberbi.bundle.js', 'module.exports = {};');
    input = write('lib/engine/index.js', 'exports.x = 1;');
    write('node_modules/dep/index.js', 'exports.y = 2;');
    const manifest = { bundle: stamp('lib/cli/cyberbi.bundle.js'), inputs: [stamp('lib/engine/index.js'), stamp('node_modules/dep/index.js')] };
    write('lib/cli/cyberbi.bundle.json', JSON.stringify(manifest));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is used as built', () => {
    expect(freshBundle(dir)).toBe(path.join(dir, 'lib/cli/cyberbi.bundle.js'));
  });
  it('is not used once an input is rewritten (tsc rebuilt lib/), even with the same size', () => {
    const t = fs.statSync(input).mtime;
    fs.writeFileSync(input, 'exports.x = 2;');
    fs.utimesSync(input, t, new Date(t.getTime() + 5000));
    expect(freshBundle(dir)).toBeUndefined();
  });
  it('is not used once a dependency changed (node_modules updated)', () => {
    fs.appendFileSync(path.join(dir, 'node_modules/dep/index.js'), '\n');
    expect(freshBundle(dir)).toBeUndefined();
  });
  it('is not used when an input is gone', () => {
    fs.rmSync(input);
    expect(freshBundle(dir)).toBeUndefined();
  });
  it('is not used when the bundle was edited', () => {
    fs.appendFileSync(path.join(dir, 'lib/cli/cyberbi.bundle.js'), '\n');
    expect(freshBundle(dir)).toBeUndefined();
  });
  it('is not used without a manifest, with a damaged one, or one listing no input', () => {
    fs.writeFileSync(path.join(dir, 'lib/cli/cyberbi.bundle.json'), '{"bundle":');
    expect(freshBundle(dir)).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'lib/cli/cyberbi.bundle.json'), JSON.stringify({ bundle: stamp('lib/cli/cyberbi.bundle.js'), inputs: [] }));
    expect(freshBundle(dir)).toBeUndefined();
    fs.rmSync(path.join(dir, 'lib/cli/cyberbi.bundle.json'));
    expect(freshBundle(dir)).toBeUndefined();
  });
});

describe('the built bundle (npm run build:cli; npm test builds it first)', () => {
  const run = (args: string[], env: Record<string, string>) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CYBERBI_TRACE: '1', ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('is fresh, and cyberbi calc runs it', () => {
    expect(freshBundle(root)).toBe(path.join(root, 'lib', 'cli', 'cyberbi.bundle.js'));
    const r = run(['calc', path.join(root, 'examples', 'lmcit-member.csv')], {});
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^cyberbi: trace: running lib\/cli\/cyberbi\.bundle\.js$/m);
  });

  const examples = fs.readdirSync(path.join(root, 'examples')).filter((f) => /\.(csv|xlsx)$/.test(f));
  it.each(examples)('computes %s exactly as the modules do (CSV and JSON)', (name) => {
    const file = path.join(root, 'examples', name);
    for (const format of ['csv', 'json']) {
      const bundled = run(['calc', file, '--all-sheets', '--format', format], {});
      const modules = run(['calc', file, '--all-sheets', '--format', format], { CYBERBI_BUNDLE: 'off' });
      expect(modules.stderr).toMatch(/^cyberbi: trace: running lib\/cli\/main\.js$/m);
      expect(bundled.status).toBe(0);
      expect(bundled.stdout.length).toBeGreaterThan(100);
      expect(bundled.stdout).toBe(modules.stdout);
    }
  });
});
