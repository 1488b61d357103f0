import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { seedSocialProviders, type StoryProvider } from '../../stories-support/social-providers.ts';
import { usherStory } from '../../stories-support/usher-story.ts';
import { SignInInternal } from './SignIn.tsx';

const meta = {
  title: 'Components/SignIn/Social',
  component: SignInInternal,
  args: { routing: 'virtual' },
} satisfies Meta<typeof SignInInternal>;
export default meta;

type Story = StoryObj<typeof meta>;

const TWO: StoryProvider[] = ['google', 'github'];
const FOUR: StoryProvider[] = ['google', 'github', 'microsoft', 'apple'];
const withProviders = (providers: readonly StoryProvider[]) => usherStory({ seed: ({ mock }) => seedSocialProviders(mock, providers) }).parameters;

/** Two providers (auto): full-width "Continue with …" buttons above the form, "or" between. */
export const SocialTopBlock: Story = { parameters: withProviders(TWO) };

/** Two providers, placed below the form. */
export const SocialBottomBlock: Story = { parameters: withProviders(TWO), args: { appearance: { layout: { socialButtonsPlacement: 'bottom' } } } };

/** Four providers (auto): a row of icon buttons, each named "Continue with …". */
export const SocialAuto: Story = { parameters: withProviders(FOUR) };

/** Four icon buttons below the form. */
export const SocialBottomIcons: Story = { parameters: withProviders(FOUR), args: { appearance: { layout: { socialButtonsPlacement: 'bottom' } } } };

/** Icon buttons forced for two providers. */
export const SocialTopIcons: Story = { parameters: withProviders(TWO), args: { appearance: { layout: { socialButtonsVariant: 'iconButton' } } } };

/** Block buttons forced for five providers, one without a built-in icon (its first letter). */
export const SocialBlockFive: Story = { parameters: withProviders([...FOUR, 'acme']), args: { appearance: { layout: { socialButtonsVariant: 'blockButton' } } } };

/** A provider without a built-in icon, as an icon button: the first letter of its name. */
export const SocialLetterIcon: Story = { parameters: withProviders(['acme', 'google', 'github']) };

/** A provider that cannot be reached (a closed port): the card's alert says so, the buttons work again. */
export const SocialProviderUnreachable: Story = usherStory<Story>(
  {
    seed: async ({ mock }) => {
      const key = await mock.createSecretKey('stories');
      await mock.app.fetch(
        new Request(`${mock.origin}/backend/v1/oauth_providers/broken`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ preset: 'oidc', name: 'Broken ID', issuer: 'http://127.0.0.1:9', client_id: 'story', client_secret: 'story-secret' }),
        }),
      );
    },
  },
  {
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await userEvent.click(await canvas.findByRole('button', { name: 'Continue with Broken ID' }));
      await expect(await canvas.findByText(/could not be reached/, {}, { timeout: 10_000 })).toBeTruthy();
    },
  },
);
