import { defineConfig } from 'vitest/config';

// Two projects, both run by `pnpm test:e2e`: the flows drive the dev stack (started by the global
// setup), the Storybook checks (axe, appearance) serve the static build themselves and need no stack.
const shared = {
  root: import.meta.dirname,
  environment: 'node' as const,
  testTimeout: 90_000,
  hookTimeout: 120_000,
  fileParallelism: false,
};

export default defineConfig({
  test: {
    // One file at a time across both projects: two Chromiums on a 2-core runner slow each other down.
    fileParallelism: false,
    projects: [
      { test: { ...shared, name: 'e2e', include: ['**/*.e2e.test.ts'], exclude: ['**/node_modules/**', 'storybook-*.e2e.test.ts'], globalSetup: ['./stack.ts'] } },
      { test: { ...shared, name: 'storybook', include: ['storybook-*.e2e.test.ts'] } },
    ],
  },
});
