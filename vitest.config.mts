import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Against an external fake (PLEX_FAKE_URL) every file shares one server and its
// per-address lock-out counter, so files must take turns.
const externalFake = Boolean(process.env.PLEX_FAKE_URL);

export default defineConfig({
  resolve: {
    // Safety net: code under test must never load Electron (no binary on CI machines).
    alias: { electron: fileURLToPath(new URL('./test/support/electron-stub.ts', import.meta.url)) },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'testing/**/*.test.ts'],
    globalSetup: ['test/support/build-cli.ts'],
    fileParallelism: !externalFake,
    // The JSON report feeds the one-line summary that .ci/run prints.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
