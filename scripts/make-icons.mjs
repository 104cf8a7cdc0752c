// Makes every app icon from one source image, build/icon-source.svg:
//   build/icon.png               1024×1024, the master (and electron-builder's fallback)
//   build/icons/<N>x<N>.png      16–512, the Linux icon set (deb, AppImage)
//   build/icon.icns              macOS, 16–1024 (png2icons)
//   build/icon.ico               Windows, 16–256 (png2icons)
//   build/icon-manifest.json     the source's SHA-256, so a test notices stale icons
// Chromium rasterises the SVG at each size (sharper small sizes than downscaling one
// bitmap); png2icons packs the ICNS and ICO from the 1024 PNG. The outputs are committed,
// so packaging needs no browser. Run it after changing the source: `npm run icons`.
//
// Chromium: $CHROMIUM_PATH, else /usr/bin/chromium if present, else Playwright's own.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import png2icons from 'png2icons';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');
const SOURCE = path.join(buildDir, 'icon-source.svg');
const MASTER_SIZE = 1024;
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

// Headless and quiet: no sandbox (root in a container), no GPU, and no background traffic.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** The source must be a square SVG, or every icon comes out distorted. */
function checkSource(svg) {
  const viewBox = /viewBox\s*=\s*"\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
  if (!/<svg[\s>]/.test(svg) || !viewBox) throw new Error(`${SOURCE} is not an SVG with a viewBox.`);
  if (Number(viewBox[1]) !== Number(viewBox[2])) throw new Error(`${SOURCE} is not square (viewBox ${viewBox[0]}).`);
}

async function rasterise(page, svg, size) {
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">` +
      `<img alt="" src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  return page.screenshot({ type: 'png', omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

function pack(name, create) {
  const result = create();
  if (!result) throw new Error(`png2icons could not make ${name}.`);
  return result;
}

const sourceBytes = await readFile(SOURCE);
const svg = sourceBytes.toString('utf8');
checkSource(svg);

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const written = [];
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const master = await rasterise(page, svg, MASTER_SIZE);
  await writeFile(path.join(buildDir, 'icon.png'), master);
  written.push('icon.png');

  await mkdir(path.join(buildDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) {
    const name = path.join('icons', `${size}x${size}.png`);
    await writeFile(path.join(buildDir, name), await rasterise(page, svg, size));
    written.push(name);
  }

  // Lossless (0 colours = all), bicubic downscaling from the 1024 master.
  const icns = pack('icon.icns', () => png2icons.createICNS(master, png2icons.BICUBIC2, 0));
  await writeFile(path.join(buildDir, 'icon.icns'), icns);
  // forWinExe: PNG for 64 px and up, bitmaps below, as Windows' file dialogs expect.
  const ico = pack('icon.ico', () => png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true));
  await writeFile(path.join(buildDir, 'icon.ico'), ico);
  written.push('icon.icns', 'icon.ico');
} finally {
  await browser.close();
}

const manifest = {
  source: 'icon-source.svg',
  sourceSha256: createHash('sha256').update(sourceBytes).digest('hex'),
  generatedBy: 'scripts/make-icons.mjs',
};
await writeFile(path.join(buildDir, 'icon-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
written.push('icon-manifest.json');
console.log(`icons: ${written.map((name) => `build/${name}`).join(', ')}`);
