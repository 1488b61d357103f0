/**
 * Why a session token (or the key meant to verify it) was refused. A closed union: every failure
 * of `verifyToken` maps to exactly one of these.
 */
export type TokenVerificationErrorReason =
  /** `exp` (plus the allowed clock skew) has passed. */
  | 'token-expired'
  /** Not a well-formed compact JWS, a forbidden header (`jwk`, `jku`, `x5u`, `x5c`, `crit`), or a required claim missing or mistyped. */
  | 'token-invalid'
  /** `alg` is not ES256 or RS256 (`none`, HS256, …), or does not match the key. */
  | 'token-invalid-algorithm'
  /** `authorizedParties` was given and `azp` is missing or not in it. */
  | 'token-invalid-authorized-parties'
  /** The signature does not verify: the token was tampered with or signed by another key. */
  | 'token-invalid-signature'
  /** `nbf` is later than now plus the allowed clock skew. */
  | 'token-not-active-yet'
  /** `iat` is later than now plus the allowed clock skew. */
  | 'token-iat-in-the-future'
  /** `iss` is not the expected issuer. */
  | 'token-invalid-issuer'
  /** No `kid`, or no key of the JWKS has it. */
  | 'jwk-kid-mismatch'
  /** The JWKS could not be fetched (network error, timeout, non-2xx answer). */
  | 'jwk-remote-failed-to-load'
  /** The JWKS answer is not a key set with at least one usable signing key. */
  | 'jwk-remote-invalid'
  /** The `jwtKey` PEM is not an SPKI P-256 or RSA public key. */
  | 'jwk-local-invalid';

/**
 * A session token was refused. `reason` says why; the message is for humans and logs and never
 * contains the token, nor any value taken from it.
 *
 * @example
 * try {
 *   const claims = await verifier.verify(token);
 * } catch (error) {
 *   if (error instanceof TokenVerificationError) return new Response(null, { status: 401 });
 *   throw error;
 * }
 */
export class TokenVerificationError extends Error {
  override readonly name = 'TokenVerificationError';
  readonly reason: TokenVerificationErrorReason;

  constructor(reason: TokenVerificationErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}
