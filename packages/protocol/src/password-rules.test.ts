import { describe, expect, it } from 'vitest';
import { passwordRuleResults, type PasswordComplexityJSON } from './password-rules.ts';

const none: PasswordComplexityJSON = { min_length: 8, max_length: 256, require_uppercase: false, require_lowercase: false, require_numbers: false, require_special_char: false };
const all: PasswordComplexityJSON = { ...none, require_uppercase: true, require_lowercase: true, require_numbers: true, require_special_char: true };
const unmet = (password: string, settings = all) => passwordRuleResults(password, settings).filter((r) => !r.met).map((r) => r.rule);

describe('passwordRuleResults', () => {
  it('without composition rules, lists only the length (no rule by default, as NIST advises)', () => {
    expect(passwordRuleResults('correct horse', none)).toEqual([{ rule: 'min_length', met: true }]);
    expect(passwordRuleResults('short', none)).toEqual([{ rule: 'min_length', met: false }]);
  });

  it('lists every required rule in display order, each met or not', () => {
    expect(passwordRuleResults('abc', all).map((r) => r.rule)).toEqual(['min_length', 'uppercase', 'lowercase', 'number', 'special_char']);
    expect(unmet('correct horse')).toEqual(['uppercase', 'number', 'special_char']);
    expect(unmet('Correct horse 9!')).toEqual([]);
  });

  it('counts letters and digits of every script, and emoji as special characters', () => {
    expect(unmet('ÉCOLE été ٣ x.')).toEqual([]);
    expect(unmet('Straße 42 🔑 a')).toEqual([]);
    expect(unmet('Abcdefgh1 ')).toEqual(['special_char']);
  });

  it('counts length in code points, and flags an overlong password', () => {
    expect(unmet('🔑🔑🔑🔑🔑🔑🔑🔑', none)).toEqual([]);
    expect(unmet('🔑🔑🔑🔑🔑🔑🔑', none)).toEqual(['min_length']);
    expect(unmet('x'.repeat(257), none)).toEqual(['max_length']);
  });
});
