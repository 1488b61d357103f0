import type { Store, UserImageRecord } from '../types.ts';
import type { SqlContext } from './context.ts';
import { insertEvents } from './events.ts';
import { toUser } from './mappers.ts';

type ImageMethods = Pick<Store, 'getUserImage' | 'setUserImage' | 'removeUserImage'>;

const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function sqlUserImages({ db }: SqlContext): ImageMethods {
  return {
    async getUserImage(id) {
      const row = await db.selectFrom('user_images').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      return { id: row.id, userId: row.user_id, contentType: row.content_type as UserImageRecord['contentType'], data: fromBase64(row.data), createdAt: Number(row.created_at) };
    },
    async setUserImage({ image, imageUrl, now, emit }) {
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('users').set({ image_url: imageUrl, updated_at: now }).where('id', '=', image.userId).returningAll().executeTakeFirst();
        if (!row) return null;
        await trx.deleteFrom('user_images').where('user_id', '=', image.userId).execute();
        await trx.insertInto('user_images').values({ id: image.id, user_id: image.userId, content_type: image.contentType, data: toBase64(image.data), created_at: image.createdAt }).execute();
        await insertEvents(trx, emit, [['user.updated', image.userId]]);
        return toUser(row);
      });
    },
    async removeUserImage(userId, now, emit) {
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('users').set({ image_url: null, updated_at: now }).where('id', '=', userId).returningAll().executeTakeFirst();
        if (!row) return null;
        await trx.deleteFrom('user_images').where('user_id', '=', userId).execute();
        await insertEvents(trx, emit, [['user.updated', userId]]);
        return toUser(row);
      });
    },
  };
}
