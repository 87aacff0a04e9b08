// ESLint flat config. The engine boundary is enforced here: src/engine may import nothing but
// decimal.js and itself (its bridge src/engine/distributions.ts also src/stochastic), src/stochastic
// nothing but the @stdlib math packages and itself, and neither may touch Office, Excel,
// CustomFunctions or the DOM.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const HOST_GLOBALS = ['Office', 'Excel', 'CustomFunctions', 'OfficeExtension', 'window', 'document', 'navigator', 'localStorage', 'fetch', 'XMLHttpRequest'];

module.exports = tseslint.config(
  { ignores: ['lib/**', 'dist/**', 'dist-workbench/**', 'node_modules/**', 'coverage/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts', 'src/engine/distributions.ts', 'src/engine/simulate.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!decimal\\.js$|\\./).*',
              message: 'src/engine is pure: it may import only decimal.js and its own modules (no Office, React, DOM, HyperFormula, Node); only src/engine/distributions.ts bridges to src/stochastic.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...HOST_GLOBALS.map((name) => ({ name, message: 'src/engine must not touch host globals.' }))],
    },
  },
  // The engine's test helpers sit one folder down: they may also reach the engine's modules with
  // ../name — never further up, never src/stochastic.
  {
    files: ['src/engine/__tests__/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!decimal\\.js$|\\./|\\.\\./(?!stochastic$)[A-Za-z]+$).*',
              message: 'src/engine is pure: its test helpers may import only decimal.js and engine modules.',
            },
          ],
        },
      ],
    },
  },
  // The one bridge between the exact engine and the doubles of src/stochastic (STYLE.md "One room
  // per kind of arithmetic"): the engine's rule, plus src/stochastic.
  // src/engine/simulate.ts is the same bridge for section 11 (the simulation and its cents settlement).
  {
    files: ['src/engine/distributions.ts', 'src/engine/simulate.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!decimal\\.js$|\\./|\\.\\./stochastic(/[a-z]+)?$).*',
              message: 'The bridge may import only decimal.js, engine modules and src/stochastic.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...HOST_GLOBALS.map((name) => ({ name, message: 'src/engine must not touch host globals.' }))],
    },
  },
  // src/stochastic computes in doubles: only the @stdlib math packages and its own modules — no
  // Office, React, DOM, HyperFormula, Node, and no decimal policy code (the engine reaches it
  // through the bridge, never the other way round).
  {
    files: ['src/stochastic/**/*.ts'],
    ignores: ['src/stochastic/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // A package's polynomial kernel (lib/polyval_*.js) is allowed: special.ts computes exp
              // with the library's own coefficients.
              regex: '^(?!@stdlib/math-base-special-[a-z0-9-]+(/lib/polyval_[a-z0-9]+\\.js)?$|\\./).*',
              message: 'src/stochastic may import only @stdlib/math-base-special-* (and their lib/polyval_*.js kernels) and its own modules (no engine, decimal.js, Office, React, DOM, HyperFormula, Node).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...HOST_GLOBALS.map((name) => ({ name, message: 'src/stochastic must not touch host globals.' }))],
    },
  },
  // Hosts reach the distributions through the engine (evaluate, or its index), never directly.
  {
    files: ['src/functions/**/*.ts', 'src/sheet/**/*.ts', 'src/cli/**/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/workbench/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)stochastic(/|$)', message: 'Hosts use src/stochastic through the engine (src/engine/index.ts), not directly.' }] }],
    },
  },
);
