import type { SignUpStatus } from '@usher/protocol';
import { defineMachine } from './define-machine.ts';

export type SignUpAction = 'create' | 'update' | 'prepareEmailAddressVerification' | 'attemptEmailAddressVerification' | 'reload' | 'finalize';

const machine = defineMachine<SignUpStatus, SignUpAction>({
  name: 'SignUp',
  statuses: ['missing_requirements', 'complete', 'abandoned'],
  actions: {
    none: ['create'],
    missing_requirements: ['create', 'update', 'prepareEmailAddressVerification', 'attemptEmailAddressVerification', 'reload'],
    complete: ['create', 'reload', 'finalize'],
    abandoned: ['create'],
  },
  transitions: {
    none: ['missing_requirements', 'complete'],
    missing_requirements: ['complete', 'abandoned'],
    complete: [],
    abandoned: [],
  },
});

/**
 * The sign-up state machine: `missing_requirements → complete` (or `abandoned` when it timed
 * out). `null` is "no sign-up attempt yet". Pure, no HTTP.
 *
 * @example
 * signUpMachine.canAttemptEmailAddressVerification(signUp.status); // true while missing_requirements
 */
export const signUpMachine = Object.freeze({
  ...machine,
  canCreate: (status: SignUpStatus | null) => machine.can(status, 'create'),
  canUpdate: (status: SignUpStatus | null) => machine.can(status, 'update'),
  canPrepareEmailAddressVerification: (status: SignUpStatus | null) => machine.can(status, 'prepareEmailAddressVerification'),
  canAttemptEmailAddressVerification: (status: SignUpStatus | null) => machine.can(status, 'attemptEmailAddressVerification'),
  canFinalize: (status: SignUpStatus | null) => machine.can(status, 'finalize'),
});
