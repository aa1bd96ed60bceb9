import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // End-to-end tests spawn the CLI; two cores on CI.
    maxWorkers: 2,
  },
});
