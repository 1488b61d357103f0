import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, UserImageRecord } from '../types.ts';
import { T0, givenUser, nextId, type MakeStore, type TeardownStore } from './fixtures.ts';

const anImage = (userId: string, bytes: number[] = [0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]): UserImageRecord => ({
  id: nextId('img'),
  userId,
  contentType: 'image/png',
  data: new Uint8Array(bytes),
  createdAt: T0,
});

/** Registers the conformance cases for profile images. */
export function userImagesCases(make: MakeStore, teardown: TeardownStore): void {
  describe('user images', () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await teardown(store);
    });

    it('stores the bytes exactly, sets the URL, and replaces the previous image', async () => {
      const { user } = await givenUser(store);
      const first = anImage(user.id, Array.from({ length: 70_000 }, (_, i) => i % 256));
      expect(await store.setUserImage({ image: first, imageUrl: 'https://auth.example.com/v1/images/a.png', now: T0 + 1 })).toMatchObject({ imageUrl: 'https://auth.example.com/v1/images/a.png', updatedAt: T0 + 1 });
      const stored = await store.getUserImage(first.id);
      expect(stored?.contentType).toBe('image/png');
      expect(Array.from(stored!.data)).toEqual(Array.from(first.data));
      const second = anImage(user.id);
      await store.setUserImage({ image: second, imageUrl: 'https://auth.example.com/v1/images/b.png', now: T0 + 2 });
      expect(await store.getUserImage(first.id)).toBeNull();
      expect((await store.getUser(user.id))?.imageUrl).toBe('https://auth.example.com/v1/images/b.png');
      expect(await store.setUserImage({ image: anImage('user_unknown'), imageUrl: 'x', now: T0 })).toBeNull();
    });

    it('removeUserImage clears the URL and the bytes; deleting the user deletes its image', async () => {
      const { user } = await givenUser(store);
      const image = anImage(user.id);
      await store.setUserImage({ image, imageUrl: 'https://auth.example.com/v1/images/a.png', now: T0 + 1 });
      expect((await store.removeUserImage(user.id, T0 + 2))?.imageUrl).toBeNull();
      expect(await store.getUserImage(image.id)).toBeNull();
      const again = anImage(user.id);
      await store.setUserImage({ image: again, imageUrl: 'https://auth.example.com/v1/images/c.png', now: T0 + 3 });
      await store.deleteUser(user.id, T0 + 4);
      expect(await store.getUserImage(again.id)).toBeNull();
      expect(await store.removeUserImage('user_unknown', T0)).toBeNull();
    });
  });
}
