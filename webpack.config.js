/**
 * Builds the Excel add-in into dist/:
 *   taskpane.html  the shared-runtime page (manifest: Taskpane.Url) loading office.js, then both bundles
 *   functions.js   src/functions/register.ts — associates every CYBER.* custom function
 *   taskpane.js    src/taskpane/index.tsx — the React + Fluent UI task pane
 *   manifest.xml, assets/, functions.json, functions-zh-cn.json (copied)
 *
 * The metadata JSON files come from `npm run build:metadata` (scripts/build-metadata.js), which
 * writes them into dist/ before webpack runs (`npm run build:addin` does both); webpack copies
 * them into its output so the dev server serves them too, with the function reference pages
 * (help/) that build-metadata writes beside them. Options (webpack --env):
 *   outputPath=DIR   where to build (default dist/)
 *   metadataDir=DIR  where the metadata JSON files and help/ are (default dist/)
 *   baseUrl=URL      production: the https URL the add-in is served from; the copied manifest's
 *                    URLs and the page's script paths point there (scripts/addin-urls.js). Use
 *                    `npm run build:addin -- --base-url URL` (scripts/build-addin.js), which also
 *                    writes the metadata's helpUrls for it.
 *
 * HyperFormula (GPL-3.0-only) must never enter these bundles: ForbidModulesPlugin fails the build
 * if anything imports or resolves it, and resolve.alias maps it to nothing as a second guard.
 *
 * Dev server (`npm run start:addin`): https://localhost:3000. Office only loads add-ins over
 * https from a certificate it trusts. Without certificates webpack-dev-server makes a self-signed
 * one (fine in a browser after accepting it, refused by desktop Excel). To use trusted ones, point
 * HTTPS_KEY / HTTPS_CERT (and optionally HTTPS_CA) at PEM files, or run
 * `npx office-addin-dev-certs install` on the developer machine (it is not a dependency here):
 * its files in ~/.office-addin-dev-certs/ are picked up automatically.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { ForbidModulesPlugin } = require('./scripts/forbid-modules-plugin');
const { contentSecurityPolicy, cspMetaTag } = require('./scripts/csp');
const { checkBaseUrl, manifestFor, HELP_PAGES, HELP_STYLESHEET } = require('./scripts/addin-urls');

const PORT = 3000;
const METADATA_FILES = ['functions.json', 'functions-zh-cn.json'];
const HELP_FILES = [HELP_PAGES.en, HELP_PAGES.zh, HELP_STYLESHEET];

/** https options for the dev server: explicit PEM files, office-addin-dev-certs' files, or self-signed. */
function httpsServer(serving) {
  const devCerts = path.join(os.homedir(), '.office-addin-dev-certs');
  const key = process.env.HTTPS_KEY || path.join(devCerts, 'localhost.key');
  const cert = process.env.HTTPS_CERT || path.join(devCerts, 'localhost.crt');
  const ca = process.env.HTTPS_CA || path.join(devCerts, 'ca.crt');
  if (!fs.existsSync(key) || !fs.existsSync(cert)) {
    if (serving) {
      console.warn(
        'webpack.config.js: no trusted certificate found, serving https://localhost:3000 with a self-signed one.\n' +
          '  Desktop Excel will refuse it: set HTTPS_KEY/HTTPS_CERT, or run `npx office-addin-dev-certs install` once.',
      );
    }
    return { type: 'https' };
  }
  const options = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  if (fs.existsSync(ca)) options.ca = fs.readFileSync(ca);
  return { type: 'https', options };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const production = mode === 'production';
  const outputPath = path.resolve(__dirname, env.outputPath || 'dist');
  const metadataDir = path.resolve(__dirname, env.metadataDir || 'dist');
  // A production base URL (refused unless https); without one the dev URLs stay as written.
  const baseUrl = env.baseUrl ? checkBaseUrl(env.baseUrl) : undefined;
  const missing = [...METADATA_FILES, ...HELP_FILES].filter((f) => !fs.existsSync(path.join(metadataDir, f)));
  if (missing.length) {
    throw new Error(`webpack.config.js: ${missing.join(', ')} not found in ${metadataDir}; run \`npm run build:metadata\` first.`);
  }

  return {
    mode,
    context: __dirname,
    target: ['web', 'es2020'],
    // Never an eval-based devtool: the page's Content-Security-Policy has no 'unsafe-eval' (scripts/csp.js).
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    entry: {
      // The custom functions load catalogue sections 10 and 11 as a chunk on their first call
      // (src/functions/adapter.ts). Its address is the page's (functions.js sits beside
      // taskpane.html), or the base URL: a fixed publicPath, not webpack's 'auto', which reads the
      // address of the running <script> at start-up and throws where there is none.
      functions: { import: './src/functions/register.ts', publicPath: baseUrl ?? '' },
      taskpane: './src/taskpane/index.tsx',
      // The Simulate tab's Web Worker: its own file beside taskpane.js, not listed in the page
      // (the pane starts it with new Worker(); the CSP allows worker-src 'self' only).
      'simulate-worker': './src/taskpane/simulate/worker.ts',
    },
    output: {
      path: outputPath,
      // Fixed names: the manifest refers to functions.js by URL.
      filename: '[name].js',
      clean: true,
      // Production: the page loads its bundles from the base URL (development: relative paths).
      ...(baseUrl ? { publicPath: baseUrl } : {}),
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // @stdlib's generator check compiles code with eval, which the page's CSP forbids.
      alias: { hyperformula: false, '@stdlib/assert-has-generator-support': path.resolve(__dirname, 'scripts/webpack-stubs/no-generator-support.js') },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.join(__dirname, 'tsconfig.json'),
              // Types are checked by `npm run typecheck`; the bundle build only transpiles (fast).
              transpileOnly: true,
              // ES modules let webpack tree-shake Fluent UI; tsconfig.json targets CommonJS for Node.
              compilerOptions: { module: 'es2020', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new ForbidModulesPlugin({
        packages: ['hyperformula'],
        reason: 'HyperFormula is GPL-3.0-only and must not be bundled into the Excel add-in (only the workbench and the CLI may use it).',
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // functions first: the custom functions are associated as soon as the runtime loads.
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
        cspMeta: cspMetaTag('addin'),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml', ...(baseUrl ? { transform: (content) => manifestFor(content.toString('utf8'), baseUrl) } : {}) },
          { from: 'assets', to: 'assets' },
          ...METADATA_FILES.map((f) => ({ from: path.join(metadataDir, f), to: f })),
          { from: path.join(metadataDir, 'help'), to: 'help' },
        ],
      }),
    ],
    performance: {
      // Fluent UI makes the pane bundle larger than webpack's web-page default; the add-in is
      // cached by Office, and test/bundle.test.ts keeps an eye on the size instead.
      hints: false,
    },
    devServer: {
      port: PORT,
      // Office loads the add-in from https://localhost only; do not expose the dev build to the network.
      host: 'localhost',
      server: httpsServer(Boolean(env.WEBPACK_SERVE)),
      headers: { 'Access-Control-Allow-Origin': '*', 'Content-Security-Policy': contentSecurityPolicy('addin') },
      // A hot update would re-run the registration of the custom functions; reload instead.
      hot: false,
      liveReload: true,
    },
  };
};
