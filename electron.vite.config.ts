import react from '@vitejs/plugin-react';
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
  renderer: {
    root: 'src/renderer',
    plugins: [react(), devServerCsp],
    build: {
      minify: true,
      rollupOptions: { input: { index: 'src/renderer/index.html' } },
    },
  },
});
