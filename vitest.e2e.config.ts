import { defineConfig } from 'vitest/config';

// End-to-end: the built extension in Debian's Chromium, host sites routed to committed fixtures.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts', 'widget/e2e/**/*.e2e.ts'],
    environment: 'node',
    // Every language's messages for translate() (the book page loads only the seller's: i18n/load-catalog.ts).
    setupFiles: ['./extension/i18n/catalogs.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // UI state is always read through expect.poll or locator waits. Vitest's default 1 s is too short on a busy
    // 2-core machine (a fresh browser's first frame load took longer); a state that never comes still fails.
    expect: { poll: { timeout: 15_000 } },
    // One browser at a time: the machine has two cores and each Chromium wants both.
    fileParallelism: false,
  },
});
