import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../src/main/node/content-security-policy';
import { API_GLOBAL, API_METHODS } from '../../src/shared/ipc-contract';
import {
  buildAppInto,
  checkBuiltCsp,
  checkBuiltMain,
  checkBuiltPreload,
  cspMetaTags,
  makeBuildDir,
  parseCsp,
  readBuilt,
} from './built-app';

// What electron-vite actually emits, built fresh from the current source: the renderer
// page's Content Security Policy, the preload bundle run as a sandboxed preload runs, and
// the main bundle. (The same checks against broken samples: scanners.test.ts.)

describe('the built app', () => {
  let outDir = '';
  beforeAll(() => {
    outDir = makeBuildDir(); // set before building, so afterAll removes it even if the build fails
    buildAppInto(outDir);
  }, 120_000);
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('renderer/index.html carries the strict CSP: default-src none, script-src self, nothing unsafe', () => {
    expect(checkBuiltCsp(readBuilt(outDir, 'renderer/index.html'))).toEqual([]);
  });

  it('renderer/index.html has the same policy as the header main sends', () => {
    const [meta] = cspMetaTags(readBuilt(outDir, 'renderer/index.html'));
    expect(parseCsp(meta!.content)).toEqual(parseCsp(RENDERER_CSP));
  });

  it('preload/index.js exposes exactly the API, frozen, each method invoking its channel with one request', async () => {
    expect(await checkBuiltPreload(readBuilt(outDir, 'preload/index.js'), API_GLOBAL, API_METHODS)).toEqual([]);
  });

  it('main/index.js keeps one ipcMain.handle and one shell.openExternal after bundling', () => {
    expect(checkBuiltMain(readBuilt(outDir, 'main/index.js'))).toEqual([]);
  });
});
