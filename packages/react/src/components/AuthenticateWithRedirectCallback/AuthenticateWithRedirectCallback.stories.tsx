import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { signedInAs, usherStory } from '../../stories-support/usher-story.ts';
import { AuthenticateWithRedirectCallback } from './AuthenticateWithRedirectCallback.tsx';

const meta = {
  title: 'Components/AuthenticateWithRedirectCallback',
  component: AuthenticateWithRedirectCallback,
} satisfies Meta<typeof AuthenticateWithRedirectCallback>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Opens the story's page as a provider's return would (`?__usher_oauth=`), and puts the address back after. */
const openedWith =
  (answer: string | null): Story['beforeEach'] =>
  () => {
    const original = window.location.href;
    const url = new URL(original);
    if (answer !== null) url.searchParams.set('__usher_oauth', answer);
    window.history.replaceState(window.history.state, '', url.href);
    return () => window.history.replaceState(window.history.state, '', original);
  };

/** The SDK's requests are held: "Signing you in…", a polite status, for as long as the server takes. */
export const Loading: Story = { ...usherStory({ network: 'held' }), beforeEach: openedWith('code=abc&state=oat_x.y') };

/** An answer the server does not know (expired, used, forged): the reason and "Back to sign in". */
export const InvalidAnswer: Story = {
  ...usherStory(),
  beforeEach: openedWith('code=abc&state=oat_00000000000000000000000000000000000000000.x'),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toBeTruthy();
  },
};

/** The page opened without an answer at all. */
export const NoAnswer: Story = { ...usherStory(), beforeEach: openedWith(null) };

/** A signed-in user (connecting an account) whose return failed: "Back" instead of "Back to sign in". */
export const SignedInError: Story = {
  ...usherStory({ seed: signedInAs() }),
  beforeEach: openedWith('code=abc&state=nope'),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('link', { name: 'Back' })).toBeTruthy();
  },
};
