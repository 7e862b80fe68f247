import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** A layer may import from itself and from the layers named. */
const layer = (type, below) => ({
  from: { element: { type } },
  allow: { to: { element: { types: { anyOf: [type, ...below] } } } },
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'e2e/harness/webPreload.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The core runs in plain Node, the CLI and the tests: it must never load Electron.
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The core never imports electron.' }] },
      ],
    },
  },
  {
    // Layer rules (docs/architecture.md "Layers"): each layer imports only from the ones below it.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        { type: 'shared', pattern: 'src/shared' },
        { type: 'store', pattern: 'src/main/core/store' },
        { type: 'core', pattern: 'src/main/core' },
        { type: 'cli', pattern: 'src/main/cli' },
        { type: 'main', pattern: 'src/main' },
        { type: 'preload', pattern: 'src/preload' },
        { type: 'renderer', pattern: 'src/renderer' },
        // The demo's servers (`collect --demo`); after core and cli, src/main is the Electron glue.
        { type: 'demo', pattern: 'scripts/demo' },
      ],
    },
    rules: {
      // Nothing in src/ imports a file outside the layers (tests, e2e, scripts other than the demo's servers).
      'boundaries/no-unknown-dependencies': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            layer('shared', []),
            layer('store', ['shared']),
            layer('core', ['store', 'shared']),
            layer('cli', ['core', 'store', 'shared', 'demo']),
            layer('main', ['core', 'store', 'shared']),
            layer('preload', ['shared']),
            layer('renderer', ['shared']),
          ],
        },
      ],
    },
  },
  {
    // All SQL lives in store/: elsewhere in the core a statement is a store function's job.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/core/store/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='prepare']",
          message: 'SQL belongs in src/main/core/store: add a store function and call it.',
        },
        {
          selector: "CallExpression[callee.property.name='exec'][callee.object.name=/^(db|database)$/]",
          message: 'SQL belongs in src/main/core/store: add a store function and call it.',
        },
      ],
    },
  },
);
