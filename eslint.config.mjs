import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ── Layers (README "Layout"): which folder may import which ───────────────────────────────
//
// Mechanism: a small local rule, `layers/imports`, that resolves every relative specifier
// against the importing file and compares project paths (src/main/node/app-core), rather
// than `no-restricted-imports` patterns, which only see the specifier's text. The same text
// means different folders at different depths (`../electron/x` is src/main/electron from
// src/main/node, and `electron` the package), and a folder's own files can look like a
// forbidden one (src/renderer/main.tsx is `./main`), so patterns either miss `../../`
// variants or need one per depth. `import-x/no-restricted-paths` resolves paths too, but it
// is not installed and needs a TypeScript resolver for extension-less paths; this needs
// neither. It also sees what `no-restricted-imports` does not: `import()`, `require()`,
// `import x = require()` and `typeof import('x')`. test/lint/layers.test.ts plants one
// forbidden and one allowed import per folder to keep it honest.
//
// Per folder (a `layer(...)` below): `allow` lists the project paths it may import (folders
// or files, extension optional), everything else in the project is off limits;
// `allowInTests` adds paths for its *.test.* files only; `electron` the Electron packages it
// may import (none by default); `nodeBuiltins: false` forbids node:* and fs, path, ...;
// `packages`, when given, is the only npm packages it may import besides those.

const ROOT = import.meta.dirname;
const ELECTRON_PACKAGES = ['electron', 'electron-store', '@electron-toolkit/*'];
const NODE_BUILTINS = new Set(builtinModules);
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
const matchesPackage = (name, entry) => (entry.endsWith('/*') ? name.startsWith(entry.slice(0, -1)) : name === entry);
const isBuiltin = (specifier) => specifier.startsWith('node:') || NODE_BUILTINS.has(packageName(specifier));
const withoutExtension = (file) => file.replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
const isWithin = (target, entry) =>
  target === entry || target.startsWith(`${entry}/`) || withoutExtension(target) === withoutExtension(entry);

/** The module specifier of an import-like node, or undefined when it is not a plain string. */
function specifierOf(node) {
  const literal = (n) => (n?.type === 'Literal' && typeof n.value === 'string' ? n : undefined);
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
      return literal(node.source);
    case 'CallExpression':
      return node.callee.type === 'Identifier' && node.callee.name === 'require'
        ? literal(node.arguments[0])
        : undefined;
    case 'TSImportType':
      return literal(node.source) ?? literal(node.argument?.literal);
    case 'TSExternalModuleReference':
      return literal(node.expression);
    default:
      return undefined;
  }
}

const layersPlugin = {
  rules: {
    imports: {
      meta: {
        type: 'problem',
        docs: { description: 'Enforce which folder may import which (README "Layout").' },
        schema: [
          {
            type: 'object',
            properties: {
              folder: { type: 'string' },
              allow: { type: 'array', items: { type: 'string' } },
              allowInTests: { type: 'array', items: { type: 'string' } },
              electron: { type: 'array', items: { enum: ELECTRON_PACKAGES } },
              nodeBuiltins: { type: 'boolean' },
              packages: { type: 'array', items: { type: 'string' } },
            },
            required: ['folder', 'allow'],
            additionalProperties: false,
          },
        ],
        messages: {
          path: '{{folder}} may not import {{target}}; it may import only {{allowed}}.',
          electron: "{{folder}} may not import '{{name}}'; Electron belongs in src/main/electron and src/preload.",
          builtin: "{{folder}} may not import the Node built-in '{{name}}'; it does not run on Node.",
          package: "{{folder}} may not import the package '{{name}}'; it may import only {{allowed}}.",
        },
      },
      create(context) {
        const { folder, allow, allowInTests = [], electron = [], nodeBuiltins = true, packages } = context.options[0];
        const allowed = TEST_FILE.test(context.filename) ? [...allow, ...allowInTests] : allow;
        const check = (node) => {
          const source = specifierOf(node);
          if (!source) return;
          const specifier = source.value;
          if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
            const absolute = path.resolve(path.dirname(context.filename), specifier.replace(/[?#].*$/, ''));
            const target = path.relative(ROOT, absolute).split(path.sep).join('/');
            if (!allowed.some((entry) => isWithin(target, entry))) {
              context.report({
                node: source,
                messageId: 'path',
                data: { folder, target: target || '.', allowed: allowed.join(', ') },
              });
            }
            return;
          }
          const name = packageName(specifier);
          if (ELECTRON_PACKAGES.some((entry) => matchesPackage(name, entry))) {
            if (!electron.some((entry) => matchesPackage(name, entry))) {
              context.report({ node: source, messageId: 'electron', data: { folder, name } });
            }
          } else if (isBuiltin(specifier)) {
            if (!nodeBuiltins)
              context.report({ node: source, messageId: 'builtin', data: { folder, name: specifier } });
          } else if (packages && !packages.includes(name)) {
            const only = [...electron, ...packages].join(', ') || 'no package';
            context.report({ node: source, messageId: 'package', data: { folder, name, allowed: only } });
          }
        };
        return {
          ImportDeclaration: check,
          ExportAllDeclaration: check,
          ExportNamedDeclaration: check,
          ImportExpression: check,
          CallExpression: check,
          TSImportType: check,
          TSExternalModuleReference: check,
        };
      },
    },
  },
};

const layer = (folder, options) => ({
  files: [`${folder}/**`],
  rules: { 'layers/imports': ['error', { folder, ...options }] },
});

// Colocated unit tests (src/**/*.test.ts) may also use the shared test doubles.
const inTests = ['testing'];

const layers = [
  // package.json: src/shared/product.ts takes the version from it (bundled as data).
  layer('src/shared', { allow: ['src/shared', 'package.json'], nodeBuiltins: false }),
  layer('src/core', { allow: ['src/core', 'src/shared'], allowInTests: inTests }),
  layer('src/cli', { allow: ['src/cli', 'src/core', 'src/shared'], allowInTests: inTests }),
  layer('src/main/node', { allow: ['src/main/node', 'src/core', 'src/shared'], allowInTests: inTests }),
  layer('src/main/electron', {
    allow: ['src/main/electron', 'src/main/node', 'src/core', 'src/shared'],
    electron: ['electron', 'electron-store', '@electron-toolkit/*'],
  }),
  layer('src/preload', {
    allow: ['src/preload', 'src/shared'],
    electron: ['electron', '@electron-toolkit/*'],
    nodeBuiltins: false,
    packages: [],
  }),
  layer('src/renderer', { allow: ['src/renderer', 'src/shared'], allowInTests: inTests, nodeBuiltins: false }),
  layer('testing', { allow: ['testing', 'src'] }),
  // The packaging and security suites test the build resources and scripts themselves.
  layer('test', {
    allow: ['test', 'testing', 'src', 'scripts', 'build', 'electron-builder.config', 'electron-builder.e2e.config'],
  }),
  layer('e2e', { allow: ['e2e', 'testing', 'src'] }),
  layer('bench', { allow: ['bench', 'testing', 'src'] }),
  layer('scripts', { allow: ['scripts', 'testing', 'src', 'build'] }),
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
  { plugins: { layers: layersPlugin } },
  ...layers,
);
