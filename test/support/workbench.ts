/**
 * The workbench as `npm start` ships it, for tests: the production build
 * (webpack.workbench.config.js) into a directory, then scripts/serve-workbench.js serving it on a
 * free localhost port. Built once per test file that needs it (it takes 40–100 s). And what the
 * browser suites (test/e2e/*.e2e.test.ts) share: Chromium launched the same way, the suite skipped
 * without it, a grid cell's text, a sheet read whole.
 */
import { type ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
const WEBPACK = path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js');

export function buildWorkbench(out: string): void {
  const run = spawnSync(process.execPath, [WEBPACK, '--config', 'webpack.workbench.config.js', '--mode', 'production', '--env', `outputPath=${out}`], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`webpack failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
}

/** Serves `dir`; resolves with the base URL (http://localhost:PORT/) and the server process. */
export async function serveWorkbench(dir: string): Promise<{ base: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve-workbench.js'), '--port', '0', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const base = await new Promise<string>((resolve, reject) => {
    let text = '';
    server.stdout?.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(text);
      if (m) resolve(m[0]);
    });
    server.on('exit', (code) => reject(new Error(`serve-workbench exited with ${code}`)));
  });
  return { base, server };
}

/** Retries `check` every 100 ms until it passes or `ms` have gone (then its last error is thrown). */
export async function eventually(check: () => Promise<void>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A grid cell's text as a number: "562,500.00" → 562500. */
export const amount = (s: string | undefined): number => Number(String(s ?? '').replace(/,/g, ''));

/** Debian's Chromium, which the browser suites drive through playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = fs.existsSync(CHROMIUM);

/** `describe` when Chromium is installed; otherwise `describe.skip`, with a warning naming the suite. */
export function chromiumSuite(name: string): typeof describe {
  if (!haveChromium) console.warn(`${name} e2e: ${CHROMIUM} is missing — the suite is SKIPPED (install Debian's chromium package to run it).`);
  return haveChromium ? describe : describe.skip;
}

export interface ServedWorkbench {
  /** A fresh temporary directory (the browser profile, downloads, and the build unless reused). */
  tmp: string;
  /** The build directory: CYBERBI_E2E_DIST (an existing build, local iteration only) or tmp/dist-workbench. */
  out: string;
  base: string;
  server: ChildProcess;
  /** Stops the server and removes tmp. */
  close(): void;
}

/** A temporary directory named `prefix…`, the workbench built into it (unless CYBERBI_E2E_DIST names a build), served. */
export async function serveBuiltWorkbench(prefix: string): Promise<ServedWorkbench> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    const out = process.env.CYBERBI_E2E_DIST ?? path.join(tmp, 'dist-workbench');
    if (!process.env.CYBERBI_E2E_DIST) buildWorkbench(out);
    const { base, server } = await serveWorkbench(out);
    return {
      tmp,
      out,
      base,
      server,
      close: () => {
        server.kill();
        fs.rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

export interface ChromiumOptions {
  viewport?: { width: number; height: number };
  locale?: string;
  acceptDownloads?: boolean;
  /** --enable-precise-memory-info, so performance.memory reports the heap unrounded. */
  preciseMemory?: boolean;
  /** The page's default timeout (ms). */
  timeout?: number;
}

export interface OpenChromium {
  context: BrowserContext;
  /** The context's first page, its errors collected into pageErrors and its default timeout set. */
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

/** Headless Chromium on a persistent profile in `dir` (default: 1500×1000, en-US, 15 s). */
export async function launchChromium(dir: string, opts: ChromiumOptions = {}): Promise<OpenChromium> {
  const { chromium } = await import('playwright-core');
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  if (opts.preciseMemory) args.push('--enable-precise-memory-info');
  const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: opts.viewport ?? { width: 1500, height: 1000 },
    locale: opts.locale ?? 'en-US',
    ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.setDefaultTimeout(opts.timeout ?? 15_000);
  return { context, page, pageErrors, close: () => context.close().catch(() => undefined) };
}

/** serveBuiltWorkbench and launchChromium together; close() closes the browser, then the server. */
export async function openWorkbench(prefix: string, opts: ChromiumOptions = {}): Promise<ServedWorkbench & Omit<OpenChromium, 'close'> & { close(): Promise<void> }> {
  const served = await serveBuiltWorkbench(prefix);
  try {
    const browser = await launchChromium(served.tmp, opts);
    return {
      ...served,
      ...browser,
      close: async () => {
        await browser.close();
        served.close();
      },
    };
  } catch (e) {
    served.close();
    throw e;
  }
}

/** The task pane of the workbench page. */
export const taskPane = (page: Page) => page.getByRole('complementary', { name: 'Task pane' });

/** The displayed text of a cell of the active sheet (row 1-based), from the grid's DOM (only rows and columns drawn). */
export async function cellText(page: Page, col: string, row: number): Promise<string | undefined> {
  return page.locator('.wb-grid .dsg-container').evaluate(
    (el, [c, r]) => {
      const header = Array.from(el.querySelectorAll('.dsg-row-header .dsg-cell')).map((x) => x.textContent ?? '');
      const i = header.indexOf(c as string);
      for (const line of Array.from(el.querySelectorAll('.dsg-row:not(.dsg-row-header)'))) {
        const cells = Array.from(line.querySelectorAll(':scope > .dsg-cell'));
        if (cells[0]?.textContent === String(r)) return cells[i]?.querySelector('input')?.value ?? cells[i]?.textContent ?? undefined;
      }
      return undefined;
    },
    [col, row] as const,
  );
}

/** The grid's row height (px), by which readSheet steps. */
export const ROW_HEIGHT = 26;

/**
 * Every non-empty cell of the active sheet ("C50" → text shown), scrolling the virtualised grid
 * down; scrolled back to the top afterwards unless `scrollBack` is false.
 */
export async function readSheet(page: Page, { scrollBack = true } = {}): Promise<Map<string, string>> {
  const cells = new Map<string, string>();
  const container = page.locator('.wb-grid .dsg-container');
  const total = await container.evaluate((el) => el.scrollHeight);
  const view = await container.evaluate((el) => el.clientHeight);
  for (let top = 0; ; top += Math.max(ROW_HEIGHT, view - 3 * ROW_HEIGHT)) {
    await container.evaluate((el, t) => {
      el.scrollTop = t;
    }, top);
    await page.waitForTimeout(50);
    const rows = await container.evaluate((el) => {
      const header = Array.from(el.querySelectorAll('.dsg-row-header .dsg-cell')).map((c) => c.textContent ?? '');
      return Array.from(el.querySelectorAll('.dsg-row:not(.dsg-row-header)')).map((r) =>
        Array.from(r.querySelectorAll(':scope > .dsg-cell')).map((c, i) => [header[i] ?? '', c.querySelector('input')?.value ?? c.textContent ?? ''] as [string, string]),
      );
    });
    for (const row of rows) {
      const n = row[0]?.[1];
      for (const [col, text] of row.slice(1)) if (col && n && text !== '') cells.set(`${col}${n}`, text);
    }
    if (top + view >= total) break;
  }
  if (scrollBack) {
    await container.evaluate((el) => {
      el.scrollTop = 0;
    });
  }
  return cells;
}
