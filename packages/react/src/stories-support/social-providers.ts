import type { UsherMock } from '@usher/testing/browser';

/**
 * Providers a story can seed, registered as an app's server would (PUT /backend/v1/oauth_providers
 * with a secret key). Their client ids and secrets are placeholders: stories show the buttons and
 * the profile's list; starting a flow would leave for the real provider.
 */
export const STORY_PROVIDERS = {
  google: { preset: 'google', client_id: 'story-google', client_secret: 'story-google-secret' },
  github: { preset: 'github', client_id: 'story-github', client_secret: 'story-github-secret' },
  microsoft: { preset: 'microsoft', client_id: 'story-microsoft', client_secret: 'story-microsoft-secret' },
  apple: { preset: 'apple', client_id: 'com.example.story', apple_team_id: 'ABCDE12345', apple_key_id: 'KEY1234567', apple_private_key: '-----BEGIN PRIVATE KEY-----\nstory\n-----END PRIVATE KEY-----' },
  // No built-in icon: the button shows the name's first letter.
  acme: { preset: 'oidc', name: 'Acme ID', issuer: 'https://id.acme.example', client_id: 'story-acme', client_secret: 'story-acme-secret' },
} as const;

export type StoryProvider = keyof typeof STORY_PROVIDERS;

/**
 * Registers providers, in this order, on the story's instance.
 * @example seed: async ({ mock }) => seedSocialProviders(mock, ['google', 'github'])
 */
export async function seedSocialProviders(mock: UsherMock, providers: readonly StoryProvider[]): Promise<void> {
  const key = await mock.createSecretKey('stories');
  for (const id of providers) {
    const res = await mock.app.fetch(
      new Request(`${mock.origin}/backend/v1/oauth_providers/${id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(STORY_PROVIDERS[id]),
      }),
    );
    if (res.status !== 200) throw new Error(`seedSocialProviders(${id}): ${res.status} ${await res.text()}`);
  }
}

/** Links a provider account to a user, as a finished connection would (written to the story's store). */
export async function seedExternalAccount(mock: UsherMock, userId: string, account: { provider: StoryProvider; email: string; subject?: string }): Promise<void> {
  const now = Date.now();
  const suffix = `${account.provider}${'0'.repeat(37)}`.slice(0, 37);
  await mock.store.linkExternalAccount({
    account: { id: `eac_${suffix}`, userId, provider: account.provider, subject: account.subject ?? `${account.provider}-subject`, emailAddress: account.email, emailVerified: true, firstName: null, lastName: null, username: null, imageUrl: null, createdAt: now, updatedAt: now },
    takeOver: null,
    profile: {},
    now,
  });
}
