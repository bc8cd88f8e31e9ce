// ESLint: typescript-eslint and eslint-plugin-vue's recommended rules, the layer rules of docs/ARCHITECTURE.md
// as no-restricted-imports (test/unit/architecture.test.ts checks the same on the whole import graph, circles
// included), and no console in the core (it reports through its logger, events or results).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';

const electron = { name: 'electron', message: 'Electron lives in src/main/hosts/electron, src/main/index.ts and src/preload only.' };
const layer = (group, message) => ({ group, message });

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      '**/generated/**',
      '.electron-native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Formatting is Prettier's; these Vue rules only restate it.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  { files: ['src/renderer/**', 'test/unit/renderer/**', 'test/support/renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  // Playwright reads a test's fixtures from its first parameter's destructuring: `async ({}, testInfo)` is its idiom.
  { files: ['test/e2e/**'], rules: { 'no-empty-pattern': 'off' } },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electron], patterns: [layer(['**/main/**', '**/renderer/**', '**/preload/**'], 'src/shared imports only src/shared.')] },
      ],
    },
  },
  {
    files: ['src/main/core/**'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            layer(['**/hosts/**', '**/renderer/**', '**/preload/**', '**/main/index'], 'The core imports only src/shared and the core (docs/ARCHITECTURE.md).'),
          ],
        },
      ],
    },
  },
  ...['cli', 'server', 'common'].map((host) => ({
    files: [`src/main/hosts/${host}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [
            layer(
              ['cli', 'server', 'electron']
                .filter((h) => h !== host)
                .flatMap((h) => [`../${h}/*`, `../../${h}/*`, `**/hosts/${h}/**`])
                .concat(['**/renderer/**', '**/main/index']),
              `A host imports the core, src/shared and hosts/common, never another host.`,
            ),
          ],
        },
      ],
    },
  })),
  {
    files: ['src/main/hosts/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              ['../cli/*', '../server/*', '**/hosts/cli/**', '**/hosts/server/**', '**/renderer/**'],
              'A host imports the core, src/shared and hosts/common, never another host.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electron],
          patterns: [layer(['**/main/**', '**/preload/index'], 'The renderer talks to main only through src/shared/contract.ts (window.api).')],
        },
      ],
    },
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer(['**/main/**', '**/renderer/**'], "The preload exposes the contract's verbs; it imports only src/shared.")] },
      ],
    },
  },
);
