import type { Meta, StoryObj } from '@storybook/react-vite';
import { signedInAs, usherStory } from '../../stories-support/usher-story.ts';
import { UserProfileLink, UserProfilePage } from './custom-pages.tsx';
import { UserProfileInternal } from './UserProfile.tsx';

const meta = {
  title: 'Components/UserProfile',
  component: UserProfileInternal,
  args: { routing: 'virtual' },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof UserProfileInternal>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Ada's profile page: avatar and name, her primary email address. */
export const Account: Story = usherStory({ seed: signedInAs() });

/** A second, unverified address beside the primary one: its badge and its menu (verify, remove). */
export const WithUnverifiedEmail: Story = usherStory({
  seed: async ({ seedUser, signIn, mock }) => {
    const ada = await seedUser();
    await signIn(ada);
    const user = await mock.store.findUserByEmailAddress(ada.email);
    await mock.store.addEmailAddress({ id: `idn_${'0'.repeat(35)}1`, userId: user!.id, emailAddress: 'ada@work.example', verifiedAt: null, createdAt: Date.now() });
  },
});

/** An uploaded picture instead of the default avatar. */
export const WithImage: Story = usherStory({
  seed: async ({ seedUser, signIn, mock }) => {
    const ada = await seedUser();
    await signIn(ada);
    const user = await mock.store.findUserByEmailAddress(ada.email);
    await mock.store.updateUser(user!.id, { imageUrl: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 1 1%22%3E%3Crect width=%221%22 height=%221%22 fill=%22%234f46e5%22/%3E%3C/svg%3E' }, Date.now());
  },
});

/** The security page: password, this device, deleting the account. */
export const Security: Story = usherStory<Story>({ seed: signedInAs() }, { args: { initialRoute: 'security' } });

/** An instance that does not let users delete their account: no danger section. */
export const SecurityWithoutDeletion: Story = usherStory<Story>({ seed: signedInAs(), mock: { instanceConfig: { account: { deleteSelfEnabled: false } } } }, { args: { initialRoute: 'security' } });

/** The app's own page and link in the navigation (`<UserProfile.Page>`, `<UserProfile.Link>`), the page open. */
export const CustomPage: Story = usherStory<Story>(
  { seed: signedInAs() },
  {
    args: {
      initialRoute: 'billing',
      children: [
        <UserProfilePage key="billing" label="Billing" url="billing">
          <p>You are on the Pro plan, renewed every month.</p>
        </UserProfilePage>,
        <UserProfileLink key="help" label="Help center" url="/help" />,
      ],
    },
  },
);

/** An instance with phone numbers on: their section below the email addresses. */
export const WithPhoneNumbers: Story = usherStory({ seed: signedInAs(), mock: { instanceConfig: { attributes: { phoneNumber: { enabled: true } } } } });

/** Signed out: nothing renders. */
export const SignedOut: Story = usherStory();

/** While the SDK loads. */
export const Loading: Story = usherStory({ network: 'held' });
