import type { InstanceConfig } from '../config/instance.ts';
import { bytesToBase64Url } from '../crypto/encoding.ts';
import { UsherError } from '../errors.ts';
import type { VerificationPurpose, VerificationRecord } from '../store/types.ts';
import { appPageUrl } from './app-page-url.ts';
import type { Runtime } from './runtime.ts';

/**
 * What every emailed link shares (sign-in, sign-up verification, an address added in UserProfile):
 * a token `<owner id>.<256 random bits, base64url>` in the `__usher_link` parameter of the app's
 * page, of which only an HMAC bound to the owner and the address is stored.
 */

/** The query parameter of the page a link opens. */
export const LINK_PARAM = '__usher_link';

/** Where the link goes: the app's page `redirect_url` (app-page-url.ts). Never the Host header. */
export function linkLandingUrl(rt: Runtime, redirectUrl: string | undefined, origin: string | null): URL {
  return appPageUrl(rt, redirectUrl, origin, 'the link should open');
}

/** The random part of a new link: 256 bits. */
export function newLinkSecret(rt: Runtime): string {
  return bytesToBase64Url(rt.random.bytes(32));
}

/** The link `url` with its token `<ownerId>.<secret>` added. */
export function withLinkToken(url: URL, ownerId: string, secret: string): string {
  url.searchParams.set(LINK_PARAM, `${ownerId}.${secret}`);
  return url.href;
}

/** A token's owner id and secret (either may be empty: the caller refuses what is not well formed). */
export function splitLinkToken(token: string): { ownerId: string; secret: string } {
  const dot = token.indexOf('.');
  return dot > 0 ? { ownerId: token.slice(0, dot), secret: token.slice(dot + 1) } : { ownerId: '', secret: '' };
}

/**
 * Of an owner's verifications for a code and for a link, the one asked for last (the one the user
 * is waiting for); a verified one wins, as that is what the owner became.
 */
export async function latestVerification(rt: Runtime, ownerId: string, purposes: readonly [VerificationPurpose, VerificationPurpose]): Promise<VerificationRecord | null> {
  const [a, b] = await Promise.all(purposes.map((purpose) => rt.store.getVerification(ownerId, purpose)));
  if (!a || !b) return a ?? b ?? null;
  if ((a.status === 'verified') !== (b.status === 'verified')) return a.status === 'verified' ? a : b;
  return a.updatedAt > b.updatedAt ? a : b;
}

/** A new address is verified the ways the instance enables (`attributes.emailAddress.verifications`); another strategy is 422 strategy_not_allowed. */
export function assertEmailVerificationStrategy(config: InstanceConfig, strategy: 'email_code' | 'email_link'): void {
  if (!config.attributes.emailAddress.enabled || !config.attributes.emailAddress.verifications.includes(strategy)) {
    throw new UsherError('strategy_not_allowed', { paramName: 'strategy', longMessage: strategy === 'email_link' ? 'This application does not verify email addresses with links.' : 'This application does not verify email addresses with codes.' });
  }
}
