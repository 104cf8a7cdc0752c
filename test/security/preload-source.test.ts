import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPreloadSource } from './source-scan';

// The preload is the page's only door: it exposes one object, built from the contract's
// API_METHODS, and nothing else: not ipcRenderer, not require, not process.
// (test/security/built-app.test.ts runs the built bundle and checks the same at run time.)

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');
describe('preload source', () => {
  it('exposes exactly one object, built from API_METHODS, and no Node or Electron object', () => {
    expect(checkPreloadSource(path.join(SRC, 'preload'), path.join(SRC, 'shared'), ROOT)).toEqual([]);
  });
});
