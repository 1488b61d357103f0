import type { ProviderIdentity } from '../store/types.ts';
import { DEFAULT_CLAIM_MAPPING, type ClaimMapping, type OAuthProviderRecord } from './providers.ts';

type Claims = Record<string, unknown>;

const text = (value: unknown, max = 256): string | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().normalize('NFKC');
  return trimmed === '' ? null : trimmed.slice(0, max);
};

/** `true` and Apple's `"true"`; anything else is not an assertion. */
export const isAsserted = (value: unknown): boolean => value === true || value === 'true';

/** A plausible address, lower-cased; providers' unverified values are never trusted more than that. */
export function normalizedEmail(value: unknown): string | null {
  const email = text(value, 320)?.toLowerCase() ?? null;
  return email !== null && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

/** An https image (or a loopback http one in development); anything else is dropped. */
export function safeImageUrl(value: unknown): string | null {
  const url = text(value, 2048);
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(parsed.hostname)) ? parsed.href : null;
  } catch {
    return null;
  }
}

function splitName(name: string | null): { firstName: string | null; lastName: string | null } {
  if (name === null) return { firstName: null, lastName: null };
  const space = name.indexOf(' ');
  return space < 0 ? { firstName: name, lastName: null } : { firstName: name.slice(0, space), lastName: name.slice(space + 1).trim() || null };
}

/**
 * A person from claims (ID token merged with userinfo, or a generic provider's userinfo).
 * `emailVerified` is whatever `verified` says: the caller decides what the provider's word is worth.
 */
export function identityFromClaims(provider: OAuthProviderRecord, claims: Claims, verified: boolean, mapping: ClaimMapping = DEFAULT_CLAIM_MAPPING): ProviderIdentity | null {
  const subject = text(claims[mapping.subject]);
  if (subject === null) return null;
  const emailAddress = mapping.email ? normalizedEmail(claims[mapping.email]) : null;
  const named = splitName(mapping.name ? text(claims[mapping.name]) : null);
  return {
    provider: provider.id,
    subject,
    emailAddress,
    emailVerified: emailAddress !== null && verified,
    firstName: (mapping.firstName ? text(claims[mapping.firstName]) : null) ?? named.firstName,
    lastName: (mapping.lastName ? text(claims[mapping.lastName]) : null) ?? named.lastName,
    username: mapping.username ? text(claims[mapping.username], 64) : null,
    imageUrl: mapping.picture ? safeImageUrl(claims[mapping.picture]) : null,
  };
}

/**
 * Whether an OpenID provider vouches for the email: its `email_verified`. Microsoft's `email` is
 * whatever a tenant admin typed (the "nOAuth" takeover), so there only a domain-verified address
 * (`xms_edov`) or a personal Microsoft account's own address counts.
 */
export function oidcEmailVerified(provider: OAuthProviderRecord, claims: Claims): boolean {
  if (provider.preset === 'microsoft') return isAsserted(claims.xms_edov) || claims.tid === MICROSOFT_CONSUMERS_TENANT;
  return isAsserted(claims.email_verified);
}

/** The tenant of personal Microsoft accounts (outlook.com, …), whose address is the account itself. */
const MICROSOFT_CONSUMERS_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

/** Apple sends the name only once, in the `user` form field of the first authorization. */
export function appleUserName(callback: URLSearchParams): { firstName: string | null; lastName: string | null } {
  try {
    const user = JSON.parse(callback.get('user') ?? 'null') as { name?: { firstName?: unknown; lastName?: unknown } } | null;
    return { firstName: text(user?.name?.firstName), lastName: text(user?.name?.lastName) };
  } catch {
    return { firstName: null, lastName: null };
  }
}
