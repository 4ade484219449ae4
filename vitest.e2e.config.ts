import { defineConfig } from 'vitest/config';

// Real headless Chromium and Firefox driving the built extension (see tests/e2e/README.md). One browser at a time: 2 cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
