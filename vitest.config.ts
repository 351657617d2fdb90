import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/postgres-setup.ts'],
    // Loading the embedding model and SQLite per file is real I/O; give slow machines room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most suites wait on child processes (ingest runs, bots, the Discord stand-in) as much as they compute:
    // two files at a time took the whole suite from about 15 minutes to 11 on 2 cores (vitest's default is
    // one fewer worker than cores, so one file at a time there).
    maxWorkers: 2,
  },
});
