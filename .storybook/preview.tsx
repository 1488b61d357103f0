import type { Decorator, Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { UsherProvider } from '@usher/react';
import { prepareUsherStory } from '../packages/react/src/stories-support/prepare-usher-story.ts';
import { STORY_THEME_NAMES, STORY_VARIABLE_PRESET_NAMES, storyAppearance } from '../packages/react/src/stories-support/story-themes.ts';

/**
 * Every story gets its own instance of the real server app (MSW worker → createUsherApp on a
 * memory store), seeded by the story's `parameters.usher` (see `usherStory()`), and an SDK in
 * bearer mode that is loaded before the first frame.
 */
const withUsher: Decorator = (Story, context) => (
  // Keyed by preparation: a re-seeded story (args or globals changed) gets a fresh provider.
  // The toolbar's theme (and variables preset) is the provider's appearance, below any appearance a
  // story passes itself.
  <UsherProvider key={context.usher.id} usher={context.usher.usher} appearance={storyAppearance(context.globals.theme, context.globals.variables)}>
    <Story />
  </UsherProvider>
);

const preview: Preview = {
  // Starts the MSW worker once (served from staticDirs) and resets its handlers for each story.
  loaders: [mswLoader()],
  // After the loaders: the worker exists, so the story's mock can be installed and seeded.
  beforeEach: async (context) => {
    const prepared = await prepareUsherStory(context.msw, context.parameters.usher);
    context.usher = prepared;
    return () => prepared.dispose();
  },
  decorators: [withUsher],
  globalTypes: {
    theme: {
      description: 'Usher base theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: STORY_THEME_NAMES.map((value) => ({ value, title: value })),
        dynamicTitle: true,
      },
    },
    variables: {
      description: 'appearance.variables preset over the theme',
      toolbar: {
        title: 'Variables',
        icon: 'mirror',
        items: STORY_VARIABLE_PRESET_NAMES.map((value) => ({ value, title: value })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'default', variables: 'none' },
  parameters: {
    layout: 'centered',
    // The same rules as the CI check (e2e/storybook-a11y.e2e.test.ts): WCAG 2.0/2.1/2.2 A and AA.
    a11y: {
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
      test: 'error',
    },
  },
};

export default preview;
