/**
 * Builds the standalone workbench into dist-workbench/ (separate from the Excel add-in's
 * webpack.config.js, whose HyperFormula guard stays as it is):
 *   index.html                 the page (src/workbench/index.html): no office.js, nothing from
 *                              another origin
 *   workbench.js (+ chunks)    src/workbench/index.tsx — the grid, HyperFormula + the CYBER
 *                              plugin, ExcelJS (browser build, loaded on first open/save), and
 *                              the task pane
 *   react-datasheet-grid.css, workbench.css, examples/*.xlsx (the example opened at start)
 *
 * This bundle includes HyperFormula and is therefore distributed under GPL-3.0-only (README,
 * "Licences"). `npm start` builds it and serves it on http://localhost:8080
 * (scripts/serve-workbench.js).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { cspMetaTag } = require('./scripts/csp');

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const production = mode === 'production';
  return {
    mode,
    context: __dirname,
    target: ['web', 'es2020'],
    // Never an eval-based devtool: the page's Content-Security-Policy has no 'unsafe-eval' (scripts/csp.js).
    devtool: production ? false : 'cheap-module-source-map',
    // simulate-worker: the task pane's Simulate tab runs in this Web Worker (started by the pane, not listed in the page).
    entry: { workbench: './src/workbench/index.tsx', 'simulate-worker': './src/taskpane/simulate/worker.ts' },
    output: {
      path: path.resolve(__dirname, env.outputPath || 'dist-workbench'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // @stdlib's generator check compiles code with eval, which the page's CSP forbids.
      alias: { '@stdlib/assert-has-generator-support': path.resolve(__dirname, 'scripts/webpack-stubs/no-generator-support.js') },
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
              transpileOnly: true,
              compilerOptions: { module: 'es2020', sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/workbench/index.html', chunks: ['workbench'], cspMeta: cspMetaTag('workbench') }),
      new CopyWebpackPlugin({
        patterns: [
          { from: require.resolve('react-datasheet-grid/dist/style.css'), to: 'react-datasheet-grid.css' },
          { from: 'src/workbench/workbench.css', to: 'workbench.css' },
          { from: 'examples/*.xlsx', to: 'examples/[name][ext]' },
        ],
      }),
    ],
    // HyperFormula, ExcelJS and Fluent UI make large bundles; they are served from localhost.
    performance: { hints: false },
  };
};
