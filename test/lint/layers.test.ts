import { existsSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rules of eslint.config.mjs (README "Layout"), proven both ways through ESLint's
// own API: each planted forbidden import must be reported once, by the rule meant for it, and
// the imports each folder really uses must lint clean. Every planted file sits in a folder
// that exists and every relative target is a real module, so a moved folder or module fails
// this suite instead of turning a case into a test of nothing.

const ROOT = path.resolve(__dirname, '../..');

/** The rules that enforce the layers; a planted violation must draw exactly one of them. */
const RULES = {
  paths: 'import-x/no-restricted-paths',
  unresolved: 'import-x/no-unresolved',
  packages: 'no-restricted-imports',
  builtins: 'import-x/no-nodejs-modules',
  /** import('electron'), which no-restricted-imports does not see. */
  syntax: 'no-restricted-syntax',
} as const;
type Rule = (typeof RULES)[keyof typeof RULES];

/** The folders eslint.config.mjs gives a layer rule; each needs cases both ways below. */
const LAYERS = [
  'src/shared',
  'src/core',
  'src/cli',
  'src/main/node',
  'src/main/electron',
  'src/preload',
  'src/renderer',
  'testing',
  'test',
  'e2e',
  'bench',
  'scripts',
];

interface Case {
  /** A file (need not exist) in an existing folder, relative to the project root. */
  readonly file: string;
  /** The import, resolved from `file` when relative. */
  readonly specifier: string;
  /** The code to lint; a side-effect import of `specifier` by default. */
  readonly code?: string;
  /** False for a relative target that is meant not to exist. */
  readonly exists?: boolean;
  /** The rule that must report a forbidden case; by default the one for the specifier's kind. */
  readonly rule?: Rule;
}

const RENDERER = 'src/renderer/planted.tsx';
const CORE = 'src/core/planted.ts';
const SHARED = 'src/shared/planted.ts';
const CLI = 'src/cli/planted.ts';
const MAIN_NODE = 'src/main/node/planted.ts';
const MAIN_NODE_TEST = 'src/main/node/planted.test.ts';
const MAIN_ELECTRON = 'src/main/electron/planted.ts';
const PRELOAD = 'src/preload/planted.ts';
const TESTING = 'testing/planted.ts';
const FAKE_PLEX = 'testing/fake-plex/planted.ts';
const E2E = 'e2e/support/planted.ts';
const BENCH = 'bench/planted.mts';
const SCRIPTS = 'scripts/planted.ts';

const forbidden: Record<string, Case> = {
  'renderer → main/node': { file: RENDERER, specifier: '../main/node/app-core' },
  'renderer → main/electron': { file: RENDERER, specifier: '../main/electron/window' },
  'renderer → core': { file: RENDERER, specifier: '../core/plex-client' },
  'renderer → preload': { file: RENDERER, specifier: '../preload/index' },
  'renderer → package.json': { file: RENDERER, specifier: '../../package.json' },
  'renderer → electron': { file: RENDERER, specifier: 'electron' },
  'renderer → node:fs': { file: RENDERER, specifier: 'node:fs' },
  'renderer → fs/promises (bare built-in)': { file: RENDERER, specifier: 'fs/promises' },
  'renderer test → test/': { file: 'src/renderer/planted.test.ts', specifier: '../../test/support/cli' },
  'core → main/node': { file: CORE, specifier: '../main/node/app-core' },
  'core → cli': { file: CORE, specifier: '../cli/args' },
  'core → electron': { file: CORE, specifier: 'electron' },
  'core → testing (not a test file)': { file: CORE, specifier: '../../testing/closed-port' },
  'core → outside the project': { file: CORE, specifier: '../../../outside', exists: false, rule: RULES.unresolved },
  'shared → core': { file: SHARED, specifier: '../core/plex-client' },
  'shared → renderer': { file: SHARED, specifier: '../renderer/initials' },
  'shared → node:path': { file: SHARED, specifier: 'node:path' },
  'shared → electron-store': { file: SHARED, specifier: 'electron-store' },
  'cli → main/node': { file: CLI, specifier: '../main/node/app-core' },
  'cli/commands → renderer': { file: 'src/cli/commands/planted.ts', specifier: '../../renderer/api' },
  'cli → electron': { file: CLI, specifier: 'electron' },
  'main/node → electron': { file: MAIN_NODE, specifier: 'electron' },
  'main/node → electron-store': { file: MAIN_NODE, specifier: 'electron-store' },
  'main/node → @electron-toolkit/utils': { file: MAIN_NODE, specifier: '@electron-toolkit/utils' },
  'main/node → @electron/remote': { file: MAIN_NODE, specifier: '@electron/remote' },
  'main/node → import("electron")': {
    file: MAIN_NODE,
    specifier: 'electron',
    code: "export const load = () => import('%');\n",
    rule: RULES.syntax,
  },
  'shared → import("electron/main")': {
    file: SHARED,
    specifier: 'electron/main',
    code: "export const load = () => import('%');\n",
    rule: RULES.syntax,
  },
  'main/node → renderer': { file: MAIN_NODE, specifier: '../../renderer/api' },
  'main/node → main/electron': { file: MAIN_NODE, specifier: '../electron/clipboard' },
  'main/node → cli': { file: MAIN_NODE, specifier: '../../cli/args' },
  'main/node → preload': { file: MAIN_NODE, specifier: '../../preload/index' },
  'main/node → testing (not a test file)': { file: MAIN_NODE, specifier: '../../../testing/main-doubles' },
  'main/node test → test/': { file: MAIN_NODE_TEST, specifier: '../../../test/support/clients' },
  'main/node test → e2e/': { file: MAIN_NODE_TEST, specifier: '../../../e2e/support/fixtures' },
  'main/electron → renderer': { file: MAIN_ELECTRON, specifier: '../../renderer/api' },
  'main/electron → preload': { file: MAIN_ELECTRON, specifier: '../../preload/index' },
  'main/electron → cli': { file: MAIN_ELECTRON, specifier: '../../cli/args' },
  'preload → core': { file: PRELOAD, specifier: '../core/plex-client' },
  'preload → main/node': { file: PRELOAD, specifier: '../main/node/ipc-router' },
  'preload → node:fs': { file: PRELOAD, specifier: 'node:fs' },
  'preload → electron-store': { file: PRELOAD, specifier: 'electron-store' },
  'preload → zod (an npm package)': { file: PRELOAD, specifier: 'zod' },
  'testing → test': { file: TESTING, specifier: '../test/support/cli' },
  'testing → e2e': { file: TESTING, specifier: '../e2e/support/fixtures' },
  'testing/fake-plex → test (two levels up)': { file: FAKE_PLEX, specifier: '../../test/support/cli' },
  'testing → electron': { file: FAKE_PLEX, specifier: 'electron' },
  'test → e2e': { file: 'test/integration/planted.test.ts', specifier: '../../e2e/support/fixtures' },
  'test → electron': { file: 'test/security/planted.test.ts', specifier: 'electron' },
  'e2e → test': { file: E2E, specifier: '../../test/support/cli' },
  'e2e → electron': { file: 'e2e/specs/planted.spec.ts', specifier: 'electron' },
  'bench → test': { file: BENCH, specifier: '../test/support/cli' },
  'bench → e2e': { file: BENCH, specifier: '../e2e/support/fixtures' },
  'bench → electron': { file: BENCH, specifier: 'electron' },
  'scripts → test': { file: SCRIPTS, specifier: '../test/support/cli' },
  'scripts → electron': { file: 'scripts/planted.mjs', specifier: 'electron' },
  // Every way to name a module, each planted as renderer → main/node.
  'syntax: export * from': { file: RENDERER, specifier: '../main/node/app-core', code: "export * from '%';\n" },
  'syntax: export { } from': {
    file: RENDERER,
    specifier: '../main/node/app-core',
    code: "export { createAppCore } from '%';\n",
  },
  'syntax: import type': {
    file: RENDERER,
    specifier: '../main/node/app-core',
    code: "import type { AppCore } from '%';\nexport type { AppCore };\n",
  },
  'syntax: import()': {
    file: RENDERER,
    specifier: '../main/node/app-core',
    code: "export const load = () => import('%');\n",
  },
  'syntax: require()': {
    file: MAIN_NODE,
    specifier: '../electron/window',
    code: "export const load = () => require('%');\n",
  },
  'syntax: import x = require()': {
    file: MAIN_NODE,
    specifier: '../electron/window',
    code: "import win = require('%');\nexport { win };\n",
  },
  'syntax: a query suffix': { file: RENDERER, specifier: '../main/node/app-core', code: "import '%?raw';\n" },
};

const allowed: Record<string, Case> = {
  'shared → itself': { file: SHARED, specifier: './account' },
  'shared → zod/mini': { file: SHARED, specifier: 'zod/mini' },
  'shared → package.json (the version)': { file: SHARED, specifier: '../../package.json' },
  'core → shared': { file: CORE, specifier: '../shared/account' },
  'core → itself': { file: CORE, specifier: './plex-client' },
  'core → axios': { file: CORE, specifier: 'axios' },
  'core → node:fs': { file: CORE, specifier: 'node:fs' },
  'core test → testing': { file: 'src/core/planted.test.ts', specifier: '../../testing/closed-port' },
  'cli → core': { file: CLI, specifier: '../core/plex-client' },
  'cli → shared': { file: CLI, specifier: '../shared/product' },
  'cli → node:child_process': { file: CLI, specifier: 'node:child_process' },
  'cli/commands → core (two levels up)': { file: 'src/cli/commands/planted.ts', specifier: '../../core/plex-client' },
  'main/node → itself': { file: MAIN_NODE, specifier: './app-core' },
  'main/node → core': { file: MAIN_NODE, specifier: '../../core/plex-client' },
  'main/node → shared': { file: MAIN_NODE, specifier: '../../shared/ipc-contract' },
  'main/node → node:crypto': { file: MAIN_NODE, specifier: 'node:crypto' },
  'main/node → qrcode': { file: MAIN_NODE, specifier: 'qrcode' },
  'main/node test → testing': { file: MAIN_NODE_TEST, specifier: '../../../testing/main-doubles' },
  'main/node test → fast-check': { file: MAIN_NODE_TEST, specifier: 'fast-check' },
  'main/electron → electron': { file: MAIN_ELECTRON, specifier: 'electron' },
  'main/electron → electron-store': { file: MAIN_ELECTRON, specifier: 'electron-store' },
  'main/electron → main/node': { file: MAIN_ELECTRON, specifier: '../node/app-core' },
  'main/electron → core': { file: MAIN_ELECTRON, specifier: '../../core/api-url' },
  'main/electron → shared': { file: MAIN_ELECTRON, specifier: '../../shared/product' },
  'main/electron → itself': { file: MAIN_ELECTRON, specifier: './window' },
  'preload → electron': { file: PRELOAD, specifier: 'electron' },
  'preload → shared': { file: PRELOAD, specifier: '../shared/ipc-contract' },
  'renderer → shared': { file: RENDERER, specifier: '../shared/ipc-contract' },
  'renderer → react': { file: RENDERER, specifier: 'react' },
  'renderer → react-dom/client': { file: RENDERER, specifier: 'react-dom/client' },
  'renderer → CSS': { file: RENDERER, specifier: './styles.css' },
  'renderer → its own main.tsx (not src/main)': { file: RENDERER, specifier: './main' },
  'testing → main/node': { file: TESTING, specifier: '../src/main/node/ports' },
  'testing → itself': { file: TESTING, specifier: './closed-port' },
  'testing/fake-plex → core (two levels up)': { file: FAKE_PLEX, specifier: '../../src/core/plex-client' },
  'test → src': { file: 'test/integration/planted.test.ts', specifier: '../../src/main/node/app-core' },
  'test → testing': { file: 'test/integration/planted.test.ts', specifier: '../../testing/fake-plex/control' },
  'test → itself': { file: 'test/integration/planted.test.ts', specifier: '../support/cli' },
  'test → build (packaging settings)': { file: 'test/packaging/planted.test.ts', specifier: '../../build/fuses' },
  'test → scripts': { file: 'test/packaging/planted.test.ts', specifier: '../../scripts/after-pack-fuses' },
  'test → electron-builder.config': {
    file: 'test/packaging/planted.test.ts',
    specifier: '../../electron-builder.config',
  },
  'e2e → src': { file: E2E, specifier: '../../src/main/node/app-core' },
  'e2e → testing': { file: E2E, specifier: '../../testing/seeded-accounts' },
  'e2e → itself': { file: 'e2e/specs/planted.spec.ts', specifier: '../support/fixtures' },
  'e2e → @playwright/test': { file: E2E, specifier: '@playwright/test' },
  'bench → testing': { file: BENCH, specifier: '../testing/fake-plex/server' },
  'bench → src': { file: BENCH, specifier: '../src/core/plex-client' },
  'scripts → build': { file: SCRIPTS, specifier: '../build/fuses' },
  'scripts → testing': { file: SCRIPTS, specifier: '../testing/closed-port' },
  'scripts → src': { file: 'scripts/planted.mjs', specifier: '../src/core/plex-client' },
};

const ruleOf = (c: Case): Rule =>
  c.rule ?? (c.specifier.startsWith('.') ? RULES.paths : isBuiltin(c.specifier) ? RULES.builtins : RULES.packages);
const layerRules: readonly string[] = Object.values(RULES);

const codeOf = (c: Case): string => (c.code ?? "import '%';\n").replace('%', c.specifier);
const layerOf = (file: string): string | undefined =>
  [...LAYERS].sort((a, b) => b.length - a.length).find((layer) => file.startsWith(`${layer}/`));

/** Whether a relative specifier names a real module, the way the bundlers resolve it. */
function resolves(c: Case): boolean {
  const base = path.resolve(ROOT, path.dirname(c.file), c.specifier);
  const candidates = ['', '.ts', '.tsx', '.mts', '.mjs', '.json', '/index.ts'].map((suffix) => base + suffix);
  return candidates.some((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function lint(c: Case): Promise<ESLint.LintResult> {
  const [result] = await eslint.lintText(codeOf(c), { filePath: path.join(ROOT, c.file) });
  if (!result) throw new Error(`ESLint returned no result for ${c.file}`);
  return result;
}

describe('the layer cases stay real', () => {
  const cases = [...Object.entries(forbidden), ...Object.entries(allowed)];

  it.each(cases)('%s: the planted file sits in an existing folder', (_name, c) => {
    expect(existsSync(path.join(ROOT, path.dirname(c.file))), path.dirname(c.file)).toBe(true);
  });

  it.each(cases.filter(([, c]) => c.specifier.startsWith('.') && c.exists !== false))(
    '%s: the relative target is a real module',
    (_name, c) => {
      expect(resolves(c), `${c.specifier} from ${c.file}`).toBe(true);
    },
  );

  it('covers every layer both ways', () => {
    for (const layer of LAYERS) {
      expect(existsSync(path.join(ROOT, layer)), layer).toBe(true);
      expect(
        Object.values(forbidden).some((c) => layerOf(c.file) === layer),
        `a forbidden case in ${layer}`,
      ).toBe(true);
      expect(
        Object.values(allowed).some((c) => layerOf(c.file) === layer),
        `an allowed case in ${layer}`,
      ).toBe(true);
    }
  });
});

describe('the layer rules', () => {
  it.each(Object.entries(forbidden))('reports %s', async (_name, c) => {
    const result = await lint(c);
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    const layerErrors = result.messages.filter((m) => m.ruleId !== null && layerRules.includes(m.ruleId));
    expect(
      layerErrors.map((m) => [m.ruleId, m.severity]),
      codeOf(c),
    ).toEqual([[ruleOf(c), 2]]);
  });

  it.each(Object.entries(allowed))('allows %s', async (_name, c) => {
    const result = await lint(c);
    expect(result.messages, codeOf(c)).toEqual([]);
  });
});
