import { createContext, useContext } from 'react';
import type { StartedSignIn } from '@usher/core';

/** What the steps of one <SignIn/> share (the sign-in attempt itself lives in the SDK snapshot). */
export interface SignInFlow {
  /** The identifier typed on the first step, kept when the user goes back to edit it. */
  identifier: string;
  setIdentifier: (value: string) => void;
  /**
   * Moves on from an attempt a step finished: to the second factor when it needs one, else
   * activates the session and leaves for the after-sign-in URL (through the required 2-step set-up first).
   */
  complete: (attempt: StartedSignIn) => Promise<void>;
  /** Leaves for the after-sign-in URL (the session is already active). */
  leave: () => Promise<void>;
  /** Reserved numbers a second-factor code was texted to in this flow (the step texts once per number). */
  codeSentTo: Set<string>;
  /** The sign-up page with the redirect carried over; null while unknown (server render). */
  signUpHref: string | null;
  /** Follows the sign-up link through the host router when there is one. */
  goToSignUp: () => void;
  /** Where a social / OpenID provider returns to (the prop; default the `sso-callback` route) and where to go after. */
  social: { oauthRedirectUrl: string | undefined; target: () => string };
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
  /** "Check your email": the sign-in link was sent; the step finishes by itself once it is confirmed. */
  emailLink: 'email-link',
  /** The page a sign-in link opens (`__usher_link`): confirmed with a click. */
  verifyLink: 'verify',
  /** The reset code texted to the account's phone number instead. */
  forgotPasswordSms: 'forgot-password/sms',
  /** The new password, once the reset code was right. */
  resetPassword: 'reset-password',
  /** The second factor (`?strategy=totp|phone_code|backup_code`, `&phone=` for a number). */
  secondFactor: 'factor-two',
  /** "Use another method" among the second factors. */
  secondFactorMethods: 'factor-two/methods',
  /** The page a provider returns to (the default `oauthRedirectUrl`). */
  ssoCallback: 'sso-callback',
  /** Picks up the client's sign-in where it stands (after a provider's return): its next step. */
  continue: 'continue',
} as const;
