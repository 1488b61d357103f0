import { describe, expect, it } from 'vitest';
import { verificationMachine } from './verification-machine.ts';

describe('verificationMachine', () => {
  it('a code that was never sent can only be prepared', () => {
    expect(verificationMachine.canPrepare(null)).toBe(true);
    expect(verificationMachine.canAttempt(null)).toBe(false);
  });

  it('an unverified code can be attempted and sent again', () => {
    expect(verificationMachine.canAttempt('unverified')).toBe(true);
    expect(verificationMachine.canPrepare('unverified')).toBe(true);
  });

  it('an expired code cannot be attempted, only sent again', () => {
    expect(verificationMachine.canAttempt('expired')).toBe(false);
    expect(verificationMachine.canPrepare('expired')).toBe(true);
    expect(verificationMachine.canTransition('expired', 'unverified')).toBe(true);
  });

  it('verified and failed are terminal', () => {
    for (const status of ['verified', 'failed'] as const) {
      expect(verificationMachine.actionsFor(status)).toEqual([]);
      expect(verificationMachine.isTerminal(status)).toBe(true);
    }
    expect(verificationMachine.canTransition('failed', 'verified')).toBe(false);
    expect(verificationMachine.canTransition('verified', 'unverified')).toBe(false);
  });

  it('unverified ends verified, failed or expired', () => {
    expect(verificationMachine.canTransition('unverified', 'verified')).toBe(true);
    expect(verificationMachine.canTransition('unverified', 'failed')).toBe(true);
    expect(verificationMachine.canTransition('unverified', 'expired')).toBe(true);
  });
});
