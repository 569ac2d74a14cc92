import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Renderer tests opt into happy-dom with a `// @vitest-environment happy-dom` docblock.
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores. No test depends on the machine's speed (time is faked where it is the subject, and
    // waits on real I/O are generous: test/support/eventually.ts, test/setup-async-waits.ts).
    maxWorkers: 2,
    // The fake electron module for every test; the shell and the preload cannot load the real one here.
    setupFiles: ['test/setup-electron.ts', 'test/setup-async-waits.ts'],
    // Deps that import electron themselves must go through vitest so the fake reaches them.
    server: { deps: { inline: ['electron-store'] } },
  },
});
