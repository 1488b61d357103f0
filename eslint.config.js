import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/storybook-static/**', '.usher/**', '**/mockServiceWorker.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render HTML from data.' }],
    },
  },
  {
    files: ['packages/core/src/**', 'packages/protocol/src/**', 'packages/backend/src/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', '@usher/server', '@usher/server/*', 'node:*'] }] },
  },
  {
    files: ['packages/server/src/**'],
    ignores: ['packages/server/src/node/**', '**/*.test.ts', '**/*.case.ts', '**/*.test-support.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*', 'better-sqlite3', 'pg', 'nodemailer', '@node-rs/*'] }] },
  },
);
