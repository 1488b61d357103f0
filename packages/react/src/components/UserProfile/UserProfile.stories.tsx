import type { Meta, StoryObj } from '@storybook/react-vite';
import { signInClient } from '@usher/testing/browser';
import { expect, userEvent, within } from 'storybook/test';
import { codeForShownKey, enableTotp } from '../../stories-support/totp.ts';
import { signedInAs, STORY_PASSWORD, usherStory } from '../../stories-support/usher-story.ts';
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

/** Clicks a button by its name, then waits for `ready` to appear. */
const clickThen =
  (button: string, ready: string | RegExp): Story['play'] =>
  async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: button }));
    await expect(await canvas.findByText(ready)).toBeTruthy();
  };

/** "Update profile" open: image upload/remove and the name fields. */
export const EditProfile: Story = usherStory<Story>({ seed: signedInAs() }, { play: clickThen('Update profile', 'A square image works best; it is resized to 512 px.') });

/** "Add email address" open. */
export const AddEmailAddress: Story = usherStory<Story>({ seed: signedInAs() }, { play: clickThen('Add email address', 'You will need to verify this address before you can use it.') });

/** The code step after adding an address. */
export const VerifyEmailAddress: Story = usherStory<Story>(
  { seed: signedInAs() },
  {
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await userEvent.click(await canvas.findByRole('button', { name: 'Add email address' }));
      await userEvent.type(canvas.getByLabelText('Email address'), 'ada@work.example');
      await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
      await expect(await canvas.findByText('Enter the code sent to ada@work.example.')).toBeTruthy();
    },
  },
);

/** The last verification is 11 minutes old: adding an address first asks the user to confirm it is them. */
export const Reverification: Story = usherStory<Story>(
  {
    seed: async (context) => {
      await signedInAs()(context);
      context.mock.clock.advance(11 * 60_000);
    },
  },
  {
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await userEvent.click(await canvas.findByRole('button', { name: 'Add email address' }));
      await userEvent.type(canvas.getByLabelText('Email address'), 'ada@home.example');
      await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
      const prompt = await canvas.findByRole('region', { name: 'Confirm it’s you' });
      await expect(await within(prompt).findByLabelText('Password')).toBeTruthy();
    },
  },
);

/**
 * "Change password" open: current and new password, the strength meter (Ada's own name counts
 * against "lovelace1815"), the live rules, sign out of other devices.
 */
export const ChangePassword: Story = usherStory<Story>(
  { seed: signedInAs() },
  {
    args: { initialRoute: 'security' },
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await userEvent.click(await canvas.findByRole('button', { name: 'Change password' }));
      await expect(await canvas.findByText('Your password needs')).toBeTruthy();
      await userEvent.type(canvas.getByLabelText('New password'), 'lovelace1815');
      // The first estimate waits for the dictionaries, loaded when the field mounted.
      await expect(await canvas.findByText('Too easy to guess', {}, { timeout: 10_000 })).toBeTruthy();
      await expect(canvas.getByText('There should not be any personal or page related data.')).toBeTruthy();
    },
  },
);

/** A wrong current password: the message on its field. */
export const WrongCurrentPassword: Story = usherStory<Story>(
  { seed: signedInAs() },
  {
    args: { initialRoute: 'security' },
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await userEvent.click(await canvas.findByRole('button', { name: 'Change password' }));
      await userEvent.type(canvas.getByLabelText('Current password'), 'not my password');
      await userEvent.type(canvas.getByLabelText('New password'), 'a much newer passphrase');
      await userEvent.type(canvas.getByLabelText('Confirm password'), 'a much newer passphrase');
      await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
      await expect(await canvas.findByText('Your current password is not right. Try again.')).toBeTruthy();
    },
  },
);

/** Two devices: this browser and a phone, which can be signed out from here. */
export const TwoDevices: Story = usherStory<Story>(
  {
    seed: async ({ mock, seedUser, signIn }) => {
      const ada = await seedUser();
      await signInClient(mock, { identifier: ada.email, password: STORY_PASSWORD });
      await signIn(ada);
    },
  },
  { args: { initialRoute: 'security' } },
);

/** Deleting the account: the typed confirmation. */
export const DeleteAccountConfirm: Story = usherStory<Story>({ seed: signedInAs() }, { args: { initialRoute: 'security' }, play: clickThen('Delete account', /Type “Delete account” to confirm/) });

/** Phone numbers on, and SMS codes as a second factor (both off by default). */
const SMS_CODES = { instanceConfig: { attributes: { phoneNumber: { enabled: true } }, mfa: { phoneCode: true } } };

/** Two-step verification not set up yet: "Add authenticator app", and text message codes for her verified number. */
export const TwoStepOff: Story = usherStory<Story>(
  {
    mock: SMS_CODES,
    seed: async ({ mock, seedUser, signIn }) => {
      const ada = await seedUser();
      const id = `idn_${'0'.repeat(35)}1`;
      await mock.store.addPhoneNumber({ id, userId: ada.id, phoneNumber: '+15555550100', verifiedAt: null, reservedForSecondFactor: false, createdAt: Date.now() });
      await mock.store.verifyPhoneNumber(id, Date.now());
      await signIn(ada);
    },
  },
  {
    args: { initialRoute: 'security' },
    play: async ({ canvasElement }) => {
      const section = await within(canvasElement).findByRole('region', { name: 'Two-step verification' });
      await expect(within(section).getByRole('button', { name: 'Add authenticator app' })).toBeTruthy();
      await expect(within(section).getByRole('button', { name: 'Actions for +15555550100' })).toBeTruthy();
    },
  },
);

/** Setting up an authenticator app: the steps, the QR code (loaded on demand) and the key in blocks of 4. */
export const TotpSetup: Story = usherStory<Story>(
  { seed: signedInAs() },
  {
    args: { initialRoute: 'security' },
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await userEvent.click(await canvas.findByRole('button', { name: 'Add authenticator app' }));
      await expect(await canvas.findByRole('img', { name: /^QR code that adds/ })).toBeTruthy();
      await expect(canvas.getByTestId('usher-totp-secret').textContent).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    },
  },
);

/** After a right first code: the 10 backup codes, shown once (the code is computed from the key on screen). */
export const TotpBackupCodes: Story = usherStory<Story>(
  { seed: signedInAs() },
  {
    args: { initialRoute: 'security' },
    play: async ({ canvasElement, usher }) => {
      const canvas = within(canvasElement);
      await userEvent.click(await canvas.findByRole('button', { name: 'Add authenticator app' }));
      const key = (await canvas.findByTestId('usher-totp-secret')).textContent;
      await userEvent.click(canvas.getByRole('textbox', { name: 'Digit 1 of 6' }));
      await userEvent.paste(await codeForShownKey(key, usher.mock.clock.now()));
      const codes = await canvas.findByRole('list', { name: 'Your backup codes' });
      await expect(within(codes).getAllByRole('listitem')).toHaveLength(10);
    },
  },
);

/** An authenticator app is on: "Enabled", its menu (remove), and backup codes to regenerate. */
export const TwoStepEnabled: Story = usherStory<Story>(
  {
    seed: async ({ mock, seedUser, signIn }) => {
      const { clientToken } = await signIn(await seedUser());
      await enableTotp(mock, clientToken);
    },
  },
  {
    args: { initialRoute: 'security' },
    play: async ({ canvasElement }) => {
      const section = await within(canvasElement).findByRole('region', { name: 'Two-step verification' });
      await expect(within(section).getByText('Enabled')).toBeTruthy();
      await expect(within(section).getByRole('button', { name: 'Regenerate codes' })).toBeTruthy();
    },
  },
);

/** Removing the authenticator app asks first (its only method: sign-in falls back to the password, backup codes stop working). */
export const RemoveAuthenticator: Story = {
  ...TwoStepEnabled,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const section = await canvas.findByRole('region', { name: 'Two-step verification' });
    await userEvent.click(within(section).getByRole('button', { name: 'Actions for the authenticator app' }));
    await userEvent.click(await within(canvasElement.ownerDocument.body).findByRole('menuitem', { name: 'Remove' }));
    await expect(await within(section).findByRole('button', { name: 'Remove authenticator app' })).toBeTruthy();
    await expect(within(section).getByText(/It is your only method/)).toBeTruthy();
  },
};

/** A verified number used for SMS codes ("In use"), beside a second number that is not. */
export const SmsReserved: Story = usherStory<Story>(
  {
    mock: SMS_CODES,
    seed: async ({ mock, seedUser, signIn }) => {
      const ada = await seedUser();
      for (const [index, phoneNumber] of ['+15555550100', '+15555550111'].entries()) {
        const id = `idn_${'0'.repeat(35)}${index + 1}`;
        await mock.store.addPhoneNumber({ id, userId: ada.id, phoneNumber, verifiedAt: null, reservedForSecondFactor: false, createdAt: Date.now() });
        await mock.store.verifyPhoneNumber(id, Date.now());
      }
      const { clientToken } = await signIn(ada);
      // Through the API, so the first number comes with its backup codes as it would for a user.
      await mock.app.fetch(
        new Request(`${mock.origin}/v1/me/phone_numbers/idn_${'0'.repeat(35)}1`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: `Bearer ${clientToken}` }, body: JSON.stringify({ reserved_for_second_factor: true }) }),
      );
    },
  },
  {
    args: { initialRoute: 'security' },
    play: async ({ canvasElement }) => {
      const section = await within(canvasElement).findByRole('region', { name: 'Two-step verification' });
      await expect(within(section).getByText('In use')).toBeTruthy();
    },
  },
);

const LINKS_ONLY = { instanceConfig: { attributes: { emailAddress: { verifications: ['email_link'] as Array<'email_code' | 'email_link'> } } } };

/** Adds ada@work.example through the form: on a links-only instance, the link is emailed at once. */
async function addWorkAddress(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('button', { name: 'Add email address' }));
  await userEvent.type(canvas.getByLabelText('Email address'), 'ada@work.example');
  await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
  return canvas;
}

/** An instance that verifies addresses by link: "Check your email" after adding one; the section polls and goes on by itself. */
export const EmailLinkSent: Story = usherStory<Story>(
  { seed: signedInAs(), mock: LINKS_ONLY },
  {
    play: async ({ canvasElement }) => {
      const canvas = await addWorkAddress(canvasElement);
      await expect(await canvas.findByText(/We sent a verification link to ada@work\.example/)).toBeTruthy();
    },
  },
);

/** The link was opened (here: confirmed from another device): the address shows verified. */
export const EmailLinkVerified: Story = usherStory<Story>(
  { seed: signedInAs(), mock: LINKS_ONLY },
  {
    play: async ({ canvasElement, usher }) => {
      const canvas = await addWorkAddress(canvasElement);
      await canvas.findByText(/We sent a verification link to ada@work\.example/);
      const message = (await usher.mock.mailbox.list()).filter((m) => m.to === 'ada@work.example').at(-1);
      const token = new URL(/(https?:\/\/\S+)/.exec(message?.text ?? '')?.[1] ?? 'http://invalid').searchParams.get('__usher_link') ?? '';
      const phone = await usher.mock.app.fetch(
        new Request(`${usher.mock.origin}/v1/client/email_links/confirm`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-usher-bearer': '1', origin: window.location.origin }, body: JSON.stringify({ token }) }),
      );
      await expect(phone.status).toBe(200);
      await expect(await canvas.findByText('ada@work.example is verified.', {}, { timeout: 6000 })).toBeTruthy();
    },
  },
);
