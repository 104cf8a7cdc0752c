import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ── Layers (README "Layout"): which folder may import which ───────────────────────────────
//
// Project paths go through `import-x/no-restricted-paths`, which resolves each specifier to a
// file before comparing it with the zones, so `../electron/x` from src/main/node and
// src/renderer/main.tsx (`./main`) are judged by where they land, not by their text, and
// `import()`, `require()` and `import x = require()` count too. A relative import that does
// not resolve would slip past it, so `import-x/no-unresolved` reports those. Packages are
// matched by name: the built-in `no-restricted-imports` for Electron and for what src/preload
// may use, `import-x/no-nodejs-modules` where code does not run on Node.
// (`no-restricted-imports` does not see `import('electron')`, so `no-restricted-syntax` does;
// `require()` is banned in TS anyway.)
// test/lint/layers.test.ts plants forbidden and allowed imports per folder to keep it honest.

/** Zones: `folder` may import itself and `mayImport` (packages are judged by name below), its
 *  *.test.* files also `testsMayImport`. */
function layer(folder, mayImport, testsMayImport = []) {
  const also = testsMayImport.length > 0 ? ` (its *.test.* files also ${testsMayImport.join(', ')})` : '';
  const zones = [
    {
      target: folder,
      from: '.',
      except: ['node_modules', folder, ...mayImport, ...testsMayImport],
      message: `${folder} may import only ${[folder, ...mayImport].join(', ')}${also}.`,
    },
  ];
  if (testsMayImport.length > 0) {
    const message = `Only the *.test.* files in ${folder} may import ${testsMayImport.join(', ')}.`;
    zones.push({ target: `${folder}/**/!(*.test.*)`, from: testsMayImport, message });
  }
  return zones;
}

// Colocated unit tests may also use the shared test doubles.
const unitTests = ['testing'];

const zones = [
  // package.json: src/shared/product.ts takes the version from it (bundled as data).
  layer('src/shared', ['package.json']),
  layer('src/core', ['src/shared'], unitTests),
  layer('src/cli', ['src/core', 'src/shared'], unitTests),
  layer('src/main/node', ['src/core', 'src/shared'], unitTests),
  layer('src/main/electron', ['src/main/node', 'src/core', 'src/shared']),
  layer('src/preload', ['src/shared']),
  layer('src/renderer', ['src/shared'], unitTests),
  layer('testing', ['src']),
  // The packaging and security suites test the build resources and scripts themselves.
  layer('test', ['testing', 'src', 'scripts', 'build', 'electron-builder.config.ts', 'electron-builder.e2e.config.ts']),
  layer('e2e', ['testing', 'src']),
  layer('bench', ['testing', 'src']),
  layer('scripts', ['testing', 'src', 'build']),
].flat();

const ELECTRON = '^(electron|electron-store|@electron-toolkit/[^/]+|@electron/remote)(/|$)';
// no-restricted-imports does not see import(): the same packages as a dynamic import.
const ELECTRON_IMPORT_EXPRESSION = {
  selector: `ImportExpression[source.value=/${ELECTRON.replace(/\//g, '\\/')}/]`,
  message: 'Electron belongs in src/main/electron and src/preload.',
};
// Everything but relative paths, electron and the Node built-ins (no-nodejs-modules has those).
const NOT_ELECTRON_OR_BUILTIN = `^(?!\\.|electron(/|$)|node:|(${builtinModules.join('|')})(/|$))`;

const layers = [
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'],
          // TypeScript's ESM convention: `./x.mjs` names the source `./x.mts`.
          extensionAlias: { '.mjs': ['.mts', '.mjs'] },
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones }],
      // Relative specifiers only: packages are matched by name.
      'import-x/no-unresolved': ['error', { commonjs: true, ignore: ['^[^.]'] }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: ELECTRON, message: 'Electron belongs in src/main/electron and src/preload.' }] },
      ],
      'no-restricted-syntax': ['error', ELECTRON_IMPORT_EXPRESSION],
    },
  },
  { files: ['src/main/electron/**', 'src/preload/**'], rules: { 'no-restricted-syntax': 'off' } },
  { files: ['src/main/electron/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: NOT_ELECTRON_OR_BUILTIN, message: 'src/preload may import no package but electron.' }] },
      ],
    },
  },
  {
    files: ['src/shared/**', 'src/preload/**', 'src/renderer/**'],
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
];

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
  ...layers,
);
