// Bundles the CLI into one self-contained file, out/cli/plex-signin.cjs: one file to
// read and compile is what keeps its start-up close to a bare Node script.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'out/cli/plex-signin.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
