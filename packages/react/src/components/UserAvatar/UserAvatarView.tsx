import { AVATAR_PALETTE } from '@usher/protocol/avatar';
import BoringAvatar from 'boring-avatars';
import { useEffect, useRef, useState } from 'react';
import type { ElementKey } from '../../appearance/element-keys.ts';
import { useElements } from '../../appearance/use-elements.ts';
import { useLocalization } from '../../localization/use-localization.ts';
import { chooseAvatar, displayName, type AvatarUser } from './avatar-choice.ts';

// boring-avatars draws on an 80×80 canvas; the server's SVG uses the same one.
const CANVAS = 80;
const PALETTE = [...AVATAR_PALETTE];

export interface UserAvatarViewProps {
  user: AvatarUser;
  /** The instance's `display_config.default_avatar`. */
  defaultAvatar: 'marble' | 'initials';
  /** An extra element key for the box (`userButtonAvatarBox`, `userPreviewAvatarBox`). */
  element?: ElementKey;
  /** Beside a visible name or inside a labelled button: hidden from assistive tech. */
  decorative?: boolean;
}

/**
 * A user's avatar: the uploaded picture when there is one (`hasImage`), else the instance's
 * default avatar drawn in the page, from the same seed and palette the server uses. A picture that
 * fails to load, before or after hydration, falls back to the default avatar.
 */
export function UserAvatarView({ user, defaultAvatar, element, decorative }: UserAvatarViewProps) {
  const el = useElements();
  const { t } = useLocalization();
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const img = useRef<HTMLImageElement | null>(null);
  const choice = chooseAvatar(user, defaultAvatar);
  const shown = choice.variant === 'image' && failedUrl === choice.url ? choice.fallback : choice;
  const name = displayName(user);
  const imageUrl = choice.variant === 'image' ? choice.url : null;

  useEffect(() => {
    // An error that happened before hydration fired no onError: look at the loaded image instead.
    const node = img.current;
    if (node && imageUrl && node.complete && node.naturalWidth === 0 && node.currentSrc) setFailedUrl(imageUrl);
  }, [imageUrl]);

  const label = decorative ? undefined : t(shown.variant === 'image' ? 'avatar.imageAlt' : 'avatar.fallbackAlt', { name });
  return (
    <span {...el(['avatarBox', element], { id: shown.variant })} data-variant={shown.variant} aria-hidden={decorative || undefined}>
      {shown.variant === 'image' ? (
        <img ref={img} {...el('avatarImage')} src={shown.url} alt={label ?? ''} onError={() => setFailedUrl(shown.url)} />
      ) : shown.variant === 'marble' ? (
        // An outer SVG carries the accessible name: boring-avatars' own <title> would be the seed (the user id).
        <svg {...el('avatarMarble')} viewBox={`0 0 ${CANVAS} ${CANVAS}`} role={decorative ? undefined : 'img'} aria-label={label} aria-hidden={decorative || undefined}>
          {label ? <title>{label}</title> : null}
          <BoringAvatar variant="marble" name={shown.seed} colors={PALETTE} size="100%" aria-hidden="true" />
        </svg>
      ) : (
        <span {...el('avatarInitials')} role={decorative ? undefined : 'img'} aria-label={label}>
          {shown.initials}
        </span>
      )}
    </span>
  );
}
