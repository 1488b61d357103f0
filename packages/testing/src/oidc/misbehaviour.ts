import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose';
import type { Middleware } from 'oidc-provider';
import { signIdToken, type ProviderKeys, type SignMode } from './keys.ts';
import type { OidcMisbehaviour } from './types.ts';

/** Copies `target` with `overrides` applied; a key whose value is `undefined` is removed. */
export function applyOverrides<T extends Record<string, unknown>>(target: T, overrides: Record<string, unknown> | undefined): T {
  if (!overrides) return target;
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out as T;
}

function signModeOf(m: OidcMisbehaviour): SignMode {
  if (m.idTokenAlg === 'none') return 'none';
  return m.idTokenSignedBy ?? 'real';
}

function touchesIdToken(m: OidcMisbehaviour): boolean {
  return m.idTokenAlg !== undefined || m.idTokenSignedBy !== undefined || m.idTokenClaims !== undefined;
}

/** The ID token as the misbehaviour wants it: claims overridden, then signed by the chosen key (or unsigned). */
export async function rewriteIdToken(keys: ProviderKeys, idToken: string, m: OidcMisbehaviour): Promise<string> {
  const payload = applyOverrides(decodeJwt(idToken) as Record<string, unknown>, m.idTokenClaims) as JWTPayload;
  const { typ } = decodeProtectedHeader(idToken);
  return signIdToken(keys, payload, signModeOf(m), typ);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/**
 * A Koa middleware (installed with `provider.use`, so it wraps oidc-provider's router) that
 * post-processes the JSON bodies of the token and userinfo endpoints while a misbehaviour is
 * on. The bodies are still objects at that point; Koa serialises them afterwards.
 */
export function misbehaviourMiddleware(keys: ProviderKeys, current: () => OidcMisbehaviour): Middleware {
  return async (ctx, next) => {
    await next();
    const m = current();
    if (ctx.status !== 200 || !isObject(ctx.body)) return;
    const route = ctx.oidc?.route;

    if (route === 'token') {
      let body = ctx.body;
      if (touchesIdToken(m) && typeof body.id_token === 'string') {
        body = { ...body, id_token: await rewriteIdToken(keys, body.id_token, m) };
      }
      ctx.body = applyOverrides(body, m.tokenResponse);
    } else if (route === 'userinfo' && m.userinfo) {
      ctx.body = applyOverrides(ctx.body, m.userinfo);
    }
  };
}
