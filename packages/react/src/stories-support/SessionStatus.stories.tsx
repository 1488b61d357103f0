import type { Meta, StoryObj } from '@storybook/react-vite';
import { SessionStatus } from './SessionStatus.tsx';
import { signedInAs, usherStory } from './usher-story.ts';

const meta = {
  title: 'Support/SessionStatus',
  component: SessionStatus,
} satisfies Meta<typeof SessionStatus>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The SDK's requests are held: `isLoaded` stays false. */
export const Loading: Story = usherStory({ network: 'held' });

/** A fresh instance with nobody signed in. */
export const SignedOut: Story = usherStory();

/** Ada signed in through the real sign-in endpoint before render. */
export const SignedIn: Story = usherStory({ seed: signedInAs() });

/** A user without a name: the email address stands in. */
export const SignedInWithoutName: Story = usherStory({
  seed: async ({ seedUser, signIn }) => {
    await signIn(await seedUser({ email: 'grace@example.com', firstName: undefined, lastName: undefined }));
  },
});
