import { render, screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UsherProvider } from '../provider/UsherProvider.tsx';
import { prepareUsherStory, type PreparedUsherStory } from './prepare-usher-story.ts';
import { SessionStatus } from './SessionStatus.tsx';
import { signedInAs } from './usher-story.ts';

// The same preparation as Storybook's preview, with msw/node standing in for the service worker.
const server = setupServer();
const prepared: PreparedUsherStory[] = [];
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  prepared.splice(0).forEach((p) => p.dispose());
  server.resetHandlers();
});
afterAll(() => server.close());

async function prepare(...args: Parameters<typeof prepareUsherStory> extends [unknown, ...infer Rest] ? Rest : never) {
  const story = await prepareUsherStory(server, ...args);
  prepared.push(story);
  return story;
}

const renderStory = (story: PreparedUsherStory) =>
  render(
    <UsherProvider usher={story.usher}>
      <SessionStatus />
    </UsherProvider>,
  );

describe('prepareUsherStory', () => {
  it('with no seed, the story starts loaded and signed out, on a mock of its own', async () => {
    const story = await prepare();
    expect(story.usher.getSnapshot()).toMatchObject({ isLoaded: true, user: null });
    renderStory(story);
    expect(screen.getByRole('status')).toHaveProperty('textContent', 'Signed out');
  });

  it('signedInAs() seeds Ada through the real endpoints: the first frame shows her signed in', async () => {
    const story = await prepare({ seed: signedInAs() });
    renderStory(story);
    expect(screen.getByRole('status').textContent).toBe('Signed in as Ada Lovelace (ada@example.com)');
    expect(await story.mock.store.findUserByEmailAddress('ada@example.com')).not.toBeNull();
  });

  it('each story gets a fresh instance: users seeded by one are unknown to the next', async () => {
    await prepare({ seed: signedInAs() });
    const next = await prepare();
    expect(await next.mock.store.findUserByEmailAddress('ada@example.com')).toBeNull();
  });

  it("network 'held' keeps the SDK loading until the story is disposed", async () => {
    const story = await prepare({ network: 'held' });
    renderStory(story);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByRole('status').textContent).toBe('Loading session…');
    expect(story.usher.isLoaded).toBe(false);
  });
});
