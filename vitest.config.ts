import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{core,connectors,db,workers,admin-app}/src/**/*.test.ts', 'extensions/*/src/**/*.test.ts', 'tests/lint/**/*.test.ts', 'tests/contract/**/*.test.ts'],
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
          // The admin app and the widget bundle are built first when missing or older than their sources.
          globalSetup: ['tests/support/global-setup.ts', 'tests/support/build-admin-app.ts', 'tests/support/widgets-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Pages wait on workers (preflight, thumbnails): a loaded CI machine needs more than the 1 s default.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          // One headless Chromium at a time on a 2-core machine.
          maxWorkers: 1,
        },
      },
    ],
  },
});
