import type { DefaultAvatarVariant } from '@usher/protocol';

/**
 * The absolute URL of a default avatar: `{publicUrl}/v1/avatars/{seed}.svg?variant=marble`, or
 * `?variant=initials&initials=AL` when there are initials to draw (else a marble). The seed is the
 * user id, so a user's marble URL never changes; an initials URL changes with the initials, which
 * is what lets the answer be cached forever. Built from the configured public URL, never from
 * request headers.
 *
 * @example
 * defaultAvatarUrl('https://auth.example.com', 'user_abc', 'initials', 'AL')
 * // 'https://auth.example.com/v1/avatars/user_abc.svg?variant=initials&initials=AL'
 */
export function defaultAvatarUrl(publicUrl: string, seed: string, variant: DefaultAvatarVariant, initials: string): string {
  const image = `${publicUrl.replace(/\/+$/, '')}/v1/avatars/${encodeURIComponent(seed)}.svg`;
  return variant === 'initials' && initials !== '' ? `${image}?variant=initials&initials=${encodeURIComponent(initials)}` : `${image}?variant=marble`;
}
