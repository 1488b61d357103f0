import type { SessionTokenClaims } from '@usher/protocol';
import { TokenVerificationError, type TokenVerificationErrorReason } from '../errors.ts';
import { createTokenVerifier, type TokenVerifier, type VerifyTokenOptions } from '../jwt/verify-token.ts';
import { authOf, type Auth } from './auth-object.ts';
import { readCookie } from './cookies.ts';

/** Why a request counts as signed out. */
export type AuthStatusReason =
  | TokenVerificationErrorReason
  /** Neither `Authorization: Bearer` nor a `__session` cookie. */
  | 'session-token-missing'
  /**
   * The `__session` cookie is older than the client's last change (`__client_uat`): the user
   * signed out or switched accounts in another tab. The browser's SDK writes a fresh token within
   * a second; until then the request is treated as signed out.
   */
  | 'session-token-outdated';

export type RequestState =
  | { status: 'signed-in'; token: string; claims: SessionTokenClaims; toAuth(): Auth }
  | { status: 'signed-out'; reason: AuthStatusReason; message: string; toAuth(): Auth };

/** The verifier options, or a verifier built once and reused (the JWKS cache lives in it). */
export type AuthenticateRequestOptions = VerifyTokenOptions | { verifier: TokenVerifier };

/** A request with headers: a WHATWG Request, or anything with a `headers` of that shape. */
export interface RequestLike {
  headers: Pick<Headers, 'get'>;
}

/**
 * The verifier the options name: the given one, or a new one (with its own JWKS cache). Middleware
 * builds it once when it is created and reuses it for every request.
 */
export function createRequestVerifier(options: AuthenticateRequestOptions): TokenVerifier {
  if ('verifier' in options && options.verifier) return options.verifier;
  return createTokenVerifier(options as VerifyTokenOptions);
}

function signedOut(reason: AuthStatusReason, message: string): RequestState {
  return { status: 'signed-out', reason, message, toAuth: () => authOf(null) };
}

/** The token a request carries: `Authorization: Bearer` first (API clients), else the `__session` cookie. */
export function tokenOf(request: RequestLike): { token: string; from: 'header' | 'cookie' } | null {
  const authorization = request.headers.get('authorization');
  const bearer = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] : undefined;
  if (bearer) return { token: bearer, from: 'header' };
  const cookie = readCookie(request.headers.get('cookie'), '__session');
  return cookie ? { token: cookie, from: 'cookie' } : null;
}

/**
 * Decides whether a request is signed in, offline: verifies the session token it carries (see
 * `createTokenVerifier` for the rules). Never throws for a bad or missing token — that is a
 * signed-out answer with its reason; it throws only for misconfiguration (TypeError).
 *
 * @example
 * const state = await authenticateRequest(request, { jwksUrl, issuer: 'https://auth.example.com' });
 * if (state.status === 'signed-out') return new Response(null, { status: 401 });
 * const { userId, has } = state.toAuth();
 */
export async function authenticateRequest(request: RequestLike, options: AuthenticateRequestOptions): Promise<RequestState> {
  // With verifier options, a fresh verifier per call (no state outlives it); servers pass a
  // `verifier` or use the middleware, which keep one.
  const verifier = createRequestVerifier(options);
  const found = tokenOf(request);
  if (!found) return signedOut('session-token-missing', 'The request carries no session token.');
  let claims: SessionTokenClaims;
  try {
    claims = await verifier.verify(found.token);
  } catch (error) {
    if (error instanceof TokenVerificationError) return signedOut(error.reason, error.message);
    throw error;
  }
  if (found.from === 'cookie') {
    const uatText = readCookie(request.headers.get('cookie'), '__client_uat');
    // Absent or empty: nothing to compare. 0: the client signed out. Later than the token's iat:
    // the user signed out or switched after the token was minted, so the token is stale.
    const uat = uatText && /^\d{1,12}$/.test(uatText) ? Number(uatText) : null;
    if (uat !== null && (uat === 0 || uat > claims.iat)) {
      return signedOut('session-token-outdated', 'The session cookie is older than the latest change of the client.');
    }
  }
  return { status: 'signed-in', token: found.token, claims, toAuth: () => authOf(claims) };
}
