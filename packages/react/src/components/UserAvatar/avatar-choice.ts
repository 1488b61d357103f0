import type { DefaultAvatarVariant } from '@usher/protocol';
import { initialsOf } from '@usher/protocol/avatar';

/** The parts of a User (from @usher/core) that an avatar and a user preview need. */
export interface AvatarUser {
  readonly id: string;
  readonly imageUrl: string;
  readonly hasImage: boolean;
  readonly fullName: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly username: string | null;
  readonly primaryEmailAddress: { readonly emailAddress: string } | null;
}

/**
 * What to draw for a user:
 * - `image`: the uploaded picture (only when `hasImage`), falling back to `fallback` if it fails;
 * - `marble`: boring-avatars' marble seeded with the user id, in AVATAR_PALETTE (the very picture
 *   the server's `/v1/avatars/{id}.svg?variant=marble` answers);
 * - `initials`: up to two letters.
 * Default avatars are drawn in the page: no request, no flash.
 */
export type AvatarChoice =
  | { variant: 'image'; url: string; fallback: Exclude<AvatarChoice, { variant: 'image' }> }
  | { variant: 'marble'; seed: string }
  | { variant: 'initials'; seed: string; initials: string };

/**
 * Up to two initials, by the server's rule (so the page and the server's `initials` SVG agree):
 * first + last name; else whichever name there is; else the username; else the email's local part.
 * '' when none has a letter.
 *
 * @example userInitials({ firstName: 'Ada', lastName: 'Lovelace', … }) // 'AL'
 */
export function userInitials(user: Pick<AvatarUser, 'firstName' | 'lastName' | 'username' | 'primaryEmailAddress'>): string {
  return initialsOf({ firstName: user.firstName, lastName: user.lastName, username: user.username, emailAddress: user.primaryEmailAddress?.emailAddress ?? null });
}

/** The initials the server already put in a default avatar URL (`?variant=initials&initials=AL`), if any. */
function initialsFromUrl(imageUrl: string): string {
  try {
    const url = new URL(imageUrl, 'http://usher.invalid');
    return url.searchParams.get('variant') === 'initials' ? (url.searchParams.get('initials') ?? '') : '';
  } catch {
    return '';
  }
}

/**
 * Which avatar to draw for `user`, given the instance's `display_config.default_avatar`.
 *
 * @example chooseAvatar(user, environment?.displayConfig.defaultAvatar ?? 'marble')
 */
export function chooseAvatar(user: AvatarUser, defaultAvatar: DefaultAvatarVariant = 'marble'): AvatarChoice {
  let generated: Exclude<AvatarChoice, { variant: 'image' }> = { variant: 'marble', seed: user.id };
  if (defaultAvatar === 'initials') {
    const initials = initialsFromUrl(user.imageUrl) || userInitials(user);
    // Like the server: nothing to spell, so a marble.
    if (initials !== '') generated = { variant: 'initials', seed: user.id, initials };
  }
  if (user.hasImage && user.imageUrl) return { variant: 'image', url: user.imageUrl, fallback: generated };
  return generated;
}

/**
 * The name a user goes by in the UI: the full name, else the username, else the primary email.
 *
 * @example displayName(user) // 'Ada Lovelace'
 */
export function displayName(user: Pick<AvatarUser, 'fullName' | 'firstName' | 'lastName' | 'username' | 'primaryEmailAddress'>): string {
  const full = user.fullName?.trim() || [user.firstName, user.lastName].filter(Boolean).join(' ').trim();
  return full || user.username || user.primaryEmailAddress?.emailAddress || '';
}
