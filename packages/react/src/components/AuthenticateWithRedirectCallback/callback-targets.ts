import type { Environment, RedirectCallbackResult, User } from '@usher/core';
import { allowedRedirectOrigins, authPageUrl, REDIRECT_URL_PARAM, safeRedirectUrl, type PageLocation } from '../../control/auth-urls.ts';
import { afterSignInTarget } from '../SignIn/redirect-target.ts';
import { SIGN_IN_ROUTES } from '../SignIn/sign-in-context.ts';
import { afterSignUpUrl } from '../SignUp/redirect.ts';

/** Where the return page sends people; every prop is optional (the instance's pages are the defaults). */
export interface CallbackTargetProps {
  /** The sign-in page; default the instance's `sign_in_url`. */
  signInUrl?: string;
  /** The sign-up page; default the instance's `sign_up_url`. */
  signUpUrl?: string;
  /** After a sign-in, always go here (wins over the URL the flow was started with). */
  signInForceRedirectUrl?: string;
  /** After a sign-in started without a target; default the instance's `after_sign_in_url`. */
  signInFallbackRedirectUrl?: string;
  signUpForceRedirectUrl?: string;
  signUpFallbackRedirectUrl?: string;
  /** The sign-in step that finishes a sign-in needing more (`needs_sign_in`); default `<signInUrl>#/continue`. */
  continueSignInUrl?: string;
  /** The sign-up step that asks for missing fields or the email code (`needs_sign_up`); default `<signUpUrl>#/continue`. */
  continueSignUpUrl?: string;
}

/** The page a finished flow goes to: force prop › the flow's own target › fallback prop › the instance's › `/`. */
export function afterCallbackUrl(result: RedirectCallbackResult, props: CallbackTargetProps, environment: Environment | null, location: PageLocation, isSignUp: boolean): string {
  const allowed = allowedRedirectOrigins(location);
  const chosen = safeRedirectUrl(isSignUp ? props.signUpForceRedirectUrl : props.signInForceRedirectUrl, allowed) ?? safeRedirectUrl(result.redirectUrl, allowed);
  if (chosen) return chosen;
  return isSignUp ? afterSignUpUrl({ fallbackRedirectUrl: props.signUpFallbackRedirectUrl }, environment, location) : afterSignInTarget({ fallbackRedirectUrl: props.signInFallbackRedirectUrl }, environment, location);
}

/** The sign-in or sign-up page (carrying where to go after), at a route of its own (`#/continue`) or none. */
export function authPageTarget(page: 'signIn' | 'signUp', props: CallbackTargetProps, environment: Environment | null, location: PageLocation, redirectUrl: string, route?: string): string {
  const base = authPageUrl({ page, url: page === 'signIn' ? props.signInUrl : props.signUpUrl, redirectUrl }, environment, location);
  return route ? `${base}#/${route}` : base;
}

/** The continue step of the sign-in or the sign-up. */
export function continueUrl(page: 'signIn' | 'signUp', props: CallbackTargetProps, environment: Environment | null, location: PageLocation, redirectUrl: string): string {
  const explicit = page === 'signIn' ? props.continueSignInUrl : props.continueSignUpUrl;
  return explicit ?? authPageTarget(page, props, environment, location, redirectUrl, SIGN_IN_ROUTES.continue);
}

/** An instance that requires 2-step verification, and an account without it: the sign-in page sets it up first. */
export function needsTwoStepSetup(environment: Environment | null, user: User | null): boolean {
  const mfa = environment?.userSettings.mfa;
  return !!(mfa?.required && mfa.totp && user && !user.twoFactorEnabled);
}

/** The `redirect_url` the return page was opened with (a connection started from UserProfile says where it came from). */
export function returnUrlOf(location: PageLocation): string | null {
  return safeRedirectUrl(new URL(location.href).searchParams.get(REDIRECT_URL_PARAM), allowedRedirectOrigins(location));
}
