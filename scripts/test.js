#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in one run, ending with one line
 * "N passed, N failed" that totals them all (CI reads that line).
 *
 * Checks: the type check, the linter (which also guards the engine boundary), the generated
 * function reference being up to date, the audit of the runtime dependencies (no high or critical
 * advisory; scripts/audit.js), and every Jest test (each test counts once).
 *
 * The audit needs the registry's advisory service. When it cannot be asked the step is reported
 * as SKIPPED with the reason (a line of its own after the total), never counted as passed.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let passed = 0;
let failed = 0;
const skipped = [];

function step(name, command, args) {
  process.stdout.write(`\n▶ ${name}: ${command} ${args.join(' ')}\n`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  if (ok) passed++;
  else failed++;
  process.stdout.write(`${ok ? '✔' : '✘'} ${name}\n`);
  return ok;
}

// The CLI and the metadata generator run from lib/: build it first (a failed build fails tests),
// then the CLI's one-file bundle that `cyberbi calc` runs (webpack.cli.config.js), as `npm run
// build:cli` does, so that the suites run the command as users get it.
step('build lib (tsc -p tsconfig.cli.json)', npx, ['tsc', '-p', 'tsconfig.cli.json']);
step('build the CLI bundle (webpack.cli.config.js)', process.execPath, [path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--config', 'webpack.cli.config.js']);
step('type check', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']);
step('lint', npx, ['eslint', 'src', 'test', 'scripts']);
step('function reference is up to date (npm run docs -- --check)', process.execPath, ['scripts/build-docs.js', '--check']);

process.stdout.write('\n▶ audit of runtime dependencies: node scripts/audit.js\n');
{
  const audit = spawnSync(process.execPath, ['scripts/audit.js'], { cwd: root, stdio: 'inherit', env: process.env });
  if (audit.status === 0) passed++;
  else if (audit.status === 3) skipped.push('npm audit --omit=dev (the advisory service could not be asked; see above)');
  else failed++;
  process.stdout.write(`${audit.status === 0 ? '✔' : audit.status === 3 ? '–' : '✘'} audit of runtime dependencies\n`);
}

const jestDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-jest-'));
const report = path.join(jestDir, 'report.json');
// The browser suites (test/e2e) drive the workbench as `npm start` ships it. Each would build it
// itself (40–100 s a build); building it once here and handing the directory to every suite
// (CYBERBI_E2E_DIST, which each suite honours) keeps the whole run short. A failed build is a
// failed step; the suites then build their own and report the real error.
const env = { ...process.env };
if (!env.CYBERBI_E2E_DIST) {
  const dist = path.join(jestDir, 'dist-workbench');
  const webpack = path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js');
  const built = step('workbench build for the browser suites', process.execPath, [webpack, '--config', 'webpack.workbench.config.js', '--mode', 'production', '--env', `outputPath=${dist}`]);
  if (built) env.CYBERBI_E2E_DIST = dist;
}
process.stdout.write('\n▶ jest\n');
const extra = process.argv.slice(2);
const r = spawnSync(npx, ['jest', '--maxWorkers=2', '--json', `--outputFile=${report}`, ...extra], {
  cwd: root,
  stdio: 'inherit',
  env,
});
if (fs.existsSync(report)) {
  const j = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  // A suite that failed to load ran no test: count it as a failure, never as silence.
  failed += j.numRuntimeErrorTestSuites || 0;
  if (j.numTotalTests === 0) failed++;
} else {
  failed++;
}
if (r.status !== 0 && failed === 0) failed++;

for (const s of skipped) process.stdout.write(`\nSKIPPED: ${s}`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
