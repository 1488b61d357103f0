import { escapeHtml } from './escape-html.ts';
import { htmlLayout } from './layout.ts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
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
  return { subject, text, html };
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
  return { subject, text, html };
}
