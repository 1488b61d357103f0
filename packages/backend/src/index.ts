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

/**
 * Is this request signed in? Reads `Authorization: Bearer` or the `__session` cookie and verifies
 * the token offline; a bad or missing token is a signed-out state with a reason, never a throw.
 *
 * @example
 * const state = await authenticateRequest(request, { jwksUrl, issuer: 'https://auth.example.com' });
 * if (state.status === 'signed-in') console.log(state.toAuth().userId);
 */
export { authenticateRequest, tokenOf, type AuthenticateRequestOptions, type AuthStatusReason, type RequestLike, type RequestState } from './request/authenticate-request.ts';

/**
 * The auth object: `{ userId, sessionId, orgId, orgRole, orgSlug, orgPermissions, claims, has() }`.
 *
 * @example
 * const { userId, has } = state.toAuth();
 * if (!has({ permission: 'org:invoices:create' })) return forbidden();
 */
export { authOf, type Auth } from './request/auth-object.ts';
export { createHas, type Has, type HasParams } from '@usher/protocol/has';

/**
 * Middleware that sets `req.auth` (Node http, Express) or `c.get('auth')` (Hono), and variants
 * that answer 401 JSON to signed-out requests.
 *
 * @example
 * app.use(usherExpress({ jwksUrl, issuer }));
 * app.get('/api/private', requireAuthExpress({ jwksUrl, issuer }), handler);
 */
export { usherNodeMiddleware, requireAuthNode, authenticateNodeRequest, getAuth, type AuthenticatedIncomingMessage } from './middleware/node.ts';
export { usherExpress, requireAuthExpress } from './middleware/express.ts';
export { usherHono, requireAuthHono, type UsherHonoVariables } from './middleware/hono.ts';

/**
 * A client of the Backend API (users, sessions, JWT templates, instance settings).
 *
 * @example
 * const usher = createUsherBackendClient({ secretKey: process.env.USHER_SECRET_KEY!, apiUrl: 'https://auth.example.com' });
 * await usher.users.ban(userId);
 */
export { createUsherBackendClient, UsherBackendApiError, type UsherBackendClient, type UsherBackendClientOptions, type JwtTemplateInput } from './api/backend-client.ts';

/**
 * Verifies a Standard Webhooks delivery (id, timestamp, signature over the raw body).
 *
 * @example
 * const event = await verifyWebhook(rawBody, request.headers, process.env.USHER_WEBHOOK_SECRET!, { seen: createReplayGuard().seen });
 */
export { verifyWebhook, createReplayGuard, WebhookVerificationError, type VerifyWebhookOptions, type WebhookVerificationErrorReason } from './webhooks/verify-webhook.ts';
export { signWebhookPayload } from '@usher/protocol/webhook-signature';
