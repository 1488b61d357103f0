import type { InstanceConfig } from '../../config/instance.ts';
import { UsherError } from '../../errors.ts';
import type { Runtime } from '../runtime.ts';
import { avatarSettings, userImage } from '../serializers/user-image.ts';
import { jsonBytes } from './jwt-templates.ts';
import { resolveShortcodes } from './shortcodes.ts';

/**
 * Resolves `claims` for one user and checks the result's size: what both session tokens (custom
 * claims) and JWT templates do at every mint. `what` names the claims in the error.
 */
export async function resolveClaimsFor(rt: Runtime, config: InstanceConfig, userId: string, claims: Record<string, unknown>, maxBytes: number, what: string): Promise<Record<string, unknown>> {
  const user = await rt.store.getUser(userId);
  if (!user) throw new UsherError('session_not_found');
  const emails = await rt.store.listEmailAddresses(user.id);
  const primaryEmail = emails.find((e) => e.id === user.primaryEmailAddressId) ?? null;
  const { image_url: imageUrl } = userImage(user, primaryEmail?.emailAddress ?? null, avatarSettings(rt.config, config));
  const primaryPhone = user.primaryPhoneNumberId ? await rt.store.getPhoneNumber(user.primaryPhoneNumberId) : null;
  const resolved = resolveShortcodes(claims, { user, primaryEmail, primaryPhone, imageUrl }) as Record<string, unknown>;
  const size = jsonBytes(resolved);
  if (size > maxBytes) throw new UsherError('token_claims_too_large', { longMessage: `${what} resolve to ${size} bytes for this user; the limit is ${maxBytes}.` });
  return resolved;
}
