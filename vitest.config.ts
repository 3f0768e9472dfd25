import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{core,connectors,db,workers,admin-app}/src/**/*.test.ts', 'tests/lint/**/*.test.ts', 'tests/contract/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database; two at once suit a 2-core machine.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts', 'tests/support/build-admin-app.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One headless Chromium at a time on a 2-core machine.
          maxWorkers: 1,
        },
      },
    ],
  },
});
