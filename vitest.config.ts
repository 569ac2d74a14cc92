import { defineConfig } from 'vitest/config';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Renderer tests opt into happy-dom with a `// @vitest-environment happy-dom` docblock.
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores: keep the pool small so loopback timing stays honest.
    maxWorkers: 2,
  },
});
