import { SignJWT } from 'jose';
import type { InstanceConfig } from '../../config/instance.ts';
import { utf8 } from '../../crypto/encoding.ts';
import { UsherError } from '../../errors.ts';
import type { ClientContext } from '../client-context.ts';
import type { Runtime } from '../runtime.ts';
import { requireActiveSession } from '../sessions.ts';
import { MAX_TEMPLATE_CLAIMS_BYTES } from './jwt-templates.ts';
import { resolveClaimsFor } from './shortcode-user.ts';

/**
 * Mints a token from the JWT template `name` for an active session of this client
 * (POST /v1/client/sessions/{id}/tokens/{name}): the template's claims with shortcodes resolved
 * for the session's user, then Usher's own `iss`, `sub`, `sid`, `iat`, `nbf`, `exp` (the
 * template's lifetime), `azp` and `aud`. Signed with the instance key (ES256 + kid, verifiable
 * from JWKS) or with the template's HS256 secret. It records no activity: the session token does.
 */
export async function mintTemplateToken(rt: Runtime, config: InstanceConfig, ctx: ClientContext, sessionId: string, name: string, authorizedParty: string | undefined): Promise<string> {
  const session = await requireActiveSession(rt, ctx.client, sessionId);
  const template = await rt.store.findJwtTemplateByName(name);
  if (!template) throw new UsherError('jwt_template_not_found');
  const custom = await resolveClaimsFor(rt, config, session.userId, template.claims, MAX_TEMPLATE_CLAIMS_BYTES, `The claims of template "${template.name}"`);
  const iat = Math.floor(rt.now() / 1000);
  const claims: Record<string, unknown> = { ...custom, iss: rt.issuer, sub: session.userId, sid: session.id, iat, nbf: iat, exp: iat + template.lifetimeSeconds };
  if (authorizedParty !== undefined) claims.azp = authorizedParty;
  if (template.audience !== null) claims.aud = template.audience;
  const jwt = new SignJWT(claims);
  if (template.signingAlgorithm === 'HS256' && template.signingKey !== null) {
    return jwt.setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(utf8(template.signingKey));
  }
  const key = await rt.keys.signingKey();
  return jwt.setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
}
