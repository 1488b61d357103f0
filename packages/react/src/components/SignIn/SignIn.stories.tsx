import type { Meta, StoryObj } from '@storybook/react-vite';
import { Usher } from '@usher/core';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { PreparedUsherStory } from '../../stories-support/prepare-usher-story.ts';
import { ADA, STORY_PASSWORD, signedInAs, usherStory } from '../../stories-support/usher-story.ts';
import { SignInInternal } from './SignIn.tsx';

const meta = {
  title: 'Components/SignIn',
  component: SignInInternal,
  args: { routing: 'virtual' },
} satisfies Meta<typeof SignInInternal>;
export default meta;

type Story = StoryObj<typeof meta>;

const seedAda = usherStory({ seed: async ({ seedUser }) => void (await seedUser()) }).parameters.usher;

/** Starts Ada's sign-in through the SDK before render, so the story opens on a factor step. */
const startSignIn =
  (prepare: boolean): Story['beforeEach'] =>
  async ({ usher }) => {
    const attempt = await usher.usher.signIn.create({ identifier: ADA.email });
    if (prepare) await attempt.prepareFirstFactor({ strategy: 'email_code' });
  };

async function typeWrongPassword(canvasElement: HTMLElement, times: number) {
  const canvas = within(canvasElement);
  const user = userEvent.setup();
  const password = await canvas.findByLabelText('Password');
  for (let i = 0; i < times; i++) {
    await user.clear(password);
    await user.type(password, 'not the password{Enter}');
    // Waits for the answer: the field is marked invalid, or the step shows an alert.
    await expect(await canvas.findByText(/We could not sign you in|Too many|paused until/)).toBeTruthy();
  }
}

/** The identifier step of a fresh instance. */
export const Identifier: Story = usherStory();

/** The SDK's requests are held: the card skeleton, busy, with no empty application name. */
export const Loading: Story = usherStory({ network: 'held' });

/** Prefilled identifier. */
export const WithInitialValues: Story = { ...usherStory(), args: { initialValues: { identifier: 'ada@example.com' } } };

/** The password step with the identity preview (avatar, identifier, edit). */
export const Password: Story = { parameters: { usher: seedAda }, args: { initialRoute: 'password' }, beforeEach: startSignIn(false) };

/** The email code step, with the resend countdown. */
export const EmailCode: Story = { parameters: { usher: seedAda }, args: { initialRoute: 'email-code' }, beforeEach: startSignIn(true) };

/** "Use another method" from the password step. */
export const AlternativeMethods: Story = { parameters: { usher: seedAda }, args: { initialRoute: 'methods?from=password' }, beforeEach: startSignIn(false) };

/** A wrong password: the message sits on the password field. */
export const WrongPassword: Story = {
  parameters: { usher: seedAda },
  args: { initialRoute: 'password' },
  beforeEach: startSignIn(false),
  play: async ({ canvasElement }) => typeWrongPassword(canvasElement, 1),
};

/** The product's rate limits: the 4th quick attempt is refused with a live countdown. */
export const RateLimited: Story = {
  parameters: { usher: { ...seedAda, mock: { rateLimits: 'default' } } },
  args: { initialRoute: 'password' },
  beforeEach: startSignIn(false),
  play: async ({ canvasElement }) => {
    await typeWrongPassword(canvasElement, 3);
    const user = userEvent.setup();
    const canvas = within(canvasElement);
    await user.clear(canvas.getByLabelText('Password'));
    await user.type(canvas.getByLabelText('Password'), 'not the password{Enter}');
    await expect(await canvas.findByText(/You can try again in/)).toBeTruthy();
  },
};

/** An account locked after 2 failures (instance setting): the alert says until when. */
export const Locked: Story = {
  parameters: { usher: { ...seedAda, mock: { instanceConfig: { lockout: { maxAttempts: 2, lockSeconds: 3600 } } } } },
  args: { initialRoute: 'password' },
  beforeEach: startSignIn(false),
  play: async ({ canvasElement }) => {
    await typeWrongPassword(canvasElement, 2);
    await expect(await within(canvasElement).findByText(/paused until/)).toBeTruthy();
  },
};

/** Starts Ada's sign-in and sends her a reset code; with `verify`, also types the code from the mailbox. */
const startPasswordReset =
  (verify: boolean): Story['beforeEach'] =>
  async ({ usher }) => {
    const attempt = await usher.usher.signIn.create({ identifier: ADA.email });
    await attempt.prepareFirstFactor({ strategy: 'reset_password_email_code' });
    if (!verify) return;
    const code = await usher.mock.mailbox.latestCode(ADA.email);
    if (!code) throw new Error('No reset code reached the mailbox.');
    await attempt.attemptFirstFactor({ strategy: 'reset_password_email_code', code });
  };

/** "Forgot password?" from the password step: the emailed reset code, with the resend countdown. */
export const ForgotPasswordCode: Story = { parameters: { usher: seedAda }, args: { initialRoute: 'forgot-password' }, beforeEach: startPasswordReset(false) };

/** The reset code was right: the new password, its rules live, and "sign out of all other devices". */
export const ResetPassword: Story = { parameters: { usher: seedAda }, args: { initialRoute: 'reset-password' }, beforeEach: startPasswordReset(true) };

/** A new password the instance refuses (too short): the rule stays unmet and the error sits on the field. */
export const ResetPasswordRefused: Story = {
  ...ResetPassword,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    const field = await canvas.findByLabelText('New password');
    await user.type(field, 'short');
    await user.type(canvas.getByLabelText('Confirm password'), 'short{Enter}');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
  },
};

/** The toolbar's dark themes get the light variant of the brand colour, as an app would choose. */
const DARK_THEMES = new Set(['dark', 'shadesOfPurple']);

/**
 * Restyled through the component's `appearance` prop: a brand colour (`variables.colorPrimary`,
 * with its shade scale), a class name on the primary button (as Tailwind users pass utilities)
 * and a style object on the title. The Chromium suite checks the computed styles of this story.
 */
export const CustomAppearance: Story = {
  ...usherStory(),
  render: (args, { globals }) => (
    <SignInInternal
      {...args}
      appearance={{
        variables: { colorPrimary: DARK_THEMES.has(String(globals.theme)) ? '#5eead4' : '#0f766e' },
        elements: { formButtonPrimary: 'brand-button', headerTitle: { textTransform: 'uppercase', letterSpacing: '0.04em' } },
      }}
    />
  ),
};

/** Ada with an authenticator app (2-step verification). */
const seedAdaWithTotp = usherStory({ seed: async ({ seedUser }) => void (await seedUser({ totp: true })) }).parameters.usher;

/** Starts Ada's sign-in with the right password: for an account with a second factor, needs_second_factor. */
const withPassword = (sdk: Usher) => sdk.signIn.create({ identifier: ADA.email, strategy: 'password', password: STORY_PASSWORD });
const pastPassword: Story['beforeEach'] = async ({ usher }) => void (await withPassword(usher.usher));

/** The second step of an account with an authenticator app: its 6-digit code, "Use another method". */
export const SecondFactorTotp: Story = { parameters: { usher: seedAdaWithTotp }, args: { initialRoute: 'factor-two' }, beforeEach: pastPassword };

/** A wrong authenticator code: the message sits on the code field, which is cleared and focused. */
export const SecondFactorWrongCode: Story = {
  ...SecondFactorTotp,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.click(await canvas.findByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste('000000');
    await expect(await canvas.findByText(/incorrect/i)).toBeTruthy();
  },
};

/** A backup code instead (one of the 10 saved at set-up; each works once). */
export const SecondFactorBackupCode: Story = { parameters: { usher: seedAdaWithTotp }, args: { initialRoute: 'factor-two?strategy=backup_code' }, beforeEach: pastPassword };

/** "Use another method" at the second step. */
export const SecondFactorMethods: Story = { parameters: { usher: seedAdaWithTotp }, args: { initialRoute: 'factor-two/methods?from=totp' }, beforeEach: pastPassword };

const PHONE = '+15555550142';

/**
 * Ada with a phone number reserved for 2-step verification (an instance with SMS codes on): the
 * step texts the code when it opens, with the resend countdown.
 */
/** Gives Ada a verified phone number (reserved for 2-step verification with `reserve`) through the SDK, then signs her out. */
async function givePhone(usher: PreparedUsherStory, reserve: boolean): Promise<void> {
  const sdk = usher.usher;
  const signedIn = await withPassword(sdk);
  await sdk.setActive({ session: signedIn.createdSessionId });
  const user = sdk.getSnapshot().user;
  if (!user) throw new Error('Ada is not signed in.');
  const phone = await (await user.createPhoneNumber({ phoneNumber: PHONE })).prepareVerification();
  const code = await usher.mock.sms.latestCode(PHONE);
  if (!code) throw new Error('No verification code was texted.');
  const verified = await phone.attemptVerification({ code });
  if (reserve) await verified.update({ reservedForSecondFactor: true });
  await sdk.signOut();
}

export const SecondFactorSms: Story = {
  parameters: { usher: { ...seedAda, mock: { instanceConfig: { attributes: { phoneNumber: { enabled: true } }, mfa: { phoneCode: true } } } } },
  args: { initialRoute: 'factor-two?strategy=phone_code' },
  beforeEach: async ({ usher }) => {
    await givePhone(usher, true);
    await withPassword(usher.usher);
  },
};

/** "Forgot password?" on an instance with phone numbers: the reset code texted instead of emailed ("Email me a code instead" goes back). */
export const ForgotPasswordSms: Story = {
  parameters: { usher: { ...seedAda, mock: { instanceConfig: { attributes: { phoneNumber: { enabled: true } } } } } },
  args: { initialRoute: 'forgot-password/sms' },
  beforeEach: async ({ usher }) => {
    await givePhone(usher, false);
    const attempt = await usher.usher.signIn.create({ identifier: ADA.email });
    await attempt.prepareFirstFactor({ strategy: 'reset_password_phone_code' });
  },
};

/**
 * An instance that requires 2-step verification, right after Ada (who has none) signed in: she sets
 * up an authenticator app before going on.
 */
export const RequiredTwoStepSetup: Story = usherStory({ mock: { instanceConfig: { mfa: { required: true } } }, seed: signedInAs() });

/** An instance with sign-in links as well as codes. */
const withLinks = { ...seedAda, mock: { instanceConfig: { attributes: { emailAddress: { firstFactors: ['email_code', 'email_link'] as Array<'email_code' | 'email_link'> } } } } };

/**
 * Emails Ada a sign-in link (as "Email a sign-in link" does) and answers its token. `elsewhere`:
 * the sign-in is started by another browser (a client of its own), so the story's page is the
 * other device the link is opened on.
 */
async function sendLink(usher: PreparedUsherStory, elsewhere = false): Promise<string> {
  const starter = elsewhere ? new Usher({ frontendApi: usher.mock.origin, transport: 'bearer', storage: null }) : usher.usher;
  if (elsewhere) await starter.load();
  const attempt = await starter.signIn.create({ identifier: ADA.email });
  await attempt.prepareFirstFactor({ strategy: 'email_link', redirectUrl: `${window.location.origin}/sign-in/verify` });
  const message = (await usher.mock.mailbox.list()).filter((m) => m.text.includes('__usher_link=')).at(-1);
  const token = new URL(/(https?:\/\/\S+)/.exec(message?.text ?? '')?.[1] ?? 'http://invalid').searchParams.get('__usher_link');
  if (!token) throw new Error('No sign-in link reached the mailbox.');
  if (elsewhere) starter.destroy();
  return token;
}

/** "Check your email": the link was sent; the step waits (polling) and goes on by itself once it is confirmed. */
export const EmailLinkSent: Story = {
  parameters: { usher: withLinks },
  args: { initialRoute: 'email-link' },
  beforeEach: async ({ usher }) => void (await sendLink(usher)),
};

/** "Check your email" once the link is past its 10 minutes: the step offers a new one. */
export const EmailLinkSentExpired: Story = {
  ...EmailLinkSent,
  beforeEach: async ({ usher }) => {
    await sendLink(usher);
    usher.mock.clock.advance(11 * 60_000);
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('The link expired. Send a new one.', {}, { timeout: 6000 })).toBeTruthy();
    await expect(canvas.getByRole('button', { name: 'Send a new link' })).toBeTruthy();
  },
};

/** The page a sign-in link opens, in another browser: nothing happens until "Sign in" is clicked. */
export const EmailLinkConfirm: Story = {
  parameters: { usher: withLinks },
  beforeEach: async (context) => {
    const token = await sendLink(context.usher, true);
    context.args.initialRoute = `verify?__usher_link=${encodeURIComponent(token)}`;
  },
};

/** Confirmed on another device: "return to your original tab". */
export const EmailLinkConfirmedElsewhere: Story = {
  ...EmailLinkConfirm,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByText(/Return to your original tab or device/)).toBeTruthy();
  },
};

/** A link used already. */
export const EmailLinkUsed: Story = {
  parameters: { usher: withLinks },
  beforeEach: async (context) => {
    const token = await sendLink(context.usher, true);
    await context.usher.usher.signIn.confirmEmailLink({ token });
    context.args.initialRoute = `verify?__usher_link=${encodeURIComponent(token)}`;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('heading', { name: 'This link was already used' })).toBeTruthy();
  },
};

/** A link past its 10 minutes. */
export const EmailLinkExpired: Story = {
  parameters: { usher: withLinks },
  beforeEach: async (context) => {
    const token = await sendLink(context.usher, true);
    context.usher.mock.clock.advance(11 * 60_000);
    context.args.initialRoute = `verify?__usher_link=${encodeURIComponent(token)}`;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign in' }));
    await expect(await canvas.findByRole('heading', { name: 'This link has expired' })).toBeTruthy();
  },
};

/** A link cut short (no token): it says so at once. */
export const EmailLinkInvalid: Story = { parameters: { usher: withLinks }, args: { initialRoute: 'verify' } };

/**
 * The sign-in page is also where an address added in UserProfile has its link land (it opens
 * signed out too): Ada added ada@work.example on another device; here the link verifies it.
 */
export const AddressLinkVerified: Story = {
  parameters: { usher: { ...seedAda, mock: { instanceConfig: { attributes: { emailAddress: { verifications: ['email_link'] as Array<'email_code' | 'email_link'> } } } } } },
  beforeEach: async (context) => {
    const { mock } = context.usher;
    const elsewhere = new Usher({ frontendApi: mock.origin, transport: 'bearer', storage: null });
    await elsewhere.load();
    const signedIn = await elsewhere.signIn.create({ identifier: ADA.email, strategy: 'password', password: STORY_PASSWORD });
    await elsewhere.setActive({ session: signedIn.createdSessionId });
    const added = await elsewhere.getSnapshot().user!.createEmailAddress({ email: 'ada@work.example' });
    await added.prepareVerification({ strategy: 'email_link', redirectUrl: `${window.location.origin}/sign-in/verify` });
    elsewhere.destroy();
    const message = (await mock.mailbox.list()).filter((m) => m.to === 'ada@work.example').at(-1);
    const token = new URL(/(https?:\/\/\S+)/.exec(message?.text ?? '')?.[1] ?? 'http://invalid').searchParams.get('__usher_link') ?? '';
    context.args.initialRoute = `verify?__usher_link=${encodeURIComponent(token)}`;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Verify email address' }));
    await expect(await canvas.findByRole('heading', { name: 'Email address verified' })).toBeTruthy();
  },
};
