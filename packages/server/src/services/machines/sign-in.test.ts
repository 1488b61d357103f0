import { describe, expect, it } from 'vitest';
import { defaultInstanceConfig } from '../../config/instance.ts';
import { identifierKindOf, nextSignInStatus, supportedFirstFactors, supportedIdentifiers } from './sign-in.ts';

describe('the sign-in machine', () => {
  it('goes needs_identifier → needs_first_factor → complete', () => {
    expect(nextSignInStatus('needs_identifier', { type: 'identified' })).toBe('needs_first_factor');
    expect(nextSignInStatus('needs_first_factor', { type: 'first_factor_verified', secondFactorRequired: false })).toBe('complete');
  });

  it('stops at needs_second_factor when the account has one', () => {
    expect(nextSignInStatus('needs_first_factor', { type: 'first_factor_verified', secondFactorRequired: true })).toBe('needs_second_factor');
    expect(nextSignInStatus('needs_second_factor', { type: 'second_factor_verified' })).toBe('complete');
  });

  it('forgot password: a verified reset code leads to needs_new_password, the new password to complete or the second factor', () => {
    expect(nextSignInStatus('needs_first_factor', { type: 'reset_code_verified' })).toBe('needs_new_password');
    expect(nextSignInStatus('needs_new_password', { type: 'password_reset', secondFactorRequired: false })).toBe('complete');
    expect(nextSignInStatus('needs_new_password', { type: 'password_reset', secondFactorRequired: true })).toBe('needs_second_factor');
  });

  it('a reset never skips a step: no new password before the code, no first factor while a new password is due', () => {
    expect(nextSignInStatus('needs_first_factor', { type: 'password_reset', secondFactorRequired: false })).toBeNull();
    expect(nextSignInStatus('needs_identifier', { type: 'reset_code_verified' })).toBeNull();
    expect(nextSignInStatus('needs_new_password', { type: 'first_factor_verified', secondFactorRequired: false })).toBeNull();
    expect(nextSignInStatus('needs_new_password', { type: 'reset_code_verified' })).toBeNull();
    expect(nextSignInStatus('complete', { type: 'password_reset', secondFactorRequired: false })).toBeNull();
  });

  it('refuses steps out of order', () => {
    expect(nextSignInStatus('needs_identifier', { type: 'first_factor_verified', secondFactorRequired: false })).toBeNull();
    expect(nextSignInStatus('complete', { type: 'first_factor_verified', secondFactorRequired: false })).toBeNull();
    expect(nextSignInStatus('complete', { type: 'identified' })).toBeNull();
    expect(nextSignInStatus('needs_first_factor', { type: 'second_factor_verified' })).toBeNull();
  });

  it('an identifier with an @ is an email address, anything else a username', () => {
    expect(identifierKindOf('jane@example.com')).toBe('email_address');
    expect(identifierKindOf('jane')).toBe('username');
  });

  it('offers factors from the instance settings only (the same for every identifier)', () => {
    const config = defaultInstanceConfig();
    expect(supportedFirstFactors(config)).toEqual(['password', 'email_code', 'reset_password_email_code']);
    config.attributes.password.enabled = false;
    // No password, nothing to reset.
    expect(supportedFirstFactors(config)).toEqual(['email_code']);
  });

  it('accepts usernames as identifiers only when the instance enables them', () => {
    const config = defaultInstanceConfig();
    expect(supportedIdentifiers(config)).toEqual(['email_address']);
    config.attributes.username.enabled = true;
    expect(supportedIdentifiers(config)).toEqual(['email_address', 'username']);
  });
});
