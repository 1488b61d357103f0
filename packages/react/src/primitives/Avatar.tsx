import BoringAvatar from 'boring-avatars';
import { forwardRef, useEffect, useRef, useState, type CSSProperties, type HTMLAttributes } from 'react';
import type { ElementKey } from '../appearance/element-keys.ts';
import { useAppearance, useElements } from '../appearance/use-elements.ts';
import { parseColor } from '../appearance/color.ts';
import { DEFAULT_VARIABLES } from '../appearance/defaults.ts';
import { shadeScale } from '../appearance/variables.ts';
import { useLocalization } from '../localization/use-localization.ts';

export interface AvatarProps extends Omit<HTMLAttributes<HTMLSpanElement>, 'children'> {
  /** 'image' shows `imageUrl`; 'marble' a generated picture; 'initials' letters. Default: image when there is a URL, else `fallback`. */
  variant?: 'image' | 'marble' | 'initials';
  imageUrl?: string | null;
  /** Whose avatar: seeds the marble, gives the initials and the accessible name. */
  name: string;
  initials?: string;
  /** What an image that fails to load falls back to. Default 'initials'. */
  fallback?: 'marble' | 'initials';
  /** Accessible name; default "Profile picture of {{name}}". */
  alt?: string;
  /** Next to the visible name already (user preview): hidden from assistive tech. */
  decorative?: boolean;
  /** Diameter in px (sets `--usher-avatar-size`). */
  size?: number;
  /** An extra element key for the box, e.g. 'userButtonAvatarBox'. */
  element?: ElementKey;
}

function initialsOf(name: string): string {
  const words = name.trim().split(/[\s@._-]+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? (words[1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/**
 * A round avatar: a photo, a generated "marble" (boring-avatars, coloured from the theme's
 * primary shades) or initials. A photo that fails to load, before or after hydration, falls back.
 *
 * @example <Avatar name="Ada Lovelace" imageUrl={user.hasImage ? user.imageUrl : null} fallback="marble" element="userButtonAvatarBox" />
 */
export const Avatar = forwardRef<HTMLSpanElement, AvatarProps>(function Avatar({ variant, imageUrl, name, initials, fallback = 'initials', alt, decorative, size, element, className, style, ...rest }, ref) {
  const el = useElements();
  const { t } = useLocalization();
  const { variables } = useAppearance();
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const img = useRef<HTMLImageElement | null>(null);
  const wanted = variant ?? (imageUrl ? 'image' : fallback);
  const shown = wanted === 'image' && (!imageUrl || failedUrl === imageUrl) ? fallback : wanted;
  const label = decorative ? undefined : (alt ?? t('avatar.imageAlt', { name }));

  useEffect(() => {
    // An error that happened before hydration fired no onError: check the loaded image instead.
    const node = img.current;
    if (node && imageUrl && node.complete && node.naturalWidth === 0 && node.currentSrc) setFailedUrl(imageUrl);
  }, [imageUrl]);

  const boxStyle = size ? ({ ...style, '--usher-avatar-size': `${size}px` } as CSSProperties) : style;
  // SVG fill attributes cannot hold var()/color-mix(): an unparsed primary uses the default palette.
  const scale = shadeScale(parseColor(variables.colorPrimary) ? variables.colorPrimary : DEFAULT_VARIABLES.colorPrimary, 'primary');
  const colors = [scale[200], scale[400], scale[600], scale[800], scale[950]];

  return (
    <span ref={ref} {...rest} style={boxStyle} {...el(['avatarBox', element], { id: shown, className })} data-variant={shown} aria-hidden={decorative || undefined}>
      {shown === 'image' && imageUrl ? (
        <img ref={img} {...el('avatarImage')} src={imageUrl} alt={label ?? ''} onError={() => setFailedUrl(imageUrl)} />
      ) : shown === 'marble' ? (
        <BoringAvatar {...el('avatarMarble')} variant="marble" name={name} colors={colors} size="100%" title={!decorative} role={decorative ? undefined : 'img'} aria-label={label} aria-hidden={decorative || undefined} />
      ) : (
        <span {...el('avatarInitials')} role={decorative ? undefined : 'img'} aria-label={label}>
          {initials ?? initialsOf(name)}
        </span>
      )}
    </span>
  );
});
