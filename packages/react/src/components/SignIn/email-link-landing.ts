import { SIGN_IN_ROUTES } from './sign-in-context.ts';

/** The query parameter the server adds to an emailed link. */
export const LINK_PARAM = '__usher_link';

/**
 * The absolute URL of a component's link page (<SignIn/>'s `verify` by default), for the server
 * to put in the email: this page's origin and the component's own route (path or hash routing; a
 * virtual component in a modal has no URL of its own, so the instance's page `pageUrl` is used).
 * The server checks it against the allowed origins; the token is added as `?__usher_link=`.
 */
export function linkLandingUrl(href: (to: string) => string, pageUrl: string, route: string = SIGN_IN_ROUTES.verifyLink): string {
  const own = href(route);
  const target = own === '#' ? `${pageUrl.replace(/\/+$/, '')}/${route}` : own;
  return new URL(target, window.location.href).href;
}

/** The link page of the instance's sign-in page (`<sign_in_url>/verify`): where UserProfile's address links go, as it opens signed out too. */
export function signInLinkPageUrl(signInUrl: string): string {
  return new URL(`${signInUrl.replace(/\/+$/, '')}/${SIGN_IN_ROUTES.verifyLink}`, window.location.href).href;
}

/** What a link's token was sent for, by the id it starts with. */
export type LinkKind = 'sign_in' | 'sign_up' | 'email_address';
export function linkKindOf(token: string): LinkKind {
  return token.startsWith('sua_') ? 'sign_up' : token.startsWith('idn_') ? 'email_address' : 'sign_in';
}

/** The token of a link the page was opened with (in the query, or in the hash route's query). */
export function linkTokenOf(searchParams: URLSearchParams): string | null {
  return searchParams.get(LINK_PARAM) ?? (typeof window === 'undefined' ? null : new URL(window.location.href).searchParams.get(LINK_PARAM));
}
