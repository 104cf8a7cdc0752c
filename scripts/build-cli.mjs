// Builds the CLI into one self-contained file, out/cli/plex-signin.cjs, in two steps:
// 1. src/cli/bin.ts and everything it uses, bundled and minified, as text;
// 2. src/cli/launcher.ts with that text inside, which runs it through V8's code cache.
// One file and a warm code cache are what keep start-up close to a bare Node script
// (`npm run bench` measures it).
import path from 'node:path';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'warning' };

// What axios imports at start-up but the CLI never or rarely uses, swapped (for axios's
// imports only) for the stand-ins in src/cli/bundle-shims, each of which says why.
const AXIOS_SHIMS = ['form-data', 'follow-redirects', 'https-proxy-agent', 'http2', 'https', 'crypto'];
const axiosShims = {
  name: 'axios-shims',
  setup(b) {
    const filter = new RegExp(`^(${AXIOS_SHIMS.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}axios${path.sep}`)
        ? { path: path.resolve('src/cli/bundle-shims', `${args.path}.ts`) }
        : undefined,
    );
  },
};

const inner = await build({
  ...common,
  entryPoints: ['src/cli/bin.ts'],
  write: false,
  outfile: 'plex-signin-bundle.js',
  plugins: [axiosShims],
  legalComments: 'eof',
});

// The launcher runs the bundle in a vm.Script, which has no loader for import().
if (/\bimport\(/.test(inner.outputFiles[0].text)) {
  throw new Error('The CLI bundle uses dynamic import(), which cannot run in its vm.Script; use require().');
}

await build({
  ...common,
  entryPoints: ['src/cli/launcher.ts'],
  outfile: 'out/cli/plex-signin.cjs',
  banner: { js: '#!/usr/bin/env node' },
  plugins: [
    {
      name: 'cli-bundle-text',
      setup(b) {
        b.onResolve({ filter: /^virtual:cli-bundle$/ }, () => ({ path: 'cli-bundle', namespace: 'cli-bundle' }));
        b.onLoad({ filter: /.*/, namespace: 'cli-bundle' }, () => ({
          contents: inner.outputFiles[0].text,
          loader: 'text',
        }));
      },
    },
  ],
});
