import type { DefaultAvatarVariant, UserJSON } from '@usher/protocol';
import type { InstanceConfig } from '../../config/instance.ts';
import type { ServerConfig } from '../../deps.ts';
import type { UserRecord } from '../../store/types.ts';
import { defaultAvatarUrl } from '../avatars/default-avatar-url.ts';
import { initialsOf } from '../avatars/initials.ts';

/** What a user's default avatar URL is made of: where the API lives and what the instance draws. */
export interface AvatarSettings {
  publicUrl: string;
  defaultAvatar: DefaultAvatarVariant;
}

export function avatarSettings(server: ServerConfig, instance: InstanceConfig): AvatarSettings {
  return { publicUrl: server.publicUrl, defaultAvatar: instance.branding.defaultAvatar };
}

/**
 * `image_url` + `has_image`: the uploaded image, else the instance's default avatar served by this
 * API (so emails and backends can show it too), with `has_image: false`.
 */
export function userImage(user: UserRecord, primaryEmailAddress: string | null, settings: AvatarSettings): Pick<UserJSON, 'image_url' | 'has_image'> {
  if (user.imageUrl !== null && user.imageUrl !== '') return { image_url: user.imageUrl, has_image: true };
  const initials =
    settings.defaultAvatar === 'initials'
      ? initialsOf({ firstName: user.firstName, lastName: user.lastName, username: user.username, emailAddress: primaryEmailAddress })
      : '';
  return { image_url: defaultAvatarUrl(settings.publicUrl, user.id, settings.defaultAvatar, initials), has_image: false };
}
