/**
 * Wire names shared with the server. Duplicated from @usher/protocol's http.ts on purpose:
 * a value import of @usher/protocol would pull zod into the browser bundle.
 */
export const CLIENT_TOKEN_HEADER = 'x-usher-client-token';
export const BEARER_MODE_HEADER = 'x-usher-bearer';
export const SESSION_COOKIE = '__session';
export const API_VERSION_PATH = '/v1';
