import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Code that runs outside Electron's main/preload must never load Electron: the CLI and
// the unit tests run on plain Node, where no Electron binary exists.
const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'electron', message: 'Only src/main and src/preload may import electron.' },
        { name: 'electron-store', message: 'Only src/main may use electron-store.' },
      ],
      patterns: [
        { group: ['@electron-toolkit/*'], message: 'Only src/main and src/preload may use Electron helpers.' },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // Plain CommonJS scripts (the benchmark's baselines) are meant to use require().
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['src/core/**', 'src/shared/**', 'src/cli/**', 'src/renderer/**', 'test/**', 'bench/**'],
    rules: noElectron,
  },
);
