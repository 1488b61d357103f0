import { describe, expect, it } from 'vitest';
import { isEmailAddressLike, isValidUsername, maskIdentifier, normalizeEmailAddress, normalizeName } from './identifiers.ts';

describe('identifiers', () => {
  it('email addresses are trimmed and lower-cased', () => {
    expect(normalizeEmailAddress('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
  });

  it.each(['a@b.co', 'jane+tag@example.com', 'ü@exämple.de'])('%s looks like an email address', (value) => {
    expect(isEmailAddressLike(value)).toBe(true);
  });

  it.each(['', 'plain', '@example.com', 'a@', 'a@b', 'a b@example.com', 'a@@b.com', 'a@b..com', 'a@example.com\n'])('%j does not', (value) => {
    expect(isEmailAddressLike(value)).toBe(false);
  });

  it('usernames are 3–64 characters of a-z, 0-9, _ - .', () => {
    expect(isValidUsername('jane_doe-1.x')).toBe(true);
    for (const bad of ['ab', 'x'.repeat(65), 'Jane', 'jane doe', 'jane@x', 'jäne']) expect(isValidUsername(bad)).toBe(false);
  });

  it('masks depend only on the text', () => {
    expect(maskIdentifier('jane.doe@example.com')).toBe('j***@example.com');
    expect(maskIdentifier('janedoe')).toBe('j***e');
    expect(maskIdentifier('jo')).toBe('j***');
  });

  it('names are trimmed, and blank means none', () => {
    expect(normalizeName('  Jane ')).toBe('Jane');
    expect(normalizeName('   ')).toBeNull();
    expect(normalizeName(null)).toBeNull();
  });
});
