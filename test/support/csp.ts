/**
 * Checks shared by the add-in build test and the workbench browser test (issue 5, security): the
 * page's Content-Security-Policy is the one scripts/csp.js defines, comes first in <head>, and
 * is strict (no inline script, no eval — only WebAssembly may be compiled, for SIMULATE's Philox
 * module — connections only to the page itself and, for the add-in, Microsoft's office.js
 * origin); and, in Chromium, a collector of every policy violation.
 */
import type { BrowserContext } from 'playwright-core';
const csp = require('../../scripts/csp') as {
  OFFICE_JS_ORIGIN: string;
  contentSecurityPolicy(page: 'addin' | 'workbench'): string;
};

export const OFFICE_JS_ORIGIN = csp.OFFICE_JS_ORIGIN;
export const contentSecurityPolicy = csp.contentSecurityPolicy;

/** directive → sources, from a policy string. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** The policy of a built (possibly minified) page; throws when there is none. */
export function pagePolicy(html: string): string {
  const m = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html);
  if (!m) throw new Error('the page has no Content-Security-Policy <meta> element');
  return m[1];
}

/** Asserts everything the issue asks of a page's policy, and that the page itself needs nothing inline. */
export function expectStrictPage(html: string, page: 'addin' | 'workbench'): void {
  const policy = pagePolicy(html);
  expect(policy).toBe(contentSecurityPolicy(page));
  const d = parsePolicy(policy);
  const allowed = page === 'addin' ? ["'self'", OFFICE_JS_ORIGIN] : ["'self'"];
  expect(d.get('default-src')).toEqual(["'none'"]);
  // 'wasm-unsafe-eval' in script-src only: compiling WebAssembly (the Philox module of
  // CYBER.SIMULATE, bytes constant in our bundle), never JavaScript eval (scripts/csp.js).
  expect(d.get('script-src')).toEqual([...allowed, "'wasm-unsafe-eval'"]);
  expect(d.get('connect-src')).toEqual(allowed);
  expect([...d].filter(([, sources]) => sources.includes("'wasm-unsafe-eval'")).map(([name]) => name)).toEqual(['script-src']);
  for (const sources of d.values()) {
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain('*');
  }
  // The policy governs only what follows it: nothing but <meta charset> may come before it.
  const head = /<head>([\s\S]*?)<\/head>/i.exec(html)?.[1] ?? '';
  const firstElements = [...head.matchAll(/<([a-z]+)([^>]*)>/gi)].slice(0, 2).map((m) => `${m[1]}${m[2]}`);
  expect(firstElements[0]).toMatch(/^meta\s+charset/i);
  expect(firstElements[1]).toMatch(/^meta\s+http-equiv=["']?Content-Security-Policy/i);
  // No inline script and no inline event handler anywhere in the page.
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc=/);
    expect(body.trim()).toBe('');
  }
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/<style\b/i);
}

/**
 * Records every Content-Security-Policy violation of every page of the context (reported to
 * Node as it happens, so nothing is lost when a page navigates or closes).
 */
export async function collectViolations(context: BrowserContext): Promise<() => Promise<string[]>> {
  const seen: string[] = [];
  await context.exposeFunction('__reportCspViolation', (text: string) => seen.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation(t: string): void }).__reportCspViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  // Violations are reported asynchronously; let the last ones arrive.
  return async () => {
    await new Promise((r) => setTimeout(r, 200));
    return [...seen];
  };
}
