/** Names on the wire that both the server and the SDK must agree on. */
export const CLIENT_COOKIE = '__client';
export const SESSION_COOKIE = '__session';
export const CLIENT_UAT_COOKIE = '__client_uat';
/** Response header carrying the client token in bearer mode (non-browser clients, tests). */
export const CLIENT_TOKEN_HEADER = 'x-usher-client-token';
/** Request header that asks the API for bearer mode instead of a cookie. */
export const BEARER_MODE_HEADER = 'x-usher-bearer';
export const API_VERSION_PATH = '/v1';
