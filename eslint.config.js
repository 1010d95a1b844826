// Lint rules, including the architecture's boundaries (DESIGN.md): only src-main/electron may import
// electron, and src-main/shared stays free of Node and DOM APIs so both sides can use it.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const electronImport = {
  regex: '^electron(/|$)',
  message: 'Only src-main/electron may import electron (DESIGN.md: the core runs without it).',
};
const nodeBuiltins = {
  regex: '^(node:.*|fs|path|os|crypto|child_process|http|events|url|better-sqlite3)(/|$)',
  message: 'src-main/shared is shared with the renderer: no Node APIs here.',
};

export default tseslint.config(
  {
    ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report', 'native'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [electronImport] }],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.svelte'],
        svelteConfig,
      },
    },
  },
  {
    files: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-main/shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronImport, nodeBuiltins] }],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'process', 'Buffer', 'require', '__dirname', 'localStorage', 'fetch'].map((name) => ({
          name,
          message: 'src-main/shared must run anywhere: no Node or DOM globals.',
        })),
      ],
    },
  },
  {
    // Playwright fixtures destructure `{}` when they need no other fixture.
    files: ['tests/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
