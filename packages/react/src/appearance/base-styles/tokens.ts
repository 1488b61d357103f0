/** Shorthands for base styles, so every size follows `spacingUnit`, `borderRadius` and colours follow variables. */

/** A multiple of `spacingUnit`. @example sp(0.5) // 'calc(var(--usher-spacing)*0.5)' */
export const sp = (n: number): string => `calc(var(--usher-spacing)*${n})`;

/** A multiple of `borderRadius`. @example rad(1.5) */
export const rad = (n: number): string => (n === 1 ? 'var(--usher-radius)' : `calc(var(--usher-radius)*${n})`);

/** A colour variable. @example c('neutral-a200') // 'var(--usher-color-neutral-a200)' */
export const c = (name: string): string => `var(--usher-color-${name})`;

export const WEIGHT_MEDIUM = 'var(--usher-font-weight-medium)';
export const WEIGHT_BOLD = 'var(--usher-font-weight-bold)';

/** The focus ring every focusable element shows: 2px, primary, offset so it stays visible on any fill. */
export const FOCUS_RING = 'outline:2px solid var(--usher-color-primary);outline-offset:2px';

/** Text links: underlined (colour alone must not tell links apart, WCAG 1.4.1), stronger on hover. */
export const LINK = `color:var(--usher-color-primary);font-weight:${WEIGHT_MEDIUM};text-decoration:underline;text-decoration-color:var(--usher-color-primary-a400);text-underline-offset:0.2em;cursor:pointer;border-radius:calc(var(--usher-radius)*0.25)`;
export const LINK_HOVER = 'color:var(--usher-color-primary-700);text-decoration-color:currentColor';
