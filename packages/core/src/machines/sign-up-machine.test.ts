import { describe, expect, it } from 'vitest';
import { UsherMisuseError } from '../errors.ts';
import { signUpMachine } from './sign-up-machine.ts';

describe('signUpMachine', () => {
  it('before any attempt, only create() is allowed', () => {
    expect(signUpMachine.actionsFor(null)).toEqual(['create']);
    expect(signUpMachine.canUpdate(null)).toBe(false);
    expect(signUpMachine.canPrepareEmailAddressVerification(null)).toBe(false);
  });

  it('a sign-up missing requirements can be updated and its email verified', () => {
    expect(signUpMachine.canUpdate('missing_requirements')).toBe(true);
    expect(signUpMachine.canPrepareEmailAddressVerification('missing_requirements')).toBe(true);
    expect(signUpMachine.canAttemptEmailAddressVerification('missing_requirements')).toBe(true);
    expect(signUpMachine.canFinalize('missing_requirements')).toBe(false);
  });

  it('a complete sign-up can only be finalized (or a new one created)', () => {
    expect(signUpMachine.canFinalize('complete')).toBe(true);
    expect(signUpMachine.canUpdate('complete')).toBe(false);
    expect(signUpMachine.canAttemptEmailAddressVerification('complete')).toBe(false);
    expect(signUpMachine.canCreate('complete')).toBe(true);
  });

  it('an abandoned sign-up accepts nothing but a new create()', () => {
    expect(signUpMachine.actionsFor('abandoned')).toEqual(['create']);
    expect(() => signUpMachine.assert('abandoned', 'update')).toThrow(UsherMisuseError);
  });

  it('transitions: missing_requirements → complete | abandoned, both terminal', () => {
    expect(signUpMachine.canTransition(null, 'missing_requirements')).toBe(true);
    expect(signUpMachine.canTransition('missing_requirements', 'complete')).toBe(true);
    expect(signUpMachine.canTransition('missing_requirements', 'abandoned')).toBe(true);
    expect(signUpMachine.canTransition('complete', 'missing_requirements')).toBe(false);
    expect(signUpMachine.canTransition('abandoned', 'complete')).toBe(false);
    expect(signUpMachine.isTerminal('complete')).toBe(true);
    expect(signUpMachine.isTerminal('abandoned')).toBe(true);
    expect(signUpMachine.isTerminal('missing_requirements')).toBe(false);
  });
});
