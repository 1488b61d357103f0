import type { Meta, StoryObj } from '@storybook/react-vite';
import { signedInAs, usherStory } from '../../stories-support/usher-story.ts';
import { UserAvatar } from './UserAvatar.tsx';

const meta = {
  title: 'Components/UserAvatar',
  component: UserAvatar,
} satisfies Meta<typeof UserAvatar>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The signed-in user's default marble: the same picture the server's avatar URL draws. */
export const Marble: Story = usherStory({ seed: signedInAs() });

/** An instance whose branding draws initials. */
export const Initials: Story = usherStory({ seed: signedInAs(), mock: { instanceConfig: { branding: { defaultAvatar: 'initials' } } } });
