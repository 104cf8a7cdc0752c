import { execFileSync } from 'node:child_process';

// Vitest global setup: the CLI tests run the bundled file as a real process, so build it
// first (esbuild, well under a second).
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
