import type { SeededUser, SeedUserInput, SignedInClient, UsherMock, UsherMockOptions } from '@usher/testing/browser';
import type { PreparedUsherStory } from './prepare-usher-story.ts';

declare module 'storybook/internal/csf' {
  interface StoryContext {
    /** The story's mock app and SDK instance (set by `.storybook/preview.tsx` before render). */
    usher: PreparedUsherStory;
  }
}

/** What a story's `seed` receives: the story's own instance of the real server app. */
export interface UsherStorySeedContext {
  /** The real app on a fresh memory store: `seedUser`, `mailbox`, `clock`, `store`, `app`. */
  readonly mock: UsherMock;
  /** A verified user made through the real sign-up endpoints (defaults: Ada Lovelace, a password). */
  seedUser(input?: Partial<SeedUserInput>): Promise<SeededUser>;
  /**
   * Signs the story's browser client in as `user` with a password, through the real sign-in
   * endpoint. Called again on a multi-session instance
   * (`mock: { instanceConfig: { sessions: { singleSessionMode: false } } }`), the client holds both
   * sessions and the last one is active.
   */
  signIn(user: { email: string; password?: string | undefined }): Promise<SignedInClient>;
}

export interface UsherStoryOptions {
  /** Puts the instance in the state the story shows, before it renders. */
  seed?: (context: UsherStorySeedContext) => Promise<void> | void;
  /** Instance settings and rate limits of the story's mock (the origin is the page's). */
  mock?: Omit<UsherMockOptions, 'origin' | 'pageOrigin'>;
  /**
   * `live` (default): the SDK is loaded before the story renders, so the first frame already shows
   * the seeded state. `held`: the SDK's requests are held in the page and never answered while the
   * story is shown: the loading state, without a hand-written response.
   */
  network?: 'live' | 'held';
}

/** The password of users seeded by stories (strong enough for the default policy). */
export const STORY_PASSWORD = 'correct horse battery staple';

/** The default seeded user. */
export const ADA: SeedUserInput = { email: 'ada@example.com', password: STORY_PASSWORD, firstName: 'Ada', lastName: 'Lovelace' };

type WithUsherParameters<TStory> = TStory & { parameters: NonNullable<TStory extends { parameters?: infer P } ? P : never> & { usher: UsherStoryOptions } };

/**
 * A story whose Usher instance is seeded through the real server app: `.storybook/preview.tsx`
 * gives every story a fresh mock (MSW worker → real app on a memory store) and an SDK in bearer
 * mode, runs `seed`, loads the SDK, then renders the story inside `<UsherProvider>`.
 *
 * @example
 * export const SignedOut: Story = usherStory();
 * export const SignedIn: Story = usherStory({ seed: signedInAs({ firstName: 'Grace' }) });
 * export const Loading: Story = usherStory({ network: 'held' });
 * export const WithArgs: Story = usherStory({ seed: signedInAs() }, { args: { compact: true } });
 */
export function usherStory<TStory extends { parameters?: Record<string, unknown> } = object>(options: UsherStoryOptions = {}, story?: TStory): WithUsherParameters<TStory> {
  const base = (story ?? {}) as TStory;
  return { ...base, parameters: { ...base.parameters, usher: options } } as WithUsherParameters<TStory>;
}

/**
 * A `seed` that creates one user (Ada by default, overridable) and signs the story's client in.
 *
 * @example export const SignedIn: Story = usherStory({ seed: signedInAs({ email: 'grace@example.com', firstName: 'Grace' }) });
 */
export function signedInAs(input: Partial<SeedUserInput> = {}): NonNullable<UsherStoryOptions['seed']> {
  return async ({ seedUser, signIn }) => {
    await signIn(await seedUser(input));
  };
}
