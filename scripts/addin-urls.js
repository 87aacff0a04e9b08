/**
 * Where the add-in is served from, in one place: the development origin that manifest.xml is
 * written for, the check a production base URL must pass, and the rewriting of the manifest for
 * that base URL (issue 16). Used by scripts/build-addin.js (the command), webpack.config.js (the
 * manifest copy and the pages' asset paths), scripts/build-metadata.js (each function's helpUrl)
 * and the tests.
 *
 * Why rewrite one manifest rather than keep two: Microsoft's templates keep a single manifest with
 * the development URL and replace it with the production URL when they copy it into the build
 * (their webpack configs' `urlDev`/`urlProd`); a second hand-kept manifest would drift. So
 * manifest.xml stays the localhost one for development, and only dist/manifest.xml of a
 * production build carries the base URL.
 */
'use strict';

const { URL } = require('url');

/** The dev server's address (webpack.config.js serves dist/ there); manifest.xml is written for it. */
const DEV_BASE_URL = 'https://localhost:3000/';

/**
 * The function reference pages shipped with the add-in, by language (paths under the base URL).
 * They must be hosted with the add-in: it loads nothing but itself and office.js.
 */
const HELP_PAGES = { en: 'help/en.html', zh: 'help/zh-cn.html' };
const HELP_STYLESHEET = 'help/help.css';

/**
 * The base URL as the build uses it (always ending in "/"), or an error message. Office loads
 * add-ins only over https, so anything else is refused; so are credentials, a query or a fragment
 * (every manifest URL is the base followed by a file name, so neither could survive).
 * @param {string | undefined} text
 * @returns {{ ok: true, url: string } | { ok: false, error: string }}
 */
function parseBaseUrl(text) {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'no base URL given (--base-url https://host/path/ or CYBERBI_BASE_URL)' };
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, error: `"${text}" is not a URL; give an absolute https URL such as https://addins.example.com/cyberbi/` };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, error: `the base URL must be https (Office loads add-ins only over https), not ${url.protocol.replace(/:$/, '')}: "${text}"` };
  }
  if (url.username || url.password) return { ok: false, error: `the base URL must not contain a user name or password: "${text}"` };
  if (url.search || url.hash || text.includes('?') || text.includes('#')) {
    return { ok: false, error: `the base URL must not have a query or a fragment: "${text}"` };
  }
  const href = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { ok: true, url: href };
}

/** The checked base URL; throws with the message of parseBaseUrl otherwise. */
function checkBaseUrl(text) {
  const parsed = parseBaseUrl(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.url;
}

/** The origin of a base URL ("https://addins.example.com" of "https://addins.example.com/cyberbi/"). */
function originOf(baseUrl) {
  return new URL(baseUrl).origin;
}

/**
 * manifest.xml with every development URL moved under `baseUrl`. Throws if anything still names
 * the development origin afterwards (a URL written some other way, e.g. without the trailing
 * path), so a production manifest can never point at localhost.
 */
function manifestFor(xml, baseUrl) {
  const base = checkBaseUrl(baseUrl);
  if (base === DEV_BASE_URL) return xml;
  const note = `<!-- Production manifest for ${base}, written by scripts/build-addin.js from manifest.xml: deploy this file. -->\n`;
  const moved = xml.split(DEV_BASE_URL).join(base);
  const declaration = /^<\?xml[^>]*\?>\r?\n/.exec(moved);
  const rewritten = declaration ? declaration[0] + note + moved.slice(declaration[0].length) : note + moved;
  const devOrigin = originOf(DEV_BASE_URL);
  if (rewritten.includes(devOrigin)) {
    throw new Error(`manifest.xml names ${devOrigin} other than as ${DEV_BASE_URL}<file>; it cannot be moved to ${base}`);
  }
  return rewritten;
}

/** The helpUrl of function `id` in language `lang`: its section of the shipped reference page. */
function helpUrl(baseUrl, lang, id) {
  return `${checkBaseUrl(baseUrl)}${HELP_PAGES[lang]}#${encodeURIComponent(id)}`;
}

module.exports = { DEV_BASE_URL, HELP_PAGES, HELP_STYLESHEET, parseBaseUrl, checkBaseUrl, originOf, manifestFor, helpUrl };
