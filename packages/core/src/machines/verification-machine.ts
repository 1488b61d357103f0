import type { VerificationStatus } from '@usher/protocol';
import { defineMachine } from './define-machine.ts';

export type VerificationAction = 'prepare' | 'attempt';

const machine = defineMachine<VerificationStatus, VerificationAction>({
  name: 'Verification',
  statuses: ['unverified', 'verified', 'failed', 'expired'],
  actions: {
    none: ['prepare'],
    // A resend keeps the attempts already spent, so preparing again is always safe here.
    unverified: ['prepare', 'attempt'],
    // An expired code needs a new one; the attempt budget stays.
    expired: ['prepare'],
    verified: [],
    // Too many wrong codes: the flow must start over.
    failed: [],
  },
  transitions: {
    none: ['unverified'],
    unverified: ['verified', 'failed', 'expired'],
    expired: ['unverified'],
    verified: [],
    failed: [],
  },
});

/**
 * The verification state machine: `unverified → verified | failed | expired`; an expired code
 * can be sent again. `null` is "never prepared". Pure, no HTTP.
 *
 * @example
 * verificationMachine.canAttempt(signUp.verifications.emailAddress?.status ?? null);
 */
export const verificationMachine = Object.freeze({
  ...machine,
  canPrepare: (status: VerificationStatus | null) => machine.can(status, 'prepare'),
  canAttempt: (status: VerificationStatus | null) => machine.can(status, 'attempt'),
});
