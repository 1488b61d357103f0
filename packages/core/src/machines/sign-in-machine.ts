import type { SignInStatus } from '@usher/protocol';
import { defineMachine } from './define-machine.ts';

export type SignInAction =
  | 'create'
  | 'reload'
  | 'prepareFirstFactor'
  | 'attemptFirstFactor'
  | 'prepareSecondFactor'
  | 'attemptSecondFactor'
  | 'resetPassword'
  | 'finalize';

const machine = defineMachine<SignInStatus, SignInAction>({
  name: 'SignIn',
  statuses: ['needs_identifier', 'needs_first_factor', 'needs_second_factor', 'needs_new_password', 'complete'],
  actions: {
    none: ['create'],
    needs_identifier: ['create', 'reload'],
    needs_first_factor: ['create', 'reload', 'prepareFirstFactor', 'attemptFirstFactor'],
    needs_second_factor: ['create', 'reload', 'prepareSecondFactor', 'attemptSecondFactor'],
    needs_new_password: ['create', 'reload', 'resetPassword'],
    complete: ['create', 'reload', 'finalize'],
  },
  transitions: {
    none: ['needs_identifier', 'needs_first_factor', 'needs_second_factor', 'complete'],
    needs_identifier: ['needs_first_factor', 'needs_second_factor', 'complete'],
    needs_first_factor: ['needs_second_factor', 'needs_new_password', 'complete'],
    // A reset password is followed by the second factor when the user has one: never skipped.
    needs_new_password: ['needs_second_factor', 'complete'],
    needs_second_factor: ['complete'],
    complete: [],
  },
});

/**
 * The sign-in state machine: `needs_identifier → needs_first_factor → needs_second_factor →
 * complete` (+ `needs_new_password` in the reset flow). `null` is "no sign-in attempt yet".
 * Pure; the SignIn resource uses it to refuse calls that cannot succeed before any request.
 *
 * @example
 * if (signInMachine.canAttemptFirstFactor(signIn.status)) await signIn.attemptFirstFactor({ strategy: 'password', password });
 */
export const signInMachine = Object.freeze({
  ...machine,
  canCreate: (status: SignInStatus | null) => machine.can(status, 'create'),
  canReload: (status: SignInStatus | null) => machine.can(status, 'reload'),
  canPrepareFirstFactor: (status: SignInStatus | null) => machine.can(status, 'prepareFirstFactor'),
  canAttemptFirstFactor: (status: SignInStatus | null) => machine.can(status, 'attemptFirstFactor'),
  canPrepareSecondFactor: (status: SignInStatus | null) => machine.can(status, 'prepareSecondFactor'),
  canAttemptSecondFactor: (status: SignInStatus | null) => machine.can(status, 'attemptSecondFactor'),
  canResetPassword: (status: SignInStatus | null) => machine.can(status, 'resetPassword'),
  canFinalize: (status: SignInStatus | null) => machine.can(status, 'finalize'),
});
