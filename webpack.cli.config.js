/**
 * Bundles the command-line evaluator into one file, lib/cli/cyberbi.bundle.js, from what
 * `tsc -p tsconfig.cli.json` compiled into lib/ (run by `npm run build:cli`, after tsc).
 *
 * Why: `cyberbi calc` loads about 720 CommonJS modules (HyperFormula, chevrotain, the @stdlib
 * special functions, decimal.js, lib/); resolving and reading them one by one was about a
 * hundred milliseconds of every run, more than evaluating a small workbook. One file is read
 * once, and the V8 code cache of bin/compile-cache.js keeps one entry for it.
 *
 * ExcelJS and JSZip stay outside (required from node_modules when an .xlsx is read): a CSV run
 * never loads them, and ExcelJS alone is a megabyte of source.
 *
 * The bundle is used only while it is exactly as built: bin/cyberbi.js checks every file the
 * bundle was made from (lib/cli/cyberbi.bundle.json, size and modification time of each) and
 * runs lib/cli/main.js instead when any changed (e.g. lib/ recompiled by tsc alone, or
 * node_modules updated), so a stale bundle is never run.
 *
 * The bundle contains HyperFormula (GPL-3.0-only), as lib/ already runs it (README, "Licences").
 */
const fs = require('fs');
const path = require('path');

const LIB = path.join(__dirname, 'lib');
const MANIFEST = 'cyberbi.bundle.json';

/** Writes the manifest of inputs beside the bundle once webpack has emitted it. */
class InputManifestPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap('InputManifestPlugin', (compilation) => {
      const inputs = [...compilation.fileDependencies]
        .filter((f) => path.isAbsolute(f) && /\.(c?js|json)$/.test(f) && fs.existsSync(f) && fs.statSync(f).isFile())
        .sort()
        .map((f) => {
          const s = fs.statSync(f);
          return [path.relative(__dirname, f), s.size, s.mtimeMs];
        });
      const bundle = path.join(LIB, 'cli', 'cyberbi.bundle.js');
      const s = fs.statSync(bundle);
      const manifest = { bundle: [path.relative(__dirname, bundle), s.size, s.mtimeMs], inputs };
      fs.writeFileSync(path.join(LIB, 'cli', MANIFEST), JSON.stringify(manifest));
    });
  }
}

module.exports = {
  mode: 'production',
  context: __dirname,
  target: 'node20',
  entry: path.join(LIB, 'cli', 'main.js'),
  output: { path: path.join(LIB, 'cli'), filename: 'cyberbi.bundle.js', library: { type: 'commonjs2' } },
  // Readable stack traces and no minifier time: the size of the file matters little here.
  optimization: { minimize: false },
  devtool: false,
  // __dirname stays the bundle's own folder (lib/cli), where main.js finds ../../package.json.
  node: { __dirname: false, __filename: false },
  externals: [({ request }, callback) => (/^(exceljs|jszip)(\/|$)/.test(request) ? callback(null, `commonjs ${request}`) : callback())],
  performance: { hints: false },
  stats: 'errors-warnings',
  plugins: [new InputManifestPlugin()],
};
