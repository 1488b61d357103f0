import { Usher, type FetchLike } from '@usher/core';
import { installUsherMock, signInClient, type UsherMock } from '@usher/testing/browser';
import { ADA, STORY_PASSWORD, type UsherStoryOptions, type UsherStorySeedContext } from './usher-story.ts';

/** The per-story state the preview hands to its decorator. */
export interface PreparedUsherStory {
  /** Distinct per preparation: key the provider with it so a re-seeded story remounts. */
  readonly id: string;
  readonly mock: UsherMock;
  readonly usher: Usher;
  /** Destroys the SDK instance and answers held requests with a network error. */
  dispose(): void;
}

/**
 * Gives a story its own instance of the real app (handlers added to `worker`), seeds it, and
 * creates the SDK in bearer mode: in a page, MSW cannot carry the `__client` cookie, so the client
 * token travels in headers. The SDK keeps nothing in storage and talks to no other tab, so stories
 * never leak state into each other.
 *
 * @example
 * beforeEach: async (context) => {
 *   const prepared = await prepareUsherStory(context.msw, context.parameters.usher);
 *   return () => prepared.dispose();
 * }
 */
export async function prepareUsherStory(worker: Parameters<typeof installUsherMock>[0], options: UsherStoryOptions = {}): Promise<PreparedUsherStory> {
  const mock = installUsherMock(worker, options.mock);
  let clientToken: string | null = null;
  const context: UsherStorySeedContext = {
    mock,
    seedUser: (input = {}) => mock.seedUser({ ...ADA, ...input }),
    signIn: async (user) => {
      const signedIn = await signInClient(mock, { identifier: user.email, password: user.password ?? STORY_PASSWORD, clientToken });
      clientToken = signedIn.clientToken;
      return signedIn;
    },
  };
  await options.seed?.(context);

  const held = new Set<() => void>();
  const fetchHeld: FetchLike = () =>
    new Promise<Response>((_resolve, reject) => {
      held.add(() => reject(new TypeError('Request dropped: the story was closed.')));
    });
  const usher = new Usher({
    frontendApi: mock.origin,
    transport: 'bearer',
    clientToken,
    storage: null,
    crossTab: false,
    sessionCookie: false,
    ...(options.network === 'held' ? { fetch: fetchHeld } : {}),
  });
  if (options.network !== 'held') await usher.load();

  return {
    id: crypto.randomUUID(),
    mock,
    usher,
    dispose() {
      usher.destroy();
      for (const release of held) release();
      held.clear();
    },
  };
}
