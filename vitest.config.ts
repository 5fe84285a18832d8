import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // One worker runs file after file instead of a fresh one per file: starting a worker and its
    // environment cost ~4 s a file on two cores, more than most files take to run.
    isolate: false,
    // The machine is two cores shared with a build and a browser: a test that takes 5 s alone
    // can take three times that, and that is not a failure.
    testTimeout: 30_000,
  },
});
