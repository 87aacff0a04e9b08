#!/usr/bin/env node
'use strict';
// Launcher of the `cyberbi` command: the program itself is compiled from src/cli to lib/cli.
const path = require('node:path');

// Modules compiled by earlier runs are not compiled again (bin/compile-cache.js); --help and
// --version load no library, so they skip reading the cache.
if (process.argv[2] === 'calc') require('./compile-cache').install();

const root = path.join(__dirname, '..');
const main = path.join(root, 'lib', 'cli', 'main.js');

// The one-file build of lib/cli when it is exactly as built (bin/bundle.js), else lib/cli/main.js.
const entry = (process.argv[2] === 'calc' && process.env.CYBERBI_BUNDLE !== 'off' && require('./bundle').freshBundle(root)) || main;
if (process.env.CYBERBI_TRACE) process.stderr.write(`cyberbi: trace: running ${path.relative(root, entry)}\n`);
let cli;
try {
  cli = require(entry);
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(entry)) {
    process.stderr.write(`cyberbi: ${entry} is missing. Build the command first: npm run build:cli\n`);
    process.exit(1);
  }
  throw e;
}
cli.run(process.argv.slice(2));
