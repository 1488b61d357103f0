import { escapeHtml } from '../../mail/escape-html.ts';
import { avatarBackground, readableTextColor } from './avatar-colors.ts';

/** Same canvas as boring-avatars' marble, so both variants line up in one layout. */
const SIZE = 80;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';

/**
 * An initials avatar as a standalone SVG document: a circle in the seed's colour with up to two
 * letters in white or black, whichever contrasts more. Size-independent (viewBox only); the
 * initials are validated letters by now, and escaped all the same.
 *
 * @example
 * renderInitialsSvg('user_abc', 'AL') // '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80" role="img" …'
 */
export function renderInitialsSvg(seed: string, initials: string): string {
  const background = avatarBackground(seed);
  const label = escapeHtml(`Avatar (${initials})`);
  const text = escapeHtml(initials);
  const fontSize = [...initials].length > 1 ? 32 : 36;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="${label}">` +
    `<title>${label}</title>` +
    `<circle cx="${SIZE / 2}" cy="${SIZE / 2}" r="${SIZE / 2}" fill="${background}"/>` +
    `<text x="50%" y="50%" dy="0.35em" text-anchor="middle" fill="${readableTextColor(background)}" font-family="${FONT}" font-size="${fontSize}" font-weight="600">${text}</text>` +
    `</svg>`
  );
}
