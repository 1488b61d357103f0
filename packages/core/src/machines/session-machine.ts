import type { SessionStatus } from '@usher/protocol';
import { defineMachine } from './define-machine.ts';

export type SessionAction = 'touch' | 'getToken' | 'end';

const ENDED: SessionStatus[] = ['ended', 'expired', 'removed', 'replaced', 'revoked', 'abandoned'];

const machine = defineMachine<SessionStatus, SessionAction>({
  name: 'Session',
  statuses: ['active', ...ENDED],
  actions: {
    none: [],
    active: ['touch', 'getToken', 'end'],
    ended: [],
    expired: [],
    removed: [],
    replaced: [],
    revoked: [],
    abandoned: [],
  },
  transitions: {
    none: ['active'],
    active: ENDED,
    ended: [],
    expired: [],
    removed: [],
    replaced: [],
    revoked: [],
    abandoned: [],
  },
});

/**
 * The session state machine: `active` until it ends one way or another (`ended` by sign-out,
 * `expired` by inactivity, `abandoned` at maximum lifetime, `removed`, `replaced`, `revoked`).
 * Every status but `active` is terminal. Pure, no HTTP.
 *
 * @example
 * sessionMachine.isActive(session.status); // only active sessions mint tokens
 */
export const sessionMachine = Object.freeze({
  ...machine,
  isActive: (status: SessionStatus | null) => status === 'active',
  canTouch: (status: SessionStatus | null) => machine.can(status, 'touch'),
  canGetToken: (status: SessionStatus | null) => machine.can(status, 'getToken'),
  canEnd: (status: SessionStatus | null) => machine.can(status, 'end'),
});
