import { describe, expect, it } from 'vitest';
import { defaultInstanceConfig } from '../../config/instance.ts';
import { isReadyToComplete, missingFields, signUpFields, unverifiedFields, type SignUpFacts } from './sign-up.ts';

const empty: SignUpFacts = {
  status: 'missing_requirements',
  emailAddress: null,
  emailVerifiedAt: null,
  username: null,
  firstName: null,
  lastName: null,
  passwordHash: null,
  legalAcceptedAt: null,
};

describe('the sign-up machine', () => {
  it('by default requires an email address and a password; names are optional', () => {
    const config = defaultInstanceConfig();
    expect(signUpFields(config)).toEqual({ required: ['email_address', 'password'], optional: ['first_name', 'last_name'] });
    expect(missingFields(empty, config)).toEqual(['email_address', 'password']);
  });

  it('requires names, a username and legal consent when the instance asks for them', () => {
    const config = defaultInstanceConfig();
    config.attributes.firstName.required = true;
    config.attributes.lastName.required = true;
    config.attributes.username = { enabled: true, required: true, usedForFirstFactor: true };
    config.signUp.legalConsentEnabled = true;
    expect(missingFields(empty, config)).toEqual(['email_address', 'username', 'first_name', 'last_name', 'password', 'legal_accepted']);
  });

  it('a given email address is unverified until its code is entered', () => {
    expect(unverifiedFields({ ...empty, emailAddress: 'a@example.com' })).toEqual(['email_address']);
    expect(unverifiedFields({ ...empty, emailAddress: 'a@example.com', emailVerifiedAt: 1 })).toEqual([]);
  });

  it('is ready to complete only with every required field present and verified', () => {
    const config = defaultInstanceConfig();
    const filled = { ...empty, emailAddress: 'a@example.com', passwordHash: 'h' };
    expect(isReadyToComplete(filled, config)).toBe(false);
    expect(isReadyToComplete({ ...filled, emailVerifiedAt: 1 }, config)).toBe(true);
    expect(isReadyToComplete({ ...filled, emailVerifiedAt: 1, status: 'complete' }, config)).toBe(false);
  });
});
