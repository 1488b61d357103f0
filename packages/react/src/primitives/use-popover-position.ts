import { useState, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect.ts';

export type Placement = 'bottom-start' | 'bottom-end' | 'top-start' | 'top-end';

export interface PopoverPosition {
  top: number;
  left: number;
  placement: Placement;
}

const MARGIN = 8;

/** Where a floating box of `size` goes next to `anchor`, flipped and clamped to stay in the viewport. */
export function computePosition(anchor: DOMRect, size: { width: number; height: number }, viewport: { width: number; height: number }, placement: Placement, offset: number): PopoverPosition {
  const [side, align] = placement.split('-') as ['top' | 'bottom', 'start' | 'end'];
  const below = viewport.height - anchor.bottom - offset;
  const above = anchor.top - offset;
  const vertical = side === 'bottom' ? (below < size.height && above > below ? 'top' : 'bottom') : above < size.height && below > above ? 'bottom' : 'top';
  const top = vertical === 'bottom' ? anchor.bottom + offset : anchor.top - offset - size.height;
  const wantedLeft = align === 'start' ? anchor.left : anchor.right - size.width;
  const left = Math.max(MARGIN, Math.min(wantedLeft, viewport.width - size.width - MARGIN));
  return { top: Math.max(MARGIN, top), left, placement: `${vertical}-${align}` };
}

/**
 * Positions a fixed box next to its anchor while `open`, following scroll and resize. Measures
 * in a layout effect, so the first paint is already in place. No dependency, no portal.
 *
 * @example const position = usePopoverPosition(triggerRef, popoverRef, open, 'bottom-end');
 */
export function usePopoverPosition(anchorRef: RefObject<HTMLElement | null>, floatingRef: RefObject<HTMLElement | null>, open: boolean, placement: Placement = 'bottom-start', offset = 8): PopoverPosition | null {
  const [position, setPosition] = useState<PopoverPosition | null>(null);
  useIsomorphicLayoutEffect(() => {
    if (!open) return;
    const update = () => {
      const anchor = anchorRef.current;
      const floating = floatingRef.current;
      if (!anchor || !floating) return;
      const next = computePosition(anchor.getBoundingClientRect(), { width: floating.offsetWidth, height: floating.offsetHeight }, { width: window.innerWidth, height: window.innerHeight }, placement, offset);
      setPosition((prev) => (prev && prev.top === next.top && prev.left === next.left && prev.placement === next.placement ? prev : next));
    };
    update();
    window.addEventListener('resize', update);
    window.addEventListener('scroll', update, true);
    return () => {
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, true);
    };
  }, [open, placement, offset, anchorRef, floatingRef]);
  return open ? position : null;
}
