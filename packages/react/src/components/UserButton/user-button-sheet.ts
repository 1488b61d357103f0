import type { UsherSheet } from '../../appearance/base-styles/index.ts';
import { hash } from '../../appearance/hash.ts';
import { inLayer, LAYER_ORDER } from '../../appearance/serialize.ts';

const c = (name: string): string => `var(--usher-color-${name})`;
const sp = (n: number): string => `calc(var(--usher-spacing)*${n})`;

/**
 * What UserButton adds to MENUS_SHEET: the name beside the avatar in the page's own colour (it sits
 * in the app's header, not on a themed card), the focus ring of the trigger, the shimmer over the avatar on
 * hover (only with `layout.shimmer`, and never under `prefers-reduced-motion: reduce`), and the
 * list of other accounts. In the base layer like every base style, so themes and apps override it.
 */
const css = () =>
  `
.usher-rootBox[data-usher-component=userButton]{color:inherit}
.usher-userButtonTrigger .usher-userButtonOuterIdentifier{color:inherit}
.usher-userButtonTrigger:focus-visible{outline:2px solid ${c('primary')};outline-offset:2px}
.usher-userButtonTrigger .usher-avatarBox{transition:box-shadow 0.15s}
.usher-rootBox[data-usher-shimmer] .usher-userButtonAvatarBox::after{content:"";position:absolute;inset:0;border-radius:inherit;background:linear-gradient(100deg,transparent 25%,${c('shimmer')} 50%,transparent 75%);transform:translateX(-100%);pointer-events:none}
@media (prefers-reduced-motion:no-preference){.usher-rootBox[data-usher-shimmer] .usher-userButtonAvatarBox::after{transition:transform 0.6s ease}.usher-rootBox[data-usher-shimmer] .usher-userButtonTrigger:hover .usher-userButtonAvatarBox::after{transform:translateX(100%)}}
.usher-userButtonPopoverActionButtonText{min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.usher-userButtonPopoverSessionList{display:flex;flex-direction:column;gap:1px;margin-block:${sp(0.25)};padding-block:${sp(0.25)};border-block:1px solid ${c('neutral-a100')}}
.usher-userButtonPopoverSessionList .usher-userPreviewAvatarBox{--usher-avatar-size:2rem}
`.replace(/\n/g, '');

function build(): UsherSheet {
  const text = LAYER_ORDER + inLayer('base', css());
  return { id: `usher-userButton-${hash(text)}`, css: text };
}

/** UserButton's own base styles; passed with MENUS_SHEET so only pages with a UserButton load them. */
export const USER_BUTTON_SHEET: UsherSheet = /* @__PURE__ */ build();
