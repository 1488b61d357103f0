import type { BackendJwtTemplateBody, BackendJwtTemplateJSON } from '@usher/protocol';
import { UsherError } from '../../errors.ts';
import { StoreConflictError, type JwtTemplateRecord } from '../../store/types.ts';
import type { Runtime } from '../runtime.ts';
import { isKnownShortcode, shortcodesIn } from './shortcodes.ts';

/** Claims Usher sets itself on every token: a template cannot replace them (`aud` comes from `audience`). */
export const RESERVED_CLAIMS = ['iss', 'sub', 'sid', 'azp', 'iat', 'nbf', 'exp', 'fva', 'aud', 'jti'] as const;

/** A token's templated claims may resolve to at most this much JSON (headers and cookies have limits). */
export const MAX_TEMPLATE_CLAIMS_BYTES = 4096;

export const jsonBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).byteLength;

/**
 * Refuses claims a token could not carry: a reserved claim, an unknown shortcode (so a typo is
 * caught when saving, not at the first sign-in), or a document over `maxBytes`.
 */
export function assertValidClaims(claims: Record<string, unknown>, paramName: string, maxBytes: number): void {
  const reserved = Object.keys(claims).filter((key) => (RESERVED_CLAIMS as readonly string[]).includes(key));
  if (reserved.length) {
    throw new UsherError('form_param_value_invalid', { paramName, longMessage: `\`${reserved.join('`, `')}\` ${reserved.length > 1 ? 'are' : 'is'} set by Usher and cannot be templated.` });
  }
  const unknown = shortcodesIn(claims).filter((path) => !isKnownShortcode(path));
  if (unknown.length) {
    throw new UsherError('form_param_value_invalid', { paramName, longMessage: `Unknown shortcode ${unknown.map((u) => `{{${u}}}`).join(', ')}. Shortcodes read user.* fields and user.public_metadata.*.` });
  }
  if (jsonBytes(claims) > maxBytes) throw new UsherError('form_param_value_invalid', { paramName, longMessage: `\`${paramName}\` may be at most ${maxBytes} bytes of JSON.` });
}

export function toJwtTemplateJSON(t: JwtTemplateRecord): BackendJwtTemplateJSON {
  return {
    object: 'jwt_template',
    id: t.id,
    name: t.name,
    claims: structuredClone(t.claims),
    lifetime: t.lifetimeSeconds,
    allowed_clock_skew: t.allowedClockSkewSeconds,
    audience: t.audience,
    signing_algorithm: t.signingAlgorithm,
    has_signing_key: t.signingKey !== null,
    created_at: t.createdAt,
    updated_at: t.updatedAt,
  };
}

function recordFrom(body: BackendJwtTemplateBody, base: { id: string; createdAt: number; signingKey: string | null }, now: number): JwtTemplateRecord {
  assertValidClaims(body.claims, 'claims', MAX_TEMPLATE_CLAIMS_BYTES);
  const signingKey = body.signing_algorithm === 'HS256' ? (body.signing_key ?? base.signingKey) : null;
  if (body.signing_algorithm === 'HS256' && signingKey === null) {
    throw new UsherError('form_param_missing', { paramName: 'signing_key', longMessage: 'An HS256 template needs `signing_key` (at least 32 characters).' });
  }
  if (body.signing_algorithm === 'instance' && body.signing_key !== undefined) {
    throw new UsherError('form_param_value_invalid', { paramName: 'signing_key', longMessage: 'Templates signed with the instance keys take no `signing_key`.' });
  }
  return {
    id: base.id,
    name: body.name,
    claims: body.claims,
    lifetimeSeconds: body.lifetime,
    allowedClockSkewSeconds: body.allowed_clock_skew,
    audience: body.audience ?? null,
    signingAlgorithm: body.signing_algorithm,
    signingKey,
    createdAt: base.createdAt,
    updatedAt: now,
  };
}

function nameTaken(error: unknown): never {
  if (error instanceof StoreConflictError) throw new UsherError('form_identifier_exists', { paramName: 'name', longMessage: 'Another JWT template has this name.' });
  throw error;
}

export async function createJwtTemplate(rt: Runtime, body: BackendJwtTemplateBody): Promise<JwtTemplateRecord> {
  const now = rt.now();
  const record = recordFrom(body, { id: rt.newId('jtmp'), createdAt: now, signingKey: null }, now);
  await rt.store.createJwtTemplate(record).catch(nameTaken);
  return record;
}

export async function getJwtTemplateOr404(rt: Runtime, id: string): Promise<JwtTemplateRecord> {
  const template = await rt.store.getJwtTemplate(id);
  if (!template) throw new UsherError('jwt_template_not_found');
  return template;
}

/** Replaces the template; an HS256 template keeps its secret when none is sent. */
export async function replaceJwtTemplate(rt: Runtime, id: string, body: BackendJwtTemplateBody): Promise<JwtTemplateRecord> {
  const current = await getJwtTemplateOr404(rt, id);
  const record = recordFrom(body, current, rt.now());
  const saved = await rt.store.replaceJwtTemplate(record).catch(nameTaken);
  if (!saved) throw new UsherError('jwt_template_not_found');
  return saved;
}

export async function deleteJwtTemplate(rt: Runtime, id: string): Promise<void> {
  if (!(await rt.store.deleteJwtTemplate(id))) throw new UsherError('jwt_template_not_found');
}
