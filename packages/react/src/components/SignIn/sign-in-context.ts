import { createContext, useContext } from 'react';
import type { StartedSignIn } from '@usher/core';

/** What the steps of one <SignIn/> share (the sign-in attempt itself lives in the SDK snapshot). */
export interface SignInFlow {
  /** The identifier typed on the first step, kept when the user goes back to edit it. */
  identifier: string;
  setIdentifier: (value: string) => void;
  /** Activates the session of a complete attempt, then leaves for the after-sign-in URL. */
  complete: (attempt: StartedSignIn) => Promise<void>;
  /** The sign-up page with the redirect carried over; null while unknown (server render). */
  signUpHref: string | null;
  /** Follows the sign-up link through the host router when there is one. */
  goToSignUp: () => void;
}

export const SignInFlowContext = createContext<SignInFlow | null>(null);

export function useSignInFlow(): SignInFlow {
  const flow = useContext(SignInFlowContext);
  if (!flow) throw new TypeError('SignIn steps must render inside <SignIn>.');
  return flow;
}

/** Routes of <SignIn/>, relative to its path. */
export const SIGN_IN_ROUTES = {
  start: '',
  password: 'password',
  emailCode: 'email-code',
  methods: 'methods',
  /** The emailed reset code of "Forgot password?". */
  forgotPassword: 'forgot-password',
  /** The new password, once the reset code was right. */
  resetPassword: 'reset-password',
} as const;
