import { describe, expect, it } from 'vitest';
import { UsherMisuseError } from '../errors.ts';
import { signInMachine } from './sign-in-machine.ts';

describe('signInMachine', () => {
  it('before any attempt, only create() is allowed', () => {
    expect(signInMachine.actionsFor(null)).toEqual(['create']);
    expect(signInMachine.canCreate(null)).toBe(true);
    expect(signInMachine.canAttemptFirstFactor(null)).toBe(false);
    expect(signInMachine.canReload(null)).toBe(false);
  });

  it('a sign-in that needs an identifier can be created again or reloaded, but takes no factor', () => {
    expect(signInMachine.canCreate('needs_identifier')).toBe(true);
    expect(signInMachine.canReload('needs_identifier')).toBe(true);
    expect(signInMachine.canPrepareFirstFactor('needs_identifier')).toBe(false);
    expect(signInMachine.canAttemptFirstFactor('needs_identifier')).toBe(false);
  });

  it('a sign-in that needs the first factor can prepare and attempt it, not the second one', () => {
    expect(signInMachine.canPrepareFirstFactor('needs_first_factor')).toBe(true);
    expect(signInMachine.canAttemptFirstFactor('needs_first_factor')).toBe(true);
    expect(signInMachine.canAttemptSecondFactor('needs_first_factor')).toBe(false);
    expect(signInMachine.canFinalize('needs_first_factor')).toBe(false);
  });

  it('a sign-in that needs the second factor cannot go back to the first one', () => {
    expect(signInMachine.canPrepareSecondFactor('needs_second_factor')).toBe(true);
    expect(signInMachine.canAttemptSecondFactor('needs_second_factor')).toBe(true);
    expect(signInMachine.canAttemptFirstFactor('needs_second_factor')).toBe(false);
  });

  it('a sign-in that needs a new password only accepts resetPassword', () => {
    expect(signInMachine.canResetPassword('needs_new_password')).toBe(true);
    expect(signInMachine.canAttemptFirstFactor('needs_new_password')).toBe(false);
    expect(signInMachine.canResetPassword('needs_first_factor')).toBe(false);
  });

  it('a complete sign-in can be finalized, and takes no more factors', () => {
    expect(signInMachine.canFinalize('complete')).toBe(true);
    expect(signInMachine.canAttemptFirstFactor('complete')).toBe(false);
    expect(signInMachine.canPrepareFirstFactor('complete')).toBe(false);
    expect(signInMachine.isTerminal('complete')).toBe(true);
  });

  it('moves forward through the flow', () => {
    expect(signInMachine.canTransition(null, 'needs_first_factor')).toBe(true);
    expect(signInMachine.canTransition('needs_identifier', 'needs_first_factor')).toBe(true);
    expect(signInMachine.canTransition('needs_first_factor', 'needs_second_factor')).toBe(true);
    expect(signInMachine.canTransition('needs_first_factor', 'complete')).toBe(true);
    expect(signInMachine.canTransition('needs_second_factor', 'complete')).toBe(true);
    expect(signInMachine.canTransition('needs_first_factor', 'needs_first_factor')).toBe(true);
  });

  it('never moves backwards, and a password reset never skips the second factor', () => {
    expect(signInMachine.canTransition('needs_second_factor', 'needs_first_factor')).toBe(false);
    expect(signInMachine.canTransition('complete', 'needs_first_factor')).toBe(false);
    expect(signInMachine.canTransition('needs_new_password', 'needs_second_factor')).toBe(true);
    expect(signInMachine.canTransition('needs_second_factor', 'needs_new_password')).toBe(false);
    expect(signInMachine.canTransition(null, 'needs_new_password')).toBe(false);
  });

  it('assert() throws a typed misuse error (a TypeError) naming the action and the status', () => {
    expect(() => signInMachine.assert('needs_identifier', 'attemptFirstFactor')).toThrow(UsherMisuseError);
    expect(() => signInMachine.assert('needs_identifier', 'attemptFirstFactor')).toThrow(TypeError);
    expect(() => signInMachine.assert('needs_identifier', 'attemptFirstFactor')).toThrow(/attemptFirstFactor\(\).*needs_identifier/);
    expect(() => signInMachine.assert('needs_first_factor', 'attemptFirstFactor')).not.toThrow();
  });

  it('lists every status of the wire', () => {
    expect([...signInMachine.statuses].sort()).toEqual(['complete', 'needs_first_factor', 'needs_identifier', 'needs_new_password', 'needs_second_factor']);
  });
});
