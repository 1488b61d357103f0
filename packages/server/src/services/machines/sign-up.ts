/**
 * The sign-up state machine: missing_requirements → complete. What is required comes from the
 * instance settings; a sign-up completes once every required field is present and every
 * verifiable one (the email address) is verified.
 */
import type { SignUpField, SignUpStatus } from '@usher/protocol';
import type { InstanceConfig } from '../../config/instance.ts';

export interface SignUpFacts {
  status: SignUpStatus;
  emailAddress: string | null;
  emailVerifiedAt: number | null;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  passwordHash: string | null;
  legalAcceptedAt: number | null;
  /** It came with a provider account (OAuth): no password is needed. */
  externalAccount?: boolean;
}

/** Fields the instance collects, split into required and optional. */
export function signUpFields(config: InstanceConfig): { required: SignUpField[]; optional: SignUpField[] } {
  const a = config.attributes;
  const entries: Array<[SignUpField, { enabled: boolean; required: boolean }]> = [
    ['email_address', a.emailAddress],
    ['username', a.username],
    ['first_name', a.firstName],
    ['last_name', a.lastName],
    ['password', a.password],
    ['legal_accepted', { enabled: config.signUp.legalConsentEnabled, required: config.signUp.legalConsentEnabled }],
  ];
  const required: SignUpField[] = [];
  const optional: SignUpField[] = [];
  for (const [field, setting] of entries) {
    if (!setting.enabled) continue;
    (setting.required ? required : optional).push(field);
  }
  return { required, optional };
}

export function isFieldEnabled(config: InstanceConfig, field: SignUpField): boolean {
  const { required, optional } = signUpFields(config);
  return required.includes(field) || optional.includes(field);
}

function hasField(signUp: SignUpFacts, field: SignUpField): boolean {
  switch (field) {
    case 'email_address':
      return signUp.emailAddress !== null;
    case 'username':
      return signUp.username !== null;
    case 'first_name':
      return signUp.firstName !== null;
    case 'last_name':
      return signUp.lastName !== null;
    case 'password':
      return signUp.passwordHash !== null || signUp.externalAccount === true;
    case 'legal_accepted':
      return signUp.legalAcceptedAt !== null;
  }
}

export function missingFields(signUp: SignUpFacts, config: InstanceConfig): SignUpField[] {
  return signUpFields(config).required.filter((field) => !hasField(signUp, field));
}

/** A given email address must be verified, even when the address itself is optional. */
export function unverifiedFields(signUp: SignUpFacts): Array<'email_address'> {
  return signUp.emailAddress !== null && signUp.emailVerifiedAt === null ? ['email_address'] : [];
}

/** Whether everything is present and verified, so the user can be created. */
export function isReadyToComplete(signUp: SignUpFacts, config: InstanceConfig): boolean {
  return signUp.status === 'missing_requirements' && missingFields(signUp, config).length === 0 && unverifiedFields(signUp).length === 0;
}

export function canUpdate(status: SignUpStatus): boolean {
  return status === 'missing_requirements';
}
