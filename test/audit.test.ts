/**
 * scripts/audit.js, the CI gate on advisories in runtime dependencies: how it reads
 * `npm audit --json` (npm 10's report format, and the error object npm prints when the advisory
 * service cannot be asked).
 */
const { judge } = require('../scripts/audit') as { judge(text: string): { status: string; blocking?: string[]; reason?: string } };

const report = (vulnerabilities: Record<string, { severity: string; range?: string }>) => {
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 };
  for (const v of Object.values(vulnerabilities)) {
    counts[v.severity as keyof typeof counts]++;
    counts.total++;
  }
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts, dependencies: { prod: 200, dev: 0, total: 200 } } });
};

test('no advisory, or only low and moderate ones, is clean', () => {
  expect(judge(report({}))).toMatchObject({ status: 'clean', blocking: [] });
  expect(judge(report({ tmp: { severity: 'low', range: '<=0.2.3' }, uuid: { severity: 'moderate' } }))).toMatchObject({ status: 'clean', blocking: [] });
});

test('a high or critical advisory fails and is named with its range', () => {
  const verdict = judge(report({ tmp: { severity: 'low' }, unzipper: { severity: 'high', range: '<0.8.13' }, jszip: { severity: 'critical', range: '<3.8.0' } }));
  expect(verdict.status).toBe('vulnerable');
  expect(verdict.blocking).toEqual(['unzipper (high, <0.8.13)', 'jszip (critical, <3.8.0)']);
});

test('an unreachable advisory service is NOT RUN, never clean', () => {
  // What npm 10 prints on this project's build machine (its proxy allows GET and HEAD only).
  const refused = JSON.stringify({
    message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    method: 'POST',
    statusCode: 405,
    body: '',
    error: { summary: '', detail: '' },
  });
  expect(judge(refused)).toEqual({ status: 'unreachable', reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' });
  expect(judge(JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed' } }))).toEqual({
    status: 'unreachable',
    reason: 'ENOTFOUND: request to https://registry.npmjs.org failed',
  });
  expect(judge('')).toMatchObject({ status: 'unreachable' });
  expect(judge('npm ERR! something')).toMatchObject({ status: 'unreachable' });
});
