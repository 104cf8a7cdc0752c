import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// main and preload are CommonJS (a sandboxed preload cannot load ESM). electron-store is
// ESM-only, so it is bundled into main; the sandboxed preload must be one self-contained
// file, so nothing is external there.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['electron-store'] },
      rollupOptions: { input: { index: 'src/main/index.ts' } },
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
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: { input: { index: 'src/renderer/index.html' } },
    },
  },
});
