// Builds the Electron shell (main, preload) from src-main/electron and the Svelte renderer from src-renderer.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      lib: { entry: { index: resolve('src-main/electron/main.ts') } },
    },
  },
  preload: {
    build: {
      lib: { entry: { index: resolve('src-main/electron/preload.ts') } },
      rollupOptions: {
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [svelte({ configFile: resolve('svelte.config.js') })],
    build: {
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
