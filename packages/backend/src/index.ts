/**
 * @usher/backend — verify Usher session tokens on your own server, offline (a PEM key) or with the
 * instance's JWKS (cached, refetched without stampedes).
 */

/**
 * Why a token was refused, and the error that carries it.
 *
 * @example
 * try {
 *   await verifier.verify(token);
 * } catch (error) {
 *   if (error instanceof TokenVerificationError && error.reason === 'token-expired') return refreshAndRetry();
 *   throw error;
 * }
 */
export { TokenVerificationError, type TokenVerificationErrorReason } from './errors.ts';

/**
 * A cached, rate-limited client of the instance's `/.well-known/jwks.json`; keep one per process.
 *
 * @example
 * const jwks = createJwksClient({ jwksUrl: 'https://auth.example.com/.well-known/jwks.json' });
 * const verifier = createTokenVerifier({ jwks, issuer: 'https://auth.example.com' });
 */
export { createJwksClient, type JwksClient, type JwksClientOptions, type JwksFetch, type JwksKey } from './jwks/jwks-client.ts';

/**
 * A verifier that keeps its key and JWKS cache across calls: the way to verify in a server.
 *
 * @example
 * const verifier = createTokenVerifier({
 *   jwksUrl: 'https://auth.example.com/.well-known/jwks.json',
 *   issuer: 'https://auth.example.com',
 *   authorizedParties: ['https://app.example.com'],
 * });
 * const { sub: userId } = await verifier.verify(token);
 */
export { createTokenVerifier, type TokenVerifier } from './jwt/verify-token.ts';

/**
 * Verifies one session token and answers its claims (one-off use; with `jwksUrl` it fetches the
 * key set on every call, so servers prefer `createTokenVerifier`).
 *
 * @example
 * const claims = await verifyToken(token, { jwtKey: publicKeyPem, issuer: 'https://auth.example.com' });
 */
export { verifyToken, type VerifyTokenOptions, type VerificationKeySource } from './jwt/verify-token.ts';

/**
 * The claims of a session token (`iss`, `sub`, `sid`, `azp`, `iat`, `nbf`, `exp`, `fva`, org claims).
 *
 * @example
 * const claims: SessionTokenClaims = await verifier.verify(token);
 */
export type { SessionTokenClaims } from '@usher/protocol';

/**
 * The issuer option: a string, a list, or a predicate.
 *
 * @example
 * const issuer: IssuerMatcher = (iss) => iss.endsWith('.auth.example.com');
 */
export type { IssuerMatcher } from './jwt/assert-claims.ts';
