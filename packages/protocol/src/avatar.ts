/**
 * Default avatars, for users without an uploaded image. The server draws them at
 * `GET /v1/avatars/{seed}.svg` (the URL a user's `image_url` holds then); a client may draw the
 * same picture itself with boring-avatars, from the same seed (the user id) and this palette.
 *
 * @example
 * <Avatar variant="marble" name={user.id} colors={[...AVATAR_PALETTE]} />
 */
export const AVATAR_PALETTE = ['#92A1C6', '#146A7C', '#F0AB3D', '#C271B4', '#C20D90'] as const;

/** What an instance draws for users without an image (`display_config.default_avatar`). */
export type DefaultAvatarVariant = 'marble' | 'initials';
