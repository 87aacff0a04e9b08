#!/usr/bin/env node
/**
 * The dependency audit of what ships (issue 5): `npm audit --omit=dev` must report no high or
 * critical advisory in the runtime dependencies (decimal.js, HyperFormula, ExcelJS, csv-*, and
 * everything they pull in). Dev tools never reach a user, so they are left out.
 *
 *   node scripts/audit.js            exit 0 clean, 1 high/critical found, 3 audit service unreachable
 *
 * npm asks the registry's advisory service with a POST. Where a proxy refuses that (this
 * project's build machine answers 405: it allows GET and HEAD only) or the network is down, no
 * audit happened: that is reported as NOT RUN, never as clean. `npm test` counts it as skipped,
 * not passed, and prints why.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const BLOCKING = ['high', 'critical'];

/**
 * Reads `npm audit --json` output.
 * @returns {{ status: 'clean' | 'vulnerable' | 'unreachable', counts?: Record<string, number>, blocking?: string[], reason?: string }}
 */
function judge(text) {
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    return { status: 'unreachable', reason: `npm audit printed no report: ${String(text).trim().slice(0, 200) || '(nothing)'}` };
  }
  // npm ≥ 7: an error object instead of a report when the advisory service could not be asked.
  if (report.error || report.statusCode || !report.metadata || !report.metadata.vulnerabilities) {
    const e = report.error && typeof report.error === 'object' ? report.error : {};
    const reason = [e.code, e.summary, report.message].filter(Boolean).join(': ');
    return { status: 'unreachable', reason: reason || 'no report' };
  }
  const counts = report.metadata.vulnerabilities;
  const blocking = Object.entries(report.vulnerabilities || {})
    .filter(([, v]) => BLOCKING.includes(v.severity))
    .map(([name, v]) => `${name} (${v.severity}, ${v.range || 'any version'})`);
  const total = BLOCKING.reduce((n, s) => n + (counts[s] || 0), 0);
  return { status: total > 0 || blocking.length > 0 ? 'vulnerable' : 'clean', counts, blocking };
}

function main() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], { cwd: path.resolve(__dirname, '..'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const verdict = judge(run.stdout || run.stderr || '');
  if (verdict.status === 'unreachable') {
    process.stdout.write(`npm audit --omit=dev: NOT RUN — the registry's advisory service could not be asked (${verdict.reason}).\n`);
    return 3;
  }
  const c = verdict.counts;
  process.stdout.write(`npm audit --omit=dev: ${c.critical || 0} critical, ${c.high || 0} high, ${c.moderate || 0} moderate, ${c.low || 0} low\n`);
  if (verdict.status === 'vulnerable') {
    process.stdout.write(`high or critical advisories in runtime dependencies:\n  ${verdict.blocking.join('\n  ')}\n`);
    return 1;
  }
  return 0;
}

module.exports = { judge };
if (require.main === module) process.exit(main());
