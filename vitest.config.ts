import { defineConfig } from 'vitest/config';

// Unit tests: pure core and extension logic in Node. Real-browser tests live in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'extension/**/*.test.{ts,tsx}', 'widget/**/*.test.{ts,tsx}', 'collector/**/*.test.ts', 'test/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Every language's messages for translate() (the book page loads only the seller's: i18n/load-catalog.ts).
    setupFiles: ['./extension/i18n/catalogs.ts'],
    // Vitest's 5 s default is a wall-clock limit: property tests that take about 2 s alone (the engine's, the id
    // index's) ran past it on a 2-core machine with other work beside them. A stall still fails, later.
    testTimeout: 30_000,
  },
});
