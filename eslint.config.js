// ESLint flat config. The engine boundary is enforced here: src/engine may import nothing but
// decimal.js and itself, and may not touch Office, Excel, CustomFunctions or the DOM.
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
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!decimal\\.js$|\\.{1,2}/).*',
              message: 'src/engine is pure: it may import only decimal.js and its own modules (no Office, React, DOM, HyperFormula, Node).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...HOST_GLOBALS.map((name) => ({ name, message: 'src/engine must not touch host globals.' }))],
    },
  },
);
