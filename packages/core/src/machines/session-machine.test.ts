import { describe, expect, it } from 'vitest';
import { UsherMisuseError } from '../errors.ts';
import { sessionMachine } from './session-machine.ts';

describe('sessionMachine', () => {
  it('only an active session mints tokens, is touched or ended', () => {
    expect(sessionMachine.isActive('active')).toBe(true);
    expect(sessionMachine.canGetToken('active')).toBe(true);
    expect(sessionMachine.canTouch('active')).toBe(true);
    expect(sessionMachine.canEnd('active')).toBe(true);
  });

  it('every other status is terminal and allows nothing', () => {
    for (const status of ['ended', 'expired', 'removed', 'replaced', 'revoked', 'abandoned'] as const) {
      expect(sessionMachine.isActive(status)).toBe(false);
      expect(sessionMachine.canGetToken(status)).toBe(false);
      expect(sessionMachine.isTerminal(status)).toBe(true);
      expect(sessionMachine.canTransition(status, 'active')).toBe(false);
      expect(sessionMachine.canTransition('active', status)).toBe(true);
    }
    expect(() => sessionMachine.assert('revoked', 'touch')).toThrow(UsherMisuseError);
  });

  it('a session is created active', () => {
    expect(sessionMachine.canTransition(null, 'active')).toBe(true);
    expect(sessionMachine.canTransition(null, 'ended')).toBe(false);
  });
});
