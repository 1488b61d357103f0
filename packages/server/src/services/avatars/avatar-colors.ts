import { AVATAR_PALETTE } from '@usher/protocol';

/**
 * Java's String.hashCode (32-bit, made positive), which boring-avatars also picks colours with.
 * Kept identical so that an initials avatar wears the base colour of the marble for the same seed,
 * and a client can compute it too.
 */
export function avatarHash(seed: string): number {
  let hash = 0;
  for (let i = 0; i < seed.length; i++) {
    hash = (hash << 5) - hash + seed.charCodeAt(i);
    hash |= 0;
  }
  return Math.abs(hash);
}

/** The background of a seed's avatar: the palette colour boring-avatars' marble starts from. */
export function avatarBackground(seed: string): string {
  return AVATAR_PALETTE[avatarHash(seed) % AVATAR_PALETTE.length] as string;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new TypeError(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => channel(parseInt(part as string, 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * White or black, whichever contrasts more with `background`. The better of the two always reaches
 * at least 4.58:1 (WCAG AA for normal text), whatever the background, so any palette is safe.
 */
export function readableTextColor(background: string): '#FFFFFF' | '#000000' {
  return contrastRatio(background, '#FFFFFF') >= contrastRatio(background, '#000000') ? '#FFFFFF' : '#000000';
}
