#!/usr/bin/env node
/**
 * Serves the built workbench (dist-workbench/) on http://localhost:8080 — a static server with
 * no dependency, listening on the loopback interface only. `npm start` builds, then runs this.
 *
 *   node scripts/serve-workbench.js [--port N] [--dir DIR]     (PORT in the environment works too)
 *
 * Any web page the user visits can make the browser send requests here (`<img src=
 * "http://localhost:8080/%00">`), so the server treats every request as hostile (issue 12):
 *   - no request can stop it: every handler catches, the parser's own errors (`clientError`) get
 *     a 400 too, and a request path that is malformed (bad percent-encoding, NUL or other control
 *     characters, backslashes, `.`/`..` segments, longer than MAX_URL) is a 4xx before any file
 *     system call;
 *   - it serves only its own files: the path is resolved with fs.realpath and must stay inside
 *     the served folder's own real path, so a symlink leading outside is refused (403), and only
 *     regular files are served;
 *   - a Host header other than localhost / 127.0.0.1 / [::1] is refused (421), so a site that
 *     rebinds its DNS name to 127.0.0.1 cannot read the responses;
 *   - every response, errors included, carries the Content-Security-Policy and nosniff;
 *   - a bad or busy port is one line on stderr and exit code 2.
 */
'use strict';
const { Buffer } = require('node:buffer');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { contentSecurityPolicy } = require('./csp');

/** Longest request target accepted (bytes of the raw, still-encoded target). */
const MAX_URL = 2048;

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

function fail(message) {
  process.stderr.write(`serve-workbench: ${message}\n`);
  process.exit(2);
}

const root = path.resolve(option('dir') || path.join(__dirname, '..', 'dist-workbench'));
const portText = String(option('port') ?? process.env.PORT ?? '8080').trim();
// Number('') is 0 and Number('0x50') is 80: only plain decimal digits are a port.
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
  fail(`bad port "${portText.slice(0, 40)}": give a whole number from 0 to 65535 (--port N or PORT=N).`);
}
const port = Number(portText);
const host = 'localhost';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

if (!fs.existsSync(path.join(root, 'index.html'))) {
  fail(`${root}/index.html not found; run \`npm run build:workbench\` first.`);
}
/** The served folder's own real path: what every served file's real path must lie inside. */
const realRoot = fs.realpathSync(root);

/** Sent with every response, errors included. */
const SECURITY_HEADERS = {
  // The page's own <meta> policy again, plus what only a header can say: no other site may frame it.
  'Content-Security-Policy': `${contentSecurityPolicy('workbench')}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const REASONS = { 400: 'bad request', 403: 'forbidden', 404: 'not found', 405: 'method not allowed', 414: 'request target too long', 421: 'misdirected request', 431: 'request headers too large', 500: 'internal error' };

function sendError(res, status, extra = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = `${REASONS[status] || 'error'}\n`;
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(res.req && res.req.method === 'HEAD' ? undefined : body);
}

const ALLOWED_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The Host header's name part, lower-cased ("localhost:8080" -> "localhost"). */
function hostName(header) {
  const h = String(header || '').toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

/**
 * The request target -> the path segments to serve, or an HTTP status for why not. Pure string
 * work, no file system: every malformed target is refused here.
 */
function segmentsOf(target) {
  if (typeof target !== 'string' || target.length === 0) return 400;
  if (target.length > MAX_URL) return 414;
  if (target[0] !== '/') return 400; // absolute-form and asterisk-form targets are not for us
  const rawPath = target.split(/[?#]/, 1)[0];
  // Backslashes are path separators to some clients and file systems: never part of our names.
  if (rawPath.includes('\\') || /%5c/i.test(rawPath)) return 400;
  const segments = [];
  for (const raw of rawPath.split('/').slice(1)) {
    let seg;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return 400; // bad percent-encoding or a lone surrogate
    }
    // NUL (which node's fs throws on), other control characters, and a slash or backslash that
    // arrived percent-encoded inside one segment.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f/\\]/.test(seg)) return 400;
    if (seg === '.' || seg === '..') return 403;
    if (seg === '') continue; // "//" and a trailing "/"
    segments.push(seg);
  }
  return segments.length === 0 ? ['index.html'] : segments;
}

/** Inside `dir` (or `dir` itself)? Both already real paths. */
function inside(dir, file) {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, { Allow: 'GET, HEAD' });
    return;
  }
  if (!ALLOWED_HOSTS.has(hostName(req.headers.host))) {
    sendError(res, 421);
    return;
  }
  const segments = segmentsOf(req.url);
  if (typeof segments === 'number') {
    sendError(res, segments);
    return;
  }
  const file = path.join(root, ...segments);
  if (!inside(root, file)) {
    sendError(res, 403);
    return;
  }
  let real;
  try {
    real = await fs.promises.realpath(file);
  } catch {
    sendError(res, 404);
    return;
  }
  // A symlink (anywhere on the way) whose target is outside the served folder.
  if (!inside(realRoot, real)) {
    sendError(res, 403);
    return;
  }
  let handle;
  try {
    // O_NOFOLLOW: the real path has no symlink left; one swapped in since is refused.
    handle = await fs.promises.open(real, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW || 0));
  } catch {
    sendError(res, 404);
    return;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      sendError(res, 404);
      return;
    }
    const data = await handle.readFile();
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[path.extname(real).toLowerCase()] || 'application/octet-stream',
      'Content-Length': data.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  } finally {
    await handle.close().catch(() => {});
  }
}

const server = http.createServer((req, res) => {
  handle(req, res).catch(() => sendError(res, 500));
});

// What node's HTTP parser itself refuses (malformed request line, headers over the limit): answer
// with the same headers as every other response, then drop the connection — never crash.
server.on('clientError', (err, socket) => {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'HPE_URI_TOO_LONG' ? 414 : 400;
  const body = `${REASONS[status]}\n`;
  const headers = Object.entries({ ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${REASONS[status]}\r\n${headers}\r\n${body}`);
});

let listening = false;
server.on('error', (err) => {
  if (listening) {
    // Once serving (e.g. EMFILE when accepting under a flood of connections): say so, keep serving.
    process.stderr.write(`serve-workbench: ${err.code || err.message} (still serving)\n`);
    return;
  }
  if (err.code === 'EADDRINUSE') fail(`port ${port} on ${host} is already in use; stop the other server or pick another with --port N (or PORT=N).`);
  if (err.code === 'EACCES') fail(`not allowed to listen on port ${port}; pick a port above 1023 with --port N (or PORT=N).`);
  fail(`cannot listen on ${host}:${port}: ${err.code || err.message}.`);
});

server.listen(port, host, () => {
  listening = true;
  // --port 0 picks a free port (tests); the line below says which.
  process.stdout.write(`cyberbi workbench: http://localhost:${server.address().port}/  (Ctrl+C to stop)\n`);
});
