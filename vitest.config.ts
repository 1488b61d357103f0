import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One config, one project per package. E2E has its own config (e2e/vitest.config.ts)
// because it needs Chromium and a running stack.
const node = (name: string) => ({
  extends: true as const,
  test: { name, environment: 'node' as const, include: [`packages/${name}/src/**/*.test.ts`] },
});

// @usher/react's peer range includes React 18: the react18 project runs the same component
// tests against the copies installed in compat/react18 (a separate workspace package, so
// react-dom 18 really gets react 18 and no second copy of React is loaded).
const react18 = (name: string) => fileURLToPath(new URL(`./compat/react18/node_modules/${name}`, import.meta.url));

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
        test: {
          name: 'react',
          environment: 'jsdom',
          include: ['packages/react/src/**/*.test.{ts,tsx}', 'packages/themes/src/**/*.test.{ts,tsx}'],
          setupFiles: ['packages/react/vitest.setup.ts'],
        },
      },
      {
        extends: true,
        resolve: {
          alias: {
            react: react18('react'),
            'react-dom': react18('react-dom'),
            '@testing-library/react': react18('@testing-library/react'),
            'boring-avatars': react18('boring-avatars'),
          },
        },
        test: {
          name: 'react18',
          environment: 'jsdom',
          include: ['packages/react/src/{control,hooks,ssr,primitives,appearance,localization,router,provider,components}/**/*.test.{ts,tsx}'],
          setupFiles: ['packages/react/vitest.setup.ts'],
          env: { USHER_EXPECT_REACT_MAJOR: '18' },
        },
      },
    ],
    passWithNoTests: false,
    // Two cores: one worker (the default here) leaves one idle for most of the run.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
