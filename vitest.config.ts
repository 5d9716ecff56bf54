import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // Unit tests run the server modules directly in Node, outside React's server build.
      'server-only': path.resolve(__dirname, 'tests/fixtures/server-only-stub.ts'),
      '@': path.resolve(__dirname),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One test file per core, not Vitest's default of one fewer: the files wait on their
    // databases and the command-line tools they start much of the time (two cores: 227 -> 159 s).
    maxWorkers: availableParallelism(),
  },
});
