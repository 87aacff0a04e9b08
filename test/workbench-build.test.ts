/**
 * The workbench as `npm start` ships it: the production build (webpack.workbench.config.js) into a
 * temporary directory, then scripts/serve-workbench.js serving it on a free localhost port. The
 * page loads nothing from another origin and no office.js; the bundle does include HyperFormula
 * (which is why the README gives the workbench GPL-3.0-only).
 */
import { type ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const WEBPACK = path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js');

let tmp: string;
let out: string;
let server: ChildProcess | undefined;
let base: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-workbench-build-'));
  out = path.join(tmp, 'dist-workbench');
  const run = spawnSync(process.execPath, [WEBPACK, '--config', 'webpack.workbench.config.js', '--mode', 'production', '--env', `outputPath=${out}`], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`webpack failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  const started = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve-workbench.js'), '--port', '0', '--dir', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  server = started;
  base = await new Promise<string>((resolve, reject) => {
    let text = '';
    started.stdout?.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(text);
      if (m) resolve(m[0]);
    });
    started.on('exit', (code) => reject(new Error(`serve-workbench exited with ${code}`)));
  });
}, 180_000);

afterAll(() => {
  server?.kill();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('emits the page, its bundle, the stylesheets and the examples', () => {
  for (const f of ['index.html', 'workbench.js', 'react-datasheet-grid.css', 'workbench.css', 'examples/cpic-network-interruption.xlsx']) {
    expect(fs.existsSync(path.join(out, f))).toBe(true);
  }
});

test('the page refers to nothing outside its own server and does not load office.js', () => {
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  // The minified page may drop the attribute quotes.
  const refs = [...html.matchAll(/\b(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1]);
  expect(refs.length).toBeGreaterThanOrEqual(3);
  for (const ref of refs) expect(ref).not.toMatch(/^(?:[a-z]+:)?\/\//i);
  expect(html).not.toMatch(/office\.js|appsforoffice/i);
});

test('the bundle includes HyperFormula (GPL-3.0-only) and the CYBER functions', () => {
  const js = fs.readFileSync(path.join(out, 'workbench.js'), 'utf8');
  expect(js).toMatch(/gpl-v3/);
  expect(js).toMatch(/PROFITRATE/);
});

test('the server serves the page and the example on localhost, and nothing outside its folder', async () => {
  const page = await fetch(base);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  const example = await fetch(`${base}examples/cpic-network-interruption.xlsx`);
  expect(example.status).toBe(200);
  expect((await example.arrayBuffer()).byteLength).toBe(fs.statSync(path.join(ROOT, 'examples', 'cpic-network-interruption.xlsx')).size);
  for (const escape of ['..%2Fpackage.json', '%2e%2e/%2e%2e/package.json']) expect((await fetch(`${base}${escape}`)).status).not.toBe(200);
  expect((await fetch(`${base}missing.js`)).status).toBe(404);
});
