import { forwardRef, useRef, type HTMLAttributes, type RefObject } from 'react';
import type { ElementKey } from '../appearance/element-keys.ts';
import { useElements } from '../appearance/use-elements.ts';
import { useComposedRefs } from './compose-refs.ts';
import { usePopoverPosition, type Placement } from './use-popover-position.ts';

export interface PopoverProps extends HTMLAttributes<HTMLDivElement> {
  /** The element the popover is attached to. */
  anchorRef: RefObject<HTMLElement | null>;
  placement?: Placement;
  offset?: number;
  /** Element key of the surface; default 'popoverBox' (UserButton passes 'userButtonPopoverCard'). */
  element?: ElementKey;
}

/**
 * A floating surface next to an anchor (render it only while open). Fixed positioning, flipped
 * and clamped to the viewport, rendered in place (no portal) so it inherits the root's variables.
 *
 * @example {open ? <Popover anchorRef={triggerRef} placement="bottom-end">…</Popover> : null}
 */
export const Popover = forwardRef<HTMLDivElement, PopoverProps>(function Popover({ anchorRef, placement = 'bottom-start', offset = 8, element = 'popoverBox', className, style, children, ...rest }, ref) {
  const el = useElements();
  const own = useRef<HTMLDivElement | null>(null);
  const position = usePopoverPosition(anchorRef, own, true, placement, offset);
  return (
    <div
      ref={useComposedRefs(ref, own)}
      {...rest}
      {...el(element, { state: 'open', className })}
      data-state="open"
      data-placement={position?.placement ?? placement}
      // Hidden until measured, so it never flashes at the wrong place.
      style={{ position: 'fixed', top: position?.top ?? 0, left: position?.left ?? 0, visibility: position ? undefined : 'hidden', ...style }}
    >
      {children}
    </div>
  );
});
