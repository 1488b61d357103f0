import type { SignUpJSON } from '@usher/protocol';
import type { InstanceConfig } from '../../config/instance.ts';
import type { SignUpRecord, VerificationRecord } from '../../store/types.ts';
import { missingFields, signUpFields, unverifiedFields } from '../machines/sign-up.ts';
import { toVerificationJSON } from './verification.ts';

export function toSignUpJSON(signUp: SignUpRecord, config: InstanceConfig, verification: VerificationRecord | null, now: number): SignUpJSON {
  const fields = signUpFields(config);
  return {
    object: 'sign_up',
    id: signUp.id,
    status: signUp.status,
    required_fields: fields.required,
    optional_fields: fields.optional,
    missing_fields: signUp.status === 'complete' ? [] : missingFields(signUp, config),
    unverified_fields: signUp.status === 'complete' ? [] : unverifiedFields(signUp),
    verifications: { email_address: toVerificationJSON(verification, now) },
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
