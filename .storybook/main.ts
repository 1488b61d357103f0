import type { StorybookConfig } from '@storybook/react-vite';

// Stories live next to the components. The MSW worker script (`public/mockServiceWorker.js`) is
// committed; regenerate it after an msw upgrade with `pnpm exec msw init .storybook/public --no-save`.
const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../packages/react/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', 'msw-storybook-addon'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
