/**
 * The workbench as `npm start` ships it, for tests: the production build
 * (webpack.workbench.config.js) into a directory, then scripts/serve-workbench.js serving it on a
 * free localhost port. Built once per test file that needs it (it takes 40–100 s).
 */
import { type ChildProcess, spawn, spawnSync } from 'child_process';
import * as path from 'path';

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
