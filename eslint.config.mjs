// Lint rules, including the import boundaries of the architecture: the core is pure (no vscode,
// no language-server runtime, no Node built-ins) and the webview is DOM-only.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-namespace': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // node:test's describe/test return promises the runner itself awaits.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The core knows nothing about VS Code.' },
            { name: 'vscode-languageserver', message: 'The core uses vscode-languageserver-types only.' },
            { name: 'vscode-languageserver/node', message: 'The core uses vscode-languageserver-types only.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The core is pure: no Node built-ins.' })),
          ],
        },
      ],
    },
  },
  {
    files: ['client/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview runs in an iframe: talk to the extension through messages.' }, ...nodeBuiltins.map((name) => ({ name, message: 'The webview has no Node.' }))],
        },
      ],
    },
  },
);
