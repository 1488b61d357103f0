import { AVATAR_PALETTE } from '@usher/protocol';
import Avatar from 'boring-avatars';
import { renderToStaticMarkup } from 'react-dom/server';

const SIZE = 80;
const LABEL = 'Avatar';

/**
 * boring-avatars' marble for `seed`, as a standalone SVG document: the very markup the React
 * client renders with `<Avatar variant="marble" name={seed} colors={AVATAR_PALETTE} />`, inside
 * an outer SVG that carries the accessible name and only a viewBox (so it takes any size).
 * Deterministic: the same seed gives the same bytes.
 *
 * @example
 * renderMarbleSvg('user_abc') // '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 80" role="img" …'
 */
export function renderMarbleSvg(seed: string): string {
  return renderToStaticMarkup(
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={LABEL}>
      <title>{LABEL}</title>
      <Avatar variant="marble" name={seed} colors={[...AVATAR_PALETTE]} size="100%" aria-hidden="true" />
    </svg>,
  );
}
