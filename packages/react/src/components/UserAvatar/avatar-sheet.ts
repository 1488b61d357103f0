import type { UsherSheet } from '../../appearance/base-styles/index.ts';
import { hash } from '../../appearance/hash.ts';
import { inLayer, LAYER_ORDER } from '../../appearance/serialize.ts';

const c = (name: string): string => `var(--usher-color-${name})`;

/**
 * Initials sit on the app's page (a header), not on an Usher card: their circle gets the theme's
 * own background below the neutral tint, so the theme's text colour always contrasts with it
 * whatever the page behind (a dark theme on a white page included).
 */
const css = () => `.usher-avatarBox.usher-avatarBox__initials{background:linear-gradient(${c('neutral-a100')},${c('neutral-a100')}),${c('background')}}`;

function build(): UsherSheet {
  const text = LAYER_ORDER + inLayer('base', css());
  return { id: `usher-avatar-${hash(text)}`, css: text };
}

/** Base styles of user avatars (UserAvatar, UserButton), beyond the common avatar styles. */
export const AVATAR_SHEET: UsherSheet = /* @__PURE__ */ build();
