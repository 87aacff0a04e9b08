'use strict';
/**
 * Which file `cyberbi calc` runs: the one-file build of lib/cli (lib/cli/cyberbi.bundle.js, made
 * by webpack.cli.config.js after tsc) only while it is exactly as built — the bundle and every
 * file it was made from (lib/ and the dependencies, listed with their size and modification time
 * in lib/cli/cyberbi.bundle.json) unchanged. After `tsc` alone rebuilt lib/, or node_modules
 * changed, the bundle would run old code: lib/cli/main.js runs instead, loading the modules
 * themselves. The check is about 720 stat calls, a few milliseconds.
 */
const fs = require('node:fs');
const path = require('node:path');

/** The bundle's path under ROOT when it is fresh, else undefined. */
function freshBundle(root) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'lib', 'cli', 'cyberbi.bundle.json'), 'utf8'));
    if (!Array.isArray(manifest.bundle) || !Array.isArray(manifest.inputs) || manifest.inputs.length === 0) return undefined;
    for (const [file, size, mtimeMs] of [manifest.bundle, ...manifest.inputs]) {
      const s = fs.statSync(path.join(root, file));
      if (s.size !== size || s.mtimeMs !== mtimeMs) return undefined;
    }
    return path.join(root, manifest.bundle[0]);
  } catch {
    return undefined;
  }
}

module.exports = { freshBundle };
