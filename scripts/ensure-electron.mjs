#!/usr/bin/env node
// Makes sure Electron's binary is installed before electron-vite runs (`npm start`,
// `npm run dev`, `npm run demo`). Electron 45's package has no install step: the binary
// comes from Electron's own installer (node_modules/electron/install.js, the package's
// `install-electron` bin), which honours ELECTRON_MIRROR, the download cache
// (electron_config_cache) and electron_use_remote_checksums. When the download cannot
// happen this prints one sentence and exits 1, instead of electron-vite's stack trace.
// Resolves `electron` from the current folder, the project root under npm.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

// The installer needs require(esm): Node 20.19 or 22.12 and later.
const [major, minor] = process.versions.node.split('.').map(Number);
if (!((major === 20 && minor >= 19) || major === 21 || (major === 22 && minor >= 12) || major > 22)) {
  fail(`Plex Sign-In needs Node.js 20.19 or later (or 22.12 or later), not ${process.versions.node}; update Node.js.`);
}

let electronDir;
try {
  electronDir = path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('electron/package.json'));
} catch {
  fail('The electron package is not installed; run npm install first.');
}

function installedBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const overrideDir = process.env.ELECTRON_OVERRIDE_DIST_PATH?.trim();
  const binary = overrideDir ? path.join(overrideDir, relative) : path.join(electronDir, 'dist', relative);
  return relative && existsSync(binary) ? binary : null;
}

if (installedBinary()) process.exit(0);

const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
console.log(`Downloading Electron ${version} (once)…`);
const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
  stdio: ['ignore', 'inherit', 'pipe'],
  encoding: 'utf8',
});
if (result.status === 0 && installedBinary()) process.exit(0);

// The installer prints a stack; its first line says what went wrong (a URL, a status).
const reason = (result.stderr ?? '')
  .split('\n')
  .map((line) => line.trim())
  .find((line) => line && !line.startsWith('at '))
  ?.replace(/^(\w*Error): /, '')
  .replace(/[.\s]+$/, '')
  .slice(0, 200);
const where = process.env.ELECTRON_MIRROR ? `from ${process.env.ELECTRON_MIRROR}` : 'from GitHub';
fail(
  `Electron ${version} could not be downloaded ${where}${reason ? ` (${reason})` : ''}; check your internet connection or set ELECTRON_MIRROR to a mirror you can reach, then run the command again.`,
);
