import type { SignInFactorJSON, SignInJSON, SignInUserDataJSON, VerificationJSON } from '@usher/protocol';
import type { InstanceConfig } from '../../config/instance.ts';
import type { EmailAddressRecord, SignInRecord, UserRecord, VerificationRecord } from '../../store/types.ts';
import { maskIdentifier } from '../identifiers.ts';
import { isResetStrategy } from '../sign-in-steps.ts';
import { identifierKindOf, supportedFirstFactors, supportedIdentifiers } from '../machines/sign-in.ts';
import { userImage, type AvatarSettings } from './user-image.ts';
import { toVerificationJSON } from './verification.ts';

export interface SignInView {
  signIn: SignInRecord;
  config: InstanceConfig;
  user: UserRecord | null;
  /** The user's primary email address, when the identifier was a username or user_data is shown. */
  primaryEmail: EmailAddressRecord | null;
  verification: VerificationRecord | null;
  /** At needs_second_factor: what the account can finish with (secondFactorList), and a texted code's verification. */
  secondFactors: SignInFactorJSON[] | null;
  secondVerification: VerificationRecord | null;
  avatars: AvatarSettings;
  now: number;
}

/**
 * Whether the sign-in shows whose account it is (`user_data`). With enumeration protection, only
 * once it is complete: before that nothing may depend on whether the identifier has an account.
 */
export function showsUserData(signIn: SignInRecord, config: InstanceConfig): boolean {
  // At needs_second_factor the first factor was right: the account is proven, not guessed.
  return signIn.status === 'complete' || signIn.status === 'needs_second_factor' || !config.enumerationProtection;
}

/**
 * The sign-in as the wire shows it. With enumeration protection, nothing in it depends on whether
 * the identifier belongs to an account before the sign-in completes: the factors come from the
 * instance settings, the masked identifier from the typed text, and user_data stays null.
 */
export function toSignInJSON(view: SignInView): SignInJSON {
  const { signIn, config, user, now } = view;
  return {
    object: 'sign_in',
    id: signIn.id,
    status: signIn.status,
    identifier: signIn.identifier,
    supported_identifiers: supportedIdentifiers(config),
    supported_first_factors: signIn.identifier === null ? [] : firstFactors(view),
    supported_second_factors: view.secondFactors,
    first_factor_verification: firstFactorVerification(signIn, view.verification, now),
    second_factor_verification: secondFactorVerification(signIn, view.secondVerification, now),
    user_data: user && showsUserData(signIn, config) ? userData(user, view) : null,
    created_session_id: signIn.createdSessionId,
    abandon_at: signIn.abandonAt,
  };
}

function firstFactors(view: SignInView): SignInFactorJSON[] {
  const identifier = view.signIn.identifier ?? '';
  // For a username, the code goes to the account's primary address; an unknown username has none,
  // so its mask falls back to the typed text (usernames are not secret the way addresses are).
  const codeTarget = identifierKindOf(identifier) === 'username' && view.primaryEmail ? view.primaryEmail.emailAddress : identifier;
  // A texted reset code names no number: which one (or whether there is one) would tell about the account.
  return supportedFirstFactors(view.config).map((strategy) =>
    strategy === 'reset_password_phone_code' ? { strategy } : { strategy, safe_identifier: maskIdentifier(strategy === 'password' ? identifier : codeTarget) },
  );
}

function firstFactorVerification(signIn: SignInRecord, verification: VerificationRecord | null, now: number): VerificationJSON | null {
  if (signIn.firstFactorStrategy === 'email_code' || signIn.firstFactorStrategy === 'email_link' || isResetStrategy(signIn.firstFactorStrategy)) {
    const json = toVerificationJSON(verification, now);
    return json && { ...json, strategy: signIn.firstFactorStrategy };
  }
  if (signIn.firstFactorStrategy === 'password') {
    return { object: 'verification', status: signIn.firstFactorStatus ?? 'unverified', strategy: 'password', attempts: 0, expire_at: null };
  }
  return null;
}

function secondFactorVerification(signIn: SignInRecord, verification: VerificationRecord | null, now: number): VerificationJSON | null {
  if (signIn.secondFactorStrategy === null) return null;
  if (signIn.secondFactorStrategy === 'phone_code' && signIn.secondFactorStatus !== 'verified') return toVerificationJSON(verification, now);
  return { object: 'verification', status: signIn.secondFactorStatus ?? 'unverified', strategy: signIn.secondFactorStrategy, attempts: 0, expire_at: null };
}

function userData(user: UserRecord, view: SignInView): SignInUserDataJSON {
  return { first_name: user.firstName, last_name: user.lastName, ...userImage(user, view.primaryEmail?.emailAddress ?? null, view.avatars) };
}
