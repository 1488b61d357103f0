import type { SignUpJSON, VerificationJSON } from '@usher/protocol';
import type { InstanceConfig } from '../../config/instance.ts';
import type { OAuthAttemptRecord, SignUpRecord, VerificationRecord } from '../../store/types.ts';
import { missingFields, signUpFields, unverifiedFields } from '../machines/sign-up.ts';
import { toVerificationJSON } from './verification.ts';

/** `held`: the provider account the sign-up came with (OAuth), which stands in for a password. */
export function toSignUpJSON(signUp: SignUpRecord, config: InstanceConfig, verification: VerificationRecord | null, now: number, held: OAuthAttemptRecord | null = null): SignUpJSON {
  const fields = signUpFields(config);
  const external: VerificationJSON | null = held ? { object: 'verification', status: 'verified', strategy: `oauth_${held.provider}`, attempts: 0, expire_at: null } : null;
  return {
    object: 'sign_up',
    id: signUp.id,
    status: signUp.status,
    required_fields: fields.required,
    optional_fields: fields.optional,
    missing_fields: signUp.status === 'complete' ? [] : missingFields({ ...signUp, externalAccount: held !== null }, config),
    unverified_fields: signUp.status === 'complete' ? [] : unverifiedFields(signUp),
    verifications: { email_address: toVerificationJSON(verification, now), external_account: external },
    email_address: signUp.emailAddress,
    username: signUp.username,
    first_name: signUp.firstName,
    last_name: signUp.lastName,
    password_enabled: signUp.passwordHash !== null,
    legal_accepted_at: signUp.legalAcceptedAt,
    created_session_id: signUp.createdSessionId,
    created_user_id: signUp.createdUserId,
    abandon_at: signUp.abandonAt,
  };
}
