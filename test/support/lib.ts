/** lib/ (the compiled engine, sheet and CLI that bin/cyberbi.js runs) for tests that spawn the CLI. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');

/** True when a compiled file is missing or older than its source (src/{engine,sheet,cli}). */
export function libIsStale(): boolean {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === '__tests__' ? [] : walk(full);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
    });
  const sources = ['engine', 'sheet', 'cli'].flatMap((d) => walk(path.join(root, 'src', d)));
  return sources.some((src) => {
    const out = path.join(root, 'lib', path.relative(path.join(root, 'src'), src)).replace(/\.ts$/, '.js');
    return !fs.existsSync(out) || fs.statSync(out).mtimeMs < fs.statSync(src).mtimeMs;
  });
}

/** Rebuilds lib/ when stale (npm test builds it first; this covers `npx jest` on its own). */
export function ensureLibBuilt(): void {
  if (libIsStale()) execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'pipe' });
}
