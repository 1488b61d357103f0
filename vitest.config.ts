import { defineConfig } from 'vitest/config';

// One config, one project per package. E2E has its own config (e2e/vitest.config.ts)
// because it needs Chromium and a running stack.
const node = (name: string) => ({
  extends: true as const,
  test: { name, environment: 'node' as const, include: [`packages/${name}/src/**/*.test.ts`] },
});

export default defineConfig({
  test: {
    projects: [
      node('protocol'),
      node('server'),
      node('backend'),
      node('testing'),
      node('core'),
      {
        extends: true,
        test: { name: 'react', environment: 'jsdom', include: ['packages/react/src/**/*.test.{ts,tsx}', 'packages/themes/src/**/*.test.{ts,tsx}'] },
      },
    ],
    passWithNoTests: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
