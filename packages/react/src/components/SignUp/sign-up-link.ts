import type { Environment } from '@usher/core';
import { linkLandingUrl } from '../SignIn/email-link-landing.ts';

/** <SignUp/>'s route of the page a sign-up link opens (`__usher_link`): confirmed with a click. */
export const VERIFY_LINK_ROUTE = 'verify';

/** How the instance verifies a new address: codes, links, or both (the user chooses; codes first). */
export function verificationWays(environment: Environment | null): { codes: boolean; links: boolean } {
  const ways = environment?.userSettings.attributes.emailAddress.verifications ?? ['email_code'];
  return { codes: ways.includes('email_code'), links: ways.includes('email_link') };
}

/** The absolute URL of <SignUp/>'s link page, for the email (a virtual <SignUp/> uses the instance's sign-up page). */
export function signUpLinkPageUrl(href: (to: string) => string, environment: Environment | null): string {
  return linkLandingUrl(href, environment?.displayConfig.signUpUrl ?? '/sign-up', VERIFY_LINK_ROUTE);
}
