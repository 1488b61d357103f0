/**
 * The sign-in state machine: needs_identifier → needs_first_factor → (needs_second_factor) →
 * complete, and for "forgot password" needs_first_factor → needs_new_password → (needs_second_factor)
 * → complete: a reset never skips the second factor. Pure: statuses in, statuses out.
 */
import type { FirstFactorStrategy, IdentifierKind, SignInStatus } from '@usher/protocol';
import type { InstanceConfig } from '../../config/instance.ts';

export type SignInEvent =
  | { type: 'identified' }
  | { type: 'first_factor_verified'; secondFactorRequired: boolean }
  | { type: 'reset_code_verified' }
  | { type: 'password_reset'; secondFactorRequired: boolean }
  | { type: 'second_factor_verified' };

/** The next status, or null when the event is not possible in `status`. */
export function nextSignInStatus(status: SignInStatus, event: SignInEvent): SignInStatus | null {
  switch (event.type) {
    case 'identified':
      return status === 'needs_identifier' || status === 'needs_first_factor' ? 'needs_first_factor' : null;
    case 'first_factor_verified':
      if (status !== 'needs_first_factor') return null;
      return event.secondFactorRequired ? 'needs_second_factor' : 'complete';
    case 'reset_code_verified':
      return status === 'needs_first_factor' ? 'needs_new_password' : null;
    case 'password_reset':
      if (status !== 'needs_new_password') return null;
      return event.secondFactorRequired ? 'needs_second_factor' : 'complete';
    case 'second_factor_verified':
      return status === 'needs_second_factor' ? 'complete' : null;
  }
}

/** Where a new sign-in starts: with an identifier it already needs the first factor. */
export function initialSignInStatus(hasIdentifier: boolean): SignInStatus {
  return hasIdentifier ? 'needs_first_factor' : 'needs_identifier';
}

export function canWorkOnFirstFactor(status: SignInStatus): boolean {
  return status === 'needs_first_factor';
}

/** Which kind of identifier was typed: anything with an `@` is an email address. */
export function identifierKindOf(identifier: string): IdentifierKind {
  return identifier.includes('@') ? 'email_address' : 'username';
}

/** Identifier kinds the instance accepts in sign-in's identifier field. */
export function supportedIdentifiers(config: InstanceConfig): IdentifierKind[] {
  const out: IdentifierKind[] = [];
  if (config.attributes.emailAddress.enabled && config.attributes.emailAddress.usedForFirstFactor) out.push('email_address');
  if (config.attributes.username.enabled && config.attributes.username.usedForFirstFactor) out.push('username');
  return out;
}

/**
 * First factors offered after an identifier, from the instance settings only — never from the
 * account — so a known and an unknown identifier get the same list (enumeration protection).
 */
export function supportedFirstFactors(config: InstanceConfig): FirstFactorStrategy[] {
  const out: FirstFactorStrategy[] = [];
  if (config.attributes.password.enabled) out.push('password');
  if (config.attributes.emailAddress.enabled && config.attributes.emailAddress.firstFactors.includes('email_code')) out.push('email_code');
  if (config.attributes.emailAddress.enabled && config.attributes.emailAddress.firstFactors.includes('email_link')) out.push('email_link');
  // "Forgot password" needs a password to replace and an address to send the code to.
  if (offersPasswordReset(config)) out.push('reset_password_email_code');
  // With phone numbers on, the reset code can also be texted (to the account's number, if it has one).
  if (offersPasswordReset(config) && config.attributes.phoneNumber.enabled) out.push('reset_password_phone_code');
  return out;
}

/** Whether "forgot password" is offered: passwords and email addresses are both enabled. */
export function offersPasswordReset(config: InstanceConfig): boolean {
  return config.attributes.password.enabled && config.attributes.emailAddress.enabled;
}
