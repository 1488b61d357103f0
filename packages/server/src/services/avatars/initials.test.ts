import { describe, expect, it } from 'vitest';
import { INITIALS_PATTERN, initialsOf } from './initials.ts';

const nobody = { firstName: null, lastName: null, username: null, emailAddress: null };

describe('initialsOf', () => {
  it('takes the first letters of the first and last name', () => {
    expect(initialsOf({ ...nobody, firstName: 'ada', lastName: 'lovelace' })).toBe('AL');
    expect(initialsOf({ ...nobody, firstName: 'Jean-Luc', lastName: 'Picard' })).toBe('JP');
    expect(initialsOf({ ...nobody, firstName: 'Émilie', lastName: 'du Châtelet' })).toBe('ÉD');
  });

  it('with one name, takes its first and last words', () => {
    expect(initialsOf({ ...nobody, firstName: 'Ada Lovelace' })).toBe('AL');
    expect(initialsOf({ ...nobody, firstName: 'Ada' })).toBe('A');
    expect(initialsOf({ ...nobody, lastName: 'Lovelace' })).toBe('L');
  });

  it('without a name, falls back to the username, then the email local part', () => {
    expect(initialsOf({ ...nobody, username: 'jane_doe', emailAddress: 'x@example.com' })).toBe('JD');
    expect(initialsOf({ ...nobody, emailAddress: 'jane.doe+news@example.com' })).toBe('JN');
    expect(initialsOf({ ...nobody, emailAddress: 'jdoe@example.com' })).toBe('J');
  });

  it('skips what is not a letter, and answers "" when nothing is', () => {
    expect(initialsOf({ ...nobody, firstName: '"Bob"', lastName: '😀 Smith' })).toBe('BS');
    expect(initialsOf({ ...nobody, firstName: '42', username: '1234', emailAddress: '99@example.com' })).toBe('');
    expect(initialsOf(nobody)).toBe('');
  });

  it('keeps a letter whose upper case is two letters', () => {
    expect(initialsOf({ ...nobody, firstName: 'ßa' })).toBe('ß');
  });

  it('always answers what the avatar URL accepts', () => {
    const names = ['ada', 'ǰim', 'क़मर', '太郎', 'ﬁona', 'Ωmega', '𝒜bc', 'ıi', "o'neil", 'ǅemal'];
    for (const firstName of names) {
      for (const lastName of [...names, null]) {
        const initials = initialsOf({ ...nobody, firstName, lastName });
        expect(INITIALS_PATTERN.test(initials.normalize('NFC')), `${firstName} ${lastName} → ${initials}`).toBe(true);
      }
    }
  });
});
