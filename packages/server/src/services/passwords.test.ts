import { describe, expect, it } from 'vitest';
import { defaultInstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import { acceptNewPassword, acceptTypedPassword, normalizePassword, passwordLength } from './passwords.ts';

describe('password rules', () => {
  const config = defaultInstanceConfig();

  it('NFKC-normalizes: the ligature "ﬁ" and "fi" are the same password, so are composed and decomposed accents', () => {
    expect(normalizePassword('ﬁnal-password')).toBe('final-password');
    expect(normalizePassword('cafe\u0301-latte')).toBe('caf\u00e9-latte');
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(passwordLength('😀😀')).toBe(2);
  });

  it('accepts 8 to 256 characters, never truncating', () => {
    expect(acceptNewPassword('12345678', config)).toBe('12345678');
    expect(acceptNewPassword('x'.repeat(256), config)).toHaveLength(256);
    expect(() => acceptNewPassword('1234567', config)).toThrow(expect.objectContaining({ code: 'form_password_length_too_short' }));
    expect(() => acceptNewPassword('x'.repeat(257), config)).toThrow(expect.objectContaining({ code: 'form_password_length_too_long' }));
  });

  it('refuses a typed password longer than any accepted one without hashing it', () => {
    expect(() => acceptTypedPassword('x'.repeat(257), config)).toThrow(UsherError);
    expect(acceptTypedPassword('short', config)).toBe('short');
  });
});
