import type { Store } from '../types.ts';
import { recordEvents } from './events.ts';
import { assertAbsent, copy, type MemoryTables } from './tables.ts';

type ImageMethods = Pick<Store, 'getUserImage' | 'setUserImage' | 'removeUserImage'>;

export function memoryUserImages(t: MemoryTables): ImageMethods {
  const dropImages = (userId: string) => {
    for (const [id, image] of t.userImages) if (image.userId === userId) t.userImages.delete(id);
  };
  return {
    async getUserImage(id) {
      const image = t.userImages.get(id);
      return image ? copy(image) : null;
    },
    async setUserImage({ image, imageUrl, now, emit }) {
      const user = t.users.get(image.userId);
      if (!user) return null;
      assertAbsent(t.userImages, image.id, 'user image');
      dropImages(user.id);
      t.userImages.set(image.id, copy(image));
      Object.assign(user, { imageUrl, updatedAt: now });
      recordEvents(t, emit, [['user.updated', user.id]]);
      return copy(user);
    },
    async removeUserImage(userId, now, emit) {
      const user = t.users.get(userId);
      if (!user) return null;
      dropImages(userId);
      Object.assign(user, { imageUrl: null, updatedAt: now });
      recordEvents(t, emit, [['user.updated', userId]]);
      return copy(user);
    },
  };
}
