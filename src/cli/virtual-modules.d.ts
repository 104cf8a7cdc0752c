// Provided at build time by scripts/build-cli.mjs: the CLI bundle's source text, and a
// hash of it that names its V8 code cache.
declare module 'virtual:cli-bundle' {
  const source: string;
  export default source;
  export const contentHash: string;
}
