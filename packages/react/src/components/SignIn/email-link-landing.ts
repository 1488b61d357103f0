import { SIGN_IN_ROUTES } from './sign-in-context.ts';

/** The query parameter the server adds to a sign-in link. */
export const LINK_PARAM = '__usher_link';

/**
 * The absolute URL of <SignIn/>'s link page (`verify`), for the server to put in the email: this
 * page's origin and the component's own route (path or hash routing; a virtual <SignIn/> in a
 * modal has no URL of its own, so the instance's sign-in page is used). The server checks it
 * against the allowed origins; the token is added as `?__usher_link=`.
 */
export function linkLandingUrl(href: (to: string) => string, signInUrl: string): string {
  const own = href(SIGN_IN_ROUTES.verifyLink);
  const target = own === '#' ? `${signInUrl.replace(/\/+$/, '')}/${SIGN_IN_ROUTES.verifyLink}` : own;
  return new URL(target, window.location.href).href;
}

/** The token of a sign-in link the page was opened with (in the query, or in the hash route's query). */
export function linkTokenOf(searchParams: URLSearchParams): string | null {
  return searchParams.get(LINK_PARAM) ?? (typeof window === 'undefined' ? null : new URL(window.location.href).searchParams.get(LINK_PARAM));
}
