// Builds the CLI into one self-contained file, out/cli/plex-signin.cjs, in two steps:
// 1. src/cli/bin.ts and everything it uses, bundled and minified, as text;
// 2. src/cli/launcher.ts with that text and its hash inside, which runs it through V8's
//    code cache.
// One file and a warm code cache are what keep start-up close to a bare Node script
// (`npm run bench` measures it).
//   node scripts/build-cli.mjs      (or `npm run build:cli`)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
  absWorkingDir: ROOT,
};

// What axios imports at start-up but the CLI never or rarely uses, swapped (for axios's
// imports only) for the stand-ins in src/cli/bundle-shims, each of which says why.
const AXIOS_SHIMS = ['form-data', 'follow-redirects', 'https-proxy-agent', 'http2', 'https', 'crypto'];
const axiosShims = {
  name: 'axios-shims',
  setup(b) {
    const filter = new RegExp(`^(${AXIOS_SHIMS.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}axios${path.sep}`)
        ? { path: path.resolve(ROOT, 'src/cli/bundle-shims', `${args.path}.ts`) }
        : undefined,
    );
  },
};

/**
 * Builds the CLI to `outfile`. `transformBundle` rewrites the inner bundle's text before
 * it is embedded: only test/integration/cli-bundle.test.ts uses it, to make two builds
 * that differ in code but not in length.
 */
export async function buildCli({ outfile = 'out/cli/plex-signin.cjs', transformBundle = (text) => text } = {}) {
  const inner = await build({
    ...common,
    entryPoints: ['src/cli/bin.ts'],
    write: false,
    outfile: 'plex-signin-bundle.js',
    plugins: [axiosShims],
    legalComments: 'eof',
  });
  const text = transformBundle(inner.outputFiles[0].text);
  // Names the launcher's V8 code cache: V8 checks only a cached script's length, so any
  // change to the code must change the cache's name (see src/cli/launcher.ts).
  const contentHash = createHash('sha256').update(text).digest('hex').slice(0, 16);

  // The launcher runs the bundle in a vm.Script, which has no loader for import().
  if (/\bimport\(/.test(text)) {
    throw new Error('The CLI bundle uses dynamic import(), which cannot run in its vm.Script; use require().');
  }

  await build({
    ...common,
    entryPoints: ['src/cli/launcher.ts'],
    outfile: path.resolve(ROOT, outfile),
    banner: { js: '#!/usr/bin/env node' },
    plugins: [
      {
        name: 'cli-bundle-text',
        setup(b) {
          b.onResolve({ filter: /^virtual:cli-bundle$/ }, () => ({ path: 'cli-bundle', namespace: 'cli-bundle' }));
          b.onLoad({ filter: /.*/, namespace: 'cli-bundle' }, () => ({
            contents: `export default ${JSON.stringify(text)};\nexport const contentHash = ${JSON.stringify(contentHash)};\n`,
            loader: 'js',
          }));
        },
      },
    ],
  });
  // The package's `bin`: runnable as ./out/cli/plex-signin.cjs, and as `plex-signin` once
  // installed (npm also marks bins executable, but a clone's build should run as is).
  fs.chmodSync(path.resolve(ROOT, outfile), 0o755);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await buildCli();
