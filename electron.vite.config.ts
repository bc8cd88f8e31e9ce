import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

const shared = { '@shared': resolve(__dirname, 'src/shared') };

export default defineConfig({
  main: {
    // tfjs-node is optional (its install downloads libtensorflow): keep it external so a missing copy fails
    // at run time, where the backend selection falls back to WASM, not at build time.
    build: {
      externalizeDeps: { include: ['@tensorflow/tfjs-node'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'training-worker': resolve(__dirname, 'src/main/core/training/thread/training-worker.ts'),
        },
      },
    },
    resolve: { alias: shared },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, output: { format: 'cjs' } },
      // A sandboxed preload cannot require node_modules: bundle everything it imports.
      externalizeDeps: false,
    },
    resolve: { alias: shared },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: { ...shared, '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [vue()],
    build: { minify: true, rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') } },
  },
});
