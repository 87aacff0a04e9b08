/**
 * scripts/serve-workbench.js under hostile requests (issue 12, "the server never falls over and
 * serves only its own files"): a few thousand generated request paths, sent raw over TCP so that
 * nothing in a client library cleans them up first; symlinks pointing outside the served folder;
 * a busy and a bad port. The served folder here is a small temporary one (the server does not
 * care what it serves), so this file needs no webpack build.
 */
import { type ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const SERVER = path.join(ROOT, 'scripts', 'serve-workbench.js');
const { contentSecurityPolicy } = require('../scripts/csp') as { contentSecurityPolicy: (page: string) => string };
const CSP = `${contentSecurityPolicy('workbench')}; frame-ancestors 'none'`;

const INDEX = '<!doctype html><title>workbench index</title>';
const SECRET = 'SECRET-OUTSIDE-THE-SERVED-FOLDER';

let tmp: string;
let served: string;
let server: ChildProcess;
let port: number;
let serverStderr = '';

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request written byte for byte (HTTP/1.1, Connection: close); resolves with the reply. */
function rawRequest(target: string, { method = 'GET', host = `localhost:${port}` } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(10000, () => socket.destroy(new Error(`timeout on ${JSON.stringify(target.slice(0, 80))}`)));
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const head = end >= 0 ? text.slice(0, end) : text;
      const [statusLine, ...lines] = head.split('\r\n');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '');
      if (!m) {
        reject(new Error(`no HTTP reply to ${JSON.stringify(target.slice(0, 80))}: ${JSON.stringify(text.slice(0, 80))}`));
        return;
      }
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(m[1]), headers, body: end >= 0 ? text.slice(end + 4) : '' });
    });
    socket.write(Buffer.from(`${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1'));
  });
}

function startServer(dir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [SERVER, '--dir', dir, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'], env });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`serve-workbench exited with ${code}`)));
  });
}

/** A small deterministic generator (mulberry32), so a failing path can be reproduced. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces hostile paths are made of: traversal in every spelling, NUL, broken escapes, links. */
const PIECES = [
  '..', '.', '/', '//', '\\', '%2e', '%2E', '%2e%2e', '.%2e', '%2f', '%2F', '%5c', '%5C', '%00', '%0a', '%0d',
  '%', '%z', '%zz', '%e0%80', '%c0%ae', '%c0%af', '%ff', '%ed%a0%80', '%u002e', '%252e', '%25', '?', '#', ';',
  'index.html', 'app.js', 'sub', 'page.txt', 'outside', 'etcdir', 'passwd', 'secret.txt', 'inside-link', 'missing',
  'etc', 'passwd%00.html', 'é', '%C3%A9', '\u202e', 'a b', '\t', '\u0001', '~', '*', ':', 'CON', 'nul', '..;',
];

function generatedPaths(count: number, seed: number): string[] {
  const rnd = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(rnd() * 8);
    let p = rnd() < 0.9 ? '/' : '';
    for (let j = 0; j < n; j++) {
      p += PIECES[Math.floor(rnd() * PIECES.length)];
      if (rnd() < 0.5) p += '/';
    }
    // Now and then an overlong one: past the server's own cap, or past node's header limit.
    if (rnd() < 0.01) p += 'a'.repeat(rnd() < 0.5 ? 3000 : 20000);
    out.push(p);
  }
  return out;
}

function expectSecurityHeaders(reply: Reply, target: string): void {
  const where = `response ${reply.status} to ${JSON.stringify(target.slice(0, 100))}`;
  expect({ where, csp: reply.headers['content-security-policy'] }).toEqual({ where, csp: CSP });
  expect({ where, nosniff: reply.headers['x-content-type-options'] }).toEqual({ where, nosniff: 'nosniff' });
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-server-'));
  fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
  served = path.join(tmp, 'served');
  fs.mkdirSync(path.join(served, 'sub'), { recursive: true });
  fs.writeFileSync(path.join(served, 'index.html'), INDEX);
  fs.writeFileSync(path.join(served, 'app.js'), 'console.log(1);');
  fs.writeFileSync(path.join(served, 'sub', 'page.txt'), 'a page');
  fs.symlinkSync('/etc/passwd', path.join(served, 'passwd'));
  fs.symlinkSync('/etc', path.join(served, 'etcdir'));
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(served, 'outside'));
  fs.symlinkSync('index.html', path.join(served, 'inside-link'));
  const started = await startServer(served, ['--port', '0']);
  server = started.child;
  port = started.port;
  server.stderr?.on('data', (d: Buffer) => (serverStderr += d.toString()));
});

afterAll(() => {
  server?.kill();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('serves its files with the CSP and nosniff', async () => {
  for (const target of ['/', '/index.html', '/inside-link', '/?x=1']) {
    const reply = await rawRequest(target);
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX);
    expectSecurityHeaders(reply, target);
  }
  const js = await rawRequest('/app.js');
  expect(js.status).toBe(200);
  expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
});

const REFUSED: [string, number][] = [
  ['/%00', 400],
  ['/index.html%00', 400],
  ['/%zz', 400],
  ['/%e0%80', 400],
  ['/..%2f..%2fetc%2fpasswd', 400],
  ['/..%5c..%5csecret.txt', 400],
  ['/..\\secret.txt', 400],
  ['/../secret.txt', 403],
  ['/%2e%2e/secret.txt', 403],
  ['/sub/../../secret.txt', 403],
  ['/sub', 404],
  ['/missing.html', 404],
  [`/${'a'.repeat(5000)}`, 414], // past the server's own cap
  [`/${'a'.repeat(40000)}`, 431], // past node's header limit: refused by the parser itself
  ['http://localhost/index.html', 400],
];
const label = (t: string): string => (t.length > 60 ? `/aaa… (${t.length} characters)` : t);

test.each(REFUSED.map(([target, status]) => [`${label(target)} -> ${status}`, target, status] as const))('%s, with the security headers', async (_label, target, status) => {
  const reply = await rawRequest(target);
  expect(reply.status).toBe(status);
  expectSecurityHeaders(reply, target);
  expect(reply.body).not.toContain(SECRET);
});

test('a symlink whose target is outside the served folder is refused (/etc/passwd, /etc, a sibling file)', async () => {
  for (const target of ['/passwd', '/etcdir/passwd', '/etcdir/hostname', '/outside']) {
    const reply = await rawRequest(target);
    expect({ target, status: reply.status }).toEqual({ target, status: 403 });
    expect(reply.body).not.toMatch(/root:/);
    expect(reply.body).not.toContain(SECRET);
    expectSecurityHeaders(reply, target);
  }
});

test('methods other than GET/HEAD and foreign Host headers are refused, with the headers', async () => {
  const post = await rawRequest('/index.html', { method: 'POST' });
  expect(post.status).toBe(405);
  expect(post.headers.allow).toBe('GET, HEAD');
  expectSecurityHeaders(post, 'POST /index.html');
  // A page whose DNS name was rebound to 127.0.0.1 sends its own name as Host.
  const rebound = await rawRequest('/index.html', { host: 'attacker.example:8080' });
  expect(rebound.status).toBe(421);
  expectSecurityHeaders(rebound, 'Host: attacker.example');
  const head = await rawRequest('/index.html', { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(head.body).toBe('');
});

test('fuzz: 3,000 generated paths get an answer with the headers, nothing outside is served, and the server stays up', async () => {
  const paths = generatedPaths(3000, 20261201);
  const statuses = new Map<number, number>();
  const CONCURRENCY = 16;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const target = paths[next++];
      const reply = await rawRequest(target);
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      expectSecurityHeaders(reply, target);
      const where = JSON.stringify(target.slice(0, 100));
      // Only the server's own files: a 200 is one of them, anything else a 4xx.
      if (reply.status === 200) expect({ where, body: ['', INDEX, 'console.log(1);', 'a page'].includes(reply.body) }).toEqual({ where, body: true });
      else expect({ where, clientError: reply.status >= 400 && reply.status < 500 }).toEqual({ where, clientError: true });
      expect(reply.body).not.toContain(SECRET);
      expect(reply.body).not.toMatch(/root:x?:0:/);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  // The generator reaches the interesting answers, not only one kind.
  for (const status of [200, 400, 403, 404]) expect({ status, seen: (statuses.get(status) ?? 0) > 0 }).toEqual({ status, seen: true });
  expect(server.exitCode).toBeNull();
  const after = await rawRequest('/index.html');
  expect(after.status).toBe(200);
  expect(after.body).toBe(INDEX);
  expect(serverStderr).toBe('');
}, 120000);

test('50 connections that never finish their request do not stop the server answering others', async () => {
  const slow = await Promise.all(
    Array.from({ length: 50 }, () => new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.write('GET /index.html HTTP/1.1\r\nHost: localhost\r\nX-Slow: '); // and nothing more
        resolve(s);
      });
      s.on('error', reject);
    })),
  );
  try {
    const reply = await rawRequest('/index.html');
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(INDEX);
  } finally {
    for (const s of slow) s.destroy();
  }
});

describe('a bad or busy port is one clear line and exit 2', () => {
  function run(args: string[], env: NodeJS.ProcessEnv = {}) {
    return spawnSync(process.execPath, [SERVER, '--dir', served, ...args], { encoding: 'utf8', timeout: 15000, env: { ...process.env, ...env } });
  }
  function expectOneLine(stderr: string, pattern: RegExp): void {
    const lines = stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(stderr).not.toMatch(/\n\s+at /);
  }

  test('a port already in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, 'localhost', resolve));
    const busy = (blocker.address() as net.AddressInfo).port;
    try {
      const r = run(['--port', String(busy)]);
      expect(r.status).toBe(2);
      expectOneLine(r.stderr, new RegExp(`^serve-workbench: port ${busy} on localhost is already in use`));
    } finally {
      blocker.close();
    }
  });

  test.each([['abc'], ['70000'], ['-1'], ['0x50'], ['8080.5'], ['']])('PORT=%j', (value) => {
    const r = run([], { PORT: value });
    expect(r.status).toBe(2);
    expectOneLine(r.stderr, /^serve-workbench: bad port ".*": give a whole number from 0 to 65535/);
  });

  test('--port with a bad value', () => {
    const r = run(['--port', 'eighty']);
    expect(r.status).toBe(2);
    expectOneLine(r.stderr, /^serve-workbench: bad port "eighty"/);
  });
});
