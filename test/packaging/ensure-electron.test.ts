import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// scripts/ensure-electron.mjs runs Electron's own installer when the binary is missing.
// Here against a mirror on 127.0.0.1 serving a stand-in zip and its SHASUMS256.txt, over a
// copy of the electron package in a temporary project (the real node_modules/electron is
// never touched), with its own download cache.

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/ensure-electron.mjs');
const VERSION = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8'))
  .version as string;
const ZIP_NAME = `electron-v${VERSION}-${process.platform}-${process.arch}.zip`;
const BINARY =
  process.platform === 'win32'
    ? 'electron.exe'
    : process.platform === 'darwin'
      ? 'Electron.app/Contents/MacOS/Electron'
      : 'electron';

/** A zip of stored (uncompressed) entries: enough for the installer's extractor. */
function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by Unix, so the mode below counts
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE((0o100755 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

let server: Server;
let mirror: string;
const served: string[] = [];
const zip = storedZip({ [BINARY]: '#!/bin/sh\necho stand-in electron\n', version: `v${VERSION}` });

beforeAll(async () => {
  const sums = `${createHash('sha256').update(zip).digest('hex')} *${ZIP_NAME}\n`;
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    if (req.url === `/v${VERSION}/${ZIP_NAME}`) res.end(zip);
    else if (req.url === `/v${VERSION}/SHASUMS256.txt`) res.end(sums);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});
const projects: string[] = [];
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

/** A project whose node_modules links the real packages, except a fresh copy of electron. */
function tempProject(): { dir: string; electronDir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plex-signin-ensure-'));
  projects.push(dir);
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(path.join(ROOT, 'node_modules'))) {
    if (name !== 'electron' && !name.startsWith('.'))
      symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
  }
  const electronDir = path.join(modules, 'electron');
  mkdirSync(electronDir);
  for (const file of ['package.json', 'install.js', 'index.js', 'cli.js', 'checksums.json']) {
    cpSync(path.join(ROOT, 'node_modules/electron', file), path.join(electronDir, file));
  }
  writeFileSync(path.join(dir, 'package.json'), '{"name":"ensure-electron-fixture","private":true}');
  return { dir, electronDir };
}

/** Runs the script asynchronously: the mirror answers from this same process. */
function run(dir: string, env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !/^(ELECTRON_|electron_|npm_config_electron)/.test(k)) clean[k] = v;
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT],
      { cwd: dir, env: { ...clean, electron_config_cache: path.join(dir, 'cache'), ...env }, timeout: 60_000 },
      (error, _stdout, stderr) =>
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
    );
  });
}

describe('scripts/ensure-electron.mjs', () => {
  it("installs the binary through Electron's own installer from ELECTRON_MIRROR, then does nothing", async () => {
    const { dir, electronDir } = tempProject();
    const first = await run(dir, { ELECTRON_MIRROR: mirror, electron_use_remote_checksums: '1' });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(readFileSync(path.join(electronDir, 'path.txt'), 'utf8')).toBe(BINARY);
    expect(existsSync(path.join(electronDir, 'dist', BINARY))).toBe(true);
    expect(served).toContain(`/v${VERSION}/${ZIP_NAME}`);

    served.length = 0;
    const again = await run(dir, { ELECTRON_MIRROR: mirror, electron_use_remote_checksums: '1' });
    expect(again.status).toBe(0);
    expect(served).toEqual([]); // installed: no download at all
  });

  it('says in one sentence, without a stack trace, when the download cannot happen', async () => {
    const { dir, electronDir } = tempProject();
    const result = await run(dir, { ELECTRON_MIRROR: `${mirror}missing/`, electron_use_remote_checksums: '1' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^Electron ${VERSION.replace(/\./g, '\\.')} could not be downloaded from .*; check your internet connection or set ELECTRON_MIRROR`,
      ),
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(electronDir, 'path.txt'))).toBe(false);
  });
});
