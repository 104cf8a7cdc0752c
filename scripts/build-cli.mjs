// Bundles the CLI into one self-contained file, out/cli/plex-signin.cjs: one file to
// read and compile is what keeps its start-up close to a bare Node script.
import { build } from 'esbuild';

// axios dependencies the CLI never exercises, swapped for small stand-ins (each says why).
const shims = {
  'form-data': './src/cli/bundle-shims/form-data.ts',
  'follow-redirects': './src/cli/bundle-shims/follow-redirects.ts',
};

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'out/cli/plex-signin.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  alias: shims,
  legalComments: 'linked',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
