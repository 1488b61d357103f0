import type { Meta, StoryObj } from '@storybook/react-vite';
import { Usher } from '@usher/core';
import { expect, userEvent, within } from 'storybook/test';
import type { PreparedUsherStory } from '../../stories-support/prepare-usher-story.ts';
import { usherStory } from '../../stories-support/usher-story.ts';
import { SignUpInternal } from './SignUp.tsx';

const meta = {
  title: 'Components/SignUp',
  component: SignUpInternal,
  args: { routing: 'virtual' },
} satisfies Meta<typeof SignUpInternal>;
export default meta;

type Story = StoryObj<typeof meta>;

const ALL_FIELDS = {
  instanceConfig: {
    signUp: { legalConsentEnabled: true },
    attributes: { username: { enabled: true, required: true }, firstName: { enabled: true, required: true }, lastName: { enabled: true, required: false } },
    branding: { termsUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' },
  },
};

const MINIMAL = { instanceConfig: { attributes: { firstName: { enabled: false, required: false }, lastName: { enabled: false, required: false } } } };

/** Names (first required, last optional), username, email, password rules and legal consent. */
export const AllFields: Story = usherStory({ mock: ALL_FIELDS });

/** The default instance: optional names, email and password. */
export const Default: Story = usherStory();

/** Email and password only. */
export const Minimal: Story = usherStory({ mock: MINIMAL });

/** `appearance.layout.showOptionalFields: false` hides the optional names. */
export const OptionalFieldsHidden: Story = { ...usherStory(), args: { appearance: { layout: { showOptionalFields: false } } } };

/** The SDK's requests are held: the busy skeleton. */
export const Loading: Story = usherStory({ network: 'held' });

/** The code step, after a sign-up was started and the code emailed (resend countdown running). */
export const VerificationStep: Story = {
  ...usherStory({ mock: MINIMAL }),
  args: { initialRoute: 'verify-email-address' },
  beforeEach: async ({ usher }) => {
    const attempt = await usher.usher.signUp.create({ emailAddress: 'ada@example.com', password: 'correct horse battery staple' });
    await attempt.prepareEmailAddressVerification();
  },
};

/** Submitted with missing and too-short values: each error sits on its field. */
export const ErrorState: Story = {
  ...usherStory({ mock: ALL_FIELDS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.type(await canvas.findByLabelText('Email address'), 'ada@example.com');
    await user.type(canvas.getByLabelText('Password'), 'short{Enter}');
    await expect(await canvas.findByText(/Your password is too short/)).toBeTruthy();
  },
};

/** A wrong code on the code step. */
export const WrongCode: Story = {
  ...VerificationStep,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.click(await canvas.findByRole('textbox', { name: 'Digit 1 of 6' }));
    await user.paste('000000');
    await expect(await canvas.findByText(/That code is not right|Too many wrong codes/)).toBeTruthy();
  },
};

const COMPOSITION_RULES = { instanceConfig: { password: { requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSpecialChar: true } } };

/** An instance with every composition rule: each shows met or not yet as the user types. */
export const PasswordRules: Story = {
  ...usherStory({ mock: COMPOSITION_RULES }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.type(await canvas.findByLabelText('Password'), 'Éclair 9');
    await expect(await canvas.findByText('A special character (like ! or #)')).toBeTruthy();
  },
};

/** A password the strength floor refuses (zxcvbn score below 2): the reason sits on the field. */
export const WeakPassword: Story = {
  ...usherStory({ mock: MINIMAL }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.type(await canvas.findByLabelText('Email address'), 'ada@example.com');
    await user.type(canvas.getByLabelText('Password'), 'qwertyuiop{Enter}');
    await expect(await canvas.findByText(/too easy to guess/)).toBeTruthy();
  },
};

/** A password known from data breaches (the bundled list; the strength floor is off here). */
export const BreachedPassword: Story = {
  ...usherStory({ mock: { instanceConfig: { ...MINIMAL.instanceConfig, password: { minStrength: 0 } } } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.type(await canvas.findByLabelText('Email address'), 'ada@example.com');
    await user.type(canvas.getByLabelText('Password'), 'password1{Enter}');
    await expect(await canvas.findByText(/appeared in a data breach/)).toBeTruthy();
  },
};

/** The strength meter under the password, for a weak one: one red bar, "Too easy to guess" and zxcvbn's warning. */
export const PasswordStrengthWeak: Story = {
  ...usherStory({ mock: MINIMAL }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.type(await canvas.findByLabelText('Password'), 'password');
    // The first estimate waits for the dictionaries, loaded when the field mounted.
    await expect(await canvas.findByText('Too easy to guess', {}, { timeout: 10_000 })).toBeTruthy();
    await expect(canvas.getByText('Weak password')).toBeTruthy();
    await expect(canvas.getByText('This is a heavily used password.')).toBeTruthy();
  },
};

/** The strength meter for a long passphrase: four green bars, "Strong password" and "Strong enough". */
export const PasswordStrengthStrong: Story = {
  ...usherStory({ mock: MINIMAL }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const user = userEvent.setup();
    await user.type(await canvas.findByLabelText('Password'), 'correct horse battery staple');
    await expect(await canvas.findByText('Strong enough', {}, { timeout: 10_000 })).toBeTruthy();
    await expect(canvas.getByText('Strong password')).toBeTruthy();
  },
};

type Ways = Array<'email_code' | 'email_link'>;
const LINKS_ONLY = { instanceConfig: { attributes: { ...MINIMAL.instanceConfig.attributes, emailAddress: { verifications: ['email_link'] as Ways } } } };
const CODES_AND_LINKS = { instanceConfig: { attributes: { ...MINIMAL.instanceConfig.attributes, emailAddress: { verifications: ['email_code', 'email_link'] as Ways } } } };

/**
 * Starts Ada's sign-up and emails its link (as the verify step does); answers the link's token.
 * `elsewhere`: another browser started it (a client of its own), so the story's page is the other
 * device the link is opened on.
 */
async function sendSignUpLink(usher: PreparedUsherStory, elsewhere = false): Promise<string> {
  const starter = elsewhere ? new Usher({ frontendApi: usher.mock.origin, transport: 'bearer', storage: null }) : usher.usher;
  if (elsewhere) await starter.load();
  const attempt = await starter.signUp.create({ emailAddress: 'ada@example.com', password: 'correct horse battery staple' });
  await attempt.prepareEmailAddressVerification({ strategy: 'email_link', redirectUrl: `${window.location.origin}/sign-up/verify` });
  const message = (await usher.mock.mailbox.list()).filter((m) => m.text.includes('__usher_link=')).at(-1);
  const token = new URL(/(https?:\/\/\S+)/.exec(message?.text ?? '')?.[1] ?? 'http://invalid').searchParams.get('__usher_link');
  if (!token) throw new Error('No sign-up link reached the mailbox.');
  if (elsewhere) starter.destroy();
  return token;
}

/** An instance that verifies addresses by link only: "Check your email" after the link was sent; it polls and goes on by itself once the link is confirmed. */
export const EmailLinkSent: Story = {
  ...usherStory({ mock: LINKS_ONLY }),
  args: { initialRoute: 'verify-email-address' },
  beforeEach: async ({ usher }) => void (await sendSignUpLink(usher)),
};

/** "Check your email" once the link is past its 10 minutes: the step offers a new one. */
export const EmailLinkSentExpired: Story = {
  ...EmailLinkSent,
  beforeEach: async ({ usher }) => {
    await sendSignUpLink(usher);
    usher.mock.clock.advance(11 * 60_000);
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('The link expired. Send a new one.', {}, { timeout: 6000 })).toBeTruthy();
    await expect(canvas.getByRole('button', { name: 'Send a new link' })).toBeTruthy();
  },
};

/** Codes and links: the code step with "Email me a link instead". */
export const LinkOrCode: Story = {
  ...usherStory({ mock: CODES_AND_LINKS }),
  args: { initialRoute: 'verify-email-address' },
  beforeEach: async ({ usher }) => {
    const attempt = await usher.usher.signUp.create({ emailAddress: 'ada@example.com', password: 'correct horse battery staple' });
    await attempt.prepareEmailAddressVerification();
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Email me a link instead' })).toBeTruthy();
  },
};

/** Codes and links, after "Email me a link instead": the link step with "Enter a code instead". */
export const LinkOrCodeLinkSent: Story = {
  ...LinkOrCode,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Email me a link instead' }));
    await expect(await canvas.findByRole('button', { name: 'Enter a code instead' })).toBeTruthy();
  },
};

/** The page a sign-up link opens, in another browser: nothing happens until "Verify email address" is clicked. */
export const EmailLinkConfirm: Story = {
  ...usherStory({ mock: LINKS_ONLY }),
  beforeEach: async (context) => {
    const token = await sendSignUpLink(context.usher, true);
    context.args.initialRoute = `verify?__usher_link=${encodeURIComponent(token)}`;
  },
};

/** Confirmed on another device: "return to your original tab". */
export const EmailLinkConfirmedElsewhere: Story = {
  ...EmailLinkConfirm,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Verify email address' }));
    await expect(await canvas.findByText(/Return to your original tab or device to finish signing up/)).toBeTruthy();
  },
};

/** A sign-up link used already. */
export const EmailLinkUsed: Story = {
  ...usherStory({ mock: LINKS_ONLY }),
  beforeEach: async (context) => {
    const token = await sendSignUpLink(context.usher, true);
    await context.usher.usher.signUp.confirmEmailLink({ token });
    context.args.initialRoute = `verify?__usher_link=${encodeURIComponent(token)}`;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Verify email address' }));
    await expect(await canvas.findByRole('heading', { name: 'This link was already used' })).toBeTruthy();
  },
};

/** A sign-up link past its 10 minutes. */
export const EmailLinkExpired: Story = {
  ...usherStory({ mock: LINKS_ONLY }),
  beforeEach: async (context) => {
    const token = await sendSignUpLink(context.usher, true);
    context.usher.mock.clock.advance(11 * 60_000);
    context.args.initialRoute = `verify?__usher_link=${encodeURIComponent(token)}`;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Verify email address' }));
    await expect(await canvas.findByRole('heading', { name: 'This link has expired' })).toBeTruthy();
  },
};
