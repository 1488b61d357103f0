import { hash } from '../hash.ts';
import { inLayer, LAYER_ORDER } from '../serialize.ts';
import { formsCss } from './forms.ts';
import { frameCss } from './frame.ts';
import { menusCss } from './menus.ts';
import { motionCss } from './motion.ts';
import { twoStepCss } from './two-step.ts';

/** A stylesheet Usher emits: its text and a stable id (a hash of the text). */
export interface UsherSheet {
  readonly id: string;
  readonly css: string;
}

// The CSS is built by functions, not module-level strings, so that a bundle which never uses a
// sheet (the sign-in page and MENUS_SHEET) drops its text entirely.
function sheet(name: string, build: () => string): UsherSheet {
  const text = LAYER_ORDER + inLayer('base', build().replace(/\n/g, ''));
  return { id: `usher-${name}-${hash(text)}`, css: text };
}

/** Base styles every component needs (frame, forms, feedback, motion); every root emits it. */
export const BASE_SHEET: UsherSheet = /* @__PURE__ */ sheet('base', () => frameCss() + formsCss() + motionCss());

/**
 * Base styles of UserButton, menus, popovers, modals and the UserProfile frame. A separate sheet
 * so the sign-in page does not download them: pass it to <AppearanceScope sheets={[MENUS_SHEET]}>.
 */
export const MENUS_SHEET: UsherSheet = /* @__PURE__ */ sheet('menus', menusCss);

/**
 * Base styles of two-step verification (authenticator setup, backup codes, the profile's section).
 * Emitted by those components themselves (<TwoStepStyles/>), wherever they render: UserProfile,
 * or a sign-in that asks to set up a second factor.
 */
export const TWO_STEP_SHEET: UsherSheet = /* @__PURE__ */ sheet('two-step', twoStepCss);
