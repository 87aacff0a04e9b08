#!/usr/bin/env node
/**
 * `npm run build:addin [-- --base-url https://host/path/]`: the Excel add-in into dist/ (issue 16).
 *
 *   1. the metadata (scripts/build-metadata.js): functions.json, functions-zh-cn.json and the
 *      function reference pages help/en.html, help/zh-cn.html, each function's helpUrl pointing at
 *      its section under the base URL;
 *   2. webpack --mode production: the bundles, the shared-runtime page, the icons, the help pages
 *      and the manifest. With a base URL the copied manifest has every URL moved there and the
 *      page loads its bundles from there; without one it is the development build, for
 *      https://localhost:3000 (manifest.xml as written).
 *
 * The base URL comes from --base-url, else from the environment variable CYBERBI_BASE_URL. npm
 * passes the arguments after `--` to this script only (it is the whole build:addin script), which
 * is why both steps run from here rather than as an `&&` chain. A base URL that is not https, or
 * that has a query, a fragment or credentials, is refused with exit code 2 before anything is
 * built. Other options: --out DIR (default dist/); --source FILE, the functions module the
 * metadata is generated from (default src/functions/functions.ts; tests pass a fresh rendering).
 *
 * Exit codes: 0 built; 1 a step failed (its output is shown); 2 bad arguments.
 */
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseBaseUrl } = require('./addin-urls');

const ROOT = path.resolve(__dirname, '..');
const WEBPACK = path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js');
const USAGE = 'usage: npm run build:addin [-- --base-url https://host/path/] [--out DIR]   (or CYBERBI_BASE_URL=https://host/path/)';

/** The options of `argv`, or an error message. */
function parseArgs(argv, env) {
  const options = { baseUrl: undefined, out: path.join(ROOT, 'dist'), source: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline !== undefined ? inline : argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--base-url') options.baseUrl = value();
    else if (flag === '--out') options.out = path.resolve(value());
    else if (flag === '--source') options.source = path.resolve(value());
    else if (flag === '--help' || flag === '-h') options.help = true;
    else throw new Error(`unknown argument "${arg}"`);
  }
  if (options.baseUrl === undefined && env.CYBERBI_BASE_URL) options.baseUrl = env.CYBERBI_BASE_URL;
  if (options.baseUrl !== undefined) {
    const parsed = parseBaseUrl(options.baseUrl);
    if (!parsed.ok) throw new Error(parsed.error);
    options.baseUrl = parsed.url;
  }
  return options;
}

function step(what, args) {
  process.stdout.write(`build-addin: ${what}\n`);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status})`);
}

function main(argv, env) {
  let options;
  try {
    options = parseArgs(argv, env);
  } catch (e) {
    process.stderr.write(`build-addin: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // The metadata goes to a directory of its own: webpack cleans its output directory.
  const metadataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberbi-addin-metadata-'));
  try {
    const target = options.baseUrl ?? 'https://localhost:3000/ (development)';
    step(`metadata and help pages for ${target}`, [
      path.join(ROOT, 'scripts', 'build-metadata.js'),
      '--out',
      metadataDir,
      ...(options.baseUrl ? ['--base-url', options.baseUrl] : []),
      ...(options.source ? ['--source', options.source] : []),
    ]);
    step(`webpack --mode production → ${path.relative(ROOT, options.out) || '.'}/`, [
      WEBPACK,
      '--mode',
      'production',
      '--env',
      `outputPath=${options.out}`,
      '--env',
      `metadataDir=${metadataDir}`,
      ...(options.baseUrl ? ['--env', `baseUrl=${options.baseUrl}`] : []),
    ]);
    process.stdout.write(
      options.baseUrl
        ? `build-addin: ${path.relative(ROOT, options.out) || '.'}/ is ready to host at ${options.baseUrl}; its manifest.xml is the one to deploy (README, "Deploying the add-in").\n`
        : `build-addin: development build for https://localhost:3000/ (npm run start:addin serves it).\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`build-addin: ${e.message}\n`);
    return 1;
  } finally {
    fs.rmSync(metadataDir, { recursive: true, force: true });
  }
}

module.exports = { parseArgs };

if (require.main === module) process.exitCode = main(process.argv.slice(2), process.env);
