/**
 * Preloaded (`node -r`) into a process under test: every way Node can reach the network — DNS,
 * TCP/TLS/UDP sockets, http(s) requests, fetch, WebSocket — throws and writes one line
 * "NETWORK ATTEMPT <api> <target>" to standard error. test/no-network.test.ts runs the CLI under it.
 */
'use strict';
const dgram = require('node:dgram');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');
const tls = require('node:tls');

function refuse(api) {
  return function refused(...args) {
    const first = args[0];
    const target = typeof first === 'string' || typeof first === 'number' ? String(first) : first && (first.href || first.host || first.hostname || first.path || JSON.stringify(first));
    process.stderr.write(`NETWORK ATTEMPT ${api} ${target}\n`);
    throw new Error(`network access refused in this test (${api})`);
  };
}

for (const [mod, names, label] of [
  [net, ['connect', 'createConnection'], 'net'],
  [tls, ['connect'], 'tls'],
  [http, ['request', 'get'], 'http'],
  [https, ['request', 'get'], 'https'],
  [dns, ['lookup', 'resolve', 'resolve4', 'resolve6'], 'dns'],
  [dns.promises, ['lookup', 'resolve'], 'dns.promises'],
  [dgram, ['createSocket'], 'dgram'],
]) {
  for (const name of names) mod[name] = refuse(`${label}.${name}`);
}
net.Socket.prototype.connect = refuse('net.Socket.connect');
globalThis.fetch = refuse('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = refuse('WebSocket');
