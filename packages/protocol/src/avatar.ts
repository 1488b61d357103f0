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

/** What a default avatar's initials are taken from. */
export interface AvatarPerson {
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  /** The primary email address; its local part is the last resort. */
  emailAddress: string | null;
}

/**
 * 1 or 2 Unicode letters: what `GET /v1/avatars/…?initials=` accepts (after NFC). The server and
 * the React components derive initials with the same rule below, so page and image agree.
 */
export const INITIALS_PATTERN = /^\p{L}{1,2}$/u;

const LETTER = /^\p{L}$/u;

/** Upper-cased when that is still one letter ('ß' would become 'SS': it stays 'ß'). */
function upper(letter: string): string {
  const upperCased = letter.toUpperCase();
  return LETTER.test(upperCased) ? upperCased : letter;
}

/** The first letter of `text` (leading digits, quotes, emoji are skipped), or ''. */
function firstLetter(text: string | null): string {
  for (const ch of text ?? '') {
    // A few letters are not NFC (they decompose into letter + mark): skipped, so that an initial
    // is always one letter the avatar URL accepts.
    const normalized = ch.normalize('NFC');
    if (LETTER.test(normalized)) return upper(normalized);
  }
  return '';
}

/** The first letters of the first and last word ("Ada Lovelace" → "AL", "jane.doe" → "JD"). */
function wordInitials(text: string | null): string {
  const words = (text ?? '').split(/[\s._+-]+/u).filter((word) => firstLetter(word) !== '');
  const first = words[0] ?? null;
  const last = words.length > 1 ? (words[words.length - 1] ?? null) : null;
  return firstLetter(first) + firstLetter(last);
}

/**
 * Up to two initials: of the first and last name; else of whichever name there is; else of the
 * username; else of the email address's local part. '' when none of these has a letter (the
 * caller then draws a marble instead).
 *
 * @example
 * initialsOf({ firstName: 'Ada', lastName: 'Lovelace', username: null, emailAddress: null }) // 'AL'
 * initialsOf({ firstName: null, lastName: null, username: null, emailAddress: 'jane.doe@example.com' }) // 'JD'
 */
export function initialsOf(person: AvatarPerson): string {
  const first = firstLetter(person.firstName);
  const last = firstLetter(person.lastName);
  if (first !== '' && last !== '') return first + last;
  if (first !== '') return wordInitials(person.firstName);
  if (last !== '') return wordInitials(person.lastName);
  const fromUsername = wordInitials(person.username);
  if (fromUsername !== '') return fromUsername;
  const email = person.emailAddress ?? '';
  const at = email.lastIndexOf('@');
  return wordInitials(at > 0 ? email.slice(0, at) : '');
}
