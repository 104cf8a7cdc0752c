import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithDouble } from '../../testing/electron-double/driver';
import { type FakeHandle, useFakePlex } from '../../testing/fake-plex/control';
import { buildAppInto, makeBuildDir, ROOT } from '../security/built-app';
import { checkWiring, probeSecurity, type ShellReport } from './shell-checks';

// The smoke test's security checks must notice when a handler is switched off: each case
// patches one line of the real built main bundle the way a careless edit would, runs it
// under the Electron double, and expects the checks to name what broke. A patch that no
// longer finds its line fails too, so a refactor cannot quietly retire a case.

const MUTATIONS: { name: string; find: string; replace: string; expect: RegExp }[] = [
  {
    name: 'navigation allowed',
    find: 'if (event.url !== contents.getURL()) event.preventDefault();',
    replace: 'if (false) event.preventDefault();',
    expect: /navigation to .* was allowed/,
  },
  {
    name: 'permission requests granted',
    find: 'ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));',
    replace: 'ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(true));',
    expect: /permission media was granted/,
  },
  {
    name: 'permission checks granted',
    find: 'ses.setPermissionCheckHandler(() => false);',
    replace: 'ses.setPermissionCheckHandler(() => true);',
    expect: /permission check media said yes/,
  },
  {
    name: 'window.open allowed',
    find: 'return { action: "deny" };',
    replace: 'return { action: "allow" };',
    expect: /window\.open of evil\.example: allow/,
  },
  {
    name: 'every caller trusted',
    find: '{ trusted: isTrustedSender(event) }',
    replace: '{ trusted: true }',
    expect: /a call from a subframe sender was not refused/,
  },
];

let outDir: string;
let fake: FakeHandle;

beforeAll(async () => {
  outDir = makeBuildDir(); // set before building, so afterAll removes it even if the build fails
  buildAppInto(outDir);
  fake = await useFakePlex();
}, 60_000);
afterAll(async () => {
  await fake?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the smoke checks fail when a security handler is switched off', () => {
  it.each(MUTATIONS)('$name', async (mutation) => {
    const mutant = mkdtempSync(path.join(os.tmpdir(), 'plex-signin-mutant-'));
    cpSync(outDir, mutant, { recursive: true });
    const main = path.join(mutant, 'main/index.js');
    const code = readFileSync(main, 'utf8');
    expect(code.split(mutation.find)).toHaveLength(2); // exactly one place to patch
    writeFileSync(main, code.replace(mutation.find, mutation.replace));

    const app = launchWithDouble({
      outDir: mutant,
      appPath: ROOT,
      configHome: path.join(mutant, 'config'),
      keyringDir: path.join(mutant, 'keyring'),
      env: { PLEX_API_URL: fake.apiUrl },
    });
    try {
      await app.waitFor('window-shown');
      const report = await app.send<ShellReport>({ type: 'report' });
      const violations = [...checkWiring(report, mutant), ...(await probeSecurity(app))];
      expect(violations.join('\n')).toMatch(mutation.expect);
    } finally {
      await app.kill();
      rmSync(mutant, { recursive: true, force: true });
    }
  });
});
