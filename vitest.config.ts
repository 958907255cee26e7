import { defineConfig } from 'vitest/config';

// Three tiers (ARCHITECTURE.md §4):
//   unit         src/**/*.test.ts          pure rules, no database
//   integration  src/**/*.int.test.ts      app.inject against a real database (PostgreSQL when
//                                          TEST_DATABASE_URL is set: one fresh database per file)
//   e2e          tests/e2e/**/*.e2e.test.ts Playwright (playwright-core) in /usr/bin/chromium
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time keeps the 2-core CI machine from timing out.
          fileParallelism: false,
          retry: 0,
        },
      },
    ],
  },
});
