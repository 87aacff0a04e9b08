/**
 * The Content-Security-Policy of the two pages we ship (issue 5, "a locked-down add-in"):
 *   - the add-in's shared-runtime page dist/taskpane.html (custom functions + task pane), which
 *     may load scripts and connect only to itself and to Microsoft's office.js origin;
 *   - the standalone workbench dist-workbench/index.html, which loads nothing from another origin.
 *
 * One source of truth: both webpack configs write it into the page as the first element of
 * <head> (a <meta> policy only governs what comes after it), scripts/serve-workbench.js also sends
 * it as a header, and test/csp.test.ts + the Chromium tests read it from here.
 *
 * Why each directive:
 *   default-src 'none'   everything not listed below (frames, workers, objects, media, manifests)
 *                        is refused;
 *   script-src           no 'unsafe-inline' and no 'unsafe-eval': our bundles are files, webpack's
 *                        production output and office.js contain no eval (the Chromium tests run
 *                        both pages under this policy and fail on any violation).
 *                        'wasm-unsafe-eval' allows compiling WebAssembly and nothing else: not
 *                        JavaScript eval or new Function, not inline scripts, no network (it loads
 *                        nothing: a module is compiled from bytes a script already holds). The
 *                        only module we compile is the 621-byte Philox4x32-10 module of
 *                        CYBER.SIMULATE, whose bytes are a constant in our own bundle
 *                        (src/stochastic/philoxWasmBytes.ts, the text in philox.wat): a simulated
 *                        year in JavaScript takes about 1.6 times as long. A webview that does not know
 *                        the keyword refuses the compile, and the engine falls back to the
 *                        JavaScript blocks, which give identical values. A worker does not inherit
 *                        the page's <meta> policy: where the server sends this policy as a header
 *                        (scripts/serve-workbench.js, the dev server) the Simulate worker runs
 *                        under it too, and compiles the same module;
 *   connect-src          the add-in never calls a server: 'self' (the page's own files) and the
 *                        office.js origin, from which office.js loads its host-specific parts;
 *   worker-src           the Simulate tab's Web Worker, simulate-worker.js, a bundled file of the
 *                        page's own origin (no blob: or data: workers); stated, not left to the
 *                        fallback through script-src, which not every webview implements;
 *   style-src            Fluent UI (Griffel) creates empty <style> elements and fills them through
 *                        the CSSOM (insertRule), which CSP does not restrict. The only inline text
 *                        allowed is the empty string, by its hash, so no 'unsafe-inline';
 *   img-src, font-src    own files; data: for images only (SVG icons as data URLs);
 *   base-uri, form-action nothing: no <base> rewriting relative URLs, no form posts anywhere.
 * A <meta> policy cannot carry frame-ancestors (Office frames the page; the host decides).
 */
'use strict';

/** Where production pages load office.js from (Microsoft's CDN; manifest and taskpane.html). */
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
/** sha256 of the empty string: allows an empty <style> element and nothing else. */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** @param {'addin' | 'workbench'} page */
function directives(page) {
  const remote = page === 'addin' ? [OFFICE_JS_ORIGIN] : [];
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'", ...remote, "'wasm-unsafe-eval'"],
    'connect-src': ["'self'", ...remote],
    'worker-src': ["'self'"],
    'style-src': ["'self'", EMPTY_STYLE_HASH],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
}

/** The policy as the header / meta value. */
function contentSecurityPolicy(page) {
  return Object.entries(directives(page))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The <meta http-equiv> element for a page template. */
function cspMetaTag(page) {
  return `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page)}" />`;
}

module.exports = { OFFICE_JS_ORIGIN, EMPTY_STYLE_HASH, directives, contentSecurityPolicy, cspMetaTag };
