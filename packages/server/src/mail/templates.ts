import { escapeHtml } from './escape-html.ts';
import { htmlLayout } from './layout.ts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** Which template made it: apps that deliver their own email (email.created) pick theirs by it. */
  slug: 'verification_code' | 'reset_password_code' | 'sign_up_attempted' | 'password_changed' | 'primary_email_address_changed' | 'two_step_changed' | 'sign_in_link' | 'verification_link';
  /** The values the template was filled with, for the same apps. */
  data: Record<string, string | number | boolean>;
}

export interface VerificationCodeEmailInput {
  applicationName: string;
  code: string;
  ttlMinutes: number;
}

/** The email carrying a 6-digit code (sign-up address check, or sign-in with an email code). */
export function verificationCodeEmail(input: VerificationCodeEmailInput): RenderedEmail {
  const app = input.applicationName;
  const subject = `${input.code} is your ${app} verification code`;
  const text = [
    `Your ${app} verification code is: ${input.code}`,
    '',
    `It expires in ${input.ttlMinutes} minutes and can be used once.`,
    "If you did not ask for it, you can ignore this email: nobody can use it without access to your inbox.",
  ].join('\n');
  const html = htmlLayout(subject, [
    `Your ${escapeHtml(app)} verification code is:`,
    `<strong style="font-size:28px;letter-spacing:6px">${escapeHtml(input.code)}</strong>`,
    `It expires in ${input.ttlMinutes} minutes and can be used once.`,
    'If you did not ask for it, you can ignore this email: nobody can use it without access to your inbox.',
  ]);
  return { subject, text, html, slug: 'verification_code', data: { application_name: app, otp_code: input.code, ttl_minutes: input.ttlMinutes } };
}

export interface SignUpAttemptedEmailInput {
  applicationName: string;
  /** Absolute link to the sign-in page, built from the configured public URL. */
  signInUrl: string;
}

/**
 * Sent instead of a code when someone signs up with an address that already has an account: the
 * owner learns about it, the person signing up learns nothing (enumeration protection).
 */
export function signUpAttemptedEmail(input: SignUpAttemptedEmailInput): RenderedEmail {
  const app = input.applicationName;
  const subject = `Someone tried to sign up to ${app} with your email address`;
  const text = [
    `Someone tried to create a new ${app} account with this email address, which already has an account.`,
    '',
    `If it was you, sign in instead: ${input.signInUrl}`,
    'If it was not you, you can ignore this email: your account has not changed.',
  ].join('\n');
  const html = htmlLayout(subject, [
    `Someone tried to create a new ${escapeHtml(app)} account with this email address, which already has an account.`,
    `If it was you, <a href="${escapeHtml(input.signInUrl)}">sign in instead</a>.`,
    'If it was not you, you can ignore this email: your account has not changed.',
  ]);
  return { subject, text, html, slug: 'sign_up_attempted', data: { application_name: app, sign_in_url: input.signInUrl } };
}

/** The code of "forgot password": its own subject, so nobody mistakes it for a sign-in code. */
export function passwordResetCodeEmail(input: VerificationCodeEmailInput): RenderedEmail {
  const app = input.applicationName;
  const subject = `${input.code} is your ${app} password reset code`;
  const text = [
    `Someone asked to reset the password of your ${app} account. Your reset code is: ${input.code}`,
    '',
    `It expires in ${input.ttlMinutes} minutes and can be used once.`,
    'If you did not ask for it, ignore this email: your password stays as it is.',
  ].join('\n');
  const html = htmlLayout(subject, [
    `Someone asked to reset the password of your ${escapeHtml(app)} account. Your reset code is:`,
    `<strong style="font-size:28px;letter-spacing:6px">${escapeHtml(input.code)}</strong>`,
    `It expires in ${input.ttlMinutes} minutes and can be used once.`,
    'If you did not ask for it, ignore this email: your password stays as it is.',
  ]);
  return { subject, text, html, slug: 'reset_password_code', data: { application_name: app, otp_code: input.code, ttl_minutes: input.ttlMinutes } };
}

export interface PasswordChangedEmailInput {
  applicationName: string;
  /** Whether the account's other sessions were signed out with the change. */
  otherSessionsSignedOut: boolean;
  /** 'reset': with a reset code sent to this address; 'settings': from the account's own settings. Default 'reset'. */
  how?: 'reset' | 'settings';
}

/** Sent after a password reset, so the owner learns of a change they did not make. */
export function passwordChangedEmail(input: PasswordChangedEmailInput): RenderedEmail {
  const app = input.applicationName;
  const subject = `Your ${app} password was changed`;
  const sessions = input.otherSessionsSignedOut ? 'Every other device signed in to your account was signed out.' : 'Devices already signed in stay signed in.';
  const warning = `If you did not change it, reset your password again at once: someone may have access to your email.`;
  const how = input.how === 'settings' ? 'from its account settings' : 'with a reset code sent to this address';
  const text = [`The password of your ${app} account was just changed ${how}.`, sessions, '', warning].join('\n');
  const html = htmlLayout(subject, [`The password of your ${escapeHtml(app)} account was just changed ${how}.`, sessions, warning]);
  return { subject, text, html, slug: 'password_changed', data: { application_name: app, other_sessions_signed_out: input.otherSessionsSignedOut } };
}

export interface PrimaryEmailChangedEmailInput {
  applicationName: string;
  /** The new primary address, masked (the old one receives this email). */
  newAddressHint: string;
}

/** Sent to the previous primary address when another one becomes primary. */
export function primaryEmailChangedEmail(input: PrimaryEmailChangedEmailInput): RenderedEmail {
  const app = input.applicationName;
  const subject = `Your ${app} primary email address was changed`;
  const lines = [
    `The primary email address of your ${app} account is now ${input.newAddressHint}. Codes and notices go there from now on.`,
    'If you did not make this change, sign in and review your account at once, or contact the app’s support.',
  ];
  const text = lines.join('\n\n');
  const html = htmlLayout(subject, lines.map(escapeHtml));
  return { subject, text, html, slug: 'primary_email_address_changed', data: { application_name: app, new_address_hint: input.newAddressHint } };
}

export type TwoStepChange = 'totp_added' | 'totp_removed' | 'phone_added' | 'phone_removed' | 'backup_codes_renewed';

export interface TwoStepChangedEmailInput {
  applicationName: string;
  change: TwoStepChange;
  /** The number concerned (phone changes), masked. */
  phoneHint?: string;
  /** After the change the account still has a second factor. */
  stillOn: boolean;
}

const TWO_STEP_WHAT: Record<TwoStepChange, (hint: string) => string> = {
  totp_added: () => 'An authenticator app was added for 2-step verification.',
  totp_removed: () => 'The authenticator app was removed from 2-step verification.',
  phone_added: (hint) => `Sign-in can now text a 2-step verification code to ${hint}.`,
  phone_removed: (hint) => `Sign-in no longer texts 2-step verification codes to ${hint}.`,
  backup_codes_renewed: () => 'New backup codes were made; the earlier ones no longer work.',
};

/** Sent to the verified primary address whenever 2-step verification changes, so the owner notices a change they did not make. */
export function twoStepChangedEmail(input: TwoStepChangedEmailInput): RenderedEmail {
  const app = input.applicationName;
  const subject = input.stillOn ? `2-step verification changed on your ${app} account` : `2-step verification is off on your ${app} account`;
  const lines = [
    `${TWO_STEP_WHAT[input.change](input.phoneHint ?? 'your phone')} (${app} account)`,
    input.stillOn ? 'Sign-in still asks for a second step.' : 'Sign-in now asks for your password or an emailed code only.',
    'If you did not make this change, change your password and review your account at once.',
  ];
  const text = lines.join('\n\n');
  const html = htmlLayout(subject, lines.map(escapeHtml));
  return { subject, text, html, slug: 'two_step_changed', data: { application_name: app, change: input.change, still_on: input.stillOn } };
}

export interface SignInLinkEmailInput {
  applicationName: string;
  /** The app's page the link opens (an allowed origin), carrying the link's token. */
  url: string;
  ttlMinutes: number;
}

/** The email carrying a sign-in link: the page it opens asks for one click, so a mail scanner's visit signs nobody in. */
export function signInLinkEmail(input: SignInLinkEmailInput): RenderedEmail {
  const app = input.applicationName;
  const subject = `Your ${app} sign-in link`;
  const lines = [`Open this link to sign in to ${app}:`, `It expires in ${input.ttlMinutes} minutes and can be used once.`, 'If you did not ask for it, you can ignore this email.'];
  const text = [lines[0], input.url, '', lines[1], lines[2]].join('\n');
  const html = htmlLayout(subject, [
    escapeHtml(lines[0]!),
    `<a href="${escapeHtml(input.url)}" style="display:inline-block;padding:10px 16px;background:#1f2328;color:#fff;border-radius:6px;text-decoration:none">Sign in to ${escapeHtml(app)}</a>`,
    escapeHtml(lines[1]!),
    escapeHtml(lines[2]!),
  ]);
  return { subject, text, html, slug: 'sign_in_link', data: { application_name: app, magic_link: input.url, ttl_minutes: input.ttlMinutes } };
}

export interface VerificationLinkEmailInput {
  applicationName: string;
  /** The app's page the link opens (an allowed origin), carrying the link's token. */
  url: string;
  ttlMinutes: number;
  /** `sign_up`: the address of a new account; `email_address`: one added to an existing account. */
  purpose: 'sign_up' | 'email_address';
}

/** The email carrying a verification link: like a sign-in link, the page it opens asks for one click, so a mail scanner's visit verifies nothing. */
export function verificationLinkEmail(input: VerificationLinkEmailInput): RenderedEmail {
  const app = input.applicationName;
  const subject = `Verify your ${app} email address`;
  const lines = [
    input.purpose === 'sign_up' ? `Open this link to verify your email address and finish creating your ${app} account:` : `Open this link to add this email address to your ${app} account:`,
    `It expires in ${input.ttlMinutes} minutes and can be used once.`,
    'If you did not ask for it, you can ignore this email.',
  ];
  const text = [lines[0], input.url, '', lines[1], lines[2]].join('\n');
  const html = htmlLayout(subject, [
    escapeHtml(lines[0]!),
    `<a href="${escapeHtml(input.url)}" style="display:inline-block;padding:10px 16px;background:#1f2328;color:#fff;border-radius:6px;text-decoration:none">Verify email address</a>`,
    escapeHtml(lines[1]!),
    escapeHtml(lines[2]!),
  ]);
  return { subject, text, html, slug: 'verification_link', data: { application_name: app, magic_link: input.url, ttl_minutes: input.ttlMinutes, purpose: input.purpose } };
}
