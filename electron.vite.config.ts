/**
 * Build of the three Electron parts (electron-vite 6):
 * - main:     electron/main/index.ts    -> out/main/index.js   (ESM; package deps stay external), and the
 *             export worker electron/services/interop/exportWorker.ts -> out/main/exportWorker.js
 * - preload:  electron/preload/index.ts -> out/preload/index.cjs (CommonJS with every dependency bundled,
 *             because a sandboxed preload can only require('electron'))
 * - renderer: renderer/index.html       -> out/renderer          (React; base './' so it works from app://;
 *             minified; panels the first paint does not show are chunks of their own, loaded with import())
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const at = (...parts: string[]) => resolve(root, ...parts);

export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      // The export and intake workers are entries of their own: worker threads run them beside the main bundle.
      lib: {
        entry: {
          index: at('electron/main/index.ts'),
          exportWorker: at('electron/services/interop/exportWorker.ts'),
          intakeWorker: at('electron/services/intake/intakeWorker.ts'),
        },
        formats: ['es'],
      },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      externalizeDeps: false,
      lib: { entry: at('electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    root: at('renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: at('out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; minified, the first script parses faster and stays well
      // under its 300 kB gzip budget as the app grows (npm run bench:bundle).
      minify: true,
      rolldownOptions: {
        input: at('renderer/index.html'),
        // Zod and the module that turns off its eval probe form one chunk, so the setting is made before any
        // other chunk builds a schema (the window's policy reports every eval as a violation). Every other
        // module the first paint needs is one chunk ('$initial'): two scripts to fetch instead of ten (the
        // shared pieces the lazy panels also import were chunks of their own).
        output: {
          codeSplitting: {
            groups: [
              { name: 'zod', test: /node_modules[\\/]zod[\\/]|zodWithoutEval/ },
              { name: 'app', tags: ['$initial'] },
            ],
          },
        },
      },
    },
  },
});
