import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPng, readIcns, readIco, readPngHeader } from './binary-formats';

// The committed icons (made by scripts/make-icons.mjs from build/icon-source.svg): big
// enough for every platform, in the formats each expects, and made from the current source.

const BUILD = path.resolve(__dirname, '../../build');
const read = (file: string): Buffer => readFileSync(path.join(BUILD, file));

describe('icons', () => {
  it('build/icon.png is a 1024×1024 RGBA PNG', () => {
    expect(readPngHeader(read('icon.png'))).toEqual({ width: 1024, height: 1024, bitDepth: 8, colorType: 6 });
  });

  it('build/icons holds the Linux set, each PNG the size its name says, up to 512', () => {
    const files = readdirSync(path.join(BUILD, 'icons')).sort((a, b) => parseInt(a) - parseInt(b));
    expect(files).toEqual([
      '16x16.png',
      '24x24.png',
      '32x32.png',
      '48x48.png',
      '64x64.png',
      '128x128.png',
      '256x256.png',
      '512x512.png',
    ]);
    for (const file of files) {
      const size = parseInt(file, 10);
      expect(readPngHeader(read(path.join('icons', file))), file).toMatchObject({
        width: size,
        height: size,
        colorType: 6,
      });
    }
  });

  it('build/icon.icns has the icns magic and 1024 (ic10) and 512 (ic09) PNG entries', () => {
    const entries = readIcns(read('icon.icns'));
    const byType = new Map(entries.map((entry) => [entry.type, entry.data]));
    for (const [type, size] of [
      ['ic10', 1024],
      ['ic09', 512],
      ['ic08', 256],
    ] as const) {
      const data = byType.get(type);
      expect(data && isPng(data), type).toBe(true);
      expect(readPngHeader(data!), type).toMatchObject({ width: size, height: size });
    }
  });

  it('build/icon.ico has a 256×256 entry (stored as PNG) and the small sizes Windows uses', () => {
    const entries = readIco(read('icon.ico'));
    const sizes = entries.map((entry) => entry.width).sort((a, b) => a - b);
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
    const big = entries.find((entry) => entry.width === 256 && entry.height === 256);
    expect(big && isPng(big.data)).toBe(true);
    expect(readPngHeader(big!.data)).toMatchObject({ width: 256, height: 256 });
  });

  it('were made from the current build/icon-source.svg (else run `npm run icons`)', () => {
    const manifest = JSON.parse(read('icon-manifest.json').toString('utf8')) as {
      source: string;
      sourceSha256: string;
    };
    const actual = createHash('sha256').update(read(manifest.source)).digest('hex');
    expect(actual, 'build/icon-source.svg changed since the icons were made: run `npm run icons`').toBe(
      manifest.sourceSha256,
    );
  });
});
