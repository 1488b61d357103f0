import type { Meta, StoryObj } from '@storybook/react-vite';
import { signedInAs, usherStory, type UsherStoryOptions } from '../../stories-support/usher-story.ts';
import { UserButton } from './UserButton.tsx';

const meta = {
  title: 'Components/UserButton',
  component: UserButton,
} satisfies Meta<typeof UserButton>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Ada and Grace signed in on one browser of a multi-session instance; Grace is active. */
const twoAccounts: UsherStoryOptions = {
  mock: { instanceConfig: { sessions: { singleSessionMode: false } } },
  seed: async ({ seedUser, signIn }) => {
    await signIn(await seedUser());
    await signIn(await seedUser({ email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper' }));
  },
};

/** Ada signed in; no uploaded picture, so the instance's default marble (drawn in the page). */
export const SignedIn: Story = usherStory({ seed: signedInAs() });

/** An instance whose branding draws initials instead of a marble. */
export const Initials: Story = usherStory({ seed: signedInAs(), mock: { instanceConfig: { branding: { defaultAvatar: 'initials' } } } });

/** `showName`: the name beside the avatar. */
export const WithName: Story = usherStory<Story>({ seed: signedInAs() }, { args: { showName: true } });

/** The menu open (`defaultOpen`): who is signed in, and "Sign out". */
export const Open: Story = usherStory<Story>({ seed: signedInAs() }, { args: { defaultOpen: true } });

/** A user without a name: the username would stand in; here the email address does. */
export const OpenWithoutName: Story = usherStory<Story>({ seed: signedInAs({ email: 'grace@example.com', firstName: undefined, lastName: undefined }) }, { args: { defaultOpen: true } });

/** Multi-session: the other account to switch to, and "Sign out of all accounts". */
export const MultiSessionOpen: Story = usherStory<Story>(twoAccounts, { args: { defaultOpen: true, showName: true } });
