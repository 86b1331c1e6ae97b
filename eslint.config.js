// One ESLint configuration for the workspace: TypeScript everywhere, Svelte in the web app.
// Boundaries between apps and modules are checked by dependency-cruiser (.dependency-cruiser.cjs).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['**/node_modules/', '**/dist/', '**/build/', '**/.svelte-kit/', '**/generated/', '.data/', '**/*.cjs'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Unused values are mistakes; a leading underscore says "unused on purpose" (a destructured rest, a required parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Nest injects through constructor parameter properties; empty bodies are normal there.
      '@typescript-eslint/no-empty-function': 'off',
      // The storefront is served at the root (no paths.base): plain hrefs are what resolve() would give.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The web reaches the API over GraphQL only (checked here for .svelte files too; dependency-cruiser does the rest).
    files: ['apps/web/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/api/**', '@karya-ibu/api', '@karya-ibu/api/**'], message: 'The web talks to the API over GraphQL only.' }] }] },
  },
  {
    // Tests talk to a GraphQL API whose answers are JSON: `any` there is the honest type.
    files: ['apps/api/test/**/*.ts', '**/*.spec.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
