import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in Debian's Chromium, host sites routed to committed fixtures.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts', 'widget/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser at a time: the machine has two cores and each Chromium wants both.
    fileParallelism: false,
  },
});
