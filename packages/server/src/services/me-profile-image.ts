import type { InstanceConfig } from '../config/instance.ts';
import { UsherError } from '../errors.ts';
import type { UserImageRecord, UserRecord } from '../store/types.ts';
import { sniffImage, type ImageType } from './avatars/image-format.ts';
import type { ClientContext } from './client-context.ts';
import { getMe } from './current-user.ts';
import { changeEvents } from './events.ts';
import type { Runtime } from './runtime.ts';

/** The SDK resizes before uploading; the server holds every image to the same bound. */
export const MAX_IMAGE_SIDE = 512;

export const IMAGE_EXTENSIONS: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };

/** Where an uploaded image is served: immutable, since each upload gets a new id. */
export function userImageUrl(publicUrl: string, image: Pick<UserImageRecord, 'id' | 'contentType'>): string {
  return `${publicUrl.replace(/\/+$/, '')}/v1/images/${image.id}.${IMAGE_EXTENSIONS[image.contentType]}`;
}

/**
 * POST /v1/me/profile_image: the bytes must be a PNG, JPEG, WebP or GIF (told by its bytes, not by
 * a declared type) of at most 512 × 512 pixels. It replaces the previous image; UserButton and
 * every `image_url` show it at once.
 */
export async function setProfileImage(rt: Runtime, _config: InstanceConfig, ctx: ClientContext, sessionId: string | null, bytes: Uint8Array): Promise<UserRecord> {
  const { user } = await getMe(rt, ctx, sessionId);
  const info = sniffImage(bytes);
  if (!info) throw new UsherError('form_param_format_invalid', { paramName: 'file', longMessage: 'The file is not a PNG, JPEG, WebP or GIF image.' });
  if (info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE) {
    throw new UsherError('form_param_value_invalid', { paramName: 'file', longMessage: `The image is ${info.width} × ${info.height} pixels; resize it to ${MAX_IMAGE_SIDE} pixels or less (the SDK does this for you).` });
  }
  const now = rt.now();
  const image: UserImageRecord = { id: rt.newId('img'), userId: user.id, contentType: info.type, data: bytes, createdAt: now };
  const updated = await rt.store.setUserImage({ image, imageUrl: userImageUrl(rt.config.publicUrl, image), now, emit: changeEvents(rt) });
  if (!updated) throw new UsherError('authentication_invalid');
  return updated;
}

/** DELETE /v1/me/profile_image: back to the default avatar. */
export async function removeProfileImage(rt: Runtime, ctx: ClientContext, sessionId: string | null): Promise<UserRecord> {
  const { user } = await getMe(rt, ctx, sessionId);
  const updated = await rt.store.removeUserImage(user.id, rt.now(), changeEvents(rt));
  if (!updated) throw new UsherError('authentication_invalid');
  return updated;
}
