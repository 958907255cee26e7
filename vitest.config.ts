import { defineConfig } from 'vitest/config';

// Three tiers (ARCHITECTURE.md §4):
//   unit         src/**/*.test.ts          pure rules, no database
//   integration  src/**/*.int.test.ts      app.inject against a real database (PostgreSQL when
//                                          TEST_DATABASE_URL is set: one fresh database per file)
//   e2e          tests/e2e/**/*.e2e.test.ts Playwright (playwright-core) in /usr/bin/chromium
//
// Tests run in a random order (files, and tests within each file), so that one test never lives off
// another's leftovers: each test sets up its own data and passes alone and in any order. Vitest
// prints the seed ("Running tests with seed …"); rerun a failing order with
// `npx vitest run --sequence.seed=<seed>` (same files and project filters), or in file order with
// `--sequence.shuffle=false`. Vitest 4 takes this setting for all projects from the root (a
// `sequence` inside a project is ignored), so the few end-to-end tests that must keep their order
// opt out in their file with `describe(…, { shuffle: false }, …)`, saying why.
export default defineConfig({
  test: {
    sequence: { shuffle: true },
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
          // One browser at a time keeps the 2-core CI machine from timing out; and the browser
          // tests start once the unit and integration files are done (the group after theirs):
          // run beside them, Chromium, its server and their databases fought over the two cores
          // and the suite took 16 minutes instead of 10.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          retry: 0,
        },
      },
    ],
  },
});
