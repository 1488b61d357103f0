import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
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
