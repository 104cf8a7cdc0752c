// Provided at build time by scripts/build-cli.mjs: the CLI bundle's source text.
declare module 'virtual:cli-bundle' {
  const source: string;
  export default source;
}
