import type { ProviderIdentity } from '../store/types.ts';
import { UsherError } from '../errors.ts';
import { normalizedEmail, safeImageUrl } from './identity-claims.ts';
import { PRESETS, type OAuthProviderRecord } from './providers.ts';

interface GitHubUser {
  id?: unknown;
  login?: unknown;
  /** The public profile address: unverified as far as we know. */
  email?: unknown;
  name?: unknown;
  avatar_url?: unknown;
}

interface GitHubEmail {
  email?: unknown;
  primary?: unknown;
  verified?: unknown;
}

async function getJson<T>(fetcher: typeof fetch, url: string, accessToken: string, provider: OAuthProviderRecord): Promise<T> {
  let response: Response;
  try {
    response = await fetcher(url, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/vnd.github+json', 'user-agent': 'usher', 'x-github-api-version': '2022-11-28' },
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new UsherError('oauth_provider_unreachable', { longMessage: `${provider.name} could not be reached. Try again in a moment.`, cause: error });
  }
  if (!response.ok) throw new UsherError('oauth_provider_error', { longMessage: `${provider.name} did not share your profile (HTTP ${response.status}). Try again.` });
  return (await response.json()) as T;
}

/**
 * GitHub has no ID token: the person is `GET /user`, and an address counts as verified only from
 * `GET /user/emails` (the profile's public email says nothing about ownership). The primary
 * verified address wins, else any verified one.
 */
export async function gitHubIdentity(fetcher: typeof fetch, provider: OAuthProviderRecord, accessToken: string): Promise<ProviderIdentity> {
  const base = (provider.apiBaseUrl ?? PRESETS.github.apiBaseUrl ?? '').replace(/\/+$/, '');
  const user = await getJson<GitHubUser>(fetcher, `${base}/user`, accessToken, provider);
  const emails = await getJson<GitHubEmail[]>(fetcher, `${base}/user/emails`, accessToken, provider).catch(() => [] as GitHubEmail[]);
  if ((typeof user.id !== 'number' && typeof user.id !== 'string') || String(user.id) === '') throw new UsherError('oauth_provider_error', { longMessage: `${provider.name} did not say who you are. Try again.` });
  const verified = Array.isArray(emails) ? emails.filter((e) => e.verified === true && normalizedEmail(e.email) !== null) : [];
  const chosen = verified.find((e) => e.primary === true) ?? verified[0];
  const name = typeof user.name === 'string' ? user.name.trim() : '';
  const space = name.indexOf(' ');
  return {
    provider: provider.id,
    subject: String(user.id),
    emailAddress: chosen ? normalizedEmail(chosen.email) : normalizedEmail(user.email),
    emailVerified: chosen !== undefined,
    firstName: name === '' ? null : space < 0 ? name : name.slice(0, space),
    lastName: space < 0 ? null : name.slice(space + 1).trim() || null,
    username: typeof user.login === 'string' ? user.login.slice(0, 64) : null,
    imageUrl: safeImageUrl(user.avatar_url),
  };
}
