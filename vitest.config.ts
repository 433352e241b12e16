import { defineConfig } from 'vitest/config';

// Unit tests: pure core and extension logic in Node. Real-browser tests live in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'extension/**/*.test.{ts,tsx}', 'widget/**/*.test.{ts,tsx}', 'collector/**/*.test.ts', 'test/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
