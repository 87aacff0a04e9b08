#!/usr/bin/env node
/**
 * Serves the built workbench (dist-workbench/) on http://localhost:8080 — a static server with
 * no dependency, listening on the loopback interface only. `npm start` builds, then runs this.
 *
 *   node scripts/serve-workbench.js [--port N] [--dir DIR]     (PORT in the environment works too)
 */
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { URL } = require('node:url');
const { contentSecurityPolicy } = require('./csp');

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = path.resolve(option('dir') || path.join(__dirname, '..', 'dist-workbench'));
const port = Number(option('port') || process.env.PORT || 8080);
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
  process.stderr.write(`serve-workbench: ${root}/index.html not found; run \`npm run build:workbench\` first.\n`);
  process.exit(2);
}

const server = http.createServer((req, res) => {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url || '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end('bad request');
    return;
  }
  const file = path.join(root, path.normalize(pathname === '/' ? '/index.html' : pathname));
  if (!file.startsWith(root + path.sep) || req.method !== 'GET') {
    res.writeHead(req.method !== 'GET' ? 405 : 403).end();
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      // The page's own <meta> policy again, plus what only a header can say: no other site may frame it.
      'Content-Security-Policy': `${contentSecurityPolicy('workbench')}; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.end(data);
  });
});

server.listen(port, host, () => {
  // --port 0 picks a free port (tests); the line below says which.
  process.stdout.write(`cyberbi workbench: http://localhost:${server.address().port}/  (Ctrl+C to stop)\n`);
});
