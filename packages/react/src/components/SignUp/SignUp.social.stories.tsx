import type { Meta, StoryObj } from '@storybook/react-vite';
import { seedSocialProviders, type StoryProvider } from '../../stories-support/social-providers.ts';
import { STORY_PASSWORD, usherStory, type UsherStoryOptions } from '../../stories-support/usher-story.ts';
import { SignUpInternal } from './SignUp.tsx';

const meta = {
  title: 'Components/SignUp/Social',
  component: SignUpInternal,
  args: { routing: 'virtual' },
} satisfies Meta<typeof SignUpInternal>;
export default meta;

type Story = StoryObj<typeof meta>;

const TWO: StoryProvider[] = ['google', 'github'];
const FOUR: StoryProvider[] = ['google', 'github', 'microsoft', 'apple'];
const withProviders = (providers: readonly StoryProvider[], mock?: UsherStoryOptions['mock']) => usherStory({ mock, seed: ({ mock: m }) => seedSocialProviders(m, providers) }).parameters;

/** Two providers (auto): full-width buttons above the form. */
export const SocialTopBlock: Story = { parameters: withProviders(TWO) };

/** Four providers as icon buttons below the form. */
export const SocialBottomIcons: Story = { parameters: withProviders(FOUR), args: { appearance: { layout: { socialButtonsPlacement: 'bottom' } } } };

/** Four providers (auto): a row of icon buttons above the form. */
export const SocialAuto: Story = { parameters: withProviders(FOUR) };

/** Two block buttons below the form. */
export const SocialBottomBlock: Story = { parameters: withProviders(TWO), args: { appearance: { layout: { socialButtonsPlacement: 'bottom' } } } };

const USERNAME_AND_CONSENT = {
  instanceConfig: {
    attributes: { username: { enabled: true, required: true } },
    signUp: { legalConsentEnabled: true },
    branding: { termsUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' },
  },
};

/**
 * The continue step (where a provider's return leads when the instance needs more): only the
 * missing fields, here a username and legal consent; no password.
 */
export const ContinueMissingFields: Story = {
  parameters: withProviders(TWO, USERNAME_AND_CONSENT),
  args: { initialRoute: 'continue' },
  beforeEach: async ({ usher }) => {
    await usher.usher.signUp.create({ emailAddress: 'ada@example.com', password: STORY_PASSWORD });
  },
};
