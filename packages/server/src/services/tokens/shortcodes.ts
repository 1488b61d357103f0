/**
 * `{{user.*}}` shortcodes in JWT template claims. A string that is exactly one shortcode becomes
 * the value itself (a boolean stays a boolean, metadata stays an object); a shortcode inside other
 * text is interpolated as text (null as the empty string). Pure.
 */
import type { PhoneNumberRecord, EmailAddressRecord, UserRecord } from '../../store/types.ts';

const SHORTCODE = /\{\{\s*([a-z_][a-z0-9_.]*)\s*\}\}/gi;
const WHOLE = /^\{\{\s*([a-z_][a-z0-9_.]*)\s*\}\}$/i;

export const USER_SHORTCODES = [
  'user.id',
  'user.full_name',
  'user.first_name',
  'user.last_name',
  'user.username',
  'user.image_url',
  'user.primary_email_address',
  'user.primary_phone_number',
  'user.email_verified',
  'user.phone_number_verified',
  'user.created_at',
  'user.updated_at',
  'user.public_metadata',
] as const;

/** What shortcodes read: the user, its primary address and the image URL it is shown with. */
export interface ShortcodeUser {
  user: UserRecord;
  primaryEmail: EmailAddressRecord | null;
  /** The user's primary phone number (verified by construction), if any. */
  primaryPhone?: PhoneNumberRecord | null;
  imageUrl: string;
}

export function isKnownShortcode(path: string): boolean {
  return (USER_SHORTCODES as readonly string[]).includes(path) || /^user\.public_metadata\.[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(path);
}

/** Every shortcode path used anywhere in `value` (keys are never templated). */
export function shortcodesIn(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(SHORTCODE)].map((m) => m[1] ?? '');
  if (Array.isArray(value)) return value.flatMap(shortcodesIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(shortcodesIn);
  return [];
}

function lookup(path: string, view: ShortcodeUser): unknown {
  const { user, primaryEmail } = view;
  if (path.startsWith('user.public_metadata.')) {
    let current: unknown = user.publicMetadata;
    for (const key of path.slice('user.public_metadata.'.length).split('.')) {
      current = current && typeof current === 'object' && !Array.isArray(current) && Object.hasOwn(current, key) ? (current as Record<string, unknown>)[key] : null;
    }
    return current ?? null;
  }
  switch (path) {
    case 'user.id':
      return user.id;
    case 'user.full_name':
      return [user.firstName, user.lastName].filter(Boolean).join(' ') || null;
    case 'user.first_name':
      return user.firstName;
    case 'user.last_name':
      return user.lastName;
    case 'user.username':
      return user.username;
    case 'user.image_url':
      return view.imageUrl;
    case 'user.primary_email_address':
      return primaryEmail?.emailAddress ?? null;
    case 'user.primary_phone_number':
      return view.primaryPhone?.phoneNumber ?? null;
    case 'user.email_verified':
      return primaryEmail !== null && primaryEmail.verifiedAt !== null;
    case 'user.phone_number_verified':
      return (view.primaryPhone?.verifiedAt ?? null) !== null;
    case 'user.created_at':
      return user.createdAt;
    case 'user.updated_at':
      return user.updatedAt;
    case 'user.public_metadata':
      return structuredClone(user.publicMetadata);
    default:
      return null;
  }
}

/** The claims with every shortcode replaced for this user. */
export function resolveShortcodes(value: unknown, view: ShortcodeUser): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole?.[1]) return lookup(whole[1], view);
    return value.replace(SHORTCODE, (_, path: string) => {
      const resolved = lookup(path, view);
      if (resolved === null || resolved === undefined) return '';
      return typeof resolved === 'object' ? JSON.stringify(resolved) : String(resolved);
    });
  }
  if (Array.isArray(value)) return value.map((item) => resolveShortcodes(item, view));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveShortcodes(item, view)]));
  return value;
}
