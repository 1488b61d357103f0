import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { seedExternalAccount, seedSocialProviders } from '../../stories-support/social-providers.ts';
import { usherStory, type UsherStorySeedContext } from '../../stories-support/usher-story.ts';
import { UserProfileInternal } from './UserProfile.tsx';

const meta = {
  title: 'Components/UserProfile/ConnectedAccounts',
  component: UserProfileInternal,
  args: { routing: 'virtual' },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof UserProfileInternal>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Ada signed in on an instance offering Google and GitHub; `google`: her Google account is connected. */
const seedAda =
  (options: { google?: boolean; passwordless?: boolean } = {}) =>
  async ({ mock, seedUser, signIn }: UsherStorySeedContext) => {
    await seedSocialProviders(mock, ['google', 'github']);
    const ada = await seedUser();
    await signIn(ada);
    if (options.google) await seedExternalAccount(mock, ada.id, { provider: 'google', email: 'ada.lovelace@gmail.example' });
    // An account that only ever signed in with Google.
    if (options.passwordless) await mock.store.updateUser(ada.id, { passwordHash: null }, Date.now());
  };

const page = () => within(document.body);

/** No account connected yet: "Connect account" lists the instance's providers. */
export const None: Story = usherStory({ seed: seedAda() });

/** The "Connect account" menu open. */
export const ConnectMenu: Story = usherStory<Story>(
  { seed: seedAda() },
  {
    play: async ({ canvasElement }) => {
      await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Connect account' }));
      await expect(await page().findByRole('menuitem', { name: 'Connect GitHub' })).toBeTruthy();
    },
  },
);

/** Google connected (icon, provider, the account's address); GitHub can still be connected. */
export const OneConnected: Story = usherStory({ seed: seedAda({ google: true }) });

/** "Disconnect" asks first; focus starts on Cancel. */
export const DisconnectConfirm: Story = usherStory<Story>(
  { seed: seedAda({ google: true }) },
  {
    play: async ({ canvasElement }) => {
      await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Actions for Google' }));
      await userEvent.click(await page().findByRole('menuitem', { name: 'Disconnect' }));
      await expect(await within(canvasElement).findByRole('form', { name: 'Disconnect Google' })).toBeTruthy();
    },
  },
);

/** The only way into the account (no password, no email codes here): the server refuses, the alert says why. */
export const LastWayIn: Story = usherStory<Story>(
  { seed: seedAda({ google: true, passwordless: true }), mock: { instanceConfig: { attributes: { emailAddress: { firstFactors: [] } } } } },
  {
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await userEvent.click(await canvas.findByRole('button', { name: 'Actions for Google' }));
      await userEvent.click(await page().findByRole('menuitem', { name: 'Disconnect' }));
      await userEvent.click(within(await canvas.findByRole('form', { name: 'Disconnect Google' })).getByRole('button', { name: 'Disconnect' }));
      await expect(await canvas.findByText(/This is your only way to sign in/)).toBeTruthy();
    },
  },
);
