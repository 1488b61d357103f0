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
    expect(supportedFirstFactors(config)).toEqual(['password', 'email_code']);
    config.attributes.password.enabled = false;
    expect(supportedFirstFactors(config)).toEqual(['email_code']);
  });

  it('accepts usernames as identifiers only when the instance enables them', () => {
    const config = defaultInstanceConfig();
    expect(supportedIdentifiers(config)).toEqual(['email_address']);
    config.attributes.username.enabled = true;
    expect(supportedIdentifiers(config)).toEqual(['email_address', 'username']);
  });
});
