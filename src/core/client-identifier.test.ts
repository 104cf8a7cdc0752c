import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateClientIdentifier } from './client-identifier';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-signin-id-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('loadOrCreateClientIdentifier', () => {
  it('creates the identifier once, with its folders, and returns it on every later call', () => {
    const file = path.join(dir, 'nested', 'client-identifier');
    const first = loadOrCreateClientIdentifier(file);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(loadOrCreateClientIdentifier(file)).toBe(first);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('replaces an unreadable stored value instead of sending it', () => {
    const file = path.join(dir, 'client-identifier');
    fs.writeFileSync(file, 'not an id\u0000');
    const id = loadOrCreateClientIdentifier(file);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(loadOrCreateClientIdentifier(file)).toBe(id);
  });

  it('keeps an identifier written by hand or by an older version', () => {
    const file = path.join(dir, 'client-identifier');
    fs.writeFileSync(file, 'abcDEF123-xyz\n');
    expect(loadOrCreateClientIdentifier(file)).toBe('abcDEF123-xyz');
  });
});
