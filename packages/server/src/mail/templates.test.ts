import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html.ts';
import { publicLink } from './links.ts';
import { passwordChangedEmail, passwordResetCodeEmail, signUpAttemptedEmail, verificationCodeEmail } from './templates.ts';

describe('email templates', () => {
  it('the code email carries the code in text and HTML', () => {
    const email = verificationCodeEmail({ applicationName: 'Acme', code: '012345', ttlMinutes: 10 });
    expect(email.subject).toBe('012345 is your Acme verification code');
    expect(email.text).toContain('012345');
    expect(email.text).toContain('10 minutes');
    expect(email.html).toContain('012345');
  });

  it('escapes the application name in HTML', () => {
    const email = verificationCodeEmail({ applicationName: '<script>alert("x")</script>', code: '111111', ttlMinutes: 10 });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
  });

  it('the sign-up notice links to sign-in and contains no code', () => {
    const email = signUpAttemptedEmail({ applicationName: 'Acme', signInUrl: 'https://auth.acme.com/sign-in?a=1&b=2' });
    expect(email.text).toContain('https://auth.acme.com/sign-in?a=1&b=2');
    expect(email.html).toContain('href="https://auth.acme.com/sign-in?a=1&amp;b=2"');
    expect(email.text).not.toMatch(/\b\d{6}\b/);
  });

  it('a reset code says it is for a password reset, and the change notice says what happened to other devices', () => {
    const code = passwordResetCodeEmail({ applicationName: 'Acme', code: '424242', ttlMinutes: 10 });
    expect(code.subject).toBe('424242 is your Acme password reset code');
    expect(code.text).toContain('reset the password');
    const changed = passwordChangedEmail({ applicationName: '<b>Acme</b>', otherSessionsSignedOut: true });
    expect(changed.subject).toBe('Your <b>Acme</b> password was changed');
    expect(changed.text).toContain('was signed out');
    expect(changed.html).not.toContain('<b>Acme</b>');
    expect(passwordChangedEmail({ applicationName: 'Acme', otherSessionsSignedOut: false }).text).toContain('stay signed in');
  });

  it('links are built from the configured public URL, never from anything else', () => {
    expect(publicLink('https://auth.acme.com', '/sign-in')).toBe('https://auth.acme.com/sign-in');
    expect(publicLink('https://auth.acme.com', '//evil.com/x')).toBe('https://auth.acme.com/');
    expect(publicLink('https://auth.acme.com', 'https://evil.com/sign-in')).toBe('https://auth.acme.com/');
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
