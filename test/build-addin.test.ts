/**
 * The production build for a real host (issue 16): `npm run build:addin -- --base-url URL`, run
 * once (the webpack build takes a minute or more) into a temporary directory, with a made-up https
 * origin and path. Checked in the output: the manifest (the full offline check of
 * test/support/manifest-check.ts, every URL on the base URL, none on localhost), each function's
 * helpUrl in both metadata files pointing at its own section of the shipped help page, the page's
 * asset paths, and the help pages themselves. And: a base URL that is not https is refused with
 * exit code 2 before anything is built, from the flag, from CYBERBI_BASE_URL, and by webpack.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEV_BASE_URL, HELP_PAGES, HELP_STYLESHEET, parseBaseUrl } from '../scripts/addin-urls';
import type { Metadata } from '../scripts/build-metadata';
import { FILES } from '../scripts/build-metadata';
import { CATALOGUE } from '../src/engine';
import { renderFunctionsModule } from '../scripts/gen-functions';
import { collectViolations, OFFICE_JS_ORIGIN } from './support/csp';
import { manifestProblems, parseXml, schemaProblems } from './support/manifest-check';
const { parseArgs } = require('../scripts/build-addin') as { parseArgs: (argv: string[], env: Record<string, string | undefined>) => { baseUrl?: string; out: string } };

const ROOT = path.resolve(__dirname, '..');
const BASE = 'https://addins.example.com/cyberbi/';
const BUILD_ADDIN = path.join(ROOT, 'scripts', 'build-addin.js');
const excelId = (f: (typeof CATALOGUE)[number]) => f.excelName ?? f.name;

let tmp: string;
let out: string;
let files: Set<string>;
const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf8');

function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(path.join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`]));
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-build-addin-'));
  out = path.join(tmp, 'dist');
  // The metadata comes from the functions module gen-functions makes of the current catalogue
  // (as in test/metadata.test.ts), so a stale generated src/functions/functions.ts does not stop
  // this build; test/metadata.test.ts is the one that reports it.
  const source = path.join(tmp, 'functions.ts');
  fs.writeFileSync(source, renderFunctionsModule(CATALOGUE));
  // As the README says to run it: npm passes what follows `--` to scripts/build-addin.js. The
  // base URL is given without its trailing slash on purpose: the build adds it.
  const run = spawnSync('npm', ['run', '--silent', 'build:addin', '--', '--base-url', BASE.replace(/\/$/, ''), '--out', out, '--source', source], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`build:addin failed (${run.status}):\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`);
  files = new Set(filesUnder(out));
}, 400_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the production build for https://addins.example.com/cyberbi/', () => {
  test('writes the pages, bundles, metadata, help pages, icons and manifest', () => {
    for (const f of ['taskpane.html', 'functions.js', 'taskpane.js', 'manifest.xml', FILES.en, FILES.zh, HELP_PAGES.en, HELP_PAGES.zh, HELP_STYLESHEET, 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png']) {
      expect(files).toContain(f);
    }
  });

  test('dist/manifest.xml passes every offline check for the base URL, its icons read from dist/', () => {
    const xml = read('manifest.xml');
    expect(schemaProblems(parseXml(xml))).toEqual([]);
    expect(manifestProblems(xml, { baseUrl: BASE, emitted: files, filesDir: out })).toEqual([]);
  });

  test('every URL of dist/manifest.xml is on the base URL, none on localhost; manifest.xml itself stays the development one', () => {
    const xml = read('manifest.xml');
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="([a-z]+:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(20);
    for (const u of urls) expect([u, u.startsWith(BASE), files.has(u.slice(BASE.length))]).toEqual([u, true, true]);
    expect(xml).not.toMatch(/https?:\/\/localhost/);
    // What each resource points at, by id.
    const urlOf = (id: string) => new RegExp(`id="${id.replace(/\./g, '\\.')}" DefaultValue="([^"]+)"`).exec(xml)?.[1];
    expect(urlOf('Taskpane.Url')).toBe(`${BASE}taskpane.html`);
    expect(urlOf('Functions.Script.Url')).toBe(`${BASE}functions.js`);
    expect(urlOf('Functions.Metadata.Url')).toBe(`${BASE}functions.json`);
    expect(urlOf('Icon.80x80')).toBe(`${BASE}assets/icon-80.png`);
    expect(/<SourceLocation DefaultValue="([^"]+)"/.exec(xml)?.[1]).toBe(`${BASE}taskpane.html`);
    expect(/<SupportUrl DefaultValue="([^"]+)"/.exec(xml)?.[1]).toBe(`${BASE}help/en.html`);
    const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    expect(source).toContain(`<SourceLocation DefaultValue="${DEV_BASE_URL}taskpane.html"/>`);
    expect(source).not.toContain(BASE);
  });

  test('every function has a helpUrl to its own section of the help page, in the language of its metadata file', () => {
    for (const [file, lang] of [
      [FILES.en, 'en'],
      [FILES.zh, 'zh'],
    ] as const) {
      const metadata = JSON.parse(read(file)) as Metadata;
      const page = read(HELP_PAGES[lang]);
      expect(metadata.functions.map((f) => f.id)).toEqual(CATALOGUE.map(excelId));
      for (const f of metadata.functions) {
        expect([f.id, f.helpUrl]).toEqual([f.id, `${BASE}${HELP_PAGES[lang]}#${f.id}`]);
        expect(new URL(f.helpUrl!).protocol).toBe('https:');
        // The anchor exists in the shipped page (the minified page may drop the quotes).
        expect([f.id, new RegExp(`<section id="?${f.id}"?>`).test(page)]).toEqual([f.id, true]);
      }
    }
  });

  test('the help pages: both languages, each function described in its language, no script, only their stylesheet', () => {
    const en = read(HELP_PAGES.en);
    const zh = read(HELP_PAGES.zh);
    for (const f of CATALOGUE) {
      expect(en).toContain(`CYBER.${excelId(f)}(`);
      expect(zh).toContain(`CYBER.${excelId(f)}(`);
    }
    const profitRate = CATALOGUE.find((f) => f.name === 'PROFITRATE')!;
    expect(profitRate.description.en).not.toMatch(/[&<>"']/); // so the page shows it unescaped
    expect(en).toContain(profitRate.description.en);
    expect(zh).toContain(profitRate.description.zh);
    expect(zh).toMatch(/<html lang="?zh-CN"?>/);
    for (const page of [en, zh]) {
      expect(page).not.toMatch(/<script/i);
      expect(page).toMatch(/http-equiv="?Content-Security-Policy"? content="default-src 'none'; style-src 'self'/);
      const refs = [...page.matchAll(/\s(?:src|href)="?([^"\s>]+)/g)].map((m) => m[1]).filter((r) => !r.startsWith('#'));
      expect(refs.sort()).toEqual(expect.arrayContaining(['help.css']));
      for (const r of refs) expect([r, files.has(`help/${r}`)]).toEqual([r, true]);
    }
  });

  test('the shared-runtime page loads office.js from the CDN, then the bundles from the base URL, and nothing else', () => {
    const html = read('taskpane.html');
    const srcs = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(srcs).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', `${BASE}functions.js`, `${BASE}taskpane.js`]);
    expect([...html.matchAll(/\shref=/g)]).toEqual([]);
    for (const f of ['functions.js', 'taskpane.js']) expect(files).toContain(f);
  });
});

const CHROMIUM = '/usr/bin/chromium';
const browserTest = fs.existsSync(CHROMIUM) ? test : test.skip;
if (!fs.existsSync(CHROMIUM)) console.warn(`build-addin: ${CHROMIUM} is missing — the browser check of the production build is SKIPPED.`);

/** office.js is Microsoft's and its CDN is unreachable here: a stand-in at its address (as test/bundle.test.ts). */
const OFFICE_STAND_IN = `
window.__associated = {};
class RuntimeError extends Error { constructor(code, message) { super(message); this.code = code; } }
window.CustomFunctions = { associate: function (id, fn) { window.__associated[id] = fn; }, Error: RuntimeError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!' } };
window.Office = { onReady: function () { return Promise.resolve({ host: null, platform: null }); }, context: { displayLanguage: 'en-US' } };
`;

browserTest('in Chromium, served at the base URL: the page, the functions and both help pages load with no CSP violation and no request elsewhere', async () => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext();
    const violations = await collectViolations(context);
    const requests: string[] = [];
    const pageErrors: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };
    // The made-up host, answered from the build; everything else but office.js is refused.
    await context.route(`${BASE}**`, (route) => {
      const rel = decodeURIComponent(new URL(route.request().url()).pathname).slice(new URL(BASE).pathname.length);
      const file = path.join(out, rel);
      if (!file.startsWith(out + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ body: fs.readFileSync(file), contentType: types[path.extname(file)] ?? 'application/octet-stream' });
    });
    await context.route(`${OFFICE_JS_ORIGIN}/**`, (route) => route.fulfill({ body: OFFICE_STAND_IN, contentType: 'text/javascript' }));
    await context.route((url) => !url.href.startsWith(BASE) && !url.href.startsWith(OFFICE_JS_ORIGIN), (route) => route.abort());
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${BASE}taskpane.html`);
    await page.waitForFunction(() => Object.keys((window as unknown as { __associated?: object }).__associated ?? {}).length > 0, undefined, { timeout: 30_000 });
    const profitRate = await page.evaluate(() => (window as unknown as { __associated: Record<string, (...a: unknown[]) => unknown> }).__associated.PROFITRATE(12000000, 10500000, 3000000, 2400000, null));
    expect(profitRate).toBe(0.325);
    expect(requests).toEqual(expect.arrayContaining([`${BASE}taskpane.html`, `${BASE}functions.js`, `${BASE}taskpane.js`, `${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`]));
    // What Excel opens from a function's help link, in both languages.
    for (const [lang, heading] of [
      ['en', 'CYBER function reference'],
      ['zh', 'CYBER 函数参考'],
    ] as const) {
      await page.goto(`${BASE}${HELP_PAGES[lang]}#PROFITRATE`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      expect(await page.locator('section#PROFITRATE h2').textContent()).toMatch(/^CYBER\.PROFITRATE\(/);
      // The stylesheet applied (a file: the policy allows no inline style).
      expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe('none');
    }
    expect(requests).toEqual(expect.arrayContaining([`${BASE}${HELP_PAGES.en}`, `${BASE}${HELP_PAGES.zh}`, `${BASE}${HELP_STYLESHEET}`]));
    expect(await violations()).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(BASE) && !u.startsWith(`${OFFICE_JS_ORIGIN}/`))).toEqual([]);
  } finally {
    await browser.close();
  }
}, 120_000);

describe('a base URL that is not https is refused (exit 2) before anything is built', () => {
  const refused = (args: string[], env: Record<string, string> = {}) => {
    const target = path.join(tmp, `refused-${Math.random().toString(36).slice(2)}`);
    const run = spawnSync(process.execPath, [BUILD_ADDIN, ...args, '--out', target], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CYBERBI_BASE_URL: '', ...env } });
    return { status: run.status, stderr: run.stderr, built: fs.existsSync(target) };
  };

  test.each([
    ['http://addins.example.com/cyberbi/', /must be https .*not http: "http:\/\/addins\.example\.com\/cyberbi\/"/],
    ['ftp://addins.example.com/', /must be https .*not ftp/],
    ['addins.example.com/cyberbi/', /is not a URL/],
    ['https://addins.example.com/cyberbi/?v=2', /must not have a query or a fragment/],
    ['https://user:secret@addins.example.com/', /must not contain a user name or password/],
  ])('--base-url %s', (url, message) => {
    const r = refused(['--base-url', url]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/usage: npm run build:addin/);
    expect(r.built).toBe(false);
  });

  test('from CYBERBI_BASE_URL too, and a flag without a value', () => {
    const fromEnv = refused([], { CYBERBI_BASE_URL: 'http://addins.example.com/' });
    expect([fromEnv.status, fromEnv.built]).toEqual([2, false]);
    expect(fromEnv.stderr).toMatch(/must be https/);
    const noValue = spawnSync(process.execPath, [BUILD_ADDIN, '--base-url'], { cwd: ROOT, encoding: 'utf8' });
    expect(noValue.status).toBe(2);
    expect(noValue.stderr).toMatch(/--base-url needs a value/);
  });

  test('webpack run directly with an http baseUrl fails in the configuration', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', 'baseUrl=http://addins.example.com/', '--env', `outputPath=${path.join(tmp, 'webpack-refused')}`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}\n${run.stderr}`).toMatch(/must be https/);
    expect(fs.existsSync(path.join(tmp, 'webpack-refused'))).toBe(false);
  }, 60_000);
});

describe('the options', () => {
  test('--base-url wins over CYBERBI_BASE_URL; either is normalised to end in /', () => {
    expect(parseArgs(['--base-url', 'https://a.example/x'], { CYBERBI_BASE_URL: 'https://b.example/' }).baseUrl).toBe('https://a.example/x/');
    expect(parseArgs([], { CYBERBI_BASE_URL: 'https://b.example' }).baseUrl).toBe('https://b.example/');
    expect(parseArgs(['--base-url=https://c.example:8443/a/b/'], {}).baseUrl).toBe('https://c.example:8443/a/b/');
    expect(parseArgs([], {}).baseUrl).toBeUndefined();
    expect(() => parseArgs(['--base'], {})).toThrow(/unknown argument/);
  });

  test('parseBaseUrl: https only, host required', () => {
    expect(parseBaseUrl('https://ADDINS.example.com/CyberBI')).toEqual({ ok: true, url: 'https://addins.example.com/CyberBI/' });
    expect(parseBaseUrl('http://localhost:3000/').ok).toBe(false);
    expect(parseBaseUrl('').ok).toBe(false);
    expect(parseBaseUrl('https://').ok).toBe(false);
  });
});
