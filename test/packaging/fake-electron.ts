import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// A stand-in for Electron's Linux build, for packaging offline: electron-builder copies
// whatever folder `electronDist` names, and @electron/fuses only needs the fuse wire it
// finds after its sentinel. Real Electron binaries cannot be downloaded here.

/** @electron/fuses' marker, followed by the wire: version 1, length, one byte per fuse. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's defaults, in wire order: RunAsNode on, CookieEncryption off, NodeOptions on,
 * NodeCliInspect on, AsarIntegrity off, OnlyLoadAppFromAsar off, BrowserV8Snapshot off,
 * FileProtocolExtraPrivileges on, WasmTrapHandlers on.
 */
export const DEFAULT_WIRE = '101100011';

export function fakeElectronBinary(wire: string = DEFAULT_WIRE): Buffer {
  return Buffer.concat([
    Buffer.from('#!/bin/sh\necho "not a real Electron: a packaging test fixture" >&2\nexit 1\n'),
    Buffer.alloc(256),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, wire.length]),
    Buffer.from(wire, 'latin1'),
    Buffer.alloc(256),
  ]);
}

/** An unpacked "Electron" for Linux, as electron-builder's electronDist. */
export function writeFakeElectronDist(dir: string): string {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const binary = path.join(dir, 'electron');
  writeFileSync(binary, fakeElectronBinary());
  chmodSync(binary, 0o755);
  writeFileSync(path.join(dir, 'chrome-sandbox'), 'fixture');
  writeFileSync(path.join(dir, 'LICENSE'), 'fixture');
  writeFileSync(path.join(dir, 'version'), '45.5.0');
  return dir;
}

/** The fuse bytes after the sentinel, as a string of '0'/'1' (or 'r' for removed). */
export function readFuseWire(binary: Buffer): string {
  const at = binary.indexOf(Buffer.from(FUSE_SENTINEL, 'latin1'));
  if (at === -1) throw new Error('no fuse sentinel');
  const start = at + FUSE_SENTINEL.length;
  const length = binary[start + 1]!;
  return binary.toString('latin1', start + 2, start + 2 + length);
}
