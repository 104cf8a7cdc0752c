import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * `electron-vite dev` only: Vite's dev server injects inline scripts and styles that the
 * page's strict CSP meta tag forbids, so the tag is dropped while serving; main sends the
 * dev policy as a header instead. Built pages keep the tag untouched.
 */
const devServerCsp: Plugin = {
  name: 'dev-server-csp',
  apply: 'serve',
  transformIndexHtml: (html: string) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i, ''),
};

// main and preload are CommonJS (a sandboxed preload cannot load ESM); the sandboxed
// preload must be one self-contained file, so nothing is external there.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: 'src/main/electron/index.ts' } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: 'src/preload/index.ts' } },
    },
  },
  // The renderer is written against React's API and types (@types/react) but runs on
  // Preact through preact/compat: the same components, a runtime a tenth of React's size,
  // so the window takes input sooner (issue 14, `npm run bench:renderer`). JSX compiles to
  // preact/compat's automatic runtime; every React entry point the source imports is aliased.
  renderer: {
    root: 'src/renderer',
    plugins: [devServerCsp],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact/compat' } },
    resolve: {
      alias: [
        { find: /^react$/, replacement: 'preact/compat' },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/compat/jsx-$1runtime' },
      ],
    },
    build: {
      minify: true,
      rollupOptions: { input: { index: 'src/renderer/index.html' } },
    },
  },
});
