import { hash } from '../hash.ts';
import { inLayer, LAYER_ORDER } from '../serialize.ts';
import { FORMS_CSS } from './forms.ts';
import { FRAME_CSS } from './frame.ts';
import { MENUS_CSS } from './menus.ts';
import { MOTION_CSS } from './motion.ts';

/** A stylesheet Usher emits: its text and a stable id (a hash of the text). */
export interface UsherSheet {
  readonly id: string;
  readonly css: string;
}

function sheet(name: string, css: string): UsherSheet {
  const text = LAYER_ORDER + inLayer('base', css.replace(/\n/g, ''));
  return { id: `usher-${name}-${hash(text)}`, css: text };
}

/** Base styles every component needs (frame, forms, feedback, motion); every root emits it. */
export const BASE_SHEET: UsherSheet = /* @__PURE__ */ sheet('base', FRAME_CSS + FORMS_CSS + MOTION_CSS);

/**
 * Base styles of UserButton, menus, popovers, modals and the UserProfile frame. A separate sheet
 * so the sign-in page does not download them: pass it to <AppearanceScope sheets={[MENUS_SHEET]}>.
 */
export const MENUS_SHEET: UsherSheet = /* @__PURE__ */ sheet('menus', MENUS_CSS);

/** The text of the base sheet (tests, and apps that want to inspect it). */
export const BASE_CSS = /* @__PURE__ */ (() => BASE_SHEET.css)();
export const BASE_CSS_ID = /* @__PURE__ */ (() => BASE_SHEET.id)();
