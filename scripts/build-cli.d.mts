// Types for scripts/build-cli.mjs, so the test that rebuilds the CLI (test/integration/cli-bundle.test.ts) is typed.

export function buildCli(options?: {
  /** Where to write the CLI, relative to the repository (default out/cli/plex-signin.cjs). */
  outfile?: string;
  /** Rewrites the inner bundle's text before it is embedded. */
  transformBundle?: (text: string) => string;
}): Promise<void>;
