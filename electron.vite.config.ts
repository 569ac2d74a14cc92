// Three builds: main (ESM, Node), preload (CJS — a sandboxed preload cannot be ESM), renderer (one page
// per window: panel, popup, conference). The renderer bundles Preact with Vite's Oxc JSX transform.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  main: {
    // A release may carry its Webex integration's client id (SWITCHBOARD_WEBEX_CLIENT_ID at build time).
    define: { __SWITCHBOARD_WEBEX_CLIENT_ID__: JSON.stringify(process.env.SWITCHBOARD_WEBEX_CLIENT_ID ?? '') },
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(root, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only electron: the contract's zod is bundled in.
      externalizeDeps: { exclude: ['zod'] },
      minify: true,
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      // Small pages load fast when the popup has to appear: minify (electron-vite leaves the renderer unminified).
      minify: true,
      rollupOptions: {
        input: {
          panel: resolve(root, 'src/renderer/panel.html'),
          popup: resolve(root, 'src/renderer/popup.html'),
          conference: resolve(root, 'src/renderer/conference.html'),
        },
      },
    },
  },
});
